"""The cancel wizard walked through its six real pages with a fake 1688 behind it."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWizard
from pytestqt.qtbot import QtBot

from dropship_desktop.connectors.fake import FakeConnector, FakeOrder
from dropship_desktop.connectors.manual import ManualConnector
from dropship_desktop.context import AppContext
from dropship_desktop.domain.cancel_flow import CancelStep, OutcomeKind
from dropship_desktop.domain.enums import CancelReason
from dropship_desktop.domain.timeutil import now_epoch
from dropship_desktop.services import cancellation as svc
from dropship_desktop.store.db import db
from dropship_desktop.ui.cancel_wizard.models import CellTableModel
from dropship_desktop.ui.cancel_wizard.texts import STEP_TITLES
from dropship_desktop.ui.cancel_wizard.wizard import CancelWizard
from dropship_desktop.ui.tasks import DbWorker
from tests.helpers.cancellation_data import HOUR_AGO, NOW, SimulatedCrash, one, q, seed_world


def dump() -> dict[str, list[tuple[object, ...]]]:
    """The content of every table, to compare before and after."""
    tables = [
        str(r[0]) for r in q("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    ]
    return {t: sorted(q(f'SELECT * FROM "{t}"'), key=repr) for t in tables}


@pytest.fixture
def world(fresh_db: Path) -> dict[str, int]:
    """A shop, an account, a product with an offer, and helpers' ids."""
    return seed_world()


_next = {"sale": 0, "supplier": 0}


def add_order(status: str, *, sales_status: str = "paid") -> tuple[int, int, str]:
    """One sales order with one supplier order; returns (sales id, supplier order id, 1688 id)."""
    from dropship_desktop.services.orders import refresh_order_summaries

    now = now_epoch()
    _next["sale"] += 1
    _next["supplier"] += 1
    number = str(1940000000000000000 + _next["supplier"] * 7)
    with db.atomic():
        sale_id = db.execute_sql(
            "INSERT INTO sales_order (shop_id, shop_order_no, status, sale_fen, profit_fen,"
            " product_summary, created_at, paid_at, updated_at)"
            " VALUES (1, ?, ?, 3000, 1500, 'T恤', ?, ?, ?)",
            (f"W{_next['sale']:05d}", sales_status, HOUR_AGO, HOUR_AGO, now),
        ).lastrowid
        so_id = db.execute_sql(
            "INSERT INTO supplier_order (sales_order_id, offer_id, account_id, order_id_1688,"
            " status, product_title, cost_fen, dropship_fee_fen, shipping_fen, paid_fen,"
            " created_at, updated_at) VALUES (?, 1, 1, ?, ?, 'T恤', 1000, 100, 400, ?, ?, ?)",
            (sale_id, number, status, 0 if status == "waitbuyerpay" else 1500, HOUR_AGO, now),
        ).lastrowid
        refresh_order_summaries([sale_id])
    return sale_id, so_id, number


def fake_for(orders: Sequence[tuple[str, str]]) -> FakeConnector:
    return FakeConnector(
        [
            FakeOrder(n, s, NOW - timedelta(hours=1), 1500, 0 if s == "waitbuyerpay" else 1500)
            for n, s in orders
        ]
    )


@pytest.fixture
def worker(ctx: AppContext, qtbot: QtBot) -> Iterator[DbWorker]:
    worker = DbWorker(ctx)
    yield worker
    qtbot.waitUntil(lambda: not worker.is_busy(), timeout=10_000)
    worker.shutdown()


WizardFactory = Callable[..., CancelWizard]


@pytest.fixture
def make_wizard(qtbot: QtBot, worker: DbWorker) -> WizardFactory:
    def make(connector: object, preselected: Sequence[int] = ()) -> CancelWizard:
        wizard = CancelWizard(
            worker,
            lambda kind: connector,  # type: ignore[arg-type,return-value]
            preselected,
            open_url=lambda url: True,
        )
        qtbot.addWidget(wizard)
        wizard.show()
        return wizard

    return make


def idle(qtbot: QtBot, wizard: CancelWizard) -> None:
    qtbot.waitUntil(lambda: not wizard.worker.is_busy(), timeout=10_000)
    qtbot.wait(1)


def next_button(wizard: CancelWizard) -> None:
    button = wizard.button(QWizard.WizardButton.NextButton)
    assert button.isEnabled(), wizard.currentPage().problems_label.text()
    qtbot_click(button)


def qtbot_click(button: object) -> None:
    button.click()  # type: ignore[attr-defined]


