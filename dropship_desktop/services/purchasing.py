"""待下单: the purchase queue and placing 1688 orders for shop orders (manual and API).

Queue: paid shop orders without a live 1688 order, most urgent ship-by first, each line with
the offer it maps to (or the best-ranked in-stock offer of its product, as a suggestion), the
cost (price tiers, dropship fee, freight), the estimated profit, and warnings.

A purchase is recorded before anything happens (record-before-send), one
``purchase_attempt`` per try::

    manual: recorded ─► number_pending ─► linked          (or abandoned)
    API:    recorded ─► sent ─► linked                    (or failed)
                          └─► unknown ─► linked | failed  (answer lost: looked up by outOrderId)

The attempt's ``out_order_id`` is sent to 1688 as ``outOrderId``; an answer that never came is
resolved by looking the order up with it, never by ordering again. A live attempt (recorded,
sent, number pending, unknown) or a live 1688 order blocks a second purchase for the same shop
order unless the seller explicitly orders again (the supplier ran out); the database enforces the
first with a partial unique index.
"""

from __future__ import annotations

import json
import logging
import re
import sqlite3
import threading
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

import peewee

from ..connectors.base import (
    AddressParam,
    CargoParam,
    ConnectorUnavailable,
    OrderingConnector,
    PlaceResult,
    PurchaseRequest,
)
from ..domain.enums import (
    CLOSED_1688_STATUSES,
    Fulfilment,
    OrderStatus1688,
    SalesStatus,
    SupplierKind,
)
from ..domain.fulfilment import (
    BLOCKING_WARNINGS,
    LIVE_ATTEMPT_STATES,
    AttemptState,
    Cargo,
    QueueWarning,
    Receiver,
    allocate,
    is_hidden_receiver,
    listing_keys,
    offer_id_from_ref,
    receiver_block,
)
from ..domain.masking import mask_address, mask_name, mask_phone
from ..domain.risk import RiskLevel
from ..domain.sourcing import OfferFacts, SupplierFacts, price_for_quantity, rank_offers
from ..domain.timeutil import now_epoch, now_utc
from ..errors import UserError
from ..i18n import QT_TRANSLATE_NOOP, Label, label
from ..store.db import db
from ..store.sourcing_queries import tiers_of
from .base import Changes, audit, write_op
from .mapping import LineListing, MappingRow, line_mappings, propose_from_links
from .orders import refresh_order_summaries

__all__ = [
    "DEFAULT_MIN_MARGIN_PCT",
    "AttemptRow",
    "PurchaseOutcome",
    "PurchaseStart",
    "QueueLine",
    "QueueRow",
    "abandon_purchase",
    "attempt_account_id",
    "confirm_ordered",
    "find_interrupted_purchases",
    "link_purchase",
    "on_supplier_orders_linked",
    "place_via_api",
    "purchase_list_rows",
    "queue_count",
    "queue_ids",
    "queue_rows",
    "resolve_unknown",
    "start_purchase",
]

log = logging.getLogger(__name__)

DEFAULT_MIN_MARGIN_PCT = 10.0
STALE_DAYS = 7
_S = AttemptState
_CLOSED = tuple(s.value for s in CLOSED_1688_STATUSES)
_CLOSED_MARKS = ",".join("?" * len(_CLOSED))
_LIVE = tuple(s.value for s in LIVE_ATTEMPT_STATES)
_LIVE_MARKS = ",".join("?" * len(_LIVE))
_SHOP_CANCELLED = (
    SalesStatus.CANCELLED.value,
    SalesStatus.REFUNDING.value,
    SalesStatus.REFUNDED.value,
)
_ORDER_NO_RE = re.compile(r"\d{12,22}")

_NO_LIVE_SUPPLIER = (
    "NOT EXISTS (SELECT 1 FROM supplier_order s WHERE s.sales_order_id = o.id"
    f" AND s.status NOT IN ({_CLOSED_MARKS}))"
)
#: Paid orders whose summary says no live 1688 order, along the partial index of migration 9
#: (the terms must match the index's WHERE word for word); _NO_LIVE_SUPPLIER re-checks them.
TO_PURCHASE = (
    "sales_order o INDEXED BY sales_order_to_purchase WHERE o.status = 'paid'"
    " AND (o.supplier_status IS NULL OR o.supplier_status IN ('cancel', 'terminated'))"
)
_ALL_PAID = "sales_order o INDEXED BY sales_order_to_ship WHERE o.status = 'paid'"

# Attempts this process sent: find_interrupted_purchases() leaves them alone.
_session_lock = threading.Lock()
_session_attempts: set[int] = set()


def forget_session() -> None:
    """Forget this run's attempts, as a restart would (tests simulate a crash with it)."""
    with _session_lock:
        _session_attempts.clear()


