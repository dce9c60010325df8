"""The backups dialog: the list of backups (date, kind, size, orders), back up now, restore."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...errors import UserError
from ...services.backups import back_up, check_backup_file, restore_and_reload
from ...services.base import Changes
from ...startup import Choice, DbState, Recovery
from ...store import backup as bk
from ...store import backup_list as bl
from ..app_setup import show_user_error
from ..formatting import format_local_datetime, translated, user_error_text
from ..models.rows import RowColumn, RowsModel
from ..tasks import DbWorker, without_context

__all__ = ["BackupsDialog", "ask_recovery", "kind_label", "recovery_text"]

log = logging.getLogger(__name__)

_CONTEXT = "BackupsDialog"
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def kind_label(kind: str) -> str:
    """The translated name of a backup kind."""
    labels = {
        bk.AUTO: QCoreApplication.translate("BackupsDialog", "Automatic"),
        bk.MANUAL: QCoreApplication.translate("BackupsDialog", "Manual"),
        bk.PRE_MIGRATE: QCoreApplication.translate("BackupsDialog", "Before an update"),
        bk.PRE_RESTORE: QCoreApplication.translate("BackupsDialog", "Before a restore"),
    }
    return labels.get(kind, kind)


def _size(size: int) -> str:
    if size < 1_000_000:
        return QCoreApplication.translate("BackupsDialog", "{} KB").format(max(1, size // 1000))
    return QCoreApplication.translate("BackupsDialog", "{} MB").format(f"{size / 1e6:.1f}")


def _orders(count: int | None) -> str:
    return (
        QCoreApplication.translate("BackupsDialog", "unreadable") if count is None else f"{count:,}"
    )


COLUMNS = (
    RowColumn(1, QT_TRANSLATE_NOOP("BackupsDialog", "Date"), format_local_datetime),
    RowColumn(2, QT_TRANSLATE_NOOP("BackupsDialog", "Kind"), kind_label),
    RowColumn(3, QT_TRANSLATE_NOOP("BackupsDialog", "Size"), _size, _RIGHT),
    RowColumn(4, QT_TRANSLATE_NOOP("BackupsDialog", "Orders"), _orders, _RIGHT),
)


def recovery_text(recovery: Recovery) -> str:
    """The plain-words explanation of a damaged database and what can be done."""
    if recovery.state is DbState.NOT_DATABASE:
        text = QCoreApplication.translate(
            "BackupsDialog",
            "The file that should hold your orders and suppliers is not a Dropship Desktop "
            "database:\n{path}",
        ).format(path=recovery.path)
    else:
        text = QCoreApplication.translate(
            "BackupsDialog",
            "Your database is damaged and cannot be used safely:\n{path}",
        ).format(path=recovery.path)
    text += "\n\n" + QCoreApplication.translate(
        "BackupsDialog",
        'It will not be changed or deleted: it is moved into the "damaged" folder next to it, '
        "so that it can still be examined or repaired later.",
    )
    if recovery.backup is not None:
        text += "\n\n" + QCoreApplication.translate(
            "BackupsDialog",
            "The newest good backup is from {date} and holds {orders} orders. Open it to carry on "
            "from there; changes made after it are not in it.",
        ).format(
            date=format_local_datetime(recovery.backup.created),
            orders=_orders(recovery.backup.order_count),
        )
    else:
        text += "\n\n" + QCoreApplication.translate(
            "BackupsDialog",
            "There is no good backup. You can start with an empty database, or quit and ask for "
            "help first.",
        )
    return text


def ask_recovery(recovery: Recovery) -> Choice:
    """Ask the seller what to do with a damaged database (at start-up, before any window)."""
    box = QMessageBox()
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("BackupsDialog", "Database damaged"))
    box.setText(recovery_text(recovery))
    box.setDetailedText(translated(recovery.problem))
    restore = None
    if recovery.backup is not None:
        restore = box.addButton(
            QCoreApplication.translate("BackupsDialog", "Open the Backup"),
            QMessageBox.ButtonRole.AcceptRole,
        )
    empty = box.addButton(
        QCoreApplication.translate("BackupsDialog", "Start Empty"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    quit_button = box.addButton(
        QCoreApplication.translate("BackupsDialog", "Quit"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(restore or quit_button)
    box.setEscapeButton(quit_button)
    box.exec()
    clicked = box.clickedButton()
    if restore is not None and clicked is restore:
        return Choice.RESTORE_BACKUP
    if clicked is empty:
        return Choice.START_EMPTY
    return Choice.QUIT


class BackupsDialog(QDialog):
    """Lists the backups and makes or restores one.

    Signals:
        restored(): A backup was restored into the open database.
    """

    restored = Signal()

    def __init__(
        self, worker: DbWorker, db_path: Path, data_dir: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("BackupsDialog")
        self.worker = worker
        self.db_path = db_path
        self.folder = bk.backup_dir(data_dir)
        self.model = RowsModel(COLUMNS, _CONTEXT, self)

        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QTableView()
        self.table.setObjectName("backupsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The date column takes the spare width; size and order count stay compact.
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _index: self.restore_selected())
        self.status = QLabel()
        self.status.setWordWrap(True)

        self.backup_button = QPushButton()
        self.backup_button.clicked.connect(self.back_up_now)
        self.backup_to_button = QPushButton()
        self.backup_to_button.clicked.connect(self.back_up_to_file)
        self.restore_button = QPushButton()
        self.restore_button.clicked.connect(self.restore_selected)
        self.restore_file_button = QPushButton()
        self.restore_file_button.clicked.connect(self.restore_from_file)
        self.folder_button = QPushButton()
        self.folder_button.clicked.connect(self.open_folder)
        buttons = QHBoxLayout()
        for button in (
            self.backup_button,
            self.backup_to_button,
            self.restore_button,
            self.restore_file_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.folder_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        layout.addWidget(close)
        self.resize(760, 460)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._retranslate()
        self._update_buttons()
        self.reload()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Backups"))
        self.intro.setText(
            self.tr(
                "A backup is made automatically when the app starts (once a day) and 30 minutes "
                "after you change something. Every backup is checked before it is kept. Backups "
                "are in: {folder}"
            ).format(folder=self.folder)
        )
        self.backup_button.setText(self.tr("Back Up Now"))
        self.backup_to_button.setText(self.tr("Back Up to File…"))
        self.restore_button.setText(self.tr("Restore Selected…"))
        self.restore_file_button.setText(self.tr("Restore from File…"))
        self.folder_button.setText(self.tr("Open Folder"))

    @Slot()
    def _update_buttons(self) -> None:
        writable = not self.worker.ctx.store.read_only
        self.restore_button.setEnabled(writable and self.selected_backup() is not None)
        self.restore_file_button.setEnabled(writable)

    def selected_backup(self) -> bk.BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        row = self.model.row_tuple(rows[0].row())
        return row[0] if row else None

    # -- loading ------------------------------------------------------------------------------

    def reload(self) -> None:
        self.worker.submit(
            without_context(bl.list_backups),
            self.folder,
            on_result=self._show,
            on_error=self._on_error,
        )

    def _show(self, backups: list[bk.BackupInfo]) -> None:
        self.model.set_rows([(b, b.created, b.kind, b.size, b.order_count) for b in backups])
        if not backups:
            self.status.setText(self.tr("There are no backups yet."))
        self._update_buttons()

    # -- actions ------------------------------------------------------------------------------

    def _set_working(self, working: bool, text: str = "") -> None:
        for button in (
            self.backup_button,
            self.backup_to_button,
            self.restore_button,
            self.restore_file_button,
        ):
            button.setEnabled(not working)
        if working:
            self.status.setText(text)
        else:
            self._update_buttons()

    @Slot()
    def back_up_now(self) -> None:
        self._back_up(None)

    @Slot()
    def back_up_to_file(self) -> None:
        suggested = str(Path.home() / f"dropship-backup-{date.today():%Y-%m-%d}.db")
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Back Up to File"), suggested, self.tr("Backups (*.db)")
        )
        if name:
            self._back_up(Path(name))

    def _back_up(self, to: Path | None) -> None:
        self._set_working(True, self.tr("Making a backup…"))
        self.worker.submit(
            without_context(back_up),
            self.db_path,
            self.folder,
            to=to,
            on_result=self._backed_up,
            on_error=self._on_error,
        )

    def _backed_up(self, info: bk.BackupInfo) -> None:
        self._set_working(False)
        self.status.setText(
            self.tr("Backup made and checked: {orders} orders, {size}. {path}").format(
                orders=f"{info.order_count:,}", size=_size(info.size), path=info.path
            )
        )
        self.reload()

    @Slot()
    def restore_selected(self) -> None:
        backup = self.selected_backup()
        if backup is not None and not self.worker.ctx.store.read_only:
            self.restore(backup.path, format_local_datetime(backup.created))

    @Slot()
    def restore_from_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Restore from File"),
            str(self.folder),
            self.tr("Backups (*.db);;All files (*)"),
        )
        if name:
            self.restore(Path(name), Path(name).name)

    def confirm_restore(self, label: str) -> bool:
        """Ask before replacing the data (tests replace this)."""
        answer = QMessageBox.question(
            self,
            self.tr("Restore Backup"),
            self.tr(
                "Replace all current data with the backup {backup}?\n\nThe current data is "
                "backed up first, so this can be undone by restoring that backup."
            ).format(backup=label),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def restore(self, path: Path, label: str, *, confirm: bool = True) -> None:
        if not confirm:
            self._restore(path)
            return
        # The file is checked before the seller is asked to replace everything with it: a file
        # that is not a backup gets its reason, not a question.
        self._set_working(True, self.tr("Checking the backup…"))

        def checked(_result: object) -> None:
            self._set_working(False)
            if self.confirm_restore(label):
                self._restore(path)

        self.worker.submit(
            without_context(check_backup_file),
            path,
            on_result=checked,
            on_error=self._on_error,
            owner=self,
        )

    def _restore(self, path: Path) -> None:
        self._set_working(True, self.tr("Restoring the backup…"))
        self.worker.submit(
            without_context(restore_and_reload),
            path,
            self.db_path,
            self.folder,
            on_result=self._restored,
            on_error=self._on_error,
        )

    def _restored(self, _changes: Changes) -> None:
        self._set_working(False)
        self.status.setText(self.tr("The backup was restored."))
        self.restored.emit()
        self.reload()

    @Slot()
    def open_folder(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder)))

    def _on_error(self, error: BaseException) -> None:
        self._set_working(False)
        if isinstance(error, UserError):
            self.status.setText(user_error_text(error))
            show_user_error(self, error)
            return
        log.error("backup dialog error", exc_info=error)
        self.status.setText(self.tr("Something went wrong; see the log file."))
        import sys

        sys.excepthook(type(error), error, error.__traceback__)