def sign_in(qtbot: QtBot, wizard: CancelWizard) -> None:
    page = wizard.sign_in_page
    idle(qtbot, wizard)
    assert wizard.currentId() == CancelStep.SIGN_IN
    assert page.account_combo.count() >= 1
    page.sign_in_button.click()
    idle(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.flow.signed_in, timeout=5000)


def to_reasons(qtbot: QtBot, wizard: CancelWizard) -> None:
    """Steps 1–4 with the pre-selected orders."""
    sign_in(qtbot, wizard)
    next_button(wizard)
    idle(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.order_list_page.isComplete(), timeout=5000)
    assert wizard.flow.step is CancelStep.ORDER_LIST
    next_button(wizard)
    idle(qtbot, wizard)
    assert wizard.currentId() == CancelStep.SELECT
    next_button(wizard)
    assert wizard.currentId() == CancelStep.CONFIRM
    next_button(wizard)
    idle(qtbot, wizard)
    assert wizard.currentId() == CancelStep.REASON


def fill_reasons(qtbot: QtBot, wizard: CancelWizard) -> None:
    page = wizard.reason_page
    qtbot.waitUntil(lambda: not page.busy(), timeout=5000)
    if page.close_box.isVisibleTo(page):
        combo = page.close_editor.combo
        combo.setCurrentIndex(combo.findData(CancelReason.BUYER_CANCEL.value))
        page.close_editor.remark.setText("买家不要了")
    if page.refund_box.isVisibleTo(page):
        combo = page.refund_editor.combo
        combo.setCurrentIndex(combo.findData("default.not_wanted"))
        page.refund_editor.description.setPlainText("买家不要了")


def submit(qtbot: QtBot, wizard: CancelWizard) -> None:
    next_button(wizard)
    assert wizard.currentId() == CancelStep.SUBMIT
    wizard.submit_page.submit_button.click()
    qtbot.waitUntil(wizard.submit_page.isComplete, timeout=10_000)
    idle(qtbot, wizard)


def outcome_texts(wizard: CancelWizard) -> dict[int, str]:
    model = wizard.submit_page.model
    return {row.key: row.cells[4].text for row in model.rows()}


# ---- tests ------------------------------------------------------------------------------------


def test_step_titles_match_the_domain() -> None:
    assert {s: STEP_TITLES[s] for s in CancelStep} == {s: s.title_en for s in CancelStep}


def test_one_unpaid_order_closed(
    qtbot: QtBot, world: dict[str, int], make_wizard: WizardFactory, qtmodeltester: object
) -> None:
    sale, so, number = add_order("waitbuyerpay")
    fake = fake_for([(number, "waitbuyerpay")])
    wizard = make_wizard(fake, [so])
    assert wizard.currentPage().title() == "1. 登录阿里巴巴分销页面"
    to_reasons(qtbot, wizard)
    qtmodeltester.check(wizard.select_page.model)  # type: ignore[attr-defined]
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()  # no reason yet
    fill_reasons(qtbot, wizard)
    submit(qtbot, wizard)
    assert fake.calls_of("close_order") == [("close_order", number, "buyerCancel", "买家不要了")]
    assert wizard.flow.outcomes()[0].kind is OutcomeKind.CLOSED
    assert "Closed" in outcome_texts(wizard)[so]
    assert one("SELECT status FROM supplier_order WHERE id = ?", so) == "cancel"
    assert one("SELECT status FROM sales_order WHERE id = ?", sale) == "paid"  # shop: seller's job
    assert "cancel_closed" in [
        r[0] for r in q("SELECT action FROM audit_event WHERE sales_order_id = ?", sale)
    ]
    # No way back; Finish closes.
    assert not wizard.button(QWizard.WizardButton.BackButton).isVisible()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert not wizard.isVisible()


