"""Mapping a table's rows to typed order records, cell by cell, with a row/column message for every problem; then grouping the records into orders."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime
from itertools import repeat
from typing import Any

from dropship_desktop.domain.enums import SalesStatus, SupplierStatus
from dropship_desktop.domain.money import MoneyError
from dropship_desktop.i18n import QT_TRANSLATE_NOOP, join, with_values
from dropship_desktop.tabular.cells import (
    CellError,
    clean_order_number,
    clean_text,
    parse_datetime,
    unreadable_cell,
)
from dropship_desktop.tabular.platform_formats import OrderKind
from dropship_desktop.tabular.table import Table, TableError, gc_paused

from .cell_values import money, quantity, spec_text, tracking
from .orders_formats import (
    CANONICAL_FIELDS,
    HIDDEN_ADDRESS,
    HIDDEN_NAME,
    HIDDEN_PHONE,
    ColumnMapping,
    MappingResult,
    OrderRecord,
    RowError,
)
from .status_words import map_status_text

__all__ = [
    "group_by_order",
    "map_rows",
    "mapped_columns",
    "required_order_number",
]


_TRANSPOSE_BLOCK = 5000


#: What a cell converter may raise on a hostile cell (CellError and MoneyError included).
_CELL_FAILURES = (ValueError, OverflowError, ArithmeticError)


_TEXT_FIELDS = (
    "shop_name",
    "province",
    "city",
    "district",
    "product_title",
    "sku",
    "carrier",
    "supplier_name",
    "remark",
    "buyer_message",
    "buyer_member",
    "payment_method",
    "close_reason",
    "spec",
    "item_code",
    "downstream_channel",
    "batch_no",
)


#: Receiver fields: a platform may hide them (``##密文…``, ``$$密文…``, ``***``).
_RECEIVER_FIELDS = ("buyer_name", "buyer_phone", "street", "address")


_HIDDEN_BITS = (
    ("buyer_name", HIDDEN_NAME),
    ("buyer_phone", HIDDEN_PHONE),
    ("street", HIDDEN_ADDRESS),
    ("address", HIDDEN_ADDRESS),
)


#: Long numeric ids kept as text (wrappers removed, ``-`` for none).
_ID_FIELDS = (
    "sub_order_no",
    "platform_item_id",
    "platform_sku_id",
    "offer_id",
    "sku_id_1688",
    "downstream_order_no",
)


_MONEY_FIELDS = ("unit_price_fen", "amount_fen", "shipping_fen", "payable_fen")


_TIME_FIELDS = ("created_at", "paid_at")


def _promised_time(text: str | None) -> datetime | None:
    """A promised ship-by time (承诺发货时间); a cell that is no time is no promise (the import
    then sets the usual deadline) rather than an error that would refuse the whole file."""
    try:
        return parse_datetime(text)
    except CellError:
        return None


def map_rows(
    table: Table,
    mapping: ColumnMapping,
    kind: OrderKind = "shop",
    *,
    max_errors: int = 1000,
) -> MappingResult:
    """Turn the rows of an order export into typed records.

    Rows of one order (several items sharing an order number) stay separate records; see
    :func:`group_by_order`. A row with any bad cell yields errors (one per bad cell) and no
    record. Whether to import anything when there are errors is the caller's decision.

    Args:
        table: The file as read by :func:`~dropship_desktop.tabular.reader.read_table`.
        mapping: The column mapping.
        kind: ``"shop"`` or ``"1688"``; decides how status texts are mapped.
        max_errors: Stop collecting errors after this many (``errors_truncated`` is set).

    Returns:
        The records and the errors.

    Raises:
        TableError: The mapping lacks a required field or names a header the file lacks.
    """
    columns = mapped_columns(table, mapping, kind)
    position = {h: i for i, h in reversed(list(enumerate(table.headers)))}
    fallbacks = {
        canonical: [position[h] for h in headers if h in position]
        for canonical, headers in mapping.fallbacks.items()
        if canonical in columns and any(h in position for h in headers)
    }
    with gc_paused():
        return _map_columns(table, columns, kind, max_errors, fallbacks)


def _map_columns(
    table: Table,
    columns: dict[str, int],
    kind: OrderKind,
    max_errors: int,
    fallbacks: dict[str, list[int]] | None = None,
) -> MappingResult:
    headers = table.headers
    count = len(table.rows)
    if count == 0:
        return MappingResult()
    # Column-wise: transpose once (C speed), then convert each distinct cell value once.
    # Exports repeat statuses, titles, amounts, carriers and times a lot, and the per-cell
    # Python work is what limits import speed.
    width = max([*columns.values(), *(j for js in (fallbacks or {}).values() for j in js)]) + 1
    # In blocks: one zip over all rows is a single C call that holds the GIL for a few hundred
    # ms on 100k rows, freezing the UI thread while an import maps rows on the worker.
    transposed: list[list[str]] = [[] for _ in range(width)]
    rows = table.rows
    for start in range(0, count, _TRANSPOSE_BLOCK):
        block = zip(*(row[:width] for row in rows[start : start + _TRANSPOSE_BLOCK]), strict=True)
        for column, values in zip(transposed, block, strict=True):
            column.extend(values)
    numbers = table.row_numbers
    for canonical, further in (fallbacks or {}).items():
        # A row whose cell is empty takes the next candidate column's (codes, the mobile).
        i = columns[canonical]
        merged = transposed[i]
        for j in further:
            merged = [a if clean_text(a) else b for a, b in zip(merged, transposed[j], strict=True)]
        transposed[i] = merged
    problems: list[tuple[int, int, str]] = []  # (row index, column index, message)

    def convert(canonical: str, function: Any, describe: Any = None) -> list[Any]:
        i = columns[canonical]
        column = transposed[i]
        distinct = set(column)
        failed: dict[str, str] = {}
        if len(distinct) * 2 > len(column):
            # Mostly distinct values (order numbers, times, phones): a lookup table would cost
            # more than it saves. A bad cell falls through to the per-value path below.
            try:
                return list(map(function, column))
            except _CELL_FAILURES:
                pass
        try:
            table_ = {cell: function(cell) for cell in distinct}
        except _CELL_FAILURES:
            table_ = {}
            for cell in distinct:  # again, one by one, to name every bad cell
                try:
                    table_[cell] = function(cell)
                except (CellError, MoneyError) as exc:
                    table_[cell] = None
                    failed[cell] = describe(cell, exc) if describe else exc.text
                except _CELL_FAILURES as exc:  # unforeseen: still the row and the column
                    table_[cell] = None
                    failed[cell] = unreadable_cell(cell, exc).text
        if failed:
            problems.extend((r, i, failed[c]) for r, c in enumerate(column) if c in failed)
        return list(map(table_.__getitem__, column))

    out: dict[str, list[Any]] = {}
    order_nos = out["order_no"] = convert("order_no", _order_number_or_blank)
    skip: set[int] = set()  # rows that yield no record (summary rows, lines of a bad order)
    summary: list[int] = []
    continuation: list[bool] | None = None
    first_column = transposed[0]
    summary_firsts = (
        {c for c in set(first_column) if _is_summary_cell(c)} if columns["order_no"] else set()
    )
    if "" in order_nos or _SUMMARY in order_nos or summary_firsts:
        rows_ = table.rows
        last: str | None = None
        after_bad = False
        if kind == "1688":
            continuation = [False] * count
        for r, value in enumerate(order_nos):
            if value is _SUMMARY or (summary_firsts and first_column[r] in summary_firsts):
                summary.append(r)
                continue
            if value is None:  # a bad cell (already a problem): its further lines go with it
                last, after_bad = None, True
                continue
            if value != "":
                last, after_bad = value, False
                continue
            if any(_is_summary_cell(c) for c in rows_[r]):
                summary.append(r)
            elif continuation is None:
                problems.append((r, columns["order_no"], _EMPTY_ORDER_NO))
            elif last is None:
                if after_bad:
                    skip.add(r)
                else:
                    problems.append((r, columns["order_no"], _NO_ORDER_ABOVE))
            else:
                order_nos[r] = last  # a further goods line of the order above
                continuation[r] = True
        skip.update(summary)
        if continuation is not None:
            out["continuation"] = continuation
    for name in _TEXT_FIELDS:
        if name in columns and name != "sub_order_no":
            out[name] = convert(name, spec_text if name == "spec" else clean_text)
    partial_fields: set[str] = set()
    for name in _RECEIVER_FIELDS:
        if name in columns:
            out[name], partial = _hide_placeholders(
                convert(name, clean_text), keep_region=name in ("street", "address")
            )
            if partial:
                partial_fields.add(name)
    for name in _ID_FIELDS:
        if name in columns:
            out[name] = convert(name, _id_text)
    for name in _MONEY_FIELDS:
        if name in columns and name != "payable_fen":
            out[name] = convert(name, money, _money_message)
    for name in _TIME_FIELDS:
        if name in columns:
            out[name] = convert(name, parse_datetime)
    if "ship_by" in columns:
        out["ship_by"] = convert("ship_by", _promised_time)
    if "refund_fen" in columns:
        # Only tells a refund from a cancellation: a cell that is no amount (无, /) is none.
        out["refund_fen"] = convert("refund_fen", _lenient_money)
    if "quantity" in columns:
        out["quantity"] = convert("quantity", quantity)
    if "is_dropship" in columns:
        out["is_dropship"] = convert("is_dropship", _yes_no)
    if "status_text" in columns:
        out["status"] = convert("status_text", _status_converter(kind))
        out["status_text"] = convert("status_text", clean_text)
        if "payable_fen" in columns and SalesStatus.WAIT_PAY in out["status"]:
            # The amount payable is only used for unpaid orders (their value): read (and
            # checked) only when the file has some.
            out["payable_fen"] = convert("payable_fen", money, _money_message)
        if kind == "shop" and ("close_reason" in out or "refund_fen" in out):
            out["status"] = _refunds_of_closed(
                out["status"], out.get("close_reason"), out.get("refund_fen")
            )
    if "tracking_no" in columns:
        pairs = convert("tracking_no", tracking)
        if None in pairs:  # a damaged number (already a problem: its row yields no record)
            pairs = [p or ("", "") for p in pairs]
        out["tracking_no"] = [p[1] for p in pairs]
        found = [p[0] for p in pairs]
        if any(found):
            carriers = out.get("carrier") or [""] * count
            out["carrier"] = [c or f for c, f in zip(carriers, found, strict=True)]
    hidden: list[int] | None = None
    for name, bit in _HIDDEN_BITS:
        values = out.get(name)
        if values is not None and (name in partial_fields or _HIDDEN in values):
            if hidden is None:
                hidden = [0] * count
            for r, value in enumerate(values):
                if value is _HIDDEN:
                    hidden[r] |= bit
                    values[r] = ""
                elif type(value) is _Partial:
                    hidden[r] |= bit  # the platform hid the rest: keep what it showed
                    values[r] = str(value)
    if hidden is not None:
        out["hidden"] = hidden
    split_parts = [n for n in ("province", "city", "district") if n in columns]
    if "street" in columns:
        split_parts.append("street")
    if split_parts:
        detail = out.get("address") or [""] * count
        out["address"] = list(map(_join_address, *(out[n] for n in split_parts), detail))
        out.pop("street", None)
    if "changed_address" in columns:
        # Taobao's 修改后的收货地址: the address the buyer changed to after ordering, where the
        # parcel must go; empty on most rows, which keep 收货地址. Masked (in part), the parcel's
        # address is not known: the region it shows is kept and the order says it was hidden.
        changed, _partial = _hide_placeholders(
            convert("changed_address", clean_text), keep_region=True
        )
        address = out.get("address") or [""] * count
        bits = out.get("hidden") or [0] * count
        for r, value in enumerate(changed):
            if not value:
                continue
            if value is _HIDDEN or type(value) is _Partial:
                bits[r] |= HIDDEN_ADDRESS
                if type(value) is _Partial:
                    address[r] = str(value)
            else:
                bits[r] &= ~HIDDEN_ADDRESS
                address[r] = value
        out["address"] = address
        if any(bits):
            out["hidden"] = bits

    out["row"] = numbers
    args = [out.get(name) or repeat(default) for name, default in _RECORD_DEFAULTS]
    records = list(map(OrderRecord, *args))
    result = MappingResult(records=records, summary_rows=[numbers[r] for r in summary])
    if problems or skip:
        if summary:  # a summary row's cells are no order's: not problems
            summary_set = set(summary)
            problems = [p for p in problems if p[0] not in summary_set]
        problems.sort()
        bad_rows = {r for r, _, _ in problems}
        if continuation is not None and bad_rows:
            # The further lines of an order whose first row is bad go with it.
            bad_orders = {order_nos[r] for r in bad_rows if not continuation[r]}
            skip.update(
                r for r, flag in enumerate(continuation) if flag and order_nos[r] in bad_orders
            )
        skip |= bad_rows
        result.records = [rec for r, rec in enumerate(records) if r not in skip]
        result.errors = [
            RowError(numbers[r], headers[i], message) for r, i, message in problems[:max_errors]
        ]
        result.errors_truncated = len(problems) > max_errors
    return result


def mapped_columns(table: Table, mapping: ColumnMapping, kind: OrderKind) -> dict[str, int]:
    """The column index of each mapped field, after checking the mapping fits the file.

    Raises:
        TableError: The mapping lacks a required field, names an unknown field, or names a
            header the file lacks.
    """
    missing = mapping.missing(kind)
    if missing:
        raise TableError(
            QT_TRANSLATE_NOOP(
                "Errors", "The column mapping lacks: {names}. Choose a column for each."
            ),
            names=join((CANONICAL_FIELDS[m] for m in missing), ", "),
        )
    position = {h: i for i, h in reversed(list(enumerate(table.headers)))}
    columns: dict[str, int] = {}
    for canonical, header in mapping.fields.items():
        if canonical not in CANONICAL_FIELDS:
            raise TableError(
                QT_TRANSLATE_NOOP("Errors", "Unknown field {field!r} in the column mapping."),
                field=canonical,
            )
        if header not in position:
            raise TableError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "The file has no column {header!r} (for {field}). Check that you chose the "
                    "right file, or change the column mapping.",
                ),
                header=header,
                field=CANONICAL_FIELDS[canonical],
            )
        columns[canonical] = position[header]
    return columns


def required_order_number(cell: str) -> str:
    """The order number in a cell, unwrapped (``="…"``, apostrophe, tab).

    Raises:
        CellError: The cell holds no order number, or one in scientific notation.
    """
    if cell.isdigit() and cell.isascii():
        return cell  # the reader already unwrapped it: the common case, no copy
    order_no = clean_order_number(cell)
    if not order_no:
        raise CellError(QT_TRANSLATE_NOOP("Errors", "the order number is empty"))
    return order_no


def _money_message(cell: str, exc: MoneyError) -> str:
    if isinstance(exc, CellError):
        return exc.text  # out of bounds or too long: it says so itself
    # The reason names the value itself ("not an amount: '12.3.4'"): said once, with what to do.
    return with_values(
        QT_TRANSLATE_NOOP(
            "Errors", "{reason}. Write the amount in yuan, such as 59.00 or 1,259.50."
        ),
        reason=exc.text,
    )


def _lenient_money(cell: str) -> int | None:
    try:
        return money(cell)
    except _CELL_FAILURES:
        return None


def _refunds_of_closed(
    statuses: list[Any], reasons: list[str] | None, refunds: list[int | None] | None
) -> list[Any]:
    """Closed orders whose close reason names a refund (Taobao: 交易关闭 with 订单关闭原因
    买家申请退款 / 退款) or that refunded money (退款金额 > 0) are refunds, not cancellations."""
    closed = SalesStatus.CANCELLED
    out = list(statuses)
    for r, status in enumerate(statuses):
        if status is not closed:
            continue
        reason = reasons[r] if reasons is not None else ""
        refund = refunds[r] if refunds is not None else None
        if (reason and "退款" in reason) or (refund is not None and refund > 0):
            out[r] = SalesStatus.REFUNDED
    return out


def _status_converter(kind: OrderKind) -> Any:
    def convert(cell: str) -> SalesStatus | SupplierStatus | None:
        cleaned = clean_text(cell)
        if not cleaned:
            if kind == "shop":
                raise CellError(QT_TRANSLATE_NOOP("Errors", "the order status is empty"))
            return None
        return map_status_text(cleaned, kind)

    return convert


# Sentinels (compared by identity): a summary row's order cell, a hidden receiver field.
_SUMMARY = "\x00summary"


_HIDDEN = "\x00hidden"


_SUMMARY_WORDS = ("合计", "总计", "汇总")


_EMPTY_ORDER_NO = QT_TRANSLATE_NOOP("Errors", "the order number is empty")


_NO_ORDER_ABOVE = QT_TRANSLATE_NOOP(
    "Errors",
    "the order number is empty and there is no order above this row for it to belong to (a "
    "1688 order's further goods lines leave the order number empty; its first row must have "
    "it)",
)


def _is_summary_cell(cell: str) -> bool:
    """A summary row's label: 合计, 总计, 汇总 (also ``合计：``, ``总计(30单)``)."""
    return bool(cell) and cell.strip(" \t\u3000\ufeff'\"=").startswith(_SUMMARY_WORDS)


