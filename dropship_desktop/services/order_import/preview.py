"""The import preview: read the file, recognise its layout, map and check every row, group the orders — nothing written."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from ...domain.enums import ShopPlatform, SupplierStatus
from ...domain.masking import mask_name, mask_phone
from ...domain.orders import product_summary
from ...domain.timeutil import CHINA_TZ
from ...errors import UserError
from ...i18n import QT_TRANSLATE_NOOP, join, with_values
from ...tabular.cells import clean_text
from ...tabular.duplicate_rows import drop_duplicate_rows
from ...tabular.error_groups import ErrorGroup, group_errors, rows_text
from ...tabular.orders_formats import (
    CANONICAL_FIELDS,
    HIDDEN_NAME,
    HIDDEN_PHONE,
    ColumnMapping,
    OrderKind,
    OrderRecord,
    RowError,
    detect_by_order_numbers,
    find_layout,
    kind_for_format,
    normalise_header,
)
from ...tabular.platform_formats import REGISTRY, platform_format
from ...tabular.reader import path_problem, read_table
from ...tabular.row_mapping import (
    group_by_order,
    map_rows,
    mapped_columns,
)
from ...tabular.table import Table, TableError
from .base import (
    _FILE_PROBLEM,
    HIDDEN_BY_PLATFORM,
    _bulk_gc,
    _drain,
    _epoch,
    _first,
    _order_value,
)
from .tuning import DEFAULT_TUNING, ImportTuning

__all__ = [
    "ImportPreview",
    "check_preview",
    "header_signature",
    "preview_import",
    "read_order_file",
    "release_preview",
]


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
        duplicate_rows: Rows skipped because they repeat another row (exports put together;
            see :func:`~dropship_desktop.tabular.duplicate_rows.drop_duplicate_rows`; a deferred
            preview's are found by the commit).
        tuning: Chunk sizes and switches of this import (every stage reads them here).
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
    duplicate_rows: int = 0
    tuning: ImportTuning = DEFAULT_TUNING

    @property
    def one_row_per_order(self) -> bool:
        """The layout has one row per order (Taobao's 订单报表), not one per goods line.

        A Taobao file with a goods line's own columns (子订单编号, 商家编码, 外部系统编号, 价格)
        lists goods lines (the item report, or a seller's file joining both reports).
        """
        fields = self.mapping.fields
        if self.format != "taobao" or self.mapping.is_item_report:
            return False
        if "sub_order_no" in fields or "unit_price_fen" in fields:
            return False
        sku = fields.get("sku")
        return sku is None or normalise_header(sku) not in _LINE_CODE_HEADERS

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
        layout = platform_format(self.format)
        if layout is not None and layout.platforms:
            return layout.platforms
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


#: Taobao's per-line seller codes (the item report's): the order report has 修改后的sku only.
_LINE_CODE_HEADERS = frozenset({"商家编码", "外部系统编号"})


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


def read_order_file(
    path: str | Path, *, stream_rows: int = 0, mapping: ColumnMapping | None = None
) -> Table:
    """Read a CSV/XLSX/XLS file.

    Args:
        stream_rows: Read the rows after the first *stream_rows* only as ``Table.rest`` is
            iterated (see :func:`~dropship_desktop.tabular.reader.read_table`).
        mapping: The column mapping the file is to be read with: a workbook's sheet with its
            columns is preferred.

    Raises:
        UserError: The file cannot be read as a table (the message says why and what to do).
    """
    path = Path(path)
    problem = path_problem(path)
    if problem is not None:
        raise UserError(problem.text)  # it names the file itself
    columns = set(mapping.fields.values()) if mapping is not None and mapping.fields else None

    def wanted(table: Table) -> bool:
        if columns is not None:
            return columns <= set(table.headers)
        return find_layout(table)[1] is not None

    try:
        # A workbook's orders may follow a notes or cover sheet: the first sheet with the
        # mapping's columns, or whose header (in its first rows) is a known layout, is read;
        # else the first with data.
        return read_table(path, filename=path.name, stream_rows=stream_rows, wanted=wanted)
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
    tuning: ImportTuning = DEFAULT_TUNING,
) -> ImportPreview:
    """Read and map an order export without writing anything.

    Args:
        source: The file, or a table already read from it (re-mapping after a mapping change).
        fmt: ``None``/``"auto"`` to detect the layout, or a key of :data:`~dropship_desktop.tabular.platform_formats.REGISTRY`.
        mapping: A user's column mapping; wins over ``fmt``.
        kind: ``"shop"`` or ``"1688"`` for a user mapping (default: from the format).
        file_name: The name shown in messages when *source* is a table.
        defer_rows: Only read the file and check its layout; leave mapping the rows to the
            commit, which then overlaps it with writing (the CLI's one-go import of a shop
            export; see :attr:`ImportPreview.deferred`).
        stream: With *defer_rows*, also leave reading the rows after the first block to the
            commit (which then overlaps reading the file with writing).
        tuning: Chunk sizes and switches, carried by the preview to the commit.

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
            table = read_order_file(
                source, stream_rows=tuning.chunk if defer_rows and stream else 0, mapping=mapping
            )
        name = file_name or Path(source).name
    found = None
    if mapping is None or not set(mapping.fields.values()) <= set(table.headers):
        # The header row (below a preamble line or a title row) and the layout, in one pass.
        table, found = find_layout(table)
    if fmt in (None, "", "auto"):
        fmt = None
    elif fmt not in REGISTRY:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "Unknown format {format!r}. Use one of: auto, {formats}."),
            format=fmt,
            formats=", ".join(REGISTRY),
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
        tuning=tuning,
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
        detected = fmt or found or detect_by_order_numbers(table.headers, table.rows[:50])
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
            result = map_rows(
                table, preview.mapping, preview.kind, max_errors=preview.tuning.preview_errors
            )
    except TableError as exc:
        preview.problem = exc.text
        return preview
    errors = list(result.errors)
    records = _validate(_own_times(result.records, preview), preview, errors)
    orders = group_by_order(records)
    preview.duplicate_rows, conflicts = drop_duplicate_rows(
        orders, preview.mapping.fields, one_row_per_order=preview.one_row_per_order
    )
    errors.extend(conflicts)
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


def _column_values(table: Table, mapping: ColumnMapping, name: str) -> list[str]:
    """The distinct non-empty cleaned values of a mapped column, sorted."""
    header = mapping.fields.get(name)
    if header is None or header not in table.headers:
        return []
    column = table.headers.index(header)
    return sorted({clean_text(v) for v in {row[column] for row in table.rows}} - {""})
