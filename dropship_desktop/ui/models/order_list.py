"""The order list model: holds the ordered ids of the current filter and a page cache.

``data()`` is a lookup: the page holding a row is fetched once (one indexed ``IN`` query), rendered
by per-column functions built once, and kept in a small LRU cache. Sorting and filtering happen in
SQL; there is no proxy model over the big table.
"""

from __future__ import annotations

import time
from array import array
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from ...domain.orders import NEAR_DEADLINE_HOURS, OrderFlag
from ...store.order_queries import LIST_COLUMNS, SORT_COLUMNS, fetch_rows
from ..formatting import format_datetime, format_money, sales_status_label, supplier_status_label

__all__ = ["COLUMNS", "OrderListModel"]

PAGE_SIZE = 200
MAX_PAGES = 50

_Index = QModelIndex | QPersistentModelIndex


def tr(text: str) -> str:
    return QCoreApplication.translate("OrderListModel", text)


@dataclass(frozen=True)
class Column:
    key: str
    header: str  # English source text, translated at display time
    render: Callable[[Any], str]
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _flags_text(value: Any) -> str:
    flags = OrderFlag(int(value or 0))
    parts = []
    if flags & OrderFlag.CANCEL_PENDING:
        parts.append(tr("Cancellation pending"))
    if flags & OrderFlag.REFUND_PENDING:
        parts.append(tr("Refund pending"))
    if flags & OrderFlag.MISMATCH:
        parts.append(tr("Sides disagree"))
    if flags & OrderFlag.NO_SUPPLIER_ORDER:
        parts.append(tr("Not ordered from supplier"))
    return ", ".join(parts)


def _mask(value: Any) -> str:
    from ...domain.masking import mask_name

    return mask_name(value or "")


COLUMNS: tuple[Column, ...] = (
    Column("shop", QT_TRANSLATE_NOOP("OrderListModel", "Shop"), _text),
    Column("shop_order_no", QT_TRANSLATE_NOOP("OrderListModel", "Shop order no."), _text),
    Column("created_at", QT_TRANSLATE_NOOP("OrderListModel", "Created"), format_datetime),
    Column("paid_at", QT_TRANSLATE_NOOP("OrderListModel", "Paid"), format_datetime),
    Column("buyer_name", QT_TRANSLATE_NOOP("OrderListModel", "Buyer"), _mask),
    Column("product_summary", QT_TRANSLATE_NOOP("OrderListModel", "Products"), _text),
    Column("quantity", QT_TRANSLATE_NOOP("OrderListModel", "Qty"), _text, _RIGHT),
    Column("sale_fen", QT_TRANSLATE_NOOP("OrderListModel", "Sale amount"), format_money, _RIGHT),
    Column("cost_fen", QT_TRANSLATE_NOOP("OrderListModel", "Cost"), format_money, _RIGHT),
    Column(
        "dropship_fee_fen",
        QT_TRANSLATE_NOOP("OrderListModel", "Dropship fee"),
        format_money,
        _RIGHT,
    ),
    Column("profit_fen", QT_TRANSLATE_NOOP("OrderListModel", "Profit"), format_money, _RIGHT),
    Column("status", QT_TRANSLATE_NOOP("OrderListModel", "Sales status"), sales_status_label),
    Column(
        "supplier_status", QT_TRANSLATE_NOOP("OrderListModel", "1688 status"), supplier_status_label
    ),
    Column("supplier_order_no", QT_TRANSLATE_NOOP("OrderListModel", "1688 order id"), _text),
    Column("carrier", QT_TRANSLATE_NOOP("OrderListModel", "Carrier"), _text),
    Column("tracking_no", QT_TRANSLATE_NOOP("OrderListModel", "Tracking no."), _text),
    Column("ship_by", QT_TRANSLATE_NOOP("OrderListModel", "Ship by"), format_datetime),
    Column("flags", QT_TRANSLATE_NOOP("OrderListModel", "Flags"), _flags_text),
)

assert tuple(c.key for c in COLUMNS) == LIST_COLUMNS
assert all(c.key in SORT_COLUMNS for c in COLUMNS)

_FLAG_COL = LIST_COLUMNS.index("flags")
_SHIP_BY_COL = LIST_COLUMNS.index("ship_by")
_STATUS_COL = LIST_COLUMNS.index("status")


class OrderListModel(QAbstractTableModel):
    """A read-only table over order ids; rows are fetched by page on demand."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._ids: array = array("q")
        self._pages: OrderedDict[int, list[tuple[str, ...]]] = OrderedDict()
        self._raw: OrderedDict[int, list[tuple[Any, ...]]] = OrderedDict()
        self._headers = [tr(c.header) for c in COLUMNS]

    # -- data in ---------------------------------------------------------------------------

    def set_ids(self, ids: array) -> None:
        self.beginResetModel()
        self._ids = ids
        self._pages.clear()
        self._raw.clear()
        self.endResetModel()

    def invalidate(self) -> None:
        """Drop cached rows (after an edit) and repaint."""
        self._pages.clear()
        self._raw.clear()
        if self._ids:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._ids) - 1, len(COLUMNS) - 1)
            )

    def retranslate(self) -> None:
        self._headers = [tr(c.header) for c in COLUMNS]
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        self.invalidate()

    def order_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def ids(self) -> array:
        return self._ids

    # -- Qt model API ----------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
                return self._headers[section]
            if role == Qt.ItemDataRole.TextAlignmentRole and 0 <= section < len(COLUMNS):
                return int(COLUMNS[section].align)
            return None
        if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._ids):
            return str(section + 1)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if not (0 <= row < len(self._ids) and 0 <= column < len(COLUMNS)):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            page = self._page(row // PAGE_SIZE)
            return page[row % PAGE_SIZE][column]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(COLUMNS[column].align)
        if role == Qt.ItemDataRole.ForegroundRole and column in (_SHIP_BY_COL, _FLAG_COL):
            raw = self._raw_row(row)
            if raw is not None and self._overdue(raw):
                return QBrush(QColor(200, 30, 30))
        return None

    # -- pages -----------------------------------------------------------------------------

    @staticmethod
    def _overdue(raw: tuple[Any, ...]) -> bool:
        ship_by = raw[_SHIP_BY_COL]
        if not ship_by or raw[_STATUS_COL] != "paid":
            return False
        return ship_by - time.time() < NEAR_DEADLINE_HOURS * 3600

    def _raw_row(self, row: int) -> tuple[Any, ...] | None:
        self._page(row // PAGE_SIZE)
        raw = self._raw.get(row // PAGE_SIZE)
        return raw[row % PAGE_SIZE] if raw else None

    def _page(self, number: int) -> list[tuple[str, ...]]:
        page = self._pages.get(number)
        if page is not None:
            self._pages.move_to_end(number)
            return page
        start = number * PAGE_SIZE
        ids = self._ids[start : start + PAGE_SIZE]
        rows = fetch_rows(ids)
        empty = tuple("" for _ in COLUMNS)
        raw_page = [rows.get(i, (None,) * len(COLUMNS)) for i in ids]
        renderers = [c.render for c in COLUMNS]
        page = [
            tuple(render(value) for render, value in zip(renderers, raw, strict=True))
            if raw[0] is not None or any(v is not None for v in raw)
            else empty
            for raw in raw_page
        ]
        self._pages[number] = page
        self._raw[number] = raw_page
        while len(self._pages) > MAX_PAGES:
            evicted, _ = self._pages.popitem(last=False)
            self._raw.pop(evicted, None)
        return page
