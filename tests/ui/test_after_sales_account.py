"""After-sales supplier steps act through the 1688 account the order was bought with."""

from __future__ import annotations

from dropship_desktop.connectors.alibaba1688 import Open1688Connector
from dropship_desktop.context import AppContext
from dropship_desktop.domain.cancel_flow import AccountRef
from dropship_desktop.ui.after_sales.dialogs import connector_for


def test_the_open_platform_connector_is_made_for_the_orders_account(ctx: AppContext) -> None:
    account = AccountRef(7, "采购二号", "buyer_2", "open1688")
    connector = connector_for(ctx.connectors, "open1688", account)
    assert isinstance(connector, Open1688Connector)
    assert connector.account_id == 7  # not the first account, not none


def test_without_a_known_account_the_connector_acts_for_nobody(ctx: AppContext) -> None:
    connector = connector_for(ctx.connectors, "open1688")
    assert isinstance(connector, Open1688Connector) and connector.account_id is None
