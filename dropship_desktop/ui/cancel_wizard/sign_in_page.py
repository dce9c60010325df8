"""Step 1 of the cancel wizard: choose the distribution account and sign in to 1688."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...connectors.base import ConnectorUnavailable
from ...domain.cancel_flow import (
    AccountRef,
    CancelStep,
    Problem,
    SignInResult,
)
from ...errors import UserError, ValidationError
from ...services.cancellation import create_account, list_accounts
from ..formatting import (
    translated,
    user_error_text,
)
from ..tasks import without_context
from .step_page import (
    StepPage,
    connector_label,
    wrap_label,
)
from .texts import (
    Status,
    known,
    status_color,
)

if TYPE_CHECKING:
    from .context import WizardContext

__all__ = ["AccountDialog", "SignInPage"]

# --------------------------------------------------------------------------------------------
# Step 1: account and sign-in
# --------------------------------------------------------------------------------------------


class AccountDialog(QDialog):
    """Add a distribution account (name, 1688 member id, connector); saved by the service."""

    created = Signal(int)

    def __init__(self, context: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cw: WizardContext = context
        self.setObjectName("accountDialog")
        self.setWindowTitle(self.tr("Add Distribution Account"))
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("accountName")
        self.member_edit = QLineEdit()
        self.member_edit.setObjectName("accountMember")
        self.connector_combo = QComboBox()
        self.connector_combo.setObjectName("accountConnector")
        registry = self.cw.worker.ctx.connectors
        for kind in registry.kinds():
            self.connector_combo.addItem(connector_label(registry, kind), kind)
        self.error_label = wrap_label()
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
            wrap_label(
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

    def __init__(self, context: WizardContext) -> None:
        super().__init__(CancelStep.SIGN_IN, context)
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
        self.account_info = wrap_label()
        self.account_info.setObjectName("accountInfo")
        self.sign_in_button = QPushButton(self.tr("&Sign in"))
        self.sign_in_button.setObjectName("signIn")
        self.sign_in_button.clicked.connect(self.sign_in)
        self.confirm_button = QPushButton(self.tr("I have &signed in on 1688"))
        self.confirm_button.setObjectName("confirmSignIn")
        self.confirm_button.clicked.connect(self.confirm_signed_in)
        self.reopen_button = QPushButton(self.tr("&Open the sign-in page again"))
        self.reopen_button.clicked.connect(self.sign_in)
        self.status_label = wrap_label()
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
            wrap_label(
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
                member=account.member_id or "—",
                connector=connector_label(self.cw.worker.ctx.connectors, account.connector),
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
        self.cw.run_connector(
            without_context(connector.sign_in),
            account,
            on_result=self._signed_in,
            on_error=self._sign_in_failed,
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
