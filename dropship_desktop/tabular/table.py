"""What every reader builds: the :class:`Table`, :class:`TableError`, and the header-finding row collector."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from ..i18n import QT_TRANSLATE_NOOP, MarkedError

__all__ = ["DEFAULT_LIMITS", "ReadLimits", "Table", "TableError", "gc_paused"]

#: What to tell the seller after most unreadable files.
_RESAVE_HINT = QT_TRANSLATE_NOOP(
    "Errors", "Export the file from the platform again, or open it in Excel and save it as .xlsx."
)


@dataclass(frozen=True)
class ReadLimits:
    """The guards and step sizes of reading a file (defaults for real files; tests shrink them).

    Attributes:
        max_unzipped_bytes: Largest total size of the parts of an XLSX once unpacked (zip-bomb
            guard).
        max_zip_ratio: Largest unpacked/packed ratio accepted for a large part. Real sheets
            compress 5-30x; deflate cannot exceed about 1032x, which is what bombs use.
        deflate_max_ratio: What deflate can expand to at most: archives small enough that even
            this cannot pass *max_unzipped_bytes* are not inflated to be measured.
        text_chunk: Bytes decoded (and characters split into lines) per step. Between steps
            other threads get the GIL: one ``bytes.decode`` of a 25 MB GB18030 file holds it
            for ~100 ms, which would freeze the UI thread while an import reads on the worker.
    """

    max_unzipped_bytes: int = 512 * 1024 * 1024
    max_zip_ratio: int = 200
    deflate_max_ratio: int = 1100
    text_chunk: int = 1 << 20


#: The limits of a real read.
DEFAULT_LIMITS = ReadLimits()


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building large acyclic structures.

    Reading and mapping 200k rows allocates millions of lists, strings and records that form
    no reference cycles; CPython's collector would still walk them again and again as they
    survive (over a third of the import time at 200k rows). Reference counting frees them as
    usual. The previous state is restored on exit.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class TableError(MarkedError, ValueError):
    """The file cannot be read as a table; the message says why and what to do.

    Args:
        message: English template marked with ``QT_TRANSLATE_NOOP("Errors", …)``.
        **params: Values for its ``{field}`` placeholders.
    """


class _NoRowsError(TableError):
    """A sheet or file without a single non-empty row."""


@dataclass(slots=True)
class Table:
    """A sheet of text cells.

    Attributes:
        headers: The header row (the first non-empty row), each cell stripped of surrounding
            whitespace.
        rows: Data rows, fully empty rows left out. Each row has at least ``len(headers)``
            cells (short rows are padded with ``""``).
        row_numbers: For each data row, its 1-based row number in the file as Excel shows it.
        source_format: ``"csv"``, ``"xlsx"``, ``"xls"`` or ``"html"`` (a web page saved as .xls).
        encoding: The text encoding of a CSV (``"utf-8-sig"``, ``"utf-8"``, ``"gb18030"`` or
            ``"utf-16"``); ``None`` for workbooks.
        header_row: The 1-based row number of the header row.
        delimiter: The CSV field delimiter; ``None`` for workbooks.
        sheet_name: The sheet read from a workbook; ``None`` for CSV.
        rest: For a streamed read (``read_table(stream_rows=N)`` of a file with more than N
            data rows): the data rows after ``rows``, as ``(rows, row_numbers)`` blocks of up
            to N rows, read as they are asked for (a damaged row, undecodable text or too many
            rows raise :class:`TableError` from there). ``None`` when ``rows`` holds them all.
        expected_rows: An estimate of all data rows of a streamed read (for progress), else
            ``len(rows)``.
    """

    headers: list[str]
    rows: list[list[str]]
    row_numbers: list[int] = field(default_factory=list)
    source_format: str = "csv"
    encoding: str | None = None
    header_row: int = 1
    delimiter: str | None = None
    sheet_name: str | None = None
    rest: Iterator[tuple[list[list[str]], list[int]]] | None = None
    expected_rows: int = 0


def _collect(numbered_rows: Any, max_rows: int) -> Table:
    """Find the header row, drop empty rows, pad short rows, count rows against the limit."""
    return _RowCollector(iter(numbered_rows)).table(max_rows)


class _RowCollector:
    """Finds the header row, drops empty rows, pads short rows, counts rows against the limit.

    Args:
        numbered_rows: ``(row number, cells)`` pairs, in file order.
    """

    def __init__(self, numbered_rows: Iterator[tuple[int, list[str]]]) -> None:
        self._source = numbered_rows
        self.headers: list[str] | None = None
        self.header_row = 0
        self._width = 0
        self._count = 0

    def table(self, max_rows: int, stream_rows: int = 0) -> Table:
        """The table; with *stream_rows*, only that many rows now and the rest streamed."""
        rows, numbers = self.take(max_rows, stream_rows or None)
        if self.headers is None:
            raise _NoRowsError(
                QT_TRANSLATE_NOOP(
                    "Errors", "The file has no rows. Export the orders again and choose that file."
                )
            )
        table = Table(
            headers=self.headers,
            rows=rows,
            row_numbers=numbers,
            header_row=self.header_row,
            expected_rows=len(rows),
        )
        if stream_rows and len(rows) == stream_rows:
            table.rest = self._blocks(max_rows, stream_rows)
        return table

    def _blocks(self, max_rows: int, size: int) -> Iterator[tuple[list[list[str]], list[int]]]:
        while True:
            rows, numbers = self.take(max_rows, size)
            if not rows:
                return
            yield rows, numbers

    def take(self, max_rows: int, limit: int | None) -> tuple[list[list[str]], list[int]]:
        """The next data rows (up to *limit*), finding the header row first if need be."""
        rows: list[list[str]] = []
        numbers: list[int] = []
        append_row = rows.append
        append_number = numbers.append
        width = self._width
        for number, row in self._source:
            # Cheap checks first: most rows have a non-blank first cell.
            if not (row and row[0].strip()) and not "".join(row).strip():
                continue
            if self.headers is None:
                headers = [h.strip(" \t\r\n\u3000\ufeff") for h in row]
                while headers and not headers[-1]:
                    headers.pop()  # trailing delimiters after the last header
                self.headers = headers
                width = self._width = len(headers)
                self.header_row = number
                continue
            if len(row) < width:
                row = [*row, *([""] * (width - len(row)))]
            append_row(row)
            append_number(number)
            self._count += 1
            if self._count > max_rows:
                raise TableError(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "The file has more than {rows} data rows. Export a shorter date range and "
                        "import the parts one by one.",
                    ),
                    rows=f"{max_rows:,}",
                )
            if limit is not None and len(rows) >= limit:
                break
        return rows, numbers
