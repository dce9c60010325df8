"""Daily summary rows (migration 10): the bulk-import hook, rebuild, check and the dashboard's reads.

Triggers keep ``shop_daily_summary``, ``product_daily_summary`` and ``supplier_daily_summary``
current inside every transaction that changes orders (see the migration's docstring). The one
writer that bypasses them is the bulk import (:class:`BulkSummaries`): it suspends the two insert
triggers and adds each block of new orders with a set-based statement, as it does for the search
index. :func:`rebuild` refills the tables from scratch (the ``rebuild-summaries`` command);
:func:`differences` compares them with a from-scratch ``GROUP BY`` (tests, ``report --check``).

Days are China Standard Time calendar days (:func:`day_of`); ranges are inclusive day numbers.
All reads return plain tuples and take a few milliseconds on a million orders: they read at most
one row per shop (or product, supplier) and day, and the few live figures (overdue orders, open
requests) go through small partial indexes.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from . import todo_members
from .migrations import m0010_daily_summaries as _m
from .migrations import m0013_todo_members as _todo
from .migrations.m0012_dashboard_speed import PRODUCT_TITLE_INDEX

__all__ = [
    "DAY_OFFSET_S",
    "BulkSummaries",
    "DayRow",
    "day_of",
    "day_start",
    "differences",
    "read_snapshot",
    "rebuild",
    "window_counts",
]

DAY_OFFSET_S = _m.DAY_OFFSET_S
_SUMMARY_TABLES = (_m.SHOP_TABLE, _m.PRODUCT_TABLE, _m.SUPPLIER_TABLE)
_SHOP_FIGURES = [c for c, _ in _m.SHOP_COLUMNS]


def day_of(epoch: int) -> int:
    """The CST day number of a Unix time."""
    return (int(epoch) + DAY_OFFSET_S) // 86400


def day_start(day: int) -> int:
    """The Unix time at which CST day *day* starts."""
    return int(day) * 86400 - DAY_OFFSET_S


# --------------------------------------------------------------------------------------------
# Keeping the tables right
# --------------------------------------------------------------------------------------------


class BulkSummaries:
    """Used by the bulk import writer: insert triggers off, whole blocks added instead.

    Construct inside the write transaction (drops the two insert triggers), call
    :meth:`add_orders` right after each block of orders and lines is inserted, and
    :meth:`restore` at the end; a rollback brings the triggers back on its own.
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._saved: list[str] = []
        for name in (_m.ORDER_INSERT_TRIGGER, _m.LINE_INSERT_TRIGGER, _todo.ORDER_INSERT_TRIGGER):
            row = conn.execute(
                "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (name,)
            ).fetchone()
            if row is not None:
                self._saved.append(str(row[0]))
                conn.execute(f"DROP TRIGGER {name}")

    def add_orders(self, order_ids: str, conn: sqlite3.Connection | None = None) -> None:
        """Add the orders (and their lines) selected by the SQL *order_ids* (``SELECT id …``)."""
        if not self._saved:
            return
        conn = conn or self._conn
        new = f"o.id IN ({order_ids})"
        conn.execute(
            _m.upsert_sql(
                _m.SHOP_TABLE,
                _m.SHOP_KEYS,
                _m.SHOP_COLUMNS,
                source="main.sales_order o",
                where=new,
                group=True,
                r="o.",
            )
        )
        conn.execute(
            _m.upsert_sql(
                _m.PRODUCT_TABLE,
                _m.PRODUCT_KEYS,
                _m.PRODUCT_COLUMNS,
                source="main.sales_order o JOIN main.sales_order_line l ON l.sales_order_id = o.id",
                # "+o.": without it SQLite walks the status index over every valid order
                # (~200 ms per chunk at 1M orders) instead of looking the new ids up.
                where=f"{new} AND " + _m.PRODUCT_CONDITION.format(r="+o."),
                group=True,
                r="o.",
                l="l.",
            )
        )
        # The to-do cards' memberships (migration 13) of the new orders.
        todo_members.add_orders(conn, order_ids)

    def restore(self) -> None:
        """Recreate the suspended triggers."""
        for sql in self._saved:
            self._conn.execute(sql)
        self._saved = []


