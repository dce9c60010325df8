"""SKU mapping (商品关联): which 1688 offer + spec serves each shop listing.

A mapping row ties a shop listing (shop + listing key, see
:func:`~dropship_desktop.domain.fulfilment.listing_keys`) to a target: a 1688 Offer ID + spec id
and, when the seller has it in 货源, the local offer and product. Several targets of one listing
are ordered by ``priority`` (0 = main, then backups). Mappings are learned, not typed: whenever a
1688 order is linked to a shop order (下游订单号, buyer match, by hand, or the purchase flow),
:func:`propose_from_links` pairs their lines and proposes the mapping; the seller confirms it
once and it applies from then on.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..domain.enums import CLOSED_1688_STATUSES
from ..domain.fulfilment import listing_keys, normalise_text, offer_id_from_ref
from ..domain.timeutil import now_epoch
from ..errors import UserError
from ..i18n import QT_TRANSLATE_NOOP, with_values
from ..store.db import db
from .base import Changes, audit, write_op

__all__ = [
    "MAPPING_HEADERS",
    "ListingRow",
    "MappingRow",
    "confirm_mappings",
    "delete_mapping",
    "export_mappings",
    "import_mappings",
    "line_mappings",
    "listing_rows",
    "mappings_of_listing",
    "move_mapping",
    "propose_from_links",
    "save_mapping",
]

_CLOSED = tuple(s.value for s in CLOSED_1688_STATUSES)
_MAPPING_TABLES = ("sku_mapping",)

PROPOSED = "proposed"
CONFIRMED = "confirmed"


def target_key(offer_id_1688: str, spec_id_1688: str, offer_id: int | None) -> str:
    """What makes two targets of one listing the same."""
    if offer_id_1688:
        return f"1688:{offer_id_1688}:{spec_id_1688}"
    return f"offer:{offer_id}"


@dataclass(frozen=True)
class MappingRow:
    """One target of a listing (a ``sku_mapping`` row with its offer's names)."""

    id: int
    shop_id: int
    listing_key: str
    offer_id: int | None
    product_id: int | None
    offer_id_1688: str
    spec_id_1688: str
    spec_text_1688: str
    quantity_factor: int
    priority: int
    state: str
    source: str
    learned_from: str
    product_title: str = ""
    supplier_name: str = ""
    title: str = ""
    spec: str = ""
    merchant_code: str = ""
    platform_item_id: str = ""
    platform_sku_id: str = ""

    @property
    def confirmed(self) -> bool:
        return self.state == CONFIRMED


_MAPPING_SELECT = (
    "SELECT m.id, m.shop_id, m.listing_key, m.offer_id, m.product_id, m.offer_id_1688,"
    " m.spec_id_1688, m.spec_text_1688, m.quantity_factor, m.priority, m.state, m.source,"
    " m.learned_from, COALESCE(p.title, ''), COALESCE(s.name, ''), m.title, m.spec,"
    " m.merchant_code, m.platform_item_id, m.platform_sku_id"
    " FROM sku_mapping m LEFT JOIN product p ON p.id = m.product_id"
    " LEFT JOIN offer o ON o.id = m.offer_id LEFT JOIN supplier s ON s.id = o.supplier_id"
)


def _mapping(row: Sequence[Any]) -> MappingRow:
    return MappingRow(*row)


def mappings_of_listing(shop_id: int, listing_key: str) -> list[MappingRow]:
    """Every target of one listing, main first."""
    return [
        _mapping(r)
        for r in db.execute_sql(
            _MAPPING_SELECT
            + " WHERE m.shop_id = ? AND m.listing_key = ? ORDER BY m.priority, m.id",
            (shop_id, listing_key),
        )
    ]


@dataclass(frozen=True)
class LineListing:
    """A shop line as mapping sees it."""

    line_id: int
    shop_id: int
    keys: tuple[str, ...]


def line_mappings(lines: Iterable[LineListing]) -> dict[int, list[MappingRow]]:
    """The targets that apply to each line (main first), by the most specific key that has any."""
    lines = list(lines)
    keys = sorted({k for line in lines for k in line.keys})
    if not keys:
        return {}
    by_listing: dict[tuple[int, str], list[MappingRow]] = {}
    for start in range(0, len(keys), 500):
        part = keys[start : start + 500]
        for r in db.execute_sql(
            _MAPPING_SELECT + " WHERE m.listing_key IN (SELECT value FROM json_each(?))"
            " ORDER BY m.priority, m.id",
            (json.dumps(part, ensure_ascii=False),),
        ):
            row = _mapping(r)
            by_listing.setdefault((row.shop_id, row.listing_key), []).append(row)
    found: dict[int, list[MappingRow]] = {}
    for line in lines:
        for key in line.keys:
            targets = by_listing.get((line.shop_id, key))
            if targets:
                found[line.line_id] = targets
                break
    return found


# ---- learning ------------------------------------------------------------------------------


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
    row = db.execute_sql(
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
    conn = db.connection()
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
        for oid, pid, ref in db.execute_sql(
            "SELECT id, product_id, offer_ref FROM offer ORDER BY id"
        ):
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
            for skey, tkey, priority in db.execute_sql(
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
    cursor = db.execute_sql(
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


# ---- the seller's edits --------------------------------------------------------------------


def _error(message: str, **params: object) -> UserError:
    return UserError(message, **params)


def _changes(ids: Iterable[int], message: str, **params: object) -> Changes:
    return Changes.of(
        "sku_mapping", ids={"sku_mapping": list(ids)}, message=message, message_params=params
    )


@dataclass
class MappingInput:
    """What the mapping editor and the import hand to :func:`save_mapping`."""

    shop_id: int
    listing_key: str
    offer_id_1688: str = ""
    spec_id_1688: str = ""
    spec_text_1688: str = ""
    offer_id: int | None = None
    quantity_factor: int = 1
    confirmed: bool = True
    title: str = ""
    spec: str = ""
    merchant_code: str = ""
    platform_item_id: str = ""
    platform_sku_id: str = ""
    priority: int | None = None
    source: str = "manual"
    problems: list[str] = field(default_factory=list)


def _validate(data: MappingInput) -> list[str]:
    problems: list[str] = []
    offer_1688 = offer_id_from_ref(data.offer_id_1688) if data.offer_id_1688 else ""
    if data.offer_id_1688 and not offer_1688:
        problems.append(
            with_values(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "“{value}” is not a 1688 Offer ID or offer link (the digits of "
                    "detail.1688.com/offer/…html).",
                ),
                value=data.offer_id_1688,
            )
        )
    if not data.offer_id_1688 and data.offer_id is None:
        problems.append(
            QT_TRANSLATE_NOOP("Errors", "Give the 1688 Offer ID (or pick one of your offers).")
        )
    if not 1 <= int(data.quantity_factor) <= 1000:
        problems.append(
            with_values(
                QT_TRANSLATE_NOOP("Errors", "The pieces per item must be 1–1000 (got {value})."),
                value=data.quantity_factor,
            )
        )
    if data.spec_id_1688 and not data.spec_id_1688.strip().isalnum():
        problems.append(
            with_values(
                QT_TRANSLATE_NOOP("Errors", "“{value}” is not a 1688 spec id."),
                value=data.spec_id_1688,
            )
        )
    if not data.listing_key:
        problems.append(
            QT_TRANSLATE_NOOP(
                "Errors", "The shop listing has no item id, 商家编码 or title to be recognised by."
            )
        )
    return problems


def _fill_listing(data: MappingInput) -> None:
    """Give a target typed for a known listing that listing's names (the file shows them)."""
    if data.title or data.merchant_code or data.platform_item_id or data.platform_sku_id:
        return
    row = db.execute_sql(
        "SELECT title, spec, merchant_code, platform_item_id, platform_sku_id FROM sku_mapping"
        " WHERE shop_id = ? AND listing_key = ? ORDER BY priority LIMIT 1",
        (data.shop_id, data.listing_key),
    ).fetchone()
    if row is not None:
        data.title, data.spec, data.merchant_code, data.platform_item_id = row[:4]
        data.platform_sku_id = row[4]
        return
    kind, _sep, rest = data.listing_key.partition(":")
    value, _bar, spec = rest.partition("|")
    data.spec = spec
    if kind == "sku":
        data.platform_sku_id = value
    elif kind == "item":
        data.platform_item_id = value
    elif kind == "code":
        data.merchant_code = value
    else:
        data.title = value


def _upsert(data: MappingInput, mapping_id: int | None, now: int) -> int:
    _fill_listing(data)
    offer_1688 = offer_id_from_ref(data.offer_id_1688) if data.offer_id_1688 else ""
    offer_id, product_id = data.offer_id, None
    if offer_id is None:
        offer_id, product_id = _local_offer(offer_1688)
    else:
        row = db.execute_sql(
            "SELECT product_id, offer_ref FROM offer WHERE id = ?", (offer_id,)
        ).fetchone()
        if row is None:
            raise _error(QT_TRANSLATE_NOOP("Errors", "The chosen offer no longer exists."))
        product_id = row[0]
        offer_1688 = offer_1688 or offer_id_from_ref(row[1] or "")
    tkey = target_key(offer_1688, data.spec_id_1688.strip(), offer_id)
    state = CONFIRMED if data.confirmed else PROPOSED
    clash = db.execute_sql(
        "SELECT id FROM sku_mapping WHERE shop_id = ? AND listing_key = ? AND target_key = ?",
        (data.shop_id, data.listing_key, tkey),
    ).fetchone()
    if clash is not None and clash[0] != mapping_id:
        mapping_id = clash[0]
    if mapping_id is None:
        priority = data.priority
        if priority is None:
            row = db.execute_sql(
                "SELECT max(priority) FROM sku_mapping WHERE shop_id = ? AND listing_key = ?",
                (data.shop_id, data.listing_key),
            ).fetchone()
            priority = (row[0] + 1) if row and row[0] is not None else 0
        cursor = db.execute_sql(
            "INSERT INTO sku_mapping (shop_id, listing_key, platform_item_id, platform_sku_id,"
            " merchant_code, title, spec, product_id, offer_id, offer_id_1688, spec_id_1688,"
            " spec_text_1688, target_key, quantity_factor, priority, state, source,"
            " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            " ?, ?)",
            (
                data.shop_id,
                data.listing_key,
                data.platform_item_id,
                data.platform_sku_id,
                data.merchant_code,
                data.title,
                data.spec,
                product_id,
                offer_id,
                offer_1688,
                data.spec_id_1688.strip(),
                data.spec_text_1688.strip(),
                tkey,
                int(data.quantity_factor),
                priority,
                state,
                data.source,
                now,
                now,
            ),
        )
        new_id = int(cursor.lastrowid)
        audit("sku_mapping", new_id, "create", after={"listing": data.listing_key, "target": tkey})
        return new_id
    before = db.execute_sql(
        "SELECT target_key, quantity_factor, state, priority FROM sku_mapping WHERE id = ?",
        (mapping_id,),
    ).fetchone()
    if before is None:
        raise _error(QT_TRANSLATE_NOOP("Errors", "This mapping no longer exists."))
    priority = before[3] if data.priority is None else data.priority
    db.execute_sql(
        "UPDATE sku_mapping SET product_id = ?, offer_id = ?, offer_id_1688 = ?, spec_id_1688 = ?,"
        " spec_text_1688 = ?, target_key = ?, quantity_factor = ?, state = ?, priority = ?,"
        " updated_at = ? WHERE id = ?",
        (
            product_id,
            offer_id,
            offer_1688,
            data.spec_id_1688.strip(),
            data.spec_text_1688.strip(),
            tkey,
            int(data.quantity_factor),
            state,
            priority,
            now,
            mapping_id,
        ),
    )
    after = (tkey, int(data.quantity_factor), state, priority)
    if tuple(before) != after:
        audit(
            "sku_mapping",
            mapping_id,
            "update",
            before=dict(zip(("target", "factor", "state", "priority"), before, strict=True)),
            after=dict(zip(("target", "factor", "state", "priority"), after, strict=True)),
        )
    return int(mapping_id)


@write_op
def save_mapping(data: MappingInput, mapping_id: int | None = None) -> Changes:
    """Create or change one target of a listing (confirmed unless asked otherwise).

    Raises:
        ValidationError-like UserError: The offer id, spec id or factor is not valid.
    """
    problems = _validate(data)
    if problems:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "The mapping was not saved: {problems}"),
            problems=" ".join(problems),
        )
    saved = _renumber_after(_upsert(data, mapping_id, now_epoch()))
    return Changes.of(
        "sku_mapping",
        ids={"sku_mapping": [saved]},
        created_id=saved,
        message=QT_TRANSLATE_NOOP("Messages", "Mapping saved."),
    )


