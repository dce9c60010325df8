"""The 1688 Open Platform connector: the :class:`~..base.Connector` and
:class:`~..base.OrderingConnector` interfaces over the real API.

Calls block on the network: run them on the network worker (``ui/network.py``), never on the UI
thread or while a write transaction is open. Non-idempotent calls (cancel, refund, place) are
never sent again blind after a lost answer: the order is looked up first.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from ...domain.cancel_flow import AccountRef, CallResult, RefundReason, SignInResult
from ...domain.timeutil import now_utc
from ..base import (
    GOODS_STATUS_WAIT_SELLER_SEND,
    PlaceResult,
    PreviewResult,
    PurchaseRequest,
    RemoteOrder,
    order_url,
)
from .client import AccountSession, Gateway
from .credentials import load_credentials
from .errors import (
    CERTAIN_REFUSALS,
    AccountRequiredError,
    ApiError,
    UncertainOutcome,
    message_for,
    refusal,
)
from .signing import format_wire_time
from .trade import (
    LogisticsParcel,
    OfferFacts,
    TradeOrder,
    fen,
    find_key,
    is_success,
    parse_logistics,
    parse_product,
    parse_trade,
    text,
)

__all__ = ["KIND", "LOGISTICS", "PRODUCT", "TRADE", "Open1688Connector", "out_order_tag"]

log = logging.getLogger(__name__)

KIND = "open1688"
TRADE = "com.alibaba.trade"
LOGISTICS = "com.alibaba.logistics"
PRODUCT = "com.alibaba.product"
#: Orders per list page (the reference: ≤ 20 is safe).
PAGE_SIZE = 20
#: How far back ``find_by_out_order_id`` looks when the send time is not known.
LOOKUP_DAYS = 3
#: Searched before the attempt's send time (clock skew between this PC and 1688).
LOOKUP_MARGIN = timedelta(hours=1)
#: At most this many list pages per lookup (10,000 orders); longer raises (still unknown).
LOOKUP_MAX_PAGES = 500
_CLOSED = frozenset({"cancel", "terminated"})
#: A refund application still under way (a finished one, ``refundsuccess`` or ``refundclose``,
#: may be an earlier application of the same order: never taken for a new one).
_OPEN_REFUNDS = frozenset(
    {"waitselleragree", "waitbuyermodify", "waitbuyersend", "waitsellerreceive"}
)


def out_order_tag(out_order_id: str) -> str:
    """What :meth:`Open1688Connector.place_order` appends to the order message so that a
    lost answer's order is found even where 1688 does not echo ``outOrderId``."""
    return f"[{out_order_id}]"


