"""Version 10: daily per-shop, per-product and per-supplier summary rows for the dashboard.

The dashboard shows sales, profit, cancellation rates and top products over 7 to 90 days (and any
range). Summing a million orders on every open is far too slow, so three small tables hold one row
per shop and day (and per shop, day and product title; per supplier and day), kept current by
triggers on ``sales_order``, ``sales_order_line`` and ``supplier_order``: every statement that
inserts, updates or deletes an order adjusts its day's row inside the same transaction, whichever
service runs it (imports, cancellations, links, demo data, and features still to come). The bulk
import writer suspends the two insert triggers and adds each block of new orders with one set-based
statement instead (``store/daily_summary.BulkSummaries``).

A day is a calendar day in China Standard Time (UTC+8), the time the shop platforms count in:
``day = (created_at + 28800) / 86400``. An order belongs to the day it was created.

What each order contributes is defined once here (``SHOP_COLUMNS``, ``PRODUCT_COLUMNS``,
``SUPPLIER_COLUMNS``) and used for the triggers, the fill below, the rebuild command and the check
that compares the tables with a from-scratch ``GROUP BY`` (``store/daily_summary``).

It also adds a partial index over the paid, unshipped orders that covers the dashboard's to-do
counts and late-shipment figures (``PAID_INDEX``), and gives each shop the seller's warning line for its 30-day cancellation rate
(``shop.cancel_warning_bp``, basis points; platforms police the rate and each has its own red line).

The fill reads each table once with a ``GROUP BY`` (about 2–4 s on a million orders).
"""

from __future__ import annotations

import sqlite3

VERSION = 10

#: Seconds added to a UTC Unix time to get China Standard Time.
DAY_OFFSET_S = 8 * 3600

_VALID = "('paid', 'shipped', 'completed')"  # orders that count as sales
_CANCELLED = "('cancelled', 'refunded', 'refunding')"  # as the cancel wizard counts them
_PROFIT = "('paid', 'shipped', 'completed', 'cancelled', 'refunded')"  # settled enough to count
_CLOSED_1688 = "('cancel', 'terminated')"
_SHIPPED_1688 = "('waitbuyerreceive', 'confirm_goods', 'success')"


def day_sql(column: str) -> str:
    """SQL for the CST day number of a Unix-time column."""
    return f"(({column} + {DAY_OFFSET_S}) / 86400)"


#: Per sales order ``{r}``: (column, contribution). Keys first, then the summed figures.
SHOP_KEYS: tuple[tuple[str, str], ...] = (
    ("shop_id", "{r}shop_id"),
    ("day", day_sql("{r}created_at")),
)
SHOP_COLUMNS: tuple[tuple[str, str], ...] = (
    ("orders", "1"),
    ("valid_orders", f"({{r}}status IN {_VALID})"),
    ("sales_fen", f"(CASE WHEN {{r}}status IN {_VALID} THEN {{r}}sale_fen ELSE 0 END)"),
    ("profit_fen", f"(CASE WHEN {{r}}status IN {_PROFIT} THEN {{r}}profit_fen ELSE 0 END)"),
    (
        "cost_fen",
        f"(CASE WHEN {{r}}status IN {_VALID}"
        " THEN {r}cost_fen + {r}dropship_fee_fen + {r}shipping_fen ELSE 0 END)",
    ),
    # Valid orders without any 1688 order: their cost (and so profit) is the import's estimate.
    (
        "estimated_orders",
        f"({{r}}status IN {_VALID} AND {{r}}supplier_status IS NULL)",
    ),
    (
        "estimated_profit_fen",
        f"(CASE WHEN {{r}}status IN {_VALID} AND {{r}}supplier_status IS NULL"
        " THEN {r}profit_fen ELSE 0 END)",
    ),
    ("cancelled", f"({{r}}status IN {_CANCELLED})"),
)
#: Sales order columns whose change moves an order's contribution.
SHOP_SOURCE = (
    "shop_id",
    "created_at",
    "status",
    "sale_fen",
    "profit_fen",
    "cost_fen",
    "dropship_fee_fen",
    "shipping_fen",
    "supplier_status",
)

#: Per order line ``{l}`` of a valid sales order ``{r}``.
PRODUCT_KEYS: tuple[tuple[str, str], ...] = (
    ("shop_id", "{r}shop_id"),
    ("day", day_sql("{r}created_at")),
    ("title", "{l}title"),
)
PRODUCT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("lines", "1"),
    ("quantity", "{l}quantity"),
    ("sales_fen", "({l}quantity * {l}unit_price_fen)"),
)
PRODUCT_CONDITION = f"{{r}}status IN {_VALID}"