def test_mixed_batch_gets_the_right_action_per_order(
    qtbot: QtBot, world: dict[str, int], make_wizard: WizardFactory, qtmodeltester: object
) -> None:
    _s1, unpaid, n1 = add_order("waitbuyerpay")
    _s2, paid, n2 = add_order("waitsellersend")
    _s3, shipped, n3 = add_order("waitbuyerreceive", sales_status="shipped")
    _s4, closed, n4 = add_order("cancel", sales_status="cancelled")
    fake = fake_for(
        [(n1, "waitbuyerpay"), (n2, "waitsellersend"), (n3, "waitbuyerreceive"), (n4, "cancel")]
    )
    wizard = make_wizard(fake, [unpaid, paid, shipped, closed])
    to_reasons(qtbot, wizard)
    plans = {row.key: row.cells[1].text for row in wizard.confirm_page.model.rows()}
    assert plans == {
        unpaid: "Close the order",
        paid: "Refund application",
        shipped: "Not sent",
        closed: "Not sent",
    }
    notes = {row.key: row.cells[3].text for row in wizard.confirm_page.model.rows()}
    assert "after-sales" in notes[shipped] and "Already closed" in notes[closed]
    consequences = wizard.confirm_page.consequences_label.text()
    assert "30-day cancellation rate" in consequences and "credit rating" in consequences
    qtmodeltester.check(wizard.confirm_page.model)  # type: ignore[attr-defined]
    fill_reasons(qtbot, wizard)
    submit(qtbot, wizard)
    kinds = {o.supplier_order_id: o.kind for o in wizard.flow.outcomes()}
    assert kinds == {
        unpaid: OutcomeKind.CLOSED,
        paid: OutcomeKind.REFUND_REQUESTED,
        shipped: OutcomeKind.SKIPPED,
        closed: OutcomeKind.SKIPPED,
    }
    texts = outcome_texts(wizard)
    assert "after-sales" in texts[shipped] and "Already closed" in texts[closed]
    assert "waiting for the supplier" in texts[paid]
    assert [c[0] for c in fake.calls if c[0] in ("close_order", "request_refund")] == [
        "close_order",
        "request_refund",
    ]
    assert one("SELECT status FROM supplier_order WHERE id = ?", shipped) == "waitbuyerreceive"
    assert one("SELECT refund_status FROM supplier_order WHERE id = ?", paid) == "waitselleragree"
    qtmodeltester.check(wizard.submit_page.model)  # type: ignore[attr-defined]


def test_connector_failure_on_one_of_three_then_retry(
    qtbot: QtBot, world: dict[str, int], make_wizard: WizardFactory
) -> None:
    orders = [add_order("waitbuyerpay") for _ in range(3)]
    fake = fake_for([(o[2], "waitbuyerpay") for o in orders])
    fake.fail(orders[1][2], "SYSTEM_BUSY", "系统繁忙，请稍后再试", times=1)
    wizard = make_wizard(fake, [o[1] for o in orders])
    to_reasons(qtbot, wizard)
    fill_reasons(qtbot, wizard)
    submit(qtbot, wizard)
    failed_so = orders[1][1]
    kinds = [o.kind for o in wizard.flow.outcomes()]
    assert kinds == [OutcomeKind.CLOSED, OutcomeKind.FAILED, OutcomeKind.CLOSED]
    assert "系统繁忙" in outcome_texts(wizard)[failed_so]
    assert one("SELECT status FROM supplier_order WHERE id = ?", failed_so) == "waitbuyerpay"
    page = wizard.submit_page
    assert page.retry_button.isEnabled()
    page.retry_button.click()
    qtbot.waitUntil(page.isComplete, timeout=10_000)
    idle(qtbot, wizard)
    assert [o.kind for o in wizard.flow.outcomes()] == [OutcomeKind.CLOSED] * 3
    assert not page.retry_button.isEnabled()
    assert one("SELECT status FROM supplier_order WHERE id = ?", failed_so) == "cancel"
    history = svc.request_history(failed_so)
    assert [(r.attempt, r.state.value) for r in history] == [(1, "failed"), (2, "closed")]


@pytest.mark.parametrize("stop_at", list(CancelStep))
def test_cancelling_at_any_step_changes_nothing(
    qtbot: QtBot,
    world: dict[str, int],
    make_wizard: WizardFactory,
    stop_at: CancelStep,
) -> None:
    _s1, unpaid, n1 = add_order("waitbuyerpay")
    _s2, paid, n2 = add_order("waitsellersend")
    fake = fake_for([(n1, "waitbuyerpay"), (n2, "waitsellersend")])
    before = dump()
    wizard = make_wizard(fake, [unpaid, paid])
    idle(qtbot, wizard)
    if stop_at > CancelStep.SIGN_IN:
        to_reasons(qtbot, wizard)
        fill_reasons(qtbot, wizard)
        next_button(wizard)
        assert wizard.currentId() == CancelStep.SUBMIT
        # Back to the step to stop at, then Cancel.
        while wizard.currentId() > stop_at:
            wizard.back()
        assert wizard.flow.step is stop_at
    else:
        sign_in(qtbot, wizard)
    idle(qtbot, wizard)
    wizard.reject()  # Cancel: no question asked before anything was sent
    assert not wizard.isVisible()
    idle(qtbot, wizard)
    assert dump() == before
    assert fake.calls_of("close_order") == [] and fake.calls_of("request_refund") == []


