"""CSV (and tab- or semicolon-separated) text: decoding UTF-8, UTF-16 or GB18030 in steps, sniffing the delimiter, rows as they are asked for."""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from typing import Any

from ..i18n import QT_TRANSLATE_NOOP
from .table import _RESAVE_HINT, DEFAULT_LIMITS, Table, TableError, _RowCollector

__all__ = ["read_csv"]

_CONTROL_CHARS = frozenset(chr(c) for c in [*range(0, 9), *range(14, 32), 127])


def _decode(data: bytes, chunk: int = DEFAULT_LIMITS.text_chunk) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        encodings: tuple[str, ...] = ("utf-8-sig",)
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings = ("utf-16",)
    else:
        encodings = ("utf-8", "gb18030")
    for encoding in encodings:
        try:
            return _decode_in_chunks(data, encoding, chunk), encoding
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


def _lazy_encoding(data: bytes, chunk: int) -> tuple[str, str | None]:
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
        text, encoding = _decode(data, chunk)
        return encoding, text
    try:
        return "utf-8", _decode_in_chunks(data, "utf-8", chunk)
    except UnicodeDecodeError:
        return "gb18030", None


def _lazy_lines(data: bytes, encoding: str, chunk: int) -> tuple[str, Iterator[str]]:
    """The start of the text (for sniffing), and all its lines decoded as they are asked for.

    Raises:
        TableError: The start does not decode (the rest raises it when it gets there).
    """
    decoder = codecs.getincrementaldecoder(encoding)()
    view = memoryview(data)
    size = len(data)

    def piece(start: int) -> str:
        end = start + chunk
        return decoder.decode(view[start:end], final=end >= size)

    try:
        head = piece(0)
    except UnicodeDecodeError:
        raise _undecodable() from None

    def lines() -> Iterator[str]:
        pending = [head]
        start = chunk
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
            start += chunk
        rest = "".join(pending)
        if rest:
            yield from io.StringIO(rest, newline="")

    return head, lines()


def _decode_in_chunks(data: bytes, encoding: str, chunk: int) -> str:
    """``data.decode(encoding)`` in steps (strict; raises UnicodeDecodeError the same way)."""
    if len(data) <= chunk:
        return data.decode(encoding)
    decoder = codecs.getincrementaldecoder(encoding)()
    view = memoryview(data)
    parts = [decoder.decode(view[start : start + chunk]) for start in range(0, len(data), chunk)]
    parts.append(decoder.decode(b"", final=True))
    return "".join(parts)


def _text_lines(text: str, chunk: int) -> Iterator[str]:
    """The lines of *text* (ends kept, any newline style), split a chunk at a time.

    Chunks end just after a ``\n``, so no line (and no ``\r\n``) is cut; a quoted CSV field
    spanning lines is joined by the csv reader as usual.
    """
    start, size = 0, len(text)
    while start < size:
        end = text.find("\n", start + chunk)
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


def read_csv(
    data: bytes, max_rows: int, stream_rows: int = 0, chunk: int = DEFAULT_LIMITS.text_chunk
) -> Table:
    if stream_rows:
        encoding, text = _lazy_encoding(data, chunk)
    else:
        text, encoding = _decode(data, chunk)
    if text is None:
        # Streamed: decoded as the rows are asked for, not all before the first one.
        head, lines = _lazy_lines(data, encoding, chunk)
        # No UTF-8 or GB18030 multi-byte sequence holds 0x0A; a last line may lack its \n.
        line_count = data.count(b"\n") + (not data.endswith(b"\n"))
    else:
        head, lines = text, _text_lines(text, chunk)
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
