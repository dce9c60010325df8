"""``import products FILE`` and ``export suppliers|offers FILE``: the sourcing tables."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .common import EXIT_OK, opened_database, refuse_to_replace, require_file

__all__ = ["EXPORT_WHAT", "IMPORT_WHAT", "run"]

IMPORT_WHAT = ["products"]
EXPORT_WHAT = ["suppliers", "offers"]


def run(args: argparse.Namespace, data_dir: Path) -> int:
    """Run ``import products`` or ``export suppliers|offers``; return the exit status."""
    if args.command == "import":
        return _import_products(data_dir, args)
    return _export(data_dir, args)


def _import_products(data_dir: Path, args: argparse.Namespace) -> int:
    from ..services.sourcing import commit_product_import, preview_product_import

    require_file(args.file)
    with opened_database(data_dir, must_exist=False):
        preview = preview_product_import(args.file)
        for row in preview.rows:
            for column, problem in row.errors.items():
                print(f"row {row.row_number}, {column}: {problem}", file=sys.stderr)
        changes = commit_product_import(preview)  # refuses (writes nothing) on any error
    print(changes.message_text)
    return EXIT_OK


def _export(data_dir: Path, args: argparse.Namespace) -> int:
    from ..services.sourcing import export_offers, export_suppliers

    target = Path(args.file)
    if args.format and target.suffix.lower() != f".{args.format}":
        target = target.with_name(target.name + f".{args.format}")
    refuse_to_replace(args, target)
    lang = "zh" if args.header_lang == "zh_CN" else "en"
    with opened_database(data_dir):
        export = export_suppliers if args.what == "suppliers" else export_offers
        count = export(target, lang)
    print(f"{count} {args.what} rows → {target}")
    return EXIT_OK
