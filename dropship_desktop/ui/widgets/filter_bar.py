"""A filter line for small tables: text plus a column choice, over a QSortFilterProxyModel."""

from __future__ import annotations

import re

from PySide6.QtCore import QRegularExpression, QSortFilterProxyModel, Qt, Slot
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QWidget

__all__ = ["FilterBar", "FilterProxy"]


class FilterProxy(QSortFilterProxyModel):
    """Sorts by the raw value (``Qt.UserRole``) and filters case-insensitively on the text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(Qt.ItemDataRole.UserRole)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)
        self.setSortLocaleAware(True)

    def lessThan(self, left, right) -> bool:  # type: ignore[no-untyped-def]
        a, b = left.data(Qt.ItemDataRole.UserRole), right.data(Qt.ItemDataRole.UserRole)
        # Unknown values (None) sort first; mixed types fall back to the displayed text.
        if a is None or b is None:
            return a is None and b is not None
        try:
            return bool(a < b)
        except TypeError:
            return str(left.data()) < str(right.data())


class FilterBar(QWidget):
    """A filter box and an "in column" choice that drive a :class:`FilterProxy`."""

    def __init__(self, proxy: QSortFilterProxyModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.proxy = proxy
        self.edit = QLineEdit()
        self.edit.setClearButtonEnabled(True)
        self.edit.setPlaceholderText(self.tr("Filter…"))
        self.edit.setAccessibleName(self.tr("Filter"))
        self.column = QComboBox()
        self.column.setAccessibleName(self.tr("Filter column"))
        # Long column names must not force the table wider than a narrow window.
        self.column.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.column.setMinimumContentsLength(8)
        self.edit.setMinimumWidth(80)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.column)
        self.edit.textChanged.connect(self._apply)
        self.column.currentIndexChanged.connect(self._apply)
        source = proxy.sourceModel()
        if source is not None:
            source.modelReset.connect(self.fill_columns)
        self.fill_columns()

    @Slot()
    def fill_columns(self) -> None:
        """(Re)list the columns by their current header text."""
        current = self.column.currentIndex()
        self.column.blockSignals(True)
        self.column.clear()
        self.column.addItem(self.tr("All columns"), -1)
        model = self.proxy.sourceModel()
        if model is not None:
            for section in range(model.columnCount()):
                self.column.addItem(
                    str(model.headerData(section, Qt.Orientation.Horizontal) or ""), section
                )
        self.column.setCurrentIndex(max(0, min(current, self.column.count() - 1)))
        self.column.blockSignals(False)

    @Slot()
    def _apply(self) -> None:
        data = self.column.currentData()
        self.proxy.setFilterKeyColumn(-1 if data is None else int(data))
        pattern = QRegularExpression(
            re.escape(self.edit.text().strip()),
            QRegularExpression.PatternOption.CaseInsensitiveOption,
        )
        self.proxy.setFilterRegularExpression(pattern)
