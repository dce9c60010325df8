"""Steps 1–5 of the cancel wizard. Pages only collect input and show what the flow says.

Every page reads its completeness from :meth:`CancelFlow.problems` and shows those problems under
its content; nothing here writes to the database (adding a distribution account is the one
write, and it is the seller's explicit action). Reads run on the DB worker.
"""

from __future__ import annotations

import sys
from array import array
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from ...connectors import connector_kinds
from ...connectors.base import ConnectorUnavailable
from ...connectors.defaults import default_refund_reasons
from ...domain.cancel_flow import (
    DESCRIPTION_MAX_CHARS,
    DESCRIPTION_MIN_CHARS,
    REMARK_MAX_CHARS,
    AccountRef,
    CancelStep,
    CloseReasonInput,
    OrderCandidate,
    Problem,
    RefundReason,
    RefundReasonInput,
    SignInResult,
)
from ...domain.enums import CancelAction, CancelReason, OrderStatus1688
from ...errors import UserError, ValidationError
from ...services.cancellation import FlowData, create_account, list_accounts, load_flow_data
from ...store.order_queries import OrderFilter, first_page, order_ids, supplier_order_ids_of
from ..formatting import (
    enum_label,
    format_money,
    supplier_status_label,
    translated,
    user_error_text,
)
from ..models.order_list import COLUMNS, PAGE_SIZE, OrderListModel
from ..widgets.column_widths import datetime_width, order_number_width, text_width
from ..widgets.tables import read_only_table
from .models import Cell, CellTableModel, Row
from .shop_side import ShopTodoBox
from .texts import (
    Status,
    advice_text,
    completeness_text,
    known,
    plan_status,
    problem_text,
    status_color,
    status_icon,
    step_title,
    translate,
)

if TYPE_CHECKING:
    from ...connectors.base import Connector
    from ...domain.cancel_flow import CancelFlow
    from .wizard import CancelWizard

__all__ = [
    "AccountDialog",
    "ConfirmPage",
    "OrderListPage",
    "ReasonPage",
    "SelectPage",
    "SignInPage",
    "StepPage",
    "connector_label",
]

#: 1688 statuses the wizard can act on (close unpaid, apply for the refund of unshipped).
ACTIONABLE_1688_STATUSES = (
    OrderStatus1688.WAIT_BUYER_PAY.value,
    OrderStatus1688.WAIT_SELLER_SEND.value,
)
_NO_MATCH = "-"  # a 1688 status no order has
#: "Select all" asks first when it would check more orders than this.
SELECT_ALL_CONFIRM_ABOVE = 5

LIST_PAGE_KEY = "cancel-wizard-page"
LIST_IDS_KEY = "cancel-wizard-ids"
CHOSEN_KEY = "cancel-wizard-chosen"


def connector_label(kind: str) -> str:
    """What a connector kind means, for the seller."""
    if kind == "manual":
        return translate(
            QT_TRANSLATE_NOOP(
                "CancelWizard", "Manual: you act on 1688 in the browser and confirm here"
            )
        )
    if kind == "fake":
        return translate(
            QT_TRANSLATE_NOOP(
                "CancelWizard", "Test connector: a simulated 1688 (no real orders change)"
            )
        )
    if kind == "open1688":
        return translate(
            QT_TRANSLATE_NOOP("CancelWizard", "1688 Open Platform: the app acts through the API")
        )
    return kind


def order_label(candidate: OrderCandidate | None, supplier_order_id: int) -> str:
    """How an order is named in messages: its 1688 id, else the shop order number."""
    if candidate is not None and candidate.order_id_1688:
        return candidate.order_id_1688
    if candidate is not None and candidate.sale is not None:
        return candidate.sale.shop_order_no
    return f"#{supplier_order_id}"


def _wrap_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


class StepPage(QWizardPage):
    """A page bound to one step of the flow: title from the seed, completeness from the flow."""

    def __init__(self, step: CancelStep, wizard: CancelWizard) -> None:
        super().__init__()
        self.step = step
        self.cw = wizard
        self.setObjectName(f"step{step.value}")
        # The seed's Chinese title as is; the step's name in the UI language under it.
        self.setTitle(f"{step.value}. {step.title_zh}")
        self.setSubTitle(
            self.tr("Step {n} of 6 · {name}").format(n=step.value, name=step_title(step))
        )
        self.problems_label = _wrap_label()
        self.problems_label.setObjectName("problems")
        self.problems_label.setTextFormat(Qt.TextFormat.PlainText)
        color = status_color(Status.FAILED)
        if color is not None:
            self.problems_label.setStyleSheet(f"color: {color.name()};")

    @property
    def flow(self) -> CancelFlow:
        return self.cw.flow

    def busy(self) -> bool:
        """Something the page waits for is loading (Next stays disabled meanwhile)."""
        return False

    def isComplete(self) -> bool:
        return not self.busy() and not self.flow.problems(self.step)

    def problem_texts(self) -> list[str]:
        """The flow's problems of this step in the UI language."""
        candidates = self.flow.candidates
        return [
            problem_text(p, order_label(candidates.get(p.supplier_order_id or -1), 0))
            if p.supplier_order_id is not None
            else problem_text(p)
            for p in self._problems()
        ]

    def _problems(self) -> list[Problem]:
        return self.flow.problems(self.step)

    def flow_changed(self) -> None:
        """Show the flow's current problems and let the wizard re-check Next."""
        texts = self.problem_texts() if not self.busy() else []
        self.problems_label.setText("\n".join(f"• {t}" for t in texts))
        self.problems_label.setVisible(bool(texts))
        self.completeChanged.emit()

    def before_next(self) -> None:
        """Hand the page's last input to the flow before the wizard checks it (Next pressed)."""

    def focus_later(self, widget: QWidget) -> None:
        """Give *widget* the focus once the page is shown (QWizard focuses the page's first
        widget after ``initializePage``; this comes after it)."""
        QTimer.singleShot(0, widget, lambda: widget.setFocus())


