"""After-sales services: both sides of every kind, the timeline, the connector, money, contacts."""

from __future__ import annotations

from pathlib import Path

import pytest

from dropship_desktop.connectors.fake import FakeConnector, FakeOrder
from dropship_desktop.connectors.manual import AFTER_SALES_REFUND, ManualConnector
from dropship_desktop.errors import UserError, ValidationError
from dropship_desktop.services import after_sales as svc
from dropship_desktop.services import after_sales_supplier as supplier_svc
from dropship_desktop.store.after_sales_queries import (
    CaseFilter,
    case_detail,
    queue_count,
    queue_page,
    supplier_records,
)
from tests.helpers.after_sales_data import one, q, seed_orders

BUYER_PATHS = {
    "refund_only": ["agreed", "refunded"],
    "return_refund": ["agreed", "goods_returned", "refunded"],
    "exchange": ["agreed", "goods_returned", "exchanged"],
    "reship": ["agreed", "exchanged"],
    "repair": ["agreed", "goods_returned", "exchanged"],
    "support": ["closed"],
}


def _open(order_id: int, kind: str, **kw: object) -> int:
    changes = svc.open_case(order_id, svc.CaseInput(kind=kind, requested_fen=6900, **kw))
    assert changes.created_id is not None
    return changes.created_id


@pytest.mark.parametrize("kind", list(BUYER_PATHS))
def test_buyer_side_of_every_kind_reaches_its_end_on_the_timeline(
    fresh_db: Path, kind: str
) -> None:
    (order_id,) = seed_orders(1)
    case_id = _open(order_id, kind, reason="杯盖漏水", defect=True)
    row = q("SELECT buyer_state, deadline_at, supplier_id, offer_id FROM after_sales_case")[0]
    assert row[0] == "requested" and row[1] is not None and row[2:] == (1, 1)
    for step in BUYER_PATHS[kind]:
        svc.move_buyer(case_id, step, tracking_no="SF100" if step == "goods_returned" else "")
    state, closed, deadline, refunded = q(
        "SELECT buyer_state, closed_at, deadline_at, refunded_fen FROM after_sales_case"
    )[0]
    assert state == BUYER_PATHS[kind][-1]
    assert closed is not None and deadline is None
    assert refunded == (6900 if state == "refunded" else 0)
    actions = [r[0] for r in q(
        "SELECT action FROM audit_event WHERE entity = 'after_sales_case' AND sales_order_id = ?"
        " ORDER BY id", order_id)]  # fmt: skip
    assert actions == ["as_opened", *[f"as_buyer_{s}" for s in BUYER_PATHS[kind]]]


def test_a_step_out_of_order_is_refused_and_writes_nothing(fresh_db: Path) -> None:
    (order_id,) = seed_orders(1)
    case_id = _open(order_id, "refund_only")
    events = one("SELECT count(*) FROM audit_event")
    with pytest.raises(ValidationError, match="cannot go from"):
        svc.move_buyer(case_id, "goods_returned")
    with pytest.raises(ValidationError, match="more than the buyer paid"):
        svc.move_buyer(case_id, "agreed")
        svc.move_buyer(case_id, "refunded", refunded_fen=99_999)
    assert one("SELECT buyer_state FROM after_sales_case") == "agreed"
    assert one("SELECT count(*) FROM audit_event") == events + 1


def test_opening_checks_the_amount_and_the_kind(fresh_db: Path) -> None:
    (order_id,) = seed_orders(1)
    with pytest.raises(ValidationError):
        svc.open_case(order_id, svc.CaseInput(kind="refund_only", requested_fen=10**7))
    with pytest.raises(ValidationError):
        svc.open_case(order_id, svc.CaseInput(kind="nonsense"))
    with pytest.raises(UserError):
        svc.open_case(999, svc.CaseInput(kind="repair"))
    assert one("SELECT count(*) FROM after_sales_case") == 0
    # One order may have several cases.
    _open(order_id, "reship")
    _open(order_id, "support")
    assert one("SELECT count(*) FROM after_sales_case WHERE sales_order_id = ?", order_id) == 2


