"""The after-sales sub-commands: ``import aftersales FILE [--shop NAME] [--mapping JSON]`` and
``export aftersales FILE``. Listed in :data:`.transfer.HANDLERS`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..errors import UserError
from ..i18n import QT_TRANSLATE_NOOP
from .common import opened_database, refuse_to_replace, require_file

__all__ = ["EXPORT_WHAT", "IMPORT_WHAT", "run"]

#: The ``what`` of ``import`` / ``export`` handled here.
IMPORT_WHAT = ["aftersales"]
EXPORT_WHAT = ["aftersales"]


def run(args: argparse.Namespace, data_dir: Path) -> int:
    """Run ``import aftersales`` or ``export aftersales``; returns the exit status."""

    if args.command == "import":
        return _import(args, data_dir)
    return _export(args, data_dir)


def _mapping(path: str | None) -> dict[str, str] | None:
    if not path:
        return None
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except (OSError, ValueError) as exc:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "Cannot read the column mapping {path}: {reason}"),
            path=path,
            reason=exc,
        ) from None
    fields = data.get("fields", data) if isinstance(data, dict) else None
    if not isinstance(fields, dict) or not all(isinstance(v, str) for v in fields.values()):
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The column mapping {path} must be a JSON object of field names and column "
                "names, such as {example}.",
            ),
            path=path,
            example='{"order_no": "订单号"}',
        )
    return fields


def _import(args: argparse.Namespace, data_dir: Path) -> int:
    from ..services.after_sales_import import (
        commit_after_sales_import,
        preview_after_sales_import,
    )

    require_file(args.file)
    mapping = _mapping(getattr(args, "mapping", None))
    with opened_database(data_dir):
        preview = preview_after_sales_import(args.file, shop=args.shop, mapping=mapping)
        for warning in preview.warnings:
            print(f"warning: {warning}", file=sys.stderr)
        if not preview.ok:
            for problem in preview.errors[:50]:
                print(problem, file=sys.stderr)
            if len(preview.errors) > 50:
                print(f"… and {len(preview.errors) - 50} more", file=sys.stderr)
            print(
                f"error: {len(preview.errors)} problem(s); nothing was imported.", file=sys.stderr
            )
            return 1
        changes = commit_after_sales_import(preview)
    print(changes.message_text)
    return 0


def _export(args: argparse.Namespace, data_dir: Path) -> int:
    from ..services.after_sales_export import export_after_sales

    target = Path(args.file)
    if args.format and target.suffix.lower() != f".{args.format}":
        target = target.with_name(target.name + f".{args.format}")
    refuse_to_replace(args, target)
    lang = "zh" if args.header_lang == "zh_CN" else "en"
    with opened_database(data_dir):
        count = export_after_sales(target, lang)
    print(f"{count} after-sales cases → {target}")
    return 0
