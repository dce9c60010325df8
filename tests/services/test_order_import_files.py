"""Helpers (no tests): small platform order exports generated for the import tests, and a DB dump."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.tabular.samples import csv_bytes, write_xlsx_file

TAOBAO_HEADERS = [
    "订单编号", "买家会员名", "买家应付货款", "买家应付邮费", "买家实际支付金额", "订单状态",
    "收货人姓名", "收货地址", "联系手机", "订单创建时间", "订单付款时间", "宝贝标题",
    "物流单号", "物流公司", "宝贝总数量", "商家编码",
]  # fmt: skip

PDD_HEADERS = [
    "商品", "订单号", "订单状态", "商品总价(元)", "邮费(元)", "用户实付金额(元)", "商家实收金额(元)",
    "商品数量(件)", "收货人", "手机", "省", "市", "区", "街道", "订单成交时间", "快递单号",
    "快递公司", "商品规格",
]  # fmt: skip

DOUYIN_HEADERS = [
    "主订单编号", "子订单编号", "选购商品", "商品规格", "商品数量", "商家编码", "商品单价",
    "订单应付金额", "运费", "订单状态", "收件人", "收件人手机号", "省", "市", "区", "街道",
    "详细地址", "订单提交时间", "支付完成时间", "快递信息",
]  # fmt: skip

ALI1688_HEADERS = [
    "订单编号", "卖家公司名", "卖家会员名", "订单状态", "货品标题", "单价(元)", "数量",
    "货品总价(元)", "运费(元)", "实付款(元)", "收货人姓名", "收货地址", "联系手机",
    "订单创建时间", "付款时间", "物流公司", "运单号", "货号",
]  # fmt: skip


def taobao_row(
    order_no: str,
    *,
    status: str = "买家已付款，等待卖家发货",
    name: str = "张三",
    phone: str = "13812345678",
    title: str = "夏季 纯棉T恤",
    amount: str = "59.00",
    quantity: str = "1",
    tracking: str = "",
    carrier: str = "",
    created: str = "2024-03-05 14:22:01",
    paid: str = "2024-03-05 14:23:10",
) -> list[str]:
    return [
        order_no, "tb_buyer", amount, "0.00", amount, status, name,
        "浙江省 杭州市 西湖区 文三路100号", phone, created, paid, title, tracking, carrier,
        quantity, "SKU-1",
    ]  # fmt: skip


def pdd_row(order_no: str, *, status: str = "待发货", phone: str = "13712345678") -> list[str]:
    return [
        "袜子 5双装", order_no, status, "19.90", "0", "19.90", "19.90", "1", "王五", phone,
        "江苏省", "南京市", "鼓楼区", "中山路1号", "2024-03-05 15:00:00", "", "", "白色",
    ]  # fmt: skip


def douyin_rows() -> list[list[str]]:
    return [
        ["6928374650192837465", "6928374650192837466", "蓝牙耳机", "黑色", "1", "SKU-3",
         "99.00", "129.00", "0.00", "待发货", "孙七", "15800000000", "上海市", "上海市",
         "浦东新区", "张江镇", "科苑路 88 号", "2024-03-05 14:22:01", "2024-03-05 14:22:30", ""],
        ["6928374650192837465", "6928374650192837467", "充电线", "1米", "1", "SKU-4", "30.00",
         "129.00", "0.00", "待发货", "孙七", "15800000000", "上海市", "上海市", "浦东新区",
         "张江镇", "科苑路 88 号", "2024-03-05 14:22:01", "2024-03-05 14:22:30", ""],
        ["6928374650192837470", "6928374650192837471", "充电线", "1米", "3", "SKU-4", "9.90",
         "29.70", "0.00", "已完成", "周八", "15900000000", "四川省", "成都市", "武侯区", "",
         "四川省成都市武侯区天府大道1号", "2024-03-04 10:00:00", "2024-03-04 10:01:00",
         "中通快递 75312345678901"],
    ]  # fmt: skip


def ali_row(
    order_id: str,
    *,
    status: str = "等待卖家发货",
    name: str = "张三",
    phone: str = "13812345678",
    title: str = "纯棉T恤 一件代发",
    price: str = "25.00",
    shipping: str = "4.00",
    paid: str = "2024-03-05 14:31:00",
    tracking: str = "",
) -> list[str]:
    total = f"{float(price) + float(shipping):.2f}"
    return [
        order_id, "义乌某某服饰有限公司", "yiwu123", status, title, price, "1", price, shipping,
        total, name, "浙江省 杭州市 西湖区 文三路100号", phone, "2024-03-05 14:30:00", paid,
        "圆通速递" if tracking else "", tracking, "T-001",
    ]  # fmt: skip


def write_csv(
    path: Path, headers: list[str], rows: list[list[str]], encoding: str = "utf-8-sig"
) -> Path:
    path.write_bytes(csv_bytes(headers, rows, encoding))  # type: ignore[arg-type]
    return path


# Text cells stay text cells (as platforms write them), other values keep their type.
write_xlsx = write_xlsx_file


def content_dump(path: Path) -> list[str]:
    """Every schema object and row of the database, as SQL text (WAL included)."""
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()
