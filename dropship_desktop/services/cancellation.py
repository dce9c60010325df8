"""Cancellation use cases: distribution accounts, the wizard's data, recording and sending requests.

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

The DB worker runs these; :func:`submit_request` and :func:`submit_batch` call the connector between
transactions and so never hold the write lock while waiting for the network or the seller.
"""

from __future__ import annotations

import json
import logging
import threading
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from ..connectors.base import Connector, ConnectorUnavailable
from ..domain.cancel_flow import (
    CANCELLATION_WINDOW_DAYS,
    AccountRef,
    CallResult,
    OrderCandidate,
    OrderOutcome,
    OutcomeKind,
    ProductFacts,
    SaleFacts,
    ShopCancellationStats,
    SubmissionItem,
    outcome_from_call,
)
from ..domain.enums import (
    OPEN_CANCEL_STATES,
    OPEN_REFUND_STATUSES,
    CancelAction,
    CancelRequestState,
    OrderStatus1688,
    RefundStatus,
    SalesStatus,
)
from ..domain.timeutil import from_epoch, now_epoch, now_utc, to_epoch
from ..errors import UserError, ValidationError
from ..i18n import QT_TRANSLATE_NOOP, label, with_values
from ..store.daily_summary import window_counts
from ..store.db import db
from .base import Changes, audit, write_op
from .orders import refresh_order_summaries
from .sourcing import mark_offer_out_of_stock

__all__ = [
    "CancellationChanges",
    "FlowData",
    "RequestRow",
    "begin_submission",
    "cancellation_stats",
    "create_account",
    "find_interrupted",
    "finish_submission",
    "forget_session",
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
    "retry_request",
    "submit_batch",
    "submit_request",
]

log = logging.getLogger(__name__)

_S = CancelRequestState
# As SQL parameters.
_OPEN_STATES = tuple(s.value for s in OPEN_CANCEL_STATES)
_OPEN_REFUND = tuple(s.value for s in OPEN_REFUND_STATUSES)
_CANCELLED_SALES = (
    SalesStatus.CANCELLED.value,
    SalesStatus.REFUNDED.value,
    SalesStatus.REFUNDING.value,
)
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

# Batches recorded by this process: find_interrupted() must not touch a batch still being sent.
_session_lock = threading.Lock()
_session_batches: set[str] = set()


def new_batch_id() -> str:
    """A new batch id, remembered as belonging to this run of the app."""
    batch_id = uuid.uuid4().hex
    with _session_lock:
        _session_batches.add(batch_id)
    return batch_id


def forget_session() -> None:
    """Forget this run's batches, as a restart would (tests simulate a crash with it)."""
    with _session_lock:
        _session_batches.clear()


def _in_session(batch_id: str) -> bool:
    with _session_lock:
        return batch_id in _session_batches


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
# Distribution accounts
# --------------------------------------------------------------------------------------------


def list_accounts() -> list[AccountRef]:
    """The distribution accounts kept by the app, by name."""
    rows = db.execute_sql(
        "SELECT id, name, member_id, connector FROM distribution_account ORDER BY name, id"
    ).fetchall()
    return [AccountRef(int(r[0]), r[1], r[2], r[3]) for r in rows]


@write_op
def create_account(name: str, member_id: str = "", connector: str = "manual") -> Changes:
    """Add a distribution account.

    Raises:
        ValidationError: The name is empty, too long or taken, or the connector is unknown.
    """
    from ..connectors import connector_kinds

    name = name.strip()
    member_id = member_id.strip()
    errors: dict[str, str] = {}
    if not name:
        errors["name"] = QT_TRANSLATE_NOOP("Errors", "Enter a name for the account.")
    elif len(name) > 100:
        errors["name"] = QT_TRANSLATE_NOOP("Errors", "The name is longer than 100 characters.")
    elif db.execute_sql("SELECT 1 FROM distribution_account WHERE name = ?", (name,)).fetchone():
        errors["name"] = with_values(
            QT_TRANSLATE_NOOP("Errors", "An account named “{name}” already exists."), name=name
        )
    if len(member_id) > 100:
        errors["member_id"] = QT_TRANSLATE_NOOP(
            "Errors", "The 1688 member id is longer than 100 characters."
        )
    if connector not in connector_kinds():
        errors["connector"] = QT_TRANSLATE_NOOP("Errors", "Choose a connector (manual if unsure).")
    if errors:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "The account has invalid fields."), errors
        )
    account_id = db.execute_sql(
        "INSERT INTO distribution_account (name, member_id, connector, created_at)"
        " VALUES (?, ?, ?, ?)",
        (name, member_id, connector, now_epoch()),
    ).lastrowid
    audit(
        "distribution_account",
        account_id,
        "create",
        after={"name": name, "member_id": member_id, "connector": connector},
    )
    return Changes.of(
        "distribution_account",
        ids={"distribution_account": [account_id]},
        created_id=account_id,
        message=QT_TRANSLATE_NOOP("Messages", "Distribution account created."),
    )


