"""Export the dashboard's figures as an XLSX workbook (one sheet per table)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication

from ...domain.money import fen_to_yuan_text
from ...i18n import QT_TRANSLATE_NOOP
from ...services.dashboard import DashboardData
from ...tabular.writer import _safe_title, _xlsx_number, _xml_safe, neutralise
from .format import day_date
from .models import shop_columns, supplier_columns

__all__ = ["Percent", "dashboard_sheets", "write_workbook"]


class Percent(float):
    """A fraction written as a percentage cell (0.0%)."""


Sheet = tuple[str, Sequence[str], Sequence[Sequence[object]]]


def _tr(text: str) -> str:
    return QCoreApplication.translate("DashboardExport", text)


def _money(fen: int) -> str:
    return fen_to_yuan_text(fen)  # the writer stores "12.50" as a number shown with 2 decimals


def dashboard_sheets(data: DashboardData, shop_label: str) -> list[Sheet]:
    """The figures of the dashboard as (sheet title, headers, rows)."""
    first = day_date(data.range.first_day).toString("yyyy-MM-dd")
    last = day_date(data.range.last_day).toString("yyyy-MM-dd")
    t = data.totals
    summary = [
        (_tr(QT_TRANSLATE_NOOP("DashboardExport", "Shop")), shop_label),
        (_tr(QT_TRANSLATE_NOOP("DashboardExport", "From")), first),
        (_tr(QT_TRANSLATE_NOOP("DashboardExport", "To")), last),
        (_tr(QT_TRANSLATE_NOOP("DashboardExport", "Orders")), t.orders),
        (_tr(QT_TRANSLATE_NOOP("DashboardExport", "Valid orders")), t.valid_orders),
        (_tr(QT_TRANSLATE_NOOP("DashboardExport", "Sales (GMV)")), _money(t.sales_fen)),
        (_tr(QT_TRANSLATE_NOOP("DashboardExport", "Profit")), _money(t.profit_fen)),
        (
            _tr(QT_TRANSLATE_NOOP("DashboardExport", "Margin")),
            Percent(t.margin) if t.margin is not None else "",
        ),
        (
            _tr(QT_TRANSLATE_NOOP("DashboardExport", "Orders with estimated cost")),
            t.estimated_orders,
        ),
        (
            _tr(QT_TRANSLATE_NOOP("DashboardExport", "Profit resting on estimated cost")),
            _money(t.estimated_profit_fen),
        ),
        (_tr(QT_TRANSLATE_NOOP("DashboardExport", "Cancelled or refunded")), t.cancelled),
        (
            _tr(QT_TRANSLATE_NOOP("DashboardExport", "Late shipments (unshipped past ship-by)")),
            data.late,
        ),
    ]
    days = [
        (
            day_date(d.day).toString("yyyy-MM-dd"),
            d.orders,
            d.valid_orders,
            _money(d.sales_fen),
            _money(d.profit_fen),
            Percent(d.profit_fen / d.sales_fen) if d.sales_fen else "",
            d.cancelled,
            Percent(rate) if rate is not None else "",
        )
        for d, rate in zip(data.days, data.rates, strict=True)
    ]
    day_headers = [
        _tr(QT_TRANSLATE_NOOP("DashboardExport", "Date")),
        _tr(QT_TRANSLATE_NOOP("DashboardExport", "Orders")),
        _tr(QT_TRANSLATE_NOOP("DashboardExport", "Valid orders")),
        _tr(QT_TRANSLATE_NOOP("DashboardExport", "Sales (GMV)")),
        _tr(QT_TRANSLATE_NOOP("DashboardExport", "Profit")),
        _tr(QT_TRANSLATE_NOOP("DashboardExport", "Margin")),
        _tr(QT_TRANSLATE_NOOP("DashboardExport", "Cancelled")),
        _tr(QT_TRANSLATE_NOOP("DashboardExport", "30-day cancellation rate")),
    ]

    def table(columns: list[Any], rows: Sequence[Any]) -> tuple[list[str], list[list[object]]]:
        out = []
        for item in rows:
            values: list[object] = []
            for _header, raw, _display, kind in columns:
                value = raw(item)
                if value is None:
                    values.append("")
                elif kind == "money":
                    values.append(_money(int(value)))
                elif kind == "rate":
                    values.append(Percent(value))
                else:
                    values.append(value)
            out.append(values)
        return [c[0] for c in columns], out

    shop_headers, shop_rows = table(shop_columns(), data.per_shop)
    supplier_headers, supplier_rows = table(supplier_columns(), data.suppliers)
    products = [(title, qty, _money(sales), lines) for title, qty, sales, lines in data.products]
    return [
        (
            _tr(QT_TRANSLATE_NOOP("DashboardExport", "Summary")),
            [
                _tr(QT_TRANSLATE_NOOP("DashboardExport", "Figure")),
                _tr(QT_TRANSLATE_NOOP("DashboardExport", "Value")),
            ],
            summary,
        ),
        (_tr(QT_TRANSLATE_NOOP("DashboardExport", "Daily")), day_headers, days),
        (_tr(QT_TRANSLATE_NOOP("DashboardExport", "Shops")), shop_headers, shop_rows),
        (
            _tr(QT_TRANSLATE_NOOP("DashboardExport", "Top products")),
            [
                _tr(QT_TRANSLATE_NOOP("DashboardExport", "Product")),
                _tr(QT_TRANSLATE_NOOP("DashboardExport", "Quantity")),
                _tr(QT_TRANSLATE_NOOP("DashboardExport", "Sales (GMV)")),
                _tr(QT_TRANSLATE_NOOP("DashboardExport", "Order lines")),
            ],
            products,
        ),
        (_tr(QT_TRANSLATE_NOOP("DashboardExport", "Suppliers")), supplier_headers, supplier_rows),
    ]


def write_workbook(path: str | os.PathLike[str], sheets: Sequence[Sheet]) -> None:
    """Write the sheets with explicit cell types (never a formula; amounts and rates numeric)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    bold = Font(bold=True)
    for title, headers, rows in sheets:
        sheet = workbook.create_sheet(_safe_title(title))

        def cell(value: object, sheet: Any = sheet) -> Any:
            out = WriteOnlyCell(sheet)
            if isinstance(value, Percent):
                out.data_type = "n"
                out._value = float(value)
                out.number_format = "0.0%"
                return out
            number, number_format = _xlsx_number(value)
            if number is not None:
                out.data_type = "n"
                out._value = number
                if number_format:
                    out.number_format = number_format
                return out
            out.data_type = "s"
            out._value = _xml_safe(neutralise(value))
            return out

        header_cells = []
        for header in headers:
            out = WriteOnlyCell(sheet)
            out.data_type = "s"
            out._value = _xml_safe(neutralise(header))
            out.font = bold
            header_cells.append(out)
        sheet.append(header_cells)
        for row in rows:
            sheet.append([cell(v) for v in row])
    workbook.save(os.fspath(path))
