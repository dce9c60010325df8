"""Sourcing rules (货源): landed cost, single-piece eligibility, offer ranking, completeness.

Pure Python: no PySide6, no peewee. Money is integer fen throughout; only ratios and scores are
floats.

The seed document's trade-offs drive the defaults:

* 1688 platform suppliers (阿里巴巴平台): 货源稳定、品质有保障、供货商可信度高, but 价格相对较高、
  采购周期较长.
* Channel distributors (渠道商): 价格相对较低、采购周期较短、采购量要求较低, but 货源稳定性差、
  可能存在假货劣质货、供货商可信度低.
* Section 5.3: unclear product information and slow shipping cause cancellations, which cost credit
  rating, sales and shop traffic (5.2).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from datetime import date

from dropship_desktop.domain.enums import Fulfilment, SupplierKind
from dropship_desktop.i18n import QT_TRANSLATE_NOOP, with_values

__all__ = [
    "COMPLETENESS_MESSAGES",
    "DESCRIPTION_MIN_CHARS",
    "ELIGIBILITY_MESSAGES",
    "FACTORS",
    "FACTOR_LABELS",
    "TITLE_MIN_CHARS",
    "Completeness",
    "OfferFacts",
    "RankedOffer",
    "ScoreWeights",
    "SupplierFacts",
    "can_serve_single_piece",
    "counterfeit_safety_score",
    "description_completeness",
    "factor_scores",
    "landed_cost_fen",
    "lead_time_risk",
    "margin",
    "price_for_quantity",
    "rank_offers",
    "single_piece_problems",
    "stability_score",
    "trust_score",
    "validate_price_tiers",
]

PriceTier = tuple[int, int]
"""``(min_qty, unit_price_fen)``: the unit price from ``min_qty`` pieces on."""


# --------------------------------------------------------------------------------------------
# Facts
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SupplierFacts:
    """What the seller knows about a supplier, as used by the ranking.

    Attributes:
        kind: ``platform`` (1688 platform supplier) or ``channel`` (渠道商).
        years_on_1688: Years of 诚信通 membership (0 when new or unknown).
        rating: Shop rating 0–5, or ``None`` when unknown.
        on_time_rate: Share of orders shipped on time, 0–1, or ``None`` when unknown.
        incidents: Counterfeit or quality incidents the seller has recorded.
        refusal_rate: Share of the seller's after-sales refund requests the supplier refused,
            0–1, or ``None`` without any request (from the after-sales cases).

    Raises:
        ValueError: A value is outside its range (negative years or incidents, rating outside
            0–5, on-time rate outside 0–1).
    """

    kind: SupplierKind
    years_on_1688: int = 0
    rating: float | None = None
    on_time_rate: float | None = None
    incidents: int = 0
    refusal_rate: float | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", SupplierKind(self.kind))
        if self.refusal_rate is not None and not 0.0 <= self.refusal_rate <= 1.0:
            raise ValueError(f"refusal_rate must be within 0..1, got {self.refusal_rate}")
        if self.years_on_1688 < 0:
            raise ValueError(f"years_on_1688 must be >= 0, got {self.years_on_1688}")
        if self.incidents < 0:
            raise ValueError(f"incidents must be >= 0, got {self.incidents}")
        if self.rating is not None and not 0.0 <= self.rating <= 5.0:
            raise ValueError(f"rating must be within 0..5, got {self.rating}")
        if self.on_time_rate is not None and not 0.0 <= self.on_time_rate <= 1.0:
            raise ValueError(f"on_time_rate must be within 0..1, got {self.on_time_rate}")


@dataclass(frozen=True, slots=True)
class OfferFacts:
    """One supplier's offer for one product (货源报价), as used by the rules below.

    Attributes:
        offer_id: Local id of the offer (ties in the ranking are broken by it).
        supplier: The supplier's facts.
        unit_cost_fen: Unit price for quantities below the first price tier.
        price_tiers: ``(min_qty, unit_price_fen)`` pairs; check them with
            :func:`validate_price_tiers` before storing. Lists are accepted and kept as tuples.
        moq: Minimum order quantity (起批量) for an ordinary wholesale order.
        lead_time_days: Days from order to dispatch promised by the supplier.
        dropship_supported: Whether the offer supports one-piece dropship (一件代发).
        dropship_fee_fen: Dropship fee per order (代发费).
        fulfilment: ``platform`` (平台代发) or ``third_party`` (第三方代发).
        shipping_fen: Shipping cost of one single-piece parcel.
        stock: Pieces in stock, or ``None`` when unknown. ``0`` means out of stock.
        last_checked: When the seller last checked the offer on 1688, or ``None``.
        defect_rate: After-sales cases with faulty goods per 1688 order of this offer, 0–1, or
            ``None`` when too few orders were placed to say.

    Raises:
        ValueError: A money amount, quantity or lead time is negative, or ``moq`` is below 1.
    """

    offer_id: int
    supplier: SupplierFacts
    unit_cost_fen: int
    price_tiers: tuple[PriceTier, ...]
    moq: int
    lead_time_days: int
    dropship_supported: bool
    dropship_fee_fen: int
    fulfilment: Fulfilment
    shipping_fen: int
    stock: int | None = None
    last_checked: date | None = None
    defect_rate: float | None = None

    def __post_init__(self) -> None:
        if self.defect_rate is not None and not 0.0 <= self.defect_rate <= 1.0:
            raise ValueError(f"defect_rate must be within 0..1, got {self.defect_rate}")
        object.__setattr__(
            self, "price_tiers", tuple((int(q), int(p)) for q, p in self.price_tiers)
        )
        object.__setattr__(self, "fulfilment", Fulfilment(self.fulfilment))
        for name in ("unit_cost_fen", "dropship_fee_fen", "shipping_fen", "lead_time_days"):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must be >= 0, got {getattr(self, name)}")
        if self.moq < 1:
            raise ValueError(f"moq must be >= 1, got {self.moq}")
        if self.stock is not None and self.stock < 0:
            raise ValueError(f"stock must be >= 0 or None, got {self.stock}")


# --------------------------------------------------------------------------------------------
# Prices and cost
# --------------------------------------------------------------------------------------------


def validate_price_tiers(tiers: Iterable[tuple[int, int]]) -> list[str]:
    """Check price tiers (阶梯价) before they are stored.

    Args:
        tiers: ``(min_qty, unit_price_fen)`` pairs in the order entered.

    Returns:
        English problem messages (marked :class:`~dropship_desktop.i18n.Text`), one per problem, naming the tier by its 1-based position;
        empty when the tiers are valid. Valid means every quantity and price is positive and the
        quantities strictly increase.
    """
    problems: list[str] = []
    previous_qty: int | None = None
    for position, (qty, price) in enumerate(tiers, start=1):
        if qty <= 0:
            problems.append(
                with_values(
                    QT_TRANSLATE_NOOP(
                        "Errors", "Tier {tier}: quantity must be positive (got {qty})."
                    ),
                    tier=position,
                    qty=qty,
                )
            )
        if price <= 0:
            problems.append(
                with_values(
                    QT_TRANSLATE_NOOP(
                        "Errors", "Tier {tier}: price must be positive (got {price} fen)."
                    ),
                    tier=position,
                    price=price,
                )
            )
        if previous_qty is not None and qty <= previous_qty:
            problems.append(
                with_values(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "Tier {tier}: quantity {qty} must be greater than the previous tier's "
                        "{previous}.",
                    ),
                    tier=position,
                    qty=qty,
                    previous=previous_qty,
                )
            )
        previous_qty = qty
    return problems


def price_for_quantity(offer: OfferFacts, qty: int) -> int:
    """Unit price in fen when ordering ``qty`` pieces.

    The tier with the largest ``min_qty`` not above ``qty`` applies; without one, the offer's
    ``unit_cost_fen``. Tiers need not be sorted; if two tiers share a quantity the first wins.

    Args:
        offer: The offer.
        qty: Pieces ordered, at least 1.

    Returns:
        The unit price in fen.

    Raises:
        ValueError: ``qty`` is below 1.
    """
    if qty < 1:
        raise ValueError(f"quantity must be >= 1, got {qty}")
    best: PriceTier | None = None
    for tier in offer.price_tiers:
        if tier[0] <= qty and (best is None or tier[0] > best[0]):
            best = tier
    return offer.unit_cost_fen if best is None else best[1]


def landed_cost_fen(offer: OfferFacts) -> int:
    """Cost of one single-piece dropship order: price for 1 piece + dropship fee + shipping."""
    return price_for_quantity(offer, 1) + offer.dropship_fee_fen + offer.shipping_fen


def margin(offer: OfferFacts, sale_price_fen: int) -> tuple[int, float]:
    """Profit of selling one piece at ``sale_price_fen`` through this offer.

    Args:
        offer: The offer.
        sale_price_fen: The seller's sale price in fen, positive.

    Returns:
        ``(profit_fen, margin_ratio)`` where ``profit_fen = sale price − landed cost`` (negative
        for a loss) and ``margin_ratio = profit_fen / sale_price_fen``.

    Raises:
        ValueError: ``sale_price_fen`` is not positive.
    """
    if sale_price_fen <= 0:
        raise ValueError(f"sale price must be positive, got {sale_price_fen}")
    profit = sale_price_fen - landed_cost_fen(offer)
    return profit, profit / sale_price_fen


# --------------------------------------------------------------------------------------------
# Single-piece eligibility
# --------------------------------------------------------------------------------------------

ELIGIBILITY_MESSAGES: dict[str, str] = {
    "ok": "Can ship single pieces (one-piece dropship).",
    "no_dropship": "The supplier does not offer one-piece dropship.",
    "moq_without_dropship": "Minimum order quantity is above 1 and there is no one-piece dropship.",
    "out_of_stock": "Out of stock.",
}
"""English text per eligibility code (static, so the UI can translate it)."""


def single_piece_problems(offer: OfferFacts) -> list[str]:
    """Codes (keys of :data:`ELIGIBILITY_MESSAGES`) of why ``offer`` cannot serve one piece.

    Empty when it can. Dropship problems come before stock problems.
    """
    problems: list[str] = []
    if not offer.dropship_supported:
        problems.append("moq_without_dropship" if offer.moq > 1 else "no_dropship")
    if offer.stock == 0:
        problems.append("out_of_stock")
    return problems


def can_serve_single_piece(offer: OfferFacts) -> tuple[bool, str]:
    """Whether the offer can fulfil a one-piece dropship order.

    Offers that cannot are marked in the UI, not hidden.

    Args:
        offer: The offer.

    Returns:
        ``(ok, reason_en)``: the reason is the first problem's message from
        :data:`ELIGIBILITY_MESSAGES`, or its ``"ok"`` message.
    """
    problems = single_piece_problems(offer)
    if problems:
        return False, ELIGIBILITY_MESSAGES[problems[0]]
    return True, ELIGIBILITY_MESSAGES["ok"]


# --------------------------------------------------------------------------------------------
# Ranking
# --------------------------------------------------------------------------------------------

FACTORS: tuple[str, ...] = ("cost", "lead_time", "trust", "stability", "counterfeit_risk")
"""Ranking factors, in display order. Also the keys of weights and contributions."""

FACTOR_LABELS: dict[str, str] = {
    "cost": "Cost / margin",
    "lead_time": "Lead time",
    "trust": "Supplier trust",
    "stability": "Supply stability",
    "counterfeit_risk": "Counterfeit risk",
}

_STALE_AFTER_DAYS = 7
_VERY_STALE_AFTER_DAYS = 30


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


# --------------------------------------------------------------------------------------------
# Lead time vs ship-by deadline
# --------------------------------------------------------------------------------------------


def lead_time_risk(lead_time_days: int, ship_by_hours_from_now: float) -> bool:
    """Whether the supplier's lead time overruns the shop's ship-by deadline.

    Used by the cancel wizard's prevention advice (seed 5.3: 及时发货).

    Args:
        lead_time_days: The supplier's lead time in days (≥ 0).
        ship_by_hours_from_now: Hours left until the shop's ship-by deadline; zero or negative
            when it has passed.

    Returns:
        ``True`` when ``lead_time_days × 24`` exceeds the hours left, or the deadline has passed.

    Raises:
        ValueError: ``lead_time_days`` is negative.
    """
    if lead_time_days < 0:
        raise ValueError(f"lead time must be >= 0, got {lead_time_days}")
    if ship_by_hours_from_now <= 0:
        return True
    return lead_time_days * 24 > ship_by_hours_from_now


# --------------------------------------------------------------------------------------------
# Listing completeness (seed 5.3: 在商品描述中提供详细信息)
# --------------------------------------------------------------------------------------------

TITLE_MIN_CHARS = 10
DESCRIPTION_MIN_CHARS = 30

COMPLETENESS_MESSAGES: dict[str, str] = {
    "title_short": f"The title is missing or shorter than {TITLE_MIN_CHARS} characters.",
    "no_sku": "No SKU is set.",
    "no_sale_price": "No sale price is set.",
    "no_specs": "No specifications (规格) are listed.",
    "description_short": (
        f"The description is missing or shorter than {DESCRIPTION_MIN_CHARS} characters."
    ),
    "no_size_or_material": (
        "Neither the specifications nor the description mention size, material or colour."
    ),
}
"""English text per completeness code, in check order."""

_DETAIL_KEYWORDS = (
    # size
    "size",
    "dimension",
    "尺寸",
    "尺码",
    "规格",
    "大小",
    "长宽高",
    "重量",
    "weight",
    "容量",
    # material
    "material",
    "fabric",
    "材质",
    "材料",
    "面料",
    "成分",
    "纯棉",
    "不锈钢",
    # colour
    "color",
    "colour",
    "颜色",
    "色号",
    "黑色",
    "白色",
    "红色",
    "蓝色",
    "绿色",
    "黄色",
    "灰色",
    "粉色",
    "紫色",
    "米色",
    "卡其",
)
# A number with a unit ("30cm", "1.5 kg", "500毫升") is size information too.
_MEASUREMENT_RE = re.compile(
    r"\d+(?:\.\d+)?\s*(?:cm|mm|kg|ml|厘米|毫米|公分|千克|公斤|克|毫升|升|寸|码)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Completeness:
    """How complete a product listing is.

    Attributes:
        score: Share of the checks passed, 0–1 (all checks count equally).
        missing: Codes of failed checks, keys of :data:`COMPLETENESS_MESSAGES`, in check order.
    """

    score: float
    missing: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        """Whether every check passed."""
        return not self.missing

    def messages(self) -> list[str]:
        """English messages for the failed checks."""
        return [COMPLETENESS_MESSAGES[code] for code in self.missing]


SpecsLike = str | Mapping[str, object] | Sequence[object] | None


def _specs_text(specs: SpecsLike) -> str:
    if specs is None:
        return ""
    if isinstance(specs, str):
        return specs.strip()
    if isinstance(specs, Mapping):
        # A spec name without a value tells the buyer nothing.
        return " ".join(
            f"{str(k).strip()} {str(v).strip()}".strip()
            for k, v in specs.items()
            if v is not None and str(v).strip()
        )
    return " ".join(str(item).strip() for item in specs if str(item).strip())


def _visible_length(text: str | None) -> int:
    # Collapse whitespace runs so padding does not count; Chinese text counts per character.
    return len(" ".join((text or "").split()))


def description_completeness(
    title: str | None,
    sku: str | None,
    sale_price_fen: int | None,
    specs: SpecsLike,
    description: str | None,
) -> Completeness:
    """Check that a listing gives buyers enough information (seed 5.3).

    Unclear product information makes buyers return or cancel, so each missing piece is named.

    Args:
        title: Product title.
        sku: The seller's SKU code.
        sale_price_fen: Sale price in fen, or ``None``.
        specs: Specifications as text, a mapping (``{"尺码": "S/M/L"}``) or a list of strings.
        description: Product description (Chinese or English).

    Returns:
        The score and the codes of the checks that failed, in the order of
        :data:`COMPLETENESS_MESSAGES`: title ≥ 10 characters, SKU set, sale price > 0, specs
        present, description ≥ 30 characters (whitespace runs count once), and size, material or
        colour mentioned in title, specs or description (keywords such as 尺寸/尺码/规格/材质/
        颜色/size/material/colour, or a measurement such as ``30cm``).
    """
    specs_text = _specs_text(specs)
    failed = {
        "title_short": _visible_length(title) < TITLE_MIN_CHARS,
        "no_sku": not (sku or "").strip(),
        "no_sale_price": sale_price_fen is None or sale_price_fen <= 0,
        "no_specs": not specs_text,
        "description_short": _visible_length(description) < DESCRIPTION_MIN_CHARS,
    }
    haystack = " ".join((title or "", specs_text, description or "")).lower()
    failed["no_size_or_material"] = not (
        any(word in haystack for word in _DETAIL_KEYWORDS) or _MEASUREMENT_RE.search(haystack)
    )
    missing = [code for code in COMPLETENESS_MESSAGES if failed[code]]
    return Completeness(score=1.0 - len(missing) / len(COMPLETENESS_MESSAGES), missing=missing)
