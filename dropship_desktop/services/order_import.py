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
import hashlib
import json
import re
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..domain.enums import SalesStatus, ShopPlatform, SupplierStatus
from ..domain.masking import mask_name, mask_phone
from ..domain.orders import DEFAULT_SHIP_WITHIN_HOURS, OrderFlag, product_summary
from ..domain.timeutil import CHINA_TZ, now_epoch
from ..errors import UserError
from ..i18n import QT_TRANSLATE_NOOP, join, with_values
from ..store.bulk_orders import BulkOrderWriter
from ..store.db import BUSY_TIMEOUT_S, database_path, db, lossy_text
from ..tabular.cells import CellError, clean_text
from ..tabular.error_groups import ErrorGroup, group_errors, rows_text
from ..tabular.orders_formats import (
    CANONICAL_FIELDS,
    FORMATS,
    HIDDEN_NAME,
    HIDDEN_PHONE,
    ColumnMapping,
    OrderKind,
    OrderRecord,
    RowError,
    detect_by_order_numbers,
    detect_format,
    kind_for_format,
    locate_header,
    normalise_header,
)
from ..tabular.reader import read_table
from ..tabular.row_mapping import group_by_order, map_rows, mapped_columns, required_order_number
from ..tabular.table import Table, TableError
from .base import Changes, bulk_write_op
from .orders import refresh_order_summaries
from .risk import record_refund_statuses
from .risk_engine import RiskBatch

__all__ = [
    "FORMAT_PLATFORMS",
    "ImportCancelledError",
    "ImportChanges",
    "ImportPreview",
    "ImportSummary",
    "ProgressCallback",
    "check_preview",
    "commit_import",
    "default_shop",
    "file_shop",
    "header_signature",
    "import_orders_file",
    "preview_import",
    "read_order_file",
    "release_preview",
    "shops_for_platforms",
]

#: Called from the worker thread with (phase, done, total); phase is an English word.
ProgressCallback = Callable[[str, int, int], None]

#: Shop platforms whose shops can receive a format's orders (Taobao and Tmall share one layout).
FORMAT_PLATFORMS: dict[str, tuple[str, ...]] = {
    "taobao": (ShopPlatform.TAOBAO.value, ShopPlatform.TMALL.value),
    "pdd": (ShopPlatform.PDD.value,),
    "douyin": (ShopPlatform.DOUYIN.value,),
    "kuaishou": (ShopPlatform.KUAISHOU.value,),
}

#: Orders written per chunk; progress and cancellation are checked between chunks.
CHUNK = 5000
#: From this many new orders on, the FTS insert trigger is replaced by one bulk index statement.
BULK_INDEX_FROM = 500
#: Score new orders for fraud risk as they are imported (the risk bench turns it off for its
#: in-run baseline).
SCORE_RISK = True
_REFUND_STATUSES = frozenset({SalesStatus.REFUNDING.value, SalesStatus.REFUNDED.value})
_PREVIEW_ERRORS = 1000

_CLOSED_SALES = (SalesStatus.CANCELLED.value, SalesStatus.REFUNDED.value)
_SHIP_WITHIN_S = DEFAULT_SHIP_WITHIN_HOURS * 3600
_NON_DIGIT = re.compile(r"[\s\-()（）]+")


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


@dataclass
class ImportPreview:
    """What a file holds and what importing it would do; nothing has been written.

    Attributes:
        file_name: The file's name (no folder), for messages and the audit log.
        headers: The header row of the file.
        source_format: ``"csv"``, ``"xlsx"`` or ``"xls"``.
        encoding: The CSV text encoding, ``None`` for workbooks.
        format: The platform layout (``"taobao"``, ``"pdd"``, ``"douyin"``, ``"1688"``) or
            ``None`` for a user's column mapping.
        kind: ``"shop"`` (sales orders) or ``"1688"`` (supplier orders).
        mapping: The column mapping in use.
        row_count: Data rows in the file.
        orders: Order number → its valid records (lines), in file order.
        errors: Per-cell problems (row and column named); any error blocks the import.
        errors_truncated: More errors existed than are listed.
        problem: Why the rows could not be mapped at all (unknown layout, a required column
            missing); empty when they could.
        shop_names: Distinct shop names the file itself gives (店铺名称), if any.
        table: The rows as read (dropped by :func:`release_preview`).
        deferred: The rows were not mapped yet (``preview_import(defer_rows=True)``): the
            commit maps them block by block while it writes, and rejects the whole import
            (rolling back) if any row has a problem. ``orders`` and ``errors`` stay empty
            until then. A deferred file's rows are also read block by block as the commit
            gets to them (``table.rest``); ``row_count`` is then an estimate until the commit
            has read the whole file.
        source: The file the preview was read from (``None`` when given a table).
        spent: A streamed preview whose rows an import has started to read: it cannot be
            imported again (read the file again).
        summary_rows: File row numbers of summary rows (合计, 总计, 汇总) that are skipped
            (a deferred preview's are found by the commit).
        header_row: The file row the header was found in (below a preamble: not 1).
    """

    file_name: str
    headers: list[str]
    source_format: str
    encoding: str | None
    format: str | None
    kind: OrderKind
    mapping: ColumnMapping
    row_count: int = 0
    orders: dict[str, list[OrderRecord]] = field(default_factory=dict)
    errors: list[RowError] = field(default_factory=list)
    errors_truncated: bool = False
    problem: str = ""
    shop_names: list[str] = field(default_factory=list)
    table: Table | None = field(default=None, repr=False)
    deferred: bool = False
    source: Path | None = None
    spent: bool = False
    summary_rows: list[int] = field(default_factory=list)
    header_row: int = 1

    @property
    def streamed(self) -> bool:
        """The rows after the first block are read by the commit (see ``deferred``)."""
        return self.table is not None and self.table.rest is not None

    @property
    def needs_mapping(self) -> bool:
        """The layout was not recognised or the mapping lacks a required column."""
        return bool(self.problem)

    @property
    def can_import(self) -> bool:
        return not self.problem and not self.errors and bool(self.orders)

    @property
    def line_count(self) -> int:
        return sum(len(lines) for lines in self.orders.values())

    def platforms(self) -> tuple[str, ...]:
        """Shop platforms the orders may belong to (all shop platforms for a user mapping)."""
        if self.kind == "1688":
            return ()
        if self.format in FORMAT_PLATFORMS:
            return FORMAT_PLATFORMS[self.format]
        return tuple(p.value for p in ShopPlatform if p is not ShopPlatform.ALI1688)

    def sample(self, limit: int = 200) -> list[tuple[Any, ...]]:
        """The first orders for display, buyer data masked.

        Returns:
            Tuples ``(row, order_no, status, buyer, phone, product, quantity, amount_fen,
            created_epoch, lines)``; ``status`` is the app's status code.
        """
        out: list[tuple[Any, ...]] = []
        for order_no, lines in self.orders.items():
            if len(out) >= limit:
                break
            first = lines[0]
            status = first.status
            code = status.raw if isinstance(status, SupplierStatus) else (status or "")
            out.append(
                (
                    first.row,
                    order_no,
                    str(code),
                    _masked(lines, "buyer_name", mask_name, HIDDEN_NAME),
                    _masked(lines, "buyer_phone", mask_phone, HIDDEN_PHONE),
                    product_summary(r.product_title for r in lines),
                    sum(r.quantity or 1 for r in lines),
                    _order_value(lines, str(code)),
                    _epoch(first.created_at or first.paid_at),
                    len(lines),
                )
            )
        return out

    def error_text(self, limit: int = 20) -> str:
        """The problems as plain lines, for the CLI and messages."""
        if self.problem:
            return self.problem
        # A problem repeated on many rows is said once, with its rows.
        groups = group_errors(self.errors)
        lines = [_group_text(g) for g in groups[:limit]]
        more = len(groups) - limit
        if self.errors_truncated:
            lines.append(QT_TRANSLATE_NOOP("Import", "… and more problems."))
        elif more > 0:
            lines.append(
                with_values(
                    QT_TRANSLATE_NOOP("Import", "… and {count} more problem(s)."), count=more
                )
            )
        return join(lines, "\n")


