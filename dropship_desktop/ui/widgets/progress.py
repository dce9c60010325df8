"""Progress and cancel plumbing for a long job on the DB worker, shown on a QProgressBar.

The worker thread only assigns plain attributes of a :class:`ProgressState` (atomic under the
GIL); the UI thread reads them from a timer instead of receiving a signal per step, so a job
that reports thousands of steps never floods the event loop.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressBar

__all__ = ["ProgressPoller", "ProgressState"]


class ProgressState:
    """Written by the worker, read by the UI timer; plain attributes only."""

    def __init__(self) -> None:
        self.phase = ""
        self.done = 0
        self.total = 0
        self.cancel_requested = False

    def update(self, done: int, total: int) -> None:
        """Progress callback of the form ``(done, total)``."""
        self.done, self.total = done, total

    def update_phase(self, phase: str, done: int, total: int) -> None:
        """Progress callback of the form ``(phase, done, total)``."""
        self.phase, self.done, self.total = phase, done, total

    def cancelled(self) -> bool:
        """The job's ``should_cancel`` callback: True once the user asked to cancel."""
        return self.cancel_requested


class ProgressPoller(QObject):
    """Shows a running job's :class:`ProgressState` on a progress bar and carries its cancel flag.

    Args:
        bar: The progress bar; shown (busy) while a job runs, hidden otherwise.
        parent: The owning dialog.
    """

    polled = Signal(object)
    """Emitted on every timer tick while a job runs, with its :class:`ProgressState`."""

    def __init__(self, bar: QProgressBar, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.bar = bar
        self.state: ProgressState | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(100)
        self._timer.timeout.connect(self._poll)

    @property
    def running(self) -> bool:
        """Whether a job started with :meth:`start` has not been stopped yet."""
        return self.state is not None

    def start(self) -> ProgressState:
        """Begin a job: a fresh state, a busy bar and the polling timer.

        Returns:
            The state whose callbacks are handed to the job.
        """
        self.state = ProgressState()
        self.bar.setRange(0, 0)
        self.bar.setVisible(True)
        self._timer.start()
        return self.state

    def stop(self) -> None:
        """End the job: stop polling and hide the bar."""
        self._timer.stop()
        self.state = None
        self.bar.setVisible(False)

    def request_cancel(self) -> bool:
        """Ask the running job to stop at its next check.

        Returns:
            True if a job was running (the caller then waits for it to end).
        """
        if self.state is None:
            return False
        self.state.cancel_requested = True
        return True

    @Slot()
    def _poll(self) -> None:
        state = self.state
        if state is None:
            return
        self.polled.emit(state)
        if state.total:
            self.bar.setRange(0, state.total)
            self.bar.setValue(min(state.done, state.total))
