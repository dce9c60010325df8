"""The order list model: holds the ordered ids of the current filter and a page cache.

``data()`` is a lookup: the page holding a row is fetched once (one indexed ``IN`` query), rendered
by per-column functions built once, and kept in a small LRU cache. Sorting and filtering happen in
SQL; there is no proxy model over the big table.
"""

from __future__ import annotations

import logging
import sqlite3
from array import array
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NamedTuple

import peewee
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QIcon

from ...domain.masking import mask_name
from ...domain.orders import OrderFlag
from ...store.order_queries import (
    FLAG_NEAR_DEADLINE,
    FLAG_OVERDUE,
    LIST_COLUMNS,
    SORT_COLUMNS,
    fetch_rows,
)
from ..formatting import format_datetime, format_money, sales_status_label, supplier_status_label
from .order_cells import check_language, clear_memos, fast_renderer

__all__ = ["COLUMNS", "DisplayRow", "OrderListModel", "flag_example", "render_row", "render_rows"]

log = logging.getLogger(__name__)

#: Rows read at a time. A random jump shows ~30 rows: a 100-row page (one query of ~2 ms, and
#: a second one when the screen straddles two pages) read three times what it showed; 50
#: rows take ~0.8 ms a page.
PAGE_SIZE = 50
_ID_SIZE = array("q").itemsize
MAX_PAGES = 80

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
    bits = int(value or 0)
    flags = OrderFlag(bits & 0xFF)
    parts = []
    if bits & FLAG_OVERDUE:
        parts.append(QCoreApplication.translate("OrderListModel", "Overdue"))
    elif bits & FLAG_NEAR_DEADLINE:
        parts.append(QCoreApplication.translate("OrderListModel", "Ship soon"))
    if flags & OrderFlag.CANCEL_PENDING:
        parts.append(QCoreApplication.translate("OrderListModel", "Cancellation pending"))
    if flags & OrderFlag.REFUND_PENDING:
        parts.append(QCoreApplication.translate("OrderListModel", "Refund pending"))
    if flags & OrderFlag.MISMATCH:
        parts.append(QCoreApplication.translate("OrderListModel", "Sides disagree"))
    if flags & OrderFlag.NO_SUPPLIER_ORDER:
        parts.append(QCoreApplication.translate("OrderListModel", "Not ordered from supplier"))
    # The list separator is the language's own (Chinese uses 、 between short phrases).
    return QCoreApplication.translate("OrderListModel", ", ").join(parts)


def flag_example() -> str:
    """A long flags cell as the seller sees it (to size the column)."""
    return _flags_text(FLAG_OVERDUE | int(OrderFlag.MISMATCH))


def _risk_text(value: Any) -> str:
    """Fraud risk: level × 2 (+1 when the seller marked it "checked, fine")."""
    code = int(value or 0)
    if code < 2:
        return ""
    if code >= 4:
        text = QCoreApplication.translate("OrderListModel", "High")
    else:
        text = QCoreApplication.translate("OrderListModel", "Watch")
    if code & 1:
        return QCoreApplication.translate("OrderListModel", "{level} (checked)").format(level=text)
    return text


def _mask(value: Any) -> str:
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
    Column("risk", QT_TRANSLATE_NOOP("OrderListModel", "Risk"), _risk_text),
    Column("flags", QT_TRANSLATE_NOOP("OrderListModel", "Flags"), _flags_text),
)

assert tuple(c.key for c in COLUMNS) == LIST_COLUMNS
#: Columns a header click sorts by. Not the buyer: sorting by the full name would leak it
#: through the masked column.
SORTABLE: frozenset[str] = frozenset(c.key for c in COLUMNS if c.key != "buyer_name")
assert SORTABLE.issubset(SORT_COLUMNS)

_FLAG_COL = LIST_COLUMNS.index("flags")
_SHIP_BY_COL = LIST_COLUMNS.index("ship_by")
_RISK_COL = LIST_COLUMNS.index("risk")
#: Columns drawn red (overdue) or orange (close to the ship-by deadline).
_DEADLINE_COLS = frozenset(
    {_SHIP_BY_COL, _FLAG_COL, LIST_COLUMNS.index("shop_order_no"), LIST_COLUMNS.index("status")}
)
_ICONS: dict[str, QIcon] = {}


def _deadline_icon(name: str) -> QIcon:
    """The bundled icon *name*, made once (a QIcon needs the application to exist)."""
    found = _ICONS.get(name)
    if found is None:
        from ..view_base import icon

        found = _ICONS[name] = icon(name)
    return found


