"""Command-line parsing and the headless sub-commands (demo, check, import, export).

Sub-commands print plain text and exit non-zero with the reason on any problem; they never start
the GUI.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from . import __version__
from . import cli_fulfilment as fulfilment
from .errors import UserError
from .i18n import QT_TRANSLATE_NOOP
from .paths import database_file, demo_data_dir, log_dir, resolve_data_dir

__all__ = ["build_parser", "run_command"]

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_PROBLEM = 1
EXIT_USAGE = 2

#: Sub-commands implemented in cli_safety.py.
SAFETY_COMMANDS = ("backup", "restore", "purge-buyer-data")

#: What ``import`` and ``export`` handle (the first positional argument).
IMPORT_WHAT = ["orders", "products", "aftersales", *fulfilment.IMPORT_WHAT]
EXPORT_WHAT = ["orders", "suppliers", "offers", "aftersales", *fulfilment.EXPORT_WHAT]


def _common(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dropship-desktop",
        description="一件代发助手 · Dropship Desktop. Without a command, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    _common(parser, suppress=False)
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

    demo = sub.add_parser("demo", help="fill an empty database with demo data")
    _common(demo, suppress=True)
    demo.add_argument("--orders", type=int, default=3000, metavar="N", help="orders (default 3000)")
    demo.add_argument("--seed", type=int, default=1, metavar="S", help="random seed (default 1)")

    check = sub.add_parser("check", help="integrity check, schema version and row counts")
    _common(check, suppress=True)
    check.add_argument("--full", action="store_true", help="full integrity_check (slower)")

    imp = sub.add_parser("import", help="import a file into the database (all or nothing)")
    _common(imp, suppress=True)
    imp.add_argument("what", choices=IMPORT_WHAT, help="what the file holds")
    imp.add_argument("file", metavar="FILE", help="CSV (UTF-8 or GBK), XLSX or XLS file")
    imp.add_argument(
        "--format",
        default="auto",
        metavar="FMT",
        help="orders: auto (default), taobao, pdd, douyin, kuaishou or 1688",
    )
    imp.add_argument(
        "--shop", metavar="NAME", help="orders: the shop the orders belong to (created if new)"
    )
    imp.add_argument(
        "--mapping", metavar="JSON", help="orders: a column mapping file (for other layouts)"
    )

    exp = sub.add_parser("export", help="export data to an XLSX or CSV file")
    _common(exp, suppress=True)
    exp.add_argument("what", choices=EXPORT_WHAT, help="what to export")
    exp.add_argument("file", metavar="FILE", help="the file to write (.xlsx or .csv)")
    exp.add_argument(
        "--format", choices=["xlsx", "csv"], help="file format (default: from the file name)"
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
    fulfilment.add_export_arguments(exp)  # --shop, --include-sent (shipping)
    from .cli_safety import add_commands

    add_commands(sub, _common)  # backup, restore, purge-buyer-data
    from . import cli_report

    cli_report.add_commands(sub, _common)  # report, rebuild-summaries
    from .cli_risk import add_commands as add_risk_commands

    add_risk_commands(sub, _common)  # risk (fraud checks, blacklist)
    from .cli_sync import add_commands as add_sync_commands

    add_sync_commands(sub, _common)  # sync 1688 (Open Platform API)
    return parser


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


@contextlib.contextmanager
def opened_database(data_dir: Path, *, must_exist: bool = True) -> Iterator[Path]:
    """Open the data folder's database for one command, the way the app does, and close it after.

    Through :func:`~dropship_desktop.startup.open_checked`: a damaged database is refused with a
    clear message (nothing is moved aside headless) and a migration is preceded by a backup.

    Args:
        data_dir: The data folder.
        must_exist: Refuse when there is no database yet, instead of creating one.

    Yields:
        The database file.

    Raises:
        UserError: There is no database (with ``must_exist``) or it cannot be used.
    """
    from .startup import open_checked
    from .store.db import close_database

    path = existing_database(data_dir) if must_exist else database_file(data_dir)
    open_checked(data_dir)
    try:
        yield path
    finally:
        close_database()


def run_command(args: argparse.Namespace) -> int:
    """Run a headless sub-command; return the process exit status."""
    from .logs import setup_logging

    data_dir = data_dir_from_args(args)
    setup_logging(log_dir(data_dir), verbose=getattr(args, "verbose", False))
    from .cli_lock import command_lock, needs_lock

    try:
        with command_lock(data_dir) if needs_lock(args) else contextlib.nullcontext():
            return _dispatch(args, data_dir)
    except UserError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_PROBLEM


def _dispatch(args: argparse.Namespace, data_dir: Path) -> int:
    try:
        if args.command in SAFETY_COMMANDS:
            from .cli_safety import run

            return run(args, data_dir)
        if args.command in ("import", "export") and args.what in fulfilment.EXPORT_WHAT:
            return fulfilment.run(args, data_dir, opened_database)
        if args.command in ("report", "rebuild-summaries"):
            from . import cli_report

            return cli_report.run(args, data_dir)
        if args.command == "risk":
            from .cli_risk import run as run_risk

            return run_risk(args, data_dir)
        if args.command == "sync":
            from .cli_sync import run as run_sync

            return run_sync(args, data_dir)
        if args.command == "demo":
            return _cmd_demo(data_dir, args.orders, args.seed)
        if args.command == "check":
            return _cmd_check(data_dir, full=args.full)
        if args.command in ("import", "export") and args.what == "aftersales":
            from .cli_after_sales import run as run_after_sales

            return run_after_sales(args, data_dir)
        if args.command == "import" and args.what == "orders":
            return _cmd_import_orders(data_dir, args)
        if args.command == "export" and args.what == "orders":
            return _cmd_export_orders(data_dir, args)
        if args.command == "import" and args.what == "products":
            return _cmd_import_products(data_dir, args)
        if args.command == "export" and args.what in ("suppliers", "offers"):
            return _cmd_export_sourcing(data_dir, args)
    except UserError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_PROBLEM
    print(f"error: unknown command {args.command!r}", file=sys.stderr)
    return EXIT_USAGE


def _cmd_demo(data_dir: Path, orders: int, seed: int) -> int:
    from .services.demo import generate_demo

    if orders < 0:
        raise UserError("--orders must be 0 or more.")
    with opened_database(data_dir, must_exist=False) as path:
        last = [0]

        def progress(done: int, total: int) -> None:
            if sys.stderr.isatty() and (done - last[0] >= 100_000 or done == total):
                last[0] = done
                print(f"\r{done:,}/{total:,} orders", end="", file=sys.stderr, flush=True)

        summary = generate_demo(orders, seed=seed, progress=progress)
        if sys.stderr.isatty():
            print(file=sys.stderr)
    print(
        f"demo: {summary.orders} orders, {summary.lines} lines, {summary.supplier_orders} "
        f"supplier orders ({summary.unmatched_supplier_orders} awaiting a match) in "
        f"{summary.seconds:.1f} s → {path}"
    )
    return EXIT_OK


def _cmd_check(data_dir: Path, *, full: bool) -> int:
    from .cli_check import run_check

    return run_check(data_dir, full=full)


def _progress_printer(unit: str) -> Callable[..., None]:
    """A progress callback printing to a terminal's stderr (silent when redirected)."""
    last = [0.0]

    def report(*args: Any) -> None:
        done, total = args[-2], args[-1]
        now = time.monotonic()
        if sys.stderr.isatty() and (now - last[0] > 0.2 or done == total):
            last[0] = now
            print(f"\r{done:,}/{total:,} {unit}", end="", file=sys.stderr, flush=True)

    return report


