"""待下单: the purchase queue — paid shop orders without a live 1688 order, most urgent ship-by first.

Each line carries the offer it maps to (or the best-ranked in-stock offer of its product, as a
suggestion), the cost (price tiers, dropship fee, freight), the estimated profit and warnings."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from ...domain.enums import (
    Fulfilment,
    SalesStatus,
    SupplierKind,
)
from ...domain.fulfilment import (
    BLOCKING_WARNINGS,
    QueueWarning,
    allocate,
    is_hidden_receiver,
    listing_keys,
    offer_id_from_ref,
)
from ...domain.masking import mask_address, mask_name, mask_phone
from ...domain.offer_ranking import rank_offers
from ...domain.risk import RiskLevel
from ...domain.sourcing import OfferFacts, SupplierFacts, price_for_quantity
from ...domain.timeutil import now_utc
from ...store.db import execute_sql
from ...store.sourcing_queries import tiers_of
from ..mapping import LineListing, MappingRow, line_mappings
from .attempts import (
    _ALL_PAID,
    _ATTEMPT_SQL,
    _CLOSED,
    _LIVE,
    _LIVE_MARKS,
    _NO_LIVE_SUPPLIER,
    _SHOP_CANCELLED,
    DEFAULT_MIN_MARGIN_PCT,
    STALE_DAYS,
    TO_PURCHASE,
    AttemptRow,
    _attempt,
)

__all__ = [
    "OfferInfo",
    "QueueLine",
    "QueueRow",
    "in_progress_count",
    "queue_count",
    "queue_due_count",
    "queue_ids",
    "queue_rows",
]


def queue_ids(limit: int | None = None, *, include_ordered: bool = False) -> list[int]:
    """Shop orders waiting for a 1688 order, most urgent ship-by first (none: last).

    Paid orders without a live 1688 order (walked along the ``sales_order_to_ship`` partial
    index), plus orders of any status with a purchase still in progress (so a shop-side
    cancellation of an order being placed shows up as a warning). *include_ordered*: paid
    orders with a live 1688 order too (to order one again when the supplier cannot ship).
    """
    source = _ALL_PAID if include_ordered else TO_PURCHASE
    live_clause = "1" if include_ordered else _NO_LIVE_SUPPLIER
    closed = () if include_ordered else _CLOSED
    found: list[tuple[float, int]] = []
    for null_part in (False, True):
        where = "o.ship_by IS NULL" if null_part else "o.ship_by IS NOT NULL"
        sql = (
            f"SELECT o.id, o.ship_by FROM {source} AND {where}"
            f" AND {live_clause} ORDER BY o.ship_by, o.id"
        )
        params: list[Any] = list(closed)
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        found.extend(
            (float("inf") if ship_by is None else ship_by, oid)
            for oid, ship_by in execute_sql(sql, params)
        )
    extra = execute_sql(
        "SELECT o.id, o.ship_by FROM purchase_attempt a JOIN sales_order o"
        f" ON o.id = a.sales_order_id WHERE a.state IN ({_LIVE_MARKS}) AND o.status != ?",
        [*_LIVE, SalesStatus.PAID.value],
    ).fetchall()
    found.extend((float("inf") if s is None else s, oid) for oid, s in extra)
    found.sort()
    ids = list(dict.fromkeys(oid for _s, oid in found))
    return ids if limit is None else ids[:limit]


def queue_count() -> int:
    """How many shop orders wait (the view asks in the background)."""
    paid = execute_sql(
        f"SELECT count(*) FROM {TO_PURCHASE} AND {_NO_LIVE_SUPPLIER}",
        list(_CLOSED),
    ).fetchone()[0]
    return int(paid) + in_progress_count()


def in_progress_count() -> int:
    """The queue's orders that are no longer paid but have a purchase still in progress (few)."""
    return int(
        execute_sql(
            "SELECT count(*) FROM purchase_attempt a JOIN sales_order o"
            f" ON o.id = a.sales_order_id WHERE a.state IN ({_LIVE_MARKS}) AND o.status != ?",
            [*_LIVE, SalesStatus.PAID.value],
        ).fetchone()[0]
    )


def queue_due_count(before: int) -> int:
    """How many paid orders of the queue must ship before *before* (or already had to)."""
    return int(
        execute_sql(
            f"SELECT count(*) FROM {TO_PURCHASE} AND o.ship_by < ? AND {_NO_LIVE_SUPPLIER}",
            [before, *_CLOSED],
        ).fetchone()[0]
    )


