"""The dashboard's figures on the command line: ``report`` and ``rebuild-summaries``.

``report --days 30 [--shop NAME]`` prints what the dashboard shows for the range (sales,
orders, profit and margin, each shop's 30-day cancellation rate against its warning line, late
shipments, to-dos, top products, suppliers); ``--json`` prints the same as one JSON object for
scripts. ``rebuild-summaries`` refills the daily summary rows from the orders (and says whether
they had drifted); ``report --check`` only compares them and exits non-zero on a difference.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from ..context import AppContext
from ..errors import UserError
from ..i18n import QT_TRANSLATE_NOOP
from .common import opened_database

__all__ = ["COMMANDS", "add_commands", "run"]

COMMANDS = ("report", "rebuild-summaries")


def add_commands(
    sub: argparse._SubParsersAction,  # type: ignore[type-arg]
    common: Callable[..., None],
) -> None:
    """Register the sub-commands on *sub*; *common* adds the shared options to each."""
    report = sub.add_parser(
        "report", help="print the dashboard's figures (sales, profit, cancellation rates …)"
    )
    common(report, suppress=True)
    report.add_argument(
        "--days", type=int, default=30, metavar="N", help="the last N days, today included (30)"
    )
    report.add_argument("--from", dest="first", metavar="YYYY-MM-DD", help="first day (custom)")
    report.add_argument("--to", dest="last", metavar="YYYY-MM-DD", help="last day (custom)")
    report.add_argument("--shop", metavar="NAME", help="one shop (default: all shops)")
    report.add_argument("--json", action="store_true", help="print one JSON object")
    report.add_argument(
        "--check",
        action="store_true",
        help="only compare the daily summaries with the orders (exit 1 on a difference)",
    )
    rebuild = sub.add_parser(
        "rebuild-summaries", help="recompute the dashboard's daily summary rows from the orders"
    )
    common(rebuild, suppress=True)


def run(args: argparse.Namespace, data_dir: Path) -> int:
    """Run one of :data:`COMMANDS`; return the exit status (UserError propagates)."""

    with opened_database(data_dir) as ctx:
        if args.command == "rebuild-summaries":
            return _rebuild(ctx)
        if args.check:
            return _check(ctx)
        return _report(args)


def _rebuild(ctx: AppContext) -> int:
    from ..store.daily_summary import differences, rebuild

    conn = ctx.store.connection()
    drift = differences(conn)
    with ctx.store.atomic():
        counts = rebuild(conn)
    rows = ", ".join(f"{table} {n:,}" for table, n in counts.items())
    state = f"{len(drift)} rows had drifted" if drift else "they were already right"
    print(f"rebuilt daily summaries ({rows}); {state}")
    return 0


def _check(ctx: AppContext) -> int:
    from ..store.daily_summary import differences

    drift = differences(ctx.store.connection())
    for line in drift[:50]:
        print(line)
    if drift:
        print(f"{len(drift)} summary rows differ from the orders; run 'rebuild-summaries'")
        return 1
    print("daily summaries agree with the orders")
    return 0


def _day(text: str, option: str) -> int:
    try:
        value = date.fromisoformat(text.strip())
    except ValueError:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "{option} must be a date like 2026-11-30, not “{value}”."),
            option=option,
            value=text,
        ) from None
    return (value - date(1970, 1, 1)).days


def _range(args: argparse.Namespace) -> Any:
    from ..domain.dashboard import DateRange
    from ..services.dashboard import today

    if args.first or args.last:
        if not (args.first and args.last):
            raise UserError(
                QT_TRANSLATE_NOOP("Errors", "Give both --from and --to for a custom range.")
            )
        first, last = _day(args.first, "--from"), _day(args.last, "--to")
        if last < first:
            raise UserError(QT_TRANSLATE_NOOP("Errors", "--to is before --from."))
        return DateRange(first, last)
    if not 1 <= args.days <= 3660:
        raise UserError(QT_TRANSLATE_NOOP("Errors", "--days must be between 1 and 3660."))
    return DateRange.last(args.days, today())


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def _yuan(fen: int) -> str:
    from ..domain.money import format_fen

    return format_fen(fen)


def _report(args: argparse.Namespace) -> int:
    from ..domain.dashboard import BP
    from ..services.dashboard import find_shop, load_dashboard
    from ..services.todos import count_todos

    shop = find_shop(args.shop) if args.shop else None
    rng = _range(args)
    data = load_dashboard(rng, shop.id if shop else None)
    todos = count_todos()
    first = date.fromordinal(date(1970, 1, 1).toordinal() + rng.first_day)
    last = date.fromordinal(date(1970, 1, 1).toordinal() + rng.last_day)
    shops = [s for s in data.per_shop if shop is None or s.shop.id == shop.id]
    t = data.totals
    if args.json:
        out = {
            "from": first.isoformat(),
            "to": last.isoformat(),
            "shop": shop.name if shop else None,
            "orders": t.orders,
            "valid_orders": t.valid_orders,
            "sales_fen": t.sales_fen,
            "profit_fen": t.profit_fen,
            "margin": t.margin,
            "estimated_orders": t.estimated_orders,
            "estimated_profit_fen": t.estimated_profit_fen,
            "cancelled": t.cancelled,
            "late": sum(s.late for s in shops),
            "shops": [
                {
                    "name": s.shop.name,
                    "orders": s.totals.orders,
                    "sales_fen": s.totals.sales_fen,
                    "profit_fen": s.totals.profit_fen,
                    "margin": s.totals.margin,
                    "late": s.late,
                    "late_rate": s.late_rate,
                    "window_orders": s.window.orders,
                    "window_cancelled": s.window.cancelled,
                    "cancel_rate_30d": s.window_rate,
                    "warning_line": s.shop.warning_bp / BP,
                    "cancellations_to_line": s.to_line,
                }
                for s in shops
            ],
            "todos": {c.card.key: c.count for c in todos},
            "top_products": [
                {"title": p[0], "quantity": p[1], "sales_fen": p[2]} for p in data.products
            ],
            "suppliers": [
                {
                    "name": s.name,
                    "orders": s.orders,
                    "cost_fen": s.cost_fen,
                    "on_time_rate": s.on_time_rate,
                    "cancelled_for_stock": s.supplier_caused,
                }
                for s in data.suppliers
            ],
        }
        print(json.dumps(out, ensure_ascii=False, indent=1))
        return 0
    print(f"{shop.name if shop else 'All shops'} · {first} – {last} ({rng.days} days)")
    print(
        f"  sales (GMV)   {_yuan(t.sales_fen):>16}   orders {t.valid_orders:,} valid of {t.orders:,}"
    )
    estimated = (
        f"   ({t.estimated_orders:,} orders with estimated cost: {_yuan(t.estimated_profit_fen)})"
        if t.estimated_orders
        else ""
    )
    print(f"  profit        {_yuan(t.profit_fen):>16}   margin {_pct(t.margin)}{estimated}")
    print(f"  cancelled     {t.cancelled:>16,}   late shipments {sum(s.late for s in shops):,}")
    print()
    print("30-day cancellation rate (the platforms' window) and warning line:")
    for s in shops:
        if s.to_line is None:
            note = "no orders in the window"
        elif s.to_line == 0:
            note = "AT OR OVER THE LINE"
        else:
            note = f"{s.to_line} more cancellation{'s' if s.to_line > 1 else ''} reach the line"
        print(
            f"  {s.shop.name:<20} {_pct(s.window_rate):>7} of {s.window.orders:,} orders"
            f" · line {s.shop.warning_bp / 100:.2f}% · {note}"
            f" · late {_pct(s.late_rate)} · sales {_yuan(s.totals.sales_fen)}"
            f" · profit {_yuan(s.totals.profit_fen)} ({_pct(s.totals.margin)})"
        )
    print()
    print("To do:")
    for c in todos:
        extra = f" ({c.detail:,})" if c.card.detail is not None and c.detail else ""
        print(f"  {c.card.title:<32} {c.count:>8,}{extra}")
    if data.products:
        print()
        print("Top products by sales:")
        for title, qty, sales, _lines in data.products:
            print(f"  {_yuan(sales):>14}  ×{qty:<6} {title}")
    if data.suppliers:
        print()
        print("Suppliers (1688 orders placed in the range):")
        for s in data.suppliers:
            print(
                f"  {s.name or '(not recorded)':<24} orders {s.orders:>6,}  cost {_yuan(s.cost_fen):>13}"
                f"  on time {_pct(s.on_time_rate):>6}  cancelled for stock {s.supplier_caused}"
            )
    return 0