def _cmd_import_orders(data_dir: Path, args: argparse.Namespace) -> int:
    import json

    from .services.order_import import check_preview, import_orders_file, preview_import
    from .tabular.orders_formats import ColumnMapping

    mapping = None
    if args.mapping:
        try:
            data = json.loads(Path(args.mapping).read_text(encoding="utf-8"))
            mapping = ColumnMapping.from_dict(data.get("mapping", data))
        except (OSError, ValueError, AttributeError) as exc:
            raise UserError(f"The column mapping {args.mapping} cannot be used: {exc}") from None
    fmt = None if args.format == "auto" else args.format
    if fmt not in (None, "taobao", "pdd", "douyin", "kuaishou", "1688"):
        raise UserError(
            f"Unknown format {args.format!r}; use auto, taobao, pdd, douyin, kuaishou or 1688."
        )
    if not Path(args.file).is_file():
        raise UserError(f"No such file: {args.file}")
    # Read the file and check its layout before the database is even opened. Into an existing
    # database a shop export's rows are mapped while they are written (the two overlap); a row
    # with a problem then rejects the whole import and the transaction is rolled back. With no
    # database yet every row is checked first, so a rejected file does not create one.
    defer = database_file(data_dir).exists()
    preview = preview_import(args.file, fmt=fmt, mapping=mapping, defer_rows=defer)
    check_preview(preview)
    with opened_database(data_dir, must_exist=False):
        try:
            changes = import_orders_file(
                preview, shop_name=args.shop, progress=_progress_printer("orders")
            )
        finally:
            if sys.stderr.isatty():
                print(file=sys.stderr)
    print(changes.message_text)
    return EXIT_OK


def _cmd_export_orders(data_dir: Path, args: argparse.Namespace) -> int:
    from .services.order_export import export_orders
    from .store.order_queries import OrderFilter

    with opened_database(data_dir):
        try:
            changes = export_orders(
                args.file,
                OrderFilter(text=args.search),
                file_format=args.format,
                full_buyer_data=args.full_buyer_data,
                language=args.header_lang,
                progress=_progress_printer("orders"),
            )
        finally:
            if sys.stderr.isatty():
                print(file=sys.stderr)
    print(changes.message_text)
    return EXIT_OK


def _cmd_import_products(data_dir: Path, args: argparse.Namespace) -> int:
    from .services.sourcing import commit_product_import, preview_product_import

    if not Path(args.file).is_file():
        raise UserError(f"No such file: {args.file}")
    with opened_database(data_dir, must_exist=False):
        preview = preview_product_import(args.file)
        for row in preview.rows:
            for column, problem in row.errors.items():
                print(f"row {row.row_number}, {column}: {problem}", file=sys.stderr)
        changes = commit_product_import(preview)  # refuses (writes nothing) on any error
    print(changes.message_text)
    return EXIT_OK


def _cmd_export_sourcing(data_dir: Path, args: argparse.Namespace) -> int:
    from .services.sourcing import export_offers, export_suppliers

    target = Path(args.file)
    if args.format and target.suffix.lower() != f".{args.format}":
        target = target.with_name(target.name + f".{args.format}")
    lang = "zh" if args.header_lang == "zh_CN" else "en"
    with opened_database(data_dir):
        export = export_suppliers if args.what == "suppliers" else export_offers
        count = export(target, lang)
    print(f"{count} {args.what} rows → {target}")
    return EXIT_OK


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    return build_parser().parse_args(argv)
