"""Sourcing reads: suppliers, products, offers as plain tuples (small tables)."""

from __future__ import annotations

from typing import Any

from .db import db

__all__ = [
    "OFFER_COLUMNS",
    "OFFER_EXPORT_COLUMNS",
    "PRODUCT_COLUMNS",
    "SUPPLIER_COLUMNS",
    "SUPPLIER_EXPORT_COLUMNS",
    "comparison_rows",
    "get_offer",
    "get_product",
    "get_supplier",
    "list_offers",
    "list_products",
    "list_suppliers",
    "offer_export_rows",
    "product_ids_by_sku",
    "supplier_choices",
    "supplier_export_rows",
    "tiers_of",
]

SUPPLIER_COLUMNS = (
    "id",
    "kind",
    "name",
    "member_id",
    "location",
    "contact",
    "years_on_1688",
    "rating",
    "on_time_rate",
    "incidents",
    "offers",
    "shop_url",
    "notes",
)
PRODUCT_COLUMNS = (
    "id",
    "title",
    "sku",
    "sale_price_fen",
    "offers",
    "preferred_offer_id",
    "specs",
    "description",
)
OFFER_COLUMNS = (
    "id",
    "supplier",
    "supplier_kind",
    "unit_cost_fen",
    "moq",
    "lead_time_days",
    "dropship_supported",
    "dropship_fee_fen",
    "fulfilment",
    "shipping_fen",
    "stock",
    "offer_ref",
    "last_checked",
    "tiers",
    "supplier_id",
)

_SUPPLIER_SELECT = (
    "SELECT s.id, s.kind, s.name, s.member_id, s.location, s.contact, s.years_on_1688,"
    " s.rating, s.on_time_rate, s.incidents,"
    " (SELECT count(*) FROM offer WHERE offer.supplier_id = s.id), s.shop_url, s.notes"
    " FROM supplier s"
)
_PRODUCT_SELECT = (
    "SELECT p.id, p.title, p.sku, p.sale_price_fen,"
    " (SELECT count(*) FROM offer WHERE offer.product_id = p.id), p.preferred_offer_id,"
    " p.specs, p.description FROM product p"
)
# Tiers as "qty:fen;qty:fen" in quantity order; parsed by tiers_of().
_TIERS_SQL = (
    "(SELECT group_concat(t.min_qty || ':' || t.unit_price_fen, ';') FROM"
    " (SELECT min_qty, unit_price_fen FROM offer_price_tier WHERE offer_id = o.id"
    " ORDER BY min_qty) t)"
)
_OFFER_SELECT = (
    "SELECT o.id, s.name, s.kind, o.unit_cost_fen, o.moq, o.lead_time_days,"
    " o.dropship_supported, o.dropship_fee_fen, o.fulfilment, o.shipping_fen, o.stock,"
    f" o.offer_ref, o.last_checked, {_TIERS_SQL}, o.supplier_id"
    " FROM offer o JOIN supplier s ON s.id = o.supplier_id"
)


def tiers_of(text: str | None) -> tuple[tuple[int, int], ...]:
    """Parse the ``"qty:fen;qty:fen"`` text the offer queries return into price tiers."""
    if not text:
        return ()
    pairs = (part.split(":") for part in text.split(";") if part)
    return tuple((int(q), int(p)) for q, p in pairs)


def list_suppliers() -> list[tuple[Any, ...]]:
    """All suppliers (columns: :data:`SUPPLIER_COLUMNS`), by name."""
    return db.execute_sql(_SUPPLIER_SELECT + " ORDER BY s.name").fetchall()


def get_supplier(supplier_id: int) -> tuple[Any, ...] | None:
    """One supplier (columns: :data:`SUPPLIER_COLUMNS`), or ``None``."""
    return db.execute_sql(_SUPPLIER_SELECT + " WHERE s.id = ?", (supplier_id,)).fetchone()


def supplier_choices() -> list[tuple[int, str, str]]:
    """``(id, name, kind)`` of every supplier, for pickers."""
    return db.execute_sql("SELECT id, name, kind FROM supplier ORDER BY name").fetchall()


def list_products() -> list[tuple[Any, ...]]:
    """All products (columns: :data:`PRODUCT_COLUMNS`), by title."""
    return db.execute_sql(_PRODUCT_SELECT + " ORDER BY p.title").fetchall()


