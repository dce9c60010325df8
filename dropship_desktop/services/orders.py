"""Order use cases: revealing buyer data, linking supplier orders.

The summary columns are derived in :mod:`.order_summaries`.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..domain.timeutil import now_epoch
from ..errors import UserError
from ..i18n import QT_TRANSLATE_NOOP
from ..store.db import execute_sql
from .base import Changes, audit, write_op
from .order_summaries import refresh_order_summaries

__all__ = [
    "BuyerData",
    "link_supplier_order",
    "refresh_order_summaries",  # re-exported: its callers predate order_summaries
    "reveal_buyer_data",
]


@dataclass(frozen=True)
class BuyerData:
    """A sales order's buyer data in full (only ever produced by an audited reveal)."""

    sales_order_id: int
    buyer_name: str
    buyer_phone: str
    ship_address: str
    buyer_message: str = ""
    buyer_member: str = ""

    def __repr__(self) -> str:  # never let the values reach a log line by accident
        return f"BuyerData(sales_order_id={self.sales_order_id}, <hidden>)"


@write_op
def reveal_buyer_data(sales_order_id: int) -> BuyerData:
    """Return the full buyer name, phone and address of an order and record that they were shown.

    The audit event says *that* the data was revealed, never the values.

    Raises:
        UserError: The order does not exist, or its buyer data was removed.
    """
    row = execute_sql(
        "SELECT buyer_name, buyer_phone, ship_address, buyer_data_removed, buyer_message,"
        " buyer_member FROM sales_order WHERE id = ?",
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
        after={
            "fields": ["buyer_name", "buyer_phone", "ship_address", "buyer_message", "buyer_member"]
        },
        sales_order_id=sales_order_id,
    )
    return BuyerData(sales_order_id, row[0], row[1], row[2], row[4] or "", row[5] or "")


@write_op
def link_supplier_order(supplier_order_id: int, sales_order_id: int) -> Changes:
    """Link a 1688 supplier order that matched no sales order to *sales_order_id* by hand.

    The sales order's summary columns (1688 status, order id, cost, fees, profit, flags) are
    recomputed from all of its supplier orders.

    Raises:
        UserError: Either order does not exist, or the supplier order already belongs to another
            sales order.
    """
    so = execute_sql(
        "SELECT sales_order_id, order_id_1688 FROM supplier_order WHERE id = ?",
        (supplier_order_id,),
    ).fetchone()
    if so is None:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors", "This supplier order no longer exists; it may have been deleted."
            )
        )
    target = execute_sql(
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
        other = execute_sql(
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
    execute_sql(
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
