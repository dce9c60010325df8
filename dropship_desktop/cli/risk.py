"""The fraud-check sub-command: ``risk`` (blacklist export/import/list, rescore, high-risk list).

Registered in :data:`.main.GROUPS`.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from .common import opened_database, refuse_to_replace

__all__ = ["COMMANDS", "add_commands", "run"]

COMMANDS = ("risk",)


def add_commands(
    sub: argparse._SubParsersAction,  # type: ignore[type-arg]
    common: Callable[..., None],
) -> None:
    """Register ``risk`` on *sub*; *common* adds the shared options."""
    risk = sub.add_parser(
        "risk", help="fraud checks: blacklist export/import/list, rescore, list risky orders"
    )
    common(risk, suppress=True)
    risk.add_argument(
        "action",
        choices=[
            "blacklist-export",
            "blacklist-import",
            "blacklist",
            "rescore",
            "orders",
            "settings",
        ],
        help="blacklist-export FILE / blacklist-import FILE: share the blacklist (XLSX or CSV,"
        " keyed digests and bare hints only, sealed by a share code); blacklist: list it; rescore: score every order"
        " again; orders: list the risky orders",
    )
    risk.add_argument("file", nargs="?", metavar="FILE", help="the blacklist file")
    risk.add_argument("--name", default="", help="blacklist-import: the partner list's name")
    risk.add_argument(
        "--code",
        default="",
        help="blacklist-export: seal the file with this share code (12+ characters; a random one"
        " is made and printed without it); blacklist-import: the code the sender gave you",
    )
    risk.add_argument(
        "--overwrite",
        action="store_true",
        help="blacklist-export: replace FILE if it exists",
    )
    risk.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="settings: change a threshold, e.g. window_days=14, high_value_fen=50000,"
        " risky_payments=货到付款,先用后付 (shown without --set)",
    )


def run(args: argparse.Namespace, data_dir: Path) -> int:
    """Run ``risk``; return the exit status (UserError propagates)."""
    from ..errors import UserError
    from ..i18n import QT_TRANSLATE_NOOP
    from ..instance import InstanceLock
    from ..services import risk

    if args.action in ("blacklist-export", "blacklist-import") and not args.file:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "'risk {action}' needs a FILE (.xlsx or .csv)."),
            action=args.action,
        )
    if args.action == "blacklist-export":
        refuse_to_replace(args, Path(args.file).expanduser())
    with InstanceLock(data_dir), opened_database(data_dir):
        if args.action == "blacklist-export":
            code = args.code or risk.new_share_code()
            count = risk.export_blacklist(Path(args.file).expanduser(), code)
            print(f"{count} blacklist entries written to {args.file} (digests and bare hints)")
            print(f"share code: {code}")
            print("Give the code to your partner separately (not with the file); they need it")
            print("to import the file.")
        elif args.action == "blacklist-import":
            changes = risk.import_blacklist(Path(args.file).expanduser(), args.name, args.code)
            print(changes.message_text)
        elif args.action == "blacklist":
            entries = risk.blacklist_entries()
            if not entries:
                print("The blacklist is empty. Add a buyer from an order in the app, or import a")
                print("partner's list: dropship-desktop risk blacklist-import FILE")
            for e in entries:
                source = "local" if e.is_local else e.list_name
                print(f"{e.id:>5}  {e.kind:<10} {e.hint:<24} {source:<12} {e.reason}")
        elif args.action == "settings":
            _settings(risk, args.set)
        elif args.action == "rescore":
            changed = risk.rescore_all(lambda done, total: print(f"  {done:,}/{total:,}"))
            print(f"scored every order again; {changed:,} changed")
        else:
            _risky_orders(getattr(args, "lang", None) == "zh_CN")
    return 0


def _risky_orders(chinese: bool) -> None:
    """The risky orders, high risk first, then newest: level and rule titles in the CLI's
    language (English, its marked texts; Chinese with ``--lang zh_CN``, the titles the order
    export writes)."""
    from ..domain.risk import LEVEL_LABELS_ZH, RULE_TITLES_ZH, RULES, RiskLevel, decode_hits
    from ..store.lookups import risky_orders

    rows = risky_orders()
    if not rows:
        print(
            "暂无被防骗检查标记的订单。" if chinese else "No order is flagged by the fraud checks."
        )
    for number, level, rules, checked in rows:
        hits = decode_hits(rules)
        if chinese:
            names = "、".join(RULE_TITLES_ZH[h.rule] for h in hits)
            shown = LEVEL_LABELS_ZH[RiskLevel(level)] + ("（已核实）" if checked else "")
        else:
            names = ", ".join(str(RULES[h.rule].title) for h in hits)
            shown = str(RiskLevel(level).label) + (" (checked)" if checked else "")
        print(f"{number}  {shown}  {names}")


def _settings(risk: object, changes: list[str]) -> None:
    from dataclasses import asdict, fields, replace

    from ..errors import UserError
    from ..i18n import QT_TRANSLATE_NOOP

    current = risk.risk_settings()  # type: ignore[attr-defined]
    if changes:
        kinds = {f.name: f.type for f in fields(current)}
        values: dict[str, object] = {}
        for change in changes:
            key, _, value = change.partition("=")
            key = key.strip()
            if key not in kinds or not value.strip():
                raise UserError(
                    QT_TRANSLATE_NOOP("Errors", "Unknown setting or missing value: {change}"),
                    change=change,
                )
            if key == "risky_payments":
                values[key] = tuple(
                    p.strip() for p in value.replace("，", ",").split(",") if p.strip()
                )
            else:
                try:
                    values[key] = int(value)
                except ValueError:
                    raise UserError(
                        QT_TRANSLATE_NOOP("Errors", "{key} needs a whole number."), key=key
                    ) from None
        current = replace(current, **values)  # type: ignore[arg-type]
        risk.save_risk_settings(current)  # type: ignore[attr-defined]
        print("saved; run 'risk rescore' to apply them to existing orders")
    for key, value in asdict(current).items():
        print(f"{key} = {value}")
