"""Issue #13 §3–§4: a dropshipper's columns, urgency first, and a readable detail pane."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from dropship_desktop.domain.orders import NEAR_DEADLINE_HOURS
from dropship_desktop.store.db import db
from dropship_desktop.store.order_queries import OrderFilter, fetch_rows, order_ids
from dropship_desktop.ui.formatting import format_datetime
from dropship_desktop.ui.main_window import MainWindow
from dropship_desktop.ui.models.order_list import COLUMNS
from dropship_desktop.ui.orders import detail as detail_module
from dropship_desktop.ui.orders.view import MIN_PRODUCT_WIDTH, OrdersView

from .conftest import wait_idle

_KEYS = [c.key for c in COLUMNS]
_NOW = 1_793_491_200  # the demo template's "now" (2026-11-01)


def _view(window: MainWindow, qtbot: QtBot) -> OrdersView:
    view = next(v for v in window.views if isinstance(v, OrdersView))
    window.nav.setCurrentRow(window.views.index(view))
    # The app opens on the dashboard: the list loads when it is first shown.
    wait_idle(qtbot, window)
    return view


def test_default_columns_in_the_order_of_the_job(qtbot: QtBot, main_window: MainWindow) -> None:
    view = _view(main_window, qtbot)
    header = view.table.horizontalHeader()
    shown = [_KEYS[header.logicalIndex(v)] for v in range(11)]
    assert shown == [
        "shop_order_no", "buyer_name", "product_summary", "sale_fen", "profit_fen", "status",
        "supplier_status", "supplier_order_no", "tracking_no", "ship_by", "flags",
    ]  # fmt: skip


def test_the_product_column_takes_the_slack(qtbot: QtBot, main_window: MainWindow) -> None:
    view = _view(main_window, qtbot)
    header = view.table.horizontalHeader()
    product = _KEYS.index("product_summary")
    for hidden in ("created_at", "shop", "quantity", "paid_at", "cost_fen", "dropship_fee_fen",
                   "carrier", "flags", "ship_by", "tracking_no", "supplier_order_no"):  # fmt: skip
        view.table.setColumnHidden(_KEYS.index(hidden), True)
    main_window.resize(1800, 900)
    qtbot.waitUntil(lambda: view.table.viewport().width() > 1000)
    qtbot.wait(50)
    total = sum(header.sectionSize(c) for c in range(len(_KEYS)) if not header.isSectionHidden(c))
    assert total == view.table.viewport().width()  # no empty band right of the last column
    assert header.sectionSize(product) > MIN_PRODUCT_WIDTH
    # Narrow again: the product never goes below its minimum (the list scrolls instead).
    main_window.resize(1000, 700)
    qtbot.wait(50)
    assert header.sectionSize(product) >= MIN_PRODUCT_WIDTH


def test_sorted_by_urgency_overdue_first(demo_db: Path) -> None:
    near = _NOW + NEAR_DEADLINE_HOURS * 3600
    ids = order_ids(OrderFilter(sort_key="flags", descending=True, now=_NOW))
    rows = fetch_rows(ids, now=_NOW)
    status, ship_by, flags = (_KEYS.index(k) for k in ("status", "ship_by", "flags"))

    def urgency(order_id: int) -> int:
        row = rows[order_id]
        if row[status] == "paid" and row[ship_by] is not None and row[ship_by] < _NOW:
            return 3
        if row[status] == "paid" and row[ship_by] is not None and row[ship_by] < near:
            return 2
        return 1 if int(row[flags]) & 0xFF else 0

    levels = [urgency(i) for i in ids]
    assert levels == sorted(levels, reverse=True)
    assert levels[0] == 3
    overdue = [rows[i][ship_by] for i in ids if urgency(i) == 3]
    assert overdue == sorted(overdue)  # the most overdue first


def test_needs_attention_lists_the_most_urgent_first(qtbot: QtBot, main_window: MainWindow) -> None:
    view = _view(main_window, qtbot)
    combo = view.filters.quick_combo
    combo.setCurrentIndex(combo.findData("attention"))
    wait_idle(qtbot, main_window)
    qtbot.waitUntil(view.is_complete)
    assert view.filter.sort_key == "flags" and view.filter.descending
    header = view.table.horizontalHeader()
    assert _KEYS[header.sortIndicatorSection()] == "flags"
    first = view.model.index(0, _KEYS.index("flags")).data()
    assert first.startswith(view.model.tr("Overdue")) or "Overdue" in first or "已超时" in first


def test_detail_tables_keep_numbers_and_dates_whole_and_elide_titles(
    qtbot: QtBot, main_window: MainWindow
) -> None:
    view = _view(main_window, qtbot)
    order_id = db.execute_sql(
        "SELECT sales_order_id FROM sales_order_line l JOIN sales_order o ON o.id = l.sales_order_id"
        " WHERE length(l.title) > ? ORDER BY o.created_at DESC LIMIT 1",
        (detail_module.TITLE_CHARS,),
    ).fetchone()[0]
    row = view.model.row_of(order_id)
    view.table.selectRow(row)
    qtbot.waitUntil(lambda: view.detail.order_id() == order_id, timeout=5000)
    pane = view.detail
    title = db.execute_sql(
        "SELECT title FROM sales_order_line WHERE sales_order_id = ? AND length(title) > ?",
        (order_id, detail_module.TITLE_CHARS),
    ).fetchone()[0]
    assert title not in pane.browser.toPlainText()  # elided in the table…
    assert title[: detail_module.TITLE_CHARS - 1].rstrip() + "…" in pane.browser.toPlainText()
    assert title in pane._tips.texts  # …whole in its tooltip
    # Dates and numbers stay on one line, even in the 300-pixel pane.
    pane.resize(300, 600)
    created = format_datetime(db.execute_sql(
        "SELECT created_at FROM sales_order WHERE id = ?", (order_id,)).fetchone()[0])  # fmt: skip
    number = db.execute_sql(
        "SELECT shop_order_no FROM sales_order WHERE id = ?", (order_id,)
    ).fetchone()[0]
    document = pane.browser.document()
    # The date's first and last pieces (locales differ in the space they put between).
    first = document.find(created.split()[0])
    last = document.find(created.split()[-1], first)
    assert not first.isNull() and not last.isNull(), created
    assert _top(pane, first.selectionStart()) == _top(pane, last.selectionEnd())
    for text in _numbers_1688(order_id):
        found = document.find(text)
        assert not found.isNull(), text
        assert _top(pane, found.selectionStart()) == _top(pane, found.selectionEnd()), text
    assert number in pane.title.text()
    # The tooltip is found where the elided title is drawn.
    cursor = pane.browser.document().find(title[:4])
    rect = pane.browser.cursorRect(cursor)
    assert pane._tooltip_at(QPoint(rect.center().x() - 2, rect.center().y())) == title


def _numbers_1688(order_id: int) -> list[str]:
    return [
        r[0]
        for r in db.execute_sql(
            "SELECT order_id_1688 FROM supplier_order WHERE sales_order_id = ?", (order_id,)
        )
    ]


def _top(pane: object, position: int) -> int:
    cursor = QTextCursor(pane.browser.document())  # type: ignore[attr-defined]
    cursor.setPosition(position)
    return pane.browser.cursorRect(cursor).top()  # type: ignore[attr-defined]
