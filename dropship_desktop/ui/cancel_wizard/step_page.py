"""What every page of the cancel wizard shares: :class:`StepPage` (title from the seed,
completeness and problems from the flow) and the small helpers the pages use.

A page talks to the wizard only through :class:`~.context.WizardContext`, never to the wizard class
or to another page."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QLabel,
    QWidget,
    QWizardPage,
)

from ...connectors import ConnectorRegistry
from ...domain.cancel_flow import (
    CancelStep,
    OrderCandidate,
    Problem,
)
from ...domain.enums import OrderStatus1688
from ..formatting import (
    translated,
)
from .texts import (
    Status,
    problem_text,
    status_color,
    step_title,
)

if TYPE_CHECKING:
    from ...domain.cancel_flow import CancelFlow
    from .context import WizardContext

__all__ = ["StepPage", "connector_label", "open_in_browser", "order_label", "wrap_label"]

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


def connector_label(registry: ConnectorRegistry, kind: str) -> str:
    """What a connector kind means, for the seller (its label in *registry*; an unknown kind as
    is)."""
    info = registry.get(kind)
    return translated(info.label) if info is not None else kind


def open_in_browser(url: str) -> bool:
    """Open *url* in the system browser (the manual connector's ``open_url``)."""
    return QDesktopServices.openUrl(QUrl(url))


def order_label(candidate: OrderCandidate | None, supplier_order_id: int) -> str:
    """How an order is named in messages: its 1688 id, else the shop order number."""
    if candidate is not None and candidate.order_id_1688:
        return candidate.order_id_1688
    if candidate is not None and candidate.sale is not None:
        return candidate.sale.shop_order_no
    return f"#{supplier_order_id}"


def wrap_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


class StepPage(QWizardPage):
    """A page bound to one step of the flow: title from the seed, completeness from the flow."""

    def __init__(self, step: CancelStep, context: WizardContext) -> None:
        super().__init__()
        self.step = step
        self.cw: WizardContext = context
        self.setObjectName(f"step{step.value}")
        # The seed's Chinese title as is; the step's name in the UI language under it.
        self.setTitle(f"{step.value}. {step.title_zh}")
        self.setSubTitle(
            self.tr("Step {n} of 6 · {name}").format(n=step.value, name=step_title(step))
        )
        self.problems_label = wrap_label()
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
