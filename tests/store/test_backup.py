"""Backups: made through the backup API, verified before they count, thinned, listed, restored."""

from __future__ import annotations

import errno
import itertools
import shutil
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from dropship_desktop.errors import DatabaseLockedError, DatabaseTooNewError, UserError
from dropship_desktop.store import backup as bk
from dropship_desktop.store import backup_list as bl
from dropship_desktop.store.db import close_database, db, open_database
from dropship_desktop.store.migrations import LATEST_VERSION
from dropship_desktop.store.tables import SalesOrder, Supplier
from tests.helpers.sqlite_errors import sqlite_error

NOW = datetime(2026, 11, 1, 12, 0, 0)


def _orders(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT count(*) FROM sales_order").fetchone()[0])
    finally:
        conn.close()


def test_backup_is_verified_single_file_with_counts(demo_db: Path) -> None:
    folder = bk.backup_dir(demo_db.parent)
    info = bk.create_backup(demo_db, folder=folder, kind=bk.AUTO, now=NOW)
    assert info.path.parent == folder
    assert info.path.name == "dropship-2026-11-01-120000-auto.db"
    assert info.order_count == 600 == _orders(info.path)
    assert info.counts is not None and info.counts["sales_order"] == 600
    # Self-contained: no WAL mode, no side files, nothing partial left.
    assert sorted(p.name for p in folder.iterdir()) == [info.path.name]
    conn = sqlite3.connect(info.path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()
    again = bk.create_backup(demo_db, folder=folder, kind=bk.AUTO, now=NOW)
    assert again.path != info.path and again.path.exists()


def test_backup_sees_committed_work_of_the_open_connection(demo_db: Path) -> None:
    with db.atomic():
        SalesOrder.update(remark="after").where(SalesOrder.id == 1).execute()
    info = bk.create_backup(demo_db, to=demo_db.parent / "copy.db")
    conn = sqlite3.connect(info.path)
    assert conn.execute("SELECT remark FROM sales_order WHERE id = 1").fetchone()[0] == "after"
    conn.close()


def test_backup_to_chosen_file_replaces_only_after_verification(
    demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "chosen.db"
    target.write_bytes(b"older content")

    def bad_verify(path: Path, expected: dict[str, int] | None = None) -> dict[str, int]:
        raise bk.BackupError("The backup x is damaged: page 3 broken")

    monkeypatch.setattr(bk, "verify_backup", bad_verify)
    with pytest.raises(bk.BackupError, match="damaged"):
        bk.create_backup(demo_db, to=target)
    # The failed copy was not kept and the old file is untouched.
    assert target.read_bytes() == b"older content"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("chosen")] == ["chosen.db"]


@pytest.mark.parametrize(
    "error",
    [
        sqlite_error(sqlite3.SQLITE_FULL),
        OSError(errno.ENOSPC, "No space left on device"),
        sqlite_error(sqlite3.SQLITE_IOERR),
    ],
)
def test_backup_disk_full_or_io_error_is_clear_and_leaves_nothing(
    demo_db: Path, monkeypatch: pytest.MonkeyPatch, error: Exception
) -> None:
    folder = bk.backup_dir(demo_db.parent)

    def failing_fsync(path: Path) -> None:
        raise error

    monkeypatch.setattr(bk, "_fsync_file", failing_fsync)
    with pytest.raises(bk.BackupError) as info:
        bk.create_backup(demo_db, folder=folder, kind=bk.AUTO, now=NOW)
    message = str(info.value)
    if "full" in str(error) or isinstance(error, OSError):
        assert "disk is full" in message
    else:
        assert "disk I/O error" in message
    assert "not been changed" in message
    assert list(folder.iterdir()) == []
    # The database is intact and still works.
    assert SalesOrder.select().count() == 600
    monkeypatch.undo()
    assert bk.create_backup(demo_db, folder=folder, kind=bk.AUTO, now=NOW).order_count == 600


def test_backup_api_error_mid_copy(demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_connect = sqlite3.connect

    def connect(target: object, *args: object, **kwargs: object) -> object:
        conn = real_connect(target, *args, **kwargs)  # type: ignore[arg-type]
        if str(target).endswith(".partial"):
            conn.close()
            raise sqlite_error(sqlite3.SQLITE_FULL)
        return conn

    monkeypatch.setattr(bk.sqlite3, "connect", connect)
    folder = bk.backup_dir(demo_db.parent)
    with pytest.raises(bk.BackupError, match="disk is full"):
        bk.create_backup(demo_db, folder=folder, kind=bk.AUTO, now=NOW)
    assert not any(folder.iterdir())


def test_verify_rejects_damaged_foreign_and_newer_files(demo_db: Path, tmp_path: Path) -> None:
    good = bk.create_backup(demo_db, to=tmp_path / "good.db").path
    assert bk.verify_backup(good)["sales_order"] == 600

    damaged = tmp_path / "damaged.db"
    data = bytearray(good.read_bytes())
    for offset in range(4096 * 5, 4096 * 9, 7):
        data[offset] = 0xFF
    damaged.write_bytes(bytes(data))
    with pytest.raises(bk.BackupError, match="damaged"):
        bk.verify_backup(damaged)

    text = tmp_path / "notes.db"
    text.write_text("hello")
    with pytest.raises(bk.BackupError, match="not a Dropship Desktop backup"):
        bk.verify_backup(text)

    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.execute("PRAGMA user_version = 1")
    conn.close()
    with pytest.raises(bk.BackupError, match="no order table"):
        bk.verify_backup(other)

    newer = tmp_path / "newer.db"
    newer.write_bytes(good.read_bytes())
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    conn.close()
    with pytest.raises(DatabaseTooNewError):
        bk.verify_backup(newer)

    with pytest.raises(bk.BackupError, match="does not match"):
        bk.verify_backup(good, {"sales_order": 601})


def _info(created: datetime, kind: str = bk.AUTO) -> bk.BackupInfo:
    return bk.BackupInfo(Path(f"{created:%Y%m%d%H%M%S}-{kind}"), created, kind, 1)


def test_thinning_keeps_recent_then_daily_weekly_monthly() -> None:
    # One automatic backup every 6 hours for 400 days, plus a manual one long ago.
    backups = [_info(NOW - timedelta(hours=6 * i)) for i in range(400 * 4)]
    manual = _info(NOW - timedelta(days=500), bk.MANUAL)
    obsolete = bl.obsolete_backups([*backups, manual], now=NOW)
    kept = sorted(set(backups) - set(obsolete), key=lambda b: b.created, reverse=True)
    assert manual not in obsolete
    recent = [b for b in kept if NOW - b.created < timedelta(days=1)]
    assert len(recent) == 4
    older = kept[len(recent) :]
    limits = bl.ThinLimits()
    assert len(older) == limits.daily + limits.weekly + limits.monthly
    # The first ones after the recent day are one per day on consecutive days; later ones are
    # spread out (one per week, then per month), reaching back most of a year.
    daily = [b.created.date() for b in older[: limits.daily]]
    assert daily == [NOW.date() - timedelta(days=d) for d in range(1, limits.daily + 1)]
    assert len({b.created.date() for b in older}) == len(older)
    weekly = older[limits.daily : limits.daily + 5]
    assert all((a.created - b.created) >= timedelta(days=3) for a, b in itertools.pairwise(weekly))
    assert NOW - older[-1].created > timedelta(days=240)
    # Thinning again removes nothing more.
    assert bl.obsolete_backups(kept, now=NOW) == []


def test_thin_and_list_on_disk(demo_db: Path) -> None:
    folder = bk.backup_dir(demo_db.parent)
    made = [
        bk.create_backup(demo_db, folder=folder, kind=bk.AUTO, now=NOW - timedelta(days=d, hours=h))
        for d in range(3)
        for h in (0, 3)
    ]
    manual = bk.create_backup(demo_db, folder=folder, kind=bk.MANUAL, now=NOW - timedelta(days=9))
    (folder / "notes.txt").write_text("not a backup")
    listed = bl.list_backups(folder)
    assert [b.path for b in listed] == [b.path for b in made] + [manual.path]
    assert all(b.order_count == 600 and b.size > 0 for b in listed)
    removed = bl.thin_backups(folder, now=NOW)
    # Today's two stay, then one per earlier day; the manual one always stays.
    assert sorted(removed) == sorted([made[3].path, made[5].path])
    assert manual.path.exists()
    assert not bl.backup_due(folder, now=NOW)
    assert bl.backup_due(folder, now=NOW + timedelta(days=1))
    assert bl.backup_due(demo_db.parent / "nowhere", now=NOW)


def test_restore_backs_up_current_first_and_is_complete(demo_db: Path) -> None:
    folder = bk.backup_dir(demo_db.parent)
    before = bk.create_backup(demo_db, folder=folder, kind=bk.MANUAL, now=NOW)
    with db.atomic():
        Supplier.update(name="changed later").execute()
        SalesOrder.delete().where(SalesOrder.id <= 100).execute()
    safety = bk.restore_backup(before.path, demo_db, folder=folder, now=NOW + timedelta(hours=1))
    assert safety is not None and safety.kind == bk.PRE_RESTORE and safety.order_count == 500
    # The still-open peewee connection sees the restored data.
    assert SalesOrder.select().count() == 600
    assert not Supplier.select().where(Supplier.name == "changed later").exists()
    close_database()
    open_database(demo_db)
    assert bk.check_database(demo_db, full=True) == []
    assert SalesOrder.select().count() == 600


def test_restore_refuses_bad_backup_and_leaves_database(demo_db: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    with pytest.raises(UserError):
        bk.restore_backup(bad, demo_db)
    assert SalesOrder.select().count() == 600
    assert not bk.backup_dir(demo_db.parent).exists()


def test_move_aside_keeps_wal_intact(demo_db: Path, tmp_path: Path) -> None:
    db.connection().execute("PRAGMA wal_autocheckpoint = 0")
    with db.atomic():
        SalesOrder.update(remark="in the wal").where(SalesOrder.id == 2).execute()
    # A copy of the files as a crash would leave them: main file plus a WAL with commits.
    crashed = tmp_path / "crashed" / "dropship.db"
    crashed.parent.mkdir()
    shutil.copyfile(demo_db, crashed)
    shutil.copyfile(demo_db.with_name("dropship.db-wal"), crashed.with_name("dropship.db-wal"))
    main_bytes = crashed.read_bytes()
    wal_bytes = crashed.with_name("dropship.db-wal").read_bytes()
    assert wal_bytes
    moved = bk.move_aside(crashed, now=NOW)
    assert not crashed.exists() and not crashed.with_name("dropship.db-wal").exists()
    assert moved.parent == crashed.parent / bk.DAMAGED_DIR_NAME
    assert moved.read_bytes() == main_bytes
    assert moved.with_name(moved.name + "-wal").read_bytes() == wal_bytes
    assert bk.move_aside(_recreate(crashed), now=NOW) != moved


def _recreate(path: Path) -> Path:
    path.write_bytes(b"")
    return path


def test_check_database(demo_db: Path, tmp_path: Path) -> None:
    assert bk.check_database(demo_db) == []
    assert bk.check_database(tmp_path / "missing.db") == []
    copy = tmp_path / "copy.db"
    bk.create_backup(demo_db, to=copy)
    data = bytearray(copy.read_bytes())
    for offset in range(4096 * 5, 4096 * 9, 7):
        data[offset] = 0xFF
    copy.write_bytes(bytes(data))
    assert bk.check_database(copy)


def test_check_database_reports_a_locked_file_as_in_use(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "busy.db"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN EXCLUSIVE")
    connect_ro = bk._connect_ro

    def impatient(p: Path) -> sqlite3.Connection:
        conn = connect_ro(p)
        conn.execute("PRAGMA busy_timeout = 0")
        return conn

    monkeypatch.setattr(bk, "_connect_ro", impatient)
    try:
        # Busy is not damaged: a damaged verdict would move the file aside.
        with pytest.raises(DatabaseLockedError):
            bk.check_database(path)
    finally:
        holder.close()
    assert bk.check_database(path) == []
