"""Cancel eligibility of one supplier order, per DESIGN.md §3 and the 1688 Open Platform rules."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from .enums import CLOSED_1688_STATUSES, Eligibility, OrderStatus1688

__all__ = ["CLOSE_TOO_FAST_SECONDS", "EligibilityResult", "cancel_eligibility"]

#: 1688 answers CLOSE_ORDER_TOO_FAST when an order is closed within 10 s of its creation.
CLOSE_TOO_FAST_SECONDS = 10

_AFTER_SALES = {
    OrderStatus1688.WAIT_BUYER_RECEIVE,
    OrderStatus1688.CONFIRM_GOODS,
    OrderStatus1688.SUCCESS,
}


@dataclass(frozen=True, slots=True)
class EligibilityResult:
    """What cancelling means for one supplier order.

    Attributes:
        kind: The decision.
        retry_in_seconds: For ``TOO_SOON``, whole seconds until a close is accepted; else 0.
    """

    kind: Eligibility
    retry_in_seconds: int = 0

    @property
    def actionable(self) -> bool:
        """Whether the wizard may send something for this order now."""
        return self.kind in (Eligibility.CLOSE, Eligibility.REFUND_REQUEST)


def cancel_eligibility(
    status_raw: str, created_at: datetime | None, now: datetime
) -> EligibilityResult:
    """Decide what cancelling a supplier order means.

    Args:
        status_raw: The 1688 ``baseInfo.status`` as stored (unknown values allowed).
        created_at: When the 1688 order was created (aware UTC), if known.
        now: The current time (aware UTC); passed in so the rule is testable.

    Returns:
        The decision. An unpaid order created less than 10 s ago is ``TOO_SOON`` with the
        seconds to wait; an unknown status is never acted on.
    """
    try:
        status = OrderStatus1688(status_raw)
    except ValueError:
        return EligibilityResult(Eligibility.UNKNOWN_STATUS)
    if status in CLOSED_1688_STATUSES:
        return EligibilityResult(Eligibility.ALREADY_CLOSED)
    if status in _AFTER_SALES:
        return EligibilityResult(Eligibility.AFTER_SALES_ONLY)
    if status is OrderStatus1688.WAIT_BUYER_PAY:
        if created_at is not None:
            age = now - created_at
            limit = timedelta(seconds=CLOSE_TOO_FAST_SECONDS)
            if age < limit:
                wait = math.ceil((limit - age).total_seconds())
                return EligibilityResult(Eligibility.TOO_SOON, max(1, wait))
        return EligibilityResult(Eligibility.CLOSE)
    # WAIT_SELLER_SEND: paid, not shipped: a refund application the supplier must agree to.
    return EligibilityResult(Eligibility.REFUND_REQUEST)
