"""Mapping rows: what a mapping is (listing → 1688 offer + spec), its states, and reading them."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ...domain.enums import CLOSED_1688_STATUSES
from ...errors import UserError
from ...store.db import execute_sql
from ..base import Changes

__all__ = ["MappingRow", "line_mappings", "mappings_of_listing"]

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
        for r in execute_sql(
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
        for r in execute_sql(
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


# ---- the seller's edits --------------------------------------------------------------------


def _error(message: str, **params: object) -> UserError:
    return UserError(message, **params)


def _changes(ids: Iterable[int], message: str, **params: object) -> Changes:
    return Changes.of(
        "sku_mapping", ids={"sku_mapping": list(ids)}, message=message, message_params=params
    )


# ---- the mapping view's listings -----------------------------------------------------------


_STATE_ORDER = {"unmapped": 0, "proposed": 1, "confirmed": 2}


# ---- import / export -----------------------------------------------------------------------

_STATE_TEXT = {CONFIRMED: "已确认", PROPOSED: "待确认"}
