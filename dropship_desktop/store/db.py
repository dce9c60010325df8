"""The one deferred peewee database, its pragmas, and opening with migrations.

Opening goes in two stages: a read-only preflight with the plain ``sqlite3`` module (is it a
database at all, and not from a newer app?) that writes nothing, then the real peewee connection
with WAL and the other pragmas, then the migrations.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import peewee
from peewee import SqliteDatabase

from ..errors import (
    DatabaseLockedError,
    DatabaseReadOnlyError,
    DatabaseTooNewError,
    NotADatabaseError,
    UserError,
)
from ..i18n import QT_TRANSLATE_NOOP
from .bulk_orders import merge_search_segments
from .identity import check_identity
from .migrations import LATEST_VERSION, MIGRATIONS
from .sqlite_errors import SqliteFailure, failure_kind

__all__ = [
    "BUSY_TIMEOUT_S",
    "MAINTENANCE_TASKS",
    "PRAGMAS",
    "atomic",
    "checkpoint_in_background",
    "close_database",
    "connection",
    "database_path",
    "db",
    "deferred_checkpoint",
    "execute_sql",
    "in_bulk_write",
    "in_use_error",
    "is_read_only",
    "lossy_text",
    "migrate",
    "open_database",
    "opened_count",
    "preflight",
    "schema_version",
    "user_error_for",
    "wait_for_checkpoint",
]

log = logging.getLogger(__name__)

BUSY_TIMEOUT_S = 10

#: Applied on every connection (peewee connects once per thread).
PRAGMAS: dict[str, object] = {
    "journal_mode": "wal",
    # A power cut must not lose acknowledged work.
    "synchronous": "full",
    "foreign_keys": 1,
    "busy_timeout": BUSY_TIMEOUT_S * 1000,
    "cache_size": -32_000,  # 32 MB page cache
    "temp_store": "memory",
    # Removed buyer data must not linger in free pages (PIPL deletion).
    "secure_delete": 1,
}

#: Read-only opening: no WAL switch (it would write), and any write attempt fails at once.
READ_ONLY_PRAGMAS: dict[str, object] = {
    "query_only": 1,
    "foreign_keys": 1,
    "busy_timeout": BUSY_TIMEOUT_S * 1000,
    "cache_size": -32_000,
    "temp_store": "memory",
}


def lossy_text(data: bytes) -> str:
    """The ``text_factory`` of every connection: invalid UTF-8 becomes U+FFFD.

    SQLite stores whatever bytes it is given as TEXT. One damaged byte in a cell (a flipped bit,
    another program writing Latin-1) made every read of that row raise ``OperationalError:
    Could not decode to UTF-8``: an export ended, a search failed, and an exception escaping a
    paint crashed the app. The replacement character shows the damage instead. (Costs about
    0.2 µs per text cell read, small beside rendering or writing it.)
    """
    return data.decode("utf-8", "replace")


class _Database(SqliteDatabase):
    """peewee's SQLite database whose connections read damaged text as U+FFFD."""

    def _add_conn_hooks(self, conn: sqlite3.Connection) -> None:
        conn.text_factory = lossy_text
        super()._add_conn_hooks(conn)

    def begin(self, lock_type: str | None = None) -> None:
        super().begin(lock_type)
        # What the connection had changed when this transaction began (see fresh_transaction).
        self._state.changes_at_begin = self.connection().total_changes


#: The deferred database. Write transactions use ``db.atomic()`` which begins IMMEDIATE.
db = _Database(None, lock_type="IMMEDIATE")


def execute_sql(sql: str, params: Sequence[object] | Mapping[str, object] = ()) -> sqlite3.Cursor:
    """Run one statement on this thread's connection to the open database.

    With :func:`atomic` and :func:`connection`, how the layers above reach the open database:
    only the store and the application context (``context.Store``, which opens and closes it)
    touch the peewee object :data:`db` itself.
    """
    return db.execute_sql(sql, params)  # type: ignore[no-any-return]


def atomic() -> Any:
    """A write transaction (``BEGIN IMMEDIATE``), or a savepoint inside one."""
    return db.atomic()


def connection() -> sqlite3.Connection:
    """This thread's connection to the open database (opened on first use)."""
    return db.connection()  # type: ignore[no-any-return]


