from __future__ import annotations

import pytest

from dropship_desktop.domain import enums
from dropship_desktop.domain.enums import OrderStatus1688, SupplierStatus
from dropship_desktop.domain.orders import is_mismatch, product_summary


@pytest.mark.parametrize(
    "enum_cls",
    [
        enums.OrderStatus1688,
        enums.SalesStatus,
        enums.CancelReason,
        enums.RefundStatus,
        enums.SupplierKind,
        enums.Fulfilment,
        enums.ShopPlatform,
        enums.CancelAction,
        enums.CancelRequestState,
        enums.Eligibility,
    ],
)
def test_every_member_has_both_labels(enum_cls: type[enums._Labelled]) -> None:
    for member in enum_cls:
        assert member.label_en and member.label_zh
        assert any("\u4e00" <= ch <= "\u9fff" for ch in member.label_zh) or member.value == "1688"


def test_platform_codes_are_the_stored_values() -> None:
    assert OrderStatus1688("waitsellersend").label_zh == "等待卖家发货"
    assert enums.CancelReason.SELLER_GOODS_LACK.value == "sellerGoodsLack"
    assert enums.CancelReason.SELLER_GOODS_LACK.label_zh == "卖家库存不足"


def test_unknown_1688_status_is_kept_verbatim() -> None:
    status = SupplierStatus("waitlogisticstakein")
    assert status.known is None
    assert status.raw == "waitlogisticstakein"
    assert "waitlogisticstakein" in status.label_zh
    assert SupplierStatus("success").known is OrderStatus1688.SUCCESS


@pytest.mark.parametrize(
    ("sales", "supplier", "mismatch"),
    [
        ("cancelled", "waitsellersend", True),
        ("refunded", "success", True),
        ("cancelled", "cancel", False),
        ("paid", "waitsellersend", False),
        ("paid", "cancel", True),
        ("shipped", "terminated", True),
        ("paid", None, False),
        ("paid", "weird", False),
    ],
)
def test_mismatch(sales: str, supplier: str | None, mismatch: bool) -> None:
    assert is_mismatch(sales, supplier) is mismatch


def test_status_groups_classify_every_status_and_match_raw_values() -> None:
    from dropship_desktop.domain.enums import (
        CLOSED_1688_STATUSES,
        OPEN_CANCEL_STATES,
        OPEN_REFUND_STATUSES,
        CancelRequestState,
        RefundStatus,
    )

    finished = {RefundStatus.REFUND_SUCCESS, RefundStatus.REFUND_CLOSE, RefundStatus.ENDED}
    assert OPEN_REFUND_STATUSES | finished == set(RefundStatus)
    assert not OPEN_REFUND_STATUSES & finished
    assert {"recorded", "submitted", "interrupted"} == OPEN_CANCEL_STATES
    assert CancelRequestState.CLOSED not in OPEN_CANCEL_STATES
    # Raw strings from the database are looked up directly.
    assert "waitselleragree" in OPEN_REFUND_STATUSES
    assert {"cancel", "terminated"} == CLOSED_1688_STATUSES


@pytest.mark.parametrize(
    ("titles", "text"),
    [
        ([], ""),
        (["", ""], ""),
        (["纯棉T恤"], "纯棉T恤"),
        (["纯棉T恤", "陶瓷马克杯"], "纯棉T恤 等2件：陶瓷马克杯"),
        (["纯棉T恤", "", "陶瓷马克杯", "帆布包"], "纯棉T恤 等3件：陶瓷马克杯；帆布包"),
        # The same product in two specs: named once, every line counted.
        (["纯棉T恤", "纯棉T恤"], "纯棉T恤 等2件"),
        (["纯棉T恤", "帆布包", "纯棉T恤", "帆布包"], "纯棉T恤 等4件：帆布包"),
    ],
)
def test_product_summary_names_every_product_once(titles: list[str], text: str) -> None:
    assert product_summary(titles) == text
