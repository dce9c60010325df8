"""Cross-cutting: the order list never shows full buyer data; a reveal is explicit and audited;
after a purge, nothing can be revealed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from dropship_desktop.errors import UserError
from dropship_desktop.services.orders import reveal_buyer_data
from dropship_desktop.services.privacy import purge_buyer_data
from dropship_desktop.store.db import db
from dropship_desktop.store.tables import AuditEvent
from dropship_desktop.ui.main_window import MainWindow
from dropship_desktop.ui.orders.view import OrdersView
from tests.ui.conftest import wait_idle


def test_order_list_shows_masked_buyer_data(qtbot: QtBot, main_window: MainWindow) -> None:
    view = next(v for v in main_window.views if isinstance(v, OrdersView))
    view.activate()
    wait_idle(qtbot, main_window)
    model = view.model
    qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=10_000)
    rows = min(model.rowCount(), 40)
    shown = " | ".join(
        str(model.index(r, c).data(Qt.ItemDataRole.DisplayRole) or "")
        for r in range(rows)
        for c in range(model.columnCount())
    )
    wait_idle(qtbot, main_window)
    secrets = db.execute_sql(
        "SELECT buyer_name, buyer_phone, ship_address FROM sales_order WHERE buyer_name <> ''"
    ).fetchall()
    for name, phone, address in secrets:
        assert phone not in shown
        if len(name) >= 2:
            assert name not in shown
        if address:
            assert address not in shown


def test_reveal_is_audited_without_values_and_impossible_after_purge(demo_db: object) -> None:
    order_id, name = db.execute_sql(
        "SELECT id, buyer_name FROM sales_order WHERE buyer_name <> '' LIMIT 1"
    ).fetchone()
    data = reveal_buyer_data(order_id)
    assert data.buyer_name == name and name not in repr(data)
    event = (
        AuditEvent.select()
        .where(AuditEvent.sales_order_id == order_id)
        .order_by(AuditEvent.id.desc())
        .get()
    )
    assert "reveal" in event.action and name not in event.before + event.after
    purge_buyer_data(1, now=2_000_000_000)
    with pytest.raises(UserError, match="removed"):
        reveal_buyer_data(order_id)
