"""Export the order list (current filter or selected orders) to XLSX or CSV.

Buyer data is masked unless the seller ticks the full-data box, which the service records in the
operation log. The export runs on the DB worker with a progress bar and can be cancelled; a
cancelled or failed export leaves no file behind.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QLocale, QSettings, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QLabel,
    QProgressBar,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...errors import UserError
from ...services.order_export import ExportCancelledError, ExportChanges, export_orders
from ...store.order_queries import OrderFilter
from ..formatting import user_error_text
from ..tasks import DbWorker, without_context
from ..widgets.progress import ProgressPoller

__all__ = ["ExportDialog", "run_export_dialog"]

LAST_DIR_KEY = "export/orders/last_dir"
FORMAT_KEY = "export/orders/format"


class ExportDialog(QDialog):
    """Choose what to export, the format and whether buyer data is masked; then export."""

    def __init__(
        self,
        worker: DbWorker,
        order_filter: OrderFilter,
        selected_ids: Sequence[int] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ExportDialog")
        self.setWindowTitle(self.tr("Export orders"))
        self.worker = worker
        self.order_filter = order_filter
        self.selected_ids = list(selected_ids)
        self.result_changes: ExportChanges | None = None
        self._running = False

        scope = QGroupBox(self.tr("Orders"))
        self.all_radio = QRadioButton(self.tr("All orders in the current list"))
        self.all_radio.setObjectName("exportAll")
        self.selected_radio = QRadioButton(
            self.tr("Selected orders (%n)", "", len(self.selected_ids))
        )
        self.selected_radio.setObjectName("exportSelected")
        self.selected_radio.setEnabled(bool(self.selected_ids))
        (self.selected_radio if len(self.selected_ids) > 1 else self.all_radio).setChecked(True)
        scope_layout = QVBoxLayout(scope)
        scope_layout.addWidget(self.all_radio)
        scope_layout.addWidget(self.selected_radio)

        kind = QGroupBox(self.tr("File format"))
        self.xlsx_radio = QRadioButton(self.tr("Excel workbook (.xlsx)"))
        self.xlsx_radio.setObjectName("exportXlsx")
        self.csv_radio = QRadioButton(self.tr("CSV, UTF-8 (.csv)"))
        self.csv_radio.setObjectName("exportCsv")
        self._format_group = QButtonGroup(self)
        self._format_group.addButton(self.xlsx_radio)
        self._format_group.addButton(self.csv_radio)
        saved = QSettings().value(FORMAT_KEY, "xlsx", type=str)
        (self.csv_radio if saved == "csv" else self.xlsx_radio).setChecked(True)
        kind_layout = QVBoxLayout(kind)
        kind_layout.addWidget(self.xlsx_radio)
        kind_layout.addWidget(self.csv_radio)

        self.full_data = QCheckBox(self.tr("Include full buyer names, phone numbers and addresses"))
        self.full_data.setObjectName("exportFullData")
        self.full_note = QLabel()
        self.full_note.setObjectName("exportFullNote")
        self.full_note.setWordWrap(True)
        self.full_data.toggled.connect(self._full_toggled)
        self._full_toggled(False)

        self.progress_bar = QProgressBar()
        self.progress_bar.setObjectName("exportProgress")
        self.progress_bar.setVisible(False)
        self.status = QLabel()
        self.status.setObjectName("exportStatus")
        self.status.setWordWrap(True)

        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(
            self.tr("Export…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.export_button.setObjectName("exportButton")
        self.open_folder_button = self.buttons.addButton(
            self.tr("Open &folder"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.open_folder_button.setObjectName("exportOpenFolder")
        self.open_folder_button.setVisible(False)
        self.open_folder_button.clicked.connect(self.open_folder)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.export_button.clicked.connect(self.choose_file)
        self.cancel_button.clicked.connect(self._cancel_clicked)

        layout = QVBoxLayout(self)
        layout.addWidget(scope)
        layout.addWidget(kind)
        layout.addWidget(self.full_data)
        layout.addWidget(self.full_note)
        layout.addStretch(1)
        layout.addWidget(self.status)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.buttons)
        self._job = ProgressPoller(self.progress_bar, self)
        self.resize(480, 400)

    def file_format(self) -> str:
        return "csv" if self.csv_radio.isChecked() else "xlsx"

    @Slot(bool)
    def _full_toggled(self, on: bool) -> None:
        if on:
            self.full_note.setText(
                self.tr(
                    "The file will hold buyers' personal data. This export is recorded in the "
                    "operation log. Keep the file safe and delete it when no longer needed."
                )
            )
            self.full_note.setStyleSheet("color: #b00020;")
        else:
            self.full_note.setText(
                self.tr("Names, phone numbers and addresses are masked (张*, 138****5678).")
            )
            self.full_note.setStyleSheet("")

    @Slot()
    def choose_file(self) -> None:
        """Ask where to save, then export."""
        fmt = self.file_format()
        settings = QSettings()
        folder = settings.value(LAST_DIR_KEY, "", type=str) or str(Path.home())
        suggested = str(Path(folder) / (self.tr("orders") + f".{fmt}"))
        filters = (
            self.tr("CSV files (*.csv)") if fmt == "csv" else self.tr("Excel workbooks (*.xlsx)")
        )
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export orders"), suggested, filters
        )
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() != f".{fmt}":
            path = path.with_name(path.name + f".{fmt}")
        settings.setValue(LAST_DIR_KEY, str(path.parent))
        settings.setValue(FORMAT_KEY, fmt)
        self.export_to(path)

    def export_to(self, path: str | Path) -> None:
        """Export to *path* on the worker (no file dialog)."""
        if self._running:
            return
        self._running = True
        progress = self._job.start()
        self.status.setText(self.tr("Exporting…"))
        self.status.setStyleSheet("")
        self._set_inputs_enabled(False)
        language = "zh_CN" if QLocale().language() == QLocale.Language.Chinese else "en"
        self.worker.submit(
            without_context(export_orders),
            Path(path),
            self.order_filter,
            selected_ids=self.selected_ids if self.selected_radio.isChecked() else None,
            file_format=self.file_format(),
            full_buyer_data=self.full_data.isChecked(),
            language=language,
            progress=progress.update,
            should_cancel=progress.cancelled,
            on_result=self._done,
            on_error=self._failed,
        )

    def _set_inputs_enabled(self, enabled: bool) -> None:
        for widget in (
            self.all_radio,
            self.xlsx_radio,
            self.csv_radio,
            self.full_data,
            self.export_button,
        ):
            widget.setEnabled(enabled)
        self.selected_radio.setEnabled(enabled and bool(self.selected_ids))

    def _finish(self) -> None:
        self._job.stop()
        self._running = False

    @Slot(object)
    def _done(self, changes: ExportChanges) -> None:
        self._finish()
        self.result_changes = changes
        self.status.setText(
            self.tr("Exported %n order(s) to {}.", "", changes.rows).format(Path(changes.path).name)
        )
        self.export_button.setVisible(False)
        self.open_folder_button.setVisible(True)
        self.open_folder_button.setFocus()
        self.cancel_button.setText(self.tr("Close"))

    @Slot()
    def open_folder(self) -> bool:
        """Show the exported file's folder in the system file manager."""
        if self.result_changes is None:
            return False
        folder = Path(self.result_changes.path).parent
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    @Slot(object)
    def _failed(self, error: BaseException) -> None:
        self._finish()
        self._set_inputs_enabled(True)
        if isinstance(error, ExportCancelledError):
            self.status.setText(self.tr("Cancelled. No file was written."))
            return
        if not isinstance(error, UserError):
            raise error
        self.status.setText(user_error_text(error))
        self.status.setStyleSheet("color: #b00020;")

    @Slot()
    def _cancel_clicked(self) -> None:
        if self._running and self._job.request_cancel():
            self.status.setText(self.tr("Cancelling…"))
            return
        if self.result_changes is not None:
            self.accept()
        else:
            self.reject()

    def reject(self) -> None:
        if self._running:
            self._cancel_clicked()
            return
        super().reject()


def run_export_dialog(
    parent: QWidget | None,
    worker: DbWorker,
    order_filter: OrderFilter,
    selected_ids: Sequence[int] = (),
) -> ExportDialog:
    """Open the export dialog (window-modal) for the list's filter and selection.

    Returns:
        The open dialog.
    """
    dialog = ExportDialog(worker, order_filter, selected_ids, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
