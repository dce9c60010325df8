"""The shop orders behind the queue to-do cards (migration 13): counts, rebuild and check.

Triggers keep ``todo_member`` current (see the migration's docstring); the bulk import adds its
blocks through ``daily_summary.BulkSummaries``. :func:`counts` is what the dashboard reads on
open: a count over the card index (a few thousand rows at a million orders, well under a
millisecond) instead of checking each queued order for a live 1688 order.
"""

from __future__ import annotations

import sqlite3

from .migrations import m0013_todo_members as _m

__all__ = ["AWAITING", "TO_PLACE", "TO_SEND", "count", "differences", "due_count", "rebuild"]

TO_PLACE = _m.TO_PLACE
TO_SEND = _m.TO_SEND
AWAITING = _m.AWAITING


def count(conn: sqlite3.Connection, card: str) -> int:
    """How many shop orders *card* holds (one row of ``todo_count``)."""
    row = conn.execute(f"SELECT n FROM {_m.COUNT_TABLE} WHERE card = ?", (card,)).fetchone()
    return int(row[0]) if row is not None else 0


def due_count(conn: sqlite3.Connection, card: str, before: int) -> int:
    """How many of *card*'s orders must ship before *before* (or already had to)."""
    return int(
        conn.execute(
            f"SELECT count(*) FROM {_m.TABLE} INDEXED BY {_m.CARD_INDEX}"
            " WHERE card = ? AND ship_by < ?",
            (card, before),
        ).fetchone()[0]
    )


def add_orders(conn: sqlite3.Connection, order_ids: str) -> None:
    """Add the memberships of new shop orders selected by the SQL *order_ids* (bulk import)."""
    for statement in _m.insert_sql(order_ids):
        # (OR IGNORE, never OR REPLACE: a replaced row would fire no delete trigger.)
        conn.execute(statement.replace("INSERT INTO", "INSERT OR IGNORE INTO", 1))


def rebuild(conn: sqlite3.Connection) -> int:
    """Refill the table from the orders (inside the caller's transaction); its rows after."""
    conn.execute(f"DELETE FROM {_m.TABLE}")
    conn.execute(f"DELETE FROM {_m.COUNT_TABLE}")
    for statement in _m.FILL:
        conn.execute(statement)
    return int(conn.execute(f"SELECT count(*) FROM {_m.TABLE}").fetchone()[0])


def _fresh(conn: sqlite3.Connection) -> set[tuple[int, str, int | None]]:
    out: set[tuple[int, str, int | None]] = set()
    for card, condition in _m.MEMBERSHIP.items():
        out.update(
            (int(r[0]), card, r[1])
            for r in conn.execute(f"SELECT o.id, o.ship_by FROM sales_order o WHERE {condition}")
        )
    return out


def differences(conn: sqlite3.Connection) -> list[str]:
    """Where the stored memberships differ from the rule applied to every order, or the stored
    counts from the member rows (empty: they agree).

    Reads the whole order table (a second or two at a million orders); call it inside a read
    transaction for a consistent answer.
    """
    stored = {
        (int(r[0]), str(r[1]), r[2])
        for r in conn.execute(f"SELECT sales_order_id, card, ship_by FROM {_m.TABLE}")
    }
    fresh = _fresh(conn)
    found = [
        f"{_m.TABLE} {row}: stored, not by the rule" for row in sorted(stored - fresh, key=repr)
    ]
    found += [f"{_m.TABLE} {row}: missing" for row in sorted(fresh - stored, key=repr)]
    # The counts against the member rows (a missing count row is a zero).
    counted = {str(c): int(n) for c, n in conn.execute(_m.COUNT_SQL)}
    kept = {str(c): int(n) for c, n in conn.execute(f"SELECT card, n FROM {_m.COUNT_TABLE}")}
    for card in sorted(set(counted) | set(kept)):
        if kept.get(card, 0) != counted.get(card, 0):
            found.append(
                f"{_m.COUNT_TABLE} {card}: stored {kept.get(card, 0)}, counted"
                f" {counted.get(card, 0)}"
            )
    return found
