"""What every command group shares: exit codes, the common options, the data folder, the database.

Group modules import from here (never from :mod:`.main`), so the package has no import cycle.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from ..context import AppContext
from ..errors import UserError
from ..i18n import QT_TRANSLATE_NOOP
from ..paths import database_file, demo_data_dir, resolve_data_dir

__all__ = [
    "DEMO_FIRST_USE_ORDERS",
    "EXIT_OK",
    "EXIT_PROBLEM",
    "EXIT_USAGE",
    "add_common_options",
    "data_dir_from_args",
    "existing_database",
    "opened_database",
    "progress_printer",
    "refuse_to_replace",
    "require_file",
]

#: Orders created the first time ``--demo`` opens an empty demo database (app and commands).
DEMO_FIRST_USE_ORDERS = 3000

EXIT_OK = 0
EXIT_PROBLEM = 1
EXIT_USAGE = 2


def add_common_options(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    """Add ``--data-dir``, ``--demo`` and ``--verbose`` to *parser*.

    Sub-command parsers pass ``suppress=True`` so that an option given before the command is not
    overwritten by the sub-parser's default.
    """
    default = argparse.SUPPRESS if suppress else None
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=default,
        help="data folder (default: the per-user app data location, or $DROPSHIP_DESKTOP_DATA_DIR)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        default=argparse.SUPPRESS if suppress else False,
        help="use the demo database in its own folder (created on first use)",
    )
    parser.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        default=argparse.SUPPRESS if suppress else False,
        help="more detail in the log",
    )


def data_dir_from_args(args: argparse.Namespace) -> Path:
    base = resolve_data_dir(getattr(args, "data_dir", None))
    return demo_data_dir(base) if getattr(args, "demo", False) else base


def existing_database(data_dir: Path) -> Path:
    """The data folder's database file.

    Raises:
        UserError: There is none yet.
    """
    path = database_file(data_dir)
    if not path.exists():
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors", "No database at {path}. Start the app once or run 'demo' first."
            ),
            path=path,
        )
    return path


def refuse_to_replace(args: argparse.Namespace, *paths: Path) -> None:
    """Refuse an export onto files that exist, unless ``--overwrite`` was given.

    An existing file may be anything of the seller's (last month's figures, a supplier's price
    list): a command does not replace it silently, as the app's save dialog would not.

    Raises:
        UserError: One of *paths* exists and ``--overwrite`` was not given (nothing written).
    """
    if getattr(args, "overwrite", False):
        return
    for path in paths:
        if path.exists():
            raise UserError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "{file} already exists: nothing was written. Choose another file name, or "
                    "add --overwrite to replace it.",
                ),
                file=path,
            )


@contextlib.contextmanager
def opened_database(data_dir: Path, *, must_exist: bool = True) -> Iterator[AppContext]:
    """Open the data folder's database for one command, the way the app does, and close it after.

    The command's application context is made here: its store is the opened database (its
    :attr:`~dropship_desktop.context.Store.path` the file), with the built-in connector kinds,
    the real clock and a new session.

    Through :func:`~dropship_desktop.startup.open_checked`: a damaged database is refused with a
    clear message (nothing is moved aside headless) and a migration is preceded by a backup.

    Args:
        data_dir: The data folder.
        must_exist: Refuse when there is no database yet, instead of creating one.

    Yields:
        The command's application context.

    Raises:
        UserError: There is no database (with ``must_exist``) or it cannot be used.
    """
    from ..startup import open_checked

    if must_exist:
        existing_database(data_dir)
    ctx = AppContext(data_dir=data_dir)
    open_checked(ctx)
    try:
        yield ctx
    finally:
        ctx.close()


def progress_printer(unit: str) -> Callable[..., None]:
    """A progress callback printing to a terminal's stderr (silent when redirected)."""
    last = [0.0]

    def report(*args: Any) -> None:
        done, total = args[-2], args[-1]
        now = time.monotonic()
        if sys.stderr.isatty() and (now - last[0] > 0.2 or done == total):
            last[0] = now
            print(f"\r{done:,}/{total:,} {unit}", end="", file=sys.stderr, flush=True)

    return report


def end_progress_line() -> None:
    """Finish a progress line that :func:`progress_printer` left on a terminal."""
    if sys.stderr.isatty():
        print(file=sys.stderr)


def require_file(path: str | Path) -> None:
    """Refuse, with what to do, a path that is no file to read: missing, a folder, or Excel's
    lock file (``~$…``).

    Raises:
        UserError: The path is not a readable file.
    """
    from ..tabular.reader import path_problem

    problem = path_problem(Path(path))
    if problem is not None:
        raise UserError(problem.text)
    if not Path(path).is_file():
        raise UserError(QT_TRANSLATE_NOOP("Errors", "No such file: {path}"), path=str(path))