def fresh_transaction() -> bool:
    """Whether a second connection sees the database as this transaction does, apart from what
    the caller writes from now on: the transaction wrote nothing yet (so an outer transaction
    that the caller's savepoint joined holds no earlier writes), and the database is in WAL
    mode (a reader beside the writer, never holding it up)."""
    conn = db.connection()
    if conn.total_changes != getattr(db._state, "changes_at_begin", None):
        return False
    row = conn.execute("PRAGMA journal_mode").fetchone()
    return row is not None and str(row[0]).lower() == "wal"


#: Called with (path, from_version, to_version) before a migration touches an existing database.
BeforeMigrate = Callable[[Path, int, int], None]


def preflight(path: Path) -> int:
    """Check, without writing anything, that *path* is a usable database; return its version.

    A missing file is fine (version 0: it will be created).

    Raises:
        NotADatabaseError: The file cannot be read or is not an SQLite database.
        DatabaseTooNewError: The database was written by a newer app version.
        DatabaseLockedError: Another program holds the database (it is not damaged).
    """
    if not path.exists():
        return 0
    if path.is_dir():
        raise NotADatabaseError(
            QT_TRANSLATE_NOOP("Errors", "{path} is a folder, not a database file."), path=path
        )
    try:
        with path.open("rb") as fh:
            header = fh.read(16)
    except OSError as exc:
        raise NotADatabaseError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The database file {path} cannot be read ({reason}). Check that the file is "
                "not open in another program and that you may read it.",
            ),
            path=path,
            reason=exc.strerror,
        ) from exc
    if header and header != b"SQLite format 3\x00":
        raise NotADatabaseError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{path} is not a Dropship Desktop database (it is not an SQLite file). "
                "Choose another data folder or restore a backup.",
            ),
            path=path,
        )
    if not header:
        return 0  # an empty file: SQLite treats it as a new database
    uri = f"{path.resolve().as_uri()}?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            # Another program's file is refused untouched; ours with its schema damaged is
            # reported as damaged (both before anything below writes to it).
            check_identity(conn, path)
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        # A busy file is not a damaged one: restoring a backup would be the wrong advice.
        locked = in_use_error(path, exc)
        if locked is not None:
            raise locked from exc
        raise NotADatabaseError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The database {path} is damaged or unreadable ({reason}). Restore a backup.",
            ),
            path=path,
            reason=exc,
        ) from exc
    if version > LATEST_VERSION:
        raise DatabaseTooNewError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "This database was made by a newer version of Dropship Desktop (schema "
                "{version}; this version understands up to {latest_version}). It has not "
                "been changed. Install the newest version of the app to open it.",
            ),
            version=version,
            latest_version=LATEST_VERSION,
        )
    return int(version)


def schema_version() -> int:
    return int(db.execute_sql("PRAGMA user_version").fetchone()[0])


def migrate(before_migrate: BeforeMigrate | None = None) -> tuple[int, int]:
    """Bring the open database to :data:`LATEST_VERSION` in one IMMEDIATE transaction.

    Returns:
        (version before, version after).
    """
    current = schema_version()
    if current > LATEST_VERSION:  # raced by a newer app between preflight and here
        raise DatabaseTooNewError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "This database was made by a newer version of Dropship Desktop (schema {current}).",
            ),
            current=current,
        )
    if current == LATEST_VERSION:
        return current, current
    if before_migrate is not None and current > 0:
        before_migrate(Path(db.database), current, LATEST_VERSION)
    conn = db.connection()
    with db.atomic():
        for migration in MIGRATIONS:
            if current < migration.VERSION:
                log.info("applying migration %s", migration.VERSION)
                migration.apply(conn)
        # PRAGMA user_version is part of the transaction: it commits or rolls back with the DDL.
        conn.execute(f"PRAGMA user_version = {LATEST_VERSION:d}")
    return current, LATEST_VERSION