# ---- the queue -----------------------------------------------------------------------------


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
            for oid, ship_by in db.execute_sql(sql, params)
        )
    extra = db.execute_sql(
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
    paid = db.execute_sql(
        f"SELECT count(*) FROM {TO_PURCHASE} AND {_NO_LIVE_SUPPLIER}",
        list(_CLOSED),
    ).fetchone()[0]
    extra = db.execute_sql(
        "SELECT count(*) FROM purchase_attempt a JOIN sales_order o ON o.id = a.sales_order_id"
        f" WHERE a.state IN ({_LIVE_MARKS}) AND o.status != ?",
        [*_LIVE, SalesStatus.PAID.value],
    ).fetchone()[0]
    return int(paid) + int(extra)


def queue_due_count(before: int) -> int:
    """How many paid orders of the queue must ship before *before* (or already had to)."""
    return int(
        db.execute_sql(
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
class AttemptRow:
    id: int
    sales_order_id: int
    out_order_id: str
    channel: str
    connector: str
    state: AttemptState
    order_ids_1688: str
    error_code: str
    message: str
    created_at: int
    cargo: tuple[Cargo, ...] = ()

    @property
    def live(self) -> bool:
        return self.state in LIVE_ATTEMPT_STATES


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


_ATTEMPT_SQL = (
    "SELECT id, sales_order_id, out_order_id, channel, connector, state, order_ids_1688,"
    " error_code, message, created_at, cargo FROM purchase_attempt"
)


def _attempt(row: Sequence[Any]) -> AttemptRow:
    cargo = tuple(Cargo.from_dict(c) for c in json.loads(row[10] or "[]"))
    return AttemptRow(*row[:5], AttemptState(row[5]), *row[6:10], cargo)  # type: ignore[misc]


def _load_offers(offer_ids: set[int], product_ids: set[int]) -> dict[int, OfferInfo]:
    if not offer_ids and not product_ids:
        return {}
    rows = db.execute_sql(
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
        for r in db.execute_sql(
            "SELECT o.id, o.shop_id, sh.name, sh.platform, o.shop_order_no, o.status, o.ship_by,"
            " o.paid_at, o.buyer_name, o.buyer_phone, o.ship_address, o.sale_fen,"
            " o.buyer_data_removed, o.risk_level, o.risk_rules, o.risk_checked"
            f" FROM sales_order o JOIN shop sh ON sh.id = o.shop_id"
            f" WHERE o.id IN ({marks})",
            id_list,
        )
    }
    lines: dict[int, list[tuple[Any, ...]]] = {}
    for r in db.execute_sql(
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
            for r in db.execute_sql(
                _ATTEMPT_SQL + f" WHERE sales_order_id IN ({marks}) AND state IN ({_LIVE_MARKS})",
                [*id_list, *_LIVE],
            )
        )
    }
    closed_before: dict[int, int] = {}
    live_orders: dict[int, int] = {}
    for sales_id, status in db.execute_sql(
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
        if order[12] or is_hidden_receiver(order[8], order[9], order[10]):
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


# ---- recording a purchase ------------------------------------------------------------------


@dataclass(frozen=True)
class PurchaseStart:
    """A purchase just recorded: what the seller copies and opens.

    Attributes:
        receiver_text: The receiver block for 1688's address form (manual purchases only; its
            reveal is recorded in the audit log).
        offer_ids_1688: The offers to open, in line order.
    """

    attempt_id: int
    out_order_id: str
    receiver_text: str
    offer_ids_1688: tuple[str, ...]
    changes: Changes


def _changes(sales_order_id: int, attempt_id: int, message: str = "", **params: object) -> Changes:
    return Changes.of(
        "purchase_attempt",
        "sales_order",
        "supplier_order",
        ids={"purchase_attempt": [attempt_id], "sales_order": [sales_order_id]},
        message=message,
        message_params=params,
    )


def _load_attempt(attempt_id: int) -> AttemptRow:
    row = db.execute_sql(_ATTEMPT_SQL + " WHERE id = ?", (attempt_id,)).fetchone()
    if row is None:
        raise UserError(QT_TRANSLATE_NOOP("Errors", "This purchase no longer exists."))
    return _attempt(row)


def _refuse_state(attempt: AttemptRow) -> UserError:
    return UserError(
        QT_TRANSLATE_NOOP(
            "Errors", "The purchase for this order is “{state}”; it cannot be changed that way."
        ),
        state=label(attempt.state),
    )


def _set_state(attempt: AttemptRow, state: AttemptState, **values: Any) -> None:
    now = now_epoch()
    sets = ["state = ?", "updated_at = ?"]
    params: list[Any] = [state.value, now]
    if state in (_S.LINKED, _S.FAILED, _S.ABANDONED):
        sets.append("finished_at = ?")
        params.append(now)
    if state is _S.SENT:
        sets.append("sent_at = ?")
        params.append(now)
    for key, value in values.items():
        sets.append(f"{key} = ?")
        params.append(value)
    db.execute_sql(
        f"UPDATE purchase_attempt SET {', '.join(sets)} WHERE id = ?", [*params, attempt.id]
    )
    audit(
        "purchase_attempt",
        attempt.id,
        f"purchase_{state.value}",
        before={"state": attempt.state.value},
        after={"state": state.value, **{k: v for k, v in values.items() if k != "cargo"}},
        sales_order_id=attempt.sales_order_id,
    )


def _full_receiver(sales_order_id: int) -> tuple[Receiver, str, str]:
    row = db.execute_sql(
        "SELECT buyer_name, buyer_phone, ship_address, shop_order_no, buyer_data_removed"
        " FROM sales_order WHERE id = ?",
        (sales_order_id,),
    ).fetchone()
    if row is None:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "This order no longer exists; it may have been deleted.")
        )
    return Receiver.of(row[0], row[1], row[2]), row[3], row[4]


@write_op
def start_purchase(
    sales_order_id: int,
    *,
    channel: str = "manual",
    connector: str = "manual",
    account_id: int | None = None,
    order_again: bool = False,
    min_margin_pct: float = DEFAULT_MIN_MARGIN_PCT,
) -> PurchaseStart:
    """Record a purchase for one shop order before the seller (or the API) places it.

    The cargo is what the queue shows: each line's mapped offer (a backup when the main one is
    out of stock) or the suggested one. Refused when the order is blocked (no mapping, receiver
    hidden, cancelled on the shop, an offer without its 1688 id), when a purchase for it is
    already in progress, or when it has a live 1688 order and *order_again* is not set.

    Raises:
        UserError: Why it cannot be placed, and what to do.
    """
    existing = db.execute_sql(
        _ATTEMPT_SQL + f" WHERE sales_order_id = ? AND state IN ({_LIVE_MARKS})",
        [sales_order_id, *_LIVE],
    ).fetchone()
    if existing is not None:
        attempt = _attempt(existing)
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "A 1688 order for this shop order is already “{state}”. Paste its 1688 number, "
                "or say it was not ordered, before ordering again.",
            ),
            state=label(attempt.state),
        )
    live = db.execute_sql(
        "SELECT order_id_1688 FROM supplier_order WHERE sales_order_id = ?"
        f" AND status NOT IN ({_CLOSED_MARKS}) ORDER BY id LIMIT 1",
        [sales_order_id, *_CLOSED],
    ).fetchone()
    if live is not None and not order_again:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "This shop order already has the live 1688 order {order}. Choose “Order again” "
                "only if that one will not ship (for example the supplier ran out).",
            ),
            order=live[0] or "—",
        )
    rows = queue_rows([sales_order_id], min_margin_pct=min_margin_pct)
    if not rows:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "This order no longer exists; it may have been deleted.")
        )
    row = rows[0]
    blocking = [w for w in row.warnings if w in BLOCKING_WARNINGS]
    if any(QueueWarning.NO_OFFER_ID in line.warnings for line in row.lines):
        blocking.append(QueueWarning.NO_OFFER_ID)
    if blocking:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "This order cannot be placed yet: {problems}."),
            problems=Label(
                "; ".join(w.label_en for w in blocking), "；".join(w.label_zh for w in blocking)
            ),
        )
    if channel == "api" and row.suppliers > 1:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The lines of this order come from {count} suppliers; 1688 takes one supplier per "
                "order. Place it by hand, one 1688 order per supplier.",
            ),
            count=row.suppliers,
        )
    cargo = [
        Cargo(
            line.line_id,
            line.offer_id_1688,
            line.spec_id_1688,
            line.pieces,
            line.product_title or line.title,
            line.offer_id,
            int(line.supplier_key[1:]) if line.supplier_key.startswith("s") else None,
            (line.cost_fen or 0) // max(1, line.pieces),
        )
        for line in row.lines
    ]
    now = now_epoch()
    out_order_id = f"DSD{sales_order_id}-{uuid.uuid4().hex[:12]}"
    try:
        cursor = db.execute_sql(
            "INSERT INTO purchase_attempt (sales_order_id, out_order_id, channel, connector,"
            " account_id, state, order_again, cargo, goods_fen, dropship_fee_fen, shipping_fen,"
            " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                sales_order_id,
                out_order_id,
                channel,
                connector,
                account_id,
                _S.RECORDED.value,
                int(order_again),
                json.dumps([c.as_dict() for c in cargo], ensure_ascii=False),
                row.goods_fen,
                row.dropship_fee_fen,
                row.freight_fen,
                now,
                now,
            ),
        )
    except (sqlite3.IntegrityError, peewee.IntegrityError) as exc:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "A 1688 order for this shop order is already being placed.")
        ) from exc
    attempt_id = int(cursor.lastrowid)
    audit(
        "purchase_attempt",
        attempt_id,
        "purchase_recorded",
        after={
            "channel": channel,
            "out_order_id": out_order_id,
            "order_again": order_again,
            "offers": [c.offer_id_1688 for c in cargo],
        },
        sales_order_id=sales_order_id,
    )
    text = ""
    if channel == "manual":
        receiver, shop_order_no, _removed = _full_receiver(sales_order_id)
        text = receiver_block(receiver, shop_order_no)
        audit(
            "sales_order",
            sales_order_id,
            "reveal_buyer_data",
            after={"fields": ["buyer_name", "buyer_phone", "ship_address"], "purpose": "purchase"},
            sales_order_id=sales_order_id,
        )
    offers = tuple(dict.fromkeys(c.offer_id_1688 for c in cargo if c.offer_id_1688))
    return PurchaseStart(
        attempt_id,
        out_order_id,
        text,
        offers,
        _changes(
            sales_order_id,
            attempt_id,
            QT_TRANSLATE_NOOP("Messages", "Purchase recorded for order {order}."),
            order=row.shop_order_no,
        ),
    )


