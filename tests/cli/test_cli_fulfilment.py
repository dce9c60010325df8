"""`dropship-desktop export shipping / purchase-list`, mappings in and out, as a seller runs them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from openpyxl import load_workbook

from dropship_desktop.store.db import close_database, open_database
from tests.helpers.fulfilment_data import paid_order, seed_shops_and_offers, supplier_order


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dropship_desktop", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )


def _seed(data: Path) -> None:
    open_database(data / "dropship.db")
    try:
        seed_shops_and_offers()
        taobao = paid_order(no="1930679858170647001")
        supplier_order(taobao, "4300", carrier="圆通快递", tracking="YT0000000000001")
        pdd = paid_order(shop=2, no="261203-123456789012345")
        supplier_order(pdd, "4301", carrier="中通快递", tracking="78900000000001")
        paid_order(no="1930679858170647002")  # waiting to be ordered
    finally:
        close_database()


def test_export_shipping_per_shop_then_all(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    _seed(data)
    result = run(
        "export",
        "shipping",
        str(tmp_path / "pdd.xlsx"),
        "--shop",
        "拼多多店",
        "--data-dir",
        str(data),
    )
    assert result.returncode == 0, result.stderr
    assert "1 orders (pdd)" in result.stdout
    rows = [[c.value for c in r] for r in load_workbook(tmp_path / "pdd.xlsx").active.iter_rows()]
    assert rows == [
        ["订单号", "快递公司", "快递单号"],
        ["261203-123456789012345", "中通快递", "78900000000001"],
    ]
    result = run("export", "shipping", str(tmp_path / "all.xlsx"), "--data-dir", str(data))
    assert result.returncode == 0, result.stderr
    assert "1 orders (taobao)" in result.stdout  # the pdd row was sent already
    result = run("export", "shipping", str(tmp_path / "again.xlsx"), "--data-dir", str(data))
    assert result.returncode == 1 and "No order to write" in result.stderr
    result = run(
        "export", "shipping", str(tmp_path / "x.xlsx"), "--shop", "没有", "--data-dir", str(data)
    )
    assert result.returncode == 1 and "淘宝小店" in result.stderr


def test_export_purchase_list_and_mappings(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    _seed(data)
    result = run("export", "purchase-list", str(tmp_path / "list.xlsx"), "--data-dir", str(data))
    assert result.returncode == 0, result.stderr
    sheet = load_workbook(tmp_path / "list.xlsx").active
    assert sheet.max_row == 2 and sheet["A2"].value == "1930679858170647002"
    result = run("export", "mappings", str(tmp_path / "m.csv"), "--data-dir", str(data))
    assert result.returncode == 0, result.stderr
    (tmp_path / "m.csv").write_text(
        "店铺,商家编码,规格,1688商品ID,每件数量\n淘宝小店,TS-001,白色;M,610947572360,1\n",
        encoding="utf-8-sig",
    )
    result = run("import", "mappings", str(tmp_path / "m.csv"), "--data-dir", str(data))
    assert result.returncode == 0, result.stderr
    assert "1 mapping(s) imported" in result.stdout
    (tmp_path / "bad.csv").write_text(
        "店铺,1688商品ID,商家编码\n无此店,x,A\n", encoding="utf-8-sig"
    )
    result = run("import", "mappings", str(tmp_path / "bad.csv"), "--data-dir", str(data))
    assert result.returncode == 1 and "Row 2" in result.stderr


def test_exports_into_a_missing_folder_say_so_without_a_traceback(tmp_path: Path) -> None:
    """A seller mistyping the folder: a message and exit 1 from every export, never Python's
    traceback (openpyxl's write-only sheet used to print one as it was collected)."""
    data = tmp_path / "data"
    data.mkdir()
    _seed(data)
    missing = tmp_path / "no such folder"
    for what in ("orders", "suppliers", "offers", "aftersales", "mappings", "purchase-list"):
        for suffix in ("xlsx", "csv"):
            result = run("export", what, str(missing / f"x.{suffix}"), "--data-dir", str(data))
            assert result.returncode == 1, (what, suffix, result.stdout, result.stderr)
            assert "Traceback" not in result.stderr and "Exception" not in result.stderr, (
                what,
                suffix,
                result.stderr,
            )
            assert result.stderr.startswith("error: "), (what, suffix, result.stderr)
    assert not missing.exists()
