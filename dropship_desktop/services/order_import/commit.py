"""Committing a preview: one transaction, chunk by chunk, cancellable, all or nothing."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from ...store.db import atomic, fresh_transaction
from ...tabular.orders_formats import (
    ColumnMapping,
)
from ..base import bulk_write_op
from ..risk_pending import write_pending_keys
from .base import (
    ImportCancelledError,
    ProgressCallback,
    _audit_rows,
    _bulk_gc,
    _json,
    _WholeFileNeeded,
)
from .preview import (
    ImportPreview,
    check_preview,
    preview_import,
)
from .shop_orders import _import_shop
from .shops import _ensure_shop, default_shop
from .summary import ImportChanges
from .supplier_orders import _import_1688
from .tuning import DEFAULT_TUNING, ImportTuning

__all__ = ["commit_import", "import_orders_file"]


def commit_import(
    preview: ImportPreview,
    *,
    shop_id: int | None = None,
    new_shop: tuple[str, str] | None = None,
    progress: ProgressCallback | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> ImportChanges:
    """Write a previewed import in one transaction (all or nothing).

    Args:
        preview: A preview without problems or errors.
        shop_id: The shop a shop export's orders belong to.
        new_shop: ``(platform, name)`` of a shop to create instead (shop exports only).
        progress: Called (on the calling thread) with (phase, done, total).
        should_cancel: Polled between chunks; when it returns true the import stops and
            everything is rolled back (:class:`ImportCancelledError`).

    Returns:
        The changes, with the :class:`ImportSummary`.

    Raises:
        UserError: The preview has errors, no shop was chosen, or the import was cancelled.
    """
    check_preview(preview)
    # The buyer keys an earlier big import left to the background go in first, on their own:
    # this import's scoring reads them through a second connection (risk_pending).
    write_pending_keys()
    return _commit(
        preview, shop_id=shop_id, new_shop=new_shop, progress=progress, should_cancel=should_cancel
    )


@bulk_write_op
def _commit(
    preview: ImportPreview,
    *,
    shop_id: int | None,
    new_shop: tuple[str, str] | None,
    progress: ProgressCallback | None,
    should_cancel: Callable[[], bool] | None,
) -> ImportChanges:
    # Taken before anything is written: a big import's fraud scoring reads other orders on a
    # second connection only if that connection misses nothing but this import's writes.
    beside = fresh_transaction()
    started = time.perf_counter()
    report = progress or (lambda _phase, _done, _total: None)
    cancelled = should_cancel or (lambda: False)
    # Many acyclic tuples are built below; the cyclic GC would walk them again and again.
    with _bulk_gc(), atomic():
        if preview.kind == "1688":
            summary, ids = _import_1688(preview, report, cancelled)
        else:
            shop = _ensure_shop(preview, shop_id, new_shop)
            summary, ids = _import_shop(preview, shop, report, cancelled, prepare_beside=beside)
        if cancelled():
            raise ImportCancelledError()
        summary = replace(summary, seconds=time.perf_counter() - started)
        _audit_rows(
            [
                (
                    "import",
                    None,
                    None,
                    "import_orders",
                    "",
                    _json(
                        {
                            "file": preview.file_name,
                            "format": preview.format or "custom",
                            "kind": preview.kind,
                            "rows": preview.row_count,
                            "created": summary.orders_created,
                            "updated": summary.orders_updated,
                            "unchanged": summary.orders_unchanged,
                            "matched": summary.matched,
                            "unmatched": summary.unmatched,
                        }
                    ),
                )
            ]
        )
    tables = ["sales_order", "audit_event"]
    if preview.kind == "1688" or summary.matched:
        tables.append("supplier_order")
    if preview.kind == "1688":
        tables.append("supplier")  # sellers seen for the first time become suppliers
    if (
        summary.orders_created or summary.lines_replaced or summary.amounts_changed
    ) and preview.kind == "shop":
        tables.append("sales_order_line")
    if new_shop is not None:
        tables.append("shop")
    return ImportChanges(
        tables=frozenset(tables),
        ids={"sales_order": frozenset(ids)},
        message=summary.message(),
        summary=summary,
    )


def import_orders_file(
    path: str | Path | ImportPreview,
    *,
    fmt: str | None = None,
    shop_name: str | None = None,
    mapping: ColumnMapping | None = None,
    progress: ProgressCallback | None = None,
    should_cancel: Callable[[], bool] | None = None,
    tuning: ImportTuning = DEFAULT_TUNING,
) -> ImportChanges:
    """Preview (unless given a preview) and commit a file in one go (the CLI's path).

    *tuning* applies to a file read here (a given preview carries its own).

    Raises:
        UserError: The file cannot be read, its layout is unknown, it has errors (all listed
            with row and column), the shop is ambiguous, or the import was cancelled. The
            database is unchanged in every case.
    """
    if isinstance(path, ImportPreview):
        preview = path
    else:
        preview = preview_import(path, fmt=fmt, mapping=mapping, defer_rows=True, tuning=tuning)
    if preview.streamed and not shop_name and "shop_name" in preview.mapping.fields:
        # Which shop the orders go to then depends on every shop name in the file.
        preview = _read_whole(preview)
    try:
        return _commit_file(preview, shop_name, progress, should_cancel)
    except _WholeFileNeeded:
        # Rolled back. Rare: lines of one order far apart in a streamed file. Read the whole
        # file first and import it again.
        return _commit_file(_read_whole(preview), shop_name, progress, should_cancel)


def _read_whole(preview: ImportPreview) -> ImportPreview:
    """The deferred preview of a streamed preview's file, read whole this time."""
    assert preview.source is not None  # only a file read by preview_import is streamed
    return preview_import(
        preview.source,
        mapping=preview.mapping,
        kind=preview.kind,
        defer_rows=True,
        stream=False,
        tuning=preview.tuning,
    )


def _commit_file(
    preview: ImportPreview,
    shop_name: str | None,
    progress: ProgressCallback | None,
    should_cancel: Callable[[], bool] | None,
) -> ImportChanges:
    check_preview(preview)
    shop_id: int | None = None
    new_shop: tuple[str, str] | None = None
    if preview.kind == "shop":
        shop_id, name = default_shop(preview, shop_name)
        if shop_id is None:
            new_shop = (preview.platforms()[0], name)
    return commit_import(
        preview,
        shop_id=shop_id,
        new_shop=new_shop,
        progress=progress,
        should_cancel=should_cancel,
    )
