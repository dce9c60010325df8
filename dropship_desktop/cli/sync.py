"""``dropship-desktop sync 1688 [--account NAME] [--since DATE]``: fetch 1688 orders over the API.

Every problem (no account, not connected, no
network, refused by 1688) is one plain line on stderr and exit status 1; what was written before
a failure stays, and the next run resumes after it.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

__all__ = ["COMMANDS", "add_commands", "run"]

COMMANDS = ("sync",)


def add_commands(
    sub: argparse._SubParsersAction,  # type: ignore[type-arg]
    common: Callable[..., None],
) -> None:
    """Register ``sync`` on *sub*; *common* adds the shared options."""
    sync = sub.add_parser(
        "sync", help="fetch new and changed 1688 orders through the 1688 Open Platform API"
    )
    common(sync, suppress=True)
    sync.add_argument("source", choices=["1688"], help="what to sync (1688 purchase orders)")
    sync.add_argument(
        "--account", metavar="NAME", help="the distribution account (needed when several exist)"
    )
    sync.add_argument(
        "--since",
        metavar="DATE",
        help="start from orders modified on or after DATE (YYYY-MM-DD, China time) instead of "
        "the last sync",
    )


def _since(text: str | None) -> datetime | None:
    from ..domain.timeutil import CHINA_TZ
    from ..errors import UserError
    from ..i18n import QT_TRANSLATE_NOOP

    if not text:
        return None
    for pattern in ("%Y-%m-%d", "%Y-%m-%d %H:%M", "%Y%m%d"):
        try:
            return datetime.strptime(text.strip(), pattern).replace(tzinfo=CHINA_TZ)
        except ValueError:
            continue
    raise UserError(
        QT_TRANSLATE_NOOP("Errors", "--since {value!r} is not a date: write it as 2026-11-01."),
        value=text,
    )


def run(args: argparse.Namespace, data_dir: Path) -> int:
    """Run ``sync 1688``; return the exit status (UserError propagates)."""
    from ..connectors.alibaba1688 import Open1688Connector
    from ..services.open1688_accounts import resolve_sync_account
    from ..services.sync_1688 import sync_orders
    from .common import opened_database
    from .lock import command_lock

    since = _since(args.since)
    with command_lock(data_dir), opened_database(data_dir) as ctx:
        account = resolve_sync_account(ctx, args.account)
        connector = Open1688Connector(account)
        try:

            def progress(done: int, total: int) -> None:
                print(f"  {done:,}/{total:,} orders", file=sys.stderr, flush=True)

            summary = sync_orders(
                connector, account.id, account.name, since=since, progress=progress
            )
        finally:
            connector.close()
    print(summary.message())
    return 0