@pytest.mark.parametrize("kind", ["refund_only", "return_refund", "exchange", "reship", "repair"])
def test_supplier_side_through_the_fake_connector(fresh_db: Path, kind: str) -> None:
    (order_id,) = seed_orders(1)
    case_id = _open(order_id, kind, defect=True)
    order_1688 = str(one("SELECT order_id_1688 FROM supplier_order"))
    fake = FakeConnector([FakeOrder(order_1688, "success", paid_fen=4000)])
    request = supplier_svc.prepare_supplier_request(
        case_id, 4000, "default.other", "杯盖漏水，买家要求退货"
    )
    supplier_svc.submit_supplier_request(request, fake)
    call = fake.calls_of("request_after_sales_refund")[0]
    goods_back = kind in ("return_refund", "exchange", "repair")
    assert call[3] == ("returnRefund" if goods_back else "refund")
    assert call[4] == "aftersaleBuyerReceived"
    state, refund_id, pending = q(
        "SELECT supplier_state, supplier_refund_id, supplier_pending FROM after_sales_case"
    )[0]
    assert (state, pending) == ("requested", "") and str(refund_id).startswith("TQ")
    assert one("SELECT refund_status FROM supplier_order") == "waitselleragree"

    fake.supplier_agrees(str(refund_id))
    supplier_svc.record_supplier_step(case_id, "agreed", return_address="浙江义乌 工厂收")
    if goods_back:
        supplier_svc.submit_return_goods(case_id, fake, "中通快递", "ZT7788")
        assert one("SELECT supplier_state FROM after_sales_case") == "goods_returned"
        assert fake.calls_of("submit_return_goods")
    supplier_svc.record_supplier_step(case_id, "refunded", recovered_fen=4000)
    assert q("SELECT supplier_state, recovered_fen FROM after_sales_case")[0] == ("refunded", 4000)
    assert one("SELECT refund_status FROM supplier_order") == "refundsuccess"
    actions = [r[0] for r in q("SELECT action FROM audit_event WHERE action LIKE 'as_supplier%'")]
    assert actions[0] == "as_supplier_sending" and actions[-1] == "as_supplier_refunded"


def test_supplier_refusal_counts_in_the_record(fresh_db: Path) -> None:
    ids = seed_orders(6)
    for order_id in ids[:2]:
        case_id = _open(order_id, "return_refund", defect=True)
        fake = FakeConnector(
            [
                FakeOrder(
                    str(
                        one(
                            "SELECT order_id_1688 FROM supplier_order WHERE sales_order_id = ?",
                            order_id,
                        )
                    ),
                    "success",
                    paid_fen=4000,
                )
            ]
        )
        supplier_svc.submit_supplier_request(
            supplier_svc.prepare_supplier_request(case_id, 4000, "default.other", "质量问题"), fake
        )
    supplier_svc.record_supplier_step(1, "refused", message="商品已使用，不支持退货")
    record = supplier_records(by="offer")[1]
    assert (record.orders, record.cases, record.defects, record.requests, record.refusals) == (
        6, 2, 2, 2, 1,
    )  # fmt: skip
    assert record.refusal_rate == 0.5
    assert record.defect_rate == pytest.approx(2 / 6)


def test_platform_refusal_leaves_the_supplier_side_unchanged(fresh_db: Path) -> None:
    (order_id,) = seed_orders(1)
    case_id = _open(order_id, "return_refund")
    fake = FakeConnector(
        [FakeOrder(str(one("SELECT order_id_1688 FROM supplier_order")), "cancel")]
    )
    supplier_svc.submit_supplier_request(
        supplier_svc.prepare_supplier_request(case_id, 4000, "default.other", "质量问题"), fake
    )
    state, pending, message = q(
        "SELECT supplier_state, supplier_pending, supplier_message FROM after_sales_case"
    )[0]
    assert (state, pending) == ("none", "") and "ORDER_STATUS_ERROR" in str(message)
    assert one("SELECT count(*) FROM audit_event WHERE action = 'as_supplier_failed'") == 1


def test_manual_connector_records_the_sellers_confirmation(fresh_db: Path) -> None:
    (order_id,) = seed_orders(1)
    case_id = _open(order_id, "refund_only")
    order_1688 = str(one("SELECT order_id_1688 FROM supplier_order"))
    opened: list[str] = []
    manual = ManualConnector(open_url=lambda url: opened.append(url) or True)
    request = supplier_svc.prepare_supplier_request(case_id, 4000, "default.other", "少发配件")
    # Without the seller's answer nothing is assumed.
    supplier_svc.submit_supplier_request(request, manual)
    assert one("SELECT supplier_state FROM after_sales_case") == "none"
    assert manual.open_order(order_1688) and order_1688 in opened[0]
    manual.confirm_after_sales(order_1688, AFTER_SALES_REFUND, done=True, refund_id="TQ123")
    supplier_svc.submit_supplier_request(request, manual)
    assert q("SELECT supplier_state, supplier_refund_id FROM after_sales_case")[0] == (
        "requested",
        "TQ123",
    )