@write_op
def confirm_ordered(attempt_id: int) -> Changes:
    """The seller placed the order on 1688; its number is not known yet."""
    attempt = _load_attempt(attempt_id)
    if attempt.state is _S.NUMBER_PENDING:
        return Changes.of()
    if attempt.state is not _S.RECORDED or attempt.channel != "manual":
        raise _refuse_state(attempt)
    _set_state(attempt, _S.NUMBER_PENDING)
    return _changes(
        attempt.sales_order_id,
        attempt.id,
        QT_TRANSLATE_NOOP(
            "Messages", "Marked as ordered on 1688; paste the number when you have it."
        ),
    )


@write_op
def abandon_purchase(attempt_id: int, note: str = "") -> Changes:
    """Nothing was ordered on 1688 after all: the shop order goes back to the queue.

    An API attempt whose answer was lost (``unknown``) cannot be abandoned: look it up.
    """
    attempt = _load_attempt(attempt_id)
    allowed = (_S.RECORDED, _S.NUMBER_PENDING) + (
        (_S.UNKNOWN,) if attempt.channel == "manual" else ()
    )
    if attempt.state not in allowed:
        raise _refuse_state(attempt)
    _set_state(attempt, _S.ABANDONED, message=note.strip()[:500])
    return _changes(
        attempt.sales_order_id,
        attempt.id,
        QT_TRANSLATE_NOOP("Messages", "Purchase withdrawn; the order is back in the queue."),
    )