# --------------------------------------------------------------------------------------------
# Step 1: account and sign-in
# --------------------------------------------------------------------------------------------


class AccountDialog(QDialog):
    """Add a distribution account (name, 1688 member id, connector); saved by the service."""

    created = Signal(int)

    def __init__(self, wizard: CancelWizard, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cw = wizard
        self.setObjectName("accountDialog")
        self.setWindowTitle(self.tr("Add Distribution Account"))
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("accountName")
        self.member_edit = QLineEdit()
        self.member_edit.setObjectName("accountMember")
        self.connector_combo = QComboBox()
        self.connector_combo.setObjectName("accountConnector")
        for kind in connector_kinds():
            self.connector_combo.addItem(connector_label(kind), kind)
        self.error_label = _wrap_label()
        self.error_label.setObjectName("accountErrors")
        color = status_color(Status.FAILED)
        if color is not None:
            self.error_label.setStyleSheet(f"color: {color.name()};")
        self.error_label.hide()
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name_edit)
        form.addRow(self.tr("1688 &member id:"), self.member_edit)
        form.addRow(self.tr("&Connector:"), self.connector_combo)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            _wrap_label(
                self.tr(
                    "The account you buy from suppliers with on 1688 (分销账号). The app keeps "
                    "only its name and member id; passwords stay with 1688."
                )
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.resize(480, self.sizeHint().height())

    @Slot()
    def save(self) -> None:
        self.buttons.setEnabled(False)
        self.cw.worker.submit(
            create_account,
            self.name_edit.text(),
            self.member_edit.text(),
            str(self.connector_combo.currentData()),
            on_result=self._saved,
            on_error=self._failed,
        )

    def _saved(self, changes: Any) -> None:
        self.buttons.setEnabled(True)
        self.created.emit(int(changes.created_id))
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(error, ValidationError) and error.field_errors:
            # Marked problems (with their values) translate in "Errors"; older texts by table.
            texts = [
                translated(t) if translated(t) != t else known(t)
                for t in error.field_errors.values()
            ]
        elif isinstance(error, UserError):
            texts = [user_error_text(error)]
        else:
            raise error
        self.error_label.setText("\n".join(texts))
        self.error_label.show()


class SignInPage(StepPage):
    """Step 1: choose the distribution account and sign in through its connector."""

    def __init__(self, wizard: CancelWizard) -> None:
        super().__init__(CancelStep.SIGN_IN, wizard)
        self._accounts: list[AccountRef] = []
        self._loading = False
        self._signing_in = False
        self.account_combo = QComboBox()
        self.account_combo.setObjectName("accountCombo")
        self.account_combo.currentIndexChanged.connect(self._account_changed)
        # Alt+A is the account list's own (its label): the button takes Alt+D.
        self.add_button = QPushButton(self.tr("A&dd account…"))
        self.add_button.setObjectName("addAccount")
        self.add_button.clicked.connect(self.add_account)
        self.account_info = _wrap_label()
        self.account_info.setObjectName("accountInfo")
        self.sign_in_button = QPushButton(self.tr("&Sign in"))
        self.sign_in_button.setObjectName("signIn")
        self.sign_in_button.clicked.connect(self.sign_in)
        self.confirm_button = QPushButton(self.tr("I have &signed in on 1688"))
        self.confirm_button.setObjectName("confirmSignIn")
        self.confirm_button.clicked.connect(self.confirm_signed_in)
        self.reopen_button = QPushButton(self.tr("&Open the sign-in page again"))
        self.reopen_button.clicked.connect(self.sign_in)
        self.status_label = _wrap_label()
        self.status_label.setObjectName("signInStatus")
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        row = QHBoxLayout()
        row.addWidget(self.account_combo, 1)
        row.addWidget(self.add_button)
        form = QFormLayout()
        account_label = QLabel(self.tr("Distribution &account:"))
        account_label.setBuddy(self.account_combo)
        form.addRow(account_label, row)
        form.addRow("", self.account_info)
        buttons = QHBoxLayout()
        buttons.addWidget(self.sign_in_button)
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(self.reopen_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(
            _wrap_label(
                self.tr(
                    "Choose the 1688 account the supplier orders were placed with, then sign in. "
                    "Nothing is sent to 1688 before the last step."
                )
            )
        )
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.status_label)
        layout.addStretch(1)
        layout.addWidget(self.problems_label)
        self._show_state()

    def busy(self) -> bool:
        return self._loading or self._signing_in

    def _problems(self) -> list[Problem]:
        # The status line under the buttons already says how signing in went.
        found = super()._problems()
        if self.status_label.text():
            found = [p for p in found if p.code not in ("sign_in_unconfirmed", "not_signed_in")]
        return found

    def initializePage(self) -> None:
        if not self._accounts:
            self.load_accounts()
        self.flow_changed()

    def load_accounts(self, select_id: int | None = None) -> None:
        self._loading = True
        self.cw.worker.submit(
            list_accounts, on_result=lambda a: self._set_accounts(a, select_id), owner=self
        )

    def _set_accounts(self, accounts: list[AccountRef], select_id: int | None) -> None:
        self._loading = False
        self._accounts = accounts
        current = self.flow.account.id if self.flow.account else None
        wanted = select_id if select_id is not None else current
        self.account_combo.blockSignals(True)
        self.account_combo.clear()
        for account in accounts:
            text = account.name + (f" ({account.member_id})" if account.member_id else "")
            self.account_combo.addItem(text, account.id)
        index = self.account_combo.findData(wanted) if wanted is not None else 0
        self.account_combo.setCurrentIndex(max(index, 0) if accounts else -1)
        self.account_combo.blockSignals(False)
        self._account_changed()
        if not accounts:
            self.status_label.setText(
                self.tr("No distribution account yet: add the one you buy with on 1688.")
            )
        self.flow_changed()

    def account(self) -> AccountRef | None:
        account_id = self.account_combo.currentData()
        return next((a for a in self._accounts if a.id == account_id), None)

    @Slot()
    def _account_changed(self) -> None:
        account = self.account()
        if account is None:
            self.account_info.setText("")
            self._show_state()
            return
        if self.flow.account == account and self.cw.connector is not None:
            self._show_state()
            return
        try:
            connector = self.cw.connector_for(account)
        except UserError as exc:
            self.cw.connector = None
            self.account_info.setText(user_error_text(exc))
            self._show_state()
            self.flow_changed()
            return
        self.cw.connector = connector
        self.flow.choose_account(account, manual=connector.needs_manual_confirmation)
        self.status_label.setText("")
        self.account_info.setText(
            self.tr("1688 member id: {member} · Connector: {connector}").format(
                member=account.member_id or "—", connector=connector_label(account.connector)
            )
        )
        self._show_state()
        self.flow_changed()

    def _show_state(self) -> None:
        connector = self.cw.connector
        has_account = self.account() is not None and connector is not None
        awaiting = self.flow.awaiting_sign_in_confirmation
        self.sign_in_button.setEnabled(has_account and not self._signing_in)
        self.sign_in_button.setVisible(not awaiting)
        self.confirm_button.setVisible(awaiting)
        self.reopen_button.setVisible(awaiting)

    @Slot()
    def add_account(self) -> None:
        dialog = AccountDialog(self.cw, self)
        dialog.created.connect(lambda account_id: self.load_accounts(account_id))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    @Slot()
    def sign_in(self) -> None:
        account, connector = self.account(), self.cw.connector
        if account is None or connector is None:
            return
        if connector.needs_manual_confirmation:
            # The manual connector only opens the browser: that belongs on the UI thread.
            self._signed_in(connector.sign_in(account))
            return
        self._signing_in = True
        self.status_label.setText(self.tr("Signing in…"))
        self._show_state()
        self.flow_changed()
        self.cw.worker.submit(
            connector.sign_in, account, on_result=self._signed_in, on_error=self._sign_in_failed
        )

    def _signed_in(self, result: SignInResult) -> None:
        self._signing_in = False
        self.flow.apply_sign_in(result)
        if result.ok:
            member = result.member_id or (self.flow.account.member_id if self.flow.account else "")
            self.status_label.setText(
                self.tr("Signed in as {}.").format(member) if member else self.tr("Signed in.")
            )
        else:
            self.status_label.setText(known(self.flow.sign_in_message))
        self._show_state()
        self.flow_changed()
        if self.flow.awaiting_sign_in_confirmation:
            self.confirm_button.setFocus()
        elif result.ok:
            self.cw.focus_next()

    def _sign_in_failed(self, error: BaseException) -> None:
        self._signed_in(SignInResult(False, user_error_text(error) or type(error).__name__))
        if not isinstance(error, UserError | ConnectorUnavailable):
            sys.excepthook(type(error), error, error.__traceback__)  # a bug: dialog and log

    @Slot()
    def confirm_signed_in(self) -> None:
        self.flow.confirm_sign_in(True)
        self.status_label.setText(self.tr("Signed in (confirmed by you)."))
        self._show_state()
        self.flow_changed()
        self.cw.focus_next()


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

    def __init__(self, wizard: CancelWizard) -> None:
        super().__init__(CancelStep.ORDER_LIST, wizard)
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
        self.chosen_label = _wrap_label()
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
            _wrap_label(
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
            first_page,
            self.filter,
            PAGE_SIZE,
            on_result=lambda ids: self._first_page(generation, ids),
            key=LIST_PAGE_KEY,
            owner=self,
        )
        self.cw.worker.submit(
            order_ids,
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
        if connector is not None and hasattr(connector, "open_order_list"):
            connector.open_order_list()

    @Slot()
    def open_selected_order(self) -> None:
        connector = self.cw.connector
        index = self.table.currentIndex()
        if connector is None or not index.isValid() or not hasattr(connector, "open_order"):
            return
        column = [c.key for c in COLUMNS].index("supplier_order_no")
        number = str(self.model.index(index.row(), column).data() or "").strip()
        if number.isdigit():
            connector.open_order(number)
        else:
            self.chosen_label.setText(self.tr("This order has no 1688 order id to open."))


def _load_chosen(
    sales_ids: Sequence[int], account_id: int, known_ids: set[int], now: Any
) -> tuple[list[int], FlowData | None]:
    """On the worker: the supplier orders of the chosen sales orders, and the missing candidates."""
    ids = supplier_order_ids_of(sales_ids, account_id)
    missing = [i for i in ids if i not in known_ids]
    data = load_flow_data(supplier_order_ids=missing, now=now) if missing else None
    return ids, data


# --------------------------------------------------------------------------------------------
# Step 3: selection
# --------------------------------------------------------------------------------------------


def _order_cells(candidate: OrderCandidate, plan_kind: str, plan_text: str) -> list[Cell]:
    # What will happen comes right after the order: it is what the seller checks here.
    sale = candidate.sale
    color = status_color(plan_kind)
    return [
        Cell(candidate.order_id_1688 or "—"),
        Cell(plan_text, color, status_icon(plan_kind), plan_text),
        Cell(format_money(candidate.total_fen), right=True),
        Cell(supplier_status_label(candidate.status_raw)),
        Cell(candidate.product_title),
        Cell(sale.shop_order_no if sale else ""),
    ]


class _SpaceToggles(QObject):
    """Space on any cell of a row toggles the row's check box (keyboard-only selection)."""

    def __init__(self, table: QTableView, model: CellTableModel) -> None:
        super().__init__(table)
        self._table = table
        self._model = model

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Space
            and not event.modifiers()
        ):
            return False
        rows = {i.row() for i in self._table.selectionModel().selectedRows()}
        if not rows and self._table.currentIndex().isValid():
            rows = {self._table.currentIndex().row()}
        keys = [k for k in (self._model.key(r) for r in sorted(rows)) if k is not None]
        states = {r.key: r.checked for r in self._model.rows()}
        checkable = [k for k in keys if states.get(k) is not None]
        if checkable:
            # Like a check box: all on unless all are on already.
            value = not all(states[k] for k in checkable)
            for key in checkable:
                self._model.set_checked(key, value)
        return True


class SelectPage(StepPage):
    """Step 3: check the orders to cancel; each shows what will happen to it."""

    def __init__(self, wizard: CancelWizard) -> None:
        super().__init__(CancelStep.SELECT, wizard)
        self.model = CellTableModel(self._headers(), checkable=True, parent=self)
        self.model.check_toggled.connect(self._toggled)
        self.table = read_only_table(self.model)
        self.table.setObjectName("selectTable")
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.installEventFilter(_SpaceToggles(self.table, self.model))
        # The plan column fits its longest text, not more: the product beside it stays in view.
        plans = [
            translate("Close the order (unpaid)"),
            translate("Refund application (paid, not shipped)"),
        ]
        for column, width in (
            (0, order_number_width(self.table) + 24),  # + the check box
            (1, text_width(self.table, plans, cap=300) + 24),  # + the icon
            (2, text_width(self.table, ["¥88,888.88"])),
            (3, 120),
            (4, 180),
        ):
            self.table.setColumnWidth(column, width)
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("selectFilter")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setPlaceholderText(self.tr("Filter by order no. or product"))
        self.filter_edit.textChanged.connect(self._apply_filter)
        self.all_button = QPushButton(self.tr("Select all &cancellable"))
        self.all_button.clicked.connect(self.select_all_cancellable)
        self.none_button = QPushButton(self.tr("C&lear selection"))
        self.none_button.clicked.connect(self.clear_selection)
        self.summary_label = _wrap_label()
        self.summary_label.setObjectName("selectSummary")
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._refresh_plans)

        top = QHBoxLayout()
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.all_button)
        top.addWidget(self.none_button)
        layout = QVBoxLayout(self)
        layout.addWidget(
            _wrap_label(
                self.tr(
                    "Check the supplier orders to cancel (Space checks the selected rows). "
                    "Orders with a cancellation already under way cannot be checked."
                )
            )
        )
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.problems_label)

    def _headers(self) -> list[str]:
        return [
            self.tr("1688 order id"),
            self.tr("What will happen"),
            self.tr("Amount"),
            self.tr("1688 status"),
            self.tr("Product"),
            self.tr("Shop order no."),
        ]

    def initializePage(self) -> None:
        self.model.set_rows(self._rows())
        self._apply_filter()
        self._after_change()
        if self.model.rowCount():
            self.table.selectRow(0)
        self.focus_later(self.table)

    def cleanupPage(self) -> None:
        self._tick.stop()

    def _rows(self) -> list[Row]:
        flow = self.flow
        selected = flow.selected
        candidates = flow.candidates
        order = selected + [i for i in candidates if i not in selected]
        return [self._row(candidates[i], i in selected) for i in order]

    def _row(self, candidate: OrderCandidate, checked: bool) -> Row:
        oid = candidate.supplier_order_id
        plan = self.flow.plan(oid) if oid in self.flow.candidates else None
        if plan is None:  # pragma: no cover - candidates always have a plan
            return Row(oid, tuple(_order_cells(candidate, Status.BLOCKED, "")), None)
        kind, text = plan_status(plan, candidate.status_raw)
        selectable, _why = self.flow.selectable(oid)
        if not checked and selectable:
            # Not chosen yet: say what would happen, without the colour of a decision.
            kind = Status.QUEUED if kind in (Status.CLOSE, Status.REFUND) else kind
        cells = _order_cells(candidate, kind, text)
        return Row(oid, tuple(cells), checked if selectable else None)

    @Slot(int, bool)
    def _toggled(self, supplier_order_id: int, checked: bool) -> None:
        if checked:
            self.flow.select([supplier_order_id])
        else:
            self.flow.deselect([supplier_order_id])
        candidate = self.flow.candidates[supplier_order_id]
        self.model.update_rows([self._row(candidate, supplier_order_id in self.flow.selected)])
        self._after_change()

    @Slot()
    def select_all_cancellable(self) -> None:
        """Check every visible cancellable order; above a few, only after the seller agrees."""
        keys = [
            row.key
            for row in self.model.rows()
            if row.checked is False
            and self.flow.plan(row.key).action is not None
            and not self.table.isRowHidden(self.model.row_of(row.key))
        ]
        total = len(self.model.checked_keys()) + len(keys)
        if len(keys) > SELECT_ALL_CONFIRM_ABOVE and not self._confirm_select_all(total):
            return
        for key in keys:
            self.model.set_checked(key, True)

    def _confirm_select_all(self, total: int) -> bool:
        box = QMessageBox(self)
        box.setObjectName("confirmSelectAll")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Select all"))
        box.setText(self.tr("Select %n orders to cancel?", "", total))
        box.setInformativeText(
            self.tr(
                "Each will be closed on 1688 or get a refund application, and every shop order "
                "cancelled lowers the shop's rating. Nothing is sent before step 6."
            )
        )
        yes = box.addButton(self.tr("Select &all"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is yes

    @Slot()
    def clear_selection(self) -> None:
        for key in self.model.checked_keys():
            self.model.set_checked(key, False)

    @Slot()
    def _refresh_plans(self) -> None:
        candidates = self.flow.candidates
        selected = set(self.flow.selected)
        self.model.update_rows(
            [self._row(candidates[r.key], r.key in selected) for r in self.model.rows()]
        )
        self._after_change()

    def _after_change(self) -> None:
        plans = self.flow.plans()
        closes = sum(1 for p in plans if p.will_send and p.action is CancelAction.CLOSE)
        refunds = sum(1 for p in plans if p.will_send and p.action is CancelAction.REFUND_REQUEST)
        waits = sum(1 for p in plans if p.skip_code == "too_soon")
        others = len(plans) - closes - refunds - waits
        self.summary_label.setText(
            self.tr(
                "{selected} selected: {closes} to close, {refunds} refund application(s), "
                "{waits} to wait for, {others} not cancellable here."
            ).format(
                selected=len(plans), closes=closes, refunds=refunds, waits=waits, others=others
            )
        )
        too_soon = any(
            p.skip_code == "too_soon" for p in (self.flow.plan(i) for i in self.flow.candidates)
        )
        if too_soon and not self._tick.isActive():
            self._tick.start()
        elif not too_soon:
            self._tick.stop()
        self.flow_changed()

    @Slot()
    def _apply_filter(self) -> None:
        text = self.filter_edit.text().strip().lower()
        for position, row in enumerate(self.model.rows()):
            hay = " ".join(row.cells[i].text for i in (0, 4, 5)).lower()
            self.table.setRowHidden(position, bool(text) and text not in hay)


# --------------------------------------------------------------------------------------------
# Step 4: what cancelling means
# --------------------------------------------------------------------------------------------


class ConfirmPage(StepPage):
    """Step 4: per order the action and amount; the consequences (seed 5.2) and advice (5.3)."""

    def __init__(self, wizard: CancelWizard) -> None:
        super().__init__(CancelStep.CONFIRM, wizard)
        self.model = CellTableModel(self._headers(), parent=self)
        self.table = read_only_table(self.model)
        self.table.setObjectName("planTable")
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        for column, width in (
            (0, order_number_width(self.table)),
            (1, 150),
            (2, text_width(self.table, ["¥88,888.88"])),
            (3, 300),
            (4, 160),
        ):
            self.table.setColumnWidth(column, width)
        self.consequences_label = _wrap_label()
        self.consequences_label.setObjectName("consequences")
        self.consequences_label.setTextFormat(Qt.TextFormat.RichText)
        self.consequences_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.advice_label = _wrap_label()
        self.advice_label.setObjectName("advice")
        self.advice_label.setTextFormat(Qt.TextFormat.RichText)
        self.advice_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        consequences = QGroupBox(self.tr("What cancelling costs (seed 5.2)"))
        box = QVBoxLayout(consequences)
        box.addWidget(self.consequences_label)
        advice = QGroupBox(self.tr("How to avoid this next time (seed 5.3)"))
        advice_box = QVBoxLayout(advice)
        advice_box.addWidget(self.advice_label)
        self.note_label = _wrap_label(
            self.tr("Nothing has been sent yet. Back and Cancel change nothing.")
        )
        self.note_label.setObjectName("nothingSent")
        self.shop_todo = ShopTodoBox()
        lower = QHBoxLayout()
        lower.addWidget(consequences, 1)
        lower.addWidget(advice, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.shop_todo)
        layout.addLayout(lower)
        layout.addWidget(self.note_label)
        layout.addWidget(self.problems_label)

    def _headers(self) -> list[str]:
        return [
            self.tr("1688 order id"),
            self.tr("Action"),
            self.tr("Amount"),
            self.tr("Note"),
            self.tr("Product"),
            self.tr("Shop order no."),
        ]

    def initializePage(self) -> None:
        flow = self.flow
        candidates = flow.candidates
        rows = []
        for plan in flow.plans():
            candidate = candidates[plan.supplier_order_id]
            kind, text = plan_status(plan, candidate.status_raw)
            color = status_color(kind)
            action = enum_label(plan.action) if plan.action is not None else self.tr("None")
            if plan.skip_code and plan.skip_code != "too_soon":  # a too-soon close only waits
                action = self.tr("Not sent")
            amount = format_money(plan.amount_fen) if plan.action is not None else ""
            if plan.action is CancelAction.REFUND_REQUEST and plan.will_send:
                note = self.tr("The supplier must agree; the full paid amount is asked back.")
            elif plan.action is CancelAction.CLOSE and plan.will_send:
                note = self.tr("Closed at once; nothing was paid.")
            else:
                note = text
            cells = (
                Cell(candidate.order_id_1688 or "—"),
                Cell(action, color, status_icon(kind), text),
                Cell(amount, right=True),
                Cell(note, color if plan.skip_code else None, tooltip=note),
                Cell(candidate.product_title),
                Cell(candidate.sale.shop_order_no if candidate.sale else ""),
            )
            rows.append(Row(plan.supplier_order_id, cells))
        self.model.set_rows(rows)
        self.consequences_label.setText(self.consequences_html())
        self.shop_todo.set_todos(flow.shop_todos())
        self.advice_label.setText(self._advice_html())
        self.flow_changed()
        self.focus_later(self.table)

    def consequences_html(self) -> str:
        """Seed 5.2 for the selected orders (step 6 repeats it)."""
        c = self.flow.consequences()
        lines = []
        if c.closes:
            lines.append(
                self.tr("Close %n unpaid order(s): {amount}", "", c.closes).format(
                    amount=format_money(c.close_amount_fen)
                )
            )
        if c.refunds:
            lines.append(
                self.tr(
                    "Apply for the refund of %n paid order(s): {amount} asked back", "", c.refunds
                ).format(amount=format_money(c.refund_amount_fen))
            )
        lines.append(
            self.tr("Sales lost: {sales} · profit lost: {profit}").format(
                sales=format_money(c.sales_lost_fen), profit=format_money(c.profit_lost_fen)
            )
        )
        for rate in c.rates:
            shop = self.cw.shop_names.get(rate.shop_id, f"#{rate.shop_id}")
            lines.append(
                self.tr(
                    "{shop}: 30-day cancellation rate {before} → <b>{after}</b> "
                    "({cb}/{ob} → {ca}/{oa} orders)"
                ).format(
                    shop=_html(shop),
                    before=_percent(rate.rate_before),
                    after=_percent(rate.rate_after),
                    cb=rate.cancelled_before,
                    ob=rate.orders_before,
                    ca=rate.cancelled_after,
                    oa=rate.orders_after,
                )
            )
        warnings = []
        if "credit_rating" in c.warnings:
            warnings.append(
                self.tr("The shop's credit rating (信用评价) goes down with every cancellation.")
            )
        if "shop_traffic" in c.warnings:
            warnings.append(
                self.tr(
                    "Shop traffic (店铺流量) drops: the platform shows the shop's products less."
                )
            )
        color = status_color(Status.FAILED)
        style = f' style="color:{color.name()}"' if color is not None else ""
        html = "<br>".join(lines)
        if warnings:
            html += "<p" + style + ">" + "<br>".join(f"⚠ {_html(w)}" for w in warnings) + "</p>"
        return html

    def _advice_html(self) -> str:
        advice = self.flow.advice()
        if not advice:
            return _html(self.tr("No particular advice for these orders."))
        items = []
        for item in advice:
            text = _html(advice_text(item.code, item.message))
            if item.details:
                text += " <i>(" + _html(", ".join(completeness_text(d) for d in item.details))
                text += ")</i>"
            count = self.tr("%n order(s)", "", len(item.supplier_order_ids))
            items.append(f"<li>{text} — {_html(count)}</li>")
        return "<ul style='margin-left:-20px'>" + "".join(items) + "</ul>"


def _percent(value: float) -> str:
    from PySide6.QtCore import QLocale

    return QLocale().toString(value * 100, "f", 1) + "%"


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# --------------------------------------------------------------------------------------------
# Step 5: reasons
# --------------------------------------------------------------------------------------------


class CloseReasonEditor(QWidget):
    """The reason for closing unpaid orders: 买家取消订单 / 卖家库存不足 / 其它, and a remark."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox()
        self.combo.setObjectName("closeReason")
        self.combo.addItem(self.tr("Choose a reason…"), None)
        for reason in CancelReason:
            # The platform's own words first: the seller picks the same on 1688.
            text = reason.label_zh
            if enum_label(reason) != reason.label_zh:
                text += f" — {enum_label(reason)}"
            self.combo.addItem(text, reason.value)
        self.remark = QLineEdit()
        self.remark.setObjectName("closeRemark")
        self.counter = QLabel()
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        reason_label = QLabel(self.tr("&Reason:"))
        reason_label.setBuddy(self.combo)
        remark_label = QLabel(self.tr("Re&mark:"))
        remark_label.setBuddy(self.remark)
        row = QHBoxLayout()
        row.addWidget(self.remark, 1)
        row.addWidget(self.counter)
        form.addRow(reason_label, self.combo)
        form.addRow(remark_label, row)
        self.combo.currentIndexChanged.connect(self._changed)
        self.remark.textChanged.connect(self._changed)
        self._count()

    def value(self) -> CloseReasonInput | None:
        code = self.combo.currentData()
        if code is None:
            return None
        return CloseReasonInput(CancelReason(code), self.remark.text())

    def set_value(self, value: CloseReasonInput | None) -> None:
        self.blockSignals(True)
        self.combo.setCurrentIndex(max(0, self.combo.findData(value.reason.value)) if value else 0)
        self.remark.setText(value.remark if value else "")
        self.blockSignals(False)
        self._count()

    def _count(self) -> None:
        self.counter.setText(f"{len(self.remark.text().strip())}/{REMARK_MAX_CHARS}")

    @Slot()
    def _changed(self) -> None:
        self._count()
        self.changed.emit()


class RefundReasonEditor(QWidget):
    """A refund reason from the connector's list, a 2–150 character description, evidence."""

    changed = Signal()

    def __init__(self, manual: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._reasons: list[RefundReason] = []
        self.manual = manual
        self.combo = QComboBox()
        self.combo.setObjectName("refundReason")
        self.description = QPlainTextEdit()
        self.description.setObjectName("refundDescription")
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.counter = QLabel()
        self.evidence_label = _wrap_label()
        self.evidence_label.setObjectName("evidence")
        self.vouchers = QPlainTextEdit()
        self.vouchers.setObjectName("vouchers")
        self.vouchers.setTabChangesFocus(True)
        self.vouchers.setPlaceholderText(self.tr("Evidence image addresses, one a line (1–5)"))
        self.vouchers.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        reason_label = QLabel(self.tr("Re&fund reason:"))
        reason_label.setBuddy(self.combo)
        description_label = QLabel(self.tr("&Description:"))
        description_label.setBuddy(self.description)
        row = QVBoxLayout()
        row.addWidget(self.description)
        row.addWidget(self.counter)
        form.addRow(reason_label, self.combo)
        form.addRow(description_label, row)
        form.addRow("", self.evidence_label)
        self._vouchers_label = QLabel(self.tr("E&vidence:"))
        self._vouchers_label.setBuddy(self.vouchers)
        form.addRow(self._vouchers_label, self.vouchers)
        self.combo.currentIndexChanged.connect(self._changed)
        self.description.textChanged.connect(self._changed)
        self.vouchers.textChanged.connect(self._changed)
        self._update()

    def set_reasons(self, reasons: Sequence[RefundReason]) -> None:
        current = self.combo.currentData()
        self._reasons = list(reasons)
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem(self.tr("Choose a reason…"), None)
        for reason in reasons:
            self.combo.addItem(reason.name, reason.id)
            if reason.tip:
                self.combo.setItemData(
                    self.combo.count() - 1, reason.tip, Qt.ItemDataRole.ToolTipRole
                )
        self.combo.setCurrentIndex(max(0, self.combo.findData(current)))
        self.combo.blockSignals(False)
        self._update()

    def reason(self) -> RefundReason | None:
        reason_id = self.combo.currentData()
        return next((r for r in self._reasons if r.id == reason_id), None)

    def value(self) -> RefundReasonInput | None:
        reason_id = self.combo.currentData()
        if reason_id is None:
            return None
        vouchers = tuple(v.strip() for v in self.vouchers.toPlainText().splitlines() if v.strip())
        return RefundReasonInput(
            str(reason_id), self.description.toPlainText(), () if self.manual else vouchers
        )

    def set_value(self, value: RefundReasonInput | None) -> None:
        self.blockSignals(True)
        self.combo.setCurrentIndex(
            max(0, self.combo.findData(value.reason_id)) if value is not None else 0
        )
        self.description.setPlainText(value.description if value else "")
        self.vouchers.setPlainText("\n".join(value.vouchers) if value else "")
        self.blockSignals(False)
        self._update()

    def _update(self) -> None:
        length = len(self.description.toPlainText().strip())
        self.counter.setText(
            self.tr("{count} characters ({min}–{max})").format(
                count=length, min=DESCRIPTION_MIN_CHARS, max=DESCRIPTION_MAX_CHARS
            )
        )
        reason = self.reason()
        needs = reason is not None and reason.need_voucher
        if needs:
            text = self.tr("This reason needs evidence: 1 to 5 images.")
            if reason is not None and reason.tip:
                text += " " + reason.tip
            if self.manual:
                text += " " + self.tr("Attach them on the 1688 page when you apply.")
            self.evidence_label.setText("⚠ " + text)
        self.evidence_label.setVisible(needs)
        show_vouchers = needs and not self.manual
        self.vouchers.setVisible(show_vouchers)
        self._vouchers_label.setVisible(show_vouchers)

    @Slot()
    def _changed(self) -> None:
        self._update()
        self.changed.emit()


class ReasonPage(StepPage):
    """Step 5: the reason, one for all orders or each its own; offers to mark out of stock."""

    def __init__(self, wizard: CancelWizard) -> None:
        super().__init__(CancelStep.REASON, wizard)
        self._loading = False
        self._default_used = False
        self._current_order: int | None = None
        self.shared_radio = QRadioButton(self.tr("&One reason for all selected orders"))
        self.shared_radio.setObjectName("sharedReasons")
        self.own_radio = QRadioButton(self.tr("A reason for &each order"))
        self.own_radio.setObjectName("ownReasons")
        self.shared_radio.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.shared_radio)
        group.addButton(self.own_radio)
        self.own_radio.toggled.connect(self._mode_changed)

        manual = True
        self.close_editor = CloseReasonEditor()
        self.refund_editor = RefundReasonEditor(manual)
        self.close_box = QGroupBox()
        QVBoxLayout(self.close_box).addWidget(self.close_editor)
        self.refund_box = QGroupBox()
        QVBoxLayout(self.refund_box).addWidget(self.refund_editor)
        self.close_editor.changed.connect(self._shared_changed)
        self.refund_editor.changed.connect(self._shared_changed)
        shared = QWidget()
        shared_layout = QVBoxLayout(shared)
        shared_layout.setContentsMargins(0, 0, 0, 0)
        shared_layout.addWidget(self.close_box)
        shared_layout.addWidget(self.refund_box)
        shared_layout.addStretch(1)

        self.order_list = QListWidget()
        self.order_list.setObjectName("reasonOrders")
        self.order_list.currentItemChanged.connect(self._order_changed)
        self.own_close = CloseReasonEditor()
        self.own_refund = RefundReasonEditor(manual)
        self.own_close.changed.connect(self._own_changed)
        self.own_refund.changed.connect(self._own_changed)
        self.own_stack = QStackedWidget()
        self.own_stack.addWidget(self.own_close)
        self.own_stack.addWidget(self.own_refund)
        own = QWidget()
        own_layout = QHBoxLayout(own)
        own_layout.setContentsMargins(0, 0, 0, 0)
        own_layout.addWidget(self.order_list, 2)
        editor_box = QVBoxLayout()
        self.own_title = _wrap_label()
        editor_box.addWidget(self.own_title)
        editor_box.addWidget(self.own_stack)
        editor_box.addStretch(1)
        own_layout.addLayout(editor_box, 3)

        self.mode_stack = QStackedWidget()
        self.mode_stack.addWidget(shared)
        self.mode_stack.addWidget(own)
        self.reasons_note = _wrap_label()
        self.reasons_note.setObjectName("reasonsNote")
        self.out_of_stock = QCheckBox()
        self.out_of_stock.setObjectName("markOutOfStock")
        self.out_of_stock.toggled.connect(self._out_of_stock_toggled)

        modes = QHBoxLayout()
        modes.addWidget(self.shared_radio)
        modes.addWidget(self.own_radio)
        modes.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(modes)
        layout.addWidget(self.mode_stack, 1)
        layout.addWidget(self.reasons_note)
        layout.addWidget(self.out_of_stock)
        layout.addWidget(self.problems_label)

    def busy(self) -> bool:
        return self._loading

    def initializePage(self) -> None:
        flow = self.flow
        manual = flow.manual
        for editor in (self.refund_editor, self.own_refund):
            editor.manual = manual
        # Too-soon closes need their reason too: step 6 sends them once 1688 accepts them.
        plans = [p for p in flow.plans() if p.action is not None]
        closes = [p for p in plans if p.action is CancelAction.CLOSE]
        refunds = [p for p in plans if p.action is CancelAction.REFUND_REQUEST]
        self.close_box.setTitle(self.tr("Unpaid orders to close (%n)", "", len(closes)))
        self.refund_box.setTitle(
            self.tr(
                "Paid orders: refund application (%n), the supplier must agree", "", len(refunds)
            )
        )
        self.close_box.setVisible(bool(closes))
        self.refund_box.setVisible(bool(refunds))
        self.close_editor.set_value(flow.shared_close)
        self._fill_order_list()
        needing = flow.orders_needing_refund_reasons()
        if needing and self.cw.connector is not None:
            self._loading = True
            candidates = flow.candidates
            orders = [(i, candidates[i].order_id_1688 or "") for i in needing]
            self.cw.worker.submit(
                _load_refund_reasons,
                self.cw.connector,
                orders,
                on_result=self._reasons_loaded,
                on_error=self.cw.show_error,
            )
        else:
            self._reasons_ready()
        self.shared_radio.setChecked(not flow.per_order_reasons)
        self.own_radio.setChecked(flow.per_order_reasons)
        self.flow_changed()
        self.focus_later(self.close_editor.combo if closes else self.refund_editor.combo)

    def _reasons_loaded(self, result: tuple[dict[int, list[RefundReason]], bool]) -> None:
        reasons, default_used = result
        self._loading = False
        self._default_used = self._default_used or default_used
        for oid, found in reasons.items():
            self.flow.set_refund_reasons(oid, found)
        self._reasons_ready()

    def _reasons_ready(self) -> None:
        self.refund_editor.set_reasons(self.flow.common_refund_reasons())
        self.refund_editor.set_value(self.flow.shared_refund)
        if self.flow.manual:
            self.reasons_note.setText(
                self.tr(
                    "You choose the same reason on the 1688 page when you cancel each order; "
                    "the app keeps it with the order's history."
                )
            )
        elif self._default_used:
            self.reasons_note.setText(
                self.tr("1688 could not be asked for its reason list; the built-in list is shown.")
            )
        else:
            self.reasons_note.setText("")
        self._order_changed()
        self._update_out_of_stock()
        self.flow_changed()

    def _fill_order_list(self) -> None:
        self.order_list.blockSignals(True)
        self.order_list.clear()
        candidates = self.flow.candidates
        for plan in self.flow.plans():
            if plan.action is None:
                continue
            candidate = candidates[plan.supplier_order_id]
            item = QListWidgetItem(
                f"{order_label(candidate, plan.supplier_order_id)} · {enum_label(plan.action)}"
            )
            item.setData(Qt.ItemDataRole.UserRole, plan.supplier_order_id)
            self.order_list.addItem(item)
        self.order_list.blockSignals(False)
        if self.order_list.count():
            self.order_list.setCurrentRow(0)
        self._mark_orders()

    def _mark_orders(self) -> None:
        bad = {p.supplier_order_id for p in self.flow.reason_problems()}
        for row in range(self.order_list.count()):
            item = self.order_list.item(row)
            oid = item.data(Qt.ItemDataRole.UserRole)
            ok = oid not in bad and self.flow.reason_for(oid) is not None
            kind = Status.DONE if ok else Status.BLOCKED
            item.setIcon(status_icon(kind))

    @Slot(bool)
    def _mode_changed(self, own: bool) -> None:
        flow = self.flow
        if own and not flow.per_order_reasons:
            # Start each order from the shared reason so nobody types it n times.
            for plan in flow.plans():
                if plan.action is CancelAction.CLOSE and flow.shared_close:
                    flow.per_order_reasons = True
                    if flow.reason_for(plan.supplier_order_id) is None:
                        flow.set_close_reason(flow.shared_close, plan.supplier_order_id)
                    flow.per_order_reasons = False
                if (
                    plan.action is CancelAction.REFUND_REQUEST
                    and flow.shared_refund
                    and flow.shared_refund.reason_id
                    in {r.id for r in flow.refund_reasons_for(plan.supplier_order_id)}
                ):
                    flow.per_order_reasons = True
                    if flow.reason_for(plan.supplier_order_id) is None:
                        flow.set_refund_reason(flow.shared_refund, plan.supplier_order_id)
                    flow.per_order_reasons = False
        flow.per_order_reasons = own
        self.mode_stack.setCurrentIndex(1 if own else 0)
        self._order_changed()
        self._after_change()

    @Slot()
    def _shared_changed(self) -> None:
        self.flow.set_close_reason(self.close_editor.value())  # type: ignore[arg-type]
        self.flow.set_refund_reason(self.refund_editor.value())  # type: ignore[arg-type]
        self._after_change()

    @Slot()
    def _order_changed(self) -> None:
        item = self.order_list.currentItem()
        if item is None:
            self._current_order = None
            self.own_title.setText("")
            return
        oid = int(item.data(Qt.ItemDataRole.UserRole))
        self._current_order = oid
        plan = self.flow.plan(oid)
        self.own_title.setText(item.text())
        per_order = self.flow.per_order_reasons
        self.flow.per_order_reasons = True
        value = self.flow.reason_for(oid)
        self.flow.per_order_reasons = per_order
        if plan.action is CancelAction.CLOSE:
            self.own_stack.setCurrentWidget(self.own_close)
            self.own_close.set_value(value if isinstance(value, CloseReasonInput) else None)
        else:
            self.own_stack.setCurrentWidget(self.own_refund)
            self.own_refund.set_reasons(self.flow.refund_reasons_for(oid))
            self.own_refund.set_value(value if isinstance(value, RefundReasonInput) else None)

    @Slot()
    def _own_changed(self) -> None:
        oid = self._current_order
        if oid is None:
            return
        if self.own_stack.currentWidget() is self.own_close:
            value = self.own_close.value()
            if value is not None:
                self.flow.set_close_reason(value, oid)
        else:
            refund = self.own_refund.value()
            if refund is not None:
                self.flow.set_refund_reason(refund, oid)
        self._after_change()

    def _after_change(self) -> None:
        self._mark_orders()
        self._update_out_of_stock()
        self.flow_changed()

    def _update_out_of_stock(self) -> None:
        offers = self.flow.offers_to_mark_out_of_stock()
        self.out_of_stock.setText(
            self.tr(
                "Also mark the supplier's offer as out of stock in the sourcing data "
                "(%n offer(s)), so it is not chosen again",
                "",
                len(offers),
            )
        )
        self.out_of_stock.setVisible(bool(offers))
        if not offers:
            self.flow.mark_out_of_stock = False
        elif self.out_of_stock.isChecked() != self.flow.mark_out_of_stock:
            self.out_of_stock.setChecked(self.flow.mark_out_of_stock)

    @Slot(bool)
    def _out_of_stock_toggled(self, checked: bool) -> None:
        self.flow.mark_out_of_stock = checked and bool(self.flow.offers_to_mark_out_of_stock())


def _load_refund_reasons(
    connector: Connector, orders: Sequence[tuple[int, str]]
) -> tuple[dict[int, list[RefundReason]], bool]:
    """On the worker: the refund reasons per order; the built-in list when 1688 cannot be asked."""
    found: dict[int, list[RefundReason]] = {}
    default_used = False
    for oid, order_id in orders:
        try:
            reasons = list(connector.refund_reasons(order_id))
        except Exception:  # offline or refused: the built-in list still lets the seller go on
            reasons = []
        if not reasons:
            reasons = default_refund_reasons()
            default_used = True
        found[oid] = reasons
    return found, default_used