def test_failed_sign_in_says_why_and_stays(
    qtbot: QtBot, world: dict[str, int], make_wizard: WizardFactory
) -> None:
    _s, so, number = add_order("waitbuyerpay")
    fake = fake_for([(number, "waitbuyerpay")])
    fake.sign_in_error = "账号或密码错误"
    wizard = make_wizard(fake, [so])
    idle(qtbot, wizard)
    wizard.sign_in_page.sign_in_button.click()
    idle(qtbot, wizard)
    assert "账号或密码错误" in wizard.sign_in_page.status_label.text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert not wizard.validateCurrentPage()
    assert wizard.currentId() == CancelStep.SIGN_IN


def test_pending_orders_cannot_be_selected_and_list_selection_carries(
    ctx: AppContext, qtbot: QtBot, world: dict[str, int], make_wizard: WizardFactory
) -> None:
    _s1, free, n1 = add_order("waitbuyerpay")
    s2, busy, n2 = add_order("waitbuyerpay")
    item = svc.SubmissionItem(
        busy, n2, s2, svc.CancelAction.CLOSE, "buyerCancel", "买家取消订单", "", 1500
    )
    svc.record_requests(ctx, [item])
    fake = fake_for([(n1, "waitbuyerpay"), (n2, "waitbuyerpay")])
    wizard = make_wizard(fake)
    sign_in(qtbot, wizard)
    next_button(wizard)
    page = wizard.order_list_page
    qtbot.waitUntil(lambda: page.model.rowCount() == 2 and page.isComplete(), timeout=5000)
    # Select the free order's row in the list: its supplier order is selected on step 3.
    row = page.model.row_of(_s1)
    page.table.selectRow(row)
    qtbot.waitUntil(lambda: page.isComplete() and page._chosen == [free], timeout=5000)
    next_button(wizard)
    model: CellTableModel = wizard.select_page.model
    states = {r.key: r.checked for r in model.rows()}
    assert states == {free: True, busy: None}  # the pending one has no check box
    assert not (model.flags(model.index(model.row_of(busy), 0)) & Qt.ItemFlag.ItemIsUserCheckable)
    # Space toggles the current row from the keyboard.
    wizard.select_page.table.selectRow(model.row_of(free))
    qtbot.keyClick(wizard.select_page.table, Qt.Key.Key_Space)
    assert wizard.flow.selected == []
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    qtbot.keyClick(wizard.select_page.table, Qt.Key.Key_Space)
    assert wizard.flow.selected == [free]


def test_manual_connector_asks_the_seller(
    qtbot: QtBot, world: dict[str, int], worker: DbWorker
) -> None:
    db.execute_sql("UPDATE distribution_account SET connector = 'manual'")
    _sale, so, number = add_order("waitbuyerpay")
    opened: list[str] = []
    wizard = CancelWizard(
        worker, preselected_supplier_order_ids=[so], open_url=lambda url: opened.append(url) or True
    )
    qtbot.addWidget(wizard)
    wizard.show()
    idle(qtbot, wizard)
    wizard.sign_in_page.sign_in_button.click()
    assert opened == ["https://login.1688.com/"]
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert wizard.sign_in_page.confirm_button.isVisible()
    wizard.sign_in_page.confirm_button.click()
    assert wizard.flow.signed_in
    next_button(wizard)
    qtbot.waitUntil(lambda: wizard.order_list_page.isComplete(), timeout=5000)
    assert wizard.order_list_page.open_list_button.isVisible()
    for _ in range(3):
        next_button(wizard)
        idle(qtbot, wizard)
    fill_reasons(qtbot, wizard)
    next_button(wizard)
    page = wizard.submit_page
    page.submit_button.click()
    qtbot.waitUntil(lambda: page.ask_frame.isVisible(), timeout=5000)
    assert opened[-1].endswith(f"orderId={number}")
    assert one("SELECT state FROM cancellation_request") == "submitted"
    assert one("SELECT status FROM supplier_order WHERE id = ?", so) == "waitbuyerpay"
    page.done_button.click()
    qtbot.waitUntil(page.isComplete, timeout=5000)
    idle(qtbot, wizard)
    assert one("SELECT status FROM supplier_order WHERE id = ?", so) == "cancel"
    assert isinstance(wizard.connector, ManualConnector)


