"""Issue #13 §1: the order list's count and its rows can never disagree, and a cell never raises.

The crash: a search showing one order (its page cached with one row), then a search whose result
starts with that order and has more: the model grew by ``extend_ids`` but kept the cached page of
one row, so ``data()`` for the second row raised ``IndexError`` on every paint.
"""

from __future__ import annotations

import logging
from array import array
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from dropship_desktop.domain.enums import OrderStatus1688, SalesStatus
from dropship_desktop.store.db import db
from dropship_desktop.store.order_queries import (
    NO_SUPPLIER_STATUS,
    SORT_COLUMNS,
    OrderFilter,
    count_orders,
    first_page,
    order_ids,
)
from dropship_desktop.ui.main_window import MainWindow
from dropship_desktop.ui.models.order_list import COLUMNS, OrderListModel
from dropship_desktop.ui.orders.view import OrdersView

from .conftest import wait_idle

_NO = [c.key for c in COLUMNS].index("shop_order_no")


def _numbers(ids: array) -> list[str]:
    if not ids:
        return []
    placeholders = ",".join("?" * len(ids))
    found = dict(
        db.execute_sql(
            f"SELECT id, shop_order_no FROM sales_order WHERE id IN ({placeholders})", list(ids)
        ).fetchall()
    )
    return [found[i] for i in ids]


def test_growing_a_cached_short_page_shows_every_row(
    qapp: object, qtmodeltester: ModelTester, demo_db: Path
) -> None:
    ids = order_ids(OrderFilter())
    model = OrderListModel()
    model.set_ids(array("q", ids[:1]))
    assert model.index(0, _NO).data() == _numbers(ids[:1])[0]  # caches page 0 with one row
    assert model.extend_ids(array("q", ids[:2]))
    assert model.rowCount() == 2
    shown = [model.index(r, _NO).data() for r in range(model.rowCount())]
    assert shown == _numbers(ids[:2])
    qtmodeltester.check(model)


def test_data_never_raises_and_logs(
    qapp: object, demo_db: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dropship_desktop.ui.models import order_list

    model = OrderListModel()
    model.set_ids(first_page(OrderFilter(), 10))

    def broken(_ids: object, now: int | None = None) -> dict[int, tuple[object, ...]]:
        raise RuntimeError("disk gone")

    monkeypatch.setattr(order_list, "fetch_rows", broken)
    with caplog.at_level(logging.WARNING):
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole):
            for column in range(len(COLUMNS)):
                assert model.index(3, column).data(role) in ("", None)
    assert "disk gone" in caplog.text
    assert model.headerData(99, Qt.Orientation.Horizontal) is None
    assert model.headerData(-1, Qt.Orientation.Vertical) is None


# -- property: count, first page, full id list and the model agree -------------------------------

_SORT_KEYS = sorted(SORT_COLUMNS)


