"""Issue #13 §9: how the order list comes back after a search is cleared or the data changed.

A cleared search returns to the list the DB worker already holds: every id arrives at once, and
the list is reset and painted once (before: a first page, painted, then a million rows inserted
and the table painted again). A refresh of a short list with the same ids shows the new rows.
"""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from dropship_desktop.services.base import Changes
from dropship_desktop.store.db import db
from dropship_desktop.store.order_queries import OrderFilter, order_ids
from dropship_desktop.ui.main_window import MainWindow
from dropship_desktop.ui.models.order_list import COLUMNS
from dropship_desktop.ui.orders import loading

from .conftest import wait_idle
from .test_orders_view import _orders, _search

KEYS = [c.key for c in COLUMNS]


def test_a_cleared_search_shows_every_order_in_one_reset(
    qtbot: QtBot, main_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = _orders(main_window)
    wait_idle(qtbot, main_window)
    everything = view.model.rowCount()
    _search(qtbot, main_window, view, "耳机")
    assert 0 < view.model.rowCount() < everything
    queried: list[str] = []
    monkeypatch.setattr(
        loading, "first_page_rows", lambda *a: queried.append("first page") or ([], {})
    )
    monkeypatch.setattr(loading, "order_ids", lambda *a: queried.append("all ids") or [])
    resets: list[str] = []
    view.model.modelReset.connect(lambda: resets.append("reset"))
    view.model.rowsInserted.connect(lambda *_: resets.append("rows inserted"))
    view.table.selectRow(0)
    _search(qtbot, main_window, view, "")
    assert view.is_complete() and view.model.rowCount() == everything
    assert list(view.model.ids()) == list(order_ids(OrderFilter()))
    assert queried == [], "the worker held every id: no query for a page or for the ids"
    assert resets == ["reset"], "one reset, no second paint for inserted rows"


def test_a_short_list_shows_changed_rows_after_a_refresh(
    qtbot: QtBot, main_window: MainWindow
) -> None:
    view = _orders(main_window)
    wait_idle(qtbot, main_window)
    number = view.model.index(3, KEYS.index("shop_order_no")).data()
    _search(qtbot, main_window, view, number)
    rows = view.model.rowCount()
    assert 0 < rows < 50  # one page: the whole list comes with its rows
    order_id = view.model.order_id(0)
    column = KEYS.index("product_summary")
    before = view.model.index(0, column).data()
    db.execute_sql(
        "UPDATE sales_order SET product_summary = ? WHERE id = ?", ("蓝牙耳机 新款", order_id)
    )
    view.on_changed(Changes.of("sales_order"))  # what an import or an edit reports
    qtbot.waitUntil(lambda: view.model.index(0, column).data() != before, timeout=5000)
    assert view.model.order_id(0) == order_id
    assert view.model.index(0, column).data() == "蓝牙耳机 新款"
    assert view.model.rowCount() == rows
