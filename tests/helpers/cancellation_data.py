"""Test data shared by the cancellation service tests and the cancel wizard tests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from dropship_desktop.domain.timeutil import now_epoch
from dropship_desktop.store.db import db

NOW = datetime.now(UTC).replace(microsecond=0)
HOUR_AGO = int((NOW - timedelta(hours=1)).timestamp())


class SimulatedCrash(BaseException):
    """The app being killed mid-call (not an Exception: nothing may catch it)."""


def q(sql: str, *params: object) -> list[tuple[object, ...]]:
    """Run SQL on the open test database and return all rows."""
    return db.execute_sql(sql, params).fetchall()


def one(sql: str, *params: object) -> object:
    """Run SQL on the open test database and return the first column of the first row."""
    return db.execute_sql(sql, params).fetchone()[0]


def seed_world() -> dict[str, int]:
    """Insert a shop, an account, a supplier and a product with an offer.

    Returns:
        The ids of the shop, the distribution account and the offer.
    """
    now = now_epoch()
    with db.atomic():
        q("INSERT INTO shop (id, platform, name, created_at) VALUES (1, 'taobao', '小店', ?)", now)
        q(
            "INSERT INTO distribution_account (id, name, member_id, connector, created_at)"
            " VALUES (1, '主账号', 'buyer_1', 'fake', ?)",
            now,
        )
        q(
            "INSERT INTO supplier (id, kind, name, created_at, updated_at)"
            " VALUES (1, 'platform', '义乌工厂', ?, ?)",
            now,
            now,
        )
        q(
            "INSERT INTO product (id, title, sku, sale_price_fen, created_at, updated_at)"
            " VALUES (1, 'T恤', 'TS', 3000, ?, ?)",
            now,
            now,
        )
        q(
            "INSERT INTO offer (id, product_id, supplier_id, unit_cost_fen, lead_time_days, stock,"
            " created_at, updated_at) VALUES (1, 1, 1, 1000, 2, 50, ?, ?)",
            now,
            now,
        )
    return {"shop": 1, "account": 1, "offer": 1}
