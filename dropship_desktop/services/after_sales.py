"""After-sales use cases (售后): opening cases, both sides' steps, contacts, money, templates,
deadline settings, and the supplier side through the connector.

Every step is checked by :mod:`dropship_desktop.domain.after_sales`, written in one transaction
and recorded on the order's timeline (an ``audit_event`` of entity ``after_sales_case`` with the
order's id), so the order detail shows each step in plain words.

The supplier side goes through the connector like the cancel wizard: the request is recorded
(``supplier_pending``) in its own transaction before the connector is called, the answer in
another (:func:`submit_supplier_request`, :func:`submit_return_goods`). A crash in between
leaves the case marked "sent, answer not recorded", which the seller resolves
(:func:`resolve_pending`) after looking on 1688; the supplier side never moves unless the
connector (for the manual connector: the seller) confirmed it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..domain.after_sales import (
    BuyerState,
    CaseKind,
    ContactChannel,
    ContactDirection,
    DeadlineStage,
    SupplierState,
    buyer_step_problems,
    deadline_at,
    is_open,
    queue_rank,
)
from ..domain.enums import CLOSED_1688_STATUSES
from ..domain.money import fen_to_yuan_text
from ..domain.reply_templates import fill_template
from ..domain.timeutil import now_epoch
from ..errors import UserError, ValidationError
from ..i18n import QT_TRANSLATE_NOOP, join, label
from ..store.after_sales_queries import deadline_hours
from ..store.db import connection, execute_sql
from . import risk
from .base import Changes, audit, write_op

__all__ = [
    "PENDING_REFUND",
    "PENDING_RETURN",
    "PENDING_WITHDRAW",
    "CaseInput",
    "delete_template",
    "fill_reply",
    "log_contact",
    "move_buyer",
    "open_case",
    "save_template",
    "set_case_money",
    "set_deadline_hours",
    "template_values",
]

log = logging.getLogger(__name__)

ENTITY = "after_sales_case"
#: ``supplier_pending`` values: what was sent to 1688 and not yet answered.
PENDING_REFUND = "refund_request"
PENDING_RETURN = "return_goods"
PENDING_WITHDRAW = "withdraw_refund"

_CASE_GONE = QT_TRANSLATE_NOOP("Errors", "The after-sales case no longer exists.")
_TABLES = ("after_sales_case",)


@dataclass(frozen=True)
class CaseInput:
    """A new case.

    Attributes:
        kind: A :class:`CaseKind` value.
        reason: The buyer's reason, as the seller writes or the platform says it.
        requested_fen: What the buyer asks back (0 when nothing is asked).
        defect: The goods were faulty (counts toward the supplier's defect rate).
        note: The seller's note.
        supplier_order_id: The 1688 order the case concerns; default: the order's first live one.
        platform_case_no: The platform's after-sales number (售后编号), if known.
    """

    kind: str
    reason: str = ""
    requested_fen: int = 0
    defect: bool = False
    note: str = ""
    supplier_order_id: int | None = None
    platform_case_no: str = ""


def _load(case_id: int) -> dict[str, Any]:
    cursor = execute_sql(
        "SELECT c.*, o.sale_fen, so.order_id_1688, so.status AS so_status, so.paid_fen AS so_paid"
        " FROM after_sales_case c JOIN sales_order o ON o.id = c.sales_order_id"
        " LEFT JOIN supplier_order so ON so.id = c.supplier_order_id WHERE c.id = ?",
        (case_id,),
    )
    row = cursor.fetchone()
    if row is None:
        raise UserError(_CASE_GONE)
    return {d[0]: v for d, v in zip(cursor.description, row, strict=True)}


def _schedule(
    case: dict[str, Any], buyer: str, supplier: str, buyer_at: int, now: int
) -> dict[str, Any]:
    """``deadline_at``, ``closed_at`` and ``queue_rank`` for a case in the given states."""
    hours = deadline_hours().get(case["platform"], {})
    deadline = deadline_at(
        CaseKind(case["kind"]), BuyerState(buyer), buyer_at, hours, case["platform"]
    )
    closed = (
        None
        if is_open(BuyerState(buyer), SupplierState(supplier))
        else (case.get("closed_at") or now)
    )
    if closed is not None:
        deadline = None
    last = max(buyer_at, case.get("supplier_state_at") or 0)
    return {
        "deadline_at": deadline,
        "closed_at": closed,
        "queue_rank": queue_rank(deadline, last, closed),
    }


def _update(case_id: int, values: dict[str, Any]) -> None:
    columns = ", ".join(f"{k} = ?" for k in values)
    execute_sql(f"UPDATE after_sales_case SET {columns} WHERE id = ?", [*values.values(), case_id])


def _changes(case_id: int, text: str, *extra: str, **params: object) -> Changes:
    return Changes.of(
        *_TABLES, *extra, ids={"after_sales_case": [case_id]}, message=text,
        message_params=params,
    )  # fmt: skip


#: The fraud checks' buyer event for each case kind that gives money back (#18).
_RISK_EVENT = {CaseKind.REFUND_ONLY.value: "refund_only", CaseKind.RETURN_REFUND.value: "refund"}
_BUYER_WAITING = frozenset(
    {BuyerState.REQUESTED.value, BuyerState.AGREED.value, BuyerState.GOODS_RETURNED.value}
)


def feed_buyer_history(case_ids: Iterable[int]) -> set[int]:
    """Record these cases' refunds in the fraud checks' buyer history (in the caller's
    transaction), so a buyer's repeated 仅退款 raises the risk of their later orders in any shop.

    One event per case (source ``case<id>``; a later step updates it): open with the response
    deadline while the buyer waits for an answer, closed once refunded, refused or closed.
    Exchanges, re-shipments, repairs and support give no money back and are not recorded.
    Returns the orders whose fraud level may have changed.
    """
    ids = sorted(set(case_ids))
    events = []
    for start in range(0, len(ids), 900):
        part = ids[start : start + 900]
        for case_id, order_id, kind, state, opened, deadline in execute_sql(
            "SELECT id, sales_order_id, kind, buyer_state, opened_at, deadline_at"
            f" FROM after_sales_case WHERE id IN ({','.join('?' * len(part))})",
            part,
        ):
            if kind in _RISK_EVENT:
                waiting = state in _BUYER_WAITING
                events.append(
                    (
                        order_id,
                        _RISK_EVENT[kind],
                        f"case{case_id}",
                        opened,
                        deadline if waiting else None,
                        waiting,
                    )
                )
    return risk.record_buyer_events(events)


def _invalid(problems: list[Any]) -> ValidationError:
    return ValidationError(join(problems))


# --------------------------------------------------------------------------------------------
# Opening
# --------------------------------------------------------------------------------------------


def _representative_supplier_order(sales_order_id: int) -> int | None:
    rows = execute_sql(
        "SELECT id, status FROM supplier_order WHERE sales_order_id = ? ORDER BY id",
        (sales_order_id,),
    ).fetchall()
    live = [r[0] for r in rows if r[1] not in {s.value for s in CLOSED_1688_STATUSES}]
    return (live or [r[0] for r in rows] or [None])[0]


@write_op
def open_case(
    sales_order_id: int, data: CaseInput, *, now: int | None = None, source: str = "manual"
) -> Changes:
    """Open a case on an order (one order may have several).

    Raises:
        ValidationError: Unknown kind, negative amount, or an amount above what was paid.
        UserError: The order no longer exists.
    """
    now = now if now is not None else now_epoch()
    order = execute_sql(
        "SELECT o.id, o.shop_id, s.platform, o.sale_fen FROM sales_order o"
        " JOIN shop s ON s.id = o.shop_id WHERE o.id = ?",
        (sales_order_id,),
    ).fetchone()
    if order is None:
        raise UserError(QT_TRANSLATE_NOOP("Errors", "The order no longer exists."))
    try:
        kind = CaseKind(data.kind)
    except ValueError:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Unknown after-sales kind: {kind}."), kind=data.kind
        ) from None
    errors: dict[str, str] = {}
    if data.requested_fen < 0:
        errors["requested_fen"] = QT_TRANSLATE_NOOP("Errors", "An amount cannot be negative.")
    elif order[3] and data.requested_fen > order[3]:
        errors["requested_fen"] = QT_TRANSLATE_NOOP(
            "Errors", "The amount asked back is more than the buyer paid."
        )
    if len(data.reason) > 500 or len(data.note) > 2000:
        errors["reason"] = QT_TRANSLATE_NOOP("Errors", "The text is too long.")
    if errors:
        raise ValidationError(next(iter(errors.values())), field_errors=errors)
    so_id = data.supplier_order_id or _representative_supplier_order(sales_order_id)
    supplier_id = offer_id = None
    if so_id is not None:
        so = execute_sql(
            "SELECT supplier_id, offer_id, sales_order_id FROM supplier_order WHERE id = ?",
            (so_id,),
        ).fetchone()
        if so is None or so[2] != sales_order_id:
            raise UserError(
                QT_TRANSLATE_NOOP("Errors", "That 1688 order does not belong to this order.")
            )
        supplier_id, offer_id = so[0], so[1]
    case = {"platform": order[2], "kind": kind.value}
    schedule = _schedule(case, BuyerState.REQUESTED.value, SupplierState.NONE.value, now, now)
    cursor = execute_sql(
        "INSERT INTO after_sales_case (sales_order_id, shop_id, platform, supplier_order_id,"
        " supplier_id, offer_id, kind, buyer_state, supplier_state, platform_case_no, reason,"
        " defect, requested_fen, note, source, opened_at, buyer_state_at, deadline_at,"
        " closed_at, queue_rank, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, 'requested', 'none', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            sales_order_id, order[1], order[2], so_id, supplier_id, offer_id, kind.value,
            data.platform_case_no.strip(), data.reason.strip(), int(data.defect),
            data.requested_fen, data.note.strip(), source, now, now, schedule["deadline_at"],
            None, schedule["queue_rank"], now,
        ),
    )  # fmt: skip
    case_id = int(cursor.lastrowid)
    after: dict[str, Any] = {"kind": kind.value}
    if data.requested_fen:
        after["amount_fen"] = data.requested_fen
    if data.reason.strip():
        after["reason_text"] = data.reason.strip()
    audit(ENTITY, case_id, "as_opened", after=after, sales_order_id=sales_order_id, at=now)
    rescored = feed_buyer_history([case_id])
    return Changes.of(
        *_TABLES,
        *(("sales_order",) if rescored else ()),
        ids={"after_sales_case": [case_id], "sales_order": sorted(rescored)},
        created_id=case_id,
        message=QT_TRANSLATE_NOOP("Messages", "After-sales case opened: {kind}."),
        message_params={"kind": label(kind)},
    )


# --------------------------------------------------------------------------------------------
# The buyer side
# --------------------------------------------------------------------------------------------


@write_op
def move_buyer(
    case_id: int,
    target: str,
    *,
    refunded_fen: int | None = None,
    tracking_no: str = "",
    extra_cost_fen: int | None = None,
    note: str = "",
    now: int | None = None,
) -> Changes:
    """Move the buyer side of a case one step (agree, refuse, goods back, refunded, exchanged,
    closed).

    Args:
        case_id: The case.
        target: The :class:`BuyerState` value to move to.
        refunded_fen: The amount refunded to the buyer (``refunded``; default: the amount asked).
        tracking_no: The buyer's return parcel (``goods_returned``) or the replacement's
            (``exchanged``).
        extra_cost_fen: What re-shipping, postage or the repair cost (added to the case).
        note: A remark for the timeline.

    Raises:
        ValidationError: The step is not allowed or its values are wrong.
    """
    now = now if now is not None else now_epoch()
    case = _load(case_id)
    kind, current, new = CaseKind(case["kind"]), BuyerState(case["buyer_state"]), BuyerState(target)
    refund = case["requested_fen"] if refunded_fen is None else refunded_fen
    problems = buyer_step_problems(
        kind, current, new, refunded_fen=refund if new is BuyerState.REFUNDED else 0,
        paid_fen=case["sale_fen"], return_tracking_no=tracking_no,
    )  # fmt: skip
    if extra_cost_fen is not None and extra_cost_fen < 0:
        problems.append(QT_TRANSLATE_NOOP("Errors", "An amount cannot be negative."))
    if problems:
        raise _invalid(problems)
    values: dict[str, Any] = {"buyer_state": new.value, "buyer_state_at": now, "updated_at": now}
    after: dict[str, Any] = {"kind": kind.value, "buyer_state": new.value}
    if new is BuyerState.REFUNDED:
        values["refunded_fen"] = refund
        after["amount_fen"] = refund
    if tracking_no.strip():
        column = "buyer_tracking_no" if new is BuyerState.GOODS_RETURNED else "reship_tracking_no"
        values[column] = tracking_no.strip()
        after["tracking_no"] = tracking_no.strip()
    if extra_cost_fen:
        values["extra_cost_fen"] = case["extra_cost_fen"] + extra_cost_fen
        after["extra_cost_fen"] = extra_cost_fen
    if note.strip():
        after["message"] = note.strip()
    values.update(_schedule(case, new.value, case["supplier_state"], now, now))
    _update(case_id, values)
    audit(
        ENTITY, case_id, f"as_buyer_{new.value}", before={"buyer_state": current.value},
        after=after, sales_order_id=case["sales_order_id"], at=now,
    )  # fmt: skip
    rescored = feed_buyer_history([case_id])
    return _changes(
        case_id,
        QT_TRANSLATE_NOOP("Messages", "After-sales case: buyer side now “{state}”."),
        *(("sales_order",) if rescored else ()),
        state=label(new),
    )


# --------------------------------------------------------------------------------------------
# Contacts, money, templates, deadlines
# --------------------------------------------------------------------------------------------


@write_op
def log_contact(
    case_id: int, channel: str, direction: str, note: str = "", *, at: int | None = None
) -> Changes:
    """Log one contact with the buyer (channel, direction, time, note)."""
    case = _load(case_id)
    try:
        channel_v, direction_v = ContactChannel(channel), ContactDirection(direction)
    except ValueError:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Choose the channel and the direction of the contact.")
        ) from None
    if len(note) > 2000:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "The text is too long."))
    now = now_epoch()
    at = at if at is not None else now
    if at > now + 300:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "The contact time is in the future."))
    execute_sql(
        "INSERT INTO after_sales_contact (case_id, at, channel, direction, note, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (case_id, at, channel_v.value, direction_v.value, note.strip(), now),
    )
    execute_sql("UPDATE after_sales_case SET updated_at = ? WHERE id = ?", (now, case_id))
    audit(
        ENTITY, case_id, "as_contact",
        after={"channel": channel_v.value, "direction": direction_v.value},
        sales_order_id=case["sales_order_id"], at=at,
    )  # fmt: skip
    return _changes(case_id, QT_TRANSLATE_NOOP("Messages", "Contact logged."))


@write_op
def set_case_money(
    case_id: int,
    *,
    requested_fen: int | None = None,
    refunded_fen: int | None = None,
    recovered_fen: int | None = None,
    extra_cost_fen: int | None = None,
    defect: bool | None = None,
) -> Changes:
    """Correct a case's amounts (and whether the goods were faulty); audited."""
    case = _load(case_id)
    new = {
        "requested_fen": requested_fen,
        "refunded_fen": refunded_fen,
        "recovered_fen": recovered_fen,
        "extra_cost_fen": extra_cost_fen,
    }
    changed = {k: v for k, v in new.items() if v is not None and v != case[k]}
    if any(v < 0 for v in changed.values()):
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "An amount cannot be negative."))
    if defect is not None and int(defect) != case["defect"]:
        changed["defect"] = int(defect)
    if not changed:
        return Changes()
    _update(case_id, {**changed, "updated_at": now_epoch()})
    audit(
        ENTITY, case_id, "as_money", before={k: case[k] for k in changed}, after=changed,
        sales_order_id=case["sales_order_id"],
    )  # fmt: skip
    return _changes(case_id, QT_TRANSLATE_NOOP("Messages", "After-sales amounts saved."))


