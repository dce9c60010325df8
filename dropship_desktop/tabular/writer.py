"""Write lists to CSV and XLSX so that Excel and WPS open them safely and faithfully.

Safety: no cell can become a formula (CSV/formula injection, OWASP): text starting with
``= + - @``, a tab, CR or LF is prefixed with an apostrophe. XLSX cells are created with an
explicit type, so nothing is ever stored as a formula.

Fidelity:
    * CSV is UTF-8 with a BOM (so Excel on Chinese Windows detects it), CRLF line ends and
      minimal quoting. Digit strings that Excel or WPS would damage (more than 10 digits:
      order, tracking and phone numbers, which they show as ``1.93068E+18`` and cut to 15
      digits; or a leading zero, which they drop) are written as ``="1930679858170647123"``,
      the way Taobao's own exports do: the spreadsheet shows the text exactly, and readers
      (ours included, see :func:`~dropship_desktop.tabular.cells.strip_wrappers`) unwrap it.
    * In XLSX, text is a text cell, so long digit strings stay exact. Python numbers become
      numeric cells (an ``int`` of more than 15 digits becomes text, since Excel would round
      it). Strings that are plain amounts or small counts (``"12.50"``, ``"-3"``; at most 15
      significant digits and, without a decimal point, at most 10 digits, no leading zero)
      are written as numeric cells with as many decimals shown as the text had, so sums work
      in Excel. Longer digit strings and strings with leading zeros stay text.
"""

from __future__ import annotations

import csv
import os
import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

__all__ = ["TIME_FORMAT", "neutralise", "write_csv", "write_xlsx"]

_DANGEROUS_FIRST = frozenset("=+-@\t\r\n＝＋－＠")
_PLAIN_NUMBER_RE = re.compile(r"^[+-]?(?:0|[1-9]\d*)(?:\.(\d+))?$")
# Characters XML 1.0 cannot hold (openpyxl refuses them) and lone surrogates (not UTF-8).
_XML_ILLEGAL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_EXCEL_DIGITS = 15
_MAX_SHEET_TITLE = 31


def _is_plain_number(text: str) -> bool:
    return _PLAIN_NUMBER_RE.match(text) is not None


def neutralise(cell: object) -> str:
    """Make a value safe as a spreadsheet text cell (OWASP CSV-injection advice).

    Text starting with ``=``, ``+``, ``-``, ``@`` (or their full-width forms), a tab, CR or LF
    gets a leading apostrophe, so Excel, WPS and LibreOffice show it as text instead of
    running it as a formula. A plain number such as ``"-12.50"`` is left alone: it cannot be
    a formula.

    Args:
        cell: Any value; ``None`` becomes ``""``.

    Returns:
        The safe text.
    """
    if cell is None:
        return ""
    text = cell if isinstance(cell, str) else _to_text(cell)
    if text and text[0] in _DANGEROUS_FIRST and not _is_plain_number(text):
        return "'" + text
    return text


#: How times are written: the app's one date style (the UI shows the same, in local time).
TIME_FORMAT = "%Y-%m-%d %H:%M"


def _to_text(value: object) -> str:
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            # The computer's time zone, like the times the app shows.
            value = value.astimezone().replace(tzinfo=None)
        return value.strftime(TIME_FORMAT)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    return str(value)