def _renumber_after(mapping_id: int) -> int:
    row = db.execute_sql(
        "SELECT shop_id, listing_key FROM sku_mapping WHERE id = ?", (mapping_id,)
    ).fetchone()
    if row:
        _renumber(row[0], row[1])
    return mapping_id


def _renumber(shop_id: int, listing_key: str, order: Sequence[int] | None = None) -> None:
    ids = order or [
        r[0]
        for r in db.execute_sql(
            "SELECT id FROM sku_mapping WHERE shop_id = ? AND listing_key = ?"
            " ORDER BY priority, id",
            (shop_id, listing_key),
        )
    ]
    db.connection().executemany(
        "UPDATE sku_mapping SET priority = ? WHERE id = ?", [(i, m) for i, m in enumerate(ids)]
    )


@write_op
def confirm_mappings(mapping_ids: Iterable[int]) -> Changes:
    """Confirm proposed mappings: from now on the queue uses them without asking."""
    ids = sorted(set(mapping_ids))
    now = now_epoch()
    done = []
    for mapping_id in ids:
        row = db.execute_sql("SELECT state FROM sku_mapping WHERE id = ?", (mapping_id,)).fetchone()
        if row is None or row[0] == CONFIRMED:
            continue
        db.execute_sql(
            "UPDATE sku_mapping SET state = ?, updated_at = ? WHERE id = ?",
            (CONFIRMED, now, mapping_id),
        )
        audit(
            "sku_mapping",
            mapping_id,
            "confirm",
            before={"state": row[0]},
            after={"state": CONFIRMED},
        )
        done.append(mapping_id)
    return _changes(
        done, QT_TRANSLATE_NOOP("Messages", "{count} mapping(s) confirmed."), count=len(done)
    )


