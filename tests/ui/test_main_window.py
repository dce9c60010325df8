from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from dropship_desktop.context import AppContext
from dropship_desktop.store.db import db
from dropship_desktop.ui.main_window import MainWindow
from dropship_desktop.ui.orders.view import OrdersView
from dropship_desktop.ui.sourcing.view import SourcingView

from .conftest import wait_idle


def test_opens_switches_every_view_and_closes(qtbot: QtBot, main_window: MainWindow) -> None:
    assert "DEMO" in main_window.windowTitle()
    for index, view in enumerate(main_window.views):
        main_window.view_actions[index].trigger()
        wait_idle(qtbot, main_window)
        assert main_window.stack.currentWidget() is view
        assert view.isVisible()
    orders = next(v for v in main_window.views if isinstance(v, OrdersView))
    expected = db.execute_sql("SELECT count(*) FROM sales_order").fetchone()[0]
    assert orders.model.rowCount() == expected == 600
    sourcing = next(v for v in main_window.views if isinstance(v, SourcingView))
    assert sourcing.suppliers.rowCount() == 10
    assert sourcing.products.rowCount() == 12
    assert sourcing.offers.rowCount() >= 2  # the first product is selected and its offers shown


def test_geometry_is_remembered_and_the_app_opens_on_the_dashboard(
    ctx: AppContext, qtbot: QtBot, demo_db: Path
) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    # The offscreen screen is 800 × 600; stay inside it and above the minimum size.
    hint = window.minimumSizeHint()
    window.resize(hint.width() + 20, hint.height() + 20)
    size = (window.width(), window.height())
    assert size == (hint.width() + 20, hint.height() + 20)
    window.nav.setCurrentRow(1)
    wait_idle(qtbot, window)
    window.close()

    again = MainWindow(ctx)
    qtbot.addWidget(again)
    try:
        assert again.current_view() is again.dashboard  # home, whatever was shown last
        assert (again.width(), again.height()) == size
        wait_idle(qtbot, again)
    finally:
        again.close()


def test_search_runs_in_the_background_and_filters(qtbot: QtBot, main_window: MainWindow) -> None:
    orders = next(v for v in main_window.views if isinstance(v, OrdersView))
    main_window.nav.setCurrentRow(main_window.views.index(orders))
    number = db.execute_sql("SELECT shop_order_no FROM sales_order WHERE id = 5").fetchone()[0]
    orders.search.setText(number)
    qtbot.waitUntil(lambda: orders.model.rowCount() == 1, timeout=5000)
    assert orders.model.order_id(0) == 5
    assert "1" in orders.count_label.text()


def test_file_menu_opens_the_import_and_export_dialogs(
    qtbot: QtBot, main_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dropship_desktop.ui.orders import export_dialog, import_dialog

    opened: list[str] = []
    monkeypatch.setattr(import_dialog, "run_import_dialog", lambda *a: opened.append("import"))
    monkeypatch.setattr(export_dialog, "run_export_dialog", lambda *a: opened.append("export"))
    sourcing = next(v for v in main_window.views if isinstance(v, SourcingView))
    monkeypatch.setattr(sourcing, "import_products", lambda: opened.append("products"))
    main_window.nav.setCurrentRow(1)
    main_window.import_orders_action.trigger()
    assert isinstance(main_window.current_view(), OrdersView)
    main_window.export_orders_action.trigger()
    main_window.import_products_action.trigger()
    assert main_window.current_view() is sourcing
    assert opened == ["import", "export", "products"]
    titles = [a.text() for a in main_window.file_menu.actions()]
    assert "&Import Orders…" in titles and "&Export Orders…" in titles
