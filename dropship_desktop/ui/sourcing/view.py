"""The sourcing view (货源): suppliers, the seller's products and each product's offers."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSortFilterProxyModel, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import Fulfilment, SupplierKind
from ...store.sourcing_queries import list_offers, list_products, list_suppliers
from ..formatting import enum_label, format_money
from ..models.rows import RowColumn, RowsModel
from ..tasks import DbWorker
from ..view_base import View

__all__ = ["SourcingView"]

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CTX = "SourcingView"


def _kind(value: Any) -> str:
    return enum_label(SupplierKind(value))


def _fulfilment(value: Any) -> str:
    return enum_label(Fulfilment(value))


def _percent(value: Any) -> str:
    return "" if value is None else f"{float(value) * 100:.0f}%"


def _yes_no(value: Any) -> str:
    return (
        QCoreApplication.translate(CTX, "Yes") if value else QCoreApplication.translate(CTX, "No")
    )


def _stock(value: Any) -> str:
    return QCoreApplication.translate(CTX, "Unknown") if value is None else str(value)


SUPPLIER_COLUMNS = (
    RowColumn(2, QT_TRANSLATE_NOOP("SourcingView", "Name")),
    RowColumn(1, QT_TRANSLATE_NOOP("SourcingView", "Kind"), _kind),
    RowColumn(3, QT_TRANSLATE_NOOP("SourcingView", "1688 member id")),
    RowColumn(4, QT_TRANSLATE_NOOP("SourcingView", "Location")),
    RowColumn(6, QT_TRANSLATE_NOOP("SourcingView", "Years on 1688"), align=_RIGHT),
    RowColumn(7, QT_TRANSLATE_NOOP("SourcingView", "Rating"), align=_RIGHT),
    RowColumn(8, QT_TRANSLATE_NOOP("SourcingView", "On-time rate"), _percent, _RIGHT),
    RowColumn(9, QT_TRANSLATE_NOOP("SourcingView", "Incidents"), align=_RIGHT),
    RowColumn(10, QT_TRANSLATE_NOOP("SourcingView", "Offers"), align=_RIGHT),
)
PRODUCT_COLUMNS = (
    RowColumn(1, QT_TRANSLATE_NOOP("SourcingView", "Title")),
    RowColumn(2, QT_TRANSLATE_NOOP("SourcingView", "SKU")),
    RowColumn(3, QT_TRANSLATE_NOOP("SourcingView", "Sale price"), format_money, _RIGHT),
    RowColumn(4, QT_TRANSLATE_NOOP("SourcingView", "Offers"), align=_RIGHT),
)
OFFER_COLUMNS = (
    RowColumn(1, QT_TRANSLATE_NOOP("SourcingView", "Supplier")),
    RowColumn(2, QT_TRANSLATE_NOOP("SourcingView", "Kind"), _kind),
    RowColumn(3, QT_TRANSLATE_NOOP("SourcingView", "Unit cost"), format_money, _RIGHT),
    RowColumn(4, QT_TRANSLATE_NOOP("SourcingView", "MOQ"), align=_RIGHT),
    RowColumn(5, QT_TRANSLATE_NOOP("SourcingView", "Lead time (days)"), align=_RIGHT),
    RowColumn(6, QT_TRANSLATE_NOOP("SourcingView", "Dropship"), _yes_no),
    RowColumn(7, QT_TRANSLATE_NOOP("SourcingView", "Dropship fee"), format_money, _RIGHT),
    RowColumn(8, QT_TRANSLATE_NOOP("SourcingView", "Fulfilment"), _fulfilment),
    RowColumn(9, QT_TRANSLATE_NOOP("SourcingView", "Shipping"), format_money, _RIGHT),
    RowColumn(10, QT_TRANSLATE_NOOP("SourcingView", "Stock"), _stock, _RIGHT),
    RowColumn(12, QT_TRANSLATE_NOOP("SourcingView", "Last checked")),
)


def _table(model: Any) -> QTableView:
    proxy = QSortFilterProxyModel(model)  # small tables: a proxy is fine here
    proxy.setSourceModel(model)
    proxy.setSortRole(Qt.ItemDataRole.UserRole)
    view = QTableView()
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setDefaultSectionSize(24)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class SourcingView(View):
    """Suppliers and, per product, its offers."""

    watches = frozenset({"supplier", "product", "offer", "offer_price_tier"})
    icon_name = "sourcing"

    def __init__(self, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(worker, parent)
        self.setObjectName("SourcingView")
        self.suppliers = RowsModel(SUPPLIER_COLUMNS, CTX, self)
        self.products = RowsModel(PRODUCT_COLUMNS, CTX, self)
        self.offers = RowsModel(OFFER_COLUMNS, CTX, self)
        self.supplier_table = _table(self.suppliers)
        self.product_table = _table(self.products)
        self.offer_table = _table(self.offers)
        self.product_table.selectionModel().currentRowChanged.connect(self._product_selected)

        products_page = QSplitter(Qt.Orientation.Vertical)
        products_page.addWidget(self.product_table)
        products_page.addWidget(self.offer_table)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.supplier_table, "")
        self.tabs.addTab(products_page, "")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self._retranslate()

    def title(self) -> str:
        return self.tr("Sourcing")

    def _retranslate(self) -> None:
        self.tabs.setTabText(0, self.tr("Suppliers"))
        self.tabs.setTabText(1, self.tr("Products and offers"))

    def refresh(self) -> None:
        self.worker.submit(list_suppliers, on_result=self.suppliers.set_rows)
        self.worker.submit(list_products, on_result=self._products_loaded)

    @Slot(object)
    def _products_loaded(self, rows: list[tuple[Any, ...]]) -> None:
        self.products.set_rows(rows)
        if rows:
            self.product_table.selectRow(0)

    @Slot()
    def _product_selected(self) -> None:
        index = self.product_table.currentIndex()
        if not index.isValid():
            self.offers.set_rows([])
            return
        source_row = self.product_table.model().mapToSource(index).row()
        product = self.products.row_tuple(source_row)
        if product is None:
            return
        self.worker.submit(list_offers, product[0], on_result=self.offers.set_rows)
