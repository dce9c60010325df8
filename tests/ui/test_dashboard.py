"""The dashboard: opens as home, switches ranges and shops, to-dos open the matching list."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from dropship_desktop.services import dashboard as svc
from dropship_desktop.services.todos import count_todos
from dropship_desktop.store.db import db
from dropship_desktop.ui.after_sales.view import AfterSalesView
from dropship_desktop.ui.dashboard.view import DashboardView
from dropship_desktop.ui.formatting import format_money
from dropship_desktop.ui.fulfilment.purchase_view import PurchaseQueueView
from dropship_desktop.ui.fulfilment.shipping_view import ShippingView
from dropship_desktop.ui.main_window import MainWindow
from dropship_desktop.ui.orders.filters import QUICK_UNMATCHED
from dropship_desktop.ui.orders.view import OrdersView
from tests.ui.conftest import wait_idle

# The demo template's orders end on 2026-11-01 (its fixed "now").
OCT_FIRST, OCT_LAST = QDate(2026, 10, 1), QDate(2026, 10, 31)


def loaded(qtbot: QtBot, window: MainWindow) -> DashboardView:
    view = window.dashboard
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: view.data is not None, timeout=10_000)
    return view


def october(qtbot: QtBot, window: MainWindow) -> DashboardView:
    view = loaded(qtbot, window)
    qtbot.mouseClick(view.range_buttons[0], Qt.MouseButton.LeftButton)
    view.from_date.setDate(OCT_FIRST)
    view.to_date.setDate(OCT_LAST)
    wait_idle(qtbot, window)
    assert view.data is not None and view.data.range.days == 31
    return view


def sql_figures(first: QDate, last: QDate, shop_id: int | None = None) -> tuple[int, int, int]:
    epoch = QDate(1970, 1, 1)
    start = epoch.daysTo(first) * 86400 - 8 * 3600  # midnight, China time
    end = (epoch.daysTo(last) + 1) * 86400 - 8 * 3600
    shop = "" if shop_id is None else f" AND shop_id = {int(shop_id)}"
    # Profit: valid orders, minus what closed or refunded orders still cost.
    row = db.execute_sql(
        "SELECT coalesce(sum(sale_fen * (status IN ('paid', 'shipped', 'completed'))), 0),"
        " coalesce(sum(profit_fen * (status != 'wait_pay' AND status != 'refunding')), 0),"
        " coalesce(sum(status IN ('paid', 'shipped', 'completed')), 0)"
        f" FROM sales_order WHERE created_at >= ? AND created_at < ?{shop}",
        (start, end),
    ).fetchone()
    return int(row[0]), int(row[1]), int(row[2])


def test_the_app_opens_on_the_dashboard_with_real_figures(
    qtbot: QtBot, main_window: MainWindow
) -> None:
    assert main_window.current_view() is main_window.dashboard
    assert main_window.nav.item(0).text() == main_window.dashboard.title()
    view = october(qtbot, main_window)
    sales, _profit, valid = sql_figures(OCT_FIRST, OCT_LAST)
    assert sales > 0
    assert view.tiles["sales"].value.text() == format_money(sales)
    assert view.tiles["orders"].value.text() == f"{valid:,}"
    assert sum(d.sales_fen for d in view.data.days) == sales  # type: ignore[union-attr]
    # Every card shows its count.
    for todo in count_todos():
        assert view.cards[todo.card.key].value == todo.count
    assert view.sales_chart.item_count() == 31
    assert view.products_chart.item_count() > 0 and view.suppliers_chart.item_count() > 0


def test_switching_ranges_and_shops(qtbot: QtBot, main_window: MainWindow) -> None:
    view = loaded(qtbot, main_window)
    for days in (7, 90, 30):
        qtbot.mouseClick(view.range_buttons[days], Qt.MouseButton.LeftButton)
        wait_idle(qtbot, main_window)
        assert view.data is not None and view.data.range.days == days
        assert len(view.data.days) == days == len(view.data.rates)
    view = october(qtbot, main_window)
    shop = svc.list_shops()[1]
    view.shop_combo.setCurrentIndex(view.shop_combo.findData(shop.id))
    wait_idle(qtbot, main_window)
    assert view.data is not None and view.data.shop_id == shop.id
    sales, profit, valid = sql_figures(OCT_FIRST, OCT_LAST, shop.id)
    totals = view.data.totals
    assert (totals.sales_fen, totals.profit_fen, totals.valid_orders) == (sales, profit, valid)
    assert view.tiles["sales"].value.text() == format_money(sales)
    # The rate chart draws this shop's warning line.
    assert view.rate_chart.warning_line() == pytest.approx(shop.warning_bp / 10_000)
    # Back to all shops.
    view.set_shop(None)
    wait_idle(qtbot, main_window)
    assert view.data.shop_id is None
    assert view.data.totals.sales_fen == sql_figures(OCT_FIRST, OCT_LAST)[0]


@pytest.mark.parametrize("key", ["due", "awaiting_supplier", "risky"])
def test_clicking_a_todo_opens_the_matching_order_list(
    qtbot: QtBot, main_window: MainWindow, key: str
) -> None:
    view = loaded(qtbot, main_window)
    card = view.cards[key]
    assert card.value > 0, key  # the demo has some of each
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    orders = main_window.current_view()
    assert isinstance(orders, OrdersView)
    wait_idle(qtbot, main_window)
    qtbot.waitUntil(lambda: orders.model.rowCount() > 0, timeout=10_000)
    if key == "due":
        # Paid orders sorted by ship-by: the card's orders are the first rows.
        assert orders.filter.sort_key == "ship_by" and not orders.filter.descending
        assert orders.filter.sales_statuses == ("paid",)
        ship_by = [
            db.execute_sql(
                "SELECT ship_by FROM sales_order WHERE id = ?", (orders.model.order_id(r),)
            ).fetchone()[0]
            for r in range(min(card.value, orders.model.rowCount()))
        ]
        assert ship_by == sorted(ship_by)
    else:
        qtbot.waitUntil(lambda: orders.is_complete(), timeout=10_000)
        assert orders.model.rowCount() == card.value
    # Back home and another card: the filters are reset first.
    main_window.nav.setCurrentRow(0)
    wait_idle(qtbot, main_window)


def test_unmatched_card_opens_the_supplier_orders_awaiting_a_match(
    qtbot: QtBot, main_window: MainWindow
) -> None:
    view = loaded(qtbot, main_window)
    assert view.cards["unmatched"].value > 0
    view.cards["unmatched"].activated.emit(view.cards["unmatched"]._target)
    orders = main_window.current_view()
    assert isinstance(orders, OrdersView)
    assert orders.filters.quick() == QUICK_UNMATCHED
    wait_idle(qtbot, main_window)
    assert orders.list_stack.currentIndex() == 1


@pytest.mark.parametrize(
    ("key", "view_type"),
    [
        ("to_place", PurchaseQueueView),
        ("tracking_to_send", ShippingView),
        ("after_sales", AfterSalesView),
    ],
)
def test_a_queue_card_opens_its_queue_with_the_same_count(
    qtbot: QtBot, main_window: MainWindow, key: str, view_type: type
) -> None:
    view = loaded(qtbot, main_window)
    card = view.cards[key]
    assert card.value > 0, key  # the demo has some of each
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    queue = main_window.current_view()
    assert isinstance(queue, view_type)
    wait_idle(qtbot, main_window)
    if key == "after_sales":
        qtbot.waitUntil(lambda: queue.model.total() == card.value, timeout=10_000)
    else:
        qtbot.waitUntil(lambda: queue.total == card.value, timeout=10_000)


def test_detail_link_opens_the_overdue_after_sales_cases(
    qtbot: QtBot, main_window: MainWindow
) -> None:
    view = loaded(qtbot, main_window)
    card = view.cards["after_sales"]
    assert card.detail.isVisibleTo(view)
    qtbot.mouseClick(card.detail, Qt.MouseButton.LeftButton)
    cases = main_window.current_view()
    assert isinstance(cases, AfterSalesView)
    assert cases.overdue_check.isChecked()
    wait_idle(qtbot, main_window)
    todo = next(t for t in count_todos() if t.card.key == "after_sales")
    qtbot.waitUntil(lambda: cases.model.total() == todo.detail, timeout=10_000)


def test_tables_models_and_export(
    qtbot: QtBot, main_window: MainWindow, qtmodeltester: object, tmp_path: Path
) -> None:
    view = october(qtbot, main_window)
    qtmodeltester.check(view.shop_model)  # type: ignore[attr-defined]
    qtmodeltester.check(view.supplier_model)  # type: ignore[attr-defined]
    assert view.shop_model.rowCount() == len(svc.list_shops())
    path = tmp_path / "figures.xlsx"
    view.export_to(str(path))
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True)
    assert book.sheetnames == ["Summary", "Daily", "Shops", "Top products", "Suppliers"]
    daily = list(book["Daily"].iter_rows(values_only=True))
    assert len(daily) == 32 and daily[1][0] == "2026-10-01"
    total = sum(float(r[3]) for r in daily[1:])
    assert round(total * 100) == sql_figures(OCT_FIRST, OCT_LAST)[0]
    summary = dict(book["Summary"].iter_rows(values_only=True))
    assert summary["Shop"] == "All shops"
    pngs = view.save_charts_to(str(tmp_path))
    assert len(pngs) == 4 and all(Path(p).stat().st_size > 1000 for p in pngs)


def test_warning_when_the_next_cancellations_reach_the_line(
    qtbot: QtBot, main_window: MainWindow
) -> None:
    view = loaded(qtbot, main_window)
    # The demo's last orders are a month old: put one shop's window just under its line.
    shop = svc.list_shops()[0]
    db.execute_sql(
        "UPDATE sales_order SET created_at = created_at + 31 * 86400 WHERE shop_id = ?"
        " AND created_at > strftime('%s', 'now') - 40 * 86400",
        (shop.id,),
    )
    db.execute_sql(  # and one of them cancelled
        "UPDATE sales_order SET status = 'cancelled' WHERE id = (SELECT max(id) FROM sales_order"
        " WHERE shop_id = ? AND status != 'cancelled'"
        " AND created_at > strftime('%s', 'now') - 20 * 86400)",
        (shop.id,),
    )
    stats = svc.load_dashboard(view.date_range(), shop.id).per_shop
    figures = next(s for s in stats if s.shop.id == shop.id)
    assert figures.window.orders > 0
    rate_bp = figures.window.cancelled * 10_000 // figures.window.orders
    svc.set_cancel_warning_line(shop.id, rate_bp + 1)  # one more cancellation crosses it
    view.set_shop(shop.id)
    view.refresh()  # (changed behind the app's back: no change notification)
    wait_idle(qtbot, main_window)
    assert view.warning.isVisibleTo(view)
    assert shop.name in view.warning.text() and "one more" in view.warning.text()
    assert rate_bp > 0
    svc.set_cancel_warning_line(shop.id, rate_bp)
    view.refresh()
    wait_idle(qtbot, main_window)
    assert "at or over" in view.warning.text()
    svc.set_cancel_warning_line(shop.id, 10_000)
    view.refresh()
    wait_idle(qtbot, main_window)
    assert not view.warning.isVisibleTo(view)


def test_a_reload_keeps_the_figures_and_updates_the_todos(
    qtbot: QtBot, main_window: MainWindow
) -> None:
    view = loaded(qtbot, main_window)
    assert view.data is not None and not view.data.pending
    before = view.cards["unmatched"].value
    # A new 1688 order awaiting a match, then the change notification a service would send.
    db.execute_sql(
        "INSERT INTO supplier_order (status, created_at, updated_at, order_id_1688)"
        " VALUES ('waitsellersend', 1, 1, 'X-1')"
    )
    view.refresh()
    wait_idle(qtbot, main_window)
    assert view.cards["unmatched"].value == before + 1
    assert not view.data.pending and view.tiles["cancel"].value.text() != "…"


def test_after_sales_and_fraud_losses_tile(qtbot: QtBot, main_window: MainWindow) -> None:
    from dropship_desktop.store import daily_summary as ds
    from dropship_desktop.store.after_sales_queries import money_in_period

    view = loaded(qtbot, main_window)
    view.set_shop(None)
    wait_idle(qtbot, main_window)
    data = view.data
    assert data is not None
    start = ds.day_start(data.range.first_day)
    end = ds.day_start(data.range.last_day + 1)
    cases, _refunded, _recovered, net = money_in_period(start, end)
    assert data.after_sales == money_in_period(start, end)
    tile = view.tiles["after_sales"]
    assert tile.value.text() == format_money(net)
    assert f"{cases:,}" in tile.note.text()


def test_custom_dates_fit_a_1366_pixel_window(qtbot: QtBot, main_window: MainWindow) -> None:
    # The custom range's dates sit on their own line: beside the bar's buttons they made the
    # content wider than the window's dashboard (1216 px at 1366×768) and cut the charts off.
    main_window.resize(1366, 768)
    view = loaded(qtbot, main_window)
    view.set_range(0)
    wait_idle(qtbot, main_window)
    assert view.dates_row.isVisibleTo(view) and view.from_date.isEnabled()
    content = view.scroll.widget()
    assert content.minimumSizeHint().width() <= view.scroll.viewport().width()
    assert not view.scroll.horizontalScrollBar().isVisible()
    view.set_range(30)
    assert not view.dates_row.isVisibleTo(view)
