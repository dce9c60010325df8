from __future__ import annotations

from pathlib import Path

from dropship_desktop.store.db import db
from dropship_desktop.store.order_queries import OrderFilter, count_orders, fetch_rows, order_ids


def _one(sql: str) -> object:
    return db.execute_sql(sql).fetchone()[0]


def test_filter_by_status_and_count(demo_db: Path) -> None:
    expected = _one("SELECT count(*) FROM sales_order WHERE status = 'paid'")
    ids = order_ids(OrderFilter(sales_statuses=("paid",)))
    assert len(ids) == expected == count_orders(OrderFilter(sales_statuses=("paid",)))
    rows = fetch_rows(ids[:10])
    assert all(rows[i][11] == "paid" for i in ids[:10])


def test_order_number_exact_and_prefix(demo_db: Path) -> None:
    number = _one("SELECT shop_order_no FROM sales_order WHERE id = 42")
    assert list(order_ids(OrderFilter(text=number))) == [42]
    prefix = number[:-3]
    assert 42 in order_ids(OrderFilter(text=prefix))


def test_two_character_name_is_found(demo_db: Path) -> None:
    name = _one("SELECT buyer_name FROM sales_order WHERE length(buyer_name) = 2 LIMIT 1")
    expected = {
        r[0]
        for r in db.execute_sql(
            "SELECT id FROM sales_order WHERE buyer_name LIKE ? OR product_summary LIKE ?"
            " OR ship_address LIKE ?",
            (f"%{name}%",) * 3,
        )
    }
    found = set(order_ids(OrderFilter(text=name)))
    assert found == expected and found


def test_trigram_search_for_three_or_more_characters(demo_db: Path) -> None:
    expected = _one("SELECT count(*) FROM sales_order WHERE ship_address LIKE '%科技园%'")
    assert expected > 0
    assert len(order_ids(OrderFilter(text="科技园"))) == expected


def test_sort_in_sql(demo_db: Path) -> None:
    ids = order_ids(OrderFilter(sort_key="profit_fen", descending=False))
    rows = fetch_rows(ids[:50])
    profits = [rows[i][10] for i in ids[:50]]
    assert profits == sorted(profits)
