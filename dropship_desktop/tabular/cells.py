"""Cleaning of single cells from platform exports: order numbers, free text and timestamps.

Exports keep long numbers as text in several ways so that Excel does not damage them:
``="1930679858170647"`` (a formula returning text), a leading apostrophe, a leading or trailing
tab. The functions here undo those wrappers. They are called once per cell on the import hot
path, so they use ``startswith`` and slicing rather than regular expressions where they can.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from ..domain.timeutil import CHINA_TZ
from ..i18n import QT_TRANSLATE_NOOP, MarkedError

__all__ = [
    "CHINA_TZ",
    "MAX_FEN",
    "MAX_QUANTITY",
    "MAX_YEAR",
    "MIN_YEAR",
    "CellError",
    "checked_fen",
    "checked_quantity",
    "clean_order_number",
    "clean_text",
    "parse_datetime",
    "strip_wrappers",
    "too_long_number",
    "unreadable_cell",
]

#: Sane bounds of the values an order export holds. A value outside them is a damaged or
#: hostile file, not an order: it is refused with the row and column instead of reaching the
#: database (SQLite integers end at 2**63, Python's datetime at year 1).
MIN_YEAR = 1990
MAX_YEAR = 2100
#: Items in one order line.
MAX_QUANTITY = 10_000_000
#: One amount, in fen (10 billion yuan). Bounds times quantities stay far below 2**63.
MAX_FEN = 10**12
#: The longest text a money or quantity cell may hold (wrappers, separators and ¥ included);
#: Python refuses to convert integers of more than 4,300 digits at all.
MAX_NUMBER_CHARS = 40

# China Standard Time (the platforms export naive local times in it) as a plain offset.
_EIGHT_HOURS = timedelta(hours=8)

# Whitespace that exports put around values: ASCII, no-break space, ideographic space, BOM.
_WS = " \t\r\n\u00a0\u3000\ufeff"

_WRAPPER_FIRST = frozenset("='\ufeff")
#: What exports write in a cell that has nothing (Douyin: ``-``).
_EMPTY_MARKS = frozenset({"-", "--", "—"})
#: Excel serial day numbers accepted as dates: 1954-10-04 .. 2119-01-11.
_SERIAL_MIN, _SERIAL_MAX = 20_000, 80_000
_EXCEL_EPOCH = datetime(1899, 12, 30)
_SERIAL_RE = re.compile(r"^\d{5}(?:\.\d+)?$")
_WRAPPER_LAST = frozenset('"\ufeff')
_SCIENTIFIC_RE = re.compile(r"^[+-]?\d+(?:\.\d*)?[eE][+-]?\d+$")
_DATETIME_RE = re.compile(
    r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    r"(?:[\sT]+(\d{1,2})[:：](\d{1,2})(?:[:：](\d{1,2})(?:\.\d+)?)?)?$"
)


class CellError(MarkedError, ValueError):
    """A cell whose text cannot be used; the message says what is wrong and what to do.

    Args:
        message: English template marked with ``QT_TRANSLATE_NOOP("Errors", …)``.
        **params: Values for its ``{field}`` placeholders.
    """


def strip_wrappers(text: str) -> str:
    """Remove the text-keeping wrappers exports put around values.

    Handles surrounding whitespace (including tabs, ``\\u3000`` and no-break spaces), the
    ``="…"`` formula form and a leading apostrophe, in any combination.

    Args:
        text: The cell text as read from the file.

    Returns:
        The bare value, without surrounding whitespace.
    """
    s = text.strip(_WS)
    if s and s[0] in "='":
        if s.startswith('="') and s.endswith('"') and len(s) >= 3:
            s = s[2:-1].strip(_WS)
        if s.startswith("'"):
            s = s[1:].strip(_WS)
    return s


def clean_order_number(text: str | None) -> str:
    """Normalise an order number kept as text by an export.

    The digits are handled as text from start to end, so 19-digit numbers survive exactly.

    Args:
        text: The cell text, e.g. ``'="1930679858170647123"'``, ``"'1930…"`` or ``"\\t1930…"``.

    Returns:
        The order number, or ``""`` for an empty cell.

    Raises:
        CellError: The number is in scientific notation (``1.93068E+18``) or lost its digits by
            passing through a floating-point number: the file was opened and re-saved in
            Excel or WPS, which keeps only 15 digits.
    """
    if not text:
        return ""
    if text.startswith('="') and text.endswith('"'):
        inner = text[2:-1]  # the commonest export form, checked without copying twice
        if inner.isascii() and inner.isdigit():
            return inner
    s = strip_wrappers(text)
    if not s or (s.isascii() and s.isdigit()):
        return s
    if _SCIENTIFIC_RE.match(s):
        raise CellError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The order number {value!r} was damaged by opening and re-saving the file in "
                "Excel or WPS (it is shown in scientific notation and its last digits are lost). "
                "Export the orders from the platform again and import that file without opening "
                "it, or save it as .xlsx with the column formatted as Text.",
            ),
            value=s,
        )
    if s.endswith(".0") and s[:-2].isascii() and s[:-2].isdigit():
        digits = s[:-2]
        if len(digits) > 15:
            raise CellError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "The order number {value!r} passed through a decimal number and may have "
                    "lost digits. Export the orders from the platform again and import that file "
                    "without opening it in Excel.",
                ),
                value=s,
            )
        return digits
    return s


def clean_text(text: str | None) -> str:
    """Strip export wrappers and normalise whitespace (runs of any whitespace become one space).

    Args:
        text: The cell text.

    Returns:
        The cleaned text; ``""`` for an empty cell.
    """
    if not text:
        return ""
    # str.split() with no argument splits on all Unicode whitespace, \u3000 included.
    parts = text.split()
    if not parts:
        return ""
    if parts[0][0] in _WRAPPER_FIRST or parts[-1][-1] in _WRAPPER_LAST:
        parts = strip_wrappers(text).split()
        if not parts:
            return ""
    if len(parts) == 1:
        only = parts[0]
        return "" if only in _EMPTY_MARKS else only  # Douyin writes "-" for nothing
    return " ".join(parts)


def parse_datetime(text: str | None) -> datetime | None:
    """Parse a platform timestamp, interpreted as China time, into an aware datetime.

    The result is in UTC+8 for the commonest form and in UTC otherwise: the same instant
    either way (aware datetimes compare and convert by instant).

    Accepted forms: ``2024-03-05 14:22:01``, ``2024/3/5 14:22``, ``2024-03-05``,
    ``2024年3月5日 14:22``, ``2024-03-05T14:22:01``, ``20240305142201``, ``20240305`` and an
    Excel serial day number (``45356.5988``: a date cell read as its number). Fractions of a
    second are ignored; ``-`` is no time.

    Args:
        text: The cell text.

    Returns:
        The instant in UTC, or ``None`` for an empty cell.

    Raises:
        CellError: The text is not a date or time in one of the accepted forms.
    """
    if not text:
        return None
    s = text
    if len(s) == 19 and s[4] == "-" and s[10] == " ":
        # Fast path for the commonest form: one C call parses it with the China offset.
        try:
            value = datetime.fromisoformat(s + "+08:00")
        except ValueError:
            pass
        else:
            if MIN_YEAR <= value.year <= MAX_YEAR:
                return value
            raise _date_out_of_range(s)
    s = strip_wrappers(s)
    if not s or s in _EMPTY_MARKS:
        return None
    if len(s) > 64:
        raise _not_a_date(s[:64] + "…")
    try:
        if _SERIAL_RE.match(s) and _SERIAL_MIN <= float(s) <= _SERIAL_MAX:
            # A date cell read as its number (an Excel serial: days since 1899-12-30).
            naive = _EXCEL_EPOCH + timedelta(days=float(s))
            if naive.microsecond >= 500_000:
                naive += timedelta(seconds=1)
            naive = naive.replace(microsecond=0)
        elif s.isascii() and s.isdigit() and len(s) in (8, 14):
            parts = [int(s[0:4]), int(s[4:6]), int(s[6:8])]
            if len(s) == 14:
                parts += [int(s[8:10]), int(s[10:12]), int(s[12:14])]
            naive = datetime(*parts)  # type: ignore[arg-type]
        else:
            match = _DATETIME_RE.match(s)
            if match is None:
                raise ValueError(s)
            naive = datetime(*(int(g) for g in match.groups() if g is not None))
    except (ValueError, OverflowError):
        raise _not_a_date(s) from None
    if not MIN_YEAR <= naive.year <= MAX_YEAR:
        raise _date_out_of_range(s)
    return (naive - _EIGHT_HOURS).replace(tzinfo=UTC)


def _not_a_date(value: str) -> CellError:
    return CellError(
        QT_TRANSLATE_NOOP(
            "Errors",
            "{value!r} is not a date and time; expected a form like 2024-03-05 14:22:01.",
        ),
        value=value,
    )


def _date_out_of_range(value: str) -> CellError:
    return CellError(
        QT_TRANSLATE_NOOP(
            "Errors",
            "{value!r} is not a plausible order date (expected a year from {first} to {last}). "
            "Check the column mapping, or export the orders again.",
        ),
        value=value,
        first=MIN_YEAR,
        last=MAX_YEAR,
    )


def checked_quantity(value: int) -> int:
    """*value* if it is a plausible number of items in one order line.

    Raises:
        CellError: It is negative or larger than :data:`MAX_QUANTITY`.
    """
    if 0 <= value <= MAX_QUANTITY:
        return value
    raise CellError(
        QT_TRANSLATE_NOOP(
            "Errors",
            "{value} items is not a plausible quantity (at most {limit}). Check the column "
            "mapping, or export the orders again.",
        ),
        value=_short(str(value)),
        limit=f"{MAX_QUANTITY:,}",
    )


def checked_fen(value: int | None) -> int | None:
    """*value* (fen) if it is a plausible amount of one order.

    Raises:
        CellError: Its size exceeds :data:`MAX_FEN`.
    """
    if value is None or -MAX_FEN <= value <= MAX_FEN:
        return value
    raise CellError(
        QT_TRANSLATE_NOOP(
            "Errors",
            "{value} is not a plausible amount (at most {limit} yuan). Check the column "
            "mapping, or export the orders again.",
        ),
        value=_short(str(value // 100)),
        limit=f"{MAX_FEN // 100:,}",
    )


def too_long_number(text: str) -> CellError:
    """The error for a number cell of more than :data:`MAX_NUMBER_CHARS` characters."""
    return CellError(
        QT_TRANSLATE_NOOP("Errors", "{value!r} is too long to be a number"), value=_short(text)
    )


def unreadable_cell(text: str, exc: BaseException) -> CellError:
    """A :class:`CellError` for a cell whose conversion failed in an unforeseen way.

    The importer's last line of defence: whatever a hostile cell makes a converter raise, the
    seller sees the row and the column, not a traceback.
    """
    if isinstance(exc, CellError):
        return exc
    return CellError(
        QT_TRANSLATE_NOOP(
            "Errors", "{value!r} cannot be read here; the file may be damaged or mapped wrongly"
        ),
        value=_short(text),
    )


def _short(text: str, limit: int = 30) -> str:
    return text if len(text) <= limit else text[:limit] + "…"
