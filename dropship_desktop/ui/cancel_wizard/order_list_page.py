"""Step 2 of the cancel wizard: the chosen account's orders, to pick from (and open on 1688)."""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from ...connectors.capabilities import OpensPages
from ...context import AppContext
from ...domain.cancel_flow import (
    CancelStep,
)
from ...services.cancellation import FlowData, load_flow_data
from ...store.order_queries import OrderFilter, first_page, order_ids, supplier_order_ids_of
from ..models.order_list import COLUMNS, PAGE_SIZE, OrderListModel
from ..tasks import without_context
from ..widgets.column_widths import datetime_width, order_number_width
from ..widgets.tables import read_only_table
from .step_page import (
    _NO_MATCH,
    ACTIONABLE_1688_STATUSES,
    CHOSEN_KEY,
    LIST_IDS_KEY,
    LIST_PAGE_KEY,
    StepPage,
    wrap_label,
)

if TYPE_CHECKING:
    from .context import WizardContext

__all__ = ["OrderListPage"]

# --------------------------------------------------------------------------------------------
# Step 2: the account's orders
# --------------------------------------------------------------------------------------------

_HIDDEN_LIST_COLUMNS = (
    "paid_at",
    "buyer_name",
    "quantity",
    "cost_fen",
    "dropship_fee_fen",
    "profit_fen",
    "carrier",
    "tracking_no",
    "ship_by",
)


