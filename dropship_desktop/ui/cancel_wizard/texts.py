"""Translated texts of the cancel wizard: step titles, problems, plans, outcomes, advice.

The domain speaks in codes with English text for logs and tests (``Problem.code``,
``OrderPlan.skip_code``, ``Advice.code``); the wizard shows them through the tables below, whose
literals are marked with ``QT_TRANSLATE_NOOP`` so lupdate collects them. Messages that come from the
platform (Chinese, from 1688) are shown as they are. English runtime messages of the services and
connectors that the wizard passes on are listed in :data:`KNOWN_MESSAGES` so they translate too;
anything else is shown unchanged.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QStyle

from ...domain.cancel_flow import CancelStep, OrderOutcome, OrderPlan, OutcomeKind, Problem
from ...domain.enums import CancelAction
from ..formatting import translated
from ..view_base import icon

__all__ = [
    "CONTEXT",
    "KNOWN_MESSAGES",
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

    One of :data:`KNOWN_MESSAGES` is translated in the wizard's context; a message the services
    marked (a :class:`~dropship_desktop.i18n.Text`, or its plain text read back from the
    database) in theirs; anything else (1688's own Chinese answers) is shown as it is.
    """
    if message in KNOWN_MESSAGES:
        return translate(message)
    if getattr(message, "template", None) is not None:
        return translated(message)
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


_PROBLEMS: dict[str, str] = {
    "no_account": QT_TRANSLATE_NOOP("CancelWizard", "Choose the distribution account to use."),
    "sign_in_unconfirmed": QT_TRANSLATE_NOOP(
        "CancelWizard", "Sign in on the 1688 page that was opened, then confirm here."
    ),
    "orders_not_loaded": QT_TRANSLATE_NOOP(
        "CancelWizard", "The account's orders are being loaded."
    ),
    "no_orders": QT_TRANSLATE_NOOP(
        "CancelWizard", "This account has no supplier orders to cancel."
    ),
    "nothing_selected": QT_TRANSLATE_NOOP("CancelWizard", "Select at least one order to cancel."),
    "nothing_cancellable": QT_TRANSLATE_NOOP(
        "CancelWizard",
        "None of the selected orders can be cancelled here; see each order's note.",
    ),
    "close_reason_missing": QT_TRANSLATE_NOOP(
        "CancelWizard", "Choose why the unpaid orders are closed."
    ),
    "remark_required": QT_TRANSLATE_NOOP(
        "CancelWizard", "With the reason “Other”, say in the remark what it is."
    ),
    "remark_too_long": QT_TRANSLATE_NOOP(
        "CancelWizard", "The remark has {count} characters; at most {max} are allowed."
    ),
    "refund_reason_missing": QT_TRANSLATE_NOOP("CancelWizard", "Choose a refund reason."),
    "refund_reason_not_offered": QT_TRANSLATE_NOOP(
        "CancelWizard", "The chosen refund reason is not offered for this order; choose another."
    ),
    "description_too_short": QT_TRANSLATE_NOOP(
        "CancelWizard", "Describe the refund in at least {min} characters."
    ),
    "description_too_long": QT_TRANSLATE_NOOP(
        "CancelWizard", "The description has {count} characters; 1688 accepts at most {max}."
    ),
    "vouchers_required": QT_TRANSLATE_NOOP(
        "CancelWizard", "The reason “{reason}” needs evidence: add 1 to {max} images."
    ),
    "too_many_vouchers": QT_TRANSLATE_NOOP(
        "CancelWizard", "At most {max} evidence images can be attached."
    ),
    "refund_reasons_not_loaded": QT_TRANSLATE_NOOP(
        "CancelWizard", "The refund reasons of this order are not loaded yet."
    ),
}

#: English messages of the flow, services and connectors that reach the seller unchanged.
KNOWN_MESSAGES: frozenset[str] = frozenset(
    {
        QT_TRANSLATE_NOOP(
            "CancelWizard",
            "Sign in to 1688 in the browser window that opened, then confirm here.",
        ),
        QT_TRANSLATE_NOOP(
            "CancelWizard",
            "Open https://login.1688.com/ in your browser, sign in, then confirm here.",
        ),
        QT_TRANSLATE_NOOP("CancelWizard", "Signing in failed."),
        QT_TRANSLATE_NOOP("CancelWizard", "You are not signed in to 1688 yet."),
        QT_TRANSLATE_NOOP("CancelWizard", "Sign in to the distribution account."),
        QT_TRANSLATE_NOOP("CancelWizard", "Not done on 1688 (the seller did not confirm it)."),
        QT_TRANSLATE_NOOP(
            "CancelWizard", "Nothing was confirmed for this order; do it on 1688 and confirm."
        ),
        QT_TRANSLATE_NOOP("CancelWizard", "1688 could not be reached; nothing was sent."),
        QT_TRANSLATE_NOOP("CancelWizard", "Not done on 1688."),
        QT_TRANSLATE_NOOP(
            "CancelWizard",
            "The app stopped before this was sent to 1688. Check the order on 1688, then say "
            "whether it was done.",
        ),
        QT_TRANSLATE_NOOP(
            "CancelWizard",
            "The app stopped while this was being sent to 1688. Check the order on 1688, then "
            "say whether it was done.",
        ),
        QT_TRANSLATE_NOOP("CancelWizard", "Stopped before sending: nothing was sent to 1688."),
        # create_account's field messages
        QT_TRANSLATE_NOOP("CancelWizard", "Enter a name for the account."),
        QT_TRANSLATE_NOOP("CancelWizard", "The name is longer than 100 characters."),
        QT_TRANSLATE_NOOP("CancelWizard", "The 1688 member id is longer than 100 characters."),
        QT_TRANSLATE_NOOP("CancelWizard", "Choose a connector (manual if unsure)."),
    }
)