@dataclass(frozen=True)
class OfferInfo:
    facts: OfferFacts
    supplier_id: int
    supplier_name: str
    product_id: int
    product_title: str
    offer_id_1688: str


@dataclass(frozen=True)
class QueueLine:
    """One line of a queued order and what it would be ordered as."""

    line_id: int
    title: str
    spec: str
    quantity: int
    unit_price_fen: int
    source: str  # "confirmed", "proposed", "suggested" or "" (nothing to order)
    mapping_id: int | None
    offer_id: int | None
    offer_id_1688: str
    spec_id_1688: str
    spec_text_1688: str
    pieces: int
    cost_fen: int | None
    supplier_key: str
    supplier_name: str
    product_title: str
    stock: int | None
    dropship_fee_fen: int
    shipping_fen: int
    warnings: tuple[QueueWarning, ...]
    backups: int = 0
    profit_fen: int | None = None  # the line's sale − its cost and its share of fee and freight


@dataclass(frozen=True)
class QueueRow:
    """One queued shop order (buyer data masked)."""

    sales_order_id: int
    shop_id: int
    shop_name: str
    platform: str
    shop_order_no: str
    status: str
    ship_by: int | None
    paid_at: int | None
    buyer_name: str
    buyer_phone: str
    ship_address: str
    sale_fen: int
    lines: tuple[QueueLine, ...]
    goods_fen: int
    dropship_fee_fen: int
    freight_fen: int
    profit_fen: int
    margin: float | None
    cost_complete: bool
    warnings: tuple[QueueWarning, ...]
    attempt: AttemptRow | None
    suppliers: int
    closed_before: int = 0
    live_orders: int = 0

    @property
    def blocked(self) -> bool:
        return bool(set(self.warnings) & BLOCKING_WARNINGS) or any(
            QueueWarning.NO_OFFER_ID in line.warnings for line in self.lines
        )

    def overdue(self, now: int) -> bool:
        return self.ship_by is not None and self.ship_by < now


def _load_offers(offer_ids: set[int], product_ids: set[int]) -> dict[int, OfferInfo]:
    if not offer_ids and not product_ids:
        return {}
    rows = execute_sql(
        "SELECT o.id, s.id, s.name, s.kind, s.years_on_1688, s.rating, s.on_time_rate,"
        " s.incidents, o.unit_cost_fen,"
        " (SELECT group_concat(t.min_qty || ':' || t.unit_price_fen, ';') FROM"
        " (SELECT min_qty, unit_price_fen FROM offer_price_tier WHERE offer_id = o.id"
        " ORDER BY min_qty) t), o.moq, o.lead_time_days, o.dropship_supported,"
        " o.dropship_fee_fen, o.fulfilment, o.shipping_fen, o.stock, o.last_checked,"
        " o.product_id, p.title, o.offer_ref FROM offer o JOIN supplier s ON s.id = o.supplier_id"
        " JOIN product p ON p.id = o.product_id"
        " WHERE o.id IN (SELECT value FROM json_each(?))"
        " OR o.product_id IN (SELECT value FROM json_each(?))",
        (json.dumps(sorted(offer_ids)), json.dumps(sorted(product_ids))),
    ).fetchall()
    result = {}
    for r in rows:
        try:
            checked = date.fromisoformat(r[17]) if r[17] else None
        except ValueError:
            checked = None
        facts = OfferFacts(
            offer_id=r[0],
            supplier=SupplierFacts(
                kind=SupplierKind(r[3]),
                years_on_1688=r[4],
                rating=r[5],
                on_time_rate=r[6],
                incidents=r[7],
            ),
            unit_cost_fen=r[8],
            price_tiers=tiers_of(r[9]),
            moq=r[10],
            lead_time_days=r[11],
            dropship_supported=bool(r[12]),
            dropship_fee_fen=r[13],
            fulfilment=Fulfilment(r[14]),
            shipping_fen=r[15],
            stock=r[16],
            last_checked=checked,
        )
        result[r[0]] = OfferInfo(facts, r[1], r[2], r[18], r[19], offer_id_from_ref(r[20] or ""))
    return result


def _choose_target(
    targets: list[MappingRow], offers: dict[int, OfferInfo], pieces_of: int
) -> MappingRow:
    """The main target, or the first backup that is in stock when the main one is not."""
    for target in targets:
        info = offers.get(target.offer_id) if target.offer_id else None
        stock = info.facts.stock if info else None
        if stock is None or stock >= pieces_of * target.quantity_factor:
            return target
    return targets[0]


