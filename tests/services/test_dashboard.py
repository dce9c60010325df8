"""Dashboard figures against direct SQL over the orders."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from dropship_desktop.domain.dashboard import DateRange
from dropship_desktop.services import dashboard as svc
from dropship_desktop.store import daily_summary as ds
from dropship_desktop.store.db import db

# The demo template's "now" (tests/conftest.py), at noon.
NOW = int(datetime(2026, 11, 1, 4, tzinfo=UTC).timestamp())


def q(sql: str, *params: object) -> list[tuple]:
    return db.execute_sql(sql, params).fetchall()


def test_figures_equal_direct_queries(demo_db: Path) -> None:
    rng = DateRange.last(30, ds.day_of(NOW))
    start, end = ds.day_start(rng.first_day), ds.day_start(rng.last_day + 1)
    data = svc.load_dashboard(rng, now=NOW)
    late = dict(
        q(
            "SELECT shop_id, count(*) FROM sales_order WHERE status = 'paid' AND ship_by < ?"
            " AND created_at >= ? AND created_at < ? GROUP BY 1",
            NOW,
            start,
            end,
        )
    )
    assert sum(late.values()) > 0
    assert {s.shop.id: s.late for s in data.per_shop if s.late} == late
    for s in data.per_shop:
        o, c = q(
            "SELECT count(*), coalesce(sum(status IN ('cancelled','refunded','refunding')), 0)"
            " FROM sales_order WHERE shop_id = ? AND created_at >= ? AND created_at < ?",
            s.shop.id,
            NOW - 30 * 86400,
            NOW,
        )[0]
        assert (s.window.orders, s.window.cancelled) == (o, c)
    suppliers = {s.supplier_id: s for s in data.suppliers}
    orders = dict(
        q(
            "SELECT coalesce(supplier_id, 0), count(*) FROM supplier_order"
            " WHERE created_at >= ? AND created_at < ? GROUP BY 1",
            start,
            end,
        )
    )
    assert {k: v.orders for k, v in suppliers.items() if v.orders} == orders
    stock = dict(
        q(
            "SELECT coalesce(so.supplier_id, 0), count(*) FROM supplier_order so"
            " WHERE (SELECT min(cr.created_at) FROM cancellation_request cr"
            " WHERE cr.supplier_order_id = so.id AND cr.state NOT IN ('failed', 'skipped')"
            " AND cr.reason_code IN ('sellerGoodsLack', 'default.out_of_stock'))"
            " BETWEEN ? AND ? - 1 GROUP BY 1",
            start,
            end,
        )
    )
    assert sum(stock.values()) > 0
    assert {k: v.supplier_caused for k, v in suppliers.items() if v.supplier_caused} == stock
    # Switching the range with the live figures reused gives the same as reading them again.
    other = DateRange.last(7, ds.day_of(NOW))
    reused = svc.load_dashboard(other, live=data.live)
    fresh = svc.load_dashboard(other, now=NOW)
    assert reused.per_shop == fresh.per_shop and reused.suppliers == fresh.suppliers
    assert reused.totals == fresh.totals and reused.rates == fresh.rates
