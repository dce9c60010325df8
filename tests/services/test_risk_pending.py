"""A big import's buyer keys written after its commit (services/risk_pending): until the
background maintenance writes them, scoring adds them from memory and every other reader of
``risk_key`` writes them first; after a crash they are made again from the orders."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from dropship_desktop.services import order_import, risk, risk_engine, risk_pending
from dropship_desktop.services.order_import import shop_orders
from dropship_desktop.store import bulk_orders, kept_rows
from dropship_desktop.store import db as store_db
from dropship_desktop.store.db import db, wait_for_checkpoint

from .test_order_import_files import TAOBAO_HEADERS, taobao_row, write_csv
from .test_risk import _id, _risk, _row

_NAMES = ["张三", "李四", "王五", "赵六", "孙七"]
_QUERY = "SELECT id, risk_level, risk_rules FROM sales_order ORDER BY id"
_KEYS = "SELECT * FROM risk_key ORDER BY at, order_id"


def _rows(first: int, count: int, day: int) -> list[list[str]]:
    return [
        _row(
            n,
            name=_NAMES[n % 5],
            phone=f"138{n % 37:08d}",  # phones shared by several names
            address=f"浙江省 杭州市 西湖区 文三路{n % 23}号",
            created=f"2024-03-{day + n % 5:02d} {n % 24:02d}:00:00",
        )
        for n in range(first, first + count)
    ]


@pytest.fixture
def big(monkeypatch: pytest.MonkeyPatch) -> order_import.ImportTuning:
    """Imports of a few hundred rows take the big import's path (scored beside the writer)."""
    monkeypatch.setattr(bulk_orders, "INDEX_EVERY", 40)
    monkeypatch.setattr(risk_engine, "PRETEST_BLOCK", 10)
    return order_import.ImportTuning(chunk=40, bulk_index_from=10)


@pytest.fixture
def no_background(monkeypatch: pytest.MonkeyPatch) -> None:
    """The background maintenance after a big write does not run (as if the app was busy or
    was killed right after the commit)."""
    monkeypatch.setattr(store_db, "checkpoint_in_background", lambda: None)


def _import(tmp_path: Path, name: str, rows: list[list[str]], tuning: object) -> None:
    order_import.import_orders_file(
        write_csv(tmp_path / name, TAOBAO_HEADERS, rows),
        shop_name="测试店",
        tuning=tuning,  # type: ignore[arg-type]
    )


def _key_count() -> int:
    return int(db.execute_sql("SELECT count(*) FROM risk_key").fetchone()[0])


def _assert_a_full_rescore_changes_nothing() -> None:
    """What was scored with pending keys is what scoring every order again gives."""
    scored = db.execute_sql(_QUERY).fetchall()
    risk.rescore_all()
    assert db.execute_sql(_QUERY).fetchall() == scored


def _pending_marker() -> bool:
    row = db.execute_sql("SELECT 1 FROM risk_state WHERE name = 'pending_keys'").fetchone()
    return row is not None


def test_the_background_writes_the_keys_a_big_import_left_and_a_crash_loses_none(
    fresh_db: Path, tmp_path: Path, big: order_import.ImportTuning, no_background: None
) -> None:
    hidden = [  # receivers the platform masked: stored empty with their hidden bits
        _row(n, name="张**", phone="138****5678", created="2024-03-02 09:00:00")
        for n in range(900, 904)
    ]
    _import(tmp_path, "a.csv", [*_rows(1, 296, 1), *hidden], big)
    assert _key_count() == 0 and _pending_marker()
    assert db.execute_sql("SELECT count(*) FROM sales_order WHERE buyer_hidden != 0").fetchone()[
        0
    ] == len(hidden)
    conn = db.connection()
    kept = list(risk_pending.pending_rows(conn))
    assert len(kept) == 300
    # After a crash nothing is in memory: the rows are made again from the stored orders.
    kept_rows._kept.clear()
    assert risk_pending.pending_rows(conn) == kept
    # The background maintenance writes them on its own connection.
    kept_rows._kept.clear()
    background = sqlite3.connect(store_db.database_path(), isolation_level=None)
    try:
        risk_pending.flush_in_background(background)
    finally:
        background.close()
    assert not _pending_marker()
    assert db.execute_sql(_KEYS).fetchall() == kept
    _assert_a_full_rescore_changes_nothing()


def test_after_a_crash_the_backfill_check_at_start_writes_the_keys_from_the_orders(
    fresh_db: Path, tmp_path: Path, big: order_import.ImportTuning, no_background: None
) -> None:
    """Killed between the commit and the background write: the app's start (the backfill's
    look for unscored orders) writes them, made again from the stored orders, and scores
    nothing twice (the shop norms keep their counts)."""
    _import(tmp_path, "a.csv", _rows(1, 150, 1), big)
    kept = list(risk_pending.pending_rows(db.connection()))
    norms = db.execute_sql("SELECT sum(orders) FROM risk_norm").fetchone()[0]
    kept_rows._kept.clear()  # a new process
    assert risk.unscored_order_ids() == []
    assert db.execute_sql(_KEYS).fetchall() == kept and not _pending_marker()
    assert db.execute_sql("SELECT sum(orders) FROM risk_norm").fetchone()[0] == norms == 150


