"""The dashboard's figures (工作台): sales, profit, cancellation rates, late shipments, suppliers.

Everything here reads the daily summary rows (``store/daily_summary``) plus a few live figures
through small partial indexes, so a million orders cost the same few milliseconds as a thousand.
The CLI's ``report`` prints the same :class:`DashboardData`.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..domain.cancel_flow import ShopCancellationStats
from ..domain.dashboard import (
    BP,
    CANCELLATION_WINDOW_DAYS,
    SUPPLIER_CAUSED_REASONS,
    DateRange,
    Totals,
    cancellations_to_line,
    rolling_rates,
)
from ..domain.timeutil import now_epoch
from ..errors import UserError
from ..i18n import QT_TRANSLATE_NOOP
from ..store import daily_summary as ds
from ..store.after_sales_queries import money_in_period
from ..store.db import connection, execute_sql
from ..store.migrations.m0010_daily_summaries import (
    OPEN_SUPPLIER_INDEX,
    PAID_INDEX,
    REQUEST_INDEX,
)
from .base import Changes, audit, write_op
from .risk import FraudLosses, fraud_losses

#: No refunds on flagged orders (the default of a range without any).
NO_FRAUD_LOSSES = FraudLosses(0, 0)

__all__ = [
    "PENDING",
    "DashboardData",
    "LiveFigures",
    "ShopFigures",
    "ShopRef",
    "SupplierFigures",
    "find_shop",
    "list_shops",
    "load_dashboard",
    "set_cancel_warning_line",
    "today",
]


@dataclass(frozen=True, slots=True)
class ShopRef:
    id: int
    name: str
    platform: str
    warning_bp: int


@dataclass(frozen=True, slots=True)
class ShopFigures:
    """One shop over the range, and its cancellation rate over the platform's 30-day window.

    Attributes:
        late: Orders of the range still unshipped past their ship-by deadline (the app keeps no
            ship time, so an order that shipped late and is now shipped is not counted).
        window: Orders and cancellations in the 30 days before now (the cancel wizard's figure).
        to_line: More cancellations that bring the window's rate to the warning line (0: at or
            over it; None: no orders in the window).
    """

    shop: ShopRef
    totals: Totals
    late: int
    window: ShopCancellationStats
    to_line: int | None

    @property
    def late_rate(self) -> float:
        due = self.totals.valid_orders
        return self.late / due if due else 0.0

    @property
    def window_rate(self) -> float:
        w = self.window
        return w.cancelled / w.orders if w.orders else 0.0


@dataclass(frozen=True, slots=True)
class SupplierFigures:
    """One supplier's 1688 orders placed in the range.

    Attributes:
        late: Of them, still not shipped by the supplier while the shop's ship-by has passed.
        supplier_caused: Cancellations in the range whose reason is the supplier's stock
            (卖家库存不足, 缺货).
    """

    supplier_id: int
    name: str
    orders: int
    closed: int
    shipped: int
    cost_fen: int
    late: int
    supplier_caused: int

    @property
    def on_time_rate(self) -> float | None:
        """Share of the supplier's orders not (yet) late; None without orders."""
        return 1 - self.late / self.orders if self.orders else None


@dataclass(frozen=True)
class DashboardData:
    """Everything the dashboard and ``report`` show for a range and a shop selection.

    Attributes:
        days: Per day of the range (selected shops summed).
        rates: Per day, the trailing 30-day cancellation rate of the selected shops (the last
            day, when it is today, is the exact figure up to now).
        warning_bp: The warning line drawn on the rate chart: the selected shop's, or for all
            shops the strictest.
    """

    range: DateRange
    shop_id: int | None
    now: int
    shops: list[ShopRef]
    days: list[ds.DayRow]
    rates: list[float | None]
    totals: Totals
    per_shop: list[ShopFigures]
    products: list[tuple[str, int, int, int]]
    suppliers: list[SupplierFigures]
    warning_bp: int
    live: LiveFigures | None = None
    #: After-sales cases opened in the range: (cases, refunded, recovered, net loss) in fen.
    after_sales: tuple[int, int, int, int] = (0, 0, 0, 0)
    #: Refunds on orders the fraud checks flagged, created in the range.
    fraud: FraudLosses = NO_FRAUD_LOSSES

    @property
    def pending(self) -> bool:
        """Whether the time-dependent figures (late, stock, 30-day windows) are still to come."""
        return self.live is not None and self.live.pending

    @property
    def late(self) -> int:
        return sum(s.late for s in self.per_shop)


def today(now: int | None = None) -> int:
    """Today's CST day number."""
    return ds.day_of(now_epoch() if now is None else now)


