"""The cancel wizard and the shop side (issue 13 §5): what is left to do on the shop, with the
deadline; honest words with the manual connector; only actionable orders on step 2; "select all"
asks first; the wizard fits a 1366×768 screen with a taskbar and opens centred on its parent."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget, QWizard
from pytestqt.qtbot import QtBot

from dropship_desktop.domain.cancel_flow import CancelStep
from dropship_desktop.domain.enums import CancelRequestState
from dropship_desktop.domain.timeutil import now_epoch
from dropship_desktop.services import cancellation as svc
from dropship_desktop.store.db import db
from dropship_desktop.ui.cancel_wizard.step_page import SELECT_ALL_CONFIRM_ABOVE
from dropship_desktop.ui.cancel_wizard.wizard import CancelWizard, fitted_size
from dropship_desktop.ui.formatting import format_datetime
from dropship_desktop.ui.orders import timeline
from dropship_desktop.ui.tasks import DbWorker
from tests.helpers.cancellation_data import one

from . import test_cancel_wizard as base
from .test_cancel_wizard import (
    WizardFactory,
    add_order,
    fake_for,
    fill_reasons,
    idle,
    manual_wizard_at_submit,
    next_button,
    sign_in,
    to_reasons,
)

# The cancel wizard tests' fixtures.
world = base.world
worker = base.worker
make_wizard = base.make_wizard


def test_steps_4_and_6_say_what_is_left_on_the_shop_with_the_deadline(
    qtbot: QtBot, world: dict[str, int], make_wizard: WizardFactory
) -> None:
    sale, so, number = add_order("waitsellersend")
    ship_by = now_epoch() + 5 * 3600
    db.execute_sql("UPDATE sales_order SET ship_by = ? WHERE id = ?", (ship_by, sale))
    shop_no = one("SELECT shop_order_no FROM sales_order WHERE id = ?", sale)
    wizard = make_wizard(fake_for([(number, "waitsellersend")]), [so])
    to_reasons(qtbot, wizard)
    wizard.back()  # step 4
    assert wizard.currentId() == CancelStep.CONFIRM
    todo = wizard.confirm_page.shop_todo
    assert todo.isVisible()
    text = todo.label.text()
    assert "does not cancel the buyer's order on the shop" in text
    assert "refund the buyer" in text and "another source" in text
    assert str(shop_no) in text and format_datetime(ship_by) in text
    next_button(wizard)
    idle(qtbot, wizard)
    fill_reasons(qtbot, wizard)
    next_button(wizard)
    page = wizard.submit_page
    # Step 6 repeats the consequences and the shop side before anything is sent.
    assert "credit rating" in page.consequences_label.text()
    assert "Apply for the refund of 1 paid order:" in page.consequences_label.text()
    assert page.shop_todo.isVisible() and format_datetime(ship_by) in page.shop_todo.label.text()
    wizard.submit_page.submit_button.click()
    qtbot.waitUntil(page.isComplete, timeout=10_000)
    idle(qtbot, wizard)
    done = page.shop_todo.label.text()
    assert done.startswith("Now, on the shop") and str(shop_no) in done
    # The shop order itself is untouched: still paid, still due.
    assert one("SELECT status FROM sales_order WHERE id = ?", sale) == "paid"
    assert one("SELECT ship_by FROM sales_order WHERE id = ?", sale) == ship_by
    # Once the seller refunded the buyer on the shop, the wizard records it.
    button = page.shop_todo.mark_button
    assert button.isVisible() and button.isEnabled()
    button.click()
    idle(qtbot, wizard)
    qtbot.waitUntil(lambda: "Recorded: 1 shop order" in page.shop_todo.label.text(), timeout=5000)
    assert one("SELECT status FROM sales_order WHERE id = ?", sale) == "refunded"
    assert not button.isEnabled()


def test_manual_connector_never_says_sent_before_the_seller_confirmed(
    qtbot: QtBot, world: dict[str, int], worker: DbWorker
) -> None:
    _sale, so, _number = add_order("waitbuyerpay")
    wizard = manual_wizard_at_submit(qtbot, worker, [so])
    page = wizard.submit_page
    page.submit_button.click()
    qtbot.waitUntil(lambda: page.ask_frame.isVisible(), timeout=5000)
    idle(qtbot, wizard)
    shown = [page.status_label.text(), page.intro_label.text()]
    shown += [row.cells[4].text for row in page.model.rows()]
    rid = svc.request_history(so)[0].id
    state = one("SELECT state FROM cancellation_request WHERE id = ?", rid)
    page.done_button.click()  # answer first: an open question would block closing the wizard
    qtbot.waitUntil(page.isComplete, timeout=5000)
    idle(qtbot, wizard)
    assert not [t for t in shown if "Sending" in t or "sent." in t.lower()], shown
    assert "do it on 1688" in shown[0]
    # Recorded as started (not "sent") until the seller answered.
    assert state == "submitted"
    assert "sent" not in timeline._ACTIONS["cancel_submitted"].lower()
    assert "sent" not in CancelRequestState.SUBMITTED.label_en.lower()


def test_step_2_lists_only_orders_that_can_be_cancelled_unless_asked(
    qtbot: QtBot, world: dict[str, int], make_wizard: WizardFactory
) -> None:
    open_sale, _so1, n1 = add_order("waitbuyerpay")
    shipped_sale, _so2, n2 = add_order("waitbuyerreceive", sales_status="shipped")
    done_sale, _so3, n3 = add_order("success", sales_status="completed")
    wizard = make_wizard(
        fake_for([(n1, "waitbuyerpay"), (n2, "waitbuyerreceive"), (n3, "success")])
    )
    sign_in(qtbot, wizard)
    next_button(wizard)
    page = wizard.order_list_page
    assert page.actionable_check.isChecked()
    qtbot.waitUntil(lambda: page.isComplete() and page.model.rowCount() == 1, timeout=5000)
    assert page.model.order_id(0) == open_sale
    page.actionable_check.setChecked(False)
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=5000)
    assert {page.model.order_id(r) for r in range(3)} == {open_sale, shipped_sale, done_sale}


def test_select_all_asks_above_a_few_orders(
    qtbot: QtBot, world: dict[str, int], make_wizard: WizardFactory
) -> None:
    orders = [add_order("waitbuyerpay") for _ in range(SELECT_ALL_CONFIRM_ABOVE + 2)]
    wizard = make_wizard(fake_for([(o[2], "waitbuyerpay") for o in orders]), [orders[0][1]])
    sign_in(qtbot, wizard)
    next_button(wizard)
    qtbot.waitUntil(lambda: wizard.order_list_page.isComplete(), timeout=5000)
    page = wizard.order_list_page
    page.table.selectAll()
    qtbot.waitUntil(lambda: page.isComplete() and len(page._chosen) == len(orders), timeout=5000)
    wizard.flow.set_selection([orders[0][1]])
    page._chosen = []
    next_button(wizard)
    select = wizard.select_page
    assert wizard.flow.selected == [orders[0][1]]
    questions: list[str] = []

    def answer(button: str) -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        questions.append(box.text())
        chosen = next(b for b in box.buttons() if b.text().replace("&", "") == button)
        chosen.click()

    QTimer.singleShot(0, lambda: answer("Cancel"))
    select.all_button.click()
    assert questions == [f"Select {len(orders)} orders to cancel?"]
    assert wizard.flow.selected == [orders[0][1]]  # nothing more was checked
    QTimer.singleShot(0, lambda: answer("Select all"))
    select.all_button.click()
    assert sorted(wizard.flow.selected) == sorted(o[1] for o in orders)


def test_select_all_of_a_few_orders_does_not_ask(
    qtbot: QtBot, world: dict[str, int], make_wizard: WizardFactory
) -> None:
    orders = [add_order("waitbuyerpay") for _ in range(3)]
    wizard = make_wizard(fake_for([(o[2], "waitbuyerpay") for o in orders]), [o[1] for o in orders])
    to_reasons(qtbot, wizard)
    wizard.back()
    wizard.back()
    select = wizard.select_page
    select.clear_selection()
    select.all_button.click()  # would block on a dialog if it asked
    assert sorted(wizard.flow.selected) == sorted(o[1] for o in orders)


@pytest.mark.parametrize(("width", "height"), [(1366, 728), (1280, 680)])
def test_wizard_fits_a_small_screen_with_a_taskbar(
    qtbot: QtBot, world: dict[str, int], make_wizard: WizardFactory, width: int, height: int
) -> None:
    """1366×768 minus a 40 px taskbar; 1920×1080 at 150 % minus its taskbar."""
    size = fitted_size(QRect(0, 0, width, height))
    title_bar = 40  # a Windows title bar at 100–150 %, which the client size excludes
    assert size.width() <= width and size.height() + title_bar <= height
    orders = [add_order(s) for s in ("waitbuyerpay", "waitsellersend")]
    wizard = make_wizard(
        fake_for(
            [(o[2], s) for o, s in zip(orders, ("waitbuyerpay", "waitsellersend"), strict=True)]
        ),
        [o[1] for o in orders],
    )
    wizard.resize(size)
    to_reasons(qtbot, wizard)
    fill_reasons(qtbot, wizard)
    next_button(wizard)
    for step in reversed(CancelStep):
        while wizard.currentId() > step:
            wizard.back()
        idle(qtbot, wizard)
        page = wizard.currentPage()
        # Every page fits the fitted size, so the buttons below it stay on screen.
        assert wizard.minimumSize().height() <= size.height(), step
        assert wizard.minimumSize().width() <= size.width(), step
        assert wizard.size() == size, step
        for button in (QWizard.WizardButton.CancelButton, QWizard.WizardButton.NextButton):
            b = wizard.button(button)
            if b.isVisible():
                bottom = b.mapTo(wizard, b.rect().bottomRight())
                assert wizard.rect().contains(bottom), (step, button)
        assert page.isVisible()


def test_wizard_opens_centred_on_its_parent(
    qtbot: QtBot, world: dict[str, int], worker: DbWorker
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.setGeometry(300, 150, 1300, 800)
    parent.show()
    qtbot.waitExposed(parent)
    wizard = CancelWizard(worker, lambda kind: fake_for([]), [], parent)  # type: ignore[arg-type,return-value]
    wizard.show()
    qtbot.waitExposed(wizard)
    centre = wizard.frameGeometry().center()
    expected = parent.frameGeometry().center()
    assert abs(centre.x() - expected.x()) <= 2 and abs(centre.y() - expected.y()) <= 2
    wizard.close()
