"""The order list's summary columns of ``sales_order``, derived from the supplier orders.

The order list reads denormalised columns (supplier status, 1688 order number, cost, fees,
profit, flags). :func:`refresh_order_summaries` is the one place that derives them; every
service that changes supplier orders (import, linking, the cancel wizard, purchasing) calls it
for the sales orders it touched."""

from __future__ import annotations

from collections.abc import Iterable

from ..domain.enums import (
    OPEN_CANCEL_STATES,
)
from ..domain.order_summary import DERIVED_FLAGS, SupplierSide, summarise
from ..store.db import connection
from .base import write_op

__all__ = ["refresh_order_summaries"]

_CANCEL_OPEN = tuple(s.value for s in OPEN_CANCEL_STATES)  # as SQL parameters
_CHUNK = 500


@write_op
def refresh_order_summaries(sales_order_ids: Iterable[int]) -> int:
    """Recompute the list columns of sales orders from their supplier orders.

    Derived columns: ``supplier_status`` and ``supplier_order_no`` (of the representative supplier
    order: the first live one, else the first), ``cost_fen``, ``dropship_fee_fen`` and
    ``shipping_fen`` (sums over the supplier orders that are not closed: a closed 1688 order costs
    nothing), ``profit_fen`` (sale − costs; for a closed or refunded sale, minus what live supplier
    orders still cost) and the stored flags (cancellation pending, refund pending, sides disagree,
    not ordered from the supplier). An order without any supplier order keeps its cost estimates.

    Runs inside the caller's transaction when there is one (import, linking, cancel wizard), so
    it can be called from any service; it writes no audit events (the values are derived).

    Args:
        sales_order_ids: The sales orders to recompute; unknown ids are ignored.

    Returns:
        How many sales orders were updated.
    """
    ids = sorted(set(sales_order_ids))
    updated = 0
    conn = connection()
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        orders = conn.execute(
            "SELECT id, status, sale_fen, cost_fen, dropship_fee_fen, shipping_fen, flags"
            f" FROM sales_order WHERE id IN ({marks})",
            chunk,
        ).fetchall()
        suppliers: dict[int, list[tuple[int, str, str | None, str | None, int, int, int, int]]] = {}
        for row in conn.execute(
            "SELECT sales_order_id, id, status, refund_status, order_id_1688, cost_fen,"
            " dropship_fee_fen, shipping_fen, paid_fen FROM supplier_order"
            f" WHERE sales_order_id IN ({marks}) ORDER BY id",
            chunk,
        ):
            suppliers.setdefault(row[0], []).append(row[1:])
        cancel_pending = {
            r[0]
            for r in conn.execute(
                "SELECT DISTINCT so.sales_order_id FROM cancellation_request cr"
                " JOIN supplier_order so ON so.id = cr.supplier_order_id"
                f" WHERE so.sales_order_id IN ({marks}) AND cr.state IN (?, ?, ?)",
                [*chunk, *_CANCEL_OPEN],
            )
        }
        updates = []
        for oid, status, sale, cost, fee, shipping, flags in orders:
            summary = summarise(
                status,
                sale,
                [SupplierSide(*s[1:]) for s in suppliers.get(oid, ())],
                estimate=(cost, fee, shipping),
                cancel_pending=oid in cancel_pending,
            )
            kept = int(flags) & ~int(DERIVED_FLAGS)
            updates.append((*summary[:6], kept | summary.flags, oid))
        conn.executemany(
            "UPDATE sales_order SET supplier_status = ?, supplier_order_no = ?, cost_fen = ?,"
            " dropship_fee_fen = ?, shipping_fen = ?, profit_fen = ?, flags = ? WHERE id = ?",
            updates,
        )
        updated += len(updates)
    return updated
