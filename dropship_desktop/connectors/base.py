"""The connector interface: how the cancel wizard reaches 1688, whatever is behind it.

Three kinds implement it: the manual connector (default, works offline: opens the right 1688 page
in the browser and the seller confirms each step), a deterministic fake for tests, and later the
1688 Open Platform API client. The wizard and the services only ever see :class:`Connector`.

Rules every connector keeps:

* ``close_order`` and ``request_refund`` return ``success=True`` only when the platform (or, for
  the manual connector, the seller) confirmed it; nothing is ever marked closed otherwise.
* A connector that knows a call never reached the platform raises :class:`ConnectorUnavailable`
  (safe to retry); any other exception means "sent or not, nobody knows" and the request is left
  for the seller to check.
* Calls may block on the network: run them on the DB worker thread, never on the UI thread. Only
  the manual connector's ``open_*`` methods, which open a browser, belong on the UI thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol, runtime_checkable

from ..domain.cancel_flow import (
    GOODS_STATUS_WAIT_SELLER_SEND,
    AccountRef,
    CallResult,
    RefundReason,
    SignInResult,
)

__all__ = [
    "BUYER_ORDER_LIST_URL",
    "GOODS_STATUS_WAIT_SELLER_SEND",
    "SIGN_IN_URL",
    "AccountRef",
    "AddressParam",
    "CallResult",
    "CargoParam",
    "Connector",
    "ConnectorUnavailable",
    "OrderingConnector",
    "PlaceResult",
    "PreviewResult",
    "PurchaseRequest",
    "RefundReason",
    "RemoteOrder",
    "SignInResult",
    "order_url",
]

#: 1688 sign-in page.
SIGN_IN_URL = "https://login.1688.com/"
#: The buyer's (the seller's, as a 1688 buyer) order list.
BUYER_ORDER_LIST_URL = "https://trade.1688.com/order/buyer_order_list.htm"
_ORDER_DETAIL_URL = "https://trade.1688.com/order/new_step_order_detail.htm?orderId={id}"


def order_url(order_id_1688: str) -> str:
    """The 1688 detail page of an order (buyer view)."""
    order_id = str(order_id_1688).strip()
    if not order_id.isdigit():
        raise ValueError(f"not a 1688 order id: {order_id_1688!r}")
    return _ORDER_DETAIL_URL.format(id=order_id)


class ConnectorUnavailable(Exception):
    """The call certainly did not reach the platform (offline, signed out): safe to retry."""


@dataclass(frozen=True, slots=True)
class RemoteOrder:
    """A 1688 order as the platform reports it (money converted to fen by the connector).

    Attributes:
        order_id_1688: The 1688 order id (text).
        status: ``baseInfo.status`` as received (unknown values kept).
        created_at: Creation time (aware UTC), if reported.
        total_fen: The order's total.
        paid_fen: What was paid (0 while unpaid).
        refund_status: ``refundStatus``, if a refund exists.
        product_title: First product's title, if reported.
    """

    order_id_1688: str
    status: str
    created_at: datetime | None = None
    total_fen: int = 0
    paid_fen: int = 0
    refund_status: str | None = None
    product_title: str = ""


@runtime_checkable
class Connector(Protocol):
    """What the cancel wizard needs from 1688.

    Attributes:
        name: The connector kind (``manual``, ``fake``, …), as stored in
            ``distribution_account.connector``.
        needs_manual_confirmation: The seller performs each action on 1688 and confirms it in
            the app (the wizard then asks "Did you close it on 1688?").
        can_list_orders: ``list_orders``/``fetch_order`` return real data; without it the wizard
            works from the local database only.
    """

    name: str
    needs_manual_confirmation: bool
    can_list_orders: bool

    def sign_in(self, account: AccountRef) -> SignInResult:
        """Sign in to *account*; a failure says why in ``message``."""
        ...

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
        """One page (from 1) of the account's 1688 orders, newest first."""
        ...

    def fetch_order(self, order_id_1688: str) -> RemoteOrder | None:
        """One order's current state, or ``None`` when the platform does not know it."""
        ...

    def close_order(self, order_id_1688: str, reason: str, remark: str) -> CallResult:
        """Close an unpaid order (``alibaba.trade.cancel``); *reason* is a CancelReason value."""
        ...

    def refund_reasons(
        self, order_id_1688: str, goods_status: str = GOODS_STATUS_WAIT_SELLER_SEND
    ) -> list[RefundReason]:
        """Refund reasons offered for an order (``getRefundReasonList``)."""
        ...

    def request_refund(
        self,
        order_id_1688: str,
        amount_fen: int,
        reason_id: str,
        description: str,
        vouchers: Sequence[str] = (),
    ) -> CallResult:
        """Apply for a refund of a paid, unshipped order (``createRefund``, ``refund``)."""
        ...

    def order_url(self, order_id_1688: str) -> str:
        """The order's 1688 page, for "open on 1688"."""
        ...

    # ---- after-sales (售后): the supplier side of a case ---------------------------------------

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
        """Apply for a refund after shipping (``createRefund``; ``dispute_request`` is
        ``refund`` or ``returnRefund``, ``goods_status`` one of the after-sales goods statuses).
        On success ``refund_id`` is the platform's refund id (``TQ…``) when known."""
        ...

    def submit_return_goods(
        self, order_id_1688: str, refund_id: str, carrier: str, tracking_no: str
    ) -> CallResult:
        """Tell 1688 the return parcel's carrier and tracking number
        (``alibaba.trade.refund.returnGoods``)."""
        ...


