"""The order list view (订单管理)."""

from __future__ import annotations

from array import array
from dataclasses import replace

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...store.order_queries import OrderFilter, order_ids
from ..models.order_list import COLUMNS, OrderListModel
from ..tasks import DbWorker
from ..view_base import View

__all__ = ["OrdersView"]

SEARCH_KEY = "orders-search"


class OrdersView(View):
    """Every sales order with its supplier side; search and sort run in SQL off the UI thread."""

    watches = frozenset({"sales_order", "supplier_order", "shop", "cancellation_request"})
    icon_name = "orders"

    def __init__(self, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(worker, parent)
        self.setObjectName("OrdersView")
        self.filter = OrderFilter()
        self.model = OrderListModel(self)

        self.search = QLineEdit()
        self.search.setObjectName("orderSearch")
        self.search.setClearButtonEnabled(True)
        self.count_label = QLabel()
        self.count_label.setObjectName("orderCount")
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(200)
        self._debounce.timeout.connect(self._apply_search)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.search.returnPressed.connect(self._apply_search)

        self.table = QTableView()
        self.table.setObjectName("orderTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSortingEnabled(False)  # sorting is done in SQL through the header click
        header = self.table.horizontalHeader()
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        header.setSortIndicator(
            [c.key for c in COLUMNS].index("created_at"), Qt.SortOrder.DescendingOrder
        )
        header.sortIndicatorChanged.connect(self._sort_changed)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        vertical = self.table.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # fixed row height: cheap
        vertical.setDefaultSectionSize(24)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self._retranslate()

    def title(self) -> str:
        return self.tr("Orders")

    def _retranslate(self) -> None:
        self.search.setPlaceholderText(
            self.tr("Search order no., buyer name, phone tail, product or address")
        )

    # -- loading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        self.count_label.setText(self.tr("Loading…"))
        self.worker.submit(order_ids, self.filter, on_result=self._show_ids, key=SEARCH_KEY)

    @Slot(object)
    def _show_ids(self, ids: array) -> None:
        self.model.set_ids(ids)
        self.count_label.setText(self.tr("%n order(s)", "", len(ids)))

    @Slot()
    def _apply_search(self) -> None:
        text = self.search.text().strip()
        if text != self.filter.text:
            self.filter = replace(self.filter, text=text)
            self.refresh()

    @Slot(int, Qt.SortOrder)
    def _sort_changed(self, section: int, order: Qt.SortOrder) -> None:
        self.filter = replace(
            self.filter,
            sort_key=COLUMNS[section].key,
            descending=order == Qt.SortOrder.DescendingOrder,
        )
        self.refresh()
