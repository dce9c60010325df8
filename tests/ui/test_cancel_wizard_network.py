"""The cancel wizard calls a networked connector (the 1688 Open Platform) off the DB worker."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from dropship_desktop.connectors.fake import FakeConnector
from dropship_desktop.context import AppContext
from dropship_desktop.domain.cancel_flow import AccountRef
from dropship_desktop.ui.cancel_wizard.wizard import CancelWizard
from dropship_desktop.ui.tasks import DbWorker


@pytest.fixture
def worker(ctx: AppContext, qtbot: QtBot) -> Iterator[DbWorker]:
    worker = DbWorker(ctx)
    yield worker
    qtbot.waitUntil(lambda: not worker.is_busy(), timeout=10_000)
    worker.shutdown()


def _threads(wizard: CancelWizard, qtbot: QtBot, kind: str) -> tuple[str, str | None]:
    """Where a connector job and its database step ran, for an account of *kind*."""
    wizard.flow.account = AccountRef(1, "主账号", "buyer_1", kind)
    seen: list[tuple[str, str | None]] = []

    def job(_ctx: object, *, run_db: object = None) -> None:
        here = threading.current_thread().name
        db_thread = run_db(lambda: threading.current_thread().name) if run_db else None  # type: ignore[operator]
        seen.append((here, db_thread))

    wizard.run_connector(job, with_db=kind == "open1688", owner=wizard)
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    return seen[0]


def test_a_networked_connector_runs_on_the_network_worker_and_its_db_steps_on_the_db_worker(
    fresh_db: Path, qtbot: QtBot, worker: DbWorker
) -> None:
    wizard = CancelWizard(worker, lambda kind: FakeConnector(), open_url=lambda url: True)
    qtbot.addWidget(wizard)
    here, db_thread = _threads(wizard, qtbot, "open1688")
    assert here.startswith("network")  # not the UI thread, not the DB worker
    assert db_thread is not None and not db_thread.startswith("network")
    assert db_thread != threading.main_thread().name
    wizard.reject()


def test_a_manual_or_simulated_connector_stays_on_the_db_worker(
    fresh_db: Path, qtbot: QtBot, worker: DbWorker
) -> None:
    wizard = CancelWizard(worker, lambda kind: FakeConnector(), open_url=lambda url: True)
    qtbot.addWidget(wizard)
    here, _ = _threads(wizard, qtbot, "fake")
    assert not here.startswith("network") and here != threading.main_thread().name
