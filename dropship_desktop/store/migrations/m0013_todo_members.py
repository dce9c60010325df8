"""Version 13: the shop orders behind the dashboard's queue to-dos, kept by triggers.

The to-do cards 待向供应商下单 (orders to place with a supplier), 待回填单号 (tracking numbers to
send back to the shop) and 等待供应商处理 (cancellation or refund requests awaiting the supplier)
counted their orders on every open. The first two check each paid order in their queue for a
live 1688 order (and for a tracking number already sent) — a few thousand index probes at a
million orders — and the third read every flagged order: ~30 ms of the dashboard's first paint.

``todo_member`` holds one row per (shop order, card) the order currently counts for, with the
order's ship-by time (for "near or past ship-by": an index range count). ``todo_count`` holds
each card's number of rows, kept by two triggers on ``todo_member`` itself, so a card's count is
one row read. The membership rule is defined once, here (``MEMBERSHIP``), word for word as the
queues define it (``services/purchasing/queue``, ``services/shipping``).

**How it stays right.** Membership depends on the shop order (status, 1688 summary status, flags,
ship-by), its 1688 orders (link, status, tracking number) and its batch-ship records. After any
change to one of them, a trigger *recomputes* the memberships of the shop order(s) it touches
from the current rows: delete that order's rows, insert what the rule says now. A recompute is
idempotent and reads only current state, so it does not matter in which order nested triggers
(a 1688 order's change refreshing the shop order's summary status) run: the last recompute
follows the last change. The bulk import suspends the shop-order insert trigger with the daily
summaries' and adds each block set-based (``store/daily_summary.BulkSummaries``);
``rebuild-summaries`` refills the table and ``report --check`` compares it with the rule.

Orders of another status with a purchase still in progress (the purchase queue's second part)
are few and counted live, as are the time-dependent cards (due within 24 h, overdue).
"""

from __future__ import annotations

import sqlite3

VERSION = 13

TABLE = "todo_member"
CARD_INDEX = "todo_member_card"
COUNT_TABLE = "todo_count"

TO_PLACE = "to_place"
TO_SEND = "tracking_to_send"
AWAITING = "awaiting_supplier"

_CLOSED_1688 = "('cancel', 'terminated')"
#: OrderFlag.CANCEL_PENDING | OrderFlag.REFUND_PENDING (domain/orders; stored values).
PENDING_FLAGS = 3

#: Card -> the condition on shop order ``o`` (and its 1688 orders and batch-ship records).
MEMBERSHIP: dict[str, str] = {
    # The purchase queue's paid part: services/purchasing TO_PURCHASE + _NO_LIVE_SUPPLIER.
    TO_PLACE: (
        "o.status = 'paid'"
        f" AND (o.supplier_status IS NULL OR o.supplier_status IN {_CLOSED_1688})"
        " AND NOT EXISTS (SELECT 1 FROM supplier_order s WHERE s.sales_order_id = o.id"
        f" AND s.status NOT IN {_CLOSED_1688})"
    ),
    # The shipping queue, unsent only: services/shipping _TO_SEND + _HAS_TRACKING + _NOT_SENT.
    TO_SEND: (
        "o.status = 'paid'"
        " AND o.supplier_status IN ('waitbuyerreceive', 'confirm_goods', 'success')"
        " AND EXISTS (SELECT 1 FROM supplier_order s WHERE s.sales_order_id = o.id"
        f" AND s.tracking_no != '' AND s.status NOT IN {_CLOSED_1688})"
        " AND NOT EXISTS (SELECT 1 FROM shipping_export e JOIN supplier_order s"
        " ON s.sales_order_id = e.sales_order_id AND s.tracking_no = e.tracking_no"
        " WHERE e.sales_order_id = o.id)"
    ),
    # The order list's "pending" quick view.
    AWAITING: f"(o.flags & {PENDING_FLAGS}) != 0",
}
#: The cards that depend on 1688 orders and batch-ship records (the others: the order alone).
LINKED_CARDS = (TO_PLACE, TO_SEND)


def insert_sql(order_ids: str, cards: tuple[str, ...] = tuple(MEMBERSHIP)) -> list[str]:
    """Statements adding the memberships of the shop orders whose id is in *order_ids* (SQL)."""
    return [
        f"INSERT INTO {TABLE} (sales_order_id, card, ship_by)"
        f" SELECT o.id, '{card}', o.ship_by FROM sales_order o"
        f" WHERE o.id IN ({order_ids}) AND {MEMBERSHIP[card]};"
        for card in cards
    ]


def _recompute(order_id: str, cards: tuple[str, ...], guard: str = "") -> str:
    """Trigger body statements: recompute *cards* for the shop order *order_id* (an expression),
    only when the SQL condition *guard* holds (if given)."""
    names = ", ".join(f"'{c}'" for c in cards)
    when = f" AND {guard}" if guard else ""
    delete = f"DELETE FROM {TABLE} WHERE sales_order_id = {order_id} AND card IN ({names}){when};"
    inserts = [
        f"INSERT INTO {TABLE} (sales_order_id, card, ship_by)"
        f" SELECT o.id, '{card}', o.ship_by FROM sales_order o"
        f" WHERE o.id = {order_id}{when} AND {MEMBERSHIP[card]};"
        for card in cards
    ]
    return " ".join([delete, *inserts])


ORDER_INSERT_TRIGGER = "todo_member_order_ai"
_ALL = tuple(MEMBERSHIP)