def open_database(
    path: Path, *, before_migrate: BeforeMigrate | None = None, read_only: bool = False
) -> SqliteDatabase:
    """Open (creating if needed) and migrate the database at *path*; return :data:`db`.

    Args:
        path: The database file.
        before_migrate: Called before a migration changes an existing database (to back it up).
        read_only: Open without ever writing (``mode=ro`` and ``query_only``); the database must
            exist and be at the current schema version.

    Raises:
        DatabaseReadOnlyError: The database (or its folder) cannot be written; open it read-only.
        UserError: The file is not usable; the message says why and what to do.
    """
    path = Path(path)
    wait_for_checkpoint()
    _state["opened"] = int(_state["opened"]) + 1  # type: ignore[call-overload]
    version = preflight(path)
    if not db.is_closed():
        db.close()
    _state["path"] = path
    _state["read_only"] = read_only
    if read_only:
        _open_read_only(path, version)
        return db
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # The import writer hands the connection to a helper thread (never two at once).
        db.init(str(path), pragmas=PRAGMAS, timeout=BUSY_TIMEOUT_S, check_same_thread=False)
        db.connect(reuse_if_open=True)
        migrate(before_migrate)
    except (sqlite3.OperationalError, peewee.OperationalError) as exc:
        # peewee re-raises the driver's errors as its own classes (connect, pragmas, queries).
        db.close()
        translated = user_error_for(exc)
        if isinstance(translated, DatabaseReadOnlyError):
            raise DatabaseReadOnlyError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "The database {path} is read-only: this computer does not allow changing it. "
                    "It can be opened read-only to look things up; to work with it, copy the "
                    "data folder somewhere you may write, or make the file writable.",
                ),
                path=path,
            ) from exc
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The database {path} could not be opened ({reason}). If another copy of the "
                "app is using it, close that copy; if the disk is full or read-only, free "
                "space or choose another data folder.",
            ),
            path=path,
            reason=exc,
        ) from exc
    except (sqlite3.DatabaseError, peewee.DatabaseError) as exc:
        # "database disk image is malformed" from a pragma or a migration: damage that the
        # read-only checks before did not reach.
        db.close()
        raise NotADatabaseError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The database {path} is damaged or unreadable ({reason}). Restore a backup.",
            ),
            path=path,
            reason=exc,
        ) from exc
    return db


def _open_read_only(path: Path, version: int) -> None:
    if not path.exists() or version == 0:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "There is no database at {path} to open read-only."),
            path=path,
        )
    if version < LATEST_VERSION:
        raise DatabaseReadOnlyError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The database {path} is read-only and was made by an older version of the "
                "app; it needs an update that cannot be written. Copy the data folder "
                "somewhere you may write and open it there.",
            ),
            path=path,
        )
    try:
        db.init(
            f"{path.resolve().as_uri()}?mode=ro",
            uri=True,
            pragmas=READ_ONLY_PRAGMAS,
            timeout=BUSY_TIMEOUT_S,
        )
        db.connect(reuse_if_open=True)
        schema_version()
    except (sqlite3.OperationalError, peewee.OperationalError) as exc:
        db.close()
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors", "The database {path} could not be opened read-only ({reason})."
            ),
            path=path,
            reason=exc,
        ) from exc
    log.info("database opened read-only")


#: The file behind :data:`db` (its ``database`` may be a URI) and whether it is read-only.
_state: dict[str, object] = {"path": None, "read_only": False, "opened": 0}


def opened_count() -> int:
    """How many times a database was opened in this process (caches keyed on a connection use
    it: a new connection may get the id of a closed one)."""
    return int(_state["opened"])  # type: ignore[call-overload]


def is_read_only() -> bool:
    """Whether the open database was opened read-only."""
    return bool(_state["read_only"]) and bool(db.database)


def user_error_for(exc: BaseException) -> UserError | None:
    """A plain :class:`UserError` for an SQLite failure the user can act on, else None.

    Disk full, read-only, locked and I/O errors are expected on a desktop (a full disk, a USB
    stick pulled out, another program holding the file); anything else stays a bug. The failure
    is told by SQLite's result code (:func:`~.sqlite_errors.failure_kind`), not by its message.
    """
    kind = failure_kind(exc)
    if kind is SqliteFailure.DISK_FULL:
        return UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The disk is full, so the change was not saved. Nothing was changed. Free "
                "some disk space and try again.",
            )
        )
    if kind is SqliteFailure.READ_ONLY:
        return DatabaseReadOnlyError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The database is read-only, so the change was not saved. Nothing was changed.",
            )
        )
    if kind is SqliteFailure.LOCKED:
        return DatabaseLockedError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The database is busy in another program, so the change was not saved. "
                "Nothing was changed. Close other programs using it and try again.",
            )
        )
    if kind is SqliteFailure.IO_ERROR:
        return UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The disk reported an error while saving, so the change was not saved. "
                "Nothing was changed. Check the disk (or the USB drive or network folder) "
                "and try again.",
            )
        )
    return None


