"""The cancel-order flow (seed 3.2 / 5.1) as plain Python: steps, rules, plans and outcomes.

The wizard has exactly the six steps of the seed, in order. This module holds everything the wizard
decides; the Qt pages only collect input and show what :class:`CancelFlow` says (the Electrum
wizard pattern: navigation and completeness are plain Python, tested without a display).

What "cancel" means for one supplier order follows from its 1688 status (DESIGN.md §3, decided by
:func:`~dropship_desktop.domain.eligibility.cancel_eligibility`):

* ``waitbuyerpay`` (unpaid): close it at once (``alibaba.trade.cancel``) with one of the three
  close reasons and a remark;
* ``waitsellersend`` (paid, not shipped): a refund application the supplier must agree to
  (``alibaba.trade.createRefund``), with a reason from the platform's list and a description of
  2–150 characters;
* shipped or received: not cancellable here (after-sales return/refund), never attempted;
* ``cancel``/``terminated``: already closed; an unknown status: never acted on;
* created less than 10 s ago: the platform answers ``CLOSE_ORDER_TOO_FAST``; wait.

Nothing here talks to the platform or the database: the services record and send, the connector
answers, and the answers come back as :class:`OrderOutcome` values.

Pure Python: no PySide6, no peewee. Money is integer fen, times are aware UTC datetimes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import IntEnum, StrEnum

from .eligibility import CLOSE_TOO_FAST_SECONDS, EligibilityResult, cancel_eligibility
from .enums import OPEN_REFUND_STATUSES, CancelAction, CancelReason, Eligibility, SalesStatus
from .sourcing import description_completeness, lead_time_risk
from .timeutil import now_utc

__all__ = [
    "ADVICE_MESSAGES",
    "CANCELLATION_WINDOW_DAYS",
    "DESCRIPTION_MAX_CHARS",
    "DESCRIPTION_MIN_CHARS",
    "GOODS_STATUS_WAIT_SELLER_SEND",
    "REMARK_MAX_CHARS",
    "SKIP_MESSAGES",
    "VOUCHERS_MAX",
    "AccountRef",
    "Advice",
    "CallResult",
    "CancelFlow",
    "CancelStep",
    "CloseReasonInput",
    "Consequences",
    "FlowError",
    "OrderCandidate",
    "OrderOutcome",
    "OrderPlan",
    "OutcomeKind",
    "Problem",
    "ProductFacts",
    "RateChange",
    "RefundReason",
    "RefundReasonInput",
    "SaleFacts",
    "ShopCancellationStats",
    "ShopTodo",
    "SignInResult",
    "Submission",
    "SubmissionItem",
    "close_reason_problems",
    "compute_consequences",
    "outcome_from_call",
    "plan_order",
    "prevention_advice",
    "refund_reason_problems",
    "shop_todos",
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

_DEAD_SALES = frozenset(
    {SalesStatus.CANCELLED.value, SalesStatus.REFUNDED.value, SalesStatus.REFUNDING.value}
)
# Shop orders the buyer still waits for: cancelling on 1688 leaves them to the seller.
_LIVE_UNSHIPPED = frozenset({SalesStatus.WAIT_PAY.value, SalesStatus.PAID.value})
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


# --------------------------------------------------------------------------------------------
# Per-order plan
# --------------------------------------------------------------------------------------------

SKIP_MESSAGES: dict[str, str] = {
    "after_sales_only": (
        "Not cancellable: shipped or received. Use an after-sales return/refund instead."
    ),
    "already_closed": "Already closed on 1688; nothing to do.",
    "unknown_status": "Unknown 1688 status ({status}); check the order on 1688.",
    "too_soon": "Created less than 10 seconds ago; retry in {seconds} s.",
    "no_order_id": "The 1688 order id is not known; link or import the 1688 order first.",
    "pending": "A cancellation or refund for this order is already under way.",
}
"""English text per skip code of :class:`OrderPlan` (format with ``status``/``seconds``)."""


@dataclass(frozen=True, slots=True)
class OrderPlan:
    """What submitting will do to one selected supplier order.

    Attributes:
        supplier_order_id: The order.
        eligibility: The rule's decision.
        action: What would be sent: ``CLOSE`` (also for a too-soon unpaid order, which only has
            to wait) or ``REFUND_REQUEST``; ``None`` when nothing can be sent.
        amount_fen: Closing: the order's amount (nothing was paid). Refund: the amount asked
            back, the full paid amount (1688 requires it while the supplier has not shipped).
        skip_code: Why it will not be sent now (key of :data:`SKIP_MESSAGES`), empty when it
            will.
        message: English text for ``skip_code``.
    """

    supplier_order_id: int
    eligibility: EligibilityResult
    action: CancelAction | None
    amount_fen: int = 0
    skip_code: str = ""
    message: str = ""

    @property
    def will_send(self) -> bool:
        """Whether submitting now sends a request for this order."""
        return not self.skip_code

    @property
    def retry_in_seconds(self) -> int:
        return self.eligibility.retry_in_seconds


def plan_order(candidate: OrderCandidate, now: datetime) -> OrderPlan:
    """Decide what cancelling *candidate* means at *now*.

    Args:
        candidate: The supplier order.
        now: Current time (aware UTC).

    Returns:
        The plan; see :class:`OrderPlan`.
    """
    oid = candidate.supplier_order_id
    result = cancel_eligibility(candidate.status_raw, candidate.created_at, now)
    kind = result.kind
    if candidate.blocked_by_pending:
        return OrderPlan(oid, result, None, 0, "pending", SKIP_MESSAGES["pending"])
    if kind in (Eligibility.CLOSE, Eligibility.TOO_SOON):
        action: CancelAction | None = CancelAction.CLOSE
        amount = candidate.total_fen
    elif kind is Eligibility.REFUND_REQUEST:
        action = CancelAction.REFUND_REQUEST
        # paid_fen is what 1688 will refund; fall back to the order's amount when not recorded.
        amount = candidate.paid_fen or candidate.total_fen
    else:
        action, amount = None, 0
    if action is not None and not candidate.order_id_1688:
        return OrderPlan(oid, result, None, 0, "no_order_id", SKIP_MESSAGES["no_order_id"])
    if kind is Eligibility.TOO_SOON:
        text = SKIP_MESSAGES["too_soon"].format(seconds=result.retry_in_seconds)
        return OrderPlan(oid, result, action, amount, "too_soon", text)
    if action is None:
        code = kind.value
        text = SKIP_MESSAGES[code].format(status=candidate.status_raw)
        return OrderPlan(oid, result, None, 0, code, text)
    return OrderPlan(oid, result, action, amount)


# --------------------------------------------------------------------------------------------
# Reasons
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CloseReasonInput:
    """The reason for closing an unpaid order (``alibaba.trade.cancel``)."""

    reason: CancelReason
    remark: str = ""


@dataclass(frozen=True, slots=True)
class RefundReasonInput:
    """The reason for a refund application (``alibaba.trade.createRefund``).

    Attributes:
        reason_id: Id of a reason from the order's reason list.
        description: 2–150 characters.
        vouchers: Evidence image URLs (1–5) when the reason needs them and the connector sends
            them; with the manual connector the seller attaches them on 1688.
    """

    reason_id: str
    description: str
    vouchers: tuple[str, ...] = ()


ReasonInput = CloseReasonInput | RefundReasonInput


def close_reason_problems(value: CloseReasonInput | None) -> list[Problem]:
    """Problems of a close reason: one of the three codes; ``other`` needs a remark; remark ≤ 200.

    Codes: ``close_reason_missing``, ``remark_required``, ``remark_too_long``.
    """
    if value is None:
        return [Problem("close_reason_missing", "Choose why the unpaid orders are closed.")]
    problems: list[Problem] = []
    try:
        reason = CancelReason(value.reason)
    except ValueError:
        return [Problem("close_reason_missing", "Choose why the unpaid orders are closed.")]
    remark = value.remark.strip()
    if reason is CancelReason.OTHER and not remark:
        problems.append(
            Problem("remark_required", "With the reason “Other”, say in the remark what it is.")
        )
    if len(remark) > REMARK_MAX_CHARS:
        problems.append(
            Problem(
                "remark_too_long",
                f"The remark has {len(remark)} characters; at most {REMARK_MAX_CHARS} are allowed.",
                params={"count": len(remark), "max": REMARK_MAX_CHARS},
            )
        )
    return problems


def refund_reason_problems(
    value: RefundReasonInput | None,
    reasons: Sequence[RefundReason],
    *,
    vouchers_sent: bool,
    supplier_order_id: int | None = None,
) -> list[Problem]:
    """Problems of a refund reason for one order.

    Args:
        value: What the seller entered, or ``None``.
        reasons: The reasons the platform offers for this order.
        vouchers_sent: Whether the connector sends evidence itself (an API connector); the
            manual connector leaves evidence to the 1688 page, so none is required here.
        supplier_order_id: Put on the problems, when checking one order of many.

    Returns:
        Problems with codes ``refund_reason_missing``, ``refund_reason_not_offered``,
        ``description_too_short``, ``description_too_long``, ``vouchers_required``,
        ``too_many_vouchers``.
    """
    oid = supplier_order_id
    if value is None or not value.reason_id:
        return [Problem("refund_reason_missing", "Choose a refund reason.", oid)]
    problems: list[Problem] = []
    by_id = {r.id: r for r in reasons}
    reason = by_id.get(value.reason_id)
    if reason is None:
        problems.append(
            Problem(
                "refund_reason_not_offered",
                "The chosen refund reason is not offered for this order; choose another.",
                oid,
                {"reason_id": value.reason_id},
            )
        )
    length = len(value.description.strip())
    if length < DESCRIPTION_MIN_CHARS:
        problems.append(
            Problem(
                "description_too_short",
                f"Describe the refund in at least {DESCRIPTION_MIN_CHARS} characters.",
                oid,
                {"min": DESCRIPTION_MIN_CHARS},
            )
        )
    elif length > DESCRIPTION_MAX_CHARS:
        problems.append(
            Problem(
                "description_too_long",
                f"The description has {length} characters; 1688 accepts at most "
                f"{DESCRIPTION_MAX_CHARS}.",
                oid,
                {"count": length, "max": DESCRIPTION_MAX_CHARS},
            )
        )
    vouchers = [v for v in value.vouchers if v.strip()]
    if reason is not None and reason.need_voucher and vouchers_sent and not vouchers:
        problems.append(
            Problem(
                "vouchers_required",
                f"The reason “{reason.name}” needs evidence: add 1 to {VOUCHERS_MAX} images.",
                oid,
                {"reason": reason.name, "max": VOUCHERS_MAX},
            )
        )
    if len(vouchers) > VOUCHERS_MAX:
        problems.append(
            Problem(
                "too_many_vouchers",
                f"At most {VOUCHERS_MAX} evidence images can be attached.",
                oid,
                {"max": VOUCHERS_MAX},
            )
        )
    return problems


# --------------------------------------------------------------------------------------------
# Consequences (seed 5.2)
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ShopCancellationStats:
    """A shop's orders over the last 30 days and how many of them were cancelled or refunded."""

    shop_id: int
    orders: int
    cancelled: int


