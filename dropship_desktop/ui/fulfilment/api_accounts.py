"""Which distribution account and connector an API purchase goes through (the purchase queue's
"order through the 1688 API" path), chosen from the application context's registry."""

from __future__ import annotations

from typing import Any

from ...connectors.base import OrderingConnector
from ...context import AppContext

__all__ = ["api_connector_for", "default_api_connector"]


def _account_option(account: Any) -> dict[str, Any]:
    """``account=`` for the kinds that act for one account (open1688 requires it)."""
    return {"account": account} if account.connector == "open1688" else {}


def api_connector_for(ctx: AppContext, account_id: int | None) -> OrderingConnector | None:
    """The connector of the account a purchase was sent through (``None``: gone or manual),
    from the context's registry."""
    from ...services.cancellation import list_accounts

    for account in list_accounts(ctx):
        if account.id == account_id:
            try:
                connector = ctx.connectors.create(account.connector, **_account_option(account))
            except Exception:  # an unknown kind: that account cannot be used
                return None
            return connector if getattr(connector, "can_place_orders", False) else None  # type: ignore[return-value]
    return None


def default_api_connector(ctx: AppContext) -> tuple[OrderingConnector, int] | None:
    """The first distribution account whose connector can place orders through the API (the
    connector acts for that account, the one the purchase is recorded under), from the
    context's registry."""
    from ...connectors import Capability
    from ...services.cancellation import list_accounts

    # The registry says which kinds can place orders; an unknown kind is not among them.
    ordering = set(ctx.connectors.kinds(Capability.PLACE_ORDERS))
    for account in list_accounts(ctx):
        if account.connector not in ordering:
            continue
        connector = ctx.connectors.create(account.connector, **_account_option(account))
        if isinstance(connector, OrderingConnector) and connector.can_place_orders:
            return connector, account.id
    return None
