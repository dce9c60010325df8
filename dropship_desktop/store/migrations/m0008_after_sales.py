"""Version 8: after-sales cases (售后) with both sides, contacts, deadlines and reply templates.

``after_sales_case`` holds one buyer request and what the seller asked of the 1688 supplier for
it. The shop, platform, supplier and offer are copied onto the case when it is opened, and
``deadline_at`` (when the seller must have acted, NULL when nothing is due) and ``queue_rank``
are stored: the after-sales queue filters and sorts 50,000 cases over one index without joins.
``queue_rank`` is the deadline for open cases with one, 3e9 + the last change for open cases
waiting on somebody else, and 1e10 − the closing time for finished ones (newest first).

``after_sales_deadline`` holds the seller's own response windows (hours) per shop platform,
kind and stage; missing rows use the built-in defaults. ``after_sales_template`` holds the
reply templates, seeded here with the built-in Chinese ones.
"""

from __future__ import annotations

import sqlite3
import time

VERSION = 8

_SQL = """
CREATE TABLE after_sales_case (
    id                  INTEGER PRIMARY KEY,
    sales_order_id      INTEGER NOT NULL REFERENCES sales_order (id) ON DELETE CASCADE,
    shop_id             INTEGER NOT NULL REFERENCES shop (id) ON DELETE RESTRICT,
    platform            TEXT    NOT NULL DEFAULT '',
    supplier_order_id   INTEGER REFERENCES supplier_order (id) ON DELETE SET NULL,
    supplier_id         INTEGER REFERENCES supplier (id) ON DELETE SET NULL,
    offer_id            INTEGER REFERENCES offer (id) ON DELETE SET NULL,
    kind                TEXT    NOT NULL,
    buyer_state         TEXT    NOT NULL DEFAULT 'requested',
    supplier_state      TEXT    NOT NULL DEFAULT 'none',
    platform_case_no    TEXT    NOT NULL DEFAULT '',
    platform_status     TEXT    NOT NULL DEFAULT '',
    reason              TEXT    NOT NULL DEFAULT '',
    defect              INTEGER NOT NULL DEFAULT 0,
    requested_fen       INTEGER NOT NULL DEFAULT 0 CHECK (requested_fen >= 0),
    refunded_fen        INTEGER NOT NULL DEFAULT 0 CHECK (refunded_fen >= 0),
    recovered_fen       INTEGER NOT NULL DEFAULT 0 CHECK (recovered_fen >= 0),
    extra_cost_fen      INTEGER NOT NULL DEFAULT 0 CHECK (extra_cost_fen >= 0),
    buyer_tracking_no   TEXT    NOT NULL DEFAULT '',
    reship_tracking_no  TEXT    NOT NULL DEFAULT '',
    return_address      TEXT    NOT NULL DEFAULT '',
    supplier_tracking_no TEXT   NOT NULL DEFAULT '',
    supplier_refund_id  TEXT    NOT NULL DEFAULT '',
    supplier_dispute    TEXT    NOT NULL DEFAULT '',
    supplier_goods_status TEXT  NOT NULL DEFAULT '',
    supplier_pending    TEXT    NOT NULL DEFAULT '',
    supplier_message    TEXT    NOT NULL DEFAULT '',
    note                TEXT    NOT NULL DEFAULT '',
    source              TEXT    NOT NULL DEFAULT 'manual',
    opened_at           INTEGER NOT NULL,
    buyer_state_at      INTEGER NOT NULL,
    supplier_state_at   INTEGER,
    deadline_at         INTEGER,
    closed_at           INTEGER,
    queue_rank          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL
);
CREATE INDEX after_sales_case_queue ON after_sales_case (queue_rank, id);
CREATE INDEX after_sales_case_order ON after_sales_case (sales_order_id);
CREATE INDEX after_sales_case_supplier ON after_sales_case (supplier_id);
CREATE INDEX after_sales_case_shop ON after_sales_case (shop_id, queue_rank);
CREATE INDEX after_sales_case_offer ON after_sales_case (offer_id, opened_at);
CREATE UNIQUE INDEX after_sales_case_platform_no ON after_sales_case (shop_id, platform_case_no)
    WHERE platform_case_no != '';

CREATE TABLE after_sales_contact (
    id          INTEGER PRIMARY KEY,
    case_id     INTEGER NOT NULL REFERENCES after_sales_case (id) ON DELETE CASCADE,
    at          INTEGER NOT NULL,
    channel     TEXT    NOT NULL,
    direction   TEXT    NOT NULL,
    note        TEXT    NOT NULL DEFAULT '',
    created_at  INTEGER NOT NULL
);
CREATE INDEX after_sales_contact_case ON after_sales_contact (case_id, at);

CREATE TABLE after_sales_deadline (
    platform    TEXT    NOT NULL,
    kind        TEXT    NOT NULL,
    stage       TEXT    NOT NULL,
    hours       INTEGER NOT NULL CHECK (hours BETWEEN 1 AND 2400),
    PRIMARY KEY (platform, kind, stage)
) WITHOUT ROWID;

CREATE TABLE after_sales_template (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL,
    kind        TEXT    NOT NULL DEFAULT '',
    body        TEXT    NOT NULL,
    position    INTEGER NOT NULL DEFAULT 0,
    updated_at  INTEGER NOT NULL
);
"""


def apply(conn: sqlite3.Connection) -> None:
    """Create the after-sales tables and seed the reply templates (in the caller's transaction)."""
    from ...domain.reply_templates import DEFAULT_TEMPLATES

    for statement in _SQL.split(";"):
        if statement.strip():
            conn.execute(statement)
    now = int(time.time())
    conn.executemany(
        "INSERT INTO after_sales_template (name, kind, body, position, updated_at)"
        " VALUES (?, ?, ?, ?, ?)",
        [(t.name, t.kind, t.body, i, now) for i, t in enumerate(DEFAULT_TEMPLATES)],
    )
