"""Labels whose text changes often without moving anything around them."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QLabel

__all__ = ["fix_label_size"]


def fix_label_size(label: QLabel, texts: Iterable[str]) -> None:
    """Give *label* the fixed size that fits the largest of *texts* (keeping its text).

    A label sized by its text asks the whole window to lay out again each time the text
    changes: on the order list, "Searching…" → "Counting…" → "1,000,000 orders" moved the
    rows below by a pixel (Chinese and Latin glyphs differ in height) and repainted the whole
    table twice per search or sort. With a fixed size, only the label repaints.
    """
    current = label.text()
    label.setMinimumSize(0, 0)
    label.setMaximumSize(16_777_215, 16_777_215)
    width = height = 0
    for text in (*texts, current):
        label.setText(text)
        hint = label.sizeHint()
        width, height = max(width, hint.width()), max(height, hint.height())
    label.setText(current)
    label.setFixedSize(width, height)