@write_op
def delete_mapping(mapping_id: int) -> Changes:
    """Remove one target of a listing (the others move up)."""
    row = db.execute_sql(
        "SELECT shop_id, listing_key, target_key FROM sku_mapping WHERE id = ?", (mapping_id,)
    ).fetchone()
    if row is None:
        raise _error(QT_TRANSLATE_NOOP("Errors", "This mapping no longer exists."))
    db.execute_sql("DELETE FROM sku_mapping WHERE id = ?", (mapping_id,))
    _renumber(row[0], row[1])
    audit("sku_mapping", mapping_id, "delete", before={"listing": row[1], "target": row[2]})
    return _changes([mapping_id], QT_TRANSLATE_NOOP("Messages", "Mapping removed."))


@write_op
def move_mapping(mapping_id: int, delta: int) -> Changes:
    """Move a target up (``delta < 0``) or down among its listing's targets (main = first)."""
    row = db.execute_sql(
        "SELECT shop_id, listing_key FROM sku_mapping WHERE id = ?", (mapping_id,)
    ).fetchone()
    if row is None:
        raise _error(QT_TRANSLATE_NOOP("Errors", "This mapping no longer exists."))
    ids = [
        r[0]
        for r in db.execute_sql(
            "SELECT id FROM sku_mapping WHERE shop_id = ? AND listing_key = ? ORDER BY priority, id",
            row,
        )
    ]
    index = ids.index(mapping_id)
    target = max(0, min(len(ids) - 1, index + delta))
    if target == index:
        return Changes.of()
    ids.insert(target, ids.pop(index))
    _renumber(row[0], row[1], ids)
    audit(
        "sku_mapping", mapping_id, "reorder", before={"priority": index}, after={"priority": target}
    )
    return _changes(ids, QT_TRANSLATE_NOOP("Messages", "Backup order changed."))


