"""``import WHAT FILE`` and ``export WHAT FILE``: one parser each, dispatched by *what*.

Each module in :data:`HANDLERS` declares the kinds it handles (``IMPORT_WHAT``, ``EXPORT_WHAT``)
and a ``run(args, data_dir)``; it may add ``export`` options of its own with
``add_export_arguments(parser)``. A new kind of file is one module and one line here.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from ..tabular.platform_formats import choice_text
from . import after_sales, fulfilment, orders, sourcing

__all__ = ["COMMANDS", "HANDLERS", "add_commands", "run"]

COMMANDS = ("import", "export")

#: The modules that read and write files, in the order their kinds are listed in ``--help``.
HANDLERS = (orders, sourcing, after_sales, fulfilment)


def add_commands(
    sub: argparse._SubParsersAction,  # type: ignore[type-arg]
    common: Callable[..., None],
) -> None:
    """Register ``import`` and ``export`` on *sub*; *common* adds the shared options."""
    handlers = HANDLERS
    imp = sub.add_parser("import", help="import a file into the database (all or nothing)")
    common(imp, suppress=True)
    imp.add_argument(
        "what",
        choices=[w for h in handlers for w in getattr(h, "IMPORT_WHAT", ())],
        help="what the file holds",
    )
    imp.add_argument("file", metavar="FILE", help="CSV (UTF-8 or GBK), XLSX or XLS file")
    imp.add_argument(
        "--format",
        default="auto",
        metavar="FMT",
        help=f"orders: auto (default), {choice_text()}",
    )
    imp.add_argument(
        "--shop", metavar="NAME", help="orders: the shop the orders belong to (created if new)"
    )
    imp.add_argument(
        "--mapping", metavar="JSON", help="orders: a column mapping file (for other layouts)"
    )

    exp = sub.add_parser("export", help="export data to an XLSX or CSV file")
    common(exp, suppress=True)
    exp.add_argument(
        "what",
        choices=[w for h in handlers for w in getattr(h, "EXPORT_WHAT", ())],
        help="what to export",
    )
    exp.add_argument("file", metavar="FILE", help="the file to write (.xlsx or .csv)")
    exp.add_argument(
        "--format", choices=["xlsx", "csv"], help="file format (default: from the file name)"
    )
    exp.add_argument(
        "--overwrite",
        action="store_true",
        help="replace FILE if it exists (without it an existing file is left as it is)",
    )
    exp.add_argument(
        "--full-buyer-data",
        action="store_true",
        help="orders: write buyer names, phones and addresses in full (recorded in the log)",
    )
    exp.add_argument("--search", default="", metavar="TEXT", help="orders: only matching orders")
    exp.add_argument(
        "--header-lang", choices=["zh_CN", "en"], default="zh_CN", help="header language"
    )
    for handler in handlers:
        add = getattr(handler, "add_export_arguments", None)
        if add is not None:
            add(exp)


def run(args: argparse.Namespace, data_dir: Path) -> int:
    """Run ``import`` or ``export`` through the module that handles ``args.what``."""
    kinds = "IMPORT_WHAT" if args.command == "import" else "EXPORT_WHAT"
    for handler in HANDLERS:
        if args.what in getattr(handler, kinds, ()):
            result: int = handler.run(args, data_dir)
            return result
    raise ValueError(args.what)  # argparse's choices come from the same lists
