"""Deleting old buyer data keeps the order figures and leaves no trace of the values on disk."""

from __future__ import annotations

from pathlib import Path

import pytest

from dropship_desktop.errors import UserError
from dropship_desktop.services.privacy import purge_buyer_data
from dropship_desktop.store.db import db
from dropship_desktop.store.order_queries import OrderFilter, order_ids
from dropship_desktop.store.tables import AuditEvent, SalesOrder, SupplierOrder

NOW = 1_793_491_200  # 2026-11-01 UTC, the demo fixture's "now"
DAY = 86_400
# Rare characters: their bytes (and FTS trigrams) occur nowhere else in the demo data.
OLD_NAME = "龘靐齉鼺"
OLD_PHONE = "13987654321"
OLD_ADDRESS = "ꙮ龘靐齉鱻爩ꙮ"
OLD_RECIPIENT = "齾爩鱻龘"
NEW_NAME = "麤灪爨"
OLD_MEMBER = "tb_ꙮ鱻龘靐"
OLD_MESSAGE = "请打电话 ꙮ齉鼺爩"


def _raw(path: Path) -> bytes:
    data = path.read_bytes()
    wal = path.with_name(path.name + "-wal")
    return data + (wal.read_bytes() if wal.exists() else b"")


def _plant(order_id: int, created_at: int, name: str, phone: str, address: str) -> None:
    SalesOrder.update(
        buyer_name=name, buyer_phone=phone, ship_address=address, created_at=created_at
    ).where(SalesOrder.id == order_id).execute()


@pytest.fixture
def planted(demo_db: Path) -> Path:
    # No automatic merging of the index's segments: the purge alone must rid it of the values.
    db.execute_sql("INSERT INTO sales_order_fts (sales_order_fts, rank) VALUES ('automerge', 0)")
    db.execute_sql("INSERT INTO sales_order_fts (sales_order_fts) VALUES ('optimize')")
    with db.atomic():
        _plant(1, NOW - 200 * DAY, OLD_NAME, OLD_PHONE, OLD_ADDRESS)
        # The buyer's account name and message are the buyer's data too.
        SalesOrder.update(buyer_member=OLD_MEMBER, buyer_message=OLD_MESSAGE).where(
            SalesOrder.id == 1
        ).execute()
        _plant(2, NOW - 5 * DAY, NEW_NAME, "13911112222", "新地址")
        SupplierOrder.update(recipient_name=OLD_RECIPIENT, recipient_phone=OLD_PHONE).where(
            SupplierOrder.id
            == SupplierOrder.select(SupplierOrder.id).where(SupplierOrder.sales_order_id == 1)
        ).execute()
        if not SupplierOrder.select().where(SupplierOrder.sales_order_id == 1).exists():
            pytest.skip("demo order 1 has no supplier order")
    return demo_db


def _fragments(text: str) -> list[bytes]:
    """The value, and each of its trigrams' last two characters (what an FTS leaf stores)."""
    parts = [text.encode()]
    parts += [
        text[i + 1 : i + 3].encode()
        for i in range(len(text) - 2)
        if not text[i + 1 : i + 3].isascii()
    ]
    return parts


def test_purge_removes_values_everywhere_and_keeps_figures(planted: Path) -> None:
    before = SalesOrder.get_by_id(1)
    raw = _raw(planted)
    for value in (OLD_NAME, OLD_ADDRESS, OLD_RECIPIENT, OLD_PHONE):
        assert value.encode() in raw  # the check below can see them

    result = purge_buyer_data(90, now=NOW)
    assert result.sales_orders >= 1 and result.supplier_orders >= 1

    after = SalesOrder.get_by_id(1)
    assert (after.buyer_name, after.buyer_phone, after.ship_address) == ("", "", "")
    assert (after.buyer_member, after.buyer_message) == ("", "")
    assert after.buyer_data_removed
    for field in ("sale_fen", "cost_fen", "profit_fen", "quantity", "status", "shop_order_no"):
        assert getattr(after, field) == getattr(before, field)
    recent = SalesOrder.get_by_id(2)
    assert recent.buyer_name == NEW_NAME and not recent.buyer_data_removed
    assert not SupplierOrder.select().where(SupplierOrder.recipient_name == OLD_RECIPIENT).exists()

    # Search no longer finds it; the audit records the purge without values.
    assert 1 not in set(order_ids(OrderFilter(text=OLD_NAME[:3])))
    assert 2 in set(order_ids(OrderFilter(text=NEW_NAME[:3])))
    event = AuditEvent.select().where(AuditEvent.action == "purge_buyer_data").get()
    assert OLD_NAME not in event.after and OLD_PHONE not in event.after

    raw = _raw(planted)
    for value in (OLD_NAME, OLD_ADDRESS, OLD_RECIPIENT, OLD_MEMBER, OLD_MESSAGE):
        for fragment in _fragments(value):
            assert fragment not in raw, (value, fragment)
    assert OLD_PHONE.encode() not in raw
    assert NEW_NAME.encode() in raw  # the grep works on kept data


def test_purge_is_idempotent_and_validates_days(planted: Path) -> None:
    purge_buyer_data(90, now=NOW)
    again = purge_buyer_data(90, now=NOW)
    assert (again.sales_orders, again.supplier_orders) == (0, 0)
    for bad in (0, -3, 100_000):
        with pytest.raises(UserError, match="number of days"):
            purge_buyer_data(bad, now=NOW)