@dataclass(frozen=True, slots=True)
class RateChange:
    """A shop's 30-day cancellation rate before and after this cancellation."""

    shop_id: int
    orders_before: int
    cancelled_before: int
    orders_after: int
    cancelled_after: int

    @property
    def rate_before(self) -> float:
        return self.cancelled_before / self.orders_before if self.orders_before else 0.0

    @property
    def rate_after(self) -> float:
        return self.cancelled_after / self.orders_after if self.orders_after else 0.0


@dataclass(frozen=True, slots=True)
class Consequences:
    """What cancelling the selected orders costs (seed 5.2: credit rating, sales, shop traffic).

    Attributes:
        rates: Per shop, the 30-day cancellation rate before → after.
        sales_lost_fen: Sales of the shop orders that are still live and will be cancelled.
        profit_lost_fen: Their expected profit.
        closes: Orders that will be closed.
        refunds: Orders that will get a refund application.
        close_amount_fen: Total amount of the orders closed (nothing was paid for them).
        refund_amount_fen: Total amount asked back from suppliers.
        warnings: Codes of the seed's warnings: ``credit_rating`` and ``shop_traffic`` (always
            shown when anything is cancelled).
    """

    rates: tuple[RateChange, ...] = ()
    sales_lost_fen: int = 0
    profit_lost_fen: int = 0
    closes: int = 0
    refunds: int = 0
    close_amount_fen: int = 0
    refund_amount_fen: int = 0
    warnings: tuple[str, ...] = ()


