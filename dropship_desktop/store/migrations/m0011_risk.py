"""Version 11: fraud checks (防骗) — risk level on orders, hashed buyer keys, events, blacklist.

* ``sales_order.risk_level`` (0 none, 1 watch, 2 high) and ``risk_rules`` (the rules that fired,
  ``id`` or ``id=value`` joined by ``;``) are denormalised so the list sorts and filters a
  million orders by them; ``risk_checked`` holds the ``risk_rules`` text the seller marked
  "checked, fine" (a new rule firing later makes the warning active again). A partial index
  on ``created_at`` where ``risk_level > 0`` answers the 风险订单 view's first page at once.
  ``buyer_member`` is the buyer's platform member name (买家会员名) where an export has it.
* ``risk_key``: one row per order with salted 63-bit hashes of its buyer values (phone,
  address, name, name+address, member, name+phone), clustered by time so an import appends
  and a look-back window is a range. No buyer value is stored in the clear here.
* ``risk_event``: what a buyer did on an order (refund, 仅退款, dispute, complaint), with the
  order's keys so history is found by key across shops; after-sales cases add rows too.
* ``risk_norm``: per shop and product, orders / quantity / amount so far (the shop's norm).
* ``blacklist_list`` / ``blacklist_entry``: the local list and lists imported from partners,
  each with the salt its digests (keyed Blake2b, exported) were made with; an entry made here
  also keeps the internal key its orders are matched by. A masked hint, never a value.
* ``risk_bits``: bitmaps of the key hashes seen so far (orders, events), in 4 KiB chunks, so
  scoring looks up only keys that may repeat (most buyers are new).
* ``risk_state``: the local salt and the seller's thresholds.
"""

from __future__ import annotations

import os
import sqlite3
import time

VERSION = 11

_SQL = """
ALTER TABLE sales_order ADD COLUMN risk_level INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sales_order ADD COLUMN risk_rules TEXT NOT NULL DEFAULT '';
ALTER TABLE sales_order ADD COLUMN risk_checked TEXT NOT NULL DEFAULT '';
ALTER TABLE sales_order ADD COLUMN buyer_member TEXT NOT NULL DEFAULT '';
CREATE INDEX sales_order_risk ON sales_order (created_at) WHERE risk_level > 0;

CREATE TABLE risk_key (
    at          INTEGER NOT NULL,
    order_id    INTEGER NOT NULL,
    phone       INTEGER NOT NULL DEFAULT 0,
    address     INTEGER NOT NULL DEFAULT 0,
    name        INTEGER NOT NULL DEFAULT 0,
    buyer       INTEGER NOT NULL DEFAULT 0,
    member      INTEGER NOT NULL DEFAULT 0,
    name_phone  INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (at, order_id)
) WITHOUT ROWID;

CREATE TABLE risk_event (
    order_id    INTEGER NOT NULL,
    kind        TEXT    NOT NULL
                        CHECK (kind IN ('refund', 'refund_only', 'dispute', 'complaint')),
    source      TEXT    NOT NULL DEFAULT 'status',
    at          INTEGER NOT NULL,
    due_at      INTEGER,
    open        INTEGER NOT NULL DEFAULT 0 CHECK (open IN (0, 1)),
    phone       INTEGER NOT NULL DEFAULT 0,
    address     INTEGER NOT NULL DEFAULT 0,
    member      INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (order_id, kind, source)
);
CREATE INDEX risk_event_phone ON risk_event (phone) WHERE phone != 0;
CREATE INDEX risk_event_address ON risk_event (address) WHERE address != 0;
CREATE INDEX risk_event_member ON risk_event (member) WHERE member != 0;
CREATE INDEX risk_event_open ON risk_event (due_at) WHERE open = 1;

CREATE TABLE risk_norm (
    shop_id     INTEGER NOT NULL,
    product     TEXT    NOT NULL,
    orders      INTEGER NOT NULL DEFAULT 0,
    quantity    INTEGER NOT NULL DEFAULT 0,
    amount_fen  INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (shop_id, product)
) WITHOUT ROWID;

CREATE TABLE blacklist_list (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL,
    salt        BLOB    NOT NULL,
    is_local    INTEGER NOT NULL DEFAULT 0 CHECK (is_local IN (0, 1)),
    created_at  INTEGER NOT NULL
);
CREATE UNIQUE INDEX blacklist_list_local ON blacklist_list (is_local) WHERE is_local = 1;

CREATE TABLE blacklist_entry (
    id              INTEGER PRIMARY KEY,
    list_id         INTEGER NOT NULL REFERENCES blacklist_list (id) ON DELETE CASCADE,
    kind            TEXT    NOT NULL
                            CHECK (kind IN ('phone', 'member', 'address', 'name_phone')),
    digest          INTEGER NOT NULL,
    key             INTEGER NOT NULL DEFAULT 0,
    hint            TEXT    NOT NULL DEFAULT '',
    reason          TEXT    NOT NULL DEFAULT '',
    added_at        INTEGER NOT NULL,
    sales_order_id  INTEGER,
    UNIQUE (list_id, kind, digest)
);

CREATE TABLE risk_bits (
    name    TEXT    NOT NULL,
    chunk   INTEGER NOT NULL,
    bits    BLOB    NOT NULL,
    PRIMARY KEY (name, chunk)
) WITHOUT ROWID;

CREATE TABLE risk_state (
    name    TEXT PRIMARY KEY,
    value
);
"""


def apply(conn: sqlite3.Connection) -> None:
    """Create the risk schema and this database's salts (inside the caller's transaction)."""
    for statement in _SQL.split(";"):
        if statement.strip():
            conn.execute(statement)
    now = int(time.time())
    # The local salt keys every buyer hash of this database; the local blacklist shares it
    # (exported with the list, see services/risk).
    salt = os.urandom(16)
    conn.execute("INSERT INTO risk_state (name, value) VALUES ('salt', ?)", (salt,))
    conn.execute(
        "INSERT INTO blacklist_list (name, salt, is_local, created_at) VALUES (?, ?, 1, ?)",
        ("local", salt, now),
    )
