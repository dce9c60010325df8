"""SQLite failures are classified by their result code, with errors the engine really raises."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import peewee
import pytest

from dropship_desktop.errors import DatabaseLockedError, DatabaseReadOnlyError, UserError
from dropship_desktop.store.db import user_error_for
from dropship_desktop.store.sqlite_errors import SqliteFailure, failure_kind, sqlite_code
from tests.helpers.sqlite_errors import sqlite_error


def _raised(fn: object) -> BaseException:
    try:
        fn()  # type: ignore[operator]
    except BaseException as exc:
        return exc
    raise AssertionError("nothing was raised")


def test_read_only_database(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    sqlite3.connect(path).close()
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    exc = _raised(lambda: conn.execute("CREATE TABLE t (x)"))
    assert failure_kind(exc) is SqliteFailure.READ_ONLY
    assert isinstance(user_error_for(exc), DatabaseReadOnlyError)


def test_locked_database(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN EXCLUSIVE")
    other = sqlite3.connect(path, timeout=0)
    exc = _raised(lambda: other.execute("INSERT INTO t VALUES (1)"))
    holder.execute("ROLLBACK")
    assert failure_kind(exc) is SqliteFailure.LOCKED
    assert isinstance(user_error_for(exc), DatabaseLockedError)


def test_full_database() -> None:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE t (x)")
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")
    exc = _raised(lambda: conn.execute("INSERT INTO t VALUES (randomblob(100000))"))
    assert failure_kind(exc) is SqliteFailure.DISK_FULL
    error = user_error_for(exc)
    assert isinstance(error, UserError)
    assert "disk is full" in str(error)


def test_interrupted_query() -> None:
    conn = sqlite3.connect(":memory:", check_same_thread=False)
    timer = threading.Timer(0.05, conn.interrupt)
    timer.start()
    query = "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c) SELECT count(*) FROM c"
    exc = _raised(lambda: conn.execute(query).fetchone())
    timer.join()
    assert failure_kind(exc) is SqliteFailure.INTERRUPTED
    assert user_error_for(exc) is None  # aborting on purpose is not the user's problem


def test_peewee_wrapped_error_is_read_through() -> None:
    database = peewee.SqliteDatabase(":memory:", pragmas={"query_only": 1})
    exc = _raised(lambda: database.execute_sql("CREATE TABLE t (x)"))
    assert isinstance(exc, peewee.OperationalError)
    assert sqlite_code(exc) == sqlite3.SQLITE_READONLY
    assert isinstance(user_error_for(exc), DatabaseReadOnlyError)


@pytest.mark.parametrize(
    ("code", "kind"),
    [
        (sqlite3.SQLITE_IOERR_WRITE, SqliteFailure.IO_ERROR),
        (sqlite3.SQLITE_READONLY_DBMOVED, SqliteFailure.READ_ONLY),
        (sqlite3.SQLITE_BUSY_SNAPSHOT, SqliteFailure.LOCKED),
    ],
)
def test_extended_codes_count_as_their_family(code: int, kind: SqliteFailure) -> None:
    assert failure_kind(sqlite_error(code)) is kind


def test_message_wording_alone_decides_nothing() -> None:
    # A bug whose text happens to mention a locked database is still a bug.
    exc = sqlite_error(sqlite3.SQLITE_ERROR, "no such table: database is locked")
    assert failure_kind(exc) is None
    assert user_error_for(exc) is None
    assert failure_kind(ValueError("database or disk is full")) is None
