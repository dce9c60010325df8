"""The cancel wizard's own texts (step titles, statuses, colours, icons) and how it shows the flow's.

The domain, the services and the connectors speak in codes with marked texts from the message
catalogue (:mod:`dropship_desktop.messages`): ``Problem.message``, ``OrderPlan.message``,
``Advice.message`` and the connectors' answers are :class:`~dropship_desktop.i18n.Text` values the
UI translates (:func:`~dropship_desktop.ui.formatting.translated`). A message read back from the
database is plain English: :func:`known` finds its template in the catalogue. Messages that come
from the platform (Chinese, from 1688) are shown as they are.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QStyle

from ...domain.cancel_flow import (
    Advice,
    CancelStep,
    OrderOutcome,
    OrderPlan,
    OutcomeKind,
    Problem,
)
from ...domain.enums import CancelAction
from ...messages import CANCEL_COMPLETENESS, ORDER_PROBLEM, find
from ..formatting import translated
from ..view_base import icon

__all__ = [
    "CONTEXT",
    "STEP_TITLES",
    "Status",
    "advice_text",
    "completeness_text",
    "known",
    "outcome_status",
    "plan_status",
    "problem_text",
    "status_color",
    "status_icon",
    "step_title",
    "translate",
]

CONTEXT = "CancelWizard"


def translate(text: str, n: int = -1) -> str:
    """*text* translated in the wizard's context (*text* must be one of the marked literals)."""
    return QCoreApplication.translate(CONTEXT, text, None, n)


def known(message: str) -> str:
    """A runtime message in the UI language.

    A marked :class:`~dropship_desktop.i18n.Text` is translated in its context; a plain text read
    back from the database is looked up in the catalogue (:func:`dropship_desktop.messages.find`),
    then among the services' messages; anything else (1688's own Chinese answers) is shown as it
    is.
    """
    if getattr(message, "template", None) is not None:
        return translated(message)
    template = find(message) if message else None
    if template is not None:
        return translated(template)
    if message:
        # Stored requests keep the English text of the service's marked message.
        return QCoreApplication.translate("Messages", message)
    return message


#: English step names (identical to ``CancelStep.title_en``; a test keeps them in step).
STEP_TITLES: dict[CancelStep, str] = {
    CancelStep.SIGN_IN: QT_TRANSLATE_NOOP(
        "CancelWizard", "Sign in to the Alibaba distribution page"
    ),
    CancelStep.ORDER_LIST: QT_TRANSLATE_NOOP("CancelWizard", "Open the order management page"),
    CancelStep.SELECT: QT_TRANSLATE_NOOP("CancelWizard", "Select the orders to cancel"),
    CancelStep.CONFIRM: QT_TRANSLATE_NOOP("CancelWizard", "Click the cancel-order button"),
    CancelStep.REASON: QT_TRANSLATE_NOOP("CancelWizard", "Fill in the cancellation reason"),
    CancelStep.SUBMIT: QT_TRANSLATE_NOOP("CancelWizard", "Submit the cancellation request"),
}


def step_title(step: CancelStep) -> str:
    """The step's name in the UI language (the Chinese seed title is shown beside it as is)."""
    return translate(STEP_TITLES[step])


def problem_text(problem: Problem, order_label: str = "") -> str:
    """A problem in the UI language; *order_label* names the order it is about, if any."""
    text = known(problem.message)
    if problem.supplier_order_id is not None and order_label:
        text = translated(ORDER_PROBLEM).format(order=order_label, text=text)
    return text


class Status:
    """Kinds of per-row status, each with a colour and an icon (see :func:`status_color`)."""

    CLOSE = "close"
    REFUND = "refund"
    BLOCKED = "blocked"
    WAIT = "wait"
    DONE = "done"
    REQUESTED = "requested"
    FAILED = "failed"
    SKIPPED = "skipped"
    INTERRUPTED = "interrupted"
    BUSY = "busy"
    QUEUED = "queued"


def plan_status(plan: OrderPlan, status_raw: str = "") -> tuple[str, str]:
    """``(kind, text)`` saying what submitting will do to an order (steps 3 and 4)."""
    if plan.skip_code:
        text = known(plan.message)
        kind = Status.WAIT if plan.skip_code == "too_soon" else Status.BLOCKED
        return kind, text
    if plan.action is CancelAction.CLOSE:
        return Status.CLOSE, translate(
            QT_TRANSLATE_NOOP("CancelWizard", "Close the order (unpaid)")
        )
    return Status.REFUND, translate(
        QT_TRANSLATE_NOOP("CancelWizard", "Refund application (paid, not shipped)")
    )