def _link_orders(
    attempt: AttemptRow,
    numbers: Sequence[str],
    *,
    status: str,
    total_fen: int | None = None,
    freight_fen: int | None = None,
    via: str = "pasted",
) -> list[int]:
    """Link (or create) the 1688 orders *numbers* to the attempt's shop order."""
    now = now_epoch()
    so = db.execute_sql(
        "SELECT o.shop_order_no, sh.platform, o.buyer_name, o.buyer_phone FROM sales_order o"
        " JOIN shop sh ON sh.id = o.shop_id WHERE o.id = ?",
        (attempt.sales_order_id,),
    ).fetchone()
    if so is None:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "This order no longer exists; it may have been deleted.")
        )
    # Goods of several suppliers go to several 1688 orders: hand them out in supplier order.
    groups: dict[object, list[Cargo]] = {}
    for cargo in attempt.cargo:
        groups.setdefault(cargo.supplier_id or cargo.offer_id_1688, []).append(cargo)
    group_list = list(groups.values())
    account = db.execute_sql(
        "SELECT account_id FROM purchase_attempt WHERE id = ?", (attempt.id,)
    ).fetchone()[0]
    linked = []
    for index, number in enumerate(numbers):
        row = db.execute_sql(
            "SELECT id, sales_order_id FROM supplier_order WHERE order_id_1688 = ?", (number,)
        ).fetchone()
        if row is not None:
            if row[1] not in (None, attempt.sales_order_id):
                other = db.execute_sql(
                    "SELECT shop_order_no FROM sales_order WHERE id = ?", (row[1],)
                ).fetchone()
                raise UserError(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "1688 order {order} already belongs to order {other}. Check the number.",
                    ),
                    order=number,
                    other=other[0] if other else row[1],
                )
            db.execute_sql(
                "UPDATE supplier_order SET sales_order_id = ?, updated_at = ? WHERE id = ?",
                (attempt.sales_order_id, now, row[0]),
            )
            linked.append(int(row[0]))
            continue
        cargo = group_list[index] if index < len(group_list) else []
        if index == len(numbers) - 1 and len(group_list) > len(numbers):
            cargo = [c for g in group_list[index:] for c in g]
        goods = sum(c.unit_price_fen * c.quantity for c in cargo)
        first = index == 0
        fee = attempt_fee = 0
        freight = 0
        if first:
            attempt_row = db.execute_sql(
                "SELECT dropship_fee_fen, shipping_fen FROM purchase_attempt WHERE id = ?",
                (attempt.id,),
            ).fetchone()
            attempt_fee, freight = attempt_row
            fee = attempt_fee
        if freight_fen is not None and first:
            freight = freight_fen
        if total_fen is not None and first:
            goods = max(0, total_fen - freight)
            fee = 0
        cursor = db.execute_sql(
            "INSERT INTO supplier_order (sales_order_id, supplier_id, offer_id, account_id,"
            " order_id_1688, status, product_title, quantity, cost_fen, dropship_fee_fen,"
            " shipping_fen, paid_fen, recipient_name, recipient_phone, created_at, updated_at,"
            " downstream_order_no, downstream_channel, is_dropship)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, 1)",
            (
                attempt.sales_order_id,
                cargo[0].supplier_id if cargo else None,
                cargo[0].offer_id if cargo else None,
                account,
                number,
                status,
                "；".join(dict.fromkeys(c.title for c in cargo if c.title)),
                sum(c.quantity for c in cargo) or 1,
                goods,
                fee,
                freight,
                so[2],
                so[3],
                now,
                now,
                so[0],
                so[1],
            ),
        )
        so_id = int(cursor.lastrowid)
        db.connection().executemany(
            "INSERT INTO supplier_order_line (supplier_order_id, line_no, title, offer_id_1688,"
            " sku_id_1688, quantity, unit_price_fen, amount_fen) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    so_id,
                    n + 1,
                    c.title,
                    c.offer_id_1688,
                    c.spec_id_1688,
                    c.quantity,
                    c.unit_price_fen,
                    c.unit_price_fen * c.quantity,
                )
                for n, c in enumerate(cargo)
            ],
        )
        linked.append(so_id)
    for so_id in linked:
        audit(
            "supplier_order",
            so_id,
            "link",
            after={"sales_order_id": attempt.sales_order_id, "via": via, "attempt": attempt.id},
            sales_order_id=attempt.sales_order_id,
        )
    refresh_order_summaries([attempt.sales_order_id])
    propose_from_links([attempt.sales_order_id])
    return linked


