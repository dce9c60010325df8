"""One writer per data folder: an OS file lock that dies with its process.

The lock is an advisory lock held on ``<data dir>/dropship.lock`` for as long as the app (or a
writing CLI command) runs. The operating system drops it when the process ends in any way, a
``SIGKILL`` or a power cut included, so a stale lock never blocks the next start: the file may stay
behind, but nobody holds it. The file records the holder's process id for messages only.
"""

from __future__ import annotations

import contextlib
import getpass
import hashlib
import logging
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import IO

from .errors import DatabaseLockedError, UserError
from .i18n import QT_TRANSLATE_NOOP

__all__ = ["APP", "COMMAND", "LOCK_FILENAME", "InstanceLock", "holder", "server_name"]

log = logging.getLogger(__name__)

LOCK_FILENAME = "dropship.lock"
#: Holder kinds: the app's window, or a writing command-line command.
APP = "app"
COMMAND = "command"


def server_name(data_dir: Path) -> str:
    """A local-socket name unique to this user and data folder (for bringing the window forward)."""
    try:
        user = getpass.getuser()
    except Exception:  # no user name in the environment: the folder alone still separates
        user = ""
    key = f"{user}\0{Path(data_dir).resolve()}".encode()
    return "dropship-desktop-" + hashlib.sha256(key).hexdigest()[:24]


class InstanceLock:
    """The data folder's single-writer lock.

    Use :meth:`acquire` / :meth:`release` or as a context manager.

    Args:
        data_dir: The data folder (created if missing).
    """

    def __init__(self, data_dir: Path, kind: str = APP) -> None:
        self.data_dir = Path(data_dir)
        self.kind = kind
        self.path = self.data_dir / LOCK_FILENAME
        self._fh: IO[bytes] | None = None

    @property
    def held(self) -> bool:
        return self._fh is not None

    def _open(self) -> IO[bytes]:
        """The lock file, opened (the data folder made first if it is missing).

        Raises:
            UserError: The data folder is a file, or cannot be made or written to.
        """
        if self.data_dir.exists() and not self.data_dir.is_dir():
            raise UserError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "The data folder {path} is a file, not a folder. Choose a folder for the "
                    "data (--data-dir).",
                ),
                path=str(self.data_dir),
            )
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
            return self.path.open("a+b")
        except OSError as exc:
            raise UserError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "The data folder {path} cannot be used: {reason}. Choose a folder you can "
                    "write to (--data-dir).",
                ),
                path=str(self.data_dir),
                reason=exc.strerror or exc,
            ) from None

    def acquire(
        self, wait_s: float = 0.0, on_wait: Callable[[int | None], None] | None = None
    ) -> None:
        """Take the lock.

        Args:
            wait_s: How long to wait for another holder to let go (0: fail at once).
            on_wait: Called once, with the holder's process id if known, when the lock is busy
                and we wait for it.

        Raises:
            DatabaseLockedError: Another running copy of the app holds it (after *wait_s*).
        """
        if self._fh is not None:
            return
        fh = self._open()
        deadline = time.monotonic() + wait_s
        told = False
        while True:
            try:
                _lock(fh)
            except OSError as exc:
                if time.monotonic() < deadline:
                    if on_wait is not None and not told:
                        told = True
                        on_wait(_read_pid(fh))
                    time.sleep(0.1)
                    continue
                failure = exc
            else:
                failure = None
            break
        if failure is not None:
            exc = failure
            holder = _read_pid(fh)
            fh.close()
            if holder:
                raise DatabaseLockedError(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "Dropship Desktop is already open with this data folder (process "
                        "{process}). Switch to that window, or close it first.",
                    ),
                    detail=str(self.path),
                    process=holder,
                ) from exc
            raise DatabaseLockedError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "Dropship Desktop is already open with this data folder. Switch to that "
                    "window, or close it first.",
                ),
                detail=str(self.path),
            ) from exc
        fh.seek(0)
        fh.truncate()
        fh.write(f"{os.getpid()} {self.kind}".encode())
        fh.flush()
        self._fh = fh
        log.debug("instance lock %s taken", self.path)

    def release(self) -> None:
        """Drop the lock (the file stays; it is harmless without a holder)."""
        fh, self._fh = self._fh, None
        if fh is None:
            return
        with contextlib.suppress(OSError):
            _unlock(fh)
        fh.close()

    def __enter__(self) -> InstanceLock:
        self.acquire()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()


def _read_pid(fh: IO[bytes]) -> int | None:
    return _read_holder(fh)[0]


def _read_holder(fh: IO[bytes]) -> tuple[int | None, str]:
    """(process id, kind) written by the holder; kind is :data:`APP` or :data:`COMMAND`."""
    try:
        fh.seek(0)
        parts = fh.read(64).decode("ascii", "replace").split()
    except OSError:
        return None, ""
    pid = int(parts[0]) if parts and parts[0].isdigit() else None
    return pid, parts[1] if len(parts) > 1 else APP


def holder(data_dir: Path) -> tuple[int | None, str]:
    """Who last took the data folder's lock (meaningful while it is held)."""
    try:
        with (Path(data_dir) / LOCK_FILENAME).open("rb") as fh:
            return _read_holder(fh)
    except OSError:
        return None, ""


if sys.platform == "win32":  # pragma: no cover - exercised on Windows CI only
    import msvcrt

    def _lock(fh: IO[bytes]) -> None:
        # Lock one byte far past the end so that reading the pid stays possible.
        fh.seek(1 << 30)
        msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(fh: IO[bytes]) -> None:
        fh.seek(1 << 30)
        msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(fh: IO[bytes]) -> None:
        # flock belongs to the open file, so a second open in the same process conflicts too.
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fh: IO[bytes]) -> None:
        fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
