"""Import a platform's after-sales export (with the column mapping shown and editable), and
export every case."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...context import AppContext
from ...services.after_sales_export import export_after_sales
from ...services.after_sales_import import (
    FIELD_TEXT,
    FIELDS,
    AfterSalesPreview,
    commit_after_sales_import,
    preview_after_sales_import,
)
from ...services.base import Changes
from ...store.lookups import shops_by_name
from ..app_setup import current_language
from ..formatting import translated, user_error_text
from ..tasks import DbWorker, without_context
from ..widgets.field_error import ErrorLabel

__all__ = ["AfterSalesImportDialog", "export_cases"]

_DIR_KEY = "after_sales/last_dir"


def _shops(ctx: AppContext) -> list[tuple[int, str]]:
    return shops_by_name()


class AfterSalesImportDialog(QDialog):
    """Choose a file, check the mapping and the preview, import all or nothing."""

    imported = Signal(object)

    def __init__(self, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("afterSalesImportDialog")
        self.worker = worker
        self.preview: AfterSalesPreview | None = None
        self.setWindowTitle(self.tr("Import after-sales cases"))
        self.path = QLineEdit()
        self.path.setObjectName("importPath")
        self.path.setReadOnly(True)
        self.browse = QPushButton(self.tr("&Choose file…"))
        self.browse.clicked.connect(self.choose_file)
        self.shop = QComboBox()
        self.shop.setObjectName("importShop")
        self.shop.addItem(self.tr("Any shop"), None)
        self.shop.currentIndexChanged.connect(self._reread)
        self.mapping_box = QFormLayout()
        self.combos: dict[str, QComboBox] = {}
        for name in FIELDS:
            combo = QComboBox()
            combo.setObjectName(f"map_{name}")
            combo.currentIndexChanged.connect(self._reread)
            self.combos[name] = combo
            self.mapping_box.addRow(QCoreApplication.translate("Import", FIELD_TEXT[name]), combo)
        self.summary = QPlainTextEdit()
        self.summary.setObjectName("importSummary")
        self.summary.setReadOnly(True)
        self.error = ErrorLabel(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setObjectName("importButton")
        self.import_button.setEnabled(False)
        self.buttons.accepted.connect(self._import)
        self.buttons.rejected.connect(self.reject)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(self.browse)
        top = QFormLayout()
        top.addRow(self.tr("File"), file_row)
        top.addRow(self.tr("Shop"), self.shop)
        hint = QLabel(
            self.tr(
                "Pinduoduo 售后信息, Taobao and Douyin refund lists are recognised by their "
                "column names; for other layouts choose the columns below. Rows are matched to "
                "orders by order number; any problem rejects the whole file."
            )
        )
        hint.setWordWrap(True)
        body = QHBoxLayout()
        body.addLayout(self.mapping_box, 1)
        body.addWidget(self.summary, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(hint)
        layout.addLayout(body, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._filling = False
        self.resize(820, 520)
        worker.submit(_shops, on_result=self._set_shops, owner=self)

    def _set_shops(self, rows: list[tuple[int, str]]) -> None:
        self._filling = True
        for shop_id, name in rows:
            self.shop.addItem(name, shop_id)
        self._filling = False

    @Slot()
    def choose_file(self) -> None:
        start = QSettings().value(_DIR_KEY, "", type=str)
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("After-sales export"), start,
            self.tr("Spreadsheets (*.xlsx *.xls *.csv);;All files (*)"),
        )  # fmt: skip
        if path:
            self.load(path)

    def load(self, path: str) -> None:
        """Read *path* with the automatic mapping."""
        from pathlib import Path

        QSettings().setValue(_DIR_KEY, str(Path(path).parent))
        self.path.setText(path)
        self._filling = True
        for combo in self.combos.values():
            combo.clear()
        self._filling = False
        self._run_preview(None)

    def _mapping(self) -> dict[str, str] | None:
        if not self.combos["order_no"].count():
            return None
        return {name: str(combo.currentData() or "") for name, combo in self.combos.items()}

    @Slot()
    def _reread(self) -> None:
        if self._filling or not self.path.text():
            return
        self._run_preview(self._mapping())

    def _run_preview(self, mapping: dict[str, str] | None) -> None:
        shop = self.shop.currentText() if self.shop.currentData() is not None else None
        self.import_button.setEnabled(False)
        self.error.show_error("")
        self.worker.submit(
            without_context(preview_after_sales_import), self.path.text(), shop=shop, mapping=mapping,
            on_result=self._show_preview, on_error=self._failed, key="after-sales-preview",
            owner=self,
        )  # fmt: skip

    def _failed(self, error: BaseException) -> None:
        self.preview = None
        self.summary.clear()
        self.error.show_error(user_error_text(error))

    def _show_preview(self, preview: AfterSalesPreview) -> None:
        self.preview = preview
        self._filling = True
        for name, combo in self.combos.items():
            if combo.count() == 0:
                combo.addItem(self.tr("(none)"), "")
                for header in preview.headers:
                    if header:
                        combo.addItem(header, header)
            index = combo.findData(preview.mapping.get(name, ""))
            combo.setCurrentIndex(max(0, index))
        self._filling = False
        lines = [
            self.tr("{rows} row(s) read: {new} new case(s), {updated} to update.").format(
                rows=preview.row_count, new=preview.new_count, updated=preview.update_count
            )
        ]
        if preview.errors:
            lines.append("")
            lines.append(
                self.tr(
                    "{count} problem(s); nothing will be imported until they are fixed:"
                ).format(count=len(preview.errors))
            )
            lines += [translated(e) for e in preview.errors[:200]]
        if preview.warnings:
            lines.append("")
            lines += [translated(w) for w in preview.warnings[:100]]
        self.summary.setPlainText("\n".join(lines))
        self.import_button.setEnabled(preview.ok)

    @Slot()
    def _import(self) -> None:
        if self.preview is None or not self.preview.ok:
            return
        self.import_button.setEnabled(False)
        self.worker.submit(
            without_context(commit_after_sales_import), self.preview, on_result=self._done, on_error=self._failed,
            owner=self,
        )  # fmt: skip

    def _done(self, changes: Changes) -> None:
        self.imported.emit(changes)
        self.accept()


def export_cases(parent: QWidget, worker: DbWorker) -> None:
    """Ask for a file and export every case to it (XLSX or CSV)."""
    start = QSettings().value(_DIR_KEY, "", type=str)
    path, _ = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("AfterSalesView", "Export after-sales cases"),
        (start + "/" if start else "") + "售后.xlsx",
        QCoreApplication.translate("AfterSalesView", "Excel workbook (*.xlsx);;CSV (*.csv)"),
    )  # fmt: skip
    if not path:
        return
    if not path.lower().endswith((".xlsx", ".csv")):
        path += ".xlsx"
    lang = "zh" if current_language().startswith("zh") else "en"

    def done(count: Any) -> None:
        window = parent.window()
        window.statusBar().showMessage(  # type: ignore[attr-defined]
            QCoreApplication.translate(
                "AfterSalesView", "{count} case(s) exported to {path}"
            ).format(count=count, path=path),
            8000,
        )

    def failed(error: BaseException) -> None:
        from ...errors import UserError
        from ..app_setup import show_user_error

        if isinstance(error, UserError):
            show_user_error(parent, error)

    worker.submit(
        without_context(export_after_sales),
        path,
        lang,
        on_result=done,
        on_error=failed,
        owner=parent,
    )
