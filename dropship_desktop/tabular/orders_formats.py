"""Detect platform order exports by their Chinese headers and map their rows to typed records.

Supported layouts: Taobao/Tmall "已卖出的宝贝" (order list and order detail exports),
Pinduoduo (拼多多商家后台 订单导出), Douyin shop (抖店 订单导出) and the 1688 buyer order export
(采购单/已买到的货源). Any other layout can be imported with a user-made :class:`ColumnMapping`.

Headers are compared after normalisation (:func:`normalise_header`): NFKC (so full-width
parentheses and letters match ASCII), no whitespace, no parenthesised unit such as ``(元)``
or ``(件)``, lower case. So ``用户实付金额(元)``, ``用户实付金额（元）`` and ``用户实付金额``
all match.

This module holds the layouts' recognition (the declarations are in :mod:`.platform_formats`),
the column mapping and the record types; :mod:`.row_mapping` maps the rows, :mod:`.status_words`
reads the status texts.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any, NamedTuple

from dropship_desktop.domain.enums import SalesStatus, SupplierStatus
from dropship_desktop.i18n import QT_TRANSLATE_NOOP, Text, with_values
from dropship_desktop.tabular.cells import (
    CellError,
    clean_order_number,
)
from dropship_desktop.tabular.platform_formats import REGISTRY, OrderKind
from dropship_desktop.tabular.table import Table

__all__ = [
    "CANONICAL_FIELDS",
    "ColumnMapping",
    "MappingResult",
    "OrderKind",
    "OrderRecord",
    "RowError",
    "detect_format",
    "find_layout",
    "kind_for_format",
    "normalise_header",
]


#: Canonical fields, in display order, with an English description (the import dialog's labels).
CANONICAL_FIELDS: dict[str, str] = {
    "order_no": QT_TRANSLATE_NOOP("MappingDialog", "Order number"),
    "sub_order_no": QT_TRANSLATE_NOOP("MappingDialog", "Sub-order (line) number"),
    "shop_name": QT_TRANSLATE_NOOP("MappingDialog", "Shop name"),
    "buyer_name": QT_TRANSLATE_NOOP("MappingDialog", "Recipient name"),
    "buyer_phone": QT_TRANSLATE_NOOP("MappingDialog", "Recipient phone"),
    "address": QT_TRANSLATE_NOOP("MappingDialog", "Address (detail, or the full address)"),
    # Used where filled: a row's 修改后的收货地址 replaces its address.
    "changed_address": QT_TRANSLATE_NOOP("MappingDialog", "Changed address (修改后的收货地址)"),
    "province": QT_TRANSLATE_NOOP("MappingDialog", "Province"),
    "city": QT_TRANSLATE_NOOP("MappingDialog", "City"),
    "district": QT_TRANSLATE_NOOP("MappingDialog", "District"),
    "street": QT_TRANSLATE_NOOP("MappingDialog", "Street / town"),
    "product_title": QT_TRANSLATE_NOOP("MappingDialog", "Product title"),
    "sku": QT_TRANSLATE_NOOP("MappingDialog", "Seller code (商家编码)"),
    "quantity": QT_TRANSLATE_NOOP("MappingDialog", "Quantity"),
    "unit_price_fen": QT_TRANSLATE_NOOP("MappingDialog", "Unit price"),
    "amount_fen": QT_TRANSLATE_NOOP("MappingDialog", "Amount paid"),
    "shipping_fen": QT_TRANSLATE_NOOP("MappingDialog", "Shipping fee"),
    "status_text": QT_TRANSLATE_NOOP("MappingDialog", "Order status"),
    "created_at": QT_TRANSLATE_NOOP("MappingDialog", "Created at"),
    "paid_at": QT_TRANSLATE_NOOP("MappingDialog", "Paid at"),
    "ship_by": QT_TRANSLATE_NOOP("MappingDialog", "Ship by (promised)"),
    "carrier": QT_TRANSLATE_NOOP("MappingDialog", "Carrier"),
    "tracking_no": QT_TRANSLATE_NOOP("MappingDialog", "Tracking number"),
    "supplier_name": QT_TRANSLATE_NOOP("MappingDialog", "Supplier"),
    "remark": QT_TRANSLATE_NOOP("MappingDialog", "Seller note (订单备注 / 商家备注)"),
    "buyer_message": QT_TRANSLATE_NOOP("MappingDialog", "Buyer message (买家留言)"),
    "buyer_member": QT_TRANSLATE_NOOP("MappingDialog", "Buyer account (买家会员名)"),
    "payment_method": QT_TRANSLATE_NOOP("MappingDialog", "Payment method (支付方式)"),
    "close_reason": QT_TRANSLATE_NOOP("MappingDialog", "Close reason (订单关闭原因)"),
    "refund_fen": QT_TRANSLATE_NOOP("MappingDialog", "Refund amount (退款金额)"),
    "payable_fen": QT_TRANSLATE_NOOP("MappingDialog", "Order value (payable, for unpaid orders)"),
    "platform_item_id": QT_TRANSLATE_NOOP("MappingDialog", "Platform item ID"),
    "platform_sku_id": QT_TRANSLATE_NOOP("MappingDialog", "Platform SKU ID"),
    "spec": QT_TRANSLATE_NOOP("MappingDialog", "Spec (规格 / 型号)"),
    "offer_id": QT_TRANSLATE_NOOP("MappingDialog", "1688 Offer ID"),
    "sku_id_1688": QT_TRANSLATE_NOOP("MappingDialog", "1688 SKU ID"),
    "item_code": QT_TRANSLATE_NOOP("MappingDialog", "Item code (货号)"),
    "downstream_order_no": QT_TRANSLATE_NOOP(
        "MappingDialog", "Shop order it was placed for (下游订单号)"
    ),
    "downstream_channel": QT_TRANSLATE_NOOP("MappingDialog", "Shop platform (下游渠道)"),
    "is_dropship": QT_TRANSLATE_NOOP("MappingDialog", "Dropship order (是否代发订单)"),
    "batch_no": QT_TRANSLATE_NOOP("MappingDialog", "Order batch (下单批次号)"),
}

#: Fields only one kind of export has (the mapping dialog shows the fields of the chosen kind).
FIELD_KINDS: dict[str, OrderKind] = {
    "sub_order_no": "shop",
    "shop_name": "shop",
    "province": "shop",
    "city": "shop",
    "district": "shop",
    "street": "shop",
    "payable_fen": "shop",
    "ship_by": "shop",
    "platform_item_id": "shop",
    "platform_sku_id": "shop",
    "sku": "shop",
    "buyer_message": "shop",
    "changed_address": "shop",
    "buyer_member": "shop",
    "payment_method": "shop",
    "close_reason": "shop",
    "refund_fen": "shop",
    "supplier_name": "1688",
    "offer_id": "1688",
    "sku_id_1688": "1688",
    "item_code": "1688",
    "downstream_order_no": "1688",
    "downstream_channel": "1688",
    "is_dropship": "1688",
    "batch_no": "1688",
}

#: What an encrypted or masked receiver field is stored as: nothing (``buyer_hidden`` says
#: which fields the platform hid). Bits of :attr:`OrderRecord.hidden`.
HIDDEN_NAME = 1
HIDDEN_PHONE = 2
HIDDEN_ADDRESS = 4

#: Kuaishou order numbers: 16 digits. A shop export no layout claims by its headers, whose
#: order numbers all have 16 digits, is taken as Kuaishou's (:func:`detect_by_order_numbers`).
KUAISHOU_ORDER_DIGITS = 16
_GENERIC_SHOP = (
    ("订单号", "订单编号", "订单id"),
    ("订单状态",),
    ("商品名称", "商品标题", "商品", "实付款", "订单实付款", "实付金额", "订单应付金额"),
)

_UNIT_RE = re.compile(r"\([^()]*\)")
_SPACE_RE = re.compile(r"[\s*:]+")


def normalise_header(header: str) -> str:
    """The form headers are compared in: NFKC, no whitespace or units, lower case.

    Args:
        header: A header as it appears in a file, e.g. ``"用户实付金额（元）"``.

    Returns:
        The normalised header, e.g. ``"用户实付金额"``.
    """
    text = unicodedata.normalize("NFKC", header)
    text = _SPACE_RE.sub("", text)
    stripped = _UNIT_RE.sub("", text)
    return (stripped or text).lower()


def _index(headers: Iterable[str]) -> dict[str, str]:
    """Normalised header -> the first source header with that form."""
    found: dict[str, str] = {}
    for header in headers:
        found.setdefault(normalise_header(header), header)
    return found


def detect_format(headers: Iterable[str]) -> str | None:
    """Recognise a platform order export by its headers.

    Args:
        headers: The header row.

    Returns:
        ``"taobao"``, ``"pdd"``, ``"douyin"``, ``"kuaishou"`` or ``"1688"``, or ``None`` when
        no format fits
        (or two fit equally well).
    """
    present = set(_index(headers))
    scores: dict[str, int] = {}
    for name, layout in REGISTRY.items():
        if all(any(normalise_header(h) in present for h in group) for group in layout.required):
            scores[name] = sum(normalise_header(h) in present for h in layout.signature)
    if not scores:
        return None
    ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None
    return ranked[0][0]


def detect_by_order_numbers(headers: list[str], rows: Iterable[list[str]]) -> str | None:
    """The layout of a shop export its headers alone do not identify, from its order numbers.

    Kuaishou's headers are not confirmed; its order numbers have 16 digits (Taobao's 16-19,
    but Taobao is recognised by its headers). A file with an order number, a status and a
    product or amount column whose first orders all have 16-digit numbers is Kuaishou's.

    Args:
        headers: The header row.
        rows: The first data rows (a few dozen are enough).

    Returns:
        ``"kuaishou"`` or ``None``.
    """
    index = _index(headers)
    if not all(any(normalise_header(h) in index for h in group) for group in _GENERIC_SHOP):
        return None
    column = next(
        headers.index(index[normalise_header(h)])
        for h in _GENERIC_SHOP[0]
        if normalise_header(h) in index
    )
    numbers: list[str] = []
    for row in rows:
        try:
            number = clean_order_number(row[column]) if column < len(row) else ""
        except CellError:
            return None
        if number:
            numbers.append(number)
    if numbers and all(n.isdigit() and len(n) == KUAISHOU_ORDER_DIGITS for n in numbers):
        return "kuaishou"
    return None


#: How far down a file its header may sit (below a preamble such as PDD's
#: ``订单查询导出,导出时间：…`` line or a workbook's title row).
HEADER_SEARCH_ROWS = 15


def locate_header(table: Table) -> Table:
    """The table with its header row found below a preamble (see :func:`find_layout`)."""
    return find_layout(table)[0]


def find_layout(table: Table) -> tuple[Table, str | None]:
    """Find the header row and recognise the layout, in one pass: the pipeline's second stage.

    The reader takes the first non-empty row as the header. Platform exports may put a title
    or an export-time line above the real header; the real one is the first of the first
    :data:`HEADER_SEARCH_ROWS` rows in which a layout is recognised (:func:`detect_format`).

    Args:
        table: The table as read.

    Returns:
        The table and the recognised layout's key (``None``: none). The table is *table* itself
        when its header is recognised or no lower row is; else a table whose header is that row,
        whose rows are the rows after it (short rows padded, also the streamed ones as they
        come), row numbers unchanged.
    """
    fmt = detect_format(table.headers)
    if fmt is not None:
        return table, fmt
    for at, row in enumerate(table.rows[: HEADER_SEARCH_ROWS - 1]):
        headers = [h.strip(" \t\r\n\u3000\ufeff") for h in row]
        fmt = detect_format(headers)
        if fmt is None:
            continue
        while headers and not headers[-1]:
            headers.pop()
        width = len(headers)
        rows = [_pad(r, width) for r in table.rows[at + 1 :]]
        rest = table.rest
        found = replace(
            table,
            headers=headers,
            rows=rows,
            row_numbers=table.row_numbers[at + 1 :],
            header_row=table.row_numbers[at],
            rest=None if rest is None else _padded_blocks(rest, width),
            expected_rows=max(0, table.expected_rows - at - 1),
        )
        return found, fmt
    return table, None


def _pad(row: list[str], width: int) -> list[str]:
    return row if len(row) >= width else [*row, *([""] * (width - len(row)))]


def _padded_blocks(
    blocks: Iterator[tuple[list[list[str]], list[int]]], width: int
) -> Iterator[tuple[list[list[str]], list[int]]]:
    for rows, numbers in blocks:
        yield [_pad(r, width) for r in rows], numbers


def kind_for_format(fmt: str | None) -> OrderKind:
    """``"1688"`` for the 1688 purchase export, ``"shop"`` for the shop platforms."""
    layout = REGISTRY.get(fmt or "")
    return layout.kind if layout is not None else "shop"


@dataclass(slots=True)
class ColumnMapping:
    """Which source header feeds each canonical field.

    Attributes:
        fields: Canonical field name -> source header, exactly as in the file.
        format: The format the mapping was built for, or ``None`` for a user mapping.
        fallbacks: Canonical field -> further source headers, read on a row whose cell of
            ``fields[name]`` is empty (Pinduoduo's 商家编码-商品维度 where 商家编码-规格维度 is
            empty, 1688's 单品货号 where 货号 is, 联系电话 where 联系手机 is): :data:`FALLBACK_FIELDS`.
    """

    fields: dict[str, str] = field(default_factory=dict)
    format: str | None = None
    fallbacks: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @classmethod
    def auto(cls, headers: Iterable[str], fmt: str | None = None) -> ColumnMapping:
        """Build the mapping for a file's headers.

        Args:
            headers: The header row.
            fmt: The format; detected from the headers when ``None``. When no format is
                detected, every format's candidates are tried, as a starting point for the
                user to correct.

        Returns:
            The mapping (fields without a matching header are left out).
        """
        headers = list(headers)
        fmt = fmt or detect_format(headers)
        index = _index(headers)
        formats = [fmt] if fmt else list(REGISTRY)
        fields: dict[str, str] = {}
        used: set[str] = set()
        for name in formats:
            for canonical, candidates in REGISTRY[name].candidates.items():
                if canonical in fields:
                    continue
                for candidate in candidates:
                    source = index.get(normalise_header(candidate))
                    # One column feeds one field, except that a time may be both created
                    # and paid time, and 快递信息 may hold both carrier and number.
                    if source is not None and (source not in used or canonical == "paid_at"):
                        fields[canonical] = source
                        used.add(source)
                        break
        fallbacks: dict[str, tuple[str, ...]] = {}
        for canonical in FALLBACK_FIELDS:
            if canonical not in fields or fmt is None:
                continue
            further: list[str] = []
            for candidate in REGISTRY[fmt].candidates.get(canonical, ()):
                source = index.get(normalise_header(candidate))
                if source is not None and source not in used and source not in further:
                    further.append(source)
            if further:
                fallbacks[canonical] = tuple(further)
        return cls(fields=fields, format=fmt, fallbacks=fallbacks)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-serialisable form, e.g. for the settings file."""
        data: dict[str, Any] = {"format": self.format, "fields": dict(self.fields)}
        if self.fallbacks:
            data["fallbacks"] = {k: list(v) for k, v in self.fallbacks.items()}
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ColumnMapping:
        """Rebuild a mapping from :meth:`to_dict` output.

        Raises:
            ValueError: The data is not a mapping of known canonical fields to header texts.
        """
        if not isinstance(data, Mapping):
            raise ValueError("a column mapping must be a JSON object")
        fmt = data.get("format")
        if fmt is not None and fmt not in REGISTRY:
            raise ValueError(f"unknown export format {fmt!r}")
        raw = data.get("fields", {})
        if not isinstance(raw, Mapping):
            raise ValueError("'fields' must be a JSON object")
        fields: dict[str, str] = {}
        for key, value in raw.items():
            if key not in CANONICAL_FIELDS:
                raise ValueError(f"unknown field {key!r} in the column mapping")
            if not isinstance(value, str) or not value:
                raise ValueError(f"the column for {key!r} must be a header text")
            fields[key] = value
        raw_fallbacks = data.get("fallbacks", {})
        if not isinstance(raw_fallbacks, Mapping):
            raise ValueError("'fallbacks' must be a JSON object")
        fallbacks: dict[str, tuple[str, ...]] = {}
        for key, value in raw_fallbacks.items():
            if key not in FALLBACK_FIELDS or key not in fields:
                raise ValueError(f"no fallback columns for {key!r} in the column mapping")
            if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
                raise ValueError(f"the fallback columns for {key!r} must be header texts")
            fallbacks[key] = tuple(value)
        return cls(fields=fields, format=fmt, fallbacks=fallbacks)

    def missing(self, kind: OrderKind = "shop") -> list[str]:
        """Canonical fields an import needs but the mapping lacks."""
        return [f for f in _REQUIRED[kind] if f not in self.fields]

    @property
    def is_item_report(self) -> bool:
        """Taobao's item report (宝贝报表: one row per goods line, with 商家编码 and 价格, but no
        receiver and no amount paid): it completes the order report's orders with their lines
        rather than making orders of its own. (A seller's own mapping is never one: a file of
        theirs without buyers still makes orders.)"""
        fields = self.fields
        return (
            self.format == "taobao"
            and "product_title" in fields
            and ("sku" in fields or "unit_price_fen" in fields)
            and not any(f in fields for f in _ORDER_REPORT_FIELDS)
        )


#: Fields only an order report has (an item report has none of them).
_ORDER_REPORT_FIELDS = ("buyer_name", "buyer_phone", "address", "amount_fen", "payable_fen")


#: Fields whose further candidate columns fill in a row's empty cell (see
#: :attr:`ColumnMapping.fallbacks`).
FALLBACK_FIELDS = ("sku", "item_code", "buyer_phone")


_REQUIRED: dict[str, tuple[str, ...]] = {"shop": ("order_no",), "1688": ("order_no",)}


class OrderRecord(NamedTuple):
    """One row of an order export, typed. Text fields are ``""`` when absent.

    Money is integer fen, times aware UTC. ``address`` is the full address: province, city,
    district and street joined in front of the detail when the export splits them.

    A named tuple, not a dataclass: an import builds one per row, and a tuple is built about
    four times faster than a frozen dataclass of 24 fields (immutable all the same).
    """

    row: int
    order_no: str
    sub_order_no: str = ""
    shop_name: str = ""
    buyer_name: str = ""
    buyer_phone: str = ""
    address: str = ""
    province: str = ""
    city: str = ""
    district: str = ""
    product_title: str = ""
    sku: str = ""
    quantity: int | None = None
    unit_price_fen: int | None = None
    amount_fen: int | None = None
    shipping_fen: int | None = None
    status_text: str = ""
    status: SalesStatus | SupplierStatus | None = None
    created_at: datetime | None = None
    paid_at: datetime | None = None
    carrier: str = ""
    tracking_no: str = ""
    supplier_name: str = ""
    remark: str = ""
    payable_fen: int | None = None
    platform_item_id: str = ""
    platform_sku_id: str = ""
    spec: str = ""
    offer_id: str = ""
    sku_id_1688: str = ""
    item_code: str = ""
    downstream_order_no: str = ""
    downstream_channel: str = ""
    is_dropship: bool | None = None
    batch_no: str = ""
    #: What the buyer wrote (买家留言); ``remark`` is the seller's own note.
    buyer_message: str = ""
    #: The buyer's platform account (买家会员名), where the export has it.
    buyer_member: str = ""
    payment_method: str = ""
    #: Why a closed order closed (订单关闭原因, 取消原因) and what was refunded (退款金额): a
    #: closed order the buyer was refunded is a refund (the buyer's history), not a cancellation.
    close_reason: str = ""
    refund_fen: int | None = None
    #: Receiver fields the platform hid (``HIDDEN_*`` bits); those fields are ``""``.
    hidden: int = 0
    #: 1688: the row continues the order above (its order number cell was empty).
    continuation: bool = False
    #: The platform's promised ship-by time (承诺发货时间), when the export has it.
    ship_by: datetime | None = None


@dataclass(frozen=True, slots=True)
class RowError:
    """A problem with one cell: file row number (as Excel shows it), source header, message.

    ``message`` is a marked :class:`~dropship_desktop.i18n.Text`: the UI shows it with
    ``ui.formatting.translated``.
    """

    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"Row {self.row}, column {self.column}: {self.message}"

    def text(self) -> Text:
        """The error as one marked sentence (``Row …, column …: …``), translatable by the UI."""
        return with_values(
            QT_TRANSLATE_NOOP("Import", "Row {row}, column {column}: {message}"),
            row=self.row,
            column=self.column,
            message=self.message,
        )


@dataclass(slots=True)
class MappingResult:
    """Records of the rows without errors, and the errors of the others.

    Attributes:
        records: One record per valid row, in file order.
        errors: Cell errors, in file order.
        errors_truncated: More errors existed than were kept (see ``max_errors``).
        summary_rows: File row numbers of summary rows (合计, 总计, 汇总) that were skipped.
    """

    records: list[OrderRecord] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    errors_truncated: bool = False
    summary_rows: list[int] = field(default_factory=list)
