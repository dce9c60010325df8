"""An inline message strip above a view's content: refusals and outcomes without a modal box."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

__all__ = ["MessageBar"]

_STYLES = {
    "warning": "QFrame#messageBar { background: #fff4e5; border: 1px solid #f0b35b;"
    " border-radius: 4px; }",
    "info": "QFrame#messageBar { background: #e8f1fb; border: 1px solid #8bb5e3;"
    " border-radius: 4px; }",
}


class MessageBar(QFrame):
    """A dismissible message line; hidden until :meth:`show_message`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = QToolButton()
        self.close_button.setText("×")
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_message(self, text: str, kind: str = "warning") -> None:
        """Show ``text``; ``kind`` is ``"warning"`` or ``"info"``."""
        self.setStyleSheet(_STYLES.get(kind, _STYLES["info"]))
        self.label.setText(text)
        self.close_button.setAccessibleName(self.tr("Dismiss"))
        self.show()

    def text(self) -> str:
        """The message shown (empty when hidden)."""
        return "" if self.isHidden() else self.label.text()
