"""Read a CSV, XLSX or legacy XLS file into a table of strings, as the user saw it in Excel.

Everything that can go wrong with the file itself is reported as :class:`TableError` with a
message that says what is wrong and what to do; no other exception escapes for bad bytes.
"""

from __future__ import annotations

import codecs
import csv
import gc
import io
import logging
import os
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from ..i18n import QT_TRANSLATE_NOOP, MarkedError

log = logging.getLogger(__name__)

__all__ = [
    "MAX_FILE_BYTES",
    "MAX_UNZIPPED_BYTES",
    "Table",
    "TableError",
    "read_table",
]

#: Largest file accepted at all.
MAX_FILE_BYTES = 1024 * 1024 * 1024
#: Largest total size of the parts of an XLSX once unpacked (zip-bomb guard).
MAX_UNZIPPED_BYTES = 512 * 1024 * 1024
#: Largest unpacked/packed ratio accepted for a large part. Real sheets compress 5-30x;
#: deflate cannot exceed about 1032x, which is what bombs use.
MAX_ZIP_RATIO = 200
_MAX_ZIP_MEMBERS = 10_000
_DEFLATE_MAX_RATIO = 1100

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_ENCRYPTED_MARKER = "EncryptedPackage".encode("utf-16-le")
_CONTROL_CHARS = frozenset(chr(c) for c in [*range(0, 9), *range(14, 32), 127])
_RESAVE_HINT = QT_TRANSLATE_NOOP(
    "Errors", "Export the file from the platform again, or open it in Excel and save it as .xlsx."
)

_UNPACKED_TOO_LARGE = QT_TRANSLATE_NOOP(
    "Errors",
    "The workbook is too large once unpacked (a 'zip bomb'?) and was not opened. Export the file "
    "from the platform again.",
)


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


def read_table(
    path_or_bytes: str | os.PathLike[str] | bytes,
    *,
    filename: str | None = None,
    max_rows: int = 2_000_000,
    max_bytes: int = MAX_FILE_BYTES,
    stream_rows: int = 0,
) -> Table:
    """Read the first sheet with data of a CSV, XLSX or XLS file.

    The format is decided from the content, not the file name (platforms and users rename
    files freely). CSV text is decoded as UTF-8 (with or without BOM), UTF-16 with BOM, or
    else GB18030 (a superset of GBK, which Excel on Chinese Windows writes); the delimiter
    (comma, tab or semicolon) is sniffed from the header line.

    Args:
        path_or_bytes: A file path, or the file's content.
        filename: The original file name, only used in messages.
        max_rows: The most data rows accepted.
        max_bytes: The largest file accepted.
        stream_rows: Read only the header and the first *stream_rows* data rows now and the
            rest as :attr:`Table.rest` is iterated (so a caller can work on the first rows
            while later ones are still unread). A CSV is then decoded and parsed as it goes
            (UTF-8 without a BOM is decoded whole first: only then is it known to be UTF-8);
            a workbook's sheet is parsed at once but its cells are converted to text as they
            go. ``0``: read everything.

    Returns:
        The table.

    Raises:
        TableError: The file is missing, empty, too large, damaged, encrypted, of another
            kind, or has no header row.
    """
    if isinstance(path_or_bytes, bytes | bytearray | memoryview):
        data = bytes(path_or_bytes)
    else:
        path = Path(path_or_bytes)
        filename = filename or path.name
        try:
            size = path.stat().st_size
            if size > max_bytes:
                raise _too_large(size, max_bytes)
            data = path.read_bytes()
        except OSError as exc:
            raise TableError(
                QT_TRANSLATE_NOOP("Errors", "Cannot open the file: {reason}."),
                reason=exc.strerror or exc,
            ) from None
    if len(data) > max_bytes:
        raise _too_large(len(data), max_bytes)
    if not data.strip():
        raise TableError(
            QT_TRANSLATE_NOOP(
                "Errors", "The file is empty. Export the orders again and choose that file."
            )
        )

    try:
        return _read_data(data, max_rows, stream_rows)
    except (TableError, KeyboardInterrupt, SystemExit, MemoryError):
        raise
    except Exception as exc:
        # The readers turn every failure they know of into a TableError; anything else a
        # hostile file makes them raise (a damaged deflate stream, a parser's own error) is
        # still a damaged file to the seller, never a traceback.
        # Only the type: the message of a parser's error may quote the file's (buyer) text.
        log.warning("unforeseen %s while reading a file; refused as damaged", type(exc).__name__)
        raise TableError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The file is damaged and cannot be read. Export it again and import the new file.",
            )
        ) from None


