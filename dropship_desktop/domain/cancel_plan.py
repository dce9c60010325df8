"""What cancelling each selected supplier order means (its plan), and the reasons step 5 collects
with their checks.

Part of the cancel flow (see :mod:`.cancel_flow`). Pure Python: no PySide6, no peewee.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from ..i18n import Text
from ..messages import CANCEL_PROBLEMS, CANCEL_SKIPS, message
from .cancel_facts import (
    DESCRIPTION_MAX_CHARS,
    DESCRIPTION_MIN_CHARS,
    REMARK_MAX_CHARS,
    VOUCHERS_MAX,
    OrderCandidate,
    Problem,
    RefundReason,
)
from .eligibility import EligibilityResult, cancel_eligibility
from .enums import CancelAction, CancelReason, Eligibility

__all__ = [
    "CloseReasonInput",
    "OrderPlan",
    "ReasonInput",
    "RefundReasonInput",
    "close_reason_problems",
    "plan_order",
    "refund_reason_problems",
]

# --------------------------------------------------------------------------------------------
# Per-order plan
# --------------------------------------------------------------------------------------------


def _skip(code: str, *, status: str = "", seconds: int = 0) -> Text:
    return message(CANCEL_SKIPS, code, status=status, seconds=seconds)


@dataclass(frozen=True, slots=True)
class OrderPlan:
    """What submitting will do to one selected supplier order.

    Attributes:
        supplier_order_id: The order.
        eligibility: The rule's decision.
        action: What would be sent: ``CLOSE`` (also for a too-soon unpaid order, which only has
            to wait) or ``REFUND_REQUEST``; ``None`` when nothing can be sent.
        amount_fen: Closing: the order's amount (nothing was paid). Refund: the amount asked
            back, the full paid amount (1688 requires it while the supplier has not shipped).
        skip_code: Why it will not be sent now (key of ``messages.CANCEL_SKIPS``), empty when it
            will.
        message: The text for ``skip_code`` (a marked :class:`~dropship_desktop.i18n.Text`).
    """

    supplier_order_id: int
    eligibility: EligibilityResult
    action: CancelAction | None
    amount_fen: int = 0
    skip_code: str = ""
    message: str = ""

    @property
    def will_send(self) -> bool:
        """Whether submitting now sends a request for this order."""
        return not self.skip_code

    @property
    def retry_in_seconds(self) -> int:
        return self.eligibility.retry_in_seconds


def plan_order(candidate: OrderCandidate, now: datetime) -> OrderPlan:
    """Decide what cancelling *candidate* means at *now*.

    Args:
        candidate: The supplier order.
        now: Current time (aware UTC).

    Returns:
        The plan; see :class:`OrderPlan`.
    """
    oid = candidate.supplier_order_id
    result = cancel_eligibility(candidate.status_raw, candidate.created_at, now)
    kind = result.kind
    if candidate.blocked_by_pending:
        return OrderPlan(oid, result, None, 0, "pending", _skip("pending"))
    if kind in (Eligibility.CLOSE, Eligibility.TOO_SOON):
        action: CancelAction | None = CancelAction.CLOSE
        amount = candidate.total_fen
    elif kind is Eligibility.REFUND_REQUEST:
        action = CancelAction.REFUND_REQUEST
        # paid_fen is what 1688 will refund; fall back to the order's amount when not recorded.
        amount = candidate.paid_fen or candidate.total_fen
    else:
        action, amount = None, 0
    if action is not None and not candidate.order_id_1688:
        return OrderPlan(oid, result, None, 0, "no_order_id", _skip("no_order_id"))
    if kind is Eligibility.TOO_SOON:
        text = _skip("too_soon", seconds=result.retry_in_seconds)
        return OrderPlan(oid, result, action, amount, "too_soon", text)
    if action is None:
        code = kind.value
        text = _skip(code, status=candidate.status_raw)
        return OrderPlan(oid, result, None, 0, code, text)
    return OrderPlan(oid, result, action, amount)


# --------------------------------------------------------------------------------------------
# Reasons
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CloseReasonInput:
    """The reason for closing an unpaid order (``alibaba.trade.cancel``)."""

    reason: CancelReason
    remark: str = ""


@dataclass(frozen=True, slots=True)
class RefundReasonInput:
    """The reason for a refund application (``alibaba.trade.createRefund``).

    Attributes:
        reason_id: Id of a reason from the order's reason list.
        description: 2–150 characters.
        vouchers: Evidence image URLs (1–5) when the reason needs them and the connector sends
            them; with the manual connector the seller attaches them on 1688.
    """

    reason_id: str
    description: str
    vouchers: tuple[str, ...] = ()


ReasonInput = CloseReasonInput | RefundReasonInput


def close_reason_problems(value: CloseReasonInput | None) -> list[Problem]:
    """Problems of a close reason: one of the three codes; ``other`` needs a remark; remark ≤ 200.

    Codes: ``close_reason_missing``, ``remark_required``, ``remark_too_long``.
    """
    if value is None:
        return [Problem("close_reason_missing", message(CANCEL_PROBLEMS, "close_reason_missing"))]
    problems: list[Problem] = []
    try:
        reason = CancelReason(value.reason)
    except ValueError:
        return [Problem("close_reason_missing", message(CANCEL_PROBLEMS, "close_reason_missing"))]
    remark = value.remark.strip()
    if reason is CancelReason.OTHER and not remark:
        problems.append(Problem("remark_required", message(CANCEL_PROBLEMS, "remark_required")))
    if len(remark) > REMARK_MAX_CHARS:
        problems.append(
            Problem(
                "remark_too_long",
                message(
                    CANCEL_PROBLEMS, "remark_too_long", count=len(remark), max=REMARK_MAX_CHARS
                ),
                params={"count": len(remark), "max": REMARK_MAX_CHARS},
            )
        )
    return problems


def refund_reason_problems(
    value: RefundReasonInput | None,
    reasons: Sequence[RefundReason],
    *,
    vouchers_sent: bool,
    supplier_order_id: int | None = None,
) -> list[Problem]:
    """Problems of a refund reason for one order.

    Args:
        value: What the seller entered, or ``None``.
        reasons: The reasons the platform offers for this order.
        vouchers_sent: Whether the connector sends evidence itself (an API connector); the
            manual connector leaves evidence to the 1688 page, so none is required here.
        supplier_order_id: Put on the problems, when checking one order of many.

    Returns:
        Problems with codes ``refund_reason_missing``, ``refund_reason_not_offered``,
        ``description_too_short``, ``description_too_long``, ``vouchers_required``,
        ``too_many_vouchers``.
    """
    oid = supplier_order_id
    if value is None or not value.reason_id:
        return [
            Problem("refund_reason_missing", message(CANCEL_PROBLEMS, "refund_reason_missing"), oid)
        ]
    problems: list[Problem] = []
    by_id = {r.id: r for r in reasons}
    reason = by_id.get(value.reason_id)
    if reason is None:
        problems.append(
            Problem(
                "refund_reason_not_offered",
                message(CANCEL_PROBLEMS, "refund_reason_not_offered"),
                oid,
                {"reason_id": value.reason_id},
            )
        )
    length = len(value.description.strip())
    if length < DESCRIPTION_MIN_CHARS:
        problems.append(
            Problem(
                "description_too_short",
                message(CANCEL_PROBLEMS, "description_too_short", min=DESCRIPTION_MIN_CHARS),
                oid,
                {"min": DESCRIPTION_MIN_CHARS},
            )
        )
    elif length > DESCRIPTION_MAX_CHARS:
        problems.append(
            Problem(
                "description_too_long",
                message(
                    CANCEL_PROBLEMS, "description_too_long", count=length, max=DESCRIPTION_MAX_CHARS
                ),
                oid,
                {"count": length, "max": DESCRIPTION_MAX_CHARS},
            )
        )
    vouchers = [v for v in value.vouchers if v.strip()]
    if reason is not None and reason.need_voucher and vouchers_sent and not vouchers:
        problems.append(
            Problem(
                "vouchers_required",
                message(CANCEL_PROBLEMS, "vouchers_required", reason=reason.name, max=VOUCHERS_MAX),
                oid,
                {"reason": reason.name, "max": VOUCHERS_MAX},
            )
        )
    if len(vouchers) > VOUCHERS_MAX:
        problems.append(
            Problem(
                "too_many_vouchers",
                message(CANCEL_PROBLEMS, "too_many_vouchers", max=VOUCHERS_MAX),
                oid,
                {"max": VOUCHERS_MAX},
            )
        )
    return problems