#: Per supplier order ``{r}`` (supplier 0: none recorded).
SUPPLIER_KEYS: tuple[tuple[str, str], ...] = (
    ("supplier_id", "coalesce({r}supplier_id, 0)"),
    ("day", day_sql("{r}created_at")),
)
SUPPLIER_COLUMNS: tuple[tuple[str, str], ...] = (
    ("orders", "1"),
    ("closed", f"({{r}}status IN {_CLOSED_1688})"),
    ("shipped", f"({{r}}status IN {_SHIPPED_1688})"),
    (
        "cost_fen",
        f"(CASE WHEN {{r}}status IN {_CLOSED_1688} THEN 0"
        " ELSE {r}cost_fen + {r}dropship_fee_fen + {r}shipping_fen END)",
    ),
)
SUPPLIER_SOURCE = ("supplier_id", "created_at", "status", "cost_fen", "dropship_fee_fen",
                   "shipping_fen")  # fmt: skip

#: The seller's warning line for a shop's 30-day cancellation rate, in basis points (5.00 %).
DEFAULT_CANCEL_WARNING_BP = 500

SHOP_TABLE = "shop_daily_summary"
PRODUCT_TABLE = "product_daily_summary"
SUPPLIER_TABLE = "supplier_daily_summary"

#: The orders in flight (paid, not shipped) with every column the to-do counts and the late
#: figures read: they are a few thousand even in a million orders, so the counts read this small
#: index alone instead of looking up each order's row.
PAID_INDEX = "sales_order_paid_dashboard"
#: 1688 orders not yet shipped by the supplier (the late-supplier figure joins them to the paid
#: orders above), and cancellation requests by time (the stock cancellations per supplier):
#: both covering, so the figures read no table rows.
OPEN_SUPPLIER_INDEX = "supplier_order_open_dashboard"
REQUEST_INDEX = "cancellation_request_dashboard"

_TABLES = f"""
ALTER TABLE shop ADD COLUMN cancel_warning_bp INTEGER NOT NULL DEFAULT {DEFAULT_CANCEL_WARNING_BP};
CREATE INDEX {PAID_INDEX} ON sales_order (ship_by, shop_id, created_at, flags, supplier_status)
    WHERE status = 'paid';
CREATE INDEX {OPEN_SUPPLIER_INDEX} ON supplier_order (sales_order_id, supplier_id, created_at)
    WHERE status IN ('waitbuyerpay', 'waitsellersend');
CREATE INDEX {REQUEST_INDEX} ON cancellation_request
    (created_at, state, reason_code, reason_text, supplier_order_id);
CREATE TABLE {SHOP_TABLE} (
    shop_id              INTEGER NOT NULL,
    day                  INTEGER NOT NULL,
    orders               INTEGER NOT NULL DEFAULT 0,
    valid_orders         INTEGER NOT NULL DEFAULT 0,
    sales_fen            INTEGER NOT NULL DEFAULT 0,
    profit_fen           INTEGER NOT NULL DEFAULT 0,
    cost_fen             INTEGER NOT NULL DEFAULT 0,
    estimated_orders     INTEGER NOT NULL DEFAULT 0,
    estimated_profit_fen INTEGER NOT NULL DEFAULT 0,
    cancelled            INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (shop_id, day)
) WITHOUT ROWID;
CREATE TABLE {PRODUCT_TABLE} (
    shop_id     INTEGER NOT NULL,
    day         INTEGER NOT NULL,
    title       TEXT    NOT NULL,
    lines       INTEGER NOT NULL DEFAULT 0,
    quantity    INTEGER NOT NULL DEFAULT 0,
    sales_fen   INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (shop_id, day, title)
) WITHOUT ROWID;
CREATE TABLE {SUPPLIER_TABLE} (
    supplier_id INTEGER NOT NULL,
    day         INTEGER NOT NULL,
    orders      INTEGER NOT NULL DEFAULT 0,
    closed      INTEGER NOT NULL DEFAULT 0,
    shipped     INTEGER NOT NULL DEFAULT 0,
    cost_fen    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (supplier_id, day)
) WITHOUT ROWID;
"""

#: The insert triggers the bulk import writer suspends (it adds whole blocks instead).
ORDER_INSERT_TRIGGER = "daily_summary_order_ai"
LINE_INSERT_TRIGGER = "daily_summary_line_ai"


