"""SQL pieces the order queries share: the deadline flag bits shown beside the stored flags,
the SQL computing them, and ``?`` placeholders."""

from __future__ import annotations

from collections.abc import Sequence

from ..domain.orders import NEAR_DEADLINE_HOURS

__all__ = ["FLAGS_SQL", "FLAG_NEAR_DEADLINE", "FLAG_OVERDUE", "NEAR_S", "marks"]

#: Display-only flag bits computed from the ship-by deadline (never stored).
FLAG_OVERDUE = 1 << 8
FLAG_NEAR_DEADLINE = 1 << 9

#: The near-deadline window in seconds.
NEAR_S = NEAR_DEADLINE_HOURS * 3600
#: Stored flags plus the two time-derived ones; ``?`` are (now, now + near-deadline window).
FLAGS_SQL = (
    "(o.flags | CASE WHEN o.status = 'paid' AND o.ship_by IS NOT NULL THEN"
    f" CASE WHEN o.ship_by < ? THEN {FLAG_OVERDUE} WHEN o.ship_by < ? THEN {FLAG_NEAR_DEADLINE}"
    " ELSE 0 END ELSE 0 END)"
)


def marks(values: Sequence[object]) -> str:
    """``?,?,?`` for *values*."""
    return ",".join("?" * len(values))
