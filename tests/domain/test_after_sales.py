"""The after-sales state machines, deadlines, money, templates and supplier record."""

from __future__ import annotations

import itertools

import pytest

from dropship_desktop.domain.after_sales import (
    BUYER_FINAL,
    CaseKind,
    CaseMoney,
    DeadlineStage,
    buyer_next_states,
    buyer_step_problems,
    deadline_at,
    deadline_stage,
    default_deadline_hours,
    is_open,
    queue_rank,
    supplier_next_states,
    supplier_refund_plan,
    supplier_step_problems,
)
from dropship_desktop.domain.after_sales import BuyerState as B
from dropship_desktop.domain.after_sales import SupplierState as S
from dropship_desktop.domain.reply_templates import fill_template
from dropship_desktop.domain.supplier_record import SupplierRecord, defect_trend

#: The path each kind takes from the request to its happy end.
HAPPY_PATHS = {
    CaseKind.REFUND_ONLY: [B.REQUESTED, B.AGREED, B.REFUNDED],
    CaseKind.RETURN_REFUND: [B.REQUESTED, B.AGREED, B.GOODS_RETURNED, B.REFUNDED],
    CaseKind.EXCHANGE: [B.REQUESTED, B.AGREED, B.GOODS_RETURNED, B.EXCHANGED],
    CaseKind.RESHIP: [B.REQUESTED, B.AGREED, B.EXCHANGED],
    CaseKind.REPAIR: [B.REQUESTED, B.AGREED, B.GOODS_RETURNED, B.EXCHANGED],
    CaseKind.SUPPORT: [B.REQUESTED, B.CLOSED],
}


@pytest.mark.parametrize("kind", list(CaseKind))
def test_every_kind_walks_its_happy_path(kind: CaseKind) -> None:
    path = HAPPY_PATHS[kind]
    for current, target in itertools.pairwise(path):
        assert target in buyer_next_states(kind, current)
        assert buyer_step_problems(kind, current, target, refunded_fen=100) == []
    assert path[-1] in BUYER_FINAL
    assert buyer_next_states(kind, path[-1]) == ()


@pytest.mark.parametrize("kind", [k for k in CaseKind if k is not CaseKind.SUPPORT])
def test_refusal_then_reconsidered_or_closed(kind: CaseKind) -> None:
    assert B.REFUSED in buyer_next_states(kind, B.REQUESTED)
    assert set(buyer_next_states(kind, B.REFUSED)) == {B.AGREED, B.CLOSED}


def test_steps_a_kind_does_not_have_are_refused() -> None:
    # Refund only: no goods come back; re-ship: nothing to return; support: nothing to agree.
    assert buyer_step_problems(CaseKind.REFUND_ONLY, B.AGREED, B.GOODS_RETURNED)
    assert buyer_step_problems(CaseKind.RESHIP, B.AGREED, B.REFUNDED, refunded_fen=5)
    assert buyer_step_problems(CaseKind.SUPPORT, B.REQUESTED, B.AGREED)
    assert buyer_step_problems(CaseKind.EXCHANGE, B.GOODS_RETURNED, B.REFUNDED, refunded_fen=5)
    # No going back from a finished case.
    assert buyer_step_problems(CaseKind.REFUND_ONLY, B.REFUNDED, B.AGREED)
    message = str(buyer_step_problems(CaseKind.REFUND_ONLY, B.REFUNDED, B.AGREED)[0])
    assert "Refund only" in message and "Refunded" in message


def test_refund_amount_must_be_positive_and_within_what_was_paid() -> None:
    kind = CaseKind.REFUND_ONLY
    assert buyer_step_problems(kind, B.AGREED, B.REFUNDED, refunded_fen=0)
    assert buyer_step_problems(kind, B.AGREED, B.REFUNDED, refunded_fen=7000, paid_fen=6900)
    assert buyer_step_problems(kind, B.AGREED, B.REFUNDED, refunded_fen=6900, paid_fen=6900) == []


