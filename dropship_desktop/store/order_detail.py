"""Everything about one order for the detail pane, and the lookups beside the order list
(supplier orders awaiting a match, an order by its number, the filter bar's choices)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..domain.masking import mask_address, mask_message, mask_name, mask_phone
from ..domain.timeutil import now_epoch
from .db import db
from .order_sql import FLAGS_SQL, NEAR_S, marks

__all__ = [
    "OrderDetail",
    "filter_choices",
    "find_sales_orders",
    "order_detail",
    "supplier_order_ids_of",
    "unmatched_supplier_orders",
]


@dataclass(frozen=True)
class OrderDetail:
    """One sales order for the detail pane. Buyer fields are masked (see ``reveal_buyer_data``).

    ``order`` maps column names to values; ``lines``, ``supplier_orders``, ``timeline`` and
    ``cancellations`` are lists of dicts.
    """

    order: dict[str, object]
    lines: list[dict[str, object]]
    supplier_orders: list[dict[str, object]]
    timeline: list[dict[str, object]]
    cancellations: list[dict[str, object]]


def _dicts(sql: str, params: Sequence[object]) -> list[dict[str, object]]:
    cursor = db.execute_sql(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def order_detail(sales_order_id: int, now: int | None = None) -> OrderDetail | None:
    """Everything the detail pane shows about one order, or None when it no longer exists."""
    now = now if now is not None else now_epoch()
    orders = _dicts(
        "SELECT o.id, s.name AS shop, s.platform, o.shop_order_no, o.status, o.buyer_name,"
        " o.buyer_phone, o.ship_address, o.payment_method, o.sale_fen, o.quantity,"
        " o.product_summary, o.cost_fen, o.dropship_fee_fen, o.shipping_fen, o.profit_fen,"
        " o.supplier_status, o.supplier_order_no, o.carrier, o.tracking_no, o.created_at,"
        f" o.paid_at, o.ship_by, {FLAGS_SQL} AS flags, o.remark, o.buyer_data_removed,"
        " o.buyer_hidden, o.risk_level, o.risk_rules, o.risk_checked, o.buyer_member,"
        " o.buyer_message"
        " FROM sales_order o JOIN shop s ON s.id = o.shop_id WHERE o.id = ?",
        [now, now + NEAR_S, sales_order_id],
    )
    if not orders:
        return None
    order = orders[0]
    # Masked here, in the store, so full buyer data only ever leaves through the audited reveal.
    order["buyer_name"] = mask_name(str(order["buyer_name"]))
    order["buyer_phone"] = mask_phone(str(order["buyer_phone"]))
    order["ship_address"] = mask_address(str(order["ship_address"]))
    order["buyer_member"] = mask_name(str(order["buyer_member"]))
    order["buyer_message"] = mask_message(str(order["buyer_message"]))
    if order["risk_rules"]:  # the thresholds the explanations name (fraud checks)
        row = db.execute_sql("SELECT value FROM risk_state WHERE name = 'settings'").fetchone()
        order["risk_settings"] = row[0] if row is not None else None
    lines = _dicts(
        "SELECT id, title, sku, spec, quantity, unit_price_fen FROM sales_order_line"
        " WHERE sales_order_id = ? ORDER BY id",
        [sales_order_id],
    )
    supplier_orders = _dicts(
        "SELECT so.id, so.order_id_1688, so.status, so.refund_status, so.product_title,"
        " so.quantity, so.cost_fen, so.dropship_fee_fen, so.shipping_fen, so.paid_fen,"
        " so.carrier, so.tracking_no, so.created_at, so.paid_at, sup.name AS supplier,"
        " so.downstream_order_no, so.downstream_channel, so.is_dropship, so.batch_no"
        " FROM supplier_order so LEFT JOIN supplier sup ON sup.id = so.supplier_id"
        " WHERE so.sales_order_id = ? ORDER BY so.id",
        [sales_order_id],
    )
    for supplier_order in supplier_orders:  # the goods lines of a 1688 buyer export
        supplier_order["lines"] = _dicts(
            "SELECT line_no, title, spec, offer_id_1688, sku_id_1688, item_code, quantity,"
            " unit_price_fen FROM supplier_order_line WHERE supplier_order_id = ?"
            " ORDER BY line_no",
            [supplier_order["id"]],
        )
    timeline = _dicts(
        "SELECT id, at, actor, entity, entity_id, action, before, after FROM audit_event"
        " WHERE sales_order_id = ? ORDER BY at, id",
        [sales_order_id],
    )
    cancellations = _dicts(
        "SELECT cr.id, so.order_id_1688, cr.attempt, cr.action, cr.reason_code, cr.reason_text,"
        " cr.remark, cr.state, cr.error_code, cr.created_at, cr.submitted_at, cr.finished_at"
        " FROM cancellation_request cr JOIN supplier_order so ON so.id = cr.supplier_order_id"
        " WHERE so.sales_order_id = ? ORDER BY cr.created_at, cr.id",
        [sales_order_id],
    )
    return OrderDetail(order, lines, supplier_orders, timeline, cancellations)


# -- reconciliation and filter choices ---------------------------------------------------------


def unmatched_supplier_orders() -> list[tuple[object, ...]]:
    """Supplier orders awaiting a match (no sales order), newest first.

    Rows: (id, order_id_1688, status, supplier name, product title, quantity, paid_fen,
    created_at, masked recipient name).
    """
    rows = db.execute_sql(
        "SELECT so.id, so.order_id_1688, so.status, sup.name, so.product_title, so.quantity,"
        " so.paid_fen, so.created_at, so.recipient_name FROM supplier_order so"
        " LEFT JOIN supplier sup ON sup.id = so.supplier_id"
        " WHERE so.sales_order_id IS NULL ORDER BY so.created_at DESC, so.id DESC"
    ).fetchall()
    return [(*r[:8], mask_name(r[8] or "")) for r in rows]


def supplier_order_ids_of(
    sales_order_ids: Sequence[int], account_id: int | None = None
) -> list[int]:
    """The supplier orders of some sales orders (the cancel wizard works on those), by id.

    Args:
        sales_order_ids: The sales orders.
        account_id: Only those placed through this distribution account (or through none).
    """
    found: list[int] = []
    wanted = sorted(set(sales_order_ids))
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        sql = f"SELECT id FROM supplier_order WHERE sales_order_id IN ({marks(chunk)})"
        params: list[object] = list(chunk)
        if account_id is not None:
            sql += " AND (account_id = ? OR account_id IS NULL)"
            params.append(account_id)
        found.extend(int(r[0]) for r in db.execute_sql(sql + " ORDER BY id", params))
    return found


def find_sales_orders(order_no: str) -> list[tuple[object, ...]]:
    """Sales orders whose shop order number is exactly *order_no* (any shop).

    Rows: (id, shop name, shop_order_no, status, created_at).
    """
    return db.execute_sql(
        "SELECT o.id, s.name, o.shop_order_no, o.status, o.created_at FROM sales_order o"
        " JOIN shop s ON s.id = o.shop_id WHERE o.shop_order_no = ? ORDER BY o.id",
        (order_no.strip(),),
    ).fetchall()


def filter_choices() -> dict[str, list[tuple[object, ...]]]:
    """Shops (id, name) and suppliers (id, name) for the filter bar."""
    return {
        "shops": db.execute_sql("SELECT id, name FROM shop ORDER BY name").fetchall(),
        "suppliers": db.execute_sql("SELECT id, name FROM supplier ORDER BY name").fetchall(),
    }