# ---- placing orders (fulfilment) ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AddressParam:
    """``addressParam`` of ``fastCreateOrder``: the shop order's receiver."""

    full_name: str
    mobile: str
    province: str
    city: str
    area: str
    address: str
    town: str = ""
    post_code: str = ""


@dataclass(frozen=True, slots=True)
class CargoParam:
    """One ``cargoParamList`` entry."""

    offer_id: str
    spec_id: str
    quantity: int


@dataclass(frozen=True, slots=True)
class PurchaseRequest:
    """What ``alibaba.createOrder.preview`` and ``alibaba.trade.fastCreateOrder`` are sent.

    Attributes:
        out_order_id: The app's own id of the purchase attempt (``outOrderId``): the platform's
            idempotency key, and how an order whose answer was lost is found again.
        flow: ``saleproxy`` (dropship) by default.
        message: The 留言 (≤ 500 characters): the shop order number.
    """

    out_order_id: str
    address: AddressParam
    cargo: tuple[CargoParam, ...]
    message: str = ""
    flow: str = "saleproxy"


@dataclass(frozen=True, slots=True)
class PreviewResult:
    """The platform's check of an order before it is placed (money in fen)."""

    ok: bool
    goods_fen: int = 0
    freight_fen: int = 0
    error_code: str = ""
    message: str = ""


@dataclass(frozen=True, slots=True)
class PlaceResult:
    """The answer to placing an order: its 1688 id and what it costs (fen)."""

    success: bool
    order_id_1688: str = ""
    total_fen: int = 0
    freight_fen: int = 0
    error_code: str = ""
    message: str = ""


@runtime_checkable
class OrderingConnector(Protocol):
    """What the purchase queue needs to place 1688 orders through the API.

    ``can_place_orders`` is false for connectors that cannot (the manual connector: the seller
    places orders on 1688 in the browser). ``place_order`` must be idempotent on
    ``out_order_id``; ``find_by_out_order_id`` finds an order placed with it (``None``: the
    platform has none, so nothing was ordered).
    """

    name: str
    can_place_orders: bool

    def preview_order(self, request: PurchaseRequest) -> PreviewResult: ...

    def place_order(self, request: PurchaseRequest) -> PlaceResult: ...

    def find_by_out_order_id(
        self, out_order_id: str, *, sent_after: datetime | None = None
    ) -> RemoteOrder | None: ...