def _fill(template: str, **prefixes: str) -> str:
    return template.format(**prefixes)


def upsert_sql(
    table: str,
    keys: tuple[tuple[str, str], ...],
    columns: tuple[tuple[str, str], ...],
    *,
    sign: str = "",
    source: str = "",
    where: str = "",
    group: bool = False,
    **prefixes: str,
) -> str:
    """An ``INSERT … ON CONFLICT DO UPDATE`` adding (``sign='-'``: removing) contributions.

    Without *source*: one row of values (for a trigger, ``r='NEW.'``). With *source*: a
    ``SELECT … FROM source [WHERE …] [GROUP BY keys]`` (``group=True`` sums the columns).
    """
    key_names = [k for k, _ in keys]
    names = key_names + [c for c, _ in columns]
    key_exprs = [_fill(e, **prefixes) for _, e in keys]
    col_exprs = [_fill(e, **prefixes) for _, e in columns]
    if group:
        col_exprs = [f"sum({e})" for e in col_exprs]
    values = key_exprs + [f"{sign}{e}" if sign else e for e in col_exprs]
    head = f"INSERT INTO {table} ({', '.join(names)}) "
    if source:
        body = f"SELECT {', '.join(values)} FROM {source} WHERE {where or 'true'}"
        if group:
            body += f" GROUP BY {', '.join(str(i + 1) for i in range(len(keys)))}"
    else:
        body = f"VALUES ({', '.join(values)})"
    updates = ", ".join(f"{c} = {c} + excluded.{c}" for c, _ in columns)
    return f"{head}{body} ON CONFLICT ({', '.join(key_names)}) DO UPDATE SET {updates}"


def _changed(prefix_cols: tuple[str, ...]) -> str:
    return " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in prefix_cols)


def _triggers() -> list[str]:
    shop = (SHOP_TABLE, SHOP_KEYS, SHOP_COLUMNS)
    supplier = (SUPPLIER_TABLE, SUPPLIER_KEYS, SUPPLIER_COLUMNS)
    product = (PRODUCT_TABLE, PRODUCT_KEYS, PRODUCT_COLUMNS)
    new_r, old_r = {"r": "NEW."}, {"r": "OLD."}
    # The lines of one order, as the order was (OLD) or is (NEW).
    lines_of = {
        "OLD": _fill(PRODUCT_CONDITION, r="OLD.") + " AND l.sales_order_id = OLD.id",
        "NEW": _fill(PRODUCT_CONDITION, r="NEW.") + " AND l.sales_order_id = NEW.id",
    }
    # A line's order, looked up by the line's (OLD or NEW) sales_order_id.
    order_of = {
        "OLD": "o.id = OLD.sales_order_id AND " + _fill(PRODUCT_CONDITION, r="o."),
        "NEW": "o.id = NEW.sales_order_id AND " + _fill(PRODUCT_CONDITION, r="o."),
    }
    product_changed = (
        "OLD.shop_id IS NOT NEW.shop_id OR "
        + day_sql("OLD.created_at")
        + (" IS NOT " + day_sql("NEW.created_at"))
        + " OR ("
        + _fill(PRODUCT_CONDITION, r="OLD.")
        + ") IS NOT ("
        + _fill(PRODUCT_CONDITION, r="NEW.")
        + ")"
    )
    return [
        # -- sales_order ------------------------------------------------------------------------
        f"CREATE TRIGGER {ORDER_INSERT_TRIGGER} AFTER INSERT ON sales_order BEGIN "
        f"{upsert_sql(*shop, **new_r)}; END",
        f"CREATE TRIGGER daily_summary_order_au AFTER UPDATE OF {', '.join(SHOP_SOURCE)}"
        f" ON sales_order WHEN {_changed(SHOP_SOURCE)} BEGIN "
        f"{upsert_sql(*shop, sign='-', **old_r)}; {upsert_sql(*shop, **new_r)}; END",
        "CREATE TRIGGER daily_summary_order_ad AFTER DELETE ON sales_order BEGIN "
        f"{upsert_sql(*shop, sign='-', **old_r)}; END",
        # An order moving day or shop, or becoming (in)valid, moves its lines' contributions.
        "CREATE TRIGGER daily_summary_order_lines_au AFTER UPDATE OF shop_id, created_at, status"
        f" ON sales_order WHEN {product_changed} BEGIN "
        + upsert_sql(
            *product, sign="-", source="sales_order_line l", where=lines_of["OLD"], r="OLD.", l="l."
        )
        + "; "
        + upsert_sql(*product, source="sales_order_line l", where=lines_of["NEW"], r="NEW.", l="l.")
        + "; END",
        # Before the delete: the cascade removes the lines after the order is gone.
        "CREATE TRIGGER daily_summary_order_lines_bd BEFORE DELETE ON sales_order BEGIN "
        + upsert_sql(
            *product, sign="-", source="sales_order_line l", where=lines_of["OLD"], r="OLD.", l="l."
        )
        + "; END",
        # -- sales_order_line -------------------------------------------------------------------
        f"CREATE TRIGGER {LINE_INSERT_TRIGGER} AFTER INSERT ON sales_order_line BEGIN "
        + upsert_sql(*product, source="sales_order o", where=order_of["NEW"], r="o.", l="NEW.")
        + "; END",
        "CREATE TRIGGER daily_summary_line_au AFTER UPDATE OF sales_order_id, title, quantity,"
        " unit_price_fen ON sales_order_line BEGIN "
        + upsert_sql(
            *product, sign="-", source="sales_order o", where=order_of["OLD"], r="o.", l="OLD."
        )
        + "; "
        + upsert_sql(*product, source="sales_order o", where=order_of["NEW"], r="o.", l="NEW.")
        + "; END",
        # (A line deleted by its order's cascade finds no order here: the order's BEFORE DELETE
        # trigger has taken its lines out already.)
        "CREATE TRIGGER daily_summary_line_ad AFTER DELETE ON sales_order_line BEGIN "
        + upsert_sql(
            *product, sign="-", source="sales_order o", where=order_of["OLD"], r="o.", l="OLD."
        )
        + "; END",
        # -- supplier_order ---------------------------------------------------------------------
        "CREATE TRIGGER daily_summary_supplier_ai AFTER INSERT ON supplier_order BEGIN "
        f"{upsert_sql(*supplier, **new_r)}; END",
        f"CREATE TRIGGER daily_summary_supplier_au AFTER UPDATE OF {', '.join(SUPPLIER_SOURCE)}"
        f" ON supplier_order WHEN {_changed(SUPPLIER_SOURCE)} BEGIN "
        f"{upsert_sql(*supplier, sign='-', **old_r)}; {upsert_sql(*supplier, **new_r)}; END",
        "CREATE TRIGGER daily_summary_supplier_ad AFTER DELETE ON supplier_order BEGIN "
        f"{upsert_sql(*supplier, sign='-', **old_r)}; END",
    ]


