"""`dropship-desktop import orders` / `export orders`: exit status, messages, database untouched."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from dropship_desktop.tabular.reader import read_table
from tests.services.test_order_import_files import (
    ALI1688_HEADERS,
    TAOBAO_HEADERS,
    ali_row,
    content_dump,
    taobao_row,
    write_csv,
)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dropship_desktop", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )


def test_import_then_reimport_then_export(tmp_path: Path) -> None:
    data = str(tmp_path / "data")
    shop_file = write_csv(
        tmp_path / "tb.csv",
        TAOBAO_HEADERS,
        [taobao_row("1930679858170647123"), taobao_row("'1930679858170647124", name="李四")],
        "gb18030",
    )
    result = run("import", "orders", str(shop_file), "--data-dir", data)
    assert result.returncode == 1
    assert "--shop" in result.stderr  # no shop yet: the user must name one

    result = run("import", "orders", str(shop_file), "--shop", "小店", "--data-dir", data)
    assert result.returncode == 0, result.stderr
    assert "2 new orders" in result.stdout

    # The only Taobao shop is the default now; the same file again changes nothing.
    result = run("import", "orders", str(shop_file), "--format", "taobao", "--data-dir", data)
    assert result.returncode == 0, result.stderr
    assert "0 new orders" in result.stdout and "2 unchanged" in result.stdout

    ali = write_csv(tmp_path / "1688.csv", ALI1688_HEADERS, [ali_row("3812345678901234567")])
    result = run("import", "orders", str(ali), "--format", "1688", "--data-dir", data)
    assert result.returncode == 0, result.stderr
    assert "1 matched" in result.stdout

    out = tmp_path / "orders.xlsx"
    result = run("export", "orders", str(out), "--data-dir", data)
    assert result.returncode == 0, result.stderr
    table = read_table(out)
    assert sorted(r[1] for r in table.rows) == ["1930679858170647123", "1930679858170647124"]
    assert "张三" not in {c for r in table.rows for c in r}  # masked by default


def test_rejected_import_exits_non_zero_and_leaves_the_database(tmp_path: Path) -> None:
    data = tmp_path / "data"
    good = write_csv(tmp_path / "good.csv", TAOBAO_HEADERS, [taobao_row("1930679858170647123")])
    assert (
        run("import", "orders", str(good), "--shop", "小店", "--data-dir", str(data)).returncode
        == 0
    )
    db_file = data / "dropship.db"
    before = content_dump(db_file)

    bad = write_csv(
        tmp_path / "bad.csv",
        TAOBAO_HEADERS,
        [taobao_row("1930679858170647125", status="已发货"), taobao_row("1.93068E+18")],
    )
    result = run("import", "orders", str(bad), "--data-dir", str(data))
    assert result.returncode == 1
    assert "Row 3, column 订单编号" in result.stderr and "scientific notation" in result.stderr
    assert content_dump(db_file) == before

    unknown = write_csv(tmp_path / "x.csv", ["a", "b"], [["1", "2"]])
    result = run("import", "orders", str(unknown), "--data-dir", str(data))
    assert result.returncode == 1 and "not recognised" in result.stderr
    result = run("import", "orders", str(good), "--format", "ebay", "--data-dir", str(data))
    assert result.returncode == 1 and "Unknown format" in result.stderr
    assert content_dump(db_file) == before


def test_export_without_a_database_fails(tmp_path: Path) -> None:
    result = run("export", "orders", str(tmp_path / "o.csv"), "--data-dir", str(tmp_path))
    assert result.returncode == 1 and "No database" in result.stderr


def test_a_rejected_first_import_creates_no_database(tmp_path: Path) -> None:
    data = tmp_path / "new-data"
    bad = write_csv(
        tmp_path / "bad.csv",
        TAOBAO_HEADERS,
        [taobao_row("1930679858170647125"), taobao_row("1930679858170647126", amount="1.2.3")],
    )
    result = run("import", "orders", str(bad), "--shop", "小店", "--data-dir", str(data))
    assert result.returncode == 1 and "Row 3" in result.stderr
    assert not (data / "dropship.db").exists()


def test_a_column_mapping_file_as_a_seller_writes_it(tmp_path: Path) -> None:
    """``--mapping``: a flat {field: column} object saved by Notepad (UTF-8 with BOM) maps the
    columns of a layout the app does not know; a file that is not such an object is refused
    with a message that says what it must hold."""
    import json

    data = str(tmp_path / "data")
    sheet = tmp_path / "erp.csv"
    sheet.write_text(
        "单号,状态,收件人,手机,地址,宝贝,数量,金额,下单时间\n"
        "A20261201001,待发货,王小明,13800138000,浙江省杭州市西湖区文三路1号,T恤,1,59.90,"
        "2026-12-01 10:00:00\n",
        encoding="utf-8-sig",
    )
    fields = {"order_no": "单号", "status_text": "状态", "buyer_name": "收件人",
              "buyer_phone": "手机", "address": "地址", "product_title": "宝贝",
              "quantity": "数量", "amount_fen": "金额", "created_at": "下单时间"}  # fmt: skip
    mapping = tmp_path / "mapping.json"
    mapping.write_text(json.dumps(fields, ensure_ascii=False), encoding="utf-8-sig")
    args = ("import", "orders", str(sheet), "--shop", "我的店", "--format", "taobao")
    result = run(*args, "--mapping", str(mapping), "--data-dir", data)
    assert result.returncode == 0, result.stderr
    assert "1 new order" in result.stdout
    mapping.write_text('["单号", "状态"]', encoding="utf-8")
    result = run(*args, "--mapping", str(mapping), "--data-dir", data)
    assert result.returncode == 1
    assert "JSON object of field names and column names" in result.stderr, result.stderr
    assert "attribute" not in result.stderr


def test_an_export_never_replaces_an_existing_file_unless_told(tmp_path: Path) -> None:
    """A seller's own file that happens to have the export's name is left as it is."""
    data = tmp_path / "data"
    assert run("demo", "--orders", "30", "--data-dir", str(data)).returncode == 0
    cases = [
        ("export", "orders", "orders.csv"),
        ("export", "offers", "offers.xlsx"),
        ("export", "suppliers", "suppliers.csv"),
        ("export", "aftersales", "cases.xlsx"),
        ("export", "purchase-list", "buy.xlsx"),
        ("export", "mappings", "map.csv"),
        ("risk", "blacklist-export", "black.csv"),
    ]
    for command, what, name in cases:
        mine = tmp_path / name
        mine.write_text("my own figures\n", encoding="utf-8")
        result = run(command, what, str(mine), "--data-dir", str(data))
        assert result.returncode == 1, (what, result.stdout, result.stderr)
        assert "already exists: nothing was written" in result.stderr, (what, result.stderr)
        assert "--overwrite" in result.stderr
        assert "Traceback" not in result.stderr
        assert mine.read_text(encoding="utf-8") == "my own figures\n", what
        if what == "purchase-list":
            continue  # 30 demo orders leave nothing to buy: the refusal is what is tested
        again = run(command, what, str(mine), "--overwrite", "--data-dir", str(data))
        assert again.returncode == 0, (what, again.stderr)
        assert mine.read_text(encoding="utf-8", errors="replace") != "my own figures\n", what
