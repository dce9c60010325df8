"""Classifying SQLite failures by their result code, never by the wording of the message.

Python 3.11 puts SQLite's result code on every ``sqlite3.Error`` the engine raises
(``sqlite_errorcode``, ``sqlite_errorname``). peewee re-raises the driver's errors as its own
classes with the driver's exception as ``__context__``; :func:`sqlite_code` follows that chain.
Extended codes (``SQLITE_IOERR_WRITE``, ``SQLITE_READONLY_DBMOVED`` …) are reduced to their
primary code (the low byte), so one test covers a whole family.
"""

from __future__ import annotations

import sqlite3
from enum import StrEnum

__all__ = ["SqliteFailure", "failure_kind", "sqlite_code"]


class SqliteFailure(StrEnum):
    """The SQLite failures the app treats as expected (the user can act on them)."""

    DISK_FULL = "disk_full"  # SQLITE_FULL
    READ_ONLY = "read_only"  # SQLITE_READONLY
    LOCKED = "locked"  # SQLITE_BUSY, SQLITE_LOCKED
    IO_ERROR = "io_error"  # SQLITE_IOERR
    INTERRUPTED = "interrupted"  # SQLITE_INTERRUPT (the UI aborted a query on purpose)


_BY_CODE: dict[int, SqliteFailure] = {
    sqlite3.SQLITE_FULL: SqliteFailure.DISK_FULL,
    sqlite3.SQLITE_READONLY: SqliteFailure.READ_ONLY,
    sqlite3.SQLITE_BUSY: SqliteFailure.LOCKED,
    sqlite3.SQLITE_LOCKED: SqliteFailure.LOCKED,
    sqlite3.SQLITE_IOERR: SqliteFailure.IO_ERROR,
    sqlite3.SQLITE_INTERRUPT: SqliteFailure.INTERRUPTED,
}


def sqlite_code(exc: BaseException | None) -> int | None:
    """The primary SQLite result code behind *exc* (``sqlite3.SQLITE_FULL`` …), or None.

    Looks at *exc* itself, then at the exceptions it wraps (``__cause__``, ``__context__`` and
    an exception passed as its first argument, as peewee does).
    """
    seen: set[int] = set()
    todo: list[BaseException | None] = [exc]
    while todo:
        current = todo.pop(0)
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        code = getattr(current, "sqlite_errorcode", None)
        if isinstance(code, int):
            return code & 0xFF
        todo.append(current.__cause__)
        todo.append(current.__context__)
        if current.args and isinstance(current.args[0], BaseException):
            todo.append(current.args[0])
    return None


def failure_kind(exc: BaseException | None) -> SqliteFailure | None:
    """Which expected SQLite failure *exc* is, or None (a bug, or not an SQLite error)."""
    code = sqlite_code(exc)
    return None if code is None else _BY_CODE.get(code)