def compute_consequences(
    plans: Sequence[OrderPlan],
    candidates: Mapping[int, OrderCandidate],
    stats: Mapping[int, ShopCancellationStats],
    now: datetime,
) -> Consequences:
    """Sum up what the plans cost.

    A shop order counts once however many of its supplier orders are cancelled. It adds a
    cancellation to its shop's rate unless it is already cancelled, refunded or refunding; if it
    was created before the 30-day window it joins the window's orders too (it is cancelled now).
    Sales and profit are lost only for shop orders that are still live.

    Args:
        plans: The selected orders' plans; only those with an action count.
        candidates: Candidates by supplier order id.
        stats: Per shop id, the 30-day figures before cancelling (missing shops count as 0).
        now: Current time, for the 30-day window.
    """
    closes = refunds = close_amount = refund_amount = 0
    sales: dict[int, SaleFacts] = {}
    for plan in plans:
        if plan.action is None:
            continue
        if plan.action is CancelAction.CLOSE:
            closes += 1
            close_amount += plan.amount_fen
        else:
            refunds += 1
            refund_amount += plan.amount_fen
        sale = candidates[plan.supplier_order_id].sale
        if sale is not None:
            sales[sale.sales_order_id] = sale
    window_start = now - timedelta(days=CANCELLATION_WINDOW_DAYS)
    added: dict[int, list[int]] = {}  # shop → [extra cancelled, extra orders]
    sales_lost = profit_lost = 0
    for sale in sales.values():
        extra = added.setdefault(sale.shop_id, [0, 0])
        if sale.status in _DEAD_SALES:
            continue
        extra[0] += 1
        if sale.created_at is None or sale.created_at < window_start:
            extra[1] += 1
        sales_lost += sale.sale_fen
        profit_lost += sale.profit_fen
    rates = []
    for shop_id in sorted(added):
        before = stats.get(shop_id, ShopCancellationStats(shop_id, 0, 0))
        more_cancelled, more_orders = added[shop_id]
        cancelled_after = before.cancelled + more_cancelled
        # Figures older than the orders (or missing) must not give a rate above 100 %.
        orders_after = max(before.orders + more_orders, cancelled_after)
        rates.append(
            RateChange(shop_id, before.orders, before.cancelled, orders_after, cancelled_after)
        )
    warnings = ("credit_rating", "shop_traffic") if closes or refunds else ()
    return Consequences(
        tuple(rates),
        sales_lost,
        profit_lost,
        closes,
        refunds,
        close_amount,
        refund_amount,
        warnings,
    )


@dataclass(frozen=True)
class ShopTodo:
    """A shop order the seller must still deal with on the shop after cancelling on 1688.

    Cancelling the supplier order changes nothing on the shop: the buyer still waits for the
    goods. The seller must cancel or refund the buyer there (or ship from another source)
    before the shop's ship-by deadline.

    Attributes:
        sale: The shop order.
        supplier_order_ids: The selected supplier orders of it that will be cancelled.
        overdue: The ship-by deadline has already passed.
    """

    sale: SaleFacts
    supplier_order_ids: tuple[int, ...]
    overdue: bool = False


