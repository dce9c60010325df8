from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from dropship_desktop.context import AppContext
from dropship_desktop.ui.main_window import MainWindow


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
