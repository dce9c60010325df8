"""After-sales over the 1688 API, through the local gateway: ask the supplier, follow the
application on 1688, withdraw it — through the services and through the after-sales view."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from dropship_desktop.connectors.alibaba1688 import Open1688Connector
from dropship_desktop.connectors.alibaba1688.credentials import Credentials, save_credentials
from dropship_desktop.context import AppContext
from dropship_desktop.domain.cancel_flow import AccountRef
from dropship_desktop.errors import UserError
from dropship_desktop.services import after_sales as svc
from dropship_desktop.services import after_sales_supplier as supplier_svc
from dropship_desktop.store.db import db
from dropship_desktop.ui.after_sales.view import AfterSalesView
from dropship_desktop.ui.main_window import MainWindow
from tests.helpers.after_sales_data import one, q, seed_orders

from .conftest import make_gateway
from .gateway import ACCESS_TOKEN, APP_KEY, APP_SECRET, REFRESH_TOKEN, FakeGateway

NOW = datetime.now(UTC)


def _api_case(gateway: FakeGateway, kind: str = "return_refund") -> tuple[int, AccountRef, str]:
    """A case on an order bought with a connected 1688 API account; the 1688 order is on the
    gateway, received by the buyer."""
    (order_id,) = seed_orders(1)
    account_id = int(
        db.execute_sql(
            "INSERT INTO distribution_account (name, member_id, connector, created_at)"
            " VALUES ('采购号', 'b2b-buyer-1', 'open1688', 0)"
        ).lastrowid
    )
    save_credentials(
        account_id,
        Credentials(
            APP_KEY, APP_SECRET, access_token=ACCESS_TOKEN,
            access_expires_at=NOW.timestamp() + 36000, refresh_token=REFRESH_TOKEN,
            refresh_expires_at=NOW.timestamp() + 1e7,
        ),
    )  # fmt: skip
    db.execute_sql("UPDATE supplier_order SET account_id = ?", (account_id,))
    order_1688 = str(one("SELECT order_id_1688 FROM supplier_order"))
    gateway.add_order(
        order_1688, "success", created=NOW - timedelta(days=5), paid=NOW - timedelta(days=5),
        total_yuan=40.0,
    )  # fmt: skip
    changes = svc.open_case(order_id, svc.CaseInput(kind=kind, requested_fen=4000, reason="漏水"))
    assert changes.created_id is not None
    return (
        changes.created_id,
        AccountRef(account_id, "采购号", "b2b-buyer-1", "open1688"),
        order_1688,
    )


def _connector(gateway: FakeGateway, account: AccountRef) -> Open1688Connector:
    return Open1688Connector(
        account, gateway=make_gateway(gateway.url, min_interval=0, backoff=0, sleep=lambda s: None)
    )


def _ask(case_id: int, api: Open1688Connector) -> str:
    request = supplier_svc.prepare_supplier_request(case_id, 4000, "20001", "杯盖漏水，买家退货")
    supplier_svc.submit_supplier_request(request, api)
    refund_id = str(one("SELECT supplier_refund_id FROM after_sales_case WHERE id = ?", case_id))
    assert refund_id.startswith("TQ")
    return refund_id


def test_follow_and_withdraw_an_application_through_the_api(
    fresh_db: Path, gateway: FakeGateway, memory_keyring
) -> None:
    case_id, account, _order = _api_case(gateway)
    api = _connector(gateway, account)
    refund_id = _ask(case_id, api)
    # The supplier agrees on 1688 (goods to come back): the next look follows.
    gateway.state.refunds[refund_id]["status"] = "waitbuyersend"
    supplier_svc.check_supplier_refund(case_id, api)
    assert one("SELECT supplier_state FROM after_sales_case") == "agreed"
    assert gateway.calls_of("alibaba.trade.refund.buyer.queryOrderRefundList")
    # Withdrawn on 1688: the application is closed there and the case may ask again.
    supplier_svc.withdraw_supplier_request(case_id, api)
    assert gateway.state.refunds[refund_id]["status"] == "refundclose"
    assert q("SELECT supplier_state, supplier_refund_id FROM after_sales_case") == [("none", "")]
    # A second application, refunded by the supplier on 1688 in one go.
    second = _ask(case_id, api)
    assert second != refund_id
    gateway.state.refunds[second]["status"] = "refundsuccess"
    supplier_svc.check_supplier_refund(case_id, api)
    assert q("SELECT supplier_state, recovered_fen FROM after_sales_case") == [("refunded", 4000)]


def test_an_unreachable_1688_changes_nothing(
    fresh_db: Path, gateway: FakeGateway, memory_keyring
) -> None:
    case_id, account, _order = _api_case(gateway)
    api = _connector(gateway, account)
    _ask(case_id, api)
    before = q("SELECT * FROM after_sales_case")
    gateway.close()  # 1688 cannot be reached
    with pytest.raises(UserError, match="could not be reached"):
        supplier_svc.check_supplier_refund(case_id, api)
    assert q("SELECT * FROM after_sales_case") == before


def _button(view: AfterSalesView, name: str) -> QPushButton | None:
    return view.detail.findChild(QPushButton, name)


@contextmanager
def _case_in_view(qtbot: QtBot, ctx: AppContext) -> Iterator[AfterSalesView]:
    """The app's after-sales view at 1366×768 with the only case selected."""
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    try:
        view = next(v for v in window.views if isinstance(v, AfterSalesView))
        window.nav.setCurrentRow(window.views.index(view))
        qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=10_000)
        view.table.selectRow(0)
        qtbot.waitUntil(lambda: view.detail.detail is not None, timeout=10_000)
        yield view
    finally:
        window.close()
        window.shutdown()