def _read_data(data: bytes, max_rows: int, stream_rows: int) -> Table:
    with gc_paused():
        if data.startswith(_ZIP_MAGICS):
            return _read_workbook(data, "xlsx", max_rows, stream_rows)
        if data.startswith(_OLE_MAGIC):
            if _ENCRYPTED_MARKER in data:
                raise TableError(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "The workbook is protected with a password. Open it in Excel, remove the "
                        "password (File > Info > Protect Workbook) and save it as .xlsx.",
                    )
                )
            return _read_workbook(data, "xls", max_rows, stream_rows)
        if _is_markup(data):
            return _read_html(data, max_rows)
        return _read_csv(data, max_rows, stream_rows)


def _too_large(size: int, limit: int) -> TableError:
    return TableError(
        QT_TRANSLATE_NOOP(
            "Errors",
            "The file is too large ({size} MiB; the limit is {limit} MiB). Export a shorter "
            "date range and import the parts one by one.",
        ),
        size=f"{size / 2**20:.0f}",
        limit=f"{limit / 2**20:.0f}",
    )


def _is_markup(data: bytes) -> bool:
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<html", b"<!doctype", b"<table", b"<?xml", b"<meta"))


# --- HTML tables saved as .xls -------------------------------------------------------------------

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


def _read_html(data: bytes, max_rows: int) -> Table:
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


# --- CSV -------------------------------------------------------------------------------------


def _decode(data: bytes) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        encodings: tuple[str, ...] = ("utf-8-sig",)
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings = ("utf-16",)
    else:
        encodings = ("utf-8", "gb18030")
    for encoding in encodings:
        try:
            return _decode_in_chunks(data, encoding), encoding
        except UnicodeDecodeError:
            continue
    raise _undecodable()


def _undecodable() -> TableError:
    return TableError(
        QT_TRANSLATE_NOOP(
            "Errors",
            "The file is not a CSV or Excel workbook (its text is neither UTF-8 nor GBK/GB18030). "
            "{hint}",
        ),
        hint=_RESAVE_HINT,
    )