#: What the preview shows for a receiver field the platform hid.
HIDDEN_BY_PLATFORM = QT_TRANSLATE_NOOP("Import", "hidden by the platform")


def _masked(lines: Sequence[OrderRecord], name: str, mask: Callable[[str], str], bit: int) -> str:
    value = _first(lines, name)
    if not value and lines[0].hidden & bit:
        return HIDDEN_BY_PLATFORM
    return mask(value)


def _group_text(group: ErrorGroup) -> str:
    if len(group.rows) == 1:
        return with_values(
            QT_TRANSLATE_NOOP("Import", "Row {row}, column {column}: {message}"),
            row=group.rows[0],
            column=group.column,
            message=group.message,
        )
    return with_values(
        QT_TRANSLATE_NOOP("Import", "{count} rows ({rows}), column {column}: {message}"),
        count=len(group.rows),
        rows=rows_text(group.rows),
        column=group.column,
        message=group.message,
    )


def release_preview(preview: ImportPreview) -> None:
    """Free a preview's rows and records a chunk at a time (run it on the worker thread).

    Dropping the last reference to a 100k-row preview frees millions of objects in one C call
    that holds the GIL for ~100 ms; on the UI thread that is a visible freeze.
    """
    table = preview.table
    preview.table = None
    if table is not None:
        for _part in _drain(table.rows, 5000):
            pass
    orders = preview.orders
    preview.orders = {}
    while orders:
        orders.popitem()


def read_order_file(path: str | Path, *, stream_rows: int = 0) -> Table:
    """Read a CSV/XLSX/XLS file.

    Args:
        stream_rows: Read the rows after the first *stream_rows* only as ``Table.rest`` is
            iterated (see :func:`~dropship_desktop.tabular.reader.read_table`).

    Raises:
        UserError: The file cannot be read as a table (the message says why and what to do).
    """
    path = Path(path)
    try:
        return read_table(path, filename=path.name, stream_rows=stream_rows)
    except TableError as exc:
        raise UserError(_FILE_PROBLEM, name=path.name, problem=exc.text) from None


def _read_rest(table: Table, name: str) -> None:
    """Parse what a streamed read left for later, so that ``table.rows`` holds every row.

    Raises:
        UserError: A later row is damaged, or there are too many rows.
    """
    rest, table.rest = table.rest, None
    if rest is None:
        return
    try:
        for rows, numbers in rest:
            table.rows.extend(rows)
            table.row_numbers.extend(numbers)
    except TableError as exc:
        raise UserError(_FILE_PROBLEM, name=name, problem=exc.text) from None
    table.expected_rows = len(table.rows)


def header_signature(headers: Iterable[str]) -> str:
    """A short key identifying a file layout, to remember a user's mapping for the next file."""
    normalised = sorted({normalise_header(h) for h in headers if h.strip()})
    return hashlib.sha1("\x1f".join(normalised).encode("utf-8")).hexdigest()[:16]


def preview_import(
    source: str | Path | Table,
    *,
    fmt: str | None = None,
    mapping: ColumnMapping | None = None,
    kind: OrderKind | None = None,
    file_name: str | None = None,
    defer_rows: bool = False,
    stream: bool = True,
) -> ImportPreview:
    """Read and map an order export without writing anything.

    Args:
        source: The file, or a table already read from it (re-mapping after a mapping change).
        fmt: ``None``/``"auto"`` to detect the layout, or one of :data:`FORMATS`.
        mapping: A user's column mapping; wins over ``fmt``.
        kind: ``"shop"`` or ``"1688"`` for a user mapping (default: from the format).
        file_name: The name shown in messages when *source* is a table.
        defer_rows: Only read the file and check its layout; leave mapping the rows to the
            commit, which then overlaps it with writing (the CLI's one-go import of a shop
            export; see :attr:`ImportPreview.deferred`).
        stream: With *defer_rows*, also leave reading the rows after the first block to the
            commit (which then overlaps reading the file with writing).

    Returns:
        The preview. A file whose layout is not recognised gives a preview with ``problem``
        set (and a best-effort mapping to start the mapping dialog from).

    Raises:
        UserError: The file cannot be read, or *fmt* is unknown.
    """
    path = None if isinstance(source, Table) else Path(source)
    if isinstance(source, Table):
        table = source
        name = file_name or ""
        _read_rest(table, name)  # only a file read here is streamed: it can be read again
    else:
        with _bulk_gc():
            table = read_order_file(source, stream_rows=CHUNK if defer_rows and stream else 0)
        name = file_name or Path(source).name
    if mapping is None or not set(mapping.fields.values()) <= set(table.headers):
        table = locate_header(table)  # below a preamble line or a title row
    if fmt in (None, "", "auto"):
        fmt = None
    elif fmt not in FORMATS:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "Unknown format {format!r}. Use one of: auto, {formats}."),
            format=fmt,
            formats=", ".join(FORMATS),
        )
    preview = ImportPreview(
        file_name=name,
        headers=list(table.headers),
        source_format=table.source_format,
        encoding=table.encoding,
        format=None,
        kind="shop",
        mapping=ColumnMapping(),
        row_count=len(table.rows) if table.rest is None else table.expected_rows,
        table=table,
        source=path,
        header_row=table.header_row,
    )

    def whole() -> ImportPreview:
        # Whatever is not the deferred import of a shop export needs every row now.
        with _bulk_gc():
            _read_rest(table, name)
        preview.row_count = len(table.rows)
        return preview

    if mapping is not None:
        preview.mapping = mapping
        preview.format = mapping.format
        preview.kind = kind or kind_for_format(mapping.format)
    else:
        detected = (
            fmt
            or detect_format(table.headers)
            or detect_by_order_numbers(table.headers, table.rows[:50])
        )
        preview.mapping = ColumnMapping.auto(table.headers, detected)
        preview.format = detected
        preview.kind = kind or kind_for_format(detected)
        if detected is None:
            preview.problem = QT_TRANSLATE_NOOP(
                "Errors",
                "The file's layout was not recognised as a Taobao/Tmall, Pinduoduo, Douyin, "
                "Kuaishou or 1688 order export. Choose the format, or map its columns yourself.",
            )
            return whole()
    if preview.kind == "shop" and "status_text" not in preview.mapping.fields:
        preview.problem = QT_TRANSLATE_NOOP(
            "Errors", "The column mapping lacks: Order status. Choose the column that holds it."
        )
        return whole()
    if defer_rows and preview.kind == "shop":
        try:
            mapped_columns(table, preview.mapping, preview.kind)  # what map_rows checks first
        except TableError as exc:
            preview.problem = exc.text
            return whole()
        preview.deferred = True
        # A streamed file's later rows are checked for other shop names as they are read.
        preview.shop_names = _column_values(table, preview.mapping, "shop_name")
        return preview
    whole()
    try:
        with _bulk_gc():
            result = map_rows(table, preview.mapping, preview.kind, max_errors=_PREVIEW_ERRORS)
    except TableError as exc:
        preview.problem = exc.text
        return preview
    errors = list(result.errors)
    records = _validate(_own_times(result.records, preview), preview, errors)
    orders = group_by_order(records)
    if preview.kind == "1688":
        _validate_1688_orders(orders, preview, errors)
    preview.errors = sorted(errors, key=lambda e: (e.row, _column_rank(preview.headers, e.column)))
    preview.errors_truncated = result.errors_truncated
    preview.orders = orders
    preview.summary_rows = result.summary_rows
    preview.shop_names = sorted({r.shop_name for r in records if r.shop_name})
    return preview


