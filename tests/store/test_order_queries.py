from __future__ import annotations

from pathlib import Path

from dropship_desktop.store.db import db
from dropship_desktop.store.order_queries import (
    FLAG_OVERDUE,
    OrderFilter,
    count_orders,
    fetch_rows,
    first_page,
    order_detail,
    order_ids,
)


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


def test_id_list_is_the_row_by_row_answer_in_display_order(demo_db: Path) -> None:
    """The ids are read as one hex string (off the GIL): same ids, same order, every sort."""
    from dropship_desktop.store.order_queries import SORT_COLUMNS, _order_by, _where

    for key in SORT_COLUMNS:
        for descending in (False, True):
            for text in ("", "科技园"):
                flt = OrderFilter(sort_key=key, descending=descending, text=text)
                where, params = _where(flt)
                sql = f"SELECT o.id FROM sales_order o{where}{_order_by(flt)}"
                expected = [r[0] for r in db.execute_sql(sql, params)]
                assert list(order_ids(flt)) == expected, (key, descending, text)
    assert list(order_ids(OrderFilter(text="no such order anywhere"))) == []


def _like_ids(text: str) -> set[int]:
    return {
        r[0]
        for r in db.execute_sql(
            "SELECT id FROM sales_order WHERE buyer_name LIKE ? OR product_summary LIKE ?"
            " OR ship_address LIKE ?",
            (f"%{text}%",) * 3,
        )
    }


def test_two_characters_anywhere_including_column_ends(demo_db: Path) -> None:
    # Pairs at the start, middle and very end of columns (the end starts no trigram).
    address = _one("SELECT ship_address FROM sales_order WHERE id = 3")
    name = _one("SELECT buyer_name FROM sales_order WHERE length(buyer_name) = 3 LIMIT 1")
    for text in (address[:2], address[5:7], address[-2:], name[-2:], "ML", "ml"):
        found = set(order_ids(OrderFilter(text=text)))
        assert found == _like_ids(text), text
        assert count_orders(OrderFilter(text=text)) == len(found)


def test_first_page_is_the_head_of_the_full_list(demo_db: Path) -> None:
    for flt in (
        OrderFilter(),
        OrderFilter(text="耳机"),
        OrderFilter(text="科技园", sort_key="profit_fen"),
        OrderFilter(flagged_only=True, now=1_800_000_000),
        OrderFilter(sales_statuses=("completed",), sort_key="status", descending=False),
    ):
        ids = order_ids(flt)
        assert list(first_page(flt, 50)) == list(ids[:50])
        assert count_orders(flt) == len(ids)


def test_flag_and_deadline_filters(demo_db: Path) -> None:
    now = _one("SELECT max(ship_by) FROM sales_order WHERE status = 'paid'") - 3600
    flagged = set(order_ids(OrderFilter(flagged_only=True, now=now)))
    expected = {
        r[0]
        for r in db.execute_sql(
            "SELECT id FROM sales_order WHERE flags != 0 OR status = 'paid' AND ship_by < ?",
            (now + 12 * 3600,),
        )
    }
    assert flagged == expected
    overdue = set(order_ids(OrderFilter(deadline="overdue", now=now)))
    assert overdue and overdue < flagged
    rows = fetch_rows(list(overdue)[:5], now=now)
    assert all(r[-1] & FLAG_OVERDUE for r in rows.values())
    mismatch = set(order_ids(OrderFilter(flags_any=4)))
    assert mismatch == {r[0] for r in db.execute_sql("SELECT id FROM sales_order WHERE flags & 4")}


def test_order_detail_is_masked(demo_db: Path) -> None:
    detail = order_detail(7)
    assert detail is not None and detail.lines
    phone = _one("SELECT buyer_phone FROM sales_order WHERE id = 7")
    assert detail.order["buyer_phone"] != phone and "****" in str(detail.order["buyer_phone"])
    assert order_detail(999_999) is None


def test_one_and_two_characters_match_like_everywhere(demo_db: Path) -> None:
    # Every character (and pair) of some values, at their start, middle and very end.
    address = _one("SELECT ship_address FROM sales_order WHERE id = 5")
    product = _one("SELECT product_summary FROM sales_order WHERE id = 9")
    name = _one("SELECT buyer_name FROM sales_order WHERE id = 11")
    texts = {address[0], address[-1], product[-1], name[-1], name[0], "m", "L", "%", "_"}
    texts |= {product[-2:], name[:2], " \x1f张"[1:]}
    for text in sorted(texts):
        expected = {
            r[0]
            for r in db.execute_sql(
                "SELECT id FROM sales_order WHERE instr(lower(buyer_name), lower(?))"
                " OR instr(lower(product_summary), lower(?)) OR instr(lower(ship_address), lower(?))",
                (text.replace("\x1f", ""),) * 3,
            )
        }
        found = set(order_ids(OrderFilter(text=text)))
        assert found == expected, text
        assert count_orders(OrderFilter(text=text)) == len(found)


