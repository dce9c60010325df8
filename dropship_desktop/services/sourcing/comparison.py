"""The sourcing comparison: a product's offers ranked, with each supplier's after-sales record."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ...domain.enums import Fulfilment, SupplierKind
from ...domain.offer_ranking import ScoreWeights, rank_offers
from ...domain.sourcing import OfferFacts, SupplierFacts, can_serve_single_piece
from ...errors import UserError
from ...store import sourcing_queries as q
from .catalogue import _PRODUCT_GONE

__all__ = [
    "Comparison",
    "ComparisonOffer",
    "load_comparison",
    "preferred_offer_for",
    "with_after_sales_record",
]


@dataclass(frozen=True)
class ComparisonOffer:
    """One offer's facts plus what the comparison shows besides the ranking."""

    facts: OfferFacts
    supplier_name: str
    #: The offer's defect rate is climbing (after-sales cases with faulty goods): warn.
    defect_climbing: bool = False


@dataclass(frozen=True)
class Comparison:
    """Everything needed to rank one product's offers (ranking itself is pure and cheap)."""

    product_id: int
    title: str
    sale_price_fen: int | None
    preferred_offer_id: int | None
    offers: list[ComparisonOffer] = field(default_factory=list)

    def rank(self, weights: ScoreWeights | None = None, *, today: date | None = None) -> list[Any]:
        """:func:`~dropship_desktop.domain.sourcing.rank_offers` over these offers."""
        return rank_offers(
            [o.facts for o in self.offers], self.sale_price_fen, weights, today=today
        )


def _facts(row: Sequence[Any]) -> ComparisonOffer:
    (oid, name, kind, years, rating, on_time, incidents, cost, tiers, moq, lead, dropship,
     fee, fulfilment, shipping, stock, checked) = row  # fmt: skip
    supplier = SupplierFacts(
        kind=SupplierKind(kind),
        years_on_1688=years,
        rating=rating,
        on_time_rate=on_time,
        incidents=incidents,
    )
    facts = OfferFacts(
        offer_id=oid,
        supplier=supplier,
        unit_cost_fen=cost,
        price_tiers=q.tiers_of(tiers),
        moq=moq,
        lead_time_days=lead,
        dropship_supported=bool(dropship),
        dropship_fee_fen=fee,
        fulfilment=Fulfilment(fulfilment),
        shipping_fen=shipping,
        stock=stock,
        last_checked=_iso_date(checked),
    )
    return ComparisonOffer(facts, name)


def with_after_sales_record(offers: list[ComparisonOffer]) -> list[ComparisonOffer]:
    """The offers with their supplier's refusal rate, their defect rate and its trend (from the
    after-sales cases) filled in."""
    from ..after_sales_record import after_sales_facts

    return after_sales_facts(offers)


def _iso_date(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _comparison(product_id: int) -> Comparison | None:
    product = q.get_product(product_id)
    if product is None:
        return None
    return Comparison(
        product_id=product_id,
        title=product[1],
        sale_price_fen=product[3] or None,  # 0 means "not set"
        preferred_offer_id=product[5],
        offers=with_after_sales_record([_facts(row) for row in q.comparison_rows(product_id)]),
    )


def load_comparison(product_id: int) -> Comparison:
    """The facts for comparing one product's offers.

    Raises:
        UserError: The product no longer exists.
    """
    comparison = _comparison(product_id)
    if comparison is None:
        raise UserError(_PRODUCT_GONE)
    return comparison


def preferred_offer_for(product_id: int, weights: ScoreWeights | None = None) -> int | None:
    """The offer to use when a new supplier order is created for the product.

    The seller's preferred offer when it can still serve a one-piece order; otherwise the
    best-ranked offer that can (by ``weights``, default weights when ``None``); ``None`` when no
    offer can.

    Args:
        product_id: The product.
        weights: Ranking weights for the fallback (the UI passes the seller's remembered ones).

    Returns:
        An offer id, or ``None``.
    """
    comparison = _comparison(product_id)
    if comparison is None:
        return None
    by_id = {o.facts.offer_id: o.facts for o in comparison.offers}
    preferred = by_id.get(comparison.preferred_offer_id or -1)
    if preferred is not None and can_serve_single_piece(preferred)[0]:
        return preferred.offer_id
    for ranked in comparison.rank(weights):
        if ranked.eligible:
            return ranked.offer_id
    return None
