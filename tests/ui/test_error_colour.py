"""Error text takes its colour from the palette: dark red on a light window, light red on dark."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from dropship_desktop.ui.style import _dark_palette, error_color
from dropship_desktop.ui.widgets.field_error import ErrorLabel


def _contrast(a: object, b: object) -> float:
    def lum(c: object) -> float:
        def ch(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return 0.2126 * ch(c.redF()) + 0.7152 * ch(c.greenF()) + 0.0722 * ch(c.blueF())  # type: ignore[attr-defined]

    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.fixture
def dark(qapp: QApplication) -> Iterator[None]:
    before = qapp.palette()
    qapp.setPalette(_dark_palette())
    yield
    qapp.setPalette(before)


def test_light_palette_keeps_the_usual_red(qtbot: QtBot) -> None:
    label = ErrorLabel()
    qtbot.addWidget(label)
    assert error_color().name() == "#c62828"
    assert "#c62828" in label.styleSheet()


def test_dark_palette_gets_a_readable_red(qtbot: QtBot, dark: None) -> None:
    label = ErrorLabel()
    qtbot.addWidget(label)
    colour = error_color()
    assert colour.name() != "#c62828"
    assert colour.name() in label.styleSheet()
    base = QApplication.palette().color(QPalette.ColorRole.Window)
    assert _contrast(colour, base) >= 4.5
