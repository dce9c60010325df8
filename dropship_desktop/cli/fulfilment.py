"""Fulfilment sub-commands: ``export shipping``, ``export purchase-list``, mappings in and out.

``dropship-desktop export shipping FILE [--shop NAME]`` writes the batch-ship file(s) of the shop
orders whose 1688 order has a tracking number (one row each: order number, carrier as the
platform lists it, tracking number) and records them as sent to the shop.
``dropship-desktop export purchase-list FILE`` writes the orders waiting to be placed on 1688
(offer link, spec, quantity, receiver). ``export mappings`` / ``import mappings`` move the SKU
mapping table through XLSX or CSV.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import UserError
from ..i18n import QT_TRANSLATE_NOOP, fill
from .common import opened_database, refuse_to_replace

__all__ = ["EXPORT_WHAT", "IMPORT_WHAT", "add_export_arguments", "run"]

EXPORT_WHAT = ["shipping", "purchase-list", "mappings"]
IMPORT_WHAT = ["mappings"]


def add_export_arguments(exp: argparse.ArgumentParser) -> None:
    """Options of ``export`` that only the fulfilment exports use."""
    exp.add_argument(
        "--shop", metavar="NAME", help="shipping: only this shop's orders (default: every shop)"
    )
    exp.add_argument(
        "--include-sent",
        action="store_true",
        help="shipping: also rows already written to a batch-ship file with the same number",
    )


def _shop_id(name: str | None) -> int | None:
    from ..store.lookups import shop_id, shop_names

    if not name:
        return None
    found = shop_id(name)
    if found is None:
        names = shop_names()
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "No shop named “{shop}”. The shops are: {names}."),
            shop=name,
            names="、".join(names) or "—",
        )
    return found


def run(args: argparse.Namespace, data_dir: Path) -> int:
    """Run one fulfilment sub-command; returns the exit status (UserError propagates)."""
    target = Path(args.file)
    fmt = getattr(args, "format", None)
    if args.command == "export" and fmt in ("xlsx", "csv") and target.suffix.lower() != f".{fmt}":
        target = target.with_name(target.name + f".{fmt}")
    if args.command == "export" and args.what != "shipping":
        refuse_to_replace(args, target)  # shipping checks the files it will write (per platform)
    with opened_database(data_dir):
        if args.command == "import":
            from ..services.mapping import import_mappings

            if not target.is_file():
                raise UserError(QT_TRANSLATE_NOOP("Errors", "No such file: {file}"), file=target)
            print(import_mappings(target).message_text)
            return 0
        if args.what == "mappings":
            from ..services.mapping import export_mappings

            print(f"{export_mappings(target)} mappings → {target}")
            return 0
        if args.what == "purchase-list":
            from ..services.purchasing import write_purchase_list

            print(f"{write_purchase_list(str(target))} purchase lines → {target}")
            return 0
        from ..services.shipping import export_shipping

        result = export_shipping(
            target,
            shop_id=_shop_id(args.shop),
            include_sent=args.include_sent,
            replace=args.overwrite,
        )
        for file, platform, rows in result.files:
            print(f"{rows} orders ({platform}) → {file}")
        for number in result.corrected:
            print(
                f"tracking number changed on 1688 since it was sent: {number} (correct it on the"
                " shop)",
                file=sys.stderr,
            )
        for number, reason in result.skipped:
            text = fill(getattr(reason, "template", reason), getattr(reason, "params", {}))
            print(f"left out {number}: {text}", file=sys.stderr)
        return 0
