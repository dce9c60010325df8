from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from dropship_desktop.errors import (
    DatabaseLockedError,
    DatabaseTooNewError,
    NotADatabaseError,
    UserError,
)
from dropship_desktop.store import db as store_db
from dropship_desktop.store.db import close_database, db, open_database, schema_version
from dropship_desktop.store.migrations import LATEST_VERSION
from dropship_desktop.store.tables import ALL_TABLES, Shop, SupplierOrder


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_migrates_an_empty_file_to_the_latest_version(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    open_database(path)
    try:
        assert schema_version() == LATEST_VERSION
        assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute_sql("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
        assert db.execute_sql("PRAGMA busy_timeout").fetchone()[0] >= 5000
    finally:
        close_database()


def test_reopening_does_not_migrate_again(fresh_db: Path) -> None:
    close_database()
    open_database(fresh_db)
    assert schema_version() == LATEST_VERSION


def test_write_transactions_begin_immediate(fresh_db: Path) -> None:
    statements: list[str] = []
    db.connection().set_trace_callback(statements.append)
    with db.atomic():
        Shop.insert(platform="taobao", name="店", created_at=0).execute()
    db.connection().set_trace_callback(None)
    assert statements[0].upper().startswith("BEGIN IMMEDIATE")


def test_models_match_the_migrated_schema(fresh_db: Path) -> None:
    for model in ALL_TABLES:
        table = model._meta.table_name
        columns = {row[1] for row in db.execute_sql(f'PRAGMA table_info("{table}")')}
        assert columns == set(model._meta.columns), table


def test_newer_database_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "newer.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE future (x)")
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 5}")
    conn.commit()
    conn.close()
    before = _digest(path)
    with pytest.raises(DatabaseTooNewError, match="newer version"):
        open_database(path)
    assert _digest(path) == before
    assert not (tmp_path / "newer.db-wal").exists()


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "orders.xlsx"
    path.write_bytes(b"PK\x03\x04 not sqlite at all" * 10)
    before = _digest(path)
    with pytest.raises(NotADatabaseError, match="not an SQLite file"):
        open_database(path)
    assert _digest(path) == before


def _locked_database(path: Path) -> sqlite3.Connection:
    """A sound database that another connection holds with an exclusive lock."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("CREATE TABLE t (x)")
    conn.execute("PRAGMA user_version = 1")
    conn.execute("BEGIN EXCLUSIVE")
    return conn


def test_a_locked_database_is_reported_as_in_use_not_damaged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_db, "BUSY_TIMEOUT_S", 0)
    path = tmp_path / "busy.db"
    holder = _locked_database(path)
    try:
        with pytest.raises(DatabaseLockedError, match="in use by another program"):
            open_database(path)
    finally:
        holder.close()


def test_a_lock_taken_after_the_preflight_is_a_plain_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # peewee raises its own OperationalError class from connect(); it must not escape as a bug.
    monkeypatch.setattr(store_db, "preflight", lambda _path: 1)
    monkeypatch.setattr(store_db, "BUSY_TIMEOUT_S", 0)
    monkeypatch.setitem(store_db.PRAGMAS, "busy_timeout", 0)
    path = tmp_path / "busy.db"
    holder = _locked_database(path)
    try:
        with pytest.raises(UserError, match="could not be opened"):
            open_database(path)
    finally:
        holder.close()
        close_database()


def test_failed_migration_leaves_the_database_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dropship_desktop.store.migrations import m0001_initial

    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("boom")

    monkeypatch.setattr(m0001_initial, "apply", broken)
    path = tmp_path / "x.db"
    with pytest.raises(RuntimeError):
        open_database(path)
    close_database()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 0
    assert (
        conn.execute("SELECT count(*) FROM sqlite_master WHERE name='half_done'").fetchone()[0] == 0
    )
    conn.close()


def test_nineteen_digit_order_numbers_and_money_round_trip(fresh_db: Path) -> None:
    number = "1930679858170647123"  # 19 digits: beyond float precision
    with db.atomic():
        SupplierOrder.insert(
            order_id_1688=number,
            status="waitbuyerpay",
            cost_fen=9_999_999_999_99,
            created_at=0,
            updated_at=0,
        ).execute()
    row = SupplierOrder.get(SupplierOrder.order_id_1688 == number)
    assert row.order_id_1688 == number
    assert isinstance(row.order_id_1688, str)
    assert row.cost_fen == 9_999_999_999_99
    stored_type = db.execute_sql("SELECT typeof(order_id_1688) FROM supplier_order").fetchone()[0]
    assert stored_type == "text"


def test_foreign_keys_are_enforced(fresh_db: Path) -> None:
    with pytest.raises(Exception, match="FOREIGN KEY"), db.atomic():
        db.execute_sql(
            "INSERT INTO sales_order (shop_id, shop_order_no, status, created_at, updated_at)"
            " VALUES (999, '1', 'paid', 0, 0)"
        )


def test_migration_3_names_every_line_in_the_product_text(tmp_path: Path) -> None:
    """A version-2 database's multi-line orders get every title in their product text, and
    the search index follows (a second line's product is found, the index stays sound)."""
    from dropship_desktop.store.migrations import m0001_initial, m0002_fts_hashsize
    from dropship_desktop.store.order_queries import OrderFilter, order_ids

    path = tmp_path / "v2.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    m0001_initial.apply(conn)
    m0002_fts_hashsize.apply(conn)
    conn.execute("INSERT INTO shop (id, platform, name, created_at) VALUES (1, 'taobao', '店', 0)")
    for order_id, summary, titles in (
        (1, "纯棉T恤 等3件", ["纯棉T恤", "陶瓷马克杯", "帆布包"]),  # as version 2 wrote it
        (2, "蓝牙耳机", ["蓝牙耳机"]),
    ):
        conn.execute(
            "INSERT INTO sales_order (id, shop_id, shop_order_no, status, product_summary,"
            " created_at, updated_at) VALUES (?, 1, ?, 'paid', ?, 0, 0)",
            (order_id, f"19306798581706{order_id:05d}", summary),
        )
        conn.executemany(
            "INSERT INTO sales_order_line (sales_order_id, title, quantity, unit_price_fen)"
            " VALUES (?, ?, 1, 100)",
            [(order_id, title) for title in titles],
        )
    conn.execute("PRAGMA user_version = 2")
    conn.execute("COMMIT")
    conn.close()

    open_database(path)
    try:
        assert schema_version() == LATEST_VERSION >= 3
        texts = dict(db.execute_sql("SELECT id, product_summary FROM sales_order").fetchall())
        assert texts == {1: "纯棉T恤 等3件：陶瓷马克杯；帆布包", 2: "蓝牙耳机"}
        for text in ("帆布包", "马克", "杯", "纯棉T恤"):
            assert list(order_ids(OrderFilter(text=text))) == [1], text
        assert list(order_ids(OrderFilter(text="耳机"))) == [2]
        db.execute_sql("INSERT INTO sales_order_fts (sales_order_fts) VALUES ('integrity-check')")
    finally:
        close_database()
