from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from dropship_desktop.store.db import db
from dropship_desktop.store.order_queries import (
    OrderFilter,
    first_page,
    first_page_rows,
    order_ids,
)
from dropship_desktop.ui.main_window import MainWindow
from dropship_desktop.ui.models.order_list import COLUMNS, OrderListModel
from dropship_desktop.ui.orders import loading as view_module
from dropship_desktop.ui.orders.filters import QUICK_UNMATCHED
from dropship_desktop.ui.orders.view import OrdersView

from .conftest import wait_idle


def _orders(window: MainWindow) -> OrdersView:
    """The orders view, shown and loaded (the app opens on the dashboard)."""
    import time

    from PySide6.QtWidgets import QApplication

    view = next(v for v in window.views if isinstance(v, OrdersView))
    window.nav.setCurrentRow(window.views.index(view))
    deadline = time.monotonic() + 10
    while (window.worker.is_busy() or not view.is_complete()) and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.005)
    return view


def _ids_of(view: OrdersView) -> set[int]:
    return {view.model.order_id(r) for r in range(view.model.rowCount())}  # type: ignore[misc]


def _search(qtbot: QtBot, window: MainWindow, view: OrdersView, text: str) -> None:
    view.search.setText(text)
    view._apply_search()
    wait_idle(qtbot, window)
    qtbot.waitUntil(view.is_complete)


def test_model_first_page_then_extended(qtmodeltester: ModelTester, demo_db: Path) -> None:
    model = OrderListModel()
    model.set_ids(first_page(OrderFilter(), 100))
    qtmodeltester.check(model)
    assert model.rowCount() == 100
    assert model.extend_ids(order_ids(OrderFilter()))
    qtmodeltester.check(model)
    assert model.rowCount() == 600
    # A list that does not continue the shown rows is refused (the caller resets instead).
    assert not model.extend_ids(order_ids(OrderFilter(descending=False)))