# ---- the mapping view's listings -----------------------------------------------------------


@dataclass(frozen=True)
class ListingRow:
    """One shop listing in the mapping view."""

    shop_id: int
    shop_name: str
    platform: str
    listing_key: str
    title: str
    spec: str
    merchant_code: str
    platform_item_id: str
    waiting_orders: int
    state: str  # "unmapped", "proposed" or "confirmed"
    main_target: str
    targets: int
    product_id: int | None = None


_STATE_ORDER = {"unmapped": 0, "proposed": 1, "confirmed": 2}


def waiting_line_rows(limit_orders: int | None = None) -> list[tuple[Any, ...]]:
    """Lines of paid shop orders that wait for a 1688 order (none live, none being placed)."""
    sql = (
        "SELECT l.id, o.shop_id, l.platform_item_id, l.platform_sku_id, l.sku, l.title, l.spec,"
        " o.id, l.product_id FROM sales_order o INDEXED BY sales_order_to_purchase"
        " JOIN sales_order_line l ON l.sales_order_id = o.id WHERE o.status = 'paid'"
        " AND (o.supplier_status IS NULL OR o.supplier_status IN ('cancel', 'terminated'))"
        " AND NOT EXISTS (SELECT 1 FROM supplier_order s"
        f" WHERE s.sales_order_id = o.id AND s.status NOT IN ({_closed_marks()}))"
        " AND NOT EXISTS (SELECT 1 FROM purchase_attempt a WHERE a.sales_order_id = o.id"
        " AND a.state IN ('recorded', 'sent', 'number_pending', 'unknown'))"
    )
    params: list[Any] = list(_CLOSED)
    if limit_orders is not None:
        sql += " LIMIT ?"
        params.append(limit_orders)
    return db.execute_sql(sql, params).fetchall()