def _order_number_or_blank(cell: str) -> str:
    """The order number of a cell; ``""`` when blank, :data:`_SUMMARY` for a summary label."""
    if cell.isdigit() and cell.isascii():
        return cell  # the reader already unwrapped it: the common case, no copy
    if cell.startswith('="') and cell.endswith('"'):
        inner = cell[2:-1]  # Taobao's ="1930679858170647123": no need for the full cleaning
        if inner.isascii() and inner.isdigit():
            return inner
    number = clean_order_number(cell)
    if number in ("-", "--"):
        return ""
    if number.startswith(_SUMMARY_WORDS):
        return _SUMMARY
    return number


def _is_placeholder(text: str) -> bool:
    """Whether a receiver field is the platform's placeholder for hidden data."""
    return bool(text) and (
        text.startswith(("##", "$$"))
        or ("*" in text and (text.strip("*") == "" or "**" in text))
        or "密文" in text
    )


class _Partial(str):
    """What is left of an address the platform masked in part (``浙江省杭州市西湖区****``)."""


_MASK_RUN = re.compile(r"[*＊]+")


def _hide_placeholders(values: list[str], *, keep_region: bool = False) -> tuple[list[str], bool]:
    """*values* with placeholders (``##密文…``, ``$$密文…``, ``***``) replaced by :data:`_HIDDEN`,
    and whether some were masked only in part.

    With *keep_region* (addresses) a value masked in part keeps what it shows (the province,
    city, district: where the parcel goes) as a :class:`_Partial`. Looked for in one joined
    string first (C speed): most files have none.
    """
    joined = "\x1f".join(values)
    if "#" not in joined and "$" not in joined and "*" not in joined and "密文" not in joined:
        return values, False
    out: list[str] = []
    partial = False
    for v in values:
        if not _is_placeholder(v):
            out.append(v)
            continue
        if keep_region and "密文" not in v and not v.startswith(("##", "$$")):
            shown = " ".join(_MASK_RUN.sub(" ", v).split())
            if len(shown) >= 2:
                out.append(_Partial(shown))
                partial = True
                continue
        out.append(_HIDDEN)  # type: ignore[arg-type]
    return out, partial


