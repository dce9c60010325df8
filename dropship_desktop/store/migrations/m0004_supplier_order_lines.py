"""Version 4: the goods lines of 1688 orders, their link to shop orders, and shop item ids.

A 1688 buyer export (已买到的货品) has one row per goods line with the line's Offer ID, SKU ID,
货号 and unit price; the order rows name the shop order they were placed for (下游订单号 /
下游渠道), whether it was a dropship order (是否代发订单) and the batch it was placed in
(下单批次号). SKU mapping (shop line → 1688 offer + spec) is learned from exactly these ids, so
they are stored per line. Shop lines gain the platform's item and SKU ids (商品ID / SKU ID),
next to the seller's own code (商家编码, ``sku``), which mapping uses to recognise a listing.
"""

from __future__ import annotations

import sqlite3

VERSION = 4

_SQL = """
CREATE TABLE supplier_order_line (
    id                  INTEGER PRIMARY KEY,
    supplier_order_id   INTEGER NOT NULL REFERENCES supplier_order (id) ON DELETE CASCADE,
    line_no             INTEGER NOT NULL,
    title               TEXT    NOT NULL DEFAULT '',
    spec                TEXT    NOT NULL DEFAULT '',
    offer_id_1688       TEXT    NOT NULL DEFAULT '',
    sku_id_1688         TEXT    NOT NULL DEFAULT '',
    item_code           TEXT    NOT NULL DEFAULT '',
    quantity            INTEGER NOT NULL CHECK (quantity >= 1),
    unit_price_fen      INTEGER NOT NULL DEFAULT 0 CHECK (unit_price_fen >= 0),
    amount_fen          INTEGER NOT NULL DEFAULT 0,
    UNIQUE (supplier_order_id, line_no)
);
CREATE INDEX supplier_order_line_offer ON supplier_order_line (offer_id_1688, sku_id_1688);

ALTER TABLE supplier_order ADD COLUMN downstream_order_no TEXT NOT NULL DEFAULT '';
ALTER TABLE supplier_order ADD COLUMN downstream_channel TEXT NOT NULL DEFAULT '';
ALTER TABLE supplier_order ADD COLUMN is_dropship INTEGER;
ALTER TABLE supplier_order ADD COLUMN batch_no TEXT NOT NULL DEFAULT '';
CREATE INDEX supplier_order_downstream ON supplier_order (downstream_order_no)
    WHERE downstream_order_no != '';

ALTER TABLE sales_order_line ADD COLUMN platform_item_id TEXT NOT NULL DEFAULT '';
ALTER TABLE sales_order_line ADD COLUMN platform_sku_id TEXT NOT NULL DEFAULT '';
"""


def apply(conn: sqlite3.Connection) -> None:
    """Create the line table and add the link columns (inside the caller's transaction)."""
    for statement in _SQL.split(";"):
        if statement.strip():
            conn.execute(statement)
