"""Test data for the fulfilment tests: shops, offers with 1688 ids, paid shop orders."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from dropship_desktop.domain.timeutil import now_epoch
from dropship_desktop.store.db import db

TODAY = datetime.now(UTC).date()
OFFER_1688 = "610947572360"
BACKUP_1688 = "720000000001"


def q(sql: str, *params: object) -> list[tuple[object, ...]]:
    return db.execute_sql(sql, params).fetchall()


def one(sql: str, *params: object) -> object:
    row = db.execute_sql(sql, params).fetchone()
    return row[0] if row else None


def seed_shops_and_offers() -> None:
    """Two shops (taobao, pdd), two suppliers, one product with a main and a backup offer."""
    now = now_epoch()
    checked = TODAY.isoformat()
    with db.atomic():
        q(
            "INSERT INTO shop (id, platform, name, created_at) VALUES (1, 'taobao', '淘宝小店', ?)",
            now,
        )
        q("INSERT INTO shop (id, platform, name, created_at) VALUES (2, 'pdd', '拼多多店', ?)", now)
        q("INSERT INTO shop (id, platform, name, created_at) VALUES (3, 'douyin', '抖店', ?)", now)
        q(
            "INSERT INTO shop (id, platform, name, created_at) VALUES (4, 'kuaishou', '快手店', ?)",
            now,
        )
        q(
            "INSERT INTO distribution_account (id, name, member_id, connector, created_at)"
            " VALUES (1, '主账号', 'buyer_1', 'fake', ?)",
            now,
        )
        for sid, name in ((1, "义乌工厂"), (2, "广州备用")):
            q(
                "INSERT INTO supplier (id, kind, name, years_on_1688, created_at, updated_at)"
                " VALUES (?, 'platform', ?, 5, ?, ?)",
                sid,
                name,
                now,
                now,
            )
        q(
            "INSERT INTO product (id, title, sku, sale_price_fen, created_at, updated_at)"
            " VALUES (1, '纯棉T恤', 'TS-001', 3990, ?, ?)",
            now,
            now,
        )
        q(
            "INSERT INTO offer (id, product_id, supplier_id, unit_cost_fen, dropship_fee_fen,"
            " shipping_fen, stock, offer_ref, last_checked, created_at, updated_at)"
            " VALUES (1, 1, 1, 1500, 100, 400, 100, ?, ?, ?, ?)",
            f"https://detail.1688.com/offer/{OFFER_1688}.html",
            checked,
            now,
            now,
        )
        q("INSERT INTO offer_price_tier (offer_id, min_qty, unit_price_fen) VALUES (1, 2, 1400)")
        q(
            "INSERT INTO offer (id, product_id, supplier_id, unit_cost_fen, dropship_fee_fen,"
            " shipping_fen, stock, offer_ref, last_checked, created_at, updated_at)"
            " VALUES (2, 1, 2, 1700, 0, 500, 100, ?, ?, ?, ?)",
            BACKUP_1688,
            checked,
            now,
            now,
        )


_next = {"order": 100}


def paid_order(
    *,
    shop: int = 1,
    no: str | None = None,
    ship_in_hours: float = 24,
    qty: int = 1,
    price: int = 3990,
    title: str = "纯棉T恤 白色",
    spec: str = "白色;M",
    code: str = "TS-001",
    item_id: str = "",
    sku_id: str = "",
    product_id: int | None = 1,
    status: str = "paid",
    name: str = "张伟",
    phone: str = "13812345678",
    address: str = "广东省深圳市南山区科技园南路88号",
) -> int:
    """Insert a paid shop order with one line; returns its id."""
    _next["order"] += 1
    now = now_epoch()
    number = no or f"19306798581706{_next['order']:05d}"
    ship_by = int((datetime.now(UTC) + timedelta(hours=ship_in_hours)).timestamp())
    with db.atomic():
        cursor = db.execute_sql(
            "INSERT INTO sales_order (shop_id, shop_order_no, status, buyer_name, buyer_phone,"
            " ship_address, sale_fen, quantity, product_summary, created_at, paid_at, ship_by,"
            " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                shop,
                number,
                status,
                name,
                phone,
                address,
                price * qty,
                qty,
                title,
                now,
                now,
                ship_by,
                now,
            ),
        )
        oid = int(cursor.lastrowid)
        db.execute_sql(
            "INSERT INTO sales_order_line (sales_order_id, product_id, title, sku, spec, quantity,"
            " unit_price_fen, platform_item_id, platform_sku_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (oid, product_id, title, code, spec, qty, price, item_id, sku_id),
        )
    return oid


def supplier_order(
    sales_order_id: int | None,
    number: str,
    *,
    status: str = "",
    offer_1688: str = OFFER_1688,
    spec_1688: str = "5012345",
    qty: int = 1,
    carrier: str = "",
    tracking: str = "",
    paid_fen: int = 0,
    cost: int = 1500,
) -> int:
    """Insert a 1688 order with one goods line; returns its id.

    Without a status: shipped on 1688 (``waitbuyerreceive``) when it has a tracking number,
    else paid and waiting to be shipped (``waitsellersend``).
    """
    status = status or ("waitbuyerreceive" if tracking else "waitsellersend")
    now = now_epoch()
    with db.atomic():
        cursor = db.execute_sql(
            "INSERT INTO supplier_order (sales_order_id, supplier_id, order_id_1688, status,"
            " product_title, quantity, cost_fen, shipping_fen, paid_fen, carrier, tracking_no,"
            " created_at, updated_at) VALUES (?, 1, ?, ?, '纯棉T恤', ?, ?, 400, ?, ?, ?, ?, ?)",
            (sales_order_id, number, status, qty, cost, paid_fen, carrier, tracking, now, now),
        )
        so_id = int(cursor.lastrowid)
        db.execute_sql(
            "INSERT INTO supplier_order_line (supplier_order_id, line_no, title, spec,"
            " offer_id_1688, sku_id_1688, quantity, unit_price_fen, amount_fen)"
            " VALUES (?, 1, '纯棉T恤 白色', '白色 M', ?, ?, ?, ?, ?)",
            (so_id, offer_1688, spec_1688, qty, cost, cost * qty),
        )
        if sales_order_id is not None:
            from dropship_desktop.services.order_summaries import refresh_order_summaries

            refresh_order_summaries([sales_order_id])  # as every service that links one does
    return so_id
