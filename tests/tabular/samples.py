"""Small order exports shaped like the real platform files, generated in the tests."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from pathlib import Path

import openpyxl

TAOBAO_HEADERS = [
    "订单编号", "买家会员名", "买家支付宝账号", "买家应付货款", "买家应付邮费", "买家实际支付金额",
    "订单状态", "买家留言", "收货人姓名", "收货地址", "运送方式", "联系电话", "联系手机",
    "订单创建时间", "订单付款时间", "宝贝标题", "宝贝种类", "物流单号", "物流公司", "订单备注",
    "宝贝总数量", "店铺名称", "商家编码",
]  # fmt: skip
TAOBAO_ROWS = [
    ['="1930679858170647123"', "tb_buyer1", "", "59.00", "0.00", "59.00",
     "买家已付款，等待卖家发货", "", "张三", "浙江省 杭州市 西湖区 文三路100号(310000)", "快递",
     "", "'13812345678", "2024-03-05 14:22:01", "2024-03-05 14:23:10", "夏季 纯棉T恤", "1",
     "", "", "", "2", "小店", "SKU-001"],
    ['="1930679858170647123"', "tb_buyer1", "", "19.90", "0.00", "19.90",
     "买家已付款,等待卖家发货", "", "张三", "浙江省 杭州市 西湖区 文三路100号(310000)", "快递",
     "", "'13812345678", "2024-03-05 14:22:01", "2024-03-05 14:23:10", "袜子 5双装", "1",
     "", "", "", "1", "小店", "SKU-002"],
    ["1930679858170647999\t", "tb_buyer2", "", "1,234.50", "10.00", "1,244.50",
     "卖家已发货，等待买家确认", "", "李四", "广东省 深圳市 南山区 科技园1栋", "快递", "",
     "\t13900001111", "2024/3/6 9:05", "2024/3/6 9:06", "蓝牙耳机", "1", "No:YT7512345678",
     "圆通速递", "加急", "1", "小店", "SKU-003"],
]  # fmt: skip

PDD_HEADERS = [
    "商品", "订单号", "订单状态", "商品总价(元)", "店铺优惠折扣(元)", "邮费(元)",
    "用户实付金额(元)", "商家实收金额(元)", "商品数量(件)", "收货人", "手机", "省", "市", "区",
    "街道", "订单成交时间", "承诺发货时间", "快递单号", "快递公司", "商品规格", "样式ID",
    "商家编码-SKU维度", "商家备注",
]  # fmt: skip
PDD_ROWS = [
    ["夏季 纯棉T恤", "240305-123456789012345", "待发货", "59.00", "0.00", "0.00", "59.00",
     "59.00", "2", "王五", "13712345678", "江苏省", "南京市", "鼓楼区", "中山路1号",
     "2024-03-05 14:22:01", "2024-03-07 14:22:01", "", "", "白色 XL", "123456", "SKU-001", ""],
    ["袜子", "240305-123456789012346", "已发货，待签收", "19.9", "0", "0", "19.9", "19.9", "1",
     "赵六", "13700000000", "北京市", "北京市", "朝阳区", "建国路88号", "2024-03-05 15:00:00",
     "", "SF1234567890", "顺丰速运", "", "", "SKU-002", ""],
]  # fmt: skip

DOUYIN_HEADERS = [
    "主订单编号", "子订单编号", "选购商品", "商品规格", "商品数量", "商家编码", "商品单价",
    "订单应付金额", "运费", "订单状态", "收件人", "收件人手机号", "省", "市", "区", "街道",
    "详细地址", "订单提交时间", "支付完成时间", "快递信息", "商家备注",
]  # fmt: skip
DOUYIN_ROWS = [
    ["6928374650192837465", "6928374650192837466", "蓝牙耳机", "黑色", "1", "SKU-003", "99.00",
     "99.00", "0.00", "待发货", "孙七", "15800000000", "上海市", "上海市", "浦东新区", "张江镇",
     "科苑路 88 号", "2024-03-05 14:22:01", "2024-03-05 14:22:30", "", ""],
    ["6928374650192837470", "6928374650192837471", "充电线", "1米", "3", "SKU-004", "9.90",
     "29.70", "0.00", "已完成", "周八", "15900000000", "四川省", "成都市", "武侯区", "",
     "四川省成都市武侯区天府大道1号", "2024-03-04 10:00:00", "2024-03-04 10:01:00",
     "中通快递 75312345678901", ""],
]  # fmt: skip

ALI1688_HEADERS = [
    "订单编号", "卖家公司名", "卖家会员名", "订单状态", "货品标题", "单价(元)", "数量",
    "货品总价(元)", "运费(元)", "实付款(元)", "收货人姓名", "收货地址", "联系电话", "联系手机",
    "订单创建时间", "付款时间", "物流公司", "运单号", "货号",
]  # fmt: skip
ALI1688_ROWS = [
    ["3812345678901234567", "义乌某某服饰有限公司", "yiwu123", "等待卖家发货", "纯棉T恤 一件代发",
     "25.00", "1", "25.00", "4.00", "29.00", "张三", "浙江省 杭州市 西湖区 文三路100号", "",
     "13812345678", "2024-03-05 14:30:00", "2024-03-05 14:31:00", "", "", "T-001"],
    ["3812345678901234568", "深圳某某电子", "sz456", "等待买家收货", "蓝牙耳机 代发", "45.50",
     "1", "45.50", "0.00", "45.50", "李四", "广东省 深圳市 南山区 科技园1栋", "", "13900001111",
     "2024-03-06 09:10:00", "2024-03-06 09:11:00", "圆通速递", "YT7512345678", "E-9"],
    ["3812345678901234569", "某厂", "x", "某个新状态", "线", "1", "1", "1", "0", "1", "周八",
     "四川省成都市", "", "15900000000", "2024-03-06 09:10:00", "", "", "", ""],
]  # fmt: skip

SAMPLES: dict[str, tuple[list[str], list[list[str]]]] = {
    "taobao": (TAOBAO_HEADERS, TAOBAO_ROWS),
    "pdd": (PDD_HEADERS, PDD_ROWS),
    "douyin": (DOUYIN_HEADERS, DOUYIN_ROWS),
    "1688": (ALI1688_HEADERS, ALI1688_ROWS),
}


def csv_bytes(
    headers: list[str], rows: list[list[object]], encoding: str, delimiter: str = ","
) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(headers)
    writer.writerows(rows)
    return buffer.getvalue().encode(encoding)


def write_xlsx_file(path: Path, headers: list[str], rows: list[list[object]]) -> Path:
    """An xlsx as a platform writes it: text cells stay text (even if they start with '=')."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for c, header in enumerate(headers, start=1):
        sheet.cell(row=1, column=c, value=header)
    for r, row in enumerate(rows, start=2):
        for c, value in enumerate(row, start=1):
            cell = sheet.cell(row=r, column=c, value=value)
            if isinstance(value, str):
                cell.data_type = "s"
    workbook.save(path)
    return path


def as_xlsx_values(fmt: str, rows: list[list[str]], headers: list[str]) -> list[list[object]]:
    """Typical xlsx export: amounts, quantities and times as numbers/dates, ids as text."""
    numeric = {"买家应付货款", "买家实际支付金额", "宝贝总数量", "商品数量(件)", "用户实付金额(元)",
               "商品数量", "订单应付金额", "数量", "实付款(元)", "单价(元)"}  # fmt: skip
    out: list[list[object]] = []
    for row in rows:
        values: list[object] = []
        for header, cell in zip(headers, row, strict=True):
            text = cell
            if text.startswith('="'):
                text = text[2:-1]  # xlsx exports use text cells instead
            if header in numeric and text and "," not in text:
                values.append(float(text))
            elif header.endswith("时间") and len(text) == 19:
                values.append(datetime.fromisoformat(text))
            else:
                values.append(text)
        out.append(values)
    return out
