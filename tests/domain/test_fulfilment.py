"""Fulfilment rules: listing keys, addresses, carriers, allocation."""

from __future__ import annotations

import pytest

from dropship_desktop.domain.fulfilment import (
    Receiver,
    allocate,
    carrier_for_platform,
    is_hidden_receiver,
    listing_keys,
    offer_id_from_ref,
    receiver_block,
    split_address,
)


def test_listing_keys_most_specific_first() -> None:
    assert listing_keys(
        platform_sku_id="51234",
        platform_item_id="6543",
        merchant_code=" TS-001 ",
        title="T恤",
        spec="颜色分类:白色；尺码:M",
    ) == [
        "sku:51234",
        "item:6543|颜色分类:白色;尺码:m",
        "code:ts-001|颜色分类:白色;尺码:m",
        "title:t恤|颜色分类:白色;尺码:m",
        # The listing without its spec last: mappings learned before shop lines kept it.
        "item:6543|",
        "code:ts-001|",
        "title:t恤|",
    ]
    assert listing_keys(title="杯子", spec="无规格") == ["title:杯子|"]
    assert listing_keys() == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("广东省深圳市南山区科技园南路88号", ("广东省", "深圳市", "南山区", "科技园南路88号")),
        (
            "浙江省 金华市 义乌市 稠城街道 工人北路1号(322000)",
            ("浙江省", "金华市", "义乌市", "稠城街道 工人北路1号"),
        ),
        ("北京市朝阳区建国路1号", ("北京市", "北京市", "朝阳区", "建国路1号")),
        ("上海 上海市 浦东新区 世纪大道100号", ("上海市", "上海市", "浦东新区", "世纪大道100号")),
        (
            "新疆维吾尔自治区乌鲁木齐市天山区解放路1号",
            ("新疆维吾尔自治区", "乌鲁木齐市", "天山区", "解放路1号"),
        ),
    ],
)
def test_split_address(text: str, expected: tuple[str, str, str, str]) -> None:
    assert split_address(text) == expected


def test_receiver_block_for_1688s_address_form() -> None:
    receiver = Receiver.of("李娜", "+86 138-1234-5678", "四川省成都市武侯区天府大道1号")
    assert receiver_block(receiver, "1930679858170647") == (
        "收货人：李娜\n手机号码：+86138-1234-5678\n所在地区：四川省 成都市 武侯区\n"
        "详细地址：天府大道1号\n留言：代发订单 1930679858170647"
    )


def test_hidden_receivers() -> None:
    assert is_hidden_receiver("##密文BASE64", "13800000000", "广东省深圳市")
    assert is_hidden_receiver("张三", "138****5678", "广东省深圳市南山区")
    assert is_hidden_receiver("张三", "13812345678", "")
    assert not is_hidden_receiver("张三", "13812345678", "广东省深圳市南山区科技园")


@pytest.mark.parametrize(
    ("name", "platform", "expected"),
    [
        ("圆通快递", "taobao", "圆通速递"),
        ("圆通速递", "pdd", "圆通快递"),
        ("顺丰快递", "taobao", "顺丰速运"),
        ("中国邮政", "douyin", "邮政快递包裹"),
        ("邮政EMS", "pdd", "邮政EMS"),
        ("EMS", "taobao", "EMS"),
        ("京东物流", "douyin", "京东物流"),
        ("京东物流", "kuaishou", "京东快递"),
        ("百世快递", "taobao", "极兔速递"),
        (" 韵达快递(YUNDA) ", "tmall", "韵达快递"),
        ("中通快递有限公司", "pdd", "中通快递"),
        ("某某同城", "taobao", None),
        ("", "taobao", None),
    ],
)
def test_carrier_names_as_each_platform_lists_them(
    name: str, platform: str, expected: str | None
) -> None:
    assert carrier_for_platform(name, platform) == expected


def test_allocate_is_exact() -> None:
    assert allocate(500, [1000, 2000, 3000]) == [83, 167, 250]
    assert sum(allocate(101, [1, 1, 1])) == 101
    assert allocate(100, [0, 0]) == [50, 50]
    assert allocate(7, []) == []


def test_offer_ids_from_links() -> None:
    assert (
        offer_id_from_ref("https://detail.1688.com/offer/610947572360.html?spm=a") == "610947572360"
    )
    assert offer_id_from_ref("610947572360") == "610947572360"
    assert offer_id_from_ref("https://m.1688.com/offer.htm?offerId=610947572360") == "610947572360"
    assert offer_id_from_ref("abc") == ""
