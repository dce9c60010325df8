"""Cancellation requests as rows, this run's batches, and the changes the use cases return.

The shared base of the cancellation services (:mod:`.cancellation`, :mod:`.cancellation_data`,
:mod:`.cancellation_shop`): constants, :class:`RequestRow` and its queries, and the
:class:`CancellationChanges` with the messages they carry.
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from ..context import AppContext
from ..domain.cancel_flow import (
    OrderOutcome,
    OutcomeKind,
)
from ..domain.enums import (
    DEAD_SALES_STATUSES,
    OPEN_CANCEL_STATES,
    OPEN_REFUND_STATUSES,
    CancelAction,
    CancelRequestState,
)
from ..domain.timeutil import from_epoch
from ..errors import UserError
from ..i18n import QT_TRANSLATE_NOOP, label
from ..store.db import execute_sql
from .base import Changes

__all__ = [
    "NOT_DONE",
    "NOT_SENT",
    "STOPPED_UNCONFIRMED",
    "CancellationChanges",
    "RequestRow",
    "list_interrupted",
    "new_batch_id",
    "request_history",
    "requests_of_batch",
]

log = logging.getLogger(__name__)


_S = CancelRequestState
# As SQL parameters.
_OPEN_STATES = tuple(s.value for s in OPEN_CANCEL_STATES)
_OPEN_REFUND = tuple(s.value for s in OPEN_REFUND_STATUSES)
_CANCELLED_SALES = tuple(sorted(DEAD_SALES_STATUSES))
_CHUNK = 500

#: Local error codes (the platform's own codes are stored as they come).
NOT_SENT = "NOT_SENT"  # the connector knew the call never reached 1688
NOT_DONE = "NOT_DONE"  # the seller checked 1688 after an interruption: it was not done

#: Why a request is left for the seller to check when step 6 was stopped while its 1688 page was
#: open and the seller had not said whether it was done (see :func:`mark_interrupted`).
STOPPED_UNCONFIRMED = QT_TRANSLATE_NOOP(
    "Messages",
    "Stopped before the seller confirmed the result on 1688. Check the order on 1688, then say "
    "whether it was done.",
)


def new_batch_id(ctx: AppContext) -> str:
    """A new batch id, remembered in *ctx*'s session as being sent by this run of the app
    (:func:`~.cancellation.find_interrupted` leaves it alone)."""
    batch_id = uuid.uuid4().hex
    ctx.session.remember_batch(batch_id)
    return batch_id


@dataclass(frozen=True)
class CancellationChanges(Changes):
    """:class:`Changes` plus what the wizard shows (still broadcast to the views as Changes).

    Attributes:
        request_ids: Supplier order id → the request recorded for it.
        outcomes: Outcomes of the orders this call decided.
    """

    request_ids: dict[int, int] = field(default_factory=dict)
    outcomes: tuple[OrderOutcome, ...] = ()


def _changes(
    *,
    request_ids: Iterable[int] = (),
    supplier_order_ids: Iterable[int] = (),
    sales_order_ids: Iterable[int] = (),
    by_order: dict[int, int] | None = None,
    outcomes: Sequence[OrderOutcome] = (),
    message: str = "",
) -> CancellationChanges:
    ids = {
        "cancellation_request": frozenset(request_ids),
        "supplier_order": frozenset(supplier_order_ids),
        "sales_order": frozenset(i for i in sales_order_ids if i is not None),
    }
    return CancellationChanges(
        tables=frozenset({"cancellation_request", "supplier_order", "sales_order"}),
        ids=ids,
        message=message,
        request_ids=dict(by_order or {}),
        outcomes=tuple(outcomes),
    )


def _decided(row: RequestRow, outcome: OrderOutcome) -> CancellationChanges:
    """The changes of one request whose outcome was just stored."""
    return _changes(
        request_ids=[row.id],
        supplier_order_ids=[row.supplier_order_id],
        sales_order_ids=[row.sales_order_id] if row.sales_order_id else [],
        by_order={row.supplier_order_id: row.id},
        outcomes=[outcome],
        message=_outcome_message(outcome),
    )


def _merge(parts: Sequence[CancellationChanges], message: str) -> CancellationChanges:
    ids: dict[str, frozenset[int]] = {}
    by_order: dict[int, int] = {}
    outcomes: list[OrderOutcome] = []
    tables: frozenset[str] = frozenset()
    for part in parts:
        tables |= part.tables
        for key, value in part.ids.items():
            ids[key] = ids.get(key, frozenset()) | value
        by_order.update(part.request_ids)
        outcomes.extend(part.outcomes)
    return CancellationChanges(
        tables=tables, ids=ids, message=message, request_ids=by_order, outcomes=tuple(outcomes)
    )


# --------------------------------------------------------------------------------------------
# Requests as rows
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RequestRow:
    """One cancellation request with its order's numbers, for the wizard and the timeline."""

    id: int
    supplier_order_id: int
    sales_order_id: int | None
    order_id_1688: str | None
    batch_id: str
    attempt: int
    action: CancelAction
    reason_code: str
    reason_text: str
    remark: str
    state: CancelRequestState
    error_code: str
    message: str
    amount_fen: int
    vouchers: tuple[str, ...]
    refund_id: str
    created_at: datetime | None
    submitted_at: datetime | None
    finished_at: datetime | None

    def outcome(self) -> OrderOutcome | None:
        """The outcome this row stands for, or ``None`` while still recorded/submitted."""
        kinds = {
            _S.CLOSED: OutcomeKind.CLOSED,
            _S.REFUND_REQUESTED: OutcomeKind.REFUND_REQUESTED,
            _S.REFUNDED: OutcomeKind.REFUND_REQUESTED,
            _S.FAILED: OutcomeKind.FAILED,
            _S.SKIPPED: OutcomeKind.SKIPPED,
            _S.INTERRUPTED: OutcomeKind.INTERRUPTED,
        }
        kind = kinds.get(self.state)
        if kind is None:
            return None
        return OrderOutcome(self.supplier_order_id, kind, self.message, self.error_code, self.id)


