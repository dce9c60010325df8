from __future__ import annotations

import contextlib
import io
import zipfile
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dropship_desktop.tabular.reader import _OLE_MAGIC, ReadLimits, read_table
from dropship_desktop.tabular.table import TableError
from tests.tabular.samples import csv_bytes, write_xlsx_file


@pytest.mark.parametrize(
    ("encoding", "expected"),
    [("utf-8-sig", "utf-8-sig"), ("utf-8", "utf-8"), ("gb18030", "gb18030"), ("gbk", "gb18030")],
)
def test_csv_encodings(encoding: str, expected: str) -> None:
    data = csv_bytes(["订单编号", "收货人"], [["1", "张三"], ["2", "䶮"]], "utf-8")
    if encoding == "gbk":
        data = csv_bytes(["订单编号", "收货人"], [["1", "张三"], ["2", "李四"]], "gbk")
    else:
        data = csv_bytes(["订单编号", "收货人"], [["1", "张三"], ["2", "䶮"]], encoding)
    table = read_table(data)
    assert table.encoding == expected
    assert table.headers == ["订单编号", "收货人"]
    assert table.rows[0] == ["1", "张三"]
    assert table.source_format == "csv"


def test_utf16_tab_separated_unicode_text() -> None:
    data = "订单编号\t收货人\r\n1\t张三\r\n".encode("utf-16")
    table = read_table(data)
    assert table.encoding == "utf-16" and table.delimiter == "\t"
    assert table.rows == [["1", "张三"]]


@pytest.mark.parametrize("delimiter", [",", "\t", ";"])
def test_delimiter_is_sniffed(delimiter: str) -> None:
    data = csv_bytes(["a", "b", "c"], [["1", "x,y", "3"]], "utf-8", delimiter)
    table = read_table(data)
    assert table.delimiter == delimiter
    assert table.rows == [["1", "x,y", "3"]]


def test_empty_rows_skipped_and_original_row_numbers_kept() -> None:
    text = '\r\n,,\r\n订单编号,收货人,\r\n1,张三\r\n,\r\n \r\n"2","多行\n地址"\r\n3,王五\r\n'
    table = read_table(text.encode("utf-8"))
    assert table.header_row == 3
    assert table.headers == ["订单编号", "收货人"]  # trailing empty header dropped
    assert table.rows == [["1", "张三"], ["2", "多行\n地址"], ["3", "王五"]]
    assert table.row_numbers == [4, 7, 8]


def test_xlsx_cells_rendered_as_seen(tmp_path: Path) -> None:
    path = write_xlsx_file(
        tmp_path / "a.xlsx",
        ["n", "price", "big", "time", "flag", "text"],
        [
            [123.0, 12.5, 1.930679858170647e18, datetime(2024, 3, 5, 14, 22, 1), True, "'0123"],
            [None, None, None, None, None, None],
            [0.1 + 0.2, 59.9, 1e14, datetime(2024, 3, 5), False, "x"],
        ],
    )
    table = read_table(path)
    assert table.source_format == "xlsx" and table.encoding is None
    assert table.rows == [
        ["123", "12.5", "1.93068E+18", "2024-03-05 14:22:01", "TRUE", "'0123"],
        ["0.3", "59.9", "100000000000000", "2024-03-05", "FALSE", "x"],
    ]
    assert table.row_numbers == [2, 4]


