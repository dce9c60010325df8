"""Test data for the after-sales tests: shops, a supplier with an offer, orders with 1688 orders."""

from __future__ import annotations

from dropship_desktop.domain.timeutil import now_epoch
from dropship_desktop.store.db import db


def seed_orders(
    count: int = 3, *, platform: str = "pdd", status_1688: str = "success"
) -> list[int]:
    """A shop, a supplier, a product with an offer and *count* paid orders, each with a 1688
    order (paid 40.00 yuan); order numbers ``240101-000000000000001`` … Returns the order ids."""
    now = now_epoch()
    conn = db.connection()
    with db.atomic():
        conn.execute(
            "INSERT INTO shop (id, platform, name, created_at) VALUES (1, ?, '拼拼好物', ?)",
            (platform, now),
        )
        conn.execute(
            "INSERT INTO supplier (id, kind, name, created_at, updated_at)"
            " VALUES (1, 'platform', '义乌工厂', ?, ?)",
            (now, now),
        )
        conn.execute(
            "INSERT INTO product (id, title, sku, sale_price_fen, created_at, updated_at)"
            " VALUES (1, '保温杯', 'CUP', 6900, ?, ?)",
            (now, now),
        )
        conn.execute(
            "INSERT INTO offer (id, product_id, supplier_id, unit_cost_fen, lead_time_days, stock,"
            " created_at, updated_at) VALUES (1, 1, 1, 3500, 2, 50, ?, ?)",
            (now, now),
        )
        ids = []
        for i in range(1, count + 1):
            cursor = conn.execute(
                "INSERT INTO sales_order (shop_id, shop_order_no, status, sale_fen, quantity,"
                " product_summary, tracking_no, created_at, paid_at, updated_at)"
                " VALUES (1, ?, 'completed', 6900, 1, '保温杯 500ml', ?, ?, ?, ?)",
                (f"240101-{i:015d}", f"YT{i:010d}", now - 86400 * 5, now - 86400 * 5, now),
            )
            order_id = int(cursor.lastrowid)
            conn.execute(
                "INSERT INTO supplier_order (sales_order_id, supplier_id, offer_id, order_id_1688,"
                " status, product_title, cost_fen, paid_fen, created_at, updated_at)"
                " VALUES (?, 1, 1, ?, ?, '保温杯', 3500, 4000, ?, ?)",
                (order_id, f"19306798581706{i:05d}", status_1688, now - 86400 * 5, now),
            )
            ids.append(order_id)
    return ids


def q(sql: str, *params: object) -> list[tuple[object, ...]]:
    return db.execute_sql(sql, params).fetchall()


def one(sql: str, *params: object) -> object:
    return db.execute_sql(sql, params).fetchone()[0]