def shop_todos(
    plans: Sequence[OrderPlan], candidates: Mapping[int, OrderCandidate], now: datetime
) -> list[ShopTodo]:
    """The live shop orders (awaiting payment or paid) behind the plans that will cancel anything,
    each once, the most urgent first (earliest ship-by deadline; unknown deadlines last)."""
    found: dict[int, tuple[SaleFacts, list[int]]] = {}
    for plan in plans:
        if plan.action is None:
            continue
        sale = candidates[plan.supplier_order_id].sale
        if sale is None or sale.status not in _LIVE_UNSHIPPED:
            continue
        found.setdefault(sale.sales_order_id, (sale, []))[1].append(plan.supplier_order_id)
    todos = [
        ShopTodo(sale, tuple(ids), sale.ship_by is not None and sale.ship_by < now)
        for sale, ids in found.values()
    ]
    far = datetime.max.replace(tzinfo=now.tzinfo)
    todos.sort(key=lambda t: (t.sale.ship_by or far, t.sale.shop_order_no))
    return todos


# --------------------------------------------------------------------------------------------
# Prevention advice (seed 5.3)
# --------------------------------------------------------------------------------------------

ADVICE_MESSAGES: dict[str, str] = {
    "lead_time_exceeds_deadline": (
        "The supplier's lead time was longer than the time left to the shop's ship-by deadline. "
        "Choose offers that ship in time, or promise a later dispatch in the listing."
    ),
    "description_incomplete": (
        "The product description is incomplete. Clear product information (size, material, "
        "specifications) keeps buyers from cancelling or returning."
    ),
    "supplier_out_of_stock": (
        "The supplier ran out of stock. Check the offer's stock before listing and keep a "
        "second supplier for products that sell well."
    ),
    "answer_buyers": (
        "The buyer cancelled. Answer buyers' questions quickly: unanswered questions lead to "
        "cancellations."
    ),
    "pay_supplier_promptly": (
        "The supplier order was still unpaid after the buyer had paid. Pay supplier orders "
        "promptly so the supplier ships in time."
    ),
}
"""English text per advice code (static, so the UI can translate it)."""


@dataclass(frozen=True, slots=True)
class Advice:
    """One piece of seed 5.3 advice that applies to the selected orders.

    Attributes:
        code: Key of :data:`ADVICE_MESSAGES`.
        message: Its English text.
        supplier_order_ids: The orders it applies to.
        details: Codes of what is missing, for ``description_incomplete`` (keys of
            :data:`~dropship_desktop.domain.sourcing.COMPLETENESS_MESSAGES`).
    """

    code: str
    message: str
    supplier_order_ids: tuple[int, ...]
    details: tuple[str, ...] = ()


def prevention_advice(
    candidates: Sequence[OrderCandidate],
    reasons: Mapping[int, ReasonInput | None] | None = None,
    refund_reasons: Mapping[int, Sequence[RefundReason]] | None = None,
) -> list[Advice]:
    """The advice of seed 5.3 that applies to these orders, in :data:`ADVICE_MESSAGES` order.

    Args:
        candidates: The selected orders.
        reasons: The reason chosen per supplier order id, once known (step 5); the reason adds
            the out-of-stock and answer-buyers advice.
        refund_reasons: Reason lists per order, to read the name of a refund reason id.
    """
    reasons = reasons or {}
    refund_reasons = refund_reasons or {}
    hits: dict[str, list[int]] = {code: [] for code in ADVICE_MESSAGES}
    missing_details: list[str] = []
    for c in candidates:
        oid = c.supplier_order_id
        sale = c.sale
        if sale is not None and sale.ship_by is not None and c.lead_time_days is not None:
            start = sale.paid_at or sale.created_at
            if start is not None:
                hours = (sale.ship_by - start).total_seconds() / 3600
                if lead_time_risk(max(0, c.lead_time_days), hours):
                    hits["lead_time_exceeds_deadline"].append(oid)
        if c.product is not None:
            p = c.product
            result = description_completeness(
                p.title, p.sku, p.sale_price_fen, p.specs, p.description
            )
            if not result.complete:
                hits["description_incomplete"].append(oid)
                missing_details.extend(m for m in result.missing if m not in missing_details)
        if (
            sale is not None
            and sale.status == SalesStatus.PAID.value
            and c.status_raw == "waitbuyerpay"
        ):
            hits["pay_supplier_promptly"].append(oid)
        reason = reasons.get(oid)
        if isinstance(reason, CloseReasonInput):
            if reason.reason is CancelReason.SELLER_GOODS_LACK:
                hits["supplier_out_of_stock"].append(oid)
            elif reason.reason is CancelReason.BUYER_CANCEL:
                hits["answer_buyers"].append(oid)
        elif isinstance(reason, RefundReasonInput):
            named = {r.id: r for r in refund_reasons.get(oid, ())}.get(reason.reason_id)
            if named is not None and named.means_out_of_stock:
                hits["supplier_out_of_stock"].append(oid)
    advice = []
    for code, ids in hits.items():
        if ids:
            details = tuple(missing_details) if code == "description_incomplete" else ()
            advice.append(Advice(code, ADVICE_MESSAGES[code], tuple(ids), details))
    return advice


