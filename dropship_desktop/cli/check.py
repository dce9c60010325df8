"""The ``check`` sub-command: a problem list and exit 1 for any damaged, foreign or unusable file.

The file is classified read-only first (:func:`~dropship_desktop.startup.diagnose_in`): a damaged
database is only read, never opened for writing, and another program's file is never changed.
Only a sound database of ours is opened the app's way (bringing an older one up to date after a
backup) to report its schema version and row counts.
"""

from __future__ import annotations

import argparse
import sqlite3
from collections.abc import Callable
from pathlib import Path

from ..errors import DatabaseTooNewError
from .common import EXIT_OK, EXIT_PROBLEM, existing_database

__all__ = ["COMMANDS", "add_commands", "run", "run_check"]

COMMANDS = ("check",)


def add_commands(
    sub: argparse._SubParsersAction,  # type: ignore[type-arg]
    common: Callable[..., None],
) -> None:
    """Register ``check`` on *sub*; *common* adds the shared options."""
    check = sub.add_parser("check", help="integrity check, schema version and row counts")
    common(check, suppress=True)
    check.add_argument("--full", action="store_true", help="full integrity_check (slower)")


def run(args: argparse.Namespace, data_dir: Path) -> int:
    """Run ``check``; return the exit status (UserError propagates)."""
    return run_check(data_dir, full=args.full)


def run_check(data_dir: Path, *, full: bool) -> int:
    """Check the data folder's database; print the findings; return the exit status."""
    import peewee

    from ..context import AppContext
    from ..services.backups import before_migrate
    from ..startup import DbState, diagnose_in
    from ..store import backup as bk
    from ..store.migrations import LATEST_VERSION
    from ..store.queries import integrity_problems, table_counts

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
        ctx = AppContext(data_dir=data_dir)
        ctx.store.open(path, before_migrate=before_migrate(bk.backup_dir(data_dir)))
        try:
            problems = integrity_problems(full=full)
            counts = table_counts()
            version = ctx.store.schema_version()
        finally:
            ctx.close()
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
