"""Is this SQLite file ours, and is its schema whole? Decided read-only, before anything is written.

A file is ours when its ``application_id`` is :data:`APPLICATION_ID` (set by migration 5), or —
for databases made before that — when it is unmarked and holds our tables. A file with another
program's id, or with tables none of which are ours, is *foreign*: it is refused and never
changed (``check`` once wrote our 16 tables into such a file and switched it to WAL). A file of
ours whose version is missing (0 or negative) or that lacks a table its version must have is
*damaged*: the seller is offered the newest verified backup, not told that another copy of the
app is using it.
"""

from __future__ import annotations

import sqlite3
from functools import cache

from ..errors import NotADatabaseError
from ..i18n import QT_TRANSLATE_NOOP
from .migrations import LATEST_VERSION, MIGRATIONS
from .migrations.m0005_application_id import APPLICATION_ID

__all__ = [
    "APPLICATION_ID",
    "DatabaseDamagedError",
    "ForeignDatabaseError",
    "check_identity",
    "expected_tables",
]

#: Tables every version of our schema has; an unmarked file holding none of them is not ours.
_OUR_MARKERS = frozenset({"shop", "sales_order", "supplier_order"})


class ForeignDatabaseError(NotADatabaseError):
    """The file is an SQLite database of another program; it is left untouched."""


class DatabaseDamagedError(NotADatabaseError):
    """The file is our database, but its schema is damaged (version or tables missing)."""


@cache
def expected_tables(version: int) -> frozenset[str]:
    """The tables (FTS shadow tables included) a database at *version* has."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        for migration in MIGRATIONS:
            if version >= migration.VERSION:
                migration.apply(conn)
        return frozenset(
            r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        )
    finally:
        conn.close()


def check_identity(conn: sqlite3.Connection, path: object) -> None:
    """Refuse a file that is not ours or whose schema is damaged; read-only.

    Args:
        conn: A read-only connection to the file.
        path: The file, for messages.

    Raises:
        ForeignDatabaseError: Another program's database.
        DatabaseDamagedError: Ours, with the version or tables missing.
        sqlite3.DatabaseError: The schema cannot be read (the caller reports damage).
    """
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if version > LATEST_VERSION and app_id in (0, APPLICATION_ID):
        return  # a newer app's: the caller refuses it as too new (also untouched)
    if app_id not in (0, APPLICATION_ID) or (app_id == 0 and tables and not tables & _OUR_MARKERS):
        raise ForeignDatabaseError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{path} is the database of another program, not of Dropship Desktop. It has not "
                "been changed. Choose another data folder, or move that file elsewhere.",
            ),
            path=path,
        )
    if not tables:
        if app_id == APPLICATION_ID or version != 0:
            raise _damaged(path, QT_TRANSLATE_NOOP("Errors", "it holds no tables"))
        return  # a new, empty database
    if version <= 0:
        raise _damaged(
            path,
            QT_TRANSLATE_NOOP("Errors", "its schema version is missing ({version})"),
            version=version,
        )
    missing = sorted(expected_tables(version) - tables)
    if missing:
        raise _damaged(
            path,
            QT_TRANSLATE_NOOP("Errors", "table(s) missing: {tables}"),
            tables=", ".join(missing[:5]),
        )


def _damaged(path: object, reason: str, **params: object) -> DatabaseDamagedError:
    from ..i18n import with_values

    return DatabaseDamagedError(
        QT_TRANSLATE_NOOP(
            "Errors",
            "The database {path} is damaged ({reason}). Restore a backup.",
        ),
        path=path,
        reason=with_values(reason, **params),
    )