def _suggest(
    product_id: int | None, sale_fen: int, offers: dict[int, OfferInfo], today: date
) -> OfferInfo | None:
    if product_id is None:
        return None
    candidates = [i for i in offers.values() if i.product_id == product_id]
    if not candidates:
        return None
    ranked = rank_offers([c.facts for c in candidates], sale_fen or None, today=today)
    by_id = {c.facts.offer_id: c for c in candidates}
    for r in ranked:
        if r.eligible and by_id[r.offer_id].facts.stock != 0:
            return by_id[r.offer_id]
    return None


def queue_rows(
    ids: Sequence[int],
    *,
    min_margin_pct: float = DEFAULT_MIN_MARGIN_PCT,
    today: date | None = None,
) -> list[QueueRow]:
    """The queue's rows for these shop orders, in the given order (buyer data masked)."""
    if not ids:
        return []
    today = today or now_utc().date()
    id_list = list(ids)
    marks = ",".join("?" * len(id_list))
    orders = {
        r[0]: r
        for r in execute_sql(
            "SELECT o.id, o.shop_id, sh.name, sh.platform, o.shop_order_no, o.status, o.ship_by,"
            " o.paid_at, o.buyer_name, o.buyer_phone, o.ship_address, o.sale_fen,"
            " o.buyer_data_removed, o.risk_level, o.risk_rules, o.risk_checked, o.buyer_hidden"
            f" FROM sales_order o JOIN shop sh ON sh.id = o.shop_id"
            f" WHERE o.id IN ({marks})",
            id_list,
        )
    }
    lines: dict[int, list[tuple[Any, ...]]] = {}
    for r in execute_sql(
        "SELECT sales_order_id, id, title, spec, quantity, unit_price_fen, product_id,"
        " platform_item_id, platform_sku_id, sku FROM sales_order_line"
        f" WHERE sales_order_id IN ({marks}) ORDER BY id",
        id_list,
    ):
        lines.setdefault(r[0], []).append(r[1:])
    attempts = {
        a.sales_order_id: a
        for a in (
            _attempt(r)
            for r in execute_sql(
                _ATTEMPT_SQL + f" WHERE sales_order_id IN ({marks}) AND state IN ({_LIVE_MARKS})",
                [*id_list, *_LIVE],
            )
        )
    }
    closed_before: dict[int, int] = {}
    live_orders: dict[int, int] = {}
    for sales_id, status in execute_sql(
        f"SELECT sales_order_id, status FROM supplier_order WHERE sales_order_id IN ({marks})",
        id_list,
    ):
        counts = closed_before if status in _CLOSED else live_orders
        counts[sales_id] = counts.get(sales_id, 0) + 1
    listings = [
        LineListing(
            line[0],
            orders[oid][1],
            tuple(
                listing_keys(
                    platform_sku_id=line[7],
                    platform_item_id=line[6],
                    merchant_code=line[8],
                    title=line[1],
                    spec=line[2],
                )
            ),
        )
        for oid, order_lines in lines.items()
        if oid in orders
        for line in order_lines
    ]
    mapped = line_mappings(listings)
    offer_ids = {t.offer_id for ts in mapped.values() for t in ts if t.offer_id}
    product_ids = {
        line[5] for oid, ls in lines.items() for line in ls if line[5] and line[0] not in mapped
    }
    offers = _load_offers(offer_ids, product_ids)
    stale_before = today - timedelta(days=STALE_DAYS)
    result = []
    for oid in id_list:
        order = orders.get(oid)
        if order is None:
            continue
        order_lines = []
        for line_id, title, spec, qty, unit_price, product_id, *_keys in lines.get(oid, []):
            warnings: list[QueueWarning] = []
            targets = mapped.get(line_id, [])
            info: OfferInfo | None = None
            mapping_id = None
            factor = 1
            offer_1688 = spec_1688 = spec_text = ""
            source = ""
            if targets:
                chosen = _choose_target(targets, offers, qty)
                mapping_id = chosen.id
                factor = chosen.quantity_factor
                info = offers.get(chosen.offer_id) if chosen.offer_id else None
                offer_1688 = chosen.offer_id_1688 or (info.offer_id_1688 if info else "")
                spec_1688, spec_text = chosen.spec_id_1688, chosen.spec_text_1688
                source = "confirmed" if chosen.confirmed else "proposed"
                if not chosen.confirmed:
                    warnings.append(QueueWarning.PROPOSED)
            else:
                info = _suggest(product_id, unit_price, offers, today)
                if info is not None:
                    source = "suggested"
                    offer_1688 = info.offer_id_1688
                    warnings.append(QueueWarning.SUGGESTED)
                else:
                    warnings.append(QueueWarning.NO_MAPPING)
            pieces = qty * factor
            cost = None
            if info is not None:
                cost = price_for_quantity(info.facts, pieces) * pieces
                if info.facts.stock is not None and info.facts.stock < pieces:
                    warnings.append(QueueWarning.OUT_OF_STOCK)
                if info.facts.last_checked is None or info.facts.last_checked < stale_before:
                    warnings.append(QueueWarning.STALE)
            if source and not offer_1688:
                warnings.append(QueueWarning.NO_OFFER_ID)
            order_lines.append(
                QueueLine(
                    line_id,
                    title,
                    spec,
                    qty,
                    unit_price,
                    source,
                    mapping_id,
                    info.facts.offer_id if info else None,
                    offer_1688,
                    spec_1688,
                    spec_text,
                    pieces,
                    cost,
                    f"s{info.supplier_id}" if info else (f"o{offer_1688}" if offer_1688 else ""),
                    info.supplier_name if info else "",
                    info.product_title if info else "",
                    info.facts.stock if info else None,
                    info.facts.dropship_fee_fen if info else 0,
                    info.facts.shipping_fen if info else 0,
                    tuple(warnings),
                    max(0, len(targets) - 1),
                )
            )
        groups: dict[str, list[QueueLine]] = {}
        for line in order_lines:
            if line.supplier_key:
                groups.setdefault(line.supplier_key, []).append(line)
        goods = sum(line.cost_fen or 0 for line in order_lines)
        fee = sum(max(line.dropship_fee_fen for line in g) for g in groups.values())
        freight = sum(max(line.shipping_fen for line in g) for g in groups.values())
        # Each supplier's fee and freight, allocated to its lines by goods cost (exactly).
        shares: dict[int, int] = {}
        for g in groups.values():
            extra = max(x.dropship_fee_fen for x in g) + max(x.shipping_fen for x in g)
            for x, share in zip(g, allocate(extra, [x.cost_fen or 0 for x in g]), strict=True):
                shares[x.line_id] = share
        order_lines = [
            replace(
                x,
                profit_fen=x.unit_price_fen * x.quantity - x.cost_fen - shares.get(x.line_id, 0),
            )
            if x.cost_fen is not None
            else x
            for x in order_lines
        ]
        sale = int(order[11])
        profit = sale - goods - fee - freight
        complete = all(line.cost_fen is not None for line in order_lines) and bool(order_lines)
        margin = profit / sale if sale > 0 and complete else None
        order_warnings: list[QueueWarning] = []
        for line in order_lines:
            order_warnings.extend(w for w in line.warnings if w not in order_warnings)
        if not order_lines:
            order_warnings.append(QueueWarning.NO_MAPPING)
        if margin is not None and margin * 100 < min_margin_pct:
            order_warnings.append(QueueWarning.LOW_MARGIN)
        # (buyer_hidden: the platform hid some of the receiver, e.g. the street of an address
        # it masked in part, which keeps only the region.)
        if order[12] or order[16] or is_hidden_receiver(order[8], order[9], order[10]):
            order_warnings.append(QueueWarning.HIDDEN_RECEIVER)
        if order[5] in _SHOP_CANCELLED:
            order_warnings.append(QueueWarning.SHOP_CANCELLED)
        if len(groups) > 1:
            order_warnings.append(QueueWarning.SEVERAL_SUPPLIERS)
        # Fraud checks (#18): high risk and not marked "checked, fine" by the seller.
        if (order[13] or 0) >= RiskLevel.HIGH and order[14] and order[14] != order[15]:
            order_warnings.append(QueueWarning.HIGH_RISK)
        result.append(
            QueueRow(
                oid,
                order[1],
                order[2],
                order[3],
                order[4],
                order[5],
                order[6],
                order[7],
                mask_name(order[8]),
                mask_phone(order[9]),
                mask_address(order[10]),
                sale,
                tuple(order_lines),
                goods,
                fee,
                freight,
                profit,
                margin,
                complete,
                tuple(order_warnings),
                attempts.get(oid),
                len(groups),
                closed_before.get(oid, 0),
                live_orders.get(oid, 0),
            )
        )
    return result
