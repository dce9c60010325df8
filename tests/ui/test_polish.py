"""What a seller sees first: column order and widths, remembered layout, icons and shortcuts."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtGui import QFontMetrics, QIcon, QKeySequence
from pytestqt.qtbot import QtBot

from dropship_desktop.context import AppContext
from dropship_desktop.store.order_queries import FLAG_NEAR_DEADLINE, FLAG_OVERDUE
from dropship_desktop.ui.cancel_wizard.wizard import CancelWizard
from dropship_desktop.ui.main_window import MainWindow
from dropship_desktop.ui.models.order_list import COLUMNS
from dropship_desktop.ui.orders.view import HEADER_KEY, OrdersView
from dropship_desktop.ui.tasks import DbWorker
from tests.ui.conftest import wait_idle

KEYS = [c.key for c in COLUMNS]


def orders_view(window: MainWindow) -> OrdersView:
    view = next(v for v in window.views if isinstance(v, OrdersView))
    window.nav.setCurrentRow(window.views.index(view))  # the app opens on the dashboard
    return view


def test_statuses_flags_and_profit_are_in_view_at_1400_pixels(
    qtbot: QtBot, main_window: MainWindow
) -> None:
    main_window.resize(1400, 860)
    view = orders_view(main_window)
    qtbot.waitUntil(lambda: view.model.rowCount() > 0)
    header = view.table.horizontalHeader()

    def in_view(keys: tuple[str, ...]) -> None:
        width = view.table.viewport().width()
        for key in keys:
            column = KEYS.index(key)
            assert not header.isSectionHidden(column)
            right = header.sectionViewportPosition(column) + header.sectionSize(column)
            assert right <= width, key

    # Beside the detail pane: the order, what it is worth and both sides' status (issue #13).
    in_view(("shop_order_no", "buyer_name", "product_summary", "sale_fen", "profit_fen",
             "status", "supplier_status"))  # fmt: skip
    # With the detail pane closed, on a 1366-pixel screen: the job's columns up to the deadline
    # (the flags follow; in Chinese they fit too).
    main_window.resize(1366, 740)
    view.splitter.setSizes([1366, 0])
    qtbot.wait(50)
    in_view(("shop_order_no", "buyer_name", "product_summary", "sale_fen", "profit_fen",
             "status", "supplier_status", "supplier_order_no", "tracking_no", "ship_by"))  # fmt: skip
    # Every column is still there, further right.
    assert all(not header.isSectionHidden(c) for c in range(len(KEYS)))


def test_order_numbers_and_dates_show_whole(qtbot: QtBot, main_window: MainWindow) -> None:
    view = orders_view(main_window)
    qtbot.waitUntil(lambda: view.model.rowCount() > 0)
    metrics = QFontMetrics(view.table.font())
    for key in ("shop_order_no", "supplier_order_no"):
        assert view.table.columnWidth(KEYS.index(key)) > metrics.horizontalAdvance("8" * 19)
    created = KEYS.index("created_at")
    assert view.table.columnWidth(created) > metrics.horizontalAdvance(
        str(view.model.index(0, created).data())
    )


def test_first_order_is_shown_in_the_detail_pane(qtbot: QtBot, main_window: MainWindow) -> None:
    view = orders_view(main_window)
    qtbot.waitUntil(lambda: view.model.rowCount() > 0)
    first = view.model.order_id(0)
    qtbot.waitUntil(lambda: view.detail.order_id() == first)
    assert view.selected_order_ids() == [first]
    # Not scrolled sideways to reach the current cell.
    assert view.table.horizontalScrollBar().value() == 0


def test_column_layout_and_splitter_are_remembered(
    ctx: AppContext, qtbot: QtBot, demo_db: Path, main_window: MainWindow
) -> None:
    view = orders_view(main_window)
    header = view.table.horizontalHeader()
    tracking, carrier = KEYS.index("tracking_no"), KEYS.index("carrier")
    header.moveSection(header.visualIndex(tracking), 0)
    view.table.setColumnHidden(carrier, True)
    view.table.setColumnWidth(KEYS.index("shop"), 177)
    view.splitter.setSizes([700, 420])
    sizes = view.splitter.sizes()
    main_window.close()
    assert QSettings().value(HEADER_KEY) is not None

    again = MainWindow(ctx, demo=True)
    qtbot.addWidget(again)
    again.resize(main_window.size())
    again.show()
    try:
        wait_idle(qtbot, again)
        view = orders_view(again)
        header = view.table.horizontalHeader()
        assert header.visualIndex(tracking) == 0
        assert header.isSectionHidden(carrier)
        assert view.table.columnWidth(KEYS.index("shop")) == 177
        assert view.splitter.sizes() == sizes
        # The sort stays the filter's, not the saved indicator's.
        assert header.sortIndicatorSection() == KEYS.index("created_at")
        view.reset_columns()
        assert header.visualIndex(KEYS.index("shop_order_no")) == 0
        assert not header.isSectionHidden(carrier)
    finally:
        again.close()
        again.shutdown()


def test_toolbar_actions_have_icons_shortcuts_and_tooltips(
    qtbot: QtBot, main_window: MainWindow
) -> None:
    view = orders_view(main_window)
    for action, keys in (
        (main_window.import_orders_action, "Ctrl+I"),  # the File menu's: work from every view
        (main_window.export_orders_action, "Ctrl+E"),
        (view.search_action, QKeySequence(QKeySequence.StandardKey.Find).toString()),
    ):
        assert action.shortcut().toString() == keys
    for action, keys in (
        (view.import_action, "Ctrl+I"),
        (view.export_action, "Ctrl+E"),
        (view.cancel_action, view.cancel_action.shortcut()),
        (view.copy_action, "Ctrl+C"),
    ):
        assert not action.icon().isNull()
        assert QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText) in (
            action.toolTip()
        )
    for button in view.toolbar_buttons:
        assert button.focusPolicy() & Qt.FocusPolicy.TabFocus
    view.table.setFocus()
    view.search_action.trigger()
    assert view.search.hasFocus()
    # Tab from the search field reaches the toolbar buttons first.
    following = view.search.nextInFocusChain()
    while not (following.focusPolicy() & Qt.FocusPolicy.TabFocus) or view.search.isAncestorOf(
        following
    ):
        following = following.nextInFocusChain()
    assert following is view.toolbar_buttons[0]


def test_deadline_orders_are_marked_with_an_icon(qtbot: QtBot, main_window: MainWindow) -> None:
    view = orders_view(main_window)
    combo = view.filters.quick_combo
    combo.setCurrentIndex(combo.findData("due"))
    qtbot.waitUntil(view.is_complete)
    assert view.model.rowCount() > 0
    flags = KEYS.index("flags")
    index: QModelIndex = view.model.index(0, flags)
    decoration = index.data(Qt.ItemDataRole.DecorationRole)
    assert isinstance(decoration, QIcon) and not decoration.isNull()
    assert index.data(Qt.ItemDataRole.ForegroundRole) is not None
    # An order of the new list is shown in the detail pane, not an empty pane.
    qtbot.waitUntil(lambda: view.current_order_id() is not None)
    qtbot.waitUntil(lambda: view.detail.order_id() == view.current_order_id())
    raw = view.model._raw_row(0)
    assert raw is not None and int(raw[flags]) & (FLAG_OVERDUE | FLAG_NEAR_DEADLINE)


@pytest.fixture
def worker(ctx: AppContext, qtbot: QtBot, fresh_db: Path) -> Iterator[DbWorker]:
    worker = DbWorker(ctx)
    yield worker
    qtbot.waitUntil(lambda: not worker.is_busy(), timeout=10_000)
    worker.shutdown()


def test_cancel_wizard_fits_order_numbers_and_outcomes(qtbot: QtBot, worker: DbWorker) -> None:
    wizard = CancelWizard(worker)
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.sign_in_page.account_info.wordWrap()
    # Step 1's account list and its button do not share a mnemonic.
    assert "&A" not in wizard.sign_in_page.add_button.text().upper().replace("&&", "")
    metrics = QFontMetrics(wizard.font())
    digits = metrics.horizontalAdvance("8" * 19)
    submit = wizard.submit_page.table
    assert submit.columnWidth(0) > digits and submit.columnWidth(1) > digits
    # The outcome comes right after the 1688 order id.
    assert submit.horizontalHeader().visualIndex(4) == 1
    assert submit.columnWidth(4) > metrics.horizontalAdvance("Refund requested: waiting")
    order_list = wizard.order_list_page.table
    assert order_list.columnWidth(KEYS.index("shop_order_no")) > digits
    qtbot.waitUntil(lambda: not worker.is_busy(), timeout=10_000)
