"""The after-sales settings dialogs: reply templates and the deadline hours per platform."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.after_sales import (
    CaseKind,
    DeadlineStage,
    default_deadline_hours,
)
from ...domain.enums import ShopPlatform
from ...services import after_sales as svc
from ...services.base import Changes
from ..formatting import enum_label, user_error_text
from ..tasks import DbWorker, without_context
from ..widgets.field_error import ErrorLabel

__all__ = ["DeadlinesDialog", "TemplatesDialog"]


class TemplatesDialog(QDialog):
    """Edit the reply templates (Chinese, with {订单号} {商品} {金额} {运单号})."""

    changed = Signal(object)

    def __init__(self, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("templatesDialog")
        self.worker = worker
        self.setWindowTitle(self.tr("Reply templates"))
        self.list = QListWidget()
        self.list.setObjectName("templateList")
        self.name = QLineEdit()
        self.name.setObjectName("templateName")
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Any kind"), "")
        for kind in CaseKind:
            self.kind.addItem(enum_label(kind), kind.value)
        self.body = QPlainTextEdit()
        self.body.setObjectName("templateBody")
        self.body.setTabChangesFocus(True)
        hint = QLabel(
            self.tr(
                "Placeholders: {订单号} order no., {商品} product, {金额} amount, {运单号} tracking no."
            )
        )
        hint.setWordWrap(True)
        self.error = ErrorLabel(self)
        self.new_button = QPushButton(self.tr("&New"))
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setObjectName("saveTemplate")
        self.delete_button = QPushButton(self.tr("&Delete"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Text"), self.body)
        form.addRow("", hint)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.save_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(self.error)
        right.addLayout(buttons)
        body = QHBoxLayout()
        body.addWidget(self.list, 1)
        body.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(body)
        layout.addWidget(close)
        self.list.currentRowChanged.connect(self._show)
        self.new_button.clicked.connect(self._new)
        self.save_button.clicked.connect(self._save)
        self.delete_button.clicked.connect(self._delete)
        self._rows: list[tuple[int, str, str, str]] = []
        self._current: int | None = None
        self.resize(720, 420)
        self._load()

    def _load(self, select: int | None = None) -> None:
        from ...store.after_sales_queries import templates

        self.worker.submit(
            without_context(templates),
            on_result=lambda rows: self._loaded(rows, select),
            owner=self,
        )

    def _loaded(self, rows: list[tuple[int, str, str, str]], select: int | None) -> None:
        self._rows = rows
        self.list.clear()
        for row in rows:
            item = QListWidgetItem(row[1])
            item.setData(Qt.ItemDataRole.UserRole, row[0])
            self.list.addItem(item)
        index = next((i for i, r in enumerate(rows) if r[0] == select), 0)
        if rows:
            self.list.setCurrentRow(index)
        else:
            self._new()

    @Slot(int)
    def _show(self, row: int) -> None:
        if not 0 <= row < len(self._rows):
            return
        template_id, name, kind, body = self._rows[row]
        self._current = template_id
        self.name.setText(name)
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        self.body.setPlainText(body)
        self.error.show_error("")

    @Slot()
    def _new(self) -> None:
        self._current = None
        self.list.clearSelection()
        self.name.clear()
        self.kind.setCurrentIndex(0)
        self.body.clear()
        self.name.setFocus()

    @Slot()
    def _save(self) -> None:
        template_id = self._current
        name, kind, body = self.name.text(), str(self.kind.currentData()), self.body.toPlainText()
        self.worker.submit(
            lambda _ctx: svc.save_template(template_id, name, kind, body),
            on_result=self._saved,
            on_error=lambda e: self.error.show_error(user_error_text(e)),
            owner=self,
        )

    def _saved(self, changes: Changes) -> None:
        self.changed.emit(changes)
        self._load(changes.created_id)

    @Slot()
    def _delete(self) -> None:
        if self._current is None:
            return
        template_id = self._current
        self.worker.submit(
            lambda _ctx: svc.delete_template(template_id), on_result=self._saved, owner=self
        )


class DeadlinesDialog(QDialog):
    """The response windows in hours per shop platform, kind and stage (defaults shown)."""

    changed = Signal(object)

    def __init__(self, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deadlinesDialog")
        self.worker = worker
        self.setWindowTitle(self.tr("Response windows"))
        self.platform = QComboBox()
        self.platform.setObjectName("deadlinePlatform")
        for platform in ShopPlatform:
            self.platform.addItem(enum_label(platform), platform.value)
        self.table = QTableWidget(len(CaseKind), len(DeadlineStage))
        self.table.setObjectName("deadlineTable")
        self.table.setHorizontalHeaderLabels([enum_label(s) for s in DeadlineStage])
        self.table.setVerticalHeaderLabels([enum_label(k) for k in CaseKind])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.spins: dict[tuple[str, str], QSpinBox] = {}
        for r, kind in enumerate(CaseKind):
            for c, stage in enumerate(DeadlineStage):
                spin = QSpinBox()
                spin.setRange(1, 2400)
                spin.setSuffix(self.tr(" h"))
                self.table.setCellWidget(r, c, spin)
                self.spins[(kind.value, stage.value)] = spin
        hint = QLabel(
            self.tr(
                "Hours the platform gives you to act. Platforms change their rules: check their "
                "after-sales pages and set your own. Open cases move with the new windows."
            )
        )
        hint.setWordWrap(True)
        self.error = ErrorLabel(self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Shop platform")))
        row.addWidget(self.platform, 1)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._hours: dict[str, dict[tuple[str, str], int]] = {}
        self.platform.currentIndexChanged.connect(self._show)
        self.resize(640, 380)
        from ...store.after_sales_queries import deadline_hours

        self.worker.submit(without_context(deadline_hours), on_result=self._loaded, owner=self)

    def _loaded(self, hours: dict[str, dict[tuple[str, str], int]]) -> None:
        self._hours = hours
        self._show()

    @Slot()
    def _show(self) -> None:
        platform = str(self.platform.currentData())
        own = self._hours.get(platform, {})
        for (kind, stage), spin in self.spins.items():
            spin.setValue(
                own.get((kind, stage))
                or default_deadline_hours(platform, CaseKind(kind), DeadlineStage(stage))
            )

    @Slot()
    def _save(self) -> None:
        platform = str(self.platform.currentData())
        rows = [(platform, k, s, spin.value()) for (k, s), spin in self.spins.items()]
        self.worker.submit(
            lambda _ctx: svc.set_deadline_hours(rows),
            on_result=self._saved,
            on_error=lambda e: self.error.show_error(user_error_text(e)),
            owner=self,
        )

    def _saved(self, changes: Changes) -> None:
        platform = str(self.platform.currentData())
        self._hours[platform] = {(k, s): spin.value() for (k, s), spin in self.spins.items()}
        self.changed.emit(changes)
        from ..formatting import changes_text

        self.error.setStyleSheet("color:#2e7d32;")
        self.error.show_error(changes_text(changes))
