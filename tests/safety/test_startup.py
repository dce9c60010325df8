"""Start-up: damaged, foreign, unreadable, newer and read-only databases; backup before migrating."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from types import SimpleNamespace

import pytest

from dropship_desktop import startup
from dropship_desktop.context import AppContext
from dropship_desktop.errors import (
    DatabaseLockedError,
    DatabaseReadOnlyError,
    DatabaseTooNewError,
    NotADatabaseError,
    UserError,
)
from dropship_desktop.services.suppliers import SupplierInput, create_supplier
from dropship_desktop.startup import Choice, DbState, Recovery
from dropship_desktop.store import backup as bk
from dropship_desktop.store import backup_list as bl
from dropship_desktop.store import db as store_db
from dropship_desktop.store.db import close_database, is_read_only, open_database
from dropship_desktop.store.migrations import LATEST_VERSION, MIGRATIONS
from dropship_desktop.store.tables import SalesOrder, Supplier
from tests.helpers.sqlite_errors import sqlite_error


def _damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    for offset in range(4096 * 5, 4096 * 9, 7):
        data[offset] = 0xFF
    path.write_bytes(bytes(data))


@pytest.fixture
def data_dir(demo_db: Path) -> Path:
    """A data folder with a 600-order database (closed) and one verified backup of it."""
    folder = demo_db.parent
    bk.create_backup(demo_db, folder=bk.backup_dir(folder), kind=bk.AUTO)
    close_database()
    return folder


def test_sound_database_opens(data_dir: Path) -> None:
    assert startup.diagnose(data_dir / "dropship.db") == (DbState.OK, "")
    startup.open_checked(AppContext(data_dir), choose=pytest.fail)
    assert SalesOrder.select().count() == 600


def test_damaged_database_moved_aside_and_backup_opened(data_dir: Path) -> None:
    path = data_dir / "dropship.db"
    # Recent work sits in the WAL, as after a crash: it must be kept with the damaged file.
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("DELETE FROM audit_event")
    conn.commit()
    keeper = sqlite3.connect(path)  # keeps the WAL from being checkpointed away on close
    keeper.execute("BEGIN")
    keeper.execute("SELECT 1 FROM sales_order").fetchone()
    conn.close()
    wal = path.with_name("dropship.db-wal")
    wal_bytes = wal.read_bytes()
    keeper.rollback()
    _damage(path)
    damaged_bytes = path.read_bytes()

    seen: list[Recovery] = []

    def choose(recovery: Recovery) -> Choice:
        seen.append(recovery)
        # Nothing is touched before the seller decides.
        assert path.read_bytes() == damaged_bytes
        return Choice.RESTORE_BACKUP

    assert startup.diagnose(path)[0] is DbState.DAMAGED
    startup.open_checked(AppContext(data_dir), choose=choose)
    keeper.close()
    (recovery,) = seen
    assert recovery.state is DbState.DAMAGED and recovery.backup is not None
    assert recovery.backup.order_count == 600
    assert SalesOrder.select().count() == 600
    kept = sorted((data_dir / bk.DAMAGED_DIR_NAME).iterdir())
    main = [p for p in kept if p.suffix == ".db"]
    assert len(main) == 1 and main[0].read_bytes() == damaged_bytes
    assert main[0].with_name(main[0].name + "-wal").read_bytes() == wal_bytes


def test_quit_leaves_the_damaged_database_alone(data_dir: Path) -> None:
    path = data_dir / "dropship.db"
    _damage(path)
    with pytest.raises(UserError) as info:
        startup.open_checked(AppContext(data_dir), choose=lambda r: Choice.QUIT)
    assert str(info.value) == ""
    assert path.exists() and not (data_dir / bk.DAMAGED_DIR_NAME).exists()


def test_damaged_without_backup_can_start_empty(data_dir: Path) -> None:
    for backup in bk.backup_dir(data_dir).iterdir():
        backup.unlink()
    _damage(data_dir / "dropship.db")
    startup.open_checked(
        AppContext(data_dir),
        choose=lambda r: Choice.START_EMPTY if r.backup is None else Choice.QUIT,
    )
    assert SalesOrder.select().count() == 0


def test_headless_damaged_is_a_clear_error(data_dir: Path) -> None:
    _damage(data_dir / "dropship.db")
    with pytest.raises(NotADatabaseError, match="damaged"):
        startup.open_checked(AppContext(data_dir))


def test_a_database_in_use_elsewhere_is_not_treated_as_damaged(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_db, "BUSY_TIMEOUT_S", 0)
    path = data_dir / "dropship.db"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")  # in WAL mode this shuts readers out too
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("DELETE FROM audit_event")
    try:
        # No recovery is offered (choose would fail the test) and nothing is moved aside.
        with pytest.raises(DatabaseLockedError, match="in use by another program"):
            startup.open_checked(AppContext(data_dir), choose=pytest.fail)
    finally:
        holder.close()
    assert path.exists()
    assert not (data_dir / bk.DAMAGED_DIR_NAME).exists()


def test_each_unusable_kind_has_its_own_message(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "dropship.db"
    path.write_text("a text file, not a database")
    state, detail = startup.diagnose(path)
    assert state is DbState.NOT_DATABASE and "not an SQLite file" in detail
    with pytest.raises(NotADatabaseError, match="not an SQLite file"):
        startup.open_checked(AppContext(folder))

    path.unlink()
    path.mkdir()
    assert startup.diagnose(path)[0] is DbState.UNREADABLE
    with pytest.raises(NotADatabaseError, match="is a folder"):
        startup.open_checked(AppContext(folder), choose=pytest.fail)
    path.rmdir()

    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    conn.close()
    assert startup.diagnose(path)[0] is DbState.TOO_NEW
    with pytest.raises(DatabaseTooNewError, match="newer version"):
        startup.open_checked(AppContext(folder), choose=pytest.fail)
    assert path.exists()


def test_backup_before_migration(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def apply(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE later_feature (id INTEGER PRIMARY KEY)")

    fake = SimpleNamespace(VERSION=LATEST_VERSION + 1, apply=apply)
    monkeypatch.setattr(store_db, "LATEST_VERSION", LATEST_VERSION + 1)
    monkeypatch.setattr(store_db, "MIGRATIONS", [*MIGRATIONS, fake])
    startup.open_checked(AppContext(data_dir), choose=pytest.fail)
    assert store_db.schema_version() == LATEST_VERSION + 1
    pre = [b for b in bl.list_backups(bk.backup_dir(data_dir)) if b.kind == bk.PRE_MIGRATE]
    assert len(pre) == 1 and pre[0].order_count == 600
    conn = sqlite3.connect(pre[0].path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    conn.close()


def test_read_only_database_reads_and_refuses_writes(data_dir: Path) -> None:
    path = data_dir / "dropship.db"
    before = path.read_bytes()
    open_database(path, read_only=True)
    try:
        assert is_read_only()
        assert SalesOrder.select().count() == 600
        with pytest.raises(DatabaseReadOnlyError, match="read-only"):
            create_supplier(SupplierInput(kind="platform", name="new"))
        assert not Supplier.select().where(Supplier.name == "new").exists()
        assert store_db.database_path() == path
    finally:
        close_database()
    assert path.read_bytes() == before
    open_database(path)
    assert not is_read_only()


def test_read_only_file_error_is_translated(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    # Root ignores file modes, so the failing write is injected at the SQLite boundary.
    def readonly(*args: object, **kwargs: object) -> None:
        raise sqlite_error(sqlite3.SQLITE_READONLY)

    monkeypatch.setattr(store_db, "migrate", readonly)
    with pytest.raises(DatabaseReadOnlyError, match="read-only"):
        open_database(data_dir / "dropship.db")
