"""Network jobs of the 1688 windows (run on the network worker; database steps via run_db)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ...context import AppContext
from ...domain.cancel_flow import AccountRef
from ...i18n import QT_TRANSLATE_NOOP, join
from ...services.base import Changes
from ...services.open1688_accounts import finish_authorisation, record_member_id
from ...services.sync_1688 import SyncSummary, sync_orders
from ..widgets.progress import ProgressState

__all__ = ["authorise", "sync_accounts"]

RunDb = Callable[[Callable[[], Any]], Any]


def authorise(
    ctx: AppContext, run_db: RunDb, account_id: int, account_name: str, pasted: str
) -> Changes:
    """Exchange the pasted code (network), then note the member id (DB worker)."""
    member = finish_authorisation(account_id, account_name, pasted)
    return run_db(lambda: record_member_id(account_id, member))  # type: ignore[no-any-return]


def sync_accounts(
    ctx: AppContext, run_db: RunDb, accounts: list[AccountRef], state: ProgressState
) -> tuple[Changes, list[SyncSummary]]:
    """Sync each account in turn; the first failure stops (what was written stays)."""
    from ...connectors.alibaba1688 import Open1688Connector

    summaries = []
    for account in accounts:
        if state.cancelled():
            break
        state.phase = account.name
        connector = Open1688Connector(account)
        try:
            summaries.append(
                sync_orders(
                    connector,
                    account.id,
                    account.name,
                    progress=state.update,
                    should_cancel=state.cancelled,
                    run_db=run_db,
                )
            )
        finally:
            connector.close()
    message = join([s.message() for s in summaries], " ") or QT_TRANSLATE_NOOP(
        "Open1688", "The 1688 sync was stopped."
    )
    changes = Changes.of("supplier_order", "sales_order", "audit_event", message=message)
    return changes, summaries


def watch_offers(ctx: AppContext, run_db: RunDb, account: AccountRef, state: ProgressState) -> Any:
    """Check every linked offer on 1688 through *account* (WatchChanges)."""
    from ...connectors.alibaba1688 import Open1688Connector
    from ...services.offer_watch import check_offers

    connector = Open1688Connector(account)
    try:
        return check_offers(connector, run_db=run_db, should_cancel=state.cancelled)
    finally:
        connector.close()
