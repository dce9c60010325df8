"""Automatic backups while the app runs: at start when the last is a day old, and 30 minutes
after the first change since the last backup. They run on the DB worker; a failure is reported.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from ..services.backups import back_up_automatically
from ..services.base import Changes
from ..store.backup import BackupInfo
from .tasks import DbWorker, without_context

__all__ = ["CHANGE_DELAY_MS", "AutoBackup"]

log = logging.getLogger(__name__)

#: Back up this long after the first change since the last backup.
CHANGE_DELAY_MS = 30 * 60 * 1000


class AutoBackup(QObject):
    """Schedules automatic backups of one database.

    Signals:
        succeeded(object): A backup was made (its :class:`~dropship_desktop.store.backup.BackupInfo`).
        failed(object): A backup failed (the exception); it was not kept.
    """

    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(
        self,
        worker: DbWorker,
        db_path: Path,
        folder: Path,
        parent: QObject | None = None,
        *,
        delay_ms: int = CHANGE_DELAY_MS,
    ) -> None:
        super().__init__(parent)
        self.worker = worker
        self.db_path = db_path
        self.folder = folder
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(delay_ms)
        self.timer.timeout.connect(self._on_timeout)
        worker.changed.connect(self._on_changed)

    def start(self) -> None:
        """The start-up backup, when the newest is older than a day."""
        self._submit(only_if_due=True)

    @Slot(object)
    def _on_changed(self, changes: Changes) -> None:
        if changes.tables and not self.timer.isActive():
            self.timer.start()

    @Slot()
    def _on_timeout(self) -> None:
        self._submit(only_if_due=False)

    def _submit(self, *, only_if_due: bool) -> None:
        self.worker.submit(
            without_context(back_up_automatically),
            self.db_path,
            self.folder,
            only_if_due=only_if_due,
            on_result=self._on_result,
            on_error=self._on_error,
        )

    def _on_result(self, info: BackupInfo | None) -> None:
        if info is not None:
            self.succeeded.emit(info)

    def _on_error(self, error: BaseException) -> None:
        log.warning("automatic backup failed: %s", error)
        self.failed.emit(error)