def listing_rows() -> list[ListingRow]:
    """Shop listings for the mapping view: unmapped first, by how many orders wait on them.

    Every listing of a waiting order's line (grouped by the key its mapping is stored under, or
    its most specific key), plus every listing that has a mapping.
    """
    shops = {r[0]: (r[1], r[2]) for r in db.execute_sql("SELECT id, name, platform FROM shop")}
    rows = waiting_line_rows()
    lines = []
    info: dict[int, tuple[Any, ...]] = {}
    for line_id, shop_id, item, sku_id, code, title, spec, order_id, product_id in rows:
        keys = listing_keys(
            platform_sku_id=sku_id,
            platform_item_id=item,
            merchant_code=code,
            title=title,
            spec=spec,
        )
        if keys:
            lines.append(LineListing(line_id, shop_id, tuple(keys)))
            info[line_id] = (shop_id, item, code, title, spec, order_id, product_id, keys[0])
    mapped = line_mappings(lines)
    groups: dict[tuple[int, str], dict[str, Any]] = {}
    for line in lines:
        shop_id, item, code, title, spec, order_id, product_id, first_key = info[line.line_id]
        targets = mapped.get(line.line_id)
        key = targets[0].listing_key if targets else first_key
        group = groups.setdefault(
            (shop_id, key),
            {
                "title": title,
                "spec": spec,
                "code": code,
                "item": item,
                "orders": set(),
                "product_id": product_id,
            },
        )
        group["orders"].add(order_id)
    all_targets: dict[tuple[int, str], list[MappingRow]] = {}
    for r in db.execute_sql(
        _MAPPING_SELECT + " ORDER BY m.shop_id, m.listing_key, m.priority, m.id"
    ):
        row = _mapping(r)
        all_targets.setdefault((row.shop_id, row.listing_key), []).append(row)
        groups.setdefault(
            (row.shop_id, row.listing_key),
            {
                "title": row.title,
                "spec": row.spec,
                "code": row.merchant_code,
                "item": row.platform_item_id,
                "orders": set(),
                "product_id": row.product_id,
            },
        )
    result = []
    for (shop_id, key), group in groups.items():
        targets = all_targets.get((shop_id, key), [])
        if not targets:
            state = "unmapped"
        elif any(t.confirmed for t in targets):
            state = "confirmed"
        else:
            state = PROPOSED
        main = targets[0] if targets else None
        main_text = ""
        if main is not None:
            main_text = main.product_title or main.offer_id_1688
            if main.spec_text_1688:
                main_text += f" · {main.spec_text_1688}"
            if main.quantity_factor > 1:
                main_text += f" ×{main.quantity_factor}"
        shop_name, platform = shops.get(shop_id, ("", ""))
        result.append(
            ListingRow(
                shop_id,
                shop_name,
                platform,
                key,
                group["title"],
                group["spec"],
                group["code"],
                group["item"],
                len(group["orders"]),
                state,
                main_text,
                len(targets),
                group["product_id"],
            )
        )
    result.sort(key=lambda r: (_STATE_ORDER[r.state], -r.waiting_orders, r.shop_name, r.title))
    return result


