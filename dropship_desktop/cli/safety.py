"""The data-safety sub-commands: ``backup``, ``restore`` and ``purge-buyer-data``.

Registered in :data:`.main.GROUPS`.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from ..errors import UserError
from ..i18n import QT_TRANSLATE_NOOP
from ..paths import database_file
from .common import existing_database, opened_database

__all__ = ["COMMANDS", "add_commands", "run"]

COMMANDS = ("backup", "restore", "purge-buyer-data")


def add_commands(
    sub: argparse._SubParsersAction,  # type: ignore[type-arg]
    common: Callable[..., None],
) -> None:
    """Register the sub-commands on *sub*; *common* adds the shared options to each."""
    backup = sub.add_parser(
        "backup",
        help="make a verified backup (into the data folder's backups, or --to FILE)",
    )
    common(backup, suppress=True)
    backup.add_argument("--to", metavar="FILE", help="write the backup to this file instead")
    backup.add_argument("--list", action="store_true", help="list the backups instead")

    restore = sub.add_parser(
        "restore",
        help="replace the database with a backup (the current one is backed up first)",
    )
    common(restore, suppress=True)
    restore.add_argument("file", metavar="FILE", help="a backup file, or its name in backups/")

    purge = sub.add_parser(
        "purge-buyer-data",
        help="delete buyer names, phones and addresses of orders older than N days",
    )
    common(purge, suppress=True)
    purge.add_argument(
        "--older-than", type=int, required=True, metavar="N", help="age in days (1 or more)"
    )


def run(args: argparse.Namespace, data_dir: Path) -> int:
    """Run one of :data:`COMMANDS`; return the exit status (UserError propagates)."""
    if args.command == "backup":
        return _backup(data_dir, to=args.to, list_only=args.list)
    if args.command == "restore":
        return _restore(data_dir, args.file)
    if args.command == "purge-buyer-data":
        return _purge(data_dir, args.older_than)
    raise ValueError(args.command)


def _backup(data_dir: Path, *, to: str | None, list_only: bool) -> int:
    from ..services.backups import back_up
    from ..store.backup import backup_dir
    from ..store.backup_list import list_backups
    from ..store.db import preflight

    folder = backup_dir(data_dir)
    if list_only:
        backups = list_backups(folder)
        if not backups:
            print(f"no backups in {folder}")
        for info in backups:
            orders = "unreadable" if info.order_count is None else f"{info.order_count:,} orders"
            print(
                f"{info.created:%Y-%m-%d %H:%M:%S}  {info.kind:<11} {info.size / 1e6:8.1f} MB  "
                f"{orders:>16}  {info.path.name}"
            )
        return 0
    path = existing_database(data_dir)
    preflight(path)
    target = Path(to).expanduser() if to else None
    if target is not None:
        _check_backup_target(target)
    # Under the command lock (cli.lock): never beside the app's own automatic backups.
    info = back_up(path, folder, to=target)
    print(f"backup: {info.order_count:,} orders, {info.size / 1e6:.1f} MB, verified → {info.path}")
    return 0


def _check_backup_target(target: Path) -> None:
    """Refuse a ``--to`` that names a folder or an existing file other than a backup of ours
    (an earlier backup is replaced: the same command run every night)."""
    from ..store.identity import APPLICATION_ID

    if target.is_dir():
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "{path} is a folder. Give a file name for the backup."),
            path=str(target),
        )
    if not target.exists():
        return
    try:
        with target.open("rb") as handle:
            header = handle.read(72)
    except OSError:
        header = b""
    ours = (
        len(header) == 72
        and header.startswith(b"SQLite format 3\x00")
        and int.from_bytes(header[68:72], "big") == APPLICATION_ID
    )
    if not ours:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{path} already exists and is not a Dropship Desktop backup; it was left as it "
                "is. Choose another file name.",
            ),
            path=str(target),
        )


def _restore(data_dir: Path, file: str) -> int:
    from ..services.backups import restore
    from ..store.backup import backup_dir

    candidate = Path(file).expanduser()
    if not candidate.exists() and (backup_dir(data_dir) / file).exists():
        candidate = backup_dir(data_dir) / file
    if not candidate.is_file():
        raise UserError(f"No backup file {file}. Run 'backup --list' to see the backups.")
    path = database_file(data_dir)
    safety = restore(candidate, path, backup_dir(data_dir))  # under the command lock (cli.lock)
    if safety is not None:
        print(f"the database before the restore was backed up to {safety.path}")
    else:
        print("there was no usable database before the restore (a damaged one was moved aside)")
    print(f"restored {candidate}")
    return 0


def _purge(data_dir: Path, days: int) -> int:
    from ..services.privacy import purge_buyer_data

    with opened_database(data_dir):  # under the command lock (cli.lock)
        result = purge_buyer_data(days)
    print(
        f"buyer data deleted from {result.sales_orders:,} orders and {result.supplier_orders:,} "
        f"supplier orders older than {days} days. Backups made before now still contain it "
        "until they are thinned away."
    )
    return 0
