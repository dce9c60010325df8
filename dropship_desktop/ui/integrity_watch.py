"""The full ``integrity_check`` in the background after start-up.

Start-up runs only ``quick_check`` (fast, but blind to damage inside indexes). Once the window is
up, a thread checks the whole file read-only on its own connection. When it finds damage, the
finding is recorded next to the database (:func:`~dropship_desktop.startup.record_damage`) and the
seller is offered the start-up recovery: the app restarts and asks, as for any damaged database,
whether to open the newest verified backup (the damaged file is moved aside intact).
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ..context import Store
from ..errors import UserError
from ..store import backup as bk

__all__ = ["IntegrityWatch", "start_integrity_watch"]

log = logging.getLogger(__name__)


class IntegrityWatch(QObject):
    """Runs the background check once and offers recovery on damage.

    Signals:
        finished(list): The problems found (empty: sound), on the UI thread.
    """

    finished = Signal(list)

    def __init__(
        self, data_dir: Path, db_path: Path, window: QWidget | None, *, ask: bool = True
    ) -> None:
        super().__init__(window)
        self.data_dir = Path(data_dir)
        self.db_path = Path(db_path)
        self.window = window
        self.ask = ask
        self.problems: list[str] | None = None
        self._thread: threading.Thread | None = None
        self.finished.connect(self._on_finished)

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="integrity-check", daemon=True)
        self._thread.start()

    def wait(self, timeout: float | None = None) -> None:
        if self._thread is not None:
            self._thread.join(timeout)

    def _run(self) -> None:
        try:
            problems = bk.check_database(self.db_path, full=True)
        except UserError as exc:  # busy: not damage; the next start checks again
            log.info("background integrity check skipped: %s", exc)
            problems = []
        except Exception:
            log.warning("background integrity check failed", exc_info=True)
            problems = []
        self.finished.emit(problems)

    @Slot(list)
    def _on_finished(self, problems: list[str]) -> None:
        self.problems = problems
        if not problems:
            log.info("background integrity check: ok")
            return
        from ..startup import record_damage

        log.warning("background integrity check: %d problem(s)", len(problems))
        record_damage(self.data_dir, problems[0])
        if self.ask and QApplication.instance() is not None:
            self._offer_recovery(problems[0])

    def _offer_recovery(self, problem: str) -> None:
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(QCoreApplication.translate("IntegrityWatch", "Database damaged"))
        box.setText(
            QCoreApplication.translate(
                "IntegrityWatch",
                "A full check of the database found damage. Restart now to move the damaged "
                "file aside (it is kept) and open the newest verified backup. Until then, "
                "avoid making changes.",
            )
        )
        box.setDetailedText(problem)
        restart = box.addButton(
            QCoreApplication.translate("IntegrityWatch", "Restart and Recover"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        box.addButton(
            QCoreApplication.translate("IntegrityWatch", "Later"),
            QMessageBox.ButtonRole.RejectRole,
        )
        box.setDefaultButton(restart)
        box.exec()
        if box.clickedButton() is restart:
            from .app_setup import restart_application

            restart_application()


def start_integrity_watch(window: QWidget, data_dir: Path, store: Store) -> IntegrityWatch | None:
    """Start the background check of *store*'s open database (not of a read-only one)."""
    path = store.path
    if path is None or store.read_only:
        return None
    watch = IntegrityWatch(data_dir, path, window)
    watch.start()
    return watch
