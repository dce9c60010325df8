"""Facts about the database itself, in ``app_meta`` (migration 5): is it a demo database?"""

from __future__ import annotations

import sqlite3

from ..errors import UserError
from ..i18n import QT_TRANSLATE_NOOP
from .db import db

__all__ = ["DEMO_KEY", "ensure_demo_target", "get_meta", "is_demo_database", "mark_demo"]

DEMO_KEY = "demo"

#: Tables whose rows are a seller's work (anything in them means the database is in use).
_DATA_TABLES = ("shop", "supplier", "product", "sales_order", "supplier_order")


def get_meta(key: str) -> str | None:
    row = db.execute_sql("SELECT value FROM app_meta WHERE key = ?", [key]).fetchone()
    return None if row is None else str(row[0])


def set_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
    """Record *key* = *value* (inside the caller's transaction)."""
    conn.execute("INSERT OR REPLACE INTO app_meta (key, value) VALUES (?, ?)", [key, value])


def is_demo_database() -> bool:
    return get_meta(DEMO_KEY) == "1"


def mark_demo(conn: sqlite3.Connection) -> None:
    """Mark the database as demo data (inside the transaction that writes the first of it)."""
    set_meta(conn, DEMO_KEY, "1")


def ensure_demo_target() -> None:
    """Refuse to write demo data into a database that holds anything.

    Raises:
        UserError: The database holds demo data already, or the seller's own data.
    """
    used = any(
        db.execute_sql(f'SELECT 1 FROM "{table}" LIMIT 1').fetchone() for table in _DATA_TABLES
    )
    if not used:
        return
    if is_demo_database():
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "This database already holds demo data. To make it again, choose an empty data "
                "folder (for example with --data-dir), or delete the demo folder first.",
            )
        )
    raise UserError(
        QT_TRANSLATE_NOOP(
            "Errors",
            "This database holds your own data (shops, suppliers or orders). Demo data is only "
            "written into an empty database and never mixed with real data; choose another "
            "data folder (for example with --data-dir or --demo).",
        )
    )
