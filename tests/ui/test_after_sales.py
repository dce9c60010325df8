"""The after-sales view driven as a seller would: open a case from an order, walk it to its end
for every kind, the supplier side with the manual connector, contacts and replies."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from dropship_desktop.context import AppContext
from dropship_desktop.ui.after_sales.queue_model import QueueModel
from dropship_desktop.ui.after_sales.view import AfterSalesView
from dropship_desktop.ui.main_window import MainWindow
from dropship_desktop.ui.orders.view import OrdersView
from tests.helpers.after_sales_data import one, q, seed_orders

from .conftest import wait_idle

PATHS = {
    "refund_only": ["agreed", "refunded"],
    "return_refund": ["agreed", "goods_returned", "refunded"],
    "exchange": ["agreed", "goods_returned", "exchanged"],
    "reship": ["agreed", "exchanged"],
    "repair": ["agreed", "goods_returned", "exchanged"],
    "support": ["closed"],
}


@pytest.fixture
def window(ctx: AppContext, qtbot: QtBot, fresh_db: Path) -> Iterator[MainWindow]:
    seed_orders(6)
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    wait_idle(qtbot, win)
    yield win
    win.close()
    win.shutdown()


def _dialog(qtbot: QtBot, name: str) -> QDialog:
    found: list[QDialog] = []

    def visible() -> bool:
        found[:] = [
            w for w in QApplication.topLevelWidgets()
            if w.objectName() == name and w.isVisible()
        ]  # fmt: skip
        return bool(found)

    qtbot.waitUntil(visible, timeout=5000)
    return found[-1]


def _ok(qtbot: QtBot, win: MainWindow, dialog: QDialog) -> None:
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    wait_idle(qtbot, win)
    import shiboken6

    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible(), timeout=5000)


def _after_sales(win: MainWindow) -> AfterSalesView:
    return next(v for v in win.views if isinstance(v, AfterSalesView))


def _orders(win: MainWindow) -> OrdersView:
    return next(v for v in win.views if isinstance(v, OrdersView))


def _button(view: AfterSalesView, name: str) -> QPushButton:
    button = view.detail.findChild(QPushButton, name)
    assert button is not None, name
    return button


def _open_case(qtbot: QtBot, win: MainWindow, row: int, kind: str, *, via_pane: bool) -> int:
    orders = _orders(win)
    win.nav.setCurrentRow(win.views.index(orders))
    wait_idle(qtbot, win)
    orders.table.selectRow(row)
    orders.table.setCurrentIndex(orders.model.index(row, 0))
    qtbot.waitUntil(lambda: orders.detail.detail is not None, timeout=5000)
    wait_idle(qtbot, win)
    if via_pane:
        qtbot.mouseClick(orders.detail.after_sales_button, Qt.MouseButton.LeftButton)
    else:
        orders.after_sales_action.trigger()
    dialog = _dialog(qtbot, "openCaseDialog")
    combo = dialog.kind  # type: ignore[attr-defined]
    combo.setCurrentIndex(combo.findData(kind))
    dialog.reason.setText("杯盖漏水")  # type: ignore[attr-defined]
    _ok(qtbot, win, dialog)
    view = _after_sales(win)
    qtbot.waitUntil(lambda: win.current_view() is view, timeout=5000)
    qtbot.waitUntil(lambda: view.detail.detail is not None, timeout=5000)
    wait_idle(qtbot, win)
    return int(view.detail.detail.case["id"])


@pytest.mark.parametrize("kind", list(PATHS))
def test_open_progress_and_close_each_kind(qtbot: QtBot, window: MainWindow, kind: str) -> None:
    case_id = _open_case(qtbot, window, 0, kind, via_pane=kind != "support")
    view = _after_sales(window)
    assert view.detail.case_id() == case_id
    assert one("SELECT kind FROM after_sales_case WHERE id = ?", case_id) == kind
    for step in PATHS[kind]:
        qtbot.mouseClick(_button(view, f"step_buyer_{step}"), Qt.MouseButton.LeftButton)
        dialog = _dialog(qtbot, "buyerStepDialog")
        tracking = dialog.findChild(QLineEdit, "stepTracking")
        if tracking is not None:
            tracking.setText("SF1234567890")
        _ok(qtbot, window, dialog)
        assert one("SELECT buyer_state FROM after_sales_case WHERE id = ?", case_id) == step
        if step != PATHS[kind][-1]:
            qtbot.waitUntil(
                lambda s=step: (
                    view.detail.detail is not None and view.detail.detail.case["buyer_state"] == s
                ),
                timeout=5000,
            )
    assert one("SELECT closed_at IS NOT NULL FROM after_sales_case WHERE id = ?", case_id) == 1
    # Finished: the case left the open queue and shows under "Finished".
    qtbot.waitUntil(lambda: view.model.row_of_id(case_id) == -1, timeout=5000)
    view.state_combo.setCurrentIndex(view.state_combo.findData("closed"))
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: view.model.row_of_id(case_id) == 0, timeout=5000)
    text = "\n".join(
        r[0] for r in q("SELECT action FROM audit_event WHERE entity_id = ? AND"
                        " entity = 'after_sales_case'", case_id)
    )  # fmt: skip
    assert "as_opened" in text and f"as_buyer_{PATHS[kind][-1]}" in text


def test_supplier_side_with_the_manual_connector(qtbot: QtBot, window: MainWindow) -> None:
    case_id = _open_case(qtbot, window, 1, "return_refund", via_pane=True)
    view = _after_sales(window)
    opened: list[str] = []
    import dropship_desktop.ui.after_sales.dialogs as dialogs

    original = dialogs.ManualConnector

    class Recording(original):  # type: ignore[misc, valid-type]
        def __init__(self, open_url: Any = None) -> None:
            super().__init__(open_url=lambda url: opened.append(url) or True)

    dialogs.ManualConnector = Recording  # type: ignore[misc]
    try:
        qtbot.mouseClick(_button(view, "step_supplier_requested"), Qt.MouseButton.LeftButton)
        dialog = _dialog(qtbot, "supplierStepDialog")
        dialog.description.setText("杯盖漏水，买家退货")  # type: ignore[attr-defined]
        # Not confirmed yet: nothing is recorded, the dialog says what to do.
        buttons = dialog.findChild(QDialogButtonBox)
        qtbot.mouseClick(
            buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
        )
        assert dialog.isVisible() and "tick the box" in dialog.error.text()  # type: ignore[attr-defined]
        qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
        assert opened and "orderId=" in opened[0]
        dialog.confirm.setChecked(True)  # type: ignore[attr-defined]
        dialog.refund_id.setText("TQ5550001")  # type: ignore[attr-defined]
        _ok(qtbot, window, dialog)
    finally:
        dialogs.ManualConnector = original  # type: ignore[misc]
    assert q("SELECT supplier_state, supplier_refund_id, supplier_dispute FROM after_sales_case"
             " WHERE id = ?", case_id) == [("requested", "TQ5550001", "returnRefund")]  # fmt: skip
    qtbot.waitUntil(lambda: view.detail.detail.case["supplier_state"] == "requested", timeout=5000)
    qtbot.mouseClick(_button(view, "step_supplier_agreed"), Qt.MouseButton.LeftButton)
    dialog = _dialog(qtbot, "supplierStepDialog")
    dialog.text.setText("浙江义乌 工厂售后部")  # type: ignore[attr-defined]
    _ok(qtbot, window, dialog)
    qtbot.waitUntil(lambda: view.detail.detail.case["supplier_state"] == "agreed", timeout=5000)
    qtbot.mouseClick(_button(view, "step_supplier_refunded"), Qt.MouseButton.LeftButton)
    dialog = _dialog(qtbot, "supplierStepDialog")
    _ok(qtbot, window, dialog)
    assert q(
        "SELECT supplier_state, recovered_fen FROM after_sales_case WHERE id = ?", case_id
    ) == [("refunded", 4000)]


def test_contacts_and_reply_by_keyboard(qtbot: QtBot, window: MainWindow) -> None:
    case_id = _open_case(qtbot, window, 2, "reship", via_pane=True)
    view = _after_sales(window)
    window.activateWindow()
    view.table.setFocus()
    qtbot.waitUntil(view.table.hasFocus, timeout=5000)
    qtbot.keyClick(view.table, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    dialog = _dialog(qtbot, "contactDialog")
    dialog.channel.setCurrentIndex(dialog.channel.findData("phone"))  # type: ignore[attr-defined]
    dialog.note.setPlainText("买家来电：少了杯盖")  # type: ignore[attr-defined]
    _ok(qtbot, window, dialog)
    assert q(
        "SELECT channel, direction, note FROM after_sales_contact WHERE case_id = ?", case_id
    ) == [("phone", "inbound", "买家来电：少了杯盖")]
    qtbot.waitUntil(lambda: view.detail.contacts_model.rowCount() == 1, timeout=5000)
    QGuiApplication.clipboard().clear()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    view.table.setFocus()
    qtbot.waitUntil(view.table.hasFocus, timeout=5000)
    qtbot.keyClick(
        view.table,
        Qt.Key.Key_C,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    copied = QGuiApplication.clipboard().text()
    order_no = one(
        "SELECT o.shop_order_no FROM after_sales_case c JOIN sales_order o"
        " ON o.id = c.sales_order_id WHERE c.id = ?",
        case_id,
    )
    assert f"订单 {order_no} " in copied and "{订单号}" not in copied
    # Ctrl+Return takes the next buyer step.
    qtbot.keyClick(view.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    dialog = _dialog(qtbot, "buyerStepDialog")
    assert dialog.target.value == "agreed"  # type: ignore[attr-defined]
    dialog.reject()


def test_queue_model_and_overdue_first(
    qtbot: QtBot, qtmodeltester: Any, window: MainWindow
) -> None:
    from dropship_desktop.domain.timeutil import now_epoch
    from dropship_desktop.services import after_sales as svc

    now = now_epoch()
    late = svc.open_case(1, svc.CaseInput(kind="refund_only"), now=now - 72 * 3600).created_id
    svc.open_case(2, svc.CaseInput(kind="refund_only"), now=now - 60)
    view = _after_sales(window)
    window.nav.setCurrentRow(window.views.index(view))
    view.refresh()
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: view.model.rowCount() == 2, timeout=5000)
    assert view.model.row_tuple(0)[0] == late
    assert view.model.is_overdue(0) and not view.model.is_overdue(1)
    assert view.model.data(view.model.index(0, 0)).startswith("Overdue")
    assert view.model.data(view.model.index(0, 1), Qt.ItemDataRole.ForegroundRole) is not None
    qtmodeltester.check(view.model)
    view.overdue_check.setChecked(True)
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=5000)
    fetched: list[int] = []
    model = QueueModel(fetched.append)
    model.set_rows(
        [
            (
                i,
                None,
                None,
                "x",
                "s",
                "refund_only",
                "requested",
                "none",
                "",
                0,
                0,
                0,
                0,
                "",
                0,
                "",
                "",
            )
            for i in range(3)
        ],
        5,
        0,
    )
    assert model.canFetchMore()
    qtmodeltester.check(model)  # asks for more rows: one page request, none while it loads
    model.fetchMore()
    assert fetched == [3] and not model.canFetchMore()
    row = model.row_tuple(0)
    assert row is not None
    model.append_rows([(3, *row[1:]), (4, *row[1:])])
    assert model.rowCount() == 5 and not model.canFetchMore()


def test_import_dialog_maps_previews_and_imports(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    from dropship_desktop.ui.after_sales.import_dialog import AfterSalesImportDialog

    path = tmp_path / "douyin.csv"
    path.write_text(
        "售后单号,商品单号,售后类型,售后状态,申请金额\n"
        "A1,240101-000000000000001,仅退款,待商家处理,69.00\n",
        encoding="utf-8-sig",
    )
    dialog = AfterSalesImportDialog(window.worker, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.load(str(path))
    wait_idle(qtbot, window)
    # No order-number column known: the dialog says so and shows the file's columns to map.
    qtbot.waitUntil(lambda: "no order number column" in dialog.summary.toPlainText(), timeout=5000)
    assert not dialog.import_button.isEnabled()
    assert dialog.combos["order_no"].findData("商品单号") > 0
    dialog.combos["order_no"].setCurrentIndex(dialog.combos["order_no"].findData("商品单号"))
    wait_idle(qtbot, window)
    dialog.combos["refund_amount"].setCurrentIndex(
        dialog.combos["refund_amount"].findData("申请金额")
    )
    wait_idle(qtbot, window)
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=5000)
    assert "1 new case" in dialog.summary.toPlainText()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert q("SELECT kind, buyer_state, requested_fen, source FROM after_sales_case") == [
        ("refund_only", "requested", 6900, "import")
    ]


def test_templates_dialog_saves_a_new_template(qtbot: QtBot, window: MainWindow) -> None:
    from dropship_desktop.ui.after_sales.settings_dialogs import TemplatesDialog

    dialog = TemplatesDialog(window.worker, window)
    qtbot.addWidget(dialog)
    dialog.show()
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: dialog.list.count() == 7, timeout=5000)
    qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
    dialog.name.setText("催退货")
    dialog.body.setPlainText("亲，订单 {订单号} 请尽快寄回，运单号填 {运单号}。")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: dialog.list.count() == 8, timeout=5000)
    assert one("SELECT body FROM after_sales_template WHERE name = '催退货'").startswith("亲")


def test_amounts_dialog_records_return_postage_and_defect(qtbot: QtBot, window: MainWindow) -> None:
    case_id = _open_case(qtbot, window, 3, "return_refund", via_pane=True)
    view = _after_sales(window)
    qtbot.mouseClick(view.detail.amounts_button, Qt.MouseButton.LeftButton)
    dialog = _dialog(qtbot, "amountsDialog")
    dialog.edits["extra_cost_fen"].setText("12.50")  # type: ignore[attr-defined]
    dialog.defect.setChecked(True)  # type: ignore[attr-defined]
    _ok(qtbot, window, dialog)
    assert q("SELECT extra_cost_fen, defect FROM after_sales_case WHERE id = ?", case_id) == [
        (1250, 1)
    ]
    assert one("SELECT count(*) FROM audit_event WHERE action = 'as_money'") == 1


def test_a_refund_to_a_blacklisted_buyer_asks_first(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dropship_desktop.services import risk
    from dropship_desktop.ui.after_sales import view as view_module

    case_id = _open_case(qtbot, window, 0, "refund_only", via_pane=True)
    view = _after_sales(window)
    order_id = int(one("SELECT sales_order_id FROM after_sales_case WHERE id = ?", case_id))  # type: ignore[arg-type]
    qtbot.mouseClick(_button(view, "step_buyer_agreed"), Qt.MouseButton.LeftButton)
    _ok(qtbot, window, _dialog(qtbot, "buyerStepDialog"))
    qtbot.waitUntil(
        lambda: (
            view.detail.detail is not None and view.detail.detail.case["buyer_state"] == "agreed"
        ),
        timeout=5000,
    )
    q("UPDATE sales_order SET buyer_name = '李四', buyer_phone = '13912345678' WHERE id = ?",
      order_id)  # fmt: skip
    risk.add_to_blacklist(order_id, ["phone"], "职业仅退款")
    asked: list[tuple[int, tuple[str, ...]]] = []
    answer = [False]

    def confirm(parent: object, order: risk.HighRiskOrder) -> bool:
        asked.append((order.id, order.rules))
        return answer[0]

    monkeypatch.setattr(view_module, "confirm_refund_to_blacklisted", confirm)

    # Refused: no step dialog, nothing recorded.
    qtbot.mouseClick(_button(view, "step_buyer_refunded"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(asked), timeout=5000)
    wait_idle(qtbot, window)
    assert asked[0][0] == order_id and "blacklist" in asked[0][1]
    assert not [
        w
        for w in QApplication.topLevelWidgets()
        if w.objectName() == "buyerStepDialog" and w.isVisible()
    ]
    assert one("SELECT buyer_state FROM after_sales_case WHERE id = ?", case_id) == "agreed"
    assert one("SELECT refunded_fen FROM after_sales_case WHERE id = ?", case_id) == 0

    # Accepted: the refund is recorded as usual.
    answer[0] = True
    qtbot.mouseClick(_button(view, "step_buyer_refunded"), Qt.MouseButton.LeftButton)
    _ok(qtbot, window, _dialog(qtbot, "buyerStepDialog"))
    assert len(asked) == 2
    assert one("SELECT buyer_state FROM after_sales_case WHERE id = ?", case_id) == "refunded"