@pytest.mark.parametrize("kind", [k for k in CaseKind if k is not CaseKind.SUPPORT])
def test_supplier_side_happy_path(kind: CaseKind) -> None:
    goods_back = kind in (CaseKind.RETURN_REFUND, CaseKind.EXCHANGE, CaseKind.REPAIR)
    path = [S.NONE, S.REQUESTED, S.AGREED]
    path += [S.GOODS_RETURNED, S.REFUNDED] if goods_back else [S.REFUNDED]
    for current, target in itertools.pairwise(path):
        assert (
            supplier_step_problems(
                kind, current, target, recovered_fen=100, return_tracking_no="SF123"
            )
            == []
        ), (current, target)
    assert (S.GOODS_RETURNED in supplier_next_states(kind, S.AGREED)) is goods_back


@pytest.mark.parametrize("kind", [k for k in CaseKind if k is not CaseKind.SUPPORT])
def test_supplier_refusal_and_asking_again(kind: CaseKind) -> None:
    assert supplier_step_problems(kind, S.REQUESTED, S.REFUSED) == []
    assert supplier_step_problems(kind, S.REFUSED, S.REQUESTED) == []
    assert supplier_step_problems(kind, S.REFUSED, S.REFUNDED, recovered_fen=1)


def test_supplier_side_rules() -> None:
    kind = CaseKind.RETURN_REFUND
    assert supplier_next_states(CaseKind.SUPPORT, S.NONE) == ()
    assert supplier_step_problems(kind, S.NONE, S.REQUESTED, has_1688_order=False)
    assert supplier_step_problems(kind, S.AGREED, S.GOODS_RETURNED, return_tracking_no=" ")
    assert supplier_step_problems(kind, S.AGREED, S.REFUNDED, recovered_fen=0)
    assert supplier_step_problems(kind, S.AGREED, S.REFUNDED, recovered_fen=5000, paid_fen=4000)
    assert supplier_step_problems(kind, S.NONE, S.REFUNDED, recovered_fen=100)


def test_open_while_either_side_is_under_way() -> None:
    assert is_open(B.REQUESTED, S.NONE)
    assert not is_open(B.REFUNDED, S.NONE)
    assert is_open(B.REFUNDED, S.REQUESTED)  # still waiting for the supplier's money
    assert not is_open(B.REFUNDED, S.REFUNDED)
    assert not is_open(B.CLOSED, S.REFUSED)


def test_refund_plan_follows_the_1688_order_and_the_kind() -> None:
    after = supplier_refund_plan(CaseKind.RETURN_REFUND, "success", paid_fen=4000)
    assert (after.dispute_request, after.goods_status, after.max_fen) == (
        "returnRefund",
        "aftersaleBuyerReceived",
        4000,
    )
    in_transit = supplier_refund_plan(CaseKind.EXCHANGE, "waitbuyerreceive")
    assert (in_transit.dispute_request, in_transit.goods_status) == (
        "returnRefund",
        "refundBuyerReceived",
    )
    money_only = supplier_refund_plan(CaseKind.REFUND_ONLY, "confirm_goods")
    assert money_only.dispute_request == "refund"
    lost = supplier_refund_plan(CaseKind.RETURN_REFUND, "success", buyer_received=False)
    assert (lost.dispute_request, lost.goods_status) == ("refund", "aftersaleBuyerNotReceived")
    unshipped = supplier_refund_plan(CaseKind.RESHIP, "waitsellersend")
    assert unshipped.goods_status == "refundWaitSellerSend"


def test_deadlines_per_platform_kind_and_stage() -> None:
    assert deadline_stage(CaseKind.REFUND_ONLY, B.REQUESTED) is DeadlineStage.RESPOND
    assert deadline_stage(CaseKind.RETURN_REFUND, B.AGREED) is None  # the buyer is to act
    assert deadline_stage(CaseKind.RETURN_REFUND, B.GOODS_RETURNED) is DeadlineStage.PROCESS_RETURN
    assert deadline_stage(CaseKind.RESHIP, B.AGREED) is DeadlineStage.FULFIL
    assert deadline_stage(CaseKind.REFUND_ONLY, B.REFUNDED) is None
    assert default_deadline_hours("pdd", CaseKind.REFUND_ONLY, DeadlineStage.RESPOND) == 48
    assert default_deadline_hours("douyin", CaseKind.REFUND_ONLY, DeadlineStage.RESPOND) == 24
    assert deadline_at(CaseKind.REFUND_ONLY, B.REQUESTED, 1000, platform="pdd") == 1000 + 48 * 3600
    # The seller's own setting wins over the default.
    hours = {("refund_only", "respond"): 12}
    assert deadline_at(CaseKind.REFUND_ONLY, B.REQUESTED, 1000, hours, "pdd") == 1000 + 12 * 3600
    assert deadline_at(CaseKind.REFUND_ONLY, B.CLOSED, 1000) is None


