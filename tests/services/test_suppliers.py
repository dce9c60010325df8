from __future__ import annotations

import json
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