@write_op
def link_purchase(attempt_id: int, numbers_text: str) -> Changes:
    """Link the 1688 order(s) the seller placed, from the number(s) pasted.

    A number 1688 already exported into the app is linked; a new one is created as a paid,
    not yet shipped 1688 order with the purchase's estimated cost (the next 1688 export fills
    in what was really paid).

    Raises:
        UserError: No 1688 order number in the text, or one belongs to another shop order.
    """
    attempt = _load_attempt(attempt_id)
    if attempt.state not in (_S.RECORDED, _S.NUMBER_PENDING, _S.UNKNOWN):
        raise _refuse_state(attempt)
    numbers = list(dict.fromkeys(_ORDER_NO_RE.findall(numbers_text or "")))
    if not numbers:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "No 1688 order number found in “{text}”. Copy the order number (订单号, the long "
                "number on the 1688 order page) and paste it here.",
            ),
            text=(numbers_text or "").strip()[:40],
        )
    _link_orders(attempt, numbers, status=OrderStatus1688.WAIT_SELLER_SEND.value)
    _set_state(attempt, _S.LINKED, order_ids_1688=",".join(numbers))
    return _changes(
        attempt.sales_order_id,
        attempt.id,
        QT_TRANSLATE_NOOP("Messages", "1688 order {order} linked."),
        order=", ".join(numbers),
    )


@write_op
def on_supplier_orders_linked(sales_order_ids: Iterable[int]) -> int:
    """After 1688 orders were linked to shop orders (import, by hand): learn and close the loop.

    Proposes mappings from the pairs (:func:`~.mapping.propose_from_links`), and a purchase
    still waiting for its number (or whose answer was lost) is marked linked when its shop
    order now has a live 1688 order. Runs inside the caller's transaction.

    Returns:
        How many purchases were closed this way.
    """
    ids = sorted(set(sales_order_ids))
    if not ids:
        return 0
    propose_from_links(ids)
    closed = 0
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for row in db.execute_sql(
            _ATTEMPT_SQL + f" WHERE sales_order_id IN ({marks}) AND state IN ({_LIVE_MARKS})",
            [*chunk, *_LIVE],
        ).fetchall():
            attempt = _attempt(row)
            if attempt.state is _S.SENT:
                continue  # being answered right now
            numbers = [
                r[0]
                for r in db.execute_sql(
                    "SELECT order_id_1688 FROM supplier_order WHERE sales_order_id = ?"
                    f" AND status NOT IN ({_CLOSED_MARKS}) AND created_at >= ? ORDER BY id",
                    [attempt.sales_order_id, *_CLOSED, attempt.created_at - 3600],
                )
                if r[0]
            ]
            if numbers:
                _set_state(attempt, _S.LINKED, order_ids_1688=",".join(numbers))
                closed += 1
    return closed


# ---- the API path --------------------------------------------------------------------------


