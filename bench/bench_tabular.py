"""Benchmark the order import path: read_table + map_rows on a 200k-row Taobao-style export.

Run: ``uv run python bench/bench_tabular.py [--rows N]``. Prints one JSON line per figure,
including the baseline of a bare ``csv.reader`` over the same file and the ratio to it.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from dropship_desktop.tabular import ColumnMapping, detect_format, map_rows, read_table

HEADERS = [
    "订单编号", "买家会员名", "买家支付宝账号", "买家应付货款", "买家应付邮费", "买家实际支付金额",
    "订单状态", "买家留言", "收货人姓名", "收货地址", "运送方式", "联系电话", "联系手机",
    "订单创建时间", "订单付款时间", "宝贝标题", "宝贝种类", "物流单号", "物流公司", "订单备注",
    "宝贝总数量", "店铺名称", "商家编码",
]  # fmt: skip
STATUSES = ["买家已付款，等待卖家发货", "卖家已发货，等待买家确认", "交易成功", "交易关闭"]
CITIES = [
    "浙江省 杭州市 西湖区",
    "广东省 深圳市 南山区",
    "江苏省 南京市 鼓楼区",
    "四川省 成都市 武侯区",
]


def make_rows(count: int) -> list[list[str]]:
    rnd = random.Random(42)
    rows = []
    for i in range(count):
        order_no = str(1930679858170647123 + i * 7)
        price = rnd.randint(100, 99999)
        yuan = f"{price // 100}.{price % 100:02d}"
        rows.append([
            f'="{order_no}"', f"tb_buyer{i % 5000}", "", yuan, "0.00", yuan,
            STATUSES[i % 4], "请尽快发货" if i % 10 == 0 else "", "张三",
            f"{CITIES[i % 4]} 文三路{i % 500}号 {i % 30}幢({310000 + i % 100})", "快递", "",
            f"'138{i % 100000000:08d}", f"2024-03-{1 + i % 28:02d} {i % 24:02d}:{i % 60:02d}:01",
            f"2024-03-{1 + i % 28:02d} {i % 24:02d}:{i % 60:02d}:30",
            f"夏季新款 纯棉短袖T恤 男女同款 款式{i % 300}", "1",
            f"No:YT{7500000000 + i}" if i % 4 else "", "圆通速递" if i % 4 else "", "",
            str(1 + i % 3), "小店", f"SKU-{i % 1000:04d}",
        ])  # fmt: skip
    return rows


def write_csv_file(path: Path, rows: list[list[str]]) -> None:
    with open(path, "w", encoding="gb18030", newline="") as handle:  # what Excel on zh-CN writes
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(HEADERS)
        writer.writerows(rows)


def write_xlsx_file(path: Path, rows: list[list[str]]) -> None:
    """Write the sheet the way platform exporters (Apache POI, EasyExcel) do: a shared-string
    table, amounts and quantities as number cells, empty cells left out. openpyxl would write
    inline strings, a file ten times larger than any real export."""
    numeric = {HEADERS.index(h) for h in ("买家应付货款", "买家实际支付金额", "宝贝总数量")}
    letters = [chr(ord("A") + i) for i in range(len(HEADERS))]
    strings: dict[str, int] = {}

    def sst(text: str) -> int:
        index = strings.get(text)
        if index is None:
            index = strings[text] = len(strings)
        return index

    parts = ['<row r="1">']
    parts += [f'<c r="{letters[i]}1" t="s"><v>{sst(h)}</v></c>' for i, h in enumerate(HEADERS)]
    parts.append("</row>")
    for r, row in enumerate(rows, start=2):
        parts.append(f'<row r="{r}">')
        for i, value in enumerate(row):
            if value.startswith('="'):
                value = value[2:-1]
            if not value:
                continue
            if i in numeric:
                parts.append(f'<c r="{letters[i]}{r}"><v>{value}</v></c>')
            else:
                parts.append(f'<c r="{letters[i]}{r}" t="s"><v>{sst(value)}</v></c>')
        parts.append("</row>")
    sheet = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<worksheet xmlns="{_MAIN_NS}"><sheetData>{"".join(parts)}</sheetData></worksheet>'
    )
    shared = "".join(f"<si><t>{escape(t)}</t></si>" for t in strings)
    files = {
        "[Content_Types].xml": _CONTENT_TYPES,
        "_rels/.rels": _ROOT_RELS,
        "xl/workbook.xml": _WORKBOOK,
        "xl/_rels/workbook.xml.rels": _WORKBOOK_RELS,
        "xl/styles.xml": f'<styleSheet xmlns="{_MAIN_NS}"/>',
        "xl/sharedStrings.xml": (
            f'<sst xmlns="{_MAIN_NS}" count="{len(strings)}" uniqueCount="{len(strings)}">'
            f"{shared}</sst>"
        ),
        "xl/worksheets/sheet1.xml": sheet,
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)


_MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_CONTENT_TYPES = (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/xl/workbook.xml" ContentType="{_OFFICE}.sheet.main+xml"/>'
    f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_OFFICE}.worksheet+xml"/>'
    f'<Override PartName="/xl/styles.xml" ContentType="{_OFFICE}.styles+xml"/>'
    f'<Override PartName="/xl/sharedStrings.xml" ContentType="{_OFFICE}.sharedStrings+xml"/>'
    "</Types>"
)
_ROOT_RELS = (
    f'<Relationships xmlns="{_PKG_REL_NS}"><Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>'
)
_WORKBOOK = (
    f'<workbook xmlns="{_MAIN_NS}" xmlns:r="{_REL_NS}"><sheets>'
    '<sheet name="订单" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    f'<Relationships xmlns="{_PKG_REL_NS}">'
    f'<Relationship Id="rId1" Type="{_REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{_REL_NS}/styles" Target="styles.xml"/>'
    f'<Relationship Id="rId3" Type="{_REL_NS}/sharedStrings" Target="sharedStrings.xml"/>'
    "</Relationships>"
)


def emit(name: str, rows: int, seconds: float, **extra: object) -> None:
    record = {"bench": name, "rows": rows, "seconds": round(seconds, 3)}
    record["rows_per_s"] = round(rows / seconds)
    record.update(extra)
    print(json.dumps(record, ensure_ascii=False), flush=True)


def timed_import(path: Path) -> tuple[int, float, float]:
    start = time.perf_counter()
    table = read_table(path)
    read_done = time.perf_counter()
    mapping = ColumnMapping.auto(table.headers)
    assert mapping.format == detect_format(table.headers) == "taobao"
    result = map_rows(table, mapping, "shop")
    end = time.perf_counter()
    assert not result.errors, result.errors[:3]
    return len(result.records), read_done - start, end - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=200_000)
    args = parser.parse_args(argv)
    rows = make_rows(args.rows)
    with tempfile.TemporaryDirectory() as tmp:
        csv_path = Path(tmp) / "orders.csv"
        xlsx_path = Path(tmp) / "orders.xlsx"
        write_csv_file(csv_path, rows)
        write_xlsx_file(xlsx_path, rows)
        del rows

        start = time.perf_counter()
        with open(csv_path, encoding="gb18030", newline="") as handle:
            baseline_rows = sum(1 for _ in csv.reader(handle)) - 1
        baseline = time.perf_counter() - start
        emit("csv_baseline_csv_reader", baseline_rows, baseline)

        count, read_s, total_s = timed_import(csv_path)
        emit("csv_read", count, read_s, bytes=csv_path.stat().st_size)
        emit("csv_read_map", count, total_s, ratio_to_baseline=round(total_s / baseline, 2))

        count, read_s, total_s = timed_import(xlsx_path)
        emit("xlsx_read", count, read_s, bytes=xlsx_path.stat().st_size)
        emit("xlsx_read_map", count, total_s)
    return 0


if __name__ == "__main__":
    sys.exit(main())
