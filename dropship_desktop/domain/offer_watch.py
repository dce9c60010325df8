"""Watching the 1688 offers SKU mappings use: when a check means trouble (pure rules).

An offer is checked against what the seller relies on: the price it is bought at (the margin of
the listings that use it), the pieces the waiting paid orders need, and whether it is on sale at
all. Every problem found is one :class:`OfferAlert`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = ["AlertKind", "OfferAlert", "OfferCheck", "WatchedOffer", "alerts_for"]


class AlertKind(StrEnum):
    DELISTED = "delisted"
    MARGIN = "margin"
    STOCK = "stock"


@dataclass(frozen=True, slots=True)
class WatchedOffer:
    """A 1688 offer as the app relies on it.

    Attributes:
        offer_id_1688: The offer.
        spec_ids: Specs the mappings name (empty: the offer as a whole).
        local_offer_ids: The seller's sourcing offers for it (marked after a check).
        cost_fen: The cost of one 1688 piece the seller counts with (``None``: unknown).
        sale_fen: The lowest price a listing using it sells one piece for (0: unknown).
        factor: 1688 pieces per listing piece (the largest of its mappings).
        extra_fen: Dropship fee and shipping per piece the seller also pays.
        need: Pieces the waiting paid orders need from it.
        title: For messages.
    """

    offer_id_1688: str
    spec_ids: frozenset[str] = frozenset()
    local_offer_ids: tuple[int, ...] = ()
    cost_fen: int | None = None
    sale_fen: int = 0
    extra_fen: int = 0
    need: int = 0
    title: str = ""
    factor: int = 1


@dataclass(frozen=True, slots=True)
class OfferCheck:
    """What 1688 says of the offer now (``found`` False: gone or not on sale)."""

    found: bool
    on_sale: bool = True
    status: str = ""
    price_fen: int = 0
    stock: int | None = None


@dataclass(frozen=True, slots=True)
class OfferAlert:
    offer_id_1688: str
    kind: AlertKind
    old_fen: int = 0
    new_fen: int = 0
    stock: int = 0
    need: int = 0
    margin_fen: int = 0
    title: str = ""


def alerts_for(offer: WatchedOffer, check: OfferCheck) -> list[OfferAlert]:
    """The problems *check* reveals for *offer* (none when all is well).

    * delisted: not found, or not on sale;
    * margin: the price of a 1688 piece rose above the cost of one and a listing using it no
      longer makes money (its sale price minus ``factor`` pieces at the new price and the
      extras is below zero);
    * stock: fewer pieces on sale than the waiting orders need.
    """
    if not check.found or not check.on_sale:
        return [OfferAlert(offer.offer_id_1688, AlertKind.DELISTED, title=offer.title)]
    found: list[OfferAlert] = []
    old = offer.cost_fen
    if check.price_fen and old is not None and check.price_fen > old and offer.sale_fen:
        margin = offer.sale_fen - check.price_fen * max(1, offer.factor) - offer.extra_fen
        if margin < 0:
            found.append(
                OfferAlert(
                    offer.offer_id_1688,
                    AlertKind.MARGIN,
                    old_fen=old,
                    new_fen=check.price_fen,
                    margin_fen=margin,
                    title=offer.title,
                )
            )
    if check.stock is not None and offer.need > 0 and check.stock < offer.need:
        found.append(
            OfferAlert(
                offer.offer_id_1688,
                AlertKind.STOCK,
                stock=check.stock,
                need=offer.need,
                title=offer.title,
            )
        )
    return found
