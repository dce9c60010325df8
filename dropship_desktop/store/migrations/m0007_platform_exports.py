"""Version 7: which receiver fields a platform hid in its export.

Douyin and Pinduoduo (and sometimes others) replace the receiver's name, phone and address in
their exports by placeholders (``##密文…``, ``$$密文…``, ``***``) since 2021. Those are not the
buyer's name: the import stores the field empty and records here that the platform hid it, so
the order's detail says so instead of showing nothing (bits: 1 name, 2 phone, 4 address).
"""

from __future__ import annotations

import sqlite3

VERSION = 7


def apply(conn: sqlite3.Connection) -> None:
    """Add the column (a constant default: no table rewrite, instant on a million orders)."""
    conn.execute("ALTER TABLE sales_order ADD COLUMN buyer_hidden INTEGER NOT NULL DEFAULT 0")
