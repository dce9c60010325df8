"""The order list's table: a ``QTableView`` that takes rows appended out of sight without
repainting the rows it shows."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QTableView

__all__ = ["OrderTable"]


class OrderTable(QTableView):
    """The order list's table.

    When the full id list arrives after the first page (a million rows appended below the
    screenful already painted), Qt lays the items out again and repaints the whole viewport: a
    second full paint of the same rows after every search and sort. :meth:`append_rows` lets
    that layout update the scroll bars only, when none of the appended rows can show.
    """

    def __init__(self) -> None:
        super().__init__()
        self._keep_painted = False
        # Latin and Chinese need no shaping to be read (only Brahmic and similar scripts do,
        # and Qt still shapes those): skipping it makes a repaint ~25-33 % cheaper, the table's
        # text looking the same. Only the strategy is set: family and size still follow the app.
        font = QFont()
        font.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
        self.setFont(font)
        # Whole rows are selected: Qt would draw every header label bold while a row is, wider
        # than the widths fitted to the labels ("Sale amount" lost its first letter in English).
        self.horizontalHeader().setHighlightSections(False)

    def append_rows(self, append: Callable[[], bool]) -> bool:
        """Run *append* (which appends rows to the model, or returns False having changed
        nothing) and return what it returns; the rows on screen are not painted again when
        they filled the screen before (no appended row can show)."""
        self.executeDelayedItemsLayout()  # a layout owed from before runs as usual
        model = self.model()
        before = model.rowCount() if model is not None else 0
        viewport = self.viewport()
        covered = self.isVisible() and self.rowAt(viewport.height() - 1) >= 0
        self._keep_painted = covered
        appended = append()
        if not appended or model is None or model.rowCount() <= before:
            self._keep_painted = False  # no insertion: no layout of ours to spare
        return appended

    def reset(self) -> None:
        self._keep_painted = False  # a reset repaints, whatever was appended before it
        super().reset()

    def doItemsLayout(self) -> None:
        if self._keep_painted:
            self._keep_painted = False
            self.updateGeometries()  # the scroll bar's new range; the rows shown are the same
            return
        super().doItemsLayout()
