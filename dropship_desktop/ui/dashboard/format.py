"""Number formats of the dashboard: compact ¥ axis labels (¥1.2万 / ¥12k), percentages, dates."""

from __future__ import annotations

import datetime
import functools

from PySide6.QtCore import QDate, QLocale

__all__ = ["compact_money", "day_date", "day_labels", "percent"]


def _chinese() -> bool:
    return QLocale().language() == QLocale.Language.Chinese


def _short(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".") if value < 100 else f"{value:,.0f}"


def compact_money(yuan: float, exact: bool = False) -> str:
    """¥ text for an amount in yuan: exact (¥1,234.50) or compact for axes (¥1.2万 / ¥1.2k)."""
    sign = "-" if yuan < 0 else ""
    value = abs(float(yuan))
    if exact:
        return f"{sign}¥{QLocale().toString(value, 'f', 2)}"
    if _chinese():
        if value >= 100_000_000:
            return f"{sign}¥{_short(value / 100_000_000)}亿"
        if value >= 10_000:
            return f"{sign}¥{_short(value / 10_000)}万"
    else:
        if value >= 1_000_000:
            return f"{sign}¥{_short(value / 1_000_000)}M"
        if value >= 1_000:
            return f"{sign}¥{_short(value / 1_000)}k"
    return f"{sign}¥{value:,.0f}" if value >= 10 or value == int(value) else f"{sign}¥{value:.2f}"


def percent(value: float | None, decimals: int = 1) -> str:
    if value is None:
        return "—"
    return f"{QLocale().toString(float(value) * 100, 'f', decimals)}%"


_EPOCH = QDate(1970, 1, 1)


def day_date(day: int) -> QDate:
    """The calendar date (China time) of a CST day number (days since 1970-01-01)."""
    return _EPOCH.addDays(int(day))


_EPOCH_DATE = datetime.date(1970, 1, 1)


@functools.lru_cache(maxsize=4096)
def _day_label(day: int) -> tuple[str, str]:
    date = _EPOCH_DATE + datetime.timedelta(days=int(day))
    return f"{date.month:02d}-{date.day:02d}", date.isoformat()


def day_labels(days: list[int]) -> tuple[list[str], list[str]]:
    """Axis labels (``MM-dd``) and full dates (``yyyy-MM-dd``) of CST day numbers (cached:
    a year's range asks for 365 of them on every range change)."""
    pairs = [_day_label(d) for d in days]
    return [p[0] for p in pairs], [p[1] for p in pairs]
