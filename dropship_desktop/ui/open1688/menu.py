"""The 1688 menu: the accounts window, "Sync 1688 orders" with progress, and the sync timer.

The main window only creates an :class:`Open1688Menu`. The sync runs on the network worker
(pages written through the DB worker); its progress shows in the status bar, a manual sync's
failure in a message box, a timed sync's only in the status bar (it tries again next time).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QSettings, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox, QProgressBar

from ...domain.cancel_flow import AccountRef
from ...errors import UserError
from ...services.open1688_accounts import KIND, account_statuses
from ..app_setup import show_user_error
from ..formatting import changes_text, user_error_text
from ..network import NetworkWorker
from ..tasks import DbWorker, without_context
from ..widgets.progress import ProgressState
from .jobs import sync_accounts, watch_offers

__all__ = ["AUTO_SYNC_CHOICES", "AUTO_SYNC_KEY", "WATCH_CHOICES", "WATCH_KEY", "Open1688Menu"]

log = logging.getLogger(__name__)

AUTO_SYNC_KEY = "open1688/auto_sync_minutes"
WATCH_KEY = "open1688/watch_hours"
#: Hours between checks of the linked offers (0: off, the default).
WATCH_CHOICES = (0, 6, 24)
#: Minutes between timed syncs the seller can choose (0: off, the default).
AUTO_SYNC_CHOICES = (0, 15, 30, 60, 120)


class Open1688Menu(QObject):
    """Adds the 1688 menu to *window* and runs syncs.

    Args:
        window: The main window (its menu bar and status bar are used).
        worker: The DB worker.
        network: The network worker (made here when not given).
    """

    def __init__(
        self, window: QMainWindow, worker: DbWorker, network: NetworkWorker | None = None
    ) -> None:
        super().__init__(window)
        self.window = window
        self.worker = worker
        self.network = network or NetworkWorker(worker, self)
        self.state: ProgressState | None = None
        self._manual = False
        self.last_alerts: list[str] = []
        self.menu = QMenu(self.tr("&1688"), window)
        self.menu.setObjectName("open1688Menu")
        window.menuBar().insertMenu(self._before(), self.menu)
        self.accounts_action = QAction(self.tr("1688 &Accounts…"), self)
        self.accounts_action.setObjectName("open1688AccountsAction")
        self.accounts_action.triggered.connect(self.show_accounts)
        self.sync_action = QAction(self.tr("&Sync 1688 Orders"), self)
        self.sync_action.setObjectName("open1688SyncAction")
        self.sync_action.triggered.connect(self.sync_now)
        self.stop_action = QAction(self.tr("S&top the Sync"), self)
        self.stop_action.setEnabled(False)
        self.stop_action.triggered.connect(self.stop)
        self.menu.addAction(self.accounts_action)
        self.menu.addSeparator()
        self.menu.addAction(self.sync_action)
        self.menu.addAction(self.stop_action)
        self.auto_menu = self.menu.addMenu(self.tr("Sync Auto&matically"))
        self.auto_group = QActionGroup(self)
        self.auto_actions: dict[int, QAction] = {}
        chosen = self.auto_minutes()
        for minutes in AUTO_SYNC_CHOICES:
            text = (
                self.tr("Off") if minutes == 0 else self.tr("Every {n} minutes").format(n=minutes)
            )
            action = QAction(text, self, checkable=True)
            action.setChecked(minutes == chosen)
            action.triggered.connect(lambda _=False, m=minutes: self.set_auto_minutes(m))
            self.auto_group.addAction(action)
            self.auto_menu.addAction(action)
            self.auto_actions[minutes] = action
        self.menu.addSeparator()
        self.watch_action = QAction(self.tr("&Check Linked Offers Now"), self)
        self.watch_action.setObjectName("open1688WatchAction")
        self.watch_action.triggered.connect(lambda: self.start_watch(manual=True))
        self.menu.addAction(self.watch_action)
        self.watch_menu = self.menu.addMenu(self.tr("Check Offers &Regularly"))
        self.watch_group = QActionGroup(self)
        self.watch_actions: dict[int, QAction] = {}
        hours_chosen = self.watch_hours()
        for hours in WATCH_CHOICES:
            if hours == 0:
                text = self.tr("Off")
            elif hours == 24:
                text = self.tr("Once a day")
            else:
                text = self.tr("Every {n} hours").format(n=hours)
            action = QAction(text, self, checkable=True)
            action.setChecked(hours == hours_chosen)
            action.triggered.connect(lambda _=False, h=hours: self.set_watch_hours(h))
            self.watch_group.addAction(action)
            self.watch_menu.addAction(action)
            self.watch_actions[hours] = action
        self.watch_timer = QTimer(self)
        self.watch_timer.timeout.connect(lambda: self.start_watch(manual=False))
        self._apply_watch(hours_chosen)
        self._watching = False
        self.progress = QProgressBar()
        self.progress.setObjectName("open1688Progress")
        self.progress.setMaximumWidth(160)
        self.progress.setFormat(self.tr("1688 %v/%m"))
        self.progress.hide()
        window.statusBar().addPermanentWidget(self.progress)
        self.poll = QTimer(self)
        self.poll.setInterval(200)
        self.poll.timeout.connect(self._poll)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self._timed)
        self._apply_timer(chosen)

    def _before(self) -> QAction | None:
        """The menu bar action the 1688 menu goes in front of (Settings, else at the end)."""
        actions = self.window.menuBar().actions()
        return actions[-2] if len(actions) >= 2 else None

    # -- the timer -----------------------------------------------------------------------------

    @staticmethod
    def auto_minutes() -> int:
        try:
            value = int(QSettings().value(AUTO_SYNC_KEY, 0))
        except (TypeError, ValueError):
            return 0
        return value if value in AUTO_SYNC_CHOICES else 0

    def set_auto_minutes(self, minutes: int) -> None:
        QSettings().setValue(AUTO_SYNC_KEY, minutes)
        self.auto_actions[minutes].setChecked(True)
        self._apply_timer(minutes)

    def _apply_timer(self, minutes: int) -> None:
        if minutes:
            self.timer.start(minutes * 60 * 1000)
        else:
            self.timer.stop()

    @Slot()
    def _timed(self) -> None:
        if self.state is None:
            self.start_sync(manual=False)

    # -- the sync ------------------------------------------------------------------------------

    @Slot()
    def sync_now(self) -> None:
        self.start_sync(manual=True)

    def start_sync(self, *, manual: bool) -> None:
        if self.state is not None:
            return
        self._manual = manual
        self.state = ProgressState()
        self.sync_action.setEnabled(False)
        self.stop_action.setEnabled(True)
        self.window.statusBar().showMessage(self.tr("Syncing 1688 orders…"))
        self.worker.submit(
            without_context(account_statuses), on_result=self._got_accounts, on_error=self._failed
        )

    def _got_accounts(self, rows: list) -> None:
        accounts = [
            AccountRef(r.id, r.name, r.member_id, r.connector)
            for r in rows
            if r.connector == KIND and r.status == "connected"
        ]
        if not accounts:
            reconnect = [r.name for r in rows if r.connector == KIND and r.status == "reconnect"]
            if reconnect:
                text = self.tr(
                    "The 1688 account “{name}” needs to be reconnected (1688 → 1688 Accounts)."
                ).format(name=reconnect[0])
            else:
                text = self.tr(
                    "No account is connected to the 1688 Open Platform. Connect one in "
                    "1688 → 1688 Accounts, or import 1688 order exports by hand."
                )
            self._done()
            self.window.statusBar().showMessage(text, 10000)
            if self._manual:
                show_user_error(self.window, UserError(text))
            return
        state = self.state
        assert state is not None
        self.progress.setRange(0, 0)
        self.progress.show()
        self.poll.start()
        self.network.submit(
            sync_accounts,
            self.network.run_db,
            accounts,
            state,
            on_result=self._synced,
            on_error=self._failed,
            owner=self,
        )

    @Slot()
    def _poll(self) -> None:
        state = self.state
        if state is not None and state.total:
            self.progress.setRange(0, state.total)
            self.progress.setValue(state.done)

    def _synced(self, result: tuple) -> None:
        changes, _summaries = result
        self._done()
        self.window.statusBar().showMessage(changes_text(changes), 15000)

    def _failed(self, error: BaseException) -> None:
        self._done()
        if not isinstance(error, UserError):
            raise error
        log.info("1688 sync stopped: %s", type(error).__name__)
        self.window.statusBar().showMessage(
            self.tr("1688 sync stopped: {reason}").format(reason=user_error_text(error)), 15000
        )
        if self._manual:
            show_user_error(self.window, error)

    def _done(self) -> None:
        self.state = None
        self.poll.stop()
        self.progress.hide()
        self.sync_action.setEnabled(True)
        self.stop_action.setEnabled(False)

    @Slot()
    def stop(self) -> None:
        if self.state is not None:
            self.state.cancel_requested = True

    # -- watching linked offers ----------------------------------------------------------------

    @staticmethod
    def watch_hours() -> int:
        try:
            value = int(QSettings().value(WATCH_KEY, 0))
        except (TypeError, ValueError):
            return 0
        return value if value in WATCH_CHOICES else 0

    def set_watch_hours(self, hours: int) -> None:
        QSettings().setValue(WATCH_KEY, hours)
        self.watch_actions[hours].setChecked(True)
        self._apply_watch(hours)

    def _apply_watch(self, hours: int) -> None:
        if hours:
            self.watch_timer.start(hours * 3600 * 1000)
        else:
            self.watch_timer.stop()

    def start_watch(self, *, manual: bool) -> None:
        if self._watching:
            return
        self._watching = True
        self.watch_action.setEnabled(False)
        self.window.statusBar().showMessage(self.tr("Checking the linked 1688 offers…"))

        def got(rows: list) -> None:
            accounts = [
                AccountRef(r.id, r.name, r.member_id, r.connector)
                for r in rows
                if r.connector == KIND and r.status == "connected"
            ]
            if not accounts:
                self._watch_failed(
                    UserError(
                        self.tr(
                            "No account is connected to the 1688 Open Platform. Connect one in "
                            "1688 → 1688 Accounts, or import 1688 order exports by hand."
                        )
                    ),
                    manual,
                )
                return
            self.network.submit(
                watch_offers,
                self.network.run_db,
                accounts[0],
                ProgressState(),
                on_result=self._watched,
                on_error=lambda e: self._watch_failed(e, manual),
                owner=self,
            )

        self.worker.submit(
            without_context(account_statuses), on_result=got, on_error=lambda e: self._watch_failed(e, manual),
            owner=self,
        )  # fmt: skip

    def _watched(self, changes: object) -> None:
        from ...services.offer_watch import alert_text
        from ..formatting import translated

        self._watching = False
        self.watch_action.setEnabled(True)
        self.window.statusBar().showMessage(changes_text(changes), 15000)
        alerts = getattr(changes, "alerts", ())
        self.last_alerts = [translated(alert_text(a)) for a in alerts]
        if alerts:
            box = QMessageBox(self.window)
            box.setObjectName("offerAlerts")
            box.setIcon(QMessageBox.Icon.Warning)
            box.setWindowTitle(self.tr("Linked 1688 Offers"))
            box.setText(self.tr("{n} linked offer(s) need attention:").format(n=len(alerts)))
            box.setInformativeText("\n".join(self.last_alerts[:10]))
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()

    def _watch_failed(self, error: BaseException, manual: bool) -> None:
        self._watching = False
        self.watch_action.setEnabled(True)
        if not isinstance(error, UserError):
            raise error
        self.window.statusBar().showMessage(
            self.tr("The offer check stopped: {reason}").format(reason=user_error_text(error)),
            15000,
        )
        if manual:
            show_user_error(self.window, error)

    # -- the accounts window -------------------------------------------------------------------

    @Slot()
    def show_accounts(self) -> None:
        from .accounts import AccountsDialog

        dialog = AccountsDialog(self.worker, self.network, self.window)
        dialog.exec()

    def shutdown(self) -> None:
        self.timer.stop()
        self.watch_timer.stop()
        self.poll.stop()
        if self.state is not None:
            self.state.cancel_requested = True
        self.network.shutdown()