def _validate_1688_orders(
    orders: dict[str, list[OrderRecord]], preview: ImportPreview, errors: list[RowError]
) -> None:
    """Order-level checks of a 1688 export (its further goods lines leave those cells empty)."""
    column = preview.mapping.fields.get("status_text", CANONICAL_FIELDS["status_text"])
    for order_no in [n for n, lines in orders.items() if lines[0].status is None]:
        errors.append(
            RowError(
                orders[order_no][0].row,
                column,
                QT_TRANSLATE_NOOP("Errors", "the order status is empty"),
            )
        )
        del orders[order_no]


def _column_rank(headers: Sequence[str], column: str) -> int:
    try:
        return headers.index(column)
    except ValueError:
        return len(headers)


def _validate(
    records: list[OrderRecord], preview: ImportPreview, errors: list[RowError]
) -> list[OrderRecord]:
    """Checks the database needs beyond cell syntax; bad rows are dropped, errors added."""
    fields = preview.mapping.fields
    bad: set[int] = set()
    for record in records:
        if record.quantity is not None and record.quantity < 1:
            errors.append(
                RowError(
                    record.row,
                    fields["quantity"],
                    QT_TRANSLATE_NOOP("Errors", "the quantity must be at least 1"),
                )
            )
            bad.add(record.row)
        for name in ("unit_price_fen", "amount_fen"):
            value = getattr(record, name)
            if value is not None and value < 0:
                errors.append(
                    RowError(
                        record.row,
                        fields[name],
                        QT_TRANSLATE_NOOP("Errors", "the amount cannot be negative"),
                    )
                )
                bad.add(record.row)
    if not bad:
        return records
    return [r for r in records if r.row not in bad]


# --- shops ----------------------------------------------------------------------------------


def shops_for_platforms(platforms: Sequence[str]) -> list[tuple[int, str, str]]:
    """Shops of the given platforms as ``(id, platform, name)``, by name."""
    if not platforms:
        return []
    marks = ",".join("?" * len(platforms))
    cursor = db.execute_sql(
        f"SELECT id, platform, name FROM shop WHERE platform IN ({marks}) ORDER BY name, id",
        list(platforms),
    )
    return [(int(r[0]), str(r[1]), str(r[2])) for r in cursor.fetchall()]


def default_shop(preview: ImportPreview, shop_name: str | None = None) -> tuple[int | None, str]:
    """Which shop a shop export's orders go to.

    Args:
        preview: The preview of a shop export.
        shop_name: The shop the user named (``--shop``); created on import if it is new.

    Returns:
        ``(shop_id, name)``: an existing shop, or ``(None, name)`` for a shop to create.

    Raises:
        UserError: No shop was named and the choice is not obvious (the message says to name
            one).
    """
    platforms = preview.platforms()
    shops = shops_for_platforms(platforms)
    if shop_name:
        name = shop_name.strip()
        for shop_id, _platform, existing in shops:
            if existing == name:
                return shop_id, existing
        return None, name
    named = file_shop(preview, shops)
    if named is not None:
        return named
    if len(preview.shop_names) == 1:
        # The file names one shop the app does not have yet: ask rather than guess.
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The file's orders belong to the shop {name!r}, which is not here yet. Import "
                "them with --shop {name!r} to create it (or --shop with the name of the shop "
                "they belong to).",
            ),
            name=preview.shop_names[0],
        )
    if len(shops) == 1 and not preview.shop_names:
        return shops[0][0], shops[0][2]
    if len(preview.shop_names) > 1:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The file holds orders of several shops ({names}). Export one shop's orders per "
                "file, or say which shop they belong to with --shop NAME.",
            ),
            names=", ".join(preview.shop_names),
        )
    label = FORMATS.get(preview.format or "", QT_TRANSLATE_NOOP("Import", "these"))
    if not shops:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "There is no shop for {label} orders yet. Name the shop these orders belong to "
                "with --shop NAME (it will be created).",
            ),
            label=label,
        )
    names = ", ".join(s[2] for s in shops)
    raise UserError(
        QT_TRANSLATE_NOOP(
            "Errors",
            "There are several shops for {label} orders ({names}). Say which shop these orders "
            "belong to with --shop NAME.",
        ),
        label=label,
        names=names,
    )


def file_shop(
    preview: ImportPreview, shops: Sequence[tuple[int, str, str]]
) -> tuple[int, str] | None:
    """The seller's shop the file itself names (店铺名称 or a shop column), if exactly one.

    Args:
        preview: The preview of a shop export.
        shops: The shops its orders may go to (:func:`shops_for_platforms`).

    Returns:
        ``(shop_id, name)`` when the file names one shop and exactly one of *shops* has that
        name (compared without surrounding or repeated spaces), else ``None``.
    """
    if len(preview.shop_names) != 1:
        return None
    wanted = " ".join(preview.shop_names[0].split())
    found = [(sid, name) for sid, _platform, name in shops if " ".join(name.split()) == wanted]
    return found[0] if len(found) == 1 else None


