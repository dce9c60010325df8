"""One date style, times that agree, menus and words (issue 13 §7)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QMenu, QWidget
from pytestqt.qtbot import QtBot

from dropship_desktop.context import AppContext
from dropship_desktop.services.order_export import export_orders
from dropship_desktop.services.orders import reveal_buyer_data
from dropship_desktop.store.db import db
from dropship_desktop.tabular.reader import read_table
from dropship_desktop.ui.app_setup import install_translations
from dropship_desktop.ui.formatting import (
    format_datetime,
    format_iso_date,
    format_local_datetime,
)
from dropship_desktop.ui.main_window import MainWindow
from dropship_desktop.ui.orders.filters import OrderFilterBar
from dropship_desktop.ui.orders.view import OrdersView

from .conftest import wait_idle

EPOCH = int(datetime(2026, 12, 2, 15, 44, tzinfo=UTC).timestamp())
LOCAL = datetime.fromtimestamp(EPOCH)  # the computer's time zone


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    install_translations(qapp, "zh_CN")
    yield
    install_translations(qapp, "en")


def test_chinese_dates_are_written_one_way(chinese: None) -> None:
    expected = LOCAL.strftime("%Y-%m-%d %H:%M")
    assert format_datetime(EPOCH) == expected  # e.g. 2026-12-02 23:44 in China
    assert format_local_datetime(LOCAL) == expected
    assert format_local_datetime(datetime.fromtimestamp(EPOCH, UTC)) == expected
    assert format_iso_date("2026-12-02") == "2026-12-02"
    bar = OrderFilterBar()
    assert bar.from_date.displayFormat() == "yyyy-MM-dd"
    bar.deleteLater()


def test_english_dates_follow_the_locale() -> None:
    locale = QLocale()
    assert locale.language() == QLocale.Language.English
    text = format_datetime(EPOCH)
    assert text == locale.toString(datetime_to_q(LOCAL), QLocale.FormatType.ShortFormat)
    assert format_iso_date("2026-12-02") == locale.toString(
        datetime_to_q(LOCAL).date(), QLocale.FormatType.ShortFormat
    )


def datetime_to_q(value: datetime) -> object:
    from PySide6.QtCore import QDate, QDateTime, QTime

    return QDateTime(
        QDate(value.year, value.month, value.day), QTime(value.hour, value.minute, value.second)
    )


def test_exported_times_agree_with_the_list(demo_db: Path, tmp_path: Path, chinese: None) -> None:
    oid, created = db.execute_sql(
        "SELECT id, created_at FROM sales_order ORDER BY id LIMIT 1"
    ).fetchone()
    for suffix in ("csv", "xlsx"):
        path = tmp_path / f"t.{suffix}"
        export_orders(path, selected_ids=[oid])
        table = read_table(path)
        row = dict(zip(table.headers, table.rows[0], strict=False))
        assert row["下单时间"] == format_datetime(created), suffix


def _mnemonics(texts: list[str]) -> list[str]:
    found = []
    for text in texts:
        match = re.search(r"&([^&])", text.replace("&&", ""))
        if match:
            found.append(match.group(1).lower())
    return found


def _menus(window: MainWindow) -> list[QMenu]:
    menus = [a.menu() for a in window.menuBar().actions() if a.menu() is not None]
    for menu in list(menus):
        menus += [a.menu() for a in menu.actions() if a.menu() is not None]
    return menus


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_menu_mnemonics_are_unique_and_shortcuts_shown(
    ctx: AppContext, qtbot: QtBot, demo_db: Path, qapp: QApplication, language: str
) -> None:
    install_translations(qapp, language)
    window = MainWindow(ctx, demo=True)
    qtbot.addWidget(window)
    try:
        bar = [a.text() for a in window.menuBar().actions()]
        assert len(set(_mnemonics(bar))) == len(_mnemonics(bar)), bar
        for menu in _menus(window):
            texts = [a.text() for a in menu.actions() if not a.isSeparator()]
            keys = _mnemonics(texts)
            assert len(set(keys)) == len(keys), (menu.title(), texts)
        assert window.import_orders_action.shortcut().toString() == "Ctrl+I"
        assert window.export_orders_action.shortcut().toString() == "Ctrl+E"
        # The title names the app once (Qt adds the display name unless the title ends with it).
        name = QGuiApplication.applicationDisplayName()
        title = window.windowTitle()
        assert title.endswith(name) and title.count(name) == 1
    finally:
        window.close()
        window.shutdown()
        install_translations(qapp, "en")


def test_reason_page_mnemonics_are_unique(qapp: QApplication, chinese: None) -> None:
    from dropship_desktop.ui.cancel_wizard.reason_page import CloseReasonEditor, RefundReasonEditor

    holder = QWidget()
    CloseReasonEditor(holder)
    RefundReasonEditor(False, holder)
    texts = [label.text() for label in holder.findChildren(QLabel)]
    texts += ["所选订单使用同一原因(&O)", "每个订单分别填写原因(&E)"]  # the page's radio buttons
    keys = _mnemonics(texts)
    assert len(set(keys)) == len(keys), texts
    holder.deleteLater()


def orders_view(window: MainWindow) -> OrdersView:
    # The app opens on the dashboard: show the order list first.
    view = next(v for v in window.views if isinstance(v, OrdersView))
    window.nav.setCurrentRow(window.views.index(view))
    return view


def test_ctrl_f_reaches_the_search_from_anywhere(qtbot: QtBot, main_window: MainWindow) -> None:
    view = orders_view(main_window)
    main_window.activateWindow()
    qtbot.waitActive(main_window)
    main_window.nav.setFocus()  # the sidebar, outside the list view
    qtbot.keyPress(main_window.nav, Qt.Key.Key_Control)
    qtbot.keyClick(main_window.nav, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyRelease(main_window.nav, Qt.Key.Key_Control)  # leave no modifier held for others
    assert view.search.hasFocus()


def test_copy_rows_says_so_and_copies_revealed_buyer_data(
    qtbot: QtBot, main_window: MainWindow
) -> None:
    view = orders_view(main_window)
    qtbot.waitUntil(view.is_complete, timeout=10_000)
    wait_idle(qtbot, main_window)

    def selected() -> bool:
        # The list may still reload once after start (which clears the selection): select again.
        if not view.table.selectionModel().hasSelection():
            view.table.selectRow(0)
        return view.copy_action.isEnabled()

    qtbot.waitUntil(selected, timeout=5000)
    oid = view.current_order_id()
    assert oid is not None
    qtbot.waitUntil(lambda: view.detail.order_id() == oid, timeout=5000)
    assert selected()
    view.copy_action.trigger()
    masked = QGuiApplication.clipboard().text()
    assert "Copied 1 row(s)" in main_window.statusBar().currentMessage()
    full = reveal_buyer_data(oid)
    assert full.buyer_name not in masked and full.buyer_phone not in masked
    view.detail.reveal_button.click()
    qtbot.waitUntil(lambda: view.detail.revealed is not None, timeout=5000)
    wait_idle(qtbot, main_window)
    view.copy_action.trigger()
    copied = QGuiApplication.clipboard().text()
    assert full.buyer_name in copied and full.buyer_phone in copied
    assert full.ship_address in copied
    assert "buyer data you revealed" in main_window.statusBar().currentMessage()
