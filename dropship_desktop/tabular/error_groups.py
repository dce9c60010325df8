"""Say a problem repeated on many rows once, with the list of its rows.

A file with a wrong column (every phone too short, every time in an unknown form) gives the same
error on every row; the seller needs it once, with where it occurs, not a thousand lines.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

__all__ = ["ErrorGroup", "group_errors", "rows_text"]


@dataclass(frozen=True, slots=True)
class ErrorGroup:
    """One message on one column, and every row (as Excel numbers them) it occurs on."""

    column: str
    message: str
    rows: tuple[int, ...]


def group_errors(errors: Iterable[object]) -> list[ErrorGroup]:
    """Group :class:`~dropship_desktop.tabular.orders_formats.RowError`-like items (``row``,
    ``column``, ``message``) by column and message, in the order each first occurs."""
    found: dict[tuple[str, str], list[int]] = {}
    messages: dict[tuple[str, str], str] = {}
    for error in errors:
        message = getattr(error, "message")  # noqa: B009 - duck-typed on purpose
        key = (str(getattr(error, "column")), str(message))  # noqa: B009
        found.setdefault(key, []).append(int(getattr(error, "row")))  # noqa: B009
        messages.setdefault(key, message)
    return [ErrorGroup(k[0], messages[k], tuple(rows)) for k, rows in found.items()]


def rows_text(rows: Sequence[int], limit: int = 12) -> str:
    """``2–40, 45, 47–48`` (runs of consecutive rows joined; at most *limit* parts, then …)."""
    parts: list[str] = []
    ordered = sorted(set(rows))
    i = 0
    while i < len(ordered):
        j = i
        while j + 1 < len(ordered) and ordered[j + 1] == ordered[j] + 1:
            j += 1
        parts.append(str(ordered[i]) if i == j else f"{ordered[i]}–{ordered[j]}")
        i = j + 1
    if len(parts) > limit:
        parts = [*parts[:limit], "…"]
    return ", ".join(parts)