# ---- import / export -----------------------------------------------------------------------

#: Columns of the mapping file (Chinese headers, as sellers edit it in Excel/WPS).
MAPPING_HEADERS = (
    "店铺",
    "商品ID",
    "SKU ID",
    "商家编码",
    "商品标题",
    "规格",
    "1688商品ID",
    "1688规格ID",
    "1688规格",
    "每件数量",
    "优先级",
    "状态",
)
_ENGLISH_HEADERS = (
    "shop",
    "item id",
    "sku id",
    "merchant code",
    "title",
    "spec",
    "1688 offer id",
    "1688 spec id",
    "1688 spec",
    "pieces per item",
    "priority",
    "state",
)
_STATE_TEXT = {CONFIRMED: "已确认", PROPOSED: "待确认"}
_STATE_PARSE = {
    "已确认": CONFIRMED,
    "确认": CONFIRMED,
    "confirmed": CONFIRMED,
    "待确认": PROPOSED,
    "proposed": PROPOSED,
    "": CONFIRMED,
}


def export_mappings(path: str | os.PathLike[str]) -> int:
    """Write every mapping to an XLSX or CSV file (by the name's suffix); returns the rows."""
    from ..tabular.writer import write_csv

    rows = [
        (
            shop,
            m.platform_item_id,
            m.platform_sku_id,
            m.merchant_code,
            m.title,
            m.spec,
            m.offer_id_1688,
            m.spec_id_1688,
            m.spec_text_1688,
            m.quantity_factor,
            m.priority,
            _STATE_TEXT.get(m.state, m.state),
        )
        for shop, m in (
            (r[-1], _mapping(r[:-1]))
            for r in db.execute_sql(
                _MAPPING_SELECT.replace(
                    " FROM sku_mapping m",
                    ", (SELECT name FROM shop WHERE id = m.shop_id) FROM sku_mapping m",
                )
                + " ORDER BY m.shop_id, m.listing_key, m.priority"
            )
        )
    ]
    target = Path(path)
    if target.suffix.lower() == ".csv":
        write_csv(target, MAPPING_HEADERS, rows)
    else:
        from .shipping import write_text_xlsx

        write_text_xlsx(target, MAPPING_HEADERS, rows, "商品关联")
    return len(rows)


def _column_index(headers: Sequence[str]) -> dict[str, int]:
    index: dict[str, int] = {}
    for i, header in enumerate(headers):
        text = header.strip()
        if text in MAPPING_HEADERS:
            index[text] = i
        elif text.casefold() in _ENGLISH_HEADERS:
            index[MAPPING_HEADERS[_ENGLISH_HEADERS.index(text.casefold())]] = i
    return index


