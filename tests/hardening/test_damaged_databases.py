"""Damaged and foreign databases: a message and a non-zero exit, never a traceback, a crash, a
hang on a dialog, or a change to a file that is not ours (issue 14)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from dropship_desktop.context import AppContext
from dropship_desktop.errors import NotADatabaseError
from dropship_desktop.startup import Choice, DbState, diagnose_in, open_checked
from dropship_desktop.store import backup as bk
from dropship_desktop.store import backup_list as bl
from dropship_desktop.store.db import close_database, db, open_database
from dropship_desktop.store.identity import APPLICATION_ID, expected_tables
from dropship_desktop.store.migrations import LATEST_VERSION, MIGRATIONS, m0005_application_id
from dropship_desktop.store.order_queries import OrderFilter, fetch_rows, order_ids
from tests.hardening.dbtools import (
    DAMAGE,
    copy_db,
    digest,
    foreign_db,
    full_check_ok,
    invalid_utf8,
    run_cli,
    stale_index,
)


@pytest.fixture
def demo_copy(demo_template: Path, tmp_path: Path) -> Path:
    close_database()
    return copy_db(demo_template, tmp_path / "data")


# --- invalid UTF-8 in a text cell ----------------------------------------------------------------


def test_invalid_utf8_reads_as_replacement_character(demo_copy: Path, tmp_path: Path) -> None:
    invalid_utf8(demo_copy)
    open_database(demo_copy)
    try:
        ids = list(order_ids(OrderFilter()))
        rows = fetch_rows(ids)  # raised OperationalError: Could not decode to UTF-8
        names = [str(r) for r in rows.values()]
        assert any("\ufffd" in n for n in names)
        found = order_ids(OrderFilter(text="shirt"))
        assert len(found) >= 3  # 'T\ufffdshirt': the rest of the text is still searchable
    finally:
        close_database()
    out = tmp_path / "orders.csv"
    result = run_cli("export", "orders", str(out), "--data-dir", str(demo_copy.parent))
    assert result.returncode == 0, result.stderr
    assert "\ufffd" in out.read_text(encoding="utf-8-sig")


def test_self_test_survives_invalid_utf8(demo_copy: Path) -> None:
    """Crashed with SIGSEGV: data() raised inside a synchronous repaint of the first page."""
    invalid_utf8(demo_copy, count=40)
    for _ in range(2):
        result = run_cli("--self-test", "--data-dir", str(demo_copy.parent), timeout=90)
        assert result.returncode == 0, (result.returncode, result.stderr[-2000:])
        assert "self-test: ok" in result.stdout


def test_order_list_page_that_cannot_be_read_is_empty_not_a_crash(
    demo_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dropship_desktop.ui.models import order_list

    open_database(demo_copy)
    try:
        model = order_list.OrderListModel()
        model.set_ids(order_ids(OrderFilter()))

        def broken(ids: object, now: object = None) -> dict[int, tuple[object, ...]]:
            raise sqlite3.OperationalError("Could not decode to UTF-8 column 'buyer_name'")

        monkeypatch.setattr(order_list, "fetch_rows", broken)
        assert model.data(model.index(0, 0)) == ""
    finally:
        close_database()


# --- self-test and check on damaged, foreign and half-schema files ------------------------------


def _drop_table(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = 0")
    conn.execute("DROP TABLE supplier_order_line")
    conn.commit()
    conn.close()


def _user_version(value: int) -> object:
    def apply(path: Path) -> None:
        conn = sqlite3.connect(path)
        conn.execute(f"PRAGMA user_version = {value:d}")
        conn.commit()
        conn.close()

    return apply


BROKEN = {
    "missing table": _drop_table,
    "user_version 0": _user_version(0),
    "user_version -1": _user_version(-1),
}


@pytest.mark.parametrize("case", list(BROKEN))
def test_half_schema_is_damaged_not_in_use(demo_copy: Path, case: str) -> None:
    BROKEN[case](demo_copy)  # type: ignore[operator]
    before = digest(demo_copy)
    state, detail = diagnose_in(demo_copy.parent)
    assert state is DbState.DAMAGED, detail
    for args in (["--self-test"], ["check"]):
        result = run_cli(*args, "--data-dir", str(demo_copy.parent), timeout=90)
        assert result.returncode == 1, result
        text = result.stdout + result.stderr
        assert "damaged" in text and "another copy" not in text
        assert "Traceback" not in text
    assert digest(demo_copy) == before


def test_foreign_sqlite_file_is_never_changed(tmp_path: Path) -> None:
    path = tmp_path / "data" / "dropship.db"
    foreign_db(path)
    before = digest(path)
    for args in (
        ["check"],
        ["--self-test"],
        ["backup"],
        ["export", "orders", str(tmp_path / "x.csv")],
        ["purge-buyer-data", "--older-than", "30"],
        ["demo", "--orders", "5"],
    ):
        result = run_cli(*args, "--data-dir", str(path.parent), timeout=90)
        assert result.returncode == 1, (args, result)
        assert "another program" in result.stdout + result.stderr, (args, result)
        assert "Traceback" not in result.stderr
    assert digest(path) == before
    assert not path.with_name("dropship.db-wal").exists()


def test_empty_file_next_to_backups_offers_the_newest_backup(demo_copy: Path) -> None:
    data_dir = demo_copy.parent
    folder = bk.backup_dir(data_dir)
    info = bk.create_backup(demo_copy, folder=folder, kind=bk.MANUAL)
    demo_copy.write_bytes(b"")
    state, _ = diagnose_in(data_dir)
    assert state is DbState.DAMAGED
    asked = []

    def choose(recovery: object) -> Choice:
        asked.append(recovery)
        return Choice.RESTORE_BACKUP

    open_checked(AppContext(data_dir), choose=choose)
    try:
        assert asked and asked[0].backup.path == info.path  # type: ignore[attr-defined]
        assert db.execute_sql("SELECT count(*) FROM sales_order").fetchone()[0] == 600
    finally:
        close_database()
    result = run_cli("--self-test", "--data-dir", str(data_dir))
    assert result.returncode == 0, result.stderr


def test_empty_file_without_backups_is_a_new_database(tmp_path: Path) -> None:
    path = tmp_path / "dropship.db"
    path.write_bytes(b"")
    assert diagnose_in(tmp_path)[0] is DbState.MISSING


# --- our mark ------------------------------------------------------------------------------------


def _app_id(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("PRAGMA application_id").fetchone()[0])
    finally:
        conn.close()


def test_new_and_migrated_databases_carry_our_application_id(tmp_path: Path) -> None:
    close_database()
    new = tmp_path / "new.db"
    open_database(new)
    close_database()
    assert _app_id(new) == APPLICATION_ID

    old = tmp_path / "old.db"
    conn = sqlite3.connect(old, isolation_level=None)
    # A database made before the migration that sets the id.
    for migration in MIGRATIONS:
        if migration.VERSION < m0005_application_id.VERSION:
            migration.apply(conn)
    conn.execute(f"PRAGMA user_version = {m0005_application_id.VERSION - 1:d}")
    conn.close()
    assert _app_id(old) == 0
    open_database(old)
    close_database()
    assert _app_id(old) == APPLICATION_ID
    conn = sqlite3.connect(old)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    conn.close()
    assert expected_tables(LATEST_VERSION) <= tables


def test_another_programs_application_id_is_refused(tmp_path: Path) -> None:
    close_database()
    path = tmp_path / "dropship.db"
    open_database(path)
    close_database()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA application_id = 12345")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(NotADatabaseError, match="another program"):
        open_database(path)
    assert digest(path) == before


# --- the background full check ------------------------------------------------------------------


def test_index_damage_is_found_in_the_background_and_recovered(demo_copy: Path) -> None:
    from dropship_desktop.ui.integrity_watch import IntegrityWatch

    data_dir = demo_copy.parent
    bk.create_backup(demo_copy, folder=bk.backup_dir(data_dir), kind=bk.MANUAL)
    stale_index(demo_copy)
    assert bk.check_database(demo_copy) == []  # quick_check is blind to it
    assert diagnose_in(data_dir)[0] is DbState.OK
    watch = IntegrityWatch(data_dir, demo_copy, None, ask=False)
    found: list[list[str]] = []
    watch.finished.connect(found.append)
    watch._run()  # the thread's body, here on this thread
    assert found and found[0]
    assert watch.problems  # recorded: the next start offers recovery
    state, detail = diagnose_in(data_dir)
    assert state is DbState.DAMAGED, detail
    with pytest.raises(NotADatabaseError, match="damaged"):
        open_checked(AppContext(data_dir))  # headless: refused, nothing moved
    open_checked(AppContext(data_dir), choose=lambda recovery: Choice.RESTORE_BACKUP)
    close_database()
    assert diagnose_in(data_dir)[0] is DbState.OK
    assert full_check_ok(demo_copy)


def test_a_backup_of_an_index_damaged_database_is_not_trusted(demo_copy: Path) -> None:
    stale_index(demo_copy)
    with pytest.raises(bk.BackupError):
        bk.create_backup(demo_copy, folder=bk.backup_dir(demo_copy.parent), kind=bk.MANUAL)
    assert bl.list_backups(bk.backup_dir(demo_copy.parent)) == []


# --- check over a corpus of damaged files ----------------------------------------------------


@pytest.mark.parametrize("kind", list(DAMAGE))
@pytest.mark.parametrize("seed", range(4))
def test_check_never_ends_in_a_traceback(demo_copy: Path, kind: str, seed: int) -> None:
    DAMAGE[kind](demo_copy, seed)
    damaged = not full_check_ok(demo_copy)
    before = digest(demo_copy)
    result = run_cli("check", "--full", "--data-dir", str(demo_copy.parent))
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    if damaged:
        assert result.returncode == 1, result.stdout
        assert "problem" in result.stdout or "damaged" in result.stderr
        assert digest(demo_copy) == before  # a damaged file is only read
    else:
        assert result.returncode == 0, result
