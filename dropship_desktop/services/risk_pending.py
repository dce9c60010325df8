"""Buyer keys of a big import, written after its commit.

A big import scores its new orders from memory (``risk_engine.RiskBatch.prepare``). Their
``risk_key`` rows — one per order, ~7 MB of table pages per 100,000 orders — are only needed by
later look-ups, yet writing them inside the import's transaction cost it ~0.2 s (the insert,
and the commit writing and syncing the pages). So the import leaves them here instead
(:func:`defer_keys`): the rows stay in memory and the transaction stores a small marker in
``risk_state`` (``pending_keys``: a token and the range of order ids). The background
maintenance after the commit (:data:`~dropship_desktop.store.db.MAINTENANCE_TASKS`) writes
them in a transaction of its own (:func:`flush_pending_keys`).

Until it has, ``risk_key`` plus the pending rows is the key table:

* scoring on the writing connection (``RiskBatch``, the buyer-history events) adds the pending
  rows to what it reads (:func:`pending_rows`, :func:`pending_matches`);
* every other reader of ``risk_key`` (the next import, blacklist matching, the backfill of
  unscored orders, a full rescore) writes them first (:func:`flush_pending_keys`,
  :func:`write_pending_keys`).

The marker is the truth, the memory only a shortcut: after a crash (a marker, no rows in this
process) the rows are made again from the orders themselves (:func:`_rows_from_orders`, the
import's own key function). Rows written for an order after its import (a rescore after an
edit) are newer than the pending ones: a flush never replaces a stored row.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import uuid
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import Any

from ..store import db as _db
from ..store import kept_rows
from ..store.bulk_orders import RISK_KEY_COLUMNS
from .base import write_op
from .risk_keys import column_keys, load_context, scored_receiver

__all__ = [
    "defer_keys",
    "flush_pending_keys",
    "pending_matches",
    "pending_rows",
    "pending_window_rows",
    "write_pending_keys",
]

log = logging.getLogger(__name__)

# Never replaces a row: one written after the import (a rescore) is the newer.
_INSERT_SQL = (
    f"INSERT OR IGNORE INTO risk_key ({', '.join(RISK_KEY_COLUMNS)})"
    f" VALUES ({', '.join('?' * len(RISK_KEY_COLUMNS))})"
)
_MARKER = "pending_keys"


def _database(conn: Any) -> str:
    row = conn.execute("PRAGMA database_list").fetchone()
    return os.path.realpath(str(row[2])) if row is not None and row[2] else f"memory:{id(conn)}"


def _marker(conn: Any) -> dict[str, Any] | None:
    row = conn.execute("SELECT value FROM risk_state WHERE name = ?", (_MARKER,)).fetchone()
    return json.loads(row[0]) if row is not None else None


def defer_keys(conn: Any, rows: Sequence[tuple[int, ...]]) -> None:
    """Leave the ``risk_key`` rows of a batch of new orders to be written after the commit
    (inside the caller's write transaction, which must have written the orders).

    Args:
        rows: (created_at, order_id, phone, address, name, buyer, member, name+phone) rows of
            orders with ids in one range, none of them keyed yet.
    """
    if not rows:
        return
    flush_pending_keys(conn)  # (one batch pending at a time: normally nothing to do)
    rows = sorted(rows)  # in key order: the later insert goes into neighbouring pages
    ids = [r[1] for r in rows]
    marker = {"token": uuid.uuid4().hex, "first": min(ids), "last": max(ids)}
    conn.execute(
        "INSERT OR REPLACE INTO risk_state (name, value) VALUES (?, ?)",
        (_MARKER, json.dumps(marker)),
    )
    kept_rows.keep(_database(conn), marker["token"], rows)


def pending_rows(conn: Any) -> Sequence[tuple[int, ...]]:
    """The pending ``risk_key`` rows as *conn* sees the database (empty when none are): the
    rows kept in memory, or, after a crash, made again from the orders."""
    marker = _marker(conn)
    if marker is None:
        kept_rows.forget(_database(conn))  # written meanwhile (or rolled back)
        return []
    return _rows_of(conn, marker)


def _rows_of(conn: Any, marker: dict[str, Any]) -> Sequence[tuple[int, ...]]:
    path = _database(conn)
    token = str(marker["token"])
    rows = kept_rows.kept(path, token)
    if rows is None:
        rows = _rows_from_orders(conn, int(marker["first"]), int(marker["last"]))
        kept_rows.keep(path, token, rows)
    return rows


#: Positions of the phone, address and member keys in a row (the keys compared across orders).
_COMPARED = (2, 3, 6)


def pending_matches(
    conn: Any,
    keys: set[int],
    low: int | None = None,
    high: int | None = None,
    *,
    columns: Sequence[int] = _COMPARED,
) -> list[tuple[int, ...]]:
    """The pending rows created in [*low*, *high*] with a key in *keys* (phone, address or
    member; or the row *columns* given), leaving out orders stored since (a rescore wrote a
    newer row)."""
    rows = pending_rows(conn)
    if not rows or not keys:
        return []
    start = 0 if low is None else bisect_left(rows, (low,))
    end = len(rows) if high is None else bisect_right(rows, (high + 1,))
    part = rows[start:end]
    if tuple(columns) == _COMPARED:  # (spelled out: ~3x faster than any() over 100k rows)
        found = [r for r in part if r[2] in keys or r[3] in keys or r[6] in keys]
    else:
        found = [r for r in part if any(r[c] in keys for c in columns)]
    if not found:
        return []
    stored = {
        int(r[0])
        for r in conn.execute(
            "SELECT k.order_id FROM json_each(?) j JOIN risk_key k"
            " ON k.at = j.value ->> 0 AND k.order_id = j.value ->> 1",
            (json.dumps([[r[0], r[1]] for r in found]),),
        )
    }
    return [r for r in found if r[1] not in stored] if stored else found


def pending_window_rows(
    conn: Any, keys: set[int], low: int, high: int
) -> list[tuple[int | str, ...]]:
    """:func:`pending_matches` as the window scan (``RiskBatch._windows``) reads stored rows:
    (at, order_id, phone, address, name, buyer, member, the order's risk rules)."""
    found = pending_matches(conn, keys, low, high)
    if not found:
        return []
    rules = {
        int(i): str(r)
        for i, r in conn.execute(
            "SELECT id, risk_rules FROM sales_order WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps([r[1] for r in found]),),
        )
    }
    return [(*r[:7], rules.get(r[1], "")) for r in found]


def flush_pending_keys(conn: Any) -> int:
    """Write the pending ``risk_key`` rows, if any; returns how many were pending.

    Inside the caller's write transaction if *conn* is in one, else in one of its own (the
    background maintenance: *conn* in autocommit mode). Cheap when nothing is pending (one
    look-up).
    """
    marker = _marker(conn)
    if marker is None:
        kept_rows.forget(_database(conn))
        return 0
    if conn.in_transaction:
        return _flush(conn, marker)
    conn.execute("BEGIN IMMEDIATE")
    try:
        # Again, now holding the write lock: another connection may have written them meanwhile.
        marker = _marker(conn)
        written = _flush(conn, marker) if marker is not None else 0
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    kept_rows.forget(_database(conn))
    return written


def write_pending_keys() -> int:
    """:func:`flush_pending_keys` on this thread's connection: inside the caller's transaction,
    or in a write transaction of its own (none when nothing is pending)."""
    conn = _db.connection()
    if conn.in_transaction:
        return flush_pending_keys(conn)
    if _db.is_read_only() or _marker(conn) is None:
        return 0  # (a database opened read-only is only looked at: nothing is scored)
    return _write_op_flush()


@write_op
def _write_op_flush() -> int:
    return flush_pending_keys(_db.connection())


def _flush(conn: Any, marker: dict[str, Any]) -> int:
    rows = _rows_of(conn, marker)
    conn.executemany(_INSERT_SQL, rows)
    conn.execute("DELETE FROM risk_state WHERE name = ?", (_MARKER,))
    return len(rows)


_ORDERS_SQL = (
    "SELECT o.id, o.created_at, o.buyer_name, o.buyer_phone, o.ship_address, o.buyer_member,"
    " o.buyer_hidden, o.buyer_data_removed FROM sales_order o WHERE o.id BETWEEN ? AND ?"
    " AND NOT EXISTS (SELECT 1 FROM risk_key k WHERE k.at = o.created_at AND k.order_id = o.id)"
    " ORDER BY o.created_at, o.id"
)


def _rows_from_orders(conn: Any, first: int, last: int) -> list[tuple[int, ...]]:
    """The ``risk_key`` rows of the orders *first*..*last* not keyed yet, made from the
    stored orders as the import made them (``RiskBatch.add_rows``)."""
    seeds = load_context(conn, bitmaps=False).seeds
    orders = conn.execute(_ORDERS_SQL, (first, last)).fetchall()
    if not orders:
        return []
    receivers = [
        scored_receiver(name or "", phone or "", address or "", hidden or 0)
        if not removed
        else ("", "", "")
        for _, _, name, phone, address, _, hidden, removed in orders
    ]
    names, phones, addresses = (list(c) for c in zip(*receivers, strict=True))
    members = [(o[5] or "") if not o[7] else "" for o in orders]
    keys = column_keys(names, phones, addresses, seeds, members)
    return [(int(o[1]), int(o[0]), *k) for o, k in zip(orders, keys, strict=True)]


def flush_in_background(conn: sqlite3.Connection) -> None:
    """The background maintenance's task (its own connection, autocommit)."""
    written = flush_pending_keys(conn)
    if written:
        log.debug("wrote %d pending buyer-key rows", written)


_db.MAINTENANCE_TASKS.insert(0, flush_in_background)  # first: look-ups wait for these