def test_a_crash_mid_request_leaves_it_pending_until_resolved(fresh_db: Path) -> None:
    (order_id,) = seed_orders(1)
    case_id = _open(order_id, "return_refund")
    order_1688 = str(one("SELECT order_id_1688 FROM supplier_order"))
    fake = FakeConnector([FakeOrder(order_1688, "success", paid_fen=4000)])
    fake.raise_on(order_1688, RuntimeError("connection reset"))
    request = supplier_svc.prepare_supplier_request(case_id, 4000, "default.other", "质量问题")
    with pytest.raises(RuntimeError):
        supplier_svc.submit_supplier_request(request, fake)
    assert one("SELECT supplier_pending FROM after_sales_case") == "refund_request"
    with pytest.raises(UserError, match="Check on 1688"):
        supplier_svc.prepare_supplier_request(case_id, 4000, "default.other", "质量问题")
    supplier_svc.resolve_pending(case_id, True, refund_id="TQ9")
    assert q("SELECT supplier_state, supplier_pending FROM after_sales_case")[0] == (
        "requested",
        "",
    )


def test_request_needs_a_1688_order_and_valid_values(fresh_db: Path) -> None:
    (order_id,) = seed_orders(1)
    case_id = _open(order_id, "repair")
    with pytest.raises(ValidationError, match="2 to 150"):
        supplier_svc.prepare_supplier_request(case_id, 4000, "default.other", "x")
    with pytest.raises(ValidationError, match="more than was paid"):
        supplier_svc.prepare_supplier_request(case_id, 4001, "default.other", "质量问题")
    q("UPDATE after_sales_case SET supplier_order_id = NULL")
    with pytest.raises(ValidationError, match="no 1688 order"):
        supplier_svc.prepare_supplier_request(case_id, 100, "default.other", "质量问题")


def test_contacts_money_and_templates(fresh_db: Path) -> None:
    (order_id,) = seed_orders(1)
    case_id = _open(order_id, "reship")
    svc.log_contact(case_id, "phone", "inbound", "买家来电说少了杯盖")
    svc.log_contact(case_id, "wangwang", "outbound", "已告知补发")
    with pytest.raises(ValidationError):
        svc.log_contact(case_id, "pigeon", "inbound")
    detail = case_detail(case_id)
    assert detail is not None
    assert [c["channel"] for c in detail.contacts] == ["phone", "wangwang"]
    svc.move_buyer(case_id, "agreed")
    svc.move_buyer(case_id, "exchanged", tracking_no="SF998877", extra_cost_fen=800)
    svc.set_case_money(case_id, recovered_fen=500)
    row = q("SELECT refunded_fen, recovered_fen, extra_cost_fen FROM after_sales_case")[0]
    assert row == (0, 500, 800)
    assert queue_page(CaseFilter(status="all"), 0)[0][12] == 300  # net loss
    from dropship_desktop.store.after_sales_queries import money_in_period

    assert money_in_period(0, 2**40) == (1, 0, 500, 300)
    assert money_in_period(0, 1)[0] == 0
    text = svc.fill_reply(case_id, "订单 {订单号} 补发运单 {运单号}，{商品}")
    assert text == "订单 240101-000000000000001 补发运单 SF998877，保温杯 500ml"
    changes = svc.save_template(None, "我的模板", "reship", "运单 {运单号}")
    assert changes.created_id is not None
    with pytest.raises(ValidationError):
        svc.save_template(None, "", "", "x")


def test_queue_orders_overdue_first_and_filters(fresh_db: Path) -> None:
    ids = seed_orders(4)
    now = 1_900_000_000
    old = svc.open_case(ids[0], svc.CaseInput(kind="refund_only"), now=now - 72 * 3600)
    recent = svc.open_case(ids[1], svc.CaseInput(kind="refund_only"), now=now - 3600)
    waiting = svc.open_case(ids[2], svc.CaseInput(kind="return_refund"), now=now - 7200)
    svc.move_buyer(waiting.created_id, "agreed", now=now - 7000)  # the buyer is to send goods
    done = svc.open_case(ids[3], svc.CaseInput(kind="support"), now=now - 7200)
    svc.move_buyer(done.created_id, "closed", now=now - 100)
    order = [r[0] for r in queue_page(CaseFilter(status="all"), now)]
    assert order == [old.created_id, recent.created_id, waiting.created_id, done.created_id]
    assert [r[0] for r in queue_page(CaseFilter(overdue=True), now)] == [old.created_id]
    assert queue_count(CaseFilter(), now) == 3
    assert queue_count(CaseFilter(status="closed"), now) == 1
    assert queue_count(CaseFilter(kind="return_refund"), now) == 1
    assert queue_count(CaseFilter(order_no="240101-00000000000000"), now) == 3
    assert queue_count(CaseFilter(supplier_id=1, status="all"), now) == 4


