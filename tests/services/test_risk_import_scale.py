"""Scoring at import scale: a big import scores its orders while the bulk writer still writes
(RiskBatch.prepare, through a second connection that sees the database as it was before the
import) and must give what scoring in the transaction gives, with history, neighbours and
blacklists; buyer keys made column-wise must be the keys made one by one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dropship_desktop.services import order_import, risk, risk_engine
from dropship_desktop.store import bulk_orders
from dropship_desktop.store.db import db, wait_for_checkpoint

from .test_order_import_files import TAOBAO_HEADERS, write_csv
from .test_risk import _id, _risk, _row

_NAMES = ["张三", "李四", "王五", "赵六", "孙七"]


def _count_prepares(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The sizes of the batches scored beside the writer (RiskBatch.prepare), as they come."""
    calls: list[int] = []
    original = risk_engine.RiskBatch.prepare

    def spy(self: risk_engine.RiskBatch, reads: object, between: Any) -> None:
        calls.append(len(self))
        original(self, reads, between)

    monkeypatch.setattr(risk_engine.RiskBatch, "prepare", spy)
    return calls


_QUERY = "SELECT id, risk_level, risk_rules FROM sales_order ORDER BY id"


def _rows(first: int, count: int, day: int) -> list[list[str]]:
    return [
        _row(
            n,
            name=_NAMES[n % 5],
            phone=f"138{n % 37:08d}",  # phones shared across both imports by several names
            address=f"浙江省 杭州市 西湖区 文三路{n % 23}号",
            created=f"2024-03-{day + n % 5:02d} {n % 24:02d}:00:00",
        )
        for n in range(first, first + count)
    ]


@pytest.mark.parametrize("prepared", [True, False])
def test_a_big_import_scored_beside_the_writer_equals_scoring_in_the_transaction(
    fresh_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, prepared: bool
) -> None:
    monkeypatch.setattr(bulk_orders, "INDEX_EVERY", 40)
    tuning = order_import.ImportTuning(chunk=40, bulk_index_from=10)
    # Earlier orders: a buyer with two refunds (orders 1000, 1001), a blacklisted phone (order
    # 3's), window neighbours.
    refunder = "13900000001"
    first = [*_rows(1, 30, 1), *(_row(n, name="钱八", phone=refunder) for n in (1000, 1001))]
    order_import.import_orders_file(
        write_csv(tmp_path / "a.csv", TAOBAO_HEADERS, first), shop_name="测试店"
    )
    for number in (1000, 1001):
        risk.record_buyer_event(_id(number), "refund_only")
    risk.add_to_blacklist(_id(3), ["phone"], "仅退款")
    monkeypatch.setattr(risk_engine, "PRETEST_BLOCK", 10 if prepared else 10_000)
    calls = _count_prepares(monkeypatch)
    order_import.import_orders_file(
        write_csv(
            tmp_path / "b.csv",
            TAOBAO_HEADERS,
            [
                *_rows(31, 170, 3),
                # Rules of their own, found by the column-wise checks after the last block.
                _row(1003, name="客户", phone="123"),
                *_rows(201, 200, 3),
                _row(1002, name="钱八", phone=refunder),
            ],
        ),
        shop_name="测试店",
        tuning=tuning,
    )
    assert calls == ([372] if prepared else [])
    assert {"name_not_a_name", "phone_invalid"} <= set(_risk(1003)[1])
    scored = db.execute_sql(_QUERY).fetchall()
    # Scored beside the writer, the new orders' keys are written after the commit (by the
    # background maintenance); scored in the transaction, with the orders.
    wait_for_checkpoint()
    assert db.execute_sql("SELECT count(*) FROM risk_key").fetchone()[0] == 404
    # History read from before the import; the ratio counts the buyer's new order too
    # (2 refunds in 3 orders; without it, 2 orders are too few for a ratio).
    assert {"history_refunds", "history_refund_ratio"} <= set(_risk(1002)[1])
    assert "blacklist" in _risk(40)[1]  # phone of order 3 (40 % 37 == 3)
    # A neighbour from the first import: its phone got new names in the second.
    assert "phone_many_names" in _risk(5)[1]
    risk.rescore_all()
    assert db.execute_sql(_QUERY).fetchall() == scored


