"""XLSX and XLS workbooks (through calamine): the zip-bomb guard and the first sheet with data."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator
from datetime import date, datetime, time, timedelta
from typing import Any

from ..i18n import QT_TRANSLATE_NOOP
from .table import (
    _RESAVE_HINT,
    DEFAULT_LIMITS,
    ReadLimits,
    Table,
    TableError,
    _collect,
    _NoRowsError,
    _RowCollector,
)

__all__ = ["read_workbook"]

_MAX_ZIP_MEMBERS = 10_000


_UNPACKED_TOO_LARGE = QT_TRANSLATE_NOOP(
    "Errors",
    "The workbook is too large once unpacked (a 'zip bomb'?) and was not opened. Export the file "
    "from the platform again.",
)


def _check_zip(data: bytes, limits: ReadLimits) -> None:
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
    limit_text = f"{limits.max_unzipped_bytes // 2**20} MiB"
    if declared > limits.max_unzipped_bytes:
        raise TableError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The workbook is too large once unpacked (over {limit}). Export a shorter date "
                "range and import the parts one by one.",
            ),
            limit=limit_text,
        )
    for info in infos:
        if info.file_size > 2**20 and info.file_size > limits.max_zip_ratio * max(
            info.compress_size, 1
        ):
            raise TableError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "The workbook is compressed to an implausible degree (a 'zip bomb') and was "
                    "not opened. Export the file from the platform again.",
                )
            )
    # Declared sizes can lie. Deflate expands at most ~1032x, so a small archive cannot
    # unpack past the limit; a large one is inflated here (output discarded) to measure it.
    packed = sum(info.compress_size for info in infos)
    if packed * limits.deflate_max_ratio > limits.max_unzipped_bytes:
        _measure_zip(data, infos, limits.max_unzipped_bytes)


def _measure_zip(data: bytes, infos: list[zipfile.ZipInfo], limit: int) -> None:
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
                    if total + size > limit:
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
        if total > limit:
            raise TableError(_UNPACKED_TOO_LARGE)


def read_workbook(
    data: bytes,
    kind: str,
    max_rows: int,
    stream_rows: int = 0,
    limits: ReadLimits = DEFAULT_LIMITS,
    wanted: Callable[[Table], bool] | None = None,
) -> Table:
    if kind == "xlsx":
        _check_zip(data, limits)
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
        table = _read_first_sheet(workbook, kind, max_rows, stream_rows, wanted)
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


def _read_first_sheet(
    workbook: Any,
    kind: str,
    max_rows: int,
    stream_rows: int = 0,
    wanted: Callable[[Table], bool] | None = None,
) -> Table:
    """The first visible sheet with data that is *wanted* (else the first with data)."""
    visible = [m.name for m in workbook.sheets_metadata if str(m.visible).endswith("Visible")]
    names = visible + [n for n in workbook.sheet_names if n not in visible]
    first: Table | None = None
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
        if wanted is None or wanted(table):
            return table
        if first is None:
            first = table
    if first is not None:
        return first
    raise TableError(
        QT_TRANSLATE_NOOP(
            "Errors", "The workbook has no data. Export the orders again and choose that file."
        )
    )


def _sheet_rows(sheet: Any, kind: str) -> Iterator[list[str]]:
    """A sheet's rows as text; a cell that cannot be read raises TableError (also when the
    rows are streamed, after ``read_workbook`` has returned)."""
    rows = iter(sheet.iter_rows())
    while True:
        try:
            row = next(rows, None)
            if row is None:
                return
            cells = [c if type(c) is str else _cell_text(c) for c in row]
        except (KeyboardInterrupt, SystemExit, MemoryError):
            raise
        except BaseException:  # as in read_workbook: calamine's errors, a Rust panic
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