class Open1688Connector:
    """One distribution account's 1688 over the Open Platform API.

    Args:
        account: The distribution account whose buyer places, cancels and refunds. Required:
            pass it here (``ctx.connectors.create("open1688", account=...)``); until one is given (here
            or by :meth:`sign_in`) every call raises :class:`AccountRequiredError` and nothing
            is sent. The connector never picks an account itself.
        gateway: The gateway (default: ``DROPSHIP_DESKTOP_1688_GATEWAY`` or the real one).
    """

    name = KIND
    needs_manual_confirmation = False
    can_list_orders = True
    can_place_orders = True

    def __init__(
        self, account: AccountRef | None = None, *, gateway: Gateway | None = None
    ) -> None:
        self._account = account
        self._gateway = gateway
        self._session: AccountSession | None = None
        self._lock = threading.Lock()
        self._reasons: dict[tuple[str, str], list[RefundReason]] = {}
        self._entries: dict[str, list[str]] = {}

    # -- plumbing --------------------------------------------------------------------------

    @property
    def account_id(self) -> int | None:
        """The distribution account the calls act for (``None``: not given yet)."""
        return self._account.id if self._account is not None else None

    @property
    def gateway(self) -> Gateway:
        if self._gateway is None:
            self._gateway = Gateway()
        return self._gateway

    def close(self) -> None:
        """Close the HTTP connections (the connector can be used again afterwards)."""
        if self._gateway is not None:
            self._gateway.close()
            self._gateway = None
            self._session = None

    def session(self) -> AccountSession:
        with self._lock:
            if self._session is None:
                account = self._account
                if account is None:
                    raise AccountRequiredError()
                self._account = account
                self._session = AccountSession(
                    account.id,
                    account.name,
                    load_credentials(account.id, account.name),
                    self.gateway,
                )
            return self._session

    def _call(
        self, namespace: str, api: str, params: dict[str, Any], *, idempotent: bool
    ) -> dict[str, Any]:
        return self.session().call(namespace, api, params, idempotent=idempotent)

    def _send(self, api: str, params: dict[str, Any]) -> CallResult:
        """A trade call that changes something. A certain refusal (1688 refused it, or it never
        left the app) is a definite failure; a lost answer raises :class:`UncertainOutcome`."""
        try:
            return self._result(self._call(TRADE, api, params, idempotent=False))
        except CERTAIN_REFUSALS as exc:
            code, message = refusal(exc)
            log.info("1688 %s: not carried out (%s)", api, code)
            return CallResult(False, code, message)

    @staticmethod
    def _look_up(lost: UncertainOutcome, lookup: Any, *args: Any) -> Any:
        """*lookup(*args)* after a lost answer; if it fails too, the outcome stays unknown
        (the lost answer is raised again, never a "not sent" error)."""
        try:
            return lookup(*args)
        except Exception:
            log.info("answer lost; the lookup failed too")
            raise lost from None

    @staticmethod
    def _result(body: dict[str, Any]) -> CallResult:
        """``success``/``errorCode``/``errorMessage`` (possibly wrapped in ``result``)."""
        inner = body.get("result") if isinstance(body.get("result"), dict) else body
        success = is_success(inner)
        if success is None:
            success = is_success(body)
        code = text(inner.get("errorCode") or inner.get("code") or body.get("errorCode"))
        message = text(
            inner.get("errorMessage") or inner.get("message") or body.get("errorMessage")
        )
        if success or (success is None and not code):
            refund_id = text(find_key(body, "refundId"))
            return CallResult(True, refund_id=refund_id)
        return CallResult(False, code or "UNKNOWN", message_for(code, message))

    # -- sign-in ---------------------------------------------------------------------------

    def sign_in(self, account: AccountRef) -> SignInResult:
        """Check the account's authorisation with a one-order list call."""
        with self._lock:
            if self._account is None or self._account.id != account.id:
                self._account = account
                self._session = None
        try:
            session = self.session()
            session.call(
                TRADE,
                "alibaba.trade.getBuyerOrderList",
                {"page": 1, "pageSize": 1, "webSite": "1688"},
                idempotent=True,
            )
        except Exception as exc:  # every failure becomes the page's message
            from ...errors import UserError

            if not isinstance(exc, UserError):
                raise
            return SignInResult(False, str(exc))
        member = session.credentials.member_id if session.credentials else ""
        return SignInResult(True, member_id=member or account.member_id)

    # -- orders ----------------------------------------------------------------------------

    def order_page(
        self,
        *,
        modified_from: datetime | None = None,
        modified_to: datetime | None = None,
        created_from: datetime | None = None,
        created_to: datetime | None = None,
        status: str | None = None,
        page: int = 1,
        page_size: int = PAGE_SIZE,
    ) -> tuple[list[TradeOrder], int]:
        """One page of ``getBuyerOrderList`` and the total the platform reports."""
        params: dict[str, Any] = {
            "page": max(1, page),
            "pageSize": max(1, min(page_size, PAGE_SIZE)),
            "needBuyerAddressAndPhone": True,
            "webSite": "1688",
            "orderStatus": status,
        }
        for name, value in (
            ("modifyStartTime", modified_from),
            ("modifyEndTime", modified_to),
            ("createStartTime", created_from),
            ("createEndTime", created_to),
        ):
            if value is not None:
                params[name] = format_wire_time(value)
        body = self._call(TRADE, "alibaba.trade.getBuyerOrderList", params, idempotent=True)
        if is_success(body) is False:
            raise ApiError(text(body.get("errorCode")), text(body.get("errorMessage")))
        result = body.get("result")
        orders = [o for o in map(parse_trade, result if isinstance(result, list) else []) if o]
        total = fen(body.get("totalRecord"))
        return orders, total

    def order_detail(self, order_id_1688: str) -> TradeOrder | None:
        """``get.buyerView``; ``None`` when 1688 does not know the order."""
        body = self._call(
            TRADE,
            "alibaba.trade.get.buyerView",
            {"webSite": "1688", "orderId": str(order_id_1688)},
            idempotent=True,
        )
        if is_success(body) is False:
            code = text(body.get("errorCode"))
            if code == "ORDER_NOT_EXIST":
                return None
            raise ApiError(code, text(body.get("errorMessage")))
        order = parse_trade(body.get("result"))
        if order is not None:
            self._entries[order.order_id] = [line.entry_id for line in order.lines if line.entry_id]
        return order

    def logistics(self, order_id_1688: str) -> list[LogisticsParcel]:
        """The order's parcels (empty while not shipped: error ``500_2``)."""
        body = self._call(
            LOGISTICS,
            "alibaba.trade.getLogisticsInfos.buyerView",
            {"webSite": "1688", "orderId": str(order_id_1688)},
            idempotent=True,
        )
        if is_success(body) is False:
            code = text(body.get("errorCode"))
            if code in ("500_2", "ORDER_NOT_EXIST"):
                return []
            raise ApiError(code, text(body.get("errorMessage")))
        return parse_logistics(body)

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
        orders, _total = self.order_page(
            status=status,
            created_from=created_from,
            created_to=created_to,
            page=page,
            page_size=page_size,
        )
        return [o.remote() for o in orders]

    def fetch_order(self, order_id_1688: str) -> RemoteOrder | None:
        order = self.order_detail(order_id_1688)
        return order.remote() if order else None

    def order_url(self, order_id_1688: str) -> str:
        return order_url(order_id_1688)

    # -- cancel ----------------------------------------------------------------------------

    def close_order(self, order_id_1688: str, reason: str, remark: str) -> CallResult:
        """``alibaba.trade.cancel``. A lost answer is settled by the order's status: closed
        means done; still open means it never arrived, and it is sent once more."""
        params = {
            "webSite": "1688",
            "tradeID": str(order_id_1688),
            "cancelReason": reason,
            "remark": remark or None,
        }
        try:
            return self._send("alibaba.trade.cancel", params)
        except UncertainOutcome as lost:
            order = self._look_up(lost, self.order_detail, order_id_1688)
            if order is not None and order.status in _CLOSED:
                log.info("cancel answer lost; the order is closed on 1688")
                return CallResult(True)
            if order is None or order.status != "waitbuyerpay":
                raise
            log.info("cancel answer lost; the order is still open: sending once more")
            return self._send("alibaba.trade.cancel", params)

    # -- refunds ---------------------------------------------------------------------------

    def _entry_ids(self, order_id_1688: str) -> list[str]:
        order_id = str(order_id_1688)
        if order_id not in self._entries:
            self.order_detail(order_id)
        return self._entries.get(order_id, [])

    def refund_reasons(
        self, order_id_1688: str, goods_status: str = GOODS_STATUS_WAIT_SELLER_SEND
    ) -> list[RefundReason]:
        """``getRefundReasonList`` for the order's lines; cached per order and goods status."""
        key = (str(order_id_1688), goods_status)
        if key in self._reasons:
            return list(self._reasons[key])
        body = self._call(
            TRADE,
            "alibaba.trade.getRefundReasonList",
            {
                "orderId": str(order_id_1688),
                "orderEntryIds": [int(i) if i.isdigit() else i for i in self._entry_ids(key[0])],
                "goodsStatus": goods_status,
            },
            idempotent=True,
        )
        raw = find_key(body, "reasons")
        reasons = [
            RefundReason(
                text(r.get("id")),
                text(r.get("name")),
                need_voucher=str(r.get("needVoucher")).lower() == "true",
                tip=text(r.get("tip")),
            )
            for r in (raw if isinstance(raw, list) else [])
            if isinstance(r, dict) and text(r.get("id"))
        ]
        if reasons:
            self._reasons[key] = reasons
        return list(reasons)

    def _create_refund(
        self,
        order_id_1688: str,
        amount_fen: int,
        *,
        dispute_request: str,
        goods_status: str,
        reason_id: str,
        description: str,
        vouchers: Sequence[str],
    ) -> CallResult:
        order_id = str(order_id_1688)
        try:
            entry_ids = self._entry_ids(order_id)
            # The order's refunds before sending: after a lost answer only a NEW id is this one.
            before = {r["refund_id"]: r["status"] for r in self.refunds_of(order_id)}
        except CERTAIN_REFUSALS as exc:
            return CallResult(False, *refusal(exc))
        except UncertainOutcome:  # a query's answer lost: the refund itself was not sent
            return CallResult(False, "NOT_SENT", message_for("NOT_SENT"))
        params: dict[str, Any] = {
            "orderId": order_id,
            "orderEntryIds": [int(i) if i.isdigit() else i for i in entry_ids],
            "disputeRequest": dispute_request,
            "applyPayment": int(amount_fen),
            "applyCarriage": 0,
            "applyReasonId": reason_id,
            "description": description,
            "goodsStatus": goods_status,
            "vouchers": list(vouchers) or None,
        }
        try:
            return self._send("alibaba.trade.createRefund", params)
        except UncertainOutcome as lost:
            # Look before sending again (a failed lookup raises: the outcome stays unknown).
            refunds = self._look_up(lost, self.refunds_of, order_id)
            order = self._look_up(lost, self.order_detail, order_id)
            new = [r for r in refunds if r["refund_id"] not in before]
            if new:
                log.info("createRefund answer lost; the refund exists on 1688")
                return CallResult(True, refund_id=new[0]["refund_id"])
            if order is None:
                raise
            if order.refund_status in _OPEN_REFUNDS and not any(
                status in _OPEN_REFUNDS for status in before.values()
            ):
                return CallResult(True)  # under way now, and no application was before
            log.info("createRefund answer lost; no new refund on 1688: sending once more")
            return self._send("alibaba.trade.createRefund", params)

    def request_refund(
        self,
        order_id_1688: str,
        amount_fen: int,
        reason_id: str,
        description: str,
        vouchers: Sequence[str] = (),
    ) -> CallResult:
        return self._create_refund(
            order_id_1688,
            amount_fen,
            dispute_request="refund",
            goods_status=GOODS_STATUS_WAIT_SELLER_SEND,
            reason_id=reason_id,
            description=description,
            vouchers=vouchers,
        )

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
        return self._create_refund(
            order_id_1688,
            amount_fen,
            dispute_request=dispute_request,
            goods_status=goods_status,
            reason_id=reason_id,
            description=description,
            vouchers=vouchers,
        )

    def submit_return_goods(
        self, order_id_1688: str, refund_id: str, carrier: str, tracking_no: str
    ) -> CallResult:
        """``alibaba.trade.refund.returnGoods``; a lost answer is checked on the refund."""
        params = {
            "refundId": refund_id,
            "logisticsCompanyNo": carrier,
            "freightBill": tracking_no,
        }
        try:
            return self._send("alibaba.trade.refund.returnGoods", params)
        except UncertainOutcome as lost:
            for refund in self._look_up(lost, self.refunds_of, str(order_id_1688)):
                if refund["refund_id"] == refund_id and refund["status"] == "waitsellerreceive":
                    return CallResult(True, refund_id=refund_id)
            raise

    def cancel_refund(self, order_id_1688: str, refund_id: str) -> CallResult:
        """``alibaba.trade.cancelRefund`` (withdraw an application); checked after a lost
        answer."""
        try:
            return self._send("alibaba.trade.cancelRefund", {"refundId": refund_id})
        except UncertainOutcome as lost:
            for refund in self._look_up(lost, self.refunds_of, str(order_id_1688)):
                if refund["refund_id"] == refund_id and refund["status"] == "refundclose":
                    return CallResult(True, refund_id=refund_id)
            raise

    def refunds_of(self, order_id_1688: str) -> list[dict[str, Any]]:
        """The order's refund applications: ``refund_id``, ``status``, ``amount_fen``."""
        body = self._call(
            TRADE,
            "alibaba.trade.refund.buyer.queryOrderRefundList",
            {"orderId": str(order_id_1688), "pageNo": 1, "pageSize": 20},
            idempotent=True,
        )
        inner = body.get("result") if isinstance(body.get("result"), dict) else {}
        if is_success(body) is False or is_success(inner) is False:
            code = text(find_key(body, "errorCode") or find_key(body, "code")) or "REFUND_QUERY"
            message = text(find_key(body, "errorMessage") or find_key(body, "message"))
            raise ApiError(code, message)
        raw = find_key(body, "opOrderRefundModels")
        if raw is None:
            raw = find_key(body, "refunds")
        out = []
        for entry in raw if isinstance(raw, list) else []:
            if isinstance(entry, dict) and text(entry.get("refundId")):
                out.append(
                    {
                        "refund_id": text(entry.get("refundId")),
                        "status": text(entry.get("status")).lower(),
                        "amount_fen": fen(entry.get("applyPayment")),
                    }
                )
        return out

    def refund_status(self, order_id_1688: str, refund_id: str) -> str:
        """The refund's ``refundStatus`` on 1688 (empty when not found)."""
        for refund in self.refunds_of(order_id_1688):
            if refund["refund_id"] == refund_id:
                return str(refund["status"])
        return ""

    # -- placing orders --------------------------------------------------------------------

    @staticmethod
    def _order_params(request: PurchaseRequest) -> dict[str, Any]:
        a = request.address
        address = {
            "fullName": a.full_name,
            "mobile": a.mobile,
            "provinceText": a.province,
            "cityText": a.city,
            "areaText": a.area,
            "townText": a.town or None,
            "address": a.address[:200],
            "postCode": a.post_code or None,
        }
        return {
            "flow": request.flow,
            "message": request.message[:500] or None,
            "addressParam": {k: v for k, v in address.items() if v is not None},
            "cargoParamList": [
                {
                    "offerId": int(c.offer_id) if c.offer_id.isdigit() else c.offer_id,
                    "specId": c.spec_id or None,
                    "quantity": c.quantity,
                }
                for c in request.cargo
            ],
        }

    def preview_order(self, request: PurchaseRequest) -> PreviewResult:
        body = self._call(
            TRADE, "alibaba.createOrder.preview", self._order_params(request), idempotent=True
        )
        if is_success(body) is False:
            code = text(body.get("errorCode")) or "PREVIEW_ERROR"
            return PreviewResult(
                False,
                error_code=code,
                message=message_for(code, text(body.get("errorMsg") or body.get("errorMessage"))),
            )
        goods = fen(find_key(body, "sumPaymentNoCarriage"))
        freight = fen(find_key(body, "sumCarriage"))
        if not goods:
            goods = max(fen(find_key(body, "sumPayment")) - freight, 0)
        return PreviewResult(True, goods, freight)

    def place_order(self, request: PurchaseRequest) -> PlaceResult:
        """``fastCreateOrder`` with ``outOrderId``. A lost answer is looked up by the
        ``outOrderId``: found means placed (linked, never placed again); not found raises (the
        purchase stays "unknown" until it is looked up again)."""
        params = {**self._order_params(request), "outOrderId": request.out_order_id}
        tag = out_order_tag(request.out_order_id)
        params["message"] = f"{request.message[: 499 - len(tag)]} {tag}".strip()
        sent_at = now_utc()
        try:
            body = self._call(TRADE, "alibaba.trade.fastCreateOrder", params, idempotent=False)
        except UncertainOutcome as lost:
            # A failed lookup raises the lost answer again: still unknown, never "not sent".
            found = self._look_up(
                lost, lambda: self.find_by_out_order_id(request.out_order_id, sent_after=sent_at)
            )
            if found is not None:
                return PlaceResult(True, found.order_id_1688, found.total_fen)
            raise
        except CERTAIN_REFUSALS as exc:  # refused or never sent: nothing was ordered
            code, message = refusal(exc)
            return PlaceResult(False, error_code=code, message=message)
        result = body.get("result") if isinstance(body.get("result"), dict) else body
        if is_success(body) is False or is_success(result) is False:
            code = text(result.get("code") or body.get("errorCode") or body.get("code"))
            message = text(result.get("message") or body.get("errorMessage"))
            return PlaceResult(
                False, error_code=code or "ORDER_FAILED", message=message_for(code, message)
            )
        order_id = text(result.get("orderId"))
        if not order_id:
            failed = result.get("failedOfferList")
            return PlaceResult(
                False,
                error_code="ORDER_FAILED",
                message=message_for("ORDER_FAILED", text(str(failed)[:200]) if failed else ""),
            )
        return PlaceResult(
            True, order_id, fen(result.get("totalSuccessAmount")), fen(result.get("postFee"))
        )

    def find_by_out_order_id(
        self, out_order_id: str, *, sent_after: datetime | None = None
    ) -> RemoteOrder | None:
        """The order placed with *out_order_id* (``None``: 1688 certainly has none).

        Every order created since *sent_after* (the attempt's send time) minus
        :data:`LOOKUP_MARGIN` is read, page by page to the end: to ``totalRecord`` when 1688
        gives it, else to the first short page. An order matches by ``outOrderId`` or by the
        tag :meth:`place_order` puts in the order message (``buyerFeedback``). ``None`` only
        after the whole window was read.

        Raises:
            UserError: The window could not be read to its end (a page failed, or it is too
                long): whether the order exists is still unknown.
        """
        start = sent_after if sent_after is not None else now_utc() - timedelta(days=LOOKUP_DAYS)
        since = start - LOOKUP_MARGIN
        tag = out_order_tag(out_order_id)
        page = 1
        while True:
            orders, total = self.order_page(created_from=since, page=page)
            for order in orders:
                if order.out_order_id == out_order_id or tag in order.buyer_message:
                    return order.remote()
            if len(orders) < PAGE_SIZE or (total and page * PAGE_SIZE >= total):
                return None
            if page >= LOOKUP_MAX_PAGES:
                raise ApiError(code="LOOKUP_INCOMPLETE")
            page += 1

    def payment_url(self, order_ids_1688: Sequence[str]) -> str:
        """``alibaba.alipay.url.get``: the page paying up to 30 orders at once."""
        ids = [int(i) for i in list(order_ids_1688)[:30] if str(i).isdigit()]
        body = self._call(TRADE, "alibaba.alipay.url.get", {"orderIdList": ids}, idempotent=True)
        if is_success(body) is False:
            raise ApiError(text(body.get("errorCode")), text(body.get("errorMsg")))
        url = text(find_key(body, "payUrl"))
        if not url.startswith("https://"):
            raise ApiError(code="NO_PAY_URL")
        return url

    # -- offers ----------------------------------------------------------------------------

    def offer_facts(self, offer_id_1688: str) -> OfferFacts | None:
        """``alibaba.product.get``; ``None`` when 1688 has no such offer any more.

        Raises:
            ApiError: 1688 refused, or answered in a shape the parser does not know
                (``UNKNOWN_ANSWER``): the offer is "not checked", never taken as delisted.
        """
        body = self._call(
            PRODUCT,
            "alibaba.product.get",
            {"productID": str(offer_id_1688), "webSite": "1688"},
            idempotent=True,
        )
        if is_success(body) is False:
            code = text(body.get("errorCode"))
            if code in ("PRODUCT_NOT_EXIST", "OFFER_NOT_EXIST", "ORDER_NOT_EXIST"):
                return None
            raise ApiError(code, text(body.get("errorMessage")))
        facts = parse_product(str(offer_id_1688), body)
        if facts is None:  # a shape this version cannot read: not checked (not "delisted")
            raise ApiError(code="UNKNOWN_ANSWER")
        return facts
