"""Version 9: fulfilment (代发) — SKU mappings, purchase attempts, shipping exports.

``sku_mapping``: a shop listing (shop + the most specific key the shop line had: platform SKU
id, item id + spec, 商家编码 + spec, or title + spec) maps to a 1688 offer + spec (and, when
known, the seller's local product and offer), with a quantity factor (a "2件装" listing is 2
pieces) and a priority (0 = main, higher = backups). ``state`` is ``proposed`` (learned from a
link, waiting for the seller) or ``confirmed``.

``purchase_attempt``: one 1688 purchase for one shop order, recorded before anything is sent or
the seller is sent to 1688 (record-before-send). The app's own ``out_order_id`` goes to 1688 as
``outOrderId`` (the API's idempotency key) so a lost answer is resolved by looking the order up.
A partial unique index makes a second live attempt for one shop order impossible.

``shipping_export``: which shop orders were written to a batch-ship file, with the carrier and
tracking number sent; a 1688 tracking number that differs from the one sent raises an alert.
"""

from __future__ import annotations

import sqlite3

VERSION = 9

_SQL = """
CREATE TABLE sku_mapping (
    id                  INTEGER PRIMARY KEY,
    shop_id             INTEGER NOT NULL REFERENCES shop (id) ON DELETE CASCADE,
    listing_key         TEXT    NOT NULL,
    platform_item_id    TEXT    NOT NULL DEFAULT '',
    platform_sku_id     TEXT    NOT NULL DEFAULT '',
    merchant_code       TEXT    NOT NULL DEFAULT '',
    title               TEXT    NOT NULL DEFAULT '',
    spec                TEXT    NOT NULL DEFAULT '',
    product_id          INTEGER REFERENCES product (id) ON DELETE SET NULL,
    offer_id            INTEGER REFERENCES offer (id) ON DELETE SET NULL,
    offer_id_1688       TEXT    NOT NULL DEFAULT '',
    spec_id_1688        TEXT    NOT NULL DEFAULT '',
    spec_text_1688      TEXT    NOT NULL DEFAULT '',
    target_key          TEXT    NOT NULL,
    quantity_factor     INTEGER NOT NULL DEFAULT 1 CHECK (quantity_factor BETWEEN 1 AND 1000),
    priority            INTEGER NOT NULL DEFAULT 0 CHECK (priority >= 0),
    state               TEXT    NOT NULL CHECK (state IN ('proposed', 'confirmed')),
    source              TEXT    NOT NULL DEFAULT 'manual'
                                CHECK (source IN ('learned', 'manual', 'import')),
    learned_from        TEXT    NOT NULL DEFAULT '',
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL,
    UNIQUE (shop_id, listing_key, target_key)
);
CREATE INDEX sku_mapping_listing ON sku_mapping (shop_id, listing_key, priority);
CREATE INDEX sku_mapping_offer ON sku_mapping (offer_id);

CREATE TABLE purchase_attempt (
    id                  INTEGER PRIMARY KEY,
    sales_order_id      INTEGER NOT NULL REFERENCES sales_order (id) ON DELETE CASCADE,
    out_order_id        TEXT    NOT NULL UNIQUE,
    channel             TEXT    NOT NULL CHECK (channel IN ('manual', 'api')),
    connector           TEXT    NOT NULL DEFAULT 'manual',
    account_id          INTEGER REFERENCES distribution_account (id) ON DELETE SET NULL,
    state               TEXT    NOT NULL CHECK (state IN ('recorded', 'sent', 'number_pending',
                                'unknown', 'linked', 'failed', 'abandoned')),
    order_again         INTEGER NOT NULL DEFAULT 0 CHECK (order_again IN (0, 1)),
    cargo               TEXT    NOT NULL DEFAULT '[]',
    goods_fen           INTEGER NOT NULL DEFAULT 0,
    dropship_fee_fen    INTEGER NOT NULL DEFAULT 0,
    shipping_fen        INTEGER NOT NULL DEFAULT 0,
    order_ids_1688      TEXT    NOT NULL DEFAULT '',
    error_code          TEXT    NOT NULL DEFAULT '',
    message             TEXT    NOT NULL DEFAULT '',
    created_at          INTEGER NOT NULL,
    sent_at             INTEGER,
    finished_at         INTEGER,
    updated_at          INTEGER NOT NULL
);
CREATE INDEX purchase_attempt_order ON purchase_attempt (sales_order_id);
-- Never two live purchases for one shop order (the wizard, the queue and the API path agree
-- because the database refuses it).
CREATE UNIQUE INDEX purchase_attempt_one_live ON purchase_attempt (sales_order_id)
    WHERE state IN ('recorded', 'sent', 'number_pending', 'unknown');

CREATE TABLE shipping_export (
    id                  INTEGER PRIMARY KEY,
    sales_order_id      INTEGER NOT NULL REFERENCES sales_order (id) ON DELETE CASCADE,
    supplier_order_id   INTEGER REFERENCES supplier_order (id) ON DELETE SET NULL,
    platform            TEXT    NOT NULL,
    carrier             TEXT    NOT NULL,
    carrier_1688        TEXT    NOT NULL DEFAULT '',
    tracking_no         TEXT    NOT NULL,
    file_name           TEXT    NOT NULL DEFAULT '',
    exported_at         INTEGER NOT NULL
);
CREATE INDEX shipping_export_order ON shipping_export (sales_order_id, id);

-- The two queues walk these (named with INDEXED BY: without ANALYZE statistics the planner
-- prefers the status index and sorts every paid order). Both read the supplier status that
-- services/orders.refresh_order_summaries keeps on sales_order; the queries re-check the
-- supplier orders themselves for the rows they return.
CREATE INDEX sales_order_to_purchase ON sales_order (ship_by)
    WHERE status = 'paid' AND (supplier_status IS NULL OR supplier_status IN ('cancel', 'terminated'));
CREATE INDEX sales_order_to_send ON sales_order (ship_by)
    WHERE status = 'paid' AND supplier_status IN ('waitbuyerreceive', 'confirm_goods', 'success');
"""


def apply(conn: sqlite3.Connection) -> None:
    """Create the fulfilment tables (inside the caller's transaction)."""
    for statement in _SQL.split(";\n"):
        if statement.strip():
            conn.execute(statement)
