"""Fast renderers of the order list's cells: the same text as the columns' own renderers
(``COLUMNS[i].render``), at a fraction of the cost.

A random jump in a million orders renders ~30 new rows (19 cells each) on the UI thread; through
QLocale and the enums that was ~100 µs a row, more than the page query. Here:

* values that repeat (statuses, flags, risk) are answered from a dict per language;
* dates and money are formatted from Python's local time and number formatting (dates of
  other languages by one kept QLocale) when that writes exactly what the columns' renderers
  write — checked on sample values once per language, else those renderers do it as before.

Everything here is safe off the UI thread (the DB worker renders the first page).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime, QTimeZone

from ..formatting import format_datetime, format_money

__all__ = ["check_language", "clear_memos", "fast_renderer"]

Render = Callable[[Any], str]

#: Epochs and amounts the Python formatting is checked against, per locale (dates in and out of
#: summer time, midnight and noon, a leap day; amounts with and without thousands).
_SAMPLE_EPOCHS = (1_798_496_520, 1_792_326_480, 1_767_225_600, 1_751_328_000, 1_709_164_800, 86_400)
_SAMPLE_FEN = (0, 5, 99, 100, 12_345, 123_456_789, -4_550, 10_000_000_000)
#: For the running language (None: not yet checked): whether the Python date and money
#: formats agree with QLocale's, and the cached texts of repeated values per column. Computed
#: once, not per cell (``QLocale()`` costs more than a cached lookup); the language changes
#: only with a restart, and :func:`clear_memos` forgets it anyway.
_state: tuple[Render | None, bool, dict[str, dict[Any, str]]] | None = None
_MEMO_LIMIT = 4096
_UTC = QTimeZone.utc()


def _python_datetime(epoch: int) -> str:
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(epoch))


def _python_money(fen: int) -> str:
    return ("-" if fen < 0 else "") + f"¥{abs(fen) / 100:,.2f}"


def _locale_datetime() -> Render:
    """The locale's short date and time of an epoch, from Python's local time and one QLocale
    (not a QLocale and a Qt time-zone conversion per cell)."""
    locale = QLocale()
    pattern = locale.dateTimeFormat(QLocale.FormatType.ShortFormat)

    def render(epoch: int) -> str:
        t = time.localtime(epoch)
        # Already local: a UTC QDateTime formats those fields without a time-zone lookup.
        date, clock = QDate(t.tm_year, t.tm_mon, t.tm_mday), QTime(t.tm_hour, t.tm_min)
        return locale.toString(QDateTime(date, clock, _UTC), pattern)

    return render


def _current() -> tuple[Render | None, bool, dict[str, dict[Any, str]]]:
    global _state
    state = _state
    if state is None:
        dates: Render | None = None
        for candidate in (_python_datetime, _locale_datetime()):
            if all(format_datetime(e) == candidate(e) for e in _SAMPLE_EPOCHS):
                dates = candidate
                break
        money = all(format_money(f) == _python_money(f) for f in _SAMPLE_FEN)
        state = _state = (dates, money, {})
    return state


def _fast_datetime(epoch: Any) -> str:
    if not epoch:
        return ""
    render = _current()[0]
    return render(int(epoch)) if render is not None else format_datetime(epoch)


def _fast_money(fen: Any) -> str:
    if fen is None:
        return ""
    if _current()[1]:
        return _python_money(int(fen))
    return format_money(fen)


def _memo(key: str, render: Render) -> Render:
    """*render* answering each value once (for columns of few distinct values)."""

    def cached(value: Any) -> str:
        memos = _current()[2]
        memo = memos.get(key)
        if memo is None:
            memo = memos[key] = {}
        try:
            return memo[value]
        except KeyError:
            pass
        except TypeError:  # not hashable: not expected from SQLite, but never fail a cell
            return render(value)
        if len(memo) >= _MEMO_LIMIT:
            memo.clear()
        text = memo[value] = render(value)
        return text

    return cached


def clear_memos() -> None:
    """Forget the cached texts and formats (after the language or its translation changed)."""
    global _state
    _state = None


_language = [""]


def check_language() -> None:
    """Forget the cached texts if the language changed since the last call (once a row: one
    ``QLocale()``, not one a cell)."""
    name = QLocale().name()
    if name != _language[0]:
        _language[0] = name
        clear_memos()


#: Columns of few distinct values.
_REPEATED = frozenset({"shop", "status", "supplier_status", "risk", "flags", "quantity", "carrier"})


def fast_renderer(key: str, render: Render) -> Render:
    """The renderer the list uses for column *key*, whose own renderer is *render*."""
    if render is format_datetime:
        return _fast_datetime
    if render is format_money:
        return _fast_money
    if key in _REPEATED:
        return _memo(key, render)
    return render
