"""Issue #13 §8: on a database without orders the list shows what to do first, each a button."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from dropship_desktop.context import AppContext
from dropship_desktop.services.demo import generate_demo
from dropship_desktop.ui.main_window import MainWindow
from dropship_desktop.ui.orders import start_page
from dropship_desktop.ui.orders.view import OrdersView
from dropship_desktop.ui.sourcing.view import SourcingView

from .conftest import wait_idle


@pytest.fixture
def empty_window(ctx: AppContext, qtbot: QtBot, fresh_db: Path) -> Iterator[MainWindow]:
    window = MainWindow(ctx, demo=False)
    qtbot.addWidget(window)
    window.show()
    # The app opens on the dashboard; the start page belongs to the order list.
    window.nav.setCurrentRow(window.views.index(_orders(window)))
    wait_idle(qtbot, window)
    yield window
    window.close()
    window.shutdown()


def _orders(window: MainWindow) -> OrdersView:
    return next(v for v in window.views if isinstance(v, OrdersView))


def test_empty_database_shows_the_first_steps(qtbot: QtBot, empty_window: MainWindow) -> None:
    view = _orders(empty_window)
    qtbot.waitUntil(view.is_complete)
    assert view.list_stack.currentWidget() is view.start_page
    assert not view.detail.isVisible()
    assert len(view.start_page.buttons) == 4
    assert all(b.isVisible() and b.isEnabled() and b.text() for b in view.start_page.buttons)
    # A search with no result is not an empty database: the (empty) table, not the start page.
    view.search.setText("张伟")
    view._apply_search()
    wait_idle(qtbot, empty_window)
    qtbot.waitUntil(view.is_complete)
    assert view.list_stack.currentWidget() is view.table


def test_each_button_does_its_step(
    qtbot: QtBot, empty_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dropship_desktop.ui.orders import import_dialog

    view = _orders(empty_window)
    qtbot.waitUntil(view.is_complete)
    imports: list[object] = []
    monkeypatch.setattr(import_dialog, "run_import_dialog", lambda *a: imports.append(a))
    started: list[object] = []
    monkeypatch.setattr(start_page, "start_demo_instance", lambda d=None: started.append(d) or True)
    new_supplier: list[bool] = []
    monkeypatch.setattr(SourcingView, "new_supplier", lambda self: new_supplier.append(True))
    shop, orders_1688, sourcing, demo = view.start_page.buttons
    qtbot.mouseClick(shop, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(orders_1688, Qt.MouseButton.LeftButton)
    assert len(imports) == 2
    qtbot.mouseClick(demo, Qt.MouseButton.LeftButton)
    assert started == [empty_window.data_dir]  # the demo beside this data, in a new window
    qtbot.mouseClick(sourcing, Qt.MouseButton.LeftButton)
    assert isinstance(empty_window.current_view(), SourcingView)
    assert new_supplier == [True]


def test_the_table_comes_back_once_there_are_orders(qtbot: QtBot, empty_window: MainWindow) -> None:
    view = _orders(empty_window)
    qtbot.waitUntil(view.is_complete)
    assert view.list_stack.currentWidget() is view.start_page
    empty_window.worker.submit(lambda _ctx: generate_demo(50, seed=3))
    wait_idle(qtbot, empty_window)
    view.refresh()
    wait_idle(qtbot, empty_window)
    qtbot.waitUntil(lambda: view.model.rowCount() == 50)
    qtbot.waitUntil(view.is_complete)
    assert view.list_stack.currentWidget() is view.table
    assert view.detail.isVisible()