class OrderListPage(StepPage):
    """Step 2: the account's orders in the order view's list model, with its filters and search.

    Orders selected here are added to the selection of step 3 (their supplier orders).
    """

    def __init__(self, context: WizardContext) -> None:
        super().__init__(CancelStep.ORDER_LIST, context)
        from ..orders.filters import QUICK_UNMATCHED, OrderFilterBar

        self._loaded_for: int | None = None
        self._loading = False
        self._resolving = False
        self._generation = 0
        self._chosen: list[int] = []
        self.filter = OrderFilter()
        self.model = OrderListModel(self)
        self.search = QLineEdit()
        self.search.setObjectName("wizardSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            self.tr("Search order no., buyer name, phone tail, product or address")
        )
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(200)
        self._debounce.timeout.connect(self._apply_search)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.count_label = QLabel()
        self.filters = OrderFilterBar()
        # Supplier orders without a shop order have their own table in the order view; here
        # every row is a shop order.
        unmatched = self.filters.quick_combo.findData(QUICK_UNMATCHED)
        if unmatched >= 0:
            self.filters.quick_combo.removeItem(unmatched)
        self.filters.changed.connect(self._filters_changed)
        # Most of an account's orders are shipped or done: by default only those 1688 still lets
        # the seller cancel (unpaid, or paid and not shipped) are listed.
        self.actionable_check = QCheckBox(self.tr("&Only orders that can still be cancelled"))
        self.actionable_check.setObjectName("actionableOnly")
        self.actionable_check.setToolTip(
            self.tr(
                "1688 orders awaiting payment or not shipped yet. Clear it to see all the "
                "account's orders."
            )
        )
        self.actionable_check.setChecked(True)
        self.actionable_check.toggled.connect(self._filters_changed)
        self.open_list_button = QPushButton(self.tr("Open the order list on &1688"))
        self.open_list_button.setObjectName("openOrderList")
        self.open_list_button.clicked.connect(self.open_order_list)
        self.open_order_button = QPushButton(self.tr("Open the &selected order on 1688"))
        self.open_order_button.setObjectName("openSelectedOrder")
        self.open_order_button.clicked.connect(self.open_selected_order)

        self.table = read_only_table(self.model, "wizardOrderTable")
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        keys = [c.key for c in COLUMNS]
        for key in _HIDDEN_LIST_COLUMNS:
            self.table.setColumnHidden(keys.index(key), True)
        for key, width in (
            ("shop", 110),
            ("shop_order_no", order_number_width(self.table)),
            ("created_at", datetime_width(self.table)),
            ("product_summary", 180),
            ("supplier_order_no", order_number_width(self.table)),
        ):
            self.table.setColumnWidth(keys.index(key), width)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self._resolve_timer = QTimer(self)
        self._resolve_timer.setSingleShot(True)
        self._resolve_timer.setInterval(150)
        self._resolve_timer.timeout.connect(self._resolve_selection)
        self.chosen_label = wrap_label()
        self.chosen_label.setObjectName("chosenLabel")

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.actionable_check)
        top.addWidget(self.count_label)
        browser = QHBoxLayout()
        browser.addWidget(self.open_list_button)
        browser.addWidget(self.open_order_button)
        browser.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(
            wrap_label(
                self.tr(
                    "The account's orders. Search and filter to find the ones to cancel and "
                    "select them (Shift/Ctrl with the arrow keys or the mouse); you can also "
                    "pick them on the next page."
                )
            )
        )
        layout.addLayout(top)
        layout.addWidget(self.filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(browser)
        layout.addWidget(self.chosen_label)
        layout.addWidget(self.problems_label)

    def busy(self) -> bool:
        return self._loading or self._resolving

    def initializePage(self) -> None:
        account = self.flow.account
        manual = self.cw.connector is not None and self.cw.connector.needs_manual_confirmation
        self.open_list_button.setVisible(manual)
        self.open_order_button.setVisible(manual)
        if account is None:
            return
        if self._loaded_for != account.id:
            self._loaded_for = account.id
            self._chosen = []
            self.filter = self._actionable(
                replace(self.filters.apply_to(self.filter), account_ids=(account.id,))
            )
            self.refresh_list()
            self._loading = True
            self.cw.worker.submit(
                load_flow_data,
                account_id=account.id,
                supplier_order_ids=self.flow.preselected,
                now=self.flow.clock(),
                on_result=self._flow_data,
                on_error=self.cw.show_error,
            )
        self._show_chosen()
        self.flow_changed()
        self.focus_later(self.table)

    def _flow_data(self, data: FlowData) -> None:
        self._loading = False
        self.flow.set_candidates(data.candidates, data.shop_stats)
        self._show_chosen()
        self.flow_changed()

    # -- the list --------------------------------------------------------------------------

    def refresh_list(self) -> None:
        self._generation += 1
        generation = self._generation
        self.count_label.setText(self.tr("Searching…"))
        self.cw.worker.cancel(LIST_IDS_KEY)
        self.cw.worker.submit(
            without_context(first_page),
            self.filter,
            PAGE_SIZE,
            on_result=lambda ids: self._first_page(generation, ids),
            key=LIST_PAGE_KEY,
            owner=self,
        )
        self.cw.worker.submit(
            without_context(order_ids),
            self.filter,
            on_result=lambda ids: self._all_ids(generation, ids),
            key=LIST_IDS_KEY,
            owner=self,
        )

    def _first_page(self, generation: int, ids: array) -> None:
        if generation == self._generation and len(ids) >= self.model.rowCount():
            self.model.set_ids(ids)

    def _all_ids(self, generation: int, ids: array) -> None:
        if generation != self._generation:
            return
        if not self.model.extend_ids(ids):
            self.model.set_ids(ids)
        self.count_label.setText(self.tr("%n order(s)", "", len(ids)))

    @Slot()
    def _apply_search(self) -> None:
        text = self.search.text().strip()
        if text != self.filter.text:
            self.filter = replace(self.filter, text=text)
            self.refresh_list()

    @Slot()
    def _filters_changed(self) -> None:
        account_ids = self.filter.account_ids
        self.filter = self._actionable(
            replace(self.filters.apply_to(self.filter), account_ids=account_ids)
        )
        self.refresh_list()

    def _actionable(self, flt: OrderFilter) -> OrderFilter:
        """*flt* limited to orders 1688 still lets the seller cancel, when the box is ticked."""
        if not self.actionable_check.isChecked():
            return flt
        chosen = set(flt.supplier_statuses) or set(ACTIONABLE_1688_STATUSES)
        statuses = tuple(s for s in ACTIONABLE_1688_STATUSES if s in chosen)
        # An empty tuple means "any": a status the bar chose that is not actionable lists none.
        return replace(flt, supplier_statuses=statuses or (_NO_MATCH,))

    def selected_sales_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [i for i in (self.model.order_id(r) for r in rows) if i is not None]

    @Slot()
    def _selection_changed(self) -> None:
        self._resolving = True
        self._resolve_timer.start()
        self.flow_changed()

    @Slot()
    def _resolve_selection(self) -> None:
        sales_ids = self.selected_sales_ids()
        account = self.flow.account
        if not sales_ids or account is None:
            self._chosen_resolved([])
            return
        self.cw.worker.submit(
            _load_chosen,
            sales_ids,
            account.id,
            set(self.flow.candidates),
            self.flow.clock(),
            on_result=self._chosen_loaded,
            on_error=self.cw.show_error,
            key=CHOSEN_KEY,
        )

    def _chosen_loaded(self, result: tuple[list[int], FlowData | None]) -> None:
        ids, data = result
        if data is not None and data.candidates:
            merged = {**self.flow.candidates}
            merged.update({c.supplier_order_id: c for c in data.candidates})
            stats = {**self.flow.shop_stats, **data.shop_stats}
            self.flow.set_candidates(merged.values(), stats)
        self._chosen_resolved(ids)

    def _chosen_resolved(self, ids: list[int]) -> None:
        self._resolving = False
        self._chosen = ids
        self._show_chosen()
        self.flow_changed()

    def _show_chosen(self) -> None:
        if self._chosen:
            self.chosen_label.setText(
                self.tr(
                    "%n supplier order(s) of the selected orders will be selected.",
                    "",
                    len(self._chosen),
                )
            )
        elif self.flow.preselected:
            self.chosen_label.setText(
                self.tr(
                    "%n order(s) chosen in the order list are already selected.",
                    "",
                    len(self.flow.preselected),
                )
            )
        else:
            self.chosen_label.setText("")

    def before_next(self) -> None:
        if self._chosen:
            self.flow.select(self._chosen)

    # -- 1688 in the browser -----------------------------------------------------------------

    @Slot()
    def open_order_list(self) -> None:
        connector = self.cw.connector
        if isinstance(connector, OpensPages):
            connector.open_order_list()

    @Slot()
    def open_selected_order(self) -> None:
        connector = self.cw.connector
        index = self.table.currentIndex()
        if not isinstance(connector, OpensPages) or not index.isValid():
            return
        column = [c.key for c in COLUMNS].index("supplier_order_no")
        number = str(self.model.index(index.row(), column).data() or "").strip()
        if number.isdigit():
            connector.open_order(number)
        else:
            self.chosen_label.setText(self.tr("This order has no 1688 order id to open."))


def _load_chosen(
    ctx: AppContext, sales_ids: Sequence[int], account_id: int, known_ids: set[int], now: Any
) -> tuple[list[int], FlowData | None]:
    """On the worker: the supplier orders of the chosen sales orders, and the missing candidates."""
    ids = supplier_order_ids_of(sales_ids, account_id)
    missing = [i for i in ids if i not in known_ids]
    data = load_flow_data(ctx, supplier_order_ids=missing, now=now) if missing else None
    return ids, data
