"""``--self-test``: the real app, built and checked without a person (used on packaged builds)."""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QElapsedTimer
from PySide6.QtWidgets import QApplication

from ..store.db import schema_version
from ..store.queries import integrity_problems, table_counts

__all__ = ["run_self_test"]


def run_self_test(app: QApplication, window: object) -> int:
    """Show every view, wait for its data, check the database; print one line; return 0 or 1."""
    from .main_window import MainWindow

    assert isinstance(window, MainWindow)
    started = time.perf_counter()
    problems: list[str] = []
    try:
        window.show()
        for index in range(len(window.views)):
            window.nav.setCurrentRow(index)
            _wait_idle(app, window)
            if window.current_view() is not window.views[index]:
                problems.append(f"view {index} did not open")
        problems.extend(integrity_problems())
        counts = table_counts()
        version = schema_version()
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
