"""Expected problems are shown plainly where they happen; bugs reach the exception hook (the
dialog that points at the log) instead of being shown as if they were the seller's problem."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from dropship_desktop.context import AppContext
from dropship_desktop.errors import UserError
from dropship_desktop.ui.main_window import MainWindow
from dropship_desktop.ui.tasks import DbWorker

from .conftest import wait_idle


@pytest.fixture
def hook(monkeypatch: pytest.MonkeyPatch) -> list[BaseException]:
    reported: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda _t, exc, _tb: reported.append(exc))
    return reported


@pytest.fixture
def worker(ctx: AppContext, qtbot: QtBot) -> Iterator[DbWorker]:
    worker = DbWorker(ctx)
    yield worker
    qtbot.waitUntil(lambda: not worker.is_busy(), timeout=10_000)
    worker.shutdown()


def _privacy_dialog(
    qtbot: QtBot, worker: DbWorker, monkeypatch: pytest.MonkeyPatch, error: BaseException
) -> object:
    from dropship_desktop.ui.dialogs import privacy

    def purge(_days: int) -> None:
        raise error

    monkeypatch.setattr(privacy, "purge_buyer_data", purge)
    dialog = privacy.PrivacyDialog(worker)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(dialog, "confirm_delete", lambda _days: True)
    dialog.delete_now()
    qtbot.waitUntil(lambda: not worker.is_busy(), timeout=5000)
    qtbot.waitUntil(dialog.delete_button.isEnabled, timeout=5000)
    return dialog


def test_privacy_purge_shows_a_user_error_plainly(
    qtbot: QtBot,
    worker: DbWorker,
    fresh_db: Path,
    monkeypatch: pytest.MonkeyPatch,
    hook: list[BaseException],
) -> None:
    dialog = _privacy_dialog(qtbot, worker, monkeypatch, UserError("The disk is full."))
    assert dialog.status.text() == "The disk is full."  # type: ignore[attr-defined]
    assert hook == []


def test_privacy_purge_reports_a_bug(
    qtbot: QtBot,
    worker: DbWorker,
    fresh_db: Path,
    monkeypatch: pytest.MonkeyPatch,
    hook: list[BaseException],
) -> None:
    bug = KeyError("sales_order")
    dialog = _privacy_dialog(qtbot, worker, monkeypatch, bug)
    assert hook == [bug]
    assert "sales_order" not in dialog.status.text()  # type: ignore[attr-defined]


def test_backup_failure_user_error_is_shown_once_a_bug_is_reported(
    qtbot: QtBot,
    main_window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    hook: list[BaseException],
) -> None:
    from dropship_desktop.ui import app_setup

    shown: list[UserError] = []
    monkeypatch.setattr(app_setup, "show_user_error", lambda _parent, e: shown.append(e))
    wait_idle(qtbot, main_window)
    expected = UserError("The backup folder is full.")
    main_window._on_backup_failed(expected)
    main_window._on_backup_failed(UserError("Again."))
    assert shown == [expected]  # once per session, the rest in the status bar
    assert "Again." in main_window.statusBar().currentMessage()
    bug = AttributeError("'NoneType' object has no attribute 'path'")
    main_window._on_backup_failed(bug)
    assert hook == [bug]
    assert shown == [expected]


def _raise_and_report(error: BaseException) -> None:
    try:
        raise error
    except BaseException as caught:
        sys.excepthook(type(caught), caught, caught.__traceback__)


def _index_error() -> None:
    _raise_and_report(IndexError("list index out of range"))


def test_an_error_repeated_by_every_paint_opens_one_dialog(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue #13: the same bug raised again while its dialog is open (a paint calling data()),
    or after OK, does not open another dialog; a different bug does; the traceback is hidden."""
    from PySide6.QtWidgets import QMessageBox

    from dropship_desktop.ui import app_setup

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    app_setup.install_excepthook(tmp_path / "app.log")
    shown: list[QMessageBox] = []

    def exec_(box: QMessageBox) -> int:
        shown.append(box)
        _index_error()  # the list repaints under the dialog: the same error again
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    _index_error()
    _index_error()  # after OK, the next paint
    assert len(shown) == 1
    box = shown[0]
    assert "Traceback" not in box.text() and "IndexError" not in box.text()
    assert "app.log" in box.text()
    assert "IndexError" in box.detailedText()  # behind "Show Details…"
    _raise_and_report(KeyError("other"))
    assert len(shown) == 2
