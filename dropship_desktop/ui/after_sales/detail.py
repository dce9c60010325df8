"""One after-sales case: both sides with their next steps, money, contacts, replies, timeline."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...connectors import Capability, ConnectorRegistry
from ...domain.after_sales import (
    BuyerState,
    CaseKind,
    CaseMoney,
    ContactChannel,
    ContactDirection,
    SupplierState,
    buyer_next_states,
    supplier_next_states,
    supplier_withdrawable,
)
from ...domain.money import fen_to_yuan_text
from ...domain.reply_templates import fill_template
from ...errors import UserError
from ...store.after_sales_queries import CaseDetail
from ..formatting import enum_label, format_datetime, format_money
from ..models.rows import RowColumn, RowsModel
from ..orders.timeline import describe_action, describe_values
from ..widgets.tables import read_only_table
from .queue_model import time_left_text

__all__ = ["CaseDetailPane", "buyer_step_text", "supplier_step_text"]

#: Step buttons per row of a side's grid.
_BUTTONS_PER_ROW = 3
#: Supplier-side states whose refund application may still move on 1688.
_CHECKABLE = frozenset(
    {SupplierState.REQUESTED, SupplierState.AGREED, SupplierState.GOODS_RETURNED}
)


def _tracks_refunds(registry: ConnectorRegistry | None, kind: object) -> bool:
    """Whether the case's connector kind reads and withdraws refund applications itself."""
    if registry is None:
        return False
    try:
        return registry.info(str(kind or "manual")).can(Capability.TRACKS_REFUNDS)
    except UserError:  # a kind this build does not know
        return False


_CTX = "CaseDetail"

_BUYER_STEPS: dict[BuyerState, str] = {
    BuyerState.AGREED: QT_TRANSLATE_NOOP("CaseDetail", "&Agree…"),
    BuyerState.REFUSED: QT_TRANSLATE_NOOP("CaseDetail", "Re&fuse…"),
    BuyerState.GOODS_RETURNED: QT_TRANSLATE_NOOP("CaseDetail", "&Goods came back…"),
    BuyerState.REFUNDED: QT_TRANSLATE_NOOP("CaseDetail", "Refund the &buyer…"),
    BuyerState.CLOSED: QT_TRANSLATE_NOOP("CaseDetail", "&Close the case…"),
}
_EXCHANGED: dict[CaseKind, str] = {
    CaseKind.EXCHANGE: QT_TRANSLATE_NOOP("CaseDetail", "Replacement &sent…"),
    CaseKind.RESHIP: QT_TRANSLATE_NOOP("CaseDetail", "Part re-&shipped…"),
    CaseKind.REPAIR: QT_TRANSLATE_NOOP("CaseDetail", "Repaired and &sent back…"),
}
_ANSWERED = QT_TRANSLATE_NOOP("CaseDetail", "&Answered, close…")
_SUPPLIER_STEPS: dict[SupplierState, str] = {
    SupplierState.REQUESTED: QT_TRANSLATE_NOOP("CaseDetail", "Ask supplier on &1688…"),
    SupplierState.AGREED: QT_TRANSLATE_NOOP("CaseDetail", "Supplier agr&eed…"),
    SupplierState.GOODS_RETURNED: QT_TRANSLATE_NOOP("CaseDetail", "Send goods bac&k…"),
    SupplierState.REFUNDED: QT_TRANSLATE_NOOP("CaseDetail", "Supplier &refunded…"),
    SupplierState.REFUSED: QT_TRANSLATE_NOOP("CaseDetail", "Supplier refuse&d…"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def buyer_step_text(kind: CaseKind, target: BuyerState) -> str:
    """The button text of a buyer-side step (translated)."""
    if target is BuyerState.EXCHANGED:
        return _tr(_EXCHANGED.get(kind, _EXCHANGED[CaseKind.EXCHANGE]))
    if target is BuyerState.CLOSED and kind is CaseKind.SUPPORT:
        return _tr(_ANSWERED)
    return _tr(_BUYER_STEPS[target])


def supplier_step_text(target: SupplierState) -> str:
    return _tr(_SUPPLIER_STEPS[target])


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value))


def _enum(enum: Any, raw: Any) -> str:
    try:
        return enum_label(enum(raw))
    except ValueError:
        return str(raw or "")


