"""Step 4 of the cancel wizard: per order the action and amount, what cancelling costs (seed 5.2)
and how to avoid it next time (seed 5.3)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QVBoxLayout,
)

from ...domain.cancel_flow import (
    CancelStep,
)
from ...domain.enums import CancelAction
from ..formatting import (
    enum_label,
    format_money,
)
from ..widgets.column_widths import order_number_width, text_width
from ..widgets.tables import read_only_table
from .models import Cell, CellTableModel, Row
from .shop_side import ShopTodoBox
from .step_page import (
    StepPage,
    wrap_label,
)
from .texts import (
    Status,
    advice_text,
    completeness_text,
    plan_status,
    status_color,
    status_icon,
)

if TYPE_CHECKING:
    from ...domain.cancel_flow import CancelFlow
    from .context import WizardContext

__all__ = ["ConfirmPage", "consequences_html"]

# --------------------------------------------------------------------------------------------
# Step 4: what cancelling means
# --------------------------------------------------------------------------------------------


class ConfirmPage(StepPage):
    """Step 4: per order the action and amount; the consequences (seed 5.2) and advice (5.3)."""

    def __init__(self, context: WizardContext) -> None:
        super().__init__(CancelStep.CONFIRM, context)
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
        self.consequences_label = wrap_label()
        self.consequences_label.setObjectName("consequences")
        self.consequences_label.setTextFormat(Qt.TextFormat.RichText)
        self.consequences_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.advice_label = wrap_label()
        self.advice_label.setObjectName("advice")
        self.advice_label.setTextFormat(Qt.TextFormat.RichText)
        self.advice_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        consequences = QGroupBox(self.tr("What cancelling costs (seed 5.2)"))
        box = QVBoxLayout(consequences)
        box.addWidget(self.consequences_label)
        advice = QGroupBox(self.tr("How to avoid this next time (seed 5.3)"))
        advice_box = QVBoxLayout(advice)
        advice_box.addWidget(self.advice_label)
        self.note_label = wrap_label(
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
        self.consequences_label.setText(consequences_html(self.flow, self.cw.shop_names))
        self.shop_todo.set_todos(flow.shop_todos())
        self.advice_label.setText(self._advice_html())
        self.flow_changed()
        self.focus_later(self.table)

    def _advice_html(self) -> str:
        advice = self.flow.advice()
        if not advice:
            return _html(self.tr("No particular advice for these orders."))
        items = []
        for item in advice:
            text = _html(advice_text(item))
            if item.details:
                text += " <i>(" + _html(", ".join(completeness_text(d) for d in item.details))
                text += ")</i>"
            count = self.tr("%n order(s)", "", len(item.supplier_order_ids))
            items.append(f"<li>{text} — {_html(count)}</li>")
        return "<ul style='margin-left:-20px'>" + "".join(items) + "</ul>"


class ConsequencesText(QObject):
    """What cancelling costs (seed 5.2) as rich text: steps 4 and 6 both show it."""

    def html(self, flow: CancelFlow, shop_names: Mapping[int, str]) -> str:
        """Seed 5.2 for the selected orders, as rich text."""
        c = flow.consequences()
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
                    "Apply for the refund of %n paid order(s): {amount} asked back",
                    "",
                    c.refunds,
                ).format(amount=format_money(c.refund_amount_fen))
            )
        lines.append(
            self.tr("Sales lost: {sales} · profit lost: {profit}").format(
                sales=format_money(c.sales_lost_fen), profit=format_money(c.profit_lost_fen)
            )
        )
        for rate in c.rates:
            shop = shop_names.get(rate.shop_id, f"#{rate.shop_id}")
            lines.append(
                self.tr(
                    "{shop}: 30-day cancellation rate {before} → <b>{after}</b> "
                    "({cb}/{ob} → {ca}/{oa} orders)",
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
                self.tr(
                    "The shop's credit rating (信用评价) goes down with every cancellation.",
                )
            )
        if "shop_traffic" in c.warnings:
            warnings.append(
                self.tr(
                    "Shop traffic (店铺流量) drops: the platform shows the shop's products less.",
                )
            )
        color = status_color(Status.FAILED)
        style = f' style="color:{color.name()}"' if color is not None else ""
        html = "<br>".join(lines)
        if warnings:
            html += "<p" + style + ">" + "<br>".join(f"⚠ {_html(w)}" for w in warnings) + "</p>"
        return html


def consequences_html(flow: CancelFlow, shop_names: Mapping[int, str]) -> str:
    """Seed 5.2 for the selected orders, as rich text (steps 4 and 6 show it)."""
    return ConsequencesText().html(flow, shop_names)


def _percent(value: float) -> str:
    from PySide6.QtCore import QLocale

    return QLocale().toString(value * 100, "f", 1) + "%"


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