@dataclass(frozen=True)
class PurchaseOutcome:
    """How an API purchase ended: ``linked`` (with the order), ``failed`` or ``unknown``."""

    attempt_id: int
    state: AttemptState
    order_id_1688: str = ""
    error_code: str = ""
    message: str = ""
    changes: Changes = field(default_factory=Changes)


def _request(attempt: AttemptRow) -> PurchaseRequest:
    receiver, shop_order_no, _removed = _full_receiver(attempt.sales_order_id)
    return PurchaseRequest(
        out_order_id=attempt.out_order_id,
        address=AddressParam(
            receiver.name,
            receiver.mobile,
            receiver.province,
            receiver.city,
            receiver.area,
            receiver.detail[:200],
        ),
        cargo=tuple(CargoParam(c.offer_id_1688, c.spec_id_1688, c.quantity) for c in attempt.cargo),
        message=f"代发订单 {shop_order_no}"[:500],
    )


@write_op
def _begin_send(attempt_id: int) -> AttemptRow:
    attempt = _load_attempt(attempt_id)
    if attempt.state is not _S.RECORDED:
        raise _refuse_state(attempt)
    with _session_lock:
        _session_attempts.add(attempt_id)
    _set_state(attempt, _S.SENT)
    return _load_attempt(attempt_id)


@write_op
def _finish_failed(attempt_id: int, code: str, message: str) -> Changes:
    attempt = _load_attempt(attempt_id)
    _set_state(attempt, _S.FAILED, error_code=code[:100], message=message[:500])
    return _changes(
        attempt.sales_order_id,
        attempt.id,
        QT_TRANSLATE_NOOP("Messages", "The 1688 order was not placed: {reason}"),
        reason=message or code,
    )


@write_op
def _finish_placed(
    attempt_id: int, order_id_1688: str, status: str, total_fen: int | None, freight_fen: int | None
) -> Changes:
    attempt = _load_attempt(attempt_id)
    _link_orders(
        attempt,
        [order_id_1688],
        status=status,
        total_fen=total_fen,
        freight_fen=freight_fen,
        via="api",
    )
    _set_state(attempt, _S.LINKED, order_ids_1688=order_id_1688, error_code="", message="")
    return _changes(
        attempt.sales_order_id,
        attempt.id,
        QT_TRANSLATE_NOOP("Messages", "1688 order {order} placed and linked."),
        order=order_id_1688,
    )


@write_op
def _mark_unknown(attempt_id: int, message: str) -> Changes:
    attempt = _load_attempt(attempt_id)
    _set_state(attempt, _S.UNKNOWN, message=message[:500])
    return _changes(
        attempt.sales_order_id,
        attempt.id,
        QT_TRANSLATE_NOOP(
            "Messages", "No answer from 1688: the order will be looked up, never placed twice."
        ),
    )


def place_via_api(
    sales_order_id: int,
    connector: OrderingConnector,
    *,
    account_id: int | None = None,
    order_again: bool = False,
    min_margin_pct: float = DEFAULT_MIN_MARGIN_PCT,
) -> PurchaseOutcome:
    """Place one shop order's 1688 order through the API: record, preview, send, link.

    Each step is its own transaction; the connector is called between them (never holding
    the write lock). A connector that knows the call did not reach 1688
    (:class:`ConnectorUnavailable`) fails the attempt safely; any other error leaves it
    ``unknown``, to be resolved with :func:`resolve_unknown` by looking the order up.

    Raises:
        UserError: The order cannot be placed (see :func:`start_purchase`) or the connector
            cannot place orders.
    """
    if not getattr(connector, "can_place_orders", False):
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "This distribution account cannot place orders through the 1688 API; place it "
                "by hand on 1688.",
            )
        )
    start = start_purchase(
        sales_order_id,
        channel="api",
        connector=connector.name,
        account_id=account_id,
        order_again=order_again,
        min_margin_pct=min_margin_pct,
    )
    attempt = _load_attempt(start.attempt_id)
    request = _request(attempt)
    try:
        preview = connector.preview_order(request)
    except Exception as exc:  # nothing was ordered by a preview
        log.warning("preview failed for attempt %s: %s", attempt.id, type(exc).__name__)
        changes = _finish_failed(attempt.id, "PREVIEW_ERROR", str(exc))
        return PurchaseOutcome(attempt.id, _S.FAILED, "", "PREVIEW_ERROR", str(exc), changes)
    if not preview.ok:
        changes = _finish_failed(attempt.id, preview.error_code, preview.message)
        return PurchaseOutcome(
            attempt.id, _S.FAILED, "", preview.error_code, preview.message, changes
        )
    _begin_send(attempt.id)
    try:
        result: PlaceResult = connector.place_order(request)
    except ConnectorUnavailable as exc:
        changes = _finish_failed(attempt.id, "NOT_SENT", str(exc))
        return PurchaseOutcome(attempt.id, _S.FAILED, "", "NOT_SENT", str(exc), changes)
    except Exception as exc:
        log.warning("answer lost for attempt %s: %s", attempt.id, type(exc).__name__)
        changes = _mark_unknown(attempt.id, str(exc) or type(exc).__name__)
        return PurchaseOutcome(attempt.id, _S.UNKNOWN, "", "", str(exc), changes)
    if not result.success:
        changes = _finish_failed(attempt.id, result.error_code, result.message)
        return PurchaseOutcome(
            attempt.id, _S.FAILED, "", result.error_code, result.message, changes
        )
    changes = _finish_placed(
        attempt.id,
        result.order_id_1688,
        OrderStatus1688.WAIT_BUYER_PAY.value,
        result.total_fen or None,
        result.freight_fen,
    )
    return PurchaseOutcome(attempt.id, _S.LINKED, result.order_id_1688, changes=changes)


