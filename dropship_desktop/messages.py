"""The message catalogue: every user-facing text of the cancel flow, once.

Domain, services and connectors return codes with values, or texts made from the templates here
(:func:`~dropship_desktop.i18n.with_values`); the UI translates them
(``ui.formatting.translated``) and the CLI prints their English. No layer keeps a copy of a
template: a text is changed here, and lupdate collects it from here.

Where it sits: beside :mod:`~dropship_desktop.i18n` and :mod:`~dropship_desktop.errors`, below
``domain``. It imports nothing but :mod:`~dropship_desktop.i18n` and needs no Qt at import
(``i18n.QT_TRANSLATE_NOOP`` has Qt's name and signature, so lupdate reads it, and returns a
:class:`~dropship_desktop.i18n.Text`), so every layer may import it.

The cancel flow's templates keep the ``CancelWizard`` translation context they had when the wizard
held them. Request rows store a message's English text; :func:`find` gives its template back
(the wizard shows a stored message in the UI language through it).

Adding a message: put the template here, marked with ``QT_TRANSLATE_NOOP(context, …)`` and with
``{name}`` fields for its values; return ``with_values(TEMPLATE, name=…)`` (or the code, when a
table maps codes to templates); then ``tools/i18n.py update`` and a translation in
``tools/zh_CN/``.
"""

from __future__ import annotations

from collections.abc import Iterable

from .i18n import QT_TRANSLATE_NOOP, Text, with_values

__all__ = [
    "CANCEL_ADVICE",
    "CANCEL_COMPLETENESS",
    "CANCEL_PROBLEMS",
    "CANCEL_SKIPS",
    "CONNECTION_LOST_WHILE_SENDING",
    "NOTHING_CONFIRMED",
    "NOT_CONFIRMED_ON_1688",
    "NOT_DONE_ON_1688",
    "NOT_IN_LIST",
    "NOT_SIGNED_IN_YET",
    "ORDER_PROBLEM",
    "SIGN_IN_FAILED",
    "SIGN_IN_IN_BROWSER",
    "SIGN_IN_OPEN_URL",
    "SIGN_IN_TO_ACCOUNT",
    "STOPPED_BEFORE_SENDING",
    "STOPPED_BEFORE_SENT",
    "STOPPED_WHILE_SENDING",
    "UNREACHABLE_NOT_SENT",
    "find",
    "message",
]

# ---- cancel flow: why a step is not complete (Problem.code) ------------------------------------

CANCEL_PROBLEMS: dict[str, Text] = {
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

# ---- cancel flow: why an order is not sent (OrderPlan.skip_code; fields status, seconds) -------

CANCEL_SKIPS: dict[str, Text] = {
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

# ---- cancel flow: advice for next time (seed 5.3; Advice.code), in the order shown ------------

CANCEL_ADVICE: dict[str, Text] = {
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

#: What a listing lacks, briefly (codes of ``domain.sourcing.description_completeness``), for the
#: "description incomplete" advice.
CANCEL_COMPLETENESS: dict[str, Text] = {
    "title_short": QT_TRANSLATE_NOOP("CancelWizard", "the title is short"),
    "no_sku": QT_TRANSLATE_NOOP("CancelWizard", "no SKU"),
    "no_sale_price": QT_TRANSLATE_NOOP("CancelWizard", "no sale price"),
    "no_specs": QT_TRANSLATE_NOOP("CancelWizard", "no specifications"),
    "description_short": QT_TRANSLATE_NOOP("CancelWizard", "the description is short"),
    "no_size_or_material": QT_TRANSLATE_NOOP("CancelWizard", "no size, material or colour"),
}

#: Why an order cannot be selected in step 3 when it is not among the account's orders.
NOT_IN_LIST = QT_TRANSLATE_NOOP("CancelWizard", "This order is not in the account's list.")

# ---- cancel flow: signing in (flow, manual connector) ------------------------------------------

SIGN_IN_IN_BROWSER = QT_TRANSLATE_NOOP(
    "CancelWizard", "Sign in to 1688 in the browser window that opened, then confirm here."
)
SIGN_IN_OPEN_URL = QT_TRANSLATE_NOOP(
    "CancelWizard", "Open https://login.1688.com/ in your browser, sign in, then confirm here."
)
SIGN_IN_FAILED = QT_TRANSLATE_NOOP("CancelWizard", "Signing in failed.")
NOT_SIGNED_IN_YET = QT_TRANSLATE_NOOP("CancelWizard", "You are not signed in to 1688 yet.")
SIGN_IN_TO_ACCOUNT = QT_TRANSLATE_NOOP("CancelWizard", "Sign in to the distribution account.")

# ---- cancel flow: sending and its outcomes (manual connector, services, step 6) ----------------

NOT_CONFIRMED_ON_1688 = QT_TRANSLATE_NOOP(
    "CancelWizard", "Not done on 1688 (the seller did not confirm it)."
)
NOTHING_CONFIRMED = QT_TRANSLATE_NOOP(
    "CancelWizard", "Nothing was confirmed for this order; do it on 1688 and confirm."
)
UNREACHABLE_NOT_SENT = QT_TRANSLATE_NOOP(
    "CancelWizard", "1688 could not be reached; nothing was sent."
)
NOT_DONE_ON_1688 = QT_TRANSLATE_NOOP("CancelWizard", "Not done on 1688.")
CONNECTION_LOST_WHILE_SENDING = QT_TRANSLATE_NOOP(
    "CancelWizard",
    "The connection was lost while sending; check on 1688 whether the order was cancelled, "
    "then say what happened.",
)
STOPPED_BEFORE_SENT = QT_TRANSLATE_NOOP(
    "CancelWizard",
    "The app stopped before this was sent to 1688. Check the order on 1688, then say "
    "whether it was done.",
)
STOPPED_WHILE_SENDING = QT_TRANSLATE_NOOP(
    "CancelWizard",
    "The app stopped while this was being sent to 1688. Check the order on 1688, then "
    "say whether it was done.",
)
STOPPED_BEFORE_SENDING = QT_TRANSLATE_NOOP(
    "CancelWizard", "Stopped before sending: nothing was sent to 1688."
)
#: "{order}: {text}" — a problem about one order, named.
ORDER_PROBLEM = QT_TRANSLATE_NOOP("CancelWizard", "{order}: {text}")


def message(table: dict[str, Text], code: str, /, **params: object) -> Text:
    """The template of *code* in *table*, filled in with *params* (translatable by the UI)."""
    return with_values(table[code], **params)


def _all_templates() -> Iterable[Text]:
    for table in (CANCEL_PROBLEMS, CANCEL_SKIPS, CANCEL_ADVICE, CANCEL_COMPLETENESS):
        yield from table.values()
    for value in globals().values():
        if isinstance(value, Text):
            yield value


_BY_TEXT: dict[str, Text] = {}


def find(text: str) -> Text | None:
    """The catalogue's template whose English is *text* (a stored message without values)."""
    if not _BY_TEXT:
        _BY_TEXT.update({str(t): t for t in _all_templates() if "{" not in t.template})
    return _BY_TEXT.get(str(text))