_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
_USER = int(Qt.ItemDataRole.UserRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_ROLES = frozenset({_DISPLAY, _TOOLTIP, _ALIGN, _USER, _FOREGROUND, _DECORATION})
_ALIGNMENTS = tuple(int(c.align) for c in COLUMNS)
_ALIGN_FLAGS = tuple(c.align for c in COLUMNS)


class OrderListModel(QAbstractTableModel):
    """A read-only table over order ids; rows are fetched by page on demand.

    The model holds the ordered ids (an ``array('q')``: 8 bytes an order) and a small LRU cache of
    raw pages; cells are rendered when first shown. ``Qt.UserRole`` gives the order id.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._ids: array = array("q")
        #: The ids as bytes, made when :meth:`row_of` first needs them.
        self._id_bytes: bytes | None = None
        self._row_hint: tuple[int, int] | None = None
        self._raw: OrderedDict[int, list[tuple[Any, ...] | None]] = OrderedDict()
        self._rendered: dict[int, list[DisplayRow | None]] = {}
        #: The row data() answered last: (row, cells, deadline bits, risk code).
        self._row_cache: tuple[int, tuple[str, ...] | None, int, int] | None = None
        self._headers = [tr(c.header) for c in COLUMNS]

    # -- data in ---------------------------------------------------------------------------

    def set_ids(
        self,
        ids: array,
        rows: dict[int, tuple[Any, ...]] | None = None,
        shown: dict[int, DisplayRow] | None = None,
    ) -> None:
        """Show *ids* (a new filter or sort): resets the view.

        Args:
            rows: Display rows of the first ids (:func:`fetch_rows`), read with them off the
                UI thread: the first screenful is then painted without a query.
            shown: Those rows rendered (:func:`render_rows`), also off the UI thread: the first
                paint then only looks cells up.
        """
        self.beginResetModel()
        self._ids = ids
        self._id_bytes = None
        self._row_hint = None
        self._clear_cache()
        if rows:
            shown = shown or {}
            for number in range(min(len(ids), len(rows)) // PAGE_SIZE + 1):
                page_ids = ids[number * PAGE_SIZE : (number + 1) * PAGE_SIZE]
                if not page_ids or any(i not in rows for i in page_ids):
                    break
                self._raw[number] = [rows[i] for i in page_ids]
                self._rendered[number] = [shown.get(i) for i in page_ids]
        self.endResetModel()

    def extend_ids(self, ids: array) -> bool:
        """Replace the ids with *ids* if the shown ones are its prefix (the full list arriving
        after the first page); rows are appended so scroll position and selection stay.

        Returns:
            False when *ids* does not start with the shown ids (nothing changed then).
        """
        shown = len(self._ids)
        if len(ids) < shown or ids[:shown] != self._ids:
            return False
        if len(ids) > shown:
            # The last page was fetched when it held fewer rows: fetch it again when shown.
            self._drop_page(shown // PAGE_SIZE)
            self._row_cache = None
            self.beginInsertRows(QModelIndex(), shown, len(ids) - 1)
            self._ids = ids
            self._id_bytes = None
            self.endInsertRows()
        return True

    def invalidate(self) -> None:
        """Drop cached rows (after an edit) and repaint."""
        self._clear_cache()
        if self._ids:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._ids) - 1, len(COLUMNS) - 1)
            )

    def retranslate(self) -> None:
        clear_memos()
        self._headers = [tr(c.header) for c in COLUMNS]
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        self.invalidate()

    def order_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def ids(self) -> array:
        return self._ids

    def row_of(self, order_id: int) -> int:
        """The row showing *order_id*, or -1.

        A byte search over the ids (~2 ms for a million), not ``array.index``: that compares a
        Python int per id and held the UI thread for 40-190 ms.
        """
        hint = self._row_hint
        if hint is not None and hint[0] == order_id and self.order_id(hint[1]) == order_id:
            return hint[1]
        if self._id_bytes is None:
            self._id_bytes = self._ids.tobytes()
        return find_row(self._id_bytes, order_id)

    def hint_row(self, order_id: int, row: int) -> None:
        """*order_id* is at *row* (found off the UI thread): :meth:`row_of` need not search."""
        self._row_hint = (order_id, row)

    def add_pages(self, pages: dict[int, tuple[list[Any], list[DisplayRow | None]]]) -> None:
        """Cache pages read and rendered off the UI thread (:func:`read_pages`): the rows
        around the order kept selected after a sort are then painted without a query."""
        for number, (raw, shown) in pages.items():
            start = number * PAGE_SIZE
            if len(raw) != min(PAGE_SIZE, len(self._ids) - start) or number in self._raw:
                continue
            self._raw[number] = raw
            self._rendered[number] = shown
        while len(self._raw) > MAX_PAGES:
            evicted, _ = self._raw.popitem(last=False)
            self._rendered.pop(evicted, None)
        self._row_cache = None

    def cached_pages(self) -> int:
        return len(self._raw)

    # -- Qt model API ----------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        try:
            return self._header_data(section, orientation, int(role))
        except Exception:  # a header is never worth an error dialog; the log has it
            _warn_once(f"order list header {section} role {role} failed")
            return None

    def _header_data(self, section: int, orientation: Qt.Orientation, role: int) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
                return self._headers[section]
            if role == Qt.ItemDataRole.TextAlignmentRole and 0 <= section < len(COLUMNS):
                return int(COLUMNS[section].align)
            return None
        if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._ids):
            return str(section + 1)
        return None

    # flags() is QAbstractTableModel's own (enabled, selectable, no children): asked for every
    # cell on every paint, it costs nothing in C++ and a Python call here.

    def cell_style(
        self, row: int, column: int
    ) -> tuple[str, Qt.AlignmentFlag, QBrush | None, QIcon | None]:
        """What a painted cell shows: (text, alignment, text colour, icon) — the roles
        :meth:`data` answers one call each, in one call (see :class:`OrderCellDelegate`)."""
        entry = self._entry(row)
        if entry is None or not 0 <= column < _COLUMN_COUNT:
            return "", _ALIGN_FLAGS[0], None, None
        cells, bits = entry[1], entry[2]
        text = cells[column] if cells is not None else ""
        brush = icon = None
        if column == _RISK_COL:
            brush = _RISK_BRUSHES.get(entry[3])
        elif bits and column in _DEADLINE_COLS:
            brush = _OVERDUE_BRUSH if bits & FLAG_OVERDUE else _NEAR_BRUSH
            if column == _FLAG_COL:
                icon = _deadline_icon("overdue" if bits & FLAG_OVERDUE else "due-soon")
        return text, _ALIGN_FLAGS[column], brush, icon

    def _entry(self, row: int) -> tuple[int, tuple[str, ...] | None, int, int] | None:
        """:meth:`_row_entry`, kept for the next cell of the same row; a row that cannot be
        read is logged and drawn empty (raising here would reach the error dialog on every
        paint, issue #13)."""
        entry = self._row_cache
        if entry is not None and entry[0] == row:
            return entry
        try:
            entry = self._row_entry(row)
        except Exception:
            _warn_once(f"order list row {row} failed")
            return row, None, 0, 0
        if entry is not None:
            self._row_cache = entry
        return entry

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Answer the roles this model does not provide first, comparing plain ints (Qt enum
        # comparisons are slow in Python). The list's paint does not come here (its delegate
        # asks cell_style() once a cell); copying, tooltips and tests do.
        role = int(role)
        if role not in _ROLES:
            return None
        row = index.row()  # -1 for an invalid index
        entry = self._entry(row)
        if entry is None:
            return None
        column = index.column()
        if not 0 <= column < _COLUMN_COUNT:
            return None
        if role == _DISPLAY or role == _TOOLTIP:  # noqa: SIM109 (two int compares are cheaper)
            cells = entry[1]
            return cells[column] if cells is not None else ""
        if role == _ALIGN:
            return _ALIGNMENTS[column]
        if role == _USER:
            return self._ids[row]
        if role == _FOREGROUND and column == _RISK_COL:
            return _RISK_BRUSHES.get(entry[3])  # unchecked warnings only
        bits = entry[2]
        if role == _FOREGROUND and bits and column in _DEADLINE_COLS:
            return _OVERDUE_BRUSH if bits & FLAG_OVERDUE else _NEAR_BRUSH
        if role == _DECORATION and bits and column == _FLAG_COL:
            # A clock beside the flags: overdue orders stand out even in a long red-free list.
            return _deadline_icon("overdue" if bits & FLAG_OVERDUE else "due-soon")
        return None

    def _row_entry(self, row: int) -> tuple[int, tuple[str, ...] | None, int, int] | None:
        """(row, its rendered cells, its deadline bits, its risk code), or None for a row the
        model has not."""
        if not 0 <= row < len(self._ids):
            return None
        shown = self._rendered_row(row)
        if shown is None:
            return row, None, 0, 0
        return row, shown[0], shown[1], shown[2]

    # -- pages -----------------------------------------------------------------------------

    def _clear_cache(self) -> None:
        self._raw.clear()
        self._rendered.clear()
        self._row_cache = None

    def _drop_page(self, number: int) -> None:
        self._raw.pop(number, None)
        self._rendered.pop(number, None)

    def _raw_row(self, row: int) -> tuple[Any, ...] | None:
        number, offset = divmod(row, PAGE_SIZE)
        page = self._page(number)
        return page[offset] if offset < len(page) else None

    def _rendered_row(self, row: int) -> DisplayRow | None:
        number, offset = divmod(row, PAGE_SIZE)
        raw_page = self._page(number)
        if offset >= len(raw_page):
            return None
        rendered = self._rendered[number]
        shown = rendered[offset]
        if shown is None:
            raw = raw_page[offset]
            if raw is None:
                return None  # deleted since the ids were read
            shown = rendered[offset] = render_row(raw)
        return shown

    def _page(self, number: int) -> list[tuple[Any, ...] | None]:
        start = number * PAGE_SIZE
        page = self._raw.get(number)
        # A cached page is good while it covers the rows the ids now have (a page fetched for a
        # shorter list is fetched again rather than trusted).
        if page is not None and len(page) == min(PAGE_SIZE, len(self._ids) - start):
            self._raw.move_to_end(number)
            return page
        ids = self._ids[start : start + PAGE_SIZE]
        try:
            rows = fetch_rows(ids)
        except (sqlite3.Error, peewee.DatabaseError) as exc:
            # Called from data() during a paint: an exception escaping it leaves Qt's painter
            # active and crashes the app (issue 14). Show the rows empty; the log says why.
            log.warning("order list page %d could not be read: %s", number, type(exc).__name__)
            rows = {}
        page = [rows.get(i) for i in ids]
        self._raw[number] = page
        self._rendered[number] = [None] * len(page)
        while len(self._raw) > MAX_PAGES:
            evicted, _ = self._raw.popitem(last=False)
            self._rendered.pop(evicted, None)
        return page


_COLUMN_COUNT = len(COLUMNS)
_warned: set[str] = set()


def _warn_once(what: str) -> None:
    """Log a failing cell with its traceback, once per kind of error (a paint asks again and
    again for the same cells)."""
    import sys

    error = sys.exc_info()[1]
    kind = f"{type(error).__name__}: {error}"
    if kind in _warned:
        return
    if len(_warned) < 100:
        _warned.add(kind)
    log.warning("%s", what, exc_info=True)


#: What render_row() formats each column with: the same text as ``Column.render``, faster.
_RENDERERS = tuple(fast_renderer(c.key, c.render) for c in COLUMNS)
_OVERDUE_BRUSH = QBrush(QColor(200, 30, 30))
_NEAR_BRUSH = QBrush(QColor(200, 110, 0))
#: Risk codes drawn in colour: an unchecked high risk red, an unchecked warning orange.
_RISK_BRUSHES = {4: _OVERDUE_BRUSH, 2: _NEAR_BRUSH}


class DisplayRow(NamedTuple):
    """One order as the list shows it: its cells' text, its deadline bits, its risk code."""

    cells: tuple[str, ...]
    deadline: int
    risk: int


def render_row(raw: tuple[Any, ...]) -> DisplayRow:
    """*raw* (a :func:`fetch_rows` tuple) as the list shows it. Safe off the UI thread (plain
    strings; ``QCoreApplication.translate`` and ``QLocale`` are reentrant)."""
    check_language()
    cells = tuple(render(v) for render, v in zip(_RENDERERS, raw, strict=True))
    bits = int(raw[_FLAG_COL] or 0) & (FLAG_OVERDUE | FLAG_NEAR_DEADLINE)
    return DisplayRow(cells, bits, int(raw[_RISK_COL] or 0))


def render_rows(rows: dict[int, tuple[Any, ...]]) -> dict[int, DisplayRow]:
    """:func:`render_row` of every row of *rows* (the first page, on the DB worker)."""
    return {order_id: render_row(raw) for order_id, raw in rows.items()}


def find_row(ids: array | bytes, order_id: int) -> int:
    """The position of *order_id* in *ids* (an ``array('q')`` or its bytes), or -1.

    A byte search (~2-5 ms for a million ids), not ``array.index``: that compares a Python int
    per id and held the thread (and the GIL) for 40-190 ms.
    """
    data = ids if isinstance(ids, bytes) else ids.tobytes()
    needle = array("q", [order_id]).tobytes()
    at = data.find(needle)
    while at >= 0:
        if at % _ID_SIZE == 0:  # not the tail of one id and the head of the next
            return at // _ID_SIZE
        at = data.find(needle, at + 1)
    return -1


def read_pages(
    ids: array, row: int, now: int | None = None
) -> dict[int, tuple[list[Any], list[DisplayRow | None]]]:
    """The pages holding the rows a screenful around *row* shows, read and rendered (on the DB
    worker), for :meth:`OrderListModel.add_pages`."""
    if not 0 <= row < len(ids):
        return {}
    first = max(0, row - _AROUND) // PAGE_SIZE
    last = min(len(ids) - 1, row + _AROUND) // PAGE_SIZE
    pages = {}
    for number in range(first, last + 1):
        page_ids = ids[number * PAGE_SIZE : (number + 1) * PAGE_SIZE]
        rows = fetch_rows(page_ids, now=now)
        raw = [rows.get(i) for i in page_ids]
        pages[number] = (raw, [None if r is None else render_row(r) for r in raw])
    return pages


#: Rows either side of a kept row that a screenful may show (a tall window shows ~40).
_AROUND = 50
