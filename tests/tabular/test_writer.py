from __future__ import annotations

import csv
import re
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dropship_desktop.tabular import neutralise, read_table, write_csv, write_xlsx
from dropship_desktop.tabular.cells import strip_wrappers

_PLAIN_NUMBER = re.compile(r"^[+-]?(?:0|[1-9]\d*)(?:\.\d+)?$")
_DANGEROUS = ("=", "+", "-", "@", "\t", "\r", "\n")

# Text biased towards the dangerous first characters and long digit strings.
cell_text = st.one_of(
    st.text(max_size=40),
    st.builds(
        lambda first, rest: first + rest,
        st.sampled_from(["=", "+", "-", "@", "\t", "\r", "\n", "＝", " =", "'", "\x00"]),
        st.text(max_size=20),
    ),
    st.from_regex(r"\A-?\d{1,22}(\.\d{1,3})?\Z"),
)
cells = st.one_of(cell_text, st.integers(), st.none(), st.decimals(allow_nan=False, places=2))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=SUM(A1:A2)", "'=SUM(A1:A2)"),
        ("+86 138", "'+86 138"),
        ("-2+3", "'-2+3"),
        ("@cmd", "'@cmd"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("＝1+1", "'＝1+1"),
        ("-12.50", "-12.50"),
        ("+3", "+3"),
        ("1930679858170647123", "1930679858170647123"),
        ("张三", "张三"),
        (None, ""),
        (-5, "-5"),
        ("", ""),
    ],
)
def test_neutralise(value: object, expected: str) -> None:
    assert neutralise(value) == expected


def test_csv_format(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    count = write_csv(
        path, ["订单编号", "金额", "备注"], [["1930679858170647123", "-12.50", 'a,"b"']]
    )
    assert count == 1
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.count(b"\r\n") == 2
    # Long digit strings as ="…" (as Taobao writes them): Excel and WPS keep them as text.
    assert data.decode("utf-8-sig").splitlines()[1] == '"=""1930679858170647123""",-12.50,"a,""b"""'
    table = read_table(path)
    assert table.rows == [['="1930679858170647123"', "-12.50", 'a,"b"']]
    assert strip_wrappers(table.rows[0][0]) == "1930679858170647123"


def test_xlsx_types(tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    rows = [
        ["1930679858170647123", "-12.50", "12", "0123", "13812345678", "=1+1", 7, Decimal("3.10")],
        [10**17, 2.5, None, "", datetime(2024, 3, 5, 6, 0, tzinfo=UTC), True, "a\x01b", "-"],
    ]
    write_xlsx(
        path, ["订单编号", "金额", "数量", "邮编", "手机", "备注", "n", "d"], rows, "订单/2024"
    )
    workbook = openpyxl.load_workbook(path)
    sheet = workbook.active
    assert sheet.title == "订单_2024"
    first = [(c.value, c.data_type) for c in sheet[2]]
    assert first == [
        ("1930679858170647123", "s"),
        (-12.5, "n"),
        (12, "n"),
        ("0123", "s"),
        ("13812345678", "s"),
        ("'=1+1", "s"),
        (7, "n"),
        (3.1, "n"),
    ]
    assert sheet["B2"].number_format == "0.00"
    second = [(c.value, c.data_type) for c in sheet[3]]
    assert second[0] == ("100000000000000000", "s")
    assert second[1] == (2.5, "n")
    # Aware times in the computer's time zone, in the app's one date style.
    local = datetime(2024, 3, 5, 6, 0, tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M")
    assert second[4] == (local, "s")
    assert second[6] == ("a\ufffdb", "s")
    assert second[7] == ("'-", "s")
    # And our own reader gets the long numbers back exactly.
    table = read_table(path)
    assert table.rows[0][0] == "1930679858170647123"


def _csv_field_is_safe(field: str) -> bool:
    if re.fullmatch(r'="\d+"', field):
        return True  # digits kept as text: a formula that only returns those digits
    return not field.startswith(_DANGEROUS) or _PLAIN_NUMBER.match(field) is not None


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.lists(cells, min_size=1, max_size=5), min_size=1, max_size=5))
def test_csv_never_holds_a_formula(tmp_path: Path, rows: list[list[object]]) -> None:
    path = tmp_path / "p.csv"
    write_csv(path, ["=h", "b"], rows)
    with open(path, encoding="utf-8-sig", newline="") as handle:
        parsed = list(csv.reader(handle))
    assert parsed[0][0] == "'=h"
    for row in parsed:
        for field in row:
            assert _csv_field_is_safe(field), field


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.lists(cells, min_size=1, max_size=5), min_size=1, max_size=5))
def test_xlsx_never_holds_a_formula(tmp_path: Path, rows: list[list[object]]) -> None:
    path = tmp_path / "p.xlsx"
    write_xlsx(path, ["=h", "@b"], rows, "s")
    sheet = openpyxl.load_workbook(path).active
    for row in sheet.iter_rows():
        for cell in row:
            assert cell.data_type != "f"
            if isinstance(cell.value, str):
                assert not cell.value.startswith("=")
                assert _csv_field_is_safe(cell.value)
