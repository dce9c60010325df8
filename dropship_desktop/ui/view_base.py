"""Base class of the main window's views."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QIcon, QKeySequence
from PySide6.QtWidgets import QWidget

from ..paths import resources_dir
from ..services.base import Changes
from .tasks import DbWorker

__all__ = ["View", "icon", "with_shortcut"]


def icon(name: str) -> QIcon:
    """A bundled SVG icon from ``resources/icons`` (crisp at any scale)."""
    return QIcon(str(resources_dir() / "icons" / f"{name}.svg"))


def with_shortcut(text: str, shortcut: QKeySequence | str) -> str:
    """*text* followed by *shortcut* as the platform writes it, for tooltips:
    "Import orders (Ctrl+I)"."""
    sequence = QKeySequence(shortcut)
    if sequence.isEmpty():
        return text
    return QCoreApplication.translate("Shortcuts", "{tip} ({shortcut})").format(
        tip=text, shortcut=sequence.toString(QKeySequence.SequenceFormat.NativeText)
    )


class View(QWidget):
    """A page of the main window.

    Subclasses load their data lazily on first :meth:`activate`, reload on :meth:`refresh`, and
    decide in :meth:`on_changed` whether a service's changes concern them.
    """

    #: Tables whose changes make this view reload.
    watches: frozenset[str] = frozenset()
    icon_name = ""

    def __init__(self, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self._loaded = False
        self._stale = False

    def title(self) -> str:
        raise NotImplementedError

    def icon(self) -> QIcon:
        return icon(self.icon_name) if self.icon_name else QIcon()

    def activate(self) -> None:
        """Called when the view is shown; loads on first show or when stale."""
        if not self._loaded or self._stale:
            self._loaded = True
            self._stale = False
            self.refresh()

    def refresh(self) -> None:
        raise NotImplementedError

    def on_changed(self, changes: Changes) -> None:
        if not changes.tables & self.watches:
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def shutdown(self) -> None:
        """Stop anything the view runs in the background."""
