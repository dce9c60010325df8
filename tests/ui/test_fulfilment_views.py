"""The fulfilment views driven as a seller would: queue → copy → ordered → number; ship files."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from dropship_desktop.connectors.fake import FakeConnector
from dropship_desktop.context import AppContext
from dropship_desktop.domain.fulfilment import AttemptState
from dropship_desktop.ui.fulfilment.mapping_view import MappingDialog, MappingView
from dropship_desktop.ui.fulfilment.purchase_view import PurchaseQueueView
from dropship_desktop.ui.fulfilment.shipping_view import ShippingView
from dropship_desktop.ui.tasks import DbWorker
from dropship_desktop.ui.view_base import View
from tests.helpers.fulfilment_data import (
    OFFER_1688,
    one,
    paid_order,
    q,
    seed_shops_and_offers,
    supplier_order,
)


def _idle(qtbot: QtBot, view: View) -> None:
    for _ in range(3):
        qtbot.waitUntil(lambda: not view.worker.is_busy(), timeout=10_000)
        qtbot.wait(10)


@pytest.fixture
def make_view(
    qtbot: QtBot, fresh_db: Path, ctx: AppContext
) -> Iterator[Callable[[type[View]], View]]:
    seed_shops_and_offers()
    created: list[View] = []

    def make(cls: type[View]) -> View:
        worker = DbWorker(ctx)
        view = cls(worker)
        worker.changed.connect(view.on_changed)
        qtbot.addWidget(view)
        view.resize(1366, 700)
        view.show()
        view.activate()
        _idle(qtbot, view)
        created.append(view)
        return view

    yield make
    for view in created:
        view.worker.shutdown()


def test_purchase_queue_manual_flow(
    qtbot: QtBot, make_view: Callable[[type[View]], View], qtmodeltester: object
) -> None:
    later = paid_order(ship_in_hours=40)
    urgent = paid_order(ship_in_hours=-1)
    view = make_view(PurchaseQueueView)
    assert isinstance(view, PurchaseQueueView)
    qtmodeltester.check(view.model)  # type: ignore[attr-defined]
    qtmodeltester.check(view.lines)  # type: ignore[attr-defined]
    assert [r.sales_order_id for r in view.model.rows()] == [urgent, later]
    assert view.count_label.text() == "2 orders waiting to be ordered"
    opened: list[str] = []
    view.open_url = lambda url: opened.append(url) or True
    view.select_order(urgent)
    assert view.copy_button.isEnabled() and not view.ordered_button.isEnabled()
    view.copy_button.click()
    _idle(qtbot, view)
    assert QApplication.clipboard().text().startswith("收货人：张伟\n手机号码：13812345678")
    assert opened == [f"https://detail.1688.com/offer/{OFFER_1688}.html"]
    row = view.selected_row()
    assert row is not None and row.attempt is not None
    assert row.attempt.state is AttemptState.RECORDED
    assert not view.copy_button.isEnabled()
    view.ordered_button.click()
    _idle(qtbot, view)
    assert view.selected_row().attempt.state is AttemptState.NUMBER_PENDING  # type: ignore[union-attr]
    view.link_number("junk")
    _idle(qtbot, view)
    assert "No 1688 order number" in view.message_bar.text()
    view.link_number("4012345678901234567")
    _idle(qtbot, view)
    assert [r.sales_order_id for r in view.model.rows()] == [later]
    assert one("SELECT sales_order_id FROM supplier_order") == urgent
    assert "linked" in view.message_bar.text()


def test_purchase_queue_api_path_and_order_again(
    qtbot: QtBot, make_view: Callable[[type[View]], View]
) -> None:
    order = paid_order()
    view = make_view(PurchaseQueueView)
    assert isinstance(view, PurchaseQueueView)
    fake = FakeConnector()
    fake.add_offer(OFFER_1688, price_fen=1500, stock=3)
    view.api_connector = lambda: (fake, 1)
    view.select_order(order)
    view.api_button.click()
    _idle(qtbot, view)
    assert view.model.rowCount() == 0
    assert "placed and linked" in view.message_bar.text()
    view.show_ordered.setChecked(True)
    _idle(qtbot, view)
    view.select_order(order)
    assert view.again_button.isEnabled() and not view.copy_button.isEnabled()


def test_purchase_list_from_the_view(
    qtbot: QtBot, make_view: Callable[[type[View]], View], tmp_path: Path
) -> None:
    paid_order()
    view = make_view(PurchaseQueueView)
    assert isinstance(view, PurchaseQueueView)
    path = tmp_path / "list.xlsx"
    view.write_purchase_list(str(path))
    _idle(qtbot, view)
    assert load_workbook(path).active.max_row == 2
    assert "1 line written" in view.message_bar.text()


def test_shipping_view_exports_and_alerts(
    qtbot: QtBot, make_view: Callable[[type[View]], View], tmp_path: Path, qtmodeltester: object
) -> None:
    overdue = paid_order(ship_in_hours=-5)
    so = supplier_order(overdue, "4100", carrier="圆通快递", tracking="YT9876543210")
    paid_order(shop=2, ship_in_hours=5)
    view = make_view(ShippingView)
    assert isinstance(view, ShippingView)
    qtmodeltester.check(view.model)  # type: ignore[attr-defined]
    assert view.model.rowCount() == 1
    red = view.model.index(0, 0).data(9)  # ForegroundRole
    assert red is not None and red.color().name() == "#c62828"
    target = tmp_path / "ship.xlsx"
    view.ask_path = lambda _s: str(target)
    view.export_button.click()
    _idle(qtbot, view)
    cells = [[c.value for c in r] for r in load_workbook(target).active.iter_rows()]
    assert cells[1][1:] == ["圆通速递", "YT9876543210"]
    assert view.model.rowCount() == 0  # sent rows hidden
    q("UPDATE supplier_order SET tracking_no = 'YT0000000001' WHERE id = ?", so)
    view.refresh()
    _idle(qtbot, view)
    assert view.alert.isVisible() and "1 order was sent" in view.alert.text()


def test_mapping_view_confirm_reorder_import(
    qtbot: QtBot, make_view: Callable[[type[View]], View], tmp_path: Path, qtmodeltester: object
) -> None:
    from dropship_desktop.services import mapping as mp
    from dropship_desktop.services.orders import link_supplier_order

    for _ in range(2):
        paid_order(code="MUG-1", title="马克杯", spec="")
    first = paid_order()
    link_supplier_order(supplier_order(None, "4200"), first)
    paid_order()
    view = make_view(MappingView)
    assert isinstance(view, MappingView)
    qtmodeltester.check(view.listings)  # type: ignore[attr-defined]
    states = [(r.title, r.state, r.waiting_orders) for r in view.listings.rows()]
    assert states == [("马克杯", "unmapped", 2), ("纯棉T恤 白色", "proposed", 1)]
    view.listing_table.selectRow(1)
    _idle(qtbot, view)
    qtmodeltester.check(view.targets)  # type: ignore[attr-defined]
    assert view.confirm_button.isEnabled()
    view.confirm_button.click()
    _idle(qtbot, view)
    assert one("SELECT state FROM sku_mapping") == "confirmed"
    path = tmp_path / "map.csv"
    view.ask_save = lambda: str(path)
    view.export_file()
    _idle(qtbot, view)
    text = path.read_text(encoding="utf-8-sig")
    text = text.replace("已确认", "待确认")
    path.write_text(text, encoding="utf-8-sig")
    view.ask_open = lambda: str(path)
    view.import_file()
    _idle(qtbot, view)
    assert one("SELECT state FROM sku_mapping") == "proposed"
    assert mp.listing_rows()[1].state == "proposed"


def test_mapping_dialog_values(qtbot: QtBot, fresh_db: Path) -> None:
    dialog = MappingDialog([(1, "纯棉T恤 — 义乌工厂")])
    qtbot.addWidget(dialog)
    dialog.offer_id_1688.setText(f"https://detail.1688.com/offer/{OFFER_1688}.html")
    dialog.factor.setValue(2)
    values = dialog.values(1, "code:x|")
    assert (values.offer_id_1688, values.quantity_factor, values.confirmed) == (
        f"https://detail.1688.com/offer/{OFFER_1688}.html",
        2,
        True,
    )


def test_main_window_has_the_fulfilment_views(qtbot: QtBot, main_window: object) -> None:
    from tests.ui.conftest import wait_idle

    titles = [main_window.nav.item(i).text() for i in range(main_window.nav.count())]  # type: ignore[attr-defined]
    assert {"To order", "To ship", "Mappings"} <= set(titles)
    for name in ("To order", "To ship", "Mappings"):
        main_window.nav.setCurrentRow(titles.index(name))  # type: ignore[attr-defined]
        wait_idle(qtbot, main_window)  # type: ignore[arg-type]
    queue = next(v for v in main_window.views if isinstance(v, PurchaseQueueView))  # type: ignore[attr-defined]
    assert queue.model.rowCount() > 0
    shipping = next(v for v in main_window.views if isinstance(v, ShippingView))  # type: ignore[attr-defined]
    assert shipping.model.rowCount() > 0


def test_placing_a_high_risk_order_asks_first_and_names_the_rules(
    qtbot: QtBot, make_view: Callable[[type[View]], View], monkeypatch: pytest.MonkeyPatch
) -> None:
    from dropship_desktop.domain.fulfilment import QueueWarning
    from dropship_desktop.services import risk
    from dropship_desktop.ui.orders import risk as risk_ui

    order = paid_order()
    risk.add_to_blacklist(order, ["phone"], "仅退款骗子")
    view = make_view(PurchaseQueueView)
    assert isinstance(view, PurchaseQueueView)
    view.select_order(order)
    assert QueueWarning.HIGH_RISK in view.selected_row().warnings  # type: ignore[union-attr]
    asked: list[tuple[int, tuple[str, ...]]] = []
    answer = [False]

    def confirm(parent: object, orders: list[risk.HighRiskOrder], action: str) -> bool:
        asked.extend((o.id, o.rules) for o in orders)
        return answer[0]

    monkeypatch.setattr(risk_ui, "confirm_high_risk", confirm)
    opened: list[str] = []
    view.open_url = lambda url: opened.append(url) or True
    fake = FakeConnector()
    fake.add_offer(OFFER_1688, price_fen=1500, stock=3)
    view.api_connector = lambda: (fake, 1)

    # Stop and check: nothing recorded, nothing opened, nothing placed.
    view.copy_button.click()
    _idle(qtbot, view)
    view.api_button.click()
    _idle(qtbot, view)
    assert [a[0] for a in asked] == [order, order]
    assert all("blacklist" in rules for _id, rules in asked)
    assert one("SELECT COUNT(*) FROM purchase_attempt") == 0
    assert opened == [] and one("SELECT COUNT(*) FROM supplier_order") == 0

    # Continue anyway: the purchase goes ahead.
    answer[0] = True
    view.copy_button.click()
    _idle(qtbot, view)
    assert one("SELECT COUNT(*) FROM purchase_attempt") == 1
    assert opened == [f"https://detail.1688.com/offer/{OFFER_1688}.html"]


def test_the_api_path_places_a_high_risk_order_only_when_confirmed(
    qtbot: QtBot, make_view: Callable[[type[View]], View], monkeypatch: pytest.MonkeyPatch
) -> None:
    from dropship_desktop.services import risk
    from dropship_desktop.ui.orders import risk as risk_ui

    order = paid_order()
    risk.add_to_blacklist(order, ["phone"], "仅退款骗子")
    view = make_view(PurchaseQueueView)
    assert isinstance(view, PurchaseQueueView)
    monkeypatch.setattr(risk_ui, "confirm_high_risk", lambda parent, orders, action: True)
    fake = FakeConnector()
    fake.add_offer(OFFER_1688, price_fen=1500, stock=3)
    view.api_connector = lambda: (fake, 1)
    view.select_order(order)
    view.api_button.click()
    _idle(qtbot, view)
    assert "placed and linked" in view.message_bar.text()
    assert one("SELECT sales_order_id FROM supplier_order") == order
