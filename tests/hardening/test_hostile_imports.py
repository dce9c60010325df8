"""Hostile import files: every reader or mapper failure is a message naming the row and column,
or the damaged file; never a traceback, and nothing is written.

Each case here ended in a traceback before (issue 14): a date of year 1, an amount of 5,000
digits, a quantity of 23 digits (which reached the SQLite write), a damaged deflate stream.
"""

from __future__ import annotations

import csv
import io
import os
import random
import tempfile
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dropship_desktop.errors import UserError
from dropship_desktop.services.order_import import (
    check_preview,
    commit_import,
    import_orders_file,
    preview_import,
    release_preview,
)
from dropship_desktop.store.db import db
from dropship_desktop.store.queries import table_counts
from dropship_desktop.tabular.cells import MAX_QUANTITY, parse_datetime
from dropship_desktop.tabular.reader import read_table
from dropship_desktop.tabular.table import TableError
from tests.services.test_order_import_files import TAOBAO_HEADERS, taobao_row

SHOP = ("taobao", "硬化测试店")


def _csv(rows: list[list[str]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(TAOBAO_HEADERS)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def _snapshot() -> tuple[dict[str, int], list[tuple[object, ...]]]:
    rows = db.execute_sql(
        "SELECT id, shop_order_no, status, sale_fen, quantity, created_at FROM sales_order ORDER BY id"
    ).fetchall()
    return table_counts(), rows


def _outcome(path: Path, *, streamed: bool) -> str:
    """Import *path* the CLI way (streamed) or the dialog way; return "imported" or the message.

    Fails the test on any exception other than UserError, and when a refusal wrote anything.
    """
    before = _snapshot()
    try:
        preview = preview_import(path, defer_rows=streamed)
        try:
            check_preview(preview)
            if streamed:
                import_orders_file(preview, shop_name=SHOP[1])
            else:
                commit_import(preview, new_shop=SHOP)
        finally:
            release_preview(preview)
    except UserError as exc:
        assert str(exc).strip(), "a refusal must say why"
        assert _snapshot() == before, "a refused import wrote something"
        return str(exc)
    return "imported"


@pytest.fixture
def with_shop(fresh_db: Path) -> Path:
    db.execute_sql(
        "INSERT INTO shop (platform, name, created_at) VALUES (?, ?, 0)", [SHOP[0], SHOP[1]]
    )
    return fresh_db


CASES = {
    "year one": (taobao_row("3" + "0" * 18, created="0001/01/01 00:00"), "订单创建时间"),
    "year one paid": (taobao_row("3" + "0" * 18, paid="0001-01-01 00:00:00"), "订单付款时间"),
    "year 9999": (taobao_row("3" + "0" * 18, paid="9999/12/31 23:59"), "订单付款时间"),
    "5000-digit amount": (taobao_row("3" + "0" * 18, amount="9" * 5000), "买家实际支付金额"),
    "5000-digit yuan": (taobao_row("3" + "0" * 18, amount="¥" + "9" * 5000), "买家实际支付金额"),
    "23-digit quantity": (taobao_row("3" + "0" * 18, quantity="9" * 23), "宝贝总数量"),
    "19-digit amount": (taobao_row("3" + "0" * 18, amount="9" * 19), "买家实际支付金额"),
}


@pytest.mark.parametrize("streamed", [True, False], ids=["cli", "dialog"])
@pytest.mark.parametrize("case", list(CASES))
def test_hostile_cell_is_a_row_and_column_message(
    with_shop: Path, tmp_path: Path, case: str, streamed: bool
) -> None:
    row, column = CASES[case]
    good = taobao_row("3" + "1" * 18)
    path = tmp_path / "orders.csv"
    path.write_bytes(_csv([good, row]))
    message = _outcome(path, streamed=streamed)
    assert message != "imported"
    assert "Row 3" in message and column in message, message
    assert len(message) < 2000  # the 5,000 digits are not quoted in full


def test_quantity_and_dates_at_the_bounds_import(with_shop: Path, tmp_path: Path) -> None:
    row = taobao_row(
        "3" + "2" * 18, quantity=str(MAX_QUANTITY), created="1990-01-01 08:00:00", amount="1"
    )
    path = tmp_path / "orders.csv"
    path.write_bytes(_csv([row]))
    assert _outcome(path, streamed=True) == "imported"


def test_parse_datetime_refuses_out_of_range_years() -> None:
    from dropship_desktop.tabular.cells import CellError

    for text in ("0001/01/01 00:00", "0001-01-01 00:00:00", "00010101", "9999-12-31 23:59:59"):
        with pytest.raises(CellError):
            parse_datetime(text)
    assert parse_datetime("2024-03-05 14:22:01") is not None


def _big_workbook() -> bytes:
    """An XLSX whose sheet packs to over 0.5 MB, so that its unpacked size is measured."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(TAOBAO_HEADERS)
    rnd = random.Random(3)
    for i in range(12_000):
        sheet.append(taobao_row(f"3{i:018d}", name=f"n{rnd.random()}", title=f"t{rnd.random()}"))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_damaged_deflate_stream_is_a_damaged_file(with_shop: Path, tmp_path: Path) -> None:
    data = bytearray(_big_workbook())
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo("xl/worksheets/sheet1.xml")
    assert info.compress_size * 1100 > 512 * 1024 * 1024  # the measured path
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for k in range(1000, info.compress_size - 10, 997):
        data[start + k] ^= 0xFF
    path = tmp_path / "orders.xlsx"
    path.write_bytes(bytes(data))
    with pytest.raises(TableError, match="damaged"):
        read_table(path)
    message = _outcome(path, streamed=True)
    assert "damaged" in message


# --- the whole import path, whatever the cells ---------------------------------------------------

_HOSTILE = st.one_of(
    st.sampled_from(
        [
            "0001/01/01 00:00",
            "0000-00-00 00:00:00",
            "9999-12-31 23:59:59",
            "1e308",
            "-1",
            "NaN",
            "inf",
            "1.2E+18",
            "¥-0.01",
            "１２３",
            "٣",
            "=1+1",
            "\x00",
            "99999999999999999999.99",
            "18446744073709551616",
            "9223372036854775808",
            "2024-02-30 10:00:00",
            "2024年13月1日",
            "",
        ]
    ),
    st.integers(0, 6000).map(lambda n: "9" * n),
    st.integers(min_value=-(10**25), max_value=10**25).map(str),
    st.decimals(allow_nan=True, allow_infinity=True, places=None).map(str),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30),
)


def _hostile_rows(draw: st.DrawFn) -> list[list[str]]:
    rows = []
    for i in range(draw(st.integers(1, 4))):
        row = taobao_row(f"3{i:018d}")
        for column in draw(st.lists(st.integers(0, len(TAOBAO_HEADERS) - 1), max_size=4)):
            row[column] = draw(_HOSTILE)
        rows.append(row)
    return rows


hostile_rows = st.composite(_hostile_rows)


def _check_whole_path(rows: list[list[str]], as_xlsx: bool, streamed: bool) -> None:
    with tempfile.TemporaryDirectory() as folder:
        if as_xlsx:
            book = openpyxl.Workbook()
            sheet = book.active
            sheet.append(TAOBAO_HEADERS)
            for row in rows:
                # openpyxl refuses control characters; a real export cannot hold them either.
                sheet.append(["".join(ch for ch in c if ch >= " ") for c in row])
            path = Path(folder) / "orders.xlsx"
            book.save(path)
        else:
            path = Path(folder) / "orders.csv"
            path.write_bytes(_csv(rows))
        _outcome(path, streamed=streamed)


_FAST = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@_FAST
@given(hostile_rows(), st.booleans(), st.booleans())
def test_whole_import_path_imports_or_explains(
    with_shop: Path, rows: list[list[str]], as_xlsx: bool, streamed: bool
) -> None:
    _check_whole_path(rows, as_xlsx, streamed)


@pytest.mark.slow
@settings(
    max_examples=int(os.environ.get("DROPSHIP_FUZZ_CASES", "2000")),  # tools/reliability.py
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(hostile_rows(), st.booleans(), st.booleans())
def test_whole_import_path_imports_or_explains_many(
    with_shop: Path, rows: list[list[str]], as_xlsx: bool, streamed: bool
) -> None:
    _check_whole_path(rows, as_xlsx, streamed)


def test_hostile_product_numbers_are_row_messages(fresh_db: Path, tmp_path: Path) -> None:
    from dropship_desktop.services.sourcing import preview_product_import

    path = tmp_path / "products.csv"
    path.write_text(
        "title,sku,stock,moq,unit_cost,supplier\n"
        f"A,S1,{'9' * 5000},1,1,X\nB,S2,1,{'9' * 23},1,X\nC,S3,1,1,{'9' * 30},X\n",
        encoding="utf-8",
    )
    preview = preview_product_import(path)  # raised ValueError (4,300-digit limit)
    problems = {(row.row_number, column) for row in preview.rows for column in row.errors}
    assert {(2, "stock"), (3, "moq"), (4, "unit_cost")} <= problems
