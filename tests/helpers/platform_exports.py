"""Generators of platform order exports laid out as the real ones (headers and quirks from
``shared/reference/platform-exports.md``): Taobao 41/68 columns, the 1688 buyer export with its
49 columns and continuation rows, Pinduoduo with a preamble line, Douyin, Kuaishou."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl

ALI1688_49 = [
    "订单编号", "买家公司名", "买家会员名", "卖家公司名", "卖家会员名", "货品总价(元)", "运费(元)",
    "涨价或折扣(元)", "实付款(元)", "订单状态", "订单创建时间", "订单付款时间", "发货方",
    "收货人姓名", "收货地址", "邮编", "联系电话", "联系手机", "货品标题", "单价(元)", "数量", "单位",
    "货号", "型号", "Offer ID", "SKU ID", "物料编号", "单品货号", "货品种类", "买家留言", "物流公司",
    "运单号", "发票：购货单位名称", "发票：纳税人识别号", "发票：地址、电话", "发票：开户行及账号",
    "发票收取地址", "关联编号", "代理商姓名", "代理商联系方式", "是否代发订单", "代发服务商id",
    "微商订单号", "下单批次号", "下游渠道", "下游订单号", "下单公司主体", "发起人登录名",
    "是否发起免密支付(1:淘货源诚e赊免密支付2:批量下单免密支付)",
]  # fmt: skip
assert len(ALI1688_49) == 49

TAOBAO_41 = [
    "订单编号", "买家会员名", "买家支付宝账号", "买家应付货款", "买家应付邮费", "买家支付积分",
    "总金额", "返点积分", "买家实际支付金额", "买家实际支付积分", "订单状态", "买家留言",
    "收货人姓名", "收货地址 ", "运送方式", "联系电话 ", "联系手机", "订单创建时间", "订单付款时间 ",
    "宝贝标题 ", "宝贝种类 ", "物流单号 ", "物流公司", "订单备注", "宝贝总数量", "店铺Id", "店铺名称",
    "订单关闭原因", "卖家服务费", "买家服务费", "发票抬头", "是否手机订单", "分阶段订单信息",
    "特权订金订单id", "定金排名", "修改后的sku", "修改后的收货地址", "异常信息", "天猫卡券抵扣",
    "集分宝抵扣", "是否是O2O交易",
]  # fmt: skip
assert len(TAOBAO_41) == 41
_TB68_EXTRA_AFTER_ALIPAY = ["支付单号", "支付详情"]
_TB68_BEFORE_DEPOSIT = ["是否上传合同照片", "是否上传小票", "是否代付"]
_TB68_TAIL = [
    "满返红包金额", "新零售交易类型", "新零售导购门店id", "新零售导购门店名称", "新零售导购人员id",
    "新零售导购人员名称", "新零售发货门店id", "退款金额", "预约门店", "确认收货时间", "打款商家金额",
    "含应开票给个人的个人红包", "是否信用购", "体验期结束时间", "前N有礼", "配送类型", "直播返现状态",
    "返现金额", "新零售成交门店昵称", "新零售成交门店id", "新零售成交经销商id", "主订单编号",
]  # fmt: skip
TAOBAO_68 = (
    TAOBAO_41[:3]
    + _TB68_EXTRA_AFTER_ALIPAY
    + TAOBAO_41[3:34]
    + _TB68_BEFORE_DEPOSIT
    + TAOBAO_41[34:]
    + _TB68_TAIL
)
assert len(TAOBAO_68) == 68, len(TAOBAO_68)

#: Taobao's 宝贝报表 (ExportOrderDetailList…csv): one row per goods line; the newer layout starts
#: with 子订单编号 and 主订单编号 and adds payment and refund columns.
TAOBAO_ITEMS = ["订单编号", "标题", "价格", "购买数量", "外部系统编号", "商品属性", "套餐信息", "备注",
                "订单状态", "商家编码"]  # fmt: skip
TAOBAO_ITEMS_NEW = ["子订单编号", "主订单编号", "标题", "价格", "购买数量", "外部系统编号", "商品属性",
                    "套餐信息", "备注", "订单状态", "商家编码", "支付单号", "退款状态", "退款金额"]  # fmt: skip

PDD_OBSERVED = [
    "商品", "订单号", "订单状态", "商品总价(元)", "邮费(元)", "店铺优惠折扣(元)", "平台优惠折扣(元)",
    "多多支付立减金额(元)", "用户实付金额(元)", "商家实收金额(元)", "商品数量(件)", "发货时间",
    "确认收货时间", "商品id", "商品规格", "样式ID", "商家编码-规格维度", "商家编码-商品维度",
    "商家备注", "售后状态", "快递单号", "快递公司", "订单成交时间", "收货人", "手机", "省", "市", "区",
    "街道",
]  # fmt: skip

DOUYIN = [
    "主订单编号", "子订单编号", "选购商品", "商品规格", "商品数量", "商家编码", "商品单价",
    "订单应付金额", "运费", "收件人", "收件人手机号", "省", "市", "区", "街道", "详细地址", "买家留言",
    "订单提交时间", "支付完成时间", "商家备注", "订单完成时间", "订单状态", "售后状态", "取消原因",
    "发货时间", "承诺发货时间", "快递信息", "商品ID",
]  # fmt: skip

#: Not confirmed (no public list): what a Kuaishou export plausibly holds.
KUAISHOU = [
    "订单号", "订单状态", "商品名称", "商品ID", "SKU编码", "商家编码", "商品单价", "成交数量",
    "实付款", "运费", "收货人姓名", "收货人电话", "收货地址", "订单创建时间", "支付时间", "快递公司",
    "快递单号", "商家备注", "买家快手号",
]  # fmt: skip


@dataclass
class Line1688:
    title: str
    unit: str  # as the export writes it, e.g. "¥1,234.50"
    qty: int
    offer_id: str = ""
    sku_id: str = ""
    item_code: str = ""
    model: str = ""


@dataclass
class Order1688:
    number: str
    status: str = "等待卖家发货"
    goods: str = ""
    freight: str = "0"
    paid: str = ""
    created: Any = "2026/11/2 8:15"
    paid_at: Any = "2026/11/2 8:16"
    seller: str = "义乌某某服饰有限公司"
    seller_member: str = "yiwu123"
    name: str = "张三"
    phone: str = "13812345678"
    address: str = "浙江省 杭州市 西湖区 文三路100号"
    carrier: str = ""
    tracking: str = ""
    dropship: str = "是"
    batch: str = ""
    channel: str = ""
    downstream: str = ""
    lines: list[Line1688] = field(default_factory=list)


def ali1688_rows(orders: list[Order1688]) -> list[list[Any]]:
    """One row per goods line; later lines of an order leave the order-level cells empty."""
    rows: list[list[Any]] = []
    for order in orders:
        for index, line in enumerate(order.lines):
            cells: dict[str, Any] = {
                "货品标题": line.title, "单价(元)": line.unit, "数量": str(line.qty), "单位": "件",
                "货号": line.item_code, "型号": line.model, "Offer ID": line.offer_id,
                "SKU ID": line.sku_id,
            }  # fmt: skip
            if index == 0:
                cells.update({
                    "订单编号": order.number, "买家公司名": "", "买家会员名": "my_buyer",
                    "卖家公司名": order.seller, "卖家会员名": order.seller_member,
                    "货品总价(元)": order.goods, "运费(元)": order.freight,
                    "涨价或折扣(元)": "0", "实付款(元)": order.paid, "订单状态": order.status,
                    "订单创建时间": order.created, "订单付款时间": order.paid_at,
                    "收货人姓名": order.name, "收货地址": order.address, "联系手机": order.phone,
                    "物流公司": order.carrier, "运单号": order.tracking,
                    "是否代发订单": order.dropship, "下单批次号": order.batch,
                    "下游渠道": order.channel, "下游订单号": order.downstream,
                })  # fmt: skip
            rows.append([cells.get(h, "") for h in ALI1688_49])
    return rows


def csv_file(
    path: Path,
    headers: list[str],
    rows: list[list[Any]],
    *,
    encoding: str = "utf-8-sig",
    preamble: list[list[str]] | None = None,
    quote_all: bool = False,
) -> Path:
    buffer = io.StringIO(newline="")
    writer = csv.writer(
        buffer, lineterminator="\r\n", quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL
    )
    for line in preamble or []:
        writer.writerow(line)
    writer.writerow(headers)
    writer.writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def xlsx_file(
    path: Path,
    headers: list[str],
    rows: list[list[Any]],
    *,
    title: str | None = None,
    numeric: frozenset[str] = frozenset(),
) -> Path:
    """Text cells stay text; *numeric* columns become numbers; datetimes become date cells."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    start = 1
    if title is not None:
        sheet.cell(row=1, column=1, value=title)
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=min(8, len(headers)))
        start = 2
    for c, header in enumerate(headers, start=1):
        sheet.cell(row=start, column=c, value=header)
    for r, row in enumerate(rows, start=start + 1):
        for c, (header, value) in enumerate(zip(headers, row, strict=True), start=1):
            if header in numeric and isinstance(value, str) and value:
                value = float(value)
            cell = sheet.cell(row=r, column=c, value=value)
            if isinstance(value, str):
                cell.data_type = "s"
            elif isinstance(value, datetime):
                cell.number_format = "yyyy-mm-dd hh:mm:ss"
    workbook.save(path)
    return path


def taobao_row(headers: list[str], **values: str) -> list[str]:
    """A Taobao 订单报表 row (every cell as exported: ``="…"`` numbers, ``'`` phones)."""
    base = {
        "订单编号": '="1930679858170647123"', "买家会员名": "tb_buyer1", "买家应付货款": "59.00",
        "买家应付邮费": "0.00", "总金额": "59.00", "买家实际支付金额": "59.00",
        "订单状态": "买家已付款，等待卖家发货", "收货人姓名": "王小明",
        "收货地址 ": "浙江省 杭州市 西湖区   文三路100号(310000)", "联系手机": "'13812345678",
        "订单创建时间": "2026/11/2 8:05", "订单付款时间 ": "2026/11/2 8:06",
        "宝贝标题 ": "夏季 纯棉T恤", "宝贝种类 ": "1", "宝贝总数量": "1", "店铺名称": "小美家居淘宝店",
        "物流单号 ": "", "物流公司": "",
    }  # fmt: skip
    base.update(values)
    return [base.get(h, "") for h in headers]
