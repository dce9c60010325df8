"""Plain words for the after-sales steps on an order's timeline (merged into
:mod:`dropship_desktop.ui.orders.timeline`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP

from ...domain.after_sales import (
    BuyerState,
    CaseKind,
    ContactChannel,
    ContactDirection,
    SupplierState,
)
from ...domain.money import fen_to_yuan_text
from ..formatting import enum_label

__all__ = ["ACTIONS", "ENTITIES", "KEYS", "VALUES"]

ENTITIES: dict[str, str] = {
    "after_sales_case": QT_TRANSLATE_NOOP("Timeline", "After-sales"),
}

ACTIONS: dict[str, str] = {
    "as_opened": QT_TRANSLATE_NOOP("Timeline", "Case opened"),
    "as_imported": QT_TRANSLATE_NOOP("Timeline", "Case imported from the platform's file"),
    "as_import_update": QT_TRANSLATE_NOOP("Timeline", "Case updated from the platform's file"),
    "as_buyer_requested": QT_TRANSLATE_NOOP("Timeline", "Buyer's request recorded"),
    "as_buyer_agreed": QT_TRANSLATE_NOOP("Timeline", "Buyer's request agreed"),
    "as_buyer_refused": QT_TRANSLATE_NOOP("Timeline", "Buyer's request refused"),
    "as_buyer_goods_returned": QT_TRANSLATE_NOOP("Timeline", "Buyer returned the goods"),
    "as_buyer_refunded": QT_TRANSLATE_NOOP("Timeline", "Buyer refunded"),
    "as_buyer_exchanged": QT_TRANSLATE_NOOP(
        "Timeline", "Replacement, missing part or repaired item sent to the buyer"
    ),
    "as_buyer_closed": QT_TRANSLATE_NOOP("Timeline", "Case closed"),
    "as_supplier_sending": QT_TRANSLATE_NOOP("Timeline", "Sent to the supplier on 1688"),
    "as_supplier_requested": QT_TRANSLATE_NOOP("Timeline", "Refund asked of the supplier on 1688"),
    "as_supplier_agreed": QT_TRANSLATE_NOOP("Timeline", "Supplier agreed"),
    "as_supplier_goods_returned": QT_TRANSLATE_NOOP("Timeline", "Goods sent back to the supplier"),
    "as_supplier_refunded": QT_TRANSLATE_NOOP("Timeline", "Supplier refunded"),
    "as_supplier_refused": QT_TRANSLATE_NOOP("Timeline", "Supplier refused"),
    "as_supplier_failed": QT_TRANSLATE_NOOP("Timeline", "Not done on 1688"),
    "as_supplier_withdrawing": QT_TRANSLATE_NOOP("Timeline", "Withdrawal sent to 1688"),
    "as_supplier_none": QT_TRANSLATE_NOOP("Timeline", "Refund application withdrawn on 1688"),
    "as_contact": QT_TRANSLATE_NOOP("Timeline", "Contact with the buyer logged"),
    "as_money": QT_TRANSLATE_NOOP("Timeline", "Amounts corrected"),
}

KEYS: dict[str, str] = {
    "kind": QT_TRANSLATE_NOOP("Timeline", "Kind"),
    "buyer_state": QT_TRANSLATE_NOOP("Timeline", "Buyer side"),
    "supplier_state": QT_TRANSLATE_NOOP("Timeline", "Supplier side"),
    "tracking_no": QT_TRANSLATE_NOOP("Timeline", "Tracking no."),
    "carrier": QT_TRANSLATE_NOOP("Timeline", "Carrier"),
    "channel": QT_TRANSLATE_NOOP("Timeline", "Channel"),
    "direction": QT_TRANSLATE_NOOP("Timeline", "Direction"),
    "requested_fen": QT_TRANSLATE_NOOP("Timeline", "Asked back"),
    "refunded_fen": QT_TRANSLATE_NOOP("Timeline", "Refunded"),
    "recovered_fen": QT_TRANSLATE_NOOP("Timeline", "Recovered"),
    "extra_cost_fen": QT_TRANSLATE_NOOP("Timeline", "Extra cost"),
    "defect": QT_TRANSLATE_NOOP("Timeline", "Faulty goods"),
    "dispute": QT_TRANSLATE_NOOP("Timeline", "Request"),
    "goods_status": QT_TRANSLATE_NOOP("Timeline", "Goods status"),
    "platform_status": QT_TRANSLATE_NOOP("Timeline", "Platform status"),
}


def _enum(enum: Any) -> Callable[[Any], str]:
    def render(raw: Any) -> str:
        try:
            return enum_label(enum(raw))
        except ValueError:
            return str(raw)

    return render


def _money(value: Any) -> str:
    return "¥" + fen_to_yuan_text(value) if isinstance(value, int) else str(value)


def _yes_no(value: Any) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("Timeline", "yes" if value else "no")


_ = (QT_TRANSLATE_NOOP("Timeline", "yes"), QT_TRANSLATE_NOOP("Timeline", "no"))

VALUES: dict[str, Callable[[Any], str]] = {
    "kind": _enum(CaseKind),
    "buyer_state": _enum(BuyerState),
    "supplier_state": _enum(SupplierState),
    "channel": _enum(ContactChannel),
    "direction": _enum(ContactDirection),
    "requested_fen": _money,
    "refunded_fen": _money,
    "recovered_fen": _money,
    "extra_cost_fen": _money,
    "defect": _yes_no,
}
