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
from dropship_desktop.ui.models.order_list import COLUMNS, OrderListModel

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
