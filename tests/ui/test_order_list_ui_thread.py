"""Issue #13 §9: what the order list leaves to the DB worker so the UI thread stays free.

A sort keeps the selected order selected: the worker finds its row and reads and renders the
rows around it, so the UI thread neither searches a million ids nor queries the database to
paint them. The first page arrives rendered.
"""

from __future__ import annotations

import threading
from array import array
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from dropship_desktop.context import AppContext
from dropship_desktop.store.order_queries import OrderFilter, first_page_rows, order_ids
from dropship_desktop.ui.app_setup import install_translations
from dropship_desktop.ui.main_window import MainWindow
from dropship_desktop.ui.models import order_list
from dropship_desktop.ui.models.order_list import (
    COLUMNS,
    OrderListModel,
    find_row,
    read_pages,
    render_rows,
)

from .conftest import wait_idle
from .test_orders_view import _orders

KEYS = [c.key for c in COLUMNS]


def test_find_row_is_array_index_and_ignores_straddling_bytes() -> None:
    ids = array("q", [5, 1 << 40, 7, 3, 2**63 - 1, 0])
    for position, order_id in enumerate(ids):
        assert find_row(ids, order_id) == position
    assert find_row(ids, 12345) == -1
    # The bytes of 256 appear across the ids 1 << 56 and 0 (…00 01 | 00 …): not a match.
    straddle = array("q", [1 << 56, 0, 256])
    assert find_row(straddle, 256) == 2
    assert find_row(straddle.tobytes(), 256) == 2


def test_pages_rendered_off_the_ui_thread_are_painted_without_a_query(
    qapp: object, qtmodeltester: ModelTester, demo_db: Path, monkeypatch
) -> None:
    ids, rows = first_page_rows(OrderFilter(), 100)
    model = OrderListModel()
    model.set_ids(ids, rows, render_rows(rows))
    all_ids = order_ids(OrderFilter())
    assert model.extend_ids(all_ids)
    model.add_pages(read_pages(all_ids, 420))
    queries: list[object] = []
    monkeypatch.setattr(order_list, "fetch_rows", lambda *a, **k: queries.append(a) or {})
    number = KEYS.index("shop_order_no")
    shown = [model.index(r, number).data() for r in (*range(100), *range(370, 471))]
    assert queries == [] and all(shown)
    qtmodeltester.check(model)


def test_a_sort_keeps_the_order_and_the_ui_thread_reads_nothing(
    qtbot: QtBot, main_window: MainWindow, monkeypatch
) -> None:
    view = _orders(main_window)
    wait_idle(qtbot, main_window)
    row = 450  # far from the first page of any sort
    view.table.selectRow(row)
    kept = view.current_order_id()
    assert kept is not None
    view.table.viewport().repaint()  # the rows around it are read now, before the sort
    ui_reads: list[int] = []
    real = order_list.fetch_rows

    def recording(ids, *args, **kwargs):  # type: ignore[no-untyped-def]
        if threading.current_thread() is threading.main_thread():
            ui_reads.append(len(ids))
        return real(ids, *args, **kwargs)

    monkeypatch.setattr(order_list, "fetch_rows", recording)
    searches: list[int] = []
    monkeypatch.setattr(order_list, "find_row", _counting(order_list.find_row, searches))
    header = view.table.horizontalHeader()
    header.setSortIndicator(KEYS.index("profit_fen"), Qt.SortOrder.AscendingOrder)
    wait_idle(qtbot, main_window)
    qtbot.waitUntil(view.is_complete)
    view.table.viewport().repaint()
    assert view.current_order_id() == kept
    new_row = view.table.currentIndex().row()
    assert view.model.order_id(new_row) == kept
    assert ui_reads == [], "the rows around the kept order were read on the UI thread"
    # (Only within the first page, 100 ids, before the full list arrives.)
    assert max(searches, default=0) <= 100 * 8, "the kept order was searched for on the UI thread"
    expected = list(order_ids(OrderFilter(sort_key="profit_fen", descending=False)))
    assert new_row == expected.index(kept)


def _counting(fn, calls: list[int]):  # type: ignore[no-untyped-def]
    def run(*args, **kwargs):  # type: ignore[no-untyped-def]
        if threading.current_thread() is threading.main_thread():
            calls.append(len(args[0]))
        return fn(*args, **kwargs)

    return run


def test_fast_cell_texts_are_the_columns_own_in_both_languages(
    qapp: QApplication, demo_db: Path
) -> None:
    """The list's cells (rendered for speed) read exactly as each column's own renderer writes
    them, in Chinese and in English, including empty values and a language switch."""
    from dropship_desktop.store.order_queries import fetch_rows

    rows = list(fetch_rows(order_ids(OrderFilter())).values())
    rows.append(tuple(None for _ in COLUMNS))
    try:
        for lang in ("zh_CN", "en", "zh_CN"):
            install_translations(qapp, lang)
            for raw in rows:
                expected = tuple(c.render(v) for c, v in zip(COLUMNS, raw, strict=True))
                assert order_list.render_row(raw).cells == expected, lang
    finally:
        install_translations(qapp, "en")


def test_the_detail_pane_is_kept_for_the_same_order_and_reloaded_after_a_change(
    qtbot: QtBot, main_window: MainWindow, monkeypatch
) -> None:
    from dropship_desktop.services.base import Changes

    view = _orders(main_window)
    wait_idle(qtbot, main_window)
    view.table.selectRow(3)
    qtbot.waitUntil(lambda: view.detail.order_id() == view.current_order_id())
    kept = view.current_order_id()
    shown: list[object] = []
    real = view.detail.show_detail
    monkeypatch.setattr(view.detail, "show_detail", lambda d: shown.append(d) or real(d))
    header = view.table.horizontalHeader()
    header.setSortIndicator(KEYS.index("sale_fen"), Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(view.is_complete)
    wait_idle(qtbot, main_window)
    qtbot.wait(150)  # past the detail timer
    assert view.current_order_id() == kept and view.detail.order_id() == kept
    assert shown == [], "the same order's pane was laid out again after a sort"
    view.on_changed(Changes.of("sales_order"))  # e.g. an import changed it
    qtbot.waitUntil(lambda: len(shown) == 1)
    assert view.detail.order_id() == kept


def test_the_db_worker_keeps_one_connection_and_its_thread_locals_between_jobs(
    ctx: AppContext, qtbot: QtBot, demo_db: Path
) -> None:
    """A plain QThread gave each job a fresh Python thread state: a new SQLite connection per
    job and no per-thread cache (the million ids were read again on every cleared search)."""
    from dropship_desktop.store.db import db
    from dropship_desktop.ui.tasks import DbWorker

    local = threading.local()

    def job(_ctx: object, n: int) -> tuple[int, int | None]:
        seen = getattr(local, "n", None)
        local.n = n
        return id(db.connection()), seen

    worker = DbWorker(ctx)
    results: list[tuple[int, int | None]] = []
    try:
        for n in range(3):
            worker.submit(job, n, on_result=results.append)
        qtbot.waitUntil(lambda: len(results) == 3, timeout=10_000)
    finally:
        worker.shutdown()
    assert [seen for _, seen in results] == [None, 0, 1]
    assert len({conn for conn, _ in results}) == 1
