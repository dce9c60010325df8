"""A small table model of prepared cells, for the wizard's order tables (a few hundred rows at most).

Each row has a key (the supplier order id) and cells already rendered by the page (text, colour,
icon, tooltip), so ``data()`` is a lookup. Column 0 can carry a check box per row; a row whose
check state is ``None`` cannot be checked (an order with a cancellation already under way).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QIcon

__all__ = ["Cell", "CellTableModel", "Row"]

_Index = QModelIndex | QPersistentModelIndex
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class Cell:
    """One rendered cell."""

    text: str = ""
    color: QColor | None = None
    icon: QIcon | None = None
    tooltip: str = ""
    right: bool = False


@dataclass(frozen=True)
class Row:
    """One row: its key, its cells and (checkable tables) its check state or ``None``."""

    key: int
    cells: tuple[Cell, ...]
    checked: bool | None = None


class CellTableModel(QAbstractTableModel):
    """Rows of prepared cells; ``Qt.UserRole`` gives the row key.

    Signals:
        check_toggled(int, bool): The seller checked or unchecked the row with this key.
    """

    check_toggled = Signal(int, bool)

    def __init__(self, headers: Sequence[str], *, checkable: bool = False, parent: Any = None):
        super().__init__(parent)
        self._headers = list(headers)
        self._checkable = checkable
        self._rows: list[Row] = []
        self._index: dict[int, int] = {}

    # -- data in ---------------------------------------------------------------------------

    def set_headers(self, headers: Sequence[str]) -> None:
        self._headers = list(headers)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._headers) - 1)

    def set_rows(self, rows: Sequence[Row]) -> None:
        """Show *rows* (resets the view)."""
        self.beginResetModel()
        self._rows = list(rows)
        self._index = {row.key: i for i, row in enumerate(self._rows)}
        self.endResetModel()

    def update_rows(self, rows: Sequence[Row]) -> None:
        """Replace rows with the same keys in place (keeps selection and scroll position)."""
        for row in rows:
            position = self._index.get(row.key)
            if position is None:
                continue
            self._rows[position] = row
            self.dataChanged.emit(
                self.index(position, 0), self.index(position, len(self._headers) - 1)
            )

    def rows(self) -> list[Row]:
        return list(self._rows)

    def key(self, row: int) -> int | None:
        return self._rows[row].key if 0 <= row < len(self._rows) else None

    def row_of(self, key: int) -> int:
        return self._index.get(key, -1)

    def cell_text(self, key: int, column: int) -> str:
        position = self._index.get(key)
        if position is None:
            return ""
        return self._rows[position].cells[column].text

    def checked_keys(self) -> list[int]:
        return [row.key for row in self._rows if row.checked]

    # -- Qt model API ----------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._checkable and index.column() == 0:
            row = self._rows[index.row()] if 0 <= index.row() < len(self._rows) else None
            if row is not None and row.checked is not None:
                flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r, c = index.row(), index.column()
        if not (0 <= r < len(self._rows) and 0 <= c < len(self._headers)):
            return None
        row = self._rows[r]
        cell = row.cells[c] if c < len(row.cells) else Cell()
        if role == Qt.ItemDataRole.DisplayRole:
            return cell.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return cell.tooltip or cell.text or None
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(cell.color) if cell.color is not None else None
        if role == Qt.ItemDataRole.DecorationRole:
            return cell.icon
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(_RIGHT if cell.right else _LEFT)
        if role == Qt.ItemDataRole.UserRole:
            return row.key
        if role == Qt.ItemDataRole.CheckStateRole and self._checkable and c == 0:
            if row.checked is None:
                return None
            return Qt.CheckState.Checked if row.checked else Qt.CheckState.Unchecked
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            not index.isValid()
            or role != Qt.ItemDataRole.CheckStateRole
            or not (self.flags(index) & Qt.ItemFlag.ItemIsUserCheckable)
        ):
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        self.set_checked(self._rows[index.row()].key, checked)
        return True

    def set_checked(self, key: int, checked: bool) -> None:
        """Check or uncheck a row as the seller would (emits :attr:`check_toggled`)."""
        position = self._index.get(key)
        if position is None or self._rows[position].checked is None:
            return
        row = self._rows[position]
        if row.checked == checked:
            return
        self._rows[position] = Row(row.key, row.cells, checked)
        self.dataChanged.emit(self.index(position, 0), self.index(position, 0))
        self.check_toggled.emit(key, checked)