def test_the_filter_saved_by_the_writer_is_the_one_scoring_reads_next(
    fresh_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The seen-keys filter is stored by the writer's helper after the last block: the next
    import must find every key of this one as seen (a window across the two imports)."""
    monkeypatch.setattr(bulk_orders, "INDEX_EVERY", 40)
    monkeypatch.setattr(risk_engine, "PRETEST_BLOCK", 10)
    tuning = order_import.ImportTuning(chunk=40, bulk_index_from=10)
    rows = [
        _row(n, name="张三", phone=f"139{n:08d}", created="2024-03-05 10:00:00")
        for n in range(1, 201)
    ]
    order_import.import_orders_file(
        write_csv(tmp_path / "a.csv", TAOBAO_HEADERS, rows), shop_name="测试店", tuning=tuning
    )
    saved = db.execute_sql("SELECT count(*) FROM risk_bits WHERE name = 'seen'").fetchone()[0]
    assert saved > 0
    # One order on its own (the small path, filter read chunk by chunk): a second name for
    # phone 7 within the window fires only if the filter says its phone was seen.
    from dataclasses import replace

    risk.save_risk_settings(replace(risk.risk_settings(), many_names=2))
    later = [_row(300, name="李四", phone=f"139{7:08d}", created="2024-03-06 10:00:00")]
    order_import.import_orders_file(
        write_csv(tmp_path / "b.csv", TAOBAO_HEADERS, later), shop_name="测试店"
    )
    assert "phone_many_names" in _risk(300)[1]
    assert "phone_many_names" in _risk(7)[1]


_SAMPLES = [
    "", "13812345678", "138****5678", "tb_Buyer1", "张三", "Ｚｈａｎｇ", "t**1", "a\u3000 b",
    "浙江省 杭州市 西湖区 文三路100号 (310000)", "##密文AbC==", "+86 139 1234 5678",
    "１３８１２３４５６７８", "文三路1号（３１００００）", "文三路1号 ٣١٠٠٠٠", "文三路 310000\n",
    "路1号(310000) ", "1号\u00a0310000\u3000", "（310000）",
]  # fmt: skip
_FIELD = st.one_of(
    st.sampled_from(_SAMPLES),
    st.text(alphabet="0123456789abcAB_ *＊张三路号\u3000-()（）\n\u00a0٣,.", max_size=14),
    # An address ending in what may be a postcode.
    st.builds(
        "".join,
        st.tuples(
            st.sampled_from(["", "路1号", "张 三"]),
            st.sampled_from(["", " ", "(", "（", "\u3000"]),
            st.text(alphabet="0123456789٣", min_size=5, max_size=7),
            st.sampled_from(["", ")", "）", " ", "\n"]),
        ),
    ),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_FIELD, _FIELD, _FIELD, _FIELD), max_size=8))
def test_column_wise_keys_are_the_one_by_one_keys(
    rows: list[tuple[str, str, str, str]],
) -> None:
    from dropship_desktop.services.risk_keys import column_keys, internal_keys, order_values

    seeds = (11, 22, 33, 44)
    names = [r[0] for r in rows]
    phones = [r[1] for r in rows]
    addresses = [r[2] for r in rows]
    members = [r[3] for r in rows]
    expected = [internal_keys(order_values(*row), seeds) for row in rows]
    assert column_keys(names, phones, addresses, seeds, members) == expected


def test_the_fast_paths_give_the_one_by_one_keys() -> None:
    """Blocks where every phone is eleven ASCII digits and every member name plain ASCII."""
    from dropship_desktop.services.risk_keys import column_keys, internal_keys, order_values

    seeds = (5, 6, 7, 8)
    names = ["张三", "Li Lei", "", "王五"]
    phones = ["13812345678", "13912345678", "13812345678", "15000000000"]
    addresses = ["浙江省杭州市西湖区文三路1号", "", "上海市浦东新区1号", "北京市"]
    members = ["tb_Buyer1", "", "ABC_9", "x"]
    assert column_keys(names, phones, addresses, seeds, members) == [
        internal_keys(order_values(n, p, a, m), seeds)
        for n, p, a, m in zip(names, phones, addresses, members, strict=True)
    ]
    assert column_keys(names, phones, addresses, seeds) == [
        internal_keys(order_values(n, p, a, ""), seeds)
        for n, p, a in zip(names, phones, addresses, strict=True)
    ]


def test_imports_inside_one_outer_transaction_score_in_it(
    fresh_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A second connection would miss what an outer transaction wrote before the import (the
    first import's orders): scoring then reads in the transaction, and is what a rescore gives."""
    monkeypatch.setattr(bulk_orders, "INDEX_EVERY", 40)
    monkeypatch.setattr(risk_engine, "PRETEST_BLOCK", 10)
    tuning = order_import.ImportTuning(chunk=40, bulk_index_from=10)
    calls = _count_prepares(monkeypatch)
    first = [_row(n, name="张三", phone=f"139{n % 20:08d}") for n in range(1, 101)]
    second = [_row(n, name=_NAMES[n % 5], phone=f"139{n % 20:08d}") for n in range(101, 201)]
    with db.atomic():
        for name, rows in (("a.csv", first), ("b.csv", second)):
            order_import.import_orders_file(
                write_csv(tmp_path / name, TAOBAO_HEADERS, rows), shop_name="测试店", tuning=tuning
            )
    assert calls == [100]  # the first import: nothing was written before it
    scored = db.execute_sql(_QUERY).fetchall()
    assert "address_many_names" in _risk(1)[1]  # the first import's order, seen by the second
    risk.rescore_all()
    assert db.execute_sql(_QUERY).fetchall() == scored


def test_a_member_name_holding_the_block_separator_keeps_its_own_key() -> None:
    from dropship_desktop.services.risk_keys import column_keys, internal_keys, order_values

    seeds = (1, 2, 3, 4)
    names, phones, addresses = ["张三", "李四"], ["13812345678", "13812345679"], ["a", "b"]
    members = ["tb\x1ex", "y"]
    assert column_keys(names, phones, addresses, seeds, members) == [
        internal_keys(order_values(n, p, a, m), seeds)
        for n, p, a, m in zip(names, phones, addresses, members, strict=True)
    ]


@pytest.mark.parametrize("part", [20_000, 1])
def test_own_checks_made_after_the_blocks_land_on_their_orders(
    fresh_db: Path, monkeypatch: pytest.MonkeyPatch, part: int
) -> None:
    """Blocks' own checks wait for catch_up (checked a few blocks at a time); an order added
    one by one between two blocks must not shift them onto their neighbours."""
    monkeypatch.setattr(risk_engine, "PRETEST_PART", part)

    def row(order_id: int, phone: str) -> tuple[object, ...]:
        address = f"浙江省杭州市西湖区文三路{order_id}号"  # one buyer an order: no window rule
        return (order_id, 1_700_000_000 + order_id, 1, "T恤", 1, 5900, "张伟", phone, address,
                "", "", "")  # fmt: skip

    batch = risk_engine.RiskBatch(db.connection())
    batch.add_rows([row(1, "13812345601"), row(2, "13812345602"), row(3, "13812345603")])
    batch.add(*row(4, "13812345604")[:9])
    batch.add_rows([row(5, "123"), row(6, "13812345606")])
    assert batch.finish() == {5}


def test_catch_up_tests_a_big_batch_in_parts_calling_between(
    fresh_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(risk_engine, "PRETEST_BLOCK", 2)
    monkeypatch.setattr(risk_engine, "PRETEST_PART", 2)
    rows = [
        (n, 1_700_000_000 + n, 1, "T恤", 1, 5900, "张伟", f"138123456{n:02d}",
         f"浙江省杭州市西湖区文三路{n}号", "", "", "")
        for n in range(1, 8)
    ]  # fmt: skip
    batch = risk_engine.RiskBatch(db.connection())
    batch.add_rows(rows)
    calls: list[int] = []
    batch.catch_up(between=lambda: calls.append(1))
    assert len(calls) == 1 + 4  # after the own checks, then before each of 4 parts (2+2+2+1)
    batch.catch_up(between=lambda: calls.append(1))  # nothing left to do
    assert len(calls) == 5
    # Blocks' own checks go a few blocks at a time: 1+1, then 1+4 (at least PRETEST_PART).
    for first, size in ((10, 1), (11, 1), (12, 1), (13, 4)):
        batch.add_rows([(n, *rows[0][1:]) for n in range(first, first + size)])
    calls.clear()
    batch.catch_up(between=lambda: calls.append(1))
    assert len(calls) == 2 + 4  # two groups of blocks, then the filters in 4 parts (2+2+2+1)


def test_scoring_that_fails_beside_the_writer_rolls_the_import_back(
    fresh_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    monkeypatch.setattr(bulk_orders, "INDEX_EVERY", 40)
    monkeypatch.setattr(risk_engine, "PRETEST_BLOCK", 10)

    def broken(self: risk_engine.RiskBatch, reads: object, between: Any) -> None:
        raise RuntimeError("scoring broke")

    monkeypatch.setattr(risk_engine.RiskBatch, "prepare", broken)
    with pytest.raises(RuntimeError, match="scoring broke"):
        order_import.import_orders_file(
            write_csv(tmp_path / "a.csv", TAOBAO_HEADERS, _rows(1, 120, 1)),
            shop_name="测试店",
            tuning=order_import.ImportTuning(chunk=40, bulk_index_from=10),
        )
    assert db.execute_sql("SELECT count(*) FROM sales_order").fetchone()[0] == 0
    assert db.execute_sql("SELECT count(*) FROM risk_key").fetchone()[0] == 0
    assert not [t for t in threading.enumerate() if t.name.startswith("bulk")]
