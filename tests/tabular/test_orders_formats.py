from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from dropship_desktop.domain.enums import OrderStatus1688, SalesStatus, SupplierStatus
from dropship_desktop.tabular import (
    CellError,
    ColumnMapping,
    TableError,
    detect_format,
    group_by_order,
    map_rows,
    map_status_text,
    read_table,
)
from dropship_desktop.tabular.orders_formats import (
    OrderRecord,
    kind_for_format,
    normalise_header,
)
from dropship_desktop.tabular.table import Table
from tests.tabular.samples import SAMPLES, as_xlsx_values, csv_bytes, write_xlsx_file

ENCODINGS = ["utf-8-sig", "utf-8", "gb18030", "xlsx"]


def _load(fmt: str, encoding: str, tmp_path: Path) -> Table:
    headers, rows = SAMPLES[fmt]
    if encoding == "xlsx":
        path = write_xlsx_file(
            tmp_path / "orders.xlsx", headers, as_xlsx_values(fmt, rows, headers)
        )
    else:
        path = tmp_path / "orders.csv"
        path.write_bytes(csv_bytes(headers, rows, encoding))
    return read_table(path)


def _import(fmt: str, encoding: str, tmp_path: Path) -> list[OrderRecord]:
    table = _load(fmt, encoding, tmp_path)
    assert detect_format(table.headers) == fmt
    mapping = ColumnMapping.auto(table.headers)
    assert mapping.format == fmt
    result = map_rows(table, mapping, kind_for_format(fmt))
    assert result.errors == []
    return result.records


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_taobao(encoding: str, tmp_path: Path) -> None:
    records = _import("taobao", encoding, tmp_path)
    first, second, third = records
    assert first.order_no == "1930679858170647123"
    assert third.order_no == "1930679858170647999"
    assert first.row == 2 and third.row == 4
    assert first.quantity == 2
    assert first.amount_fen == 5900
    assert second.amount_fen == 1990
    assert first.status is SalesStatus.PAID and second.status is SalesStatus.PAID
    assert third.status is SalesStatus.SHIPPED
    assert first.buyer_name == "张三"
    assert first.buyer_phone == "13812345678"
    assert third.buyer_phone == "13900001111"
    assert first.address.startswith("浙江省 杭州市 西湖区")
    assert first.created_at == datetime(2024, 3, 5, 6, 22, 1, tzinfo=UTC)
    assert first.paid_at == datetime(2024, 3, 5, 6, 23, 10, tzinfo=UTC)
    assert first.sku == "SKU-001" and first.shop_name == "小店"
    assert third.tracking_no == "YT7512345678" and third.carrier == "圆通速递"
    assert third.remark == "加急"
    if encoding != "xlsx":
        assert third.amount_fen == 124450
        assert third.created_at == datetime(2024, 3, 6, 1, 5, tzinfo=UTC)
    groups = group_by_order(records)
    assert list(groups) == ["1930679858170647123", "1930679858170647999"]
    assert [r.sku for r in groups["1930679858170647123"]] == ["SKU-001", "SKU-002"]


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_pdd(encoding: str, tmp_path: Path) -> None:
    first, second = _import("pdd", encoding, tmp_path)
    assert first.order_no == "240305-123456789012345"
    assert first.quantity == 2 and first.amount_fen == 5900
    assert first.status is SalesStatus.PAID
    assert second.status is SalesStatus.SHIPPED
    assert first.address == "江苏省南京市鼓楼区中山路1号"
    assert first.province == "江苏省" and first.district == "鼓楼区"
    assert first.buyer_phone == "13712345678"
    assert first.sku == "SKU-001"
    assert second.tracking_no == "SF1234567890" and second.carrier == "顺丰速运"
    assert second.amount_fen == 1990
    assert first.created_at == datetime(2024, 3, 5, 6, 22, 1, tzinfo=UTC)


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_douyin(encoding: str, tmp_path: Path) -> None:
    first, second = _import("douyin", encoding, tmp_path)
    assert first.order_no == "6928374650192837465"
    assert first.sub_order_no == "6928374650192837466"
    assert first.product_title == "蓝牙耳机"
    assert first.address == "上海市浦东新区张江镇科苑路 88 号"  # city == province: not repeated
    assert second.address == "四川省成都市武侯区天府大道1号"  # detail already holds the prefix
    assert first.status is SalesStatus.PAID and second.status is SalesStatus.COMPLETED
    assert second.quantity == 3 and second.amount_fen == 2970 and second.unit_price_fen == 990
    assert second.carrier == "中通快递" and second.tracking_no == "75312345678901"
    assert first.paid_at == datetime(2024, 3, 5, 6, 22, 30, tzinfo=UTC)


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_1688(encoding: str, tmp_path: Path) -> None:
    first, second, third = _import("1688", encoding, tmp_path)
    assert first.order_no == "3812345678901234567"
    assert first.supplier_name == "义乌某某服饰有限公司"
    assert first.status == SupplierStatus("waitsellersend")
    assert first.status.known is OrderStatus1688.WAIT_SELLER_SEND
    assert second.status == SupplierStatus("waitbuyerreceive")
    assert third.status == SupplierStatus("某个新状态") and third.status.known is None
    assert first.unit_price_fen == 2500 and first.shipping_fen == 400 and first.amount_fen == 2900
    assert second.unit_price_fen == 4550
    assert second.tracking_no == "YT7512345678" and second.carrier == "圆通速递"
    assert first.item_code == "T-001"  # 货号
    assert third.paid_at is None


