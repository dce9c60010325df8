from __future__ import annotations

import pytest

from dropship_desktop.domain.masking import mask_address, mask_name, mask_phone


@pytest.mark.parametrize(
    ("name", "masked"),
    [("张伟", "张*"), ("欧阳娜娜", "欧***"), ("李", "李*"), ("", ""), (" 王小明 ", "王**")],
)
def test_mask_name(name: str, masked: str) -> None:
    assert mask_name(name) == masked


@pytest.mark.parametrize(
    ("phone", "masked"),
    [
        ("13812345678", "138****5678"),
        ("+86 138-1234-5678", "138****5678"),
        ("0755-1234567", "*******4567"),
        ("", ""),
    ],
)
def test_mask_phone(phone: str, masked: str) -> None:
    assert mask_phone(phone) == masked


def test_mask_address_cuts_after_district() -> None:
    assert mask_address("广东省深圳市南山区科技园南路88号") == "广东省深圳市南山区****"
    assert mask_address("北京市朝阳区建国路1号") == "北京市朝阳区****"
    assert (
        mask_address("内蒙古自治区鄂尔多斯市准格尔旗薛家湾镇")
        == "内蒙古自治区鄂尔多斯市准格尔旗****"
    )
    # No district: cut after the city.
    assert mask_address("浙江省义乌市稠城街道1号") == "浙江省义乌市****"
    assert "88号" not in mask_address("某地某路88号")
