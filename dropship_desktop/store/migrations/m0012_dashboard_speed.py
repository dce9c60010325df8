"""Version 12: a covering index that lets the dashboard rank products over any range at once.

The top-products chart sums ``product_daily_summary`` by title over the chosen days. The table's
key is (shop, day, title), so every range read all its rows and sorted them by title in a
temporary B-tree: ~45 ms for a year at a million orders (the 365-day range missed its 30 ms).
This index holds the rows in title order with every figure the query reads, so the ``GROUP BY
title`` walks it once without sorting (~8 ms for a year, ~1 ms for 30 days). It indexes a summary
table of a few tens of thousands of rows; the bulk import updates each summary row once per block,
so it costs imports nearly nothing.
"""

from __future__ import annotations

import sqlite3

VERSION = 12

PRODUCT_TITLE_INDEX = "product_daily_summary_title"

_SQL = (
    f"CREATE INDEX {PRODUCT_TITLE_INDEX} ON product_daily_summary"
    " (title, day, shop_id, quantity, sales_fen, lines)"
)


def apply(conn: sqlite3.Connection) -> None:
    """Create the index (inside the caller's transaction)."""
    conn.execute(_SQL)
