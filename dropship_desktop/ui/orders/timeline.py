"""Plain-language timeline entries from the audit log (what a seller reads, not internal codes).

Audit events store an entity, an action code and JSON "before"/"after" values. This module turns
them into translated text: "1688 order · Closed on 1688", "Status: Paid, to ship → Closed".
Unknown actions and keys still show, as they are, so nothing recorded is ever hidden.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ...domain.enums import CancelAction, CancelReason, CancelRequestState, RefundStatus
from ...domain.money import fen_to_yuan_text
from ..after_sales import words as _after_sales
from ..formatting import enum_label, sales_status_label, supplier_status_label

__all__ = ["describe_action", "describe_values"]

_CTX = "Timeline"

_ENTITIES: dict[str, str] = {
    "sales_order": QT_TRANSLATE_NOOP("Timeline", "Order"),
    "supplier_order": QT_TRANSLATE_NOOP("Timeline", "1688 order"),
    "cancellation_request": QT_TRANSLATE_NOOP("Timeline", "Cancellation"),
}

_ACTIONS: dict[str, str] = {
    "create": QT_TRANSLATE_NOOP("Timeline", "Created"),
    "update": QT_TRANSLATE_NOOP("Timeline", "Changed"),
    "delete": QT_TRANSLATE_NOOP("Timeline", "Deleted"),
    "status_imported": QT_TRANSLATE_NOOP("Timeline", "Status updated from an imported file"),
    "reveal_buyer_data": QT_TRANSLATE_NOOP("Timeline", "Buyer data shown"),
    "link": QT_TRANSLATE_NOOP("Timeline", "Linked to this order by hand"),
    "matched_on_import": QT_TRANSLATE_NOOP(
        "Timeline", "Matched to this order on import (recipient and product)"
    ),
    "linked_downstream": QT_TRANSLATE_NOOP(
        "Timeline", "Linked to this order on import (its 下游订单号)"
    ),
    "cancel_recorded": QT_TRANSLATE_NOOP("Timeline", "Cancellation recorded"),
    "cancel_submitted": QT_TRANSLATE_NOOP("Timeline", "Cancellation started on 1688"),
    "cancel_skipped": QT_TRANSLATE_NOOP("Timeline", "Cancellation skipped"),
    "cancel_closed": QT_TRANSLATE_NOOP("Timeline", "Cancellation done: order closed"),
    "cancel_refund_requested": QT_TRANSLATE_NOOP("Timeline", "Cancellation done: refund requested"),
    "cancel_refunded": QT_TRANSLATE_NOOP("Timeline", "Cancellation done: refunded"),
    "cancel_failed": QT_TRANSLATE_NOOP("Timeline", "Cancellation failed"),
    "cancel_interrupted": QT_TRANSLATE_NOOP("Timeline", "Cancellation interrupted"),
    "cancel_resolved": QT_TRANSLATE_NOOP("Timeline", "Interrupted cancellation resolved"),
    "closed_on_1688": QT_TRANSLATE_NOOP("Timeline", "Closed on 1688"),
    "refund_requested_on_1688": QT_TRANSLATE_NOOP("Timeline", "Refund requested on 1688"),
    "status_follows_cancellation": QT_TRANSLATE_NOOP(
        "Timeline", "Status follows the cancelled 1688 orders"
    ),
    "shop_status_marked": QT_TRANSLATE_NOOP("Timeline", "Shop status recorded by the seller"),
    "lines_imported": QT_TRANSLATE_NOOP("Timeline", "Goods lines taken from an item report"),
    "amount_imported": QT_TRANSLATE_NOOP(
        "Timeline", "Amount updated from an imported file (price changed on the platform)"
    ),
    "refund_imported": QT_TRANSLATE_NOOP("Timeline", "Refund updated from an imported file"),
}

_KEYS: dict[str, str] = {
    "status": QT_TRANSLATE_NOOP("Timeline", "Status"),
    "state": QT_TRANSLATE_NOOP("Timeline", "State"),
    "refund_status": QT_TRANSLATE_NOOP("Timeline", "Refund"),
    "action": QT_TRANSLATE_NOOP("Timeline", "Action"),
    "reason": QT_TRANSLATE_NOOP("Timeline", "Reason"),
    "reason_text": QT_TRANSLATE_NOOP("Timeline", "Reason"),
    "message": QT_TRANSLATE_NOOP("Timeline", "Message"),
    "error_code": QT_TRANSLATE_NOOP("Timeline", "Error"),
    "order_id_1688": QT_TRANSLATE_NOOP("Timeline", "1688 order id"),
    "amount_fen": QT_TRANSLATE_NOOP("Timeline", "Amount"),
    "attempt": QT_TRANSLATE_NOOP("Timeline", "Attempt"),
    "file": QT_TRANSLATE_NOOP("Timeline", "File"),
    "fields": QT_TRANSLATE_NOOP("Timeline", "Fields"),
    "refund_id": QT_TRANSLATE_NOOP("Timeline", "Refund id"),
    "resolution": QT_TRANSLATE_NOOP("Timeline", "Resolution"),
    "sales_order_id": QT_TRANSLATE_NOOP("Timeline", "Order"),
    "lines": QT_TRANSLATE_NOOP("Timeline", "Lines"),
}

_FIELDS: dict[str, str] = {
    "buyer_name": QT_TRANSLATE_NOOP("Timeline", "name"),
    "buyer_phone": QT_TRANSLATE_NOOP("Timeline", "phone"),
    "ship_address": QT_TRANSLATE_NOOP("Timeline", "address"),
}

# The after-sales steps (issue #17) speak through their own module.
_ENTITIES.update(_after_sales.ENTITIES)
_ACTIONS.update(_after_sales.ACTIONS)
_KEYS.update(_after_sales.KEYS)

#: Keys whose values say nothing to a seller next to the rest (ids of rows).
_HIDDEN_KEYS = frozenset({"sales_order_id", "refund_id"})


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def _enum(enum: Any, raw: Any) -> str:
    try:
        return enum_label(enum(raw))
    except ValueError:
        return str(raw)


def describe_action(entity: str, action: str) -> str:
    """ "1688 order · Closed on 1688" for an audit event's entity and action code."""
    what = _ENTITIES.get(entity)
    label = _ACTIONS.get(action)
    text = _tr(label) if label else action
    return f"{_tr(what)} · {text}" if what else text


