"""What the cancel-order flow works on: its steps, limits, and the values exchanged with the
services and the connectors (accounts, sign-in answers, platform answers, refund reasons, the
supplier orders with their shop orders and listings, and problems).

Part of the cancel flow (see :mod:`.cancel_flow`). Pure Python: no PySide6, no peewee.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import IntEnum

from .enums import OPEN_REFUND_STATUSES, SalesStatus

__all__ = [
    "CANCELLATION_WINDOW_DAYS",
    "DESCRIPTION_MAX_CHARS",
    "DESCRIPTION_MIN_CHARS",
    "GOODS_STATUS_WAIT_SELLER_SEND",
    "REMARK_MAX_CHARS",
    "VOUCHERS_MAX",
    "AccountRef",
    "CallResult",
    "CancelStep",
    "FlowError",
    "OrderCandidate",
    "Problem",
    "ProductFacts",
    "RefundReason",
    "SaleFacts",
    "SignInResult",
]

#: 1688 accepts a refund description of 2–150 characters.
DESCRIPTION_MIN_CHARS = 2
DESCRIPTION_MAX_CHARS = 150
#: 1688 does not document a limit for the close remark; this keeps it a remark, not an essay.
REMARK_MAX_CHARS = 200
#: ``vouchers[]`` takes 1–5 image URLs when the reason needs evidence.
VOUCHERS_MAX = 5
#: The shop's cancellation rate is measured over this many days.
CANCELLATION_WINDOW_DAYS = 30
#: ``goodsStatus`` of a refund application for a paid order the supplier has not shipped.
GOODS_STATUS_WAIT_SELLER_SEND = "refundWaitSellerSend"

# Refund reasons that mean "the supplier has no stock"; 1688's reason ids are not fixed, names are.
_OUT_OF_STOCK_WORDS = ("缺货", "库存", "out of stock")


# --------------------------------------------------------------------------------------------
# Steps
# --------------------------------------------------------------------------------------------


class CancelStep(IntEnum):
    """The six steps of the seed, in order (values are the seed's numbers)."""

    SIGN_IN = 1
    ORDER_LIST = 2
    SELECT = 3
    CONFIRM = 4
    REASON = 5
    SUBMIT = 6

    @property
    def title_zh(self) -> str:
        """The seed's own title of the step."""
        return _STEP_TITLES[self][1]

    @property
    def title_en(self) -> str:
        """English source text of the title (the UI translates it)."""
        return _STEP_TITLES[self][0]


_STEP_TITLES: dict[CancelStep, tuple[str, str]] = {
    CancelStep.SIGN_IN: ("Sign in to the Alibaba distribution page", "登录阿里巴巴分销页面"),
    CancelStep.ORDER_LIST: ("Open the order management page", "进入订单管理页面"),
    CancelStep.SELECT: ("Select the orders to cancel", "选择需要取消的订单"),
    CancelStep.CONFIRM: ("Click the cancel-order button", "点击取消订单按钮"),
    CancelStep.REASON: ("Fill in the cancellation reason", "填写取消原因"),
    CancelStep.SUBMIT: ("Submit the cancellation request", "提交取消申请"),
}


# --------------------------------------------------------------------------------------------
# Values exchanged with services and connectors
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AccountRef:
    """A distribution account (分销账号) kept by the app.

    Attributes:
        id: Local id (``distribution_account.id``).
        name: The seller's name for it.
        member_id: The 1688 member id (may be empty).
        connector: Connector kind used for it (``manual``, ``fake``, later ``open1688``).
    """

    id: int
    name: str
    member_id: str = ""
    connector: str = "manual"


@dataclass(frozen=True, slots=True)
class SignInResult:
    """What a connector's sign-in answered.

    Attributes:
        ok: Signed in.
        message: Why not (English, shown to the seller), or a hint.
        needs_confirmation: The connector opened the sign-in page and the seller must confirm
            that they are signed in (manual connector).
        member_id: The 1688 member id signed in as, when the connector knows it.
    """

    ok: bool
    message: str = ""
    needs_confirmation: bool = False
    member_id: str = ""


@dataclass(frozen=True, slots=True)
class CallResult:
    """The platform's answer to a close or refund call (``success``/``errorCode``/``errorMessage``).

    Attributes:
        success: The platform (or, for the manual connector, the seller) confirmed it.
        error_code: Platform error code such as ``CLOSE_ORDER_TOO_FAST``; empty on success.
        error_message: The platform's message, shown as is.
        refund_id: Id of the refund application created, when there is one.
    """

    success: bool
    error_code: str = ""
    error_message: str = ""
    refund_id: str = ""


@dataclass(frozen=True, slots=True)
class RefundReason:
    """One entry of ``getRefundReasonList``.

    Attributes:
        id: The platform's reason id (``applyReasonId``).
        name: Chinese name as the platform shows it.
        need_voucher: The reason needs evidence (1–5 images).
        tip: The platform's hint for the reason, if any.
    """

    id: str
    name: str
    need_voucher: bool = False
    tip: str = ""

    @property
    def means_out_of_stock(self) -> bool:
        """Whether the reason says the supplier has no stock (offers to mark the offer so)."""
        name = self.name.lower()
        return any(word in name for word in _OUT_OF_STOCK_WORDS)


@dataclass(frozen=True, slots=True)
class ProductFacts:
    """The seller's listing of the product, for the prevention advice (seed 5.3)."""

    title: str = ""
    sku: str = ""
    sale_price_fen: int | None = None
    specs: str = ""
    description: str = ""


@dataclass(frozen=True, slots=True)
class SaleFacts:
    """The buyer-side (shop) order a supplier order belongs to.

    Attributes:
        sales_order_id: Local id.
        shop_id: The shop it was sold in.
        shop_order_no: The shop's order number (text).
        status: :class:`~dropship_desktop.domain.enums.SalesStatus` value.
        sale_fen: What the buyer pays.
        profit_fen: Expected profit of the order (sale − costs).
        created_at: When the buyer ordered.
        paid_at: When the buyer paid, if known.
        ship_by: The shop's ship-by deadline, if known.
    """

    sales_order_id: int
    shop_id: int
    shop_order_no: str = ""
    status: str = SalesStatus.PAID.value
    sale_fen: int = 0
    profit_fen: int = 0
    created_at: datetime | None = None
    paid_at: datetime | None = None
    ship_by: datetime | None = None


@dataclass(frozen=True, slots=True)
class OrderCandidate:
    """One supplier order the wizard may cancel, with what the rules need to know about it.

    Attributes:
        supplier_order_id: Local id (``supplier_order.id``).
        order_id_1688: The 1688 order id (text), or ``None`` when not known.
        status_raw: The 1688 ``baseInfo.status`` as stored.
        created_at: When the 1688 order was created.
        product_title: What was ordered.
        quantity: Pieces.
        cost_fen: Goods cost; ``dropship_fee_fen`` and ``shipping_fen`` come on top.
        paid_fen: What the seller paid the supplier (the refund amount while unshipped).
        refund_status: The 1688 ``refundStatus`` if a refund exists.
        pending: A cancellation or refund for it is already under way (it cannot be selected).
        offer_id: The offer it was bought through, if known.
        lead_time_days: That offer's lead time.
        product: The seller's listing of the product, if known.
        sale: The shop order it fulfils, if linked.
    """

    supplier_order_id: int
    order_id_1688: str | None
    status_raw: str
    created_at: datetime | None = None
    product_title: str = ""
    quantity: int = 1
    cost_fen: int = 0
    dropship_fee_fen: int = 0
    shipping_fen: int = 0
    paid_fen: int = 0
    refund_status: str | None = None
    pending: bool = False
    offer_id: int | None = None
    lead_time_days: int | None = None
    product: ProductFacts | None = None
    sale: SaleFacts | None = None

    @property
    def total_fen(self) -> int:
        """The order's amount: goods, dropship fee and shipping."""
        return self.cost_fen + self.dropship_fee_fen + self.shipping_fen

    @property
    def blocked_by_pending(self) -> bool:
        """Already being cancelled or refunded: selecting it again would send a duplicate."""
        return self.pending or (self.refund_status or "") in OPEN_REFUND_STATUSES


@dataclass(frozen=True, slots=True)
class Problem:
    """Why a step is not complete, or a warning about it.

    Attributes:
        code: Stable code the UI maps to a translated text (see the ``code`` values in this
            module's functions).
        message: English text with the values filled in.
        supplier_order_id: The order it is about, if any.
        params: The values in ``message``, for a translated text.
    """

    code: str
    message: str
    supplier_order_id: int | None = None
    params: Mapping[str, object] = field(default_factory=dict)


class FlowError(Exception):
    """A navigation or input call the flow's current state does not allow (a bug in the caller)."""
