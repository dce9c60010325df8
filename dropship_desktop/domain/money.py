"""Money as integer fen (分). Conversions to and from yuan text never go through floats."""

from __future__ import annotations

import re

from ..i18n import QT_TRANSLATE_NOOP, MarkedError

__all__ = ["MoneyError", "fen_to_yuan_text", "format_fen", "parse_yuan"]

_YUAN_RE = re.compile(r"^([+-]?)(\d+)(?:\.(\d{0,2}))?$")
_TRAILING_ZEROS_RE = re.compile(r"^([+-]?\d+\.\d{0,2})0+$")
_MANY_DECIMALS_RE = re.compile(r"^[+-]?\d+\.\d{3,}$")
_STRIP_CHARS = " \t\r\n\u3000"
#: The most digits before the decimal point of an amount (under 10**15 yuan).
MAX_YUAN_DIGITS = 15


class MoneyError(MarkedError, ValueError):
    """A text that is not a money amount (or has more than two decimals)."""


def parse_yuan(text: str, *, allow_negative: bool = False) -> int:
    """Parse a yuan amount such as ``"1,234.5"``, ``"¥12"`` or ``"0.07"`` into fen.

    Args:
        text: The amount as typed or exported. Thousands separators, a leading ¥/￥ and the
            suffix 元 are accepted; at most two decimals.
        allow_negative: Whether a leading minus sign is accepted.

    Returns:
        The amount in integer fen.

    Raises:
        MoneyError: The text is empty, not a number, negative when not allowed, or has more
            than two decimals.
    """
    raw = str(text).strip(_STRIP_CHARS)
    cleaned = raw.replace(",", "").replace("，", "")
    for prefix in ("¥", "￥", "RMB", "CNY"):
        if cleaned.upper().startswith(prefix):
            cleaned = cleaned[len(prefix) :].strip()
    if cleaned.endswith("元"):
        cleaned = cleaned[:-1].strip()
    if not cleaned:
        raise MoneyError(QT_TRANSLATE_NOOP("Errors", "empty amount"))
    match = _YUAN_RE.match(cleaned)
    if match is None:
        # Tolerate trailing zeros beyond two decimals ("12.500"), reject anything else.
        zeros = _TRAILING_ZEROS_RE.match(cleaned)
        if zeros is None:
            if _MANY_DECIMALS_RE.match(cleaned):
                raise MoneyError(
                    QT_TRANSLATE_NOOP("Errors", "more than two decimals: {value!r}"), value=raw
                )
            raise MoneyError(QT_TRANSLATE_NOOP("Errors", "not an amount: {value!r}"), value=raw)
        return parse_yuan(zeros.group(1), allow_negative=allow_negative)
    sign, whole, frac = match.groups()
    if len(whole.lstrip("0")) > MAX_YUAN_DIGITS:
        # Also keeps int() away from Python's 4,300-digit conversion limit.
        raise MoneyError(
            QT_TRANSLATE_NOOP("Errors", "too large to be an amount: {value!r}"),
            value=raw if len(raw) <= 30 else raw[:30] + "…",
        )
    fen = int(whole) * 100 + int((frac or "").ljust(2, "0"))
    if sign == "-":
        if not allow_negative:
            raise MoneyError(QT_TRANSLATE_NOOP("Errors", "negative amount: {value!r}"), value=raw)
        fen = -fen
    return fen


def fen_to_yuan_text(fen: int) -> str:
    """Plain yuan text with two decimals and no grouping, e.g. ``-1234.50`` (for files and inputs)."""
    sign = "-" if fen < 0 else ""
    whole, frac = divmod(abs(int(fen)), 100)
    return f"{sign}{whole}.{frac:02d}"


def format_fen(fen: int) -> str:
    """Locale-neutral display text ``¥1,234.50`` (the UI uses QLocale instead where it can)."""
    sign = "-" if fen < 0 else ""
    whole, frac = divmod(abs(int(fen)), 100)
    return f"{sign}¥{whole:,}.{frac:02d}"