def _lazy_encoding(data: bytes) -> tuple[str, str | None]:
    """How to decode a CSV whose rows are streamed: ``(encoding, text)``.

    *text* is ``None`` when the file can be decoded as its lines are read: a UTF-8 BOM, or
    text that is not UTF-8 (found at its first non-UTF-8 bytes, usually in the header: it is
    GB18030). Valid UTF-8 without a BOM is only known to be UTF-8 once all of it has been
    decoded, and UTF-16 is rare: those come back decoded whole.

    Raises:
        TableError: UTF-16 text that does not decode.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig", None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text, encoding = _decode(data)
        return encoding, text
    try:
        return "utf-8", _decode_in_chunks(data, "utf-8")
    except UnicodeDecodeError:
        return "gb18030", None


def _lazy_lines(data: bytes, encoding: str) -> tuple[str, Iterator[str]]:
    """The start of the text (for sniffing), and all its lines decoded as they are asked for.

    Raises:
        TableError: The start does not decode (the rest raises it when it gets there).
    """
    decoder = codecs.getincrementaldecoder(encoding)()
    view = memoryview(data)
    size = len(data)

    def piece(start: int) -> str:
        end = start + _TEXT_CHUNK
        return decoder.decode(view[start:end], final=end >= size)

    try:
        head = piece(0)
    except UnicodeDecodeError:
        raise _undecodable() from None

    def lines() -> Iterator[str]:
        pending = [head]
        start = _TEXT_CHUNK
        while True:
            last = pending[-1]
            cut = last.rfind("\n")
            if cut >= 0:  # hand on whole lines; a CRLF is never split
                text = "".join(pending[:-1]) + last[: cut + 1]
                pending = [last[cut + 1 :]]
                yield from io.StringIO(text, newline="")
            if start >= size:
                break
            try:
                pending.append(piece(start))
            except UnicodeDecodeError:
                raise _undecodable() from None
            start += _TEXT_CHUNK
        rest = "".join(pending)
        if rest:
            yield from io.StringIO(rest, newline="")

    return head, lines()


#: Bytes decoded (and characters split into lines) per step. Between steps other threads get
#: the GIL: one ``bytes.decode`` of a 25 MB GB18030 file holds it for ~100 ms, which would
#: freeze the UI thread while an import reads on the worker thread.
_TEXT_CHUNK = 1 << 20


def _decode_in_chunks(data: bytes, encoding: str) -> str:
    """``data.decode(encoding)`` in steps (strict; raises UnicodeDecodeError the same way)."""
    if len(data) <= _TEXT_CHUNK:
        return data.decode(encoding)
    decoder = codecs.getincrementaldecoder(encoding)()
    view = memoryview(data)
    parts = [
        decoder.decode(view[start : start + _TEXT_CHUNK])
        for start in range(0, len(data), _TEXT_CHUNK)
    ]
    parts.append(decoder.decode(b"", final=True))
    return "".join(parts)


def _text_lines(text: str) -> Iterator[str]:
    """The lines of *text* (ends kept, any newline style), split a chunk at a time.

    Chunks end just after a ``\n``, so no line (and no ``\r\n``) is cut; a quoted CSV field
    spanning lines is joined by the csv reader as usual.
    """
    start, size = 0, len(text)
    while start < size:
        end = text.find("\n", start + _TEXT_CHUNK)
        end = size if end < 0 else end + 1
        yield from io.StringIO(text[start:end], newline="")
        start = end


def _looks_binary(text: str) -> bool:
    sample = text[:65536]
    if "\x00" in sample:
        return True
    controls = sum(1 for ch in sample if ch in _CONTROL_CHARS)
    return controls > max(8, len(sample) // 100)


def _sniff_delimiter(text: str) -> str:
    for line in text[:65536].splitlines():
        if line.strip():
            counts = {d: line.count(d) for d in (",", "\t", ";")}
            best = max(counts, key=lambda d: counts[d])  # ties: first wins (comma)
            return best if counts[best] else ","
    return ","


def _read_csv(data: bytes, max_rows: int, stream_rows: int = 0) -> Table:
    if stream_rows:
        encoding, text = _lazy_encoding(data)
    else:
        text, encoding = _decode(data)
    if text is None:
        # Streamed: decoded as the rows are asked for, not all before the first one.
        head, lines = _lazy_lines(data, encoding)
        # No UTF-8 or GB18030 multi-byte sequence holds 0x0A; a last line may lack its \n.
        line_count = data.count(b"\n") + (not data.endswith(b"\n"))
    else:
        head, lines = text, _text_lines(text)
        line_count = text.count("\n") + (not text.endswith("\n")) if stream_rows else 0
    if _looks_binary(head):
        raise TableError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The file is not a CSV or Excel workbook (it contains binary data). {hint}",
            ),
            hint=_RESAVE_HINT,
        )
    delimiter = _sniff_delimiter(head)
    collector = _RowCollector(_csv_rows(csv.reader(lines, delimiter=delimiter)))
    table = collector.table(max_rows, stream_rows)
    if table.rest is not None:
        # The lines after the header's: exact unless blank lines or multi-line cells.
        table.expected_rows = max(len(table.rows), line_count - table.header_row)
    table.source_format = "csv"
    table.encoding = encoding
    table.delimiter = delimiter
    return table


def _csv_rows(reader: Any) -> Iterator[tuple[int, list[str]]]:
    """The rows of a ``csv.reader``, numbered from 1; a parse error becomes TableError."""
    try:
        yield from enumerate(reader, start=1)
    except csv.Error as exc:
        raise TableError(
            QT_TRANSLATE_NOOP("Errors", "The CSV file is damaged near row {row}: {reason}. {hint}"),
            row=reader.line_num,
            reason=exc,
            hint=_RESAVE_HINT,
        ) from None


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


# --- XLSX / XLS --------------------------------------------------------------------------------


def _check_zip(data: bytes) -> None:
    """Refuse archives that are not workbooks or that unpack to absurd sizes (zip bombs)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except Exception:
        raise TableError(
            QT_TRANSLATE_NOOP(
                "Errors", "The workbook is damaged (it is not a valid .xlsx). {hint}"
            ),
            hint=_RESAVE_HINT,
        ) from None
    names = {info.filename for info in infos}
    if "xl/workbook.xml" not in names:
        if "xl/workbook.bin" in names:
            kind = QT_TRANSLATE_NOOP("Errors", "an Excel binary workbook (.xlsb)")
        elif "content.xml" in names:
            kind = QT_TRANSLATE_NOOP("Errors", "an OpenDocument spreadsheet (.ods)")
        elif "word/document.xml" in names:
            kind = QT_TRANSLATE_NOOP("Errors", "a Word document")
        else:
            kind = QT_TRANSLATE_NOOP("Errors", "a zip archive")
        raise TableError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The file is {kind}, not a CSV or .xlsx workbook. Open it in Excel or WPS and "
                "save it as .xlsx (Excel Workbook), then import that.",
            ),
            kind=kind,
        )
    if len(infos) > _MAX_ZIP_MEMBERS:
        raise TableError(
            QT_TRANSLATE_NOOP(
                "Errors", "The workbook has too many parts to be a real export. {hint}"
            ),
            hint=_RESAVE_HINT,
        )
    declared = sum(info.file_size for info in infos)
    limit_text = f"{MAX_UNZIPPED_BYTES // 2**20} MiB"
    if declared > MAX_UNZIPPED_BYTES:
        raise TableError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The workbook is too large once unpacked (over {limit}). Export a shorter date "
                "range and import the parts one by one.",
            ),
            limit=limit_text,
        )
    for info in infos:
        if info.file_size > 2**20 and info.file_size > MAX_ZIP_RATIO * max(info.compress_size, 1):
            raise TableError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "The workbook is compressed to an implausible degree (a 'zip bomb') and was "
                    "not opened. Export the file from the platform again.",
                )
            )
    # Declared sizes can lie. Deflate expands at most ~1032x, so a small archive cannot
    # unpack past the limit; a large one is inflated here (output discarded) to measure it.
    if sum(info.compress_size for info in infos) * _DEFLATE_MAX_RATIO > MAX_UNZIPPED_BYTES:
        _measure_zip(data, infos)