# --- commit -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportSummary:
    """What an import did (counts only: no buyer data)."""

    file_name: str
    kind: str
    format: str | None
    rows: int
    orders_created: int = 0
    orders_updated: int = 0
    orders_unchanged: int = 0
    lines_created: int = 0
    status_changes: int = 0
    matched: int = 0
    unmatched: int = 0
    seconds: float = 0.0
    shop_id: int | None = None
    #: Summary rows (合计, 总计, 汇总) skipped.
    summary_rows: int = 0
    #: 1688 orders whose 下游订单号 names no shop order here: they wait for it.
    waiting_downstream: int = 0
    #: 1688 orders whose 下游订单号 is the number of orders in several shops (not linked).
    ambiguous_downstream: int = 0
    #: 1688 orders linked to their shop order by 下游订单号.
    linked_downstream: int = 0
    #: New shop orders whose receiver data the platform hid.
    hidden_receivers: int = 0
    #: New shop orders not paid yet (their value is shown, marked unpaid).
    unpaid: int = 0

    def message(self) -> str:
        """A summary: English as a string (the CLI prints it), marked for the UI."""
        parts = [self._counts()]
        if self.linked_downstream:
            parts.append(
                with_values(
                    QT_TRANSLATE_NOOP(
                        "Messages", "{count} linked to their shop order by 下游订单号."
                    ),
                    count=self.linked_downstream,
                )
            )
        if self.waiting_downstream:
            parts.append(
                with_values(
                    QT_TRANSLATE_NOOP(
                        "Messages",
                        "{count} name a shop order (下游订单号) that is not here yet: they wait "
                        "for it and are linked when that shop export is imported.",
                    ),
                    count=self.waiting_downstream,
                )
            )
        if self.ambiguous_downstream:
            parts.append(
                with_values(
                    QT_TRANSLATE_NOOP(
                        "Messages",
                        "{count} name a shop order number (下游订单号) that orders of several "
                        "shops have: link them by hand in the order list.",
                    ),
                    count=self.ambiguous_downstream,
                )
            )
        if self.unpaid:
            parts.append(
                with_values(
                    QT_TRANSLATE_NOOP(
                        "Messages", "{count} not paid yet (shown with their value, unpaid)."
                    ),
                    count=self.unpaid,
                )
            )
        if self.hidden_receivers:
            parts.append(
                with_values(
                    QT_TRANSLATE_NOOP(
                        "Messages", "Receiver data hidden by the platform in {count} order(s)."
                    ),
                    count=self.hidden_receivers,
                )
            )
        if self.summary_rows:
            parts.append(
                with_values(
                    QT_TRANSLATE_NOOP(
                        "Messages", "{count} summary row(s) (合计/总计/汇总) skipped."
                    ),
                    count=self.summary_rows,
                )
            )
        return join(parts, " ")

    def _counts(self) -> str:
        if self.kind == "1688":
            template = QT_TRANSLATE_NOOP(
                "Messages",
                "Imported {file}: {created} new 1688 orders, {updated} updated, {unchanged} "
                "unchanged; {matched} matched to sales orders, {unmatched} awaiting a match.",
            )
        elif self.matched:
            template = QT_TRANSLATE_NOOP(
                "Messages",
                "Imported {file}: {created} new orders, {updated} updated, {unchanged} "
                "unchanged; {matched} waiting 1688 order(s) matched.",
            )
        else:
            template = QT_TRANSLATE_NOOP(
                "Messages",
                "Imported {file}: {created} new orders, {updated} updated, {unchanged} unchanged.",
            )
        return with_values(
            template,
            file=self.file_name,
            created=self.orders_created,
            updated=self.orders_updated,
            unchanged=self.orders_unchanged,
            matched=self.matched,
            unmatched=self.unmatched,
        )


@dataclass(frozen=True)
class ImportChanges(Changes):
    """:class:`Changes` that also carry the import's :class:`ImportSummary`."""

    summary: ImportSummary | None = None


@bulk_write_op
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
    started = time.perf_counter()
    report = progress or (lambda _phase, _done, _total: None)
    cancelled = should_cancel or (lambda: False)
    # Many acyclic tuples are built below; the cyclic GC would walk them again and again.
    with _bulk_gc(), db.atomic():
        if preview.kind == "1688":
            summary, ids = _import_1688(preview, report, cancelled)
        else:
            shop = _ensure_shop(preview, shop_id, new_shop)
            summary, ids = _import_shop(preview, shop, report, cancelled)
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
    if summary.orders_created and preview.kind == "shop":
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
) -> ImportChanges:
    """Preview (unless given a preview) and commit a file in one go (the CLI's path).

    Raises:
        UserError: The file cannot be read, its layout is unknown, it has errors (all listed
            with row and column), the shop is ambiguous, or the import was cancelled. The
            database is unchanged in every case.
    """
    if isinstance(path, ImportPreview):
        preview = path
    else:
        preview = preview_import(path, fmt=fmt, mapping=mapping, defer_rows=True)
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


def check_preview(preview: ImportPreview) -> None:
    """Raise the reason a preview cannot be imported, if any.

    Raises:
        UserError: The layout is unknown, rows have errors (listed with row and column), or
            the file holds no orders.
    """
    if preview.problem:
        raise UserError(_FILE_PROBLEM, name=preview.file_name, problem=preview.problem)
    if preview.spent and preview.deferred:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors", "{name} was only partly read by an import that stopped. Import it again."
            ),
            name=preview.file_name,
        )
    if preview.deferred and preview.row_count:
        return  # the rows are checked while they are imported
    if preview.errors:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{name} has {count} problem(s); nothing was imported. Correct the file (or the "
                "column mapping) and import it again.\n{problems}",
            ),
            name=preview.file_name,
            count=f"{len(preview.errors)}{'+' if preview.errors_truncated else ''}",
            problems=preview.error_text(),
        )
    if not preview.orders:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "{name} holds no orders; nothing was imported."),
            name=preview.file_name,
        )


def _ensure_shop(
    preview: ImportPreview, shop_id: int | None, new_shop: tuple[str, str] | None
) -> int:
    conn = db.connection()
    platforms = preview.platforms()
    if new_shop is not None:
        platform, name = new_shop[0], new_shop[1].strip()
        if not name:
            raise UserError(QT_TRANSLATE_NOOP("Errors", "Enter a name for the new shop."))
        if platform not in platforms:
            raise UserError(
                QT_TRANSLATE_NOOP("Errors", "A {platform} shop cannot receive this file's orders."),
                platform=platform,
            )
        row = conn.execute(
            "SELECT id FROM shop WHERE platform = ? AND name = ?", (platform, name)
        ).fetchone()
        if row is not None:
            return int(row[0])
        cursor = conn.execute(
            "INSERT INTO shop (platform, name, created_at) VALUES (?, ?, ?)",
            (platform, name, now_epoch()),
        )
        created = int(cursor.lastrowid or 0)
        _audit_rows([("shop", created, None, "create", "", _json({"name": name}))])
        return created
    if shop_id is None:
        raise UserError(QT_TRANSLATE_NOOP("Errors", "Choose the shop these orders belong to."))
    row = conn.execute("SELECT platform FROM shop WHERE id = ?", (shop_id,)).fetchone()
    if row is None:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "The chosen shop no longer exists. Choose another one.")
        )
    if row[0] not in platforms:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The chosen shop is a {platform} shop; this file is a {format} export. Choose a "
                "matching shop.",
            ),
            platform=row[0],
            format=FORMATS.get(preview.format or "", QT_TRANSLATE_NOOP("Import", "different")),
        )
    return int(shop_id)


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


def _own_times(records: list[OrderRecord], preview: ImportPreview) -> list[OrderRecord]:
    """This app's own export prints times in the computer's time zone (as the app shows them),
    not in China time like the platforms: read them back as local times."""
    if preview.format != "ours":
        return records

    def local(value: datetime | None) -> datetime | None:
        if value is None:
            return None
        return value.astimezone(CHINA_TZ).replace(tzinfo=None).astimezone()

    return [r._replace(created_at=local(r.created_at), paid_at=local(r.paid_at)) for r in records]


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
        db.connection().executemany(_AUDIT_SQL, [(at, *row) for row in rows])


def _phone_key(phone: str) -> str:
    return _NON_DIGIT.sub("", phone or "")


# --- shop orders ----------------------------------------------------------------------------


