"""Import platform order exports: shop orders (Taobao/Tmall, Pinduoduo, Douyin) and 1688 purchases.

Two steps, so the user sees what will happen before anything is written:

1. :func:`preview_import` reads the file (:mod:`dropship_desktop.tabular`), detects the layout or
   applies a column mapping, and maps every row to a typed record. It writes nothing.
2. :func:`commit_import` writes the preview in **one** IMMEDIATE transaction. Any error, a
   cancellation or a crash rolls everything back: the database is left exactly as it was.

Re-importing a file (or a newer export of the same orders) updates the orders it already holds
(status, logistics, payment time) instead of adding them again: shop orders are keyed by
``(shop_id, shop_order_no)``, 1688 orders by ``order_id_1688``. Status changes of existing orders
are recorded as audit events on those orders, so their timeline shows them.

The write is the hot path: plain tuples and the raw connection's ``executemany``, no ORM objects.
For big imports the full-text insert trigger is dropped inside the transaction and the new rows are
indexed with one ``INSERT … SELECT``; the trigger is re-created before the commit, and a rollback
restores it with everything else.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from ...domain.enums import SalesStatus, SupplierStatus
from ...domain.orders import DEFAULT_SHIP_WITHIN_HOURS
from ...domain.timeutil import now_epoch
from ...errors import UserError
from ...i18n import QT_TRANSLATE_NOOP
from ...store.db import connection
from ...tabular.orders_formats import (
    OrderRecord,
)
from ..orders import refresh_order_summaries

__all__ = ["ImportCancelledError", "ProgressCallback"]

#: Called from the worker thread with (phase, done, total); phase is an English word.
ProgressCallback = Callable[[str, int, int], None]


_REFUND_STATUSES = frozenset({SalesStatus.REFUNDING.value, SalesStatus.REFUNDED.value})

_CLOSED_SALES = (SalesStatus.CANCELLED.value, SalesStatus.REFUNDED.value)
_SHIP_WITHIN_S = DEFAULT_SHIP_WITHIN_HOURS * 3600


@contextmanager
def _bulk_gc() -> Iterator[None]:
    """Keep the cyclic GC from stalling the UI thread during and after bulk work.

    Reading, mapping and writing build millions of acyclic objects (rows, records, tuples) that
    reference counting frees. With the collector running they are scanned again and again; a
    collection right after re-enabling it would walk them all at once, holding the GIL for
    well over 100 ms and freezing the UI thread. So collection is paused, and what was built
    is moved to the permanent generation (``gc.freeze``) before it is re-enabled: it is still
    freed by reference counting, just never scanned for cycles.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.freeze()
            gc.enable()


_FILE_PROBLEM = QT_TRANSLATE_NOOP("Errors", "{name}: {problem}")


class ImportCancelledError(UserError):
    """The user cancelled the import; nothing was written."""

    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("Errors", "The import was cancelled. Nothing was imported.")
        )


# --- preview ----------------------------------------------------------------------------------


#: What the preview shows for a receiver field the platform hid.
HIDDEN_BY_PLATFORM = QT_TRANSLATE_NOOP("Import", "hidden by the platform")


# --- shops ----------------------------------------------------------------------------------


# --- commit -----------------------------------------------------------------------------------


class _WholeFileNeeded(UserError):
    """A streamed file turned out to need reading whole first (see :func:`_order_blocks`).

    :func:`import_orders_file` catches it and imports the file again, read whole (through
    :func:`commit_import` alone it reaches the user, who can import the file again).
    """

    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Errors", "The file has to be read whole first. Nothing was imported; try again."
            )
        )


def _chunks(items: Sequence[Any], size: int) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _drain(items: list[Any], size: int) -> Iterator[list[Any]]:
    """Chunks of *items*, each removed from the list once used.

    Memory is given back a chunk at a time: freeing a list of 100k row tuples in one go is one
    C call that holds the GIL (and so freezes the UI thread) for tens of milliseconds.
    """
    while items:
        yield items[:size]
        del items[:size]


