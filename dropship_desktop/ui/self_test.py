"""``--self-test``: the real app, built and checked without a person (used on packaged builds)."""

from __future__ import annotations

import logging
import sys
import time
from typing import Any

from PySide6.QtCore import QElapsedTimer, QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from ..store.queries import integrity_problems, table_counts

__all__ = ["HeadlessGuard", "run_self_test"]


class HeadlessGuard(QObject):
    """Keeps a headless self-test from ever waiting on a person.

    Any modal dialog that opens (an error box, a question) is recorded as a problem and closed
    at once, and an exception reaching the exception hook is recorded instead of shown, so the
    self-test prints the problem and exits non-zero rather than hanging.
    """

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.problems: list[str] = []
        self._timer = QTimer(self)
        self._timer.setInterval(20)
        self._timer.timeout.connect(self._close_dialogs)
        self._timer.start()
        self._previous_hook = sys.excepthook
        sys.excepthook = self._hook

    def _hook(self, exc_type: type[BaseException], exc: BaseException, tb: Any) -> None:
        logging.getLogger(__name__).error("self-test: error", exc_info=(exc_type, exc, tb))
        self.problems.append(f"{exc_type.__name__}: {exc}")

    def _close_dialogs(self) -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                text = widget.text() if isinstance(widget, QMessageBox) else widget.windowTitle()
                self.problems.append(f"a dialog opened: {text}")
                widget.reject()

    def stop(self) -> None:
        self._timer.stop()
        sys.excepthook = self._previous_hook


def run_self_test(app: QApplication, window: object, guard: HeadlessGuard | None = None) -> int:
    """Show every view, wait for its data, check the database; print one line; return 0 or 1."""
    from .main_window import MainWindow

    assert isinstance(window, MainWindow)
    started = time.perf_counter()
    problems: list[str] = guard.problems if guard is not None else []
    try:
        window.show()
        for index in range(len(window.views)):
            window.nav.setCurrentRow(index)
            _wait_idle(app, window)
            if window.current_view() is not window.views[index]:
                problems.append(f"view {index} did not open")
        problems.extend(integrity_problems(full=True))
        counts = table_counts()
        version = window.ctx.store.schema_version()
    except Exception as exc:  # report and fail, whatever it is
        problems.append(f"{type(exc).__name__}: {exc}")
        counts, version = {}, -1
    finally:
        window.close()
        window.shutdown()
    seconds = time.perf_counter() - started
    if problems:
        print(f"self-test: FAILED: {'; '.join(problems)}", file=sys.stderr)
        return 1
    print(
        f"self-test: ok — schema {version}, {len(window.views)} views, "
        f"{counts.get('sales_order', 0)} orders, {seconds:.2f} s"
    )
    return 0


def _wait_idle(app: QApplication, window: object, timeout_ms: int = 30_000) -> None:
    timer = QElapsedTimer()
    timer.start()
    worker = window.worker  # type: ignore[attr-defined]
    app.processEvents()
    while worker.is_busy() and timer.elapsed() < timeout_ms:
        app.processEvents()
        time.sleep(0.005)
    app.processEvents()
