"""The backups folder: listing the backups, when the next automatic one is due, and thinning.

Automatic backups are thinned to a few per day, week and month (:class:`ThinLimits`); the
other kinds are kept until the seller deletes them."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from ..errors import UserError
from .backup import (
    _NAME,
    AUTO_BACKUP_INTERVAL,
    ORDER_TABLE,
    THINNED_KINDS,
    BackupInfo,
    _connect_ro,
    verify_backup,
)

__all__ = [
    "ThinLimits",
    "backup_due",
    "list_backups",
    "newest_verified_backup",
    "obsolete_backups",
    "thin_backups",
]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ThinLimits:
    """How many automatic backups survive thinning (Anki's defaults)."""

    recent: timedelta = timedelta(days=1)
    daily: int = 12
    weekly: int = 10
    monthly: int = 9


def _parse_name(path: Path) -> tuple[datetime, str] | None:
    match = _NAME.match(path.name)
    if not match:
        return None
    y, mo, d, h, mi, s, kind = match.groups()
    try:
        return datetime(int(y), int(mo), int(d), int(h), int(mi), int(s)), kind
    except ValueError:
        return None


def _order_count(path: Path) -> int | None:
    try:
        conn = _connect_ro(path)
        try:
            return int(conn.execute(f"SELECT count(*) FROM {ORDER_TABLE}").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return None


def _scan(folder: Path) -> Iterator[tuple[Path, datetime, str]]:
    try:
        entries = list(Path(folder).iterdir())
    except OSError:
        return
    for path in entries:
        parsed = _parse_name(path)
        if parsed is not None and path.is_file():
            yield path, parsed[0], parsed[1]


def list_backups(folder: Path, *, with_counts: bool = True) -> list[BackupInfo]:
    """The backups in *folder*, newest first.

    Args:
        folder: A backups folder.
        with_counts: Also read each file's order count (opens every file; skip for speed).
    """
    infos: list[BackupInfo] = []
    for path, created, kind in _scan(folder):
        try:
            size = path.stat().st_size
        except OSError:
            continue
        count = _order_count(path) if with_counts else None
        infos.append(BackupInfo(path, created, kind, size, count))
    infos.sort(key=lambda i: (i.created, i.path.name), reverse=True)
    return infos


def backup_due(folder: Path, *, now: datetime | None = None) -> bool:
    """Whether the newest backup of any kind is older than :data:`AUTO_BACKUP_INTERVAL`."""
    now = now or datetime.now()
    newest = max((created for _p, created, _k in _scan(folder)), default=None)
    return newest is None or now - newest >= AUTO_BACKUP_INTERVAL


def obsolete_backups(
    backups: Iterable[BackupInfo], *, now: datetime | None = None, limits: ThinLimits | None = None
) -> list[BackupInfo]:
    """The automatic backups that thinning removes (pure; Anki's rule).

    Going from newest to oldest: everything made within ``limits.recent`` stays; then a backup
    stays when it is the newest of an earlier day than the last one kept (up to ``daily`` of them),
    else of an earlier ISO week (up to ``weekly``), else of an earlier month (up to ``monthly``).
    Other kinds than automatic always stay.
    """
    now = now or datetime.now()
    limits = limits or ThinLimits()
    candidates = sorted(
        (b for b in backups if b.kind in THINNED_KINDS), key=lambda b: b.created, reverse=True
    )
    left = {"daily": limits.daily, "weekly": limits.weekly, "monthly": limits.monthly}
    last_day: object = None
    last_week: tuple[int, int] | None = None
    last_month: tuple[int, int] | None = None
    obsolete: list[BackupInfo] = []
    for backup in candidates:
        created = backup.created
        if now - created < limits.recent:
            continue
        day = created.date()
        iso = created.isocalendar()
        week = (iso[0], iso[1])
        month = (created.year, created.month)
        if left["daily"] and (last_day is None or day < last_day):  # type: ignore[operator]
            left["daily"] -= 1
        elif left["weekly"] and (last_week is None or week < last_week):
            left["weekly"] -= 1
        elif left["monthly"] and (last_month is None or month < last_month):
            left["monthly"] -= 1
        else:
            obsolete.append(backup)
            continue
        last_day, last_week, last_month = day, week, month
    return obsolete


def thin_backups(
    folder: Path, *, now: datetime | None = None, limits: ThinLimits | None = None
) -> list[Path]:
    """Delete obsolete automatic backups in *folder*; return the deleted files."""
    removed: list[Path] = []
    for backup in obsolete_backups(list_backups(folder, with_counts=False), now=now, limits=limits):
        try:
            backup.path.unlink()
        except OSError as exc:
            log.warning("cannot remove old backup %s: %s", backup.path.name, exc)
            continue
        removed.append(backup.path)
    if removed:
        log.info("thinned %d old automatic backups", len(removed))
    return removed


def newest_verified_backup(folder: Path) -> BackupInfo | None:
    """The newest backup in *folder* that passes :func:`verify_backup`, or None."""
    for backup in list_backups(folder, with_counts=False):
        try:
            counts = verify_backup(backup.path)
        except UserError as exc:
            log.warning("backup %s is not usable: %s", backup.path.name, exc)
            continue
        return BackupInfo(
            backup.path, backup.created, backup.kind, backup.size, counts[ORDER_TABLE], counts
        )
    return None