# --------------------------------------------------------------------------------------------
# Submission and outcomes
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SubmissionItem:
    """One request to record and send: everything the service and the connector need.

    Attributes:
        supplier_order_id: The order.
        order_id_1688: Its 1688 id.
        sales_order_id: Its shop order, if linked (for the audit timeline).
        action: Close or refund application.
        reason_code: Close: the :class:`CancelReason` value. Refund: the platform reason id.
        reason_text: Human-readable reason (Chinese name), for the record.
        remark: Close: the remark. Refund: the description.
        amount_fen: Refund: the amount asked back; close: the order's amount.
        vouchers: Evidence image URLs for a refund.
        offer_id: The offer it was bought through (for "mark out of stock").
        not_before: Do not send before this time (aware UTC): 1688 refuses to close an order in
            its first 10 seconds (``CLOSE_ORDER_TOO_FAST``). ``None``: send at once.
    """

    supplier_order_id: int
    order_id_1688: str
    sales_order_id: int | None
    action: CancelAction
    reason_code: str
    reason_text: str
    remark: str
    amount_fen: int
    vouchers: tuple[str, ...] = ()
    offer_id: int | None = None
    not_before: datetime | None = None


class OutcomeKind(StrEnum):
    """What happened to one order of a submission."""

    CLOSED = "closed"
    REFUND_REQUESTED = "refund_requested"
    FAILED = "failed"
    SKIPPED = "skipped"
    INTERRUPTED = "interrupted"


@dataclass(frozen=True, slots=True)
class OrderOutcome:
    """The outcome of one order.

    Attributes:
        supplier_order_id: The order.
        kind: What happened.
        message: The platform's message (failed), why it was skipped, or what to check
            (interrupted).
        error_code: The platform's error code, or a local one (``NOT_SENT``, ``NO_ANSWER``,
            ``NOT_CONFIRMED``), for a failure.
        request_id: The ``cancellation_request`` row, when one was recorded.
        retry_in_seconds: For a too-soon skip, seconds until it may be sent.
    """

    supplier_order_id: int
    kind: OutcomeKind
    message: str = ""
    error_code: str = ""
    request_id: int | None = None
    retry_in_seconds: int = 0

    @property
    def retryable(self) -> bool:
        """A failure may be retried (a new attempt of the same request)."""
        return self.kind is OutcomeKind.FAILED

    @property
    def needs_resolution(self) -> bool:
        """Nobody knows whether the platform got it: the seller must check 1688 and say."""
        return self.kind is OutcomeKind.INTERRUPTED

    @property
    def final(self) -> bool:
        return self.kind in (OutcomeKind.CLOSED, OutcomeKind.REFUND_REQUESTED, OutcomeKind.SKIPPED)


def outcome_from_call(action: CancelAction, result: CallResult) -> OutcomeKind:
    """Map a confirmed platform answer to an outcome: success means closed or refund requested."""
    if not result.success:
        return OutcomeKind.FAILED
    return OutcomeKind.CLOSED if action is CancelAction.CLOSE else OutcomeKind.REFUND_REQUESTED


@dataclass(frozen=True, slots=True)
class Submission:
    """What step 6 sends: the requests, and the orders skipped (with their outcome already)."""

    items: tuple[SubmissionItem, ...]
    skipped: tuple[OrderOutcome, ...]


# --------------------------------------------------------------------------------------------
# The flow
# --------------------------------------------------------------------------------------------


