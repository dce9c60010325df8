"""Editing the mapping table: save (validated), confirm, delete and reorder a listing's mappings."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ...domain.fulfilment import offer_id_from_ref
from ...domain.timeutil import now_epoch
from ...errors import UserError
from ...i18n import QT_TRANSLATE_NOOP, with_values
from ...store.db import connection, execute_sql
from ..base import Changes, audit, write_op
from .proposals import _local_offer
from .rows import CONFIRMED, PROPOSED, _changes, _error, target_key

__all__ = ["MappingInput", "confirm_mappings", "delete_mapping", "move_mapping", "save_mapping"]


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
    row = execute_sql(
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
        row = execute_sql(
            "SELECT product_id, offer_ref FROM offer WHERE id = ?", (offer_id,)
        ).fetchone()
        if row is None:
            raise _error(QT_TRANSLATE_NOOP("Errors", "The chosen offer no longer exists."))
        product_id = row[0]
        offer_1688 = offer_1688 or offer_id_from_ref(row[1] or "")
    tkey = target_key(offer_1688, data.spec_id_1688.strip(), offer_id)
    state = CONFIRMED if data.confirmed else PROPOSED
    clash = execute_sql(
        "SELECT id FROM sku_mapping WHERE shop_id = ? AND listing_key = ? AND target_key = ?",
        (data.shop_id, data.listing_key, tkey),
    ).fetchone()
    if clash is not None and clash[0] != mapping_id:
        mapping_id = clash[0]
    if mapping_id is None:
        priority = data.priority
        if priority is None:
            row = execute_sql(
                "SELECT max(priority) FROM sku_mapping WHERE shop_id = ? AND listing_key = ?",
                (data.shop_id, data.listing_key),
            ).fetchone()
            priority = (row[0] + 1) if row and row[0] is not None else 0
        cursor = execute_sql(
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
    before = execute_sql(
        "SELECT target_key, quantity_factor, state, priority FROM sku_mapping WHERE id = ?",
        (mapping_id,),
    ).fetchone()
    if before is None:
        raise _error(QT_TRANSLATE_NOOP("Errors", "This mapping no longer exists."))
    priority = before[3] if data.priority is None else data.priority
    execute_sql(
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
    row = execute_sql(
        "SELECT shop_id, listing_key FROM sku_mapping WHERE id = ?", (mapping_id,)
    ).fetchone()
    if row:
        _renumber(row[0], row[1])
    return mapping_id


def _renumber(shop_id: int, listing_key: str, order: Sequence[int] | None = None) -> None:
    ids = order or [
        r[0]
        for r in execute_sql(
            "SELECT id FROM sku_mapping WHERE shop_id = ? AND listing_key = ?"
            " ORDER BY priority, id",
            (shop_id, listing_key),
        )
    ]
    connection().executemany(
        "UPDATE sku_mapping SET priority = ? WHERE id = ?", [(i, m) for i, m in enumerate(ids)]
    )


@write_op
def confirm_mappings(mapping_ids: Iterable[int]) -> Changes:
    """Confirm proposed mappings: from now on the queue uses them without asking."""
    ids = sorted(set(mapping_ids))
    now = now_epoch()
    done = []
    for mapping_id in ids:
        row = execute_sql("SELECT state FROM sku_mapping WHERE id = ?", (mapping_id,)).fetchone()
        if row is None or row[0] == CONFIRMED:
            continue
        execute_sql(
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
    row = execute_sql(
        "SELECT shop_id, listing_key, target_key FROM sku_mapping WHERE id = ?", (mapping_id,)
    ).fetchone()
    if row is None:
        raise _error(QT_TRANSLATE_NOOP("Errors", "This mapping no longer exists."))
    execute_sql("DELETE FROM sku_mapping WHERE id = ?", (mapping_id,))
    _renumber(row[0], row[1])
    audit("sku_mapping", mapping_id, "delete", before={"listing": row[1], "target": row[2]})
    return _changes([mapping_id], QT_TRANSLATE_NOOP("Messages", "Mapping removed."))


@write_op
def move_mapping(mapping_id: int, delta: int) -> Changes:
    """Move a target up (``delta < 0``) or down among its listing's targets (main = first)."""
    row = execute_sql(
        "SELECT shop_id, listing_key FROM sku_mapping WHERE id = ?", (mapping_id,)
    ).fetchone()
    if row is None:
        raise _error(QT_TRANSLATE_NOOP("Errors", "This mapping no longer exists."))
    ids = [
        r[0]
        for r in execute_sql(
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