def test_search_two_character_name(qtbot: QtBot, main_window: MainWindow) -> None:
    view = _orders(main_window)
    name = db.execute_sql(
        "SELECT buyer_name FROM sales_order WHERE length(buyer_name) = 2"
        " GROUP BY buyer_name ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()[0]
    expected = {
        r[0]
        for r in db.execute_sql(
            "SELECT id FROM sales_order WHERE buyer_name LIKE ? OR product_summary LIKE ?"
            " OR ship_address LIKE ?",
            (f"%{name}%",) * 3,
        )
    }
    _search(qtbot, main_window, view, name)
    assert expected and _ids_of(view) == expected
    assert str(len(expected)) in view.count_label.text()
    # The buyer column stays masked.
    buyer = [c.key for c in COLUMNS].index("buyer_name")
    assert all(view.model.index(r, buyer).data() != name for r in range(view.model.rowCount()))


def test_a_new_search_cancels_the_old_one(
    qtbot: QtBot, main_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A keystroke that lands while the previous search still waits replaces it: the old
    search never runs and its results never reach the list."""
    view = _orders(main_window)
    wait_idle(qtbot, main_window)
    ran: list[str] = []

    def recording(fn):  # type: ignore[no-untyped-def]
        def run(flt: OrderFilter, *args: object) -> object:
            ran.append(flt.text)
            return fn(flt, *args)

        return run

    monkeypatch.setattr(view_module, "first_page_rows", recording(first_page_rows))
    monkeypatch.setattr(view_module, "order_ids", recording(order_ids))
    gate = threading.Event()
    main_window.worker.submit(
        lambda _ctx: gate.wait(10)
    )  # the worker is still busy with earlier work
    try:
        _type_search(qtbot, view, "科技")  # the first keystrokes: debounced, then queued
        _type_search(qtbot, view, "耳机")
    finally:
        gate.set()
    wait_idle(qtbot, main_window)
    qtbot.waitUntil(view.is_complete)
    # Only the last search ran (its first page, then all its ids when it has more than a page).
    assert "科技" not in ran and set(ran) == {"耳机"}
    assert view.model.rowCount() == len(order_ids(OrderFilter(text="耳机"))) < 200
    expected = {
        r[0]
        for r in db.execute_sql(
            "SELECT id FROM sales_order WHERE buyer_name LIKE ? OR product_summary LIKE ?"
            " OR ship_address LIKE ?",
            ("%耳机%",) * 3,
        )
    }
    assert expected and _ids_of(view) == expected


def _type_search(qtbot: QtBot, view: OrdersView, text: str) -> None:
    """Type into the search box as a seller does and let the debounce fire."""
    view.search.setText(text)
    qtbot.waitUntil(lambda: view.filter.text == text, timeout=5000)


@pytest.mark.parametrize("text", ["科技园", "耳机", "室"])
def test_search_matches_like(qtbot: QtBot, main_window: MainWindow, text: str) -> None:
    view = _orders(main_window)
    expected = {
        r[0]
        for r in db.execute_sql(
            "SELECT id FROM sales_order WHERE buyer_name LIKE ? OR product_summary LIKE ?"
            " OR ship_address LIKE ?",
            (f"%{text}%",) * 3,
        )
    }
    _search(qtbot, main_window, view, text)
    assert expected and _ids_of(view) == expected


def test_order_number_search(qtbot: QtBot, main_window: MainWindow) -> None:
    view = _orders(main_window)
    order_id, number = db.execute_sql(
        "SELECT id, supplier_order_no FROM sales_order WHERE supplier_order_no IS NOT NULL LIMIT 1"
    ).fetchone()
    _search(qtbot, main_window, view, number)
    assert _ids_of(view) == {order_id}


def test_filters_combine_and_count(qtbot: QtBot, main_window: MainWindow) -> None:
    view = _orders(main_window)
    bar = view.filters
    bar.sales_combo.setCurrentIndex(bar.sales_combo.findData("paid"))
    wait_idle(qtbot, main_window)
    qtbot.waitUntil(view.is_complete)
    shop_index = bar.shop_combo.findData(2)
    assert shop_index > 0  # the shops were loaded into the bar
    bar.shop_combo.setCurrentIndex(shop_index)
    wait_idle(qtbot, main_window)
    qtbot.waitUntil(view.is_complete)
    expected = {
        r[0]
        for r in db.execute_sql("SELECT id FROM sales_order WHERE status = 'paid' AND shop_id = 2")
    }
    assert expected and _ids_of(view) == expected
    assert str(len(expected)) in view.count_label.text()
    bar.flagged_check.setChecked(True)
    wait_idle(qtbot, main_window)
    qtbot.waitUntil(view.is_complete)
    assert _ids_of(view) <= expected
    bar.clear()
    wait_idle(qtbot, main_window)
    qtbot.waitUntil(view.is_complete)
    assert view.model.rowCount() == 600


def test_mismatch_quick_filter(qtbot: QtBot, main_window: MainWindow) -> None:
    view = _orders(main_window)
    view.filters.quick_combo.setCurrentIndex(view.filters.quick_combo.findData("mismatch"))
    wait_idle(qtbot, main_window)
    qtbot.waitUntil(view.is_complete)
    expected = {r[0] for r in db.execute_sql("SELECT id FROM sales_order WHERE flags & 4")}
    assert _ids_of(view) == expected


def test_sort_by_header_in_sql(qtbot: QtBot, main_window: MainWindow) -> None:
    view = _orders(main_window)
    profit = [c.key for c in COLUMNS].index("profit_fen")
    from PySide6.QtCore import Qt

    view.table.horizontalHeader().setSortIndicator(profit, Qt.SortOrder.AscendingOrder)
    wait_idle(qtbot, main_window)
    qtbot.waitUntil(view.is_complete)
    ids = [view.model.order_id(r) for r in range(20)]
    marks = ",".join("?" * len(ids))
    values = dict(
        db.execute_sql(f"SELECT id, profit_fen FROM sales_order WHERE id IN ({marks})", ids)
    )
    profits = [values[i] for i in ids]
    assert profits == sorted(profits)


def test_reveal_is_audited_and_detail_shows_it(qtbot: QtBot, main_window: MainWindow) -> None:
    view = _orders(main_window)
    view.table.selectRow(0)
    order_id = view.current_order_id()
    qtbot.waitUntil(lambda: view.detail.order_id() == order_id)
    name, phone = db.execute_sql(
        "SELECT buyer_name, buyer_phone FROM sales_order WHERE id = ?", (order_id,)
    ).fetchone()
    assert phone not in view.detail.browser.toPlainText()
    view.detail.reveal_button.click()
    qtbot.waitUntil(lambda: view.detail.revealed is not None)
    wait_idle(qtbot, main_window)
    assert phone in view.detail.browser.toPlainText()
    events = db.execute_sql(
        "SELECT action, before, after FROM audit_event WHERE sales_order_id = ?", (order_id,)
    ).fetchall()
    assert [e for e in events if e[0] == "reveal_buyer_data"]
    assert all(name not in e[1] + e[2] and phone not in e[1] + e[2] for e in events)
    # The timeline shows the reveal.
    qtbot.waitUntil(lambda: "Order · Buyer data shown" in view.detail.browser.toPlainText())


def test_copy_selected_rows_as_tsv(qtbot: QtBot, main_window: MainWindow) -> None:
    view = _orders(main_window)
    qtbot.waitUntil(view.is_complete)
    wait_idle(qtbot, main_window)  # a reload after start would change the selection
    view.table.selectRow(1)
    view.copy_selected()
    text = QGuiApplication.clipboard().text()
    lines = text.strip("\r\n").split("\r\n")
    assert len(lines) == 2 and "\t" in lines[1]
    number = db.execute_sql(
        "SELECT shop_order_no FROM sales_order WHERE id = ?", (view.model.order_id(1),)
    ).fetchone()[0]
    assert number in lines[1]


def test_unmatched_panel_and_link(qtbot: QtBot, main_window: MainWindow) -> None:
    view = _orders(main_window)
    view.filters.quick_combo.setCurrentIndex(view.filters.quick_combo.findData(QUICK_UNMATCHED))
    wait_idle(qtbot, main_window)
    assert view.list_stack.currentIndex() == 1
    count = db.execute_sql(
        "SELECT count(*) FROM supplier_order WHERE sales_order_id IS NULL"
    ).fetchone()[0]
    assert view.unmatched_model.rowCount() == count > 0
    view.unmatched_table.selectRow(0)
    assert view.link_action.isEnabled()
    so_id = view.unmatched_model.row_tuple(0)[0]  # type: ignore[index]
    target_id, number = db.execute_sql(
        "SELECT id, shop_order_no FROM sales_order WHERE status = 'paid' LIMIT 1"
    ).fetchone()
    view._link_found(so_id, number, [(target_id, "shop", number, "paid", 0)])
    wait_idle(qtbot, main_window)
    assert (
        db.execute_sql(
            "SELECT sales_order_id FROM supplier_order WHERE id = ?", (so_id,)
        ).fetchone()[0]
        == target_id
    )
    assert view.unmatched_model.rowCount() == count - 1