def rebuild(conn: sqlite3.Connection) -> dict[str, int]:
    """Refill the summary tables (and the to-do cards' ``todo_member``) from the order tables,
    inside the caller's transaction.

    Returns:
        Rows per table after the rebuild.
    """
    for table in _SUMMARY_TABLES:
        conn.execute(f"DELETE FROM {table}")
    for statement in _m.FILL:
        conn.execute(statement)
    counts = {
        t: int(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in _SUMMARY_TABLES
    }
    counts[_todo.TABLE] = todo_members.rebuild(conn)
    return counts


def _rows(
    conn: sqlite3.Connection, sql: str, keys: int
) -> dict[tuple[object, ...], tuple[int, ...]]:
    """Rows by key, without the rows whose figures are all zero."""
    out = {}
    for row in conn.execute(sql):
        figures = tuple(int(v) for v in row[keys:])
        if any(figures):
            out[tuple(row[:keys])] = figures
    return out


def differences(conn: sqlite3.Connection) -> list[str]:
    """Where the summary tables differ from a from-scratch ``GROUP BY``, and the to-do cards'
    memberships from their rule (empty: they agree).

    Read-only: both sides are read in one transaction, so they see the same orders.
    """
    found: list[str] = []
    keys = {_m.SHOP_TABLE: 2, _m.PRODUCT_TABLE: 3, _m.SUPPLIER_TABLE: 2}
    with read_snapshot(conn):
        for table in _SUMMARY_TABLES:
            stored = _rows(conn, f"SELECT * FROM {table}", keys[table])
            fresh = _rows(conn, _m.GROUP_BY[table], keys[table])
            for key in sorted(set(stored) | set(fresh), key=repr):
                have, want = stored.get(key), fresh.get(key)
                if have != want:
                    found.append(f"{table} {key}: stored {have}, recomputed {want}")
        found += todo_members.differences(conn)
    return found


@contextlib.contextmanager
def read_snapshot(conn: sqlite3.Connection) -> Iterator[None]:
    """One read transaction (unless one is open already): every read sees the same orders."""
    if conn.in_transaction:
        yield
        return
    conn.execute("BEGIN")
    try:
        yield
    finally:
        conn.execute("COMMIT")


# --------------------------------------------------------------------------------------------
# Reads
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DayRow:
    """One day's figures (one shop, or all shops summed)."""

    day: int
    orders: int = 0
    valid_orders: int = 0
    sales_fen: int = 0
    profit_fen: int = 0
    cost_fen: int = 0
    estimated_orders: int = 0
    estimated_profit_fen: int = 0
    cancelled: int = 0


def _shop_clause(shop_ids: Sequence[int]) -> tuple[str, list[object]]:
    if not shop_ids:
        return "", []
    return f" AND shop_id IN ({','.join('?' * len(shop_ids))})", list(shop_ids)


def day_rows(
    conn: sqlite3.Connection, first_day: int, last_day: int, shop_ids: Sequence[int] = ()
) -> list[DayRow]:
    """Per day from *first_day* to *last_day* (inclusive; missing days as zero rows)."""
    clause, params = _shop_clause(shop_ids)
    sums = ", ".join(f"sum({c})" for c in _SHOP_FIGURES)
    # (The columns are INTEGER NOT NULL: the sums come back as ints, no conversion needed.)
    found = {
        r[0]: DayRow(*r)
        for r in conn.execute(
            f"SELECT day, {sums} FROM {_m.SHOP_TABLE} WHERE day BETWEEN ? AND ?{clause}"
            " GROUP BY day",
            [first_day, last_day, *params],
        )
    }
    return [found.get(d) or DayRow(d) for d in range(first_day, last_day + 1)]


def shop_totals(conn: sqlite3.Connection, first_day: int, last_day: int) -> dict[int, DayRow]:
    """Per shop id, the figures summed over the days (``DayRow.day`` is the shop id)."""
    sums = ", ".join(f"sum({c})" for c in _SHOP_FIGURES)
    return {
        r[0]: DayRow(*r)
        for r in conn.execute(
            f"SELECT shop_id, {sums} FROM {_m.SHOP_TABLE} WHERE day BETWEEN ? AND ?"
            " GROUP BY shop_id",
            (first_day, last_day),
        )
    }


def top_products(
    conn: sqlite3.Connection,
    first_day: int,
    last_day: int,
    shop_ids: Sequence[int] = (),
    limit: int = 10,
) -> list[tuple[str, int, int, int]]:
    """(title, quantity, sales fen, lines) of the best-selling products by sales, most first."""
    clause, params = _shop_clause(shop_ids)
    # All shops: walk the title index of migration 12 (grouped as it is stored, no sort); one
    # shop: its (shop, day) key range.
    source = (
        f"{_m.PRODUCT_TABLE} INDEXED BY {PRODUCT_TITLE_INDEX}" if not clause else _m.PRODUCT_TABLE
    )
    return [
        (str(r[0]), int(r[1]), int(r[2]), int(r[3]))
        for r in conn.execute(
            f"SELECT title, sum(quantity), sum(sales_fen), sum(lines) FROM {source}"
            f" WHERE day BETWEEN ? AND ?{clause} GROUP BY title HAVING sum(lines) > 0"
            " ORDER BY 3 DESC, 1 LIMIT ?",
            [first_day, last_day, *params, limit],
        )
    ]


def supplier_totals(
    conn: sqlite3.Connection, first_day: int, last_day: int
) -> dict[int, tuple[int, int, int, int]]:
    """Per supplier id (0: not recorded): (orders, closed, shipped, cost fen) over the days."""
    return {
        int(r[0]): (int(r[1]), int(r[2]), int(r[3]), int(r[4]))
        for r in conn.execute(
            f"SELECT supplier_id, sum(orders), sum(closed), sum(shipped), sum(cost_fen)"
            f" FROM {_m.SUPPLIER_TABLE} WHERE day BETWEEN ? AND ? GROUP BY supplier_id"
            " HAVING sum(orders) > 0",
            (first_day, last_day),
        )
    }


_CANCELLED_SQL = "status IN ('cancelled', 'refunded', 'refunding')"


def _exact_counts(
    conn: sqlite3.Connection, start: int, end: int, shop_ids: Sequence[int]
) -> dict[int, tuple[int, int]]:
    clause, params = _shop_clause(shop_ids)
    return {
        int(r[0]): (int(r[1]), int(r[2]))
        for r in conn.execute(
            f"SELECT shop_id, count(*), coalesce(sum({_CANCELLED_SQL}), 0) FROM sales_order"
            f" WHERE created_at >= ? AND created_at < ?{clause} GROUP BY shop_id",
            [start, end, *params],
        )
    }


def _day_counts(
    conn: sqlite3.Connection, day: int, shops: Sequence[int]
) -> dict[int, tuple[int, int]]:
    clause, params = _shop_clause(shops)
    return {
        int(r[0]): (int(r[1]), int(r[2]))
        for r in conn.execute(
            f"SELECT shop_id, orders, cancelled FROM {_m.SHOP_TABLE} WHERE day = ?{clause}",
            [day, *params],
        )
    }


def _any_orders(conn: sqlite3.Connection, start: int, end: int) -> bool:
    return (
        conn.execute(
            "SELECT 1 FROM sales_order WHERE created_at >= ? AND created_at < ? LIMIT 1",
            (start, end),
        ).fetchone()
        is not None
    )


def _part_of_day(
    conn: sqlite3.Connection, day: int, start: int, end: int, shops: Sequence[int]
) -> dict[int, tuple[int, int]]:
    """Counts of ``[start, end)``, a part of *day* touching one of its ends.

    Reads the shorter of the part and the rest of the day from the orders (the rest is taken
    off the day's summary row), so at most half a day's orders are looked at.
    """
    lo, hi = day_start(day), day_start(day + 1)
    if start <= lo and end >= hi:
        return _day_counts(conn, day, shops)
    rest = (end, hi) if start <= lo else (lo, start)
    if rest[1] - rest[0] >= end - start:
        return _exact_counts(conn, start, end, shops)
    whole = _day_counts(conn, day, shops)
    if not _any_orders(conn, *rest):  # e.g. the rest of today: nothing was created yet
        return whole
    minus = _exact_counts(conn, rest[0], rest[1], shops)
    return {
        shop: (o - minus.get(shop, (0, 0))[0], c - minus.get(shop, (0, 0))[1])
        for shop, (o, c) in whole.items()
    }


def window_counts(
    conn: sqlite3.Connection, start: int, end: int, shop_ids: Iterable[int] = ()
) -> dict[int, tuple[int, int]]:
    """Per shop: (orders, cancelled) created in ``[start, end)`` (Unix times), exactly.

    Whole days come from the summary rows; the partial days at both ends from the summary row
    less the orders outside the window, or the orders inside it, whichever is the shorter span
    (the rest of today, after *end* = now, holds no orders and costs one index probe). The figure
    is exact to the second — the same as counting the orders one by one (the cancel wizard's
    "before" figure) — at a fraction of the cost.
    """
    shops = sorted(set(shop_ids))
    out: dict[int, list[int]] = {}

    def add(counts: dict[int, tuple[int, int]]) -> None:
        for shop, (orders, cancelled) in counts.items():
            acc = out.setdefault(shop, [0, 0])
            acc[0] += orders
            acc[1] += cancelled

    if end <= start:
        return {}
    first, last = day_of(start), day_of(end - 1)
    if first == last:
        add(_part_of_day(conn, first, start, end, shops))
    else:
        add(_part_of_day(conn, first, start, day_start(first + 1), shops))
        if last - first > 1:
            clause, params = _shop_clause(shops)
            add(
                {
                    int(r[0]): (int(r[1]), int(r[2]))
                    for r in conn.execute(
                        f"SELECT shop_id, sum(orders), sum(cancelled) FROM {_m.SHOP_TABLE}"
                        f" WHERE day BETWEEN ? AND ?{clause} GROUP BY shop_id",
                        [first + 1, last - 1, *params],
                    )
                }
            )
        add(_part_of_day(conn, last, day_start(last), end, shops))
    return {shop: (v[0], v[1]) for shop, v in out.items() if v[0] or v[1]}
