"""The application context: what one run of the app works with, handed to every job.

Start-up (``app.py`` for the GUI, ``cli/main.py`` for a command) makes one :class:`AppContext`;
tests make their own (``tests/conftest.py``). The workers hand it to the jobs they run — a job
is ``fn(ctx, *args)``, the way Anki hands its collection to an operation — so a job finds the
database, the connector kinds, the clock and this run's state on its argument instead of in
module globals:

- :attr:`AppContext.store` — the open database (:class:`Store`): its file, whether it is
  read-only, opening and closing it;
- :attr:`AppContext.connectors` — the connector kinds this run knows (a test registers a fake
  on its own context's registry);
- :attr:`AppContext.clock` — Unix seconds now, for the timestamps a job records;
- :attr:`AppContext.session` — what this run remembers and a restart forgets (the cancellation
  batches and purchase attempts it is sending);
- :attr:`AppContext.data_dir` — the data folder (backups, logs, the lock live there).

What stays process-wide, and why: peewee's models are bound to one database object
(:data:`dropship_desktop.store.db.db`), so one process has one open database at a time; the
context's :class:`Store` is its only owner (it opens, closes and names it), and only the store
package and this module touch the object itself.
"""

from __future__ import annotations

import sqlite3
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .connectors.registry import ConnectorRegistry, builtin_registry
from .domain.timeutil import now_epoch
from .store import db as _db

__all__ = [
    "BULK_SWITCH_INTERVAL_S",
    "AppContext",
    "Clock",
    "Session",
    "Store",
    "shorten_switch_interval",
]

#: Unix seconds now.
Clock = Callable[[], int]


class Session:
    """What this run of the app remembers and a restart forgets (thread-safe).

    The cancellation batches and purchase attempts this run recorded are being sent right now:
    the look for work a crash interrupted must leave them alone.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._batches: set[str] = set()
        self._attempts: set[int] = set()

    def remember_batch(self, batch_id: str) -> None:
        with self._lock:
            self._batches.add(batch_id)

    def has_batch(self, batch_id: str) -> bool:
        with self._lock:
            return batch_id in self._batches

    def remember_attempt(self, attempt_id: int) -> None:
        with self._lock:
            self._attempts.add(attempt_id)

    def attempts(self) -> frozenset[int]:
        with self._lock:
            return frozenset(self._attempts)

    def forget(self) -> None:
        """Forget everything, as a restart would (tests simulate a crash with it)."""
        with self._lock:
            self._batches.clear()
            self._attempts.clear()


class Store:
    """The context's database: the one owner of the store's peewee binding.

    Opening goes through :func:`~dropship_desktop.store.db.open_database` (read-only preflight,
    pragmas, migrations); closing waits for a background checkpoint first.
    """

    def open(
        self,
        path: Path,
        *,
        before_migrate: _db.BeforeMigrate | None = None,
        read_only: bool = False,
    ) -> None:
        """Open (creating and migrating if needed) the database at *path*.

        Raises:
            DatabaseReadOnlyError: The database cannot be written; open it read-only.
            UserError: The file is not usable; the message says why and what to do.
        """
        _db.open_database(path, before_migrate=before_migrate, read_only=read_only)

    def close(self) -> None:
        _db.close_database()

    @property
    def path(self) -> Path | None:
        """The open database's file (None when none is open)."""
        return _db.database_path()

    @property
    def is_open(self) -> bool:
        """Whether a database is open (each thread connects to it on first use)."""
        return bool(_db.db.database)

    @property
    def read_only(self) -> bool:
        """Whether the open database was opened read-only."""
        return _db.is_read_only()

    def schema_version(self) -> int:
        return _db.schema_version()

    def connection(self) -> sqlite3.Connection:
        """This thread's connection to the open database."""
        return _db.db.connection()

    def atomic(self) -> Any:
        """A write transaction (IMMEDIATE), or a savepoint inside one."""
        return _db.db.atomic()

    def close_connection(self) -> None:
        """Close this thread's connection (a worker thread ending)."""
        if _db.db.database and not _db.db.is_closed():
            _db.db.close()


#: The interpreter's thread switch interval while a bulk write is open (the default is 5 ms).
BULK_SWITCH_INTERVAL_S = 0.0005


def shorten_switch_interval(interval_s: float = BULK_SWITCH_INTERVAL_S) -> Callable[[], None]:
    """Make the process-wide GIL switch interval at most *interval_s*; return its restorer.

    A bulk write's helper thread (:class:`~dropship_desktop.store.bulk_orders.BulkOrderWriter`)
    needs the GIL back from the busy importing thread after each statement; by default it would
    wait up to 5 ms for it. The interval belongs to the whole process, so the job that runs
    the writer sets it (and restores it in ``finally``), never the store.
    """
    previous = sys.getswitchinterval()
    sys.setswitchinterval(min(previous, interval_s))

    def restore() -> None:
        sys.setswitchinterval(previous)

    return restore


@dataclass
class AppContext:
    """One run's database, connector kinds, clock and session state (see the module doc)."""

    data_dir: Path | None = None
    store: Store = field(default_factory=Store)
    connectors: ConnectorRegistry = field(default_factory=builtin_registry)
    clock: Clock = now_epoch
    session: Session = field(default_factory=Session)

    def close(self) -> None:
        """Close the database (the end of the run)."""
        self.store.close()
