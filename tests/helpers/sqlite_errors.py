"""SQLite exceptions as the engine raises them: with their result code."""

from __future__ import annotations

import sqlite3

_MESSAGES = {
    sqlite3.SQLITE_FULL: "database or disk is full",
    sqlite3.SQLITE_IOERR: "disk I/O error",
    sqlite3.SQLITE_READONLY: "attempt to write a readonly database",
    sqlite3.SQLITE_BUSY: "database is locked",
    sqlite3.SQLITE_INTERRUPT: "interrupted",
}


def sqlite_error(
    code: int, message: str = "", cls: type[sqlite3.Error] = sqlite3.OperationalError
) -> sqlite3.Error:
    """*cls* carrying ``sqlite_errorcode``/``sqlite_errorname`` like one from the engine."""
    exc = cls(message or _MESSAGES.get(code & 0xFF, "SQL logic error"))
    names = {getattr(sqlite3, n): n for n in dir(sqlite3) if n.startswith("SQLITE_")}
    exc.sqlite_errorcode = code  # type: ignore[attr-defined]
    exc.sqlite_errorname = names.get(code, "SQLITE_ERROR")  # type: ignore[attr-defined]
    return exc
