"""Copy selected table rows as tab-separated text (pastes into Excel and WPS as cells)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView

__all__ = ["install_copy_shortcut", "selected_rows_tsv"]


def _clean(text: object) -> str:
    # Tabs and newlines inside a cell would break the grid when pasted.
    return (
        "" if text is None else str(text).replace("\t", " ").replace("\r", " ").replace("\n", " ")
    )


def selected_rows_tsv(
    view: QAbstractItemView,
    *,
    with_header: bool = True,
    cell: Callable[[int, int, str], str] | None = None,
    extra: Sequence[tuple[str, Callable[[int], str]]] = (),
) -> str:
    """The selected rows (all visible columns, in view order) as TSV with a header line.

    Args:
        view: The table.
        with_header: Start with the header line.
        cell: ``(row, column, shown text) -> text`` to copy instead (what the seller sees
            elsewhere, such as revealed buyer data); default: the shown text.
        extra: More columns after the visible ones: ``(header, row -> text)``.
    """
    model = view.model()
    selection = view.selectionModel()
    if model is None or selection is None:
        return ""
    rows = sorted({index.row() for index in selection.selectedIndexes()})
    if not rows:
        return ""
    header = getattr(view, "horizontalHeader", lambda: None)()
    columns = list(range(model.columnCount()))
    if header is not None:
        columns = [
            header.logicalIndex(v)
            for v in range(header.count())
            if not header.isSectionHidden(header.logicalIndex(v))
        ]
    lines = []
    if with_header:
        lines.append(
            "\t".join(
                _clean(model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole))
                for c in columns
            )
            + "".join("\t" + _clean(h) for h, _f in extra)
        )
    for row in rows:
        texts = [_clean(model.index(row, c).data()) for c in columns]
        if cell is not None:
            texts = [_clean(cell(row, c, t)) for c, t in zip(columns, texts, strict=True)]
        texts += [_clean(f(row)) for _h, f in extra]
        lines.append("\t".join(texts))
    return "\r\n".join(lines) + "\r\n"


def install_copy_shortcut(view: QAbstractItemView) -> QShortcut:
    """Ctrl+C (the platform's Copy) on *view* copies the selected rows as TSV."""

    def copy() -> None:
        text = selected_rows_tsv(view)
        if text:
            QGuiApplication.clipboard().setText(text)

    shortcut = QShortcut(QKeySequence.StandardKey.Copy, view)
    shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    shortcut.activated.connect(copy)
    return shortcut
