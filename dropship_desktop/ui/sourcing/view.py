"""The sourcing view (货源): suppliers, the seller's products, each product's offers, and the
comparison that picks the right source.

Every write runs as a service call on the DB worker; refusals (a supplier still in use) are shown
in the view's message bar, never half-applied.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QItemSelectionModel,
    QLocale,
    Qt,
    Slot,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...context import AppContext
from ...errors import UserError
from ...services import sourcing as sourcing_service
from ...services.base import Changes
from ...services.suppliers import delete_supplier
from ...store.sourcing_queries import list_offers, list_products, list_suppliers
from ..formatting import format_money, user_error_text
from ..models.rows import RowColumn, RowsModel
from ..tasks import DbWorker, without_context
from ..view_base import View
from ..widgets.filter_bar import FilterBar
from ..widgets.message_bar import MessageBar
from .columns import (
    OFFER_COLUMNS,
    PRODUCT_COLUMNS,
    SUPPLIER_COLUMNS,
    make_button,
    make_icon_button,
    make_table,
)
from .comparison import ComparisonPanel
from .import_dialog import ImportDialog
from .offer_dialog import OfferDialog
from .product_dialog import ProductDialog, completeness_summary
from .supplier_dialog import SupplierDialog

__all__ = ["SourcingView"]

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_CENTER = Qt.AlignmentFlag.AlignCenter
CTX = "SourcingView"


def _load_product(ctx: AppContext, product_id: int) -> tuple[list[tuple[Any, ...]], Any]:
    return list_offers(product_id), sourcing_service.load_comparison(product_id)


def _export_language() -> str:
    return "zh" if QLocale().language() == QLocale.Language.Chinese else "en"


class SourcingView(View):
    """Suppliers, products and offers, and the ranked comparison of one product's offers."""

    watches = frozenset({"supplier", "product", "offer", "offer_price_tier"})
    icon_name = "sourcing"

    def __init__(self, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(worker, parent)
        self.setObjectName("SourcingView")
        self.dialog: QDialog | None = None
        self._product_id: int | None = None
        self._want_product: int | None = None
        self._preferred_offer_id: int | None = None
        self.message_bar = MessageBar(self)

        self.suppliers = RowsModel(SUPPLIER_COLUMNS, CTX, self)
        self.products = RowsModel(PRODUCT_COLUMNS, CTX, self)
        self.offers = RowsModel(
            (
                RowColumn(0, QT_TRANSLATE_NOOP("SourcingView", "Preferred"), self._star, _CENTER),
                *OFFER_COLUMNS,
            ),
            CTX,
            self,
        )
        self.supplier_table, self.supplier_proxy = make_table(self.suppliers, "supplierTable")
        self.product_table, self.product_proxy = make_table(self.products, "productTable")
        self.offer_table, self.offer_proxy = make_table(self.offers, "offerTable")
        self.comparison = ComparisonPanel()

        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_suppliers_page(), "")
        self.tabs.addTab(self._build_products_page(), "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.tabs)

        self.product_table.selectionModel().currentRowChanged.connect(self._product_selected)
        self.offer_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.supplier_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.comparison.table.selectionModel().currentRowChanged.connect(self._comparison_selected)
        self.supplier_table.activated.connect(self.edit_supplier)
        self.product_table.activated.connect(self.edit_product)
        self.offer_table.activated.connect(self.edit_offer)
        for table, slot in (
            (self.supplier_table, self.delete_supplier),
            (self.product_table, self.delete_product),
            (self.offer_table, self.delete_offer),
        ):
            shortcut = QShortcut(QKeySequence.StandardKey.Delete, table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
        self._retranslate()
        self._update_buttons()

    # -- construction -------------------------------------------------------------------------

    def _build_suppliers_page(self) -> QWidget:
        self.new_supplier_button = make_button(self.tr("New supplier…"), "add", self.new_supplier)
        self.edit_supplier_button = make_icon_button(self.tr("Edit…"), "edit", self.edit_supplier)
        self.delete_supplier_button = make_icon_button(
            self.tr("Delete"), "delete", self.delete_supplier
        )
        self.export_suppliers_button = make_button(
            self.tr("Export…"), "export", self._ask_export_suppliers
        )
        self.supplier_filter = FilterBar(self.supplier_proxy)
        bar = QHBoxLayout()
        for button in (
            self.new_supplier_button,
            self.edit_supplier_button,
            self.delete_supplier_button,
            self.export_suppliers_button,
        ):
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.supplier_filter, 1)
        hint = QLabel(
            self.tr(
                "1688 platform suppliers: stable supply, assured quality, trusted; pricier, "
                "slower, higher minimums. Channel distributors: cheaper, faster, small minimums; "
                "unstable supply, counterfeit risk, less trustworthy."
            )
        )
        hint.setWordWrap(True)
        hint.setObjectName("hint")
        page = QWidget()
        column = QVBoxLayout(page)
        column.addLayout(bar)
        column.addWidget(self.supplier_table, 1)
        column.addWidget(hint)
        return page

    def _build_products_page(self) -> QWidget:
        self.new_product_button = make_button(self.tr("New product…"), "add", self.new_product)
        self.edit_product_button = make_icon_button(self.tr("Edit…"), "edit", self.edit_product)
        self.delete_product_button = make_icon_button(
            self.tr("Delete"), "delete", self.delete_product
        )
        self.import_button = make_button(self.tr("Import…"), "import", self.import_products)
        self.export_offers_button = make_button(
            self.tr("Export…"), "export", self._ask_export_offers
        )
        self.product_filter = FilterBar(self.product_proxy)
        product_buttons = QHBoxLayout()
        for button in (
            self.new_product_button,
            self.edit_product_button,
            self.delete_product_button,
        ):
            product_buttons.addWidget(button)
        product_buttons.addStretch(1)
        file_buttons = QHBoxLayout()
        file_buttons.addWidget(self.import_button)
        file_buttons.addWidget(self.export_offers_button)
        file_buttons.addStretch(1)
        self.completeness = QLabel()
        self.completeness.setObjectName("productCompleteness")
        self.completeness.setWordWrap(True)
        product_box = QGroupBox(self.tr("Products"))
        product_column = QVBoxLayout(product_box)
        product_column.setContentsMargins(6, 6, 6, 6)
        product_column.addLayout(product_buttons)
        product_column.addWidget(self.product_filter)
        product_column.addWidget(self.product_table, 1)
        product_column.addWidget(self.completeness)
        product_column.addLayout(file_buttons)

        self.new_offer_button = make_button(self.tr("New offer…"), "add", self.new_offer)
        self.edit_offer_button = make_icon_button(self.tr("Edit…"), "edit", self.edit_offer)
        self.delete_offer_button = make_icon_button(self.tr("Delete"), "delete", self.delete_offer)
        self.preferred_button = make_button(self.tr("Preferred"), "star", self.toggle_preferred)
        self.preferred_button.setCheckable(True)
        self.offer_filter = FilterBar(self.offer_proxy)
        offer_buttons = QHBoxLayout()
        for button in (
            self.new_offer_button,
            self.edit_offer_button,
            self.delete_offer_button,
            self.preferred_button,
        ):
            offer_buttons.addWidget(button)
        offer_buttons.addStretch(1)
        self.offer_box = QGroupBox(self.tr("Offers"))
        offer_column = QVBoxLayout(self.offer_box)
        offer_column.setContentsMargins(6, 6, 6, 6)
        offer_column.addLayout(offer_buttons)
        offer_column.addWidget(self.offer_filter)
        offer_column.addWidget(self.offer_table, 1)
        comparison_box = QGroupBox(self.tr("Comparison"))
        comparison_column = QVBoxLayout(comparison_box)
        comparison_column.setContentsMargins(6, 6, 6, 6)
        comparison_column.addWidget(self.comparison)

        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.offer_box)
        right.addWidget(comparison_box)
        right.setStretchFactor(0, 2)
        right.setStretchFactor(1, 3)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.setObjectName("productsSplitter")
        split.addWidget(product_box)
        split.addWidget(right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 5)
        split.setSizes([380, 1000])
        return split

    def title(self) -> str:
        return self.tr("Sourcing")

    def _retranslate(self) -> None:
        self.tabs.setTabText(0, self.tr("Suppliers"))
        self.tabs.setTabText(1, self.tr("Products and offers"))

    # -- loading ------------------------------------------------------------------------------

    def refresh(self) -> None:
        self.worker.submit(without_context(list_suppliers), on_result=self._suppliers_loaded)
        self.worker.submit(without_context(list_products), on_result=self._products_loaded)

    @Slot(object)
    def _suppliers_loaded(self, rows: list[tuple[Any, ...]]) -> None:
        selected = self.selected_id(self.supplier_table)
        self.suppliers.set_rows(rows)
        self.supplier_table.resizeColumnsToContents()
        self._select_id(self.supplier_table, self.suppliers, selected)
        self._update_buttons()

    @Slot(object)
    def _products_loaded(self, rows: list[tuple[Any, ...]]) -> None:
        want = self._want_product or self._product_id
        self._want_product = None
        extended = [
            (*row, completeness_summary(row[1], row[2] or "", row[3], row[6], row[7])[0])
            for row in rows
        ]
        self.products.set_rows(extended)
        self.product_table.resizeColumnToContents(1)
        self.product_table.setColumnWidth(0, 200)
        if not self._select_id(self.product_table, self.products, want) and rows:
            self.product_table.selectRow(0)
        if not rows:
            self._show_product(None)

    def _select_id(self, table: QTableView, model: RowsModel, row_id: int | None) -> bool:
        if row_id is None:
            return False
        source_row = model.row_of_id(row_id)
        if source_row < 0:
            return False
        proxy = table.model()
        index = proxy.mapFromSource(model.index(source_row, 0))  # type: ignore[attr-defined]
        if not index.isValid():
            return False
        table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        table.scrollTo(index)
        return True

    def selected_id(self, table: QTableView) -> int | None:
        """The id of the current row of ``table`` (a table of this view), or ``None``."""
        index = table.currentIndex()
        if not index.isValid() or not table.selectionModel().isRowSelected(
            index.row(), index.parent()
        ):
            return None
        source = table.model().mapToSource(index)  # type: ignore[attr-defined]
        row = source.model().row_tuple(source.row())
        return None if row is None else int(row[0])

    def _row(self, model: RowsModel, row_id: int | None) -> tuple[Any, ...] | None:
        return None if row_id is None else model.row_tuple(model.row_of_id(row_id))

    @Slot()
    def _product_selected(self) -> None:
        product_id = self.selected_id(self.product_table)
        if product_id is None:
            index = self.product_table.currentIndex()
            if index.isValid():
                source = self.product_proxy.mapToSource(index)
                row = self.products.row_tuple(source.row())
                product_id = None if row is None else int(row[0])
        self._show_product(product_id)

    def _show_product(self, product_id: int | None) -> None:
        self._product_id = product_id
        row = self._row(self.products, product_id)
        self._show_completeness(row)
        if product_id is None:
            self._preferred_offer_id = None
            self.offers.set_rows([])
            self.comparison.set_comparison(None)
            self._update_buttons()
            return
        self.worker.submit(
            _load_product,
            product_id,
            on_result=self._product_loaded,
            on_error=self._show_error,
            key="sourcing-product",
        )

    @Slot(object)
    def _product_loaded(self, result: tuple[list[tuple[Any, ...]], Any]) -> None:
        offers, comparison = result
        if comparison.product_id != self._product_id:
            return
        selected = self.selected_id(self.offer_table)
        self._preferred_offer_id = comparison.preferred_offer_id
        self.offers.set_rows(offers)
        self.offer_table.resizeColumnsToContents()
        self._select_id(self.offer_table, self.offers, selected)
        self.comparison.set_comparison(comparison)
        self.offer_box.setTitle(self.tr("Offers for “{}”").format(comparison.title))
        self._update_buttons()

    def _show_completeness(self, row: tuple[Any, ...] | None) -> None:
        if row is None:
            self.completeness.setText("")
            return
        score, hints = completeness_summary(row[1], row[2] or "", row[3], row[6], row[7])
        if hints:
            self.completeness.setText(
                self.tr("Listing {}% complete. To improve:").format(round(score * 100))
                + "<ul style='margin-left:-20px'>"
                + "".join(f"<li>{hint}</li>" for hint in hints)
                + "</ul>"
            )
        else:
            self.completeness.setText(self.tr("Listing complete."))

    def _star(self, offer_id: Any) -> str:
        return "★" if offer_id == self._preferred_offer_id else ""

    @Slot()
    def _update_buttons(self) -> None:
        has_supplier = self.selected_id(self.supplier_table) is not None
        self.edit_supplier_button.setEnabled(has_supplier)
        self.delete_supplier_button.setEnabled(has_supplier)
        has_product = self._product_id is not None
        self.edit_product_button.setEnabled(has_product)
        self.delete_product_button.setEnabled(has_product)
        self.new_offer_button.setEnabled(has_product)
        offer_id = self.selected_id(self.offer_table)
        has_offer = offer_id is not None
        self.edit_offer_button.setEnabled(has_offer)
        self.delete_offer_button.setEnabled(has_offer)
        self.preferred_button.setEnabled(has_offer)
        is_preferred = has_offer and offer_id == self._preferred_offer_id
        self.preferred_button.setChecked(is_preferred)
        self.preferred_button.setToolTip(
            self.tr("Clear the preferred offer")
            if is_preferred
            else self.tr("Use this offer when supplier orders are created for the product")
        )

    @Slot()
    def _comparison_selected(self) -> None:
        index = self.comparison.table.currentIndex()
        if not index.isValid():
            return
        ranked = self.comparison.model.ranked(self.comparison.proxy.mapToSource(index).row())
        if ranked is not None:
            self._select_id(self.offer_table, self.offers, ranked.offer_id)

    # -- running service calls ----------------------------------------------------------------

    def _run(self, fn: Any, *args: Any, on_done: Any = None) -> None:
        self.message_bar.hide()
        self.worker.submit(without_context(fn), *args, on_result=on_done, on_error=self._show_error)

    @Slot(object)
    def _show_error(self, error: BaseException) -> None:
        if isinstance(error, UserError):
            self.message_bar.show_message(user_error_text(error))
        else:
            sys.excepthook(type(error), error, error.__traceback__)

    def _confirm(self, text: str) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Sourcing"),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _open(self, dialog: QDialog, after: Any = None) -> None:
        self.dialog = dialog

        def finished(result: int) -> None:
            if result == QDialog.DialogCode.Accepted and after is not None:
                after(dialog)
            if self.dialog is dialog:
                self.dialog = None
            dialog.deleteLater()

        dialog.finished.connect(finished)
        dialog.open()

    # -- suppliers ----------------------------------------------------------------------------

    @Slot()
    def new_supplier(self) -> None:
        """Open the form for a new supplier."""
        self._open(SupplierDialog(self.worker, None, self))

    @Slot()
    def edit_supplier(self) -> None:
        """Open the form for the selected supplier."""
        row = self._row(self.suppliers, self.selected_id(self.supplier_table))
        if row is not None:
            self._open(SupplierDialog(self.worker, row, self))

    @Slot()
    def delete_supplier(self) -> None:
        """Delete the selected supplier, unless offers or orders use it (then say why)."""
        row = self._row(self.suppliers, self.selected_id(self.supplier_table))
        if row is None:
            return
        if self._confirm(self.tr("Delete the supplier “{}”?").format(row[2])):
            self._run(delete_supplier, row[0])

    # -- products -----------------------------------------------------------------------------

    @Slot()
    def new_product(self) -> None:
        """Open the form for a new product."""
        self._open(ProductDialog(self.worker, None, self), self._select_created_product)

    def _select_created_product(self, dialog: Any) -> None:
        changes: Changes | None = dialog.changes
        if changes is not None and changes.created_id is not None:
            self._want_product = changes.created_id

    @Slot()
    def edit_product(self) -> None:
        """Open the form for the selected product."""
        row = self._row(self.products, self._product_id)
        if row is not None:
            self._open(ProductDialog(self.worker, row[:8], self))

    @Slot()
    def delete_product(self) -> None:
        """Delete the selected product and its offers (refused while orders refer to it)."""
        row = self._row(self.products, self._product_id)
        if row is None:
            return
        if self._confirm(
            self.tr("Delete the product “{}” and its {} offer(s)?").format(row[1], row[4])
        ):
            self._run(sourcing_service.delete_product, row[0])

    # -- offers -------------------------------------------------------------------------------

    def _supplier_choices(self) -> list[tuple[int, str, str]]:
        rows = (self.suppliers.row_tuple(i) for i in range(self.suppliers.rowCount()))
        return [(r[0], r[2], r[1]) for r in rows if r is not None]

    @Slot()
    def new_offer(self) -> None:
        """Open the form for a new offer of the selected product."""
        product = self._row(self.products, self._product_id)
        if product is None:
            return
        self._open(
            OfferDialog(
                self.worker, product[0], product[3] or None, self._supplier_choices(), None, self
            )
        )

    @Slot()
    def edit_offer(self) -> None:
        """Open the form for the selected offer."""
        product = self._row(self.products, self._product_id)
        row = self._row(self.offers, self.selected_id(self.offer_table))
        if product is None or row is None:
            return
        self._open(
            OfferDialog(
                self.worker, product[0], product[3] or None, self._supplier_choices(), row, self
            )
        )

    @Slot()
    def delete_offer(self) -> None:
        """Delete the selected offer (refused while supplier orders used it)."""
        row = self._row(self.offers, self.selected_id(self.offer_table))
        if row is None:
            return
        if self._confirm(
            self.tr("Delete the offer of “{}” at {}?").format(row[1], format_money(row[3]))
        ):
            self._run(sourcing_service.delete_offer, row[0])

    @Slot()
    def toggle_preferred(self) -> None:
        """Make the selected offer the preferred one, or clear it if it already is."""
        offer_id = self.selected_id(self.offer_table)
        if offer_id is None or self._product_id is None:
            return
        target = None if offer_id == self._preferred_offer_id else offer_id
        # The button shows the stored state until the change comes back from the database.
        self.preferred_button.setChecked(offer_id == self._preferred_offer_id)
        self._run(sourcing_service.set_preferred_offer, self._product_id, target)

    # -- import and export --------------------------------------------------------------------

    @Slot()
    def import_products(self) -> None:
        """Ask for a products-and-offers file and import it (through the preview dialog)."""
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Import products and offers"),
            "",
            self.tr("Spreadsheets (*.csv *.xlsx *.xls);;All files (*)"),
        )
        if path:
            self.import_file(path)

    def import_file(self, path: str | Path) -> None:
        """Open the import preview for ``path``."""
        self._open(ImportDialog(self.worker, path, self))

    def _ask_save(self, title: str, name: str) -> str:
        path, _filter = QFileDialog.getSaveFileName(
            self,
            title,
            name,
            self.tr("Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)"),
        )
        if path and not path.lower().endswith((".xlsx", ".csv")):
            path += ".xlsx"
        return path

    @Slot()
    def _ask_export_suppliers(self) -> None:
        path = self._ask_save(self.tr("Export suppliers"), self.tr("suppliers") + ".xlsx")
        if path:
            self.export_suppliers_to(path)

    @Slot()
    def _ask_export_offers(self) -> None:
        path = self._ask_save(self.tr("Export offers"), self.tr("offers") + ".xlsx")
        if path:
            self.export_offers_to(path)

    def export_suppliers_to(self, path: str | Path) -> None:
        """Write the supplier list to ``path`` (.xlsx or .csv) on the worker."""
        self._run(
            sourcing_service.export_suppliers,
            path,
            _export_language(),
            on_done=lambda n: self._exported(n, path),
        )

    def export_offers_to(self, path: str | Path) -> None:
        """Write every product and offer to ``path`` (.xlsx or .csv) on the worker."""
        self._run(
            sourcing_service.export_offers,
            path,
            _export_language(),
            on_done=lambda n: self._exported(n, path),
        )

    def _exported(self, count: int, path: str | Path) -> None:
        self.message_bar.show_message(
            self.tr("Exported {} rows to {}.").format(count, Path(path)), "info"
        )
