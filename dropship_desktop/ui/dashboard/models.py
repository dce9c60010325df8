"""Table models of the dashboard: figures per shop and per supplier (a few dozen rows each)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from ...domain.dashboard import BP, stock_problem
from ...i18n import QT_TRANSLATE_NOOP
from ...services.dashboard import ShopFigures, SupplierFigures
from ..formatting import format_money
from .format import percent

__all__ = ["ShopFiguresModel", "SupplierFiguresModel", "shop_columns", "supplier_columns"]

_Index = QModelIndex | QPersistentModelIndex
# Plain ints: data() is called for every cell and role, enum conversions there add up.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole.value)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole.value)
_RIGHT = int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)
_RED = QBrush(QColor("#d93838"))
Column = tuple[str, Callable[[Any], Any], Callable[[Any], str], str]


def _tr(text: str) -> str:
    return QCoreApplication.translate("DashboardTables", text)


def shop_columns() -> list[Column]:
    """(header, raw value, display text, kind) per column; kind: text, count, money, rate."""
    return [
        (
            _tr(QT_TRANSLATE_NOOP("DashboardTables", "Shop")),
            lambda s: s.shop.name,
            lambda s: s.shop.name,
            "text",
        ),
        (
            _tr(QT_TRANSLATE_NOOP("DashboardTables", "Orders")),
            lambda s: s.totals.orders,
            lambda s: str(s.totals.orders),
            "count",
        ),
        (
            _tr(QT_TRANSLATE_NOOP("DashboardTables", "Sales")),
            lambda s: s.totals.sales_fen,
            lambda s: format_money(s.totals.sales_fen),
            "money",
        ),
        (
            _tr(QT_TRANSLATE_NOOP("DashboardTables", "Profit")),
            lambda s: s.totals.profit_fen,
            lambda s: format_money(s.totals.profit_fen),
            "money",
        ),
        (
            _tr(QT_TRANSLATE_NOOP("DashboardTables", "Margin")),
            lambda s: s.totals.margin,
            lambda s: percent(s.totals.margin),
            "rate",
        ),
        (
            _tr(QT_TRANSLATE_NOOP("DashboardTables", "Late shipment")),
            lambda s: s.late_rate,
            lambda s: percent(s.late_rate),
            "rate",
        ),
        (
            _tr(QT_TRANSLATE_NOOP("DashboardTables", "30-day cancellation rate")),
            lambda s: s.window_rate,
            lambda s: percent(s.window_rate),
            "rate",
        ),
        (
            _tr(QT_TRANSLATE_NOOP("DashboardTables", "Warning line")),
            lambda s: s.shop.warning_bp / BP,
            lambda s: percent(s.shop.warning_bp / BP, 2),
            "rate",
        ),
        (
            _tr(QT_TRANSLATE_NOOP("DashboardTables", "Cancellations to the line")),
            lambda s: s.to_line,
            lambda s: "—" if s.to_line is None else str(s.to_line),
            "count",
        ),
    ]


def supplier_columns() -> list[Column]:
    unknown = _tr(QT_TRANSLATE_NOOP("DashboardTables", "(supplier not recorded)"))
    return [
        (
            _tr(QT_TRANSLATE_NOOP("DashboardTables", "Supplier")),
            lambda s: s.name or unknown,
            lambda s: s.name or unknown,
            "text",
        ),
        (
            _tr(QT_TRANSLATE_NOOP("DashboardTables", "1688 orders")),
            lambda s: s.orders,
            lambda s: str(s.orders),
            "count",
        ),
        (
            _tr(QT_TRANSLATE_NOOP("DashboardTables", "Purchase cost")),
            lambda s: s.cost_fen,
            lambda s: format_money(s.cost_fen),
            "money",
        ),
        (
            _tr(QT_TRANSLATE_NOOP("DashboardTables", "Shipped")),
            lambda s: s.shipped,
            lambda s: str(s.shipped),
            "count",
        ),
        (
            _tr(QT_TRANSLATE_NOOP("DashboardTables", "Closed")),
            lambda s: s.closed,
            lambda s: str(s.closed),
            "count",
        ),
        (
            _tr(QT_TRANSLATE_NOOP("DashboardTables", "On-time rate")),
            lambda s: s.on_time_rate,
            lambda s: percent(s.on_time_rate),
            "rate",
        ),
        (
            _tr(QT_TRANSLATE_NOOP("DashboardTables", "Cancelled for stock (卖家库存不足)")),
            lambda s: s.supplier_caused,
            lambda s: str(s.supplier_caused),
            "count",
        ),
    ]


class _FiguresModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        self._columns: list[Column] = self.columns()

    def columns(self) -> list[Column]:
        raise NotImplementedError

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._columns = self.columns()  # headers follow the language
        self.endResetModel()

    def row(self, row: int) -> Any:
        return self._rows[row]

    def text_widths(self) -> tuple[int, ...]:
        """Per column, the longest text shown (its header's included), in characters.

        The view sizes the columns to their contents only when this changes: measuring every
        cell through the view costs milliseconds on each range change.
        """
        return tuple(
            max([len(str(head)), *(len(str(text(r))) for r in self._rows)])
            for head, _key, text, *_rest in self._columns
        )

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if (
            int(role) == _DISPLAY
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._columns)
        ):
            return self._columns[section][0]
        return None

    def data(self, index: _Index, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        role = int(role)
        if role == _DISPLAY:
            return self._columns[index.column()][2](self._rows[index.row()])
        if role == _ALIGN and index.column() > 0:
            return _RIGHT
        if role == _FOREGROUND and self.flagged(self._rows[index.row()], index.column()):
            return _RED
        return None

    def flagged(self, item: Any, column: int) -> bool:
        return False


class ShopFiguresModel(_FiguresModel):
    """One row per shop; the cancellation figures turn red at or over the warning line."""

    def columns(self) -> list[Column]:
        return shop_columns()

    def flagged(self, item: ShopFigures, column: int) -> bool:
        return column in (6, 8) and item.to_line == 0


class SupplierFiguresModel(_FiguresModel):
    """One row per supplier of the range; stock cancellations in red."""

    def columns(self) -> list[Column]:
        return supplier_columns()

    def flagged(self, item: SupplierFigures, column: int) -> bool:
        return column == 6 and stock_problem(item.supplier_caused, item.orders)
