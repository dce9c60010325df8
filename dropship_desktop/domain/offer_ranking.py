"""Ranking a product's offers: factor scores (price, trust, stability, speed, counterfeit safety) weighted into one score.

Pure: the services gather :class:`~.sourcing.OfferFacts` and :class:`~.sourcing.SupplierFacts`;
the ranking explains itself factor by factor."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from datetime import date

from dropship_desktop.domain.enums import SupplierKind

from .sourcing import (
    ELIGIBILITY_MESSAGES,
    FACTORS,
    OfferFacts,
    SupplierFacts,
    landed_cost_fen,
    margin,
    single_piece_problems,
)

__all__ = [
    "FACTOR_LABELS",
    "RankedOffer",
    "ScoreWeights",
    "counterfeit_safety_score",
    "factor_scores",
    "rank_offers",
    "stability_score",
    "trust_score",
]

_STALE_AFTER_DAYS = 7
_VERY_STALE_AFTER_DAYS = 30


FACTOR_LABELS: dict[str, str] = {
    "cost": "Cost / margin",
    "lead_time": "Lead time",
    "trust": "Supplier trust",
    "stability": "Supply stability",
    "counterfeit_risk": "Counterfeit risk",
}


@dataclass(frozen=True, slots=True)
class ScoreWeights:
    """Relative weight of each ranking factor; only the proportions matter.

    The defaults (30/20/20/15/15) follow the seed: price is the seller's margin and the single
    largest factor, but platform suppliers' stability, quality and trust (货源稳定、品质有保障、
    可信度高) together outweigh it, because a cancelled or counterfeit order costs credit rating,
    sales and traffic (5.2, 7.2). Lead time gets its own weight since 及时发货 is one of the three
    ways to avoid cancellations (5.3).

    Raises:
        ValueError: A weight is negative or not finite, or all weights are zero.
    """

    cost: float = 30.0
    lead_time: float = 20.0
    trust: float = 20.0
    stability: float = 15.0
    counterfeit_risk: float = 15.0

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise ValueError(f"weight {f.name!r} must be a number, got {value!r}")
            if not math.isfinite(value) or value < 0:
                raise ValueError(f"weight {f.name!r} must be a finite number >= 0, got {value}")
            object.__setattr__(self, f.name, float(value))
        if self.total() == 0:
            raise ValueError("at least one weight must be positive")

    def total(self) -> float:
        """Sum of all weights."""
        return sum(getattr(self, name) for name in FACTORS)

    def as_dict(self) -> dict[str, float]:
        """The weights keyed by factor name, for persistence (e.g. settings JSON)."""
        return {name: getattr(self, name) for name in FACTORS}

    @classmethod
    def from_dict(cls, data: Mapping[str, object] | None) -> ScoreWeights:
        """Weights from a stored dict.

        Missing keys take their defaults and unknown keys are ignored, so settings written by an
        older or newer version still load.

        Args:
            data: Factor name → weight; ``None`` means all defaults.

        Returns:
            The weights.

        Raises:
            ValueError: A known key holds a negative, non-finite or non-numeric value, or all
                weights end up zero.
        """
        data = data or {}
        return cls(**{name: data[name] for name in FACTORS if name in data})  # type: ignore[arg-type]


@dataclass(frozen=True)
class RankedOffer:
    """One offer's place in a ranking, with every factor's share of the score visible.

    Attributes:
        offer_id: The offer's id.
        rank: 1-based position; eligible offers come first.
        total: Score 0–100, the sum of ``contributions``.
        contributions: Factor → points; ``weight / total weight × factor score × 100``.
        factor_scores: Factor → raw score 0–1 (1 = best), before weighting.
        eligible: Whether the offer can serve a single-piece dropship order.
        reason: English eligibility message (from :data:`ELIGIBILITY_MESSAGES`).
        reason_code: The message's key in :data:`ELIGIBILITY_MESSAGES`.
        landed_cost_fen: See :func:`landed_cost_fen`.
        profit_fen: Profit per piece at the given sale price, or ``None`` without one.
        margin_ratio: ``profit_fen / sale price``, or ``None`` without a sale price.
    """

    offer_id: int
    rank: int
    total: float
    contributions: dict[str, float]
    factor_scores: dict[str, float]
    eligible: bool
    reason: str
    reason_code: str
    landed_cost_fen: int
    profit_fen: int | None = None
    margin_ratio: float | None = None


def _clamp01(value: float) -> float:
    return 0.0 if value < 0.0 else 1.0 if value > 1.0 else value


def trust_score(supplier: SupplierFacts) -> float:
    """Supplier trust 0–1 from its signals (see :func:`rank_offers` for the formula)."""
    score = 0.50 if supplier.kind is SupplierKind.PLATFORM else 0.25
    score += 0.04 * min(supplier.years_on_1688, 5)
    if supplier.rating is not None:
        score += 0.15 * (supplier.rating - 4.0)
    if supplier.on_time_rate is not None:
        score += 1.5 * (supplier.on_time_rate - 0.9)
    score -= 0.15 * supplier.incidents
    if supplier.refusal_rate is not None:
        score -= 0.50 * supplier.refusal_rate
    return _clamp01(score)


def stability_score(offer: OfferFacts, today: date) -> float:
    """Supply stability 0–1 (see :func:`rank_offers` for the formula)."""
    score = 0.70 if offer.supplier.kind is SupplierKind.PLATFORM else 0.40
    if offer.stock is not None:
        score += 0.30 if offer.stock > 0 else -0.30
    if offer.last_checked is None:
        score -= 0.30
    else:
        age = (today - offer.last_checked).days
        if age > _VERY_STALE_AFTER_DAYS:
            score -= 0.30
        elif age > _STALE_AFTER_DAYS:
            score -= 0.15
    if offer.defect_rate is not None:
        score -= 2.0 * offer.defect_rate
    return _clamp01(score)


def counterfeit_safety_score(supplier: SupplierFacts) -> float:
    """Counterfeit factor 0–1 where 1 is the lowest risk: ``1 − risk``."""
    risk = 0.10 if supplier.kind is SupplierKind.PLATFORM else 0.40
    risk += 0.20 * supplier.incidents
    return _clamp01(1.0 - risk)


def factor_scores(
    offers: Sequence[OfferFacts],
    sale_price_fen: int | None = None,
    today: date | None = None,
) -> dict[int, dict[str, float]]:
    """Raw 0–1 score per factor of each offer, normalised within ``offers``.

    Cost and lead time are relative to the best *eligible* offer (or to the best offer when none
    is eligible), so an offer that cannot be used does not distort the others; an ineligible
    offer better than that baseline is capped at 1.

    Args:
        offers: The offers compared (normally all offers of one product).
        sale_price_fen: The product's sale price; ``None`` or ``<= 0`` scores cost alone.
        today: Reference date for staleness; defaults to :meth:`date.today`.

    Returns:
        ``offer_id`` → factor → score.
    """
    today = today or date.today()
    if not offers:
        return {}
    baseline = [o for o in offers if not single_piece_problems(o)] or list(offers)
    landed = {o.offer_id: landed_cost_fen(o) for o in offers}
    use_profit = sale_price_fen is not None and sale_price_fen > 0
    best_profit = 0
    if use_profit:
        assert sale_price_fen is not None
        best_profit = max(sale_price_fen - landed[o.offer_id] for o in baseline)
    cheapest = min(landed[o.offer_id] for o in baseline)
    fastest = min(o.lead_time_days for o in baseline)

    result: dict[int, dict[str, float]] = {}
    for offer in offers:
        cost = landed[offer.offer_id]
        if use_profit:
            assert sale_price_fen is not None
            profit = sale_price_fen - cost
            cost_score = max(profit, 0) / best_profit if best_profit > 0 else 0.0
        else:
            cost_score = 1.0 if cost == 0 else cheapest / cost
        result[offer.offer_id] = {
            "cost": _clamp01(cost_score),
            "lead_time": _clamp01((1 + fastest) / (1 + offer.lead_time_days)),
            "trust": trust_score(offer.supplier),
            "stability": stability_score(offer, today),
            "counterfeit_risk": counterfeit_safety_score(offer.supplier),
        }
    return result


def rank_offers(
    offers: Iterable[OfferFacts],
    sale_price_fen: int | None = None,
    weights: ScoreWeights | None = None,
    *,
    today: date | None = None,
) -> list[RankedOffer]:
    """Rank offers for one product, best first, showing each factor's contribution.

    Each factor scores 0–1 (1 = best). A factor's contribution is
    ``weight / sum of weights × score × 100`` points; ``total`` is the sum of the contributions,
    so it lies in 0–100.

    ==================  ==========================================================================
    factor              score (clamped to 0–1)
    ==================  ==========================================================================
    cost                with a sale price: ``max(profit, 0) / best profit`` (0 when no offer
                        makes a profit); without: ``cheapest landed cost / landed cost``. The
                        best (cheapest) eligible offer scores 1.
    lead_time           ``(1 + fastest lead days) / (1 + lead days)``; the fastest eligible
                        offer scores 1, a 3-day offer against a same-day one 0.25.
    trust               platform 0.50 / channel 0.25, + 0.04 per year on 1688 (max 5 years),
                        + 0.15 × (rating − 4) if known, + 1.5 × (on-time rate − 0.9) if known,
                        − 0.15 per incident, − 0.5 × the share of after-sales refund
                        requests the supplier refused (when any was made).
    stability           platform 0.70 / channel 0.40, + 0.30 stock known and > 0 / − 0.30 out
                        of stock, − 0.15 checked more than 7 days ago / − 0.30 more than 30
                        days ago or never, − 2 × the offer's defect rate (after-sales cases
                        with faulty goods per 1688 order, once 5 orders were placed).
    counterfeit_risk    ``1 − risk``, risk = platform 0.10 / channel 0.40, + 0.20 per incident.
    ==================  ==========================================================================

    Fulfilment (platform vs third-party dropship) is not a factor of its own: its differences
    (speed, fee) already show in the lead time and the landed cost.

    Ordering: eligible offers (see :func:`can_serve_single_piece`) first, then higher total,
    then lower landed cost, then lower ``offer_id``. Ineligible offers keep their score.

    Args:
        offers: The offers to compare.
        sale_price_fen: The product's sale price in fen, or ``None`` when not set.
        weights: Factor weights; defaults to :class:`ScoreWeights`'s defaults.
        today: Reference date for staleness; defaults to :meth:`date.today`.

    Returns:
        One :class:`RankedOffer` per offer, in rank order.
    """
    offers = list(offers)
    weights = weights or ScoreWeights()
    scores = factor_scores(offers, sale_price_fen, today)
    weight_total = weights.total()
    use_profit = sale_price_fen is not None and sale_price_fen > 0

    unranked: list[RankedOffer] = []
    for offer in offers:
        factors = scores[offer.offer_id]
        contributions = {
            name: getattr(weights, name) / weight_total * factors[name] * 100.0 for name in FACTORS
        }
        problems = single_piece_problems(offer)
        code = problems[0] if problems else "ok"
        profit: int | None = None
        ratio: float | None = None
        if use_profit:
            assert sale_price_fen is not None
            profit, ratio = margin(offer, sale_price_fen)
        unranked.append(
            RankedOffer(
                offer_id=offer.offer_id,
                rank=0,
                total=sum(contributions.values()),
                contributions=contributions,
                factor_scores=dict(factors),
                eligible=not problems,
                reason=ELIGIBILITY_MESSAGES[code],
                reason_code=code,
                landed_cost_fen=landed_cost_fen(offer),
                profit_fen=profit,
                margin_ratio=ratio,
            )
        )
    # Rounding the total keeps float noise from deciding ties; ties then fall to cost and id.
    unranked.sort(key=lambda r: (not r.eligible, -round(r.total, 6), r.landed_cost_fen, r.offer_id))
    return [
        RankedOffer(**{**_fields_of(r), "rank": position})
        for position, r in enumerate(unranked, start=1)
    ]


def _fields_of(ranked: RankedOffer) -> dict[str, object]:
    return {f.name: getattr(ranked, f.name) for f in fields(ranked)}
