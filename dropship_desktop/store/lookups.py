"""Small reads the views and the commands share: shops, one order's facts, offer choices, risky orders.

Plain rows, no objects; each runs where its caller runs it (the DB worker in the app).
"""

from __future__ import annotations

from typing import Any

from .db import db

__all__ = [
    "offer_choices",
    "order_number_and_sale",
    "risky_orders",
    "shop_id",
    "shop_names",
    "shops",
    "shops_by_name",
]


def shops() -> list[tuple[int, str, str]]:
    """Every shop as ``(id, name, platform)``, oldest first."""
    return [tuple(r) for r in db.execute_sql("SELECT id, name, platform FROM shop ORDER BY id")]  # type: ignore[misc]


def shops_by_name() -> list[tuple[int, str]]:
    """Every shop as ``(id, name)``, by name."""
    return [tuple(r) for r in db.execute_sql("SELECT id, name FROM shop ORDER BY name").fetchall()]  # type: ignore[misc]


def shop_names() -> list[str]:
    """Every shop's name, oldest first."""
    return [r[0] for r in db.execute_sql("SELECT name FROM shop ORDER BY id")]


def shop_id(name: str) -> int | None:
    """The id of the shop called *name*, or ``None``."""
    row = db.execute_sql("SELECT id FROM shop WHERE name = ?", (name,)).fetchone()
    return None if row is None else int(row[0])


def order_number_and_sale(sales_order_id: int) -> tuple[str, int] | None:
    """A shop order's number and sale amount (fen), or ``None`` when it is gone."""
    row = db.execute_sql(
        "SELECT shop_order_no, sale_fen FROM sales_order WHERE id = ?", (sales_order_id,)
    ).fetchone()
    return (str(row[0]), int(row[1])) if row else None


def offer_choices() -> list[tuple[int, str, str, str | None]]:
    """Every offer as ``(id, product title, supplier name, offer ref)``, by title."""
    return [
        tuple(r)  # type: ignore[misc]
        for r in db.execute_sql(
            "SELECT o.id, p.title, s.name, o.offer_ref FROM offer o JOIN product p"
            " ON p.id = o.product_id JOIN supplier s ON s.id = o.supplier_id ORDER BY p.title, o.id"
        )
    ]


def risky_orders() -> list[tuple[Any, ...]]:
    """``(shop order no., risk level, encoded rule hits, checked?)`` of every risky order,
    high risk first, then newest first."""
    return list(
        db.execute_sql(
            "SELECT shop_order_no, risk_level, risk_rules, risk_rules = risk_checked"
            " FROM sales_order WHERE risk_level > 0"
            " ORDER BY risk_level DESC, created_at DESC, id DESC"
        )
    )
