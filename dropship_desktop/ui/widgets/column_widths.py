"""Table column widths measured with the font in use, so numbers and dates show whole at any
font size and scale (fixed pixel widths cut 19-digit order numbers off in Chinese fonts)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QListWidget, QWidget

from ..formatting import format_datetime

__all__ = ["datetime_width", "navigation_width", "order_number_width", "text_width"]

_PADDING = 14  # the cell's margins and a little air
_HEADER_EXTRA = 30  # a header also holds the sort arrow


def _metrics(widget: QWidget | QFontMetrics) -> QFontMetrics:
    return widget if isinstance(widget, QFontMetrics) else QFontMetrics(widget.font())


def order_number_width(widget: QWidget | QFontMetrics) -> int:
    """Wide enough for the longest platform order number: Pinduoduo's ``yyMMdd-`` and 15 digits
    (22 characters), longer than Taobao's and Douyin's 19 digits."""
    return _metrics(widget).horizontalAdvance("888888-" + "8" * 15) + _PADDING


def datetime_width(widget: QWidget | QFontMetrics) -> int:
    """Wide enough for a date and time in the current locale's short format."""
    metrics = _metrics(widget)
    # Two-digit month, day and hour in every time zone (a short format drops leading zeros).
    samples = (1_798_496_520, 1_792_326_480)  # 2026-12-28 22:22, 2026-10-18 12:28 UTC
    return max(metrics.horizontalAdvance(format_datetime(t)) for t in samples) + _PADDING


def text_width(
    widget: QWidget | QFontMetrics, texts: Iterable[str], header: str = "", cap: int = 0
) -> int:
    """Wide enough for the widest of *texts* and for *header*, at most *cap* (0: no cap)."""
    metrics = _metrics(widget)
    width = max((metrics.horizontalAdvance(t) for t in texts), default=0) + _PADDING
    if header:
        width = max(width, metrics.horizontalAdvance(header) + _HEADER_EXTRA)
    return min(width, cap) if cap else width


def navigation_width(nav: QListWidget) -> int:
    """The sidebar's width: its widest name beside its icon, with the item's padding and margin
    (see ``style.py``), at least 96 px."""
    nav.ensurePolished()  # the style sheet's font, not the default one
    metrics = nav.fontMetrics()
    names = (nav.item(row).text() for row in range(nav.count()))
    widest = max((metrics.horizontalAdvance(name) for name in names), default=0)
    return max(96, widest + nav.iconSize().width() + 64)
