"""Step 5 of the cancel wizard: the close reason and remark, the refund reason and description."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...connectors.defaults import default_refund_reasons
from ...context import AppContext
from ...domain.cancel_flow import (
    DESCRIPTION_MAX_CHARS,
    DESCRIPTION_MIN_CHARS,
    REMARK_MAX_CHARS,
    CancelStep,
    CloseReasonInput,
    RefundReason,
    RefundReasonInput,
)
from ...domain.enums import CancelAction, CancelReason
from ..formatting import (
    enum_label,
)
from .step_page import (
    StepPage,
    order_label,
    wrap_label,
)
from .texts import (
    Status,
    status_icon,
)

if TYPE_CHECKING:
    from ...connectors.base import Connector
    from .context import WizardContext

__all__ = ["CloseReasonEditor", "ReasonPage", "RefundReasonEditor"]

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
        self.evidence_label = wrap_label()
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

    def __init__(self, context: WizardContext) -> None:
        super().__init__(CancelStep.REASON, context)
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
        self.own_title = wrap_label()
        editor_box.addWidget(self.own_title)
        editor_box.addWidget(self.own_stack)
        editor_box.addStretch(1)
        own_layout.addLayout(editor_box, 3)

        self.mode_stack = QStackedWidget()
        self.mode_stack.addWidget(shared)
        self.mode_stack.addWidget(own)
        self.reasons_note = wrap_label()
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
            self.cw.run_connector(
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
    ctx: AppContext, connector: Connector, orders: Sequence[tuple[int, str]]
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
