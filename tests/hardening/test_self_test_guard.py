"""A headless self-test never waits on a person (issue 14: it hung on a dialog)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from dropship_desktop.ui.self_test import HeadlessGuard


def test_a_dialog_during_the_self_test_is_recorded_and_closed(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    previous = sys.excepthook
    guard = HeadlessGuard(app)
    try:
        box = QMessageBox()
        box.setText("The database is damaged")
        box.exec()  # would wait for a click forever
        assert any("The database is damaged" in p for p in guard.problems)
        sys.excepthook(ValueError, ValueError("boom"), None)
        assert "ValueError: boom" in guard.problems
    finally:
        guard.stop()
        guard.deleteLater()
    assert sys.excepthook is previous
