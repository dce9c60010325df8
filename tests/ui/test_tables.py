"""The shared read-only table: its set-up, and Ctrl+C bound once (two bindings of one key are
ambiguous, and then neither fires)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView
from pytestqt.qtbot import QtBot

from dropship_desktop.ui.main_window import MainWindow
from dropship_desktop.ui.models.rows import RowColumn, RowsModel
from dropship_desktop.ui.widgets.tables import read_only_table


def _copy_shortcuts(table: QTableView) -> list[QShortcut]:
    copy = QKeySequence(QKeySequence.StandardKey.Copy)
    return [s for s in table.findChildren(QShortcut) if s.key() == copy]


def test_read_only_table_setup_and_copy(qtbot: QtBot) -> None:
    model = RowsModel([RowColumn(1, "Name"), RowColumn(2, "City")], "Test")
    model.set_rows([(1, "张三", "杭州"), (2, "李四", "广州")])
    table = read_only_table(model, "someTable")
    qtbot.addWidget(table)
    assert table.objectName() == "someTable"
    assert table.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectRows
    assert table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    assert table.verticalHeader().sectionResizeMode(0) == QHeaderView.ResizeMode.Fixed
    assert not table.verticalHeader().isVisible()
    assert table.horizontalHeader().stretchLastSection()
    shortcuts = _copy_shortcuts(table)
    assert len(shortcuts) == 1
    assert shortcuts[0].context() == Qt.ShortcutContext.WidgetWithChildrenShortcut
    table.selectRow(1)
    QGuiApplication.clipboard().clear()
    shortcuts[0].activated.emit()
    assert QGuiApplication.clipboard().text() == "Name\tCity\r\n李四\t广州\r\n"


def test_each_list_table_has_one_copy_shortcut(main_window: MainWindow) -> None:
    tables = main_window.findChildren(QTableView)
    assert len(tables) >= 2
    for table in tables:
        assert len(_copy_shortcuts(table)) <= 1, table.objectName()
    unmatched = main_window.findChild(QTableView, "unmatchedTable")
    assert unmatched is not None
    assert unmatched.verticalHeader().sectionResizeMode(0) == QHeaderView.ResizeMode.Fixed
