"""Version 12: covering indexes for the dashboard at a million orders.

**Supplier orders by sales order.** The to-do counts 待回填单号 (tracking to send) and 待向供应商下单
(to order) check, for each of the few thousand paid orders in their queue, whether a live 1688
order (with a tracking number) exists. ``supplier_order_sales`` held the sales order id alone,
so each check also read the 1688 order's row for its status and tracking number: about two
thirds of the cost of the slowest card. The index keeps its name and leading column (every
query that used it still does) and now also holds ``status`` and ``tracking_no``, so the checks
read the index alone.

**Product summary by title.** The top-products chart sums ``product_daily_summary`` by title over
the chosen days. The table's key is (shop, day, title), so every range read all its rows and
sorted them by title in a temporary B-tree: ~45 ms for a year at a million orders (the 365-day
range missed its 30 ms). ``product_daily_summary_title`` holds the rows in title order with every
figure the query reads, so the ``GROUP BY title`` walks it once without sorting (~8 ms for a
year, ~1 ms for 30 days). It indexes a summary table of a few tens of thousands of rows.

**Paid orders, with their status.** ``sales_order_paid_dashboard`` (migration 10, paid orders
only) gains ``status`` as its last column. Its queries name ``status = 'paid'`` (the index's own
condition); SQLite before 3.45 does not know that a partial index's ``col = constant`` gives
that column, so it read every overdue order's row for it: the late-shipment figures (per shop,
per supplier) and the overdue counts now read the index alone.
"""

from __future__ import annotations

import sqlite3

VERSION = 12

PRODUCT_TITLE_INDEX = "product_daily_summary_title"
SUPPLIER_BY_SALES_INDEX = "supplier_order_sales"
PAID_INDEX = "sales_order_paid_dashboard"  # as in migration 10

_SQL = (
    f"CREATE INDEX {PRODUCT_TITLE_INDEX} ON product_daily_summary"
    " (title, day, shop_id, quantity, sales_fen, lines)",
    f"DROP INDEX IF EXISTS {SUPPLIER_BY_SALES_INDEX}",
    f"CREATE INDEX {SUPPLIER_BY_SALES_INDEX} ON supplier_order (sales_order_id, status, tracking_no)",
    f"DROP INDEX IF EXISTS {PAID_INDEX}",
    f"CREATE INDEX {PAID_INDEX} ON sales_order"
    " (ship_by, shop_id, created_at, flags, supplier_status, status) WHERE status = 'paid'",
)


def apply(conn: sqlite3.Connection) -> None:
    """Create the indexes (inside the caller's transaction; ~3 s at a million orders)."""
    for statement in _SQL:
        conn.execute(statement)
