from __future__ import annotations

import contextlib
from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dropship_desktop.tabular.cells import CellError, clean_order_number, clean_text, parse_datetime


@pytest.mark.parametrize(
    "raw",
    [
        '="1930679858170647123"',
        "'1930679858170647123",
        "\t1930679858170647123",
        "1930679858170647123\t",
        " 1930679858170647123 ",
        '\u3000="1930679858170647123"\t',
        '="\'1930679858170647123"',
    ],
)
def test_order_number_wrappers(raw: str) -> None:
    assert clean_order_number(raw) == "1930679858170647123"


@given(st.text(alphabet="0123456789", min_size=1, max_size=25))
def test_long_digit_strings_survive_exactly(digits: str) -> None:
    assert clean_order_number(f'="{digits}"') == digits
    assert clean_order_number("'" + digits) == digits


@pytest.mark.parametrize("raw", ["1.93068E+15", "1.93068E+18", "1.930679858170647e+18", "2E+18"])
def test_scientific_notation_is_rejected(raw: str) -> None:
    with pytest.raises(CellError, match="re-saving"):
        clean_order_number(raw)


def test_order_number_other_forms() -> None:
    assert clean_order_number("") == ""
    assert clean_order_number(None) == ""
    assert clean_order_number("  ") == ""
    assert clean_order_number("240305-123456789012345") == "240305-123456789012345"
    assert clean_order_number("123456.0") == "123456"
    with pytest.raises(CellError):
        clean_order_number("1930679858170647000.0")


def test_clean_text() -> None:
    assert clean_text(" 浙江省\u3000杭州市\t西湖区\r\n文三路 ") == "浙江省 杭州市 西湖区 文三路"
    assert clean_text('="abc"') == "abc"
    assert clean_text("'13812345678") == "13812345678"
    assert clean_text("") == "" and clean_text(None) == ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-03-05 14:22:01", datetime(2024, 3, 5, 6, 22, 1, tzinfo=UTC)),
        ("2024/3/5 14:22", datetime(2024, 3, 5, 6, 22, tzinfo=UTC)),
        ("2024/03/05 14:22:01", datetime(2024, 3, 5, 6, 22, 1, tzinfo=UTC)),
        ("2024-03-05", datetime(2024, 3, 4, 16, 0, tzinfo=UTC)),
        ("20240305142201", datetime(2024, 3, 5, 6, 22, 1, tzinfo=UTC)),
        ("20240305", datetime(2024, 3, 4, 16, 0, tzinfo=UTC)),
        ("2024-03-05T14:22:01", datetime(2024, 3, 5, 6, 22, 1, tzinfo=UTC)),
        ("2024-03-05 14:22:01.000", datetime(2024, 3, 5, 6, 22, 1, tzinfo=UTC)),
        ("2024年3月5日 14:22", datetime(2024, 3, 5, 6, 22, tzinfo=UTC)),
        ("\t2024-03-05 14:22:01 ", datetime(2024, 3, 5, 6, 22, 1, tzinfo=UTC)),
        ("2024-03-05 02:00:00", datetime(2024, 3, 4, 18, 0, tzinfo=UTC)),
    ],
)
def test_parse_datetime(text: str, expected: datetime) -> None:
    result = parse_datetime(text)
    assert result == expected
    assert result is not None and result.utcoffset() is not None  # aware: an instant
    assert result.astimezone(UTC) == expected


def test_parse_datetime_empty_and_bad() -> None:
    assert parse_datetime("") is None
    assert parse_datetime("  ") is None
    assert parse_datetime(None) is None
    for bad in ["昨天", "2024-13-05 10:00:00", "2024-02-30", "12:00", "2024-03-05 25:00"]:
        with pytest.raises(CellError):
            parse_datetime(bad)


@given(st.text(max_size=30))
def test_cell_functions_raise_only_cell_error(text: str) -> None:
    clean_text(text)
    for function in (clean_order_number, parse_datetime):
        with contextlib.suppress(CellError):
            function(text)
