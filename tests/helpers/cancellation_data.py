"""Test data shared by the cancellation service tests and the cancel wizard tests."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import Any

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


class Sent:
    """What sending several recorded requests returned, one :func:`submit_request` each."""

    def __init__(self, parts: list[Any]) -> None:
        self.parts = parts

    @property
    def outcomes(self) -> list[Any]:
        return [o for part in self.parts for o in part.outcomes]

    def touches(self, *tables: str) -> bool:
        return any(part.touches(*tables) for part in self.parts)


def send_each(ctx: Any, request_ids: Iterable[int], connector: Any) -> Sent:
    """Send recorded requests one after the other, as the wizard's step 6 does."""
    from dropship_desktop.services import cancellation

    return Sent([cancellation.submit_request(ctx, rid, connector) for rid in request_ids])


def retry(ctx: Any, request_id: int, connector: Any) -> Any:
    """Try a failed request again as the wizard does: record the new attempt, then send it."""
    from dropship_desktop.services import cancellation

    return cancellation.submit_request(ctx, cancellation.record_retry(ctx, request_id), connector)