def list_shops() -> list[ShopRef]:
    return [
        ShopRef(int(r[0]), str(r[1]), str(r[2]), int(r[3]))
        for r in execute_sql(
            "SELECT id, name, platform, cancel_warning_bp FROM shop ORDER BY name, id"
        )
    ]


def find_shop(name: str) -> ShopRef:
    """The shop named *name* (exactly, else case-insensitively).

    Raises:
        UserError: No shop or more than one has that name.
    """
    shops = list_shops()
    found = [s for s in shops if s.name == name] or [
        s for s in shops if s.name.casefold() == name.strip().casefold()
    ]
    if len(found) != 1:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "No shop is called “{name}”. The shops are: {shops}.")
            if not found
            else QT_TRANSLATE_NOOP(
                "Errors", "More than one shop is called “{name}”; rename one of them first."
            ),
            name=name,
            shops="、".join(s.name for s in shops) or "—",
        )
    return found[0]


@dataclass(frozen=True)
class LiveFigures:
    """The figures that depend on the current time, not on the range (reused on range changes).

    The per-day maps are keyed by (shop or supplier id, CST day of the order's creation), so a
    range only sums its days.

    Attributes:
        windows: Per shop, (orders, cancelled) over the 30 days before now.
        late_by_shop: Paid orders unshipped past their ship-by time.
        late_by_supplier: Their open 1688 orders, by supplier.
        stock_by_supplier: 1688 orders cancelled for the supplier's stock (day of the first
            request).
    """

    now: int
    windows: dict[int, tuple[int, int]]
    late_by_shop: dict[tuple[int, int], int]
    late_by_supplier: dict[tuple[int, int], int]
    stock_by_supplier: dict[tuple[int, int], int]
    pending: bool = False


#: Stands for live figures not read yet: the dashboard shows the summary figures first and the
#: time-dependent ones a moment later (they are the slow part at a million orders).
PENDING = LiveFigures(0, {}, {}, {}, {}, pending=True)


def load_live(now: int | None = None) -> LiveFigures:
    """Read the time-dependent figures (a few small covering-index scans)."""
    now = now_epoch() if now is None else now
    conn = connection()
    windows = ds.window_counts(conn, now - CANCELLATION_WINDOW_DAYS * 86400, now)
    day = "(({t} + 28800) / 86400)"
    late_by_shop = {
        (int(r[0]), int(r[1])): int(r[2])
        for r in conn.execute(
            f"SELECT shop_id, {day.format(t='created_at')}, count(*)"
            f" FROM sales_order INDEXED BY {PAID_INDEX}"
            " WHERE status = 'paid' AND ship_by < ? GROUP BY 1, 2",
            (now,),
        )
    }
    late_by_supplier = {
        (int(r[0]), int(r[1])): int(r[2])
        for r in conn.execute(
            f"SELECT coalesce(so.supplier_id, 0), {day.format(t='so.created_at')}, count(*)"
            f" FROM sales_order o INDEXED BY {PAID_INDEX}"
            f" JOIN supplier_order so INDEXED BY {OPEN_SUPPLIER_INDEX}"
            " ON so.sales_order_id = o.id"
            " WHERE o.status = 'paid' AND o.ship_by < ?"
            " AND so.status IN ('waitbuyerpay', 'waitsellersend') GROUP BY 1, 2",
            (now,),
        )
    }
    marks = ",".join("?" * len(SUPPLIER_CAUSED_REASONS))
    stock = {
        (int(r[0]), int(r[1])): int(r[2])
        for r in conn.execute(
            f"SELECT supplier, {day.format(t='first_at')}, count(*) FROM ("
            " SELECT coalesce(so.supplier_id, 0) AS supplier, min(cr.created_at) AS first_at"
            f" FROM cancellation_request cr INDEXED BY {REQUEST_INDEX}"
            " JOIN supplier_order so ON so.id = cr.supplier_order_id"
            " WHERE cr.state NOT IN ('failed', 'skipped')"
            f" AND (cr.reason_code IN ({marks}) OR cr.reason_text LIKE '%库存不足%'"
            " OR cr.reason_text LIKE '%缺货%') GROUP BY so.id) GROUP BY 1, 2",
            tuple(sorted(SUPPLIER_CAUSED_REASONS)),
        )
    }
    return LiveFigures(now, windows, late_by_shop, late_by_supplier, stock)


def _in_range(by_day: dict[tuple[int, int], int], first: int, last: int) -> dict[int, int]:
    out: dict[int, int] = {}
    for (key, day), n in by_day.items():
        if first <= day <= last:
            out[key] = out.get(key, 0) + n
    return out


