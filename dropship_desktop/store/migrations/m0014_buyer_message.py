"""Version 14: the buyer's message (买家留言) apart from the seller's own note (订单备注).

Until now one ``remark`` column took whichever of the two an export had first: Taobao's 订单备注
(the seller's note) hid 买家留言, and the fraud rules that read a message asking to ship elsewhere
or to talk off-platform judged the seller's own words. ``buyer_message`` holds what the buyer
wrote; ``remark`` keeps the seller's note. Orders imported before keep what they had in
``remark`` (which of the two it was cannot be told afterwards).

``blacklist_entry.legacy_digest`` marks the name+phone entries made before this version: their
digest mixed the phone's with a CRC of the name, which an exported file must not carry (beside
the buyer's phone entry it gave the name's CRC away). An export makes such an entry's digest
again from its order, or leaves it out when the buyer data is gone; entries made from now on
are shared as they are.
"""

from __future__ import annotations

import sqlite3

VERSION = 14


def apply(conn: sqlite3.Connection) -> None:
    """Add the columns (instant: SQLite adds a column with a constant default in place)."""
    conn.execute("ALTER TABLE sales_order ADD COLUMN buyer_message TEXT NOT NULL DEFAULT ''")
    conn.execute("ALTER TABLE blacklist_entry ADD COLUMN legacy_digest INTEGER NOT NULL DEFAULT 0")
    conn.execute("UPDATE blacklist_entry SET legacy_digest = 1 WHERE kind = 'name_phone'")