def problem_text(problem: Problem, order_label: str = "") -> str:
    """A problem in the UI language; *order_label* names the order it is about, if any."""
    template = _PROBLEMS.get(problem.code)
    if template is None:
        text = known(problem.message)
    else:
        try:
            text = translate(template).format(**problem.params)
        except (KeyError, IndexError, ValueError):
            text = known(problem.message)
    if problem.supplier_order_id is not None and order_label:
        text = translate(QT_TRANSLATE_NOOP("CancelWizard", "{order}: {text}")).format(
            order=order_label, text=text
        )
    return text


_SKIPS: dict[str, str] = {
    "after_sales_only": QT_TRANSLATE_NOOP(
        "CancelWizard",
        "Not cancellable: shipped or received. Use an after-sales return/refund instead.",
    ),
    "already_closed": QT_TRANSLATE_NOOP("CancelWizard", "Already closed on 1688; nothing to do."),
    "unknown_status": QT_TRANSLATE_NOOP(
        "CancelWizard", "Unknown 1688 status ({status}); check the order on 1688."
    ),
    "too_soon": QT_TRANSLATE_NOOP(
        "CancelWizard",
        "Too soon: created less than 10 seconds ago; 1688 accepts the close in {seconds} s "
        "(step 6 waits for it).",
    ),
    "no_order_id": QT_TRANSLATE_NOOP(
        "CancelWizard", "The 1688 order id is not known; link or import the 1688 order first."
    ),
    "pending": QT_TRANSLATE_NOOP(
        "CancelWizard", "A cancellation or refund for this order is already under way."
    ),
}


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
        params = {"status": status_raw, "seconds": plan.retry_in_seconds}
        template = _SKIPS.get(plan.skip_code)
        text = translate(template).format(**params) if template else known(plan.message)
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
        template = _SKIPS.get(outcome.error_code)
        if template:
            params = {"status": "", "seconds": outcome.retry_in_seconds}
            message = translate(template).format(**params)
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


_ADVICE: dict[str, str] = {
    "lead_time_exceeds_deadline": QT_TRANSLATE_NOOP(
        "CancelWizard",
        "The supplier's lead time was longer than the time left to the shop's ship-by deadline. "
        "Choose offers that ship in time, or promise a later dispatch in the listing.",
    ),
    "description_incomplete": QT_TRANSLATE_NOOP(
        "CancelWizard",
        "The product description is incomplete. Clear product information (size, material, "
        "specifications) keeps buyers from cancelling or returning.",
    ),
    "supplier_out_of_stock": QT_TRANSLATE_NOOP(
        "CancelWizard",
        "The supplier ran out of stock. Check the offer's stock before listing and keep a "
        "second supplier for products that sell well.",
    ),
    "answer_buyers": QT_TRANSLATE_NOOP(
        "CancelWizard",
        "The buyer cancelled. Answer buyers' questions quickly: unanswered questions lead to "
        "cancellations.",
    ),
    "pay_supplier_promptly": QT_TRANSLATE_NOOP(
        "CancelWizard",
        "The supplier order was still unpaid after the buyer had paid. Pay supplier orders "
        "promptly so the supplier ships in time.",
    ),
}

_COMPLETENESS: dict[str, str] = {
    "title_short": QT_TRANSLATE_NOOP("CancelWizard", "the title is short"),
    "no_sku": QT_TRANSLATE_NOOP("CancelWizard", "no SKU"),
    "no_sale_price": QT_TRANSLATE_NOOP("CancelWizard", "no sale price"),
    "no_specs": QT_TRANSLATE_NOOP("CancelWizard", "no specifications"),
    "description_short": QT_TRANSLATE_NOOP("CancelWizard", "the description is short"),
    "no_size_or_material": QT_TRANSLATE_NOOP("CancelWizard", "no size, material or colour"),
}


def advice_text(code: str, fallback: str) -> str:
    """Seed 5.3 advice in the UI language."""
    template = _ADVICE.get(code)
    return translate(template) if template else fallback


def completeness_text(code: str) -> str:
    """What a product listing lacks, briefly."""
    template = _COMPLETENESS.get(code)
    return translate(template) if template else code


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