@write_op
def save_template(template_id: int | None, name: str, kind: str, body: str) -> Changes:
    """Create (``template_id`` None) or change a reply template."""
    name, body = name.strip(), body.strip()
    if not name or not body:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "A template needs a name and a text."))
    if kind and kind not in {k.value for k in CaseKind}:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Unknown after-sales kind: {kind}."), kind=kind
        )
    now = now_epoch()
    if template_id is None:
        position = execute_sql(
            "SELECT COALESCE(max(position), -1) + 1 FROM after_sales_template"
        ).fetchone()[0]
        cursor = execute_sql(
            "INSERT INTO after_sales_template (name, kind, body, position, updated_at)"
            " VALUES (?, ?, ?, ?, ?)",
            (name, kind, body, position, now),
        )
        template_id = int(cursor.lastrowid)
    else:
        cursor = execute_sql(
            "UPDATE after_sales_template SET name = ?, kind = ?, body = ?, updated_at = ?"
            " WHERE id = ?",
            (name, kind, body, now, template_id),
        )
        if cursor.rowcount == 0:
            raise UserError(QT_TRANSLATE_NOOP("Errors", "The template no longer exists."))
    return Changes.of(
        "after_sales_template",
        created_id=template_id,
        message=QT_TRANSLATE_NOOP("Messages", "Template saved."),
    )


