"""The after-sales dialogs: open a case, take a step on either side, log a contact, and edit the
reply templates and response windows.

Each dialog collects input and runs its service on the DB worker; a problem the service reports
is shown inside the dialog (nothing was written) and the dialog stays open to fix it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDateTime, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...connectors import Capability, ConnectorRegistry
from ...connectors.defaults import default_refund_reasons
from ...connectors.manual import AFTER_SALES_REFUND, RETURN_GOODS, ManualConnector
from ...domain.after_sales import (
    BuyerState,
    CaseKind,
    ContactChannel,
    ContactDirection,
    SupplierState,
)
from ...domain.cancel_flow import AccountRef
from ...errors import UserError
from ...services import after_sales as svc
from ...services import after_sales_supplier as supplier_svc
from ...services.base import Changes
from ..formatting import enum_label, format_money, user_error_text
from ..network import NetworkWorker
from ..tasks import DbWorker, without_context
from ..widgets.field_error import ErrorLabel
from ..widgets.money_edit import MoneyEdit

__all__ = [
    "AmountsDialog",
    "BuyerStepDialog",
    "ContactDialog",
    "OpenCaseDialog",
    "SupplierStepDialog",
    "connector_for",
]

#: Seed 6.2: each channel's trade-off, shown where the seller picks it.
CHANNEL_TIPS = {
    ContactChannel.ONLINE_CHAT: QT_TRANSLATE_NOOP(
        "ContactDialog", "Fast and convenient, but someone must be there to answer."
    ),
    ContactChannel.PHONE: QT_TRANSLATE_NOOP(
        "ContactDialog", "Direct and quick, but takes the most time and money."
    ),
    ContactChannel.EMAIL: QT_TRANSLATE_NOOP(
        "ContactDialog", "Answer when you have time, but replies are slower."
    ),
    ContactChannel.WANGWANG: QT_TRANSLATE_NOOP(
        "ContactDialog", "The platform's own chat: the buyer's messages stay on record."
    ),
    ContactChannel.OTHER: "",
}


def connector_for(registry: ConnectorRegistry, kind: str, account: AccountRef | None = None) -> Any:
    """The connector of a distribution account kind (from *registry*: the application context's);
    the manual one opens the system browser.

    *account* is the distribution account the 1688 order was bought with: a connector that acts
    for one account (the 1688 Open Platform) is made for it, never for another.
    """
    if kind == "manual" or not kind:
        return ManualConnector(open_url=lambda url: QDesktopServices.openUrl(QUrl(url)))
    if account is not None and registry.info(kind).can(Capability.NETWORK):
        return registry.create(kind, account=account)
    return registry.create(kind)


class _ServiceDialog(QDialog):
    """A dialog whose OK runs a service on the worker and closes only when it succeeded."""

    done_changes = Signal(object)

    def __init__(self, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.error = ErrorLabel(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)
        self.form = QFormLayout()
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def run(self) -> Callable[[], Changes] | None:
        """The service call to run, or ``None`` after showing why the input is not ready."""
        raise NotImplementedError

    @Slot()
    def _ok(self) -> None:
        call = self.run()
        if call is None:
            return
        self.buttons.setEnabled(False)
        self.submit(call)

    def submit(self, call: Callable[..., Changes]) -> None:
        """Run the service call off the UI thread (the DB worker; see SupplierStepDialog)."""
        self.worker.submit(
            without_context(call), on_result=self._succeeded, on_error=self._failed, owner=self
        )

    def _succeeded(self, changes: Changes) -> None:
        self.buttons.setEnabled(True)
        self.done_changes.emit(changes)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)

        if not isinstance(error, UserError):
            import sys

            sys.excepthook(type(error), error, error.__traceback__)
            return
        self.error.show_error(user_error_text(error))


def _kind_combo() -> QComboBox:
    combo = QComboBox()
    for kind in CaseKind:
        combo.addItem(enum_label(kind), kind.value)
    return combo


class OpenCaseDialog(_ServiceDialog):
    """Open an after-sales case on one order."""

    def __init__(
        self,
        worker: DbWorker,
        sales_order_id: int,
        order_no: str,
        sale_fen: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(worker, parent)
        self.setObjectName("openCaseDialog")
        self.sales_order_id = sales_order_id
        self.setWindowTitle(self.tr("New after-sales case · {}").format(order_no))
        self.kind = _kind_combo()
        self.kind.setObjectName("caseKind")
        self.reason = QLineEdit()
        self.reason.setObjectName("caseReason")
        self.reason.setPlaceholderText(self.tr("What the buyer says, e.g. 杯盖漏水"))
        self.amount = MoneyEdit(required=False)
        self.amount.setObjectName("caseAmount")
        if sale_fen:
            self.amount.set_fen(sale_fen)
        self.defect = QCheckBox(self.tr("The goods were faulty (counts against the supplier)"))
        self.defect.setObjectName("caseDefect")
        self.note = QLineEdit()
        self.form.addRow(self.tr("&Kind"), self.kind)
        self.form.addRow(self.tr("&Reason"), self.reason)
        self.form.addRow(self.tr("&Amount asked back"), self.amount)
        self.form.addRow("", self.defect)
        self.form.addRow(self.tr("&Note"), self.note)
        hint = QLabel(self.tr("Sale amount: {}").format(format_money(sale_fen)) if sale_fen else "")
        self.form.addRow("", hint)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.resize(440, self.sizeHint().height())

    @Slot()
    def _kind_changed(self) -> None:
        kind = CaseKind(self.kind.currentData())
        money = kind in (CaseKind.REFUND_ONLY, CaseKind.RETURN_REFUND)
        self.amount.setEnabled(money)
        self.defect.setChecked(kind in (CaseKind.EXCHANGE, CaseKind.RESHIP, CaseKind.REPAIR))

    def run(self) -> Callable[[], Changes] | None:
        if self.amount.isEnabled() and not self.amount.is_valid():
            self.error.show_error(self.amount.error())
            return None
        data = svc.CaseInput(
            kind=str(self.kind.currentData()),
            reason=self.reason.text(),
            requested_fen=(self.amount.value_fen() or 0) if self.amount.isEnabled() else 0,
            defect=self.defect.isChecked(),
            note=self.note.text(),
        )
        order_id = self.sales_order_id
        return lambda: svc.open_case(order_id, data)


class BuyerStepDialog(_ServiceDialog):
    """Move the buyer side one step, asking for what that step needs."""

    def __init__(
        self,
        worker: DbWorker,
        case: dict[str, Any],
        target: BuyerState,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(worker, parent)
        self.setObjectName("buyerStepDialog")
        self.case_id = int(case["id"])
        self.target = target
        self.setWindowTitle(self.tr("Buyer side: {}").format(enum_label(target)))
        self.amount: MoneyEdit | None = None
        self.tracking: QLineEdit | None = None
        self.extra: MoneyEdit | None = None
        if target is BuyerState.REFUNDED:
            self.amount = MoneyEdit(allow_zero=False)
            self.amount.setObjectName("stepAmount")
            self.amount.set_fen(int(case["requested_fen"]) or int(case.get("sale_fen") or 0))
            self.form.addRow(self.tr("Amount refunded to the buyer"), self.amount)
        if target in (BuyerState.GOODS_RETURNED, BuyerState.EXCHANGED):
            self.tracking = QLineEdit()
            self.tracking.setObjectName("stepTracking")
            caption = (
                self.tr("The buyer's return tracking no.")
                if target is BuyerState.GOODS_RETURNED
                else self.tr("Tracking no. of what was sent")
            )
            self.form.addRow(caption, self.tracking)
        if target is BuyerState.EXCHANGED:
            self.extra = MoneyEdit(required=False)
            self.extra.setObjectName("stepExtra")
            self.form.addRow(self.tr("Extra cost (postage, part, repair)"), self.extra)
        self.note = QLineEdit()
        self.note.setObjectName("stepNote")
        self.form.addRow(self.tr("Note"), self.note)
        self.resize(420, self.sizeHint().height())

    def run(self) -> Callable[[], Changes] | None:
        for edit in (self.amount, self.extra):
            if edit is not None and not edit.is_valid():
                self.error.show_error(edit.error())
                return None
        case_id, target = self.case_id, self.target.value
        refunded = self.amount.value_fen() if self.amount else None
        tracking = self.tracking.text() if self.tracking else ""
        extra = self.extra.value_fen() if self.extra else None
        note = self.note.text()
        return lambda: svc.move_buyer(
            case_id,
            target,
            refunded_fen=refunded,
            tracking_no=tracking,
            extra_cost_fen=extra,
            note=note,
        )


class AmountsDialog(_ServiceDialog):
    """Correct a case's amounts (e.g. return postage paid later) and whether the goods were
    faulty; audited on the order's timeline."""

    def __init__(
        self, worker: DbWorker, case: dict[str, Any], parent: QWidget | None = None
    ) -> None:
        super().__init__(worker, parent)
        self.setObjectName("amountsDialog")
        self.case_id = int(case["id"])
        self.setWindowTitle(self.tr("Amounts of the case"))
        self.edits: dict[str, MoneyEdit] = {}
        for key, text in (
            ("requested_fen", self.tr("Asked back")),
            ("refunded_fen", self.tr("Refunded to the buyer")),
            ("recovered_fen", self.tr("Recovered from the supplier")),
            ("extra_cost_fen", self.tr("Extra cost (postage, part, repair)")),
        ):
            edit = MoneyEdit()
            edit.setObjectName(f"amount_{key}")
            edit.set_fen(int(case[key]))
            self.form.addRow(text, edit)
            self.edits[key] = edit
        self.defect = QCheckBox(self.tr("The goods were faulty (counts against the supplier)"))
        self.defect.setObjectName("amountDefect")
        self.defect.setChecked(bool(case["defect"]))
        self.form.addRow("", self.defect)
        self.resize(420, self.sizeHint().height())

    def run(self) -> Callable[[], Changes] | None:
        for edit in self.edits.values():
            if not edit.is_valid():
                self.error.show_error(edit.error())
                return None
        case_id = self.case_id
        values = {key: edit.value_fen() for key, edit in self.edits.items()}
        defect = self.defect.isChecked()
        return lambda: svc.set_case_money(case_id, defect=defect, **values)


class SupplierStepDialog(_ServiceDialog):
    """A supplier-side step: ask on 1688 (through the connector), send the goods back (through
    the connector), or record what the supplier did."""

    def __init__(
        self,
        worker: DbWorker,
        case: dict[str, Any],
        target: SupplierState,
        connector: Any,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(worker, parent)
        self.setObjectName("supplierStepDialog")
        self.case = case
        self.target = target
        self.connector = connector
        #: Made when the connector talks to 1688 over the network (see submit()).
        self._network: NetworkWorker | None = None
        manual = bool(getattr(connector, "needs_manual_confirmation", False))
        self.setWindowTitle(self.tr("Supplier side: {}").format(enum_label(target)))
        order_1688 = case.get("order_id_1688") or ""
        self.form.addRow(self.tr("1688 order"), QLabel(order_1688 or self.tr("none linked")))
        self.amount: MoneyEdit | None = None
        self.reason: QComboBox | None = None
        self.description: QLineEdit | None = None
        self.received: QCheckBox | None = None
        self.carrier: QLineEdit | None = None
        self.tracking: QLineEdit | None = None
        self.text: QLineEdit | None = None
        self.confirm: QCheckBox | None = None
        self.refund_id: QLineEdit | None = None
        paid = int(case.get("supplier_paid_fen") or 0)
        if target is SupplierState.REQUESTED:
            self.amount = MoneyEdit(allow_zero=False)
            self.amount.setObjectName("supplierAmount")
            self.amount.set_fen(paid or int(case["requested_fen"]))
            self.form.addRow(
                self.tr("Amount to ask back (paid: {})").format(format_money(paid)), self.amount
            )
            self.reason = QComboBox()
            self.reason.setObjectName("supplierReason")
            if worker.ctx.connectors.is_networked(connector):
                # 1688's list comes over the network: the built-in list until it arrives.
                self._fill_reasons(default_refund_reasons())
                self._network = self._network_worker()
                self._network.submit(
                    without_context(connector.refund_reasons), order_1688, "aftersaleBuyerReceived",
                    on_result=self._fill_reasons, on_error=lambda _e: None, owner=self,
                )  # fmt: skip
            else:
                try:
                    reasons = connector.refund_reasons(order_1688, "aftersaleBuyerReceived")
                except Exception:  # a connector that cannot list reasons: the built-in list
                    reasons = default_refund_reasons()
                self._fill_reasons(reasons)
            self.form.addRow(self.tr("Reason"), self.reason)
            self.description = QLineEdit(case.get("reason") or "")
            self.description.setObjectName("supplierDescription")
            self.description.setMaxLength(150)
            self.description.setPlaceholderText(
                self.tr("2–150 characters, e.g. 杯盖漏水，买家退货")
            )
            self.form.addRow(self.tr("Description"), self.description)
            self.received = QCheckBox(self.tr("The buyer received the goods"))
            self.received.setChecked(True)
            self.form.addRow("", self.received)
        elif target is SupplierState.GOODS_RETURNED:
            self.carrier = QLineEdit()
            self.carrier.setObjectName("supplierCarrier")
            self.carrier.setPlaceholderText("中通快递")
            self.tracking = QLineEdit()
            self.tracking.setObjectName("supplierTracking")
            self.form.addRow(self.tr("Carrier"), self.carrier)
            self.form.addRow(self.tr("Return tracking no."), self.tracking)
            if case.get("return_address"):
                self.form.addRow(self.tr("Return address"), QLabel(case["return_address"]))
        elif target is SupplierState.AGREED:
            self.text = QLineEdit()
            self.text.setObjectName("supplierText")
            self.form.addRow(self.tr("Return address (if goods go back)"), self.text)
        elif target is SupplierState.REFUNDED:
            self.amount = MoneyEdit(allow_zero=False)
            self.amount.setObjectName("supplierAmount")
            self.amount.set_fen(paid or int(case["requested_fen"]))
            self.form.addRow(self.tr("Amount the supplier refunded"), self.amount)
        elif target is SupplierState.REFUSED:
            self.text = QLineEdit()
            self.text.setObjectName("supplierText")
            self.form.addRow(self.tr("What the supplier said"), self.text)
        self.through_connector = target in (SupplierState.REQUESTED, SupplierState.GOODS_RETURNED)
        if self.through_connector and manual:
            row = QHBoxLayout()
            self.open_button = QPushButton(self.tr("Open the order on 1688"))
            self.open_button.setObjectName("openOn1688")
            self.open_button.clicked.connect(self._open_1688)
            self.open_button.setEnabled(bool(order_1688))
            row.addWidget(self.open_button)
            row.addStretch(1)
            self.form.addRow(row)
            self.confirm = QCheckBox(
                self.tr("I applied for this refund on 1688")
                if target is SupplierState.REQUESTED
                else self.tr("I entered the return parcel on 1688")
            )
            self.confirm.setObjectName("confirmOn1688")
            self.form.addRow("", self.confirm)
            if target is SupplierState.REQUESTED:
                self.refund_id = QLineEdit()
                self.refund_id.setObjectName("refundId")
                self.refund_id.setPlaceholderText("TQ…")
                self.form.addRow(self.tr("1688 refund id (optional)"), self.refund_id)
        self.resize(480, self.sizeHint().height())

    def _fill_reasons(self, reasons: Any) -> None:
        """Offer *reasons* (1688's list for the order), keeping the choice when it is offered."""
        if self.reason is None or not reasons:
            return
        chosen = self.reason.currentData()
        self.reason.clear()
        for reason in reasons:
            self.reason.addItem(reason.name, reason.id)
        index = self.reason.findData(chosen)
        if index >= 0:
            self.reason.setCurrentIndex(index)

    def _network_worker(self) -> NetworkWorker:
        if self._network is None:
            self._network = NetworkWorker(self.worker, self)
            # Closing the dialog stops a call between its steps: the case stays "sent, answer
            # not recorded" and the seller resolves it like an interrupted request.
            self.finished.connect(self._network.shutdown)
        return self._network

    @Slot()
    def _open_1688(self) -> None:
        order = self.case.get("order_id_1688")
        if order and not self.connector.open_order(order):
            self.error.show_error(
                self.tr("No browser could be opened. Open {} yourself.").format(
                    self.connector.order_url(order)
                )
            )

    def run(self) -> Callable[[], Changes] | None:
        if self.amount is not None and not self.amount.is_valid():
            self.error.show_error(self.amount.error())
            return None
        if self.confirm is not None and not self.confirm.isChecked():
            self.error.show_error(
                self.tr("Do it on 1688 first, then tick the box to confirm it was done.")
            )
            return None
        case_id = int(self.case["id"])
        connector = self.connector
        order_1688 = str(self.case.get("order_id_1688") or "")
        if self.target is SupplierState.REQUESTED:
            assert self.amount is not None and self.reason is not None
            assert self.description is not None and self.received is not None
            amount = self.amount.value_fen() or 0
            reason = str(self.reason.currentData() or "")
            description = self.description.text()
            received = self.received.isChecked()
            refund_id = self.refund_id.text() if self.refund_id else ""
            confirmed = self.confirm is not None

            def ask(run_db: supplier_svc.RunDb | None = None) -> Changes:
                step = run_db or (lambda fn: fn())
                request = step(
                    lambda: supplier_svc.prepare_supplier_request(
                        case_id, amount, reason, description, buyer_received=received
                    )
                )
                if confirmed:
                    connector.confirm_after_sales(
                        order_1688, AFTER_SALES_REFUND, done=True, refund_id=refund_id
                    )
                return supplier_svc.submit_supplier_request(request, connector, run_db=run_db)

            return ask
        if self.target is SupplierState.GOODS_RETURNED:
            assert self.carrier is not None and self.tracking is not None
            carrier, tracking = self.carrier.text(), self.tracking.text()
            confirmed = self.confirm is not None

            def send_back(run_db: supplier_svc.RunDb | None = None) -> Changes:
                if confirmed:
                    connector.confirm_after_sales(order_1688, RETURN_GOODS, done=True)
                return supplier_svc.submit_return_goods(
                    case_id, connector, carrier, tracking, run_db=run_db
                )

            return send_back
        target = self.target.value
        amount = self.amount.value_fen() if self.amount else None
        text = self.text.text() if self.text else ""
        address = text if self.target is SupplierState.AGREED else ""
        message = text if self.target is SupplierState.REFUSED else ""
        return lambda: supplier_svc.record_supplier_step(
            case_id, target, recovered_fen=amount, return_address=address, message=message
        )

    def submit(self, call: Callable[..., Changes]) -> None:
        """A connector that talks to 1688 over the network is called on a network worker (its
        database steps go back to the DB worker through ``run_db``); the manual one asks the
        seller and answers at once, on the DB worker as before."""
        if not self.worker.ctx.connectors.is_networked(self.connector):
            super().submit(call)
            return
        network = self._network_worker()
        network.submit(
            without_context(call),
            run_db=network.run_db,
            on_result=self._succeeded,
            on_error=self._failed,
            owner=self,
        )

    def _succeeded(self, changes: Changes) -> None:
        # The connector answered "not done": the case is unchanged; say why and stay open.
        if self.through_connector and changes.message.startswith("Not done on 1688"):
            self.buttons.setEnabled(True)
            self.done_changes.emit(changes)
            from ..formatting import changes_text

            self.error.show_error(changes_text(changes))
            return
        super()._succeeded(changes)


class ContactDialog(_ServiceDialog):
    """Log one contact with the buyer."""

    def __init__(self, worker: DbWorker, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(worker, parent)
        self.setObjectName("contactDialog")
        self.case_id = case_id
        self.setWindowTitle(self.tr("Log a contact with the buyer"))
        self.channel = QComboBox()
        self.channel.setObjectName("contactChannel")
        for channel in ContactChannel:
            self.channel.addItem(enum_label(channel), channel.value)
            tip = CHANNEL_TIPS[channel]
            if tip:
                self.channel.setItemData(
                    self.channel.count() - 1, self.tr(tip), Qt.ItemDataRole.ToolTipRole
                )
        self.direction = QComboBox()
        self.direction.setObjectName("contactDirection")
        for direction in ContactDirection:
            self.direction.addItem(enum_label(direction), direction.value)
        self.when = QDateTimeEdit(QDateTime.currentDateTime())
        self.when.setObjectName("contactTime")
        self.when.setCalendarPopup(True)
        self.when.setMaximumDateTime(QDateTime.currentDateTime().addSecs(300))
        self.note = QPlainTextEdit()
        self.note.setObjectName("contactNote")
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(80)
        self.tip = QLabel()
        self.tip.setWordWrap(True)
        self.tip.setStyleSheet("color:#666")
        self.form.addRow(self.tr("&Channel"), self.channel)
        self.form.addRow("", self.tip)
        self.form.addRow(self.tr("&Direction"), self.direction)
        self.form.addRow(self.tr("&Time"), self.when)
        self.form.addRow(self.tr("N&ote"), self.note)
        self.channel.currentIndexChanged.connect(self._show_tip)
        self._show_tip()
        self.resize(440, self.sizeHint().height())

    @Slot()
    def _show_tip(self) -> None:
        tip = CHANNEL_TIPS[ContactChannel(self.channel.currentData())]
        self.tip.setText(self.tr(tip) if tip else "")

    def run(self) -> Callable[[], Changes] | None:
        case_id = self.case_id
        channel, direction = str(self.channel.currentData()), str(self.direction.currentData())
        note = self.note.toPlainText()
        at = int(self.when.dateTime().toSecsSinceEpoch())
        return lambda: svc.log_contact(case_id, channel, direction, note, at=at)