#: Trigger name -> CREATE TRIGGER statement.
TRIGGERS: dict[str, str] = {
    ORDER_INSERT_TRIGGER: (
        f"CREATE TRIGGER {ORDER_INSERT_TRIGGER} AFTER INSERT ON sales_order"
        f" WHEN NEW.status = 'paid' OR (NEW.flags & {PENDING_FLAGS}) != 0"
        f" BEGIN {_recompute('NEW.id', _ALL)} END"
    ),
    "todo_member_order_au": (
        "CREATE TRIGGER todo_member_order_au"
        " AFTER UPDATE OF id, status, supplier_status, flags, ship_by ON sales_order"
        " WHEN OLD.id IS NOT NEW.id OR OLD.status IS NOT NEW.status"
        " OR OLD.supplier_status IS NOT NEW.supplier_status"
        f" OR (OLD.flags & {PENDING_FLAGS}) IS NOT (NEW.flags & {PENDING_FLAGS})"
        " OR OLD.ship_by IS NOT NEW.ship_by"
        f" BEGIN DELETE FROM {TABLE} WHERE sales_order_id = OLD.id;"
        f" {_recompute('NEW.id', _ALL)} END"
    ),
    "todo_member_order_ad": (
        "CREATE TRIGGER todo_member_order_ad AFTER DELETE ON sales_order"
        f" BEGIN DELETE FROM {TABLE} WHERE sales_order_id = OLD.id; END"
    ),
}
_MOVED = "OLD.sales_order_id IS NOT NEW.sales_order_id"
for _table, _columns in (
    ("supplier_order", ("sales_order_id", "status", "tracking_no")),
    ("shipping_export", ("sales_order_id", "tracking_no")),
):
    _changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in _columns)
    TRIGGERS[f"todo_member_{_table}_ai"] = (
        f"CREATE TRIGGER todo_member_{_table}_ai AFTER INSERT ON {_table}"
        f" WHEN NEW.sales_order_id IS NOT NULL"
        f" BEGIN {_recompute('NEW.sales_order_id', LINKED_CARDS)} END"
    )
    TRIGGERS[f"todo_member_{_table}_au"] = (
        f"CREATE TRIGGER todo_member_{_table}_au AFTER UPDATE OF {', '.join(_columns)}"
        f" ON {_table} WHEN {_changed}"
        f" BEGIN {_recompute('OLD.sales_order_id', LINKED_CARDS)}"
        # (the new order only when the row moved to another one)
        f" {_recompute('NEW.sales_order_id', LINKED_CARDS, _MOVED)} END"
    )
    TRIGGERS[f"todo_member_{_table}_ad"] = (
        f"CREATE TRIGGER todo_member_{_table}_ad AFTER DELETE ON {_table}"
        f" WHEN OLD.sales_order_id IS NOT NULL"
        f" BEGIN {_recompute('OLD.sales_order_id', LINKED_CARDS)} END"
    )

# The counts follow the member rows (a recompute that keeps a row deletes and re-adds it: -1 +1).
# Never write todo_member with INSERT OR REPLACE: a row it replaces fires no delete trigger.
TRIGGERS["todo_count_ai"] = (
    f"CREATE TRIGGER todo_count_ai AFTER INSERT ON {TABLE}"
    f" BEGIN INSERT INTO {COUNT_TABLE} (card, n) VALUES (NEW.card, 1)"
    " ON CONFLICT (card) DO UPDATE SET n = n + 1; END"
)
TRIGGERS["todo_count_ad"] = (
    f"CREATE TRIGGER todo_count_ad AFTER DELETE ON {TABLE}"
    f" BEGIN UPDATE {COUNT_TABLE} SET n = n - 1 WHERE card = OLD.card; END"
)

#: Fill (and rebuild): the candidates along the queues' own partial indexes, then the counts.
FILL: tuple[str, ...] = (
    f"INSERT INTO {TABLE} (sales_order_id, card, ship_by) SELECT o.id, '{TO_PLACE}', o.ship_by"
    " FROM sales_order o INDEXED BY sales_order_to_purchase"
    f" WHERE {MEMBERSHIP[TO_PLACE]}",
    f"INSERT INTO {TABLE} (sales_order_id, card, ship_by) SELECT o.id, '{TO_SEND}', o.ship_by"
    " FROM sales_order o INDEXED BY sales_order_to_send"
    f" WHERE {MEMBERSHIP[TO_SEND]}",
    f"INSERT INTO {TABLE} (sales_order_id, card, ship_by) SELECT o.id, '{AWAITING}', o.ship_by"
    " FROM sales_order o INDEXED BY sales_order_flagged"
    f" WHERE o.flags != 0 AND {MEMBERSHIP[AWAITING]}",
    # (An upsert: during a rebuild the count triggers have counted the rows already.)
    f"INSERT INTO {COUNT_TABLE} (card, n) SELECT card, count(*) FROM {TABLE} WHERE 1"
    " GROUP BY card ON CONFLICT (card) DO UPDATE SET n = excluded.n",
)
#: The counts from the member rows (the check compares them with the stored counts).
COUNT_SQL = f"SELECT card, count(*) FROM {TABLE} GROUP BY card"

_SCHEMA = (
    f"CREATE TABLE {TABLE} ("
    " sales_order_id INTEGER NOT NULL,"
    " card TEXT NOT NULL,"
    " ship_by INTEGER,"
    " PRIMARY KEY (sales_order_id, card)"
    ") WITHOUT ROWID",
    f"CREATE INDEX {CARD_INDEX} ON {TABLE} (card, ship_by)",
    f"CREATE TABLE {COUNT_TABLE} (card TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID",
)


def apply(conn: sqlite3.Connection) -> None:
    """Create the tables and their triggers, and fill them (inside the caller's transaction)."""
    for statement in _SCHEMA:
        conn.execute(statement)
    for statement in FILL:
        conn.execute(statement)
    for statement in TRIGGERS.values():
        conn.execute(statement)