_REQUEST_SQL = (
    "SELECT cr.id, cr.supplier_order_id, so.sales_order_id, so.order_id_1688, cr.batch_id,"
    " cr.attempt, cr.action, cr.reason_code, cr.reason_text, cr.remark, cr.state, cr.error_code,"
    " cr.platform_response, cr.amount_fen, cr.vouchers, cr.refund_id, cr.created_at,"
    " cr.submitted_at, cr.finished_at"
    " FROM cancellation_request cr JOIN supplier_order so ON so.id = cr.supplier_order_id"
)


def _row(r: Sequence[object]) -> RequestRow:
    vouchers = tuple(json.loads(r[14])) if r[14] else ()  # type: ignore[arg-type]
    return RequestRow(
        int(r[0]),  # type: ignore[arg-type]
        int(r[1]),  # type: ignore[arg-type]
        r[2],  # type: ignore[arg-type]
        r[3],  # type: ignore[arg-type]
        str(r[4]),
        int(r[5]),  # type: ignore[arg-type]
        CancelAction(r[6]),
        str(r[7]),
        str(r[8]),
        str(r[9]),
        CancelRequestState(r[10]),
        str(r[11]),
        str(r[12]),
        int(r[13]),  # type: ignore[arg-type]
        vouchers,
        str(r[15]),
        from_epoch(r[16]),  # type: ignore[arg-type]
        from_epoch(r[17]),  # type: ignore[arg-type]
        from_epoch(r[18]),  # type: ignore[arg-type]
    )


def _load(request_id: int) -> RequestRow:
    r = execute_sql(_REQUEST_SQL + " WHERE cr.id = ?", (request_id,)).fetchone()
    if r is None:
        raise UserError(QT_TRANSLATE_NOOP("Errors", "This cancellation request no longer exists."))
    return _row(r)


def _state_error(row: RequestRow, message: str) -> UserError:
    """A refusal naming the request's 1688 order and its state.

    Args:
        row: The request.
        message: Marked text with ``{order}`` and ``{state}`` placeholders.
    """
    return UserError(message, order=row.order_id_1688, state=label(row.state))


def _load_in(request_id: int, states: tuple[_S, ...], message: str) -> RequestRow:
    """The request, which must be in one of *states*.

    Raises:
        UserError: *message* (see :func:`_state_error`) when the request is in another state.
    """
    row = _load(request_id)
    if row.state not in states:
        raise _state_error(row, message)
    return row


def requests_of_batch(batch_id: str) -> list[RequestRow]:
    """The requests recorded together, in the order they were recorded."""
    rows = execute_sql(_REQUEST_SQL + " WHERE cr.batch_id = ? ORDER BY cr.id", (batch_id,))
    return [_row(r) for r in rows]


def request_history(supplier_order_id: int) -> list[RequestRow]:
    """Every request ever made for a supplier order, oldest first."""
    rows = execute_sql(
        _REQUEST_SQL + " WHERE cr.supplier_order_id = ? ORDER BY cr.id", (supplier_order_id,)
    )
    return [_row(r) for r in rows]


def list_interrupted(ctx: AppContext) -> list[RequestRow]:
    """Requests the seller must resolve (interrupted by a crash or a lost connection)."""
    rows = execute_sql(_REQUEST_SQL + " WHERE cr.state = ? ORDER BY cr.id", (_S.INTERRUPTED.value,))
    return [_row(r) for r in rows]


# --------------------------------------------------------------------------------------------
# Messages
# --------------------------------------------------------------------------------------------


def _outcome_message(outcome: OrderOutcome) -> str:
    return {
        OutcomeKind.CLOSED: QT_TRANSLATE_NOOP("Messages", "Order closed on 1688."),
        OutcomeKind.REFUND_REQUESTED: QT_TRANSLATE_NOOP(
            "Messages", "Refund requested; waiting for the supplier."
        ),
        OutcomeKind.FAILED: QT_TRANSLATE_NOOP("Messages", "Cancellation failed."),
        OutcomeKind.SKIPPED: QT_TRANSLATE_NOOP("Messages", "Order skipped."),
        OutcomeKind.INTERRUPTED: QT_TRANSLATE_NOOP(
            "Messages", "Cancellation interrupted; check the order on 1688."
        ),
    }[outcome.kind]