def test_seller_deadlines_move_open_cases(fresh_db: Path) -> None:
    (order_id,) = seed_orders(1)
    case_id = _open(order_id, "refund_only")
    opened = one("SELECT opened_at FROM after_sales_case")
    assert one("SELECT deadline_at FROM after_sales_case") == opened + 48 * 3600
    svc.set_deadline_hours([("pdd", "refund_only", "respond", 12)])
    assert (
        one("SELECT deadline_at FROM after_sales_case WHERE id = ?", case_id) == opened + 12 * 3600
    )
    with pytest.raises(ValidationError):
        svc.set_deadline_hours([("pdd", "refund_only", "respond", 0)])


def test_defect_record_feeds_the_sourcing_comparison(fresh_db: Path) -> None:
    from dropship_desktop.services.sourcing import load_comparison

    ids = seed_orders(10)
    before = load_comparison(1)
    base = before.rank()[0].factor_scores
    assert not before.offers[0].defect_climbing
    for order_id in ids[:3]:
        _open(order_id, "return_refund", defect=True)
    after = load_comparison(1)
    facts = after.offers[0].facts
    assert facts.defect_rate == pytest.approx(0.3)
    assert after.rank()[0].factor_scores["stability"] < base["stability"]
    assert after.offers[0].defect_climbing  # 3 faulty of 10 recent orders, none before
    case_id = 1
    order_1688 = str(
        one("SELECT order_id_1688 FROM supplier_order WHERE sales_order_id = ?", ids[0])
    )
    fake = FakeConnector([FakeOrder(order_1688, "success", paid_fen=4000)])
    supplier_svc.submit_supplier_request(
        supplier_svc.prepare_supplier_request(case_id, 4000, "default.other", "质量问题"), fake
    )
    supplier_svc.record_supplier_step(case_id, "refused")
    refused = load_comparison(1)
    assert refused.offers[0].facts.supplier.refusal_rate == 1.0
    assert refused.rank()[0].factor_scores["trust"] < base["trust"]


def test_on_the_network_worker_the_supplier_steps_hand_their_database_work_over(
    fresh_db: Path,
) -> None:
    """With run_db (the dialog's network worker), begin and finish go through run_db while the
    connector is called where the job runs; the outcome is the same as without."""
    (order_id,) = seed_orders(1)
    case_id = _open(order_id, "return_refund", defect=True)
    order_1688 = str(one("SELECT order_id_1688 FROM supplier_order"))
    fake = FakeConnector([FakeOrder(order_1688, "success", paid_fen=4000)])
    steps: list[int] = []

    def run_db(fn):  # type: ignore[no-untyped-def]
        steps.append(len(fake.calls))  # how many connector calls were made before this step
        return fn()

    request = supplier_svc.prepare_supplier_request(case_id, 4000, "default.other", "漏水")
    supplier_svc.submit_supplier_request(request, fake, run_db=run_db)
    assert steps == [0, 1]  # recorded before the call, answer stored after it
    assert one("SELECT supplier_state FROM after_sales_case") == "requested"
    refund_id = str(one("SELECT supplier_refund_id FROM after_sales_case"))
    fake.supplier_agrees(refund_id)
    supplier_svc.record_supplier_step(case_id, "agreed", return_address="浙江义乌 工厂收")
    steps.clear()
    supplier_svc.submit_return_goods(case_id, fake, "中通快递", "ZT7788", run_db=run_db)
    assert steps == [len(fake.calls) - 1, len(fake.calls)]
    assert one("SELECT supplier_state FROM after_sales_case") == "goods_returned"


def _asked(kind: str) -> tuple[int, FakeConnector, str]:
    """A case of *kind* whose refund application is on 1688 (through the fake connector)."""
    (order_id,) = seed_orders(1)
    case_id = _open(order_id, kind, defect=True)
    order_1688 = str(one("SELECT order_id_1688 FROM supplier_order"))
    fake = FakeConnector([FakeOrder(order_1688, "success", paid_fen=4000)])
    request = supplier_svc.prepare_supplier_request(case_id, 3000, "default.other", "杯盖漏水退货")
    supplier_svc.submit_supplier_request(request, fake)
    return case_id, fake, str(one("SELECT supplier_refund_id FROM after_sales_case"))