CONTACT_COLUMNS = (
    RowColumn(1, QT_TRANSLATE_NOOP("CaseDetail", "When"), format_datetime),
    RowColumn(2, QT_TRANSLATE_NOOP("CaseDetail", "Channel"), lambda v: _enum(ContactChannel, v)),
    RowColumn(
        3, QT_TRANSLATE_NOOP("CaseDetail", "Direction"), lambda v: _enum(ContactDirection, v)
    ),
    RowColumn(4, QT_TRANSLATE_NOOP("CaseDetail", "Note")),
)


class CaseDetailPane(QWidget):
    """Shows one :class:`CaseDetail` and offers its next steps.

    Signals:
        buyer_step(str): The seller chose a buyer-side step (a :class:`BuyerState` value).
        supplier_step(str): The seller chose a supplier-side step.
        resolve_pending(bool): The seller says whether a request left unanswered went through.
        check_on_1688(): Look the refund application up on 1688 (connectors that track refunds).
        withdraw_on_1688(): Withdraw the refund application on 1688.
        contact_requested(): Log a contact.
        templates_requested(): Edit the reply templates.
        reply_copied(str): A reply was copied to the clipboard (its text).
    """

    buyer_step = Signal(str)
    supplier_step = Signal(str)
    resolve_pending = Signal(bool)
    check_on_1688 = Signal()
    withdraw_on_1688 = Signal()
    contact_requested = Signal()
    amounts_requested = Signal()
    templates_requested = Signal()
    reply_copied = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseDetail")
        self.detail: CaseDetail | None = None
        #: The application's connector kinds (set by the view): which buttons a case's connector
        #: gets.
        self.registry: ConnectorRegistry | None = None
        self.now = 0
        self._templates: list[tuple[int, str, str, str]] = []
        self.title = QLabel()
        self.title.setObjectName("caseTitle")
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.buyer_box = QGroupBox()
        self.buyer_info = QLabel()
        self.buyer_info.setObjectName("buyerInfo")
        self.buyer_info.setWordWrap(True)
        self.buyer_buttons = QGridLayout()
        self.buyer_buttons.setContentsMargins(0, 0, 0, 0)
        self.buyer_buttons.setColumnStretch(_BUTTONS_PER_ROW, 1)  # buttons keep their width
        buyer_layout = QVBoxLayout(self.buyer_box)
        buyer_layout.addWidget(self.buyer_info)
        buyer_layout.addLayout(self.buyer_buttons)

        self.supplier_box = QGroupBox()
        self.supplier_info = QLabel()
        self.supplier_info.setObjectName("supplierInfo")
        self.supplier_info.setWordWrap(True)
        self.supplier_info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.supplier_buttons = QGridLayout()
        self.supplier_buttons.setContentsMargins(0, 0, 0, 0)
        self.supplier_buttons.setColumnStretch(_BUTTONS_PER_ROW, 1)  # buttons keep their width
        supplier_layout = QVBoxLayout(self.supplier_box)
        supplier_layout.addWidget(self.supplier_info)
        supplier_layout.addLayout(self.supplier_buttons)

        self.money = QLabel()
        self.money.setObjectName("caseMoney")
        self.money.setWordWrap(True)
        self.amounts_button = QPushButton()
        self.amounts_button.setObjectName("editAmounts")
        self.amounts_button.clicked.connect(self.amounts_requested)

        self.contacts_model = RowsModel(CONTACT_COLUMNS, _CTX, self)
        self.contacts = read_only_table(self.contacts_model, "contactTable")
        self.contacts.verticalHeader().setDefaultSectionSize(22)
        self.contacts.setMinimumHeight(80)
        self.contacts.setMaximumHeight(120)
        self.contact_button = QPushButton()
        self.contact_button.setObjectName("logContact")
        self.contact_button.clicked.connect(self.contact_requested)

        self.template = QComboBox()
        self.template.setObjectName("replyTemplate")
        self.template.currentIndexChanged.connect(self._show_reply)
        self.reply = QPlainTextEdit()
        self.reply.setObjectName("replyPreview")
        self.reply.setReadOnly(True)
        self.reply.setTabChangesFocus(True)
        self.reply.setFixedHeight(64)
        self.copy_button = QPushButton()
        self.copy_button.setObjectName("copyReply")
        self.copy_button.clicked.connect(self.copy_reply)
        self.templates_button = QPushButton()
        self.templates_button.setObjectName("editTemplates")
        self.templates_button.clicked.connect(self.templates_requested)

        self.timeline = QTextBrowser()
        self.timeline.setObjectName("caseTimeline")
        self.timeline.setMinimumHeight(90)

        sides = QGridLayout()
        sides.addWidget(self.buyer_box, 0, 0)
        sides.addWidget(self.supplier_box, 1, 0)
        contact_row = QHBoxLayout()
        self.contacts_label = QLabel()
        contact_row.addWidget(self.contacts_label, 1)
        contact_row.addWidget(self.contact_button)
        reply_row = QHBoxLayout()
        self.reply_label = QLabel()
        reply_row.addWidget(self.reply_label)
        reply_row.addWidget(self.template, 1)
        reply_row.addWidget(self.copy_button)
        reply_row.addWidget(self.templates_button)
        self.timeline_label = QLabel()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(sides)
        money_row = QHBoxLayout()
        money_row.addWidget(self.money, 1)
        money_row.addWidget(self.amounts_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(money_row)
        layout.addLayout(contact_row)
        layout.addWidget(self.contacts)
        layout.addLayout(reply_row)
        layout.addWidget(self.reply)
        layout.addWidget(self.timeline_label)
        layout.addWidget(self.timeline, 1)
        self._step_buttons: list[QPushButton] = []
        self._retranslate()
        self.show_detail(None)

    def _retranslate(self) -> None:
        self.buyer_box.setTitle(self.tr("Buyer (shop)"))
        self.supplier_box.setTitle(self.tr("Supplier (1688)"))
        self.contact_button.setText(self.tr("&Log contact…"))
        self.contact_button.setToolTip(self.tr("Log a call, chat or email with the buyer (Ctrl+L)"))
        self.copy_button.setText(self.tr("Co&py reply"))
        self.copy_button.setToolTip(
            self.tr("Copy the filled-in reply to the clipboard (Ctrl+Shift+C)")
        )
        self.templates_button.setText(self.tr("Templates…"))
        self.amounts_button.setText(self.tr("A&mounts…"))
        self.amounts_button.setToolTip(
            self.tr("Correct the amounts, add return postage, mark the goods faulty")
        )
        self.contacts_label.setText("<b>" + self.tr("Contacts with the buyer") + "</b>")
        self.reply_label.setText(self.tr("Reply:"))
        self.timeline_label.setText("<b>" + self.tr("Timeline") + "</b>")

    def tab_chain(self) -> list[QWidget]:
        return [
            *self._step_buttons,
            self.amounts_button,
            self.contact_button,
            self.contacts,
            self.template,
            self.copy_button,
            self.templates_button,
            self.timeline,
        ]

    def case_id(self) -> int | None:
        return int(self.detail.case["id"]) if self.detail is not None else None

    def set_templates(self, rows: list[tuple[int, str, str, str]]) -> None:
        self._templates = rows
        self._fill_templates()

    # -- content ------------------------------------------------------------------------------

    def show_detail(self, detail: CaseDetail | None, now: int | None = None) -> None:
        if detail is None or self.case_id() != detail.case["id"]:
            self.template.setCurrentIndex(-1)  # another case: its kind's template first
        self.detail = detail
        if now is not None:
            self.now = now
        for button in self._step_buttons:
            # Out of its grid at once (the next buttons take its cell), deleted later.
            self.buyer_buttons.removeWidget(button)
            self.supplier_buttons.removeWidget(button)
            button.hide()
            button.deleteLater()
        self._step_buttons = []
        enabled = detail is not None
        for widget in (
            self.contact_button, self.copy_button, self.template, self.reply, self.amounts_button,
        ):  # fmt: skip
            widget.setEnabled(enabled)
        self.buyer_box.setVisible(enabled)
        self.supplier_box.setVisible(enabled)
        if detail is None:
            self.title.setText(self.tr("Select a case to see both sides."))
            self.money.clear()
            self.contacts_model.set_rows([])
            self.timeline.clear()
            self.reply.clear()
            return
        c = detail.case
        t_case = self.tr("Platform case")
        t_since = self.tr("since")
        t_due = self.tr("due")
        t_return = self.tr("Return parcel")
        t_sent = self.tr("Sent to the buyer")
        t_status = self.tr("Platform status")
        t_order = self.tr("1688 order")
        t_supplier = self.tr("Supplier")
        kind = CaseKind(c["kind"])
        buyer = BuyerState(c["buyer_state"])
        supplier = SupplierState(c["supplier_state"])
        case_no = f" · {_e(t_case)} {_e(c['platform_case_no'])}" if c["platform_case_no"] else ""
        self.title.setText(
            f"<b>{_e(c['shop_order_no'])}</b> · {_e(c['shop'])} · <b>{_e(enum_label(kind))}</b>"
            f"{case_no}<br>{_e(c['product_summary'])}"
            + (f"<br><i>{_e(c['reason'])}</i>" if c["reason"] else "")
        )
        # Buyer side
        lines = [
            f"<b>{_e(enum_label(buyer))}</b> · {_e(t_since)} "
            f"{_e(format_datetime(c['buyer_state_at']))}"
        ]
        if c["closed_at"] is None and c["deadline_at"] is not None:
            left = time_left_text(c["deadline_at"], self.now)
            colour = "#c81e1e" if c["deadline_at"] < self.now else "#333"
            lines.append(
                f"<span style='color:{colour}'><b>{_e(left)}</b></span> · "
                f"{_e(t_due)} {_e(format_datetime(c['deadline_at']))}"
            )
        if c["buyer_tracking_no"]:
            lines.append(self._pair(t_return, c["buyer_tracking_no"]))
        if c["reship_tracking_no"]:
            lines.append(self._pair(t_sent, c["reship_tracking_no"]))
        if c["platform_status"]:
            lines.append(self._pair(t_status, c["platform_status"]))
        self.buyer_info.setText("<br>".join(lines))
        for target in buyer_next_states(kind, buyer):
            self._add_button(
                self.buyer_buttons, buyer_step_text(kind, target),
                lambda _=False, t=target.value: self.buyer_step.emit(t), f"buyer_{target.value}",
            )  # fmt: skip
        # Supplier side
        lines = [f"<b>{_e(enum_label(supplier))}</b>"]
        if c["order_id_1688"]:
            lines.append(self._pair(t_order, c["order_id_1688"]))
        else:
            lines.append(_e(self.tr("No 1688 order linked to this order.")))
        if c["supplier"]:
            lines.append(self._pair(t_supplier, c["supplier"]))
        for key, text in (
            ("supplier_refund_id", self.tr("Refund id")),
            ("return_address", self.tr("Return address")),
            ("supplier_tracking_no", self.tr("Return parcel")),
            ("supplier_message", self.tr("Last message")),
        ):
            if c[key]:
                lines.append(self._pair(text, c[key]))
        pending = bool(c["supplier_pending"])
        if pending:
            lines.append(
                "<span style='color:#c81e1e'><b>"
                + _e(self.tr("Sent to 1688, answer not recorded: check on 1688 and say."))
                + "</b></span>"
            )
            self._add_button(
                self.supplier_buttons, self.tr("It went through"),
                lambda: self.resolve_pending.emit(True), "pending_done",
            )  # fmt: skip
            self._add_button(
                self.supplier_buttons, self.tr("It did not"),
                lambda: self.resolve_pending.emit(False), "pending_not_done",
            )  # fmt: skip
        else:
            for target in supplier_next_states(kind, supplier):
                self._add_button(
                    self.supplier_buttons, supplier_step_text(target),
                    lambda _=False, t=target.value: self.supplier_step.emit(t),
                    f"supplier_{target.value}",
                )  # fmt: skip
            if c["supplier_refund_id"] and _tracks_refunds(self.registry, c.get("connector")):
                if supplier in _CHECKABLE:
                    self._add_button(
                        self.supplier_buttons, self.tr("Check o&n 1688"),
                        self.check_on_1688.emit, "supplier_check",
                    )  # fmt: skip
                if supplier_withdrawable(supplier, c["supplier_refund_id"]):
                    self._add_button(
                        self.supplier_buttons, self.tr("&Withdraw application…"),
                        self.withdraw_on_1688.emit, "supplier_withdraw",
                    )  # fmt: skip
        if kind is CaseKind.SUPPORT:
            lines = [_e(self.tr("Technical support has no supplier side."))]
        self.supplier_info.setText("<br>".join(lines))
        # Money
        money = CaseMoney(
            c["requested_fen"], c["refunded_fen"], c["recovered_fen"], c["extra_cost_fen"]
        )
        loss = money.net_loss_fen
        self.money.setText(
            self.tr(
                "Asked back {asked} · refunded to the buyer {refunded} · recovered from the "
                "supplier {recovered} · extra cost {extra} · <b>net loss {loss}</b>"
            ).format(
                asked=format_money(money.requested_fen),
                refunded=format_money(money.refunded_fen),
                recovered=format_money(money.recovered_fen),
                extra=format_money(money.extra_cost_fen),
                loss=format_money(loss),
            )
        )
        self.contacts_model.set_rows(
            [(r["id"], r["at"], r["channel"], r["direction"], r["note"]) for r in detail.contacts]
        )
        self._fill_templates()
        self.timeline.setHtml(self._timeline_html(detail))

    def _pair(self, name: str, value: Any) -> str:
        """ "name: value" as HTML, with the language's own colon."""
        return _e(self.tr("{name}: {value}").format(name=name, value=value))

    def _add_button(self, layout: QGridLayout, text: str, slot: Any, name: str) -> None:
        """A step button in the side's grid, :data:`_BUTTONS_PER_ROW` to a row (the pane is
        narrow: a row of five would need scrolling)."""
        button = QPushButton(text)
        button.setObjectName(f"step_{name}")
        button.clicked.connect(slot)
        row, column = divmod(layout.count(), _BUTTONS_PER_ROW)
        layout.addWidget(button, row, column)
        self._step_buttons.append(button)

    def _timeline_html(self, detail: CaseDetail) -> str:
        rows = "".join(
            "<tr><td style='white-space:nowrap;color:#666;padding-right:6px'>"
            f"{_e(format_datetime(r['at']))}</td><td>"
            f"{_e(describe_action(str(r['entity']), str(r['action'])))}"
            + (
                f"<br><span style='color:#555'>{_e(describe_values(str(r['entity']), str(r['after'] or '')))}</span>"
                if r["after"]
                else ""
            )
            + "</td></tr>"
            for r in reversed(detail.timeline)
        )
        return f"<table cellspacing='0' cellpadding='2'>{rows}</table>"

    # -- replies ------------------------------------------------------------------------------

    def _fill_templates(self) -> None:
        kind = self.detail.case["kind"] if self.detail else ""
        current = self.template.currentData()
        self.template.blockSignals(True)
        self.template.clear()
        suited = [t for t in self._templates if t[2] in ("", kind)]
        # Templates for this kind first: the one the seller most likely wants.
        suited.sort(key=lambda t: t[2] == "")
        for template_id, name, _kind, _body in suited:
            self.template.addItem(name, template_id)
        index = self.template.findData(current)
        self.template.setCurrentIndex(index if index >= 0 else 0)
        self.template.blockSignals(False)
        self._show_reply()

    def _values(self) -> dict[str, str]:
        if self.detail is None:
            return {}
        c = self.detail.case
        amount = c["refunded_fen"] or c["requested_fen"]
        return {
            "order_no": c["shop_order_no"] or "",
            "product": c["product_summary"] or "",
            "amount": fen_to_yuan_text(amount) if amount else "",
            "tracking_no": c["reship_tracking_no"]
            or c["buyer_tracking_no"]
            or c["tracking_no"]
            or "",
        }

    @Slot()
    def _show_reply(self) -> None:
        template_id = self.template.currentData()
        body = next((t[3] for t in self._templates if t[0] == template_id), "")
        self.reply.setPlainText(fill_template(body, self._values()) if self.detail else "")

    @Slot()
    def copy_reply(self) -> None:
        """Copy the filled-in reply to the clipboard in one click."""
        text = self.reply.toPlainText()
        if not text:
            return
        QGuiApplication.clipboard().setText(text)
        self.reply_copied.emit(text)
