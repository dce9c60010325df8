"""The order list view (订单管理): every sales order with its supplier side, at a million orders.

Loading goes in two steps on the DB worker: the first page (one ``LIMIT`` query) is shown at once,
then the full ordered id list arrives and extends the model (that also gives the count). Every new
keystroke, filter or sort supersedes the jobs of the previous one (``key=``: cancelled and
sqlite3-interrupted).
"""

from __future__ import annotations

from array import array
from dataclasses import replace
from itertools import pairwise
from typing import Any

from PySide6.QtCore import (
    QByteArray,
    QPoint,
    Qt,
    QTimer,
    Slot,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...services.base import Changes
from ...services.orders import BuyerData, reveal_buyer_data
from ...store.order_queries import (
    OrderDetail,
    OrderFilter,
    filter_choices,
    order_detail,
    unmatched_supplier_orders,
)
from ..after_sales.open_case import after_sales_action, open_after_sales_case
from ..models.order_delegate import OrderCellDelegate
from ..models.order_list import (
    COLUMNS,
    PAGE_SIZE,
    SORTABLE,
    DisplayRow,
    OrderListModel,
)
from ..tasks import DbWorker, without_context
from ..view_base import View, icon, with_shortcut
from ..widgets.steady_label import fix_label_size
from ..widgets.table_copy import install_copy_shortcut
from .columns import (
    DEFAULT_COLUMN_ORDER,
    HEADER_KEY,
    MIN_PRODUCT_WIDTH,
    OrderColumnsMixin,
)
from .detail import OrderDetailPane
from .filters import QUICK_UNMATCHED, OrderFilterBar
from .loading import AllIds, FirstScreen, all_ids, first_screen
from .risk import install_risk_actions
from .start_page import StartPage, connect_start_page, show_start_page_if_empty
from .table import OrderTable
from .unmatched import UnmatchedOrdersMixin, build_unmatched_page

__all__ = [
    "DEFAULT_COLUMN_ORDER",
    "EXPORT_SHORTCUT",
    "HEADER_KEY",
    "IMPORT_SHORTCUT",
    "MIN_PRODUCT_WIDTH",
    "OrdersView",
]

#: Shortcuts of the File menu's import and export actions (shown in this view's tooltips).
IMPORT_SHORTCUT = "Ctrl+I"
EXPORT_SHORTCUT = "Ctrl+E"

PAGE_KEY = "orders-page"
IDS_KEY = "orders-ids"
DETAIL_KEY = "orders-detail"
UNMATCHED_KEY = "orders-unmatched"
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter

_DETAIL_WIDTH = 300
#: Quick views listed by urgency (overdue first) when chosen.
URGENT_QUICK_VIEWS = frozenset({"attention", "due"})


class OrdersView(OrderColumnsMixin, UnmatchedOrdersMixin, View):
    """Every sales order with its supplier side; search, filters and sort run in SQL off the UI
    thread; the detail of the current order is shown beside the list."""

    watches = frozenset(
        {"sales_order", "supplier_order", "shop", "supplier", "cancellation_request"}
    )
    icon_name = "orders"

    def __init__(self, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(worker, parent)
        self.setObjectName("OrdersView")
        self.filter = OrderFilter()
        self.model = OrderListModel(self)
        self._generation = 0
        self._complete = False
        self._keep_id: int | None = None
        #: Whether data changed since the detail pane was loaded (else the same order is not
        #: loaded again when a sort or search keeps it current).
        self._detail_dirty = False
        self._quick = ""

        # -- search and filters
        self.search = QLineEdit()
        self.search.setObjectName("orderSearch")
        self.search.setClearButtonEnabled(True)
        self.count_label = QLabel()
        self.count_label.setObjectName("orderCount")
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(150)
        self._debounce.timeout.connect(self._apply_search)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.search.returnPressed.connect(self._apply_search)
        self.filters = OrderFilterBar()
        self.filters.changed.connect(self._filters_changed)

        # -- actions (their shortcuts work while the Orders view is shown)
        # Ctrl+C itself is the table's own shortcut (install_copy_shortcut); the action shows it.
        self.copy_action = QAction(icon("copy"), "", self)
        self.copy_action.setObjectName("copyRowsAction")
        self.copy_action.setEnabled(False)
        self.copy_action.triggered.connect(self.copy_selected)
        self.import_action = QAction(icon("import"), "", self)
        self.import_action.setObjectName("importOrdersAction")
        # Ctrl+I and Ctrl+E belong to the File menu's actions (they work from every view).
        self.import_action.triggered.connect(self.import_orders)
        self.export_action = QAction(icon("export"), "", self)
        self.export_action.setObjectName("exportOrdersAction")
        self.export_action.triggered.connect(self.export_orders)
        self.link_action = QAction(icon("link"), "", self)
        self.link_action.triggered.connect(self.link_selected)
        self.link_action.setEnabled(False)
        # The cancel wizard with the selected orders' supplier orders pre-selected (issue #5).
        # Delete opens it too: nothing is sent before its last step.
        self.cancel_action = QAction(icon("cancel-order"), "", self)
        self.cancel_action.setObjectName("cancelOrderAction")
        self.cancel_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.cancel_action.triggered.connect(self.cancel_selected)
        self.search_action = QAction(self)
        self.search_action.setObjectName("focusSearchAction")
        self.search_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
        self.search_action.triggered.connect(self.focus_search)
        for action in (
            self.import_action,
            self.export_action,
            self.cancel_action,
            self.search_action,
        ):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        # Ctrl+F reaches the search from anywhere in the window while the list is shown.
        self.search_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        toolbar = QHBoxLayout()
        toolbar.setContentsMargins(0, 0, 0, 0)
        toolbar.addWidget(self.search, 1)
        toolbar.addWidget(self.count_label)
        self.toolbar_buttons: list[QToolButton] = []
        for action in (
            self.cancel_action,
            self.import_action,
            self.export_action,
            self.copy_action,
        ):
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # reachable with Tab
            button.setAutoRaise(False)
            toolbar.addWidget(button)
            self.toolbar_buttons.append(button)

        # -- the list
        self.table = OrderTable()
        self.table.setObjectName("orderTable")
        self.table.setModel(self.model)
        self.table.setItemDelegate(OrderCellDelegate(self.model, self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSortingEnabled(False)  # sorting is done in SQL through the header click
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        header = self.table.horizontalHeader()
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        self._sort_section = [c.key for c in COLUMNS].index("created_at")
        header.setSortIndicator(self._sort_section, Qt.SortOrder.DescendingOrder)
        header.sortIndicatorChanged.connect(self._sort_changed)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # The product column takes the slack (see _fit_product), not the last one.
        header.setStretchLastSection(False)
        header.setSectionsMovable(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        vertical = self.table.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # fixed row height: cheap
        vertical.setDefaultSectionSize(24)
        vertical.setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self._default_header_state = QByteArray()
        self.reset_columns()
        copy_shortcut = install_copy_shortcut(self.table)
        copy_shortcut.activated.disconnect()  # Ctrl+C copies what Copy rows copies, with feedback
        copy_shortcut.activated.connect(self.copy_selected)
        self._product_column = [c.key for c in COLUMNS].index("product_summary")
        header.sectionResized.connect(self._section_resized)
        header.sectionMoved.connect(lambda *_: self._fit_product())
        self.table.viewport().installEventFilter(self)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        # -- supplier orders awaiting a match
        unmatched_page = build_unmatched_page(self)

        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(unmatched_page)
        self.start_page = StartPage()
        self.list_stack.addWidget(self.start_page)  # index 2: no orders at all yet
        connect_start_page(self)

        # -- detail
        self.detail = OrderDetailPane()
        self.detail.reveal_requested.connect(self.reveal_buyer)
        self.after_sales_action = after_sales_action(self)  # issue #17: list menu + detail pane
        self.detail.after_sales_requested.connect(lambda i: open_after_sales_case(self, i))
        install_risk_actions(self)  # fraud checks: "checked, fine", blacklist the buyer
        self._detail_timer = QTimer(self)
        self._detail_timer.setSingleShot(True)
        self._detail_timer.setInterval(60)  # arrow-key scrolling does not load every order
        self._detail_timer.timeout.connect(self._load_detail)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("ordersSplitter")
        self.splitter.addWidget(self.list_stack)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)  # a wider window widens the list, not the detail
        self.splitter.setCollapsible(0, False)
        self.splitter.setSizes([1000, _DETAIL_WIDTH])

        layout = QVBoxLayout(self)
        layout.addLayout(toolbar)
        layout.addWidget(self.filters)
        layout.addWidget(self.splitter, 1)
        # Tab goes search → buttons → filters → list → detail, as the eye reads the view.
        chain: list[QWidget] = [self.search, *self.toolbar_buttons, *self.filters.tab_chain()]
        chain += [self.table, self.link_button, self.unmatched_table, *self.detail.tab_chain()]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        self._restore_layout()
        self._retranslate()

    def title(self) -> str:
        return self.tr("Orders")

    def _retranslate(self) -> None:
        self.search.setPlaceholderText(
            self.tr("Search order or tracking no. (any part), buyer, phone tail, product, address")
        )
        self.search.setToolTip(
            with_shortcut(
                self.tr(
                    "Search order or tracking no. (any part), buyer, phone tail, product, address"
                ),
                self.search_action.shortcut(),
            )
        )
        self.copy_action.setText(self.tr("Copy rows"))
        self.copy_action.setToolTip(
            with_shortcut(
                self.tr("Copy the selected rows as a table, to paste into Excel or WPS"),
                QKeySequence(QKeySequence.StandardKey.Copy),
            )
        )
        self.cancel_action.setText(self.tr("Cancel order…"))
        self.cancel_action.setToolTip(
            with_shortcut(
                self.tr("Cancel the selected orders on 1688 with the cancel wizard (取消订单)"),
                self.cancel_action.shortcut(),
            )
        )
        self.import_action.setText(self.tr("Import…"))
        self.import_action.setToolTip(
            with_shortcut(
                self.tr("Import orders from a shop or 1688 export"),
                IMPORT_SHORTCUT,
            )
        )
        self.export_action.setText(self.tr("Export…"))
        self.export_action.setToolTip(
            with_shortcut(
                self.tr("Export the orders of the current filter (or the selected ones)"),
                EXPORT_SHORTCUT,
            )
        )
        self.link_action.setText(self.tr("Link to order…"))
        self.link_button.setText(self.tr("Link to order…"))
        fix_label_size(
            self.count_label,
            (
                self.tr("Loading…"),
                self.tr("Searching…"),
                self.tr("Counting…"),
                self.tr("%n order(s)", "", 10_000_000),
            ),
        )
        self.unmatched_hint.setText(
            self.tr(
                "1688 orders that match no shop order. Select one and link it to the shop "
                "order it belongs to; the order's cost, profit and status are then recomputed."
            )
        )

    # -- loading ---------------------------------------------------------------------------

    def activate(self) -> None:
        first = not self._loaded
        super().activate()
        if first:
            self.worker.submit(without_context(filter_choices), on_result=self._set_choices)

    @Slot(object)
    def _set_choices(self, choices: dict[str, list[tuple[Any, ...]]]) -> None:
        self.filters.set_choices(choices["shops"], choices["suppliers"])

    def refresh(self) -> None:
        """Reload the list for the current filter (first page at once, then all ids)."""
        if self.filters.quick() == QUICK_UNMATCHED:
            self.list_stack.setCurrentIndex(1)
            self.detail.show_detail(None)
            self.detail.hide()  # these 1688 orders have no shop order to detail
            self.count_label.setText(self.tr("Loading…"))
            self.worker.submit(
                without_context(unmatched_supplier_orders),
                on_result=self._show_unmatched,
                key=UNMATCHED_KEY,
            )
            return
        if self.list_stack.currentIndex() == 1:
            self.list_stack.setCurrentIndex(0)
            self.detail.show()
            self._detail_timer.start()
        self._generation += 1
        self._complete = False
        generation = self._generation
        current = self.current_order_id()
        if current is not None:
            self._keep_id = current
        self.count_label.setText(self.tr("Searching…"))
        self.worker.cancel(IDS_KEY)
        flt = self.filter
        self.worker.submit(
            first_screen,
            flt,
            PAGE_SIZE,
            self._keep_id,
            on_result=lambda screen: self._show_first_page(generation, flt, screen),
            key=PAGE_KEY,
        )

    def _show_first_page(self, generation: int, flt: OrderFilter, screen: FirstScreen) -> None:
        if generation != self._generation or self._complete:
            return
        ids, rows, shown = screen.ids, screen.rows, screen.shown
        if screen.complete or len(ids) < PAGE_SIZE:  # a short page is the whole list too
            self._show_all_ids(generation, ids, rows, shown, screen.pages, screen.kept_row)
            return
        self.model.set_ids(ids, rows, shown)
        self._restore_current()
        self.count_label.setText(self.tr("Counting…"))
        # Paint the first screenful now, while the worker is idle, and only then ask for all the
        # ids: building them is partly Python work on the worker, which would compete with this
        # paint for the GIL and stretch it from ~25 to ~60 ms.
        self.table.doItemsLayout()  # now, not on the view's delayed-layout timer (a 2nd paint)
        self.table.viewport().repaint()
        keep = self._keep_id
        if keep is not None and keep in rows:
            keep = None  # on the first page: nothing to search for
        self.worker.submit(
            all_ids,
            flt,  # the filter this page was for, not whatever is set by now
            keep,
            on_result=lambda found: self._show_found(generation, found),
            key=IDS_KEY,
        )

    def _show_found(self, generation: int, found: AllIds) -> None:
        if generation != self._generation:
            return
        self._show_all_ids(generation, found.ids, pages=found.pages, kept_row=found.row)

    def _show_all_ids(
        self,
        generation: int,
        ids: array,
        rows: dict[int, Any] | None = None,
        shown: dict[int, DisplayRow] | None = None,
        pages: dict[int, tuple[list[Any], list[DisplayRow | None]]] | None = None,
        kept_row: int = -1,
    ) -> None:
        if generation != self._generation:
            return
        self._complete = True
        # Fresh rows (a short list, or every id at once) replace what is shown, even for the
        # same ids: a change (an import) must not leave the old rows cached.
        if rows is not None or not self.table.append_rows(lambda: self.model.extend_ids(ids)):
            self.model.set_ids(ids, rows, shown)
        if pages:
            self.model.add_pages(pages)
        if kept_row >= 0 and self._keep_id is not None:
            self.model.hint_row(self._keep_id, kept_row)
        self._restore_current()
        if not self.table.currentIndex().isValid():
            # No order (0 results): the pane must not go on showing one from an earlier search.
            self._detail_timer.stop()
            self.detail.show_detail(None)
        self._set_count(len(ids))
        self._keep_id = None
        show_start_page_if_empty(self)

    @Slot(object)
    def _show_unmatched(self, rows: list[tuple[Any, ...]]) -> None:
        if self.filters.quick() != QUICK_UNMATCHED:
            return
        self.unmatched_model.set_rows(rows)
        # Here, not in unmatched.py: lupdate reads a plural only from self.tr().
        text = self.tr("%n supplier order(s) awaiting a match", "", len(rows))
        label = self.count_label  # its size is fixed for the list's counts: elide, tip in full
        label.setText(
            label.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, label.width())
        )
        label.setToolTip(text)
        self.link_action.setEnabled(False)

    def _set_count(self, count: int) -> None:
        self.count_label.setText(self.tr("%n order(s)", "", count))
        self.count_label.setToolTip("")

    def _restore_current(self) -> None:
        """Keep the order the seller was looking at selected across reloads; with none, select
        the first, so the detail pane shows an order rather than staying empty."""
        first_column = self._first_column()
        # Already showing it (the full list extends the first page in place): nothing to do, and
        # no linear search through a million ids on the UI thread.
        if self._keep_id is not None and self.current_order_id() == self._keep_id:
            return
        # The kept order is not in the new list (once all of it is known): show the first.
        gone = self._complete and self._keep_id is not None and self.model.row_of(self._keep_id) < 0
        if self._keep_id is None or gone:
            if not self.table.currentIndex().isValid() and self.model.rowCount() > 0:
                self.table.selectionModel().setCurrentIndex(
                    self.model.index(0, first_column),
                    self.table.selectionModel().SelectionFlag.ClearAndSelect
                    | self.table.selectionModel().SelectionFlag.Rows,
                )
            return
        row = self.model.row_of(self._keep_id)
        if row >= 0:
            current = self.table.currentIndex()
            index = self.model.index(row, current.column() if current.isValid() else first_column)
            self.table.selectionModel().setCurrentIndex(
                index,
                self.table.selectionModel().SelectionFlag.ClearAndSelect
                | self.table.selectionModel().SelectionFlag.Rows,
            )
            self.table.scrollTo(index)

    def is_complete(self) -> bool:
        """Whether the full id list of the current filter has arrived."""
        return self._complete

    @Slot()
    def _apply_search(self) -> None:
        self._debounce.stop()
        text = self.search.text().strip()
        if text != self.filter.text:
            self.filter = replace(self.filter, text=text)
            self.refresh()

    @Slot()
    def _filters_changed(self) -> None:
        quick = self.filters.quick()
        self.filter = self.filters.apply_to(self.filter)
        if quick in URGENT_QUICK_VIEWS and quick != self._quick:
            # What needs doing, the most urgent first: overdue, then close to the deadline.
            self._set_sort("flags", descending=True)
        self._quick = quick
        self.refresh()

    def _set_sort(self, key: str, *, descending: bool) -> None:
        """Sort by *key* and show it in the header (without a second reload)."""
        self._sort_section = [c.key for c in COLUMNS].index(key)
        self.filter = replace(self.filter, sort_key=key, descending=descending)
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(
            self._sort_section,
            Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder,
        )
        header.blockSignals(False)
        header.viewport().update()

    @Slot(int, Qt.SortOrder)
    def _sort_changed(self, section: int, order: Qt.SortOrder) -> None:
        key = COLUMNS[section].key
        header = self.table.horizontalHeader()
        if key not in SORTABLE:
            # Not sortable (the masked buyer): put the indicator back.
            header.blockSignals(True)
            header.setSortIndicator(
                self._sort_section,
                Qt.SortOrder.DescendingOrder
                if self.filter.descending
                else Qt.SortOrder.AscendingOrder,
            )
            header.blockSignals(False)
            return
        self._sort_section = section
        self.filter = replace(
            self.filter, sort_key=key, descending=order == Qt.SortOrder.DescendingOrder
        )
        self.refresh()

    def on_changed(self, changes: Changes) -> None:
        if changes.tables & self.watches:
            self._detail_dirty = True  # the order shown may have changed too
        super().on_changed(changes)
        if changes.touches("shop", "supplier"):
            self.worker.submit(without_context(filter_choices), on_result=self._set_choices)

    # -- selection and detail ----------------------------------------------------------------

    def current_order_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.order_id(index.row()) if index.isValid() else None

    def selected_order_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [i for i in (self.model.order_id(r) for r in rows) if i is not None]

    @Slot()
    def _current_changed(self) -> None:
        self._detail_timer.start()

    @Slot()
    def _selection_changed(self) -> None:
        self.copy_action.setEnabled(self.table.selectionModel().hasSelection())

    @Slot()
    def _load_detail(self) -> None:
        order_id = self.current_order_id()
        if order_id is not None and order_id == self.detail.order_id() and not self._detail_dirty:
            return  # still the same order (a sort, a cleared search): no new pane to lay out
        self._detail_dirty = False
        if order_id is None:
            self.detail.show_detail(None)
            return
        self.worker.submit(
            without_context(order_detail), order_id, on_result=self._show_detail, key=DETAIL_KEY
        )

    @Slot(object)
    def _show_detail(self, detail: OrderDetail | None) -> None:
        if detail is None or detail.order["id"] == self.current_order_id():
            self.detail.show_detail(detail)

    @Slot(int)
    def reveal_buyer(self, order_id: int) -> None:
        """Show the full buyer data of *order_id* (recorded in the audit log)."""
        self.worker.submit(without_context(reveal_buyer_data), order_id, on_result=self._revealed)

    @Slot(object)
    def _revealed(self, data: BuyerData) -> None:
        self.detail.show_revealed(data)
        self._detail_dirty = True
        self._load_detail()  # the timeline now shows the reveal

    def shutdown(self) -> None:
        self.save_layout()
        super().shutdown()

    # -- actions ---------------------------------------------------------------------------

    @Slot()
    def focus_search(self) -> None:
        """Ctrl+F: to the search field, its text selected to type over."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    @Slot()
    def copy_selected(self) -> None:
        """Copy rows / Ctrl+C: the rows as the seller sees them, with a word that it was done."""
        from .copy_rows import copy_order_rows

        copy_order_rows(self)

    @Slot()
    def export_orders(self) -> None:
        from .export_dialog import run_export_dialog  # optional part, imported when used

        run_export_dialog(self, self.worker, self.filter, self.selected_order_ids())

    @Slot()
    def import_orders(self) -> None:
        from .import_dialog import run_import_dialog  # optional part, imported when used

        run_import_dialog(self, self.worker)

    @Slot()
    def cancel_selected(self) -> None:
        """Open the cancel wizard with the selected orders' supplier orders selected."""
        from ..cancel_wizard.wizard import start_cancel_wizard

        start_cancel_wizard(self, self.worker, sales_order_ids=self.selected_order_ids())

    @Slot(QPoint)
    def _context_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        menu.addAction(self.cancel_action)
        menu.addAction(self.after_sales_action)
        menu.addSeparator()
        menu.addAction(self.copy_action)
        menu.addAction(self.export_action)
        menu.exec(self.table.viewport().mapToGlobal(pos))
