"""Issue #13 §2: a tracking number, or any part (four characters or more) of an order number,
shop or 1688, finds its order; the index follows every change of those numbers."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dropship_desktop.store.db import db
from dropship_desktop.store.migrations import m0006_number_search
from dropship_desktop.store.order_queries import OrderFilter, count_orders, first_page, order_ids


def _numbers_of_orders() -> dict[int, list[str]]:
    """Every number each sales order can be found by, straight from the tables."""
    found: dict[int, list[str]] = {}
    for order_id, *values in db.execute_sql(
        "SELECT id, shop_order_no, supplier_order_no, tracking_no FROM sales_order"
    ):
        found[order_id] = [v for v in values if v]
    for order_id, number, tracking in db.execute_sql(
        "SELECT sales_order_id, order_id_1688, tracking_no FROM supplier_order"
        " WHERE sales_order_id IS NOT NULL"
    ):
        found[order_id] += [v for v in (number, tracking) if v]
    return found


def _expected(part: str) -> set[int]:
    folded = part.lower()
    by_number = {i for i, values in _numbers_of_orders().items() if any(folded in v.lower()
                                                                         for v in values)}  # fmt: skip
    return by_number


def test_a_tracking_number_finds_its_order(demo_db: Path) -> None:
    sales_id, tracking = db.execute_sql(
        "SELECT id, tracking_no FROM sales_order WHERE tracking_no != '' LIMIT 1"
    ).fetchone()
    assert sales_id in order_ids(OrderFilter(text=tracking))
    # The 1688 side's own tracking number, when it differs from the shop order's.
    so_id, sales_id = db.execute_sql(
        "SELECT id, sales_order_id FROM supplier_order WHERE sales_order_id IS NOT NULL LIMIT 1"
    ).fetchone()
    db.execute_sql(
        "UPDATE supplier_order SET tracking_no = 'YT7788990011223' WHERE id = ?", (so_id,)
    )
    assert list(order_ids(OrderFilter(text="YT7788990011223"))) == [sales_id]
    assert list(order_ids(OrderFilter(text="yt77889900"))) == [sales_id]


def test_the_end_and_the_middle_of_an_order_number(demo_db: Path) -> None:
    order_id, number, number_1688 = db.execute_sql(
        "SELECT id, shop_order_no, supplier_order_no FROM sales_order"
        " WHERE supplier_order_no IS NOT NULL ORDER BY id DESC LIMIT 1"
    ).fetchone()
    for part in (number[-5:], number[5:12], number_1688[-4:], number_1688[3:10], number):
        found = set(order_ids(OrderFilter(text=part)))
        assert order_id in found, part
        assert found == _expected(part) | _text_matches(part), part
        assert count_orders(OrderFilter(text=part)) == len(found)


def _text_matches(part: str) -> set[int]:
    pattern = f"%{part}%"
    return {
        r[0]
        for r in db.execute_sql(
            "SELECT id FROM sales_order WHERE buyer_name LIKE ? OR buyer_phone LIKE ?"
            " OR ship_address LIKE ? OR product_summary LIKE ?",
            (pattern,) * 4,
        )
    }


def test_parts_of_numbers_match_a_full_scan(demo_db: Path) -> None:
    values = sorted({v for vs in _numbers_of_orders().values() for v in vs})

    @settings(max_examples=80, deadline=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
    @given(index=st.integers(0, len(values) - 1), start=st.integers(0, 20), size=st.integers(4, 12))
    def check(index: int, start: int, size: int) -> None:
        value = values[index]
        part = value[start : start + size]
        if len(part) < 4 or not any(c.isdigit() for c in part):
            return
        expected = _expected(part) | _text_matches(part)
        ids = order_ids(OrderFilter(text=part))
        assert set(ids) == expected, part
        assert list(first_page(OrderFilter(text=part), 30)) == list(ids[:30])

    check()


def test_index_follows_every_change(demo_db: Path) -> None:
    order_id = db.execute_sql(
        "SELECT sales_order_id FROM supplier_order WHERE sales_order_id IS NOT NULL LIMIT 1"
    ).fetchone()[0]
    db.execute_sql("UPDATE sales_order SET shop_order_no = 'ZZ99887766' WHERE id = ?", (order_id,))
    db.execute_sql("UPDATE sales_order SET tracking_no = 'SF1122334455' WHERE id = ?", (order_id,))
    assert list(order_ids(OrderFilter(text="9988776"))) == [order_id]
    assert list(order_ids(OrderFilter(text="22334455"))) == [order_id]
    # A 1688 order re-linked to another sales order moves with it.
    so_id, number = db.execute_sql(
        "SELECT id, order_id_1688 FROM supplier_order WHERE sales_order_id = ? LIMIT 1", (order_id,)
    ).fetchone()
    other = db.execute_sql("SELECT max(id) FROM sales_order").fetchone()[0]
    db.execute_sql("UPDATE supplier_order SET sales_order_id = ? WHERE id = ?", (other, so_id))
    assert other in order_ids(OrderFilter(text=number))
    db.execute_sql("DELETE FROM supplier_order WHERE id = ?", (so_id,))
    db.execute_sql("UPDATE sales_order SET supplier_order_no = NULL WHERE id IN (?, ?)",
                   (order_id, other))  # fmt: skip
    assert not set(order_ids(OrderFilter(text=number))) & {order_id, other}
    db.execute_sql("DELETE FROM sales_order WHERE id = ?", (order_id,))
    assert list(order_ids(OrderFilter(text="9988776"))) == []
    # The stored text agrees with the view for every order.
    stored = dict(db.execute_sql("SELECT rowid, numbers FROM order_number_fts").fetchall())
    view = dict(
        db.execute_sql("SELECT id, numbers FROM order_number_src WHERE numbers IS NOT NULL")
    )
    assert stored == view
    db.execute_sql("INSERT INTO order_number_fts (order_number_fts) VALUES ('integrity-check')")


def test_migration_indexes_the_orders_already_stored(demo_db: Path) -> None:
    conn: sqlite3.Connection = db.connection()
    conn.execute("BEGIN")
    for name in ("order_number_fts", "order_number_src"):
        kind = "TABLE" if name.endswith("fts") else "VIEW"
        conn.execute(f"DROP {kind} {name}")
    for (trigger,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'order_number%'"
    ).fetchall():
        conn.execute(f"DROP TRIGGER {trigger}")
    m0006_number_search.apply(conn)
    conn.execute("COMMIT")
    number = db.execute_sql("SELECT shop_order_no FROM sales_order WHERE id = 300").fetchone()[0]
    assert 300 in order_ids(OrderFilter(text=number[-6:]))


@pytest.mark.parametrize("text", ["SF", "abc", "12-", "王12345"])
def test_short_or_non_number_text_is_not_a_number_search(demo_db: Path, text: str) -> None:
    assert count_orders(OrderFilter(text=text)) == len(order_ids(OrderFilter(text=text)))


def test_many_matches_walk_the_sort_index_and_agree(
    demo_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When a piece of a number is in very many orders the first page walks the sort index
    testing each order's numbers: it must find exactly what the index finds."""
    from dropship_desktop.store import order_queries

    monkeypatch.setattr(order_queries, "_NUMBER_DENSE", 3)
    number = db.execute_sql("SELECT shop_order_no FROM sales_order WHERE id = 5").fetchone()[0]
    for part in ("0000", number[-4:], number[2:9], "SF12", "1388"):
        for key in ("created_at", "sale_fen", "ship_by"):
            flt = OrderFilter(text=part, sort_key=key)
            ids = order_ids(flt)
            assert set(ids) == _expected(part) | _text_matches(part), part
            assert list(first_page(flt, 50)) == list(ids[:50]), (part, key)
