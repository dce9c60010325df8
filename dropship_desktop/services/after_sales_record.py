"""The supplier's after-sales record, fed into the sourcing comparison.

Per offer: the defect rate (cases with faulty goods per 1688 order) lowers supply stability,
and a rate climbing over the last 30 days against the 90 days before warns the seller. Per
supplier: the share of refund requests refused lowers trust.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..domain.supplier_record import defect_trend
from ..domain.timeutil import now_epoch
from ..store.after_sales_queries import offer_defect_counts, supplier_records

if TYPE_CHECKING:
    from .sourcing import ComparisonOffer

__all__ = ["RECENT_DAYS", "after_sales_facts", "climbing_offers"]

#: The recent window of the defect trend; the earlier one is the 90 days before it.
RECENT_DAYS = 30
_EARLIER_DAYS = 90


def climbing_offers(offer_ids: list[int], now: int | None = None) -> dict[int, bool]:
    """Offer id → whether its defect rate is climbing."""
    now = now if now is not None else now_epoch()
    start = now - RECENT_DAYS * 86400
    recent = offer_defect_counts(offer_ids, start, now + 1)
    earlier = offer_defect_counts(offer_ids, start - _EARLIER_DAYS * 86400, start)
    result = {}
    for offer_id in offer_ids:
        trend = defect_trend(*recent[offer_id], *earlier[offer_id])
        result[offer_id] = bool(trend and trend.climbing)
    return result


def after_sales_facts(
    offers: list[ComparisonOffer], now: int | None = None
) -> list[ComparisonOffer]:
    """*offers* with the after-sales record filled into their facts."""
    if not offers:
        return offers
    by_offer = supplier_records(by="offer")
    by_supplier = supplier_records(by="supplier")
    supplier_of = _supplier_ids([o.facts.offer_id for o in offers])
    climbing = climbing_offers([o.facts.offer_id for o in offers], now)
    result = []
    for offer in offers:
        offer_id = offer.facts.offer_id
        record = by_offer.get(offer_id)
        supplier_record = by_supplier.get(supplier_of.get(offer_id, -1))
        supplier = offer.facts.supplier
        if supplier_record is not None and supplier_record.refusal_rate is not None:
            supplier = replace(supplier, refusal_rate=supplier_record.refusal_rate)
        facts = replace(
            offer.facts,
            supplier=supplier,
            defect_rate=record.defect_rate if record is not None else None,
        )
        result.append(replace(offer, facts=facts, defect_climbing=climbing[offer_id]))
    return result


def _supplier_ids(offer_ids: list[int]) -> dict[int, int]:
    from ..store.db import execute_sql

    marks = ",".join("?" * len(offer_ids))
    rows = execute_sql(
        f"SELECT id, supplier_id FROM offer WHERE id IN ({marks})", offer_ids
    ).fetchall()
    return {int(a): int(b) for a, b in rows}
