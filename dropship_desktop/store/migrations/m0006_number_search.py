"""Version 6: find an order by any part of its numbers (shop order, 1688 order, tracking).

A seller pastes the end of an order number, a piece of one from a chat, or a tracking number
(运单号) from a courier's message. These are not in the text index (buyer, phone, address,
product), and an order number's B-tree index only finds its start. ``order_number_fts`` is an
FTS5 trigram index over one text per sales order: its shop order number, its 1688 order
number(s) and its tracking number(s), both the shop order's and those of its 1688 orders,
separated by spaces (a search never contains a space, so it never matches
across two numbers).

The index stores its own copy of the text (SQLite before 3.43 cannot delete from a contentless
table), so a row is re-indexed by ``DELETE … WHERE rowid = ?`` and an insert from the view:
no trigger needs to know the old values. Triggers keep it current on every write of the numbers
of a sales order or of a 1688 order linked to one; the bulk import indexes id ranges in one
statement instead (``store/bulk_orders.py``).
"""

from __future__ import annotations

import sqlite3

from .m0002_fts_hashsize import HASH_SIZE

VERSION = 6

#: One row per sales order: the distinct numbers it can be found by.
SOURCE_VIEW = "order_number_src"
INDEX = "order_number_fts"
#: The insert trigger a bulk import replaces by one statement per id range.
INSERT_TRIGGER = "order_number_fts_ai"

# The shop order's numbers, then those of its 1688 orders that differ from them (most 1688
# orders repeat the sales order's own 1688 number and tracking number). Spaces separate them; a
# plain expression with one indexed lookup (a UNION to drop repeats costs 3–4 times as much).
_NUMBERS = (
    "o.shop_order_no || ' ' || coalesce(o.supplier_order_no, '') || ' ' || o.tracking_no"
    " || coalesce((SELECT ' ' || group_concat("
    "coalesce(nullif(so.order_id_1688, o.supplier_order_no), '') || ' '"
    " || coalesce(nullif(so.tracking_no, o.tracking_no), ''), ' ')"
    " FROM supplier_order so WHERE so.sales_order_id = o.id"
    " AND (so.order_id_1688 IS NOT o.supplier_order_no OR so.tracking_no != o.tracking_no)), '')"
)


def _reindex(expr: str) -> str:
    return (
        f"DELETE FROM {INDEX} WHERE rowid = {expr};"
        f" INSERT INTO {INDEX} (rowid, numbers)"
        f" SELECT id, numbers FROM {SOURCE_VIEW} WHERE id = {expr} AND numbers IS NOT NULL;"
    )


_SQL = (
    f"CREATE VIEW {SOURCE_VIEW} AS SELECT o.id AS id, {_NUMBERS} AS numbers FROM sales_order o",
    f"CREATE VIRTUAL TABLE {INDEX} USING fts5 (numbers, tokenize = 'trigram')",
    f"CREATE TRIGGER {INSERT_TRIGGER} AFTER INSERT ON sales_order BEGIN"
    f" INSERT INTO {INDEX} (rowid, numbers)"
    f" SELECT id, numbers FROM {SOURCE_VIEW} WHERE id = new.id AND numbers IS NOT NULL; END",
    # Only when a number really changed: a re-import sets every column of every order again.
    f"CREATE TRIGGER order_number_fts_au AFTER UPDATE OF shop_order_no, supplier_order_no,"
    f" tracking_no ON sales_order WHEN old.shop_order_no IS NOT new.shop_order_no"
    f" OR old.supplier_order_no IS NOT new.supplier_order_no OR old.tracking_no IS NOT"
    f" new.tracking_no BEGIN {_reindex('new.id')} END",
    f"CREATE TRIGGER order_number_fts_ad AFTER DELETE ON sales_order BEGIN"
    f" DELETE FROM {INDEX} WHERE rowid = old.id; END",
    f"CREATE TRIGGER order_number_fts_so_ai AFTER INSERT ON supplier_order"
    f" WHEN new.sales_order_id IS NOT NULL BEGIN {_reindex('new.sales_order_id')} END",
    f"CREATE TRIGGER order_number_fts_so_au AFTER UPDATE OF sales_order_id, order_id_1688,"
    f" tracking_no ON supplier_order WHEN old.sales_order_id IS NOT new.sales_order_id"
    f" OR old.order_id_1688 IS NOT new.order_id_1688 OR old.tracking_no IS NOT new.tracking_no"
    f" BEGIN {_reindex('old.sales_order_id')} {_reindex('new.sales_order_id')} END",
    f"CREATE TRIGGER order_number_fts_so_ad AFTER DELETE ON supplier_order"
    f" WHEN old.sales_order_id IS NOT NULL BEGIN {_reindex('old.sales_order_id')} END",
)

#: Indexes the orders of an id range (the bulk import's statement, and this migration's).
BULK_SQL = (
    f"INSERT INTO {INDEX} (rowid, numbers) SELECT id, numbers FROM {SOURCE_VIEW}"
    " WHERE id BETWEEN ? AND ? AND numbers IS NOT NULL"
)
_MIGRATE_STEP = 50_000


def apply(conn: sqlite3.Connection) -> None:
    """Create the index and fill it for the orders already stored (in the caller's
    transaction)."""
    for statement in _SQL:
        conn.execute(statement)
    # The same in-memory buffer as the text index (migration 2): one segment per bulk statement.
    conn.execute(f"INSERT INTO {INDEX} ({INDEX}, rank) VALUES ('hashsize', ?)", (HASH_SIZE,))
    top = conn.execute("SELECT coalesce(max(id), 0) FROM sales_order").fetchone()[0]
    for start in range(1, top + 1, _MIGRATE_STEP):
        conn.execute(BULK_SQL, (start, start + _MIGRATE_STEP - 1))