def too_soon_setup(
    qtbot: QtBot, worker: DbWorker
) -> tuple[CancelWizard, FakeConnector, list[datetime], int, int, str]:
    """An old unpaid order and one created 3 s ago, on a fake 1688 sharing the wizard's clock."""
    _s1, old, n1 = add_order("waitbuyerpay")
    _s2, new, n2 = add_order("waitbuyerpay")
    created = NOW - timedelta(seconds=3)
    db.execute_sql(
        "UPDATE supplier_order SET created_at = ? WHERE id = ?", (int(created.timestamp()), new)
    )
    clock = [NOW]
    fake = FakeConnector(
        [
            FakeOrder(n1, "waitbuyerpay", NOW - timedelta(hours=1), 1500),
            FakeOrder(n2, "waitbuyerpay", created, 1500),
        ],
        clock=lambda: clock[0],
    )
    wizard = CancelWizard(
        worker,
        lambda kind: fake,
        [old, new],
        clock=lambda: clock[0],
        open_url=lambda url: True,
    )
    qtbot.addWidget(wizard)
    wizard.show()
    to_reasons(qtbot, wizard)
    fill_reasons(qtbot, wizard)
    next_button(wizard)
    assert wizard.currentId() == CancelStep.SUBMIT
    return wizard, fake, clock, old, new, n2


def test_too_soon_order_waits_then_is_sent(
    qtbot: QtBot, world: dict[str, int], worker: DbWorker, qtmodeltester: object
) -> None:
    wizard, fake, clock, old, new, n2 = too_soon_setup(qtbot, worker)
    page = wizard.submit_page
    assert "Waiting 7 s" in outcome_texts(wizard)[new]
    page.submit_button.click()
    qtbot.waitUntil(lambda: wizard.flow.outcomes() != [], timeout=5000)
    idle(qtbot, wizard)
    # The old one is closed; the new one is recorded (before any call) and counts down.
    assert [o.supplier_order_id for o in wizard.flow.outcomes()] == [old]
    assert n2 not in [c[1] for c in fake.calls_of("close_order")]
    assert [r.state.value for r in svc.request_history(new)] == ["recorded"]
    assert "Waiting 7 s" in outcome_texts(wizard)[new]
    assert page.wait_timer.isActive() and not page.isComplete() and page.running()
    assert page.unsent_count() == 1
    clock[0] = NOW + timedelta(seconds=5)
    page.check_waiting()
    assert "Waiting 2 s" in outcome_texts(wizard)[new]
    assert n2 not in [c[1] for c in fake.calls_of("close_order")]
    clock[0] = NOW + timedelta(seconds=7)
    page.check_waiting()  # the timer's tick once 10 s have passed since the order's creation
    qtbot.waitUntil(page.isComplete, timeout=5000)
    idle(qtbot, wizard)
    assert not page.wait_timer.isActive()
    assert {o.supplier_order_id: o.kind for o in wizard.flow.outcomes()} == {
        old: OutcomeKind.CLOSED,
        new: OutcomeKind.CLOSED,
    }
    assert [c[1] for c in fake.calls_of("close_order")][-1] == n2  # accepted: no TOO_FAST
    assert one("SELECT status FROM supplier_order WHERE id = ?", new) == "cancel"
    actions = [
        str(r[0])
        for r in q(
            "SELECT action FROM audit_event WHERE entity_id = ? AND entity = 'cancellation_request'"
            " ORDER BY id",
            svc.request_history(new)[0].id,
        )
    ]
    assert actions == ["cancel_recorded", "cancel_submitted", "cancel_closed"]
    qtmodeltester.check(page.model)  # type: ignore[attr-defined]


def test_stopping_while_an_order_waits_records_it_as_not_sent(
    qtbot: QtBot, world: dict[str, int], worker: DbWorker, monkeypatch: pytest.MonkeyPatch
) -> None:
    wizard, fake, _clock, old, new, n2 = too_soon_setup(qtbot, worker)
    page = wizard.submit_page
    page.submit_button.click()
    qtbot.waitUntil(lambda: wizard.flow.outcomes() != [], timeout=5000)
    idle(qtbot, wizard)
    assert page.running()

    def answer(box: QMessageBox) -> int:
        stop = next(
            b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole
        )
        stop.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    wizard.reject()
    qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=5000)
    idle(qtbot, wizard)
    assert not page.wait_timer.isActive()
    (row,) = svc.request_history(new)
    assert (row.state.value, row.error_code) == ("failed", "NOT_SENT")
    assert n2 not in [c[1] for c in fake.calls_of("close_order")]
    assert one("SELECT status FROM supplier_order WHERE id = ?", new) == "waitbuyerpay"
    assert one("SELECT status FROM supplier_order WHERE id = ?", old) == "cancel"