def _write_chunks(
    conn: Any,
    sql: str,
    rows: list[tuple[Any, ...]],
    size: int,
    cancelled: Callable[[], bool],
    written: Callable[[int], None] | None = None,
) -> int:
    """Insert *rows* (emptied on the way, see :func:`_drain`) *size* at a time.

    Args:
        written: Told how many rows are in after each chunk, to report progress.

    Returns:
        How many rows were inserted.

    Raises:
        ImportCancelledError: *cancelled* said yes between two chunks.
    """
    done = 0
    for part in _drain(rows, size):
        conn.executemany(sql, part)
        done += len(part)
        if written is not None:
            written(done)
        if cancelled():
            raise ImportCancelledError()
    return done


def _first(lines: Sequence[OrderRecord], name: str) -> str:
    for line in lines:
        value = getattr(line, name)
        if value:
            return value
    return ""


def _sale_fen(lines: Sequence[OrderRecord], name: str = "amount_fen") -> int:
    """The order's amount paid (or *name*: another amount), from per-line amounts or an order
    total repeated on each line."""
    amounts = [getattr(r, name) for r in lines if getattr(r, name) is not None]
    if not amounts:
        return sum((r.unit_price_fen or 0) * (r.quantity or 1) for r in lines)
    if len(lines) > 1 and len(amounts) == len(lines) and len(set(amounts)) == 1:
        # Some exports repeat the order total on every line of the order. If one line's
        # amount already covers all lines' goods, it is that total.
        goods = sum((r.unit_price_fen or 0) * (r.quantity or 1) for r in lines)
        if goods and amounts[0] >= goods:
            return amounts[0]
    return sum(amounts)


def _order_value(lines: Sequence[OrderRecord], status: str) -> int:
    """What the order is worth: the amount paid, or for an unpaid order the amount payable."""
    sale = _sale_fen(lines)
    if not sale and status == SalesStatus.WAIT_PAY.value:
        return _sale_fen(lines, "payable_fen")
    return sale


def _epoch(value: datetime | None) -> int | None:
    return None if value is None else int(value.timestamp())


def _status_code(status: SalesStatus | SupplierStatus | None) -> str:
    if isinstance(status, SupplierStatus):
        return status.raw
    return status.value if status is not None else ""


def _json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


_AUDIT_SQL = (
    "INSERT INTO audit_event (at, actor, entity, entity_id, sales_order_id, action, before, after)"
    " VALUES (?, 'local', ?, ?, ?, ?, ?, ?)"
)


def _status_audit(
    entity: str, entity_id: int, sales_order_id: int | None, old: str, new: str, file_name: str
) -> tuple[str, int | None, int | None, str, str, str]:
    """The audit row (for :func:`_audit_rows`) of a status changed by an imported file."""
    return (
        entity,
        entity_id,
        sales_order_id,
        "status_imported",
        _json({"status": old}),
        _json({"status": new, "file": file_name}),
    )


def _audit_rows(rows: Sequence[tuple[str, int | None, int | None, str, str, str]]) -> None:
    """Bulk audit events: (entity, entity_id, sales_order_id, action, before json, after json)."""
    if rows:
        at = now_epoch()
        connection().executemany(_AUDIT_SQL, [(at, *row) for row in rows])


# --- shop orders ----------------------------------------------------------------------------


_NO_TIME = datetime.min.replace(tzinfo=UTC)


def _first_time(lines: Sequence[OrderRecord], name: str) -> datetime | None:
    for line in lines:
        value = getattr(line, name)
        if value is not None:
            return value
    return None


# --- matching 1688 orders to sales orders -------------------------------------------------------


# --- 1688 orders -------------------------------------------------------------------------------


# --- order summaries ---------------------------------------------------------------------------


def _refresh_summaries(sales_order_ids: Iterable[int]) -> None:
    """Recompute supplier-side columns, profit and flags (MISMATCH etc.) of sales orders."""
    ids = sorted(set(sales_order_ids))
    if ids:
        refresh_order_summaries(ids)


def _learn_from_links(sales_order_ids: set[int]) -> None:
    """Fulfilment: propose SKU mappings from the new links, close purchases awaiting a number."""
    if sales_order_ids:
        from ..purchasing import on_supplier_orders_linked

        on_supplier_orders_linked(sales_order_ids)