@write_op
def import_mappings(path: str | os.PathLike[str]) -> Changes:
    """Read a mapping file (as :func:`export_mappings` writes it) — all rows or none.

    Rows are matched by shop, listing and 1688 offer + spec: known ones are updated (factor,
    priority, state), new ones added. Typed rows count as confirmed unless 状态 says 待确认.

    Raises:
        UserError: The file is not a mapping file, or a row is wrong (every problem is listed
            with its row number; nothing is written).
    """
    from ..tabular.cells import strip_wrappers
    from ..tabular.reader import TableError, read_table

    try:
        table = read_table(path)
    except TableError as exc:
        raise UserError(exc.text) from exc
    columns = _column_index(table.headers)
    required = ("店铺", "1688商品ID")
    if any(r not in columns for r in required) or not (
        {"商品ID", "SKU ID", "商家编码", "商品标题"} & set(columns)
    ):
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{file} is not a mapping file: it needs the columns 店铺, 1688商品ID and at least "
                "one of 商品ID, SKU ID, 商家编码, 商品标题 (export the mapping table to get one).",
            ),
            file=Path(path).name,
        )
    shops = {r[1]: r[0] for r in db.execute_sql("SELECT id, name FROM shop")}

    def cell(row: list[str], name: str) -> str:
        # Long ids come wrapped the way Excel keeps them as text (="…", as our CSV writes them).
        i = columns.get(name)
        return strip_wrappers(row[i]) if i is not None and i < len(row) else ""

    problems: list[str] = []
    inputs: list[MappingInput] = []
    for row, number in zip(
        table.rows, table.row_numbers or range(2, len(table.rows) + 2), strict=False
    ):
        shop_name = cell(row, "店铺")
        shop_id = shops.get(shop_name)
        row_problems: list[str] = []
        if shop_id is None:
            row_problems.append(
                with_values(QT_TRANSLATE_NOOP("Errors", "no shop named “{shop}”"), shop=shop_name)
            )
        factor_text = cell(row, "每件数量") or "1"
        priority_text = cell(row, "优先级")
        state = _STATE_PARSE.get(cell(row, "状态").casefold())
        if state is None:
            row_problems.append(
                with_values(
                    QT_TRANSLATE_NOOP("Errors", "状态 must be 已确认 or 待确认 (got “{value}”)"),
                    value=cell(row, "状态"),
                )
            )
        if not factor_text.isdigit():
            row_problems.append(
                with_values(
                    QT_TRANSLATE_NOOP("Errors", "每件数量 must be a whole number (got “{value}”)"),
                    value=factor_text,
                )
            )
        if priority_text and not priority_text.isdigit():
            row_problems.append(
                with_values(
                    QT_TRANSLATE_NOOP("Errors", "优先级 must be a whole number (got “{value}”)"),
                    value=priority_text,
                )
            )
        keys = listing_keys(
            platform_sku_id=cell(row, "SKU ID"),
            platform_item_id=cell(row, "商品ID"),
            merchant_code=cell(row, "商家编码"),
            title=cell(row, "商品标题"),
            spec=cell(row, "规格"),
        )
        data = MappingInput(
            shop_id=shop_id or 0,
            listing_key=keys[0] if keys else "",
            offer_id_1688=cell(row, "1688商品ID"),
            spec_id_1688=cell(row, "1688规格ID"),
            spec_text_1688=cell(row, "1688规格"),
            quantity_factor=int(factor_text) if factor_text.isdigit() else 1,
            confirmed=state != PROPOSED,
            title=cell(row, "商品标题"),
            spec=cell(row, "规格"),
            merchant_code=cell(row, "商家编码"),
            platform_item_id=cell(row, "商品ID"),
            platform_sku_id=cell(row, "SKU ID"),
            priority=int(priority_text) if priority_text.isdigit() else None,
            source="import",
        )
        row_problems.extend(_validate(data))
        if row_problems:
            problems.append(
                with_values(
                    QT_TRANSLATE_NOOP("Errors", "Row {row}: {problems}"),
                    row=number,
                    problems="; ".join(row_problems),
                )
            )
        inputs.append(data)
    if problems:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "Nothing was imported from {file}. Correct these rows and import it again:\n"
                "{problems}",
            ),
            file=Path(path).name,
            problems="\n".join(problems[:20]),
        )
    now = now_epoch()
    ids = [_upsert(data, None, now) for data in inputs]
    for listing in {(d.shop_id, d.listing_key) for d in inputs}:
        _renumber(*listing)
    return _changes(
        ids, QT_TRANSLATE_NOOP("Messages", "{count} mapping(s) imported."), count=len(ids)
    )