def manual_wizard_at_submit(
    qtbot: QtBot, worker: DbWorker, supplier_order_ids: Sequence[int], **kw: object
) -> CancelWizard:
    """A wizard on a manual account, walked to step 6 (not submitted yet)."""
    db.execute_sql("UPDATE distribution_account SET connector = 'manual'")
    kw.setdefault("open_url", lambda url: True)
    wizard = CancelWizard(worker, preselected_supplier_order_ids=supplier_order_ids, **kw)  # type: ignore[arg-type]
    qtbot.addWidget(wizard)
    wizard.show()
    idle(qtbot, wizard)
    wizard.sign_in_page.sign_in_button.click()
    wizard.sign_in_page.confirm_button.click()
    next_button(wizard)
    qtbot.waitUntil(lambda: wizard.order_list_page.isComplete(), timeout=5000)
    for _ in range(3):
        next_button(wizard)
        idle(qtbot, wizard)
    fill_reasons(qtbot, wizard)
    next_button(wizard)
    assert wizard.currentId() == CancelStep.SUBMIT
    return wizard


def test_manual_retry_records_the_attempt_before_asking(
    qtbot: QtBot, world: dict[str, int], worker: DbWorker, monkeypatch: pytest.MonkeyPatch
) -> None:
    _sale, so, number = add_order("waitbuyerpay")
    opened: list[str] = []
    wizard = manual_wizard_at_submit(qtbot, worker, [so], open_url=lambda u: opened.append(u) or 1)
    page = wizard.submit_page
    page.submit_button.click()
    qtbot.waitUntil(lambda: page.ask_frame.isVisible(), timeout=5000)
    page.answer_edit.setText("页面打不开")
    page.not_done_button.click()
    qtbot.waitUntil(page.isComplete, timeout=5000)
    idle(qtbot, wizard)
    assert [o.kind for o in wizard.flow.outcomes()] == [OutcomeKind.FAILED]
    # What the database holds at the moment the seller's answer reaches the connector.
    seen: list[list[tuple[int, str]]] = []
    confirm = ManualConnector.confirm

    def spy(self: ManualConnector, *args: object, **kwargs: object) -> object:
        seen.append([(r.attempt, r.state.value) for r in svc.request_history(so)])
        return confirm(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(ManualConnector, "confirm", spy)
    opened.clear()
    page.retry_button.click()
    qtbot.waitUntil(lambda: page.ask_frame.isVisible(), timeout=5000)
    idle(qtbot, wizard)
    # Recorded and marked submitted before the page opened and the question was asked.
    assert [(r.attempt, r.state.value) for r in svc.request_history(so)] == [
        (1, "failed"),
        (2, "submitted"),
    ]
    assert opened == [wizard.connector.order_url(number)]  # type: ignore[union-attr]
    page.done_button.click()
    qtbot.waitUntil(page.isComplete, timeout=5000)
    idle(qtbot, wizard)
    assert seen == [[(1, "failed"), (2, "submitted")]]
    assert [(r.attempt, r.state.value) for r in svc.request_history(so)] == [
        (1, "failed"),
        (2, "closed"),
    ]
    assert [o.kind for o in wizard.flow.outcomes()] == [OutcomeKind.CLOSED]
    assert one("SELECT status FROM supplier_order WHERE id = ?", so) == "cancel"


def test_cancel_while_sending_asks_and_stops(
    qtbot: QtBot,
    world: dict[str, int],
    worker: DbWorker,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    orders = [add_order("waitbuyerpay") for _ in range(3)]
    wizard = manual_wizard_at_submit(qtbot, worker, [o[1] for o in orders])
    page = wizard.submit_page
    page.submit_button.click()
    qtbot.waitUntil(lambda: page.ask_frame.isVisible(), timeout=5000)
    page.done_button.click()  # the first is closed
    qtbot.waitUntil(
        lambda: page.ask_frame.isVisible() and page.run.awaiting is not None, timeout=5000
    )
    asked: list[str] = []

    def answer(box: QMessageBox) -> int:
        asked.append(box.text())
        stop = next(
            b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole
        )
        box.setProperty("_clicked", True)
        stop.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    wizard.reject()
    assert asked and "cannot be undone" in asked[0]
    qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=5000)
    idle(qtbot, wizard)
    states = [str(r[0]) for r in q("SELECT state FROM cancellation_request ORDER BY id")]
    # Closed, the open page without an answer (to check), the one never shown (not sent).
    assert states == ["closed", "interrupted", "failed"]
    assert one("SELECT error_code FROM cancellation_request WHERE state = 'failed'") == "NOT_SENT"
    # The open one says why in its own words (no "connection lost", no exception's name).
    message = str(
        one("SELECT platform_response FROM cancellation_request WHERE state = ?", "interrupted")
    )
    assert message == svc.STOPPED_UNCONFIRMED
    texts = outcome_texts(wizard)
    assert "confirmed the result on 1688" in texts[orders[1][1]]
    assert "Stopped before sending" in texts[orders[2][1]]
    assert one("SELECT status FROM supplier_order WHERE id = ?", orders[2][1]) == "waitbuyerpay"


def test_crash_between_recording_and_sending_is_resolved_after_restart(
    ctx: AppContext,
    qtbot: QtBot,
    world: dict[str, int],
    fresh_db: Path,
    make_wizard: WizardFactory,
    qtmodeltester: object,
) -> None:
    from dropship_desktop.domain.orders import OrderFlag
    from dropship_desktop.ui.cancel_wizard.interrupted import InterruptedDialog
    from dropship_desktop.ui.main_window import MainWindow

    from .conftest import wait_idle

    orders = [add_order("waitbuyerpay") for _ in range(3)]
    fake = fake_for([(o[2], "waitbuyerpay") for o in orders])
    fake.raise_on(orders[1][2], SimulatedCrash())  # the app dies while sending the second
    wizard = make_wizard(fake, [o[1] for o in orders])
    to_reasons(qtbot, wizard)
    fill_reasons(qtbot, wizard)
    submit(qtbot, wizard)
    states = [str(r[0]) for r in q("SELECT state FROM cancellation_request ORDER BY id")]
    assert states == ["closed", "submitted", "recorded"]
    wizard.close()

    ctx.session.forget()  # the restart
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    try:
        wait_idle(qtbot, window)
        banner = window.interrupted_banner
        qtbot.waitUntil(lambda: banner.isVisible(), timeout=5000)
        assert banner.count == 2 and "2" in banner.label.text()
        states = [str(r[0]) for r in q("SELECT state FROM cancellation_request ORDER BY id")]
        assert states == ["closed", "interrupted", "interrupted"]
        # Still under way for the order list until the seller says what happened.
        flags = int(one("SELECT flags FROM sales_order WHERE id = ?", orders[1][0]))  # type: ignore[arg-type]
        assert flags & OrderFlag.CANCEL_PENDING
        banner.button.click()
        dialog = window.findChild(InterruptedDialog)
        assert dialog is not None
        qtbot.waitUntil(lambda: dialog.model.rowCount() == 2, timeout=5000)
        qtmodeltester.check(dialog.model)  # type: ignore[attr-defined]
        # The seller checked 1688: the second was closed after all, the third never done.
        dialog.table.selectRow(0)
        assert dialog.done_button.text().replace("&", "") == "Closed on 1688"
        dialog.done_button.click()
        qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=5000)
        dialog.table.selectRow(0)
        dialog.message_edit.setText("页面上还是待付款")
        dialog.not_done_button.click()
        qtbot.waitUntil(lambda: dialog.model.rowCount() == 0, timeout=5000)
        wait_idle(qtbot, window)
        qtbot.waitUntil(lambda: not banner.isVisible(), timeout=5000)
        assert one("SELECT status FROM supplier_order WHERE id = ?", orders[1][1]) == "cancel"
        assert one("SELECT status FROM supplier_order WHERE id = ?", orders[2][1]) == (
            "waitbuyerpay"
        )
        last = svc.request_history(orders[2][1])[-1]
        assert last.state.value == "failed" and last.message == "页面上还是待付款"
        dialog.close()
    finally:
        window.close()


