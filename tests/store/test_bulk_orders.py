"""The bulk order writer: chunks queue while its helper thread is busy and all land, in order."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

from dropship_desktop.store import bulk_orders
from dropship_desktop.store.bulk_orders import BulkOrderWriter
from dropship_desktop.store.db import db


def _chunk(shop_id: int, first: int, count: int) -> tuple[list[tuple[Any, ...]], list[tuple]]:
    orders = [
        (i, shop_id, f"19306798581706{i:05d}", "paid", "张伟", f"138{i:08d}", "浙江省 杭州市",
         5900, 1, f"纯棉T恤 款式{i}", 5900, "", "", 1_700_000_000 + i, None, None, 0, "", 0, 0,
         "", "", "")
        for i in range(first, first + count)
    ]  # fmt: skip
    lines = [
        (i, f"纯棉T恤 款式{i}", "SKU", 1, 5900, "", "", "") for i in range(first, first + count)
    ]
    return orders, lines


def _keys(first: int, count: int) -> list[tuple[int, ...]]:
    """``risk_key`` rows whose phone key is the order id."""
    return [(1_700_000_000 + i, i, i, 0, 0, 0, 0, 0) for i in range(first, first + count)]


def _hold_first_write(
    monkeypatch: pytest.MonkeyPatch,
) -> tuple[threading.Event, threading.Event, list[tuple[bool, Any]]]:
    """Make the helper's first write wait for the returned *release*; (started, release, the
    (rows, index range) of every write)."""
    started, release = threading.Event(), threading.Event()
    calls: list[tuple[bool, Any]] = []
    original = BulkOrderWriter._write

    def slow_write(self: BulkOrderWriter, rows: bool, index_range: Any, keys: bool) -> None:
        calls.append((rows, index_range))
        if len(calls) == 1:
            started.set()
            release.wait(5)
        original(self, rows, index_range, keys)

    monkeypatch.setattr(BulkOrderWriter, "_write", slow_write)
    return started, release, calls


def _conn_with_shop() -> Any:
    conn = db.connection()
    conn.execute("INSERT INTO shop (id, platform, name, created_at) VALUES (1, 'taobao', '店', 0)")
    return conn


def test_chunks_added_while_the_helper_is_busy_are_written_together_in_order(
    fresh_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    conn = _conn_with_shop()
    started = threading.Event()
    release = threading.Event()
    jobs: list[int] = []
    original = BulkOrderWriter._write

    def slow_write(self: BulkOrderWriter, *args: object) -> None:
        jobs.append(conn.execute("SELECT count(*) FROM temp.import_stage_order").fetchone()[0])
        if len(jobs) == 1:
            started.set()
            release.wait(5)  # the first chunk keeps the helper busy while three more arrive
        original(self, *args)

    monkeypatch.setattr(BulkOrderWriter, "_write", slow_write)
    monkeypatch.setattr(bulk_orders, "INDEX_EVERY", 150)
    with db.atomic():
        writer = BulkOrderWriter(conn, index_in_bulk=True)
        try:
            writer.add(*_chunk(1, 1, 100))
            assert started.wait(5)
            for start in (101, 201, 301):
                writer.add(*_chunk(1, start, 100))  # returns at once: the helper is busy
            assert jobs == [100]  # only the first chunk reached the helper so far
            release.set()
            writer.finish()
        finally:
            writer.close()

    assert jobs == [100, 300]  # the queued chunks went to the helper as one batch
    assert (writer.orders_written, writer.lines_written) == (400, 400)
    ids = [r[0] for r in conn.execute("SELECT id FROM sales_order ORDER BY rowid")]
    assert ids == list(range(1, 401))
    line_orders = [r[0] for r in conn.execute("SELECT sales_order_id FROM sales_order_line")]
    assert line_orders == list(range(1, 401))
    # Every order is searchable (ranges indexed in bulk, and the rest by finish()).
    hits = conn.execute(
        "SELECT count(*) FROM sales_order_fts WHERE sales_order_fts MATCH '\"纯棉T恤\"'"
    ).fetchone()[0]
    assert hits == 400
    # And findable by any part of its order number (the number index, also written by range).
    numbers = conn.execute(
        "SELECT count(*) FROM order_number_fts WHERE order_number_fts MATCH '\"8581706\"'"
    ).fetchone()[0]
    assert numbers == 400
    triggers = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger'")}
    assert {"order_number_fts_ai", "order_number_fts_so_ai", "sales_order_fts_ai"} <= triggers


def test_the_queue_is_bounded(fresh_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    conn = _conn_with_shop()
    monkeypatch.setattr(bulk_orders, "MAX_QUEUED", 150)
    started = threading.Event()
    release = threading.Event()
    original = BulkOrderWriter._write

    def slow_write(self: BulkOrderWriter, *args: object) -> None:
        started.set()
        release.wait(5)
        original(self, *args)

    monkeypatch.setattr(BulkOrderWriter, "_write", slow_write)
    with db.atomic():
        writer = BulkOrderWriter(conn, index_in_bulk=False)
        try:
            writer.add(*_chunk(1, 1, 100))
            assert started.wait(5)
            writer.add(*_chunk(1, 101, 100))  # 100 queued: under the bound, returns
            assert len(writer._queued_orders) == 100
            threading.Timer(0.2, release.set).start()
            writer.add(*_chunk(1, 201, 100))  # 200 queued: waits for the helper, then stages
            assert release.is_set() and writer._queued_orders == []
            writer.finish()
        finally:
            writer.close()
    assert conn.execute("SELECT count(*) FROM sales_order").fetchone()[0] == 300


def test_the_writer_enlarges_the_page_cache_and_gives_it_back(fresh_db: Path) -> None:
    conn = _conn_with_shop()
    before = conn.execute("PRAGMA cache_size").fetchone()[0]
    assert before > -bulk_orders.BULK_CACHE_KIB  # the app's usual cache is smaller
    with db.atomic():
        writer = BulkOrderWriter(conn, index_in_bulk=True)
        try:
            assert conn.execute("PRAGMA cache_size").fetchone()[0] == -bulk_orders.BULK_CACHE_KIB
            orders, lines = _chunk(1, 1, 10)
            keys = [(1_700_000_000 + i, i, 11, 22, 33, 44, 0, 55) for i in range(1, 11)]
            writer.add(orders, lines, keys)
            writer.finish()
        finally:
            writer.close()
    assert conn.execute("PRAGMA cache_size").fetchone()[0] == before
    # The risk keys went in with the last rows, on the helper thread.
    assert conn.execute("SELECT count(*), sum(phone) FROM risk_key").fetchone() == (10, 110)


def test_the_keys_of_all_chunks_go_in_together_with_the_last_rows(
    fresh_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    conn = _conn_with_shop()
    key_writes: list[int] = []
    original = BulkOrderWriter._write

    def counting_write(self: BulkOrderWriter, rows: bool, index_range: Any, keys: bool) -> None:
        if keys:
            key_writes.append(conn.execute("SELECT count(*) FROM risk_key").fetchone()[0])
        original(self, rows, index_range, keys)

    monkeypatch.setattr(BulkOrderWriter, "_write", counting_write)

    with db.atomic():
        writer = BulkOrderWriter(conn, index_in_bulk=True)
        try:
            for start in (1, 101, 201):
                writer.add(*_chunk(1, start, 100), _keys(start, 100))
                writer.wait()
            assert key_writes == []  # staged, not written yet
            writer.flush()
            writer.wait()
            assert key_writes == [0]  # one statement for all of them
            assert conn.execute("SELECT count(*) FROM risk_key").fetchone()[0] == 300
            # Rows after a flush start a new stage: nothing is written twice.
            writer.add(*_chunk(1, 301, 50), _keys(301, 50))
            writer.finish()
        finally:
            writer.close()
    assert key_writes == [0, 300]
    assert conn.execute("SELECT count(*), sum(phone) FROM risk_key").fetchone() == (
        350,
        sum(range(1, 351)),
    )


def test_helper_waited_tells_whether_the_helper_had_run_out_of_work(
    fresh_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    conn = _conn_with_shop()
    started, release, _calls = _hold_first_write(monkeypatch)
    with db.atomic():
        writer = BulkOrderWriter(conn, index_in_bulk=True)
        try:
            writer.add(*_chunk(1, 1, 100))
            assert writer.helper_waited  # nothing was being written
            assert started.wait(5)
            writer.add(*_chunk(1, 101, 100))
            assert not writer.helper_waited  # queued behind the first chunk
            # Keys of orders already added, queued without handing anything over.
            writer.queue_keys(_keys(1, 200))
            assert len(writer._queued_orders) == 100
            release.set()
            writer.wait()
            writer.add(*_chunk(1, 201, 100))
            assert writer.helper_waited
            writer.finish()
        finally:
            writer.close()
    assert conn.execute("SELECT count(*), sum(phone) FROM risk_key").fetchone() == (
        200,
        sum(range(1, 201)),
    )


def test_flush_if_free_hands_over_only_when_the_helper_is_idle(
    fresh_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    conn = _conn_with_shop()
    started, release, calls = _hold_first_write(monkeypatch)
    monkeypatch.setattr(bulk_orders, "INDEX_EVERY", 1000)
    then = [("INSERT INTO risk_state (name, value) VALUES ('flushed', 1)", ())]
    with db.atomic():
        writer = BulkOrderWriter(conn, index_in_bulk=True)
        try:
            writer.add(*_chunk(1, 1, 100))
            assert started.wait(5)
            writer.add(*_chunk(1, 101, 100))  # queued: the helper is busy
            assert writer.flush_if_free(then=then) is False  # returns at once, nothing given
            assert len(writer._queued_orders) == 100
            release.set()
            writer.wait()
            assert writer.flush_if_free(then=then) is True
            assert writer._queued_orders == []
            writer.wait()
            # The queued rows and the search indexing of everything, then the statements.
            assert calls == [(True, None), (True, (1, 200))]
            assert conn.execute(
                "SELECT value FROM risk_state WHERE name = 'flushed'"
            ).fetchone() == (1,)
            writer.finish()  # nothing left to write
        finally:
            writer.close()
    assert len(calls) == 2
    assert conn.execute("SELECT count(*) FROM sales_order").fetchone()[0] == 200
