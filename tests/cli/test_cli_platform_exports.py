"""`dropship-desktop import orders` with real platform exports (issue #12)."""

from __future__ import annotations

from pathlib import Path

from tests.cli.test_cli_orders import run
from tests.helpers.platform_exports import (
    ALI1688_49,
    KUAISHOU,
    TAOBAO_41,
    ali1688_rows,
    csv_file,
    taobao_row,
)
from tests.services.test_import_1688_export import _orders
from tests.services.test_shop_exports import _kuaishou_rows


def test_cli_kuaishou_format_shop_from_the_file_and_1688_links(tmp_path: Path) -> None:
    data = str(tmp_path / "data")
    ks = csv_file(tmp_path / "ks.csv", KUAISHOU, _kuaishou_rows(["2411020000000001"]))
    result = run("import", "orders", str(ks), "--format", "kuaishou", "--shop", "快手A",
                 "--data-dir", data)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "1 new orders" in result.stdout

    # The file names its shop (店铺名称): a new one is asked for, then chosen by itself.
    tb = csv_file(tmp_path / "tb.csv", TAOBAO_41, [taobao_row(TAOBAO_41)], encoding="gb18030")
    result = run("import", "orders", str(tb), "--data-dir", data)
    assert (
        result.returncode == 1 and "小美家居淘宝店" in result.stderr and "--shop" in result.stderr
    )
    result = run("import", "orders", str(tb), "--shop", "小美家居淘宝店", "--data-dir", data)
    assert result.returncode == 0, result.stderr
    other = csv_file(tmp_path / "tb2.csv", TAOBAO_41,
                     [taobao_row(TAOBAO_41, 订单编号='="1930679858170640000"', 店铺名称="另一家店")])  # fmt: skip
    result = run("import", "orders", str(other), "--shop", "另一家店", "--data-dir", data)
    assert result.returncode == 0, result.stderr
    # Two Taobao shops now; the file's 店铺名称 picks the right one without --shop.
    result = run("import", "orders", str(tb), "--data-dir", data)
    assert result.returncode == 0, result.stderr
    assert "1 unchanged" in result.stdout

    ali = csv_file(tmp_path / "1688.csv", ALI1688_49, ali1688_rows(_orders()))
    result = run("import", "orders", str(ali), "--data-dir", data)
    assert result.returncode == 0, result.stderr
    assert "2 new 1688 orders" in result.stdout
    assert "1 linked to their shop order by 下游订单号" in result.stdout

    result = run("import", "orders", str(ali), "--format", "weibo", "--data-dir", data)
    assert result.returncode != 0 and "kuaishou" in result.stderr


def test_cli_refuses_a_shop_name_of_another_platform(tmp_path: Path) -> None:
    data = str(tmp_path / "data")
    ks = csv_file(tmp_path / "ks.csv", KUAISHOU, _kuaishou_rows(["2411020000000001"]))
    result = run("import", "orders", str(ks), "--format", "kuaishou", "--shop", "小美家居",
                 "--data-dir", data)  # fmt: skip
    assert result.returncode == 0, result.stderr
    tb = csv_file(tmp_path / "tb.csv", TAOBAO_41, [taobao_row(TAOBAO_41)], encoding="gb18030")

    result = run("import", "orders", str(tb), "--shop", "小美家居", "--data-dir", data)

    assert result.returncode == 1
    assert "'小美家居' is a Kuaishou shop" in result.stderr
    assert "1 new orders" not in result.stdout


def test_cli_names_a_folder_and_an_excel_lock_file_for_what_they_are(tmp_path: Path) -> None:
    data = str(tmp_path / "data")
    folder = tmp_path / "导出"
    folder.mkdir()
    result = run("import", "orders", str(folder), "--data-dir", data)
    assert result.returncode == 1
    assert "is a folder, not a file" in result.stderr and "No such file" not in result.stderr

    lock = folder / "~$ExportOrderList202611021200.xlsx"
    lock.write_bytes(b"\x05xiaom" + b" " * 48 + b"\x00" * 110)
    result = run("import", "orders", str(lock), "--data-dir", data)
    assert result.returncode == 1
    assert "Excel's temporary lock file" in result.stderr
    assert "ExportOrderList202611021200.xlsx, without the ~$" in result.stderr
