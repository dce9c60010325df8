"""Dashboard rules: ranges, rolling rates, the warning line."""

from __future__ import annotations

import pytest

from dropship_desktop.domain.cancel_flow import RateChange, ShopCancellationStats
from dropship_desktop.domain.dashboard import (
    DateRange,
    Totals,
    cancellations_to_line,
    crosses_line,
    is_supplier_caused,
    rolling_rates,
)


def test_ranges() -> None:
    assert DateRange.last(7, 100) == DateRange(94, 100)
    assert DateRange.last(30, 100).days == 30
    with pytest.raises(ValueError):
        DateRange(5, 4)


def test_cancellations_to_line_counts_like_the_wizard() -> None:
    # 100 orders, 3 cancelled, line 5 %: the 5th cancellation reaches it.
    assert cancellations_to_line(ShopCancellationStats(1, 100, 3), 500) == 2
    assert cancellations_to_line(ShopCancellationStats(1, 100, 5), 500) == 0
    assert cancellations_to_line(ShopCancellationStats(1, 100, 9), 500) == 0
    # 101 orders: 5.05 → 6 cancellations needed.
    assert cancellations_to_line(ShopCancellationStats(1, 101, 0), 500) == 6
    assert cancellations_to_line(ShopCancellationStats(1, 0, 0), 500) is None
    # The count is exactly the point where the wizard's "after" rate reaches the line.
    stats = ShopCancellationStats(1, 240, 7)
    k = cancellations_to_line(stats, 450)
    assert k is not None
    before = RateChange(1, 240, 7, 240, 7 + k - 1)
    at = RateChange(1, 240, 7, 240, 7 + k)
    assert before.rate_after < 0.045 <= at.rate_after
    assert crosses_line(at, 450) and not crosses_line(before, 450)


def test_rolling_rates_use_the_trailing_window() -> None:
    orders = [10] * 5 + [0, 20]
    cancelled = [1] * 5 + [0, 10]
    rates = rolling_rates(orders, cancelled, window=3)
    assert rates == [3 / 30, 3 / 30, 3 / 30, 2 / 20, 11 / 30]
    assert rolling_rates([0, 0, 0], [0, 0, 0], window=2) == [None, None]


def test_totals() -> None:
    t = Totals.of([Totals(orders=2, valid_orders=2, sales_fen=1000, profit_fen=300)] * 2)
    assert (t.orders, t.sales_fen, t.profit_fen) == (4, 2000, 600)
    assert t.margin == pytest.approx(0.3)
    assert Totals().margin is None and Totals().cancel_rate == 0.0
    assert t.average_order_fen == 500


def test_supplier_caused_reasons() -> None:
    assert is_supplier_caused("sellerGoodsLack")
    assert is_supplier_caused("default.out_of_stock")
    assert is_supplier_caused("xyz", "商家说库存不足")
    assert not is_supplier_caused("buyerCancel", "买家不要了")