# --------------------------------------------------------------------------------------------
# The wizard's data
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FlowData:
    """What :class:`~dropship_desktop.domain.cancel_flow.CancelFlow` needs for some orders."""

    candidates: list[OrderCandidate]
    shop_stats: dict[int, ShopCancellationStats]


def pending_supplier_order_ids(ids: Iterable[int] | None = None) -> set[int]:
    """Supplier orders with a cancellation under way (they cannot be selected again).

    Under way: a request recorded, submitted or interrupted, or an open 1688 refund (requested by
    the wizard or found in imported data).

    Args:
        ids: Only look at these supplier orders (default: all).
    """
    marks_states = ",".join("?" * len(_OPEN_STATES))
    marks_refund = ",".join("?" * len(_OPEN_REFUND))
    sql_requests = (
        "SELECT DISTINCT supplier_order_id FROM cancellation_request"
        f" WHERE state IN ({marks_states})"
    )
    sql_refunds = f"SELECT id FROM supplier_order WHERE refund_status IN ({marks_refund})"
    if ids is None:
        found = {r[0] for r in db.execute_sql(sql_requests, _OPEN_STATES)}
        found |= {r[0] for r in db.execute_sql(sql_refunds, _OPEN_REFUND)}
        return found
    wanted = sorted(set(ids))
    found = set()
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        found |= {
            r[0]
            for r in db.execute_sql(
                f"{sql_requests} AND supplier_order_id IN ({marks})", [*_OPEN_STATES, *chunk]
            )
        }
        found |= {
            r[0]
            for r in db.execute_sql(f"{sql_refunds} AND id IN ({marks})", [*_OPEN_REFUND, *chunk])
        }
    return found


_CANDIDATE_SQL = (
    "SELECT so.id, so.order_id_1688, so.status, so.created_at, so.product_title, so.quantity,"
    " so.cost_fen, so.dropship_fee_fen, so.shipping_fen, so.paid_fen, so.refund_status,"
    " so.offer_id, o.lead_time_days, p.id, p.title, p.sku, p.sale_price_fen, p.specs,"
    " p.description, s.id, s.shop_id, s.shop_order_no, s.status, s.sale_fen, s.profit_fen,"
    " s.created_at, s.paid_at, s.ship_by"
    " FROM supplier_order so"
    " LEFT JOIN offer o ON o.id = so.offer_id"
    " LEFT JOIN product p ON p.id = o.product_id"
    " LEFT JOIN sales_order s ON s.id = so.sales_order_id"
)


def _candidate(row: Sequence[object], pending: set[int]) -> OrderCandidate:
    (
        so_id,
        order_id,
        status,
        created,
        title,
        qty,
        cost,
        fee,
        shipping,
        paid,
        refund,
        offer_id,
        lead,
        product_id,
        p_title,
        p_sku,
        p_price,
        p_specs,
        p_desc,
        sale_id,
        shop_id,
        shop_no,
        sale_status,
        sale_fen,
        profit,
        sale_created,
        sale_paid,
        ship_by,
    ) = row
    product = (
        ProductFacts(p_title or "", p_sku or "", p_price, p_specs or "", p_desc or "")  # type: ignore[arg-type]
        if product_id is not None
        else None
    )
    sale = (
        SaleFacts(
            int(sale_id),  # type: ignore[arg-type]
            int(shop_id),  # type: ignore[arg-type]
            str(shop_no),
            str(sale_status),
            int(sale_fen),  # type: ignore[arg-type]
            int(profit),  # type: ignore[arg-type]
            from_epoch(sale_created),  # type: ignore[arg-type]
            from_epoch(sale_paid),  # type: ignore[arg-type]
            from_epoch(ship_by),  # type: ignore[arg-type]
        )
        if sale_id is not None
        else None
    )
    return OrderCandidate(
        supplier_order_id=int(so_id),  # type: ignore[arg-type]
        order_id_1688=order_id or None,  # type: ignore[arg-type]
        status_raw=str(status),
        created_at=from_epoch(created),  # type: ignore[arg-type]
        product_title=str(title),
        quantity=int(qty),  # type: ignore[arg-type]
        cost_fen=int(cost),  # type: ignore[arg-type]
        dropship_fee_fen=int(fee),  # type: ignore[arg-type]
        shipping_fen=int(shipping),  # type: ignore[arg-type]
        paid_fen=int(paid),  # type: ignore[arg-type]
        refund_status=refund,  # type: ignore[arg-type]
        pending=so_id in pending,
        offer_id=offer_id,  # type: ignore[arg-type]
        lead_time_days=lead,  # type: ignore[arg-type]
        product=product,
        sale=sale,
    )