def resolve_unknown(attempt_id: int, connector: OrderingConnector) -> PurchaseOutcome:
    """Settle a purchase whose answer was lost by looking its ``outOrderId`` up on 1688.

    Found: the order is linked (nothing is placed again). Not found after the whole window
    since the attempt was sent was searched: nothing was ordered; the attempt fails and the shop
    order is back in the queue. A lookup that fails part-way raises and the attempt stays
    ``unknown``.

    Raises:
        UserError: The attempt is not waiting for this, or the connector cannot look orders up
            (the seller checks 1688 and pastes the number or says it was not ordered).
    """
    attempt = _load_attempt(attempt_id)
    if attempt.state is not _S.UNKNOWN:
        raise _refuse_state(attempt)
    if not getattr(connector, "can_place_orders", False):
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "This connector cannot look orders up. Check 1688's order list for the message "
                "{order}, then paste the number or say it was not ordered.",
            ),
            order=attempt.out_order_id,
        )
    sent, account_id = db.execute_sql(
        "SELECT COALESCE(sent_at, created_at), account_id FROM purchase_attempt WHERE id = ?",
        (attempt.id,),
    ).fetchone()
    acting = getattr(connector, "account_id", None)
    if account_id is not None and acting is not None and int(acting) != int(account_id):
        # Another buyer account's order list cannot show it: "not found" would re-queue it.
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "This purchase was sent through another distribution account; look it up "
                "with that account.",
            )
        )
    # Search from the moment it was sent (the connector adds a margin): a lookup days later
    # still covers it. The connector raises unless it read the whole window, and then the
    # attempt stays unknown: failing it would re-queue the order and place a second one.
    remote = connector.find_by_out_order_id(
        attempt.out_order_id, sent_after=datetime.fromtimestamp(int(sent), UTC)
    )
    if remote is None:
        changes = _finish_failed(
            attempt.id,
            "NOT_FOUND",
            QT_TRANSLATE_NOOP(
                "Messages", "Not on 1688: nothing was ordered (looked up by outOrderId)."
            ),
        )
        return PurchaseOutcome(attempt.id, _S.FAILED, "", "NOT_FOUND", "", changes)
    changes = _finish_placed(
        attempt.id, remote.order_id_1688, remote.status, remote.total_fen or None, None
    )
    return PurchaseOutcome(attempt.id, _S.LINKED, remote.order_id_1688, changes=changes)


def attempt_account_id(attempt_id: int) -> int | None:
    """The distribution account a purchase was recorded under (``None``: none or deleted)."""
    row = db.execute_sql(
        "SELECT account_id FROM purchase_attempt WHERE id = ?", (attempt_id,)
    ).fetchone()
    return int(row[0]) if row and row[0] is not None else None


@write_op
def find_interrupted_purchases() -> list[AttemptRow]:
    """At start-up: API purchases the app stopped during become ``unknown`` (to be looked up).

    A purchase still ``sent`` from an earlier run may or may not have reached 1688; an API
    purchase still ``recorded`` never left the app and fails safely.
    """
    rows = [
        _attempt(r)
        for r in db.execute_sql(
            _ATTEMPT_SQL + " WHERE state IN (?, ?) AND channel = 'api'",
            (_S.SENT.value, _S.RECORDED.value),
        )
    ]
    changed = []
    with _session_lock:
        ours = set(_session_attempts)
    for attempt in rows:
        if attempt.id in ours:
            continue
        if attempt.state is _S.SENT:
            _set_state(attempt, _S.UNKNOWN, message="The app stopped before 1688 answered.")
        else:
            _set_state(attempt, _S.FAILED, error_code="NOT_SENT", message="Never sent.")
        changed.append(_load_attempt(attempt.id))
    return changed


def attempts_of(sales_order_id: int) -> list[AttemptRow]:
    """Every purchase attempt of a shop order, oldest first."""
    return [
        _attempt(r)
        for r in db.execute_sql(
            _ATTEMPT_SQL + " WHERE sales_order_id = ? ORDER BY id", (sales_order_id,)
        )
    ]


# ---- the purchase list ---------------------------------------------------------------------