def outcome_status(outcome: OrderOutcome) -> tuple[str, str]:
    """``(kind, text)`` of an order's outcome on step 6 and in the resolve dialog."""
    message = known(outcome.message)
    if outcome.kind is OutcomeKind.CLOSED:
        return Status.DONE, translate(QT_TRANSLATE_NOOP("CancelWizard", "Closed on 1688"))
    if outcome.kind is OutcomeKind.REFUND_REQUESTED:
        return Status.REQUESTED, translate(
            QT_TRANSLATE_NOOP("CancelWizard", "Refund requested: waiting for the supplier")
        )
    if outcome.kind is OutcomeKind.SKIPPED:
        return Status.SKIPPED, translate(QT_TRANSLATE_NOOP("CancelWizard", "Skipped: {}")).format(
            message
        )
    if outcome.kind is OutcomeKind.INTERRUPTED:
        return Status.INTERRUPTED, translate(
            QT_TRANSLATE_NOOP("CancelWizard", "Interrupted: {}")
        ).format(message)
    text = message or outcome.error_code
    if outcome.error_code and outcome.error_code not in text:
        text = f"{text} ({outcome.error_code})"
    return Status.FAILED, translate(QT_TRANSLATE_NOOP("CancelWizard", "Failed: {}")).format(text)


def advice_text(advice: Advice) -> str:
    """Seed 5.3 advice in the UI language."""
    return known(advice.message)


def completeness_text(code: str) -> str:
    """What a product listing lacks, briefly."""
    template = CANCEL_COMPLETENESS.get(code)
    return translated(template) if template is not None else code


# ---- colours and icons ------------------------------------------------------------------------

_LIGHT = {
    Status.CLOSE: "#0d47a1",
    Status.REFUND: "#8a4b00",
    Status.BLOCKED: "#616161",
    Status.WAIT: "#6a1b9a",
    Status.DONE: "#1b5e20",
    Status.REQUESTED: "#0d47a1",
    Status.FAILED: "#b71c1c",
    Status.SKIPPED: "#616161",
    Status.INTERRUPTED: "#8a4b00",
}
_DARK = {
    Status.CLOSE: "#90caf9",
    Status.REFUND: "#ffcc80",
    Status.BLOCKED: "#bdbdbd",
    Status.WAIT: "#ce93d8",
    Status.DONE: "#a5d6a7",
    Status.REQUESTED: "#90caf9",
    Status.FAILED: "#ef9a9a",
    Status.SKIPPED: "#bdbdbd",
    Status.INTERRUPTED: "#ffcc80",
}


def _dark() -> bool:
    return QApplication.palette().color(QPalette.ColorRole.Base).lightness() < 128


def status_color(kind: str) -> QColor | None:
    """Text colour of a status (readable on the light and the dark palette); ``None``: default."""
    table = _DARK if _dark() else _LIGHT
    value = table.get(kind)
    return QColor(value) if value else None


def status_icon(kind: str) -> QIcon:
    """Icon of a status: the app's own where one fits, the style's standard ones otherwise."""
    own = {
        Status.CLOSE: "cancel-order",
        Status.REFUND: "after-sales",
        Status.REQUESTED: "after-sales",
        Status.WAIT: "refresh",
    }
    if kind in own:
        return icon(own[kind])
    standard = {
        Status.BLOCKED: QStyle.StandardPixmap.SP_MessageBoxWarning,
        Status.DONE: QStyle.StandardPixmap.SP_DialogApplyButton,
        Status.FAILED: QStyle.StandardPixmap.SP_MessageBoxCritical,
        Status.SKIPPED: QStyle.StandardPixmap.SP_MessageBoxInformation,
        Status.INTERRUPTED: QStyle.StandardPixmap.SP_MessageBoxWarning,
        Status.BUSY: QStyle.StandardPixmap.SP_MediaPlay,
    }.get(kind)
    if standard is None:
        return QIcon()
    return QApplication.style().standardIcon(standard)
