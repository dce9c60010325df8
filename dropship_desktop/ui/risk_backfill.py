"""Scores the orders of a database from before the fraud checks, in the background.

Migration 11 added the risk tables to existing databases without scoring their orders (at a
million orders that is minutes of work, too long to hold the window back). Without it those
orders have no risk level and, worse, new orders are compared with no history. So the app
scores them after the window opens: oldest first (their history builds up in order), a part at
a time on the DB worker, each part its own transaction. A part holds the worker for a while
(seconds where buyers repeat a lot: every part re-counts the look-back window), so a part only
starts when the worker has had nothing else to do for :data:`IDLE_S`: while the seller works,
the backfill waits. The status bar shows the progress; closing the app stops it and the next
start goes on.
"""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from ..services import risk as risk_service
from ..services.base import Changes
from .tasks import DbWorker, without_context

__all__ = ["IDLE_S", "PART", "RiskBackfill"]

log = logging.getLogger(__name__)

#: Orders scored per DB worker job (~0.1–0.3 s of work: other jobs wait at most that long).
PART = 5_000
#: A part starts only after the worker ran nothing else for this long (seconds).
IDLE_S = 3.0


class RiskBackfill(QObject):
    """Scores every never-scored order, a part per job.

    Signals:
        progress(int, int): Orders scored so far, of how many.
        finished(): Every order is scored (or there was nothing to do).
    """

    progress = Signal(int, int)
    finished = Signal()

    def __init__(self, worker: DbWorker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self._todo: list[int] = []
        self._done = 0
        self._stopped = False
        self._running = False  # one of our parts is on the worker
        self._other_work_at = time.monotonic()
        self._wait = QTimer(self)
        self._wait.setSingleShot(True)
        self._wait.setInterval(500)
        self._wait.timeout.connect(self._next)
        worker.busy_changed.connect(self._on_worker_busy)

    def start(self) -> None:
        """Find the orders to score (on the worker) and begin."""
        self.worker.submit(
            without_context(risk_service.unscored_order_ids),
            on_result=self._found,
            on_error=self._failed,
            owner=self,
        )

    def stop(self) -> None:
        self._stopped = True
        self._wait.stop()

    @Slot(bool)
    def _on_worker_busy(self, busy: bool) -> None:
        if busy and not self._running:
            self._other_work_at = time.monotonic()

    @Slot(object)
    def _found(self, ids: list[int]) -> None:
        self._todo = list(ids)
        if not self._todo:
            self.finished.emit()
            return
        log.info("scoring %d orders from before the fraud checks", len(self._todo))
        self._next()

    def _next(self) -> None:
        if self._stopped:
            return
        if self._done >= len(self._todo):
            log.info("fraud checks: every order is scored")
            self.finished.emit()
            return
        if self.worker.is_busy():  # not ours (ours has ended): the seller is working
            self._other_work_at = time.monotonic()
        if time.monotonic() - self._other_work_at < IDLE_S:
            self._wait.start()  # try again in a moment
            return
        part = self._todo[self._done : self._done + PART]
        self._running = True
        self.worker.submit(
            without_context(risk_service.score_unscored),
            part,
            on_result=self._scored,
            on_error=self._failed,
            owner=self,
        )

    @Slot(object)
    def _scored(self, _changes: Changes) -> None:
        self._running = False
        self._done = min(self._done + PART, len(self._todo))
        self.progress.emit(self._done, len(self._todo))
        self._next()

    @Slot(object)
    def _failed(self, error: BaseException) -> None:
        # Not worth a dialog: the orders stay unscored and the next start tries again.
        log.warning("fraud checks: scoring existing orders stopped", exc_info=error)
        self._running = False
        self._stopped = True
        self.finished.emit()