def test_queue_rank_puts_overdue_first_then_waiting_then_finished() -> None:
    now = 1_800_000_000
    overdue = queue_rank(now - 10, now - 100, None)
    due = queue_rank(now + 3600, now - 100, None)
    waiting = queue_rank(None, now - 100, None)
    finished_recent = queue_rank(None, now, now - 10)
    finished_old = queue_rank(None, now, now - 10_000)
    assert overdue < due < waiting < finished_recent < finished_old


def test_money_net_loss() -> None:
    money = CaseMoney(requested_fen=6900, refunded_fen=6900, recovered_fen=4000, extra_cost_fen=800)
    assert money.net_loss_fen == 3700
    assert CaseMoney(refunded_fen=100, recovered_fen=300).net_loss_fen == -200


def test_templates_fill_chinese_and_english_placeholders() -> None:
    values = {"order_no": "240101-1", "product": "保温杯", "amount": "69.00", "tracking_no": ""}
    text = fill_template("订单 {订单号}（{商品}）退款 {金额} 元，运单 {运单号}，{order_no}", values)
    assert text == "订单 240101-1（保温杯）退款 69.00 元，运单 {运单号}，240101-1"


def test_supplier_record_rates_and_climbing_defects() -> None:
    assert SupplierRecord(orders=4, defects=2).defect_rate is None  # too few orders
    assert SupplierRecord(orders=20, defects=2).defect_rate == pytest.approx(0.1)
    assert SupplierRecord(requests=4, refusals=1).refusal_rate == pytest.approx(0.25)
    assert SupplierRecord().refusal_rate is None
    climbing = defect_trend(20, 4, 100, 2)
    assert climbing is not None and climbing.climbing
    steady = defect_trend(20, 1, 100, 5)
    assert steady is not None and not steady.climbing
    assert defect_trend(3, 3, 100, 0) is None
    new_offer = defect_trend(10, 2, 0, 0)
    assert new_offer is not None and new_offer.climbing and new_offer.earlier_rate is None


def test_following_a_1688_refund_application() -> None:
    from dropship_desktop.domain.after_sales import (
        supplier_path_for_refund,
        supplier_withdrawable,
    )

    ret, only = CaseKind.RETURN_REFUND, CaseKind.REFUND_ONLY
    # Still waiting, or already where 1688 is: nothing to do.
    assert supplier_path_for_refund(ret, S.REQUESTED, "waitselleragree") == ()
    assert supplier_path_for_refund(ret, S.AGREED, "WAITBUYERSEND") == ()
    # One step, or several at once (agreed and refunded since the last look).
    assert supplier_path_for_refund(ret, S.REQUESTED, "waitbuyersend") == (S.AGREED,)
    assert supplier_path_for_refund(ret, S.REQUESTED, "refundsuccess") == (S.REFUNDED,)
    assert supplier_path_for_refund(ret, S.REQUESTED, "waitsellerreceive") == (
        S.AGREED,
        S.GOODS_RETURNED,
    )
    assert supplier_path_for_refund(ret, S.GOODS_RETURNED, "refundsuccess") == (S.REFUNDED,)
    assert supplier_path_for_refund(ret, S.AGREED, "refundclose") == (S.REFUSED,)
    # No goods go back for a refund-only case: 1688 waiting for the supplier is "agreed".
    assert supplier_path_for_refund(only, S.REQUESTED, "waitsellerreceive") == (S.AGREED,)
    # What cannot be followed: unknown statuses, going backwards, nothing asked.
    assert supplier_path_for_refund(ret, S.REQUESTED, "something_new") is None
    assert supplier_path_for_refund(ret, S.REFUNDED, "waitselleragree") is None
    assert supplier_path_for_refund(ret, S.NONE, "refundsuccess") is None
    # Withdrawing: only a known application the supplier has not finished.
    assert supplier_withdrawable(S.REQUESTED, "TQ1") and supplier_withdrawable(S.AGREED, "TQ1")
    assert not supplier_withdrawable(S.REQUESTED, None)
    assert not supplier_withdrawable(S.GOODS_RETURNED, "TQ1")
    assert not supplier_withdrawable(S.REFUNDED, "TQ1")
