"""Sourcing reads: suppliers, products, offers as plain tuples (small tables)."""

from __future__ import annotations

from .db import db

__all__ = ["SUPPLIER_COLUMNS", "list_offers", "list_products", "list_suppliers"]

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
)
PRODUCT_COLUMNS = ("id", "title", "sku", "sale_price_fen", "offers", "preferred_offer_id")
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
)


def list_suppliers() -> list[tuple[object, ...]]:
    return db.execute_sql(
        "SELECT s.id, s.kind, s.name, s.member_id, s.location, s.contact, s.years_on_1688,"
        " s.rating, s.on_time_rate, s.incidents,"
        " (SELECT count(*) FROM offer WHERE offer.supplier_id = s.id)"
        " FROM supplier s ORDER BY s.name"
    ).fetchall()


def list_products() -> list[tuple[object, ...]]:
    return db.execute_sql(
        "SELECT p.id, p.title, p.sku, p.sale_price_fen,"
        " (SELECT count(*) FROM offer WHERE offer.product_id = p.id), p.preferred_offer_id"
        " FROM product p ORDER BY p.title"
    ).fetchall()


def list_offers(product_id: int) -> list[tuple[object, ...]]:
    return db.execute_sql(
        "SELECT o.id, s.name, s.kind, o.unit_cost_fen, o.moq, o.lead_time_days,"
        " o.dropship_supported, o.dropship_fee_fen, o.fulfilment, o.shipping_fen, o.stock,"
        " o.offer_ref, o.last_checked"
        " FROM offer o JOIN supplier s ON s.id = o.supplier_id WHERE o.product_id = ?"
        " ORDER BY o.unit_cost_fen",
        (product_id,),
    ).fetchall()