def load_flow_data(
    *,
    account_id: int | None = None,
    supplier_order_ids: Iterable[int] = (),
    open_only: bool = True,
    now: datetime | None = None,
) -> FlowData:
    """Candidates and 30-day shop figures for the wizard.

    Args:
        account_id: Include the account's supplier orders (and those with no account, which
            imports may leave); ``None`` for none.
        supplier_order_ids: Include these supplier orders whatever their account or status (the
            orders pre-selected from the order list, or picked in the list on step 2).
        open_only: Of the account's orders, only those still awaiting payment or shipment (the
            ones a cancellation can act on); the others are loaded on demand by id.
        now: For the 30-day window (default: now).

    Returns:
        Candidates ordered newest first, and the figures of every shop they belong to.
    """
    now = now or now_utc()
    rows: dict[int, Sequence[object]] = {}
    if account_id is not None:
        where = " WHERE (so.account_id = ? OR so.account_id IS NULL)"
        params: list[object] = [account_id]
        if open_only:
            where += " AND so.status IN (?, ?)"
            params += [OrderStatus1688.WAIT_BUYER_PAY.value, OrderStatus1688.WAIT_SELLER_SEND.value]
        for row in db.execute_sql(_CANDIDATE_SQL + where, params):
            rows[row[0]] = row
    wanted = sorted(set(supplier_order_ids) - set(rows))
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        for row in db.execute_sql(_CANDIDATE_SQL + f" WHERE so.id IN ({marks})", chunk):
            rows[row[0]] = row
    pending = pending_supplier_order_ids(rows)
    candidates = [_candidate(r, pending) for r in rows.values()]
    candidates.sort(key=lambda c: (c.created_at is not None, c.created_at), reverse=True)
    shops = {c.sale.shop_id for c in candidates if c.sale is not None}
    return FlowData(candidates, {s: cancellation_stats(s, now) for s in sorted(shops)})


def cancellation_stats(shop_id: int, now: datetime | None = None) -> ShopCancellationStats:
    """A shop's orders created in the 30 days before *now*, and how many were cancelled.

    Cancelled means closed, refunded or being refunded at the shop.
    """
    end = to_epoch(now or now_utc())
    assert end is not None
    start = end - CANCELLATION_WINDOW_DAYS * 86400
    # The dashboard shows the same figure (store/daily_summary: summary days + exact edges).
    orders, cancelled = window_counts(db.connection(), start, end, (shop_id,)).get(shop_id, (0, 0))
    return ShopCancellationStats(shop_id, orders, cancelled)


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
    r = db.execute_sql(_REQUEST_SQL + " WHERE cr.id = ?", (request_id,)).fetchone()
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
    rows = db.execute_sql(_REQUEST_SQL + " WHERE cr.batch_id = ? ORDER BY cr.id", (batch_id,))
    return [_row(r) for r in rows]


def request_history(supplier_order_id: int) -> list[RequestRow]:
    """Every request ever made for a supplier order, oldest first."""
    rows = db.execute_sql(
        _REQUEST_SQL + " WHERE cr.supplier_order_id = ? ORDER BY cr.id", (supplier_order_id,)
    )
    return [_row(r) for r in rows]


def list_interrupted() -> list[RequestRow]:
    """Requests the seller must resolve (interrupted by a crash or a lost connection)."""
    rows = db.execute_sql(
        _REQUEST_SQL + " WHERE cr.state = ? ORDER BY cr.id", (_S.INTERRUPTED.value,)
    )
    return [_row(r) for r in rows]


# --------------------------------------------------------------------------------------------
# Recording
# --------------------------------------------------------------------------------------------


def _sales_order_of(supplier_order_id: int) -> int | None:
    row = db.execute_sql(
        "SELECT sales_order_id FROM supplier_order WHERE id = ?", (supplier_order_id,)
    ).fetchone()
    return None if row is None else row[0]