PURCHASE_LIST_HEADERS = (
    "店铺订单号",
    "店铺",
    "最晚发货",
    "商品",
    "货源链接",
    "1688规格ID",
    "规格",
    "数量",
    "收货人",
    "手机",
    "省",
    "市",
    "区",
    "详细地址",
    "留言",
    "提示",
)


def purchase_list_rows(
    ids: Sequence[int] | None = None, *, limit: int | None = None
) -> list[tuple[str, ...]]:
    """One row per goods line to order (full receiver: the list is for placing orders).

    Orders that are blocked (no mapping, receiver hidden, cancelled) or already being placed are
    left out. Writing the list is recorded as a reveal of buyer data per order.
    """
    from ..domain.fulfilment import offer_url
    from ..domain.timeutil import CHINA_TZ, from_epoch

    order_ids = list(ids) if ids is not None else queue_ids(limit)
    rows: list[tuple[str, ...]] = []
    for start in range(0, len(order_ids), 400):
        for row in queue_rows(order_ids[start : start + 400]):
            if row.blocked or row.attempt is not None:
                continue
            receiver, shop_order_no, _removed = _full_receiver(row.sales_order_id)
            ship_by = from_epoch(row.ship_by)
            hints = "；".join(w.label_zh for w in row.warnings)
            for line in row.lines:
                rows.append(
                    (
                        shop_order_no,
                        row.shop_name,
                        ship_by.astimezone(CHINA_TZ).strftime("%Y-%m-%d %H:%M") if ship_by else "",
                        line.product_title or line.title,
                        offer_url(line.offer_id_1688),
                        line.spec_id_1688,
                        line.spec_text_1688 or line.spec,
                        str(line.pieces),
                        receiver.name,
                        receiver.mobile,
                        receiver.province,
                        receiver.city,
                        receiver.area,
                        receiver.detail,
                        f"代发订单 {shop_order_no}",
                        hints,
                    )
                )
    return rows


def write_purchase_list(path: str, ids: Sequence[int] | None = None) -> int:
    """Write the purchase list (XLSX, every cell text; or CSV) and record the reveal.

    Raises:
        UserError: Nothing to order, or the file cannot be written.
    """
    from pathlib import Path

    from .shipping import _write_atomically

    target = Path(path)
    if target.suffix.lower() not in (".xlsx", ".csv"):
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors", "Choose a file name ending in .xlsx or .csv (got “{file}”)."
            ),
            file=target.name,
        )
    if not target.parent.is_dir():
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "The folder {folder} does not exist."),
            folder=target.parent,
        )
    rows = purchase_list_rows(ids)
    if not rows:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "No order to put on a purchase list: every waiting order is blocked (no mapping, "
                "receiver hidden, cancelled) or already being placed.",
            )
        )
    _write_atomically(target, PURCHASE_LIST_HEADERS, rows, "采购清单")
    _record_list_reveal(sorted({r[0] for r in rows}), target.name)
    return len(rows)


@write_op
def _record_list_reveal(shop_order_nos: Sequence[str], file_name: str) -> None:
    audit(
        "database",
        None,
        "purchase_list_exported",
        after={"orders": len(shop_order_nos), "file": file_name, "fields": ["receiver"]},
    )


# ---- money ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class LineCost:
    """What one goods line of a 1688 order cost, freight and discounts included."""

    line_no: int
    title: str
    goods_fen: int
    cost_fen: int
    estimated: bool


def real_line_costs(supplier_order_id: int) -> list[LineCost]:
    """Each goods line's share of what the 1688 order really cost (实付款).

    The difference between what was paid and the goods (freight, dropship fee, discounts) is
    allocated to the lines by their goods amount, exactly (no fen lost). Before the 1688
    export shows the payment, the estimate (goods + fee + freight) is allocated instead and
    each line is marked estimated.
    """
    from ..domain.fulfilment import allocate

    order = db.execute_sql(
        "SELECT paid_fen, cost_fen, dropship_fee_fen, shipping_fen FROM supplier_order"
        " WHERE id = ?",
        (supplier_order_id,),
    ).fetchone()
    if order is None:
        return []
    lines = db.execute_sql(
        "SELECT line_no, title, amount_fen, unit_price_fen, quantity FROM supplier_order_line"
        " WHERE supplier_order_id = ? ORDER BY line_no",
        (supplier_order_id,),
    ).fetchall()
    if not lines:
        return []
    goods = [int(a or (p or 0) * q) for _n, _t, a, p, q in lines]
    estimated = not order[0]
    total = order[1] + order[2] + order[3] if estimated else order[0]
    extra = (
        allocate(total - sum(goods), goods)
        if total >= sum(goods)
        else [-share for share in allocate(sum(goods) - total, goods)]
    )
    return [
        LineCost(n, t, g, g + e, estimated)
        for (n, t, *_rest), g, e in zip(lines, goods, extra, strict=True)
    ]