def test_order_list_action_opens_the_wizard_with_the_selection(
    qtbot: QtBot, main_window: object
) -> None:
    from PySide6.QtWidgets import QApplication

    from dropship_desktop.ui.main_window import MainWindow
    from dropship_desktop.ui.orders.view import OrdersView

    from .conftest import wait_idle

    assert isinstance(main_window, MainWindow)
    orders = next(v for v in main_window.views if isinstance(v, OrdersView))
    main_window.nav.setCurrentRow(main_window.views.index(orders))  # the app opens on the dashboard
    wait_idle(qtbot, main_window)
    orders.table.selectRow(0)
    sales_id = orders.selected_order_ids()[0]
    expected = [
        int(r[0]) for r in q("SELECT id FROM supplier_order WHERE sales_order_id = ?", sales_id)
    ]
    orders.cancel_action.trigger()
    qtbot.waitUntil(
        lambda: any(isinstance(w, CancelWizard) for w in QApplication.topLevelWidgets()),
        timeout=5000,
    )
    wizard = next(w for w in QApplication.topLevelWidgets() if isinstance(w, CancelWizard))
    assert list(wizard.flow.preselected) == expected
    wizard.reject()
    wait_idle(qtbot, main_window)
    assert main_window.cancel_orders_action.text().replace("&", "") == "Cancel Orders…"