@write_op
def delete_template(template_id: int) -> Changes:
    execute_sql("DELETE FROM after_sales_template WHERE id = ?", (template_id,))
    return Changes.of(
        "after_sales_template", message=QT_TRANSLATE_NOOP("Messages", "Template deleted.")
    )


@write_op
def set_deadline_hours(entries: Iterable[tuple[str, str, str, int]]) -> Changes:
    """Store the seller's response windows ``(platform, kind, stage, hours)`` and move the
    deadlines of the open cases they apply to."""
    rows = list(entries)
    for _platform, kind, stage, hours in rows:
        CaseKind(kind), DeadlineStage(stage)
        if not 1 <= int(hours) <= 2400:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "A response window must be 1 to 2400 hours.")
            )
    connection().executemany(
        "INSERT INTO after_sales_deadline (platform, kind, stage, hours) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (platform, kind, stage) DO UPDATE SET hours = excluded.hours",
        rows,
    )
    platforms = sorted({r[0] for r in rows})
    moved = 0
    now = now_epoch()
    for platform in platforms:
        cursor = execute_sql(
            "SELECT id, kind, platform, buyer_state, supplier_state, buyer_state_at,"
            " supplier_state_at, closed_at FROM after_sales_case"
            " WHERE platform = ? AND closed_at IS NULL",
            (platform,),
        )
        names = [d[0] for d in cursor.description]
        for row in cursor.fetchall():
            case = dict(zip(names, row, strict=True))
            schedule = _schedule(
                case, case["buyer_state"], case["supplier_state"], case["buyer_state_at"], now
            )
            _update(case["id"], {"deadline_at": schedule["deadline_at"],
                                 "queue_rank": schedule["queue_rank"]})  # fmt: skip
            moved += 1
    return Changes.of(
        "after_sales_deadline",
        "after_sales_case",
        message=QT_TRANSLATE_NOOP(
            "Messages", "Response windows saved; {count} open case(s) updated."
        ),
        message_params={"count": moved},
    )


def template_values(case_id: int) -> dict[str, str]:
    """Values for a reply template's placeholders: order number, product, amount, tracking."""
    case = _load(case_id)
    order = execute_sql(
        "SELECT shop_order_no, product_summary, tracking_no FROM sales_order WHERE id = ?",
        (case["sales_order_id"],),
    ).fetchone()
    amount = case["refunded_fen"] or case["requested_fen"]
    tracking = (
        case["reship_tracking_no"] or case["buyer_tracking_no"] or (order[2] if order else "")
    )
    return {
        "order_no": order[0] if order else "",
        "product": order[1] if order else "",
        "amount": fen_to_yuan_text(amount) if amount else "",
        "tracking_no": tracking,
    }


def fill_reply(case_id: int, body: str) -> str:
    """A template's text filled in for a case (what the seller copies)."""
    return fill_template(body, template_values(case_id))
