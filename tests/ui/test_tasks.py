"""The DB worker: results reach the UI thread, and never a window that was closed meanwhile."""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from dropship_desktop.context import AppContext
from dropship_desktop.errors import UserError
from dropship_desktop.ui.tasks import DbWorker


@pytest.fixture
def worker(ctx: AppContext, qtbot: QtBot) -> Iterator[DbWorker]:
    worker = DbWorker(ctx)
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
    worker.submit(lambda _ctx: release.wait(10))
    return release


def test_result_reaches_a_live_owner(qtbot: QtBot, worker: DbWorker, fresh_db: Path) -> None:
    pane = _Pane()
    qtbot.addWidget(pane)
    worker.submit(lambda _ctx: 42, on_result=pane.show_result)
    qtbot.waitUntil(lambda: pane.label.text() == "42", timeout=5000)


def test_callbacks_into_a_deleted_window_are_skipped(
    qtbot: QtBot, worker: DbWorker, fresh_db: Path
) -> None:
    calls: list[object] = []
    release = _hold(worker)
    pane = _Pane()
    # A bound method: its object is the owner by default.
    worker.submit(lambda _ctx: 1, on_result=pane.show_result)
    # A lambda capturing the pane: the owner is passed.
    worker.submit(
        lambda _ctx: 2, on_result=lambda v: (calls.append(v), pane.show_result(v)), owner=pane
    )
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
    worker.submit(lambda _ctx: changes, on_result=pane.show_result)
    _delete(pane)
    release.set()
    qtbot.waitUntil(lambda: bool(broadcast), timeout=5000)
    assert broadcast == [changes]


# Counting to 10**8 takes many seconds: long enough that only an interrupt ends it quickly.
_SLOW_COUNT = (
    "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 100000000)"
    " SELECT count(*) FROM n"
)


def test_a_new_job_with_the_same_key_interrupts_the_running_one(
    qtbot: QtBot, worker: DbWorker, fresh_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new keystroke stops the search still running in SQL: its result and its
    "interrupted" error are dropped, and the new search answers at once."""
    from dropship_desktop.store.db import db

    reported: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda _t, exc, _tb: reported.append(exc))
    started = threading.Event()
    results: list[object] = []
    errors: list[BaseException] = []

    def slow_search(_ctx: object) -> object:
        started.set()
        return db.execute_sql(_SLOW_COUNT).fetchone()[0]

    worker.submit(slow_search, on_result=results.append, on_error=errors.append, key="search")
    assert started.wait(5)
    time.sleep(0.2)  # the statement is running now, not about to start
    begun = time.monotonic()
    worker.submit(
        lambda _ctx: "new", on_result=results.append, on_error=errors.append, key="search"
    )
    qtbot.waitUntil(lambda: results == ["new"], timeout=5000)
    assert time.monotonic() - begun < 5
    qtbot.waitUntil(lambda: not worker.is_busy(), timeout=5000)
    QCoreApplication.processEvents()
    assert results == ["new"] and errors == [] and reported == []


def test_queued_jobs_are_superseded_only_by_their_own_key(
    qtbot: QtBot, worker: DbWorker, fresh_db: Path
) -> None:
    ran: list[str] = []
    results: list[str] = []
    release = _hold(worker)

    def job(_ctx: object, name: str) -> str:
        ran.append(name)
        return name

    worker.submit(job, "old search", on_result=results.append, key="search")
    worker.submit(job, "detail", on_result=results.append, key="detail")
    worker.submit(job, "new search", on_result=results.append, key="search")
    release.set()
    qtbot.waitUntil(lambda: not worker.is_busy(), timeout=5000)
    assert ran == results == ["detail", "new search"]


def _raise_user_error(_ctx: object) -> None:
    raise UserError("The file is open in another program.")


def _raise_bug(_ctx: object) -> None:
    print(1 / 0)


def test_every_job_reads_through_the_same_connection(
    qtbot: QtBot, worker: DbWorker, fresh_db: Path
) -> None:
    # The worker's thread keeps one Python thread state, so peewee's per-thread connection (and
    # its warm page cache) serves job after job instead of a new connection per job.
    from dropship_desktop.store.db import db

    seen: list[int] = []
    for n in range(1, 4):
        worker.submit(lambda _ctx: id(db.connection()), on_result=seen.append)
        qtbot.waitUntil(lambda n=n: len(seen) == n, timeout=10_000)
    assert len(set(seen)) == 1, seen
