""" "Copy rows" of the order list: what the seller sees, and a word that it was done.

The list shows buyer names masked. When the seller revealed an order's buyer data (an audited
act, shown in the detail pane), copying that order's row copies the full name, phone and address
the seller is looking at; other rows stay masked.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow

from ..widgets.table_copy import selected_rows_tsv

if TYPE_CHECKING:
    from .view import OrdersView

__all__ = ["copy_order_rows"]

#: How long the status bar says what was copied (ms).
FEEDBACK_MS = 4000


def copy_order_rows(view: OrdersView) -> str:
    """Copy the selected rows of *view*'s list as TSV and say so in the status bar.

    Returns:
        The status-bar message ("" when nothing was selected).
    """
    from ..models.order_list import COLUMNS

    model = view.model
    revealed = view.detail.revealed
    cell: Callable[[int, int, str], str] | None = None
    extra: Sequence[tuple[str, Callable[[int], str]]] = ()
    rows = sorted({i.row() for i in view.table.selectionModel().selectedIndexes()})
    with_data = revealed is not None and any(
        model.order_id(r) == revealed.sales_order_id for r in rows
    )
    if with_data and revealed is not None:
        buyer = [c.key for c in COLUMNS].index("buyer_name")

        def mine(row: int) -> bool:
            return model.order_id(row) == revealed.sales_order_id

        def cell(row: int, column: int, text: str) -> str:
            return revealed.buyer_name if column == buyer and mine(row) else text

        extra = (
            (
                QCoreApplication.translate("OrdersView", "Phone"),
                lambda row: revealed.buyer_phone if mine(row) else "",
            ),
            (
                QCoreApplication.translate("OrdersView", "Address"),
                lambda row: revealed.ship_address if mine(row) else "",
            ),
        )
    text = selected_rows_tsv(view.table, cell=cell, extra=extra)
    if not text:
        return ""
    QGuiApplication.clipboard().setText(text)
    count = len(rows)
    if with_data:
        message = QCoreApplication.translate(
            "OrdersView",
            "Copied %n row(s), with the buyer data you revealed; paste them into Excel or WPS.",
            "",
            count,
        )
    else:
        message = QCoreApplication.translate(
            "OrdersView", "Copied %n row(s); paste them into Excel or WPS.", "", count
        )
    window = view.window()
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(message, FEEDBACK_MS)
    return message