def _fragments() -> list[str]:
    """Pieces of what a seller types: parts of order numbers, names, products, phones."""
    rows = db.execute_sql(
        "SELECT shop_order_no, coalesce(supplier_order_no, ''), tracking_no, buyer_name,"
        " product_summary, buyer_phone FROM sales_order ORDER BY id LIMIT 40"
    ).fetchall()
    found: set[str] = {"9107", "0000207", "20673", "王", "张伟", "T恤", "%", "_", '"', "'", " "}
    for row in rows:
        for value in row:
            text = str(value)
            for size in (1, 2, 3, 4, 6, 9):
                if len(text) >= size:
                    found.add(text[:size])
                    found.add(text[-size:])
                    middle = max(0, len(text) // 2 - size // 2)
                    found.add(text[middle : middle + size])
    return sorted(found)


@st.composite
def _filters(draw: st.DrawFn, fragments: list[str]) -> OrderFilter:
    text = draw(
        st.one_of(st.sampled_from(fragments), st.text(alphabet="0123456789王T", max_size=5))
    )
    return OrderFilter(
        text=text,
        sales_statuses=tuple(draw(st.sets(st.sampled_from([s.value for s in SalesStatus])))),
        supplier_statuses=tuple(
            draw(
                st.sets(
                    st.sampled_from([s.value for s in OrderStatus1688] + [NO_SUPPLIER_STATUS]),
                    max_size=3,
                )
            )
        ),
        flagged_only=draw(st.booleans()),
        deadline=draw(st.sampled_from(["", "", "overdue", "due"])),
        sort_key=draw(st.sampled_from(_SORT_KEYS)),
        descending=draw(st.booleans()),
        now=1_793_000_000,
    )


def test_count_first_page_and_ids_agree(qapp: object, demo_db: Path) -> None:
    fragments = _fragments()

    @settings(
        max_examples=150,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(flt=_filters(fragments))
    def check(flt: OrderFilter) -> None:
        ids = order_ids(flt)
        assert len(set(ids)) == len(ids)
        assert count_orders(flt) == len(ids)
        for limit in (1, 7, 100):
            assert list(first_page(flt, limit)) == list(ids[:limit])
        # The view's two steps: the first page shown, then the full list extends it.
        model = OrderListModel()
        model.set_ids(first_page(flt, 1))
        for row in range(model.rowCount()):
            model.index(row, _NO).data()
        if not model.extend_ids(ids):
            model.set_ids(ids)
        assert model.rowCount() == len(ids)
        shown = [model.index(r, _NO).data() for r in range(min(len(ids), 150))]
        assert shown == _numbers(ids[:150]) if len(ids) else shown == []

    check()


# -- the seller's sequence from the issue, through the view --------------------------------------


def test_full_number_select_all_then_part_of_it(
    qtbot: QtBot, main_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Search a full order number (1 result), select all, type a part of it matching several:
    the count and the rows agree, every row is drawn, no error is reported."""
    import sys

    reported: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda _t, exc, _tb: reported.append(exc))
    view = next(v for v in main_window.views if isinstance(v, OrdersView))
    main_window.nav.setCurrentRow(main_window.views.index(view))
    wait_idle(qtbot, main_window)
    # The newest order comes first in every result that holds it (created, newest first).
    number = db.execute_sql(
        "SELECT shop_order_no FROM sales_order ORDER BY created_at DESC, id DESC LIMIT 1"
    ).fetchone()[0]
    part = next(
        number[i : i + 4]
        for i in range(len(number) - 4, -1, -1)
        if 2 <= len(order_ids(OrderFilter(text=number[i : i + 4]))) < 100
    )
    for text in (number, None, part):
        if text is None:
            view.table.selectAll()
            continue
        view.search.setText(text)
        view._apply_search()
        wait_idle(qtbot, main_window)
        qtbot.waitUntil(view.is_complete)
        view.table.viewport().repaint()
    rows = view.model.rowCount()
    assert rows == len(order_ids(OrderFilter(text=part))) >= 2
    assert str(rows) in view.count_label.text()
    drawn = [view.model.index(r, _NO).data() for r in range(rows)]
    assert all(drawn) and part in drawn[0]
    assert reported == []


def test_no_result_clears_the_detail_pane(qtbot: QtBot, main_window: MainWindow) -> None:
    view = next(v for v in main_window.views if isinstance(v, OrdersView))
    main_window.nav.setCurrentRow(main_window.views.index(view))
    wait_idle(qtbot, main_window)
    qtbot.waitUntil(lambda: view.detail.detail is not None, timeout=5000)
    view.search.setText("no such order 4711")
    view._apply_search()
    wait_idle(qtbot, main_window)
    qtbot.waitUntil(view.is_complete)
    assert view.model.rowCount() == 0
    qtbot.wait(150)  # past the detail timer
    assert view.detail.detail is None
    assert view.detail.browser.toPlainText() == ""


def test_first_rows_read_off_the_ui_thread_paint_without_a_query(
    qapp: object, qtmodeltester: ModelTester, demo_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dropship_desktop.store.order_queries import first_page_rows
    from dropship_desktop.ui.models import order_list

    ids, rows = first_page_rows(OrderFilter(), 100)
    model = OrderListModel()
    model.set_ids(ids, rows)
    queries: list[object] = []
    monkeypatch.setattr(order_list, "fetch_rows", lambda *a, **k: queries.append(a) or {})
    shown = [model.index(r, _NO).data() for r in range(100)]
    assert shown == _numbers(ids) and queries == []
    qtmodeltester.check(model)
