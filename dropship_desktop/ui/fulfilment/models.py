"""A read-only table model over row objects, with colours and tooltips per cell."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

__all__ = ["ObjectColumn", "ObjectTableModel"]

_Index = QModelIndex | QPersistentModelIndex
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter

_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.UserRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.TextAlignmentRole,
    }
)

RED = QColor("#c62828")
AMBER = QColor("#a15c00")
GREEN = QColor("#2e7d32")
GREY = QColor("#757575")


@dataclass(frozen=True)
class ObjectColumn:
    """One column: header (English, translated in the model's context) and cell functions."""

    header: str
    text: Callable[[Any], str]
    tooltip: Callable[[Any], str] | None = None
    colour: Callable[[Any], QColor | None] | None = None
    right: bool = False


class ObjectTableModel(QAbstractTableModel):
    """Rows are objects; ``Qt.UserRole`` gives the row object."""

    def __init__(self, columns: Sequence[ObjectColumn], context: str, parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = tuple(columns)
        self._context = context
        self._rows: list[Any] = []
        # Rendered cells, built on first paint: data() is then a lookup (text, colour, tip).
        self._cache: dict[tuple[int, int, int], Any] = {}

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._cache.clear()
        self.endResetModel()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_object(self, row: int) -> Any:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._columns)
        ):
            return QCoreApplication.translate(self._context, self._columns[section].header)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES:
            return None
        row, col = index.row(), index.column()
        key = (row, col, role)
        try:
            return self._cache[key]
        except KeyError:
            pass
        if not (0 <= row < len(self._rows) and 0 <= col < len(self._columns)):
            return None
        value = self._render(self._columns[col], self._rows[row], role)
        if role != Qt.ItemDataRole.UserRole:
            self._cache[key] = value
        return value

    @staticmethod
    def _render(column: ObjectColumn, obj: Any, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(obj)
        if role == Qt.ItemDataRole.UserRole:
            return obj
        if role == Qt.ItemDataRole.ToolTipRole:
            return (column.tooltip(obj) or None) if column.tooltip is not None else None
        if role == Qt.ItemDataRole.ForegroundRole:
            colour = column.colour(obj) if column.colour is not None else None
            return QBrush(colour) if colour is not None else None
        return int(_RIGHT if column.right else _LEFT)  # TextAlignmentRole
