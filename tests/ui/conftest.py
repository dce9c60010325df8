from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from dropship_desktop.context import AppContext
from dropship_desktop.ui.app_setup import install_translations
from dropship_desktop.ui.main_window import MainWindow


@pytest.fixture(autouse=True, scope="session")
def _english(qapp: QApplication) -> None:
    """The UI tests see the English UI as an English-speaking seller does (its plural forms
    included: "1 order", not "1 order(s)"); tests of the Chinese UI switch and switch back."""
    install_translations(qapp, "en")


def wait_idle(qtbot: QtBot, window: MainWindow, timeout: int = 10_000) -> None:
    qtbot.waitUntil(lambda: not window.worker.is_busy(), timeout=timeout)


@pytest.fixture
def main_window(ctx: AppContext, qtbot: QtBot, demo_db: Path) -> Iterator[MainWindow]:
    window = MainWindow(ctx, demo=True)
    qtbot.addWidget(window)
    window.show()
    wait_idle(qtbot, window)
    yield window
    window.close()
    window.shutdown()
