"""Order use cases: revealing buyer data, linking supplier orders, recomputing order summaries.

The order list reads denormalised summary columns of ``sales_order`` (supplier status, 1688 order
number, cost, fees, profit, flags). :func:`refresh_order_summaries` is the one place that derives
them from the supplier orders; every service that changes supplier orders (import, linking, the
cancel wizard) calls it for the sales orders it touched.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..domain.enums import (
    CLOSED_1688_STATUSES,
    OPEN_CANCEL_STATES,
    OPEN_REFUND_STATUSES,
    SALE_LOST_STATUSES,
    SalesStatus,
)
from ..domain.orders import OrderFlag, is_mismatch
from ..domain.timeutil import now_epoch
from ..errors import UserError
from ..i18n import QT_TRANSLATE_NOOP
from ..store.db import db
from .base import Changes, audit, write_op

__all__ = [
    "BuyerData",
    "link_supplier_order",
    "refresh_order_summaries",
    "reveal_buyer_data",
]

_CANCEL_OPEN = tuple(s.value for s in OPEN_CANCEL_STATES)  # as SQL parameters
# Flags derived here; the rest (none today) would be kept as they are.
_DERIVED = (
    OrderFlag.CANCEL_PENDING
    | OrderFlag.REFUND_PENDING
    | OrderFlag.MISMATCH
    | OrderFlag.NO_SUPPLIER_ORDER
)
_CHUNK = 500


@dataclass(frozen=True)
class BuyerData:
    """A sales order's buyer data in full (only ever produced by an audited reveal)."""

    sales_order_id: int
    buyer_name: str
    buyer_phone: str
    ship_address: str

    def __repr__(self) -> str:  # never let the values reach a log line by accident
        return f"BuyerData(sales_order_id={self.sales_order_id}, <hidden>)"


@write_op
def reveal_buyer_data(sales_order_id: int) -> BuyerData:
    """Return the full buyer name, phone and address of an order and record that they were shown.

    The audit event says *that* the data was revealed, never the values.

    Raises:
        UserError: The order does not exist, or its buyer data was removed.
    """
    row = db.execute_sql(
        "SELECT buyer_name, buyer_phone, ship_address, buyer_data_removed FROM sales_order"
        " WHERE id = ?",
        (sales_order_id,),
    ).fetchone()
    if row is None:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "This order no longer exists; it may have been deleted.")
        )
    if row[3]:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The buyer data of this order was removed (personal data deletion); it cannot be "
                "shown any more.",
            )
        )
    audit(
        "sales_order",
        sales_order_id,
        "reveal_buyer_data",
        after={"fields": ["buyer_name", "buyer_phone", "ship_address"]},
        sales_order_id=sales_order_id,
    )
    return BuyerData(sales_order_id, row[0], row[1], row[2])


@write_op
def link_supplier_order(supplier_order_id: int, sales_order_id: int) -> Changes:
    """Link a 1688 supplier order that matched no sales order to *sales_order_id* by hand.

    The sales order's summary columns (1688 status, order id, cost, fees, profit, flags) are
    recomputed from all of its supplier orders.

    Raises:
        UserError: Either order does not exist, or the supplier order already belongs to another
            sales order.
    """
    so = db.execute_sql(
        "SELECT sales_order_id, order_id_1688 FROM supplier_order WHERE id = ?",
        (supplier_order_id,),
    ).fetchone()
    if so is None:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors", "This supplier order no longer exists; it may have been deleted."
            )
        )
    target = db.execute_sql(
        "SELECT shop_order_no FROM sales_order WHERE id = ?", (sales_order_id,)
    ).fetchone()
    if target is None:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors", "The sales order no longer exists; it may have been deleted."
            )
        )
    if so[0] == sales_order_id:
        return Changes.of(
            message=QT_TRANSLATE_NOOP(
                "Messages", "The supplier order already belongs to this order."
            )
        )
    if so[0] is not None:
        other = db.execute_sql(
            "SELECT shop_order_no FROM sales_order WHERE id = ?", (so[0],)
        ).fetchone()
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "1688 order {order} already belongs to order {other}. Only supplier orders "
                "awaiting a match can be linked.",
            ),
            order=so[1] or supplier_order_id,
            other=other[0] if other else so[0],
        )
    db.execute_sql(
        "UPDATE supplier_order SET sales_order_id = ?, updated_at = ? WHERE id = ?",
        (sales_order_id, now_epoch(), supplier_order_id),
    )
    refresh_order_summaries([sales_order_id])
    from .purchasing import on_supplier_orders_linked  # fulfilment learns from the link

    on_supplier_orders_linked([sales_order_id])
    audit(
        "supplier_order",
        supplier_order_id,
        "link",
        before={"sales_order_id": None},
        after={"sales_order_id": sales_order_id, "shop_order_no": target[0]},
        sales_order_id=sales_order_id,
    )
    return Changes.of(
        "supplier_order",
        "sales_order",
        ids={"supplier_order": [supplier_order_id], "sales_order": [sales_order_id]},
        message=QT_TRANSLATE_NOOP("Messages", "Supplier order linked."),
    )


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
    conn = db.connection()
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
            linked = suppliers.get(oid, [])
            live = [s for s in linked if s[1] not in CLOSED_1688_STATUSES]
            new_flags = int(flags) & ~int(_DERIVED)
            if linked:
                rep = live[0] if live else linked[0]
                supplier_status, supplier_no = rep[1], rep[3]
                cost = sum(s[4] for s in live)
                fee = sum(s[5] for s in live)
                shipping = sum(s[6] for s in live)
            else:
                supplier_status = supplier_no = None
                if status == SalesStatus.PAID.value:
                    new_flags |= OrderFlag.NO_SUPPLIER_ORDER
            # What was really paid on 1688 (实付款) once known, else the estimate (fulfilment).
            real = [s[7] if s[7] > 0 else s[4] + s[5] + s[6] for s in live]
            spent = sum(real) if linked else cost + fee + shipping
            profit = (-spent if live else 0) if status in SALE_LOST_STATUSES else sale - spent
            if any(s[2] in OPEN_REFUND_STATUSES for s in live):
                new_flags |= OrderFlag.REFUND_PENDING
            if oid in cancel_pending:
                new_flags |= OrderFlag.CANCEL_PENDING
            if is_mismatch(status, supplier_status):
                new_flags |= OrderFlag.MISMATCH
            updates.append(
                (supplier_status, supplier_no, cost, fee, shipping, profit, int(new_flags), oid)
            )
        conn.executemany(
            "UPDATE sales_order SET supplier_status = ?, supplier_order_no = ?, cost_fen = ?,"
            " dropship_fee_fen = ?, shipping_fen = ?, profit_fen = ?, flags = ? WHERE id = ?",
            updates,
        )
        updated += len(updates)
    return updated
