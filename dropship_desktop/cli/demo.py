"""The ``demo`` sub-command: fill an empty database with demo data."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from ..errors import UserError
from ..paths import database_file
from .common import EXIT_OK, opened_database

__all__ = ["COMMANDS", "add_commands", "run"]

COMMANDS = ("demo",)


def add_commands(
    sub: argparse._SubParsersAction,  # type: ignore[type-arg]
    common: Callable[..., None],
) -> None:
    """Register ``demo`` on *sub*; *common* adds the shared options."""
    demo = sub.add_parser("demo", help="fill an empty database with demo data")
    common(demo, suppress=True)
    demo.add_argument("--orders", type=int, default=3000, metavar="N", help="orders (default 3000)")
    demo.add_argument("--seed", type=int, default=1, metavar="S", help="random seed (default 1)")


def run(args: argparse.Namespace, data_dir: Path) -> int:
    """Run ``demo``; return the exit status (UserError propagates)."""
    from ..services.demo import generate_demo

    orders: int = args.orders
    if orders < 0:
        raise UserError("--orders must be 0 or more.")
    with opened_database(data_dir, must_exist=False) as ctx:
        path = ctx.store.path or database_file(data_dir)
        last = [0]

        def progress(done: int, total: int) -> None:
            if sys.stderr.isatty() and (done - last[0] >= 100_000 or done == total):
                last[0] = done
                print(f"\r{done:,}/{total:,} orders", end="", file=sys.stderr, flush=True)

        summary = generate_demo(orders, seed=args.seed, progress=progress)
        if sys.stderr.isatty():
            print(file=sys.stderr)
    print(
        f"demo: {summary.orders} orders, {summary.lines} lines, {summary.supplier_orders} "
        f"supplier orders ({summary.unmatched_supplier_orders} awaiting a match) in "
        f"{summary.seconds:.1f} s → {path}"
    )
    return EXIT_OK