def _import_shop(
    preview: ImportPreview,
    shop_id: int,
    report: ProgressCallback,
    cancelled: Callable[[], bool],
) -> tuple[ImportSummary, set[int]]:
    conn = db.connection()
    total = preview.row_count
    builder = _ShopRows(
        shop_id, int(conn.execute("SELECT coalesce(max(id), 0) + 1 FROM sales_order").fetchone()[0])
    )
    streamed = preview.deferred and preview.streamed
    report("checking", 0, total)
    last_rows: dict[str, int] | None = None
    lookup = None
    if not streamed:
        # Looked up before writing starts: a query during the writing would wait for the
        # helper thread, which has the connection.
        if preview.deferred:
            last_rows = _last_rows(preview.table, preview.mapping)
        builder.load_existing(conn, list(preview.orders if last_rows is None else last_rows))
    first_new = builder.next_id
    if SCORE_RISK:  # fraud checks: each new order's own rules as it is built (overlaps SQL)
        builder.risk = RiskBatch(conn)
    report("writing", 0, total)
    writer = BulkOrderWriter(conn, index_in_bulk=total >= BULK_INDEX_FROM)
    try:
        if (
            streamed
            and conn.execute(
                "SELECT 1 FROM sales_order WHERE shop_id = ? LIMIT 1", (shop_id,)
            ).fetchone()
        ):
            # The file's order numbers are only known block by block: each block's are looked
            # up on a second connection, which sees the database as it was before this
            # transaction (this one holds the write lock, so nobody else commits meanwhile;
            # the shop exists already, so this transaction has added none of its orders).
            lookup = _reading_connection()
        done = 0
        for rows_done, orders in _order_blocks(preview, CHUNK, last_rows, writer.poll):
            if lookup is not None:
                builder.load_existing(lookup, list(orders))
            new_orders, new_lines = builder.build(
                _in_creation_order(orders), orders, preview.file_name
            )
            # Returns at once: SQLite writes this chunk on the helper thread (without the GIL)
            # while the next one is mapped and built here; the new orders' hashed buyer keys
            # for the fraud checks go with it.
            risk_keys = builder.risk.take_key_rows() if builder.risk is not None else ()
            writer.add(new_orders, new_lines, risk_keys)
            done = rows_done
            report("writing", done, total)
            if cancelled():
                raise ImportCancelledError()
        report("writing", done, preview.row_count)  # a streamed file's total was an estimate
        if writer.orders_written:
            report("indexing", done, preview.row_count)
        writer.finish()
    finally:
        writer.close()
        if lookup is not None:
            lookup.close()
    updates = builder.updates
    for part in _chunks(updates, CHUNK):
        conn.executemany(
            "UPDATE sales_order SET status = ?, carrier = ?, tracking_no = ?, paid_at = ?,"
            " ship_by = ?, updated_at = ? WHERE id = ?",
            part,
        )
    new_ids = range(first_new, builder.next_id)
    matched = _match_waiting_supplier_orders(new_ids)
    _refresh_summaries(builder.status_changed | matched)
    if builder.risk is not None:
        builder.risk.finish()
        # Refunds are the buyers' history: orders that became, or came in as, refunds.
        record_refund_statuses(conn, builder.status_changed | builder.refunds)
    _audit_rows(builder.audits)
    summary = ImportSummary(
        file_name=preview.file_name,
        kind="shop",
        format=preview.format,
        rows=preview.row_count,
        orders_created=writer.orders_written,
        orders_updated=len(updates),
        orders_unchanged=builder.unchanged,
        lines_created=writer.lines_written,
        status_changes=len(builder.status_changed),
        matched=len(matched),
        shop_id=shop_id,
        summary_rows=len(preview.summary_rows),
        hidden_receivers=builder.hidden,
        unpaid=builder.unpaid,
    )
    return summary, set(new_ids) | {u[-1] for u in updates} | matched


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
    cell_errors = 0  # as in the preview: cell errors are listed up to _PREVIEW_ERRORS in all
    truncated = False
    done = 0
    for rows, numbers in blocks:
        between()
        done += len(rows)
        part = replace(table, rows=rows, row_numbers=numbers, rest=None)
        budget = max(0, _PREVIEW_ERRORS - cell_errors)
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


def _column_values(table: Table, mapping: ColumnMapping, name: str) -> list[str]:
    """The distinct non-empty cleaned values of a mapped column, sorted."""
    header = mapping.fields.get(name)
    if header is None or header not in table.headers:
        return []
    column = table.headers.index(header)
    return sorted({clean_text(v) for v in {row[column] for row in table.rows}} - {""})


def _in_creation_order(orders: dict[str, list[OrderRecord]]) -> list[str]:
    """Order numbers oldest first (file order among equal times).

    New orders get ascending ids in this order, so the time-keyed indexes (created, paid,
    ship-by, status/shop + created) take them in key order rather than all over the place;
    exports list the newest first.
    """
    keys: dict[str, datetime] = {}
    for number, lines in orders.items():
        first = lines[0]
        keys[number] = first.created_at or first.paid_at or _NO_TIME
    return sorted(orders, key=keys.__getitem__)  # aware datetimes compare by instant


_NO_TIME = datetime.min.replace(tzinfo=UTC)


