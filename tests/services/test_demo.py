from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from dropship_desktop.domain.enums import OrderStatus1688, SalesStatus
from dropship_desktop.errors import UserError
from dropship_desktop.services.demo import generate_demo
from dropship_desktop.store.db import close_database, db, open_database
from dropship_desktop.store.queries import integrity_problems

NOW = datetime(2026, 11, 1, tzinfo=UTC)


def _snapshot() -> list[tuple[object, ...]]:
    return db.execute_sql(
        "SELECT shop_order_no, status, buyer_name, buyer_phone, ship_address, sale_fen,"
        " supplier_status FROM sales_order ORDER BY id"
    ).fetchall()


def test_demo_is_deterministic(tmp_path: Path) -> None:
    snapshots = []
    for name in ("a.db", "b.db"):
        open_database(tmp_path / name)
        generate_demo(400, seed=3, now=NOW)
        snapshots.append(_snapshot())
        close_database()
    assert snapshots[0] == snapshots[1]
    assert len(snapshots[0]) == 400


def test_demo_covers_every_status_and_the_awkward_cases(demo_db: Path) -> None:
    statuses = {r[0] for r in db.execute_sql("SELECT DISTINCT status FROM sales_order")}
    assert statuses == {s.value for s in SalesStatus}
    supplier = {r[0] for r in db.execute_sql("SELECT DISTINCT status FROM supplier_order")}
    assert {s.value for s in OrderStatus1688} - {"confirm_goods"} <= supplier
    kinds = {r[0] for r in db.execute_sql("SELECT DISTINCT kind FROM supplier")}
    assert kinds == {"platform", "channel"}
    platforms = {r[0] for r in db.execute_sql("SELECT DISTINCT platform FROM shop")}
    assert len(platforms) >= 4
    # Overdue: paid, not shipped, ship-by deadline passed.
    overdue = db.execute_sql(
        "SELECT count(*) FROM sales_order WHERE status = 'paid' AND ship_by < ?",
        (int(NOW.timestamp()),),
    ).fetchone()[0]
    assert overdue > 0
    unmatched = db.execute_sql(
        "SELECT count(*) FROM supplier_order WHERE sales_order_id IS NULL"
    ).fetchone()[0]
    assert unmatched > 0
    # Order numbers are text with 19 digits; phones and names look Chinese.
    no, phone, name = db.execute_sql(
        "SELECT shop_order_no, buyer_phone, buyer_name FROM sales_order LIMIT 1"
    ).fetchone()
    assert len(no) == 19 and no.isdigit()
    assert len(phone) == 11 and phone.startswith("1")
    assert all("\u4e00" <= ch <= "\u9fff" for ch in name)
    assert integrity_problems(full=True) == []


def test_search_index_covers_demo_rows(demo_db: Path) -> None:
    fts = db.execute_sql("SELECT count(*) FROM sales_order_fts").fetchone()[0]
    assert fts == db.execute_sql("SELECT count(*) FROM sales_order").fetchone()[0]
    db.execute_sql("INSERT INTO sales_order_fts (sales_order_fts) VALUES ('integrity-check')")
    trigger = db.execute_sql(
        "SELECT count(*) FROM sqlite_master WHERE name = 'sales_order_fts_ai'"
    ).fetchone()[0]
    assert trigger == 1


def test_demo_refuses_a_database_with_orders(demo_db: Path) -> None:
    with pytest.raises(UserError, match="already holds demo data"):
        generate_demo(10, seed=1, now=NOW)


def test_demo_receivers_the_platform_hid_are_stored_hidden_and_not_judged(tmp_path: Path) -> None:
    """As the import stores them: empty fields with buyer_hidden bits, never a placeholder text
    (##密文…) that the fraud checks would call an invalid phone or not a name."""
    from dropship_desktop.domain.risk import decode_hits

    open_database(tmp_path / "demo.db")
    generate_demo(3000, seed=7, now=NOW)  # big enough for the fulfilment demo's 密文 orders

    placeholders = db.execute_sql(
        "SELECT count(*) FROM sales_order WHERE buyer_name LIKE '%密文%' OR buyer_name LIKE '##%'"
        " OR buyer_phone LIKE '%密文%' OR buyer_phone LIKE '$$%'"
    ).fetchone()[0]
    assert placeholders == 0
    hidden = db.execute_sql(
        "SELECT buyer_hidden, risk_rules FROM sales_order WHERE buyer_hidden != 0"
    ).fetchall()
    assert hidden
    receiver_rules = {"phone_invalid", "name_not_a_name", "address_incomplete"}
    for bits, rules in hidden:
        assert bits & 3 == 3
        assert not receiver_rules & {h.rule for h in decode_hits(rules)}
    # Scoring every order left the seen-keys filter whole, not as deltas that every later
    # scoring would add in again (no background maintenance follows a rescore).
    assert db.execute_sql("SELECT count(*) FROM risk_bits WHERE name LIKE '%+'").fetchone()[0] == 0
    assert db.execute_sql("SELECT count(*) FROM risk_bits WHERE name = 'seen'").fetchone()[0] > 0
    close_database()
