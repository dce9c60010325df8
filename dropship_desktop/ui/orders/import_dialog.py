"""Import orders from a platform export: preview, column mapping, shop choice, progress, cancel.

The file is read and mapped on the DB worker (nothing written), the preview shows the first
orders (buyer data masked) and every problem with its row and column. Import is enabled only
for a file without problems; it runs on the worker in one transaction, with a progress bar fed
by polling a counter the worker updates, and a Cancel button that rolls everything back.

A user's column mapping for an unrecognised layout is remembered in QSettings, keyed by the
file's header signature, and applied automatically to the next file with the same columns.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSettings, Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...context import AppContext
from ...domain.enums import ShopPlatform
from ...errors import UserError
from ...services.order_import import (
    ImportCancelledError,
    ImportChanges,
    ImportPreview,
    commit_import,
    file_shop,
    preview_import,
    release_preview,
    shops_for_platforms,
)
from ...tabular.error_groups import group_errors, rows_text
from ...tabular.orders_formats import ColumnMapping
from ...tabular.platform_formats import REGISTRY
from ..formatting import (
    enum_label,
    format_datetime,
    format_money,
    sales_status_label,
    supplier_status_label,
    translated,
    user_error_text,
)
from ..models.rows import RowColumn, RowsModel
from ..tasks import DbWorker, without_context
from ..widgets.progress import ProgressPoller, ProgressState
from ..widgets.tables import read_only_table
from .mapping_dialog import MappingDialog, save_mapping, saved_mapping

__all__ = ["ImportDialog", "run_import_dialog"]

log = logging.getLogger(__name__)

LAST_DIR_KEY = "import/orders/last_dir"
PREVIEW_KEY = "order-import-preview"

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_CTX = "ImportDialog"

#: Format combo entries: (format code or "", label).
_FORMATS: tuple[tuple[str, str], ...] = (
    ("", QT_TRANSLATE_NOOP("ImportDialog", "Detect automatically")),
    *((f.key, f.choice) for f in REGISTRY.values() if f.choice is not None),
    ("custom", QT_TRANSLATE_NOOP("ImportDialog", "My own column mapping")),
)


_PHASES = {
    "checking": QT_TRANSLATE_NOOP("ImportDialog", "Checking against the orders already here…"),
    "writing": QT_TRANSLATE_NOOP("ImportDialog", "Writing orders…"),
    "indexing": QT_TRANSLATE_NOOP("ImportDialog", "Updating the search index…"),
}


# --- saved mappings ----------------------------------------------------------------------------


# --- worker-side helpers -----------------------------------------------------------------------


# --- the mapping dialog ------------------------------------------------------------------------


# --- the import dialog -------------------------------------------------------------------------


def _load(
    ctx: AppContext,
    source: Any,
    fmt: str | None,
    mapping: ColumnMapping | None,
    kind: str | None,
    file_name: str | None,
) -> tuple[ImportPreview, list[tuple[int, str, str]]]:
    """Runs on the worker: the preview, and the shops its orders may go to."""
    preview = preview_import(
        source,
        fmt=fmt,
        mapping=mapping,
        kind=kind,  # type: ignore[arg-type]
        file_name=file_name,
    )
    return preview, shops_for_platforms(preview.platforms())


class ImportDialog(QDialog):
    """Preview an order export, fix its mapping, choose the shop, import with progress."""

    def __init__(self, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ImportDialog")
        self.setWindowTitle(self.tr("Import orders"))
        self.worker = worker
        self.path: Path | None = None
        self.preview: ImportPreview | None = None
        self.result_changes: ImportChanges | None = None
        self._importing = False
        self._loading = False
        self._tried_saved = False

        self.file_label = QLabel()
        self.file_label.setObjectName("importFile")
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.format_combo = QComboBox()
        self.format_combo.setObjectName("importFormat")
        for code, label in _FORMATS:
            self.format_combo.addItem(QCoreApplication.translate(_CTX, label), code)
        self.format_combo.activated.connect(self._format_chosen)
        self.map_button = QPushButton(self.tr("Map columns…"))
        self.map_button.setObjectName("mapColumns")
        self.map_button.clicked.connect(self.edit_mapping)

        self.shop_combo = QComboBox()
        self.shop_combo.setObjectName("importShop")
        self.shop_combo.setPlaceholderText(self.tr("Choose the shop these orders belong to"))
        self.shop_combo.currentIndexChanged.connect(self._shop_changed)
        self.new_shop_name = QLineEdit()
        self.new_shop_name.setObjectName("newShopName")
        self.new_shop_name.setPlaceholderText(self.tr("Name of the new shop"))
        self.new_shop_name.textChanged.connect(self._update_buttons)
        self.new_shop_platform = QComboBox()
        self.new_shop_platform.setObjectName("newShopPlatform")
        self.shop_row = QWidget()
        shop_layout = QHBoxLayout(self.shop_row)
        shop_layout.setContentsMargins(0, 0, 0, 0)
        shop_layout.addWidget(self.shop_combo, 2)
        shop_layout.addWidget(self.new_shop_name, 2)
        shop_layout.addWidget(self.new_shop_platform, 1)

        format_row = QHBoxLayout()
        format_row.addWidget(self.format_combo, 1)
        format_row.addWidget(self.map_button)
        form = QFormLayout()
        form.addRow(self.tr("File:"), self.file_label)
        form.addRow(self.tr("Format:"), format_row)
        self.shop_label = QLabel(self.tr("Shop:"))
        form.addRow(self.shop_label, self.shop_row)

        self.summary = QLabel()
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)

        self.preview_model = RowsModel(
            [
                RowColumn(0, QT_TRANSLATE_NOOP("ImportDialog", "Row"), align=_RIGHT),
                RowColumn(1, QT_TRANSLATE_NOOP("ImportDialog", "Order no.")),
                RowColumn(2, QT_TRANSLATE_NOOP("ImportDialog", "Status"), self._status_text),
                # translated: a field the platform hid says so in the UI language.
                RowColumn(3, QT_TRANSLATE_NOOP("ImportDialog", "Recipient"), translated),
                RowColumn(4, QT_TRANSLATE_NOOP("ImportDialog", "Phone"), translated),
                RowColumn(5, QT_TRANSLATE_NOOP("ImportDialog", "Products")),
                RowColumn(6, QT_TRANSLATE_NOOP("ImportDialog", "Qty"), align=_RIGHT),
                RowColumn(7, QT_TRANSLATE_NOOP("ImportDialog", "Amount"), format_money, _RIGHT),
                RowColumn(8, QT_TRANSLATE_NOOP("ImportDialog", "Created"), format_datetime),
            ],
            _CTX,
            self,
        )
        self.error_model = RowsModel(
            [
                RowColumn(0, QT_TRANSLATE_NOOP("ImportDialog", "Row"), align=_RIGHT),
                RowColumn(1, QT_TRANSLATE_NOOP("ImportDialog", "Column")),
                RowColumn(2, QT_TRANSLATE_NOOP("ImportDialog", "Problem")),
            ],
            _CTX,
            self,
        )
        self.preview_table = self._table(self.preview_model, "importPreviewTable")
        self.error_table = self._table(self.error_model, "importErrorTable")
        # Problem texts are long sentences: wrap them, rows as tall as they need.
        self.error_table.setWordWrap(True)
        self.error_table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.tabs = QTabWidget()
        self.tabs.setObjectName("importTabs")
        self.tabs.addTab(self.preview_table, self.tr("Preview"))
        self.tabs.addTab(self.error_table, self.tr("Problems"))

        self.progress_bar = QProgressBar()
        self.progress_bar.setObjectName("importProgress")
        self.progress_bar.setVisible(False)
        self.progress_label = QLabel()
        self.progress_label.setWordWrap(True)
        self.progress_label.setObjectName("importProgressLabel")

        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setObjectName("importButton")
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.import_button.clicked.connect(self.start_import)
        self.cancel_button.clicked.connect(self._cancel_clicked)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.buttons)

        self._job = ProgressPoller(self.progress_bar, self)
        self._job.polled.connect(self._show_phase)
        self.resize(980, 600)
        self._set_shop_visible(False)
        self._update_buttons()

    @staticmethod
    def _table(model: RowsModel, name: str) -> QTableView:
        table = read_only_table(model, name)
        table.verticalHeader().setDefaultSectionSize(24)
        return table

    def _status_text(self, code: Any) -> str:
        if self.preview is not None and self.preview.kind == "1688":
            return supplier_status_label(code)
        return sales_status_label(code)

    # -- loading ---------------------------------------------------------------------------

    def load(self, path: str | Path) -> None:
        """Read and preview *path* on the worker."""
        self.path = Path(path)
        self.file_label.setText(self.path.name)
        self.file_label.setToolTip(str(self.path))
        self._request(str(self.path), None, None, None)

    def _request(
        self,
        source: Any,
        fmt: str | None,
        mapping: ColumnMapping | None,
        kind: str | None,
    ) -> None:
        self._loading = True
        self.summary.setText(self.tr("Reading the file…"))
        self._update_buttons()
        name = self.path.name if self.path else None
        self.worker.submit(
            _load,
            source,
            fmt,
            mapping,
            kind,
            name,
            on_result=self._show_preview,
            on_error=self._show_load_error,
            key=PREVIEW_KEY,
        )

    @Slot(object)
    def _show_load_error(self, error: BaseException) -> None:
        self._loading = False
        if not isinstance(error, UserError):
            raise error
        self.preview = None
        self.summary.setText(user_error_text(error))
        self.summary.setStyleSheet("color: #b00020;")
        self.preview_model.set_rows([])
        self.error_model.set_rows([])
        self._update_buttons()

    @Slot(object)
    def _show_preview(self, result: tuple[ImportPreview, list[tuple[int, str, str]]]) -> None:
        self._loading = False
        preview, shops = result
        if preview.needs_mapping and preview.table is not None and not self._tried_saved:
            self._tried_saved = True
            saved = saved_mapping(preview.headers)
            if saved is not None:
                # A layout the user mapped before: apply that mapping straight away.
                self._request(preview.table, None, saved[0], saved[1])
                return
        self.preview = preview
        if preview.needs_mapping:
            code = self.format_combo.currentData() or ""
        elif preview.mapping.format is None:
            code = "custom"
        else:
            code = preview.format or ""
        self.format_combo.setCurrentIndex(max(self.format_combo.findData(code), 0))
        self._fill_shops(preview, shops)
        self.preview_model.set_rows(preview.sample(500))
        # A problem repeated on many rows is one line listing its rows.
        self.error_model.set_rows(
            [
                (rows_text(g.rows), g.column, translated(g.message))
                for g in group_errors(preview.errors)
            ]
        )
        self.tabs.setTabText(1, self.tr("Problems ({})").format(len(preview.errors)))
        if preview.errors:
            self.tabs.setCurrentIndex(1)
        self.preview_table.resizeColumnsToContents()
        self.error_table.resizeColumnToContents(0)
        self.error_table.resizeColumnToContents(1)
        self._describe(preview)
        self._update_buttons()

    def _describe(self, preview: ImportPreview) -> None:
        style = ""
        if preview.problem:
            text = QCoreApplication.translate(
                "ImportDialog", "{}\nUse “Map columns…” to say which column holds what."
            )
            text = text.format(translated(preview.problem))
            style = "color: #b00020;"
        else:
            kind = (
                self.tr("1688 purchase orders")
                if preview.kind == "1688"
                else self.tr("shop orders")
            )
            text = self.tr("Rows: {rows} · Orders: {orders} · Lines: {lines} ({kind}).").format(
                rows=preview.row_count,
                orders=len(preview.orders),
                kind=kind,
                lines=preview.line_count,
            )
            if preview.errors:
                more = "+" if preview.errors_truncated else ""
                text += " " + self.tr(
                    "{n}{more} problem(s) must be corrected in the file before it can be "
                    "imported; nothing will be imported until then."
                ).format(n=len(preview.errors), more=more)
                style = "color: #b00020;"
            elif preview.kind == "1688":
                text += " " + self.tr(
                    "Each is linked to the shop order its 下游订单号 names, else matched by "
                    "recipient and product; the rest wait for a match in the order list."
                )
            elif preview.mapping.is_item_report:
                text += " " + self.tr(
                    "An item report (宝贝报表): it gives the orders already here their goods "
                    "lines (SKU, price, quantity) and makes no new order; import the order "
                    "report (订单报表) first."
                )
            else:
                text += " " + self.tr(
                    "Orders already here are updated (status, logistics), not duplicated."
                )
            if preview.header_row > 1:
                text += " " + self.tr(
                    "The column headers are on row {row}; the rows above them are skipped."
                ).format(row=preview.header_row)
            if preview.summary_rows:
                text += " " + self.tr(
                    "{count} summary row(s) (合计/总计/汇总) will be skipped."
                ).format(count=len(preview.summary_rows))
            if len(preview.shop_names) > 1:
                text += " " + self.tr(
                    "The file holds orders of several shops ({names}); choose the shop."
                ).format(names=", ".join(preview.shop_names))
        self.summary.setText(text)
        self.summary.setStyleSheet(style)

    def _fill_shops(self, preview: ImportPreview, shops: list[tuple[int, str, str]]) -> None:
        shop_kind = preview.kind == "shop"
        self._set_shop_visible(shop_kind)
        self.shop_combo.blockSignals(True)
        previous = self.shop_combo.currentData()
        self.shop_combo.clear()
        for shop_id, platform, name in shops:
            self.shop_combo.addItem(f"{name} ({enum_label(ShopPlatform(platform))})", shop_id)
        self.shop_combo.addItem(self.tr("New shop…"), None)
        # Preselect: the same shop as before, the shop the file names (店铺名称), the only one;
        # a shop the file names that is not here yet is offered as a new shop. Else ask.
        index = self.shop_combo.findData(previous) if previous is not None else -1
        named = file_shop(preview, shops)
        if index < 0 and named is not None:
            index = self.shop_combo.findData(named[0])
        new_index = self.shop_combo.count() - 1
        if index < 0 and len(preview.shop_names) == 1:
            index = new_index
            self.new_shop_name.setText(preview.shop_names[0])
        if index < 0 and not preview.shop_names:
            index = 0 if len(shops) == 1 else (new_index if not shops else -1)
        self.shop_combo.setCurrentIndex(index)
        self.shop_combo.blockSignals(False)
        self.new_shop_platform.clear()
        for platform in preview.platforms():
            self.new_shop_platform.addItem(enum_label(ShopPlatform(platform)), platform)
        if not self.new_shop_name.text() and preview.shop_names:
            self.new_shop_name.setText(preview.shop_names[0])
        self._shop_changed()

    def _set_shop_visible(self, visible: bool) -> None:
        self.shop_label.setVisible(visible)
        self.shop_row.setVisible(visible)

    @Slot()
    def _shop_changed(self) -> None:
        new = self.shop_combo.currentIndex() >= 0 and self.shop_combo.currentData() is None
        self.new_shop_name.setVisible(new)
        self.new_shop_platform.setVisible(new)
        self._update_buttons()

    # -- format and mapping ----------------------------------------------------------------

    @Slot(int)
    def _format_chosen(self, _index: int) -> None:
        if self.preview is None or self.preview.table is None:
            return
        code = self.format_combo.currentData()
        if code == "custom":
            self.edit_mapping()
            return
        self._request(self.preview.table, code or None, None, None)

    @Slot()
    def edit_mapping(self) -> MappingDialog | None:
        """Open the mapping dialog (modal); on OK re-preview with the chosen mapping."""
        if self.preview is None or self.preview.table is None:
            return None
        dialog = MappingDialog(self.preview.headers, self.preview.mapping, self.preview.kind, self)
        # Freed when closed: each "Map columns…" click makes a new one.
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._mapping_chosen(dialog))
        dialog.open()
        return dialog

    def _mapping_chosen(self, dialog: MappingDialog) -> None:
        if self.preview is None or self.preview.table is None:
            return
        mapping, kind = dialog.mapping(), dialog.kind()
        if dialog.remember.isChecked():
            save_mapping(self.preview.headers, mapping, kind)
        self.format_combo.setCurrentIndex(self.format_combo.findData("custom"))
        self._request(self.preview.table, None, mapping, kind)

    # -- importing -------------------------------------------------------------------------

    def _update_buttons(self) -> None:
        ready = (
            not self._loading
            and not self._importing
            and self.preview is not None
            and self.preview.can_import
            and self.result_changes is None
        )
        if ready and self.preview is not None and self.preview.kind == "shop":
            if self.shop_combo.currentIndex() < 0:
                ready = False
            elif self.shop_combo.currentData() is None:
                ready = bool(self.new_shop_name.text().strip())
        self.import_button.setEnabled(ready)
        self.import_button.setVisible(self.result_changes is None)
        self.format_combo.setEnabled(not self._importing and self.result_changes is None)
        self.map_button.setEnabled(
            not self._importing and self.preview is not None and self.result_changes is None
        )
        self.shop_row.setEnabled(not self._importing and self.result_changes is None)

    @Slot()
    def start_import(self) -> None:
        """Write the previewed orders on the worker, with progress and cancel."""
        preview = self.preview
        if preview is None or not self.import_button.isEnabled():
            return
        shop_id: int | None = None
        new_shop: tuple[str, str] | None = None
        if preview.kind == "shop":
            data = self.shop_combo.currentData()
            if data is None:
                new_shop = (
                    str(self.new_shop_platform.currentData()),
                    self.new_shop_name.text().strip(),
                )
            else:
                shop_id = int(data)
        self._importing = True
        progress = self._job.start()
        self.progress_label.setText(self.tr("Starting…"))
        self._update_buttons()
        self.worker.submit(
            without_context(commit_import),
            preview,
            shop_id=shop_id,
            new_shop=new_shop,
            progress=progress.update_phase,
            should_cancel=progress.cancelled,
            on_result=self._import_done,
            on_error=self._import_failed,
        )

    @Slot(object)
    def _show_phase(self, progress: ProgressState) -> None:
        phase = _PHASES.get(progress.phase)
        if phase:
            self.progress_label.setText(QCoreApplication.translate(_CTX, phase))

    def _finish(self) -> None:
        self._job.stop()
        self._importing = False
        self._update_buttons()

    def _release(self) -> None:
        """Free the preview's rows on the worker, in steps (not in one go on the UI thread)."""
        if self.preview is not None and self.preview.table is not None:
            self.worker.submit(without_context(release_preview), self.preview)

    @Slot(object)
    def _import_done(self, changes: ImportChanges) -> None:
        self._finish()
        self.result_changes = changes
        self._release()
        summary = changes.summary
        if summary is not None:
            # Counts, links by 下游订单号, unpaid and hidden receivers, skipped summary rows.
            self.progress_label.setText(translated(summary.message()))
        self.cancel_button.setText(self.tr("Close"))
        self._update_buttons()

    @Slot(object)
    def _import_failed(self, error: BaseException) -> None:
        self._finish()
        if isinstance(error, ImportCancelledError):
            self.progress_label.setText(self.tr("Cancelled. Nothing was imported."))
            return
        if not isinstance(error, UserError):
            raise error
        self.progress_label.setText(user_error_text(error))

    @Slot()
    def _cancel_clicked(self) -> None:
        # Stop between chunks; the transaction rolls back and _import_failed reports it.
        if self._importing and self._job.request_cancel():
            self.progress_label.setText(self.tr("Cancelling…"))
            return
        if self.result_changes is not None:
            self.accept()
        else:
            self.reject()

    def reject(self) -> None:
        if self._importing:
            self._cancel_clicked()  # Esc or the close box: cancel, keep the dialog until done
            return
        self.worker.cancel(PREVIEW_KEY)
        self._release()
        super().reject()


def run_import_dialog(parent: QWidget | None, worker: DbWorker) -> ImportDialog | None:
    """Ask for an order export file and open the import dialog for it (window-modal).

    Returns:
        The open dialog, or ``None`` when no file was chosen.
    """
    settings = QSettings()
    start = settings.value(LAST_DIR_KEY, "", type=str) or str(Path.home())
    name, _filter = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("ImportDialog", "Import orders"),
        start,
        QCoreApplication.translate(
            "ImportDialog", "Order exports (*.csv *.xlsx *.xls);;All files (*)"
        ),
    )
    if not name:
        return None
    settings.setValue(LAST_DIR_KEY, str(Path(name).parent))
    dialog = ImportDialog(worker, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.load(name)
    dialog.open()
    return dialog
