"""Step 3 of the cancel wizard: select the supplier orders to cancel; blocked ones say why."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from ...domain.cancel_flow import (
    CancelStep,
    OrderCandidate,
)
from ...domain.enums import CancelAction
from ..formatting import (
    format_money,
    supplier_status_label,
)
from ..widgets.column_widths import order_number_width, text_width
from ..widgets.tables import read_only_table
from .models import Cell, CellTableModel, Row
from .step_page import (
    SELECT_ALL_CONFIRM_ABOVE,
    StepPage,
    wrap_label,
)
from .texts import (
    Status,
    plan_status,
    status_color,
    status_icon,
    translate,
)

if TYPE_CHECKING:
    from .context import WizardContext

__all__ = ["SelectPage"]

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

    def __init__(self, context: WizardContext) -> None:
        super().__init__(CancelStep.SELECT, context)
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
        self.summary_label = wrap_label()
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
            wrap_label(
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
