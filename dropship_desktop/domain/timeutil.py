"""Times are stored as integer Unix seconds (UTC) and shown in local time."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

__all__ = ["CHINA_TZ", "from_epoch", "now_epoch", "now_utc", "to_epoch"]

#: Platform exports print naive China Standard Time.
CHINA_TZ = timezone(timedelta(hours=8), "CST")


def now_utc() -> datetime:
    return datetime.now(UTC)


def now_epoch() -> int:
    return int(datetime.now(UTC).timestamp())


def to_epoch(value: datetime | None) -> int | None:
    """Aware datetime → Unix seconds; a naive value is taken as China time (as exports print it)."""
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=CHINA_TZ)
    return int(value.timestamp())


def from_epoch(value: int | None) -> datetime | None:
    if value is None:
        return None
    return datetime.fromtimestamp(int(value), UTC)