class _ShopRows:
    """Turns a shop export's orders into rows: new orders and lines, updates, audit events."""

    def __init__(self, shop_id: int, next_id: int) -> None:
        self.shop_id = shop_id
        self.next_id = next_id
        self.now = now_epoch()
        self.updates: list[tuple[Any, ...]] = []
        self.audits: list[tuple[str, int | None, int | None, str, str, str]] = []
        self.status_changed: set[int] = set()
        self.unchanged = 0
        self.hidden = 0
        self.unpaid = 0
        self._codes: dict[Any, str] = {}
        #: Fraud checks of the new orders (None: not scored).
        self.risk: RiskBatch | None = None
        #: New orders that came in refunding or refunded (the buyers' history).
        self.refunds: set[int] = set()
        #: number -> (id, status, carrier, tracking, paid, ship_by) of orders already there.
        self._existing: dict[str, tuple[Any, ...]] = {}

    def load_existing(self, conn: Any, numbers: Sequence[str]) -> None:
        """Find which of *numbers* the shop already has (those are updated, not inserted)."""
        for part in _chunks(numbers, 50_000):
            # One statement per big chunk: the numbers go in as one JSON array parameter.
            for row in conn.execute(
                "SELECT shop_order_no, id, status, carrier, tracking_no, paid_at, ship_by"
                " FROM sales_order WHERE shop_id = ? AND shop_order_no IN"
                " (SELECT value FROM json_each(?))",
                (self.shop_id, json.dumps(part)),
            ):
                self._existing[row[0]] = row[1:]

    def build(
        self,
        numbers: Sequence[str],
        orders: dict[str, list[OrderRecord]],
        file_name: str,
    ) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
        """Rows for the orders *numbers*: returns (new orders, new lines); updates are kept."""
        existing = self._existing
        shop_id, now, codes = self.shop_id, self.now, self._codes
        paid_status = SalesStatus.PAID.value
        wait_pay = SalesStatus.WAIT_PAY.value
        no_supplier = int(OrderFlag.NO_SUPPLIER_ORDER)
        risk = self.risk
        risk_rows: list[tuple[Any, ...]] = []
        new_orders: list[tuple[Any, ...]] = []
        new_lines: list[tuple[Any, ...]] = []
        for order_no in numbers:
            lines = orders[order_no]
            first = lines[0]
            single = len(lines) == 1  # the common case: one row per order, no scanning
            status = codes.get(first.status)
            if status is None:
                status = codes[first.status] = _status_code(first.status)
            if single:
                carrier, tracking = first.carrier, first.tracking_no
                paid_dt = first.paid_at
            else:
                carrier, tracking = _first(lines, "carrier"), _first(lines, "tracking_no")
                paid_dt = _first_time(lines, "paid_at")
            paid_at = None if paid_dt is None else int(paid_dt.timestamp())
            old = existing.get(order_no)
            if old is not None:
                self._update(old, status, carrier, tracking, paid_at, file_name)
                continue
            order_id = self.next_id
            self.next_id += 1
            if single:
                qty = first.quantity or 1
                unit = first.unit_price_fen
                sale = first.amount_fen
                if sale is None:
                    sale = (unit or 0) * qty
                if not sale and status == wait_pay and first.payable_fen:
                    sale = first.payable_fen  # unpaid: the order's value, not ¥0.00
                if unit is None:
                    unit = sale // qty
                quantity = qty
                new_lines.append(
                    (
                        order_id,
                        first.product_title,
                        first.sku,
                        qty,
                        unit,
                        first.platform_item_id,
                        first.platform_sku_id,
                    )
                )
                buyer = (first.buyer_name, first.buyer_phone, first.address)
                summary, remark = first.product_title, first.remark
            else:
                sale = _sale_fen(lines)
                if not sale and status == wait_pay:
                    sale = _sale_fen(lines, "payable_fen")
                quantity = 0
                for line in lines:
                    qty = line.quantity or 1
                    quantity += qty
                    unit = line.unit_price_fen
                    if unit is None:
                        unit = (line.amount_fen or 0) // qty
                    new_lines.append(
                        (
                            order_id,
                            line.product_title,
                            line.sku,
                            qty,
                            unit,
                            line.platform_item_id,
                            line.platform_sku_id,
                        )
                    )
                buyer = (
                    _first(lines, "buyer_name"),
                    _first(lines, "buyer_phone"),
                    _first(lines, "address"),
                )
                summary = product_summary(r.product_title for r in lines)
                remark = _first(lines, "remark")
            if status == wait_pay:
                self.unpaid += 1
            hidden = first.hidden
            if hidden:
                self.hidden += 1
            created_dt = first.created_at
            created = int(created_dt.timestamp()) if created_dt is not None else (paid_at or now)
            if risk is not None:
                risk_rows.append(
                    (order_id, created, shop_id, summary, quantity, sale, *buyer, remark)
                )
                if status in _REFUND_STATUSES:
                    self.refunds.add(order_id)
            new_orders.append(
                (
                    order_id,
                    shop_id,
                    order_no,
                    status,
                    *buyer,
                    sale,
                    quantity,
                    summary,
                    0 if status in _CLOSED_SALES else sale,
                    carrier,
                    tracking,
                    created,
                    paid_at,
                    paid_at + _SHIP_WITHIN_S if paid_at is not None else None,
                    no_supplier if status == paid_status else 0,
                    remark,
                    now,
                    hidden,
                )
            )
        if risk is not None:
            risk.add_rows(risk_rows)  # column-wise, while the writer's helper runs SQL
        return new_orders, new_lines

    def _update(
        self,
        old: tuple[Any, ...],
        status: str,
        carrier: str,
        tracking: str,
        paid_at: int | None,
        file_name: str,
    ) -> None:
        """An order already imported: keep what changed (status, logistics, payment)."""
        order_id, old_status, old_carrier, old_tracking, old_paid, old_ship_by = old
        new_carrier = carrier or old_carrier
        new_tracking = tracking or old_tracking
        new_paid = old_paid if old_paid is not None else paid_at
        new_ship_by = old_ship_by
        if new_ship_by is None and new_paid is not None:
            new_ship_by = new_paid + _SHIP_WITHIN_S
        if (status, new_carrier, new_tracking, new_paid, new_ship_by) == (
            old_status,
            old_carrier,
            old_tracking,
            old_paid,
            old_ship_by,
        ):
            self.unchanged += 1
            return
        self.updates.append(
            (status, new_carrier, new_tracking, new_paid, new_ship_by, self.now, order_id)
        )
        if status != old_status:
            self.status_changed.add(order_id)
            self.audits.append(
                _status_audit("sales_order", order_id, order_id, old_status, status, file_name)
            )


def _first_time(lines: Sequence[OrderRecord], name: str) -> datetime | None:
    for line in lines:
        value = getattr(line, name)
        if value is not None:
            return value
    return None


# --- matching 1688 orders to sales orders -------------------------------------------------------


@dataclass
class _Candidate:
    id: int
    name: str
    product: str
    created_at: int
    taken: bool
    lines: int


def _bigrams(text: str) -> set[str]:
    compact = "".join(text.split())
    return {compact[i : i + 2] for i in range(len(compact) - 1)}


def _similarity(a: str, b: str) -> float:
    left, right = _bigrams(a), _bigrams(b)
    if not left or not right:
        return 0.0
    return len(left & right) / len(left | right)


def _load_candidates(phones: set[str], only_ids: Sequence[int] | None = None) -> dict[str, list]:
    """Sales orders by phone key, with whether a supplier order already serves them."""
    if not phones:
        return {}
    conn = db.connection()
    sql = (
        "SELECT o.id, o.buyer_name, o.buyer_phone, o.product_summary, o.created_at,"
        " (SELECT count(*) FROM supplier_order s WHERE s.sales_order_id = o.id),"
        " (SELECT count(*) FROM sales_order_line l WHERE l.sales_order_id = o.id)"
        " FROM sales_order o WHERE o.buyer_phone IN (SELECT value FROM json_each(?))"
        " AND o.buyer_data_removed = 0"
    )
    params: list[Any] = [json.dumps(sorted(phones))]
    if isinstance(only_ids, range) and only_ids.step == 1:
        # A just-imported run of ids (100k of them, as one JSON array, cost 40 ms).
        sql += " AND o.id BETWEEN ? AND ?"
        params += [only_ids.start, only_ids.stop - 1]
    elif only_ids is not None:
        sql += " AND o.id IN (SELECT value FROM json_each(?))"
        params.append(json.dumps(list(only_ids)))
    found: dict[str, list[_Candidate]] = {}
    for oid, name, phone, product, created, taken, lines in conn.execute(sql, params):
        found.setdefault(_phone_key(phone), []).append(
            _Candidate(int(oid), name or "", product or "", int(created), bool(taken), lines)
        )
    return found


def _pick(
    candidates: list[_Candidate], name: str, product: str, created_at: int | None
) -> _Candidate | None:
    """The sales order a 1688 order serves: same phone (given) and name, best product match.

    Orders already served by a supplier order are only chosen when nothing else fits and they
    have several lines (one 1688 order per supplier). Ties go to the latest order placed before
    the 1688 order; a still-undecided choice leaves the 1688 order waiting for a manual match.
    """
    same = [c for c in candidates if c.name == name] if name else list(candidates)
    if not same:
        return None
    free = [c for c in same if not c.taken]
    pool = free or [c for c in same if c.lines > 1]
    if not pool:
        return None
    if len(pool) == 1:
        return pool[0]
    scored = sorted(
        pool,
        key=lambda c: (
            round(_similarity(product, c.product), 2),
            # Placed before the 1688 order (created_at None: any), latest first.
            created_at is None or c.created_at <= created_at + 3600,
            c.created_at,
        ),
        reverse=True,
    )
    best, second = scored[0], scored[1]
    if round(_similarity(product, best.product), 2) == round(
        _similarity(product, second.product), 2
    ) and (best.created_at == second.created_at):
        return None
    return best


