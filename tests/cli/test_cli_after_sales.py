"""``dropship-desktop import aftersales`` and ``export aftersales`` as a seller runs them."""

from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

from .test_cli import run

HEADERS = ["售后编号", "订单编号", "交易金额", "退款金额", "售后状态", "订单状态", "退款类型",
           "申请时间", "同意退款时间"]  # fmt: skip


def _cases(folder: Path) -> int:
    with sqlite3.connect(folder / "dropship.db") as conn:
        return int(conn.execute("SELECT count(*) FROM after_sales_case").fetchone()[0])


def test_import_and_export_aftersales(tmp_path: Path) -> None:
    assert run("demo", "--orders", "200", "--data-dir", str(tmp_path)).returncode == 0
    with sqlite3.connect(tmp_path / "dropship.db") as conn:
        orders = conn.execute(
            "SELECT o.shop_order_no, s.name FROM sales_order o JOIN shop s ON s.id = o.shop_id"
            " WHERE s.platform = 'pdd' ORDER BY o.id LIMIT 2"
        ).fetchall()
    before = _cases(tmp_path)
    good = tmp_path / "售后信息.csv"
    with open(good, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADERS)
        for i, (number, _shop) in enumerate(orders):
            writer.writerow([f"\t77000{i}", f"\t{number}", "59.00", "59.00", "待商家处理", "已签收",
                             "退货退款", "2026-11-20 10:00:00", ""])  # fmt: skip
    result = run("import", "aftersales", str(good), "--shop", orders[0][1],
                 "--data-dir", str(tmp_path))  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "2 new case(s)" in result.stdout
    assert _cases(tmp_path) == before + 2

    bad = tmp_path / "bad.csv"
    bad.write_text(good.read_text(encoding="utf-8-sig").replace(orders[1][0], "999999-1"), "utf-8")
    result = run("import", "aftersales", str(bad), "--data-dir", str(tmp_path))
    assert result.returncode == 1
    assert "999999-1 is not in the database" in result.stderr and "Traceback" not in result.stderr
    assert _cases(tmp_path) == before + 2  # nothing written, not even the good row

    out = tmp_path / "out.xlsx"
    result = run("export", "aftersales", str(out), "--data-dir", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert out.stat().st_size > 0 and f"{before + 2} after-sales cases" in result.stdout