def test_detect_format_variants() -> None:
    assert detect_format(["订单号", "商品", "用户实付金额（元）", "商品数量（件）"]) == "pdd"
    assert detect_format([" 订单编号 ", "买家会员名", "宝贝标题"]) == "taobao"
    assert detect_format(["订单编号", "标题", "价格", "购买数量", "商家编码"]) == "taobao"
    assert detect_format(["主订单编号", "子订单编号", "选购商品"]) == "douyin"
    assert detect_format(["订单编号", "货品标题", "实付款(元)"]) == "1688"
    assert detect_format(["order id", "name"]) is None
    assert detect_format([]) is None
    assert normalise_header("用户实付金额（元）") == normalise_header("用户实付金额 (元)")
    assert normalise_header("样式ID") == "样式id"


def test_auto_mapping_handles_full_width_headers() -> None:
    headers = ["订单号", "商品", "用户实付金额（元）", "商品数量（件）", "订单状态"]
    mapping = ColumnMapping.auto(headers)
    assert mapping.fields["amount_fen"] == "用户实付金额（元）"
    assert mapping.fields["quantity"] == "商品数量（件）"


def test_mapping_json_round_trip() -> None:
    mapping = ColumnMapping.auto(SAMPLES["taobao"][0])
    data = json.loads(json.dumps(mapping.to_dict(), ensure_ascii=False))
    assert ColumnMapping.from_dict(data) == mapping
    with pytest.raises(ValueError, match="unknown field"):
        ColumnMapping.from_dict({"fields": {"nonsense": "x"}})
    with pytest.raises(ValueError):
        ColumnMapping.from_dict({"fields": {"order_no": 3}})
    with pytest.raises(ValueError):
        ColumnMapping.from_dict({"format": "ebay", "fields": {}})


def test_user_mapping_for_other_layout() -> None:
    table = Table(
        headers=["单号", "数量", "金额"],
        rows=[["A1", "2", "3.50"], ["A2", "x", "-1"]],
        row_numbers=[3, 4],
    )
    assert detect_format(table.headers) is None
    mapping = ColumnMapping(fields={"order_no": "单号", "quantity": "数量", "amount_fen": "金额"})
    result = map_rows(table, ColumnMapping.from_dict(mapping.to_dict()), "shop")
    assert [r.order_no for r in result.records] == ["A1"]
    assert result.records[0].amount_fen == 350
    assert [(e.row, e.column) for e in result.errors] == [(4, "数量"), (4, "金额")]
    assert "Row 4, column 数量" in str(result.errors[0])


def test_mapping_missing_required_or_absent_header() -> None:
    table = Table(headers=["a"], rows=[], row_numbers=[])
    with pytest.raises(TableError, match="Order number"):
        map_rows(table, ColumnMapping(fields={}), "shop")
    with pytest.raises(TableError, match="no column '订单编号'"):
        map_rows(table, ColumnMapping(fields={"order_no": "订单编号"}), "shop")


def _taobao_with(tmp_path: Path, column: str, value: str) -> tuple[Table, list]:
    headers, rows = SAMPLES["taobao"]
    rows = [list(r) for r in rows]
    rows[1][headers.index(column)] = value
    path = tmp_path / "t.csv"
    path.write_bytes(csv_bytes(headers, rows, "gb18030"))
    table = read_table(path)
    result = map_rows(table, ColumnMapping.auto(table.headers), "shop")
    return table, result.errors