def test_checking_on_1688_follows_the_supplier(fresh_db: Path) -> None:
    case_id, fake, refund_id = _asked("return_refund")
    # Nothing happened on 1688 yet: said so, nothing written.
    events = one("SELECT count(*) FROM audit_event")
    changes = supplier_svc.check_supplier_refund(case_id, fake)
    assert "No change" in changes.message
    assert one("SELECT count(*) FROM audit_event") == events
    # The supplier agreed (goods to come back), then got them and refunded: two looks.
    fake.supplier_agrees(refund_id)
    supplier_svc.check_supplier_refund(case_id, fake)
    assert one("SELECT supplier_state FROM after_sales_case") == "agreed"
    assert one("SELECT refund_status FROM supplier_order") == "waitbuyersend"
    fake.supplier_refunds(refund_id)
    supplier_svc.check_supplier_refund(case_id, fake)
    assert q("SELECT supplier_state, recovered_fen FROM after_sales_case") == [("refunded", 3000)]
    assert one("SELECT refund_status FROM supplier_order") == "refundsuccess"
    actions = [r[0] for r in q("SELECT action FROM audit_event WHERE action LIKE 'as_supplier%'")]
    assert actions[-2:] == ["as_supplier_agreed", "as_supplier_refunded"]
    # A refunded application cannot be withdrawn any more; nothing is sent.
    with pytest.raises(UserError, match="cannot be withdrawn"):
        supplier_svc.withdraw_supplier_request(case_id, fake)
    assert not fake.calls_of("cancel_refund")


def test_checking_an_application_1688_does_not_know_changes_nothing(fresh_db: Path) -> None:
    case_id, fake, _refund_id = _asked("refund_only")
    fake.refunds.clear()
    before = q("SELECT * FROM after_sales_case")
    with pytest.raises(UserError, match="has no refund application"):
        supplier_svc.check_supplier_refund(case_id, fake)
    assert q("SELECT * FROM after_sales_case") == before
    # A case never asked on 1688 has nothing to look up.
    (order_id,) = [r[0] for r in q("SELECT id FROM sales_order")]
    fresh = _open(int(order_id), "reship")
    with pytest.raises(UserError, match="no 1688 refund application"):
        supplier_svc.check_supplier_refund(fresh, fake)


def test_withdrawing_the_application_on_1688(fresh_db: Path) -> None:
    case_id, fake, refund_id = _asked("refund_only")
    changes = supplier_svc.withdraw_supplier_request(case_id, fake)
    assert "withdrawn" in changes.message
    assert fake.calls_of("cancel_refund") == [
        ("cancel_refund", str(one("SELECT order_id_1688 FROM supplier_order")), refund_id)
    ]
    assert q(
        "SELECT supplier_state, supplier_refund_id, supplier_pending FROM after_sales_case"
    ) == [("none", "", "")]
    assert one("SELECT refund_status FROM supplier_order") == "refundclose"
    actions = [r[0] for r in q("SELECT action FROM audit_event WHERE action LIKE 'as_supplier%'")]
    assert actions[-2:] == ["as_supplier_withdrawing", "as_supplier_none"]
    # The seller may ask again.
    request = supplier_svc.prepare_supplier_request(case_id, 2000, "default.other", "再次申请退款")
    supplier_svc.submit_supplier_request(request, fake)
    assert one("SELECT supplier_state FROM after_sales_case") == "requested"


def test_a_refused_or_interrupted_withdrawal(fresh_db: Path) -> None:
    case_id, fake, refund_id = _asked("refund_only")
    order_1688 = str(one("SELECT order_id_1688 FROM supplier_order"))
    # 1688 refuses (already finished there): the case keeps its application, says why.
    fake.fail(order_1688, "REFUND_STATUS_ERROR")
    changes = supplier_svc.withdraw_supplier_request(case_id, fake)
    assert "Not done on 1688" in changes.message
    assert q(
        "SELECT supplier_state, supplier_refund_id, supplier_pending FROM after_sales_case"
    ) == [("requested", refund_id, "")]
    fake.clear_failures()
    # The app stops mid-request: "sent, answer not recorded" until the seller says.
    fake.raise_on(order_1688, RuntimeError("power cut"))
    with pytest.raises(RuntimeError):
        supplier_svc.withdraw_supplier_request(case_id, fake)
    assert one("SELECT supplier_pending FROM after_sales_case") == "withdraw_refund"
    with pytest.raises(UserError, match="answer is not recorded"):
        supplier_svc.check_supplier_refund(case_id, fake)
    supplier_svc.resolve_pending(case_id, True)
    assert q("SELECT supplier_state, supplier_refund_id FROM after_sales_case") == [("none", "")]
