"""The main window: navigation between views, menus, status bar, remembered geometry."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt, Slot
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from .. import APP_NAME, __version__
from ..context import AppContext
from ..services.base import Changes
from ..services.cancellation import list_interrupted
from ..store.backup import backup_dir
from .after_sales.view import AfterSalesView
from .app_setup import LANG_KEY, current_language, restart_application
from .auto_backup import AutoBackup
from .cancel_wizard.interrupted import InterruptedBanner
from .dashboard.navigation import open_todo_target
from .dashboard.view import DashboardView
from .formatting import changes_text, user_error_text
from .fulfilment import fulfilment_views
from .orders.view import EXPORT_SHORTCUT, IMPORT_SHORTCUT, OrdersView
from .risk_backfill import RiskBackfill
from .sourcing.view import SourcingView
from .style import navigation_style
from .tasks import DbWorker, without_context
from .view_base import View, icon
from .widgets.column_widths import navigation_width

__all__ = ["MainWindow"]

log = logging.getLogger(__name__)

GEOMETRY_KEY = "main_window/geometry"
STATE_KEY = "main_window/state"
VIEW_KEY = "main_window/view"


class MainWindow(QMainWindow):
    """Top-level window hosting every view.

    Args:
        ctx: The application context: its data folder (shown in the status bar and About) and
            the one the DB worker hands to every job.
        demo: Whether this is the demo database (shown prominently so nobody mistakes it).
    """

    def __init__(self, ctx: AppContext, *, demo: bool = False) -> None:
        super().__init__()
        self.setObjectName("MainWindow")
        self.ctx = ctx
        assert ctx.data_dir is not None, "the main window needs a data folder"
        self.data_dir: Path = ctx.data_dir
        self.demo = demo
        self.worker = DbWorker(ctx, self)
        self.worker.changed.connect(self._on_changed)
        self.worker.busy_changed.connect(self._on_busy)

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setStyleSheet(navigation_style())
        self.nav.setIconSize(QSize(20, 20))
        self.stack = QStackedWidget()
        self.dashboard = DashboardView(self.worker, self)  # home: the app opens on it
        self.dashboard.todo_activated.connect(lambda target: open_todo_target(self, target))
        self.views: list[View] = [
            self.dashboard,
            OrdersView(self.worker, self),
            # The daily loop in its order: place on 1688, send tracking back, after-sales.
            *fulfilment_views(self.worker, self, after_shipping=AfterSalesView(self.worker, self)),
            SourcingView(self.worker, self),
        ]
        for view in self.views:
            item = QListWidgetItem(view.icon(), view.title())
            item.setSizeHint(QSize(0, 36))  # the height; the width follows the sidebar
            self.nav.addItem(item)
            self.stack.addWidget(view)
        self.nav.currentRowChanged.connect(self._show_view)
        self.nav.setFixedWidth(navigation_width(self.nav))  # as narrow as its names allow

        central = QWidget()
        layout = QHBoxLayout()
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        # Cancellation requests a crash left unknown, shown until the seller resolves them.
        self.interrupted_banner = InterruptedBanner()
        self.interrupted_banner.resolve_requested.connect(self.show_interrupted)
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self.interrupted_banner)
        outer.addLayout(layout, 1)
        self.setCentralWidget(central)

        self.auto_backup: AutoBackup | None = None
        self._backup_failure_shown = False
        self._busy_label = QLabel()
        self._db_label = QLabel()
        self.risk_backfill: RiskBackfill | None = None
        self._backfill_label = QLabel()
        self._backfill_label.setObjectName("riskBackfillProgress")
        self._backfill_label.hide()
        self.statusBar().addPermanentWidget(self._backfill_label)
        self.statusBar().addPermanentWidget(self._busy_label)
        self.statusBar().addPermanentWidget(self._db_label)
        self._build_menus()
        from .open1688 import Open1688Menu

        self.open1688 = Open1688Menu(self, self.worker)  # 1688 Open Platform: accounts, sync
        self._retranslate()
        self._restore_state()
        self.check_interrupted()

    # -- construction -------------------------------------------------------------------------

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        # Where sellers look first for files: the same dialogs as the views' buttons.
        self.import_orders_action = QAction(icon("import"), "", self)
        self.import_orders_action.triggered.connect(lambda: self._orders_view().import_orders())
        self.export_orders_action = QAction(icon("export"), "", self)
        self.export_orders_action.triggered.connect(lambda: self._orders_view().export_orders())
        self.import_orders_action.setShortcut(QKeySequence(IMPORT_SHORTCUT))
        self.export_orders_action.setShortcut(QKeySequence(EXPORT_SHORTCUT))
        self.import_products_action = QAction(icon("import"), "", self)
        self.import_products_action.triggered.connect(self._import_products)
        for action in (
            self.import_orders_action,
            self.export_orders_action,
            self.import_products_action,
        ):
            self.file_menu.addAction(action)
        self.file_menu.addSeparator()
        # Data safety: backups and buyer-data retention (issue #7).
        self.backup_now_action = QAction(self)
        self.backup_now_action.triggered.connect(self.back_up_now)
        self.file_menu.addAction(self.backup_now_action)
        self.backups_action = QAction(self)
        self.backups_action.triggered.connect(self.show_backups)
        self.file_menu.addAction(self.backups_action)
        self.privacy_action = QAction(self)
        self.privacy_action.triggered.connect(self.show_privacy)
        self.file_menu.addAction(self.privacy_action)
        self.file_menu.addSeparator()
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addAction(self.quit_action)

        self.view_menu = bar.addMenu("")
        self.view_actions: list[QAction] = []
        for index, _view in enumerate(self.views):
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _=False, i=index: self.nav.setCurrentRow(i))
            self.view_menu.addAction(action)
            self.view_actions.append(action)
        self.view_menu.addSeparator()
        self.refresh_action = QAction(self)
        self.refresh_action.setShortcut(QKeySequence.StandardKey.Refresh)
        self.refresh_action.triggered.connect(self.refresh_current)
        self.view_menu.addAction(self.refresh_action)

        # The cancel wizard (issue #5) and what a crash left of its requests.
        self.orders_menu = bar.addMenu("")
        self.cancel_orders_action = QAction(self)
        self.cancel_orders_action.setObjectName("cancelOrdersAction")
        self.cancel_orders_action.setIcon(icon("cancel-order"))
        self.cancel_orders_action.triggered.connect(self.cancel_orders)
        self.orders_menu.addAction(self.cancel_orders_action)
        self.interrupted_action = QAction(self)
        self.interrupted_action.triggered.connect(self.show_interrupted)
        self.orders_menu.addAction(self.interrupted_action)
        self.blacklist_action = QAction(self)  # fraud checks (ui/orders/risk.py)
        self.blacklist_action.triggered.connect(self.show_blacklist)
        self.orders_menu.addAction(self.blacklist_action)

        self.settings_menu = bar.addMenu("")
        self.language_menu = self.settings_menu.addMenu("")
        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        current = current_language()
        # Each language is named in itself, so anyone can find their own.
        for code, label in (("zh_CN", "中文（简体）"), ("en", "English")):
            action = QAction(label, self, checkable=True)
            action.setChecked(code == current)
            action.triggered.connect(lambda _=False, c=code: self._choose_language(c))
            self.language_group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[code] = action

        self.help_menu = bar.addMenu("")
        self.about_action = QAction(self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)
        self.help_menu.addAction(self.about_action)

    def _retranslate(self) -> None:
        # Qt appends the application's display name to a title that does not end with it:
        # the name goes last, in the UI language, so it is shown once.
        name = self.tr("Dropship Desktop")
        QGuiApplication.setApplicationDisplayName(name)
        parts = []
        if self.demo:
            parts.append(self.tr("DEMO DATA"))
        if self.ctx.store.read_only:
            parts.append(self.tr("READ-ONLY"))
        self.setWindowTitle(" — ".join([*parts, name]))
        self.file_menu.setTitle(self.tr("&File"))
        self.backup_now_action.setText(self.tr("&Back Up Now"))
        self.backups_action.setText(self.tr("Backups and &Restore…"))
        self.privacy_action.setText(self.tr("&Delete Old Buyer Data…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.import_orders_action.setText(self.tr("&Import Orders…"))
        self.export_orders_action.setText(self.tr("&Export Orders…"))
        self.import_products_action.setText(self.tr("Import &Products and Offers…"))
        self.view_menu.setTitle(self.tr("&View"))
        for action, view in zip(self.view_actions, self.views, strict=True):
            action.setText(view.title())
        self.refresh_action.setText(self.tr("&Refresh"))
        # Named like the Orders view, whose title is translated already.
        self.orders_menu.setTitle(self.tr("&Orders"))
        self.cancel_orders_action.setText(self.tr("&Cancel Orders…"))
        self.interrupted_action.setText(self.tr("&Interrupted Cancellations…"))
        self.blacklist_action.setText(self.tr("&Blacklist…"))
        self.settings_menu.setTitle(self.tr("&Settings"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.about_action.setText(self.tr("&About Dropship Desktop"))
        path = self.ctx.store.path
        name = path.name if path else "-"
        self._db_label.setText(
            self.tr("Demo database: {name}").format(name=name)
            if self.demo
            else self.tr("Database: {name}").format(name=name)
        )
        self._db_label.setToolTip(str(path) if path else "")

    def _default_size(self) -> None:
        """1280 × 800, or 90 % of a smaller screen (a 1366 × 768 laptop), centred."""
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is None or screen.isEmpty():
            self.resize(1280, 800)
            return
        width = min(1280, int(screen.width() * 0.9))
        height = min(800, int(screen.height() * 0.9))
        self.resize(width, height)
        self.move(
            screen.x() + (screen.width() - width) // 2, screen.y() + (screen.height() - height) // 2
        )

    def _restore_state(self) -> None:
        settings = QSettings()
        geometry = settings.value(GEOMETRY_KEY)
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self._default_size()
        state = settings.value(STATE_KEY)
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)
        self.nav.setCurrentRow(0)  # the dashboard: what needs doing now

    # -- behaviour ----------------------------------------------------------------------------

    @Slot(int)
    def _show_view(self, index: int) -> None:
        if index < 0:
            return
        self.stack.setCurrentIndex(index)
        self.views[index].activate()

    def _orders_view(self) -> OrdersView:
        """The orders view, shown (its dialogs act on its filter and selection)."""
        index = next(i for i, v in enumerate(self.views) if isinstance(v, OrdersView))
        self.nav.setCurrentRow(index)
        return self.views[index]  # type: ignore[return-value]

    @Slot()
    def _import_products(self) -> None:
        index = next(i for i, v in enumerate(self.views) if isinstance(v, SourcingView))
        self.nav.setCurrentRow(index)
        self.views[index].import_products()  # type: ignore[attr-defined]

    def current_view(self) -> View:
        return self.views[self.stack.currentIndex()]

    @Slot()
    def refresh_current(self) -> None:
        self.current_view().refresh()

    @Slot(object)
    def _on_changed(self, changes: Changes) -> None:
        for view in self.views:
            view.on_changed(changes)
        if changes.touches("cancellation_request"):
            self.worker.submit(list_interrupted, on_result=self._interrupted_listed)
        if changes.message:
            self.statusBar().showMessage(changes_text(changes), 5000)

    @Slot(bool)
    def _on_busy(self, busy: bool) -> None:
        self._busy_label.setText(self.tr("Working…") if busy else "")

    # -- cancellations ------------------------------------------------------------------------

    @Slot()
    def cancel_orders(self) -> None:
        """Open the cancel wizard, with the orders selected in the Orders view if it is shown."""
        from .cancel_wizard.wizard import start_cancel_wizard

        view = self.current_view()
        selected = view.selected_order_ids() if isinstance(view, OrdersView) else []
        start_cancel_wizard(self, self.worker, sales_order_ids=selected)

    def check_interrupted(self) -> None:
        """At start: requests a crash left open become interrupted and are shown."""
        from .cancel_wizard.interrupted import startup_check

        self.worker.submit(startup_check, on_result=self._startup_checked)

    def _startup_checked(self, result: tuple[Changes | None, list[object]]) -> None:
        changes, rows = result
        if changes is not None:
            self._on_changed(changes)  # the views show the orders' new state
        self._interrupted_listed(rows)

    def _interrupted_listed(self, rows: list[object]) -> None:
        self.interrupted_banner.set_count(len(rows))

    @Slot()
    def show_interrupted(self) -> None:
        from .cancel_wizard.interrupted import InterruptedDialog
        from .cancel_wizard.wizard import start_cancel_wizard

        dialog = InterruptedDialog(
            self.worker,
            self,
            cancel_again=lambda ids: start_cancel_wizard(self, self.worker, supplier_order_ids=ids),
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def show_blacklist(self) -> None:
        from .orders.risk import BlacklistDialog

        dialog = BlacklistDialog(self.worker, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    # -- data safety --------------------------------------------------------------------------

    def start_auto_backup(self) -> None:
        """Back up now if the last backup is a day old, and 30 minutes after changes."""
        path = self.ctx.store.path
        if path is None or self.ctx.store.read_only or self.auto_backup is not None:
            return
        self.auto_backup = AutoBackup(self.worker, path, backup_dir(self.data_dir), self)
        self.auto_backup.succeeded.connect(self._on_backup_made)
        self.auto_backup.failed.connect(self._on_backup_failed)
        self.auto_backup.start()

    def start_risk_backfill(self) -> None:
        """Score the orders of a database from before the fraud checks (in the background)."""
        if (
            self.ctx.store.path is None
            or self.ctx.store.read_only
            or self.risk_backfill is not None
        ):
            return
        self.risk_backfill = RiskBackfill(self.worker, self)
        self.risk_backfill.progress.connect(self._on_backfill_progress)
        self.risk_backfill.finished.connect(self._backfill_label.hide)
        self.risk_backfill.start()

    @Slot(int, int)
    def _on_backfill_progress(self, done: int, total: int) -> None:
        self._backfill_label.setText(
            self.tr("Fraud checks on earlier orders: {done} / {total}").format(
                done=f"{done:,}", total=f"{total:,}"
            )
        )
        self._backfill_label.setToolTip(
            self.tr(
                "Orders from before this version are checked once, in the background; the app "
                "can be used meanwhile."
            )
        )
        self._backfill_label.setVisible(done < total)

    @Slot()
    def back_up_now(self) -> None:
        from ..services.backups import back_up

        path = self.ctx.store.path
        if path is None:
            return
        self.statusBar().showMessage(self.tr("Making a backup…"))
        self.worker.submit(
            without_context(back_up),
            path,
            backup_dir(self.data_dir),
            on_result=self._on_backup_made,
            on_error=self._on_backup_failed,
        )

    @Slot(object)
    def _on_backup_made(self, info: object) -> None:
        name = getattr(info, "path", None)
        self.statusBar().showMessage(
            self.tr("Backup made and checked: {}").format(name.name if name else ""), 10_000
        )

    @Slot(object)
    def _on_backup_failed(self, error: BaseException) -> None:
        from ..errors import UserError
        from .app_setup import show_user_error

        self.statusBar().showMessage(
            self.tr("The backup failed: {}").format(user_error_text(error))
        )
        if not isinstance(error, UserError):
            sys.excepthook(type(error), error, error.__traceback__)  # a bug: dialog and log
            return
        # Reported once loudly per session; later failures stay in the status bar and the log.
        if not self._backup_failure_shown:
            self._backup_failure_shown = True
            show_user_error(self, error)

    @Slot()
    def show_backups(self) -> None:
        from .dialogs.backups import BackupsDialog

        path = self.ctx.store.path
        if path is None:
            return
        dialog = BackupsDialog(self.worker, path, self.data_dir, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    @Slot()
    def show_privacy(self) -> None:
        from .dialogs.privacy import PrivacyDialog

        dialog = PrivacyDialog(self.worker, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    @Slot()
    def bring_forward(self) -> None:
        """Show this window on top (a second launch asked for it)."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()
        self.statusBar().showMessage(self.tr("Dropship Desktop is already open: here it is."), 8000)

    @Slot()
    def show_about(self) -> None:
        path = self.ctx.store.path
        QMessageBox.about(
            self,
            self.tr("About Dropship Desktop"),
            self.tr(
                "<h3>{name} {version}</h3>"
                "<p>One-piece dropshipping assistant for 1688 sellers: sourcing, both sides of "
                "every order, cancellations, after-sales.</p>"
                "<p>Data folder: {folder}<br>Database: {db}</p>"
            ).format(
                name=APP_NAME,
                version=__version__,
                folder=self.data_dir,
                db=path or "-",
            ),
        )

    @Slot()
    def _choose_language(self, code: str) -> None:
        if code == current_language():
            return
        QSettings().setValue(LANG_KEY, code)
        answer = QMessageBox.question(
            self,
            self.tr("Language"),
            self.tr("The new language is used from the next start. Restart now?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.close()
            restart_application()

    def closeEvent(self, event: QCloseEvent) -> None:
        settings = QSettings()
        settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        settings.setValue(STATE_KEY, self.saveState())
        settings.setValue(VIEW_KEY, self.stack.currentIndex())
        super().closeEvent(event)
        self.shutdown()

    def shutdown(self) -> None:
        """Stop background work; call after the event loop ends (or in tests)."""
        if self.risk_backfill is not None:
            self.risk_backfill.stop()
        for view in self.views:
            view.shutdown()
        self.open1688.shutdown()
        self.worker.shutdown()
