"""Placing a 1688 order through the ordering API: send, record the answer, resolve a lost one.

An answer that never came is resolved by looking the order up by its ``outOrderId``, never by
ordering again; attempts a killed process left sent are found at start-up."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from ...connectors.base import (
    AddressParam,
    CargoParam,
    ConnectorUnavailable,
    OrderingConnector,
    PlaceResult,
    PurchaseRequest,
)
from ...context import AppContext
from ...domain.enums import (
    OrderStatus1688,
)
from ...domain.fulfilment import (
    AttemptState,
)
from ...errors import UserError
from ...i18n import QT_TRANSLATE_NOOP
from ...store.db import execute_sql
from ..base import Changes, write_op
from .attempts import (
    _ATTEMPT_SQL,
    _S,
    DEFAULT_MIN_MARGIN_PCT,
    AttemptRow,
    _attempt,
    _changes,
    _load_attempt,
    _refuse_state,
    _set_state,
)
from .placing import _full_receiver, _link_orders, start_purchase

__all__ = [
    "PurchaseOutcome",
    "attempt_account_id",
    "find_interrupted_purchases",
    "place_via_api",
    "resolve_unknown",
]

log = logging.getLogger(__name__)

#: Runs one database step of a network job and returns its result (``NetworkWorker.run_db``).
RunDb = Callable[[Callable[[], Any]], Any]


def _here(fn: Callable[[], Any]) -> Any:
    return fn()


@dataclass(frozen=True)
class PurchaseOutcome:
    """How an API purchase ended: ``linked`` (with the order), ``failed`` or ``unknown``."""

    attempt_id: int
    state: AttemptState
    order_id_1688: str = ""
    error_code: str = ""
    message: str = ""
    changes: Changes = field(default_factory=Changes)


def _request(attempt: AttemptRow) -> PurchaseRequest:
    receiver, shop_order_no, _removed = _full_receiver(attempt.sales_order_id)
    return PurchaseRequest(
        out_order_id=attempt.out_order_id,
        address=AddressParam(
            receiver.name,
            receiver.mobile,
            receiver.province,
            receiver.city,
            receiver.area,
            receiver.detail[:200],
        ),
        cargo=tuple(CargoParam(c.offer_id_1688, c.spec_id_1688, c.quantity) for c in attempt.cargo),
        message=f"代发订单 {shop_order_no}"[:500],
    )


@write_op
def _begin_send(ctx: AppContext, attempt_id: int) -> AttemptRow:
    attempt = _load_attempt(attempt_id)
    if attempt.state is not _S.RECORDED:
        raise _refuse_state(attempt)
    ctx.session.remember_attempt(attempt_id)
    _set_state(attempt, _S.SENT)
    return _load_attempt(attempt_id)


@write_op
def _finish_failed(attempt_id: int, code: str, message: str) -> Changes:
    attempt = _load_attempt(attempt_id)
    _set_state(attempt, _S.FAILED, error_code=code[:100], message=message[:500])
    return _changes(
        attempt.sales_order_id,
        attempt.id,
        QT_TRANSLATE_NOOP("Messages", "The 1688 order was not placed: {reason}"),
        reason=message or code,
    )


@write_op
def _finish_placed(
    attempt_id: int, order_id_1688: str, status: str, total_fen: int | None, freight_fen: int | None
) -> Changes:
    attempt = _load_attempt(attempt_id)
    _link_orders(
        attempt,
        [order_id_1688],
        status=status,
        total_fen=total_fen,
        freight_fen=freight_fen,
        via="api",
    )
    _set_state(attempt, _S.LINKED, order_ids_1688=order_id_1688, error_code="", message="")
    return _changes(
        attempt.sales_order_id,
        attempt.id,
        QT_TRANSLATE_NOOP("Messages", "1688 order {order} placed and linked."),
        order=order_id_1688,
    )


@write_op
def _mark_unknown(attempt_id: int, message: str) -> Changes:
    attempt = _load_attempt(attempt_id)
    _set_state(attempt, _S.UNKNOWN, message=message[:500])
    return _changes(
        attempt.sales_order_id,
        attempt.id,
        QT_TRANSLATE_NOOP(
            "Messages", "No answer from 1688: the order will be looked up, never placed twice."
        ),
    )


def place_via_api(
    ctx: AppContext,
    sales_order_id: int,
    connector: OrderingConnector,
    *,
    account_id: int | None = None,
    order_again: bool = False,
    min_margin_pct: float = DEFAULT_MIN_MARGIN_PCT,
    run_db: RunDb | None = None,
) -> PurchaseOutcome:
    """Place one shop order's 1688 order through the API: record, preview, send, link.

    Each step is its own transaction; the connector is called between them (never holding
    the write lock). A connector that knows the call did not reach 1688
    (:class:`ConnectorUnavailable`) fails the attempt safely; any other error leaves it
    ``unknown``, to be resolved with :func:`resolve_unknown` by looking the order up.

    Args:
        run_db: Runs one database step and returns its result: given when this runs on the
            network worker (``NetworkWorker.run_db`` hands each step to the DB worker); by
            default the steps run right here.

    Raises:
        UserError: The order cannot be placed (see :func:`start_purchase`) or the connector
            cannot place orders.
    """
    if not getattr(connector, "can_place_orders", False):
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "This distribution account cannot place orders through the 1688 API; place it "
                "by hand on 1688.",
            )
        )
    step: RunDb = run_db or _here
    start = step(
        lambda: start_purchase(
            ctx,
            sales_order_id,
            channel="api",
            connector=connector.name,
            account_id=account_id,
            order_again=order_again,
            min_margin_pct=min_margin_pct,
        )
    )
    attempt = step(lambda: _load_attempt(start.attempt_id))
    request = step(lambda: _request(attempt))
    try:
        preview = connector.preview_order(request)
    except Exception as exc:  # nothing was ordered by a preview
        log.warning("preview failed for attempt %s: %s", attempt.id, type(exc).__name__)
        text = str(exc)
        changes = step(lambda: _finish_failed(attempt.id, "PREVIEW_ERROR", text))
        return PurchaseOutcome(attempt.id, _S.FAILED, "", "PREVIEW_ERROR", str(exc), changes)
    if not preview.ok:
        changes = step(lambda: _finish_failed(attempt.id, preview.error_code, preview.message))
        return PurchaseOutcome(
            attempt.id, _S.FAILED, "", preview.error_code, preview.message, changes
        )
    step(lambda: _begin_send(ctx, attempt.id))
    try:
        result: PlaceResult = connector.place_order(request)
    except ConnectorUnavailable as exc:
        text = str(exc)
        changes = step(lambda: _finish_failed(attempt.id, "NOT_SENT", text))
        return PurchaseOutcome(attempt.id, _S.FAILED, "", "NOT_SENT", str(exc), changes)
    except Exception as exc:
        log.warning("answer lost for attempt %s: %s", attempt.id, type(exc).__name__)
        lost = str(exc) or type(exc).__name__
        changes = step(lambda: _mark_unknown(attempt.id, lost))
        return PurchaseOutcome(attempt.id, _S.UNKNOWN, "", "", str(exc), changes)
    if not result.success:
        changes = step(lambda: _finish_failed(attempt.id, result.error_code, result.message))
        return PurchaseOutcome(
            attempt.id, _S.FAILED, "", result.error_code, result.message, changes
        )
    changes = step(
        lambda: _finish_placed(
            attempt.id,
            result.order_id_1688,
            OrderStatus1688.WAIT_BUYER_PAY.value,
            result.total_fen or None,
            result.freight_fen,
        )
    )
    return PurchaseOutcome(attempt.id, _S.LINKED, result.order_id_1688, changes=changes)


def resolve_unknown(
    ctx: AppContext, attempt_id: int, connector: OrderingConnector, *, run_db: RunDb | None = None
) -> PurchaseOutcome:
    """Settle a purchase whose answer was lost by looking its ``outOrderId`` up on 1688.

    Found: the order is linked (nothing is placed again). Not found after the whole window
    since the attempt was sent was searched: nothing was ordered; the attempt fails and the shop
    order is back in the queue. A lookup that fails part-way raises and the attempt stays
    ``unknown``.

    Raises:
        UserError: The attempt is not waiting for this, or the connector cannot look orders up
            (the seller checks 1688 and pastes the number or says it was not ordered).
    """
    step: RunDb = run_db or _here
    attempt = step(lambda: _load_attempt(attempt_id))
    if attempt.state is not _S.UNKNOWN:
        raise _refuse_state(attempt)
    if not getattr(connector, "can_place_orders", False):
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "This connector cannot look orders up. Check 1688's order list for the message "
                "{order}, then paste the number or say it was not ordered.",
            ),
            order=attempt.out_order_id,
        )
    sent, account_id = step(
        lambda: execute_sql(
            "SELECT COALESCE(sent_at, created_at), account_id FROM purchase_attempt WHERE id = ?",
            (attempt.id,),
        ).fetchone()
    )
    acting = getattr(connector, "account_id", None)
    if account_id is not None and acting is not None and int(acting) != int(account_id):
        # Another buyer account's order list cannot show it: "not found" would re-queue it.
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "This purchase was sent through another distribution account; look it up "
                "with that account.",
            )
        )
    # Search from the moment it was sent (the connector adds a margin): a lookup days later
    # still covers it. The connector raises unless it read the whole window, and then the
    # attempt stays unknown: failing it would re-queue the order and place a second one.
    remote = connector.find_by_out_order_id(
        attempt.out_order_id, sent_after=datetime.fromtimestamp(int(sent), UTC)
    )
    if remote is None:
        changes = step(
            lambda: _finish_failed(
                attempt.id,
                "NOT_FOUND",
                QT_TRANSLATE_NOOP(
                    "Messages", "Not on 1688: nothing was ordered (looked up by outOrderId)."
                ),
            )
        )
        return PurchaseOutcome(attempt.id, _S.FAILED, "", "NOT_FOUND", "", changes)
    changes = step(
        lambda: _finish_placed(
            attempt.id, remote.order_id_1688, remote.status, remote.total_fen or None, None
        )
    )
    return PurchaseOutcome(attempt.id, _S.LINKED, remote.order_id_1688, changes=changes)


def attempt_account_id(attempt_id: int) -> int | None:
    """The distribution account a purchase was recorded under (``None``: none or deleted)."""
    row = execute_sql(
        "SELECT account_id FROM purchase_attempt WHERE id = ?", (attempt_id,)
    ).fetchone()
    return int(row[0]) if row and row[0] is not None else None


@write_op
def find_interrupted_purchases(ctx: AppContext) -> list[AttemptRow]:
    """At start-up: API purchases the app stopped during become ``unknown`` (to be looked up).

    A purchase still ``sent`` from an earlier run may or may not have reached 1688; an API
    purchase still ``recorded`` never left the app and fails safely.
    """
    rows = [
        _attempt(r)
        for r in execute_sql(
            _ATTEMPT_SQL + " WHERE state IN (?, ?) AND channel = 'api'",
            (_S.SENT.value, _S.RECORDED.value),
        )
    ]
    changed = []
    ours = ctx.session.attempts()
    for attempt in rows:
        if attempt.id in ours:
            continue
        if attempt.state is _S.SENT:
            _set_state(attempt, _S.UNKNOWN, message="The app stopped before 1688 answered.")
        else:
            _set_state(attempt, _S.FAILED, error_code="NOT_SENT", message="Never sent.")
        changed.append(_load_attempt(attempt.id))
    return changed
