"""The ``check`` sub-command: a problem list and exit 1 for any damaged, foreign or unusable file.

The file is classified read-only first (:func:`~dropship_desktop.startup.diagnose_in`): a damaged
database is only read, never opened for writing, and another program's file is never changed.
Only a sound database of ours is opened the app's way (bringing an older one up to date after a
backup) to report its schema version and row counts.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import peewee

from .errors import DatabaseTooNewError

__all__ = ["run_check"]

EXIT_OK = 0
EXIT_PROBLEM = 1


def run_check(data_dir: Path, *, full: bool) -> int:
    """Check the data folder's database; print the findings; return the exit status."""
    from .cli import existing_database
    from .startup import DbState, diagnose_in, pre_migration_backup
    from .store import backup as bk
    from .store.db import close_database, open_database, schema_version
    from .store.migrations import LATEST_VERSION
    from .store.queries import integrity_problems, table_counts

    path = existing_database(data_dir)
    print(f"database: {path}")
    state, detail = diagnose_in(data_dir)  # read-only
    if state is DbState.TOO_NEW:
        raise DatabaseTooNewError(detail)
    if full and state is DbState.OK:
        # The full check read-only first, so that damage it finds leaves the file unchanged.
        found = bk.check_database(path, full=True)
        if found:
            state, detail = DbState.DAMAGED, found[0]
    if state is not DbState.OK and state is not DbState.MISSING:
        problems = [str(detail)]
        if state is DbState.DAMAGED:
            problems += [p for p in bk.check_database(path, full=True) if p not in problems]
        _print_problems(problems)
        if state is DbState.DAMAGED:
            print(
                "The database was not changed. Start the app to move it aside and open the "
                "newest verified backup, or restore one with 'dropship-desktop restore'."
            )
        else:
            print("The file was not changed.")
        return EXIT_PROBLEM
    try:
        open_database(path, before_migrate=pre_migration_backup(data_dir))
        try:
            problems = integrity_problems(full=full)
            counts = table_counts()
            version = schema_version()
        finally:
            close_database()
    except (sqlite3.DatabaseError, peewee.DatabaseError) as exc:
        # Damage that quick_check did not see can still surface while reading.
        _print_problems([str(exc)])
        return EXIT_PROBLEM
    print(f"schema version: {version} (app supports {LATEST_VERSION})")
    for table, count in counts.items():
        print(f"  {table:<22} {count:>10,}")
    if problems:
        _print_problems(problems)
        return EXIT_PROBLEM
    print("integrity: ok")
    return EXIT_OK


def _print_problems(problems: list[str]) -> None:
    print(f"integrity: {len(problems)} problem(s)")
    for problem in problems[:50]:
        print(f"  {problem}")
