"""A supplier's after-sales record: defect and refusal rates, and whether an offer's defects are rising."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["OFFER_CASE_MIN", "DefectTrend", "SupplierRecord", "defect_trend"]

#: Below this many supplier orders a rate says little: it is not used.
OFFER_CASE_MIN = 5


@dataclass(frozen=True, slots=True)
class SupplierRecord:
    """After-sales counts of one supplier or one offer.

    Attributes:
        orders: 1688 orders placed with it.
        cases: After-sales cases on those orders.
        defects: Cases where the goods were faulty (broken, missing parts, not as described).
        requests: Cases where the seller asked the supplier for a refund.
        refusals: Requests the supplier refused.
    """

    orders: int = 0
    cases: int = 0
    defects: int = 0
    requests: int = 0
    refusals: int = 0

    @property
    def defect_rate(self) -> float | None:
        """Faulty-goods cases per order, ``None`` below :data:`OFFER_CASE_MIN` orders."""
        if self.orders < OFFER_CASE_MIN:
            return None
        return min(1.0, self.defects / self.orders)

    @property
    def refusal_rate(self) -> float | None:
        """Refused requests per request, ``None`` without any request."""
        return None if self.requests == 0 else self.refusals / self.requests


@dataclass(frozen=True, slots=True)
class DefectTrend:
    """An offer's defect rate now against before.

    Attributes:
        recent_rate: Defect cases per order in the recent window.
        earlier_rate: The same over the window before it (``None``: too few orders).
        climbing: The rate rose enough to warn the seller.
    """

    recent_rate: float
    earlier_rate: float | None
    climbing: bool


def defect_trend(
    recent_orders: int, recent_defects: int, earlier_orders: int, earlier_defects: int
) -> DefectTrend | None:
    """Whether an offer's defect rate is climbing: at least 2 defects and 5 orders recently, and
    the recent rate at least double the earlier one and 5 points higher (or 10 % without an
    earlier rate). ``None`` when there are too few recent orders to say."""
    if recent_orders < OFFER_CASE_MIN:
        return None
    recent = recent_defects / recent_orders
    earlier = earlier_defects / earlier_orders if earlier_orders >= OFFER_CASE_MIN else None
    if recent_defects < 2:
        climbing = False
    elif earlier is None:
        climbing = recent >= 0.10
    else:
        climbing = recent >= 2 * earlier and recent - earlier >= 0.05
    return DefectTrend(recent, earlier, climbing)