def _value(entity: str, key: str, value: Any) -> str:
    if value is None or value == "":
        return "—"
    if key == "status":
        return (
            sales_status_label(value) if entity == "sales_order" else supplier_status_label(value)
        )
    if key == "state":
        return _enum(CancelRequestState, value)
    if key == "refund_status":
        return _enum(RefundStatus, value)
    if key == "action":
        return _enum(CancelAction, value)
    if key == "reason":
        return _enum(CancelReason, value)
    if key == "amount_fen" and isinstance(value, int):
        return "¥" + fen_to_yuan_text(value)
    if key in _after_sales.VALUES:
        return _after_sales.VALUES[key](value)
    if key == "fields" and isinstance(value, list):
        return "、".join(_tr(_FIELDS[f]) if f in _FIELDS else str(f) for f in value)
    return str(value)


def describe_values(entity: str, raw_json: str) -> str:
    """ "Status: Closed; 1688 order id: 1930…" for an audit event's before or after JSON."""
    if not raw_json:
        return ""
    try:
        values = json.loads(raw_json)
    except ValueError:
        return raw_json
    if not isinstance(values, dict):
        return str(values)
    parts = []
    for key, value in values.items():
        if key in _HIDDEN_KEYS or (key == "reason_text" and not value):
            continue
        label = _KEYS.get(key)
        name = _tr(label) if label else key
        parts.append(
            QCoreApplication.translate("Timeline", "{name}: {value}").format(
                name=name, value=_value(entity, key, value)
            )
        )
    return QCoreApplication.translate("Timeline", "; ").join(parts)
