"""Buyer-data retention: delete buyer names, phones and addresses after N days (PIPL)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QSettings, Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...errors import UserError
from ...services.privacy import MAX_DAYS, MIN_DAYS, PurgeResult, purge_buyer_data
from ..formatting import user_error_text
from ..tasks import DbWorker

__all__ = ["PURGE_DAYS_KEY", "PrivacyDialog", "purge_days_setting", "run_scheduled_purge"]

#: Days after which buyer data is deleted automatically at start-up; 0 = keep.
PURGE_DAYS_KEY = "privacy/purge_after_days"
DEFAULT_DAYS = 180


def purge_days_setting() -> int:
    """The retention in days from the settings, or 0 when automatic deletion is off."""
    value = QSettings().value(PURGE_DAYS_KEY, 0, type=int)
    return value if MIN_DAYS <= value <= MAX_DAYS else 0


def run_scheduled_purge(worker: DbWorker) -> bool:
    """Submit the automatic purge when it is switched on; return whether it was submitted."""
    days = purge_days_setting()
    if not days or worker.ctx.store.read_only:
        return False
    worker.submit(lambda _ctx: purge_buyer_data(days).changes)
    return True


class PrivacyDialog(QDialog):
    """Sets the retention and deletes old buyer data on request."""

    def __init__(self, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PrivacyDialog")
        self.worker = worker
        saved = purge_days_setting()

        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.enabled = QCheckBox()
        self.enabled.setChecked(saved > 0)
        self.days = QSpinBox()
        self.days.setRange(MIN_DAYS, MAX_DAYS)
        self.days.setValue(saved or DEFAULT_DAYS)
        self.days_label = QLabel()
        row = QHBoxLayout()
        row.addWidget(self.days_label)
        row.addWidget(self.days)
        row.addStretch(1)
        self.delete_button = QPushButton()
        self.delete_button.clicked.connect(self.delete_now)
        self.status = QLabel()
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(row)
        layout.addWidget(self.enabled)
        layout.addWidget(self.delete_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.delete_button.setEnabled(not worker.ctx.store.read_only)
        self._retranslate()
        self.resize(520, 260)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Delete Old Buyer Data"))
        self.intro.setText(
            self.tr(
                "Buyer names, phone numbers and addresses are personal data. Orders older than "
                "the number of days below can lose them; order numbers, products, amounts and "
                "statuses stay."
            )
        )
        self.days_label.setText(self.tr("Older than (days):"))
        self.enabled.setText(self.tr("Delete them automatically each time the app starts"))
        self.delete_button.setText(self.tr("Delete Now…"))

    @Slot()
    def save(self) -> None:
        QSettings().setValue(PURGE_DAYS_KEY, self.days.value() if self.enabled.isChecked() else 0)
        self.accept()

    def confirm_delete(self, days: int) -> bool:
        """Ask before deleting (tests replace this)."""
        answer = QMessageBox.question(
            self,
            self.tr("Delete Old Buyer Data"),
            self.tr(
                "Delete buyer names, phone numbers and addresses of all orders older than {} "
                "days? This cannot be undone (backups made earlier still hold them until they "
                "are thinned away)."
            ).format(days),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    @Slot()
    def delete_now(self) -> None:
        days = self.days.value()
        if not self.confirm_delete(days):
            return
        self.delete_button.setEnabled(False)
        self.status.setText(self.tr("Deleting…"))
        self.worker.submit(
            lambda _ctx: purge_buyer_data(days),
            on_result=self._deleted,
            on_error=self._failed,
        )

    def _deleted(self, result: PurgeResult) -> None:
        self.worker.changed.emit(result.changes)
        self.delete_button.setEnabled(True)
        self.status.setText(
            self.tr("Buyer data deleted from {} orders.").format(f"{result.sales_orders:,}")
        )

    def _failed(self, error: BaseException) -> None:
        self.delete_button.setEnabled(True)
        if isinstance(error, UserError):
            self.status.setText(user_error_text(error))
            return
        self.status.clear()
        sys.excepthook(type(error), error, error.__traceback__)  # a bug: dialog and log
