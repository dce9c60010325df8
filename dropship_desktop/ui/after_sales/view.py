"""The after-sales view (售后): the queue of cases by deadline, overdue first in red, with the
selected case's two sides, contacts, replies and timeline beside it.

The first page of the queue is one indexed query (see ``store/after_sales_queries``); more rows
come by page as the list scrolls. Every step opens a small dialog whose service runs on the DB
worker; the keyboard reaches all of it (see :meth:`AfterSalesView._build_actions`).
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from PySide6.QtCore import QCoreApplication, QPoint, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...context import AppContext
from ...domain.after_sales import BuyerState, CaseKind, SupplierState, buyer_next_states
from ...domain.risk import RULES
from ...domain.timeutil import now_epoch
from ...services import after_sales_supplier as supplier_svc
from ...services import risk as risk_service
from ...services.base import Changes
from ...store.after_sales_queries import (
    CaseDetail,
    CaseFilter,
    case_detail,
    filter_choices,
    money_totals,
    queue_count,
    queue_page,
    templates,
)
from ..formatting import changes_text, enum_label, format_money, translated
from ..network import NetworkWorker
from ..tasks import DbWorker, without_context
from ..view_base import View, icon, with_shortcut
from ..widgets.column_widths import datetime_width, order_number_width
from ..widgets.tables import read_only_table
from .detail import CaseDetailPane
from .dialogs import (
    AmountsDialog,
    BuyerStepDialog,
    ContactDialog,
    SupplierStepDialog,
)
from .on_1688 import Actions1688
from .queue_model import PAGE_SIZE, QueueModel
from .settings_dialogs import DeadlinesDialog, TemplatesDialog

__all__ = ["AfterSalesView"]

PAGE_KEY = "after-sales-page"
SUMMARY_KEY = "after-sales-summary"
MORE_KEY = "after-sales-more"
DETAIL_KEY = "after-sales-detail"


def confirm_refund_to_blacklisted(parent: QWidget, order: risk_service.HighRiskOrder) -> bool:
    """Ask before recording a refund to a buyer on a blacklist; True to refund anyway."""
    box = QMessageBox(parent)
    box.setObjectName("blacklistedRefundWarning")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("AfterSalesView", "Blacklisted buyer"))
    box.setText(
        QCoreApplication.translate(
            "AfterSalesView",
            "The buyer of order {number} is on a blacklist. Refund this buyer anyway?",
        ).format(number=order.shop_order_no)
    )
    box.setInformativeText(
        QCoreApplication.translate("AfterSalesView", "Fraud checks that fired: {rules}").format(
            rules=", ".join(translated(RULES[r].title) for r in order.rules if r in RULES)
        )
    )
    go = box.addButton(
        QCoreApplication.translate("AfterSalesView", "Refund anyway"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    stop = box.addButton(
        QCoreApplication.translate("AfterSalesView", "Do not refund"),
        QMessageBox.ButtonRole.RejectRole,
    )
    box.setDefaultButton(stop)
    box.exec()
    return box.clickedButton() is go


def _load_queue(ctx: AppContext, flt: CaseFilter, now: int) -> dict[str, Any]:
    """The first page and the count: what the seller waits for (one indexed walk each)."""
    return {"rows": queue_page(flt, now, 0, PAGE_SIZE), "count": queue_count(flt, now), "now": now}


def _load_summary(ctx: AppContext, flt: CaseFilter, now: int) -> dict[str, Any]:
    """The money totals and the filter choices, read after the page is shown (they scan)."""
    return {"totals": money_totals(flt, now), "choices": filter_choices()}


def _load_detail(
    ctx: AppContext, case_id: int
) -> tuple[CaseDetail | None, list[tuple[int, str, str, str]]]:
    return case_detail(case_id), templates()


class AfterSalesView(Actions1688, View):
    """The 售后 queue and the case detail."""

    watches = frozenset(
        {"after_sales_case", "after_sales_template", "after_sales_deadline", "sales_order"}
    )
    #: The dashboard's to-do cards open this view by this key (``ui/dashboard/navigation``).
    todo_key = "after_sales"
    icon_name = "after-sales"

    def __init__(self, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(worker, parent)
        self.setObjectName("AfterSalesView")
        self.filter = CaseFilter()
        self._keep_id: int | None = None
        #: Made on the first call to 1688 over the network (check / withdraw an application).
        self._network: NetworkWorker | None = None
        self.model = QueueModel(self._fetch_more, self)

        # -- filters
        self.search = QLineEdit()
        self.search.setObjectName("caseSearch")
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(200)
        self._debounce.timeout.connect(self._filters_changed)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("kindFilter")
        self.state_combo = QComboBox()
        self.state_combo.setObjectName("stateFilter")
        self.shop_combo = QComboBox()
        self.shop_combo.setObjectName("shopFilter")
        self.supplier_combo = QComboBox()
        self.supplier_combo.setObjectName("supplierFilter")
        self.overdue_check = QCheckBox()
        self.overdue_check.setObjectName("overdueFilter")
        for combo in (self.kind_combo, self.state_combo, self.shop_combo, self.supplier_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.currentIndexChanged.connect(self._filters_changed)
        self.overdue_check.toggled.connect(self._filters_changed)
        self.count_label = QLabel()
        self.count_label.setObjectName("caseCount")

        # -- the queue
        self.table = read_only_table(self.model, "caseTable")
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        for column, width in ((0, 160), (2, 120), (3, 110), (4, 180), (5, 170), (6, 160)):
            self.table.setColumnWidth(column, width)
        self.table.setColumnWidth(1, order_number_width(self.table))
        self.table.setColumnWidth(12, datetime_width(self.table))
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._detail_timer.start())
        self.totals_label = QLabel()
        self.totals_label.setObjectName("caseTotals")

        # -- the detail
        self.detail = CaseDetailPane()
        self.detail.registry = worker.ctx.connectors
        self.detail.buyer_step.connect(self.buyer_step)
        self.detail.supplier_step.connect(self.supplier_step)
        self.detail.resolve_pending.connect(self.resolve_pending)
        self.detail.check_on_1688.connect(self.check_on_1688)
        self.detail.withdraw_on_1688.connect(self.withdraw_on_1688)
        self.detail.contact_requested.connect(self.log_contact)
        self.detail.amounts_requested.connect(self.edit_amounts)
        self.detail.templates_requested.connect(self.edit_templates)
        self.detail.reply_copied.connect(
            lambda _t: self._status(self.tr("Reply copied to the clipboard."))
        )
        self._detail_timer = QTimer(self)
        self._detail_timer.setSingleShot(True)
        self._detail_timer.setInterval(60)
        self._detail_timer.timeout.connect(self._load_detail)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.detail)
        scroll.setMinimumWidth(380)

        self._build_actions()
        toolbar = QHBoxLayout()
        toolbar.setContentsMargins(0, 0, 0, 0)
        toolbar.addWidget(self.search, 1)
        toolbar.addWidget(self.count_label)
        self.toolbar_buttons: list[QToolButton] = []
        for action in (
            self.import_action,
            self.export_action,
            self.templates_action,
            self.deadlines_action,
        ):
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            toolbar.addWidget(button)
            self.toolbar_buttons.append(button)
        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        self.filter_labels: list[QLabel] = []
        for combo in (self.kind_combo, self.state_combo, self.shop_combo, self.supplier_combo):
            caption = QLabel()
            caption.setBuddy(combo)
            self.filter_labels.append(caption)
            filters.addWidget(caption)
            filters.addWidget(combo)
        filters.addWidget(self.overdue_check)
        filters.addStretch(1)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.totals_label)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("afterSalesSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(scroll)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setCollapsible(0, False)
        self.splitter.setSizes([700, 460])

        layout = QVBoxLayout(self)
        layout.addLayout(toolbar)
        layout.addLayout(filters)
        layout.addWidget(self.splitter, 1)
        chain: list[QWidget] = [self.search, *self.toolbar_buttons]
        chain += [self.kind_combo, self.state_combo, self.shop_combo, self.supplier_combo]
        chain += [self.overdue_check, self.table]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

        self._clock = QTimer(self)
        self._clock.setInterval(60_000)
        self._clock.timeout.connect(self._tick)
        self._clock.start()
        self._retranslate()
        self._fill_static_filters()

    # -- construction -------------------------------------------------------------------------

    def _build_actions(self) -> None:
        def action(name: str, shortcut: str, slot: Any, icon_name: str = "") -> QAction:
            act = QAction(icon(icon_name), "", self) if icon_name else QAction(self)
            act.setObjectName(name)
            if shortcut:
                act.setShortcut(QKeySequence(shortcut))
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.triggered.connect(slot)
            self.addAction(act)
            return act

        self.search_action = action("focusCaseSearch", "Ctrl+F", self.focus_search)
        self.next_buyer_action = action("nextBuyerStep", "Ctrl+Return", self.next_buyer_step)
        self.next_supplier_action = action(
            "nextSupplierStep", "Ctrl+Shift+Return", self.next_supplier_step
        )
        self.contact_action = action("logContactAction", "Ctrl+L", self.log_contact)
        self.copy_reply_action = action(
            "copyReplyAction", "Ctrl+Shift+C", self.detail.copy_reply, "copy"
        )
        self.import_action = action("importCasesAction", "Ctrl+I", self.import_cases, "import")
        self.export_action = action("exportCasesAction", "Ctrl+E", self.export_cases, "export")
        self.templates_action = action("templatesAction", "Ctrl+T", self.edit_templates, "edit")
        self.deadlines_action = action("deadlinesAction", "", self.edit_deadlines, "due-soon")

    def title(self) -> str:
        return self.tr("After-sales")

    def _retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Order number…"))
        self.overdue_check.setText(self.tr("&Overdue only"))
        for caption, text in zip(
            self.filter_labels,
            (self.tr("&Kind"), self.tr("&State"), self.tr("S&hop"), self.tr("Su&pplier")),
            strict=True,
        ):
            caption.setText(text)
        self.import_action.setText(self.tr("Import…"))
        self.import_action.setToolTip(
            with_shortcut(self.tr("Import the platform's after-sales export"), "Ctrl+I")
        )
        self.export_action.setText(self.tr("Export…"))
        self.export_action.setToolTip(with_shortcut(self.tr("Export every case"), "Ctrl+E"))
        self.templates_action.setText(self.tr("Templates…"))
        self.templates_action.setToolTip(
            with_shortcut(self.tr("Edit the reply templates"), "Ctrl+T")
        )
        self.deadlines_action.setText(self.tr("Response windows…"))
        self.deadlines_action.setToolTip(
            self.tr("Hours each platform gives you to answer, per kind")
        )
        self.next_buyer_action.setText(self.tr("Next buyer step"))
        self.next_supplier_action.setText(self.tr("Next supplier step"))
        self.contact_action.setText(self.tr("Log contact…"))
        self.copy_reply_action.setText(self.tr("Copy reply"))

    def _fill_static_filters(self) -> None:
        self.kind_combo.blockSignals(True)
        self.kind_combo.addItem(self.tr("All kinds"), "")
        for kind in CaseKind:
            self.kind_combo.addItem(enum_label(kind), kind.value)
        self.kind_combo.blockSignals(False)
        self.state_combo.blockSignals(True)
        self.state_combo.addItem(self.tr("Open"), "open")
        self.state_combo.addItem(self.tr("Finished"), "closed")
        self.state_combo.addItem(self.tr("All"), "all")
        for state in BuyerState:
            self.state_combo.addItem(self.tr("Buyer: {}").format(enum_label(state)), state.value)
        self.state_combo.blockSignals(False)
        for combo, text in (
            (self.shop_combo, self.tr("All shops")),
            (self.supplier_combo, self.tr("All suppliers")),
        ):
            combo.blockSignals(True)
            combo.addItem(text, None)
            combo.blockSignals(False)

    def _set_choices(self, choices: dict[str, list[tuple[Any, ...]]]) -> None:
        for combo, key in ((self.shop_combo, "shops"), (self.supplier_combo, "suppliers")):
            current = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for item_id, name in choices[key]:
                combo.addItem(name, item_id)
            index = combo.findData(current)
            combo.setCurrentIndex(index if index >= 0 else 0)
            combo.blockSignals(False)

    # -- loading ------------------------------------------------------------------------------

    def current_filter(self) -> CaseFilter:
        return CaseFilter(
            status=str(self.state_combo.currentData() or "open"),
            kind=str(self.kind_combo.currentData() or ""),
            shop_id=self.shop_combo.currentData(),
            supplier_id=self.supplier_combo.currentData(),
            overdue=self.overdue_check.isChecked(),
            order_no=self.search.text().strip(),
        )

    @Slot()
    def _filters_changed(self) -> None:
        self.refresh()

    def show_todo(self, target: Any) -> None:
        """Opened from the dashboard's card: the open cases (only the overdue ones for its
        second figure), every other filter cleared."""
        widgets = (self.kind_combo, self.state_combo, self.shop_combo, self.supplier_combo)
        for widget in (*widgets, self.overdue_check, self.search):
            widget.blockSignals(True)
        try:
            for combo in widgets:
                combo.setCurrentIndex(0)
            self.state_combo.setCurrentIndex(max(0, self.state_combo.findData("open")))
            self.overdue_check.setChecked(getattr(target, "quick", "") == "overdue")
            self.search.clear()
        finally:
            for widget in (*widgets, self.overdue_check, self.search):
                widget.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        self.filter = self.current_filter()
        if self._keep_id is None:
            self._keep_id = self.detail.case_id()
        # A new filter supersedes the old one's later pages and totals (they would delay it).
        self.worker.cancel(MORE_KEY)
        self.worker.cancel(SUMMARY_KEY)
        self.worker.submit(
            _load_queue, self.filter, now_epoch(), on_result=self._show_queue, key=PAGE_KEY,
            owner=self,
        )  # fmt: skip

    def _show_queue(self, result: dict[str, Any]) -> None:
        keep = self._keep_id
        self._keep_id = None
        self.model.set_rows(result["rows"], result["count"], result["now"])
        self.detail.now = result["now"]
        overdue = sum(1 for i in range(self.model.rowCount()) if self.model.is_overdue(i))
        self.count_label.setText(
            self.tr("{count} case(s)").format(count=result["count"])
            + (" · " + self.tr("{n} overdue on this page").format(n=overdue) if overdue else "")
        )
        row = self.model.row_of_id(keep) if keep is not None else -1
        if row < 0 and self.model.rowCount():
            row = 0
        if row >= 0:
            self.table.selectRow(row)
            self.table.setCurrentIndex(self.model.index(row, 0))
            self._load_detail()
        else:
            self.detail.show_detail(None)
        self.worker.submit(
            _load_summary, self.filter, result["now"], on_result=self._show_summary,
            key=SUMMARY_KEY, owner=self,
        )  # fmt: skip

    def _show_summary(self, result: dict[str, Any]) -> None:
        self._set_choices(result["choices"])
        cases, refunded, recovered, loss = result["totals"]
        self.totals_label.setText(
            self.tr(
                "{cases} case(s): refunded to buyers {refunded} · recovered from suppliers "
                "{recovered} · net loss {loss}"
            ).format(
                cases=cases,
                refunded=format_money(refunded),
                recovered=format_money(recovered),
                loss=format_money(loss),
            )
        )

    def _fetch_more(self, offset: int) -> None:
        flt, now = self.filter, self.model.now
        self.worker.submit(
            without_context(queue_page), flt, now, offset, PAGE_SIZE, on_result=self.model.append_rows,
            key=MORE_KEY, owner=self,
        )  # fmt: skip

    def current_case_id(self) -> int | None:
        index = self.table.currentIndex()
        row = self.model.row_tuple(index.row()) if index.isValid() else None
        return int(row[0]) if row else None

    @Slot()
    def _load_detail(self) -> None:
        case_id = self.current_case_id()
        if case_id is None:
            self.detail.show_detail(None)
            return
        self.worker.submit(
            _load_detail, case_id, on_result=self._show_detail, key=DETAIL_KEY, owner=self
        )

    def _show_detail(
        self, result: tuple[CaseDetail | None, list[tuple[int, str, str, str]]]
    ) -> None:
        detail, rows = result
        self.detail.set_templates(rows)
        self.detail.show_detail(detail, self.model.now or now_epoch())

    @Slot()
    def _tick(self) -> None:
        self.model.tick(now_epoch())

    def select_case(self, case_id: int) -> None:
        """Show *case_id* (after opening it from an order): all open cases, the case selected."""
        self._keep_id = case_id
        self.refresh()

    # -- actions ------------------------------------------------------------------------------

    def _case(self) -> dict[str, Any] | None:
        detail = self.detail.detail
        if detail is None or detail.case["id"] != self.current_case_id():
            return None
        return detail.case

    def _open(self, dialog: Any) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.done_changes.connect(self._changed)
        dialog.open()

    def _changed(self, changes: Changes) -> None:
        # The worker already told every view (DbWorker.changed); the status bar says what.
        if changes.message:
            self._status(changes_text(changes))

    def _status(self, text: str) -> None:
        window = self.window()
        bar = getattr(window, "statusBar", None)
        if callable(bar):
            bar().showMessage(text, 5000)

    @Slot(str)
    def buyer_step(self, target: str) -> None:
        case = self._case()
        if case is None:
            return
        state = BuyerState(target)
        if state is not BuyerState.REFUNDED:
            self._open(BuyerStepDialog(self.worker, case, state, self))
            return

        # Fraud checks (#18): a refund to a blacklisted buyer is asked about first.
        def checked(found: list[risk_service.HighRiskOrder]) -> None:
            if not found or confirm_refund_to_blacklisted(self, found[0]):
                self._open(BuyerStepDialog(self.worker, case, state, self))

        self.worker.submit(
            without_context(risk_service.blacklisted_buyer_orders),
            [int(case["sales_order_id"])],
            on_result=checked,
            owner=self,
        )

    @Slot(str)
    def supplier_step(self, target: str) -> None:
        case = self._case()
        if case is None:
            return
        connector = self._connector_of(case)
        self._open(SupplierStepDialog(self.worker, case, SupplierState(target), connector, self))

    @Slot()
    def next_buyer_step(self) -> None:
        case = self._case()
        if case is None:
            return
        steps = buyer_next_states(CaseKind(case["kind"]), BuyerState(case["buyer_state"]))
        if steps:
            self.buyer_step(steps[0].value)

    @Slot()
    def next_supplier_step(self) -> None:
        case = self._case()
        if case is None or case["supplier_pending"]:
            return
        from ...domain.after_sales import supplier_next_states

        steps = supplier_next_states(CaseKind(case["kind"]), SupplierState(case["supplier_state"]))
        if steps:
            self.supplier_step(steps[0].value)

    @Slot(bool)
    def resolve_pending(self, done: bool) -> None:
        case_id = self.current_case_id()
        if case_id is not None:
            self.worker.submit(
                without_context(supplier_svc.resolve_pending),
                case_id,
                done,
                on_result=self._changed,
                owner=self,
            )

    @Slot()
    def log_contact(self) -> None:
        case_id = self.current_case_id()
        if case_id is not None:
            self._open(ContactDialog(self.worker, case_id, self))

    @Slot()
    def edit_amounts(self) -> None:
        case = self._case()
        if case is not None:
            self._open(AmountsDialog(self.worker, case, self))

    @Slot()
    def edit_templates(self) -> None:
        dialog = TemplatesDialog(self.worker, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.changed.connect(self._changed)
        dialog.open()

    @Slot()
    def edit_deadlines(self) -> None:
        dialog = DeadlinesDialog(self.worker, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.changed.connect(self._changed)
        dialog.open()

    @Slot()
    def import_cases(self) -> None:
        from .import_dialog import AfterSalesImportDialog

        dialog = AfterSalesImportDialog(self.worker, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.imported.connect(self._changed)
        dialog.open()

    @Slot()
    def export_cases(self) -> None:
        from .import_dialog import export_cases

        export_cases(self, self.worker)

    @Slot()
    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    @Slot(QPoint)
    def _context_menu(self, pos: QPoint) -> None:
        case = self._case()
        menu = QMenu(self)
        if case is not None:
            kind, buyer = CaseKind(case["kind"]), BuyerState(case["buyer_state"])
            from .detail import buyer_step_text

            for target in buyer_next_states(kind, buyer):
                act = menu.addAction(buyer_step_text(kind, target))
                act.triggered.connect(lambda _=False, t=target.value: self.buyer_step(t))
            menu.addSeparator()
        menu.addAction(self.contact_action)
        menu.addAction(self.copy_reply_action)
        menu.addSeparator()
        menu.addAction(self.export_action)
        menu.exec(self.table.viewport().mapToGlobal(pos))