def get_product(product_id: int) -> tuple[Any, ...] | None:
    """One product (columns: :data:`PRODUCT_COLUMNS`), or ``None``."""
    return db.execute_sql(_PRODUCT_SELECT + " WHERE p.id = ?", (product_id,)).fetchone()


def product_ids_by_sku() -> dict[str, int]:
    """SKU → product id for every product with a SKU."""
    rows = db.execute_sql("SELECT sku, id FROM product WHERE sku IS NOT NULL").fetchall()
    return {sku: pid for sku, pid in rows}


def list_offers(product_id: int) -> list[tuple[Any, ...]]:
    """The offers of one product (columns: :data:`OFFER_COLUMNS`), cheapest first."""
    return db.execute_sql(
        _OFFER_SELECT + " WHERE o.product_id = ? ORDER BY o.unit_cost_fen, o.id", (product_id,)
    ).fetchall()


def get_offer(offer_id: int) -> tuple[Any, ...] | None:
    """One offer (columns: :data:`OFFER_COLUMNS`), or ``None``."""
    return db.execute_sql(_OFFER_SELECT + " WHERE o.id = ?", (offer_id,)).fetchone()


def comparison_rows(product_id: int) -> list[tuple[Any, ...]]:
    """Offer and supplier facts for ranking one product's offers.

    Columns: offer id, supplier name, supplier kind, years on 1688, rating, on-time rate,
    incidents, unit cost, tiers text (see :func:`tiers_of`), MOQ, lead time, dropship supported,
    dropship fee, fulfilment, shipping, stock, last checked (ISO date or ``None``).
    """
    return db.execute_sql(
        "SELECT o.id, s.name, s.kind, s.years_on_1688, s.rating, s.on_time_rate, s.incidents,"
        f" o.unit_cost_fen, {_TIERS_SQL}, o.moq, o.lead_time_days, o.dropship_supported,"
        " o.dropship_fee_fen, o.fulfilment, o.shipping_fen, o.stock, o.last_checked"
        " FROM offer o JOIN supplier s ON s.id = o.supplier_id WHERE o.product_id = ?"
        " ORDER BY o.id",
        (product_id,),
    ).fetchall()


SUPPLIER_EXPORT_COLUMNS = (
    "kind",
    "name",
    "member_id",
    "shop_url",
    "location",
    "contact",
    "years_on_1688",
    "rating",
    "on_time_rate",
    "incidents",
    "notes",
)


def supplier_export_rows() -> list[tuple[Any, ...]]:
    """Suppliers for export (columns: :data:`SUPPLIER_EXPORT_COLUMNS`), by name."""
    return db.execute_sql(
        "SELECT kind, name, member_id, shop_url, location, contact, years_on_1688, rating,"
        " on_time_rate, incidents, notes FROM supplier ORDER BY name, id"
    ).fetchall()


OFFER_EXPORT_COLUMNS = (
    "sku",
    "title",
    "sale_price_fen",
    "specs",
    "description",
    "supplier",
    "supplier_kind",
    "unit_cost_fen",
    "tiers",
    "moq",
    "lead_time_days",
    "dropship_supported",
    "dropship_fee_fen",
    "fulfilment",
    "shipping_fen",
    "stock",
    "offer_ref",
    "last_checked",
    "preferred",
)


def offer_export_rows() -> list[tuple[Any, ...]]:
    """Every offer with its product (columns: :data:`OFFER_EXPORT_COLUMNS`).

    Products without offers appear once with empty offer columns, so an export holds the whole
    catalogue and can be imported again.
    """
    return db.execute_sql(
        "SELECT p.sku, p.title, p.sale_price_fen, p.specs, p.description, s.name, s.kind,"
        f" o.unit_cost_fen, {_TIERS_SQL}, o.moq, o.lead_time_days, o.dropship_supported,"
        " o.dropship_fee_fen, o.fulfilment, o.shipping_fen, o.stock, o.offer_ref,"
        " o.last_checked, CASE WHEN o.id IS NOT NULL AND o.id = p.preferred_offer_id"
        " THEN 1 ELSE 0 END"
        " FROM product p LEFT JOIN offer o ON o.product_id = p.id"
        " LEFT JOIN supplier s ON s.id = o.supplier_id"
        " ORDER BY p.title, p.id, o.id"
    ).fetchall()
