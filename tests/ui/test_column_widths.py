"""Column widths fitted to the font: the longest real order numbers show whole."""

from __future__ import annotations

from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from dropship_desktop.ui.widgets.column_widths import order_number_width


def test_order_number_columns_fit_pinduoduo_numbers(qtbot: QtBot) -> None:
    """Pinduoduo's numbers (yyMMdd- and 15 digits, 22 characters) are the longest a shop
    export holds: they were cut to '261203-27660003964…' in the order list."""
    table = QTableView()
    qtbot.addWidget(table)
    metrics = QFontMetrics(table.font())
    for number in ("261203-276600039647803", "6917926768823643751", "1930679858170647123"):
        assert order_number_width(table) >= metrics.horizontalAdvance(number) + 10, number
