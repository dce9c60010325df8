from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from dropship_desktop.errors import UserError, ValidationError
from dropship_desktop.services.suppliers import (
    SupplierInput,
    create_supplier,
    delete_supplier,
    update_supplier,
)
from dropship_desktop.store.db import db
from dropship_desktop.store.tables import AuditEvent, Supplier


def test_create_update_delete_with_audit(fresh_db: Path) -> None:
    changes = create_supplier(SupplierInput(kind="platform", name=" 义乌晨光 ", years_on_1688=5))
    assert changes.tables == {"supplier"}
    supplier = Supplier.get_by_id(changes.created_id)
    assert supplier.name == "义乌晨光"
    update_supplier(supplier.id, SupplierInput(kind="channel", name="义乌晨光", rating=4.5))
    assert Supplier.get_by_id(supplier.id).kind == "channel"
    delete_supplier(supplier.id)
    assert not Supplier.select().count()
    actions = [e.action for e in AuditEvent.select().order_by(AuditEvent.id)]
    assert actions == ["create", "update", "delete"]
    update_event = AuditEvent.select().where(AuditEvent.action == "update").get()
    assert json.loads(update_event.before)["kind"] == "platform"
    assert json.loads(update_event.after)["kind"] == "channel"


def test_invalid_input_names_the_fields_and_writes_nothing(fresh_db: Path) -> None:
    with pytest.raises(ValidationError) as info:
        create_supplier(
            SupplierInput(kind="vendor", name=" ", rating=6, on_time_rate=1.2, shop_url="shop.com")
        )
    assert set(info.value.field_errors) == {"kind", "name", "rating", "on_time_rate", "shop_url"}
    assert Supplier.select().count() == 0
    assert AuditEvent.select().count() == 0


def test_delete_is_refused_while_offers_use_the_supplier(demo_db: Path) -> None:
    supplier_id = db.execute_sql("SELECT supplier_id FROM offer LIMIT 1").fetchone()[0]
    events = AuditEvent.select().count()
    with pytest.raises(UserError, match=r"cannot be deleted: \d+ offer"):
        delete_supplier(supplier_id)
    assert Supplier.get_or_none(Supplier.id == supplier_id) is not None
    assert AuditEvent.select().count() == events


def test_delete_is_refused_while_only_orders_use_the_supplier(demo_db: Path) -> None:
    """Orders keep their supplier for the order history even after its offers are gone."""
    supplier_id = db.execute_sql(
        "SELECT supplier_id FROM supplier_order WHERE supplier_id IS NOT NULL LIMIT 1"
    ).fetchone()[0]
    orders = db.execute_sql(
        "SELECT count(*) FROM supplier_order WHERE supplier_id = ?", (supplier_id,)
    ).fetchone()[0]
    with db.atomic():
        db.execute_sql("DELETE FROM offer WHERE supplier_id = ?", (supplier_id,))
    events = AuditEvent.select().count()
    with pytest.raises(UserError, match=rf"cannot be deleted: 0 offer\(s\) and {orders} supplier"):
        delete_supplier(supplier_id)
    assert Supplier.get_or_none(Supplier.id == supplier_id) is not None
    assert AuditEvent.select().count() == events


def test_unchanged_save_writes_no_audit_event(fresh_db: Path) -> None:
    data = SupplierInput(kind="platform", name="义乌晨光", rating=4.5, on_time_rate=0.9)
    supplier_id = create_supplier(data).created_id
    assert supplier_id is not None
    # An old stamp shows whether the row was rewritten (now_epoch has whole seconds).
    db.execute_sql("UPDATE supplier SET updated_at = 1")
    events = AuditEvent.select().count()
    changes = update_supplier(supplier_id, replace(data, name=" 义乌晨光 "))  # trimmed: the same
    assert changes.tables == {"supplier"} and changes.ids == {"supplier": {supplier_id}}
    assert AuditEvent.select().count() == events
    assert Supplier.get_by_id(supplier_id).updated_at == 1
    update_supplier(supplier_id, replace(data, incidents=2))
    event = AuditEvent.select().order_by(AuditEvent.id.desc()).get()
    assert (event.action, json.loads(event.after)) == ("update", {"incidents": 2})
    assert json.loads(event.before) == {"incidents": 0}


def test_update_of_a_deleted_supplier_says_so_before_checking_fields(fresh_db: Path) -> None:
    with pytest.raises(UserError, match="no longer exists"):
        update_supplier(404, SupplierInput(kind="vendor", name=" "))
    assert AuditEvent.select().count() == 0
