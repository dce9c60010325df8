"""Inline per-field error labels for forms: the problem is shown right under the field."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from ..style import error_style

__all__ = ["ErrorLabel", "add_field"]


class ErrorLabel(QLabel):
    """A small label in the palette's error colour that is hidden while it has no text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fieldError")
        self.setWordWrap(True)
        self.setStyleSheet(error_style())
        self.setVisible(False)

    def show_error(self, text: str) -> None:
        """Show ``text``, or hide the label when it is empty."""
        self.setText(text)
        self.setVisible(bool(text))
        # Screen readers announce the field's problem with the field itself.
        buddy = self.property("field")
        if isinstance(buddy, QWidget):
            buddy.setAccessibleDescription(text)


def add_field(form: QFormLayout, label: str, field: QWidget) -> ErrorLabel:
    """Add a labelled row holding ``field`` with an :class:`ErrorLabel` under it.

    The row's label gets ``field`` as its buddy, so clicking it (or its mnemonic) focuses the
    field.

    Returns:
        The row's error label.
    """
    holder = QWidget()
    column = QVBoxLayout(holder)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    column.addWidget(field)
    error = ErrorLabel(holder)
    error.setProperty("field", field)
    column.addWidget(error)
    caption = QLabel(label)
    caption.setBuddy(field)
    form.addRow(caption, holder)
    return error