def test_xlsx_header_not_on_first_row(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet["B3"] = "订单编号"
    sheet["C3"] = "数量"
    sheet["B5"] = "1930679858170647123"
    sheet["C5"] = 2
    path = tmp_path / "b.xlsx"
    workbook.save(path)
    table = read_table(path, filename="b.xlsx")
    assert table.header_row == 3
    assert table.headers == ["订单编号", "数量"]
    assert table.rows == [["1930679858170647123", "2"]]
    assert table.row_numbers == [5]
    # Streamed (rows converted as they are asked for), the row numbers are Excel's too.
    streamed = read_table(path, stream_rows=1)
    assert (streamed.header_row, streamed.rows, streamed.row_numbers) == (3, table.rows, [5])


def test_a_streamed_xlsx_gives_the_same_rows_block_by_block(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet["B4"] = "订单编号"
    sheet["C4"] = "金额"
    for i in range(12):
        if i != 5:  # an empty row in the middle is skipped
            sheet.cell(row=5 + i, column=2, value=f"19306798581706{i:05d}")
            sheet.cell(row=5 + i, column=3, value=i + 0.5)
    path = tmp_path / "s.xlsx"
    workbook.save(path)
    whole = read_table(path)
    streamed = read_table(path, stream_rows=4)
    assert streamed.rest is not None and streamed.expected_rows >= len(whole.rows)
    rows, numbers = list(streamed.rows), list(streamed.row_numbers)
    for block, block_numbers in streamed.rest:
        rows += block
        numbers += block_numbers
    assert (rows, numbers) == (whole.rows, whole.row_numbers)
    assert numbers == [5, 6, 7, 8, 9, 11, 12, 13, 14, 15, 16]
    assert rows[0] == ["1930679858170600000", "0.5"]


def test_xlsx_skips_empty_first_sheet(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    workbook.create_sheet("订单")["A1"] = "订单号"
    workbook["订单"]["A2"] = "1"
    path = tmp_path / "c.xlsx"
    workbook.save(path)
    table = read_table(path)
    assert table.sheet_name == "订单" and table.rows == [["1"]]


def test_max_rows(tmp_path: Path) -> None:
    data = csv_bytes(["a"], [[str(i)] for i in range(11)], "utf-8")
    assert len(read_table(data, max_rows=11).rows) == 11
    with pytest.raises(TableError, match="more than 10"):
        read_table(data, max_rows=10)
    path = write_xlsx_file(tmp_path / "m.xlsx", ["a"], [[str(i)] for i in range(11)])
    with pytest.raises(TableError, match="more than 10"):
        read_table(path, max_rows=10)


def test_too_large_file(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    path.write_bytes(b"a\n" + b"1\n" * 1000)
    with pytest.raises(TableError, match="too large"):
        read_table(path, max_bytes=100)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"  \r\n", "empty"),
        (b"\x00\x01\x02\x03binary\x00" * 10, "not a CSV or Excel"),
        (b"PK\x03\x04garbage", "damaged"),
        (_OLE_MAGIC + b"\x00" * 600, "damaged"),
        (b"<html><body><p>Session expired</p></body></html>", "web page"),
        (b"\xff\xfe\x00", "not a CSV"),
    ],
)
def test_bad_files(data: bytes, message: str) -> None:
    with pytest.raises(TableError, match=message):
        read_table(data)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(TableError, match="Cannot open"):
        read_table(tmp_path / "nope.csv")


def test_encrypted_workbook() -> None:
    data = _OLE_MAGIC + b"\x00" * 100 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 100
    with pytest.raises(TableError, match="password"):
        read_table(data)


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def test_other_zip_files_are_refused() -> None:
    with pytest.raises(TableError, match="zip archive"):
        read_table(_zip({"a.txt": b"hello"}))
    with pytest.raises(TableError, match="OpenDocument"):
        read_table(_zip({"mimetype": b"application/vnd.oasis", "content.xml": b"<x/>"}))


def test_zip_bomb_ratio_is_refused() -> None:
    data = _zip({"xl/workbook.xml": b"<workbook/>", "xl/worksheets/sheet1.xml": b"\0" * (64 << 20)})
    with pytest.raises(TableError, match="zip bomb"):
        read_table(data)


def test_zip_bomb_total_size_is_refused() -> None:
    data = _zip({"xl/workbook.xml": b"<workbook/>", "xl/big.bin": bytes(range(256)) * 8192})
    with pytest.raises(TableError, match="too large once unpacked"):
        read_table(data, limits=ReadLimits(max_unzipped_bytes=1 << 20))


def test_zip_bomb_with_lying_sizes_is_refused() -> None:
    content = b"<row/>" * (2 << 20)  # 12 MiB that packs small
    data = bytearray(_zip({"xl/workbook.xml": b"<workbook/>", "xl/worksheets/sheet1.xml": content}))
    # Rewrite the declared size in the central directory to a harmless 1 KiB.
    archive = zipfile.ZipFile(io.BytesIO(bytes(data)))
    real = len(content).to_bytes(4, "little")
    position = data.rfind(real)
    data[position : position + 4] = (1024).to_bytes(4, "little")
    assert (
        zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo("xl/worksheets/sheet1.xml").file_size
        == 1024
    )
    del archive
    # A small limit, no ratio check, and measuring forced (the archive is small).
    limits = ReadLimits(max_unzipped_bytes=4 << 20, max_zip_ratio=10**9, deflate_max_ratio=10**6)
    with pytest.raises(TableError, match="too large once unpacked"):
        read_table(bytes(data), limits=limits)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        st.binary(max_size=2048),
        st.binary(max_size=512).map(lambda b: b"PK\x03\x04" + b),
        st.binary(max_size=512).map(lambda b: _OLE_MAGIC + b),
        st.binary(max_size=512).map(lambda b: b"\xef\xbb\xbf" + b),
        st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass")),
    )
)
def test_random_bytes_raise_only_table_error(data: bytes) -> None:
    try:
        table = read_table(data)
    except TableError as exc:
        assert str(exc)
        return
    assert all(isinstance(cell, str) for row in table.rows for cell in row)
    assert len(table.rows) == len(table.row_numbers)


