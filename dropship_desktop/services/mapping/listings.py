"""The mapping view's rows: every shop listing with its mappings and the lines still waiting for one."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ...domain.fulfilment import listing_keys
from ...store.db import execute_sql
from .proposals import _closed_marks
from .rows import (
    _CLOSED,
    _MAPPING_SELECT,
    _STATE_ORDER,
    PROPOSED,
    LineListing,
    MappingRow,
    _mapping,
    line_mappings,
)

__all__ = ["ListingRow", "listing_rows", "waiting_line_rows"]


@dataclass(frozen=True)
class ListingRow:
    """One shop listing in the mapping view."""

    shop_id: int
    shop_name: str
    platform: str
    listing_key: str
    title: str
    spec: str
    merchant_code: str
    platform_item_id: str
    waiting_orders: int
    state: str  # "unmapped", "proposed" or "confirmed"
    main_target: str
    targets: int
    product_id: int | None = None


def waiting_line_rows(limit_orders: int | None = None) -> list[tuple[Any, ...]]:
    """Lines of paid shop orders that wait for a 1688 order (none live, none being placed)."""
    sql = (
        "SELECT l.id, o.shop_id, l.platform_item_id, l.platform_sku_id, l.sku, l.title, l.spec,"
        " o.id, l.product_id FROM sales_order o INDEXED BY sales_order_to_purchase"
        " JOIN sales_order_line l ON l.sales_order_id = o.id WHERE o.status = 'paid'"
        " AND (o.supplier_status IS NULL OR o.supplier_status IN ('cancel', 'terminated'))"
        " AND NOT EXISTS (SELECT 1 FROM supplier_order s"
        f" WHERE s.sales_order_id = o.id AND s.status NOT IN ({_closed_marks()}))"
        " AND NOT EXISTS (SELECT 1 FROM purchase_attempt a WHERE a.sales_order_id = o.id"
        " AND a.state IN ('recorded', 'sent', 'number_pending', 'unknown'))"
    )
    params: list[Any] = list(_CLOSED)
    if limit_orders is not None:
        sql += " LIMIT ?"
        params.append(limit_orders)
    return execute_sql(sql, params).fetchall()


def listing_rows() -> list[ListingRow]:
    """Shop listings for the mapping view: unmapped first, by how many orders wait on them.

    Every listing of a waiting order's line (grouped by the key its mapping is stored under, or
    its most specific key), plus every listing that has a mapping.
    """
    shops = {r[0]: (r[1], r[2]) for r in execute_sql("SELECT id, name, platform FROM shop")}
    rows = waiting_line_rows()
    lines = []
    info: dict[int, tuple[Any, ...]] = {}
    for line_id, shop_id, item, sku_id, code, title, spec, order_id, product_id in rows:
        keys = listing_keys(
            platform_sku_id=sku_id,
            platform_item_id=item,
            merchant_code=code,
            title=title,
            spec=spec,
        )
        if keys:
            lines.append(LineListing(line_id, shop_id, tuple(keys)))
            info[line_id] = (shop_id, item, code, title, spec, order_id, product_id, keys[0])
    mapped = line_mappings(lines)
    groups: dict[tuple[int, str], dict[str, Any]] = {}
    for line in lines:
        shop_id, item, code, title, spec, order_id, product_id, first_key = info[line.line_id]
        targets = mapped.get(line.line_id)
        key = targets[0].listing_key if targets else first_key
        group = groups.setdefault(
            (shop_id, key),
            {
                "title": title,
                "spec": spec,
                "code": code,
                "item": item,
                "orders": set(),
                "product_id": product_id,
            },
        )
        group["orders"].add(order_id)
    all_targets: dict[tuple[int, str], list[MappingRow]] = {}
    for r in execute_sql(_MAPPING_SELECT + " ORDER BY m.shop_id, m.listing_key, m.priority, m.id"):
        row = _mapping(r)
        all_targets.setdefault((row.shop_id, row.listing_key), []).append(row)
        groups.setdefault(
            (row.shop_id, row.listing_key),
            {
                "title": row.title,
                "spec": row.spec,
                "code": row.merchant_code,
                "item": row.platform_item_id,
                "orders": set(),
                "product_id": row.product_id,
            },
        )
    result = []
    for (shop_id, key), group in groups.items():
        targets = all_targets.get((shop_id, key), [])
        if not targets:
            state = "unmapped"
        elif any(t.confirmed for t in targets):
            state = "confirmed"
        else:
            state = PROPOSED
        main = targets[0] if targets else None
        main_text = ""
        if main is not None:
            main_text = main.product_title or main.offer_id_1688
            if main.spec_text_1688:
                main_text += f" · {main.spec_text_1688}"
            if main.quantity_factor > 1:
                main_text += f" ×{main.quantity_factor}"
        shop_name, platform = shops.get(shop_id, ("", ""))
        result.append(
            ListingRow(
                shop_id,
                shop_name,
                platform,
                key,
                group["title"],
                group["spec"],
                group["code"],
                group["item"],
                len(group["orders"]),
                state,
                main_text,
                len(targets),
                group["product_id"],
            )
        )
    result.sort(key=lambda r: (_STATE_ORDER[r.state], -r.waiting_orders, r.shop_name, r.title))
    return result
