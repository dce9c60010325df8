"""The manual connector, the fake and the registry."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from dropship_desktop.connectors.base import (
    BUYER_ORDER_LIST_URL,
    SIGN_IN_URL,
    Connector,
    order_url,
)
from dropship_desktop.connectors.defaults import DEFAULT_REFUND_REASONS
from dropship_desktop.connectors.fake import FakeConnector, FakeOrder
from dropship_desktop.connectors.manual import NO_ANSWER, NOT_CONFIRMED, ManualConnector
from dropship_desktop.context import AppContext
from dropship_desktop.domain.cancel_flow import AccountRef
from dropship_desktop.domain.enums import CancelAction
from dropship_desktop.errors import UserError

NOW = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)
ACCOUNT = AccountRef(1, "主账号", "buyer_1")
UNPAID = "1930000000000000007"
PAID = "1930000000000000014"
SHIPPED = "1930000000000000021"


def test_order_url_patterns() -> None:
    assert order_url(UNPAID) == (
        "https://trade.1688.com/order/new_step_order_detail.htm?orderId=1930000000000000007"
    )
    assert SIGN_IN_URL == "https://login.1688.com/"
    assert BUYER_ORDER_LIST_URL == "https://trade.1688.com/order/buyer_order_list.htm"
    with pytest.raises(ValueError):
        order_url("1&x=2")


def test_default_refund_reasons_are_chinese_and_mark_evidence() -> None:
    names = [r.name for r in DEFAULT_REFUND_REASONS]
    assert {"不想要了", "缺货", "未按约定时间发货"} <= set(names)
    assert len({r.id for r in DEFAULT_REFUND_REASONS}) == len(DEFAULT_REFUND_REASONS)
    assert [r.name for r in DEFAULT_REFUND_REASONS if r.need_voucher] == ["未按约定时间发货"]
    assert [r.name for r in DEFAULT_REFUND_REASONS if r.means_out_of_stock] == ["缺货"]


# ---- registry ---------------------------------------------------------------------------------


def test_registry(ctx: AppContext) -> None:
    registry = ctx.connectors
    assert {"manual", "fake"} <= set(registry.kinds())
    manual = registry.create("manual", open_url=lambda url: True)
    assert isinstance(manual, Connector) and manual.needs_manual_confirmation
    fake = registry.create("fake")
    assert isinstance(fake, Connector) and not fake.needs_manual_confirmation
    with pytest.raises(UserError, match="manual connector"):
        registry.create("open1688-from-the-future")


def test_a_new_kind_registers_without_changes_elsewhere(ctx: AppContext) -> None:
    ctx.connectors.register("test-kind", lambda **kw: FakeConnector(**kw))
    assert ctx.connectors.create("test-kind").name == "fake"
    assert "test-kind" not in AppContext().connectors.kinds()  # another run's registry


# ---- manual -----------------------------------------------------------------------------------


def test_manual_sign_in_opens_the_page_and_asks_for_confirmation() -> None:
    opened: list[str] = []
    connector = ManualConnector(open_url=lambda url: opened.append(url) or True)
    result = connector.sign_in(ACCOUNT)
    assert opened == [SIGN_IN_URL]
    assert not result.ok and result.needs_confirmation and result.message


def test_manual_without_a_browser_tells_the_address() -> None:
    result = ManualConnector().sign_in(ACCOUNT)
    assert SIGN_IN_URL in result.message and result.needs_confirmation


def test_manual_browser_failure_does_not_raise() -> None:
    def broken(url: str) -> bool:
        raise OSError("no browser")

    assert ManualConnector(open_url=broken).open_order(UNPAID) is False


def test_manual_opens_order_and_order_list() -> None:
    opened: list[str] = []
    connector = ManualConnector(open_url=lambda url: opened.append(url) or True)
    assert connector.open_order_list()
    assert connector.open_order(UNPAID)
    assert opened == [BUYER_ORDER_LIST_URL, order_url(UNPAID)]
    assert connector.order_url(UNPAID) == order_url(UNPAID)


def test_manual_close_is_what_the_seller_confirmed() -> None:
    connector = ManualConnector()
    # Asked before the seller answered: never a success.
    result = connector.close_order(UNPAID, "buyerCancel", "")
    assert not result.success and result.error_code == NO_ANSWER
    connector.confirm(UNPAID, CancelAction.CLOSE, done=True)
    assert connector.has_answer(UNPAID, CancelAction.CLOSE)
    assert not connector.has_answer(UNPAID, CancelAction.REFUND_REQUEST)
    assert connector.close_order(UNPAID, "buyerCancel", "").success
    # An answer is used once.
    assert not connector.close_order(UNPAID, "buyerCancel", "").success


def test_manual_not_done_carries_the_sellers_message() -> None:
    connector = ManualConnector()
    connector.confirm(PAID, CancelAction.REFUND_REQUEST, done=False, message="页面报错")
    result = connector.request_refund(PAID, 1500, "default.not_wanted", "不要了")
    assert (result.success, result.error_code, result.error_message) == (
        False,
        NOT_CONFIRMED,
        "页面报错",
    )
    connector.confirm(PAID, CancelAction.REFUND_REQUEST, done=True, refund_id=" R-1 ")
    result = connector.request_refund(PAID, 1500, "default.not_wanted", "不要了")
    assert result.success and result.refund_id == "R-1"


def test_manual_works_offline() -> None:
    connector = ManualConnector()
    assert connector.list_orders(ACCOUNT) == [] and connector.fetch_order(UNPAID) is None
    assert connector.refund_reasons(PAID) == list(DEFAULT_REFUND_REASONS)
    assert not connector.can_list_orders


# ---- fake -------------------------------------------------------------------------------------


def fake(**kw: object) -> FakeConnector:
    return FakeConnector(
        [
            FakeOrder(UNPAID, "waitbuyerpay", NOW - timedelta(hours=1), 1500),
            FakeOrder(PAID, "waitsellersend", NOW - timedelta(hours=2), 1500, 1500),
            FakeOrder(SHIPPED, "waitbuyerreceive", NOW - timedelta(hours=3), 900, 900),
        ],
        clock=lambda: NOW,
        **kw,  # type: ignore[arg-type]
    )


def test_fake_sign_in_at_once_or_fails_on_request() -> None:
    assert fake().sign_in(ACCOUNT).ok
    result = fake(sign_in_error="账号或密码错误").sign_in(ACCOUNT)
    assert not result.ok and result.message == "账号或密码错误" and not result.needs_confirmation


def test_fake_close_follows_the_platform_rules() -> None:
    connector = fake()
    assert connector.close_order("1", "buyerCancel", "").error_code == "ORDER_NOT_EXIST"
    assert connector.close_order(PAID, "buyerCancel", "").error_code == "ORDER_STATUS_ERROR"
    assert connector.close_order(UNPAID, "bogus", "").error_code == "PARAM_ERROR"
    assert connector.close_order(UNPAID, "sellerGoodsLack", "没货").success
    assert connector.fetch_order(UNPAID).status == "cancel"  # type: ignore[union-attr]
    assert connector.orders[UNPAID].close_reason == "sellerGoodsLack"
    # Closing twice: the platform says the status is wrong now.
    assert connector.close_order(UNPAID, "buyerCancel", "").error_code == "ORDER_STATUS_ERROR"


def test_fake_close_too_fast() -> None:
    connector = fake()
    connector.add_order(
        FakeOrder("1930000000000000099", "waitbuyerpay", NOW - timedelta(seconds=4))
    )
    result = connector.close_order("1930000000000000099", "buyerCancel", "")
    assert result.error_code == "CLOSE_ORDER_TOO_FAST" and result.error_message


def test_fake_refund_rules() -> None:
    connector = fake()
    ask = connector.request_refund
    assert ask(UNPAID, 1500, "default.not_wanted", "不要了").error_code == "ORDER_STATUS_ERROR"
    assert ask(SHIPPED, 900, "default.not_wanted", "不要了").error_code == "ORDER_STATUS_ERROR"
    assert ask(PAID, 1500, "nope", "不要了").error_code == "REFUND_REASON_INVALID"
    assert ask(PAID, 1500, "default.not_wanted", "不").error_code == "DESCRIPTION_INVALID"
    assert ask(PAID, 1500, "default.late_dispatch", "说好今天").error_code == "VOUCHER_REQUIRED"
    assert ask(PAID, 1400, "default.not_wanted", "不要了").error_code == "APPLY_PAYMENT_ERROR"
    result = ask(PAID, 1500, "default.late_dispatch", "说好今天", ["https://img/1.jpg"])
    assert result.success and result.refund_id == "FAKE-RF-0001"
    assert connector.orders[PAID].refund_status == "waitselleragree"
    assert ask(PAID, 1500, "default.not_wanted", "不要了").error_code == "REFUND_ALREADY_EXISTS"


def test_fake_configured_failures_and_exceptions() -> None:
    connector = fake()
    connector.fail(UNPAID, "SYSTEM_BUSY", "系统繁忙", times=1)
    first = connector.close_order(UNPAID, "buyerCancel", "")
    assert (first.error_code, first.error_message) == ("SYSTEM_BUSY", "系统繁忙")
    connector.raise_on(PAID, ConnectionError("reset"))
    with pytest.raises(ConnectionError):
        connector.request_refund(PAID, 1500, "default.not_wanted", "不要了")
    assert connector.request_refund(PAID, 1500, "default.not_wanted", "不要了").success
    assert connector.close_order(UNPAID, "buyerCancel", "").success
    connector.fail(SHIPPED, "X")
    assert connector.close_order(SHIPPED, "buyerCancel", "").error_code == "X"
    assert connector.close_order(SHIPPED, "buyerCancel", "").error_code == "X"
    connector.clear_failures(SHIPPED)
    assert connector.close_order(SHIPPED, "buyerCancel", "").error_code == "ORDER_STATUS_ERROR"


def test_fake_remembers_calls_and_lists_orders() -> None:
    connector = fake()
    connector.sign_in(ACCOUNT)
    connector.refund_reasons(PAID)
    connector.close_order(UNPAID, "buyerCancel", "备注")
    assert connector.calls == [
        ("sign_in", 1),
        ("refund_reasons", PAID, "refundWaitSellerSend"),
        ("close_order", UNPAID, "buyerCancel", "备注"),
    ]
    assert [o.order_id_1688 for o in connector.list_orders(ACCOUNT)] == [UNPAID, PAID, SHIPPED]
    assert [o.order_id_1688 for o in connector.list_orders(ACCOUNT, status="cancel")] == [UNPAID]
    assert connector.list_orders(ACCOUNT, page=2, page_size=2)[0].order_id_1688 == SHIPPED
    assert connector.fetch_order("404") is None
