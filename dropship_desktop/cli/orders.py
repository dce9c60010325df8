"""``import orders FILE`` and ``export orders FILE``: shop and 1688 order files in and out."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import UserError
from ..i18n import QT_TRANSLATE_NOOP
from ..paths import database_file
from ..tabular.platform_formats import choice_keys, choice_text
from .common import (
    EXIT_OK,
    end_progress_line,
    opened_database,
    progress_printer,
    refuse_to_replace,
    require_file,
)

if TYPE_CHECKING:
    from ..tabular.orders_formats import ColumnMapping

__all__ = ["EXPORT_WHAT", "IMPORT_WHAT", "run"]

IMPORT_WHAT = ["orders"]
EXPORT_WHAT = ["orders"]


def run(args: argparse.Namespace, data_dir: Path) -> int:
    """Run ``import orders`` or ``export orders``; return the exit status."""
    if args.command == "import":
        return _import(data_dir, args)
    return _export(data_dir, args)


def _column_mapping(path: str) -> ColumnMapping:
    """The ``--mapping`` file: the dialog's saved mapping, or a flat ``{field: column}`` object
    (as ``import aftersales`` takes it), UTF-8 with or without a BOM (Notepad writes one)."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except (OSError, ValueError) as exc:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "Cannot read the column mapping {path}: {reason}"),
            path=path,
            reason=getattr(exc, "strerror", None) or exc,
        ) from None
    if isinstance(data, dict):
        data = data.get("mapping", data)
    if isinstance(data, dict) and "fields" not in data and "format" not in data:
        data = {"fields": data}
    try:
        from ..tabular.orders_formats import ColumnMapping

        return ColumnMapping.from_dict(data)
    except ValueError as exc:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The column mapping {path} cannot be used ({reason}). It must be a JSON object "
                "of field names and column names, such as {example}.",
            ),
            path=path,
            reason=exc,
            example='{"order_no": "订单号", "status_text": "订单状态"}',
        ) from None


def _import(data_dir: Path, args: argparse.Namespace) -> int:
    from ..services.order_import import check_preview, import_orders_file, preview_import

    mapping = _column_mapping(args.mapping) if args.mapping else None
    fmt = None if args.format == "auto" else args.format
    if fmt is not None and fmt not in choice_keys():
        raise UserError(f"Unknown format {args.format!r}; use auto, {choice_text()}.")
    require_file(args.file)
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
                preview, shop_name=args.shop, progress=progress_printer("orders")
            )
        finally:
            end_progress_line()
    print(changes.message_text)
    return EXIT_OK


def _export(data_dir: Path, args: argparse.Namespace) -> int:
    from ..services.order_export import export_orders
    from ..store.order_queries import OrderFilter

    refuse_to_replace(args, Path(args.file))
    with opened_database(data_dir):
        try:
            changes = export_orders(
                args.file,
                OrderFilter(text=args.search),
                file_format=args.format,
                full_buyer_data=args.full_buyer_data,
                language=args.header_lang,
                progress=progress_printer("orders"),
            )
        finally:
            end_progress_line()
    print(changes.message_text)
    return EXIT_OK
