"""Start-up checks of the database, without Qt: what state is it in, and how to recover.

The GUI (app.py) asks the seller what to do through a callback; the logic and its order live here
so they can be tested headless:

1. ``diagnose``: missing / ok / unreadable / not a database / too new / damaged (``quick_check``),
   without writing anything.
2. For a damaged file or one that is not a database: offer the newest verified backup. Only once
   the seller chose, the file is moved aside intact (with its WAL) and the backup restored, or an
   empty database started. Choosing to quit leaves everything as it was.
3. Open with migrations, backing up before any migration.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .context import AppContext
from .errors import DatabaseTooNewError, NotADatabaseError, UserError
from .i18n import QT_TRANSLATE_NOOP, with_values
from .paths import database_file
from .services.backups import before_migrate, restore
from .store import backup as bk
from .store import backup_list as bl
from .store.db import preflight
from .store.identity import DatabaseDamagedError, ForeignDatabaseError

__all__ = [
    "Choice",
    "DbState",
    "Recovery",
    "diagnose",
    "open_checked",
]

log = logging.getLogger(__name__)


class DbState(enum.Enum):
    MISSING = "missing"
    OK = "ok"
    UNREADABLE = "unreadable"
    NOT_DATABASE = "not_database"
    TOO_NEW = "too_new"
    DAMAGED = "damaged"
    #: Another program's SQLite file: refused, never changed.
    FOREIGN = "foreign"


class Choice(enum.Enum):
    """What the seller chose for a damaged database."""

    RESTORE_BACKUP = "restore"
    START_EMPTY = "empty"
    QUIT = "quit"


@dataclass(frozen=True)
class Recovery:
    """A damaged database and what can be done about it (shown to the seller).

    Attributes:
        state: ``DAMAGED`` or ``NOT_DATABASE``.
        path: The database file.
        problem: The first problem found (for the log and the details).
        backup: The newest backup that passed verification, if any.
    """

    state: DbState
    path: Path
    problem: str
    backup: bk.BackupInfo | None


def diagnose(path: Path) -> tuple[DbState, str]:
    """Classify the database at *path* without writing anything; return (state, detail)."""
    path = Path(path)
    if not path.exists():
        return DbState.MISSING, ""
    if path.is_dir():
        return DbState.UNREADABLE, with_values(
            QT_TRANSLATE_NOOP("Errors", "{path} is a folder, not a database file."), path=path
        )
    try:
        with path.open("rb") as fh:
            header = fh.read(16)
    except OSError as exc:
        return DbState.UNREADABLE, (
            NotADatabaseError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "The database file {path} cannot be read ({reason}). Check that the file is "
                    "not open in another program and that you may read it.",
                ),
                path=path,
                reason=exc.strerror,
            ).text
        )
    if not header:
        return DbState.MISSING, ""
    try:
        preflight(path)
    except DatabaseTooNewError as exc:
        return DbState.TOO_NEW, exc.text
    except ForeignDatabaseError as exc:
        return DbState.FOREIGN, exc.text
    except DatabaseDamagedError as exc:
        return DbState.DAMAGED, exc.params.get("reason") or exc.text  # type: ignore[return-value]
    except NotADatabaseError as exc:
        if header != b"SQLite format 3\x00":
            return DbState.NOT_DATABASE, exc.text
        return DbState.DAMAGED, str(exc.__cause__) if exc.__cause__ else exc.text
    problems = bk.check_database(path)
    if problems:
        return DbState.DAMAGED, problems[0]
    return DbState.OK, ""


#: Written next to the database when the background full check finds damage.
DAMAGE_MARKER = "damage-found.txt"


def record_damage(data_dir: Path, problem: str) -> None:
    """Remember that a full check found damage, so that the next start offers recovery."""
    try:
        (Path(data_dir) / DAMAGE_MARKER).write_text(f"{problem}\n", encoding="utf-8")
    except OSError:
        log.warning("could not record the damage found", exc_info=True)


def diagnose_in(data_dir: Path) -> tuple[DbState, str]:
    """:func:`diagnose` the data folder's database, knowing its backups.

    An empty (0-byte) database file next to verified backups is damage (a copy or a sync that
    went wrong), not a new start: treating it as new would open an empty app over the seller's
    data. Without any backup it is a new database.
    """
    path = database_file(data_dir)
    state, detail = diagnose(path)
    marker = Path(data_dir) / DAMAGE_MARKER
    if state is DbState.OK and marker.exists():
        # The background check found damage that quick_check does not see: check it all now.
        problems = bk.check_database(path, full=True)
        if problems:
            return DbState.DAMAGED, problems[0]
        marker.unlink(missing_ok=True)  # a sound file now (restored by hand, for instance)
    if (
        state is DbState.MISSING
        and path.is_file()
        and path.stat().st_size == 0
        and bl.newest_verified_backup(bk.backup_dir(data_dir)) is not None
    ):
        return DbState.DAMAGED, with_values(
            QT_TRANSLATE_NOOP(
                "Errors", "the database file is empty (0 bytes) although there are backups"
            )
        )
    return state, detail


def open_checked(
    ctx: AppContext,
    *,
    choose: Callable[[Recovery], Choice] | None = None,
    read_only: bool = False,
) -> Path:
    """Check, recover if needed, and open the data folder's database with backups around it.

    Args:
        ctx: The context whose data folder (:attr:`~AppContext.data_dir`) and store to use.
        choose: Asked what to do when the database is damaged; without it, a damaged database is
            an error (the CLI and ``--self-test``).
        read_only: Open read-only.

    Returns:
        The database path.

    Raises:
        UserError: The database cannot be used (unreadable, too new, damaged and no choice, or
            the seller chose to quit: then the message is empty).
    """
    if ctx.data_dir is None:
        raise ValueError("the context has no data folder")
    data_dir = ctx.data_dir
    path = database_file(data_dir)
    folder = bk.backup_dir(data_dir)
    state, detail = diagnose_in(data_dir)
    log.info("database check: %s", state.value)
    if state in (DbState.UNREADABLE, DbState.TOO_NEW, DbState.FOREIGN):
        if state is DbState.TOO_NEW:
            raise DatabaseTooNewError(detail)
        if state is DbState.FOREIGN:
            raise ForeignDatabaseError(detail)
        raise NotADatabaseError(detail)
    if state in (DbState.DAMAGED, DbState.NOT_DATABASE):
        log.warning("the database is not usable: %s", detail)
        recovery = Recovery(state, path, detail, bl.newest_verified_backup(folder))
        if choose is None:
            if state is DbState.NOT_DATABASE:
                raise NotADatabaseError(detail)
            raise NotADatabaseError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "The database {path} is damaged ({problem}). Start the app to move it aside "
                    "and open the newest backup, or restore one with 'dropship-desktop restore'.",
                ),
                path=path,
                problem=detail,
            )
        choice = choose(recovery)
        if choice is Choice.QUIT:
            raise UserError("")  # the seller chose to quit: nothing to say
        moved = bk.move_aside(path)
        log.warning("damaged database kept at %s", moved)
        (Path(data_dir) / DAMAGE_MARKER).unlink(missing_ok=True)
        if choice is Choice.RESTORE_BACKUP:
            if recovery.backup is None:
                raise UserError(QT_TRANSLATE_NOOP("Errors", "There is no verified backup to open."))
            restore(recovery.backup.path, path, folder)

    ctx.store.open(path, before_migrate=before_migrate(folder), read_only=read_only)
    return path
