"""Backups of the database file: make, verify, list, thin, restore, and move a damaged one aside.

Everything here works on file paths with its own plain ``sqlite3`` connections, so it runs on any
thread (the UI's DB worker, the CLI, start-up) without disturbing peewee's per-thread connections.

* A backup is taken with SQLite's online backup API from one read snapshot, written under a
  temporary name, switched to a single-file journal mode, then **verified** (``integrity_check``
  and every table's row count equal to the source's in the same snapshot) and only then renamed to
  its final name. A backup that fails verification is deleted and reported, never kept.
* Automatic backups are thinned the way Anki does it: everything from the last day, then one a day,
  one a week and one a month. Manual, pre-migration and pre-restore backups are never thinned.
* A restore verifies the chosen backup, backs up the current database first, then copies the
  backup into the live database with the backup API (one transaction: all or nothing).
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from ..errors import DatabaseTooNewError, UserError
from ..i18n import QT_TRANSLATE_NOOP
from .db import in_use_error
from .migrations import LATEST_VERSION
from .sqlite_errors import SqliteFailure, failure_kind

__all__ = [
    "AUTO_BACKUP_INTERVAL",
    "BACKUP_DIR_NAME",
    "DAMAGED_DIR_NAME",
    "BackupError",
    "BackupInfo",
    "backup_dir",
    "check_database",
    "create_backup",
    "move_aside",
    "restore_backup",
    "verify_backup",
]

log = logging.getLogger(__name__)

BACKUP_DIR_NAME = "backups"
DAMAGED_DIR_NAME = "damaged"
#: A start-up backup is made when the newest backup is older than this.
AUTO_BACKUP_INTERVAL = timedelta(days=1)

#: Kinds of backup, as written in the file name.
AUTO = "auto"
MANUAL = "manual"
PRE_MIGRATE = "pre-migrate"
PRE_RESTORE = "pre-restore"
KINDS = (AUTO, MANUAL, PRE_MIGRATE, PRE_RESTORE)
#: Only these are thinned; the others are the seller's or a safety net for a risky step.
THINNED_KINDS = frozenset({AUTO})

_NAME = re.compile(
    r"^dropship-(\d{4})-(\d{2})-(\d{2})-(\d{2})(\d{2})(\d{2})(?:-\d+)?-("
    + "|".join(KINDS)
    + r")\.db$"
)
_PARTIAL_SUFFIX = ".partial"
_SIDE_SUFFIXES = ("-wal", "-shm", "-journal")
#: Tables whose row count appears in the backup list.
ORDER_TABLE = "sales_order"


class BackupError(UserError):
    """A backup or restore could not be completed; nothing was kept half-done."""


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """One backup file.

    Attributes:
        path: The file.
        created: When it was made (local time, from the file name).
        kind: ``auto``, ``manual``, ``pre-migrate`` or ``pre-restore``.
        size: Bytes on disk.
        order_count: Sales orders in it, or None when the file cannot be read.
        counts: Row count per table (filled by :func:`create_backup`; empty from the listing).
    """

    path: Path
    created: datetime
    kind: str
    size: int
    order_count: int | None = None
    counts: dict[str, int] | None = None


def backup_dir(data_dir: Path) -> Path:
    """The folder of automatic and quick manual backups."""
    return Path(data_dir) / BACKUP_DIR_NAME


# -- low-level helpers ------------------------------------------------------------------------


def _connect_ro(path: Path) -> sqlite3.Connection:
    """A read-only connection that never writes the file (nor checkpoints its WAL on close)."""
    uri = f"{Path(path).resolve().as_uri()}?mode=ro"
    return sqlite3.connect(uri, uri=True, timeout=10, check_same_thread=False)


def _tables(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' "
        "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts_%' ORDER BY name"
    ).fetchall()
    return [r[0] for r in rows]


def _counts(conn: sqlite3.Connection) -> dict[str, int]:
    return {
        t: int(conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]) for t in _tables(conn)
    }


def _integrity(conn: sqlite3.Connection, pragma: str = "integrity_check") -> list[str]:
    return [r[0] for r in conn.execute(f"PRAGMA {pragma}").fetchall() if r[0] != "ok"]


def _fsync_dir(folder: Path) -> None:
    # Makes the rename durable on POSIX; Windows cannot open folders and needs no such step.
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _fsync_file(path: Path) -> None:
    with path.open("rb+") as fh:
        os.fsync(fh.fileno())


def _remove_with_sidecars(path: Path) -> None:
    for candidate in (path, *(path.with_name(path.name + s) for s in _SIDE_SUFFIXES)):
        with contextlib.suppress(FileNotFoundError):
            candidate.unlink()


def remove_stale_partials(folder: Path) -> int:
    """Delete the ``.partial`` files that killed backups left in *folder*; return how many.

    A backup writes ``<name>.partial`` and renames it only once verified, so a ``.partial`` is
    never a usable backup. Only the process holding the data folder's lock makes backups into
    its ``backups`` folder, one at a time, so none is in progress when this runs (at start and
    before a backup).
    """
    removed = 0
    try:
        stale = sorted(Path(folder).glob(f"*{_PARTIAL_SUFFIX}*"))
    except OSError:
        return 0
    for path in stale:
        if not path.name.endswith(_PARTIAL_SUFFIX) and _PARTIAL_SUFFIX + "-" not in path.name:
            continue
        try:
            path.unlink()
            removed += 1
        except FileNotFoundError:
            pass
        except OSError as exc:
            log.warning("could not remove the unfinished backup %s: %s", path.name, exc)
    if removed:
        log.info("removed %d unfinished backup file(s)", removed)
    return removed


def _is_disk_full(exc: BaseException) -> bool:
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return True
    return failure_kind(exc) is SqliteFailure.DISK_FULL


def _failure(action: str, target: Path, exc: BaseException) -> BackupError:
    # "backup" / "restore" as a word of the sentence, so each sentence translates whole.
    action = QT_TRANSLATE_NOOP("Errors", "backup") if action == "backup" else action
    action = QT_TRANSLATE_NOOP("Errors", "restore") if action == "restore" else action
    if _is_disk_full(exc):
        return BackupError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The {action} failed: the disk is full ({parent}). Free some space and try "
                "again. Your data has not been changed.",
            ),
            action=action,
            parent=target.parent,
        )
    reason = getattr(exc, "strerror", None) or str(exc)
    return BackupError(
        QT_TRANSLATE_NOOP(
            "Errors",
            "The {action} failed ({reason}). Your data has not been changed. Check that "
            "{parent} exists and may be written, then try again.",
        ),
        action=action,
        reason=reason,
        parent=target.parent,
    )


def _unique_name(folder: Path, when: datetime, kind: str) -> Path:
    stamp = when.strftime("%Y-%m-%d-%H%M%S")
    candidate = folder / f"dropship-{stamp}-{kind}.db"
    n = 2
    while candidate.exists() or candidate.with_name(candidate.name + _PARTIAL_SUFFIX).exists():
        candidate = folder / f"dropship-{stamp}-{n}-{kind}.db"
        n += 1
    return candidate


# -- checking ---------------------------------------------------------------------------------


def check_database(path: Path, *, full: bool = False) -> list[str]:
    """Problems found by ``quick_check`` (or ``integrity_check``) without writing anything.

    Returns:
        The problems; empty when the database is sound (or does not exist yet).

    Raises:
        DatabaseLockedError: Another program holds the database, so it could not be checked
            (that is not damage: nothing must be moved aside for it).
    """
    path = Path(path)
    if not path.exists() or path.stat().st_size == 0:
        return []
    try:
        conn = _connect_ro(path)
        try:
            return _integrity(conn, "integrity_check" if full else "quick_check")
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        locked = in_use_error(path, exc)
        if locked is not None:
            raise locked from exc
        return [str(exc)]


def verify_backup(path: Path, expected_counts: dict[str, int] | None = None) -> dict[str, int]:
    """Check a backup file: an SQLite database this app understands, sound, with these counts.

    Args:
        path: The backup file.
        expected_counts: Row counts the backup must hold; None to skip that comparison.

    Returns:
        The row count of every table in the backup.

    Raises:
        BackupError: The file is not a sound backup (the message says why).
        DatabaseTooNewError: It was made by a newer version of the app.
    """
    path = Path(path)
    try:
        with path.open("rb") as fh:
            header = fh.read(16)
    except OSError as exc:
        raise BackupError(
            QT_TRANSLATE_NOOP("Errors", "The backup {name} cannot be read ({reason})."),
            name=path.name,
            reason=exc.strerror,
        ) from exc
    if header != b"SQLite format 3\x00":
        raise BackupError(
            QT_TRANSLATE_NOOP(
                "Errors", "{name} is not a Dropship Desktop backup (not an SQLite file)."
            ),
            name=path.name,
        )
    try:
        conn = _connect_ro(path)
        try:
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            problems = _integrity(conn)
            counts = _counts(conn) if not problems else {}
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise BackupError(
            QT_TRANSLATE_NOOP("Errors", "The backup {name} is damaged ({reason})."),
            name=path.name,
            reason=exc,
        ) from exc
    if version > LATEST_VERSION:
        raise DatabaseTooNewError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The backup {name} was made by a newer version of Dropship Desktop (schema "
                "{version}). Install the newest version of the app to use it.",
            ),
            name=path.name,
            version=version,
        )
    if problems:
        if len(problems) > 1:
            raise BackupError(
                QT_TRANSLATE_NOOP(
                    "Errors", "The backup {name} is damaged: {problem} (and {count} more problems)"
                ),
                name=path.name,
                problem=problems[0],
                count=len(problems) - 1,
            )
        raise BackupError(
            QT_TRANSLATE_NOOP("Errors", "The backup {name} is damaged: {problem}"),
            name=path.name,
            problem=problems[0],
        )
    if version == 0 or ORDER_TABLE not in counts:
        raise BackupError(
            QT_TRANSLATE_NOOP(
                "Errors", "{name} is not a Dropship Desktop backup (no order table)."
            ),
            name=path.name,
        )
    if expected_counts is not None and counts != expected_counts:
        differing = sorted(
            t
            for t in expected_counts.keys() | counts.keys()
            if expected_counts.get(t) != counts.get(t)
        )
        raise BackupError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The backup {name} does not match the database (row counts differ in {value}).",
            ),
            name=path.name,
            value=", ".join(differing),
        )
    return counts


# -- making -----------------------------------------------------------------------------------


def create_backup(
    db_path: Path,
    *,
    folder: Path | None = None,
    to: Path | None = None,
    kind: str = MANUAL,
    now: datetime | None = None,
) -> BackupInfo:
    """Copy the database at *db_path* into a verified backup file.

    Args:
        db_path: The live database (other connections may be using it).
        folder: Where to put a new, dated backup (the data folder's ``backups``); ignored with *to*.
        to: An exact file to write (a manual backup to a chosen place); replaced only once the new
            copy is verified.
        kind: The kind recorded in a dated file name.
        now: The time for the file name (tests).

    Returns:
        The verified backup.

    Raises:
        BackupError: The backup could not be made or failed verification; no file is left.
    """
    db_path = Path(db_path)
    if kind not in KINDS:
        raise ValueError(f"unknown backup kind {kind!r}")
    if not db_path.exists():
        raise BackupError(
            QT_TRANSLATE_NOOP("Errors", "There is no database at {db_path} to back up."),
            db_path=db_path,
        )
    when = (now or datetime.now()).replace(microsecond=0)
    if to is not None:
        target = Path(to)
    else:
        if folder is None:
            folder = backup_dir(db_path.parent)
        target = _unique_name(Path(folder), when, kind)
    if target.resolve() == db_path.resolve():
        raise BackupError(
            QT_TRANSLATE_NOOP(
                "Errors", "A backup cannot replace the database itself. Choose another file."
            )
        )
    partial = target.with_name(target.name + _PARTIAL_SUFFIX)
    if to is None:
        remove_stale_partials(target.parent)  # left by killed backups
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        _remove_with_sidecars(partial)
        source = _connect_ro(db_path)
        try:
            # One read transaction: the counts and the copied pages are the same snapshot.
            source.execute("BEGIN")
            counts = _counts(source)
            dest = sqlite3.connect(partial)
            try:
                source.backup(dest)
                # A backup is one self-contained file: no WAL beside it.
                dest.execute("PRAGMA journal_mode = DELETE")
            finally:
                dest.close()
            source.rollback()
        finally:
            source.close()
        verify_backup(partial, counts)
        _fsync_file(partial)
        os.replace(partial, target)
        _fsync_dir(target.parent)
    except BackupError:
        _remove_with_sidecars(partial)
        log.warning("backup to %s failed verification; removed", target.name)
        raise
    except DatabaseTooNewError:
        _remove_with_sidecars(partial)
        raise
    except (OSError, sqlite3.Error) as exc:
        _remove_with_sidecars(partial)
        log.warning("backup to %s failed: %s", target.name, exc)
        raise _failure("backup", target, exc) from exc
    size = target.stat().st_size
    log.info("backup %s made (%d bytes, %d orders)", target.name, size, counts[ORDER_TABLE])
    return BackupInfo(target, when, kind, size, counts[ORDER_TABLE], counts)


# -- listing and thinning ---------------------------------------------------------------------


# -- damaged databases and restoring ----------------------------------------------------------


def move_aside(db_path: Path, *, now: datetime | None = None) -> Path:
    """Move a damaged database, with its WAL and shared-memory files, into ``damaged/``, intact.

    No connection may be open on it. Returns the new path of the main file.

    Raises:
        UserError: The files could not be moved (then nothing was moved).
    """
    db_path = Path(db_path)
    folder = db_path.parent / DAMAGED_DIR_NAME
    stamp = (now or datetime.now()).strftime("%Y-%m-%d-%H%M%S")
    target = folder / f"{db_path.stem}-{stamp}{db_path.suffix}"
    n = 2
    while target.exists():
        target = folder / f"{db_path.stem}-{stamp}-{n}{db_path.suffix}"
        n += 1
    moves = [(db_path, target)] + [
        (db_path.with_name(db_path.name + s), target.with_name(target.name + s))
        for s in _SIDE_SUFFIXES
        if db_path.with_name(db_path.name + s).exists()
    ]
    done: list[tuple[Path, Path]] = []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        # Side files first: a main file without its WAL would look like an older, valid state.
        for src, dst in reversed(moves):
            os.replace(src, dst)
            done.append((src, dst))
    except OSError as exc:
        for src, dst in reversed(done):
            with contextlib.suppress(OSError):
                os.replace(dst, src)
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The damaged database could not be moved aside ({reason}). Close any program "
                "using {db_path} and try again.",
            ),
            reason=exc.strerror,
            db_path=db_path,
        ) from exc
    _fsync_dir(folder)
    _fsync_dir(db_path.parent)
    log.warning("moved the damaged database aside to %s", target)
    return target


def restore_backup(
    backup_path: Path, db_path: Path, *, folder: Path | None = None, now: datetime | None = None
) -> BackupInfo | None:
    """Replace the database at *db_path* with the contents of *backup_path*.

    The backup is verified first; then the current database is backed up (``pre-restore``), or,
    when it is too damaged to copy, moved aside intact; then the backup is copied in with the backup
    API in one transaction and the result is checked. The live database may stay open in other
    connections of this process (they see the restored data once they start a new transaction); a
    schema older than the app's is migrated when the database is next opened.

    Args:
        backup_path: The backup to restore.
        db_path: The live database file.
        folder: Where the pre-restore backup goes (default: the data folder's ``backups``).
        now: Time for file names (tests).

    Returns:
        The pre-restore backup of the replaced database, or None if there was none or it was
        moved aside.

    Raises:
        BackupError: The backup is unusable, or the restore failed (the database is unchanged).
    """
    backup_path, db_path = Path(backup_path), Path(db_path)
    if backup_path.resolve() == db_path.resolve():
        raise BackupError(
            QT_TRANSLATE_NOOP("Errors", "Choose a backup file, not the database itself.")
        )
    counts = verify_backup(backup_path)
    safety: BackupInfo | None = None
    if db_path.exists() and db_path.stat().st_size > 0:
        if check_database(db_path):
            move_aside(db_path, now=now)
        else:
            safety = create_backup(db_path, folder=folder, kind=PRE_RESTORE, now=now)
    try:
        db_path.parent.mkdir(parents=True, exist_ok=True)
        source = _connect_ro(backup_path)
        try:
            dest = sqlite3.connect(db_path, timeout=10)
            try:
                dest.execute("PRAGMA journal_mode = WAL")
                source.backup(dest)
                restored = _counts(dest)
                problems = _integrity(dest, "quick_check")
                dest.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                dest.close()
        finally:
            source.close()
    except (OSError, sqlite3.Error) as exc:
        log.warning("restore from %s failed: %s", backup_path.name, exc)
        raise _failure("restore", db_path, exc) from exc
    if problems or restored != counts:
        raise BackupError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The restored database does not match the backup {name}. The database before "
                "the restore is kept in {value}.",
            ),
            name=backup_path.name,
            value=safety.path if safety else "the damaged folder",
        )
    log.info("restored %s (%d orders)", backup_path.name, counts[ORDER_TABLE])
    return safety