@settings(max_examples=60, deadline=None)
@given(st.binary(min_size=1, max_size=64), st.integers(min_value=0, max_value=4000))
def test_mutated_xlsx_raises_only_table_error(
    tmp_path_factory: pytest.TempPathFactory, junk: bytes, at: int
) -> None:
    base = _valid_xlsx_bytes()
    at = at % len(base)
    mutated = base[:at] + junk + base[at + len(junk) :]
    with contextlib.suppress(TableError):
        read_table(mutated)


_XLSX_CACHE: list[bytes] = []


def _valid_xlsx_bytes() -> bytes:
    if not _XLSX_CACHE:
        workbook = openpyxl.Workbook()
        sheet = workbook.active
        sheet.append(["订单编号", "数量"])
        sheet.append(["1930679858170647123", 2])
        buffer = io.BytesIO()
        workbook.save(buffer)
        _XLSX_CACHE.append(buffer.getvalue())
    return _XLSX_CACHE[0]


def test_html_table_saved_as_xls_is_read() -> None:
    """Some exports are a web page with a table, named .xls (Excel opens them, so must we)."""
    page = (
        "<html><head><meta http-equiv='Content-Type' content='text/html; charset=gb2312'>"
        "</head><body><table border=1>"
        "<tr><th>订单编号</th><th>买家会员名</th><th>宝贝标题</th><th>订单状态</th></tr>"
        "<tr><td style=\"mso-number-format:'\\@'\">1930679858170647123</td><td>tb张伟</td>"
        "<td>马克杯 &amp; 勺<br>350ml</td><td>交易成功</td></tr>"
        "<tr><td></td><td></td><td></td><td></td></tr>"
        "<tr><td>1930679858170647124</td><td>李娜</td><td>毛毯</td>"
        "<td>买家已付款，等待卖家发货</td></tr>"
        "</table></body></html>"
    ).encode("gbk")
    table = read_table(page, filename="ExportOrderList.xls")
    assert table.source_format == "html"
    assert table.headers == ["订单编号", "买家会员名", "宝贝标题", "订单状态"]
    assert table.rows == [
        ["1930679858170647123", "tb张伟", "马克杯 & 勺 350ml", "交易成功"],
        ["1930679858170647124", "李娜", "毛毯", "买家已付款，等待卖家发货"],
    ]
    assert table.row_numbers == [2, 4]
