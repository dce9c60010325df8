"""One instance per data folder, bringing the window forward, automatic backups, the dialogs."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from dropship_desktop.context import AppContext
from dropship_desktop.errors import DatabaseLockedError
from dropship_desktop.instance import InstanceLock, server_name
from dropship_desktop.services.base import Changes
from dropship_desktop.store import backup as bk
from dropship_desktop.store import backup_list as bl
from dropship_desktop.store.db import close_database, open_database
from dropship_desktop.store.tables import SalesOrder
from dropship_desktop.ui.auto_backup import AutoBackup
from dropship_desktop.ui.dialogs.backups import BackupsDialog
from dropship_desktop.ui.dialogs.privacy import PURGE_DAYS_KEY, PrivacyDialog, purge_days_setting
from dropship_desktop.ui.main_window import MainWindow
from dropship_desktop.ui.single_instance import ActivationServer, request_activation
from tests.ui.conftest import wait_idle


def test_lock_is_exclusive_and_released(tmp_path: Path) -> None:
    with InstanceLock(tmp_path) as first:
        assert first.held
        with pytest.raises(DatabaseLockedError, match="already open") as info:
            InstanceLock(tmp_path).acquire()
        assert str(os.getpid()) in str(info.value)
    with InstanceLock(tmp_path):
        pass


def test_lock_of_a_killed_process_is_cleared(tmp_path: Path) -> None:
    code = (
        "import sys, time\n"
        "from dropship_desktop.instance import InstanceLock\n"
        f"lock = InstanceLock({str(tmp_path)!r})\n"
        "lock.acquire()\n"
        "print('locked', flush=True)\n"
        "time.sleep(60)\n"
    )
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None and child.stdout.readline().strip() == "locked"
    with pytest.raises(DatabaseLockedError):
        InstanceLock(tmp_path).acquire()
    child.send_signal(signal.SIGKILL)
    child.communicate(timeout=10)
    assert (tmp_path / "dropship.lock").exists()  # left behind, but nobody holds it
    with InstanceLock(tmp_path):
        pass


def test_second_launch_brings_the_first_forward(qtbot: QtBot, tmp_path: Path) -> None:
    name = server_name(tmp_path)
    assert name != server_name(tmp_path / "other")
    assert not request_activation(name, timeout_ms=200)
    server = ActivationServer(name)
    try:
        assert server.is_listening()
        with qtbot.waitSignal(server.activated, timeout=5000):
            assert request_activation(name)
    finally:
        server.close()


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_window_bring_forward_and_read_only_title(
    ctx: AppContext, qtbot: QtBot, main_window: MainWindow, demo_db: Path
) -> None:
    main_window.showMinimized()
    main_window.bring_forward()
    assert not main_window.isMinimized()
    assert "already open" in main_window.statusBar().currentMessage()
    main_window.shutdown()
    close_database()
    open_database(demo_db, read_only=True)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    try:
        assert "READ-ONLY" in window.windowTitle()
        window.start_auto_backup()
        assert window.auto_backup is None  # nothing to back up from a read-only session
    finally:
        window.shutdown()
        close_database()
        open_database(demo_db)


def test_auto_backup_at_start_and_after_changes(
    qtbot: QtBot, main_window: MainWindow, demo_db: Path
) -> None:
    folder = bk.backup_dir(demo_db.parent)
    auto = AutoBackup(main_window.worker, demo_db, folder, main_window, delay_ms=50)
    with qtbot.waitSignal(auto.succeeded, timeout=10_000) as first:
        auto.start()
    assert first.args[0].order_count == 600
    # Not due again at the next start within the day.
    auto.start()
    wait_idle(qtbot, main_window)
    assert len(bl.list_backups(folder)) == 1
    with qtbot.waitSignal(auto.succeeded, timeout=10_000):
        main_window.worker.changed.emit(Changes.of("sales_order"))
    assert len(bl.list_backups(folder)) == 2


def test_failed_backup_is_reported(
    qtbot: QtBot, main_window: MainWindow, demo_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        "dropship_desktop.ui.app_setup.show_user_error", lambda parent, exc: shown.append(str(exc))
    )

    def broken(*args: object, **kwargs: object) -> None:
        raise bk.BackupError("The backup failed: the disk is full.")

    monkeypatch.setattr(bk, "create_backup", broken)
    main_window.start_auto_backup()
    assert main_window.auto_backup is not None
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert "disk is full" in shown[0]
    assert "backup failed" in main_window.statusBar().currentMessage()
    assert not list(bk.backup_dir(demo_db.parent).glob("*.db"))


def test_backups_dialog_backs_up_and_restores(
    qtbot: QtBot, qtmodeltester: object, main_window: MainWindow, demo_db: Path
) -> None:
    dialog = BackupsDialog(main_window.worker, demo_db, demo_db.parent, main_window)
    qtbot.addWidget(dialog)
    dialog.show()
    wait_idle(qtbot, main_window)
    assert dialog.model.rowCount() == 0
    dialog.back_up_now()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=10_000)
    qtmodeltester.check(dialog.model)  # type: ignore[attr-defined]
    assert dialog.model.index(0, 3).data() == "600"
    dialog.table.selectRow(0)
    assert dialog.restore_button.isEnabled()

    SalesOrder.delete().where(SalesOrder.id <= 50).execute()
    with qtbot.waitSignal(main_window.worker.changed, timeout=10_000) as changed:
        dialog.restore(dialog.selected_backup().path, "test", confirm=False)  # type: ignore[union-attr]
    assert changed.args[0].touches("sales_order", "supplier")
    wait_idle(qtbot, main_window)
    assert SalesOrder.select().count() == 600
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2, timeout=10_000)
    kinds = {dialog.model.index(r, 1).data() for r in range(2)}
    assert kinds == {"Manual", "Before a restore"}
    dialog.grab().save(str(demo_db.parent / "backups-dialog.png"))


def test_restoring_a_file_that_is_not_a_backup_says_so_before_asking(
    qtbot: QtBot,
    main_window: MainWindow,
    demo_db: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dialog = BackupsDialog(main_window.worker, demo_db, demo_db.parent, main_window)
    qtbot.addWidget(dialog)
    dialog.show()
    wait_idle(qtbot, main_window)
    asked: list[str] = []
    shown: list[str] = []
    monkeypatch.setattr(dialog, "confirm_restore", lambda label: asked.append(label) or True)
    monkeypatch.setattr(
        "dropship_desktop.ui.dialogs.backups.show_user_error",
        lambda _parent, error: shown.append(str(error)),
    )
    not_ours = tmp_path / "订单汇总.db"
    not_ours.write_bytes(b"this is a spreadsheet, not a database" * 100)
    before = not_ours.read_bytes()
    dialog.restore(not_ours, not_ours.name)
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert asked == []  # never asked to replace the data with it
    assert SalesOrder.select().count() == 600 and not_ours.read_bytes() == before
    # A real backup is checked, then the seller is asked.
    dialog.back_up_now()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=10_000)
    monkeypatch.setattr(dialog, "confirm_restore", lambda label: asked.append(label) or False)
    dialog.table.selectRow(0)
    dialog.restore(dialog.selected_backup().path, "mine")  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: asked == ["mine"], timeout=10_000)


def test_privacy_dialog_saves_and_deletes(
    qtbot: QtBot, main_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = PrivacyDialog(main_window.worker, main_window)
    qtbot.addWidget(dialog)
    assert purge_days_setting() == 0 and not dialog.enabled.isChecked()
    dialog.enabled.setChecked(True)
    dialog.days.setValue(30)
    dialog.save()
    assert purge_days_setting() == 30
    from PySide6.QtCore import QSettings

    assert QSettings().value(PURGE_DAYS_KEY, type=int) == 30
    monkeypatch.setattr(dialog, "confirm_delete", lambda days: True)
    with qtbot.waitSignal(main_window.worker.changed, timeout=10_000):
        dialog.delete_now()
    assert "deleted" in dialog.status.text()
    assert SalesOrder.select().where(SalesOrder.buyer_data_removed == 1).count() > 0
