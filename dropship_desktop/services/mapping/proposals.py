"""Proposing SKU mappings from the 1688 orders already linked to shop orders.

A shop listing whose lines were bought from one 1688 offer spec again and again is proposed as a
mapping to it (the seller confirms); titles are compared by character bigrams."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ...domain.fulfilment import listing_keys, normalise_text, offer_id_from_ref
from ...domain.timeutil import now_epoch
from ...store.db import connection, execute_sql
from ..base import audit, write_op
from .rows import _CLOSED, PROPOSED, target_key

__all__ = ["propose_from_links"]


def _bigrams(text: str) -> set[str]:
    compact = "".join(normalise_text(text).split())
    return {compact[i : i + 2] for i in range(len(compact) - 1)} or (
        {compact} if compact else set()
    )


def _similarity(a: str, b: str) -> float:
    left, right = _bigrams(a), _bigrams(b)
    if not left or not right:
        return 0.0
    return len(left & right) / len(left | right)


def _local_offer(offer_id_1688: str) -> tuple[int | None, int | None]:
    """The seller's own offer (and product) whose link names this 1688 offer, if any."""
    if not offer_id_1688:
        return None, None
    row = execute_sql(
        "SELECT id, product_id FROM offer WHERE offer_ref = ? OR offer_ref LIKE ? ORDER BY id"
        " LIMIT 1",
        (offer_id_1688, f"%{offer_id_1688}%"),
    ).fetchone()
    return (row[0], row[1]) if row else (None, None)


def _pair(
    shop_lines: list[tuple[Any, ...]], goods: list[tuple[Any, ...]]
) -> list[tuple[tuple[Any, ...], tuple[Any, ...]]]:
    """Pair shop lines with 1688 goods lines: one each, else by title, else in order."""
    if not shop_lines or not goods:
        return []
    if len(shop_lines) == 1 and len(goods) == 1:
        return [(shop_lines[0], goods[0])]
    pairs: list[tuple[tuple[Any, ...], tuple[Any, ...]]] = []
    free = list(goods)
    for line in shop_lines:
        scored = sorted(((round(_similarity(line[5], g[2]), 3), i) for i, g in enumerate(free)))
        if not scored:
            break
        best, index = scored[-1]
        runner_up = scored[-2][0] if len(scored) > 1 else -1.0
        if best >= 0.2 and best > runner_up:
            pairs.append((line, free.pop(index)))
    if not pairs and len(shop_lines) == len(goods):
        return list(zip(shop_lines, goods, strict=True))
    return pairs


@write_op
def propose_from_links(sales_order_ids: Iterable[int]) -> int:
    """Propose mappings from the 1688 orders now linked to these shop orders.

    Runs inside the caller's transaction (the import, a by-hand link, the purchase flow). Each
    shop line is paired with a goods line of its live 1688 orders (``supplier_order_line``; for
    orders stored without lines, the order's own offer); the pair is proposed unless the
    listing already has that target. A listing without any mapping gets it as its main target;
    otherwise it is added after the others, for the seller to confirm or delete. Confirmed
    mappings are never changed here.

    Returns:
        How many mappings were proposed.
    """
    ids = sorted(set(sales_order_ids))
    proposed = 0
    now = now_epoch()
    conn = connection()
    known = _Known()
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        shop_of = dict(
            conn.execute(f"SELECT id, shop_id FROM sales_order WHERE id IN ({marks})", chunk)
        )
        lines: dict[int, list[tuple[Any, ...]]] = {}
        for row in conn.execute(
            "SELECT sales_order_id, id, platform_item_id, platform_sku_id, sku, title, spec,"
            f" quantity FROM sales_order_line WHERE sales_order_id IN ({marks}) ORDER BY id",
            chunk,
        ):
            lines.setdefault(row[0], []).append(row[1:])
        goods: dict[int, list[tuple[Any, ...]]] = {}
        with_lines: set[int] = set()
        for row in conn.execute(
            "SELECT so.sales_order_id, so.id, l.title, l.spec, l.offer_id_1688, l.sku_id_1688,"
            " l.quantity, so.order_id_1688 FROM supplier_order so"
            " JOIN supplier_order_line l ON l.supplier_order_id = so.id"
            f" WHERE so.sales_order_id IN ({marks}) AND so.status NOT IN ({_closed_marks()})"
            " ORDER BY so.id, l.line_no",
            [*chunk, *_CLOSED],
        ):
            if row[4]:
                goods.setdefault(row[0], []).append(row[1:])
            with_lines.add(row[1])
        for row in conn.execute(
            "SELECT so.sales_order_id, so.id, so.product_title, '', o.offer_ref, '',"
            " so.quantity, so.order_id_1688, so.offer_id FROM supplier_order so"
            " LEFT JOIN offer o ON o.id = so.offer_id"
            f" WHERE so.sales_order_id IN ({marks}) AND so.status NOT IN ({_closed_marks()})",
            [*chunk, *_CLOSED],
        ):
            if row[1] in with_lines or row[8] is None:
                continue
            offer_1688 = offer_id_from_ref(row[4] or "")
            goods.setdefault(row[0], []).append(
                (row[1], row[2], "", offer_1688, "", row[6], row[7], row[8])
            )
        for sales_id, shop_lines in lines.items():
            for line, good in _pair(shop_lines, goods.get(sales_id, [])):
                proposed += _propose(shop_of[sales_id], line, good, now, known)
    return proposed


