"""The one-instance lock for the writing command-line commands.

A command that writes (import, backup, demo, restore, purge-buyer-data, an export of full buyer
data, which is audited) takes the data folder's lock, like the app. When the app holds it the
command is refused at once (the app may be writing anything); when another command holds it,
this one says so and waits for it, so two commands never write at the same time (two ``demo``
runs once failed with a misleading "another copy" message, and an import committed 20,000
orders while the app was open).
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path

from ..errors import DatabaseLockedError
from ..i18n import QT_TRANSLATE_NOOP
from ..instance import APP, COMMAND, InstanceLock, holder

__all__ = ["COMMAND_WAIT_S", "command_lock", "needs_lock"]

#: How long a command waits for another command to finish.
COMMAND_WAIT_S = 600.0

_WRITING = frozenset(
    {"import", "backup", "demo", "restore", "purge-buyer-data", "rebuild-summaries"}
)


def needs_lock(args: argparse.Namespace) -> bool:
    """Whether the command *args* writes to the data folder."""
    if args.command == "backup":
        return not getattr(args, "list", False)
    if args.command == "export":
        return bool(getattr(args, "full_buyer_data", False))  # the export is audited
    return args.command in _WRITING


@contextlib.contextmanager
def command_lock(data_dir: Path, *, wait_s: float = COMMAND_WAIT_S) -> Iterator[None]:
    """Hold the data folder's lock for one command (waiting for another command, not the app).

    Raises:
        DatabaseLockedError: The app has the data folder open, or another command still held
            it after *wait_s* seconds.
    """
    lock = InstanceLock(data_dir, kind=COMMAND)
    try:
        lock.acquire()
    except DatabaseLockedError:
        pid, kind = holder(data_dir)
        if kind == APP:
            raise DatabaseLockedError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "Dropship Desktop is open with this data folder (process {process}), so "
                    "this command could not run: nothing was changed. Close the app first, or "
                    "do this in the app.",
                ),
                process=pid if pid else "?",
            ) from None

        def tell(process: int | None) -> None:
            print(
                f"another dropship-desktop command (process {process or '?'}) is using this "
                "data folder; waiting for it to finish…",
                file=sys.stderr,
                flush=True,
            )

        tell(pid)
        lock.acquire(wait_s=wait_s)
    try:
        yield
    finally:
        lock.release()