def _suppliers(first: int, last: int, live: LiveFigures) -> list[SupplierFigures]:
    totals = ds.supplier_totals(connection(), first, last)
    late = _in_range(live.late_by_supplier, first, last)
    caused = _in_range(live.stock_by_supplier, first, last)
    names = {int(r[0]): str(r[1]) for r in execute_sql("SELECT id, name FROM supplier")}
    out = []
    for sid in set(totals) | set(caused):
        orders, closed, shipped, cost = totals.get(sid, (0, 0, 0, 0))
        out.append(
            SupplierFigures(
                sid,
                names.get(sid, ""),
                orders,
                closed,
                shipped,
                cost,
                late.get(sid, 0),
                caused.get(sid, 0),
            )
        )
    out.sort(key=lambda s: (-s.cost_fen, -s.orders, s.name))
    return out


def load_dashboard(
    date_range: DateRange,
    shop_id: int | None = None,
    *,
    now: int | None = None,
    top: int = 8,
    live: LiveFigures | None = None,
) -> DashboardData:
    """The figures of *date_range* for one shop (or all shops when *shop_id* is None).

    Per-shop rows and the 30-day windows are always for every shop (the view's shop table).
    *live* reuses the time-dependent figures of an earlier call (``DashboardData.live``: they do
    not depend on the range or shop, so switching those need not read them again).
    """
    conn = connection()
    first, last = date_range.first_day, date_range.last_day
    shops = list_shops()
    selected = (shop_id,) if shop_id is not None else ()
    # One read transaction: every figure sees the same orders.
    with ds.read_snapshot(conn):
        window_first = first - CANCELLATION_WINDOW_DAYS + 1
        rows = ds.day_rows(conn, window_first, last, selected)
        days = rows[CANCELLATION_WINDOW_DAYS - 1 :]
        rates = rolling_rates([r.orders for r in rows], [r.cancelled for r in rows])
        if live is None:
            live = load_live(now)
        now = live.now if not live.pending else (now_epoch() if now is None else now)
        windows = live.windows
        if last == today(now) and not live.pending:
            o = sum(v[0] for s, v in windows.items() if shop_id is None or s == shop_id)
            c = sum(v[1] for s, v in windows.items() if shop_id is None or s == shop_id)
            rates[-1] = c / o if o else None
        by_shop = ds.shop_totals(conn, first, last)
        late = _in_range(live.late_by_shop, first, last)
        per_shop = []
        for shop in shops:
            t = by_shop.get(shop.id)
            totals = Totals.of([t]) if t is not None else Totals()
            o, c = windows.get(shop.id, (0, 0))
            stats = ShopCancellationStats(shop.id, o, c)
            per_shop.append(
                ShopFigures(
                    shop,
                    totals,
                    late.get(shop.id, 0),
                    stats,
                    cancellations_to_line(stats, shop.warning_bp),
                )
            )
        products = ds.top_products(conn, first, last, selected, top)
        suppliers = _suppliers(first, last, live)
        start, end = ds.day_start(first), ds.day_start(last + 1)
        after_sales = money_in_period(start, end, shop_id)
        fraud = fraud_losses(start, end, shop_id)
    lines = [s.warning_bp for s in shops if shop_id is None or s.id == shop_id]
    return DashboardData(
        range=date_range,
        shop_id=shop_id,
        now=now,
        shops=shops,
        days=days,
        rates=rates,
        # The range's per-shop sums (a row per shop) add up to the same as its days.
        totals=Totals.of(t for s, t in by_shop.items() if shop_id is None or s == shop_id),
        per_shop=per_shop,
        products=products,
        suppliers=suppliers,
        warning_bp=min(lines) if lines else 500,
        live=live,
        after_sales=after_sales,
        fraud=fraud,
    )


@write_op
def set_cancel_warning_line(shop_id: int, warning_bp: int) -> Changes:
    """Set a shop's warning line for its 30-day cancellation rate (basis points, 1–10000).

    Raises:
        UserError: The value is out of range or the shop does not exist.
    """
    if not 1 <= int(warning_bp) <= BP:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The warning line must be between 0.01 % and 100 %; the platforms' red lines "
                "are usually a few percent.",
            )
        )
    row = execute_sql("SELECT cancel_warning_bp FROM shop WHERE id = ?", (shop_id,)).fetchone()
    if row is None:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "This shop no longer exists; it may have been deleted.")
        )
    execute_sql("UPDATE shop SET cancel_warning_bp = ? WHERE id = ?", (int(warning_bp), shop_id))
    audit(
        "shop",
        shop_id,
        "cancel_warning_line",
        before={"cancel_warning_bp": int(row[0])},
        after={"cancel_warning_bp": int(warning_bp)},
    )
    return Changes.of(
        "shop",
        ids={"shop": [shop_id]},
        message=QT_TRANSLATE_NOOP("Messages", "Warning line saved."),
    )
