"""Cancel, refund and place orders through the 1688 connector and the local gateway, end to end
through the app's services (record before send, lost answers, never two orders)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from dropship_desktop.connectors.alibaba1688 import Open1688Connector
from dropship_desktop.connectors.alibaba1688.credentials import (
    Credentials,
    load_credentials,
    save_credentials,
)
from dropship_desktop.connectors.alibaba1688.errors import UncertainOutcome
from dropship_desktop.connectors.base import (
    AddressParam,
    CargoParam,
    PurchaseRequest,
)
from dropship_desktop.context import AppContext
from dropship_desktop.domain.cancel_flow import (
    AccountRef,
    CancelFlow,
    CancelStep,
    CloseReasonInput,
    OutcomeKind,
    RefundReasonInput,
    SignInResult,
)
from dropship_desktop.domain.enums import CancelReason
from dropship_desktop.domain.fulfilment import AttemptState
from dropship_desktop.domain.timeutil import now_epoch
from dropship_desktop.errors import UserError
from dropship_desktop.services import cancellation as svc
from dropship_desktop.services import purchasing as pu
from dropship_desktop.store.db import db
from tests.helpers.cancellation_data import send_each

from .conftest import make_gateway
from .gateway import ACCESS_TOKEN, APP_KEY, APP_SECRET, REFRESH_TOKEN, FakeGateway

NOW = datetime.now(UTC)
ACCOUNT = AccountRef(1, "主账号", "buyer_1", "open1688")
UNPAID = "3300000000000000201"
PAID = "3300000000000000202"
FRESH = "3300000000000000203"


def q(sql: str, *params: object) -> list[tuple]:
    return db.execute_sql(sql, params).fetchall()


def creds() -> None:
    save_credentials(
        ACCOUNT.id,
        Credentials(
            APP_KEY,
            APP_SECRET,
            access_token=ACCESS_TOKEN,
            access_expires_at=NOW.timestamp() + 36000,
            refresh_token=REFRESH_TOKEN,
            refresh_expires_at=NOW.timestamp() + 1e7,
        ),
    )


@pytest.fixture
def api(gateway: FakeGateway, memory_keyring) -> Open1688Connector:
    creds()
    gateway.add_order(UNPAID, "waitbuyerpay", created=NOW - timedelta(hours=1), total_yuan=15.0)
    gateway.add_order(
        PAID, "waitsellersend", created=NOW - timedelta(hours=2), paid=NOW - timedelta(hours=2),
        total_yuan=15.0,
    )  # fmt: skip
    gateway.add_order(FRESH, "waitbuyerpay", created=datetime.now(UTC))  # just placed
    return Open1688Connector(
        ACCOUNT, gateway=make_gateway(gateway.url, min_interval=0, backoff=0, sleep=lambda s: None)
    )


# ---- the connector alone ------------------------------------------------------------------------


def test_close_follows_the_platform_rules(api: Open1688Connector, gateway: FakeGateway) -> None:
    fast = api.close_order(FRESH, "buyerCancel", "")
    assert (fast.success, fast.error_code) == (False, "CLOSE_ORDER_TOO_FAST")
    assert "10 seconds" in fast.error_message
    wrong = api.close_order(PAID, "buyerCancel", "")
    assert (wrong.success, wrong.error_code) == (False, "ORDER_STATUS_ERROR")
    missing = api.close_order("3300000000000009999", "buyerCancel", "")
    assert missing.error_code == "ORDER_NOT_EXIST"
    done = api.close_order(UNPAID, "sellerGoodsLack", "缺货")
    assert done.success
    base = gateway.state.orders[UNPAID]["baseInfo"]
    assert (base["status"], base["closeReason"], base["closeRemark"]) == (
        "cancel",
        "sellerGoodsLack",
        "缺货",
    )
    sent = gateway.calls_of("alibaba.trade.cancel")[-1]
    assert sent["tradeID"] == UNPAID and sent["webSite"] == "1688"


def test_a_lost_cancel_answer_is_looked_up_not_sent_again(
    api: Open1688Connector, gateway: FakeGateway
) -> None:
    gateway.fail("alibaba.trade.cancel", "drop_after")  # carried out, answer lost
    assert api.close_order(UNPAID, "buyerCancel", "").success
    assert len(gateway.calls_of("alibaba.trade.cancel")) == 1
    assert gateway.calls_of("alibaba.trade.get.buyerView")  # looked up


def test_a_cancel_that_never_arrived_is_sent_once_more(
    api: Open1688Connector, gateway: FakeGateway
) -> None:
    gateway.fail("alibaba.trade.cancel", "drop_before")  # not carried out
    assert api.close_order(UNPAID, "buyerCancel", "").success
    assert len(gateway.calls_of("alibaba.trade.cancel")) == 2
    assert gateway.state.orders[UNPAID]["baseInfo"]["status"] == "cancel"


def test_a_5xx_on_cancel_is_never_retried_blind(
    api: Open1688Connector, gateway: FakeGateway
) -> None:
    gateway.fail("alibaba.trade.cancel", "http", "502")
    gateway.fail("alibaba.trade.get.buyerView", "http", "503", times=9)
    with pytest.raises(UncertainOutcome, match="not known"):
        api.close_order(UNPAID, "buyerCancel", "")
    assert len(gateway.calls_of("alibaba.trade.cancel")) == 1


def test_refund_reasons_apply_status_and_withdraw(
    api: Open1688Connector, gateway: FakeGateway
) -> None:
    reasons = api.refund_reasons(PAID)
    assert [(r.id, r.name, r.need_voucher) for r in reasons] == [
        ("20001", "不想要了", False),
        ("20002", "缺货", False),
        ("20003", "未按约定时间发货", True),
    ]
    api.refund_reasons(PAID)  # cached per order and goods status
    assert len(gateway.calls_of("alibaba.trade.getRefundReasonList")) == 1
    result = api.request_refund(PAID, 1500, "20002", "供应商缺货，申请退款")
    assert result.success and result.refund_id.startswith("TQ")
    sent = gateway.calls_of("alibaba.trade.createRefund")[0]
    assert sent["applyPayment"] == "1500" and sent["disputeRequest"] == "refund"
    assert sent["orderEntryIds"] == f"[{PAID}01]" and sent["goodsStatus"] == "refundWaitSellerSend"
    assert api.refund_status(PAID, result.refund_id) == "waitselleragree"
    again = api.request_refund(PAID, 1500, "20002", "再来一次")
    assert (again.success, again.error_code) == (False, "REFUND_EXISTS")
    assert api.cancel_refund(PAID, result.refund_id).success
    assert api.refund_status(PAID, result.refund_id) == "refundclose"


def test_a_lost_refund_answer_finds_the_refund(
    api: Open1688Connector, gateway: FakeGateway
) -> None:
    gateway.fail("alibaba.trade.createRefund", "drop_after")
    result = api.request_refund(PAID, 1500, "20002", "供应商缺货，申请退款")
    assert result.success and result.refund_id.startswith("TQ")
    assert len(gateway.state.refunds) == 1
    assert len(gateway.calls_of("alibaba.trade.createRefund")) == 1


def test_a_lost_refund_answer_never_takes_an_earlier_refund_for_it(
    api: Open1688Connector, gateway: FakeGateway
) -> None:
    earlier = gateway.add_refund(PAID, "refundsuccess", 500)  # a finished, older application
    gateway.fail("alibaba.trade.createRefund", "drop_before")  # never carried out
    result = api.request_refund(PAID, 1500, "20002", "供应商缺货，申请退款")
    assert result.success and result.refund_id not in ("", earlier)
    assert gateway.state.refunds[result.refund_id]["applyPayment"] == 1500
    assert len(gateway.calls_of("alibaba.trade.createRefund")) == 2


def test_a_lost_refund_answer_with_a_failing_lookup_stays_unknown(
    api: Open1688Connector, gateway: FakeGateway
) -> None:
    gateway.fail("alibaba.trade.createRefund", "drop_before")
    # The snapshot before sending works; the lookup after the lost answer says success=false.
    gateway.fail(
        "alibaba.trade.refund.buyer.queryOrderRefundList", "code", "SYSTEM_BUSY", times=5, skip=1
    )
    with pytest.raises(UncertainOutcome):
        api.request_refund(PAID, 1500, "20002", "供应商缺货，申请退款")
    assert len(gateway.calls_of("alibaba.trade.createRefund")) == 1  # never sent again blind


def test_after_sales_return_refund(api: Open1688Connector, gateway: FakeGateway) -> None:
    gateway.touch(PAID, "waitbuyerreceive", NOW)
    result = api.request_after_sales_refund(
        PAID,
        800,
        dispute_request="returnRefund",
        goods_status="refundBuyerReceived",
        reason_id="20001",
        description="质量问题退货",
    )
    assert result.success
    refund = gateway.state.refunds[result.refund_id]
    assert (refund["disputeRequest"], refund["applyPayment"]) == ("returnRefund", 800)


# ---- through the cancellation service (the wizard's path) ----------------------------------------


def _seed_cancellation_world(numbers: dict[str, str]) -> dict[str, int]:
    now = now_epoch()
    created = int((NOW - timedelta(hours=1)).timestamp())
    ids: dict[str, int] = {}
    with db.atomic():
        db.execute_sql(
            "INSERT INTO shop (id, platform, name, created_at) VALUES (1, 'taobao', '小店', ?)",
            (now,),
        )
        db.execute_sql(
            "INSERT INTO distribution_account (id, name, member_id, connector, created_at)"
            " VALUES (1, '主账号', 'buyer_1', 'open1688', ?)",
            (now,),
        )
        for index, (number, status) in enumerate(numbers.items()):
            sale = db.execute_sql(
                "INSERT INTO sales_order (shop_id, shop_order_no, status, sale_fen, profit_fen,"
                " created_at, paid_at, updated_at) VALUES (1, ?, 'paid', 3000, 1500, ?, ?, ?)",
                (f"T{index:04d}", created, created, now),
            ).lastrowid
            ids[number] = int(
                db.execute_sql(
                    "INSERT INTO supplier_order (sales_order_id, account_id, order_id_1688,"
                    " status, cost_fen, shipping_fen, paid_fen, created_at, updated_at)"
                    " VALUES (?, 1, ?, ?, 1000, 500, ?, ?, ?)",
                    (sale, number, status, 0 if status == "waitbuyerpay" else 1500, created, now),
                ).lastrowid
            )
    return ids


def test_wizard_path_closes_and_refunds_through_the_api(
    ctx: AppContext, fresh_db: Path, api: Open1688Connector, gateway: FakeGateway
) -> None:
    ctx.session.forget()
    ids = _seed_cancellation_world({UNPAID: "waitbuyerpay", PAID: "waitsellersend"})
    account = svc.list_accounts(ctx)[0]
    assert account.connector == "open1688"
    flow = CancelFlow(preselected=list(ids.values()))
    flow.choose_account(account, manual=False)
    flow.apply_sign_in(api.sign_in(account))
    data = svc.load_flow_data(ctx, account_id=account.id, supplier_order_ids=list(ids.values()))
    flow.set_candidates(data.candidates, data.shop_stats)
    for _ in range(4):
        flow.next()
    for oid in flow.orders_needing_refund_reasons():
        flow.set_refund_reasons(oid, api.refund_reasons(PAID))
    flow.set_close_reason(CloseReasonInput(CancelReason.BUYER_CANCEL, "买家不要了"))
    flow.set_refund_reason(RefundReasonInput("20002", "供应商缺货，申请退款"))
    assert flow.problems() == []
    flow.next()
    assert flow.step is CancelStep.SUBMIT
    submission = flow.begin_submission()
    recorded = svc.record_requests(ctx, submission.items, skipped=submission.skipped)
    result = send_each(ctx, list(recorded.request_ids.values()), api)
    kinds = {o.supplier_order_id: o.kind for o in result.outcomes}
    assert kinds == {ids[UNPAID]: OutcomeKind.CLOSED, ids[PAID]: OutcomeKind.REFUND_REQUESTED}
    assert q("SELECT status FROM supplier_order WHERE id = ?", ids[UNPAID]) == [("cancel",)]
    assert gateway.state.orders[UNPAID]["baseInfo"]["status"] == "cancel"
    assert [r["orderId"] for r in gateway.state.refunds.values()] == [PAID]
    refund_row = svc.request_history(ids[PAID])[0]
    assert refund_row.refund_id.startswith("TQ")


def test_wizard_path_records_platform_refusals_and_interruptions(
    ctx: AppContext, fresh_db: Path, api: Open1688Connector, gateway: FakeGateway
) -> None:
    ctx.session.forget()
    ids = _seed_cancellation_world({FRESH: "waitbuyerpay", UNPAID: "waitbuyerpay"})
    account = svc.list_accounts(ctx)[0]
    flow = CancelFlow(preselected=list(ids.values()))
    flow.choose_account(account, manual=False)
    flow.apply_sign_in(SignInResult(True))
    data = svc.load_flow_data(ctx, account_id=account.id, supplier_order_ids=list(ids.values()))
    flow.set_candidates(data.candidates, data.shop_stats)
    for _ in range(4):
        flow.next()
    flow.set_close_reason(CloseReasonInput(CancelReason.BUYER_CANCEL, "买家不要了"))
    flow.next()
    submission = flow.begin_submission()
    recorded = svc.record_requests(ctx, submission.items, skipped=submission.skipped)
    # The second order's answer is lost and 1688 cannot be asked afterwards either.
    gateway.fail("alibaba.trade.cancel", "http", "502", skip=1)
    gateway.fail("alibaba.trade.get.buyerView", "http", "503", times=9)
    result = send_each(
        ctx, [recorded.request_ids[ids[FRESH]], recorded.request_ids[ids[UNPAID]]], api
    )
    states = {o.supplier_order_id: o.kind for o in result.outcomes}
    assert states[ids[FRESH]] is OutcomeKind.FAILED
    fresh_row = svc.request_history(ids[FRESH])[0]
    assert fresh_row.error_code == "CLOSE_ORDER_TOO_FAST"
    unpaid_row = svc.request_history(ids[UNPAID])[0]
    assert unpaid_row.state.value == "interrupted"


def test_wizard_path_reports_certain_refusals_as_failed_not_interrupted(
    ctx: AppContext, fresh_db: Path, api: Open1688Connector, gateway: FakeGateway, memory_keyring
) -> None:
    ctx.session.forget()
    ids = _seed_cancellation_world({UNPAID: "waitbuyerpay", PAID: "waitbuyerpay"})
    account = svc.list_accounts(ctx)[0]
    flow = CancelFlow(preselected=list(ids.values()))
    flow.choose_account(account, manual=False)
    flow.apply_sign_in(SignInResult(True))
    data = svc.load_flow_data(ctx, account_id=account.id, supplier_order_ids=list(ids.values()))
    flow.set_candidates(data.candidates, data.shop_stats)
    for _ in range(4):
        flow.next()
    flow.set_close_reason(CloseReasonInput(CancelReason.BUYER_CANCEL, "买家不要了"))
    flow.next()
    submission = flow.begin_submission()
    recorded = svc.record_requests(ctx, submission.items, skipped=submission.skipped)
    gateway.fail("alibaba.trade.cancel", "refuse", "gw.ApiAccessDenied")  # no permission
    first = svc.submit_request(ctx, recorded.request_ids[ids[UNPAID]], api)
    assert [o.kind for o in first.outcomes] == [OutcomeKind.FAILED]
    row = svc.request_history(ids[UNPAID])[0]
    assert (row.state.value, row.error_code) == ("failed", "gw.ApiAccessDenied")
    assert "no permission" in first.outcomes[0].message
    assert getattr(first.outcomes[0].message, "context", "") == "Open1688"
    # The authorisation is gone: nothing is sent, and the seller is told to reconnect.
    stored = load_credentials(ACCOUNT.id)
    assert stored is not None
    save_credentials(ACCOUNT.id, replace(stored, reconnect=True))
    api.close()
    second = svc.submit_request(ctx, recorded.request_ids[ids[PAID]], api)
    assert [o.kind for o in second.outcomes] == [OutcomeKind.FAILED]
    assert svc.request_history(ids[PAID])[0].error_code == "RECONNECT"
    assert "reconnected" in second.outcomes[0].message
    assert len(gateway.calls_of("alibaba.trade.cancel")) == 1


def test_a_gateway_address_without_scheme_is_a_clear_not_sent(
    api: Open1688Connector, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DROPSHIP_DESKTOP_1688_GATEWAY", "gw.open.1688.com")
    connector = Open1688Connector(ACCOUNT)
    result = connector.close_order(UNPAID, "buyerCancel", "")
    assert (result.success, result.error_code) == (False, "NOT_SENT")
    assert "not a web address" in result.error_message and "gw.open.1688.com" in (
        result.error_message
    )


# ---- placing orders (the purchase queue's API path) -----------------------------------------------


def test_purchase_is_placed_once_even_when_the_answer_is_lost(
    ctx: AppContext, fresh_db: Path, api: Open1688Connector, gateway: FakeGateway
) -> None:
    from tests.helpers.fulfilment_data import OFFER_1688, paid_order, seed_shops_and_offers

    seed_shops_and_offers()
    db.execute_sql("UPDATE distribution_account SET connector = 'open1688' WHERE id = 1")
    ctx.session.forget()
    gateway.add_product(OFFER_1688, price=15.0, stock=10)
    order = paid_order()
    gateway.fail("alibaba.trade.fastCreateOrder", "drop_after")  # placed; answer lost
    outcome = pu.place_via_api(ctx, order, api, account_id=1)
    # The connector looked the order up by outOrderId and linked it: placed exactly once.
    assert outcome.state is AttemptState.LINKED
    assert len(gateway.state.placed) == 1
    assert len(gateway.calls_of("alibaba.trade.fastCreateOrder")) == 1
    out_id = q("SELECT out_order_id FROM purchase_attempt")[0][0]
    assert gateway.state.placed == {out_id: outcome.order_id_1688}
    sent = gateway.calls_of("alibaba.trade.fastCreateOrder")[0]
    assert sent["outOrderId"] == out_id and sent["flow"] == "saleproxy"
    assert q("SELECT status FROM supplier_order") == [("waitbuyerpay",)]
    url = api.payment_url([outcome.order_id_1688])
    assert url.startswith("https://")


def test_purchase_lost_and_not_found_stays_unknown_until_looked_up(
    ctx: AppContext, fresh_db: Path, api: Open1688Connector, gateway: FakeGateway
) -> None:
    from tests.helpers.fulfilment_data import OFFER_1688, paid_order, seed_shops_and_offers

    seed_shops_and_offers()
    ctx.session.forget()
    gateway.add_product(OFFER_1688, price=15.0, stock=10)
    order = paid_order()
    gateway.fail("alibaba.trade.fastCreateOrder", "drop_before")  # never carried out
    outcome = pu.place_via_api(ctx, order, api, account_id=1)
    assert outcome.state is AttemptState.UNKNOWN
    assert gateway.state.placed == {}
    resolved = pu.resolve_unknown(ctx, outcome.attempt_id, api)
    assert (resolved.state, resolved.error_code) == (AttemptState.FAILED, "NOT_FOUND")
    again = pu.place_via_api(ctx, order, api, account_id=1)
    assert again.state is AttemptState.LINKED and len(gateway.state.placed) == 1


def test_preview_refuses_missing_stock(api: Open1688Connector, gateway: FakeGateway) -> None:
    gateway.add_product("600000000009", price=12.5, stock=1)
    request = PurchaseRequest(
        "OUT-1",
        AddressParam("张三", "13800138000", "浙江省", "杭州市", "西湖区", "文三路 1 号"),
        (CargoParam("600000000009", "spec-1", 2),),
    )
    preview = api.preview_order(request)
    assert (preview.ok, preview.error_code) == (False, "STOCK_NOT_ENOUGH")
    gateway.add_product("600000000009", price=12.5, stock=5)
    preview = api.preview_order(request)
    assert (preview.ok, preview.goods_fen, preview.freight_fen) == (True, 2500, 500)


def _lost_purchase(
    ctx: AppContext, api: Open1688Connector, gateway: FakeGateway
) -> tuple[int, str]:
    """A purchase 1688 carried out whose answer was lost and could not be looked up at once."""
    from tests.helpers.fulfilment_data import OFFER_1688, paid_order, seed_shops_and_offers

    seed_shops_and_offers()
    ctx.session.forget()
    gateway.add_product(OFFER_1688, price=15.0, stock=10)
    gateway.state.echo_out_order_id = False  # only the order message carries it
    gateway.fail("alibaba.trade.fastCreateOrder", "drop_after")  # placed; answer lost
    gateway.fail("alibaba.trade.getBuyerOrderList", "http", "503", times=9)  # lookup fails
    outcome = pu.place_via_api(ctx, paid_order(), api, account_id=1)
    assert outcome.state is AttemptState.UNKNOWN
    (order_id,) = gateway.state.placed.values()
    gateway.state.faults.clear()
    return outcome.attempt_id, order_id


def _age_purchase(gateway: FakeGateway, attempt_id: int, order_id: str, days: float) -> None:
    """Both sides as if the purchase had been sent *days* ago."""
    from .gateway import wire

    then = datetime.now(UTC) - timedelta(days=days)
    gateway.state.orders[order_id]["baseInfo"]["createTime"] = wire(then)
    db.execute_sql(
        "UPDATE purchase_attempt SET sent_at = ? WHERE id = ?", (int(then.timestamp()), attempt_id)
    )


def test_lost_purchase_is_found_days_later_past_a_page_without_total(
    ctx: AppContext, fresh_db: Path, api: Open1688Connector, gateway: FakeGateway
) -> None:
    attempt_id, order_id = _lost_purchase(ctx, api, gateway)
    _age_purchase(gateway, attempt_id, order_id, days=5)
    # 45 newer orders (more than two pages) and no totalRecord in the answers.
    for n in range(45):
        gateway.add_order(f"34000000000{n:08d}", created=datetime.now(UTC) - timedelta(hours=n + 1))
    gateway.state.omit_total = True
    sent = gateway.calls_of("alibaba.trade.fastCreateOrder")[0]
    out_id = q("SELECT out_order_id FROM purchase_attempt")[0][0]
    assert (
        f"[{out_id}]" in sent["message"]
        and "outOrderId" not in (gateway.state.orders[order_id]["baseInfo"])
    )
    resolved = pu.resolve_unknown(ctx, attempt_id, api)
    assert (resolved.state, resolved.order_id_1688) == (AttemptState.LINKED, order_id)
    pages = [int(c["page"]) for c in gateway.calls_of("alibaba.trade.getBuyerOrderList")]
    assert pages[-3:] == [1, 2, 3]
    assert len(gateway.calls_of("alibaba.trade.fastCreateOrder")) == 1


def test_lost_purchase_lookup_failing_midway_stays_unknown(
    ctx: AppContext, fresh_db: Path, api: Open1688Connector, gateway: FakeGateway
) -> None:
    attempt_id, order_id = _lost_purchase(ctx, api, gateway)
    _age_purchase(gateway, attempt_id, order_id, days=4)
    for n in range(45):
        gateway.add_order(f"34000000000{n:08d}", created=datetime.now(UTC) - timedelta(hours=n + 1))
    gateway.state.omit_total = True
    gateway.fail("alibaba.trade.getBuyerOrderList", "http", "503", times=9, skip=1)
    with pytest.raises(UncertainOutcome):
        pu.resolve_unknown(ctx, attempt_id, api)
    assert q("SELECT state FROM purchase_attempt") == [("unknown",)]
    # The shop order is not back in the queue: nothing can place a second order for it.
    with pytest.raises(UserError):
        pu.place_via_api(
            ctx, q("SELECT sales_order_id FROM purchase_attempt")[0][0], api, account_id=1
        )
    assert len(gateway.calls_of("alibaba.trade.fastCreateOrder")) == 1
    assert len(gateway.state.placed) == 1


def test_purchase_refused_for_lack_of_permission_fails_and_is_not_unknown(
    ctx: AppContext, fresh_db: Path, api: Open1688Connector, gateway: FakeGateway
) -> None:
    from tests.helpers.fulfilment_data import OFFER_1688, paid_order, seed_shops_and_offers

    seed_shops_and_offers()
    ctx.session.forget()
    gateway.add_product(OFFER_1688, price=15.0, stock=10)
    gateway.fail("alibaba.trade.fastCreateOrder", "refuse", "gw.ApiAccessDenied")
    outcome = pu.place_via_api(ctx, paid_order(), api, account_id=1)
    assert (outcome.state, outcome.error_code) == (AttemptState.FAILED, "gw.ApiAccessDenied")
    assert gateway.state.placed == {}


# ---- the account a connector acts for -------------------------------------------------------------


def test_the_connector_never_picks_an_account_itself(
    ctx: AppContext, fresh_db: Path, gateway: FakeGateway, memory_keyring
) -> None:
    from dropship_desktop.connectors.alibaba1688.errors import AccountRequiredError
    from dropship_desktop.connectors.base import ConnectorUnavailable

    creds()  # account 1 is connected, but nobody said to act for it
    connector = ctx.connectors.create("open1688")
    with pytest.raises(AccountRequiredError) as raised:
        connector.fetch_order(UNPAID)
    assert isinstance(raised.value, ConnectorUnavailable)  # nothing was sent
    result = connector.close_order(UNPAID, "buyerCancel", "")
    assert (result.success, result.error_code) == (False, "NOT_SENT")
    assert gateway.state.calls == []


def test_each_account_calls_with_its_own_authorisation(
    ctx: AppContext, fresh_db: Path, gateway: FakeGateway, memory_keyring
) -> None:
    creds()
    second = AccountRef(2, "备用号", "buyer_2", "open1688")
    token_2 = "SENTINEL-ACCESS-second"
    gateway.state.tokens[token_2] = NOW.timestamp() + 36000
    save_credentials(
        second.id,
        Credentials(
            APP_KEY, APP_SECRET, access_token=token_2, access_expires_at=NOW.timestamp() + 36000
        ),
    )
    gateway.add_order(UNPAID, "waitbuyerpay", created=NOW - timedelta(hours=1))
    connector = ctx.connectors.create("open1688", account=second)
    assert connector.fetch_order(UNPAID) is not None
    assert token_2 in gateway.state.bodies[-1] and ACCESS_TOKEN not in gateway.state.bodies[-1]


def test_purchase_queue_uses_the_account_it_records(
    ctx: AppContext, fresh_db: Path, gateway: FakeGateway, memory_keyring
) -> None:
    from dropship_desktop.ui.fulfilment.api_accounts import (
        api_connector_for,
        default_api_connector,
    )
    from tests.helpers.fulfilment_data import seed_shops_and_offers

    seed_shops_and_offers()
    now = now_epoch()
    db.execute_sql("UPDATE distribution_account SET connector = 'manual' WHERE id = 1")
    db.execute_sql(
        "INSERT INTO distribution_account (id, name, member_id, connector, created_at)"
        " VALUES (2, '采购号', 'buyer_2', 'open1688', ?)",
        (now,),
    )
    found = default_api_connector(ctx)
    assert found is not None
    connector, account_id = found
    assert account_id == 2 and connector.account_id == 2  # type: ignore[attr-defined]
    looked_up = api_connector_for(ctx, 2)
    assert looked_up is not None and looked_up.account_id == 2  # type: ignore[attr-defined]


def test_a_lost_purchase_is_not_looked_up_through_another_account(
    ctx: AppContext, fresh_db: Path, api: Open1688Connector, gateway: FakeGateway
) -> None:
    attempt_id, _order_id = _lost_purchase(ctx, api, gateway)
    other = Open1688Connector(
        AccountRef(2, "备用号", "", "open1688"),
        gateway=make_gateway(gateway.url, min_interval=0, backoff=0, sleep=lambda s: None),
    )
    with pytest.raises(UserError, match="another distribution account"):
        pu.resolve_unknown(ctx, attempt_id, other)
    assert q("SELECT state FROM purchase_attempt") == [("unknown",)]
    assert pu.resolve_unknown(ctx, attempt_id, api).state is AttemptState.LINKED
