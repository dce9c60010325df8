"""The order list's cell delegate: one call into Python per painted cell instead of seven.

Qt's ``QStyledItemDelegate.initStyleOption`` asks the model for seven roles of every cell it
paints (font, alignment, colour, check state, icon, text, background): ~2,100 calls from C++
into Python a screenful, each wrapping a ``QModelIndex`` — about a third of a repaint. This
delegate fills the style option from :meth:`OrderListModel.cell_style` in one call and leaves the
drawing (selection, alternate rows, eliding, focus) to Qt's own ``paint``.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QTableView

from .order_list import OrderListModel

__all__ = ["OrderCellDelegate"]

_FEATURES = QStyleOptionViewItem.ViewItemFeature
#: The features a cell is drawn with, by (has text, alternate row): built once, because or-ing
#: Python enum flags per cell costs more than the rest of the cell's Python.
_TEXT_FEATURES = {
    (text, alternate): (_FEATURES.HasDisplay if text else _FEATURES.None_)
    | (_FEATURES.Alternate if alternate else _FEATURES.None_)
    for text in (False, True)
    for alternate in (False, True)
}
_DEFAULT_ALIGNMENT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_TEXT = QPalette.ColorRole.Text


class OrderCellDelegate(QStyledItemDelegate):
    """Styles the cells of an :class:`OrderListModel` in the order list's table.

    The table must not wrap text (``setWordWrap(False)``) and must keep its rows in the model's
    order: the features a cell gets from the table (only "alternate row", on odd rows when
    the table alternates row colours) are then known without asking for them.
    """

    def __init__(self, model: OrderListModel, table: QTableView) -> None:
        super().__init__(table)
        self._cell_style = model.cell_style
        self._table = table

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        # What QStyledItemDelegate.initStyleOption sets for the roles the model answers; the
        # roles it does not (font, check state, background) keep the table's defaults, and so
        # does a left-aligned cell's alignment (the table's default).
        row = index.row()
        text, alignment, brush, icon = self._cell_style(row, index.column())
        option.index = index
        option.features = _TEXT_FEATURES[
            bool(text), bool(row & 1) and self._table.alternatingRowColors()
        ]
        if text:
            option.text = text
        if alignment is not _DEFAULT_ALIGNMENT:
            option.displayAlignment = alignment
        if brush is not None:
            palette = option.palette  # a copy: set the brush on it, then give it back
            palette.setBrush(_TEXT, brush)
            option.palette = palette
        if icon is not None:
            option.features |= _FEATURES.HasDecoration
            option.icon = icon
            option.decorationSize = option.decorationSize.boundedTo(
                icon.actualSize(option.decorationSize)
            )
