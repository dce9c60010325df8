"""Cell values of order exports that need more than the shared cell helpers: money in yuan,
specs, quantities, tracking numbers (with the carrier some exports put in the same cell, and
the damage Excel does to them)."""

from __future__ import annotations

import re

from dropship_desktop.domain.money import parse_yuan
from dropship_desktop.i18n import QT_TRANSLATE_NOOP
from dropship_desktop.tabular.cells import (
    MAX_NUMBER_CHARS,
    CellError,
    checked_fen,
    checked_quantity,
    clean_text,
    strip_wrappers,
    too_long_number,
)

__all__ = ["money", "quantity", "refuse_damaged_tracking", "spec_text", "tracking"]


def money(text: str) -> int | None:
    """Yuan text to fen; a fast path for plain ``123`` / ``123.4`` / ``123.45``."""
    if not text:
        return None
    if len(text) > MAX_NUMBER_CHARS:
        raise too_long_number(text)
    if text.isascii():
        if text.isdigit():
            return checked_fen(int(text) * 100)
        whole, dot, frac = text.partition(".")
        if dot and whole.isdigit() and frac.isdigit() and len(frac) <= 2:
            return checked_fen(int(whole) * 100 + int(frac.ljust(2, "0")))
    cleaned = strip_wrappers(text)
    if not cleaned or cleaned in ("-", "--"):
        return None
    return checked_fen(parse_yuan(cleaned))


#: What the platforms write for a listing without variants (Pinduoduo: 无规格).
_NO_SPEC = frozenset({"无规格", "默认", "默认规格", "无"})


def spec_text(text: str) -> str:
    """A line's spec (颜色分类:白色;尺码:M); empty for a listing without variants."""
    cleaned = clean_text(text)
    return "" if cleaned in _NO_SPEC else cleaned


def quantity(text: str) -> int | None:
    if not text:
        return None
    if len(text) > MAX_NUMBER_CHARS:
        raise too_long_number(text)
    if text.isascii() and text.isdigit():
        return checked_quantity(int(text))
    cleaned = strip_wrappers(text).removesuffix("件").removesuffix("个").strip()
    if not cleaned or cleaned in ("-", "--"):
        return None
    whole, _, frac = cleaned.partition(".")
    if whole.isascii() and whole.isdigit() and (not frac or frac.strip("0") == ""):
        return checked_quantity(int(whole))
    raise CellError(
        QT_TRANSLATE_NOOP("Errors", "{value!r} is not a whole number of items"), value=cleaned
    )


def tracking(text: str) -> tuple[str, str]:
    """Split a tracking cell into (carrier, number); ``No:`` prefixes and 快递信息 pairs."""
    cleaned = text.strip()
    if cleaned.isascii() and cleaned.isalnum():
        return "", cleaned
    if cleaned.startswith("No:") and cleaned[3:].isascii() and cleaned[3:].isalnum():
        return "", cleaned[3:]  # Taobao writes the number as "No:YT7512345678"
    cleaned = clean_text(cleaned)
    if not cleaned:
        return "", ""
    refuse_damaged_tracking(cleaned)
    parts = [p for p in re.split(r"[\s,，;；:：]+", cleaned) if p]
    if len(parts) > 1 and parts[-1].isascii() and parts[-1].isalnum():
        carrier = " ".join(p for p in parts[:-1] if p.lower() != "no")
        return carrier, parts[-1]
    number, dash, carrier = cleaned.partition("-")
    if dash and number.isascii() and number.isalnum() and carrier and not carrier.isascii():
        return carrier.strip(), number  # Douyin's 快递信息: "75312345678901-中通快递"
    carrier, dash, number = cleaned.rpartition("-")
    if dash and number.isascii() and number.isalnum() and carrier and not carrier.isascii():
        return carrier.strip(), number  # "中通快递-75312345678901"
    return "", cleaned


#: A number Excel or WPS turned into scientific notation (``7.73012E+14``) or passed through a
#: decimal number (``773012000000000.0``). No carrier's tracking number looks like either.
_SCIENTIFIC_NUMBER = re.compile(
    r"(?<![0-9A-Za-z.])(?:\d+\.\d+[eE][+-]?\d+|\d+[eE]\+\d+)(?![0-9A-Za-z.])"
)
_DECIMAL_NUMBER = re.compile(r"(?<![0-9A-Za-z.])\d{6,}\.0+(?![0-9A-Za-z.])")


def refuse_damaged_tracking(text: str) -> None:
    """Refuse a tracking cell whose number Excel damaged: it would go into the ship (发货) files.

    Raises:
        CellError: The number is in scientific notation or ends in ``.0``.
    """
    found = _SCIENTIFIC_NUMBER.search(text)
    if found is not None:
        raise CellError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The tracking number {value!r} was damaged by opening and re-saving the file in "
                "Excel or WPS (it is shown in scientific notation and its last digits are lost). "
                "Export the file from the platform again and import it without opening it, or "
                "save it as .xlsx with the column formatted as Text.",
            ),
            value=found.group(),
        )
    found = _DECIMAL_NUMBER.search(text)
    if found is not None:
        raise CellError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The tracking number {value!r} passed through a decimal number in Excel or WPS "
                "and may have lost digits. Export the file from the platform again and import it "
                "without opening it, or save it as .xlsx with the column formatted as Text.",
            ),
            value=found.group(),
        )