def test_check_and_withdraw_from_the_after_sales_view(
    ctx: AppContext, qtbot: QtBot, fresh_db: Path, gateway: FakeGateway, memory_keyring
) -> None:
    case_id, account, _order = _api_case(gateway, "refund_only")
    refund_id = _ask(case_id, _connector(gateway, account))
    with _case_in_view(qtbot, ctx) as view:
        qtbot.waitUntil(lambda: _button(view, "step_supplier_check") is not None, timeout=5000)
        assert _button(view, "step_supplier_withdraw") is not None
        # The supplier refunded on 1688; checking from the view follows it (network worker).
        gateway.state.refunds[refund_id]["status"] = "refundsuccess"
        qtbot.mouseClick(_button(view, "step_supplier_check"), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(
            lambda: one("SELECT supplier_state FROM after_sales_case") == "refunded", timeout=10_000
        )
        qtbot.waitUntil(
            lambda: (
                view.detail.detail is not None
                and view.detail.detail.case["supplier_state"] == "refunded"
            ),
            timeout=10_000,
        )
        # Finished: neither button is offered any more (the old ones go with the next events).
        qtbot.waitUntil(
            lambda: (
                _button(view, "step_supplier_check") is None
                and _button(view, "step_supplier_withdraw") is None
            ),
            timeout=5000,
        )


def test_withdraw_from_the_view_asks_first(
    ctx: AppContext, qtbot: QtBot, fresh_db: Path, gateway: FakeGateway, memory_keyring
) -> None:
    case_id, account, _order = _api_case(gateway, "refund_only")
    refund_id = _ask(case_id, _connector(gateway, account))
    answers = iter([False, True])

    def answer() -> None:
        for widget in QApplication.topLevelWidgets():
            if widget.objectName() == "withdrawApplication" and widget.isVisible():
                assert isinstance(widget, QMessageBox)
                assert refund_id in widget.text()
                if next(answers):
                    role = QMessageBox.ButtonRole.AcceptRole
                    next(b for b in widget.buttons() if widget.buttonRole(b) == role).click()
                else:
                    widget.reject()
                return
        QTimer.singleShot(20, answer)  # not shown yet

    with _case_in_view(qtbot, ctx) as view:
        qtbot.waitUntil(lambda: _button(view, "step_supplier_withdraw") is not None, timeout=10_000)
        # Cancelled: nothing is sent.
        QTimer.singleShot(0, answer)
        qtbot.mouseClick(_button(view, "step_supplier_withdraw"), Qt.MouseButton.LeftButton)
        assert not gateway.calls_of("alibaba.trade.cancelRefund")
        # Confirmed: withdrawn on 1688, the case is back to "not asked".
        QTimer.singleShot(0, answer)
        qtbot.mouseClick(_button(view, "step_supplier_withdraw"), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(
            lambda: one("SELECT supplier_state FROM after_sales_case") == "none", timeout=10_000
        )
        assert gateway.state.refunds[refund_id]["status"] == "refundclose"


def test_asking_the_supplier_loads_1688s_reasons_off_the_ui_thread(
    ctx: AppContext, qtbot: QtBot, fresh_db: Path, gateway: FakeGateway, memory_keyring, monkeypatch
) -> None:
    _api_case(gateway, "refund_only")
    threads: list[str] = []
    original = Open1688Connector.refund_reasons

    def recording(self: Open1688Connector, *args: object, **kwargs: object) -> object:
        threads.append(threading.current_thread().name)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Open1688Connector, "refund_reasons", recording)
    with _case_in_view(qtbot, ctx) as view:
        view.supplier_step("requested")
        dialog = next(
            w for w in QApplication.topLevelWidgets() if w.objectName() == "supplierStepDialog"
        )
        reason = dialog.reason  # type: ignore[attr-defined]
        assert reason.count() > 0  # the built-in list at once
        qtbot.waitUntil(lambda: reason.findText("缺货") >= 0, timeout=10_000)  # then 1688's
        assert threads and all(name != "MainThread" for name in threads)
        dialog.close()
