"""Detect platform order exports by their Chinese headers and map their rows to typed records.

Supported layouts: Taobao/Tmall "已卖出的宝贝" (order list and order detail exports),
Pinduoduo (拼多多商家后台 订单导出), Douyin shop (抖店 订单导出) and the 1688 buyer order export
(采购单/已买到的货源). Any other layout can be imported with a user-made :class:`ColumnMapping`.

Headers are compared after normalisation (:func:`normalise_header`): NFKC (so full-width
parentheses and letters match ASCII), no whitespace, no parenthesised unit such as ``(元)``
or ``(件)``, lower case. So ``用户实付金额(元)``, ``用户实付金额（元）`` and ``用户实付金额``
all match.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from itertools import repeat
from typing import Any, NamedTuple

from dropship_desktop.domain.enums import SalesStatus, SupplierStatus
from dropship_desktop.domain.money import MoneyError, parse_yuan
from dropship_desktop.i18n import QT_TRANSLATE_NOOP, Text, join, with_values
from dropship_desktop.tabular.cells import (
    MAX_NUMBER_CHARS,
    CellError,
    checked_fen,
    checked_quantity,
    clean_order_number,
    clean_text,
    parse_datetime,
    strip_wrappers,
    too_long_number,
    unreadable_cell,
)
from dropship_desktop.tabular.platform_formats import REGISTRY, OrderKind
from dropship_desktop.tabular.table import Table, TableError, gc_paused

__all__ = [
    "CANONICAL_FIELDS",
    "FORMATS",
    "ColumnMapping",
    "MappingResult",
    "OrderKind",
    "OrderRecord",
    "RowError",
    "detect_format",
    "find_layout",
    "group_by_order",
    "kind_for_format",
    "map_rows",
    "map_status_text",
    "mapped_columns",
    "normalise_header",
    "required_order_number",
]


#: Canonical fields, in display order, with an English description (the import dialog's labels).
CANONICAL_FIELDS: dict[str, str] = {
    "order_no": QT_TRANSLATE_NOOP("MappingDialog", "Order number"),
    "sub_order_no": QT_TRANSLATE_NOOP("MappingDialog", "Sub-order (line) number"),
    "shop_name": QT_TRANSLATE_NOOP("MappingDialog", "Shop name"),
    "buyer_name": QT_TRANSLATE_NOOP("MappingDialog", "Recipient name"),
    "buyer_phone": QT_TRANSLATE_NOOP("MappingDialog", "Recipient phone"),
    "address": QT_TRANSLATE_NOOP("MappingDialog", "Address (detail, or the full address)"),
    "province": QT_TRANSLATE_NOOP("MappingDialog", "Province"),
    "city": QT_TRANSLATE_NOOP("MappingDialog", "City"),
    "district": QT_TRANSLATE_NOOP("MappingDialog", "District"),
    "street": QT_TRANSLATE_NOOP("MappingDialog", "Street / town"),
    "product_title": QT_TRANSLATE_NOOP("MappingDialog", "Product title"),
    "sku": QT_TRANSLATE_NOOP("MappingDialog", "SKU / seller code / spec"),
    "quantity": QT_TRANSLATE_NOOP("MappingDialog", "Quantity"),
    "unit_price_fen": QT_TRANSLATE_NOOP("MappingDialog", "Unit price"),
    "amount_fen": QT_TRANSLATE_NOOP("MappingDialog", "Amount paid"),
    "shipping_fen": QT_TRANSLATE_NOOP("MappingDialog", "Shipping fee"),
    "status_text": QT_TRANSLATE_NOOP("MappingDialog", "Order status"),
    "created_at": QT_TRANSLATE_NOOP("MappingDialog", "Created at"),
    "paid_at": QT_TRANSLATE_NOOP("MappingDialog", "Paid at"),
    "carrier": QT_TRANSLATE_NOOP("MappingDialog", "Carrier"),
    "tracking_no": QT_TRANSLATE_NOOP("MappingDialog", "Tracking number"),
    "supplier_name": QT_TRANSLATE_NOOP("MappingDialog", "Supplier"),
    "remark": QT_TRANSLATE_NOOP("MappingDialog", "Remark"),
    "payable_fen": QT_TRANSLATE_NOOP("MappingDialog", "Order value (payable, for unpaid orders)"),
    "platform_item_id": QT_TRANSLATE_NOOP("MappingDialog", "Platform item ID"),
    "platform_sku_id": QT_TRANSLATE_NOOP("MappingDialog", "Platform SKU ID"),
    "spec": QT_TRANSLATE_NOOP("MappingDialog", "Spec / model (1688)"),
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
    "platform_item_id": "shop",
    "platform_sku_id": "shop",
    "sku": "shop",
    "supplier_name": "1688",
    "spec": "1688",
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

#: Display names of the layouts (derived from the registry; kept for the import's messages).
FORMATS: dict[str, str] = {key: f.label for key, f in REGISTRY.items()}

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
    """

    fields: dict[str, str] = field(default_factory=dict)
    format: str | None = None

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
        return cls(fields=fields, format=fmt)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-serialisable form, e.g. for the settings file."""
        return {"format": self.format, "fields": dict(self.fields)}

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
        return cls(fields=fields, format=fmt)

    def missing(self, kind: OrderKind = "shop") -> list[str]:
        """Canonical fields an import needs but the mapping lacks."""
        return [f for f in _REQUIRED[kind] if f not in self.fields]


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
    #: Receiver fields the platform hid (``HIDDEN_*`` bits); those fields are ``""``.
    hidden: int = 0
    #: 1688: the row continues the order above (its order number cell was empty).
    continuation: bool = False


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


# --- status texts ----------------------------------------------------------------------------

_SHOP_STATUS_EXACT: dict[str, SalesStatus] = {
    "等待买家付款": SalesStatus.WAIT_PAY,
    "待付款": SalesStatus.WAIT_PAY,
    "待支付": SalesStatus.WAIT_PAY,
    "未付款": SalesStatus.WAIT_PAY,
    "买家已付款,等待卖家发货": SalesStatus.PAID,
    "待发货": SalesStatus.PAID,
    "已付款": SalesStatus.PAID,
    "已支付": SalesStatus.PAID,
    "备货中": SalesStatus.PAID,
    "待配货": SalesStatus.PAID,
    "卖家已发货,等待买家确认": SalesStatus.SHIPPED,
    "卖家部分发货": SalesStatus.SHIPPED,
    "已发货": SalesStatus.SHIPPED,
    "部分发货": SalesStatus.SHIPPED,
    "待收货": SalesStatus.SHIPPED,
    "已发货,待签收": SalesStatus.SHIPPED,
    "交易成功": SalesStatus.COMPLETED,
    "已完成": SalesStatus.COMPLETED,
    "已签收": SalesStatus.COMPLETED,
    "已收货": SalesStatus.COMPLETED,
    "交易关闭": SalesStatus.CANCELLED,
    "已取消": SalesStatus.CANCELLED,
    "订单关闭": SalesStatus.CANCELLED,
    "已关闭": SalesStatus.CANCELLED,
    "退款中": SalesStatus.REFUNDING,
    "售后中": SalesStatus.REFUNDING,
    "已退款": SalesStatus.REFUNDED,
    "退款成功": SalesStatus.REFUNDED,
}
# Compound texts ("未发货，退款成功", "已发货，售后中"): first matching keyword decides.
# The app's own export writes its status labels (Chinese or English): they read back.
_SHOP_STATUS_EXACT.update(
    {"".join(label.split()): st for st in SalesStatus for label in (st.label_zh, st.label_en)}
)
_SHOP_STATUS_KEYWORDS: tuple[tuple[str, SalesStatus], ...] = (
    ("退款成功", SalesStatus.REFUNDED),
    ("已退款", SalesStatus.REFUNDED),
    ("退款中", SalesStatus.REFUNDING),
    ("售后中", SalesStatus.REFUNDING),
    ("退款处理中", SalesStatus.REFUNDING),
    ("关闭", SalesStatus.CANCELLED),
    ("取消", SalesStatus.CANCELLED),
    ("交易成功", SalesStatus.COMPLETED),
    ("已完成", SalesStatus.COMPLETED),
    ("已签收", SalesStatus.COMPLETED),
    ("确认收货", SalesStatus.COMPLETED),
    ("已发货", SalesStatus.SHIPPED),
    ("待收货", SalesStatus.SHIPPED),
    ("待签收", SalesStatus.SHIPPED),
    ("部分发货", SalesStatus.SHIPPED),
    ("待发货", SalesStatus.PAID),
    ("已付款", SalesStatus.PAID),
    ("已支付", SalesStatus.PAID),
    ("待付款", SalesStatus.WAIT_PAY),
    ("待支付", SalesStatus.WAIT_PAY),
    ("等待买家付款", SalesStatus.WAIT_PAY),
)
_1688_STATUS: dict[str, str] = {
    "等待买家付款": "waitbuyerpay",
    "待付款": "waitbuyerpay",
    "等待卖家发货": "waitsellersend",
    "待发货": "waitsellersend",
    "等待买家收货": "waitbuyerreceive",
    "等待买家确认收货": "waitbuyerreceive",
    "卖家已发货": "waitbuyerreceive",
    "已发货": "waitbuyerreceive",
    "待收货": "waitbuyerreceive",
    "交易完成": "success",
    "已完成": "success",
    "已收货": "confirm_goods",
    "交易成功": "success",
    "交易取消": "cancel",
    "交易关闭": "cancel",
    "已取消": "cancel",
    "交易终止": "terminated",
}
_1688_CODES = frozenset(_1688_STATUS.values())


def _status_key(text: str) -> str:
    # NFKC turns the full-width comma into an ASCII one; spaces of any kind are dropped.
    return "".join(unicodedata.normalize("NFKC", text).split())


def map_status_text(text: str, kind: OrderKind) -> SalesStatus | SupplierStatus:
    """Map an exported status text to the app's status.

    Args:
        text: The status as exported, e.g. ``"买家已付款，等待卖家发货"``.
        kind: ``"shop"`` for Taobao/Pinduoduo/Douyin exports, ``"1688"`` for 1688 purchases.

    Returns:
        For shop exports a :class:`SalesStatus`. For 1688 a :class:`SupplierStatus` holding the
        1688 status code; an unknown text is kept verbatim as an unknown status.

    Raises:
        CellError: A shop status text that is empty or not recognised.
    """
    key = _status_key(text)
    if kind == "1688":
        if key.lower() in _1688_CODES:
            return SupplierStatus(key.lower())
        return SupplierStatus(_1688_STATUS.get(key, key))
    status = _SHOP_STATUS_EXACT.get(key)
    if status is None:
        for keyword, candidate in _SHOP_STATUS_KEYWORDS:
            if keyword in key:
                status = candidate
                break
        else:
            try:
                status = SalesStatus(key.lower())
            except ValueError:
                raise CellError(
                    QT_TRANSLATE_NOOP("Errors", "unknown order status {value!r}"),
                    value=text.strip(),
                ) from None
    return status


# --- row mapping ---------------------------------------------------------------------------


def _money(text: str) -> int | None:
    """Yuan text to fen; a fast path for plain ``123`` / ``123.4`` / ``123.45``."""
    if not text:
        return None
    if len(text) > MAX_NUMBER_CHARS:
        raise too_long_number(text)
    if text.isascii():
        if text.isdigit():
            return checked_fen(int(text) * 100)
        whole, dot, frac = text.partition(".")
        if dot and whole.isdigit() and frac.isdigit() and len(frac) <= 2:
            return checked_fen(int(whole) * 100 + int(frac.ljust(2, "0")))
    cleaned = strip_wrappers(text)
    if not cleaned or cleaned in ("-", "--"):
        return None
    return checked_fen(parse_yuan(cleaned))


def _quantity(text: str) -> int | None:
    if not text:
        return None
    if len(text) > MAX_NUMBER_CHARS:
        raise too_long_number(text)
    if text.isascii() and text.isdigit():
        return checked_quantity(int(text))
    cleaned = strip_wrappers(text).removesuffix("件").removesuffix("个").strip()
    if not cleaned or cleaned in ("-", "--"):
        return None
    whole, _, frac = cleaned.partition(".")
    if whole.isascii() and whole.isdigit() and (not frac or frac.strip("0") == ""):
        return checked_quantity(int(whole))
    raise CellError(
        QT_TRANSLATE_NOOP("Errors", "{value!r} is not a whole number of items"), value=cleaned
    )


def _tracking(text: str) -> tuple[str, str]:
    """Split a tracking cell into (carrier, number); ``No:`` prefixes and 快递信息 pairs."""
    cleaned = text.strip()
    if cleaned.isascii() and cleaned.isalnum():
        return "", cleaned
    if cleaned.startswith("No:") and cleaned[3:].isascii() and cleaned[3:].isalnum():
        return "", cleaned[3:]  # Taobao writes the number as "No:YT7512345678"
    cleaned = clean_text(cleaned)
    if not cleaned:
        return "", ""
    parts = [p for p in re.split(r"[\s,，;；:：]+", cleaned) if p]
    if len(parts) > 1 and parts[-1].isascii() and parts[-1].isalnum():
        carrier = " ".join(p for p in parts[:-1] if p.lower() != "no")
        return carrier, parts[-1]
    number, dash, carrier = cleaned.partition("-")
    if dash and number.isascii() and number.isalnum() and carrier and not carrier.isascii():
        return carrier.strip(), number  # Douyin's 快递信息: "75312345678901-中通快递"
    carrier, dash, number = cleaned.rpartition("-")
    if dash and number.isascii() and number.isalnum() and carrier and not carrier.isascii():
        return carrier.strip(), number  # "中通快递-75312345678901"
    return "", cleaned


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
    with gc_paused():
        return _map_columns(table, columns, kind, max_errors)


def _map_columns(
    table: Table, columns: dict[str, int], kind: OrderKind, max_errors: int
) -> MappingResult:
    headers = table.headers
    count = len(table.rows)
    if count == 0:
        return MappingResult()
    # Column-wise: transpose once (C speed), then convert each distinct cell value once.
    # Exports repeat statuses, titles, amounts, carriers and times a lot, and the per-cell
    # Python work is what limits import speed.
    width = max(columns.values()) + 1
    # In blocks: one zip over all rows is a single C call that holds the GIL for a few hundred
    # ms on 100k rows, freezing the UI thread while an import maps rows on the worker.
    transposed: list[list[str]] = [[] for _ in range(width)]
    rows = table.rows
    for start in range(0, count, _TRANSPOSE_BLOCK):
        block = zip(*(row[:width] for row in rows[start : start + _TRANSPOSE_BLOCK]), strict=True)
        for column, values in zip(transposed, block, strict=True):
            column.extend(values)
    numbers = table.row_numbers
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
            out[name] = convert(name, clean_text)
    for name in _RECEIVER_FIELDS:
        if name in columns:
            out[name] = _hide_placeholders(convert(name, clean_text))
    for name in _ID_FIELDS:
        if name in columns:
            out[name] = convert(name, _id_text)
    for name in _MONEY_FIELDS:
        if name in columns and name != "payable_fen":
            out[name] = convert(name, _money, _money_message)
    for name in _TIME_FIELDS:
        if name in columns:
            out[name] = convert(name, parse_datetime)
    if "quantity" in columns:
        out["quantity"] = convert("quantity", _quantity)
    if "is_dropship" in columns:
        out["is_dropship"] = convert("is_dropship", _yes_no)
    if "status_text" in columns:
        out["status"] = convert("status_text", _status_converter(kind))
        out["status_text"] = convert("status_text", clean_text)
        if "payable_fen" in columns and SalesStatus.WAIT_PAY in out["status"]:
            # The amount payable is only used for unpaid orders (their value): read (and
            # checked) only when the file has some.
            out["payable_fen"] = convert("payable_fen", _money, _money_message)
    if "tracking_no" in columns:
        pairs = convert("tracking_no", _tracking)
        out["tracking_no"] = [p[1] for p in pairs]
        found = [p[0] for p in pairs]
        if any(found):
            carriers = out.get("carrier") or [""] * count
            out["carrier"] = [c or f for c, f in zip(carriers, found, strict=True)]
    hidden: list[int] | None = None
    for name, bit in _HIDDEN_BITS:
        values = out.get(name)
        if values is not None and _HIDDEN in values:
            if hidden is None:
                hidden = [0] * count
            for r, value in enumerate(values):
                if value is _HIDDEN:
                    hidden[r] |= bit
                    values[r] = ""
    if hidden is not None:
        out["hidden"] = hidden
    split_parts = [n for n in ("province", "city", "district") if n in columns]
    if "street" in columns:
        split_parts.append("street")
    if split_parts:
        detail = out.get("address") or [""] * count
        out["address"] = list(map(_join_address, *(out[n] for n in split_parts), detail))
        out.pop("street", None)

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
    return with_values(
        QT_TRANSLATE_NOOP("Errors", "{value!r} is not an amount ({reason})"),
        value=cell.strip()[:MAX_NUMBER_CHARS],
        reason=exc.text,
    )


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


def _hide_placeholders(values: list[str]) -> list[str]:
    """*values* with placeholders (``##密文…``, ``$$密文…``, ``***``) replaced by :data:`_HIDDEN`.

    Looked for in one joined string first (C speed): most files have none.
    """
    joined = "\x1f".join(values)
    if "#" not in joined and "$" not in joined and "*" not in joined and "密文" not in joined:
        return values
    return [_HIDDEN if _is_placeholder(v) else v for v in values]


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