def _match_waiting_supplier_orders(new_order_ids: Sequence[int]) -> set[int]:
    """Link waiting 1688 orders (no sales order yet) to just-imported sales orders.

    A waiting order that names its shop order (下游订单号) is linked to that order when it is
    among the new ones, and never by buyer: only the others are matched by phone, name and
    product.
    """
    if not new_order_ids:
        return set()
    conn = db.connection()
    links: list[tuple[int, int]] = []
    by_number: set[int] = set()  # linked by 下游订单号
    named = conn.execute(
        "SELECT id, downstream_order_no, downstream_channel FROM supplier_order"
        " WHERE sales_order_id IS NULL AND downstream_order_no != ''"
    ).fetchall()
    if named:
        shop_orders = _shop_orders_by_number({n for _id, n, _c in named}, new_order_ids)
        for so_id, number, channel in named:
            chosen = _downstream_pick(shop_orders.get(number, []), channel)
            if chosen is not None and chosen != _AMBIGUOUS:
                links.append((chosen, so_id))
                by_number.add(so_id)
    waiting = conn.execute(
        "SELECT id, recipient_name, recipient_phone, product_title, created_at"
        " FROM supplier_order WHERE sales_order_id IS NULL AND recipient_phone != ''"
        " AND downstream_order_no = '' ORDER BY created_at, id"
    ).fetchall()
    if waiting:
        phones = {_phone_key(w[2]) for w in waiting}
        # buyer_phone is compared as stored; keys let differently formatted numbers meet.
        candidates = _load_candidates(phones | {w[2] for w in waiting}, new_order_ids)
        for so_id, name, phone, product, created in waiting:
            pool = candidates.get(_phone_key(phone))
            if not pool:
                continue
            candidate = _pick(pool, name or "", product or "", created)
            if candidate is not None:
                candidate.taken = True
                links.append((candidate.id, so_id))
    if links:
        conn.executemany(
            "UPDATE supplier_order SET sales_order_id = ?, updated_at = ? WHERE id = ?",
            [(sales_id, now_epoch(), so_id) for sales_id, so_id in links],
        )
        _learn_from_links({sales_id for sales_id, _ in links})
        _audit_rows(
            [
                (
                    "supplier_order",
                    so_id,
                    sales_id,
                    "linked_downstream" if so_id in by_number else "matched_on_import",
                    "",
                    "",
                )
                for sales_id, so_id in links
            ]
        )
    return {sales_id for sales_id, _ in links}


#: 下游渠道 texts (lower case, no spaces) → the shop platforms they name.
_CHANNELS: dict[str, tuple[str, ...]] = {
    "淘宝": ("taobao", "tmall"),
    "天猫": ("tmall", "taobao"),
    "淘宝/天猫": ("taobao", "tmall"),
    "taobao": ("taobao", "tmall"),
    "tmall": ("tmall", "taobao"),
    "tb": ("taobao", "tmall"),
    "拼多多": ("pdd",),
    "pdd": ("pdd",),
    "pinduoduo": ("pdd",),
    "抖音": ("douyin",),
    "抖店": ("douyin",),
    "抖音小店": ("douyin",),
    "douyin": ("douyin",),
    "头条": ("douyin",),
    "toutiao": ("douyin",),
    "快手": ("kuaishou",),
    "快手小店": ("kuaishou",),
    "kuaishou": ("kuaishou",),
}


def _channel_platforms(channel: str) -> tuple[str, ...] | None:
    """The shop platforms a 下游渠道 names; ``None`` for empty or unknown text (no filter)."""
    key = "".join(channel.split()).lower()
    if not key:
        return None
    return _CHANNELS.get(key)


def _shop_orders_by_number(
    numbers: Iterable[str], only_ids: Sequence[int] | None = None
) -> dict[str, list[tuple[int, str]]]:
    """Shop orders with these order numbers: number -> [(sales order id, platform)]."""
    wanted = sorted(set(numbers) - {""})
    if not wanted:
        return {}
    sql = (
        "SELECT o.shop_order_no, o.id, s.platform FROM sales_order o JOIN shop s"
        " ON s.id = o.shop_id WHERE o.shop_order_no IN (SELECT value FROM json_each(?))"
    )
    params: list[Any] = [json.dumps(wanted)]
    if isinstance(only_ids, range) and only_ids.step == 1:
        sql += " AND o.id BETWEEN ? AND ?"
        params += [only_ids.start, only_ids.stop - 1]
    elif only_ids is not None:
        sql += " AND o.id IN (SELECT value FROM json_each(?))"
        params.append(json.dumps(list(only_ids)))
    found: dict[str, list[tuple[int, str]]] = {}
    for number, oid, platform in db.connection().execute(sql, params):
        found.setdefault(str(number), []).append((int(oid), str(platform)))
    return found


def _downstream_pick(candidates: list[tuple[int, str]], channel: str) -> int | None:
    """The shop order a 下游订单号 names: the one order with that number (on the platform
    下游渠道 names, when it names one); ``None`` when there is none, :data:`_AMBIGUOUS` when
    several shops have an order with that number."""
    platforms = _channel_platforms(channel)
    if platforms is not None:
        candidates = [c for c in candidates if c[1] in platforms]
    if len(candidates) > 1:
        return _AMBIGUOUS
    return candidates[0][0] if candidates else None


#: :func:`_downstream_pick`'s answer when several shop orders have the number.
_AMBIGUOUS = -1


# --- 1688 orders -------------------------------------------------------------------------------

