from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dropship_desktop.domain.money import MoneyError, fen_to_yuan_text, format_fen, parse_yuan


@pytest.mark.parametrize(
    ("text", "fen"),
    [
        ("0", 0),
        ("0.07", 7),
        ("12", 1200),
        ("12.5", 1250),
        ("12.50", 1250),
        ("1,234.56", 123456),
        ("¥1,234.5", 123450),
        ("￥ 99", 9900),
        ("99元", 9900),
        (" 3.00 ", 300),
        ("12.500", 1250),
        ("99999999999.99", 9_999_999_999_999),
    ],
)
def test_parse_yuan(text: str, fen: int) -> None:
    assert parse_yuan(text) == fen


@pytest.mark.parametrize("text", ["", "abc", "1.234", "1e3", "--1", "12.3.4", "NaN", "inf"])
def test_parse_yuan_rejects(text: str) -> None:
    with pytest.raises(MoneyError):
        parse_yuan(text)


def test_negative_needs_permission() -> None:
    with pytest.raises(MoneyError):
        parse_yuan("-1.50")
    assert parse_yuan("-1.50", allow_negative=True) == -150


def test_format() -> None:
    assert format_fen(123456) == "¥1,234.56"
    assert format_fen(-5) == "-¥0.05"
    assert fen_to_yuan_text(-123405) == "-1234.05"


@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_round_trip_without_floats(fen: int) -> None:
    assert parse_yuan(fen_to_yuan_text(fen), allow_negative=True) == fen
