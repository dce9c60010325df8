"""Exports that survive Excel and WPS, and read back into the app (issue 13 §6)."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import pytest

from dropship_desktop.services.order_export import export_orders
from dropship_desktop.services.order_import import (
    commit_import,
    import_orders_file,
    preview_import,
)
from dropship_desktop.store.db import close_database, db, open_database
from dropship_desktop.tabular.cells import strip_wrappers
from dropship_desktop.tabular.error_groups import rows_text
from dropship_desktop.tabular.reader import read_table

from .test_order_import_files import TAOBAO_HEADERS, taobao_row, write_csv


def _orders(limit: int = 30) -> list[tuple[object, ...]]:
    return db.execute_sql(
        "SELECT id, shop_order_no, status, supplier_order_no, tracking_no, sale_fen,"
        " created_at FROM sales_order WHERE supplier_order_no IS NOT NULL"
        " AND tracking_no IS NOT NULL ORDER BY id LIMIT ?",
        (limit,),
    ).fetchall()


def test_csv_writes_long_numbers_the_way_excel_keeps_them(demo_db: Path, tmp_path: Path) -> None:
    (oid, order_no, _s, supplier_no, _tracking, _sale, _c) = _orders(1)[0]
    db.execute_sql("UPDATE sales_order SET tracking_no = ? WHERE id = ?", ("773012345678901", oid))
    path = tmp_path / "orders.csv"
    export_orders(path, selected_ids=[oid])
    raw = next(csv.reader(io.StringIO(path.read_text("utf-8-sig").splitlines()[1])))
    # As Taobao writes them: ="…" is text to Excel and WPS, never 1.93068E+18.
    assert f'="{order_no}"' in raw and f'="{supplier_no}"' in raw
    assert '="773012345678901"' in raw
    # The importer's cell cleaning unwraps it exactly.
    table = read_table(path)
    row = {h: strip_wrappers(c) for h, c in zip(table.headers, table.rows[0], strict=False)}
    assert row["订单编号"] == order_no and row["1688订单号"] == supplier_no
    assert row["物流单号"] == "773012345678901"
    # Amounts stay plain numbers (sums work), and only digit strings are wrapped.
    assert not any(cell.startswith("=") and not cell.startswith('="') for cell in raw)


def test_xlsx_keeps_long_numbers_as_text_cells(demo_db: Path, tmp_path: Path) -> None:
    (oid, order_no, *_rest) = _orders(1)[0]
    path = tmp_path / "orders.xlsx"
    export_orders(path, selected_ids=[oid])
    with zipfile.ZipFile(path) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    assert f"<v>{order_no}</v>" not in sheet  # not a numeric cell
    assert read_table(path).rows[0][1] == order_no


def test_export_message_counts_orders_without_timing(demo_db: Path, tmp_path: Path) -> None:
    ids = [int(r[0]) for r in _orders(3)]
    changes = export_orders(tmp_path / "x.xlsx", selected_ids=ids)
    assert changes.message_text == "Exported 3 order(s) to x.xlsx."


@pytest.mark.parametrize(("suffix", "language"), [("csv", "zh_CN"), ("xlsx", "en"), ("csv", "en")])
def test_our_own_export_imports_back(
    demo_db: Path, tmp_path: Path, suffix: str, language: str
) -> None:
    orders = _orders(30)
    path = tmp_path / f"orders.{suffix}"
    export_orders(path, selected_ids=[int(r[0]) for r in orders], language=language)
    preview = preview_import(path)
    assert preview.problem == "" and preview.errors == [], preview.error_text()
    assert preview.format == "ours"
    assert len(preview.orders) == len(orders)
    # Into an empty database: the same numbers, statuses, amounts and times come back.
    close_database()
    open_database(tmp_path / "other" / "db.sqlite")
    try:
        import_orders_file(path, shop_name="导入店")
        back = {
            r[0]: r[1:]
            for r in db.execute_sql(
                "SELECT shop_order_no, status, tracking_no, sale_fen, created_at FROM sales_order"
            ).fetchall()
        }
    finally:
        close_database()
    for _id, number, status, _supplier, tracking, sale, created in orders:
        assert back[number][:3] == (status, tracking, sale), number
        assert back[number][3] // 60 == created // 60  # minutes: the export's precision


def test_a_problem_on_every_row_is_said_once_with_its_rows(fresh_db: Path, tmp_path: Path) -> None:
    rows = [taobao_row(str(1930679858170647000 + i), amount="abc") for i in range(40)]
    rows.append(taobao_row("1930679858170648999", quantity="0"))
    preview = preview_import(write_csv(tmp_path / "bad.csv", TAOBAO_HEADERS, rows))
    assert len(preview.errors) == 41
    lines = str(preview.error_text()).splitlines()
    assert len(lines) == 2, lines
    assert lines[0].startswith("40 rows (2–41), column 买家实际支付金额:")
    assert lines[1].startswith("Row 42, column 宝贝总数量:")
    with pytest.raises(Exception, match="40 rows"):
        commit_import(preview, shop_id=None)  # type: ignore[arg-type]


def test_rows_text_joins_runs() -> None:
    assert rows_text([2, 3, 4, 7, 9, 10]) == "2–4, 7, 9–10"
    assert rows_text(list(range(2, 100, 2)), limit=3) == "2, 4, 6, …"
