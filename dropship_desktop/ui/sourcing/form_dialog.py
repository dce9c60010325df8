"""Base of the sourcing edit dialogs: inline errors, OK only when valid, save on the DB worker.

The dialog stays open until the service call succeeds, so a refused save loses nothing the
seller typed; field errors from the service are shown next to their fields.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...errors import UserError, ValidationError
from ...services.base import Changes
from ..formatting import translated, user_error_text
from ..tasks import DbWorker, without_context
from ..widgets.field_error import ErrorLabel, add_field

__all__ = ["FormDialog"]


class FormDialog(QDialog):
    """A form whose OK button runs a service call.

    Subclasses add fields with :meth:`field`, return problems from :meth:`local_problems` and
    the call from :meth:`service_call`.

    Attributes:
        changes: What the successful call changed (``None`` until then).
    """

    def __init__(self, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.changes: Changes | None = None
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.errors: dict[str, ErrorLabel] = {}
        self._touched: set[str] = set()
        self._server_errors: dict[str, str] = {}
        self.general_error = ErrorLabel(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addLayout(self.form)
        self.layout_.addWidget(self.general_error)
        self.layout_.addWidget(self.buttons)
        self._busy = False

    @property
    def ok_button(self) -> QPushButton:
        button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert button is not None
        return button

    def field(self, key: str, label: str, widget: QWidget) -> QWidget:
        """Add ``widget`` as field ``key`` with an inline error label; return the widget."""
        self.errors[key] = add_field(self.form, label, widget)
        signal: Any = None
        if isinstance(widget, QLineEdit):
            signal = widget.textChanged
        elif isinstance(widget, QPlainTextEdit):
            widget.setTabChangesFocus(True)  # Tab moves on, as in every other field
            signal = widget.textChanged
        elif isinstance(widget, QComboBox):
            signal = widget.currentIndexChanged
        elif isinstance(widget, QAbstractButton):
            signal = widget.toggled
        elif hasattr(widget, "valueChanged"):
            signal = widget.valueChanged  # type: ignore[attr-defined]
        if signal is not None:
            signal.connect(lambda *_a, k=key: self._edited(k))
        return widget

    def touch_all(self) -> None:
        """Show every field's problem, not just those of fields already edited."""
        self._touched.update(self.errors)
        self.revalidate()

    def local_problems(self) -> dict[str, str]:
        """Field key → translated problem, checked as the seller types."""
        return {}

    def service_call(self) -> tuple[Callable[..., Any], tuple[Any, ...]]:
        """The service function and its arguments for the current input."""
        raise NotImplementedError

    def _edited(self, key: str) -> None:
        self._touched.add(key)
        self._server_errors.pop(key, None)
        self.revalidate()

    @Slot()
    def revalidate(self) -> None:
        """Update the inline errors and enable OK only when the input is valid."""
        problems = self.local_problems()
        for key, label in self.errors.items():
            text = problems.get(key, "") if key in self._touched else ""
            label.show_error(text or self._server_errors.get(key, ""))
        self.ok_button.setEnabled(not problems and not self._busy)
        self.changed()

    def changed(self) -> None:
        """Hook for live previews; called after every revalidation."""

    @Slot()
    def submit(self) -> None:
        """Run the service call; close on success, show its problems otherwise."""
        if self.local_problems() or self._busy:
            self.touch_all()
            return
        fn, args = self.service_call()
        self._busy = True
        self.ok_button.setEnabled(False)
        self.general_error.show_error("")
        self.worker.submit(without_context(fn), *args, on_result=self._saved, on_error=self._failed)

    def _saved(self, changes: Changes) -> None:
        self._busy = False
        self.changes = changes
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._busy = False
        if isinstance(error, ValidationError) and error.field_errors:
            unplaced = {}
            for key, message in error.field_errors.items():
                if key in self.errors:
                    self._server_errors[key] = translated(message, "Errors")
                else:
                    unplaced[key] = message
            self.general_error.show_error(
                " ".join(translated(m, "Errors") for m in unplaced.values())
            )
        elif isinstance(error, UserError):
            self.general_error.show_error(user_error_text(error))
        else:
            sys.excepthook(type(error), error, error.__traceback__)
        self.revalidate()
