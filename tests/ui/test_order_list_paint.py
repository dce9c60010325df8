"""Issue #13 §9: what a paint of the order list costs the UI thread, and what it must not change.

The list's cells are styled by :class:`OrderCellDelegate` (one call into Python a cell instead of
Qt asking the model seven roles): the pixels must be exactly Qt's own. A count that changes
while a search runs must not lay the window out again (a second full repaint of the table),
and no application-wide style sheet may put every table under Qt's style-sheet style.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate
from pytestqt.qtbot import QtBot

from dropship_desktop.ui.app_setup import install_translations
from dropship_desktop.ui.main_window import MainWindow
from dropship_desktop.ui.models.order_delegate import OrderCellDelegate
from dropship_desktop.ui.models.order_list import COLUMNS
from dropship_desktop.ui.orders.view import OrdersView
from dropship_desktop.ui.style import apply_style

from .conftest import wait_idle
from .test_dates_and_words import chinese  # noqa: F401 (a fixture)
from .test_orders_view import _orders

KEYS = [c.key for c in COLUMNS]


def _grab_both(view: OrdersView) -> tuple[QImage, QImage]:
    """The table's viewport painted by Qt's own delegate and by the list's."""
    table = view.table
    ours = table.itemDelegate()
    assert isinstance(ours, OrderCellDelegate)
    plain = QStyledItemDelegate(table)
    table.setItemDelegate(plain)
    QApplication.processEvents()
    qt_image = table.viewport().grab().toImage()
    table.setItemDelegate(ours)
    QApplication.processEvents()
    our_image = table.viewport().grab().toImage()
    plain.deleteLater()
    return qt_image, our_image


def _load(qtbot: QtBot, window: MainWindow, view: OrdersView) -> None:
    view.refresh()
    qtbot.waitUntil(view.is_complete, timeout=10_000)
    wait_idle(qtbot, window)
    QApplication.processEvents()


def _paint_and_compare(qtbot: QtBot, window: MainWindow) -> None:
    view = _orders(window)
    window.resize(1366, 768)
    # The most urgent first: red and orange deadlines and the clock icons on screen.
    view._set_sort("flags", descending=True)
    _load(qtbot, window, view)
    view.table.selectRow(2)
    view.table.horizontalScrollBar().setValue(view.table.horizontalScrollBar().maximum())
    QApplication.processEvents()
    styled = [view.model.cell_style(row, column) for row in range(8) for column in range(19)]
    assert any(icon is not None for _t, _a, _b, icon in styled), "no deadline icon on screen"
    assert any(brush is not None for _t, _a, brush, _i in styled), "no coloured cell"
    qt_image, our_image = _grab_both(view)
    assert qt_image == our_image
    # The plain list from the top: right-aligned money, alternate rows, masked buyers.
    view._set_sort("created_at", descending=True)
    _load(qtbot, window, view)
    view.table.horizontalScrollBar().setValue(0)
    QApplication.processEvents()
    qt_image, our_image = _grab_both(view)
    assert qt_image == our_image


def test_cells_are_painted_exactly_as_qt_paints_them(qtbot: QtBot, main_window: MainWindow) -> None:
    _paint_and_compare(qtbot, main_window)


@pytest.mark.usefixtures("chinese")
def test_chinese_cells_are_painted_exactly_as_qt_paints_them(
    qtbot: QtBot, main_window: MainWindow
) -> None:
    _paint_and_compare(qtbot, main_window)


class _LayoutRequests(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.seen: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self.seen.append(watched.objectName() or type(watched).__name__)
        return False


def test_the_count_changes_without_laying_out_the_window(
    qtbot: QtBot, main_window: MainWindow
) -> None:
    view = _orders(main_window)
    wait_idle(qtbot, main_window)
    qtbot.wait(300)  # what loading the list laid out is done
    requests = _LayoutRequests()
    QApplication.instance().installEventFilter(requests)  # type: ignore[union-attr]
    try:
        for step in (
            lambda: view.count_label.setText(view.tr("Searching…")),
            lambda: view.count_label.setText(view.tr("Counting…")),
            lambda: view._set_count(1_234_567),
            lambda: view._set_count(3),
        ):
            step()
            QApplication.processEvents()
    finally:
        QApplication.instance().removeEventFilter(requests)  # type: ignore[union-attr]
    assert requests.seen == []
    # The largest count still fits.
    label = view.count_label
    assert label.fontMetrics().horizontalAdvance(label.text()) <= label.width()


def test_only_the_sidebar_has_a_style_sheet(qapp: QApplication, main_window: MainWindow) -> None:
    style, palette = qapp.style().name(), qapp.palette()
    try:
        apply_style(qapp)
        assert qapp.styleSheet() == ""
        assert "#navigation" in main_window.nav.styleSheet()
    finally:  # the other tests' windows keep the style they were measured with
        qapp.setStyle(style)
        qapp.setPalette(palette)


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_header_labels_fit_their_columns_with_a_row_selected(
    qtbot: QtBot, main_window: MainWindow, language: str
) -> None:
    install_translations(QApplication.instance(), language)  # type: ignore[arg-type]
    try:
        window = MainWindow(main_window.ctx, demo=True)
        qtbot.addWidget(window)
        window.show()
        view = _orders(window)
        window.resize(1366, 768)
        wait_idle(qtbot, window)
        view.table.selectRow(0)
        QApplication.processEvents()
        header = view.table.horizontalHeader()
        assert not header.highlightSections()  # labels are not drawn bold for a selected row
        metrics = header.fontMetrics()
        margin = 2 * header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin)
        for key in ("shop_order_no", "buyer_name", "sale_fen", "profit_fen", "status",
                    "supplier_status", "supplier_order_no", "tracking_no", "ship_by"):  # fmt: skip
            column = KEYS.index(key)
            label = str(view.model.headerData(column, Qt.Orientation.Horizontal))
            assert metrics.horizontalAdvance(label) + margin <= header.sectionSize(column), (
                language,
                label,
            )
        window.close()
    finally:
        install_translations(QApplication.instance(), "en")  # type: ignore[arg-type]