def _measure_zip(data: bytes, infos: list[zipfile.ZipInfo]) -> None:
    view = memoryview(data)
    total = 0
    for info in infos:
        header = data[info.header_offset : info.header_offset + 30]
        if len(header) != 30 or not header.startswith(b"PK\x03\x04"):
            raise TableError(
                QT_TRANSLATE_NOOP("Errors", "The workbook is damaged (bad zip header). {hint}"),
                hint=_RESAVE_HINT,
            )
        name_len, extra_len = struct.unpack("<HH", header[26:30])
        start = info.header_offset + 30 + name_len + extra_len
        packed = view[start : start + info.compress_size]
        if info.compress_type == zipfile.ZIP_STORED:
            size = len(packed)
        elif info.compress_type == zipfile.ZIP_DEFLATED:
            size = 0
            inflater = zlib.decompressobj(-15)
            for offset in range(0, len(packed), 1 << 20):
                chunk: bytes | memoryview = packed[offset : offset + (1 << 20)]
                while chunk:
                    try:
                        size += len(inflater.decompress(chunk, 1 << 22))
                    except zlib.error:
                        raise _damaged_workbook("xlsx") from None
                    if total + size > MAX_UNZIPPED_BYTES:
                        raise TableError(_UNPACKED_TOO_LARGE)
                    chunk = inflater.unconsumed_tail
                if inflater.eof:
                    break
        else:
            raise TableError(
                QT_TRANSLATE_NOOP(
                    "Errors", "The workbook uses an unsupported compression method. {hint}"
                ),
                hint=_RESAVE_HINT,
            )
        total += size
        if total > MAX_UNZIPPED_BYTES:
            raise TableError(_UNPACKED_TOO_LARGE)


def _read_workbook(data: bytes, kind: str, max_rows: int, stream_rows: int = 0) -> Table:
    if kind == "xlsx":
        _check_zip(data)
    try:
        import python_calamine
    except ImportError:  # pragma: no cover - a broken install, not bad input
        raise TableError(
            QT_TRANSLATE_NOOP(
                "Errors", "Reading Excel files is not available in this installation."
            )
        ) from None
    try:
        workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        table = _read_first_sheet(workbook, kind, max_rows, stream_rows)
    except TableError:
        raise
    except python_calamine.PasswordError:
        raise TableError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The workbook is protected with a password. Open it in Excel, remove the password "
                "and save it as .xlsx.",
            )
        ) from None
    except (KeyboardInterrupt, SystemExit, MemoryError):
        raise
    except BaseException:
        # calamine raises its own error types, and a Rust panic surfaces as a BaseException.
        raise _damaged_workbook(kind) from None
    table.source_format = kind
    return table


