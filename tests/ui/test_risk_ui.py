"""Fraud checks in the windows: blacklisting from an order, 风险订单, warnings, the blacklist."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QGuiApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from dropship_desktop.store.db import db
from dropship_desktop.ui.main_window import MainWindow
from dropship_desktop.ui.models.order_list import COLUMNS
from dropship_desktop.ui.orders import risk as risk_ui
from dropship_desktop.ui.orders.filters import QUICK_RISKY
from dropship_desktop.ui.orders.view import OrdersView

from .conftest import wait_idle

RISK_COLUMN = [c.key for c in COLUMNS].index("risk")


def _orders(window: MainWindow) -> OrdersView:
    view = next(v for v in window.views if isinstance(v, OrdersView))
    window.nav.setCurrentRow(window.views.index(view))
    return view


def _select(qtbot: QtBot, window: MainWindow, view: OrdersView, order_id: int) -> None:
    qtbot.waitUntil(lambda: view.model.row_of(order_id) >= 0)
    view.table.selectRow(view.model.row_of(order_id))
    qtbot.waitUntil(lambda: view.detail.order_id() == order_id)
    wait_idle(qtbot, window)


def test_blacklisting_a_buyer_from_an_order(
    qtbot: QtBot, main_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = _orders(main_window)
    order_id, phone = db.execute_sql(
        "SELECT id, buyer_phone FROM sales_order WHERE risk_level = 0 ORDER BY created_at DESC"
        " LIMIT 1"
    ).fetchone()
    _select(qtbot, main_window, view, order_id)
    assert view.detail.blacklist_button.isVisible()
    assert not view.detail.risk_checked_button.isVisible()

    shown: list[risk_ui.BlacklistOrderDialog] = []

    def accept(dialog: risk_ui.BlacklistOrderDialog) -> int:
        shown.append(dialog)
        # The dialog offers the masked phone, checked by default.
        assert dialog.boxes["phone"].isChecked()
        assert phone not in dialog.boxes["phone"].text()
        dialog.reason.setText("仅退款 twice")
        return int(risk_ui.QDialog.DialogCode.Accepted)

    monkeypatch.setattr(risk_ui.BlacklistOrderDialog, "exec", accept)
    view.detail.blacklist_button.click()
    wait_idle(qtbot, main_window)
    assert shown
    level, rules = db.execute_sql(
        "SELECT risk_level, risk_rules FROM sales_order WHERE id = ?", (order_id,)
    ).fetchone()
    assert (level, rules) == (2, "blacklist=phone")
    qtbot.waitUntil(lambda: "On the blacklist" in view.detail.browser.toPlainText())
    row = view.model.row_of(order_id)
    assert view.model.index(row, RISK_COLUMN).data() == "High"
    # "Checked, fine": recorded, and the list says so.
    qtbot.waitUntil(view.detail.risk_checked_button.isVisible)
    view.detail.risk_checked_button.click()
    wait_idle(qtbot, main_window)
    qtbot.waitUntil(lambda: view.model.index(row, RISK_COLUMN).data() == "High (checked)")
    actions = [
        r[0]
        for r in db.execute_sql(
            "SELECT action FROM audit_event WHERE sales_order_id = ? ORDER BY id", (order_id,)
        )
    ]
    assert actions[-2:] == ["blacklist_add", "risk_checked"]
    entry = db.execute_sql("SELECT hint, reason FROM blacklist_entry ORDER BY id DESC").fetchone()
    assert entry[1] == "仅退款 twice" and "****" in entry[0]


def test_risky_orders_quick_view(
    qtbot: QtBot, main_window: MainWindow, qtmodeltester: ModelTester
) -> None:
    view = _orders(main_window)
    combo = view.filters.quick_combo
    combo.setCurrentIndex(combo.findData(QUICK_RISKY))
    wait_idle(qtbot, main_window)
    qtbot.waitUntil(view.is_complete)
    expected = db.execute_sql("SELECT count(*) FROM sales_order WHERE risk_level > 0").fetchone()[0]
    assert expected >= 20  # the demo's risky buyers
    assert view.model.rowCount() == expected
    levels = {view.model.index(r, RISK_COLUMN).data() for r in range(view.model.rowCount())}
    assert levels <= {"High", "Watch", "Watch (checked)", "High (checked)"}
    assert {"High", "Watch"} <= levels
    qtmodeltester.check(view.model)


def test_cancel_wizard_warns_before_high_risk_orders(
    qtbot: QtBot, main_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = _orders(main_window)
    order_id = db.execute_sql(
        "SELECT id FROM sales_order WHERE risk_level = 2 AND risk_rules != risk_checked"
        " ORDER BY created_at DESC LIMIT 1"
    ).fetchone()[0]
    _select(qtbot, main_window, view, order_id)
    warned: list[Any] = []

    def stop(parent: Any, orders: Any, action: str) -> bool:
        warned.append([o.id for o in orders])
        return False

    monkeypatch.setattr(risk_ui, "confirm_high_risk", stop)
    view.cancel_selected()
    wait_idle(qtbot, main_window)
    qtbot.waitUntil(lambda: bool(warned))
    assert warned == [[order_id]]
    from dropship_desktop.ui.cancel_wizard.wizard import CancelWizard

    assert not [w for w in main_window.findChildren(CancelWizard) if w.isVisible()]


def test_blacklist_dialog_lists_and_exports(
    qtbot: QtBot, main_window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    dialog = risk_ui.BlacklistDialog(main_window.worker, main_window)
    qtbot.addWidget(dialog)
    wait_idle(qtbot, main_window)
    qtbot.waitUntil(lambda: dialog.table.rowCount() >= 1)
    assert "****" in dialog.table.item(0, 1).text()
    target = tmp_path / "shared.csv"
    monkeypatch.setattr(risk_ui.QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    shown: list[str] = []
    monkeypatch.setattr(risk_ui.QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    dialog.export_button.click()
    wait_idle(qtbot, main_window)
    qtbot.waitUntil(target.exists, timeout=20_000)
    assert target.read_text(encoding="utf-8-sig").startswith("kind,digest,hint,reason")
    # The share code is shown once, never written into the file.
    qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
    code = shown[0].split("Share code: ")[1].split()[0]
    assert len(code) == 23 and code not in target.read_text(encoding="utf-8-sig")
    assert QGuiApplication.clipboard().text() == code  # ready to paste into a message
    # Importing it back asks for the code.
    monkeypatch.setattr(risk_ui.QFileDialog, "getOpenFileName", lambda *a, **k: (str(target), ""))
    asked: list[str] = []
    monkeypatch.setattr(
        risk_ui.QInputDialog, "getText", lambda *a, **k: asked.append(a[2]) or (code, True)
    )
    failed: list[str] = []
    monkeypatch.setattr(risk_ui.QMessageBox, "warning", lambda *a, **k: failed.append(a[2]))
    dialog.import_button.click()
    wait_idle(qtbot, main_window)
    assert len(asked) == 1 and "share code" in asked[0]
    # The file opened with the code and was imported (its entries are this database's own).
    qtbot.waitUntil(
        lambda: (
            db.execute_sql(
                "SELECT count(*) FROM audit_event WHERE action = 'blacklist_import'"
            ).fetchone()[0]
            == 1
        ),
        timeout=20_000,
    )
    assert failed == []
