"""HTML tables saved as .xls (some platforms export them so): the first table's rows."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from ..i18n import QT_TRANSLATE_NOOP
from .table import Table, TableError, _collect
from .text_reader import _decode

__all__ = ["read_html"]

_CHARSET_RE = re.compile(rb"charset\s*=\s*[\"']?\s*([a-z0-9_-]+)", re.IGNORECASE)


class _TableParser(HTMLParser):
    """Collects the rows of every top-level ``<table>`` as lists of cell texts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[list[list[str]]] = []
        self._depth = 0
        self._row: list[str] | None = None
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self._depth += 1
            if self._depth == 1:
                self.tables.append([])
        elif self._depth != 1:
            return
        elif tag == "tr":
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []
        elif tag == "br" and self._cell is not None:
            self._cell.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            self._end_row()
            self._depth = max(0, self._depth - 1)
        elif self._depth != 1:
            return
        elif tag in ("td", "th"):
            self._end_cell()
        elif tag == "tr":
            self._end_row()

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)

    def _end_cell(self) -> None:
        if self._cell is not None and self._row is not None:
            self._row.append(" ".join("".join(self._cell).split()))
        self._cell = None

    def _end_row(self) -> None:
        self._end_cell()
        if self._row is not None and self.tables:
            self.tables[-1].append(self._row)
        self._row = None


def read_html(data: bytes, max_rows: int) -> Table:
    """Read the table of a web page saved with a spreadsheet name (common ".xls" exports).

    Some platforms and ERP tools export an HTML ``<table>`` named ``.xls``; Excel opens it, so
    sellers expect the app to as well. The biggest table of the page is the data.
    """
    declared = _CHARSET_RE.search(data[:4096])
    text = None
    if declared:
        name = declared.group(1).decode("ascii", "replace").lower()
        encoding = "gb18030" if name in ("gb2312", "gbk", "gb18030") else name
        try:
            text = data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            text = None
    if text is None:
        text, encoding = _decode(data)
    parser = _TableParser()
    try:
        parser.feed(text)
        parser.close()
    except Exception:  # html.parser is lenient; anything it still cannot take is a bad file
        parser.tables = []
    tables = [t for t in parser.tables if t]
    if not tables:
        raise TableError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The file is a web page or XML file with a spreadsheet name, and it holds no "
                "table. Open it in Excel and save it as .xlsx (Excel Workbook), then import "
                "that.",
            )
        )
    rows = max(tables, key=len)
    table = _collect(enumerate(rows, start=1), max_rows)
    table.source_format = "html"
    table.encoding = encoding
    return table
