"""The DB worker: results reach the UI thread, and never a window that was closed meanwhile."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from dropship_desktop.errors import UserError
from dropship_desktop.ui.tasks import DbWorker


@pytest.fixture
def worker(qtbot: QtBot) -> Iterator[DbWorker]:
    worker = DbWorker()
    yield worker
    qtbot.waitUntil(lambda: not worker.is_busy(), timeout=10_000)
    worker.shutdown()


class _Pane(QWidget):
    """A widget whose callbacks touch a child, as the dialogs' do."""

    def __init__(self) -> None:
        super().__init__()
        self.label = QLabel(self)
        self.errors: list[BaseException] = []

    def show_result(self, value: object) -> None:
        self.label.setText(str(value))

    def show_error(self, error: BaseException) -> None:
        self.errors.append(error)
        self.label.setText(str(error))


def _delete(widget: QWidget) -> None:
    """Delete the widget as WA_DeleteOnClose does: deleteLater, then the event loop."""
    widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _hold(worker: DbWorker) -> threading.Event:
    """Keep the worker busy until the returned event is set."""
    release = threading.Event()
    worker.submit(release.wait, 10)
    return release


def test_result_reaches_a_live_owner(qtbot: QtBot, worker: DbWorker, fresh_db: Path) -> None:
    pane = _Pane()
    qtbot.addWidget(pane)
    worker.submit(lambda: 42, on_result=pane.show_result)
    qtbot.waitUntil(lambda: pane.label.text() == "42", timeout=5000)


def test_callbacks_into_a_deleted_window_are_skipped(
    qtbot: QtBot, worker: DbWorker, fresh_db: Path
) -> None:
    calls: list[object] = []
    release = _hold(worker)
    pane = _Pane()
    # A bound method: its object is the owner by default.
    worker.submit(lambda: 1, on_result=pane.show_result)
    # A lambda capturing the pane: the owner is passed.
    worker.submit(lambda: 2, on_result=lambda v: (calls.append(v), pane.show_result(v)), owner=pane)
    worker.submit(_raise_user_error, on_error=pane.show_error)
    _delete(pane)
    release.set()
    # Without the guard, the callbacks raise "Internal C++ object already deleted", which
    # pytest-qt reports as a failure of this test.
    qtbot.waitUntil(lambda: not worker.is_busy(), timeout=5000)
    QCoreApplication.processEvents()
    assert calls == []


def test_a_bug_still_reaches_the_exception_hook_after_the_owner_is_gone(
    qtbot: QtBot, worker: DbWorker, fresh_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reported: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda _t, exc, _tb: reported.append(exc))
    release = _hold(worker)
    pane = _Pane()
    worker.submit(_raise_bug, on_error=pane.show_error)
    _delete(pane)
    release.set()
    qtbot.waitUntil(lambda: bool(reported), timeout=5000)
    assert isinstance(reported[0], ZeroDivisionError)


def test_changes_are_broadcast_even_when_the_owner_is_gone(
    qtbot: QtBot, worker: DbWorker, fresh_db: Path
) -> None:
    from dropship_desktop.services.base import Changes

    broadcast: list[object] = []
    worker.changed.connect(broadcast.append)
    release = _hold(worker)
    pane = _Pane()
    changes = Changes.of("supplier")
    worker.submit(lambda: changes, on_result=pane.show_result)
    _delete(pane)
    release.set()
    qtbot.waitUntil(lambda: bool(broadcast), timeout=5000)
    assert broadcast == [changes]


def _raise_user_error() -> None:
    raise UserError("The file is open in another program.")


def _raise_bug() -> None:
    print(1 / 0)
