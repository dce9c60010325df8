"""One consistent look on every platform: Fusion, following the system's light or dark scheme."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from ..paths import resources_dir

__all__ = ["apply_style", "error_color", "error_style", "navigation_style"]

ACCENT = QColor("#ff6a00")  # 1688 orange, used sparingly (selection in the navigation)

# Error text on a light and on a dark window (both readable: contrast ≥ 4.5 on the palette's base).
_ERROR_ON_LIGHT = "#c62828"
_ERROR_ON_DARK = "#ef9a9a"


def error_color(palette: QPalette | None = None) -> QColor:
    """The colour of error text for *palette* (the application's when None).

    The one place the error red is chosen: a dark palette (the system's dark scheme) gets a
    light red, a light one the usual dark red.
    """
    palette = palette if palette is not None else QGuiApplication.palette()
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    return QColor(_ERROR_ON_DARK if dark else _ERROR_ON_LIGHT)


def error_style(extra: str = "") -> str:
    """A style sheet that colours a label's text as an error (``extra``: more declarations)."""
    return f"color: {error_color().name()};" + (f" {extra}" if extra else "")


def _dark_palette() -> QPalette:
    palette = QPalette()
    base, window, text = QColor(30, 32, 36), QColor(42, 45, 50), QColor(225, 228, 232)
    palette.setColor(QPalette.ColorRole.Window, window)
    palette.setColor(QPalette.ColorRole.WindowText, text)
    palette.setColor(QPalette.ColorRole.Base, base)
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor(38, 41, 46))
    palette.setColor(QPalette.ColorRole.ToolTipBase, window)
    palette.setColor(QPalette.ColorRole.ToolTipText, text)
    palette.setColor(QPalette.ColorRole.Text, text)
    palette.setColor(QPalette.ColorRole.Button, window)
    palette.setColor(QPalette.ColorRole.ButtonText, text)
    palette.setColor(QPalette.ColorRole.BrightText, QColor(255, 90, 90))
    palette.setColor(QPalette.ColorRole.Link, QColor(110, 160, 255))
    palette.setColor(QPalette.ColorRole.Highlight, QColor(58, 110, 200))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor(255, 255, 255))
    palette.setColor(QPalette.ColorRole.PlaceholderText, QColor(140, 145, 150))
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.WindowText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(120, 124, 130))
    return palette


def navigation_style() -> str:
    """The sidebar's style sheet, set on the sidebar alone.

    Not on the application: an application style sheet puts every widget under Qt's style
    sheet style, which matches rules for every cell of every table it paints (the order list
    repainted ~17 % slower with a rule that only names the sidebar).
    """
    return (
        "QListWidget#navigation { border: none; font-size: 14px; padding-top: 6px; }"
        "QListWidget#navigation::item { padding: 4px 8px; border-radius: 4px; margin: 1px 6px; }"
        f"QListWidget#navigation::item:selected {{ background: {ACCENT.name()}; color: white; }}"
    )


def apply_style(app: QApplication) -> None:
    """Fusion style, the dark palette when the system is dark, and the app icon."""
    app.setStyle(QStyleFactory.create("Fusion"))
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "app.svg")))

    def follow_scheme(scheme: Qt.ColorScheme | None = None) -> None:
        scheme = scheme if scheme is not None else QGuiApplication.styleHints().colorScheme()
        if scheme == Qt.ColorScheme.Dark:
            app.setPalette(_dark_palette())
        else:
            app.setPalette(app.style().standardPalette())

    follow_scheme()
    QGuiApplication.styleHints().colorSchemeChanged.connect(follow_scheme)
