"""Buyer events for the fraud checks: refunds, returns and complaints recorded per buyer key."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from ...domain.timeutil import now_epoch
from ...store.db import connection
from ..base import Changes, write_op
from ..risk_engine import (
    load_context,
    score_order_ids,
)
from ..risk_pending import pending_matches, pending_rows
from .scoring import EVENT_KINDS, RESCORE_RECENT_DAYS

__all__ = ["record_buyer_event", "record_buyer_events", "record_refund_statuses"]


_KEYS_SQL = (
    "SELECT o.id, o.created_at, k.phone, k.address, k.member FROM json_each(?) j"
    " JOIN sales_order o ON o.id = j.value"
    " LEFT JOIN risk_key k ON k.at = o.created_at AND k.order_id = o.id"
)


def _keys_of(conn: Any, order_ids: Sequence[int]) -> dict[int, tuple[int, int, int, int]]:
    """(created_at, phone, address, member) keys of orders, scoring those never scored."""
    rows = conn.execute(_KEYS_SQL, (json.dumps(list(order_ids)),)).fetchall()
    missing = {int(r[0]) for r in rows if r[2] is None}
    if missing:  # a big import's keys may not be stored yet
        pending = {r[1]: r for r in pending_rows(conn) if r[1] in missing}
        if pending:
            rows = [
                (r[0], r[1], *(pending[r[0]][i] for i in (2, 3, 6))) if r[0] in pending else r
                for r in rows
            ]
            missing -= pending.keys()
    if missing:
        score_order_ids(conn, missing, new=True)
        rows = conn.execute(_KEYS_SQL, (json.dumps(list(order_ids)),)).fetchall()
    return {
        int(oid): (int(at), int(p), int(a), int(m)) for oid, at, p, a, m in rows if p is not None
    }


def _record_events(
    conn: Any, events: Sequence[tuple[int, str, str, int, int | None, bool]]
) -> set[int]:
    """Write events (order, kind, source, at, due_at, open); rescore the buyers' recent orders."""
    if not events:
        return set()
    keys = _keys_of(conn, sorted({e[0] for e in events}))
    ctx = load_context(conn)
    rows = []
    for order_id, kind, source, at, due_at, is_open in events:
        k = keys.get(order_id)
        if k is None:
            continue
        rows.append((order_id, kind, source, at, due_at, int(is_open), k[1], k[2], k[3]))
        assert ctx.events is not None
        ctx.events.test_and_set_many([key for key in k[1:] if key])
    conn.executemany(
        "INSERT INTO risk_event (order_id, kind, source, at, due_at, open, phone, address,"
        " member) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (order_id, kind, source) DO"
        " UPDATE SET due_at = excluded.due_at, open = excluded.open",
        rows,
    )
    ctx.events.save()  # type: ignore[union-attr]
    # The buyers' recent orders (history is about other orders of the same buyer).
    wanted = {key for k in keys.values() for key in k[1:] if key}
    affected = set(keys)
    if wanted:
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS risk_wanted (key INTEGER PRIMARY KEY)")
        conn.execute("DELETE FROM temp.risk_wanted")
        conn.executemany(
            "INSERT OR IGNORE INTO temp.risk_wanted VALUES (?)", [(k,) for k in wanted]
        )
        # Recent orders (and those near the event's order): an old, settled order's level
        # matters little, and the scan stays a short range of the time-ordered key table.
        since = min([now_epoch(), *(k[0] for k in keys.values())]) - RESCORE_RECENT_DAYS * 86400
        affected.update(
            r[0]
            for r in conn.execute(
                "SELECT order_id FROM risk_key WHERE at >= ? AND (phone IN temp.risk_wanted"
                " OR address IN temp.risk_wanted OR member IN temp.risk_wanted)",
                (since,),
            )
        )
        conn.execute("DELETE FROM temp.risk_wanted")
        affected.update(r[1] for r in pending_matches(conn, wanted, since))
    return score_order_ids(conn, affected, ctx=load_context(conn)) | set(keys)


def record_refund_statuses(conn: Any, order_ids: Iterable[int]) -> set[int]:
    """Record a refund in the buyers' history for those of *order_ids* now refunding/refunded.

    Called by services that change sales statuses (the import), inside their transaction.
    Returns the ids whose risk changed.
    """
    ids = sorted(set(order_ids))
    if not ids:
        return set()
    now = now_epoch()
    events = []
    for start in range(0, len(ids), 900):
        part = ids[start : start + 900]
        marks = ",".join("?" * len(part))
        for oid, updated in conn.execute(
            f"SELECT id, updated_at FROM sales_order WHERE id IN ({marks}) AND status IN"
            " ('refunding', 'refunded')",
            part,
        ):
            events.append((int(oid), "refund", "status", int(updated or now), None, False))
    return _record_events(conn, events)


@write_op
def record_buyer_event(
    sales_order_id: int,
    kind: str,
    *,
    source: str = "case",
    at: int | None = None,
    due_at: int | None = None,
    is_open: bool = False,
) -> Changes:
    """Record what a buyer did on an order, for the fraud checks (after-sales cases call this).

    Args:
        kind: ``refund``, ``refund_only`` (仅退款), ``dispute`` or ``complaint``.
        source: Who recorded it (one event per order, kind and source; again updates it).
        due_at: For an open dispute: the platform's response deadline (epoch seconds); the
            order is high risk while it is open and due within the seller's hours.
        is_open: Whether the dispute is still open (close it by recording it again closed).
    """
    if kind not in EVENT_KINDS:
        raise ValueError(kind)
    changed = _record_events(
        connection(),
        [(sales_order_id, kind, source, at if at is not None else now_epoch(), due_at, is_open)],
    )
    return Changes.of("sales_order", ids={"sales_order": changed})


def record_buyer_events(events: Iterable[tuple[int, str, str, int, int | None, bool]]) -> set[int]:
    """Many :func:`record_buyer_event` at once, in the caller's transaction (an import).

    Each event is ``(sales_order_id, kind, source, at, due_at, is_open)``; returns the orders
    whose level or rules may have changed.
    """
    rows = list(events)
    for row in rows:
        if row[1] not in EVENT_KINDS:
            raise ValueError(row[1])
    return _record_events(connection(), rows)