def test_short_search_first_page_dense_and_sparse(demo_db: Path, monkeypatch) -> None:
    from dropship_desktop.store import order_queries

    for dense_from in (20_000, 5):  # a rare text looked up; a frequent one walked with LIKE
        monkeypatch.setattr(order_queries, "_SHORT_DENSE", dense_from)
        monkeypatch.setattr(order_queries, "_SHORT_DENSE_UNINDEXED", dense_from)
        for text in ("市", "耳机", "ml", "X"):
            for sort_key in ("created_at", "profit_fen", "quantity"):
                flt = OrderFilter(text=text, sort_key=sort_key)
                assert list(first_page(flt, 30)) == list(order_ids(flt)[:30]), (text, sort_key)


def test_index_follows_updates_and_deletes(demo_db: Path) -> None:
    with db.atomic():
        db.execute_sql("UPDATE sales_order SET buyer_name = '鼺鱻' WHERE id = 7")
        db.execute_sql("DELETE FROM sales_order_line WHERE sales_order_id = 8")
        db.execute_sql("UPDATE supplier_order SET sales_order_id = NULL WHERE sales_order_id = 8")
        db.execute_sql("DELETE FROM audit_event WHERE sales_order_id = 8")
        db.execute_sql("DELETE FROM sales_order WHERE id = 8")
    assert set(order_ids(OrderFilter(text="鱻"))) == {7}
    assert set(order_ids(OrderFilter(text="鼺鱻"))) == {7}
    assert 8 not in set(order_ids(OrderFilter(text="市")))
    db.execute_sql("INSERT INTO sales_order_fts (sales_order_fts) VALUES ('integrity-check')")


def test_short_search_ids_equal_the_sql_answer_in_display_order(demo_db: Path) -> None:
    from dropship_desktop.store.order_queries import _query_ids

    shop = _one("SELECT min(id) FROM shop")
    filters = [
        OrderFilter(),
        OrderFilter(sort_key="profit_fen", descending=False),
        OrderFilter(sort_key="quantity"),
        OrderFilter(sales_statuses=("paid", "shipped"), shop_ids=(shop,)),
        OrderFilter(flagged_only=True, sort_key="ship_by"),
    ]
    for base in filters:
        order_ids(base)  # what the list does first: the text-less list is then kept
        for text in ("市", "耳机", "ml", "张", "鼺"):
            flt = OrderFilter(**{**base.__dict__, "text": text})
            assert list(order_ids(flt)) == list(_query_ids(flt)), (text, base)


def test_short_search_sees_writes_of_this_and_other_connections(demo_db: Path) -> None:
    import sqlite3

    copy = (
        "INSERT INTO sales_order (shop_id, shop_order_no, status, buyer_name, created_at,"
        " updated_at) SELECT shop_id, ?, status, '鼺', created_at, updated_at"
        " FROM sales_order WHERE id = 1"
    )
    order_ids(OrderFilter())  # the text-less list is kept
    assert list(order_ids(OrderFilter(text="鼺"))) == []
    with db.atomic():
        new = db.execute_sql(copy, ("T-1",)).lastrowid
    assert list(order_ids(OrderFilter(text="鼺"))) == [new]

    order_ids(OrderFilter())
    other = sqlite3.connect(demo_db)
    with other:
        newer = other.execute(copy, ("T-2",)).lastrowid
    other.close()
    assert set(order_ids(OrderFilter(text="鼺"))) == {new, newer}


def test_short_search_survives_commits_of_another_connection_between_its_reads(
    demo_db: Path, monkeypatch
) -> None:
    import sqlite3

    from dropship_desktop.store import order_queries
    from dropship_desktop.store.order_queries import _query_ids

    other = sqlite3.connect(demo_db, isolation_level=None)
    top = _one("SELECT max(id) FROM sales_order")
    real = order_queries._max_order_id

    def delete_newest_first() -> int:
        for sql in (
            "DELETE FROM sales_order_line WHERE sales_order_id = ?",
            "UPDATE supplier_order SET sales_order_id = NULL WHERE sales_order_id = ?",
            "DELETE FROM audit_event WHERE sales_order_id = ?",
            "DELETE FROM sales_order WHERE id = ?",
        ):
            other.execute(sql, (top,))
        return real()

    def add_matches_after() -> int:
        highest = real()
        for n in range(3):
            other.execute(
                "INSERT INTO sales_order (shop_id, shop_order_no, status, buyer_name, created_at,"
                " updated_at) SELECT shop_id, ?, status, '鼺', created_at, updated_at"
                " FROM sales_order WHERE id = 1",
                (f"R-{n}",),
            )
        return highest

    # Another program commits between this search's reads: the newest order goes away after
    # the list was kept, or matching orders arrive after the highest id was read.
    for racing in (delete_newest_first, add_matches_after):
        order_ids(OrderFilter())  # the text-less list is kept
        monkeypatch.setattr(order_queries, "_max_order_id", racing)
        found = order_ids(OrderFilter(text="鼺"))  # no IndexError
        monkeypatch.setattr(order_queries, "_max_order_id", real)
        assert set(found) <= set(_query_ids(OrderFilter(text="鼺")))
    assert list(order_ids(OrderFilter(text="鼺"))) == list(_query_ids(OrderFilter(text="鼺")))
    assert len(order_ids(OrderFilter(text="鼺"))) == 3
    other.close()