def test_the_next_import_reads_the_keys_the_background_has_not_written_yet(
    fresh_db: Path, tmp_path: Path, big: order_import.ImportTuning, no_background: None
) -> None:
    _import(tmp_path, "a.csv", _rows(1, 200, 1), big)
    assert _key_count() == 0
    _import(tmp_path, "b.csv", _rows(201, 200, 3), big)
    # The first import's keys went in before the second one's scoring read them.
    assert _key_count() == 200 and _pending_marker()
    # The first import's orders were window neighbours of the second's: a phone of theirs got
    # new names in the second import (nothing in the second one alone gives order 5's phone
    # another name within the window).
    assert "phone_many_names" in _risk(5)[1]
    scored = db.execute_sql(_QUERY).fetchall()
    risk.rescore_all()  # (writes the pending keys first, then scores every order again)
    assert _key_count() == 400 and not _pending_marker()
    assert db.execute_sql(_QUERY).fetchall() == scored


def test_refunds_in_a_big_import_count_in_its_other_orders_history(
    fresh_db: Path, tmp_path: Path, big: order_import.ImportTuning, no_background: None
) -> None:
    refunder = "13900000001"
    rows = _rows(1, 200, 1)
    for number, status in ((1000, "退款中"), (1001, "退款中"), (1002, "买家已付款，等待卖家发货")):
        rows.append(
            taobao_row(
                f"19306798581706{number:05d}",
                status=status,
                name="钱八",
                phone=refunder,
                created="2024-03-06 10:00:00",
                paid="2024-03-06 10:00:00",
            )
        )
    _import(tmp_path, "a.csv", rows, big)
    assert _pending_marker()
    # The buyer's refunds on two of the import's orders are history for the third (their
    # keys were read from memory: none is stored yet) and for each other.
    assert "history_refunds" in _risk(1002)[1]
    assert (
        db.execute_sql(
            "SELECT count(*) FROM risk_event WHERE phone != 0 AND order_id IN (?, ?)",
            (_id(1000), _id(1001)),
        ).fetchone()[0]
        == 2
    )
    _assert_a_full_rescore_changes_nothing()


def test_rescoring_before_the_background_ran_counts_the_pending_neighbours(
    fresh_db: Path, tmp_path: Path, big: order_import.ImportTuning, no_background: None
) -> None:
    _import(tmp_path, "a.csv", _rows(1, 200, 1), big)
    scored = db.execute_sql(_QUERY).fetchall()
    windowed = [i for i, level, rules in scored if "phone_many_names" in rules]
    assert len(windowed) > 50 and _key_count() == 0
    # Their window neighbours' keys are only in memory; the counts must not drop.
    risk.rescore_orders(windowed[:20])
    assert db.execute_sql(_QUERY).fetchall() == scored
    assert _pending_marker()


def test_a_key_rewritten_before_the_background_ran_is_not_replaced_by_the_pending_one(
    fresh_db: Path, tmp_path: Path, big: order_import.ImportTuning, no_background: None
) -> None:
    _import(tmp_path, "a.csv", _rows(1, 100, 1), big)
    order = _id(7)
    pending = {r[1]: r for r in risk_pending.pending_rows(db.connection())}
    with db.atomic():
        db.execute_sql("UPDATE sales_order SET buyer_phone = '13700000000' WHERE id = ?", (order,))
    risk.rescore_orders([order])
    stored = db.execute_sql("SELECT phone FROM risk_key WHERE order_id = ?", (order,)).fetchone()
    assert stored is not None and stored[0] != pending[order][2]
    risk_pending.write_pending_keys()
    assert _key_count() == 100 and not _pending_marker()
    after = db.execute_sql("SELECT phone FROM risk_key WHERE order_id = ?", (order,)).fetchone()
    assert after == stored


def test_blacklisting_a_buyer_finds_the_orders_whose_keys_are_pending(
    fresh_db: Path, tmp_path: Path, big: order_import.ImportTuning, no_background: None
) -> None:
    _import(tmp_path, "a.csv", _rows(1, 100, 1), big)
    risk.add_to_blacklist(_id(3), ["phone"], "仅退款")
    # Every order on that phone (3, 40, 77: n % 37 == 3) is flagged, not only the one used.
    assert all("blacklist" in _risk(n)[1] for n in (3, 40, 77))
    assert not _pending_marker()


def test_an_import_rolled_back_leaves_nothing_pending(
    fresh_db: Path,
    tmp_path: Path,
    big: order_import.ImportTuning,
    no_background: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    deferred: list[int] = []
    defer = shop_orders.defer_keys

    def spy(conn: object, rows: list[tuple[int, ...]]) -> None:
        defer(conn, rows)
        deferred.append(len(rows))

    monkeypatch.setattr(shop_orders, "defer_keys", spy)
    with pytest.raises(order_import.ImportCancelledError):
        order_import.import_orders_file(
            write_csv(tmp_path / "a.csv", TAOBAO_HEADERS, _rows(1, 100, 1)),
            shop_name="测试店",
            tuning=big,
            # Cancelled once the keys were left pending: the import's last check rolls back.
            should_cancel=lambda: bool(deferred),
        )
    assert deferred == [100]
    assert not _pending_marker() and _key_count() == 0
    assert risk_pending.pending_rows(db.connection()) == []
    wait_for_checkpoint()
