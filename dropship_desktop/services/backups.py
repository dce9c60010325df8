"""Backups as the app and the command line make them: one place for every way a backup starts.

The mechanics (copy, verify, thin, restore, move aside) are in :mod:`..store.backup`; this module
decides which kind of backup each occasion makes and what follows it:

- :func:`back_up` — a manual backup: the ``backup`` command, *Back Up Now* in the main window and
  the backups dialog, *Back Up to File…*;
- :func:`back_up_automatically` — the app's start-up and after-changes backups, then thinning;
- :func:`before_migrate` — the hook that backs up before a migration changes the database (start-up,
  ``check``, and after a restore of an older backup);
- :func:`restore` and :func:`restore_and_reload` — the ``restore`` command, start-up recovery and
  the backups dialog.

Each function runs where its caller runs it (the DB worker in the app, the main thread in a
command); none of them touches the open peewee database except :func:`restore_and_reload`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from ..i18n import QT_TRANSLATE_NOOP
from ..store import backup as bk
from ..store import backup_list as bl
from .base import Changes

__all__ = [
    "back_up",
    "back_up_automatically",
    "before_migrate",
    "check_backup_file",
    "restore",
    "restore_and_reload",
]

log = logging.getLogger(__name__)


def check_backup_file(path: Path) -> None:
    """Check that *path* is a sound backup this app can restore (read only; nothing changes).

    Raises:
        BackupError: It is not one (the message says why).
        DatabaseTooNewError: It was made by a newer version of the app.
    """
    bk.verify_backup(path)


def back_up(db_path: Path, folder: Path, *, to: Path | None = None) -> bk.BackupInfo:
    """A manual, verified backup of *db_path* into *folder* (or exactly to the file *to*).

    Raises:
        BackupError: It could not be made or failed verification; no file is left.
    """
    return bk.create_backup(db_path, folder=folder, to=to, kind=bk.MANUAL)


def back_up_automatically(
    db_path: Path, folder: Path, *, only_if_due: bool
) -> bk.BackupInfo | None:
    """An automatic backup, then the automatic ones thinned; None when *only_if_due* and not due.

    Raises:
        BackupError: It could not be made or failed verification; no file is left.
    """
    if only_if_due and not bl.backup_due(folder):
        return None
    info = bk.create_backup(db_path, folder=folder, kind=bk.AUTO)
    bl.thin_backups(folder)
    return info


def before_migrate(folder: Path) -> Callable[[Path, int, int], None]:
    """The ``before_migrate`` hook of :func:`~..store.db.open_database`: a verified
    ``pre-migrate`` backup into *folder* before a migration changes the database, so an update that
    goes wrong can be undone."""

    def hook(db_path: Path, from_version: int, to_version: int) -> None:
        log.info("backing up before migrating from %d to %d", from_version, to_version)
        bk.create_backup(db_path, folder=folder, kind=bk.PRE_MIGRATE)

    return hook


def restore(backup_path: Path, db_path: Path, folder: Path) -> bk.BackupInfo | None:
    """Replace the database file with a verified backup (the current one is backed up first).

    Returns:
        The ``pre-restore`` backup of the replaced database, or None when there was none or it
        was too damaged to copy (then it was moved aside).

    Raises:
        BackupError: The backup is unusable or the restore failed; the database is unchanged.
    """
    return bk.restore_backup(backup_path, db_path, folder=folder)


def restore_and_reload(backup_path: Path, db_path: Path, folder: Path) -> Changes:
    """:func:`restore` into the open database, then bring it to the current schema.

    Runs on the DB worker. Returns a change of every table so that every view reloads.
    """
    from ..store.db import migrate
    from ..store.tables import ALL_TABLES

    restore(backup_path, db_path, folder)
    migrate(before_migrate(folder))
    return Changes.of(
        *(m._meta.table_name for m in ALL_TABLES),
        message=QT_TRANSLATE_NOOP("Messages", "Backup restored."),
    )