@write_op
def record_requests(
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
        batch_id = new_batch_id()
    else:
        with _session_lock:
            _session_batches.add(batch_id)
    ids = [item.supplier_order_id for item in items]
    if len(set(ids)) != len(ids):
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors", "An order appears twice in the batch; each order is cancelled once."
            )
        )
    pending = pending_supplier_order_ids(ids)
    now = now_epoch()
    by_order: dict[int, int] = {}
    sales_ids: set[int] = set()
    for item in items:
        row = db.execute_sql(
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
        attempt = db.execute_sql(
            "SELECT coalesce(max(attempt), 0) + 1 FROM cancellation_request"
            " WHERE supplier_order_id = ?",
            (item.supplier_order_id,),
        ).fetchone()[0]
        request_id = db.execute_sql(
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
def begin_submission(request_id: int) -> Changes:
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
    now = now_epoch()
    db.execute_sql(
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
    so = db.execute_sql(
        "SELECT status, refund_status FROM supplier_order WHERE id = ?", (row.supplier_order_id,)
    ).fetchone()
    if kind is OutcomeKind.CLOSED:
        state = _S.CLOSED
        if so is not None and so[0] != OrderStatus1688.CANCEL.value:
            db.execute_sql(
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
        db.execute_sql(
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
    db.execute_sql(
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
def mark_interrupted(request_id: int, message: str = STOPPED_UNCONFIRMED) -> CancellationChanges:
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
    db.execute_sql(
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


def submit_request(request_id: int, connector: Connector) -> CancellationChanges:
    """Send one recorded request through *connector* and store the answer.

    Three steps, each its own transaction, so no write lock is held while waiting: mark
    ``submitted`` (skipped when :func:`begin_submission` already did, as the manual flow does
    before opening the 1688 page), call the connector, store the answer. If the connector raises
    :class:`~dropship_desktop.connectors.base.ConnectorUnavailable` the request fails as not sent
    (retry is safe); any other exception leaves it ``interrupted`` for the seller to check on
    1688, since nobody knows whether the platform acted. A ``BaseException`` (the app being
    stopped) propagates and leaves the request ``submitted``; :func:`find_interrupted` picks it up
    at the next start.

    Returns:
        Changes with the order's outcome.

    Raises:
        UserError: The request is neither recorded nor submitted by this run of the app.
    """
    row = _load(request_id)
    if row.state is _S.RECORDED:
        begin_submission(request_id)
    elif not (row.state is _S.SUBMITTED and _in_session(row.batch_id)):
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
        text = str(exc) or "1688 could not be reached; nothing was sent."
        result = CallResult(False, NOT_SENT, text)
    except Exception as exc:
        log.warning("connector %s raised on request %s", connector.name, request_id, exc_info=True)
        return _mark_interrupted(
            request_id,
            f"The connection was lost while sending ({type(exc).__name__}); check on 1688 "
            "whether the order was cancelled, then say what happened.",
        )
    return finish_submission(request_id, result)


def submit_batch(request_ids: Sequence[int], connector: Connector) -> CancellationChanges:
    """Send several recorded requests one after the other (each as :func:`submit_request`)."""
    parts = [submit_request(rid, connector) for rid in request_ids]
    outcomes = [o for p in parts for o in p.outcomes]
    return _merge(parts, _batch_message(outcomes))


@write_op
def record_retry(request_id: int) -> int:
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
    changes = record_requests([item], row.batch_id if _in_session(row.batch_id) else None)
    return changes.request_ids[row.supplier_order_id]


def retry_request(request_id: int, connector: Connector) -> CancellationChanges:
    """Try a failed request again: a new attempt (a new row) with the same reason, sent at once
    (:func:`record_retry` then :func:`submit_request`).

    Raises:
        UserError: The request did not fail, or the order has another cancellation under way.
    """
    new_id = record_retry(request_id)
    return submit_request(new_id, connector)


# --------------------------------------------------------------------------------------------
# After a crash
# --------------------------------------------------------------------------------------------


@write_op
def find_interrupted() -> CancellationChanges:
    """At start-up: requests a crash left ``recorded`` or ``submitted`` become ``interrupted``.

    Batches recorded by this run of the app are left alone (they may be being sent right now).

    Returns:
        Changes whose ``outcomes`` list every request interrupted now.
    """
    rows = db.execute_sql(
        _REQUEST_SQL + " WHERE cr.state IN (?, ?) ORDER BY cr.id",
        (_S.RECORDED.value, _S.SUBMITTED.value),
    ).fetchall()
    parts = []
    for r in rows:
        row = _row(r)
        if _in_session(row.batch_id):
            continue
        if row.state is _S.RECORDED:
            message = (
                "The app stopped before this was sent to 1688. Check the order on 1688, then "
                "say whether it was done."
            )
        else:
            message = (
                "The app stopped while this was being sent to 1688. Check the order on 1688, "
                "then say whether it was done."
            )
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
    request_id: int, outcome: OutcomeKind, message: str = ""
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
        result = CallResult(False, NOT_DONE, message.strip() or "Not done on 1688.")
    else:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "“{outcome}” is not a possible outcome of this request."),
            outcome=outcome.value,
        )
    now = now_epoch()
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


# --------------------------------------------------------------------------------------------
# Out of stock
# --------------------------------------------------------------------------------------------


#: What the seller can say happened on the shop after cancelling on 1688.
SHOP_MARKS = (SalesStatus.CANCELLED, SalesStatus.REFUNDING, SalesStatus.REFUNDED)


@write_op
def mark_shop_orders(sales_order_ids: Iterable[int], status: SalesStatus) -> Changes:
    """Record that the seller changed orders on the shop itself (closed, refunding, refunded).

    The cancel wizard never changes a shop order's status on its own: a 1688 close or refund
    request is the supplier side. Once the seller has refunded or cancelled the buyer on the
    shop, this marks it (an import of the shop's orders does the same); every order gets an
    audit event with its old status. Orders that already have *status* are left alone.

    Raises:
        ValidationError: *status* is not one the seller can mark.
    """
    if status not in SHOP_MARKS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "This shop order status cannot be set by hand.")
        )
    ids = sorted(set(sales_order_ids))
    now = now_epoch()
    changed: list[int] = []
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        rows = db.execute_sql(
            f"SELECT id, status FROM sales_order WHERE id IN ({marks}) AND status != ?",
            (*chunk, status.value),
        ).fetchall()
        for oid, old in rows:
            db.execute_sql(
                "UPDATE sales_order SET status = ?, updated_at = ? WHERE id = ?",
                (status.value, now, oid),
            )
            audit(
                "sales_order",
                oid,
                "shop_status_marked",
                before={"status": old},
                after={"status": status.value},
                sales_order_id=oid,
                at=now,
            )
            changed.append(int(oid))
    refresh_order_summaries(changed)
    return Changes.of(
        "sales_order",
        ids={"sales_order": changed},
        message=QT_TRANSLATE_NOOP("Messages", "Shop status recorded for {count} order(s)."),
        message_params={"count": len(changed)},
    )


@write_op
def mark_shop_orders_done(sales_order_ids: Iterable[int]) -> Changes:
    """The seller cancelled or refunded these buyers on the shop: unpaid shop orders become
    closed, paid ones refunded (see :func:`mark_shop_orders`); others are left alone."""
    ids = sorted(set(sales_order_ids))
    by_status: dict[str, list[int]] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        for oid, status in db.execute_sql(
            f"SELECT id, status FROM sales_order WHERE id IN ({marks})", chunk
        ).fetchall():
            by_status.setdefault(status, []).append(int(oid))
    changed: set[int] = set()
    for status, target in (
        (SalesStatus.WAIT_PAY.value, SalesStatus.CANCELLED),
        (SalesStatus.PAID.value, SalesStatus.REFUNDED),
    ):
        if by_status.get(status):
            changed |= mark_shop_orders(by_status[status], target).ids.get("sales_order", set())
    return Changes.of(
        "sales_order",
        ids={"sales_order": changed},
        message=QT_TRANSLATE_NOOP("Messages", "Shop status recorded for {count} order(s)."),
        message_params={"count": len(changed)},
    )


@write_op
def mark_offers_out_of_stock(offer_ids: Iterable[int]) -> Changes:
    """Mark the offers of orders cancelled for 卖家库存不足 as out of stock (stock 0, audited).

    Raises:
        UserError: An offer no longer exists; none is marked.
    """
    done = list(dict.fromkeys(offer_ids))
    for offer_id in done:
        mark_offer_out_of_stock(offer_id)
    return Changes.of(
        "offer",
        ids={"offer": done},
        message=QT_TRANSLATE_NOOP("Messages", "{count} offer(s) marked out of stock."),
        message_params={"count": len(done)},
    )


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


def _batch_message(outcomes: Sequence[OrderOutcome]) -> str:
    counts = {kind: 0 for kind in OutcomeKind}
    for outcome in outcomes:
        counts[outcome.kind] += 1
    return with_values(
        QT_TRANSLATE_NOOP(
            "Messages",
            "Cancellation: {closed} closed, {refunds} refund(s) requested, {failed} failed, "
            "{interrupted} interrupted.",
        ),
        closed=counts[OutcomeKind.CLOSED],
        refunds=counts[OutcomeKind.REFUND_REQUESTED],
        failed=counts[OutcomeKind.FAILED],
        interrupted=counts[OutcomeKind.INTERRUPTED],
    )
