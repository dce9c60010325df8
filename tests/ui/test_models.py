from __future__ import annotations

from pathlib import Path

from pytestqt.modeltest import ModelTester

from dropship_desktop.domain.masking import mask_name
from dropship_desktop.store.db import db
from dropship_desktop.store.order_queries import OrderFilter, order_ids
from dropship_desktop.store.sourcing_queries import list_offers, list_suppliers
from dropship_desktop.ui.models.order_list import COLUMNS, OrderListModel
from dropship_desktop.ui.models.rows import RowsModel
from dropship_desktop.ui.sourcing.columns import OFFER_COLUMNS, SUPPLIER_COLUMNS


def test_order_list_model(qtmodeltester: ModelTester, demo_db: Path) -> None:
    model = OrderListModel()
    model.set_ids(order_ids(OrderFilter()))
    qtmodeltester.check(model)
    assert model.rowCount() == 600
    # The buyer column shows the masked name, never the full one.
    buyer_col = [c.key for c in COLUMNS].index("buyer_name")
    first_id = model.order_id(0)
    name = db.execute_sql(
        "SELECT buyer_name FROM sales_order WHERE id = ?", (first_id,)
    ).fetchone()[0]
    assert model.index(0, buyer_col).data() == mask_name(name)
    assert model.index(0, buyer_col).data() != name


def test_rows_models(qtmodeltester: ModelTester, demo_db: Path) -> None:
    suppliers = RowsModel(SUPPLIER_COLUMNS, "SourcingView")
    suppliers.set_rows(list_suppliers())
    qtmodeltester.check(suppliers)
    offers = RowsModel(OFFER_COLUMNS, "SourcingView")
    offers.set_rows(list_offers(1))
    qtmodeltester.check(offers)
    assert offers.rowCount() >= 2
