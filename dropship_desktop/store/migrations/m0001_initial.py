"""Version 1: every concept of DESIGN.md §2.

Written as plain SQL (not derived from the models) so that later model changes never alter what an
old migration did. Money is integer fen; platform order numbers are TEXT; times are integer Unix
seconds (UTC).
"""

from __future__ import annotations

import sqlite3

VERSION = 1

SQL = r"""
CREATE TABLE supplier (
    id              INTEGER PRIMARY KEY,
    kind            TEXT    NOT NULL CHECK (kind IN ('platform', 'channel')),
    name            TEXT    NOT NULL,
    member_id       TEXT    NOT NULL DEFAULT '',
    shop_url        TEXT    NOT NULL DEFAULT '',
    location        TEXT    NOT NULL DEFAULT '',
    contact         TEXT    NOT NULL DEFAULT '',
    years_on_1688   INTEGER NOT NULL DEFAULT 0 CHECK (years_on_1688 >= 0),
    rating          REAL    CHECK (rating IS NULL OR rating BETWEEN 0 AND 5),
    on_time_rate    REAL    CHECK (on_time_rate IS NULL OR on_time_rate BETWEEN 0 AND 1),
    incidents       INTEGER NOT NULL DEFAULT 0 CHECK (incidents >= 0),
    notes           TEXT    NOT NULL DEFAULT '',
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
);
CREATE INDEX supplier_name ON supplier (name);

CREATE TABLE product (
    id                  INTEGER PRIMARY KEY,
    title               TEXT    NOT NULL,
    sku                 TEXT    UNIQUE,
    sale_price_fen      INTEGER NOT NULL DEFAULT 0 CHECK (sale_price_fen >= 0),
    specs               TEXT    NOT NULL DEFAULT '',
    description         TEXT    NOT NULL DEFAULT '',
    preferred_offer_id  INTEGER REFERENCES offer (id) ON DELETE SET NULL,
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL
);

CREATE TABLE offer (
    id                  INTEGER PRIMARY KEY,
    product_id          INTEGER NOT NULL REFERENCES product (id) ON DELETE CASCADE,
    supplier_id         INTEGER NOT NULL REFERENCES supplier (id) ON DELETE RESTRICT,
    unit_cost_fen       INTEGER NOT NULL CHECK (unit_cost_fen >= 0),
    moq                 INTEGER NOT NULL DEFAULT 1 CHECK (moq >= 1),
    lead_time_days      INTEGER NOT NULL DEFAULT 2 CHECK (lead_time_days >= 0),
    dropship_supported  INTEGER NOT NULL DEFAULT 1 CHECK (dropship_supported IN (0, 1)),
    dropship_fee_fen    INTEGER NOT NULL DEFAULT 0 CHECK (dropship_fee_fen >= 0),
    fulfilment          TEXT    NOT NULL DEFAULT 'platform'
                                CHECK (fulfilment IN ('platform', 'third_party')),
    shipping_fen        INTEGER NOT NULL DEFAULT 0 CHECK (shipping_fen >= 0),
    stock               INTEGER CHECK (stock IS NULL OR stock >= 0),
    offer_ref           TEXT    NOT NULL DEFAULT '',
    last_checked        TEXT,
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL
);
CREATE INDEX offer_product ON offer (product_id);
CREATE INDEX offer_supplier ON offer (supplier_id);

CREATE TABLE offer_price_tier (
    id              INTEGER PRIMARY KEY,
    offer_id        INTEGER NOT NULL REFERENCES offer (id) ON DELETE CASCADE,
    min_qty         INTEGER NOT NULL CHECK (min_qty >= 1),
    unit_price_fen  INTEGER NOT NULL CHECK (unit_price_fen >= 0),
    UNIQUE (offer_id, min_qty)
);

CREATE TABLE shop (
    id          INTEGER PRIMARY KEY,
    platform    TEXT    NOT NULL
                        CHECK (platform IN ('taobao','tmall','pdd','douyin','kuaishou','1688','other')),
    name        TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    UNIQUE (platform, name)
);

CREATE TABLE distribution_account (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL UNIQUE,
    member_id   TEXT    NOT NULL DEFAULT '',
    connector   TEXT    NOT NULL DEFAULT 'manual',
    created_at  INTEGER NOT NULL
);

CREATE TABLE sales_order (
    id                  INTEGER PRIMARY KEY,
    shop_id             INTEGER NOT NULL REFERENCES shop (id) ON DELETE RESTRICT,
    shop_order_no       TEXT    NOT NULL,
    status              TEXT    NOT NULL,
    buyer_name          TEXT    NOT NULL DEFAULT '',
    buyer_phone         TEXT    NOT NULL DEFAULT '',
    ship_address        TEXT    NOT NULL DEFAULT '',
    payment_method      TEXT    NOT NULL DEFAULT '',
    sale_fen            INTEGER NOT NULL DEFAULT 0,
    quantity            INTEGER NOT NULL DEFAULT 0,
    product_summary     TEXT    NOT NULL DEFAULT '',
    cost_fen            INTEGER NOT NULL DEFAULT 0,
    dropship_fee_fen    INTEGER NOT NULL DEFAULT 0,
    shipping_fen        INTEGER NOT NULL DEFAULT 0,
    profit_fen          INTEGER NOT NULL DEFAULT 0,
    supplier_status     TEXT,
    supplier_order_no   TEXT,
    carrier             TEXT    NOT NULL DEFAULT '',
    tracking_no         TEXT    NOT NULL DEFAULT '',
    created_at          INTEGER NOT NULL,
    paid_at             INTEGER,
    ship_by             INTEGER,
    flags               INTEGER NOT NULL DEFAULT 0,
    remark              TEXT    NOT NULL DEFAULT '',
    buyer_data_removed  INTEGER NOT NULL DEFAULT 0,
    updated_at          INTEGER NOT NULL,
    UNIQUE (shop_id, shop_order_no)
);
CREATE INDEX sales_order_no ON sales_order (shop_order_no);
CREATE INDEX sales_order_supplier_no ON sales_order (supplier_order_no);
CREATE INDEX sales_order_created ON sales_order (created_at);
CREATE INDEX sales_order_status_created ON sales_order (status, created_at);
CREATE INDEX sales_order_supplier_status_created ON sales_order (supplier_status, created_at);
CREATE INDEX sales_order_ship_by ON sales_order (ship_by);
CREATE INDEX sales_order_shop_created ON sales_order (shop_id, created_at);
-- Flagged orders are few: a partial index makes "flagged only" and the reconciliation filters
-- instant on a million orders.
CREATE INDEX sales_order_flagged ON sales_order (created_at, flags) WHERE flags != 0;
CREATE INDEX sales_order_to_ship ON sales_order (ship_by) WHERE status = 'paid';
-- The payment time and profit sellers sort by most (a million-row sort needs an index; the
-- other columns sort by a ~0.2 s top-N scan, kept off for the demo generator's time budget).
CREATE INDEX sales_order_paid ON sales_order (paid_at);
CREATE INDEX sales_order_profit ON sales_order (profit_fen);

CREATE TABLE sales_order_line (
    id              INTEGER PRIMARY KEY,
    sales_order_id  INTEGER NOT NULL REFERENCES sales_order (id) ON DELETE CASCADE,
    product_id      INTEGER REFERENCES product (id) ON DELETE SET NULL,
    title           TEXT    NOT NULL,
    sku             TEXT    NOT NULL DEFAULT '',
    spec            TEXT    NOT NULL DEFAULT '',
    quantity        INTEGER NOT NULL CHECK (quantity >= 1),
    unit_price_fen  INTEGER NOT NULL CHECK (unit_price_fen >= 0)
);
CREATE INDEX sales_order_line_order ON sales_order_line (sales_order_id);
CREATE INDEX sales_order_line_product ON sales_order_line (product_id);

CREATE TABLE supplier_order (
    id                  INTEGER PRIMARY KEY,
    sales_order_id      INTEGER REFERENCES sales_order (id) ON DELETE SET NULL,
    supplier_id         INTEGER REFERENCES supplier (id) ON DELETE RESTRICT,
    offer_id            INTEGER REFERENCES offer (id) ON DELETE SET NULL,
    account_id          INTEGER REFERENCES distribution_account (id) ON DELETE SET NULL,
    order_id_1688       TEXT    UNIQUE,
    status              TEXT    NOT NULL,
    refund_status       TEXT,
    product_title       TEXT    NOT NULL DEFAULT '',
    quantity            INTEGER NOT NULL DEFAULT 1,
    cost_fen            INTEGER NOT NULL DEFAULT 0,
    dropship_fee_fen    INTEGER NOT NULL DEFAULT 0,
    shipping_fen        INTEGER NOT NULL DEFAULT 0,
    paid_fen            INTEGER NOT NULL DEFAULT 0,
    recipient_name      TEXT    NOT NULL DEFAULT '',
    recipient_phone     TEXT    NOT NULL DEFAULT '',
    carrier             TEXT    NOT NULL DEFAULT '',
    tracking_no         TEXT    NOT NULL DEFAULT '',
    created_at          INTEGER NOT NULL,
    paid_at             INTEGER,
    updated_at          INTEGER NOT NULL
);
CREATE INDEX supplier_order_sales ON supplier_order (sales_order_id);
CREATE INDEX supplier_order_supplier ON supplier_order (supplier_id);
CREATE INDEX supplier_order_status ON supplier_order (status);
CREATE INDEX supplier_order_account ON supplier_order (account_id);

CREATE TABLE cancellation_request (
    id                  INTEGER PRIMARY KEY,
    supplier_order_id   INTEGER NOT NULL REFERENCES supplier_order (id) ON DELETE CASCADE,
    batch_id            TEXT    NOT NULL DEFAULT '',
    attempt             INTEGER NOT NULL DEFAULT 1,
    action              TEXT    NOT NULL CHECK (action IN ('close', 'refund_request')),
    reason_code         TEXT    NOT NULL,
    reason_text         TEXT    NOT NULL DEFAULT '',
    remark              TEXT    NOT NULL DEFAULT '',
    state               TEXT    NOT NULL,
    error_code          TEXT    NOT NULL DEFAULT '',
    platform_response   TEXT    NOT NULL DEFAULT '',
    amount_fen          INTEGER NOT NULL DEFAULT 0,
    vouchers            TEXT    NOT NULL DEFAULT '',
    refund_id           TEXT    NOT NULL DEFAULT '',
    created_at          INTEGER NOT NULL,
    submitted_at        INTEGER,
    finished_at         INTEGER
);
CREATE INDEX cancellation_request_order ON cancellation_request (supplier_order_id);
CREATE INDEX cancellation_request_state ON cancellation_request (state);

CREATE TABLE audit_event (
    id              INTEGER PRIMARY KEY,
    at              INTEGER NOT NULL,
    actor           TEXT    NOT NULL DEFAULT 'local',
    entity          TEXT    NOT NULL,
    entity_id       INTEGER,
    sales_order_id  INTEGER,
    action          TEXT    NOT NULL,
    before          TEXT    NOT NULL DEFAULT '',
    after           TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX audit_event_order ON audit_event (sales_order_id, at);
CREATE INDEX audit_event_entity ON audit_event (entity, entity_id);

-- Text search over buyer name, phone, address and product summary (DESIGN.md §5). Trigram finds
-- substrings of three or more characters (Chinese included). Name, address and product are indexed
-- with two U+001F characters appended (never in a search: order_queries strips them), so every
-- character of them starts an indexed trigram: one- and two-character searches are a prefix range
-- over the index's terms (fts5vocab), exact, without a table scan or per-column tail indexes. The
-- phone is not padded: short searches skip it ("13" is in every number). The content
-- "table" is a view giving the padded values, so 'rebuild' and 'integrity-check' see what the
-- triggers index; the triggers pad the same way.
CREATE VIEW sales_order_fts_src AS
    SELECT id,
           buyer_name || char(31, 31) AS buyer_name,
           buyer_phone,
           ship_address || char(31, 31) AS ship_address,
           product_summary || char(31, 31) AS product_summary
    FROM sales_order;
CREATE VIRTUAL TABLE sales_order_fts USING fts5 (
    buyer_name, buyer_phone, ship_address, product_summary,
    content = 'sales_order_fts_src', content_rowid = 'id', tokenize = 'trigram'
);
CREATE TRIGGER sales_order_fts_ai AFTER INSERT ON sales_order BEGIN
    INSERT INTO sales_order_fts (rowid, buyer_name, buyer_phone, ship_address, product_summary)
    VALUES (new.id, new.buyer_name || char(31, 31), new.buyer_phone,
            new.ship_address || char(31, 31), new.product_summary || char(31, 31));
END;
CREATE TRIGGER sales_order_fts_ad AFTER DELETE ON sales_order BEGIN
    INSERT INTO sales_order_fts (sales_order_fts, rowid, buyer_name, buyer_phone, ship_address,
                                 product_summary)
    VALUES ('delete', old.id, old.buyer_name || char(31, 31), old.buyer_phone,
            old.ship_address || char(31, 31), old.product_summary || char(31, 31));
END;
CREATE TRIGGER sales_order_fts_au AFTER UPDATE OF buyer_name, buyer_phone, ship_address,
        product_summary ON sales_order BEGIN
    INSERT INTO sales_order_fts (sales_order_fts, rowid, buyer_name, buyer_phone, ship_address,
                                 product_summary)
    VALUES ('delete', old.id, old.buyer_name || char(31, 31), old.buyer_phone,
            old.ship_address || char(31, 31), old.product_summary || char(31, 31));
    INSERT INTO sales_order_fts (rowid, buyer_name, buyer_phone, ship_address, product_summary)
    VALUES (new.id, new.buyer_name || char(31, 31), new.buyer_phone,
            new.ship_address || char(31, 31), new.product_summary || char(31, 31));
END;
"""


def apply(conn: sqlite3.Connection) -> None:
    """Create the version-1 schema inside the caller's transaction."""
    for statement in _split(SQL):
        conn.execute(statement)


def _split(sql: str) -> list[str]:
    """Split on statement ends, keeping trigger bodies (which contain ``;``) whole."""
    statements: list[str] = []
    buffer: list[str] = []
    for line in sql.splitlines():
        if line.strip().startswith("--") or not line.strip():
            continue
        buffer.append(line)
        text = "\n".join(buffer)
        if sqlite3.complete_statement(text):
            statements.append(text)
            buffer = []
    if buffer:
        raise ValueError("incomplete SQL statement in migration")
    return statements
