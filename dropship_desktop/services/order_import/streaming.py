"""Streaming a shop export: mapping blocks of rows while the writer writes the previous ones (the CLI's one-go import)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from typing import Any

from ...errors import UserError
from ...store.bulk_orders import BulkOrderWriter
from ...store.db import BUSY_TIMEOUT_S, database_path, lossy_text
from ...tabular.cells import CellError
from ...tabular.duplicate_rows import drop_duplicate_rows
from ...tabular.orders_formats import (
    ColumnMapping,
    OrderRecord,
    RowError,
)
from ...tabular.row_mapping import (
    map_rows,
    mapped_columns,
    required_order_number,
)
from ...tabular.table import Table, TableError
from ..risk_engine import RiskBatch
from .base import _FILE_PROBLEM, _bulk_gc, _WholeFileNeeded
from .preview import (
    ImportPreview,
    _column_rank,
    _own_times,
    _validate,
    check_preview,
)

__all__ = []


def _order_blocks(
    preview: ImportPreview,
    size: int,
    last_rows: dict[str, int] | None,
    between: Callable[[], None] = lambda: None,
) -> Iterator[tuple[int, dict[str, list[OrderRecord]]]]:
    """Complete orders (all their lines) about *size* rows at a time, with the rows done so far.

    A mapped preview is cut into blocks. A deferred one is mapped here block by block, so its
    mapping overlaps the writing of the previous block. An order is handed on only once its
    last row is mapped: known from *last_rows* for a table read whole (lines of one order need
    not be adjacent); for a streamed file (read here block by block too) an order is taken
    as complete when a block ends past it. Should a streamed order's number come back later
    (lines far apart), :class:`_WholeFileNeeded` is raised (the caller's transaction rolls back
    and the file is imported again, read whole). A streamed preview is spent once this starts.
    Once a row has a problem nothing more is handed on, the remaining rows are still checked
    so that every problem is reported, and :class:`UserError` is raised at the end (the
    caller's transaction rolls back).

    Args:
        last_rows: For a deferred preview read whole, :func:`_last_rows` of its table.
        between: Called between the steps of a block (reading, mapping), so that the caller
            can keep its writer busy.
    """
    if not preview.deferred:
        orders = preview.orders
        numbers = list(orders)
        rows = 0
        for start in range(0, len(numbers), size):
            block = {n: orders[n] for n in numbers[start : start + size]}
            rows += sum(len(lines) for lines in block.values())
            yield rows, block
        return
    table = preview.table
    assert table is not None  # a deferred preview keeps its table
    streamed = table.rest is not None
    blocks: Iterable[tuple[list[list[str]], list[int]]]
    if streamed:
        blocks = _streamed_blocks(table, table.rest, preview.file_name)
        table.rest = None  # consumed here; the rows are let go block by block
        preview.spent = True
    else:
        blocks = (
            (table.rows[at : at + size], table.row_numbers[at : at + size])
            for at in range(0, len(table.rows), size)
        )
    handed: set[str] = set()  # streamed: numbers of the orders handed on so far
    pending: dict[str, list[OrderRecord]] = {}
    errors: list[RowError] = []
    cell_errors = (
        0  # as in the preview: cell errors are listed up to preview.tuning.preview_errors in all
    )
    truncated = False
    done = 0
    preview.duplicate_rows = 0
    one_row_per_order = preview.one_row_per_order
    for rows, numbers in blocks:
        between()
        done += len(rows)
        part = replace(table, rows=rows, row_numbers=numbers, rest=None)
        budget = max(0, preview.tuning.preview_errors - cell_errors)
        with _bulk_gc():
            result = map_rows(part, preview.mapping, preview.kind, max_errors=budget)
        between()
        cell_errors += len(result.errors)
        truncated = truncated or result.errors_truncated
        preview.summary_rows.extend(result.summary_rows)
        block_errors = list(result.errors)
        records = _validate(_own_times(result.records, preview), preview, block_errors)
        errors.extend(block_errors)
        if errors:
            pending.clear()  # nothing more is written; the rest is only checked
            continue
        for record in records:
            pending.setdefault(record.order_no, []).append(record)
        if streamed:
            if not handed.isdisjoint(pending):
                raise _WholeFileNeeded()
            # The order of the block's last row may go on in the next block.
            carry = records[-1].order_no if records else None
            kept = pending.pop(carry, None) if carry is not None else None
            complete, pending = pending, ({carry: kept} if kept is not None else {})
            handed.update(complete)
        else:
            assert last_rows is not None
            complete = {n: lines for n, lines in pending.items() if last_rows.get(n, -1) < done}
            for number in complete:
                del pending[number]
        # Rows repeating another row (exports put together): one order's rows are all here.
        dropped, conflicts = drop_duplicate_rows(
            complete, preview.mapping.fields, one_row_per_order=one_row_per_order
        )
        preview.duplicate_rows += dropped
        if conflicts:
            errors.extend(conflicts)
            pending.clear()
            continue
        yield done, complete
    preview.row_count = done
    if errors:
        preview.errors = sorted(
            errors, key=lambda e: (e.row, _column_rank(preview.headers, e.column))
        )
        preview.errors_truncated = truncated
        preview.deferred = False
        check_preview(preview)  # raises: the file has problems, nothing is kept
    if pending:  # a streamed file's last order (read whole: cannot happen)
        dropped, conflicts = drop_duplicate_rows(
            pending, preview.mapping.fields, one_row_per_order=one_row_per_order
        )
        preview.duplicate_rows += dropped
        if conflicts:
            preview.errors = sorted(
                conflicts, key=lambda e: (e.row, _column_rank(preview.headers, e.column))
            )
            preview.deferred = False
            check_preview(preview)
        yield done, pending


def _streamed_blocks(
    table: Table, rest: Iterator[tuple[list[list[str]], list[int]]], name: str
) -> Iterator[tuple[list[list[str]], list[int]]]:
    """The first block of a streamed table, then the rest (*rest*) as it is parsed."""
    yield table.rows, table.row_numbers
    try:
        yield from rest
    except TableError as exc:
        raise UserError(_FILE_PROBLEM, name=name, problem=exc.text) from None


def _reading_connection() -> sqlite3.Connection:
    """A second connection to the open database, for reads beside the write transaction."""
    path = database_path()
    assert path is not None  # an import runs on an open database
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
    conn.text_factory = lossy_text  # a damaged cell reads as U+FFFD, as on every connection
    conn.execute("PRAGMA query_only = 1")
    return conn


def _add_to_risk(
    risk: RiskBatch,
    blocks: list[list[tuple[Any, ...]]],
    writer: BulkOrderWriter,
    reads: Any,
    keys: list[tuple[int, ...]] | None = None,
) -> None:
    """Blocks of new orders into the fraud checks (emptying *blocks*), after their rows went
    to the writer: their buyer keys are made here (column-wise) while the helper writes; the
    writer stages the keys' rows with the next rows and writes them all with the last (or
    they go to *keys*, for the caller to write).

    Args:
        reads: A second connection that sees the database as the import's transaction does
            (a big batch loads its filters there, beside the helper), or ``None``: the
            transaction's own connection, once the helper is idle.
    """
    for rows in blocks:
        if reads is None and not len(risk):  # the first block may load the filters
            writer.wait()
        risk.add_rows(rows, reads=reads)
        if keys is None:
            writer.queue_keys(risk.take_key_rows())
        else:
            keys.extend(risk.take_key_rows())
        writer.poll()  # the helper may have finished meanwhile
    blocks.clear()


def _last_rows(table: Table | None, mapping: ColumnMapping) -> dict[str, int]:
    """Order number -> index of the last row that holds it (rows with a bad number skipped)."""
    if table is None:
        return {}
    column = mapped_columns(table, mapping, "shop")["order_no"]
    cells = [row[column] for row in table.rows]
    numbers: dict[str, str | None] = {}
    for cell in set(cells):
        try:
            numbers[cell] = required_order_number(cell)
        except CellError:
            numbers[cell] = None
    # A later row overwrites an earlier one's index: the last row of each order stays.
    last = {number: index for index, number in enumerate(map(numbers.__getitem__, cells))}
    last.pop(None, None)  # type: ignore[call-overload]
    return last  # type: ignore[return-value]