def write_csv(
    path: str | os.PathLike[str],
    headers: Sequence[object],
    rows: Iterable[Sequence[object]],
    *,
    keep_long_numbers: bool = True,
) -> int:
    """Write a CSV file for Excel: UTF-8 with BOM, CRLF, minimal quoting, no formulas.

    Every cell goes through :func:`neutralise`; NUL characters are dropped (Excel and most
    CSV readers stop at them) and characters UTF-8 cannot encode are replaced.

    Args:
        path: The file to create or replace.
        headers: The header row.
        rows: The data rows.
        keep_long_numbers: Write long digit strings as ``="…"`` so Excel/WPS keep them whole
            (for files a seller opens). False for files another program reads as plain text
            (a platform's batch-ship upload), which would take the wrapper literally.

    Returns:
        The number of data rows written.
    """
    cell = _csv_cell if keep_long_numbers else _plain_csv_cell
    count = 0
    with open(path, "w", encoding="utf-8-sig", errors="replace", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow([cell(h) for h in headers])
        for row in rows:
            writer.writerow([cell(c) for c in row])
            count += 1
    return count


_FRAGILE_DIGITS_RE = re.compile(r"^(?:\d{11,}|0\d+)$")


def _csv_cell(value: object) -> str:
    if isinstance(value, str) and _FRAGILE_DIGITS_RE.match(value):
        return f'="{value}"'  # a text formula of digits only: kept exact, never run as code
    return _plain_csv_cell(value)


def _plain_csv_cell(value: object) -> str:
    text = neutralise(value)
    if "\x00" in text:
        text = neutralise(text.replace("\x00", ""))
    return text


def write_xlsx(
    path: str | os.PathLike[str],
    headers: Sequence[object],
    rows: Iterable[Sequence[object]],
    sheet_title: str = "Sheet1",
) -> int:
    """Write an XLSX workbook with one sheet, streaming (openpyxl write-only mode).

    Every cell is created with an explicit type: text cells (neutralised, see
    :func:`neutralise`) or numeric cells; never a formula. See the module docstring for which
    values become numbers.

    Args:
        path: The file to create or replace.
        headers: The header row (always text, in bold).
        rows: The data rows.
        sheet_title: The sheet name; characters Excel forbids are replaced and it is cut to 31
            characters.

    Returns:
        The number of data rows written.
    """
    from openpyxl import Workbook

    # The file is opened first: an unwritable path fails before the write-only sheet's row
    # writer exists (left unfinished, it prints a traceback when collected).
    with open(path, "wb") as handle:
        return _fill_workbook(handle, Workbook(write_only=True), headers, rows, sheet_title)


def _fill_workbook(
    handle: Any,
    workbook: Any,
    headers: Sequence[object],
    rows: Iterable[Sequence[object]],
    sheet_title: str,
) -> int:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    sheet = workbook.create_sheet(_safe_title(sheet_title))
    bold = Font(bold=True)

    def cell(value: object) -> Any:
        number, number_format = _xlsx_number(value)
        if number is not None:
            out = WriteOnlyCell(sheet)
            out.data_type = "n"
            out._value = number  # set directly: the value setter would re-infer the type
            if number_format:
                out.number_format = number_format
            return out
        out = WriteOnlyCell(sheet)
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
    count = 0
    for row in rows:
        sheet.append([cell(v) for v in row])
        count += 1
    workbook.save(handle)
    return count


def _xlsx_number(value: object) -> tuple[int | float | Decimal | None, str | None]:
    """The numeric value a cell should hold, or ``(None, None)`` for a text cell."""
    if isinstance(value, bool) or value is None:
        return None, None
    if isinstance(value, int):
        return (value, None) if abs(value) < 10**_EXCEL_DIGITS else (None, None)
    if isinstance(value, float):
        return (value, None) if value == value and abs(value) != float("inf") else (None, None)
    if isinstance(value, Decimal):
        return (value, None) if value.is_finite() else (None, None)
    if isinstance(value, str) and value:
        match = _PLAIN_NUMBER_RE.match(value)
        if match is None:
            return None, None
        fraction = match.group(1)
        digits = sum(ch.isdigit() for ch in value)
        if digits > _EXCEL_DIGITS or (fraction is None and digits > 10):
            return None, None  # identifiers: order, phone and tracking numbers stay text
        if fraction is None:
            return int(value), None
        return Decimal(value), "0." + "0" * len(fraction)
    return None, None


def _xml_safe(text: str) -> str:
    if _XML_ILLEGAL_RE.search(text):
        text = _XML_ILLEGAL_RE.sub("\ufffd", text)
    return text


def _safe_title(title: str) -> str:
    cleaned = re.sub(r"[\[\]:*?/\\]", "_", _xml_safe(str(title))).strip("'") or "Sheet1"
    return cleaned[:_MAX_SHEET_TITLE]
