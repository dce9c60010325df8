"""The dashboard's small widgets: a to-do card (title, big count, hint, second figure) and a tile.

Both are built once with the view and updated in place: a new figure only sets label texts and
colours (through the palette, never a style sheet), and no child is shown or hidden on an update
— showing or hiding a child re-lays out the whole scroll area, which cost about a millisecond
each on the dashboard's first paint.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from ...services.todos import TodoCount, TodoTarget
from ..formatting import translated

__all__ = ["URGENT", "WARN", "FigureTile", "TodoCardWidget", "set_text_color"]

URGENT = QColor("#e0621b")
WARN = QColor("#d93838")


def set_text_color(label: QWidget, color: QColor | None) -> None:
    """Colour a label's text through its palette (a style sheet per update would re-polish).

    *color* None: the parent's text colour (follows a light or dark palette).
    """
    palette = label.palette()
    parent = label.parentWidget()
    wanted = (
        color
        if color is not None
        else (parent or label).palette().color(QPalette.ColorRole.WindowText)
    )
    if palette.color(QPalette.ColorRole.WindowText) != wanted:
        palette.setColor(QPalette.ColorRole.WindowText, wanted)
        label.setPalette(palette)


def _scaled_bold(font: QFont, factor: float) -> QFont:
    out = QFont(font)
    out.setPointSizeF(out.pointSizeF() * factor)
    out.setBold(True)
    return out


class TodoCardWidget(QFrame):
    """One to-do: title, a big count, what it means; a click opens the matching list.

    The second figure (e.g. "12 overdue ›") is a flat link-coloured button under the hint; a
    card without one keeps the button empty and disabled (no focus, nothing drawn).

    Signals:
        activated(object): The :class:`TodoTarget` to open.
    """

    activated = Signal(object)

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName(f"todo_{key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # Preferred height: the cards of a row grow to the tallest one's height.
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.count = QLabel("–")
        self.count.setFont(_scaled_bold(self.font(), 1.9))
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.detail = QPushButton()
        self.detail.setObjectName(f"todo_{key}_detail")
        self.detail.setFlat(True)
        self.detail.setCursor(Qt.CursorShape.PointingHandCursor)
        self.detail.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.count)
        layout.addWidget(self.hint)
        layout.addWidget(self.detail, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self.setMinimumHeight(118)
        self._link_color()
        self._target = TodoTarget()
        self._detail_target: TodoTarget | None = None
        self.detail.clicked.connect(self._open_detail)
        self.value = 0

    def _link_color(self) -> None:
        palette = self.detail.palette()
        link = self.palette().color(QPalette.ColorRole.Link)
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            palette.setColor(group, QPalette.ColorRole.ButtonText, link)
        self.detail.setPalette(palette)

    def changeEvent(self, event: object) -> None:
        super().changeEvent(event)  # type: ignore[arg-type]
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.PaletteChange:  # type: ignore[attr-defined]
            self._link_color()

    def set_count(self, todo: TodoCount) -> None:
        card = todo.card
        self.value = todo.count
        self._target = card.target
        self._detail_target = card.detail_target or card.target
        title = translated(card.title, "Todo")
        hint = translated(card.hint, "Todo")
        if self.title.text() != title:  # unchanged texts cost no relayout on a refresh
            self.title.setText(title)
            self.hint.setText(hint)
            self.setToolTip(hint)
        self.count.setText(f"{todo.count:,}")
        set_text_color(self.count, URGENT if todo.count > 0 else None)
        if card.detail is not None and todo.detail:
            self.detail.setText(
                translated(card.detail_text, "Todo").replace("{n}", f"{todo.detail:,}") + " ›"
            )
            self.detail.setEnabled(True)
        elif self.detail.isEnabled():
            self.detail.setText("")
            self.detail.setEnabled(False)
        self.setAccessibleName(f"{title}: {todo.count}")

    def mouseReleaseEvent(self, event: object) -> None:
        self.activated.emit(self._target)

    def keyPressEvent(self, event: object) -> None:
        key = event.key()  # type: ignore[attr-defined]
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit(self._target)
            return
        super().keyPressEvent(event)  # type: ignore[arg-type]

    @Slot()
    def _open_detail(self) -> None:
        self.activated.emit(self._detail_target or self._target)


class FigureTile(QFrame):
    """A headline figure: name, value, a small note (empty while the figure is pending)."""

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"tile_{key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.name = QLabel()
        self.value = QLabel("–")
        self.value.setFont(_scaled_bold(self.font(), 1.45))
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note = QLabel()
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(1)
        layout.addWidget(self.name)
        layout.addWidget(self.value)
        layout.addWidget(self.note)
        layout.addStretch(1)

    def set(self, value: str, note: str = "", warn: bool = False) -> None:
        self.value.setText(value)
        set_text_color(self.value, WARN if warn else None)
        self.note.setText(note)