def _id_text(cell: str) -> str:
    """A platform id kept as text (``="…"``, tab, apostrophe removed; ``-`` for none)."""
    number = clean_order_number(cell)
    return "" if number in ("-", "--") else number


_YES = frozenset({"是", "y", "yes", "true", "1", "代发"})


_NO = frozenset({"否", "n", "no", "false", "0", "非代发"})


def _yes_no(cell: str) -> bool | None:
    """是/否 (or yes/no, 1/0) as a bool; anything else is not known (``None``)."""
    text = clean_text(cell).lower()
    if text in _YES:
        return True
    if text in _NO:
        return False
    return None


def _join_address(*parts: str) -> str:
    """Join split address parts in front of the detail, skipping repeats."""
    *prefix_parts, detail = parts
    prefix: list[str] = []
    for part in prefix_parts:
        # Municipalities repeat the province as the city (上海市 上海市); the detail
        # sometimes already starts with the whole prefix.
        if part and part not in detail and (not prefix or prefix[-1] != part):
            prefix.append(part)
    return "".join(prefix) + detail


_RECORD_DEFAULTS: tuple[tuple[str, Any], ...] = tuple(
    (name, OrderRecord._field_defaults.get(name)) for name in OrderRecord._fields
)


def group_by_order(records: Iterable[OrderRecord]) -> dict[str, list[OrderRecord]]:
    """Group records by order number, keeping first-seen order of orders and of lines.

    Args:
        records: Records as produced by :func:`map_rows`.

    Returns:
        Order number -> its records (the lines of that order).
    """
    groups: dict[str, list[OrderRecord]] = {}
    for record in records:
        groups.setdefault(record.order_no, []).append(record)
    return groups
