"""What cancelling costs and what it leaves to do: the shop's cancellation rate, lost sales and
profit (seed 5.2), the shop orders the seller must still deal with, and the advice for next time
(seed 5.3).

Part of the cancel flow (see :mod:`.cancel_flow`). Pure Python: no PySide6, no peewee.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from ..messages import CANCEL_ADVICE, message
from .cancel_facts import CANCELLATION_WINDOW_DAYS, OrderCandidate, RefundReason, SaleFacts
from .cancel_plan import CloseReasonInput, OrderPlan, ReasonInput, RefundReasonInput
from .enums import DEAD_SALES_STATUSES, CancelAction, CancelReason, SalesStatus
from .sourcing import description_completeness, lead_time_risk

__all__ = [
    "Advice",
    "Consequences",
    "RateChange",
    "ShopCancellationStats",
    "ShopTodo",
    "compute_consequences",
    "prevention_advice",
    "shop_todos",
]

# Shop orders the buyer still waits for: cancelling on 1688 leaves them to the seller.
_LIVE_UNSHIPPED = frozenset({SalesStatus.WAIT_PAY.value, SalesStatus.PAID.value})

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
        if sale.status in DEAD_SALES_STATUSES:
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


@dataclass(frozen=True, slots=True)
class Advice:
    """One piece of seed 5.3 advice that applies to the selected orders.

    Attributes:
        code: Key of ``messages.CANCEL_ADVICE``.
        message: Its text (a marked :class:`~dropship_desktop.i18n.Text`).
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
    """The advice of seed 5.3 that applies to these orders, in ``messages.CANCEL_ADVICE`` order.

    Args:
        candidates: The selected orders.
        reasons: The reason chosen per supplier order id, once known (step 5); the reason adds
            the out-of-stock and answer-buyers advice.
        refund_reasons: Reason lists per order, to read the name of a refund reason id.
    """
    reasons = reasons or {}
    refund_reasons = refund_reasons or {}
    hits: dict[str, list[int]] = {code: [] for code in CANCEL_ADVICE}
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
            advice.append(Advice(code, message(CANCEL_ADVICE, code), tuple(ids), details))
    return advice
