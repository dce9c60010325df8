"""The order list's page of 1688 orders awaiting a match (quick view 待匹配): the table, and
linking one of them to the shop order it belongs to."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...services.orders import link_supplier_order
from ...store.order_queries import find_sales_orders
from ..formatting import format_datetime, format_money, sales_status_label, supplier_status_label
from ..models.rows import RowColumn, RowsModel
from ..tasks import without_context
from ..view_base import icon
from ..widgets.column_widths import datetime_width, order_number_width
from ..widgets.tables import read_only_table

if TYPE_CHECKING:
    from .view import OrdersView

__all__ = ["UNMATCHED_COLUMNS", "UnmatchedOrdersMixin", "build_unmatched_page"]

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter

UNMATCHED_COLUMNS = (
    RowColumn(1, QT_TRANSLATE_NOOP("OrdersView", "1688 order id")),
    RowColumn(2, QT_TRANSLATE_NOOP("OrdersView", "1688 status"), supplier_status_label),
    RowColumn(3, QT_TRANSLATE_NOOP("OrdersView", "Supplier")),
    RowColumn(4, QT_TRANSLATE_NOOP("OrdersView", "Product")),
    RowColumn(5, QT_TRANSLATE_NOOP("OrdersView", "Qty"), align=_RIGHT),
    RowColumn(6, QT_TRANSLATE_NOOP("OrdersView", "Paid"), format_money, _RIGHT),
    RowColumn(7, QT_TRANSLATE_NOOP("OrdersView", "Created"), format_datetime),
    RowColumn(8, QT_TRANSLATE_NOOP("OrdersView", "Recipient")),
)


def build_unmatched_page(view: OrdersView) -> QWidget:
    """The page: a hint, the link button and the table (set on *view* as ``unmatched_model``,
    ``unmatched_table``, ``unmatched_hint`` and ``link_button``)."""
    view.unmatched_model = RowsModel(UNMATCHED_COLUMNS, "OrdersView", view)
    view.unmatched_table = read_only_table(view.unmatched_model, "unmatchedTable")
    view.unmatched_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.unmatched_table.verticalHeader().setDefaultSectionSize(24)
    view.unmatched_table.setColumnWidth(0, order_number_width(view.unmatched_table))
    view.unmatched_table.setColumnWidth(3, 200)
    view.unmatched_table.setColumnWidth(6, datetime_width(view.unmatched_table))
    view.unmatched_table.doubleClicked.connect(lambda _i: view.link_selected())
    view.unmatched_table.selectionModel().selectionChanged.connect(
        lambda *_: view.link_action.setEnabled(view._selected_unmatched() is not None)
    )
    view.unmatched_hint = QLabel()
    view.unmatched_hint.setWordWrap(True)
    view.link_button = QPushButton()
    view.link_button.setObjectName("linkButton")
    view.link_button.setIcon(icon("link"))
    view.link_button.clicked.connect(view.link_selected)
    view.link_action.changed.connect(
        lambda: view.link_button.setEnabled(view.link_action.isEnabled())
    )
    view.link_button.setEnabled(False)
    unmatched_page = QWidget()
    unmatched_layout = QVBoxLayout(unmatched_page)
    unmatched_layout.setContentsMargins(0, 0, 0, 0)
    hint_row = QHBoxLayout()
    hint_row.addWidget(view.unmatched_hint, 1)
    hint_row.addWidget(view.link_button)
    unmatched_layout.addLayout(hint_row)
    unmatched_layout.addWidget(view.unmatched_table, 1)
    return unmatched_page


class UnmatchedOrdersMixin:
    """:class:`~.view.OrdersView`'s part for the supplier orders awaiting a match (its texts
    are in the view's translation context)."""

    def _selected_unmatched(self: OrdersView) -> tuple[Any, ...] | None:
        rows = self.unmatched_table.selectionModel().selectedRows()
        return self.unmatched_model.row_tuple(rows[0].row()) if rows else None

    @Slot()
    def link_selected(self: OrdersView) -> None:
        """Ask for the shop order number and link the selected supplier order to it."""
        row = self._selected_unmatched()
        if row is None:
            return
        number, ok = QInputDialog.getText(
            self,
            QCoreApplication.translate("OrdersView", "Link to order"),
            QCoreApplication.translate(
                "OrdersView", "Shop order no. that 1688 order {} belongs to:"
            ).format(row[1] or row[0]),
        )
        if ok and number.strip():
            self.worker.submit(
                without_context(find_sales_orders),
                number.strip(),
                on_result=lambda found: self._link_found(int(row[0]), number.strip(), found),
            )

    def _link_found(
        self: OrdersView, supplier_order_id: int, number: str, found: list[tuple[Any, ...]]
    ) -> None:
        if not found:
            QMessageBox.information(
                self,
                QCoreApplication.translate("OrdersView", "Link to order"),
                QCoreApplication.translate(
                    "OrdersView",
                    "No order has the shop order no. {}. Check the number, or import the shop's "
                    "orders first.",
                ).format(number),
            )
            return
        if len(found) == 1:
            target = found[0]
        else:
            labels = [
                f"{r[1]} · {sales_status_label(r[3])} · {format_datetime(r[4])}" for r in found
            ]
            choice, ok = QInputDialog.getItem(
                self,
                QCoreApplication.translate("OrdersView", "Link to order"),
                QCoreApplication.translate(
                    "OrdersView", "Several shops have an order {}; choose one:"
                ).format(number),
                labels,
                0,
                False,
            )
            if not ok:
                return
            target = found[labels.index(choice)]
        self.worker.submit(without_context(link_supplier_order), supplier_order_id, int(target[0]))
