"""The cancel flow without Qt or a database: steps, eligibility branches, reasons, consequences."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from dropship_desktop.domain.cancel_flow import (
    DESCRIPTION_MAX_CHARS,
    AccountRef,
    CallResult,
    CancelFlow,
    CancelStep,
    CloseReasonInput,
    FlowError,
    OrderCandidate,
    OrderOutcome,
    OutcomeKind,
    ProductFacts,
    RefundReason,
    RefundReasonInput,
    SaleFacts,
    ShopCancellationStats,
    SignInResult,
    close_reason_problems,
    compute_consequences,
    outcome_from_call,
    plan_order,
    prevention_advice,
    refund_reason_problems,
)
from dropship_desktop.domain.enums import CancelAction, CancelReason, Eligibility
from dropship_desktop.messages import CANCEL_ADVICE, CANCEL_SKIPS

NOW = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)
ACCOUNT = AccountRef(1, "主账号", "buyer_1", "fake")
REASONS = (
    RefundReason("r1", "不想要了"),
    RefundReason("r2", "缺货"),
    RefundReason("r3", "未按约定时间发货", need_voucher=True, tip="上传聊天截图"),
)
GOOD_PRODUCT = ProductFacts(
    "纯棉短袖T恤 男款 夏季透气",
    "TS-001",
    4900,
    "尺码 S/M/L；颜色 白色",
    "100%纯棉面料，透气舒适，尺码表见详情，颜色为白色，适合夏季日常穿着，可机洗不易变形。",
)


def cand(
    oid: int,
    status: str,
    *,
    age_s: int = 3600,
    paid: int = 0,
    sale: SaleFacts | None = None,
    **kw: object,
) -> OrderCandidate:
    return OrderCandidate(
        supplier_order_id=oid,
        order_id_1688=f"19300000000000{oid:05d}",
        status_raw=status,
        created_at=NOW - timedelta(seconds=age_s),
        cost_fen=1000,
        dropship_fee_fen=100,
        shipping_fen=400,
        paid_fen=paid,
        sale=sale
        if sale is not None
        else SaleFacts(100 + oid, 1, f"SO{oid}", "paid", 3000, 1500, NOW - timedelta(days=1)),
        product=GOOD_PRODUCT,
        **kw,  # type: ignore[arg-type]
    )


def signed_in_flow(candidates: list[OrderCandidate], **kw: object) -> CancelFlow:
    flow = CancelFlow(clock=lambda: NOW, **kw)  # type: ignore[arg-type]
    flow.choose_account(ACCOUNT, manual=False)
    flow.apply_sign_in(SignInResult(True))
    flow.set_candidates(candidates, {1: ShopCancellationStats(1, 100, 5)})
    return flow


# ---- steps ------------------------------------------------------------------------------------


def test_six_steps_in_seed_order_with_seed_titles() -> None:
    assert [s.title_zh for s in CancelStep] == [
        "登录阿里巴巴分销页面",
        "进入订单管理页面",
        "选择需要取消的订单",
        "点击取消订单按钮",
        "填写取消原因",
        "提交取消申请",
    ]
    assert all(s.title_en for s in CancelStep)
    assert [int(s) for s in CancelStep] == [1, 2, 3, 4, 5, 6]


# ---- eligibility branches ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "age_s", "action", "skip", "kind"),
    [
        ("waitbuyerpay", 3600, CancelAction.CLOSE, "", Eligibility.CLOSE),
        ("waitsellersend", 3600, CancelAction.REFUND_REQUEST, "", Eligibility.REFUND_REQUEST),
        ("waitbuyerreceive", 3600, None, "after_sales_only", Eligibility.AFTER_SALES_ONLY),
        ("confirm_goods", 3600, None, "after_sales_only", Eligibility.AFTER_SALES_ONLY),
        ("success", 3600, None, "after_sales_only", Eligibility.AFTER_SALES_ONLY),
        ("cancel", 3600, None, "already_closed", Eligibility.ALREADY_CLOSED),
        ("terminated", 3600, None, "already_closed", Eligibility.ALREADY_CLOSED),
        ("waitbuyerpay", 3, CancelAction.CLOSE, "too_soon", Eligibility.TOO_SOON),
        ("someNewStatus", 3600, None, "unknown_status", Eligibility.UNKNOWN_STATUS),
    ],
)
def test_every_status_branch(
    status: str, age_s: int, action: CancelAction | None, skip: str, kind: Eligibility
) -> None:
    plan = plan_order(cand(1, status, age_s=age_s, paid=1500), NOW)
    assert plan.eligibility.kind is kind
    assert plan.action is action
    assert plan.skip_code == skip
    assert plan.will_send is (skip == "")
    if skip:
        assert plan.message
    if skip == "unknown_status":
        assert "someNewStatus" in plan.message


def test_too_soon_says_how_long_to_wait() -> None:
    plan = plan_order(cand(1, "waitbuyerpay", age_s=3), NOW)
    assert plan.retry_in_seconds == 7
    assert plan.message == CANCEL_SKIPS["too_soon"].format(seconds=7)


def test_amounts_close_is_the_order_total_refund_is_the_paid_amount() -> None:
    assert plan_order(cand(1, "waitbuyerpay"), NOW).amount_fen == 1500
    assert plan_order(cand(1, "waitsellersend", paid=1600), NOW).amount_fen == 1600
    # Without a recorded paid amount the order's total stands in.
    assert plan_order(cand(1, "waitsellersend", paid=0), NOW).amount_fen == 1500


def test_no_1688_order_id_is_skipped() -> None:
    plan = plan_order(replace(cand(1, "waitbuyerpay"), order_id_1688=None), NOW)
    assert plan.skip_code == "no_order_id" and plan.action is None


@pytest.mark.parametrize(
    "change",
    [{"pending": True}, {"refund_status": "waitselleragree"}, {"refund_status": "waitbuyersend"}],
)
def test_pending_orders_cannot_be_selected(change: dict[str, object]) -> None:
    blocked = replace(cand(2, "waitsellersend"), **change)  # type: ignore[arg-type]
    flow = signed_in_flow([cand(1, "waitbuyerpay"), blocked])
    assert flow.select([1, 2]) == [2]
    assert flow.selected == [1]
    ok, why = flow.selectable(2)
    assert not ok and why == CANCEL_SKIPS["pending"]
    assert plan_order(blocked, NOW).skip_code == "pending"


def test_closed_refund_allows_a_new_request() -> None:
    flow = signed_in_flow([cand(1, "waitsellersend", refund_status="refundclose")])
    assert flow.select([1]) == []


# ---- navigation -------------------------------------------------------------------------------


def test_sign_in_failure_keeps_the_seller_on_step_one_saying_why() -> None:
    flow = CancelFlow(clock=lambda: NOW)
    assert [p.code for p in flow.problems()] == ["no_account"]
    with pytest.raises(FlowError):
        flow.next()
    flow.choose_account(ACCOUNT, manual=False)
    flow.apply_sign_in(SignInResult(False, "密码错误"))
    assert flow.problems()[0].message == "密码错误"
    assert not flow.can_advance()
    flow.apply_sign_in(SignInResult(True))
    assert flow.can_advance()
    assert flow.next() is CancelStep.ORDER_LIST


def test_manual_sign_in_needs_the_sellers_confirmation() -> None:
    flow = CancelFlow(clock=lambda: NOW)
    flow.choose_account(ACCOUNT, manual=True)
    flow.apply_sign_in(SignInResult(False, "open the page", needs_confirmation=True))
    assert flow.problems()[0].code == "sign_in_unconfirmed"
    flow.confirm_sign_in(False)
    assert flow.problems()[0].code == "not_signed_in"
    flow.confirm_sign_in(True)
    assert flow.can_advance()


def test_full_navigation_and_back_changes_nothing() -> None:
    flow = CancelFlow(clock=lambda: NOW)
    flow.choose_account(ACCOUNT, manual=False)
    flow.apply_sign_in(SignInResult(True))
    flow.next()
    assert flow.problems()[0].code == "orders_not_loaded"
    flow.set_candidates([cand(1, "waitbuyerpay")])
    flow.next()
    assert flow.step is CancelStep.SELECT
    assert flow.problems()[0].code == "nothing_selected"
    flow.select([1])
    flow.next()
    assert flow.step is CancelStep.CONFIRM and flow.can_advance()
    flow.next()
    assert flow.step is CancelStep.REASON
    assert flow.problems()[0].code == "close_reason_missing"
    flow.set_close_reason(CloseReasonInput(CancelReason.BUYER_CANCEL))
    flow.next()
    assert flow.step is CancelStep.SUBMIT
    assert not flow.can_advance()  # the last step has no Next
    before = (flow.selected, flow.shared_close)
    assert flow.back() is CancelStep.REASON
    assert flow.back() is CancelStep.CONFIRM
    assert (flow.selected, flow.shared_close) == before
    for _ in range(3):
        flow.back()
    assert flow.step is CancelStep.SIGN_IN and not flow.can_go_back()
    with pytest.raises(FlowError):
        flow.back()


def test_a_later_step_is_incomplete_when_an_earlier_one_is() -> None:
    flow = signed_in_flow([cand(1, "waitbuyerpay")])
    flow.select([1])
    flow.set_close_reason(CloseReasonInput(CancelReason.BUYER_CANCEL))
    assert flow.problems(CancelStep.REASON) == []
    flow.apply_sign_in(SignInResult(False, "expired"))
    assert flow.problems(CancelStep.REASON)[0].message == "expired"


def test_preselected_orders_are_selected_when_loaded_unless_pending() -> None:
    flow = CancelFlow(preselected=[1, 2, 9], clock=lambda: NOW)
    flow.choose_account(ACCOUNT, manual=True)
    flow.confirm_sign_in(True)
    flow.set_candidates([cand(1, "waitbuyerpay"), cand(2, "waitsellersend", pending=True)])
    assert flow.selected == [1]


def test_only_uncancellable_orders_cannot_go_on() -> None:
    flow = signed_in_flow([cand(1, "waitbuyerreceive"), cand(2, "cancel")])
    flow.select([1, 2])
    assert flow.problems(CancelStep.SELECT)[0].code == "nothing_cancellable"


def test_changing_account_forgets_orders_and_sign_in() -> None:
    flow = signed_in_flow([cand(1, "waitbuyerpay")])
    flow.select([1])
    flow.choose_account(AccountRef(2, "副账号"), manual=True)
    assert not flow.signed_in and flow.candidates == {} and flow.selected == []


# ---- reasons ----------------------------------------------------------------------------------


@pytest.mark.parametrize("reason", list(CancelReason))
def test_every_close_reason(reason: CancelReason) -> None:
    remark = "供应商说明" if reason is CancelReason.OTHER else ""
    assert close_reason_problems(CloseReasonInput(reason, remark)) == []


def test_close_reason_rules() -> None:
    assert close_reason_problems(None)[0].code == "close_reason_missing"
    assert close_reason_problems(CloseReasonInput(CancelReason.OTHER))[0].code == (
        "remark_required"
    )
    long = CloseReasonInput(CancelReason.BUYER_CANCEL, "字" * 201)
    assert close_reason_problems(long)[0].code == "remark_too_long"


@pytest.mark.parametrize(
    ("value", "vouchers_sent", "codes"),
    [
        (RefundReasonInput("r1", "买家不要了"), True, []),
        (None, True, ["refund_reason_missing"]),
        (RefundReasonInput("", "说明"), True, ["refund_reason_missing"]),
        (RefundReasonInput("zz", "说明"), True, ["refund_reason_not_offered"]),
        (RefundReasonInput("r1", "不"), True, ["description_too_short"]),
        (RefundReasonInput("r1", "  不  "), True, ["description_too_short"]),
        (RefundReasonInput("r1", "字" * 150), True, []),
        (RefundReasonInput("r1", "字" * 151), True, ["description_too_long"]),
        (RefundReasonInput("r3", "说好今天发"), True, ["vouchers_required"]),
        (RefundReasonInput("r3", "说好今天发", ("https://x/1.png",)), True, []),
        # The manual connector: evidence is attached on the 1688 page itself.
        (RefundReasonInput("r3", "说好今天发"), False, []),
        (RefundReasonInput("r1", "说明", tuple(f"u{i}" for i in range(6))), True, []),
    ],
)
def test_refund_reason_paths(
    value: RefundReasonInput | None, vouchers_sent: bool, codes: list[str]
) -> None:
    if value is not None and len(value.vouchers) == 6:
        codes = ["too_many_vouchers"]
    found = refund_reason_problems(value, REASONS, vouchers_sent=vouchers_sent)
    assert [p.code for p in found] == codes
    assert DESCRIPTION_MAX_CHARS == 150


def _at_reason_step(candidates: list[OrderCandidate], *, manual: bool = False) -> CancelFlow:
    flow = signed_in_flow(candidates)
    flow.manual = manual
    flow.select([c.supplier_order_id for c in candidates])
    for oid in flow.orders_needing_refund_reasons():
        flow.set_refund_reasons(oid, REASONS)
    for _ in range(4):
        flow.next()
    assert flow.step is CancelStep.REASON
    return flow


def test_one_reason_for_all_orders() -> None:
    flow = _at_reason_step(
        [cand(1, "waitbuyerpay"), cand(2, "waitbuyerpay"), cand(3, "waitsellersend", paid=1500)]
    )
    codes = [p.code for p in flow.problems()]
    assert codes == ["close_reason_missing", "refund_reason_missing"]
    flow.set_close_reason(CloseReasonInput(CancelReason.SELLER_GOODS_LACK, "没货了"))
    flow.set_refund_reason(RefundReasonInput("r2", "供应商缺货"))
    assert flow.problems() == []
    sub = flow.submission()
    assert [(i.supplier_order_id, i.action, i.reason_code) for i in sub.items] == [
        (1, CancelAction.CLOSE, "sellerGoodsLack"),
        (2, CancelAction.CLOSE, "sellerGoodsLack"),
        (3, CancelAction.REFUND_REQUEST, "r2"),
    ]
    assert sub.items[0].reason_text == "卖家库存不足"
    assert sub.items[2].reason_text == "缺货"
    assert sub.items[2].remark == "供应商缺货" and sub.items[2].amount_fen == 1500


def test_each_order_its_own_reason() -> None:
    flow = _at_reason_step([cand(1, "waitbuyerpay"), cand(2, "waitsellersend", paid=1500)])
    flow.per_order_reasons = True
    flow.set_close_reason(CloseReasonInput(CancelReason.BUYER_CANCEL))  # shared: ignored now
    problems = flow.problems()
    assert {(p.code, p.supplier_order_id) for p in problems} == {
        ("close_reason_missing", 1),
        ("refund_reason_missing", 2),
    }
    flow.set_close_reason(CloseReasonInput(CancelReason.OTHER, "重复下单"), 1)
    flow.set_refund_reason(RefundReasonInput("r3", "约好昨天发"), 2)
    assert [p.code for p in flow.problems()] == ["vouchers_required"]
    assert [(oid, r.id) for oid, r in flow.voucher_hints()] == [(2, "r3")]
    flow.set_refund_reason(RefundReasonInput("r3", "约好昨天发", ("https://img/1.jpg",)), 2)
    assert flow.problems() == []
    items = flow.submission().items
    assert items[0].reason_code == "other" and items[0].remark == "重复下单"
    assert items[1].vouchers == ("https://img/1.jpg",)


def test_refund_reasons_must_be_loaded_and_shared_reason_must_fit_every_order() -> None:
    flow = signed_in_flow([cand(1, "waitsellersend"), cand(2, "waitsellersend")])
    flow.select([1, 2])
    assert flow.orders_needing_refund_reasons() == [1, 2]
    assert {p.code for p in flow.reason_problems()} == {"refund_reasons_not_loaded"}
    flow.set_refund_reasons(1, REASONS)
    flow.set_refund_reasons(2, REASONS[:2])
    assert [r.id for r in flow.common_refund_reasons()] == ["r1", "r2"]
    flow.set_refund_reason(RefundReasonInput("r3", "约好昨天发"))
    problems = flow.reason_problems()
    assert ("refund_reason_not_offered", 2) in {(p.code, p.supplier_order_id) for p in problems}


def test_out_of_stock_reason_offers_to_mark_the_offer() -> None:
    flow = _at_reason_step(
        [
            cand(1, "waitbuyerpay", offer_id=7),
            cand(2, "waitbuyerpay", offer_id=7),
            cand(3, "waitsellersend", offer_id=8),
        ]
    )
    flow.set_close_reason(CloseReasonInput(CancelReason.BUYER_CANCEL))
    flow.set_refund_reason(RefundReasonInput("r1", "不要了"))
    assert flow.offers_to_mark_out_of_stock() == []
    flow.set_close_reason(CloseReasonInput(CancelReason.SELLER_GOODS_LACK))
    assert flow.offers_to_mark_out_of_stock() == [7]
    flow.set_refund_reason(RefundReasonInput("r2", "缺货了"))
    assert flow.offers_to_mark_out_of_stock() == [7, 8]


# ---- consequences and advice ------------------------------------------------------------------


def test_consequences_math() -> None:
    old = NOW - timedelta(days=40)
    candidates = {
        1: cand(1, "waitbuyerpay"),  # live, in window
        2: cand(
            2,
            "waitsellersend",
            paid=2000,
            sale=SaleFacts(200, 1, "S2", "paid", 5000, 2000, old),  # live, before the window
        ),
        3: cand(
            3, "waitbuyerpay", sale=SaleFacts(300, 2, "S3", "cancelled", 9000, 0, NOW)
        ),  # buyer already cancelled: no extra cancellation, no lost sales
        4: cand(4, "waitbuyerpay", sale=candidates_sale_101()),  # same shop order as #1
        5: cand(5, "success"),  # not cancellable: does not count
    }
    plans = [plan_order(c, NOW) for c in candidates.values()]
    stats = {1: ShopCancellationStats(1, 100, 5), 2: ShopCancellationStats(2, 10, 1)}
    result = compute_consequences(plans, candidates, stats, NOW)
    assert result.closes == 3 and result.refunds == 1
    assert result.close_amount_fen == 3 * 1500 and result.refund_amount_fen == 2000
    assert result.sales_lost_fen == 3000 + 5000
    assert result.profit_lost_fen == 1500 + 2000
    rate1, rate2 = result.rates
    assert (rate1.orders_before, rate1.cancelled_before) == (100, 5)
    assert (rate1.orders_after, rate1.cancelled_after) == (101, 7)
    assert rate1.rate_before == pytest.approx(0.05)
    assert rate1.rate_after == pytest.approx(7 / 101)
    assert (rate2.orders_after, rate2.cancelled_after) == (10, 1)
    assert result.warnings == ("credit_rating", "shop_traffic")


def candidates_sale_101() -> SaleFacts:
    return SaleFacts(101, 1, "SO1", "paid", 3000, 1500, NOW - timedelta(days=1))


def test_no_action_no_consequences() -> None:
    c = cand(1, "cancel")
    result = compute_consequences([plan_order(c, NOW)], {1: c}, {}, NOW)
    assert result.rates == () and result.warnings == () and result.sales_lost_fen == 0


def test_empty_shop_rate_is_zero_not_a_crash() -> None:
    c = cand(1, "waitbuyerpay")
    result = compute_consequences([plan_order(c, NOW)], {1: c}, {}, NOW)
    assert result.rates[0].rate_before == 0.0 and result.rates[0].rate_after == 1.0


def test_prevention_advice() -> None:
    late_sale = SaleFacts(
        101,
        1,
        "S1",
        "paid",
        3000,
        1000,
        NOW - timedelta(hours=5),
        NOW - timedelta(hours=5),
        NOW + timedelta(hours=43),
    )
    poor = ProductFacts("T恤", "", 0, "", "")
    orders = [
        cand(1, "waitbuyerpay", sale=late_sale, lead_time_days=3),
        replace(cand(2, "waitsellersend", lead_time_days=1), product=poor),
    ]
    codes = {a.code: a for a in prevention_advice(orders)}
    assert set(codes) == {
        "lead_time_exceeds_deadline",
        "description_incomplete",
        "pay_supplier_promptly",
    }
    assert codes["lead_time_exceeds_deadline"].supplier_order_ids == (1,)
    assert codes["description_incomplete"].supplier_order_ids == (2,)
    assert "no_sku" in codes["description_incomplete"].details
    assert codes["pay_supplier_promptly"].supplier_order_ids == (1,)
    reasons = {
        1: CloseReasonInput(CancelReason.BUYER_CANCEL),
        2: RefundReasonInput("r2", "缺货"),
    }
    codes = {a.code for a in prevention_advice(orders, reasons, {2: REASONS})}
    assert {"answer_buyers", "supplier_out_of_stock"} <= codes
    assert all(a.message == CANCEL_ADVICE[a.code] for a in prevention_advice(orders))


def test_no_advice_for_a_good_listing_shipped_in_time() -> None:
    sale = SaleFacts(1, 1, "S", "paid", 1, 1, NOW, NOW, NOW + timedelta(hours=48))
    order = cand(1, "waitsellersend", sale=sale, lead_time_days=1)
    assert prevention_advice([order]) == []


# ---- submission and outcomes ------------------------------------------------------------------


def test_mixed_batch_submission_sends_the_right_action_per_order() -> None:
    orders = [
        cand(1, "waitbuyerpay"),
        cand(2, "waitsellersend", paid=1500),
        cand(3, "waitbuyerreceive"),
        cand(4, "cancel"),
    ]
    flow = _at_reason_step(orders)
    flow.set_close_reason(CloseReasonInput(CancelReason.BUYER_CANCEL))
    flow.set_refund_reason(RefundReasonInput("r1", "买家不要了"))
    flow.next()
    sub = flow.begin_submission()
    assert [(i.supplier_order_id, i.action) for i in sub.items] == [
        (1, CancelAction.CLOSE),
        (2, CancelAction.REFUND_REQUEST),
    ]
    assert [(o.supplier_order_id, o.kind, o.error_code) for o in sub.skipped] == [
        (3, OutcomeKind.SKIPPED, "after_sales_only"),
        (4, OutcomeKind.SKIPPED, "already_closed"),
    ]
    # Frozen once sending started.
    assert not flow.can_go_back()
    with pytest.raises(FlowError):
        flow.select([1])
    assert not flow.is_finished()
    flow.record_outcome(OrderOutcome(1, OutcomeKind.CLOSED))
    flow.record_outcome(OrderOutcome(2, OutcomeKind.FAILED, "系统繁忙", "SYSTEM_BUSY"))
    assert not flow.is_finished()
    assert flow.outcomes()[1].retryable
    flow.record_outcome(OrderOutcome(2, OutcomeKind.REFUND_REQUESTED))
    assert flow.is_finished()


def test_too_soon_is_sent_once_its_seconds_have_passed() -> None:
    clock = [NOW]
    flow = CancelFlow(clock=lambda: clock[0])
    flow.choose_account(ACCOUNT, manual=False)
    flow.apply_sign_in(SignInResult(True))
    flow.set_candidates([cand(1, "waitbuyerpay", age_s=2)])
    flow.select([1])
    assert flow.plan(1).skip_code == "too_soon"
    flow.set_close_reason(CloseReasonInput(CancelReason.BUYER_CANCEL))
    # Still too soon: sent as well, but not before its 10 seconds are over (step 6 waits).
    early = flow.submission()
    assert early.skipped == ()
    assert [(i.supplier_order_id, i.action) for i in early.items] == [(1, CancelAction.CLOSE)]
    assert early.items[0].not_before == NOW + timedelta(seconds=8)
    clock[0] = NOW + timedelta(seconds=8)
    late = flow.submission()
    assert [i.supplier_order_id for i in late.items] == [1]
    assert late.items[0].not_before is None


def test_submission_needs_complete_reasons() -> None:
    flow = signed_in_flow([cand(1, "waitbuyerpay")])
    flow.select([1])
    with pytest.raises(FlowError):
        flow.submission()


def test_outcome_from_call() -> None:
    assert outcome_from_call(CancelAction.CLOSE, CallResult(True)) is OutcomeKind.CLOSED
    assert (
        outcome_from_call(CancelAction.REFUND_REQUEST, CallResult(True, refund_id="R1"))
        is OutcomeKind.REFUND_REQUESTED
    )
    failed = CallResult(False, "ORDER_STATUS_ERROR", "状态不对")
    assert outcome_from_call(CancelAction.CLOSE, failed) is OutcomeKind.FAILED
    interrupted = OrderOutcome(1, OutcomeKind.INTERRUPTED)
    assert interrupted.needs_resolution and not interrupted.final and not interrupted.retryable


def test_flow_advice_covers_only_orders_being_cancelled() -> None:
    poor = ProductFacts("T恤")
    flow = signed_in_flow(
        [
            replace(cand(1, "waitbuyerpay"), product=poor),
            replace(cand(2, "waitbuyerreceive"), product=poor),
        ]
    )
    flow.select([1, 2])
    assert [(a.code, a.supplier_order_ids) for a in flow.advice()] == [
        ("description_incomplete", (1,)),
        ("pay_supplier_promptly", (1,)),
    ]
