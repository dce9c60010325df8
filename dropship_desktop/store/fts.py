"""FTS5 table configuration (the ``automerge`` switch a bulk write turns off and back on)."""

from __future__ import annotations

import sqlite3

__all__ = ["fts_config", "set_fts_config"]


def fts_config(
    conn: sqlite3.Connection, key: str, default: int, table: str = "sales_order_fts"
) -> int:
    """An FTS5 table's configuration value (its ``…_config`` shadow table), or *default*."""
    row = conn.execute(f"SELECT v FROM {table}_config WHERE k = ?", (key,)).fetchone()
    return int(row[0]) if row is not None else default


def set_fts_config(
    conn: sqlite3.Connection, key: str, value: int, table: str = "sales_order_fts"
) -> None:
    """Set an FTS5 table's configuration value (in the caller's transaction)."""
    conn.execute(f"INSERT INTO {table} ({table}, rank) VALUES (?, ?)", (key, int(value)))
