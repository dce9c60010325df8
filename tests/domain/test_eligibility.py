from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from dropship_desktop.domain.eligibility import cancel_eligibility
from dropship_desktop.domain.enums import Eligibility

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
OLD = NOW - timedelta(hours=2)


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("waitbuyerpay", Eligibility.CLOSE),
        ("waitsellersend", Eligibility.REFUND_REQUEST),
        ("waitbuyerreceive", Eligibility.AFTER_SALES_ONLY),
        ("confirm_goods", Eligibility.AFTER_SALES_ONLY),
        ("success", Eligibility.AFTER_SALES_ONLY),
        ("cancel", Eligibility.ALREADY_CLOSED),
        ("terminated", Eligibility.ALREADY_CLOSED),
        ("waitlogisticstakein", Eligibility.UNKNOWN_STATUS),
    ],
)
def test_status_branches(status: str, expected: Eligibility) -> None:
    result = cancel_eligibility(status, OLD, NOW)
    assert result.kind is expected
    assert result.actionable == (expected in (Eligibility.CLOSE, Eligibility.REFUND_REQUEST))


def test_too_soon_reports_seconds_to_wait() -> None:
    result = cancel_eligibility("waitbuyerpay", NOW - timedelta(seconds=3.5), NOW)
    assert result.kind is Eligibility.TOO_SOON
    assert result.retry_in_seconds == 7
    assert not result.actionable


def test_exactly_ten_seconds_is_allowed() -> None:
    assert cancel_eligibility("waitbuyerpay", NOW - timedelta(seconds=10), NOW).kind is (
        Eligibility.CLOSE
    )


def test_paid_orders_are_not_subject_to_the_close_delay() -> None:
    # CLOSE_ORDER_TOO_FAST concerns alibaba.trade.cancel only; refunds are another call.
    result = cancel_eligibility("waitsellersend", NOW - timedelta(seconds=2), NOW)
    assert result.kind is Eligibility.REFUND_REQUEST
