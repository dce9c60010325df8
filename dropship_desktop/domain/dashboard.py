"""Dashboard rules: date ranges, summed figures, rates, and the cancellation warning line.

Pure Python (no Qt, no peewee). Days are China Standard Time day numbers (see
``store/daily_summary.day_of``); ranges are inclusive.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields

from .cancel_flow import CANCELLATION_WINDOW_DAYS, RateChange, ShopCancellationStats

__all__ = [
    "CANCELLATION_WINDOW_DAYS",
    "RANGE_PRESETS",
    "SUPPLIER_CAUSED_REASONS",
    "DateRange",
    "Totals",
    "cancellations_to_line",
    "crosses_line",
    "is_supplier_caused",
    "rolling_rates",
    "stock_problem",
]

#: The ranges offered with one click (days, ending today).
RANGE_PRESETS: tuple[int, ...] = (7, 30, 90)
#: Basis points per 100 %.
BP = 10_000

#: Reason codes that say the supplier caused the cancellation (卖家库存不足 / 缺货).
SUPPLIER_CAUSED_REASONS = frozenset({"sellerGoodsLack", "default.out_of_stock"})
_SUPPLIER_CAUSED_WORDS = ("库存不足", "缺货", "无货", "断货")


#: A supplier is flagged when this share of its 1688 orders was cancelled for its stock.
STOCK_FLAG_SHARE = 0.05


def stock_problem(cancelled_for_stock: int, orders: int) -> bool:
    """Whether a supplier's stock cancellations are frequent enough to flag it."""
    return cancelled_for_stock > 0 and cancelled_for_stock >= STOCK_FLAG_SHARE * max(orders, 1)


def is_supplier_caused(reason_code: str, reason_text: str = "") -> bool:
    """Whether a cancellation's reason blames the supplier's stock (卖家库存不足)."""
    return reason_code in SUPPLIER_CAUSED_REASONS or any(
        word in (reason_text or "") for word in _SUPPLIER_CAUSED_WORDS
    )


@dataclass(frozen=True, slots=True)
class DateRange:
    """Inclusive CST day numbers."""

    first_day: int
    last_day: int

    def __post_init__(self) -> None:
        if self.last_day < self.first_day:
            raise ValueError("a range ends before it starts")

    @property
    def days(self) -> int:
        return self.last_day - self.first_day + 1

    @classmethod
    def last(cls, days: int, today: int) -> DateRange:
        """The *days* days ending with *today*."""
        return cls(today - max(1, days) + 1, today)


@dataclass(frozen=True, slots=True)
class Totals:
    """Figures of some orders (summed over days and/or shops).

    Attributes:
        orders: Every order created.
        valid_orders: Paid, shipped or completed (they count as sales).
        sales_fen: What the buyers paid for the valid orders (GMV).
        profit_fen: Profit of the valid orders, minus what closed or refunded orders still cost.
        cost_fen: Supplier cost, dropship fees and shipping of the valid orders.
        estimated_orders: Valid orders with no 1688 order yet: their cost is an estimate.
        estimated_profit_fen: The part of the profit that rests on those estimates.
        cancelled: Cancelled, refunded or being refunded.
    """

    orders: int = 0
    valid_orders: int = 0
    sales_fen: int = 0
    profit_fen: int = 0
    cost_fen: int = 0
    estimated_orders: int = 0
    estimated_profit_fen: int = 0
    cancelled: int = 0

    @classmethod
    def of(cls, rows: Iterable[object]) -> Totals:
        """Sum objects that have the same attribute names (e.g. the store's day rows)."""
        names = [f.name for f in fields(cls)]
        sums = dict.fromkeys(names, 0)
        for row in rows:
            for name in names:
                sums[name] += int(getattr(row, name))
        return cls(**sums)

    @property
    def margin(self) -> float | None:
        """Profit / sales; None without sales."""
        return self.profit_fen / self.sales_fen if self.sales_fen else None

    @property
    def cancel_rate(self) -> float:
        return self.cancelled / self.orders if self.orders else 0.0

    @property
    def average_order_fen(self) -> int:
        return round(self.sales_fen / self.valid_orders) if self.valid_orders else 0


def rolling_rates(
    orders: Sequence[int], cancelled: Sequence[int], window: int = CANCELLATION_WINDOW_DAYS
) -> list[float | None]:
    """The cancellation rate of each day's trailing *window* days.

    The inputs start ``window - 1`` days before the first day wanted; the result has one rate per
    wanted day (None where the window holds no orders).
    """
    if len(orders) != len(cancelled):
        raise ValueError("orders and cancelled differ in length")
    out: list[float | None] = []
    o_sum = sum(orders[: window - 1])
    c_sum = sum(cancelled[: window - 1])
    for i in range(window - 1, len(orders)):
        o_sum += orders[i]
        c_sum += cancelled[i]
        out.append(c_sum / o_sum if o_sum else None)
        o_sum -= orders[i - window + 1]
        c_sum -= cancelled[i - window + 1]
    return out


def cancellations_to_line(stats: ShopCancellationStats, line_bp: int) -> int | None:
    """How many more cancellations (of orders in the window) bring the rate to the line.

    A cancellation of an order created in the window adds to the cancelled count only, as the
    cancel wizard counts it. 0: the rate is at or over the line already; None: no orders in the
    window (no rate), or no line.
    """
    if stats.orders <= 0 or line_bp <= 0:
        return None
    needed = -(-line_bp * stats.orders // BP)  # ceil(line × orders)
    return max(0, needed - stats.cancelled)


def crosses_line(change: RateChange, line_bp: int) -> bool:
    """Whether a cancellation takes a shop's rate from below the line to at or over it."""
    if line_bp <= 0:
        return False
    before = change.cancelled_before * BP < line_bp * change.orders_before
    after = change.cancelled_after * BP >= line_bp * change.orders_after
    return bool(change.orders_after) and after and (before or not change.orders_before)