class CancelFlow:
    """State and navigation of the six-step cancel wizard; no Qt, no database, no network.

    The UI pages feed it (account, sign-in answer, candidates loaded by the service, selection,
    reasons) and read from it (problems per step, plans, consequences, advice, the submission);
    the services record and send the submission and the outcomes come back through
    :meth:`record_outcome`.

    Args:
        preselected: Supplier order ids to select once candidates are loaded (wizard started
            from the order list).
        clock: Returns the current aware UTC time; injectable for tests.
    """

    def __init__(
        self,
        *,
        preselected: Iterable[int] = (),
        clock: Callable[[], datetime] = now_utc,
    ) -> None:
        self.clock = clock
        self.step = CancelStep.SIGN_IN
        self.account: AccountRef | None = None
        #: The chosen account's connector needs the seller to confirm each action (manual).
        self.manual = True
        self.signed_in = False
        self.sign_in_message = ""
        self.awaiting_sign_in_confirmation = False
        self.preselected: tuple[int, ...] = tuple(preselected)
        self._candidates: dict[int, OrderCandidate] = {}
        self._loaded = False
        self._selected: list[int] = []
        self.shop_stats: dict[int, ShopCancellationStats] = {}
        #: One reason for every order (``False``) or one per order (``True``).
        self.per_order_reasons = False
        self.shared_close: CloseReasonInput | None = None
        self.shared_refund: RefundReasonInput | None = None
        self._own_reasons: dict[int, ReasonInput] = {}
        self._refund_reasons: dict[int, tuple[RefundReason, ...]] = {}
        #: The seller accepted to mark the offers of out-of-stock cancellations as out of stock.
        self.mark_out_of_stock = False
        self._submitted = False
        self._outcomes: dict[int, OrderOutcome] = {}

    # ---- navigation ------------------------------------------------------------------------

    def problems(self, step: CancelStep | None = None) -> list[Problem]:
        """What keeps *step* (default: the current one) from being complete; empty when it is.

        A step is complete only if every step before it is complete too.
        """
        step = self.step if step is None else step
        for earlier in CancelStep:
            found = self._own_problems(earlier)
            if found or earlier is step:
                return found
        return []  # pragma: no cover - the loop always reaches *step*

    def can_advance(self, step: CancelStep | None = None) -> bool:
        """Whether Next may leave *step* (default: the current one)."""
        step = self.step if step is None else step
        return step is not CancelStep.SUBMIT and not self.problems(step)

    def can_go_back(self) -> bool:
        """Back is possible until the submission has started (then nothing may be undone)."""
        return self.step is not CancelStep.SIGN_IN and not self._submitted

    def next(self) -> CancelStep:
        """Go to the next step.

        Raises:
            FlowError: The current step is not complete (check :meth:`can_advance` first).
        """
        if not self.can_advance():
            problems = self.problems()
            detail = problems[0].message if problems else "the last step"
            raise FlowError(f"cannot leave step {self.step.name}: {detail}")
        self.step = CancelStep(self.step + 1)
        return self.step

    def back(self) -> CancelStep:
        """Go to the previous step; changes nothing else.

        Raises:
            FlowError: On the first step, or after the submission started.
        """
        if not self.can_go_back():
            raise FlowError(f"cannot go back from step {self.step.name}")
        self.step = CancelStep(self.step - 1)
        return self.step

    def _own_problems(self, step: CancelStep) -> list[Problem]:
        if step is CancelStep.SIGN_IN:
            if self.account is None:
                return [Problem("no_account", "Choose the distribution account to use.")]
            if not self.signed_in:
                if self.awaiting_sign_in_confirmation:
                    return [
                        Problem(
                            "sign_in_unconfirmed",
                            "Sign in on the 1688 page that was opened, then confirm here.",
                        )
                    ]
                text = self.sign_in_message or "Sign in to the distribution account."
                return [Problem("not_signed_in", text)]
            return []
        if step is CancelStep.ORDER_LIST:
            if not self._loaded:
                return [Problem("orders_not_loaded", "The account's orders are being loaded.")]
            if not self._candidates:
                return [Problem("no_orders", "This account has no supplier orders to cancel.")]
            return []
        if step is CancelStep.SELECT:
            if not self._selected:
                return [Problem("nothing_selected", "Select at least one order to cancel.")]
            if not any(p.action is not None for p in self.plans()):
                return [
                    Problem(
                        "nothing_cancellable",
                        "None of the selected orders can be cancelled here; see each order's note.",
                    )
                ]
            return []
        if step is CancelStep.CONFIRM:
            return []  # reading the consequences is all this step asks
        if step is CancelStep.REASON:
            return self.reason_problems()
        return []

    # ---- step 1: account and sign-in -------------------------------------------------------

    def choose_account(self, account: AccountRef, *, manual: bool) -> None:
        """Use *account*; *manual* is its connector's ``needs_manual_confirmation``.

        Changing the account signs out and forgets loaded orders and choices.
        """
        self._require_not_submitted()
        if self.account != account:
            self.account = account
            self.signed_in = False
            self.sign_in_message = ""
            self.awaiting_sign_in_confirmation = False
            self._candidates.clear()
            self._loaded = False
            self._selected = [i for i in self._selected if i in self.preselected]
            self._refund_reasons.clear()
            self._own_reasons.clear()
        self.manual = manual

    def apply_sign_in(self, result: SignInResult) -> None:
        """Take the connector's sign-in answer (a failure keeps the seller on step 1, saying why)."""
        self.signed_in = result.ok
        self.awaiting_sign_in_confirmation = not result.ok and result.needs_confirmation
        if result.ok:
            self.sign_in_message = ""
        elif result.needs_confirmation:
            self.sign_in_message = result.message
        else:
            self.sign_in_message = result.message or "Signing in failed."

    def confirm_sign_in(self, confirmed: bool) -> None:
        """The seller's answer to "Are you signed in on 1688?" (manual connector)."""
        self.signed_in = confirmed
        self.awaiting_sign_in_confirmation = False
        self.sign_in_message = "" if confirmed else "You are not signed in to 1688 yet."

    # ---- step 2: the account's orders ------------------------------------------------------

    def set_candidates(
        self,
        candidates: Iterable[OrderCandidate],
        shop_stats: Mapping[int, ShopCancellationStats] | None = None,
    ) -> None:
        """Orders the wizard may work on (from the service), and the shops' 30-day figures.

        Pre-selected orders that are among them and selectable get selected; the selection keeps
        only orders that are still there and selectable.
        """
        self._require_not_submitted()
        self._candidates = {c.supplier_order_id: c for c in candidates}
        self._loaded = True
        if shop_stats is not None:
            self.shop_stats = dict(shop_stats)
        wanted = list(dict.fromkeys([*self._selected, *self.preselected]))
        self._selected = [i for i in wanted if self.selectable(i)[0]]

    @property
    def candidates(self) -> dict[int, OrderCandidate]:
        return dict(self._candidates)

    # ---- step 3: selection -----------------------------------------------------------------

    def selectable(self, supplier_order_id: int) -> tuple[bool, str]:
        """Whether the order may be selected, and if not why (English)."""
        candidate = self._candidates.get(supplier_order_id)
        if candidate is None:
            return False, "This order is not in the account's list."
        if candidate.blocked_by_pending:
            return False, SKIP_MESSAGES["pending"]
        return True, ""

    def select(self, ids: Iterable[int]) -> list[int]:
        """Add orders to the selection; returns the ids refused (not selectable)."""
        self._require_not_submitted()
        refused = []
        for oid in ids:
            if self.selectable(oid)[0]:
                if oid not in self._selected:
                    self._selected.append(oid)
            else:
                refused.append(oid)
        return refused

    def deselect(self, ids: Iterable[int]) -> None:
        self._require_not_submitted()
        drop = set(ids)
        self._selected = [i for i in self._selected if i not in drop]

    def set_selection(self, ids: Iterable[int]) -> list[int]:
        """Replace the selection; returns the ids refused."""
        self._require_not_submitted()
        self._selected = []
        return self.select(ids)

    @property
    def selected(self) -> list[int]:
        return list(self._selected)

    def plans(self) -> list[OrderPlan]:
        """The plan of every selected order, in selection order, at the clock's time."""
        now = self.clock()
        return [plan_order(self._candidates[i], now) for i in self._selected]

    def plan(self, supplier_order_id: int) -> OrderPlan:
        return plan_order(self._candidates[supplier_order_id], self.clock())

    # ---- step 4: consequences and advice ---------------------------------------------------

    def consequences(self) -> Consequences:
        return compute_consequences(self.plans(), self._candidates, self.shop_stats, self.clock())

    def shop_todos(self) -> list[ShopTodo]:
        """The shop orders the seller must still cancel, refund or ship on the shop."""
        return shop_todos(self.plans(), self._candidates, self.clock())

    def advice(self) -> list[Advice]:
        """Seed 5.3 advice for the selected orders that will be cancelled (with the reason's
        advice once one is chosen); skipped orders are not being cancelled and get none."""
        acting = {p.supplier_order_id for p in self.plans() if p.action is not None}
        selected = [self._candidates[i] for i in self._selected if i in acting]
        reasons = {i: self.reason_for(i) for i in self._selected}
        return prevention_advice(selected, reasons, self._refund_reasons)

    # ---- step 5: reasons -------------------------------------------------------------------

    def set_refund_reasons(self, supplier_order_id: int, reasons: Sequence[RefundReason]) -> None:
        """The reason list the connector offers for a paid order (or the built-in default)."""
        self._refund_reasons[supplier_order_id] = tuple(reasons)

    def refund_reasons_for(self, supplier_order_id: int) -> tuple[RefundReason, ...]:
        return self._refund_reasons.get(supplier_order_id, ())

    def orders_needing_refund_reasons(self) -> list[int]:
        """Selected refund orders whose reason list has not been loaded yet."""
        return [
            p.supplier_order_id
            for p in self.plans()
            if p.action is CancelAction.REFUND_REQUEST
            and p.supplier_order_id not in self._refund_reasons
        ]

    def common_refund_reasons(self) -> tuple[RefundReason, ...]:
        """Reasons offered for every selected refund order (the choices in shared mode)."""
        ids = [p.supplier_order_id for p in self.plans() if p.action is CancelAction.REFUND_REQUEST]
        if not ids:
            return ()
        first = self.refund_reasons_for(ids[0])
        common = {r.id for r in first}
        for oid in ids[1:]:
            common &= {r.id for r in self.refund_reasons_for(oid)}
        return tuple(r for r in first if r.id in common)

    def set_close_reason(
        self, value: CloseReasonInput, supplier_order_id: int | None = None
    ) -> None:
        """The close reason for all unpaid orders, or for one order in per-order mode."""
        self._require_not_submitted()
        if supplier_order_id is None:
            self.shared_close = value
        else:
            self._own_reasons[supplier_order_id] = value

    def set_refund_reason(
        self, value: RefundReasonInput, supplier_order_id: int | None = None
    ) -> None:
        """The refund reason for all paid orders, or for one order in per-order mode."""
        self._require_not_submitted()
        if supplier_order_id is None:
            self.shared_refund = value
        else:
            self._own_reasons[supplier_order_id] = value

    def reason_for(self, supplier_order_id: int) -> ReasonInput | None:
        """The reason that applies to one selected order under the current mode."""
        plan = self.plan(supplier_order_id)
        if plan.action is None:
            return None
        if self.per_order_reasons:
            own = self._own_reasons.get(supplier_order_id)
            wanted = CloseReasonInput if plan.action is CancelAction.CLOSE else RefundReasonInput
            return own if isinstance(own, wanted) else None
        return self.shared_close if plan.action is CancelAction.CLOSE else self.shared_refund

    def reason_problems(self) -> list[Problem]:
        """Problems of the reasons of every selected order that will be sent."""
        problems: list[Problem] = []
        plans = [p for p in self.plans() if p.action is not None]
        shared_close_checked = False
        for plan in plans:
            oid = plan.supplier_order_id
            reason = self.reason_for(oid)
            if plan.action is CancelAction.CLOSE:
                if self.per_order_reasons:
                    found = close_reason_problems(reason)  # type: ignore[arg-type]
                    problems.extend(_with_order(p, oid) for p in found)
                elif not shared_close_checked:
                    problems.extend(close_reason_problems(self.shared_close))
                    shared_close_checked = True
            else:
                reasons = self.refund_reasons_for(oid)
                if not reasons:
                    problems.append(
                        Problem(
                            "refund_reasons_not_loaded",
                            "The refund reasons of this order are not loaded yet.",
                            oid,
                        )
                    )
                    continue
                found = refund_reason_problems(
                    reason,  # type: ignore[arg-type]
                    reasons,
                    vouchers_sent=not self.manual,
                    supplier_order_id=oid,
                )
                if not self.per_order_reasons:
                    # The same text for every order would say the same thing n times.
                    found = [p for p in found if not _already(problems, p.code)]
                problems.extend(found)
        return problems

    def voucher_hints(self) -> list[tuple[int, RefundReason]]:
        """Orders whose chosen refund reason needs evidence, to show the requirement."""
        hints = []
        for oid in self._selected:
            reason = self.reason_for(oid)
            if isinstance(reason, RefundReasonInput):
                named = {r.id: r for r in self.refund_reasons_for(oid)}.get(reason.reason_id)
                if named is not None and named.need_voucher:
                    hints.append((oid, named))
        return hints

    def offers_to_mark_out_of_stock(self) -> list[int]:
        """Offers of orders cancelled because the supplier has no stock (distinct, in order)."""
        offers: list[int] = []
        for oid in self._selected:
            candidate = self._candidates[oid]
            reason = self.reason_for(oid)
            lack = False
            if isinstance(reason, CloseReasonInput):
                lack = reason.reason is CancelReason.SELLER_GOODS_LACK
            elif isinstance(reason, RefundReasonInput):
                named = {r.id: r for r in self.refund_reasons_for(oid)}.get(reason.reason_id)
                lack = named is not None and named.means_out_of_stock
            if lack and candidate.offer_id is not None and candidate.offer_id not in offers:
                offers.append(candidate.offer_id)
        return offers

    # ---- step 6: submission and outcomes ---------------------------------------------------

    def submission(self) -> Submission:
        """What to record and send now; orders that cannot be sent are skipped with a reason.

        Eligibility is decided again at the clock's time, so an order that was "too soon" on
        step 4 is sent at once if its 10 seconds have passed; if not, it is sent too, with
        :attr:`SubmissionItem.not_before` saying when (step 6 waits for it).

        Raises:
            FlowError: The reasons are not complete.
        """
        if self.problems(CancelStep.REASON):
            raise FlowError("the submission is not complete")
        items: list[SubmissionItem] = []
        skipped: list[OrderOutcome] = []
        for plan in self.plans():
            oid = plan.supplier_order_id
            too_soon = plan.skip_code == "too_soon"
            if not plan.will_send and not too_soon:
                skipped.append(
                    OrderOutcome(
                        oid,
                        OutcomeKind.SKIPPED,
                        plan.message,
                        plan.skip_code,
                        retry_in_seconds=plan.retry_in_seconds,
                    )
                )
                continue
            candidate = self._candidates[oid]
            reason = self.reason_for(oid)
            assert plan.action is not None and candidate.order_id_1688
            not_before = None
            if too_soon and candidate.created_at is not None:
                not_before = candidate.created_at + timedelta(seconds=CLOSE_TOO_FAST_SECONDS)
            if isinstance(reason, CloseReasonInput):
                code, text, remark = reason.reason.value, reason.reason.label_zh, reason.remark
                vouchers: tuple[str, ...] = ()
            else:
                assert isinstance(reason, RefundReasonInput)
                named = {r.id: r for r in self.refund_reasons_for(oid)}[reason.reason_id]
                code, text, remark = reason.reason_id, named.name, reason.description
                vouchers = tuple(v for v in reason.vouchers if v.strip())
            items.append(
                SubmissionItem(
                    supplier_order_id=oid,
                    order_id_1688=candidate.order_id_1688,
                    sales_order_id=candidate.sale.sales_order_id if candidate.sale else None,
                    action=plan.action,
                    reason_code=code,
                    reason_text=text,
                    remark=remark.strip(),
                    amount_fen=plan.amount_fen,
                    vouchers=vouchers,
                    offer_id=candidate.offer_id,
                    not_before=not_before,
                )
            )
        return Submission(tuple(items), tuple(skipped))

    def begin_submission(self) -> Submission:
        """Freeze the flow (no Back, no more changes) and return what to send.

        Raises:
            FlowError: Not on step 6, or the reasons are not complete.
        """
        if self.step is not CancelStep.SUBMIT:
            raise FlowError("the submission starts on the last step")
        submission = self.submission()
        self._submitted = True
        for outcome in submission.skipped:
            self._outcomes[outcome.supplier_order_id] = outcome
        return submission

    @property
    def submitted(self) -> bool:
        return self._submitted

    def record_outcome(self, outcome: OrderOutcome) -> None:
        """An order's outcome (from the service), replacing an earlier one (a retry)."""
        self._outcomes[outcome.supplier_order_id] = outcome

    def outcomes(self) -> list[OrderOutcome]:
        """Outcomes so far, in selection order."""
        return [self._outcomes[i] for i in self._selected if i in self._outcomes]

    def is_finished(self) -> bool:
        """Every selected order has an outcome that needs nothing more from the seller."""
        return self._submitted and all(
            i in self._outcomes and self._outcomes[i].final for i in self._selected
        )

    def _require_not_submitted(self) -> None:
        if self._submitted:
            raise FlowError("the submission has started; nothing can be changed any more")


def _with_order(problem: Problem, supplier_order_id: int) -> Problem:
    return Problem(problem.code, problem.message, supplier_order_id, problem.params)


def _already(problems: Sequence[Problem], code: str) -> bool:
    return any(p.code == code for p in problems)
