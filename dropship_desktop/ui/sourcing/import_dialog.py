"""Import products and offers from CSV/XLSX: a preview with per-row errors, then all or nothing."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QLocale, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...errors import UserError
from ...services.base import Changes
from ...services.sourcing import (
    IMPORT_FIELDS,
    ImportPreview,
    commit_product_import,
    preview_product_import,
)
from ..formatting import format_money, translated, user_error_text
from ..models.rows import RowColumn, RowsModel
from ..tasks import DbWorker, without_context
from ..widgets.field_error import ErrorLabel
from ..widgets.table_copy import install_copy_shortcut

__all__ = ["ImportDialog"]

_CTX = "ImportDialog"
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter

PREVIEW_COLUMNS = (
    RowColumn(0, QT_TRANSLATE_NOOP("ImportDialog", "Row"), align=_RIGHT),
    RowColumn(2, QT_TRANSLATE_NOOP("ImportDialog", "SKU")),
    RowColumn(3, QT_TRANSLATE_NOOP("ImportDialog", "Title")),
    RowColumn(4, QT_TRANSLATE_NOOP("ImportDialog", "Supplier")),
    RowColumn(5, QT_TRANSLATE_NOOP("ImportDialog", "Unit cost"), format_money, _RIGHT),
    RowColumn(6, QT_TRANSLATE_NOOP("ImportDialog", "Will do")),
    RowColumn(1, QT_TRANSLATE_NOOP("ImportDialog", "Problems")),
)
PROBLEMS_COLUMN = 6
_HEADERS = {key: (en, zh) for key, en, zh, _others in IMPORT_FIELDS}


def _header(key: str) -> str:
    """The column's name in the UI language (the file may use either)."""
    names = _HEADERS.get(key)
    if names is None:
        return key
    return names[1] if QLocale().language() == QLocale.Language.Chinese else names[0]


def _preview_rows(preview: ImportPreview) -> list[tuple[Any, ...]]:
    rows = []
    for row in preview.rows:
        problems = " ".join(
            f"{_header(key)}: {translated(message, 'Errors')}"
            for key, message in row.errors.items()
        )
        rows.append(
            (
                row.row_number,
                problems,
                row.sku,
                row.product.title,
                row.supplier_name,
                row.offer.unit_cost_fen if row.offer else None,
                translated(row.action, "Import"),
            )
        )
    return rows


class ImportDialog(QDialog):
    """Checks ``path`` on the DB worker, shows every row, and imports only a clean file."""

    def __init__(self, worker: DbWorker, path: str | Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ImportDialog")
        self.worker = worker
        self.path = Path(path)
        self.preview: ImportPreview | None = None
        self.changes: Changes | None = None
        self.setWindowTitle(self.tr("Import products and offers"))
        self.summary = QLabel(self.tr("Checking {}…").format(self.path.name))
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.model = RowsModel(PREVIEW_COLUMNS, _CTX, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)  # long problem texts wrap inside their row
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        install_copy_shortcut(self.table)
        self.error = ErrorLabel(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setEnabled(False)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.clicked.connect(self.commit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(900, 480)
        worker.submit(
            without_context(preview_product_import),
            self.path,
            on_result=self._previewed,
            on_error=self._failed,
        )

    @Slot(object)
    def _previewed(self, preview: ImportPreview) -> None:
        self.preview = preview
        self.model.set_rows(_preview_rows(preview))
        if not preview.rows:
            self.summary.setText(self.tr("{}: no data rows.").format(preview.file_name))
        elif preview.ok:
            self.summary.setText(
                self.tr("{}: {} rows, no problems. Import writes them all at once.").format(
                    preview.file_name, len(preview.rows)
                )
            )
        else:
            self.summary.setText(
                self.tr(
                    "{}: {} of {} rows have problems (see the Problems column). Nothing will be "
                    "imported until the file is corrected."
                ).format(preview.file_name, preview.error_count, len(preview.rows))
            )
            # Rows with problems first, so they are seen without scrolling.
            self.model.set_rows(sorted(self.model_rows(), key=lambda r: (not r[1], r[0])))
        if preview.ignored_headers:
            self.summary.setText(
                self.summary.text()
                + "\n"
                + self.tr("Columns not used: {}").format(", ".join(preview.ignored_headers))
            )
        for column in range(PROBLEMS_COLUMN):
            self.table.resizeColumnToContents(column)
        if preview.error_count and len(preview.rows) <= 2000:
            self.table.resizeRowsToContents()
        self.import_button.setEnabled(preview.ok)

    def model_rows(self) -> list[tuple[Any, ...]]:
        return [
            row
            for i in range(self.model.rowCount())
            if (row := self.model.row_tuple(i)) is not None
        ]

    @Slot()
    def commit(self) -> None:
        """Import the checked file (all or nothing)."""
        if self.preview is None or not self.preview.ok:
            return
        self.import_button.setEnabled(False)
        self.worker.submit(
            without_context(commit_product_import),
            self.preview,
            on_result=self._done,
            on_error=self._failed,
        )

    @Slot(object)
    def _done(self, changes: Changes) -> None:
        self.changes = changes
        self.accept()

    @Slot(object)
    def _failed(self, error: BaseException) -> None:
        if isinstance(error, UserError):
            self.error.show_error(user_error_text(error))
            self.summary.setText(self.tr("Nothing was imported."))
        else:
            sys.excepthook(type(error), error, error.__traceback__)