def _closed_marks() -> str:
    return ",".join("?" * len(_CLOSED))


class _Known:
    """What one learning call has looked up: offers, and every mapping of the shops involved.

    An import links thousands of orders at once; learning must not cost queries per line.
    """

    def __init__(self) -> None:
        self.offer_by_1688: dict[str, tuple[int | None, int | None]] = {}
        self.product_of_offer: dict[int, int | None] = {}
        self.offers_loaded = False
        self.mappings: dict[tuple[int, str], list[tuple[str, int]]] = {}
        self.shops: set[int] = set()

    def _load_offers(self) -> None:
        self.offers_loaded = True
        for oid, pid, ref in execute_sql("SELECT id, product_id, offer_ref FROM offer ORDER BY id"):
            self.product_of_offer[oid] = pid
            offer_1688 = offer_id_from_ref(ref or "")
            if offer_1688:
                self.offer_by_1688.setdefault(offer_1688, (oid, pid))

    def local_offer(self, offer_1688: str) -> tuple[int | None, int | None]:
        if not self.offers_loaded:
            self._load_offers()
        return self.offer_by_1688.get(offer_1688, (None, None)) if offer_1688 else (None, None)

    def product_of(self, offer_id: int) -> int | None:
        if not self.offers_loaded:
            self._load_offers()
        return self.product_of_offer.get(offer_id)

    def listing(self, shop_id: int, key: str) -> list[tuple[str, int]]:
        if shop_id not in self.shops:
            self.shops.add(shop_id)
            for skey, tkey, priority in execute_sql(
                "SELECT listing_key, target_key, priority FROM sku_mapping WHERE shop_id = ?",
                (shop_id,),
            ):
                self.mappings.setdefault((shop_id, skey), []).append((tkey, priority))
        return self.mappings.get((shop_id, key), [])


def _propose(
    shop_id: int, line: tuple[Any, ...], good: tuple[Any, ...], now: int, known: _Known
) -> int:
    _line_id, item_id, sku_id, code, title, spec, shop_qty = line
    offer_1688 = str(good[3] or "")
    spec_1688 = str(good[4] or "")
    local_offer = good[7] if len(good) > 7 else None
    product_id = None
    if local_offer is None:
        local_offer, product_id = known.local_offer(offer_1688)
    else:
        product_id = known.product_of(local_offer)
    if not offer_1688 and local_offer is None:
        return 0
    keys = listing_keys(
        platform_sku_id=sku_id, platform_item_id=item_id, merchant_code=code, title=title, spec=spec
    )
    if not keys:
        return 0
    qty_1688 = int(good[5] or 0)
    factor = qty_1688 // shop_qty if shop_qty and qty_1688 % shop_qty == 0 and qty_1688 else 1
    tkey = target_key(offer_1688, spec_1688, local_offer)
    # The listing is known under the most specific key that already has targets.
    listing_key = next((key for key in keys if known.listing(shop_id, key)), keys[0])
    same_listing = known.listing(shop_id, listing_key)
    if any(t == tkey for t, _p in same_listing):
        return 0
    priority = max((p for _t, p in same_listing), default=-1) + 1
    known.mappings.setdefault((shop_id, listing_key), []).append((tkey, priority))
    cursor = execute_sql(
        "INSERT INTO sku_mapping (shop_id, listing_key, platform_item_id, platform_sku_id,"
        " merchant_code, title, spec, product_id, offer_id, offer_id_1688, spec_id_1688,"
        " spec_text_1688, target_key, quantity_factor, priority, state, source, learned_from,"
        " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
        " 'learned', ?, ?, ?)",
        (
            shop_id,
            listing_key,
            item_id or "",
            sku_id or "",
            code or "",
            title or "",
            spec or "",
            product_id,
            local_offer,
            offer_1688,
            spec_1688,
            str(good[2] or ""),
            tkey,
            max(1, min(factor, 1000)),
            priority,
            PROPOSED,
            str(good[6] or ""),
            now,
            now,
        ),
    )
    audit(
        "sku_mapping",
        cursor.lastrowid,
        "proposed",
        after={"listing": listing_key, "offer_id_1688": offer_1688, "learned_from": good[6] or ""},
    )
    return 1
