"""The read-only list table every dialog and page shows: one place for its set-up."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from .table_copy import install_copy_shortcut

__all__ = ["read_only_table"]


def read_only_table(
    model: QAbstractItemModel, name: str = "", parent: QWidget | None = None
) -> QTableView:
    """A table over *model* for reading and selecting rows.

    Whole rows are selected, nothing is edited in place (check boxes still toggle), rows have a
    fixed height (no per-row measuring, however long the list), cells do not wrap, row numbers
    are hidden, the last column takes the spare width and Ctrl+C copies the selected rows.

    Args:
        model: The model shown.
        name: The object name (tests and style sheets find the table by it).
        parent: Parent widget.
    """
    table = QTableView(parent)
    if name:
        table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    header = table.horizontalHeader()
    # Whole rows are selected, so Qt would draw every header label bold (a highlighted section)
    # while a row is selected: wider than the widths fitted to it, clipped in English.
    header.setHighlightSections(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    install_copy_shortcut(table)
    return table
