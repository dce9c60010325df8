"""The parser and the dispatch of the headless sub-commands.

Sub-commands print plain text and exit non-zero with the reason on any problem; they never start
the GUI. Each command group is a module of this package with ``COMMANDS`` (the sub-command names
it owns), ``add_commands(sub, common)`` and ``run(args, data_dir) -> int``; registering one is a
line in :data:`GROUPS` (and its import).
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .. import __version__
from ..errors import UserError
from ..paths import log_dir
from . import check, demo, report, risk, safety, sync, transfer
from .common import EXIT_PROBLEM, EXIT_USAGE, add_common_options, data_dir_from_args

__all__ = ["GROUPS", "build_parser", "parse", "run_command"]

log = logging.getLogger(__name__)

#: The command groups, in the order ``--help`` lists their sub-commands. One line per group.
GROUPS = (
    demo,  # demo
    check,  # check
    transfer,  # import WHAT FILE, export WHAT FILE (see transfer.HANDLERS)
    safety,  # backup, restore, purge-buyer-data
    report,  # report, rebuild-summaries
    risk,  # risk (fraud checks, blacklist)
    sync,  # sync 1688 (the 1688 Open Platform API)
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dropship-desktop",
        description="一件代发助手 · Dropship Desktop. Without a command, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    add_common_options(parser, suppress=False)
    parser.add_argument(
        "--lang", choices=["zh_CN", "en"], help="user interface language (remembered)"
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="start the app, open the database, build every view, run the checks, print a "
        "summary and exit (non-zero on any problem)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for group in GROUPS:
        group.add_commands(sub, add_common_options)
    return parser


def run_command(args: argparse.Namespace) -> int:
    """Run a headless sub-command; return the process exit status."""
    from ..logs import setup_logging

    data_dir = data_dir_from_args(args)
    setup_logging(log_dir(data_dir), verbose=getattr(args, "verbose", False))
    from .lock import command_lock, needs_lock

    try:
        if getattr(args, "demo", False) and args.command != "demo":
            _create_demo_on_first_use(data_dir, command_lock)
        with command_lock(data_dir) if needs_lock(args) else contextlib.nullcontext():
            status = _dispatch(args, data_dir)
        sys.stdout.flush()  # here, so a closed pipe is caught below and not at exit
        return status
    except UserError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_PROBLEM
    except BrokenPipeError:
        return _reader_went_away()


def _reader_went_away() -> int:
    """The output was piped into a command that stopped reading (``| head``): not an error.

    Points stdout at the null device so that Python's flush at exit does not raise again
    (the way the Python documentation suggests), and exits normally.
    """
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    return 0


def _create_demo_on_first_use(data_dir: Path, command_lock: Any) -> None:
    """``--demo``'s database is "created on first use", by a command as by the app."""
    from ..paths import database_file
    from .common import DEMO_FIRST_USE_ORDERS

    if database_file(data_dir).exists():
        return
    from ..services.demo import generate_demo
    from .common import opened_database

    with command_lock(data_dir), opened_database(data_dir, must_exist=False):
        print(
            f"creating the demo database ({DEMO_FIRST_USE_ORDERS:,} orders) in {data_dir} …",
            file=sys.stderr,
        )
        generate_demo(DEMO_FIRST_USE_ORDERS, seed=1)


def _dispatch(args: argparse.Namespace, data_dir: Path) -> int:
    try:
        for group in GROUPS:
            if args.command in group.COMMANDS:
                status: int = group.run(args, data_dir)
                return status
    except UserError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_PROBLEM
    print(f"error: unknown command {args.command!r}", file=sys.stderr)
    return EXIT_USAGE


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    return build_parser().parse_args(argv)
