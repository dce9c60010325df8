"""The 1688 accounts window: connect an account (app key, secret, authorise, paste the code),
see its state, reconnect it, remove the connection."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...connectors.alibaba1688.credentials import DEFAULT_REDIRECT_URI
from ...i18n import QT_TRANSLATE_NOOP
from ...services import open1688_accounts as acc
from ..formatting import user_error_text
from ..network import NetworkWorker
from ..tasks import DbWorker, without_context
from .jobs import authorise

__all__ = ["AccountsDialog", "ConnectDialog"]

OpenUrl = Callable[[str], object]


def _label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _open_in_browser(url: str) -> bool:
    return QDesktopServices.openUrl(QUrl(url))


class ConnectDialog(QDialog):
    """Connect (or reconnect) one account: key and secret, authorise on 1688, paste the code."""

    connected = Signal(int)

    def __init__(
        self,
        worker: DbWorker,
        network: NetworkWorker,
        account_names: list[str],
        parent: QWidget | None = None,
        *,
        name: str = "",
        open_url: OpenUrl = _open_in_browser,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("open1688ConnectDialog")
        self.worker = worker
        self.network = network
        self.open_url = open_url
        self.account_id: int | None = None
        self.setWindowTitle(self.tr("Connect a 1688 Account"))
        self.name_combo = QComboBox()
        self.name_combo.setObjectName("accountName")
        self.name_combo.setEditable(True)
        self.name_combo.addItems(account_names)
        self.name_combo.setCurrentText(name or (account_names[0] if account_names else ""))
        self.key_edit = QLineEdit()
        self.key_edit.setObjectName("appKey")
        self.secret_edit = QLineEdit()
        self.secret_edit.setObjectName("appSecret")
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        if name:  # reconnecting: the kept key and secret are used when both are left empty
            self.key_edit.setPlaceholderText(self.tr("Leave empty to keep the saved key"))
            self.secret_edit.setPlaceholderText(self.tr("Leave empty to keep the saved secret"))
        self.redirect_edit = QLineEdit(DEFAULT_REDIRECT_URI)
        self.redirect_edit.setObjectName("redirectUri")
        self.authorize_button = QPushButton(self.tr("&Open the 1688 Authorise Page"))
        self.authorize_button.setObjectName("authorize")
        self.authorize_button.clicked.connect(self.start)
        self.url_edit = QLineEdit()
        self.url_edit.setObjectName("authorizeUrl")
        self.url_edit.setReadOnly(True)
        self.url_edit.setPlaceholderText(self.tr("The authorise address appears here"))
        self.code_edit = QLineEdit()
        self.code_edit.setObjectName("pastedCode")
        self.code_edit.setPlaceholderText(
            self.tr("Paste the code, or the whole address 1688 sent you to")
        )
        self.code_edit.setEnabled(False)
        self.status_label = _label()
        self.status_label.setObjectName("connectStatus")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.finish_button = self.buttons.addButton(
            self.tr("&Finish Connecting"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.finish_button.setObjectName("finishConnect")
        self.finish_button.setEnabled(False)
        self.buttons.accepted.connect(self.finish)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&Account name:"), self.name_combo)
        form.addRow(self.tr("App &key:"), self.key_edit)
        form.addRow(self.tr("App &secret:"), self.secret_edit)
        form.addRow(self.tr("&Redirect address:"), self.redirect_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(
            _label(
                self.tr(
                    "1. Enter the app key and app secret of your app on the 1688 open platform "
                    "(open.1688.com → My apps). They are kept only in this computer's credential "
                    "store, never in the database.\n2. Open the authorise page, sign in with the "
                    "1688 buyer account and allow access.\n3. Paste the code 1688 shows (or the "
                    "whole address of the page it sends you to) and finish within 2 minutes."
                )
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.authorize_button)
        layout.addWidget(self.url_edit)
        layout.addWidget(self.code_edit)
        layout.addWidget(self.status_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)

    def _error(self, error: BaseException) -> None:
        self.authorize_button.setEnabled(True)
        self.finish_button.setEnabled(self.account_id is not None)
        self.status_label.setText(user_error_text(error))

    @Slot()
    def start(self) -> None:
        """Keep key and secret (DB worker: account row and keyring), then open the page."""
        self.authorize_button.setEnabled(False)
        self.status_label.setText(self.tr("Saving the app key…"))
        self.worker.submit(
            acc.connect_account,
            self.name_combo.currentText(),
            self.key_edit.text(),
            self.secret_edit.text(),
            self.redirect_edit.text(),
            on_result=self._started,
            on_error=self._error,
        )

    def _started(self, result: tuple[int, str]) -> None:
        self.account_id, url = result
        self.secret_edit.clear()  # not kept in the window longer than needed
        self.url_edit.setText(url)
        self.url_edit.setCursorPosition(0)
        self.authorize_button.setEnabled(True)
        self.code_edit.setEnabled(True)
        self.finish_button.setEnabled(True)
        self.code_edit.setFocus()
        if self.open_url(url):
            self.status_label.setText(
                self.tr("The authorise page opened in your browser. Allow access, then paste here.")
            )
        else:
            self.status_label.setText(
                self.tr("Copy the address above into your browser, allow access, then paste here.")
            )

    @Slot()
    def finish(self) -> None:
        if self.account_id is None:
            return
        self.finish_button.setEnabled(False)
        self.status_label.setText(self.tr("Asking 1688 for the authorisation…"))
        self.network.submit(
            authorise,
            self.network.run_db,
            self.account_id,
            self.name_combo.currentText().strip(),
            self.code_edit.text(),
            on_result=self._finished,
            on_error=self._error,
        )

    def _finished(self, _changes: object) -> None:
        assert self.account_id is not None
        self.connected.emit(self.account_id)
        self.accept()


_STATUS = {
    "connected": QT_TRANSLATE_NOOP("AccountsDialog", "Connected"),
    "reconnect": QT_TRANSLATE_NOOP("AccountsDialog", "Reconnect needed"),
    "authorise": QT_TRANSLATE_NOOP("AccountsDialog", "Not authorised yet"),
    "none": QT_TRANSLATE_NOOP("AccountsDialog", "Not connected (manual)"),
}


class AccountsDialog(QDialog):
    """The distribution accounts and their 1688 Open Platform connection."""

    def __init__(
        self,
        worker: DbWorker,
        network: NetworkWorker,
        parent: QWidget | None = None,
        *,
        open_url: OpenUrl = _open_in_browser,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("open1688AccountsDialog")
        self.worker = worker
        self.network = network
        self.open_url = open_url
        self.rows: list[acc.AccountStatus] = []
        self.setWindowTitle(self.tr("1688 Accounts"))
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("accountsTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Account"), self.tr("1688 member"), self.tr("Connection"), self.tr("App key")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.connect_button = QPushButton(self.tr("&Connect an Account…"))
        self.connect_button.setObjectName("connectAccount")
        self.connect_button.clicked.connect(lambda: self.connect_account(""))
        self.reconnect_button = QPushButton(self.tr("&Reconnect…"))
        self.reconnect_button.setObjectName("reconnectAccount")
        self.reconnect_button.clicked.connect(self._reconnect)
        self.remove_button = QPushButton(self.tr("Re&move Connection"))
        self.remove_button.setObjectName("removeConnection")
        self.remove_button.clicked.connect(self._remove)
        self.info_label = _label()
        self.info_label.setObjectName("accountsInfo")
        buttons = QHBoxLayout()
        for button in (self.connect_button, self.reconnect_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            _label(
                self.tr(
                    "With an app key from the 1688 open platform the app fetches your 1688 "
                    "orders, cancels, refunds and (with the permission) places orders itself. "
                    "Without one everything works by hand: import 1688 exports and act on 1688 "
                    "in the browser."
                )
            )
        )
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.info_label)
        layout.addWidget(close)
        self.resize(720, 420)
        self._update_buttons()
        self.reload()

    def reload(self) -> None:
        self.worker.submit(
            without_context(acc.account_statuses), on_result=self._loaded, on_error=self._failed
        )

    def _failed(self, error: BaseException) -> None:
        self.info_label.setText(user_error_text(error))

    def _loaded(self, rows: list[acc.AccountStatus]) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            status = QCoreApplication.translate(
                "AccountsDialog", _STATUS.get(row.status, row.status)
            )
            if row.status == "connected" and row.access_expires_at:
                until = datetime.fromtimestamp(row.access_expires_at).strftime("%Y-%m-%d %H:%M")
                status = self.tr("{status} (token until {time})").format(status=status, time=until)
            if row.from_env:
                status = self.tr("{status}, from the environment").format(status=status)
            values = [row.name, row.member_id or "—", status, row.app_key_hint or "—"]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column == 2 and row.status == "reconnect":
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.table.setItem(index, column, item)
        if not rows:
            self.info_label.setText(self.tr("No distribution account yet: connect one to start."))
        self._update_buttons()

    def selected(self) -> acc.AccountStatus | None:
        items = self.table.selectedItems()
        if not items:
            return None
        row = items[0].row()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def _update_buttons(self) -> None:
        row = self.selected()
        self.reconnect_button.setEnabled(row is not None)
        self.remove_button.setEnabled(row is not None and row.status != "none")

    def connect_account(self, name: str) -> ConnectDialog:
        dialog = ConnectDialog(
            self.worker,
            self.network,
            [r.name for r in self.rows],
            self,
            name=name,
            open_url=self.open_url,
        )
        dialog.connected.connect(lambda _id: self.reload())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _reconnect(self) -> None:
        row = self.selected()
        if row is not None:
            self.connect_account(row.name)

    def _remove(self) -> None:
        row = self.selected()
        if row is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Remove Connection"),
            self.tr(
                "Forget the app key, secret and authorisation of “{name}”? The account and its "
                "orders stay; it then works by hand (manual connector)."
            ).format(name=row.name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.worker.submit(
            without_context(acc.remove_connection), row.id, on_result=lambda _c: self.reload(), on_error=self._failed,
            owner=self,
        )  # fmt: skip