_SUPPLIER_SQL = (
    "INSERT INTO supplier_order (id, sales_order_id, supplier_id, offer_id, account_id,"
    " order_id_1688, status, refund_status, product_title, quantity, cost_fen, dropship_fee_fen,"
    " shipping_fen, paid_fen, recipient_name, recipient_phone, carrier, tracking_no, created_at,"
    " paid_at, updated_at, downstream_order_no, downstream_channel, is_dropship, batch_no)"
    " VALUES (?, ?, ?, NULL, NULL, ?, ?, NULL, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_SUPPLIER_LINE_SQL = (
    "INSERT INTO supplier_order_line (supplier_order_id, line_no, title, spec, offer_id_1688,"
    " sku_id_1688, item_code, quantity, unit_price_fen, amount_fen)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def _supplier_lines(so_id: int, lines: Sequence[OrderRecord]) -> list[tuple[Any, ...]]:
    """The goods lines of a 1688 order as rows of ``supplier_order_line``."""
    rows = []
    for line_no, r in enumerate(lines, start=1):
        qty = r.quantity or 1
        unit = r.unit_price_fen or 0
        rows.append(
            (
                so_id,
                line_no,
                r.product_title,
                r.spec,
                r.offer_id,
                r.sku_id_1688,
                r.item_code,
                qty,
                unit,
                unit * qty,
            )
        )
    return rows


def _first_value(lines: Sequence[OrderRecord], name: str) -> Any:
    """The first line's value that is not ``None`` (an order-level cell of a 1688 order)."""
    for line in lines:
        value = getattr(line, name)
        if value is not None:
            return value
    return None


def _import_1688(
    preview: ImportPreview, report: ProgressCallback, cancelled: Callable[[], bool]
) -> tuple[ImportSummary, set[int]]:
    conn = db.connection()
    numbers = list(preview.orders)
    total = len(numbers)
    now = now_epoch()
    report("checking", 0, total)
    existing: dict[str, tuple[Any, ...]] = {}
    for part in _chunks(numbers, 900):
        marks = ",".join("?" * len(part))
        for row in conn.execute(
            "SELECT order_id_1688, id, sales_order_id, status, carrier, tracking_no, paid_fen,"
            " paid_at, downstream_order_no, downstream_channel, is_dropship, batch_no,"
            " (SELECT count(*) FROM supplier_order_line l WHERE l.supplier_order_id ="
            f" supplier_order.id) FROM supplier_order WHERE order_id_1688 IN ({marks})",
            part,
        ):
            existing[row[0]] = row[1:]
    suppliers: dict[str, int] = {}
    for sid, name, member in conn.execute("SELECT id, name, member_id FROM supplier"):
        suppliers.setdefault(name, sid)
        if member:
            suppliers.setdefault(member, sid)
    new_numbers = [n for n in numbers if n not in existing]
    # 下游订单号: the shop order each was placed for (also for waiting orders already here).
    downstream = _shop_orders_by_number(
        _first(preview.orders[n], "downstream_order_no") for n in numbers
    )
    raw_phones = {
        _first(preview.orders[n], "buyer_phone")
        for n in new_numbers
        if not _first(preview.orders[n], "downstream_order_no")
    }
    # buyer_phone is compared as stored; keys let differently formatted numbers meet.
    phones = raw_phones | {_phone_key(p) for p in raw_phones}
    phones.discard("")
    candidates = _load_candidates(phones) if phones else {}
    if cancelled():
        raise ImportCancelledError()

    next_id = int(conn.execute("SELECT coalesce(max(id), 0) + 1 FROM supplier_order").fetchone()[0])
    inserts: list[tuple[Any, ...]] = []
    line_rows: list[tuple[Any, ...]] = []
    updates: list[tuple[Any, ...]] = []
    audits: list[tuple[str, int | None, int | None, str, str, str]] = []
    affected: set[int] = set()
    newly_linked: set[int] = set()
    matched = unmatched = unchanged = linked = waiting_named = ambiguous = 0
    for index, order_no in enumerate(numbers):
        lines = preview.orders[order_no]
        first = lines[0]
        status = _status_code(first.status)
        carrier = _first(lines, "carrier")
        tracking = _first(lines, "tracking_no")
        paid_at = _epoch(_first_time(lines, "paid_at"))
        goods = sum((r.unit_price_fen or 0) * (r.quantity or 1) for r in lines)
        shipping = _first_value(lines, "shipping_fen") or 0  # per order, on its first row
        amount = _sale_fen(lines) if any(r.amount_fen is not None for r in lines) else 0
        if not goods and amount:
            goods = max(amount - shipping, 0)
        paid_fen = amount if paid_at is not None or status not in ("waitbuyerpay", "") else 0
        named_no = _first(lines, "downstream_order_no")
        channel = _first(lines, "downstream_channel")
        is_dropship = _first_value(lines, "is_dropship")
        dropship = None if is_dropship is None else int(is_dropship)
        batch_no = _first(lines, "batch_no")
        named_sales = _downstream_pick(downstream.get(named_no, []), channel) if named_no else None
        is_ambiguous = named_sales == _AMBIGUOUS
        if is_ambiguous:
            named_sales = None  # several shops have an order with that number: linked by hand
        old = existing.get(order_no)
        if old is not None:
            (so_id, sales_id, old_status, old_carrier, old_tracking, old_paid_fen, old_paid,
             old_named, old_channel, old_dropship, old_batch, old_lines) = old  # fmt: skip
            new_sales = sales_id
            if sales_id is None and named_sales is not None:
                new_sales = named_sales  # its shop order has been imported since
            new_values = (
                new_sales,
                status,
                carrier or old_carrier,
                tracking or old_tracking,
                paid_fen or old_paid_fen,
                old_paid if old_paid is not None else paid_at,
                old_named or named_no,
                old_channel or channel,
                old_dropship if dropship is None else dropship,
                old_batch or batch_no,
            )
            if not old_lines:  # imported before lines were kept
                line_rows.extend(_supplier_lines(so_id, lines))
            if new_sales is None and named_no:
                # Still waiting for its shop order (or for the seller to choose among several).
                if is_ambiguous:
                    ambiguous += 1
                else:
                    waiting_named += 1
            before = (sales_id, *old[2:11])
            if new_values == before and old_lines:
                unchanged += 1
                continue
            updates.append((*new_values, now, so_id))
            if new_sales is not None:
                affected.add(new_sales)
                if sales_id is None:
                    linked += 1
                    audits.append(("supplier_order", so_id, new_sales, "linked_downstream", "", ""))
            if status != old_status:
                audits.append(
                    _status_audit(
                        "supplier_order", so_id, new_sales, old_status, status, preview.file_name
                    )
                )
            continue
        name = _first(lines, "buyer_name")
        phone = _first(lines, "buyer_phone")
        product = product_summary(r.product_title for r in lines)
        created = _epoch(first.created_at) or paid_at or now
        sales_id = None
        if named_no:
            # The shop order it was placed for: the strongest link, whatever the buyer says.
            sales_id = named_sales
            if is_ambiguous:
                ambiguous += 1
            elif sales_id is None:
                waiting_named += 1
            else:
                linked += 1
        else:
            chosen = _pick(candidates.get(_phone_key(phone), []), name, product, created)
            if chosen is not None:
                chosen.taken = True
                sales_id = chosen.id
        if sales_id is not None:
            affected.add(sales_id)
            newly_linked.add(sales_id)
            matched += 1
        else:
            unmatched += 1
        so_id = next_id
        next_id += 1
        inserts.append(
            (
                so_id,
                sales_id,
                suppliers.get(_first(lines, "supplier_name")),
                order_no,
                status,
                product,
                sum(r.quantity or 1 for r in lines),
                goods,
                shipping,
                paid_fen,
                name,
                phone,
                carrier,
                tracking,
                created,
                paid_at,
                now,
                named_no,
                channel,
                dropship,
                batch_no,
            )
        )
        line_rows.extend(_supplier_lines(so_id, lines))
        if index % CHUNK == CHUNK - 1:
            report("checking", index + 1, total)
            if cancelled():
                raise ImportCancelledError()
    report("writing", 0, total)
    created = len(inserts)
    _write_chunks(
        conn, _SUPPLIER_SQL, inserts, CHUNK, cancelled, lambda n: report("writing", n, total)
    )
    lines_created = _write_chunks(conn, _SUPPLIER_LINE_SQL, line_rows, CHUNK, cancelled)
    conn.executemany(
        "UPDATE supplier_order SET sales_order_id = ?, status = ?, carrier = ?, tracking_no = ?,"
        " paid_fen = ?, paid_at = ?, downstream_order_no = ?, downstream_channel = ?,"
        " is_dropship = ?, batch_no = ?, updated_at = ? WHERE id = ?",
        updates,
    )
    report("writing", total, total)
    _refresh_summaries(affected)
    _learn_from_links(newly_linked)
    _audit_rows(audits)
    summary = ImportSummary(
        file_name=preview.file_name,
        kind="1688",
        format=preview.format,
        rows=preview.row_count,
        orders_created=created,
        orders_updated=len(updates),
        orders_unchanged=unchanged,
        lines_created=lines_created,
        status_changes=sum(1 for a in audits if a[3] == "status_imported"),
        matched=matched,
        unmatched=unmatched,
        summary_rows=len(preview.summary_rows),
        waiting_downstream=waiting_named,
        ambiguous_downstream=ambiguous,
        linked_downstream=linked,
    )
    return summary, affected


# --- order summaries ---------------------------------------------------------------------------


def _refresh_summaries(sales_order_ids: Iterable[int]) -> None:
    """Recompute supplier-side columns, profit and flags (MISMATCH etc.) of sales orders."""
    ids = sorted(set(sales_order_ids))
    if ids:
        refresh_order_summaries(ids)


def _learn_from_links(sales_order_ids: set[int]) -> None:
    """Fulfilment: propose SKU mappings from the new links, close purchases awaiting a number."""
    if sales_order_ids:
        from .purchasing import on_supplier_orders_linked

        on_supplier_orders_linked(sales_order_ids)