def in_use_error(path: Path, exc: BaseException) -> DatabaseLockedError | None:
    """A :class:`DatabaseLockedError` when *exc* means another connection holds *path*, else None.

    Opening and checking use it so that a database another program has locked is reported as
    busy, never as damaged (which would offer to move it aside and restore a backup).
    """
    if not isinstance(user_error_for(exc), DatabaseLockedError):
        return None
    return DatabaseLockedError(
        QT_TRANSLATE_NOOP(
            "Errors",
            "The database {path} is in use by another program, so it cannot be opened now. "
            "Close other copies of the app and programs using the file, then try again.",
        ),
        path=path,
    )


def database_path() -> Path | None:
    if not db.database:
        return None
    path = _state["path"]
    return path if isinstance(path, Path) else Path(db.database)


def close_database() -> None:
    wait_for_checkpoint()
    if db.database and not db.is_closed():
        db.close()


# --- checkpoints ------------------------------------------------------------------------------

_checkpoint_lock = threading.Lock()
_checkpoint_thread: threading.Thread | None = None
#: Databases committed to again while their background checkpoint was running.
_checkpoint_again: set[Path] = set()


#: What the background maintenance after a big write (:func:`deferred_checkpoint`) does before
#: merging the search index and the checkpoint: callables taking its connection (in
#: autocommit mode; each opens its own transaction). A failure is logged: the work must be
#: an optimisation that can wait for the next time. Services add theirs when imported.
MAINTENANCE_TASKS: list[Callable[[sqlite3.Connection], None]] = []


_bulk_writes = threading.local()


def in_bulk_write() -> bool:
    """Whether this thread is inside :func:`deferred_checkpoint`: the background maintenance
    runs after the write commits (work left to it gets done soon)."""
    return getattr(_bulk_writes, "depth", 0) > 0


@contextmanager
def deferred_checkpoint() -> Iterator[None]:
    """Keep the commit of a big write from copying the WAL into the database file itself.

    SQLite checkpoints automatically in the committing connection once the WAL holds 1,000
    pages; after an import of 100,000 orders into a million that copy (~200 MB, ~0.7 s) would
    hold up the import's end although the import is already durable in the WAL. Inside this
    block automatic checkpoints are off on the current connection; afterwards the checkpoint runs
    on a background thread with its own connection (PASSIVE: it never blocks readers or writers),
    and at the latest when the database is closed.
    """
    conn = db.connection()
    previous = int(conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0])
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    _bulk_writes.depth = getattr(_bulk_writes, "depth", 0) + 1
    try:
        yield
    finally:
        _bulk_writes.depth -= 1
        conn.execute(f"PRAGMA wal_autocheckpoint = {previous:d}")
    # Only after a commit: a rolled-back write left nothing to checkpoint or merge, and the
    # database must stay exactly as it was. Inside an outer transaction its commit checkpoints.
    if not conn.in_transaction:
        checkpoint_in_background()


def checkpoint_in_background() -> None:
    """Copy the WAL into the database file on a background thread (one at a time)."""
    global _checkpoint_thread
    path = database_path()
    if path is None or is_read_only():
        return
    with _checkpoint_lock:
        if _checkpoint_thread is not None and _checkpoint_thread.is_alive():
            _checkpoint_again.add(path)  # the running one goes round once more
            return
        _checkpoint_thread = threading.Thread(
            target=_maintain, args=(path,), name="wal-checkpoint", daemon=True
        )
        _checkpoint_thread.start()


def wait_for_checkpoint() -> None:
    """Wait for a background checkpoint to end (before closing or switching databases)."""
    with _checkpoint_lock:
        thread = _checkpoint_thread
    if thread is not None:
        thread.join()


def _maintain(path: Path) -> None:
    while True:
        _checkpoint(path)
        with _checkpoint_lock:
            if path not in _checkpoint_again:
                return
            _checkpoint_again.discard(path)


def _checkpoint(path: Path) -> None:
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        try:
            for task in MAINTENANCE_TASKS:
                try:
                    task(conn)
                except sqlite3.Error:
                    log.warning("background maintenance %s failed", task.__name__, exc_info=True)
            # A bulk write leaves the search index's segments unmerged (store/bulk_orders).
            merge_search_segments(conn)
            conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
        finally:
            conn.close()
    except sqlite3.Error:
        # Only an optimisation: the next commit or closing the database checkpoints anyway,
        # and the search index merges its segments on later writes.
        log.warning("background WAL checkpoint failed", exc_info=True)