def test_scientific_order_number_is_rejected_naming_row_and_column(tmp_path: Path) -> None:
    _, errors = _taobao_with(tmp_path, "订单编号", "1.93068E+18")
    assert len(errors) == 1
    assert errors[0].row == 3 and errors[0].column == "订单编号"
    assert "re-saving" in errors[0].message


def test_scientific_order_number_from_xlsx_number_cell(tmp_path: Path) -> None:
    headers, rows = SAMPLES["taobao"]
    values = as_xlsx_values("taobao", rows, headers)
    values[0][0] = 1.930679858170647e18  # an order number Excel turned into a number
    values[1][0] = "'1930679858170647123"
    path = write_xlsx_file(tmp_path / "t.xlsx", headers, values)
    table = read_table(path)
    assert table.rows[0][0] == "1.93068E+18"
    result = map_rows(table, ColumnMapping.auto(table.headers), "shop")
    assert [(e.row, e.column) for e in result.errors] == [(2, "订单编号")]
    assert result.records[0].order_no == "1930679858170647123"


def test_unknown_shop_status_is_a_row_error(tmp_path: Path) -> None:
    _, errors = _taobao_with(tmp_path, "订单状态", "火星状态")
    assert [(e.row, e.column) for e in errors] == [(3, "订单状态")]
    assert "火星状态" in errors[0].message


def test_bad_date_and_amount_are_row_errors(tmp_path: Path) -> None:
    _, errors = _taobao_with(tmp_path, "订单创建时间", "昨天")
    assert [(e.row, e.column) for e in errors] == [(3, "订单创建时间")]
    _, errors = _taobao_with(tmp_path, "买家实际支付金额", "12.345")
    assert [(e.row, e.column) for e in errors] == [(3, "买家实际支付金额")]
    _, errors = _taobao_with(tmp_path, "订单编号", "")
    assert [(e.row, e.column) for e in errors] == [(3, "订单编号")]


def test_errors_are_capped() -> None:
    table = Table(headers=["单号"], rows=[[""]] * 50, row_numbers=list(range(2, 52)))
    result = map_rows(table, ColumnMapping(fields={"order_no": "单号"}), "shop", max_errors=10)
    assert len(result.errors) == 10 and result.errors_truncated


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("等待买家付款", SalesStatus.WAIT_PAY),
        ("买家已付款，等待卖家发货", SalesStatus.PAID),
        ("买家已付款, 等待卖家发货", SalesStatus.PAID),
        ("待发货", SalesStatus.PAID),
        ("已付款", SalesStatus.PAID),
        ("卖家已发货，等待买家确认", SalesStatus.SHIPPED),
        ("已发货", SalesStatus.SHIPPED),
        ("待收货", SalesStatus.SHIPPED),
        ("已发货，待签收", SalesStatus.SHIPPED),
        ("交易成功", SalesStatus.COMPLETED),
        ("已完成", SalesStatus.COMPLETED),
        ("已签收", SalesStatus.COMPLETED),
        ("交易关闭", SalesStatus.CANCELLED),
        ("已取消", SalesStatus.CANCELLED),
        ("订单关闭", SalesStatus.CANCELLED),
        ("退款中", SalesStatus.REFUNDING),
        ("售后中", SalesStatus.REFUNDING),
        ("已退款", SalesStatus.REFUNDED),
        ("退款成功", SalesStatus.REFUNDED),
        ("未发货，退款成功", SalesStatus.REFUNDED),
        ("\u3000交易 成功 ", SalesStatus.COMPLETED),
    ],
)
def test_shop_status_texts(text: str, expected: SalesStatus) -> None:
    assert map_status_text(text, "shop") is expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("等待买家付款", "waitbuyerpay"),
        ("等待卖家发货", "waitsellersend"),
        ("等待买家收货", "waitbuyerreceive"),
        ("卖家已发货", "waitbuyerreceive"),
        ("已发货", "waitbuyerreceive"),
        ("已收货", "confirm_goods"),
        ("交易完成", "success"),
        ("交易成功", "success"),
        ("交易取消", "cancel"),
        ("交易关闭", "cancel"),
        ("交易终止", "terminated"),
        ("waitbuyerpay", "waitbuyerpay"),
    ],
)
def test_1688_status_texts(text: str, code: str) -> None:
    status = map_status_text(text, "1688")
    assert status == SupplierStatus(code) and status.known is not None


def test_status_unknown() -> None:
    with pytest.raises(CellError, match="不存在"):
        map_status_text("不存在", "shop")
    status = map_status_text("不存在", "1688")
    assert isinstance(status, SupplierStatus) and status.known is None and status.raw == "不存在"
