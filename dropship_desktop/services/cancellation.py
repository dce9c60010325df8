"""Cancellation use cases: recording and sending requests, and finding and resolving the ones a
crash interrupted.

A request's life (``cancellation_request.state``)::

    recorded ──► submitted ──► closed | refund_requested | failed
        │             │
        └─────────────┴──► interrupted (the app stopped) ──► resolved by the seller

Every request is recorded (:func:`record_requests`, one transaction for the whole batch) before any
connector is called, and marked ``submitted`` in its own transaction right before its call
(:func:`begin_submission`); the answer is stored in a third (:func:`finish_submission`). So a crash
or a lost connection mid-batch leaves every order in a known state: not sent (``recorded``), sent
with unknown outcome (``submitted``, turned into ``interrupted`` at the next start by
:func:`find_interrupted`), or answered. A supplier order is only marked closed when the connector
confirmed it (the manual connector: the seller said so).

The DB worker runs these; :func:`submit_request` calls the connector between
transactions and so never hold the write lock while waiting for the network or the seller.

The other cancellation use cases live beside it and are re-exported here:
:mod:`.cancellation_data` (accounts and the wizard's data), :mod:`.cancellation_requests`
(request rows, batches, changes) and :mod:`.cancellation_shop` (shop orders and out of stock).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Sequence
from typing import Any

from ..connectors.base import Connector, ConnectorUnavailable
from ..context import AppContext
from ..domain.cancel_flow import (
    CallResult,
    OrderOutcome,
    OutcomeKind,
    SubmissionItem,
    outcome_from_call,
)
from ..domain.enums import (
    CancelAction,
    OrderStatus1688,
    RefundStatus,
)
from ..domain.timeutil import now_epoch
from ..errors import UserError
from ..i18n import QT_TRANSLATE_NOOP, with_values
from ..messages import (
    CONNECTION_LOST_WHILE_SENDING,
    NOT_DONE_ON_1688,
    STOPPED_BEFORE_SENT,
    STOPPED_WHILE_SENDING,
    UNREACHABLE_NOT_SENT,
)
from ..store.db import execute_sql
from .base import Changes, audit, write_op
from .cancellation_data import (
    FlowData,
    cancellation_stats,
    create_account,
    list_accounts,
    load_flow_data,
    pending_supplier_order_ids,
)
from .cancellation_requests import (
    _REQUEST_SQL,
    _S,
    NOT_DONE,
    NOT_SENT,
    STOPPED_UNCONFIRMED,
    CancellationChanges,
    RequestRow,
    _changes,
    _decided,
    _load,
    _load_in,
    _merge,
    _row,
    _state_error,
    list_interrupted,
    new_batch_id,
    request_history,
    requests_of_batch,
)
from .cancellation_shop import (
    SHOP_MARKS,
    mark_offers_out_of_stock,
    mark_shop_orders,
    mark_shop_orders_done,
)
from .orders import refresh_order_summaries

__all__ = [
    "NOT_DONE",
    "NOT_SENT",
    "SHOP_MARKS",
    "STOPPED_UNCONFIRMED",
    "CancellationChanges",
    "FlowData",
    "RequestRow",
    "begin_submission",
    "cancellation_stats",
    "create_account",
    "find_interrupted",
    "finish_submission",
    "list_accounts",
    "list_interrupted",
    "load_flow_data",
    "mark_interrupted",
    "mark_offers_out_of_stock",
    "mark_shop_orders",
    "mark_shop_orders_done",
    "new_batch_id",
    "pending_supplier_order_ids",
    "record_requests",
    "record_retry",
    "request_history",
    "requests_of_batch",
    "resolve_interrupted",
    "submit_request",
]

log = logging.getLogger(__name__)

# --------------------------------------------------------------------------------------------
# Recording
# --------------------------------------------------------------------------------------------


def _sales_order_of(supplier_order_id: int) -> int | None:
    row = execute_sql(
        "SELECT sales_order_id FROM supplier_order WHERE id = ?", (supplier_order_id,)
    ).fetchone()
    return None if row is None else row[0]


@write_op
def record_requests(
    ctx: AppContext,
    items: Sequence[SubmissionItem],
    batch_id: str | None = None,
    *,
    skipped: Sequence[OrderOutcome] = (),
) -> CancellationChanges:
    """Record a batch of requests (state ``recorded``) before anything is sent, in one transaction.

    The sales orders get their "cancellation pending" flag; every request and every skipped order
    gets an audit event on its order's timeline.

    Args:
        items: The requests (``CancelFlow.begin_submission().items``).
        batch_id: Groups the batch; default a new one (see :func:`new_batch_id`).
        skipped: Orders the wizard skipped, audited with the reason.

    Returns:
        Changes whose ``request_ids`` map each supplier order to its new request.

    Raises:
        UserError: An order no longer exists, its 1688 id changed, or it already has a
            cancellation under way (another window or an earlier batch); nothing is recorded.
    """
    if batch_id is None:
        batch_id = new_batch_id(ctx)
    else:
        ctx.session.remember_batch(batch_id)
    ids = [item.supplier_order_id for item in items]
    if len(set(ids)) != len(ids):
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors", "An order appears twice in the batch; each order is cancelled once."
            )
        )
    pending = pending_supplier_order_ids(ids)
    now = ctx.clock()
    by_order: dict[int, int] = {}
    sales_ids: set[int] = set()
    for item in items:
        row = execute_sql(
            "SELECT order_id_1688, sales_order_id FROM supplier_order WHERE id = ?",
            (item.supplier_order_id,),
        ).fetchone()
        if row is None:
            raise UserError(
                QT_TRANSLATE_NOOP(
                    "Errors", "1688 order {order} no longer exists in the app; nothing was sent."
                ),
                order=item.order_id_1688,
            )
        if row[0] != item.order_id_1688:
            raise UserError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "1688 order {order} was changed meanwhile; start again. Nothing was sent.",
                ),
                order=item.order_id_1688,
            )
        if item.supplier_order_id in pending:
            raise UserError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "1688 order {order} already has a cancellation under way; nothing was sent. "
                    "Close the wizard and look at that order's requests.",
                ),
                order=item.order_id_1688,
            )
        attempt = execute_sql(
            "SELECT coalesce(max(attempt), 0) + 1 FROM cancellation_request"
            " WHERE supplier_order_id = ?",
            (item.supplier_order_id,),
        ).fetchone()[0]
        request_id = execute_sql(
            "INSERT INTO cancellation_request (supplier_order_id, batch_id, attempt, action,"
            " reason_code, reason_text, remark, state, amount_fen, vouchers, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                item.supplier_order_id,
                batch_id,
                attempt,
                item.action.value,
                item.reason_code,
                item.reason_text,
                item.remark,
                _S.RECORDED.value,
                item.amount_fen,
                json.dumps(list(item.vouchers)) if item.vouchers else "",
                now,
            ),
        ).lastrowid
        by_order[item.supplier_order_id] = request_id
        sales_id = row[1]
        if sales_id is not None:
            sales_ids.add(sales_id)
        audit(
            "cancellation_request",
            request_id,
            "cancel_recorded",
            after={
                "order_id_1688": item.order_id_1688,
                "action": item.action.value,
                "reason": item.reason_code,
                "reason_text": item.reason_text,
                "amount_fen": item.amount_fen,
                "attempt": attempt,
            },
            sales_order_id=sales_id,
            at=now,
        )
    for outcome in skipped:
        sales_id = _sales_order_of(outcome.supplier_order_id)
        audit(
            "supplier_order",
            outcome.supplier_order_id,
            "cancel_skipped",
            after={"reason": outcome.error_code, "message": outcome.message},
            sales_order_id=sales_id,
            at=now,
        )
    refresh_order_summaries(sales_ids)
    return _changes(
        request_ids=by_order.values(),
        supplier_order_ids=by_order,
        sales_order_ids=sales_ids,
        by_order=by_order,
        outcomes=skipped,
        message=with_values(
            QT_TRANSLATE_NOOP("Messages", "{count} cancellation request(s) recorded."),
            count=len(items),
        ),
    )


# --------------------------------------------------------------------------------------------
# Sending
# --------------------------------------------------------------------------------------------


@write_op
def begin_submission(ctx: AppContext, request_id: int) -> Changes:
    """Mark a recorded request ``submitted``, right before its call (or, for the manual
    connector, right before the seller is sent to the 1688 page).

    Raises:
        UserError: The request is not ``recorded`` (already sent, or answered).
    """
    row = _load_in(
        request_id,
        (_S.RECORDED,),
        QT_TRANSLATE_NOOP(
            "Errors",
            "The request for 1688 order {order} is “{state}”; it cannot be sent again.",
        ),
    )
    now = ctx.clock()
    execute_sql(
        "UPDATE cancellation_request SET state = ?, submitted_at = ? WHERE id = ?",
        (_S.SUBMITTED.value, now, request_id),
    )
    audit(
        "cancellation_request",
        request_id,
        "cancel_submitted",
        before={"state": row.state.value},
        after={"state": _S.SUBMITTED.value, "order_id_1688": row.order_id_1688},
        sales_order_id=row.sales_order_id,
        at=now,
    )
    return _changes(
        request_ids=[request_id],
        message=QT_TRANSLATE_NOOP(
            "Messages", "Cancellation request started; waiting for the answer from 1688."
        ),
    )


def _finish(row: RequestRow, result: CallResult, now: int) -> OrderOutcome:
    kind = outcome_from_call(row.action, result)
    so = execute_sql(
        "SELECT status, refund_status FROM supplier_order WHERE id = ?", (row.supplier_order_id,)
    ).fetchone()
    if kind is OutcomeKind.CLOSED:
        state = _S.CLOSED
        if so is not None and so[0] != OrderStatus1688.CANCEL.value:
            execute_sql(
                "UPDATE supplier_order SET status = ?, updated_at = ? WHERE id = ?",
                (OrderStatus1688.CANCEL.value, now, row.supplier_order_id),
            )
            audit(
                "supplier_order",
                row.supplier_order_id,
                "closed_on_1688",
                before={"status": so[0]},
                after={"status": OrderStatus1688.CANCEL.value, "reason": row.reason_code},
                sales_order_id=row.sales_order_id,
                at=now,
            )
    elif kind is OutcomeKind.REFUND_REQUESTED:
        state = _S.REFUND_REQUESTED
        execute_sql(
            "UPDATE supplier_order SET refund_status = ?, updated_at = ? WHERE id = ?",
            (RefundStatus.WAIT_SELLER_AGREE.value, now, row.supplier_order_id),
        )
        audit(
            "supplier_order",
            row.supplier_order_id,
            "refund_requested_on_1688",
            before={"refund_status": so[1] if so else None},
            after={
                "refund_status": RefundStatus.WAIT_SELLER_AGREE.value,
                "refund_id": result.refund_id,
                "amount_fen": row.amount_fen,
            },
            sales_order_id=row.sales_order_id,
            at=now,
        )
    else:
        state = _S.FAILED
    message = result.error_message if not result.success else ""
    execute_sql(
        "UPDATE cancellation_request SET state = ?, error_code = ?, platform_response = ?,"
        " refund_id = ?, finished_at = ? WHERE id = ?",
        (state.value, result.error_code, message, result.refund_id, now, row.id),
    )
    audit(
        "cancellation_request",
        row.id,
        f"cancel_{state.value}",
        before={"state": row.state.value},
        after={
            "state": state.value,
            "order_id_1688": row.order_id_1688,
            "error_code": result.error_code,
            "message": message,
        },
        sales_order_id=row.sales_order_id,
        at=now,
    )
    if row.sales_order_id is not None:
        # The shop order keeps its own status and ship-by deadline: closing or asking a refund
        # on 1688 changes nothing on the shop, where the seller still has to refund the buyer
        # (or ship from another source). Only an import of the shop's orders or the seller's own
        # mark (:func:`mark_shop_orders`) changes it; the summary shows the 1688 side's state.
        refresh_order_summaries([row.sales_order_id])
    return OrderOutcome(row.supplier_order_id, kind, message, result.error_code, row.id)


@write_op
def finish_submission(request_id: int, result: CallResult) -> CancellationChanges:
    """Store the connector's answer for a submitted request, in one transaction.

    Success closes the supplier order (close) or sets its refund status to
    ``waitselleragree`` (refund application); the shop order keeps its own status (the shop side
    has not changed). A failure keeps the platform's code and message.

    Raises:
        UserError: The request is not ``submitted``.
    """
    row = _load_in(
        request_id,
        (_S.SUBMITTED,),
        QT_TRANSLATE_NOOP(
            "Errors",
            "The request for 1688 order {order} is “{state}”, not waiting for an answer.",
        ),
    )
    return _decided(row, _finish(row, result, now_epoch()))


@write_op
def _mark_interrupted(request_id: int, message: str) -> CancellationChanges:
    row = _load(request_id)
    if row.state not in (_S.RECORDED, _S.SUBMITTED):
        return _changes()
    return _interrupt(row, message)


@write_op
def mark_interrupted(
    ctx: AppContext, request_id: int, message: str = STOPPED_UNCONFIRMED
) -> CancellationChanges:
    """Leave a recorded or submitted request *interrupted*: whether 1688 did it is unknown.

    For the wizard when the seller stops step 6 while an order's 1688 page is open and the seller
    has not said whether it was done; the seller resolves it later (:func:`resolve_interrupted`).

    Args:
        request_id: A ``recorded`` or ``submitted`` request.
        message: What the seller is told to check, marked for translation (default:
            :data:`STOPPED_UNCONFIRMED`).

    Returns:
        Changes with the order's ``INTERRUPTED`` outcome.

    Raises:
        UserError: The request was already answered (or is interrupted already).
    """
    row = _load_in(
        request_id,
        (_S.RECORDED, _S.SUBMITTED),
        QT_TRANSLATE_NOOP(
            "Errors",
            "The request for 1688 order {order} is “{state}”, not waiting for an answer.",
        ),
    )
    return _interrupt(row, message)


def _interrupt(row: RequestRow, message: str) -> CancellationChanges:
    request_id = row.id
    now = now_epoch()
    execute_sql(
        "UPDATE cancellation_request SET state = ?, platform_response = ?, finished_at = ?"
        " WHERE id = ?",
        (_S.INTERRUPTED.value, str(message), now, request_id),
    )
    audit(
        "cancellation_request",
        request_id,
        "cancel_interrupted",
        before={"state": row.state.value},
        after={"state": _S.INTERRUPTED.value, "order_id_1688": row.order_id_1688},
        sales_order_id=row.sales_order_id,
        at=now,
    )
    if row.sales_order_id is not None:
        refresh_order_summaries([row.sales_order_id])
    return _decided(
        row, OrderOutcome(row.supplier_order_id, OutcomeKind.INTERRUPTED, message, "", row.id)
    )


def _call(connector: Connector, row: RequestRow) -> CallResult:
    order_id = row.order_id_1688 or ""
    if row.action is CancelAction.CLOSE:
        return connector.close_order(order_id, row.reason_code, row.remark)
    return connector.request_refund(
        order_id, row.amount_fen, row.reason_code, row.remark, row.vouchers
    )


#: Runs one database step of a network job and returns its result (NetworkWorker.run_db).
RunDb = Callable[[Callable[[], Any]], Any]


def _here(fn: Callable[[], Any]) -> Any:
    return fn()


def submit_request(
    ctx: AppContext, request_id: int, connector: Connector, *, run_db: RunDb | None = None
) -> CancellationChanges:
    """Send one recorded request through *connector* and store the answer.

    Three steps, each its own transaction, so no write lock is held while waiting: mark
    ``submitted`` (skipped when :func:`begin_submission` already did, as the manual flow does
    before opening the 1688 page), call the connector, store the answer. If the connector raises
    :class:`~dropship_desktop.connectors.base.ConnectorUnavailable` the request fails as not sent
    (retry is safe); any other exception leaves it ``interrupted`` for the seller to check on
    1688, since nobody knows whether the platform acted. A ``BaseException`` (the app being
    stopped) propagates and leaves the request ``submitted``; :func:`find_interrupted` picks it up
    at the next start.

    Args:
        run_db: Runs a database step and returns its result. Given when this runs on the
            network worker (its ``run_db`` hands each step to the DB worker, so no database
            work happens on the network thread); by default the steps run right here.

    Returns:
        Changes with the order's outcome.

    Raises:
        UserError: The request is neither recorded nor submitted by this run of the app.
    """
    step: RunDb = run_db or _here
    row = step(lambda: _load(request_id))
    if row.state is _S.RECORDED:
        step(lambda: begin_submission(ctx, request_id))
    elif not (row.state is _S.SUBMITTED and ctx.session.has_batch(row.batch_id)):
        raise _state_error(
            row,
            QT_TRANSLATE_NOOP(
                "Errors",
                "The request for 1688 order {order} is “{state}”; it is not waiting to be sent.",
            ),
        )
    try:
        result = _call(connector, row)
    except ConnectorUnavailable as exc:
        text = str(exc) or UNREACHABLE_NOT_SENT
        result = CallResult(False, NOT_SENT, text)
    except Exception:
        log.warning("connector %s raised on request %s", connector.name, request_id, exc_info=True)
        # The exception's kind is in the log; the seller gets the catalogue's text.
        return step(lambda: _mark_interrupted(request_id, CONNECTION_LOST_WHILE_SENDING))
    return step(lambda: finish_submission(request_id, result))


@write_op
def record_retry(ctx: AppContext, request_id: int) -> int:
    """Record a new attempt of a failed request (state ``recorded``, same reason), unsent.

    Send it with :func:`submit_request`; the manual flow first marks it submitted
    (:func:`begin_submission`), opens the order's page and asks the seller, so the attempt is in
    the database before the seller's answer is taken and a crash in between cannot lose it (the
    attempt is found as interrupted at the next start).

    Args:
        request_id: A ``failed`` request.

    Returns:
        The new request's id (in the failed request's batch while this run of the app sends it).

    Raises:
        UserError: The request did not fail, or the order has another cancellation under way.
    """
    row = _load_in(
        request_id,
        (_S.FAILED,),
        QT_TRANSLATE_NOOP(
            "Errors",
            "Only failed requests can be retried; the request for 1688 order {order} is “{state}”.",
        ),
    )
    if pending_supplier_order_ids([row.supplier_order_id]):
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "1688 order {order} already has a cancellation under way; it is not sent again.",
            ),
            order=row.order_id_1688,
        )
    item = SubmissionItem(
        row.supplier_order_id,
        row.order_id_1688 or "",
        row.sales_order_id,
        row.action,
        row.reason_code,
        row.reason_text,
        row.remark,
        row.amount_fen,
        row.vouchers,
    )
    in_session = ctx.session.has_batch(row.batch_id)
    changes = record_requests(ctx, [item], row.batch_id if in_session else None)
    return changes.request_ids[row.supplier_order_id]


# --------------------------------------------------------------------------------------------
# After a crash
# --------------------------------------------------------------------------------------------


@write_op
def find_interrupted(ctx: AppContext) -> CancellationChanges:
    """At start-up: requests a crash left ``recorded`` or ``submitted`` become ``interrupted``.

    Batches recorded by this run of the app are left alone (they may be being sent right now).

    Returns:
        Changes whose ``outcomes`` list every request interrupted now.
    """
    rows = execute_sql(
        _REQUEST_SQL + " WHERE cr.state IN (?, ?) ORDER BY cr.id",
        (_S.RECORDED.value, _S.SUBMITTED.value),
    ).fetchall()
    parts = []
    for r in rows:
        row = _row(r)
        if ctx.session.has_batch(row.batch_id):
            continue
        message = STOPPED_BEFORE_SENT if row.state is _S.RECORDED else STOPPED_WHILE_SENDING
        parts.append(_mark_interrupted(row.id, message))
    return _merge(
        parts,
        with_values(
            QT_TRANSLATE_NOOP("Messages", "{count} interrupted cancellation request(s) found."),
            count=len(parts),
        ),
    )


@write_op
def resolve_interrupted(
    ctx: AppContext, request_id: int, outcome: OutcomeKind, message: str = ""
) -> CancellationChanges:
    """The seller checked 1688 and says what became of an interrupted request.

    Args:
        request_id: An ``interrupted`` request.
        outcome: ``CLOSED`` (close requests) or ``REFUND_REQUESTED`` (refund requests) when it
            was done on 1688; ``FAILED`` when it was not (the request may then be retried).
        message: What the seller saw, kept with a failure.

    Raises:
        UserError: The request is not interrupted, or *outcome* does not fit its action.
    """
    row = _load_in(
        request_id,
        (_S.INTERRUPTED,),
        QT_TRANSLATE_NOOP(
            "Errors", "The request for 1688 order {order} is “{state}”, not interrupted."
        ),
    )
    outcome = OutcomeKind(outcome)
    done = {
        CancelAction.CLOSE: OutcomeKind.CLOSED,
        CancelAction.REFUND_REQUEST: OutcomeKind.REFUND_REQUESTED,
    }
    if outcome is done[row.action]:
        result = CallResult(True)
    elif outcome is OutcomeKind.FAILED:
        result = CallResult(False, NOT_DONE, message.strip() or NOT_DONE_ON_1688)
    else:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "“{outcome}” is not a possible outcome of this request."),
            outcome=outcome.value,
        )
    now = ctx.clock()
    audit(
        "cancellation_request",
        request_id,
        "cancel_resolved",
        before={"state": row.state.value},
        after={"resolution": outcome.value},
        sales_order_id=row.sales_order_id,
        at=now,
    )
    return _decided(row, _finish(row, result, now))
