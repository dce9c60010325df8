"""What the order list asks of the DB worker: the first screen and every id of a filter.

Both run on the worker (``fn(ctx, *args)`` jobs) and hand the UI thread rows already read and
rendered, so that after a search, sort or view switch the UI thread only paints.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass, field
from typing import Any

from ...context import AppContext
from ...store.order_queries import (
    OrderFilter,
    cached_order_ids,
    fetch_rows,
    first_page_rows,
    order_ids,
)
from ..models.order_list import DisplayRow, find_row, read_pages, render_rows

__all__ = ["AllIds", "FirstScreen", "all_ids", "first_screen"]


@dataclass(frozen=True)
class FirstScreen:
    """What the DB worker hands the list first after a search, sort or view switch."""

    ids: array
    rows: dict[int, Any]
    #: Those rows rendered (the first paint then only looks cells up).
    shown: dict[int, DisplayRow]
    #: Whether *ids* is the whole list (else its first page; all the ids follow).
    complete: bool
    #: With the whole list: the row of the order kept selected and the pages around it.
    kept_row: int = -1
    pages: dict[int, tuple[list[Any], list[DisplayRow | None]]] = field(default_factory=dict)


def first_screen(ctx: AppContext, flt: OrderFilter, limit: int, keep_id: int | None) -> FirstScreen:
    """On the DB worker: the first ids of *flt*, their rows, and those rows rendered — or, when
    the worker already holds every id of *flt* (a cleared search), all of them at once: the
    list is then reset and painted once, not painted for a page and again when the rest comes."""
    ids = cached_order_ids(flt)
    if ids is None:
        ids, rows = first_page_rows(flt, limit)
        return FirstScreen(ids, rows, render_rows(rows), complete=False)
    rows = fetch_rows(ids[:limit], flt.now)
    kept_row = find_row(ids, keep_id) if keep_id is not None else -1
    pages = read_pages(ids, kept_row, flt.now) if kept_row >= 0 else {}
    return FirstScreen(ids, rows, render_rows(rows), True, kept_row, pages)


@dataclass(frozen=True)
class AllIds:
    """What the DB worker hands the list once a filter's full id list is known."""

    ids: array
    #: The row of the order kept selected (-1: not in the list, or none kept).
    row: int
    #: The pages around that row, read and rendered (:func:`read_pages`).
    pages: dict[int, tuple[list[Any], list[DisplayRow | None]]]


def all_ids(ctx: AppContext, flt: OrderFilter, keep_id: int | None) -> AllIds:
    """On the DB worker: every id of *flt*, where the kept order is, and the rows around it (the
    list then scrolls to it without a search or a query on the UI thread)."""
    ids = order_ids(flt)
    row = find_row(ids, keep_id) if keep_id is not None else -1
    return AllIds(ids, row, read_pages(ids, row, flt.now) if row >= 0 else {})
