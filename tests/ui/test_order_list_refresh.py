"""Issue #13 §9: how the order list comes back after a search is cleared or the data changed.

A cleared search returns to the list the DB worker already holds: every id arrives at once, and
the list is reset and painted once (before: a first page, painted, then a million rows inserted
and the table painted again). A refresh of a short list with the same ids shows the new rows.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from dropship_desktop.services.base import Changes
from dropship_desktop.store.db import db
from dropship_desktop.store.order_queries import OrderFilter, order_ids
from dropship_desktop.ui.main_window import MainWindow
from dropship_desktop.ui.models.order_list import COLUMNS, PAGE_SIZE
from dropship_desktop.ui.orders import loading
from dropship_desktop.ui.orders.view import OrdersView

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


class _ViewportPaints(QObject):
    """Counts the paints of (at least half of) a viewport: a selected row repainting itself
    is not a paint of the screen."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and isinstance(watched, QWidget):
            painted = event.region().boundingRect()  # type: ignore[attr-defined]
            whole = watched.rect()
            if painted.width() * painted.height() * 2 >= whole.width() * whole.height():
                self.count += 1
        return False


def _sort_and_watch(
    qtbot: QtBot, window: MainWindow, view: OrdersView, key: str
) -> tuple[int, QImage]:
    """Sort by *key*; the viewport paints after the first page, and the final picture."""
    qtbot.wait(100)  # what an earlier resize or load still had to paint
    paints = _ViewportPaints()
    first_painted: list[int] = []
    real = view.model.set_ids

    def set_ids(*args, **kwargs):  # type: ignore[no-untyped-def]
        real(*args, **kwargs)
        first_painted.append(paints.count)

    view.model.set_ids = set_ids  # type: ignore[method-assign]
    view.table.viewport().installEventFilter(paints)
    try:
        view.table.horizontalHeader().setSortIndicator(KEYS.index(key), Qt.SortOrder.AscendingOrder)
        qtbot.waitUntil(view.is_complete, timeout=10_000)
        wait_idle(qtbot, window)
        qtbot.wait(50)
    finally:
        view.table.viewport().removeEventFilter(paints)
        del view.model.set_ids
    assert first_painted, "no first page"
    return paints.count - first_painted[-1], view.table.viewport().grab().toImage()


def test_the_rest_of_a_long_list_arrives_without_painting_the_screen_again(
    qtbot: QtBot, main_window: MainWindow
) -> None:
    view = _orders(main_window)
    main_window.resize(1366, 768)
    wait_idle(qtbot, main_window)
    later_paints, image = _sort_and_watch(qtbot, main_window, view, "sale_fen")
    assert view.model.rowCount() > 10 * PAGE_SIZE  # the first page, then every id
    assert later_paints <= 1  # the first page's own paint; none for the appended rows
    view.table.viewport().repaint()
    assert view.table.viewport().grab().toImage() == image, "what shows is not what is there"


def test_a_screen_taller_than_the_first_page_shows_the_rows_that_follow(
    qtbot: QtBot, main_window: MainWindow
) -> None:
    view = _orders(main_window)
    main_window.resize(1366, 1800)  # more rows on screen than the first page holds
    wait_idle(qtbot, main_window)
    _later, image = _sort_and_watch(qtbot, main_window, view, "profit_fen")
    bottom = view.table.rowAt(view.table.viewport().height() - 30)
    assert bottom > PAGE_SIZE  # rows of the full list are on screen
    view.table.viewport().repaint()
    assert view.table.viewport().grab().toImage() == image
