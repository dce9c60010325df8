"""Export the order list (the current filter, or chosen orders) to XLSX or CSV.

Files are written by :mod:`dropship_desktop.tabular.writer`: CSV is UTF-8 with a BOM, and no cell
can become a formula in either format. Buyer name, phone and address are masked unless the seller
explicitly asks for full data; that choice is recorded in the audit log (counts and file name
only, never the data).

The file is written under a temporary name next to the target and renamed when complete, so a
cancelled or failed export never leaves a half-written file behind.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from ..domain.enums import SalesStatus, SupplierStatus
from ..domain.masking import mask_address, mask_message, mask_name, mask_phone
from ..domain.money import fen_to_yuan_text
from ..domain.timeutil import from_epoch
from ..errors import UserError
from ..i18n import QT_TRANSLATE_NOOP
from ..store.db import atomic, execute_sql
from ..store.order_queries import OrderFilter, order_ids
from ..tabular.writer import write_csv, write_xlsx
from .base import Changes, audit

__all__ = [
    "EXPORT_COLUMNS",
    "ExportCancelledError",
    "ExportChanges",
    "export_orders",
    "export_path_format",
]

#: Called with (done, total) from the thread running the export.
ExportProgress = Callable[[int, int], None]


@dataclass(frozen=True)
class ExportColumn:
    """One exported column: SQL expression over ``sales_order o``, headers, how to render."""

    key: str
    sql: str
    header_en: str
    header_zh: str
    kind: str = "text"  # text, money, time, sales_status, supplier_status, name, phone, address


EXPORT_COLUMNS: tuple[ExportColumn, ...] = (
    ExportColumn("shop", "(SELECT name FROM shop WHERE shop.id = o.shop_id)", "Shop", "店铺"),
    ExportColumn("shop_order_no", "o.shop_order_no", "Shop order no.", "订单编号"),
    ExportColumn("status", "o.status", "Status", "订单状态", "sales_status"),
    ExportColumn("created_at", "o.created_at", "Created", "下单时间", "time"),
    ExportColumn("paid_at", "o.paid_at", "Paid", "付款时间", "time"),
    ExportColumn("ship_by", "o.ship_by", "Ship by", "最晚发货时间", "time"),
    ExportColumn("buyer_name", "o.buyer_name", "Recipient", "收货人", "name"),
    ExportColumn("buyer_phone", "o.buyer_phone", "Phone", "联系电话", "phone"),
    ExportColumn("ship_address", "o.ship_address", "Address", "收货地址", "address"),
    ExportColumn("product_summary", "o.product_summary", "Products", "商品"),
    ExportColumn("quantity", "o.quantity", "Quantity", "数量", "int"),
    ExportColumn("sale_fen", "o.sale_fen", "Sale amount", "销售金额", "money"),
    ExportColumn("cost_fen", "o.cost_fen", "Cost", "货源成本", "money"),
    ExportColumn("dropship_fee_fen", "o.dropship_fee_fen", "Dropship fee", "代发费", "money"),
    ExportColumn("shipping_fen", "o.shipping_fen", "Shipping", "运费", "money"),
    ExportColumn("profit_fen", "o.profit_fen", "Profit", "利润", "money"),
    ExportColumn(
        "supplier_status", "o.supplier_status", "1688 status", "1688订单状态", "supplier_status"
    ),
    ExportColumn("supplier_order_no", "o.supplier_order_no", "1688 order no.", "1688订单号"),
    ExportColumn("carrier", "o.carrier", "Carrier", "物流公司"),
    ExportColumn("tracking_no", "o.tracking_no", "Tracking no.", "物流单号"),
    ExportColumn("remark", "o.remark", "Remark", "备注"),
    ExportColumn("buyer_message", "o.buyer_message", "Buyer message", "买家留言", "message"),
    # Fraud checks (防骗): the level, and the rules that fired (with "checked" once the seller
    # marked the warning as checked, fine).
    ExportColumn(
        "risk_level",
        "(o.risk_level * 2 + (o.risk_rules != '' AND o.risk_rules = o.risk_checked))",
        "Risk",
        "风险等级",
        "risk_level",
    ),
    ExportColumn("risk_rules", "o.risk_rules", "Risk rules", "风险规则", "risk_rules"),
)
_CHUNK = 2000


class ExportCancelledError(UserError):
    """The user cancelled the export; no file was written."""

    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("Errors", "The export was cancelled. No file was written.")
        )


@dataclass(frozen=True)
class ExportChanges(Changes):
    """:class:`Changes` (the audit event of a full-data export) plus what was written."""

    rows: int = 0
    path: str = ""
    file_format: str = ""


def export_path_format(path: str | Path) -> str:
    """``"csv"`` or ``"xlsx"`` from a file name (anything but ``.csv`` is XLSX)."""
    return "csv" if Path(path).suffix.lower() == ".csv" else "xlsx"


def export_orders(
    path: str | Path,
    order_filter: OrderFilter | None = None,
    *,
    selected_ids: Sequence[int] | None = None,
    file_format: str | None = None,
    full_buyer_data: bool = False,
    language: str = "zh_CN",
    progress: ExportProgress | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> ExportChanges:
    """Write orders to an XLSX or CSV file.

    Args:
        path: The file to create or replace.
        order_filter: The list's filter and sort; all orders when ``None``.
        selected_ids: Export exactly these orders (in this order) instead of the filter's.
        file_format: ``"xlsx"`` or ``"csv"``; from the file name when ``None``.
        full_buyer_data: Write buyer name, phone and address in full (audited) instead of
            masked.
        language: ``"zh_CN"`` for Chinese headers and status texts, else English.
        progress: Called with (done, total).
        should_cancel: Polled between chunks; true stops the export and removes the partial
            file (:class:`ExportCancelledError`).

    Returns:
        The changes (an audit event when full data was exported) and the row count.

    Raises:
        UserError: The file cannot be written (the message says why), or the export was
            cancelled.
    """
    target = Path(path)
    fmt = file_format or export_path_format(target)
    if fmt not in ("csv", "xlsx"):
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "Unknown export format {format!r}; use xlsx or csv."),
            format=fmt,
        )
    ids = (
        list(selected_ids)
        if selected_ids is not None
        else list(order_ids(order_filter or OrderFilter()))
    )
    chinese = language.startswith("zh")
    headers = [c.header_zh if chinese else c.header_en for c in EXPORT_COLUMNS]
    report = progress or (lambda _done, _total: None)
    cancelled = should_cancel or (lambda: False)
    stopped: list[bool] = []
    rows = _rows(ids, full=full_buyer_data, chinese=chinese, report=report, cancelled=cancelled,
                 stopped=stopped)  # fmt: skip
    temp = target.with_name(f".{target.name}.part")
    try:
        if fmt == "csv":
            count = write_csv(temp, headers, rows)
        else:
            count = write_xlsx(temp, headers, rows, sheet_title="订单" if chinese else "Orders")
        if stopped:
            # The rows simply end on cancel (raising inside the writers' loops would leave
            # their generators dangling); the partial file is removed below.
            raise ExportCancelledError()
        if full_buyer_data:
            # Recorded before the file appears under its name; a failure rolls both back.
            with atomic():
                audit(
                    "export",
                    None,
                    "export_full_buyer_data",
                    after={"file": target.name, "format": fmt, "orders": count},
                )
                os.replace(temp, target)
        else:
            os.replace(temp, target)
    except OSError as exc:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "Cannot write {name}: {reason}. Check that the folder exists, that the file is "
                "not open in Excel or WPS, and that the disk is not full.",
            ),
            name=target.name,
            reason=exc.strerror or exc,
        ) from None
    finally:
        if temp.exists():
            temp.unlink(missing_ok=True)
    return ExportChanges(
        tables=frozenset({"audit_event"}) if full_buyer_data else frozenset(),
        message=QT_TRANSLATE_NOOP("Messages", "Exported {count} order(s) to {name}."),
        message_params={"count": count, "name": target.name},
        rows=count,
        path=str(target),
        file_format=fmt,
    )


def _rows(
    ids: list[int],
    *,
    full: bool,
    chinese: bool,
    report: ExportProgress,
    cancelled: Callable[[], bool],
    stopped: list[bool],
) -> Iterator[list[Any]]:
    renderers = [_renderer(c.kind, full=full, chinese=chinese) for c in EXPORT_COLUMNS]
    select = ", ".join(c.sql for c in EXPORT_COLUMNS)
    total = len(ids)
    report(0, total)
    for start in range(0, total, _CHUNK):
        if cancelled():
            stopped.append(True)
            return
        part = ids[start : start + _CHUNK]
        cursor = execute_sql(
            f"SELECT o.id, o.buyer_data_removed, {select} FROM sales_order o"
            " WHERE o.id IN (SELECT value FROM json_each(?))",
            (json.dumps(part),),
        )
        found = {row[0]: row for row in cursor.fetchall()}
        for oid in part:
            row = found.get(oid)
            if row is None:
                continue  # deleted since the list was loaded
            removed = bool(row[1])
            values = row[2:]
            yield [
                ""
                if removed and EXPORT_COLUMNS[i].kind in ("name", "phone", "address", "message")
                else render(values[i])
                for i, render in enumerate(renderers)
            ]
        report(min(start + _CHUNK, total), total)


def _yuan(fen: Any) -> str:
    return "" if fen is None else fen_to_yuan_text(fen)


def _time(epoch: Any) -> datetime | str:
    # Aware UTC; the writers print it in the computer's time zone, as the app shows it.
    return from_epoch(epoch) or ""


def _renderer(kind: str, *, full: bool, chinese: bool) -> Callable[[Any], Any]:
    if kind == "money":
        return _yuan
    if kind == "time":
        return _time
    if kind == "int":
        return lambda v: 0 if v is None else int(v)
    if kind == "sales_status":

        def sales(raw: Any) -> str:
            if not raw:
                return ""
            try:
                status = SalesStatus(raw)
            except ValueError:
                return str(raw)
            return status.label_zh if chinese else status.label_en

        return sales
    if kind == "supplier_status":

        def supplier(raw: Any) -> str:
            if not raw:
                return ""
            status = SupplierStatus(str(raw))
            return status.label_zh if chinese else status.label_en

        return supplier
    if kind in ("risk_level", "risk_rules"):
        return _risk_renderer(kind, chinese=chinese)
    if kind == "name":
        return (lambda v: v or "") if full else (lambda v: mask_name(v or ""))
    if kind == "phone":
        return (lambda v: v or "") if full else (lambda v: mask_phone(v or ""))
    if kind == "address":
        return (lambda v: v or "") if full else (lambda v: mask_address(v or ""))
    if kind == "message":
        return (lambda v: v or "") if full else (lambda v: mask_message(v or ""))
    return lambda v: "" if v is None else v


def _risk_renderer(kind: str, *, chinese: bool) -> Callable[[Any], Any]:
    from ..domain.risk import LEVEL_LABELS_ZH, RULE_TITLES_ZH, RULES, RiskLevel, decode_hits

    if kind == "risk_level":

        def level(code: Any) -> str:
            value = int(code or 0)
            if value < 2:
                return ""
            risk = RiskLevel(min(value // 2, 2))
            text = LEVEL_LABELS_ZH[risk] if chinese else str(risk.label)
            if value & 1:
                text += "（已核实）" if chinese else " (checked)"
            return text

        return level

    def rules(text: Any) -> str:
        hits = decode_hits(str(text or ""))
        if chinese:
            return "；".join(RULE_TITLES_ZH[h.rule] for h in hits)
        return "; ".join(str(RULES[h.rule].title) for h in hits)

    return rules