TRIGGERS: tuple[str, ...] = tuple(_triggers())

#: From-scratch ``SELECT … GROUP BY`` of each table's rows (the fill, rebuild and check).
GROUP_BY: dict[str, str] = {
    SHOP_TABLE: upsert_sql(
        SHOP_TABLE, SHOP_KEYS, SHOP_COLUMNS, source="sales_order", group=True, r=""
    ),
    PRODUCT_TABLE: upsert_sql(
        PRODUCT_TABLE,
        PRODUCT_KEYS,
        PRODUCT_COLUMNS,
        source="sales_order_line l JOIN sales_order o ON o.id = l.sales_order_id",
        where=_fill(PRODUCT_CONDITION, r="o."),
        group=True,
        r="o.",
        l="l.",
    ),
    SUPPLIER_TABLE: upsert_sql(
        SUPPLIER_TABLE, SUPPLIER_KEYS, SUPPLIER_COLUMNS, source="supplier_order", group=True, r=""
    ),
}
GROUP_BY = {t: s[s.index("SELECT ") : s.index(" ON CONFLICT")] for t, s in GROUP_BY.items()}

#: Fill (or refill) the tables from the order tables, one GROUP BY each (into empty tables).
FILL: tuple[str, ...] = tuple(
    f"INSERT INTO {table} ({', '.join(k for k, _ in keys + cols)}) {GROUP_BY[table]}"
    for table, keys, cols in (
        (SHOP_TABLE, SHOP_KEYS, SHOP_COLUMNS),
        (PRODUCT_TABLE, PRODUCT_KEYS, PRODUCT_COLUMNS),
        (SUPPLIER_TABLE, SUPPLIER_KEYS, SUPPLIER_COLUMNS),
    )
)


def apply(conn: sqlite3.Connection) -> None:
    """Create the summary tables and their triggers, and fill them (in the caller's transaction)."""
    for statement in _TABLES.split(";"):
        if statement.strip():
            conn.execute(statement)
    for statement in FILL:
        conn.execute(statement)
    for trigger in TRIGGERS:
        conn.execute(trigger)
