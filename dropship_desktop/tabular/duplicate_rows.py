"""Rows an export repeats (files put together): identical repeats dropped, copies of an order
in another state refused with both rows named."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from dropship_desktop.i18n import QT_TRANSLATE_NOOP, with_values

from .orders_formats import OrderRecord, RowError

__all__ = ["drop_duplicate_rows"]


#: Record fields made from another column (or several): the column a conflict is named by.
_SOURCE_FIELD = {
    "status": "status_text",
    "hidden": "buyer_name",
    "continuation": "order_no",
    "province": "address",
    "city": "address",
    "district": "address",
}


_CONFLICTING_ORDER_ROWS = QT_TRANSLATE_NOOP(
    "Errors",
    "this row and row {other} are both order {order} but differ (this export has one row per "
    "order: they cannot both be right, e.g. files of different days put together). Delete the "
    "older row, or export the orders again, and import the file again.",
)


_CONFLICTING_LINE_ROWS = QT_TRANSLATE_NOOP(
    "Errors",
    "this row and row {other} are both sub-order {number} but differ (e.g. files of different "
    "days put together). Delete the older row, or export the orders again, and import the file "
    "again.",
)


def _differing_column(a: OrderRecord, b: OrderRecord, fields: Mapping[str, str]) -> str:
    """The header of the first column where two records of one order differ."""
    for name, x, y in zip(OrderRecord._fields[1:], a[1:], b[1:], strict=True):
        if x != y:
            name = _SOURCE_FIELD.get(name, name)
            if name in fields:
                return fields[name]
    return fields.get("order_no", "")


_CONFLICTING_ORDER_COPIES = QT_TRANSLATE_NOOP(
    "Errors",
    "the rows of order {order} from this row on repeat its goods from row {other} but differ "
    "(e.g. its status or tracking number: files of different days put together). Delete the "
    "older rows, or export the orders again, and import the file again.",
)


def _line_identity(line: OrderRecord) -> tuple[Any, ...]:
    """Which goods a line is (not its price, quantity or the order's state)."""
    return (
        line.product_title,
        line.sku,
        line.spec,
        line.platform_item_id,
        line.platform_sku_id,
        line.offer_id,
        line.sku_id_1688,
        line.item_code,
    )


def _order_state(line: OrderRecord) -> tuple[Any, ...]:
    """What one export repeats on every line of an order (its state and receiver)."""
    return (
        line.status_text,
        line.tracking_no,
        line.carrier,
        line.paid_at,
        line.buyer_name,
        line.buyer_phone,
        line.address,
    )


def _copies(lines: list[OrderRecord]) -> list[list[OrderRecord]]:
    """An order's rows split where the order starts again: a 1688 order's first row (its
    further lines are continuation rows); else a row not right below the order's previous one,
    or one whose state or receiver differs from it (two exports overlapping at that order)."""
    with_continuations = any(line.continuation for line in lines)
    copies: list[list[OrderRecord]] = []
    for line in lines:
        if not copies:
            starts = True
        elif with_continuations:
            starts = not line.continuation
        else:
            previous = copies[-1][-1]
            starts = line.row != previous.row + 1 or _order_state(line) != _order_state(previous)
        if starts:
            copies.append([line])
        else:
            copies[-1].append(line)
    return copies


def _drop_repeated_copies(
    order_no: str,
    lines: list[OrderRecord],
    fields: Mapping[str, str],
    errors: list[RowError],
) -> tuple[list[OrderRecord], int, bool]:
    """An order of a line-per-row layout without sub-order numbers, given twice (exports put
    together): a copy with the same rows (in any order) is dropped; a copy of the same goods in
    another state (status, tracking number, receiver) is an error (two states of one order);
    other rows are more of its lines (e.g. a gift line of the same goods, sorted apart).

    Returns:
        The lines kept, how many rows were dropped, whether there is a conflict.
    """
    copies = _copies(lines)
    if len(copies) == 1:
        return lines, 0, False
    kept: list[list[OrderRecord]] = []
    dropped = 0
    for copy in copies:
        content = sorted((line[1:] for line in copy), key=repr)
        goods = sorted(map(_line_identity, copy), key=repr)
        state = _order_state(copy[0])
        for earlier in kept:
            if sorted((line[1:] for line in earlier), key=repr) == content:
                dropped += len(copy)
                break
            if (
                _order_state(earlier[0]) != state
                and sorted(map(_line_identity, earlier), key=repr) == goods
            ):
                errors.append(
                    RowError(
                        copy[0].row,
                        _differing_column(earlier[0], copy[0], fields),
                        with_values(
                            _CONFLICTING_ORDER_COPIES, order=order_no, other=earlier[0].row
                        ),
                    )
                )
                return lines, 0, True
        else:
            kept.append(copy)
    return [line for copy in kept for line in copy], dropped, False


def drop_duplicate_rows(
    orders: dict[str, list[OrderRecord]], fields: Mapping[str, str], *, one_row_per_order: bool
) -> tuple[int, list[RowError]]:
    """Drop rows that repeat another row of the file (exports put together), in place.

    A repeated row is identical in every column the import reads: it is dropped (and counted).
    In a layout of one row per order (Taobao's 订单报表) two rows of one order that differ are
    an error naming both rows (which one is right is not known); in a layout of one row per
    goods line, rows with the same sub-order number (子订单编号) are one line (differing: an
    error). Without sub-order numbers an order given again further down (or, in a 1688 export,
    from a new first row) is a copy: dropped when identical, an error when it lists the same
    goods but differs (two states of the order), more lines otherwise; then identical rows are
    repeats. An order with a conflict is removed from *orders* (its error blocks the import).

    Args:
        orders: Order number -> its records, as :func:`group_by_order` makes them.
        fields: The column mapping's fields (canonical field -> header), to name columns.
        one_row_per_order: The layout has one row per order.

    Returns:
        How many rows were dropped, and the errors.
    """
    dropped = 0
    errors: list[RowError] = []
    conflicting: list[str] = []
    for order_no, lines in orders.items():
        if len(lines) == 1:
            continue
        if not one_row_per_order and not any(line.sub_order_no for line in lines):
            lines_kept, copies_dropped, conflict = _drop_repeated_copies(
                order_no, lines, fields, errors
            )
            if conflict:
                conflicting.append(order_no)
                continue
            if copies_dropped:
                dropped += copies_dropped
                lines[:] = lines_kept
                if len(lines) == 1:
                    continue
        kept: list[OrderRecord] = []
        seen: dict[Any, OrderRecord] = {}
        bad = False
        for line in lines:
            content = line[1:]
            if one_row_per_order:
                key: Any = ()
            elif line.sub_order_no:
                key = line.sub_order_no
            else:
                key = content
            first = seen.get(key)
            if first is None:
                seen[key] = line
                kept.append(line)
            elif first[1:] == content:
                dropped += 1
            else:
                bad = True
                errors.append(
                    RowError(
                        line.row,
                        _differing_column(first, line, fields),
                        with_values(
                            _CONFLICTING_ORDER_ROWS
                            if one_row_per_order
                            else _CONFLICTING_LINE_ROWS,
                            other=first.row,
                            order=order_no,
                            number=line.sub_order_no,
                        ),
                    )
                )
        if bad:
            conflicting.append(order_no)
        elif len(kept) < len(lines):
            lines[:] = kept
    for order_no in conflicting:
        del orders[order_no]
    return dropped, errors
