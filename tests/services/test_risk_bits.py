"""The key filters: a big save stores a delta of the bits it set, readers add deltas in, and
the background maintenance folds them into the chunks."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest

from dropship_desktop.services import order_import, risk_engine
from dropship_desktop.services.risk_bits import FILTER_BITS, Bits, merge_filter_deltas
from dropship_desktop.store import bulk_orders
from dropship_desktop.store import db as store_db
from dropship_desktop.store.db import db

from .test_order_import_files import TAOBAO_HEADERS, write_csv
from .test_risk import _risk, _row

_BITS = FILTER_BITS["seen"]  # 2048 chunks


def _rows(name: str) -> list[tuple[str, int, int]]:
    return db.execute_sql(
        "SELECT name, chunk, length(bits) FROM risk_bits WHERE name LIKE ? ORDER BY chunk",
        (name + "%",),
    ).fetchall()


def _keys(count: int, seed: int) -> list[int]:
    rnd = random.Random(seed)
    return [rnd.getrandbits(63) for _ in range(count)]


def _save_whole(keys: list[int]) -> None:
    """Set *keys* in the seen filter read whole, and save it (a big batch's way)."""
    with db.atomic():
        bits = Bits(db.connection(), "seen", _BITS)
        bits.load_all()
        bits.test_and_set_many(keys)
        bits.save()


def test_a_big_save_stores_a_delta_that_readers_add_in_and_merging_folds(
    fresh_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Bits, "DELTA_FROM_BYTES", 64 * Bits.CHUNK_BYTES)
    monkeypatch.setattr(store_db, "in_bulk_write", lambda: True)  # (the maintenance follows)
    conn = db.connection()
    first, second, never = _keys(300, 1), _keys(300, 2), _keys(300, 3)
    _save_whole(first)  # ~300 chunks (1.2 MB) changed; their 300 positions are 1.2 KB: a delta
    assert _rows("seen") == [("seen+", 0, 4 * 300)]
    with db.atomic():
        bits = Bits(conn, "seen", _BITS)
        bits.load_all()
        assert bits.test_and_set_many(second) == set()
        bits.save()
    assert [r[:2] for r in _rows("seen")] == [("seen+", 0), ("seen+", 1)]

    def seen_by_a_small_batch(keys: list[int]) -> set[int]:
        return Bits(conn, "seen", _BITS).test_many(keys)  # chunk by chunk, deltas found

    assert seen_by_a_small_batch(first + second + never) == set(first + second) | (
        set(never) & seen_by_a_small_batch(never)  # (a Bloom filter's false "seen")
    )
    maybe = seen_by_a_small_batch(never)
    assert len(maybe) < 60
    merge_filter_deltas(conn)
    rows = _rows("seen")
    assert {r[0] for r in rows} == {"seen"} and len(rows) == _BITS // 8 // Bits.CHUNK_BYTES
    assert seen_by_a_small_batch(first + second) == set(first + second)
    assert seen_by_a_small_batch(never) == maybe
    merge_filter_deltas(conn)  # nothing left to merge: nothing happens
    assert len(_rows("seen")) == len(rows)


def test_a_big_save_outside_a_bulk_write_stores_its_chunks(
    fresh_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No background maintenance follows a rescore or a backfill part: a delta would stay,
    added in again by every later whole read of the filter."""
    monkeypatch.setattr(Bits, "DELTA_FROM_BYTES", 64 * Bits.CHUNK_BYTES)
    assert not store_db.in_bulk_write()
    _save_whole(_keys(300, 1))
    rows = _rows("seen")
    assert {r[0] for r in rows} == {"seen"} and len(rows) > 64
    with store_db.deferred_checkpoint():
        assert store_db.in_bulk_write()
    assert not store_db.in_bulk_write()


def test_a_small_save_writes_its_chunks(fresh_db: Path) -> None:
    conn = db.connection()
    with db.atomic():
        bits = Bits(conn, "seen", _BITS)
        bits.test_and_set_many(_keys(3, 1))
        bits.save()
    assert {r[0] for r in _rows("seen")} == {"seen"}
    assert Bits(conn, "seen", _BITS).test_many(_keys(3, 1)) == set(_keys(3, 1))


def test_a_failed_merge_changes_nothing(fresh_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Bits, "DELTA_FROM_BYTES", 16 * Bits.CHUNK_BYTES)
    monkeypatch.setattr(store_db, "in_bulk_write", lambda: True)
    conn = db.connection()
    _save_whole(_keys(300, 1))
    before = _rows("seen")

    def broken(self: Bits) -> None:
        self.conn.execute("DELETE FROM risk_bits WHERE name = 'seen+'")
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(Bits, "merge_deltas", broken)
    with pytest.raises(sqlite3.OperationalError):
        merge_filter_deltas(conn)
    assert not conn.in_transaction
    assert _rows("seen") == before


def test_an_import_saves_a_delta_and_the_maintenance_after_it_merges_it(
    fresh_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The big import's filter goes in as a delta; the next import reads it (a window rule
    across the two), and the background maintenance after the import folds it in."""
    from dataclasses import replace

    from dropship_desktop.services import risk

    assert merge_filter_deltas in store_db.MAINTENANCE_TASKS
    monkeypatch.setattr(bulk_orders, "INDEX_EVERY", 40)
    monkeypatch.setattr(risk_engine, "PRETEST_BLOCK", 10)
    monkeypatch.setattr(Bits, "DELTA_FROM_BYTES", Bits.CHUNK_BYTES)
    tuning = order_import.ImportTuning(chunk=40, bulk_index_from=10)
    rows = [
        _row(n, name="张三", phone=f"139{n:08d}", created="2024-03-05 10:00:00")
        for n in range(1, 201)
    ]
    # Hold the maintenance back: the next import must read the delta itself.
    monkeypatch.setattr(store_db, "checkpoint_in_background", lambda: None)
    order_import.import_orders_file(
        write_csv(tmp_path / "a.csv", TAOBAO_HEADERS, rows), shop_name="测试店", tuning=tuning
    )
    assert [r[:2] for r in _rows("seen")] == [("seen+", 0)]
    risk.save_risk_settings(replace(risk.risk_settings(), many_names=2))
    later = [_row(300, name="李四", phone=f"139{7:08d}", created="2024-03-06 10:00:00")]
    monkeypatch.undo()  # the maintenance runs again (and the filter is saved as chunks)
    order_import.import_orders_file(
        write_csv(tmp_path / "b.csv", TAOBAO_HEADERS, later), shop_name="测试店"
    )
    assert "phone_many_names" in _risk(300)[1]
    store_db.wait_for_checkpoint()
    assert {r[0] for r in _rows("seen")} == {"seen"}
