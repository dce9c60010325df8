"""Read a CSV, XLSX or legacy XLS file into a table of strings, as the user saw it in Excel.

Everything that can go wrong with the file itself is reported as :class:`TableError` with a
message that says what is wrong and what to do; no other exception escapes for bad bytes.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path

from ..i18n import QT_TRANSLATE_NOOP
from .html_reader import read_html
from .table import DEFAULT_LIMITS, ReadLimits, Table, TableError, gc_paused
from .text_reader import read_csv
from .workbook_reader import read_workbook

log = logging.getLogger(__name__)

__all__ = ["MAX_FILE_BYTES", "ReadLimits", "Table", "TableError", "path_problem", "read_table"]

#: Largest file accepted at all.
MAX_FILE_BYTES = 1024 * 1024 * 1024

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_ENCRYPTED_MARKER = "EncryptedPackage".encode("utf-16-le")


def read_table(
    path_or_bytes: str | os.PathLike[str] | bytes,
    *,
    filename: str | None = None,
    max_rows: int = 2_000_000,
    max_bytes: int = MAX_FILE_BYTES,
    stream_rows: int = 0,
    limits: ReadLimits = DEFAULT_LIMITS,
    wanted: Callable[[Table], bool] | None = None,
) -> Table:
    """Read the first sheet with data of a CSV, XLSX or XLS file (the first *wanted* one).

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
        limits: The zip-bomb guard and the text decoding step (tests make them small).
        wanted: Whether a sheet is the one sought (e.g. its header is a known layout): a
            workbook's sheets are tried in order (a notes or cover sheet first is passed over);
            when none is, the first with data is returned.

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
        problem = path_problem(path)
        if problem is not None:
            raise problem
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
        return _read_data(data, max_rows, stream_rows, limits, wanted)
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


def path_problem(path: Path) -> TableError | None:
    """Why *path* is not an export to read, when it plainly is not one: a folder, or the lock
    file Excel keeps beside an open workbook (``~$订单.xlsx``). ``None``: try to read it."""
    if path.name.startswith("~$"):
        return TableError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{name} is Excel's temporary lock file (Excel makes it while the workbook is "
                "open), not your orders. Choose the real file: {real}, without the ~$ at the "
                "start of its name.",
            ),
            name=path.name,
            real=path.name[2:],
        )
    if path.is_dir():
        return TableError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{name} is a folder, not a file. Choose the exported file itself (e.g. a .csv "
                "or .xlsx file in that folder).",
            ),
            name=str(path),
        )
    return None


def _read_data(
    data: bytes,
    max_rows: int,
    stream_rows: int,
    limits: ReadLimits,
    wanted: Callable[[Table], bool] | None = None,
) -> Table:
    with gc_paused():
        if data.startswith(_ZIP_MAGICS):
            return read_workbook(data, "xlsx", max_rows, stream_rows, limits, wanted)
        if data.startswith(_OLE_MAGIC):
            if _ENCRYPTED_MARKER in data:
                raise TableError(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "The workbook is protected with a password. Open it in Excel, remove the "
                        "password (File > Info > Protect Workbook) and save it as .xlsx.",
                    )
                )
            return read_workbook(data, "xls", max_rows, stream_rows, limits, wanted)
        if _is_markup(data):
            return read_html(data, max_rows)
        return read_csv(data, max_rows, stream_rows, limits.text_chunk)


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


# --- CSV -------------------------------------------------------------------------------------


# --- XLSX / XLS --------------------------------------------------------------------------------
