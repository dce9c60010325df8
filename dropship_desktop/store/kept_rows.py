"""Rows a transaction left to be written after its commit, kept in memory until they are.

A big import's ``risk_key`` rows are written by the background maintenance after the commit
(``services/risk_pending``); the database holds a marker with a token, this process the rows.
The maintenance runs on a connection of its own, so the rows are kept here, by database file
and token, rather than with the caller. The marker stays the truth: rows kept under another
token (a rolled-back transaction, a database restored from a backup) are never used, and a
process without them (after a crash) makes them again from the database.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

__all__ = ["forget", "keep", "kept"]

_lock = threading.Lock()
#: Database file → (token, rows).
_kept: dict[str, tuple[str, Sequence[tuple[int, ...]]]] = {}


def keep(database: str, token: str, rows: Sequence[tuple[int, ...]]) -> None:
    """Keep *rows* for *database* under *token* (replacing what was kept for it)."""
    with _lock:
        _kept[database] = (token, rows)


def kept(database: str, token: str) -> Sequence[tuple[int, ...]] | None:
    """The rows kept for *database* under *token*, or ``None``."""
    with _lock:
        entry = _kept.get(database)
    return entry[1] if entry is not None and entry[0] == token else None


def forget(database: str) -> None:
    """Drop what was kept for *database* (written, or no longer wanted)."""
    with _lock:
        _kept.pop(database, None)
