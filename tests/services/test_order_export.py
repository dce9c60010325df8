"""Order export: masked by default, full data audited, no formulas, CSV with BOM, atomic file."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from dropship_desktop.errors import UserError
from dropship_desktop.services.order_export import ExportCancelledError, export_orders
from dropship_desktop.store.db import db
from dropship_desktop.store.order_queries import OrderFilter, order_ids
from dropship_desktop.tabular.cells import strip_wrappers
from dropship_desktop.tabular.reader import read_table


def _first_order() -> tuple[int, str, str, str, str]:
    row = db.execute_sql(
        "SELECT id, shop_order_no, buyer_name, buyer_phone, ship_address FROM sales_order"
        " ORDER BY id LIMIT 1"
    ).fetchone()
    return row[0], row[1], row[2], row[3], row[4]


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_export_is_masked_and_formula_free(demo_db: Path, tmp_path: Path, suffix: str) -> None:
    oid, order_no, name, phone, address = _first_order()
    db.execute_sql(
        "UPDATE sales_order SET remark = ?, product_summary = ? WHERE id = ?",
        ('=HYPERLINK("http://evil","x")', "+cmd|' /C calc'!A0", oid),
    )
    path = tmp_path / f"orders.{suffix}"
    changes = export_orders(path, selected_ids=[oid])
    assert changes.rows == 1 and not changes.tables  # nothing audited for a masked export
    table = read_table(path)
    row = dict(zip(table.headers, table.rows[0], strict=False))
    assert strip_wrappers(row["订单编号"]) == order_no  # 19 digits, exact (CSV: ="…")
    assert row["收货人"] != name and row["收货人"].startswith(name[0]) and "*" in row["收货人"]
    assert phone not in row["联系电话"] and row["联系电话"].endswith(phone[-4:])
    assert row["收货地址"] != address and row["收货地址"].endswith("****")
    assert row["备注"].startswith("'=") and row["商品"].startswith("'+")
    if suffix == "csv":
        assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    else:
        with zipfile.ZipFile(path) as archive:
            sheet = archive.read("xl/worksheets/sheet1.xml")
        assert b"<f>" not in sheet and b"<f " not in sheet


def test_full_buyer_data_is_audited_without_the_data(demo_db: Path, tmp_path: Path) -> None:
    oid, _no, name, phone, address = _first_order()
    path = tmp_path / "full.csv"
    changes = export_orders(path, selected_ids=[oid], full_buyer_data=True)
    assert "audit_event" in changes.tables
    row = [strip_wrappers(c) for c in read_table(path).rows[0]]  # the phone is written ="…"
    assert name in row and phone in row and address in row
    after = db.execute_sql(
        "SELECT after FROM audit_event WHERE action = 'export_full_buyer_data'"
    ).fetchone()[0]
    assert '"orders": 1' in after and "full.csv" in after
    assert name not in after and phone not in after


def test_export_follows_the_filter_and_its_order(demo_db: Path, tmp_path: Path) -> None:
    flt = OrderFilter(sales_statuses=("paid",), sort_key="sale_fen", descending=False)
    expected = list(order_ids(flt))
    path = tmp_path / "paid.csv"
    changes = export_orders(path, flt, language="en")
    table = read_table(path)
    assert changes.rows == len(expected) == len(table.rows) > 0
    assert table.headers[:3] == ["Shop", "Shop order no.", "Status"]
    assert {r[2] for r in table.rows} == {"Paid, to ship"}
    amounts = [float(r[table.headers.index("Sale amount")]) for r in table.rows]
    assert amounts == sorted(amounts)


def test_cancel_leaves_no_file(demo_db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(ExportCancelledError):
        export_orders(folder / "orders.xlsx", should_cancel=lambda: True)
    assert list(folder.iterdir()) == []


def test_unwritable_target_is_a_user_error(demo_db: Path, tmp_path: Path) -> None:
    with pytest.raises(UserError, match="Cannot write"):
        export_orders(tmp_path / "missing-folder" / "orders.csv")
