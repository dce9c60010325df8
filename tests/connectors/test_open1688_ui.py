"""The 1688 accounts window and the sync action, against the local gateway."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from dropship_desktop.connectors.alibaba1688.credentials import (
    Credentials,
    load_credentials,
    save_credentials,
)
from dropship_desktop.context import AppContext
from dropship_desktop.store.db import db
from dropship_desktop.ui.main_window import MainWindow
from dropship_desktop.ui.network import NetworkWorker
from dropship_desktop.ui.open1688.accounts import AccountsDialog, ConnectDialog
from dropship_desktop.ui.open1688.menu import AUTO_SYNC_KEY
from dropship_desktop.ui.tasks import DbWorker

from .gateway import ACCESS_TOKEN, APP_KEY, APP_SECRET, AUTH_CODE, REFRESH_TOKEN, FakeGateway

NOW = datetime.now(UTC)


def test_connect_an_account_in_the_accounts_window(
    ctx: AppContext,
    qtbot: QtBot,
    qtmodeltester,
    fresh_db: Path,
    gateway: FakeGateway,
    memory_keyring,
) -> None:
    worker = DbWorker(ctx)
    network = NetworkWorker(worker)
    opened: list[str] = []
    try:
        dialog = AccountsDialog(worker, network, open_url=lambda url: opened.append(url) or True)
        qtbot.addWidget(dialog)
        qtbot.waitUntil(lambda: "No distribution account" in dialog.info_label.text())
        connect: ConnectDialog = dialog.connect_account("")
        connect.name_combo.setCurrentText("主账号")
        connect.key_edit.setText(APP_KEY)
        connect.secret_edit.setText(APP_SECRET)
        qtbot.mouseClick(connect.authorize_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: bool(connect.url_edit.text()))
        assert opened == [connect.url_edit.text()] and "client_id=7654321" in opened[0]
        assert connect.secret_edit.text() == ""  # not left in the window
        state = load_credentials(connect.account_id or 0)
        assert state is not None and state.status() == "authorise"
        connect.code_edit.setText(f"http://localhost/?code={AUTH_CODE}&state={state.state}")
        with qtbot.waitSignal(connect.connected, timeout=10_000):
            qtbot.mouseClick(connect.finish_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.table.rowCount() == 1 and "Connected" in (
            dialog.table.item(0, 2).text() if dialog.table.item(0, 2) else ""
        ))  # fmt: skip
        qtmodeltester.check(dialog.table.model())
        assert dialog.table.item(0, 1).text() == "b2b-buyer-1"
        assert db.execute_sql("SELECT connector FROM distribution_account").fetchall() == [
            ("open1688",)
        ]
        # A wrong code is reported plainly and the window stays open.
        again = dialog.connect_account("主账号")
        qtbot.mouseClick(again.authorize_button, Qt.MouseButton.LeftButton)  # keeps the app
        qtbot.waitUntil(lambda: again.code_edit.isEnabled())
        again.code_edit.setText("expired-code")
        qtbot.mouseClick(again.finish_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "used once" in again.status_label.text(), timeout=10_000)
        assert again.isVisible()
        again.close()
        # Remove the connection: the account stays, manual, the keyring entry is gone.
        dialog.table.selectRow(0)
        from dropship_desktop.services.open1688_accounts import remove_connection

        worker.submit(lambda _ctx, account_id: remove_connection(account_id), dialog.rows[0].id)
        qtbot.waitUntil(lambda: not worker.is_busy())
        assert memory_keyring.store == {}
    finally:
        network.shutdown()
        worker.shutdown()


def _connected_account() -> int:
    account_id = int(
        db.execute_sql(
            "INSERT INTO distribution_account (name, member_id, connector, created_at)"
            " VALUES ('采购号', '', 'open1688', 0)"
        ).lastrowid
    )
    save_credentials(
        account_id,
        Credentials(
            APP_KEY,
            APP_SECRET,
            access_token=ACCESS_TOKEN,
            access_expires_at=NOW.timestamp() + 36000,
            refresh_token=REFRESH_TOKEN,
            refresh_expires_at=NOW.timestamp() + 1e7,
        ),
    )
    return account_id


def test_sync_from_the_menu_with_progress_and_timer(
    ctx: AppContext, qtbot: QtBot, fresh_db: Path, gateway: FakeGateway, memory_keyring
) -> None:
    _connected_account()
    for n in range(25):
        gateway.add_order(
            f"33000000000{n:08d}", "waitsellersend", created=NOW - timedelta(hours=n + 1),
            paid=NOW - timedelta(hours=n + 1),
        )  # fmt: skip
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    try:
        menu = window.open1688
        assert menu.menu.title() and menu.menu in [a.menu() for a in window.menuBar().actions()]
        assert not menu.timer.isActive()  # off by default
        menu.sync_action.trigger()
        assert not menu.sync_action.isEnabled()
        qtbot.waitUntil(lambda: menu.state is None, timeout=20_000)
        assert menu.sync_action.isEnabled()
        count = db.execute_sql("SELECT count(*) FROM supplier_order").fetchone()[0]
        assert count == 25
        assert "25 new" in window.statusBar().currentMessage()
        menu.auto_actions[15].trigger()
        assert menu.timer.isActive() and menu.timer.interval() == 15 * 60 * 1000
        assert int(QSettings().value(AUTO_SYNC_KEY)) == 15
        # A timed sync of an account whose authorisation is gone says so, without a dialog.
        gateway.expire_token()
        gateway.state.refresh_tokens.clear()
        menu.start_sync(manual=False)
        qtbot.waitUntil(lambda: menu.state is None, timeout=20_000)
        assert "reconnect" in window.statusBar().currentMessage().lower()
        menu.auto_actions[0].trigger()
        assert not menu.timer.isActive()
    finally:
        window.close()
        window.shutdown()


def test_check_linked_offers_from_the_menu(
    ctx: AppContext, qtbot: QtBot, fresh_db: Path, gateway: FakeGateway, memory_keyring
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from tests.helpers.fulfilment_data import OFFER_1688, paid_order, seed_shops_and_offers

    from .test_open1688_watch import _map

    seed_shops_and_offers()
    _map(OFFER_1688, 1, 0)
    paid_order(qty=5)
    _connected_account()
    gateway.add_product(OFFER_1688, price=15.0, stock=2)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    try:
        menu = window.open1688
        assert not menu.watch_timer.isActive()  # off by default
        menu.watch_action.trigger()
        qtbot.waitUntil(lambda: not menu._watching, timeout=20_000)
        assert len(menu.last_alerts) == 1 and "need 5" in menu.last_alerts[0]
        box = window.findChild(QMessageBox, "offerAlerts")
        assert box is not None and box.isVisible()
        box.close()
        assert db.execute_sql("SELECT stock FROM offer WHERE id = 1").fetchone()[0] == 2
        menu.watch_actions[24].trigger()
        assert menu.watch_timer.interval() == 24 * 3600 * 1000
        menu.watch_actions[0].trigger()
        assert not menu.watch_timer.isActive()
    finally:
        window.close()
        window.shutdown()
