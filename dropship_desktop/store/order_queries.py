"""Order-list queries: the ordered ids of a filter, and rows by page.

The list never holds ORM objects: :func:`order_ids` materialises the ids of the current filter and
sort in SQL, :func:`fetch_rows` reads one page of display tuples for given ids.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field

from .db import db

__all__ = ["LIST_COLUMNS", "SORT_COLUMNS", "OrderFilter", "count_orders", "fetch_rows", "order_ids"]

#: The columns :func:`fetch_rows` returns, in order (after the id).
LIST_COLUMNS: tuple[str, ...] = (
    "shop",
    "shop_order_no",
    "created_at",
    "paid_at",
    "buyer_name",
    "product_summary",
    "quantity",
    "sale_fen",
    "cost_fen",
    "dropship_fee_fen",
    "profit_fen",
    "status",
    "supplier_status",
    "supplier_order_no",
    "carrier",
    "tracking_no",
    "ship_by",
    "flags",
)

_SELECT_SQL = {
    "shop": "(SELECT name FROM shop WHERE shop.id = o.shop_id)",
}

#: Column key → SQL expression it sorts by (every key here is sortable).
SORT_COLUMNS: dict[str, str] = {
    "shop_order_no": "o.shop_order_no",
    "created_at": "o.created_at",
    "paid_at": "o.paid_at",
    "buyer_name": "o.buyer_name",
    "product_summary": "o.product_summary",
    "quantity": "o.quantity",
    "sale_fen": "o.sale_fen",
    "cost_fen": "o.cost_fen",
    "dropship_fee_fen": "o.dropship_fee_fen",
    "profit_fen": "o.profit_fen",
    "status": "o.status",
    "supplier_status": "o.supplier_status",
    "supplier_order_no": "o.supplier_order_no",
    "carrier": "o.carrier",
    "tracking_no": "o.tracking_no",
    "ship_by": "o.ship_by",
    "flags": "o.flags",
    "shop": "o.shop_id",
}


@dataclass(frozen=True)
class OrderFilter:
    """What the order list shows. Empty tuples mean "any"."""

    sales_statuses: tuple[str, ...] = ()
    supplier_statuses: tuple[str, ...] = ()
    shop_ids: tuple[int, ...] = ()
    supplier_ids: tuple[int, ...] = ()
    created_from: int | None = None
    created_to: int | None = None
    flagged_only: bool = False
    text: str = ""
    sort_key: str = "created_at"
    descending: bool = True
    extra: dict[str, object] = field(default_factory=dict, compare=False)


def _where(flt: OrderFilter) -> tuple[str, list[object]]:
    clauses: list[str] = []
    params: list[object] = []
    if flt.sales_statuses:
        clauses.append(f"o.status IN ({','.join('?' * len(flt.sales_statuses))})")
        params.extend(flt.sales_statuses)
    if flt.supplier_statuses:
        clauses.append(f"o.supplier_status IN ({','.join('?' * len(flt.supplier_statuses))})")
        params.extend(flt.supplier_statuses)
    if flt.shop_ids:
        clauses.append(f"o.shop_id IN ({','.join('?' * len(flt.shop_ids))})")
        params.extend(flt.shop_ids)
    if flt.supplier_ids:
        clauses.append(
            "o.id IN (SELECT sales_order_id FROM supplier_order WHERE supplier_id IN "
            f"({','.join('?' * len(flt.supplier_ids))}))"
        )
        params.extend(flt.supplier_ids)
    if flt.created_from is not None:
        clauses.append("o.created_at >= ?")
        params.append(flt.created_from)
    if flt.created_to is not None:
        clauses.append("o.created_at < ?")
        params.append(flt.created_to)
    if flt.flagged_only:
        clauses.append("o.flags != 0")
    text = flt.text.strip()
    if text:
        clause, text_params = _text_clause(text)
        clauses.append(clause)
        params.extend(text_params)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _text_clause(text: str) -> tuple[str, list[object]]:
    """Order numbers by index (exact or prefix); other text through trigram FTS or LIKE."""
    if text.isdigit() and len(text) >= 6:
        upper = text[:-1] + chr(ord(text[-1]) + 1)
        return (
            "(o.shop_order_no >= ? AND o.shop_order_no < ?"
            " OR o.supplier_order_no >= ? AND o.supplier_order_no < ?"
            " OR o.id IN (SELECT sales_order_id FROM supplier_order"
            "  WHERE order_id_1688 >= ? AND order_id_1688 < ?)"
            " OR o.buyer_phone LIKE ? ESCAPE '\\')",
            [text, upper, text, upper, text, upper, "%" + _like_escape(text)],
        )
    if len(text) >= 3:
        # The trigram tokenizer matches substrings of three or more characters.
        phrase = '"' + text.replace('"', '""') + '"'
        return "o.id IN (SELECT rowid FROM sales_order_fts WHERE sales_order_fts MATCH ?)", [phrase]
    # One or two characters (common Chinese names are two): trigram finds nothing, so LIKE.
    pattern = "%" + _like_escape(text) + "%"
    return (
        "(o.buyer_name LIKE ? ESCAPE '\\' OR o.product_summary LIKE ? ESCAPE '\\'"
        " OR o.ship_address LIKE ? ESCAPE '\\')",
        [pattern, pattern, pattern],
    )


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def order_ids(flt: OrderFilter) -> array:
    """The ids of the orders matching *flt*, in display order."""
    where, params = _where(flt)
    sort = SORT_COLUMNS.get(flt.sort_key, "o.created_at")
    direction = "DESC" if flt.descending else "ASC"
    sql = f"SELECT o.id FROM sales_order o{where} ORDER BY {sort} {direction}, o.id {direction}"
    ids = array("q")
    cursor = db.execute_sql(sql, params)
    while True:
        batch = cursor.fetchmany(50_000)
        if not batch:
            break
        ids.extend(r[0] for r in batch)
    return ids


def count_orders(flt: OrderFilter) -> int:
    where, params = _where(flt)
    return int(db.execute_sql(f"SELECT count(*) FROM sales_order o{where}", params).fetchone()[0])


def fetch_rows(ids: Sequence[int]) -> dict[int, tuple[object, ...]]:
    """Display tuples (columns of :data:`LIST_COLUMNS`) keyed by order id."""
    if not ids:
        return {}
    columns = ", ".join(_SELECT_SQL.get(c, f"o.{c}") for c in LIST_COLUMNS)
    placeholders = ",".join("?" * len(ids))
    cursor = db.execute_sql(
        f"SELECT o.id, {columns} FROM sales_order o WHERE o.id IN ({placeholders})", list(ids)
    )
    return {row[0]: row[1:] for row in cursor.fetchall()}