def tab_to(qtbot: QtBot, target: object, limit: int = 40) -> None:
    """Press Tab until *target* has the focus (what a keyboard-only seller does)."""
    for _ in range(limit):
        if QApplication.focusWidget() is target:
            return
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {target}")


def test_keyboard_only(qtbot: QtBot, world: dict[str, int], make_wizard: WizardFactory) -> None:
    _sale, so, number = add_order("waitbuyerpay")
    fake = fake_for([(number, "waitbuyerpay")])
    wizard = make_wizard(fake, [so])
    wizard.activateWindow()
    qtbot.waitActive(wizard)
    idle(qtbot, wizard)

    def focus() -> object:
        return QApplication.focusWidget()

    tab_to(qtbot, wizard.sign_in_page.sign_in_button)
    qtbot.keyClick(focus(), Qt.Key.Key_Space)
    idle(qtbot, wizard)
    assert wizard.flow.signed_in
    assert focus() is wizard.button(QWizard.WizardButton.NextButton)
    for step in (CancelStep.ORDER_LIST, CancelStep.SELECT, CancelStep.CONFIRM, CancelStep.REASON):
        qtbot.waitUntil(lambda: wizard.currentPage().isComplete(), timeout=5000)
        qtbot.keyClick(focus(), Qt.Key.Key_Return)  # Next is the default button
        qtbot.waitUntil(lambda s=step: wizard.currentId() == s, timeout=5000)
        idle(qtbot, wizard)
    # The close reason has the focus: pick 买家取消订单, Tab to the remark and type it.
    assert focus() is wizard.reason_page.close_editor.combo
    qtbot.keyClick(focus(), Qt.Key.Key_Down)
    qtbot.keyClick(focus(), Qt.Key.Key_Tab)
    assert focus() is wizard.reason_page.close_editor.remark
    qtbot.keyClicks(focus(), "buyer changed mind")
    qtbot.keyClick(focus(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: wizard.currentId() == CancelStep.SUBMIT, timeout=5000)
    assert focus() is wizard.submit_page.submit_button
    qtbot.keyClick(focus(), Qt.Key.Key_Space)
    qtbot.waitUntil(wizard.submit_page.isComplete, timeout=5000)
    idle(qtbot, wizard)
    assert wizard.flow.outcomes()[0].kind is OutcomeKind.CLOSED
    assert fake.calls_of("close_order")[0][2:] == ("buyerCancel", "buyer changed mind")
    assert focus() is wizard.button(QWizard.WizardButton.FinishButton)
    qtbot.keyClick(focus(), Qt.Key.Key_Return)
    assert not wizard.isVisible()


def test_order_list_shows_the_chosen_accounts_orders(
    qtbot: QtBot, world: dict[str, int], make_wizard: WizardFactory
) -> None:
    mine, _so, n1 = add_order("waitbuyerpay")
    _other, other_so, n2 = add_order("waitbuyerpay")
    db.execute_sql(
        "INSERT INTO distribution_account (id, name, connector, created_at)"
        " VALUES (2, '备用账号', 'fake', 0)"
    )
    db.execute_sql("UPDATE supplier_order SET account_id = 2 WHERE id = ?", (other_so,))
    wizard = make_wizard(fake_for([(n1, "waitbuyerpay"), (n2, "waitbuyerpay")]))
    sign_in(qtbot, wizard)
    assert wizard.flow.account is not None and wizard.flow.account.id == 1
    next_button(wizard)
    page = wizard.order_list_page
    qtbot.waitUntil(lambda: page.isComplete() and page.model.rowCount() == 1, timeout=5000)
    assert page.model.order_id(0) == mine
    assert other_so not in wizard.flow.candidates
