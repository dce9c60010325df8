"""Matching a 1688 order to the shop order it serves (pure rules)."""

from __future__ import annotations

from dropship_desktop.domain.buyer_matching import (
    AMBIGUOUS,
    Candidate,
    downstream_pick,
    phone_key,
    pick_sales_order,
)


def _c(oid: int, name: str, product: str, created: int, *, taken: bool = False) -> Candidate:
    return Candidate(oid, name, product, created, taken, 1)


def test_the_same_buyer_with_the_closest_product_is_chosen() -> None:
    pool = [_c(1, "张三", "保温杯 350ml 白色", 100), _c(2, "张三", "折叠雨伞 黑色", 200)]
    assert pick_sales_order(pool, "张三", "保温杯 白色 350ml", 300).id == 1  # type: ignore[union-attr]
    assert pick_sales_order(pool, "李四", "保温杯", 300) is None  # another name


def test_an_undecidable_choice_waits_for_the_seller() -> None:
    pool = [_c(1, "张三", "保温杯", 100), _c(2, "张三", "保温杯", 100)]
    assert pick_sales_order(pool, "张三", "保温杯", 300) is None


def test_a_downstream_number_names_one_order_on_the_named_platform() -> None:
    both = [(7, "taobao"), (8, "pdd")]
    assert downstream_pick(both, "拼多多") == 8
    assert downstream_pick(both, "") == AMBIGUOUS
    assert downstream_pick([], "淘宝") is None
    assert phone_key(" 138-1234 (5678) ") == "13812345678"
