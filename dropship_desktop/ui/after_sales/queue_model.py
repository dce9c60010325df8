"""The after-sales queue's model: rows by page, time left computed against a ticking clock."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from ...domain.after_sales import BuyerState, CaseKind, SupplierState
from ..formatting import enum_label, format_datetime, format_money

__all__ = ["COLUMNS", "PAGE_SIZE", "QueueModel", "time_left_text"]

_Index = QModelIndex | QPersistentModelIndex
PAGE_SIZE = 100
_CTX = "AfterSalesQueue"
_RED = QColor("#c81e1e")
_AMBER = QColor("#b26a00")
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


# Looked up through _tr(); marked here so lupdate collects them.
_MARKED = (
    QT_TRANSLATE_NOOP("AfterSalesQueue", "{d} d {h} h"),
    QT_TRANSLATE_NOOP("AfterSalesQueue", "{h} h {m} min"),
    QT_TRANSLATE_NOOP("AfterSalesQueue", "{m} min"),
    QT_TRANSLATE_NOOP("AfterSalesQueue", "Overdue {}"),
    QT_TRANSLATE_NOOP("AfterSalesQueue", "sent, answer not recorded"),
    QT_TRANSLATE_NOOP("AfterSalesQueue", "Finished"),
)


def time_left_text(deadline: int | None, now: int) -> str:
    """ "5 h 20 min" / "2 d 3 h" left, "Overdue 3 h"; empty without a deadline."""
    if deadline is None:
        return ""
    seconds = deadline - now
    span = abs(seconds)
    days, rest = divmod(span, 86400)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    if days:
        text = _tr("{d} d {h} h").format(d=days, h=hours)
    elif hours:
        text = _tr("{h} h {m} min").format(h=hours, m=minutes)
    else:
        text = _tr("{m} min").format(m=max(1, minutes))
    return _tr("Overdue {}").format(text) if seconds < 0 else text


def _enum(enum: Any) -> Callable[[Any], str]:
    def render(raw: Any) -> str:
        try:
            return enum_label(enum(raw))
        except ValueError:
            return str(raw or "")

    return render


def _supplier_state(row: Sequence[Any]) -> str:
    text = _enum(SupplierState)(row[7])
    if row[16]:
        text += " · " + _tr("sent, answer not recorded")
    return text


# (header, render(row), alignment); row positions follow store.after_sales_queries.QUEUE_COLUMNS.
COLUMNS: tuple[tuple[str, Callable[[Sequence[Any]], str], int], ...] = (
    (QT_TRANSLATE_NOOP("AfterSalesQueue", "Time left"), lambda r: "", _LEFT),
    (QT_TRANSLATE_NOOP("AfterSalesQueue", "Order no."), lambda r: r[3] or "", _LEFT),
    (QT_TRANSLATE_NOOP("AfterSalesQueue", "Shop"), lambda r: r[4] or "", _LEFT),
    (QT_TRANSLATE_NOOP("AfterSalesQueue", "Kind"), lambda r: _enum(CaseKind)(r[5]), _LEFT),
    (QT_TRANSLATE_NOOP("AfterSalesQueue", "Buyer side"), lambda r: _enum(BuyerState)(r[6]), _LEFT),
    (QT_TRANSLATE_NOOP("AfterSalesQueue", "Supplier side"), _supplier_state, _LEFT),
    (QT_TRANSLATE_NOOP("AfterSalesQueue", "Product"), lambda r: r[8] or "", _LEFT),
    (QT_TRANSLATE_NOOP("AfterSalesQueue", "Asked"), lambda r: format_money(r[9]), _RIGHT),
    (QT_TRANSLATE_NOOP("AfterSalesQueue", "Refunded"), lambda r: format_money(r[10]), _RIGHT),
    (QT_TRANSLATE_NOOP("AfterSalesQueue", "Recovered"), lambda r: format_money(r[11]), _RIGHT),
    (QT_TRANSLATE_NOOP("AfterSalesQueue", "Net loss"), lambda r: format_money(r[12]), _RIGHT),
    (QT_TRANSLATE_NOOP("AfterSalesQueue", "Supplier"), lambda r: r[13] or "", _LEFT),
    (QT_TRANSLATE_NOOP("AfterSalesQueue", "Opened"), lambda r: format_datetime(r[14]), _LEFT),
    (QT_TRANSLATE_NOOP("AfterSalesQueue", "Platform case no."), lambda r: r[15] or "", _LEFT),
)


class QueueModel(QAbstractTableModel):
    """Queue rows (tuples, id first) by page; more pages are asked for as the view scrolls.

    Args:
        fetch_page: Called with the offset of the next page when the view wants more rows; the
            owner loads it off the UI thread and hands it to :meth:`append_rows`.
    """

    def __init__(self, fetch_page: Callable[[int], None], parent: Any = None) -> None:
        super().__init__(parent)
        self._fetch_page = fetch_page
        self._rows: list[tuple[Any, ...]] = []
        self._total = 0
        self._loading = False
        self.now = 0

    # -- content ------------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[tuple[Any, ...]], total: int, now: int) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._total = max(total, len(self._rows))
        self._loading = False
        self.now = now
        self.endResetModel()

    def append_rows(self, rows: Sequence[tuple[Any, ...]]) -> None:
        self._loading = False
        if not rows:
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def tick(self, now: int) -> None:
        """Move the clock: time left and the overdue colour follow."""
        self.now = now
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(COLUMNS) - 1)
            )

    def total(self) -> int:
        return self._total

    def row_tuple(self, row: int) -> tuple[Any, ...] | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of_id(self, case_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r[0] == case_id), -1)

    def is_overdue(self, row: int) -> bool:
        r = self.row_tuple(row)
        return bool(r and r[1] is not None and r[2] is None and r[1] < self.now)

    # -- Qt -----------------------------------------------------------------------------------

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._loading and len(self._rows) < self._total

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        self._loading = True
        self._fetch_page(len(self._rows))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(COLUMNS)
        ):
            return _tr(COLUMNS[section][0])
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        if not (0 <= row < len(self._rows) and 0 <= col < len(COLUMNS)):
            return None
        r = self._rows[row]
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return time_left_text(r[1], self.now) if r[2] is None else _tr("Finished")
            return COLUMNS[col][1](r)
        if role == Qt.ItemDataRole.ForegroundRole:
            if self.is_overdue(row):
                return _RED
            if col == 0 and r[1] is not None and r[2] is None and r[1] - self.now < 6 * 3600:
                return _AMBER
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return COLUMNS[col][2]
        if role == Qt.ItemDataRole.UserRole:
            return r[0]
        return None