def _damaged_workbook(kind: str) -> TableError:
    return TableError(
        QT_TRANSLATE_NOOP("Errors", "The {kind} workbook is damaged and cannot be read. {hint}"),
        kind=kind,
        hint=_RESAVE_HINT,
    )


def _read_first_sheet(workbook: Any, kind: str, max_rows: int, stream_rows: int = 0) -> Table:
    visible = [m.name for m in workbook.sheets_metadata if str(m.visible).endswith("Visible")]
    names = visible + [n for n in workbook.sheet_names if n not in visible]
    for name in names:
        sheet = workbook.get_sheet_by_name(name)
        if not sheet.height:
            continue
        if sheet.height > 2 * max_rows + 1000:
            # Checked before materialising the rows; empty rows inside the used area are
            # skipped later, hence the slack.
            raise TableError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "The sheet has more than {rows} data rows. Export a shorter date range and "
                    "import the parts one by one.",
                ),
                rows=f"{max_rows:,}",
            )
        try:
            if stream_rows:
                # Rows are converted to text as they are asked for (the sheet itself is parsed
                # already). python-calamine's iter_rows starts at row 1, padding the rows above
                # the used area with empty ones (tests/tabular pin this), so numbers are right.
                numbered = enumerate(_sheet_rows(sheet, kind), start=1)
                table = _RowCollector(numbered).table(max_rows, stream_rows)
                if table.rest is not None:
                    table.expected_rows = max(len(table.rows), sheet.height - 1)
            else:
                rows = list(_sheet_rows(sheet, kind))
                end = sheet.end
                # The used area's end row tells where iter_rows started, so that numbers match
                # what Excel shows.
                first = (end[0] + 1 - len(rows)) if end else 0
                table = _collect(enumerate(rows, start=first + 1), max_rows)
        except _NoRowsError:
            continue
        table.sheet_name = name
        return table
    raise TableError(
        QT_TRANSLATE_NOOP(
            "Errors", "The workbook has no data. Export the orders again and choose that file."
        )
    )


def _sheet_rows(sheet: Any, kind: str) -> Iterator[list[str]]:
    """A sheet's rows as text; a cell that cannot be read raises TableError (also when the
    rows are streamed, after ``_read_workbook`` has returned)."""
    rows = iter(sheet.iter_rows())
    while True:
        try:
            row = next(rows, None)
            if row is None:
                return
            cells = [c if type(c) is str else _cell_text(c) for c in row]
        except (KeyboardInterrupt, SystemExit, MemoryError):
            raise
        except BaseException:  # as in _read_workbook: calamine's errors, a Rust panic
            raise _damaged_workbook(kind) from None
        yield cells


def _round_seconds(value: datetime) -> datetime:
    # Excel stores times as fractions of a day; 14:22:00 can come back as 14:21:59.999999.
    if value.microsecond >= 500_000:
        value += timedelta(seconds=1)
    return value.replace(microsecond=0)


def _cell_text(value: object) -> str:
    """Render a non-string cell as Excel's General format shows it."""
    if type(value) is float:
        if value.is_integer():
            if -1e15 < value < 1e15:
                return str(int(value))
            # Excel keeps 15 significant digits: a longer number has already lost digits and
            # Excel shows it as 1.93068E+18. Keep that form so the damage is detected.
            return _scientific(value)
        text = format(value, ".15g")
        return _scientific(value) if "e" in text else text
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value) if -(10**15) < value < 10**15 else _scientific(float(value))
    if isinstance(value, datetime):
        return _round_seconds(value).strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        full = _round_seconds(datetime.combine(date(2000, 1, 1), value))
        return full.strftime("%H:%M:%S")
    if value is None:
        return ""
    return str(value)


def _scientific(value: float) -> str:
    if value != value or value in (float("inf"), float("-inf")):
        return str(value)
    mantissa, _, exponent = f"{value:.5E}".partition("E")
    if "." in mantissa:
        mantissa = mantissa.rstrip("0").rstrip(".")
    return f"{mantissa}E{exponent[0]}{exponent[1:].lstrip('0').rjust(2, '0')}"
