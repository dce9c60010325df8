from __future__ import annotations

import json
from pathlib import Path

import pytest

from dropship_desktop.domain.orders import OrderFlag
from dropship_desktop.errors import UserError
from dropship_desktop.services.order_summaries import refresh_order_summaries
from dropship_desktop.services.orders import link_supplier_order, reveal_buyer_data
from dropship_desktop.store.db import db


def _one(sql: str, params: tuple[object, ...] = ()) -> tuple[object, ...]:
    return db.execute_sql(sql, params).fetchone()


def test_reveal_returns_full_data_and_audits_without_values(demo_db: Path) -> None:
    name, phone, address = _one(
        "SELECT buyer_name, buyer_phone, ship_address FROM sales_order WHERE id = 5"
    )
    data = reveal_buyer_data(5)
    assert (data.buyer_name, data.buyer_phone, data.ship_address) == (name, phone, address)
    assert name not in repr(data)
    event = _one(
        "SELECT entity, entity_id, action, before, after FROM audit_event"
        " WHERE sales_order_id = 5 ORDER BY id DESC LIMIT 1"
    )
    assert event[:3] == ("sales_order", 5, "reveal_buyer_data")
    for value in (name, phone, address):
        assert value not in event[3] and value not in event[4]


def test_reveal_refuses_removed_data(demo_db: Path) -> None:
    db.execute_sql("UPDATE sales_order SET buyer_data_removed = 1 WHERE id = 6")
    with pytest.raises(UserError):
        reveal_buyer_data(6)
    with pytest.raises(UserError):
        reveal_buyer_data(999_999)


def test_link_supplier_order_recomputes_summary(demo_db: Path) -> None:
    so_id, so_no, status, cost, fee, ship = _one(
        "SELECT id, order_id_1688, status, cost_fen, dropship_fee_fen, shipping_fen"
        " FROM supplier_order WHERE sales_order_id IS NULL LIMIT 1"
    )
    # A paid order that was never ordered from the supplier.
    order_id, sale = _one(
        "SELECT id, sale_fen FROM sales_order WHERE status = 'paid' AND flags & ? != 0 LIMIT 1",
        (int(OrderFlag.NO_SUPPLIER_ORDER),),
    )
    changes = link_supplier_order(so_id, order_id)
    assert changes.touches("sales_order", "supplier_order")
    row = _one(
        "SELECT supplier_status, supplier_order_no, cost_fen, dropship_fee_fen, shipping_fen,"
        " profit_fen, flags FROM sales_order WHERE id = ?",
        (order_id,),
    )
    assert row[:6] == (status, so_no, cost, fee, ship, sale - cost - fee - ship)
    assert not row[6] & OrderFlag.NO_SUPPLIER_ORDER
    audit_row = _one(
        "SELECT action, after FROM audit_event WHERE entity = 'supplier_order' AND entity_id = ?",
        (so_id,),
    )
    assert audit_row[0] == "link" and json.loads(audit_row[1])["sales_order_id"] == order_id
    # Linking again to another order is refused; the same order is a no-op.
    other = _one("SELECT id FROM sales_order WHERE id != ? LIMIT 1", (order_id,))[0]
    with pytest.raises(UserError, match="already belongs"):
        link_supplier_order(so_id, other)
    assert not link_supplier_order(so_id, order_id).tables


def test_link_unknown_orders_is_refused(demo_db: Path) -> None:
    with pytest.raises(UserError):
        link_supplier_order(999_999, 1)
    so_id = _one("SELECT id FROM supplier_order WHERE sales_order_id IS NULL LIMIT 1")[0]
    with pytest.raises(UserError):
        link_supplier_order(so_id, 999_999)


def test_refresh_flags_mismatch_and_keeps_consistent_orders(demo_db: Path) -> None:
    # A completed sale whose 1688 order gets closed: the sides disagree.
    order_id = _one(
        "SELECT o.id FROM sales_order o JOIN supplier_order so ON so.sales_order_id = o.id"
        " WHERE o.status = 'completed' GROUP BY o.id HAVING count(*) = 1 LIMIT 1"
    )[0]
    before = _one("SELECT flags, profit_fen FROM sales_order WHERE id = ?", (order_id,))
    assert refresh_order_summaries([order_id]) == 1
    assert _one("SELECT flags, profit_fen FROM sales_order WHERE id = ?", (order_id,)) == before
    db.execute_sql(
        "UPDATE supplier_order SET status = 'cancel' WHERE sales_order_id = ?", (order_id,)
    )
    refresh_order_summaries([order_id])
    flags, cost, status = _one(
        "SELECT flags, cost_fen, supplier_status FROM sales_order WHERE id = ?", (order_id,)
    )
    assert flags & OrderFlag.MISMATCH and cost == 0 and status == "cancel"


def test_refresh_matches_demo_summaries(demo_db: Path) -> None:
    """The recompute agrees with the generator on live, consistent orders."""
    ids = [
        r[0]
        for r in db.execute_sql(
            "SELECT id FROM sales_order WHERE status IN ('shipped', 'completed') LIMIT 100"
        )
    ]
    cols = "supplier_status, supplier_order_no, cost_fen, dropship_fee_fen, shipping_fen, profit_fen, flags"
    marks = ",".join("?" * len(ids))
    before = db.execute_sql(f"SELECT {cols} FROM sales_order WHERE id IN ({marks})", ids).fetchall()
    refresh_order_summaries(ids)
    after = db.execute_sql(f"SELECT {cols} FROM sales_order WHERE id IN ({marks})", ids).fetchall()
    assert before == after
