"""What step 6 sends and what came of it: the requests to record and send, and each order's
outcome.

Part of the cancel flow (see :mod:`.cancel_flow`). Pure Python: no PySide6, no peewee.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from .cancel_facts import CallResult
from .enums import CancelAction

__all__ = [
    "OrderOutcome",
    "OutcomeKind",
    "Submission",
    "SubmissionItem",
    "outcome_from_call",
]

# --------------------------------------------------------------------------------------------
# Submission and outcomes
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SubmissionItem:
    """One request to record and send: everything the service and the connector need.

    Attributes:
        supplier_order_id: The order.
        order_id_1688: Its 1688 id.
        sales_order_id: Its shop order, if linked (for the audit timeline).
        action: Close or refund application.
        reason_code: Close: the :class:`CancelReason` value. Refund: the platform reason id.
        reason_text: Human-readable reason (Chinese name), for the record.
        remark: Close: the remark. Refund: the description.
        amount_fen: Refund: the amount asked back; close: the order's amount.
        vouchers: Evidence image URLs for a refund.
        offer_id: The offer it was bought through (for "mark out of stock").
        not_before: Do not send before this time (aware UTC): 1688 refuses to close an order in
            its first 10 seconds (``CLOSE_ORDER_TOO_FAST``). ``None``: send at once.
    """

    supplier_order_id: int
    order_id_1688: str
    sales_order_id: int | None
    action: CancelAction
    reason_code: str
    reason_text: str
    remark: str
    amount_fen: int
    vouchers: tuple[str, ...] = ()
    offer_id: int | None = None
    not_before: datetime | None = None


class OutcomeKind(StrEnum):
    """What happened to one order of a submission."""

    CLOSED = "closed"
    REFUND_REQUESTED = "refund_requested"
    FAILED = "failed"
    SKIPPED = "skipped"
    INTERRUPTED = "interrupted"


@dataclass(frozen=True, slots=True)
class OrderOutcome:
    """The outcome of one order.

    Attributes:
        supplier_order_id: The order.
        kind: What happened.
        message: The platform's message (failed), why it was skipped, or what to check
            (interrupted).
        error_code: The platform's error code, or a local one (``NOT_SENT``, ``NO_ANSWER``,
            ``NOT_CONFIRMED``), for a failure.
        request_id: The ``cancellation_request`` row, when one was recorded.
        retry_in_seconds: For a too-soon skip, seconds until it may be sent.
    """

    supplier_order_id: int
    kind: OutcomeKind
    message: str = ""
    error_code: str = ""
    request_id: int | None = None
    retry_in_seconds: int = 0

    @property
    def retryable(self) -> bool:
        """A failure may be retried (a new attempt of the same request)."""
        return self.kind is OutcomeKind.FAILED

    @property
    def needs_resolution(self) -> bool:
        """Nobody knows whether the platform got it: the seller must check 1688 and say."""
        return self.kind is OutcomeKind.INTERRUPTED

    @property
    def final(self) -> bool:
        return self.kind in (OutcomeKind.CLOSED, OutcomeKind.REFUND_REQUESTED, OutcomeKind.SKIPPED)


def outcome_from_call(action: CancelAction, result: CallResult) -> OutcomeKind:
    """Map a confirmed platform answer to an outcome: success means closed or refund requested."""
    if not result.success:
        return OutcomeKind.FAILED
    return OutcomeKind.CLOSED if action is CancelAction.CLOSE else OutcomeKind.REFUND_REQUESTED


@dataclass(frozen=True, slots=True)
class Submission:
    """What step 6 sends: the requests, and the orders skipped (with their outcome already)."""

    items: tuple[SubmissionItem, ...]
    skipped: tuple[OrderOutcome, ...]
