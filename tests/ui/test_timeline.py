"""The order timeline reads as plain language, in the UI language, not as audit codes."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from dropship_desktop.services.orders import reveal_buyer_data
from dropship_desktop.store.order_queries import order_detail
from dropship_desktop.ui.app_setup import install_translations
from dropship_desktop.ui.orders.detail import OrderDetailPane
from dropship_desktop.ui.orders.timeline import describe_action, describe_values


def test_actions_and_values_in_english() -> None:
    assert describe_action("supplier_order", "closed_on_1688") == "1688 order · Closed on 1688"
    assert describe_action("sales_order", "status_imported") == (
        "Order · Status updated from an imported file"
    )
    assert describe_values("sales_order", json.dumps({"status": "paid"})) == (
        "Status: Paid, to ship"
    )
    failed = json.dumps(
        {"state": "failed", "amount_fen": 1250, "error_code": "ORDER_STATUS_ERROR", "refund_id": 7}
    )
    text = describe_values("cancellation_request", failed)
    assert text == "State: Failed; Amount: ¥12.50; Error: ORDER_STATUS_ERROR"
    assert describe_values("supplier_order", json.dumps({"status": "waitsellersend"})) == (
        "Status: Paid, awaiting shipment"
    )


def test_unknown_codes_still_show() -> None:
    assert describe_action("sales_order", "new_thing") == "Order · new_thing"
    assert describe_values("sales_order", json.dumps({"colour": "red"})) == "colour: red"
    assert describe_values("sales_order", "not json") == "not json"


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    install_translations(qapp, "zh_CN")
    yield
    install_translations(qapp, "en")


def test_detail_timeline_is_chinese(qtbot: QtBot, demo_db: Path, chinese: None) -> None:
    reveal_buyer_data(1)
    pane = OrderDetailPane()
    qtbot.addWidget(pane)
    pane.show_detail(order_detail(1))
    text = pane.browser.toPlainText()
    assert "订单 · 查看了买家信息" in text
    assert "reveal_buyer_data" not in text and "sales_order" not in text
