"""A deterministic fake of 1688 for tests: follows the platform's rules, fails on request.

Rules it enforces (reference/1688-open-platform.md): only ``waitbuyerpay`` orders can be closed
(``ORDER_STATUS_ERROR`` otherwise), not within 10 s of creation (``CLOSE_ORDER_TOO_FAST``), unknown
orders answer ``ORDER_NOT_EXIST``; a refund application needs a ``waitsellersend`` order without an
open refund, a reason from the list, a 2–150 character description, evidence when the reason needs
it, and the full paid amount. The refund error codes besides ``ORDER_NOT_EXIST`` and
``ORDER_STATUS_ERROR`` are the fake's own (1688 does not publish them).

Every call is remembered in :attr:`FakeConnector.calls`. Failures can be configured per order
(:meth:`~FakeConnector.fail`), exceptions too (:meth:`~FakeConnector.raise_on`: a lost connection,
or a ``BaseException`` standing in for a crash), and sign-in can be made to fail.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from ..domain.cancel_flow import (
    DESCRIPTION_MAX_CHARS,
    DESCRIPTION_MIN_CHARS,
    VOUCHERS_MAX,
    AccountRef,
    CallResult,
    RefundReason,
    SignInResult,
)
from ..domain.eligibility import CLOSE_TOO_FAST_SECONDS
from ..domain.enums import OPEN_REFUND_STATUSES, CancelReason, OrderStatus1688, RefundStatus
from ..domain.timeutil import now_utc
from .base import (
    GOODS_STATUS_WAIT_SELLER_SEND,
    PlaceResult,
    PreviewResult,
    PurchaseRequest,
    RemoteOrder,
    order_url,
)
from .defaults import default_refund_reasons

__all__ = ["FakeConnector", "FakeOrder"]


@dataclass(frozen=True, slots=True)
class FakeOrder:
    """One order the fake platform knows."""

    order_id_1688: str
    status: str
    created_at: datetime | None = None
    total_fen: int = 0
    paid_fen: int = 0
    refund_status: str | None = None
    product_title: str = ""
    close_reason: str = ""
    close_remark: str = ""

    def remote(self) -> RemoteOrder:
        return RemoteOrder(
            self.order_id_1688,
            self.status,
            self.created_at,
            self.total_fen,
            self.paid_fen,
            self.refund_status,
            self.product_title,
        )


@dataclass
class _Planned:
    value: CallResult | BaseException
    times: int | None  # None: every time


class FakeConnector:
    """An in-memory 1688 that answers like the real one, deterministically.

    Args:
        orders: Orders the platform knows.
        clock: Current aware UTC time (for the 10-second rule); defaults to the real clock.
        sign_in_error: When set, sign-in fails with this message.
        reasons: The refund reason list offered for every order (default: the built-in list).
    """

    name = "fake"
    needs_manual_confirmation = False
    can_list_orders = True
    can_place_orders = True

    def __init__(
        self,
        orders: Iterable[FakeOrder] = (),
        *,
        clock: Callable[[], datetime] = now_utc,
        sign_in_error: str | None = None,
        reasons: Sequence[RefundReason] | None = None,
    ) -> None:
        self.orders: dict[str, FakeOrder] = {o.order_id_1688: o for o in orders}
        self.clock = clock
        self.sign_in_error = sign_in_error
        self.reasons = list(reasons) if reasons is not None else default_refund_reasons()
        #: Every call as ``(method, *arguments)``, in order.
        self.calls: list[tuple[object, ...]] = []
        self._planned: dict[str, list[_Planned]] = {}
        self._refund_ids = itertools.count(1)
        #: After-sales refunds by refund id: ``(order id, dispute request, amount, status)``.
        self.refunds: dict[str, tuple[str, str, int, str]] = {}
        #: Offers that can be ordered: ``(offer id, spec id)`` → ``(unit price fen, stock)``;
        #: spec id ``""`` stands for every spec of the offer.
        self.offers: dict[tuple[str, str], tuple[int, int]] = {}
        #: Freight per order placed (fen).
        self.freight_fen = 500
        #: ``outOrderId`` → the 1688 order placed with it.
        self.placed: dict[str, str] = {}
        self._order_ids = itertools.count(4_100_000_000_000_000_001)
        self._lose_answers = 0
        self._place_errors: list[BaseException] = []

    # ---- set-up ------------------------------------------------------------------------------

    def add_order(self, order: FakeOrder) -> None:
        self.orders[order.order_id_1688] = order

    def fail(
        self, order_id_1688: str, code: str, message: str = "", *, times: int | None = None
    ) -> None:
        """Make close/refund calls for an order fail with *code* (``times`` calls, or always)."""
        result = CallResult(False, code, message or f"fake failure {code}")
        self._planned.setdefault(str(order_id_1688), []).append(_Planned(result, times))

    def raise_on(self, order_id_1688: str, exc: BaseException, *, times: int | None = 1) -> None:
        """Make the next close/refund call(s) for an order raise *exc* (after being counted)."""
        self._planned.setdefault(str(order_id_1688), []).append(_Planned(exc, times))

    def clear_failures(self, order_id_1688: str | None = None) -> None:
        if order_id_1688 is None:
            self._planned.clear()
        else:
            self._planned.pop(str(order_id_1688), None)

    def calls_of(self, method: str) -> list[tuple[object, ...]]:
        return [c for c in self.calls if c[0] == method]

    def _planned_for(self, order_id: str) -> CallResult | None:
        queue = self._planned.get(order_id)
        if not queue:
            return None
        planned = queue[0]
        if planned.times is not None:
            planned.times -= 1
            if planned.times <= 0:
                queue.pop(0)
        if isinstance(planned.value, BaseException):
            raise planned.value
        return planned.value

    # ---- the interface -----------------------------------------------------------------------

    def sign_in(self, account: AccountRef) -> SignInResult:
        self.calls.append(("sign_in", account.id))
        if self.sign_in_error is not None:
            return SignInResult(False, self.sign_in_error)
        return SignInResult(True, member_id=account.member_id)

    def list_orders(
        self,
        account: AccountRef,
        *,
        status: str | None = None,
        created_from: datetime | None = None,
        created_to: datetime | None = None,
        page: int = 1,
        page_size: int = 50,
    ) -> list[RemoteOrder]:
        self.calls.append(("list_orders", account.id, status, page))
        found = [
            o
            for o in self.orders.values()
            if (status is None or o.status == status)
            and (created_from is None or (o.created_at and o.created_at >= created_from))
            and (created_to is None or (o.created_at and o.created_at < created_to))
        ]
        found.sort(key=lambda o: (o.created_at or datetime.min, o.order_id_1688), reverse=True)
        start = (max(1, page) - 1) * page_size
        return [o.remote() for o in found[start : start + page_size]]

    def fetch_order(self, order_id_1688: str) -> RemoteOrder | None:
        self.calls.append(("fetch_order", order_id_1688))
        order = self.orders.get(str(order_id_1688))
        return order.remote() if order else None

    def close_order(self, order_id_1688: str, reason: str, remark: str) -> CallResult:
        order_id = str(order_id_1688)
        self.calls.append(("close_order", order_id, reason, remark))
        planned = self._planned_for(order_id)
        if planned is not None:
            return planned
        order = self.orders.get(order_id)
        if order is None:
            return CallResult(False, "ORDER_NOT_EXIST", "订单不存在")
        if reason not in {r.value for r in CancelReason}:
            return CallResult(False, "PARAM_ERROR", f"cancelReason 不合法: {reason}")
        if order.status != OrderStatus1688.WAIT_BUYER_PAY.value:
            return CallResult(False, "ORDER_STATUS_ERROR", "订单状态不允许取消")
        if order.created_at is not None and self.clock() - order.created_at < timedelta(
            seconds=CLOSE_TOO_FAST_SECONDS
        ):
            return CallResult(False, "CLOSE_ORDER_TOO_FAST", "订单创建后 10 秒内不能取消")
        self.orders[order_id] = replace(
            order,
            status=OrderStatus1688.CANCEL.value,
            close_reason=reason,
            close_remark=remark,
        )
        return CallResult(True)

    def refund_reasons(
        self, order_id_1688: str, goods_status: str = GOODS_STATUS_WAIT_SELLER_SEND
    ) -> list[RefundReason]:
        self.calls.append(("refund_reasons", str(order_id_1688), goods_status))
        return list(self.reasons)

    def request_refund(
        self,
        order_id_1688: str,
        amount_fen: int,
        reason_id: str,
        description: str,
        vouchers: Sequence[str] = (),
    ) -> CallResult:
        order_id = str(order_id_1688)
        self.calls.append(
            ("request_refund", order_id, amount_fen, reason_id, description, tuple(vouchers))
        )
        planned = self._planned_for(order_id)
        if planned is not None:
            return planned
        order = self.orders.get(order_id)
        if order is None:
            return CallResult(False, "ORDER_NOT_EXIST", "订单不存在")
        if order.status != OrderStatus1688.WAIT_SELLER_SEND.value:
            return CallResult(False, "ORDER_STATUS_ERROR", "订单状态不允许申请退款")
        if order.refund_status in OPEN_REFUND_STATUSES:
            return CallResult(False, "REFUND_ALREADY_EXISTS", "该订单已有进行中的退款")
        reason = {r.id: r for r in self.reasons}.get(reason_id)
        if reason is None:
            return CallResult(False, "REFUND_REASON_INVALID", "退款原因不存在")
        if not DESCRIPTION_MIN_CHARS <= len(description.strip()) <= DESCRIPTION_MAX_CHARS:
            return CallResult(False, "DESCRIPTION_INVALID", "退款说明须为 2–150 个字")
        if reason.need_voucher and not 1 <= len(vouchers) <= VOUCHERS_MAX:
            return CallResult(False, "VOUCHER_REQUIRED", "该退款原因需要上传凭证")
        if order.paid_fen and amount_fen != order.paid_fen:
            return CallResult(False, "APPLY_PAYMENT_ERROR", "退款金额须等于实付金额")
        refund_id = f"FAKE-RF-{next(self._refund_ids):04d}"
        self.orders[order_id] = replace(order, refund_status=RefundStatus.WAIT_SELLER_AGREE.value)
        return CallResult(True, refund_id=refund_id)

    def order_url(self, order_id_1688: str) -> str:
        return order_url(order_id_1688)

    # ---- after-sales -------------------------------------------------------------------------

    def request_after_sales_refund(
        self,
        order_id_1688: str,
        amount_fen: int,
        *,
        dispute_request: str,
        goods_status: str,
        reason_id: str,
        description: str,
        vouchers: Sequence[str] = (),
    ) -> CallResult:
        """``createRefund`` after shipping: the order must be shipped or received and have no
        open refund; ``returnRefund`` needs goods the buyer received; the amount at most what
        was paid; the rest as :meth:`request_refund`."""
        order_id = str(order_id_1688)
        self.calls.append(
            (
                "request_after_sales_refund",
                order_id,
                amount_fen,
                dispute_request,
                goods_status,
                reason_id,
                description,
            )
        )
        planned = self._planned_for(order_id)
        if planned is not None:
            return planned
        order = self.orders.get(order_id)
        if order is None:
            return CallResult(False, "ORDER_NOT_EXIST", "订单不存在")
        if dispute_request not in ("refund", "returnRefund"):
            return CallResult(False, "PARAM_ERROR", f"disputeRequest 不合法: {dispute_request}")
        if goods_status not in _GOODS_STATUSES:
            return CallResult(False, "PARAM_ERROR", f"goodsStatus 不合法: {goods_status}")
        if order.status not in _AFTER_SALES_STATUSES:
            return CallResult(False, "ORDER_STATUS_ERROR", "订单状态不允许申请售后")
        if dispute_request == "returnRefund" and goods_status not in _RECEIVED:
            return CallResult(False, "GOODS_STATUS_ERROR", "买家未收到货，不能退货退款")
        if order.refund_status in OPEN_REFUND_STATUSES:
            return CallResult(False, "REFUND_ALREADY_EXISTS", "该订单已有进行中的退款")
        if reason_id not in {r.id for r in self.reasons}:
            return CallResult(False, "REFUND_REASON_INVALID", "退款原因不存在")
        if not DESCRIPTION_MIN_CHARS <= len(description.strip()) <= DESCRIPTION_MAX_CHARS:
            return CallResult(False, "DESCRIPTION_INVALID", "退款说明须为 2–150 个字")
        if amount_fen <= 0 or (order.paid_fen and amount_fen > order.paid_fen):
            return CallResult(False, "APPLY_PAYMENT_ERROR", "退款金额不能超过实付金额")
        refund_id = f"TQ{next(self._refund_ids):016d}"
        self.orders[order_id] = replace(order, refund_status=RefundStatus.WAIT_SELLER_AGREE.value)
        self.refunds[refund_id] = (order_id, dispute_request, amount_fen, "waitselleragree")
        return CallResult(True, refund_id=refund_id)

    def submit_return_goods(
        self, order_id_1688: str, refund_id: str, carrier: str, tracking_no: str
    ) -> CallResult:
        """``refund.returnGoods``: only for a ``returnRefund`` the supplier agreed to."""
        order_id = str(order_id_1688)
        self.calls.append(("submit_return_goods", order_id, refund_id, carrier, tracking_no))
        planned = self._planned_for(order_id)
        if planned is not None:
            return planned
        refund = self.refunds.get(refund_id)
        if refund is None or refund[0] != order_id:
            return CallResult(False, "REFUND_NOT_EXIST", "退款单不存在")
        if refund[3] != "waitbuyersend":
            return CallResult(False, "REFUND_STATUS_ERROR", "当前退款状态不能填写退货单号")
        if not tracking_no.strip() or not carrier.strip():
            return CallResult(False, "PARAM_ERROR", "请填写物流公司和运单号")
        self.refunds[refund_id] = (*refund[:3], "waitsellerreceive")
        order = self.orders[order_id]
        self.orders[order_id] = replace(order, refund_status="waitsellerreceive")
        return CallResult(True, refund_id=refund_id)

    def refunds_of(self, order_id_1688: str) -> list[dict[str, Any]]:
        """The order's after-sales applications, as the 1688 connector reports them."""
        order_id = str(order_id_1688)
        self.calls.append(("refunds_of", order_id))
        return [
            {"refund_id": refund_id, "status": status, "amount_fen": amount}
            for refund_id, (order, _dispute, amount, status) in self.refunds.items()
            if order == order_id
        ]

    def cancel_refund(self, order_id_1688: str, refund_id: str) -> CallResult:
        """``cancelRefund``: withdraw an application the supplier has not finished."""
        order_id = str(order_id_1688)
        self.calls.append(("cancel_refund", order_id, refund_id))
        planned = self._planned_for(order_id)
        if planned is not None:
            return planned
        refund = self.refunds.get(refund_id)
        if refund is None or refund[0] != order_id:
            return CallResult(False, "REFUND_NOT_EXIST", "退款单不存在")
        if refund[3] in ("refundsuccess", "refundclose", "waitsellerreceive"):
            return CallResult(False, "REFUND_STATUS_ERROR", "当前退款状态不能撤销")
        self._set_refund_status(refund_id, "refundclose")
        return CallResult(True, refund_id=refund_id)

    def supplier_refunds(self, refund_id: str) -> None:
        """The supplier refunds the application (test set-up)."""
        self._set_refund_status(refund_id, "refundsuccess")

    def _set_refund_status(self, refund_id: str, status: str) -> None:
        order_id, dispute, amount, _status = self.refunds[refund_id]
        self.refunds[refund_id] = (order_id, dispute, amount, status)
        self.orders[order_id] = replace(self.orders[order_id], refund_status=status)

    def supplier_agrees(self, refund_id: str) -> None:
        """The supplier agrees (test set-up): goods to send back, or refunded at once."""
        dispute = self.refunds[refund_id][1]
        self._set_refund_status(
            refund_id, "waitbuyersend" if dispute == "returnRefund" else "refundsuccess"
        )

    # ---- placing orders ----------------------------------------------------------------------

    def add_offer(self, offer_id: str, spec_id: str = "", *, price_fen: int, stock: int) -> None:
        self.offers[(str(offer_id), str(spec_id))] = (price_fen, stock)

    def lose_next_answers(self, times: int = 1) -> None:
        """The next *times* orders are placed on 1688 but the answer never arrives (raises)."""
        self._lose_answers += times

    def fail_next_place(self, exc: BaseException) -> None:
        """The next ``place_order`` raises *exc* before reaching the platform."""
        self._place_errors.append(exc)

    def _check(self, request: PurchaseRequest) -> tuple[PreviewResult, int]:
        if not request.cargo:
            return PreviewResult(False, error_code="PARAM_ERROR", message="cargoParamList 为空"), 0
        if not request.address.full_name or not request.address.mobile:
            return PreviewResult(False, error_code="ADDRESS_ERROR", message="收货地址不完整"), 0
        goods = 0
        for cargo in request.cargo:
            known = self.offers.get((cargo.offer_id, cargo.spec_id)) or self.offers.get(
                (cargo.offer_id, "")
            )
            if known is None:
                return (
                    PreviewResult(False, error_code="OFFER_NOT_EXIST", message="商品不存在"),
                    0,
                )
            price, stock = known
            if stock < cargo.quantity:
                return (
                    PreviewResult(False, error_code="STOCK_NOT_ENOUGH", message="库存不足"),
                    0,
                )
            goods += price * cargo.quantity
        return PreviewResult(True, goods, self.freight_fen), goods

    def preview_order(self, request: PurchaseRequest) -> PreviewResult:
        self.calls.append(("preview_order", request.out_order_id))
        return self._check(request)[0]

    def place_order(self, request: PurchaseRequest) -> PlaceResult:
        self.calls.append(("place_order", request.out_order_id))
        if self._place_errors:
            raise self._place_errors.pop(0)
        existing = self.placed.get(request.out_order_id)
        if existing is None:
            preview, goods = self._check(request)
            if not preview.ok:
                return PlaceResult(False, error_code=preview.error_code, message=preview.message)
            existing = str(next(self._order_ids))
            self.placed[request.out_order_id] = existing
            self.orders[existing] = FakeOrder(
                existing,
                OrderStatus1688.WAIT_BUYER_PAY.value,
                self.clock(),
                goods + self.freight_fen,
                0,
                product_title=request.message,
            )
        if self._lose_answers > 0:
            self._lose_answers -= 1
            raise TimeoutError("the answer of fastCreateOrder was lost")
        order = self.orders[existing]
        return PlaceResult(True, existing, order.total_fen, self.freight_fen)

    def find_by_out_order_id(
        self, out_order_id: str, *, sent_after: datetime | None = None
    ) -> RemoteOrder | None:
        self.calls.append(("find_by_out_order_id", out_order_id))
        order_id = self.placed.get(out_order_id)
        return self.orders[order_id].remote() if order_id else None


_GOODS_STATUSES = frozenset(
    {
        "refundWaitSellerSend",
        "refundWaitBuyerReceive",
        "refundBuyerReceived",
        "aftersaleBuyerNotReceived",
        "aftersaleBuyerReceived",
    }
)
_RECEIVED = frozenset({"refundBuyerReceived", "aftersaleBuyerReceived"})
_AFTER_SALES_STATUSES = frozenset(
    {
        OrderStatus1688.WAIT_SELLER_SEND.value,
        OrderStatus1688.WAIT_BUYER_RECEIVE.value,
        OrderStatus1688.CONFIRM_GOODS.value,
        OrderStatus1688.SUCCESS.value,
    }
)
