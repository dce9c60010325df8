"""Disk full and I/O errors during an import, a save and a backup: a clear message, earlier data
intact, and the app keeps working afterwards.

A full disk is produced by SQLite itself (``PRAGMA max_page_count`` at the current size makes any
growth fail with SQLITE_FULL, exactly as a full disk does); I/O errors are injected at the Python
boundary (the raw connection the services use).
"""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dropship_desktop.errors import UserError
from dropship_desktop.services.order_import import import_orders_file
from dropship_desktop.services.suppliers import SupplierInput, create_supplier
from dropship_desktop.store import backup as bk
from dropship_desktop.store.db import db
from dropship_desktop.store.tables import SalesOrder, Supplier
from tests.helpers.sqlite_errors import sqlite_error
from tests.services.test_order_import_files import (
    TAOBAO_HEADERS,
    content_dump,
    taobao_row,
    write_csv,
)


@pytest.fixture
def orders_file(tmp_path: Path) -> Path:
    rows = [taobao_row(f"40000000000000{i:05d}") for i in range(300)]
    return write_csv(tmp_path / "taobao.csv", TAOBAO_HEADERS, rows)


@pytest.fixture
def disk_full(demo_db: Path) -> Iterator[None]:
    """The database cannot grow by a single page (for this connection) until the test ends."""
    conn = db.connection()
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")
    yield
    conn.execute("PRAGMA max_page_count = 1073741823")


class FailingConnection:
    """The real connection, except that ``executemany`` fails like a dying disk."""

    def __init__(self, real: sqlite3.Connection, error: Exception) -> None:
        self._real = real
        self._error = error

    def executemany(self, *args: Any) -> Any:
        raise self._error

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)


def _checkpointed_dump(path: Path) -> list[str]:
    return content_dump(path)


def test_import_on_a_full_disk(demo_db: Path, orders_file: Path, disk_full: None) -> None:
    before = _checkpointed_dump(demo_db)
    with pytest.raises(UserError, match="disk is full") as info:
        import_orders_file(orders_file, shop_name="满盘店")
    assert "Nothing was changed" in str(info.value)
    assert _checkpointed_dump(demo_db) == before


def test_import_after_a_full_disk_works(demo_db: Path, orders_file: Path) -> None:
    conn = db.connection()
    conn.execute(f"PRAGMA max_page_count = {conn.execute('PRAGMA page_count').fetchone()[0]}")
    with pytest.raises(UserError):
        import_orders_file(orders_file, shop_name="满盘店")
    conn.execute("PRAGMA max_page_count = 1073741823")
    import_orders_file(orders_file, shop_name="满盘店")
    assert SalesOrder.select().count() == 900


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (sqlite_error(sqlite3.SQLITE_IOERR_WRITE), "disk reported an error"),
        (sqlite_error(sqlite3.SQLITE_FULL), "disk is full"),
    ],
)
def test_import_io_error(
    demo_db: Path,
    orders_file: Path,
    monkeypatch: pytest.MonkeyPatch,
    error: Exception,
    message: str,
) -> None:
    before = _checkpointed_dump(demo_db)
    real = db.connection()
    monkeypatch.setattr(db, "connection", lambda: FailingConnection(real, error))
    with pytest.raises(UserError, match=message):
        import_orders_file(orders_file, shop_name="坏盘店")
    monkeypatch.undo()
    assert _checkpointed_dump(demo_db) == before
    # The app keeps working: the same import now succeeds.
    import_orders_file(orders_file, shop_name="坏盘店")
    assert SalesOrder.select().count() == 900


def test_save_on_a_full_disk(demo_db: Path, disk_full: None) -> None:
    before = Supplier.select().count()
    big = SupplierInput(kind="platform", name="大供应商", notes="备注" * 200_000)
    with pytest.raises(UserError, match="disk is full"):
        create_supplier(big)
    assert Supplier.select().count() == before
    assert db.execute_sql("PRAGMA quick_check").fetchone()[0] == "ok"
    # Once there is space again, saving works on the same connection.
    db.execute_sql("PRAGMA max_page_count = 1073741823")
    create_supplier(big)
    assert Supplier.select().count() == before + 1


def test_backup_on_a_full_disk_keeps_nothing(
    demo_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = bk.backup_dir(demo_db.parent)
    real_replace = bk.os.replace

    def full(src: object, dst: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(bk.os, "replace", full)
    with pytest.raises(bk.BackupError, match="disk is full"):
        bk.create_backup(demo_db, folder=folder, kind=bk.AUTO)
    monkeypatch.setattr(bk.os, "replace", real_replace)
    assert list(folder.iterdir()) == []
    assert bk.create_backup(demo_db, folder=folder, kind=bk.AUTO).order_count == 600


def test_unexpected_sqlite_errors_stay_bugs(demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = db.connection()
    monkeypatch.setattr(
        db, "connection", lambda: FailingConnection(real, sqlite3.OperationalError("no such table"))
    )
    with pytest.raises(sqlite3.OperationalError):
        import_orders_file(
            write_csv(demo_db.parent / "x.csv", TAOBAO_HEADERS, [taobao_row("4" * 19)]),
            shop_name="店",
        )
