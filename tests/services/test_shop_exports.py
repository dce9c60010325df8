"""Shop exports as they really come: Taobao 41/68 columns, Pinduoduo below a preamble,
Douyin with hidden receivers and '-', Kuaishou, summary rows, the shop named in the file,
unpaid orders."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dropship_desktop.errors import UserError
from dropship_desktop.services.order_import import (
    default_shop,
    import_orders_file,
    preview_import,
)
from dropship_desktop.store.db import db
from dropship_desktop.tabular.cells import parse_datetime
from tests.helpers.platform_exports import (
    DOUYIN,
    KUAISHOU,
    PDD_OBSERVED,
    TAOBAO_41,
    TAOBAO_68,
    TAOBAO_ITEMS,
    TAOBAO_ITEMS_NEW,
    csv_file,
    taobao_row,
    xlsx_file,
)
from tests.services.test_order_import_files import content_dump

SHOP = "小美家居淘宝店"


def _orders(prefix: str) -> list[tuple[Any, ...]]:
    return db.execute_sql(
        "SELECT s.platform, s.name, o.shop_order_no, o.status, o.buyer_name, o.buyer_phone,"
        " o.ship_address, o.sale_fen, o.quantity, o.carrier, o.tracking_no, o.created_at,"
        " o.paid_at, o.buyer_hidden FROM sales_order o JOIN shop s ON s.id = o.shop_id"
        " WHERE o.shop_order_no LIKE ? ORDER BY o.shop_order_no",
        (prefix + "%",),
    ).fetchall()


def _lines(prefix: str) -> list[tuple[Any, ...]]:
    return db.execute_sql(
        "SELECT o.shop_order_no, l.title, l.sku, l.quantity, l.unit_price_fen,"
        " l.platform_item_id, l.platform_sku_id, l.spec FROM sales_order_line l"
        " JOIN sales_order o ON o.id = l.sales_order_id WHERE o.shop_order_no LIKE ?"
        " ORDER BY o.shop_order_no, l.id",
        (prefix + "%",),
    ).fetchall()


def _epoch(text: str) -> int:
    value = parse_datetime(text)
    assert value is not None
    return int(value.timestamp())


# --- Taobao -------------------------------------------------------------------------------------


@pytest.mark.parametrize("headers", [TAOBAO_41, TAOBAO_68], ids=["41", "68"])
@pytest.mark.parametrize("encoding", ["gb18030", "utf-8-sig"])
def test_taobao_order_reports_with_trailing_space_headers(
    fresh_db: Path, tmp_path: Path, headers: list[str], encoding: str
) -> None:
    rows = [
        taobao_row(headers),
        taobao_row(
            headers,
            订单编号='="1930679858170647124"',
            订单状态="等待买家付款",
            买家实际支付金额="0元",
            买家应付货款="1,234.50",
            总金额="1,234.50",
            **{"订单付款时间 ": "", "宝贝总数量": "2"},
        ),
        taobao_row(
            headers,
            订单编号='="1930679858170647125"',
            订单状态="卖家已发货，等待买家确认",
            **{"物流单号 ": "No:YT7512345678", "物流公司": "圆通速递"},
        ),
    ]
    path = csv_file(tmp_path / "ExportOrderList202611021200.csv", headers, rows,
                    encoding=encoding, quote_all=True)  # fmt: skip

    changes = import_orders_file(path, shop_name=SHOP)

    summary = changes.summary
    assert summary is not None and summary.orders_created == 3 and summary.unpaid == 1
    address = "浙江省 杭州市 西湖区 文三路100号(310000)"
    created, paid = _epoch("2026-11-02 08:05:00"), _epoch("2026-11-02 08:06:00")
    assert _orders("19306798581706471") == [
        ("taobao", SHOP, "1930679858170647123", "paid", "王小明", "13812345678", address, 5900,
         1, "", "", created, paid, 0),
        # Unpaid: its value (买家应付货款), not ¥0.00; the status says unpaid.
        ("taobao", SHOP, "1930679858170647124", "wait_pay", "王小明", "13812345678", address,
         123450, 2, "", "", created, None, 0),
        ("taobao", SHOP, "1930679858170647125", "shipped", "王小明", "13812345678", address,
         5900, 1, "圆通速递", "YT7512345678", created, paid, 0),
    ]  # fmt: skip
    # Its line carries the value too (2 items of ¥617.25), not ¥0.00.
    assert _lines("1930679858170647124") == [
        ("1930679858170647124", "夏季 纯棉T恤", "", 2, 61725, "", "", ""),
    ]


def test_the_shop_named_in_the_file_is_chosen_among_several(fresh_db: Path, tmp_path: Path) -> None:
    for name in ("另一家淘宝店", SHOP):
        db.execute_sql(
            "INSERT INTO shop (platform, name, created_at) VALUES ('taobao', ?, 0)", (name,)
        )
    path = csv_file(tmp_path / "tb.csv", TAOBAO_41, [taobao_row(TAOBAO_41)], encoding="gb18030")
    preview = preview_import(path)
    _shop_id, name = default_shop(preview)
    assert name == SHOP
    import_orders_file(path)
    assert _orders("1930679858170647123")[0][1] == SHOP

    # A shop the seller does not have yet is asked for, not guessed.
    other = csv_file(
        tmp_path / "tb2.csv",
        TAOBAO_41,
        [taobao_row(TAOBAO_41, 订单编号='="1930679858170647200"', 店铺名称="新开的店")],
    )
    with pytest.raises(UserError, match="新开的店"):
        import_orders_file(other)
    assert _orders("1930679858170647200") == []
    import_orders_file(other, shop_name="新开的店")
    assert _orders("1930679858170647200")[0][1] == "新开的店"


def test_a_taobao_workbook_with_a_title_row_and_summary_rows(demo_db: Path, tmp_path: Path) -> None:
    rows: list[list[Any]] = [
        taobao_row(TAOBAO_41, 订单编号=f"19306798581706473{i}", 收货人姓名=f"买家{i}")
        for i in range(3)
    ]
    total = [""] * len(TAOBAO_41)
    total[0], total[TAOBAO_41.index("买家实际支付金额")] = "合计", "177.00"
    rows.append(total)
    rows.append(["总计：3单", *[""] * (len(TAOBAO_41) - 1)])
    path = xlsx_file(tmp_path / "orders.xlsx", TAOBAO_41, rows, title="已卖出的宝贝 订单报表")

    preview = preview_import(path)
    assert preview.format == "taobao" and preview.header_row == 2
    assert preview.summary_rows == [6, 7]  # title row 1, header row 2, orders rows 3-5
    changes = import_orders_file(path, shop_name=SHOP)

    summary = changes.summary
    assert summary is not None
    assert (summary.orders_created, summary.summary_rows) == (3, 2)
    assert "2 summary row(s)" in changes.message_text
    assert [o[4] for o in _orders("19306798581706473")] == ["买家0", "买家1", "买家2"]


# --- Pinduoduo ----------------------------------------------------------------------------------


def _pdd_rows() -> list[list[str]]:
    base = {
        "商品": "夏季 纯棉T恤", "订单号": "261102-123456789012345", "订单状态": "待发货",
        "商品总价(元)": "59.00", "邮费(元)": "0.00", "用户实付金额(元)": "¥1,259.00",
        "商家实收金额(元)": "1,259.00", "商品数量(件)": "2", "商品id": "\t612345678901",
        "商品规格": "白色 XL", "样式ID": "\t1234567890123", "商家编码-规格维度": "SKU-001",
        "售后状态": "无售后或售后取消", "订单成交时间": "2026-11-02 08:15:09", "收货人": "王**",
        "手机": "138****5678", "省": "江苏省", "市": "南京市", "区": "鼓楼区", "街道": "****",
    }  # fmt: skip
    second = dict(base)
    second.update({
        "订单号": "261102-123456789012346", "订单状态": "已发货，待签收", "收货人": "赵六",
        "手机": "13700000000", "街道": "建国路88号", "快递单号": "SF1234567890",
        "快递公司": "顺丰速运", "商品数量(件)": "1", "用户实付金额(元)": "19.90",
        "商品规格": "无规格",
    })  # fmt: skip
    return [[f"\t{r.get(h, '')}" if r.get(h) else "" for h in PDD_OBSERVED] for r in (base, second)]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030"])
def test_pinduoduo_below_a_preamble_with_masked_receivers(
    fresh_db: Path, tmp_path: Path, encoding: str
) -> None:
    path = csv_file(
        tmp_path / "pdd.csv",
        PDD_OBSERVED,
        _pdd_rows(),
        encoding=encoding,
        preamble=[["订单查询导出", "导出时间：2026-11-02 12:00:00"]],
    )
    preview = preview_import(path)
    assert preview.format == "pdd" and preview.header_row == 2 and not preview.errors
    changes = import_orders_file(path, shop_name="拼多多小店")

    summary = changes.summary
    assert summary is not None and summary.hidden_receivers == 1
    assert "hidden by the platform" in changes.message_text
    assert _orders("261102-1234567890123") == [
        # Name, phone and street masked: stored empty, flagged (1 name + 2 phone + 4 address),
        # the region kept.
        ("pdd", "拼多多小店", "261102-123456789012345", "paid", "", "", "江苏省南京市鼓楼区",
         125900, 2, "", "", _epoch("2026-11-02 08:15:09"), _epoch("2026-11-02 08:15:09"), 7),
        ("pdd", "拼多多小店", "261102-123456789012346", "shipped", "赵六", "13700000000",
         "江苏省南京市鼓楼区建国路88号", 1990, 1, "顺丰速运", "SF1234567890",
         _epoch("2026-11-02 08:15:09"), _epoch("2026-11-02 08:15:09"), 0),
    ]  # fmt: skip
    # 商品规格 is the line's spec (无规格: none), 商家编码 its seller code.
    assert _lines("261102-1234567890123") == [
        ("261102-123456789012345", "夏季 纯棉T恤", "SKU-001", 2, 62950, "612345678901",
         "1234567890123", "白色 XL"),
        ("261102-123456789012346", "夏季 纯棉T恤", "SKU-001", 1, 1990, "612345678901",
         "1234567890123", ""),
    ]  # fmt: skip


# --- Douyin -------------------------------------------------------------------------------------


def test_douyin_with_encrypted_receivers_and_dashes(fresh_db: Path, tmp_path: Path) -> None:
    row = {
        "主订单编号": "\t6917926768823643751", "子订单编号": "\t6917926768823643752",
        "选购商品": "蓝牙耳机", "商品规格": "黑色", "商品数量": "1", "商家编码": "E-9",
        "商品单价": "99.00", "订单应付金额": "99.00", "运费": "0.00",
        "收件人": "##密文AbCdEf==", "收件人手机号": "$$密文XyZ==", "省": "上海市", "市": "上海市",
        "区": "浦东新区", "街道": "张江镇", "详细地址": "##密文QwErTy==", "买家留言": "-",
        "订单提交时间": "2026/11/02 08:15:09", "支付完成时间": "2026/11/02 08:15:40",
        "商家备注": "-", "订单完成时间": "-", "订单状态": "待发货", "售后状态": "-",
        "取消原因": "-", "发货时间": "-", "承诺发货时间": "-", "快递信息": "-",
        "商品ID": "\t3581234567890",
    }  # fmt: skip
    path = csv_file(tmp_path / "douyin.csv", DOUYIN, [[row.get(h, "") for h in DOUYIN]])

    import_orders_file(path, shop_name="抖店")

    assert _orders("6917926768823643751") == [
        ("douyin", "抖店", "6917926768823643751", "paid", "", "", "上海市浦东新区张江镇", 9900,
         1, "", "", _epoch("2026-11-02 08:15:09"), _epoch("2026-11-02 08:15:40"), 7),
    ]  # fmt: skip
    assert _lines("6917926768823643751") == [
        ("6917926768823643751", "蓝牙耳机", "E-9", 1, 9900, "3581234567890", "", "黑色"),
    ]
    remark = db.execute_sql(
        "SELECT remark FROM sales_order WHERE shop_order_no = '6917926768823643751'"
    ).fetchone()
    assert remark == ("",)  # '-' is nothing


def test_each_spec_of_a_listing_is_mapped_on_its_own(fresh_db: Path, tmp_path: Path) -> None:
    """商品规格 is the line's spec, not its seller code: two colours of one listing (no 商家编码)
    are two listings to map to two 1688 SKUs. A mapping learned from lines stored without their
    spec (before the import read it) still serves the listing's colours that have none."""
    from dropship_desktop.services import mapping as mp

    rows = []
    for i, spec in enumerate(["黑色", "白色", "黑色"]):
        row = {
            "主订单编号": f"\t69179267688236437{i}1", "子订单编号": f"\t69179267688236437{i}2",
            "选购商品": "蓝牙耳机", "商品规格": spec, "商品数量": "1", "商品单价": "99.00",
            "订单应付金额": "99.00", "收件人": "王小明", "收件人手机号": "13812345678",
            "省": "上海市", "市": "上海市", "区": "浦东新区", "街道": "张江镇",
            "详细地址": "科苑路88号", "订单提交时间": "2026/11/02 08:15:09",
            "支付完成时间": "2026/11/02 08:15:40", "订单状态": "待发货",
        }  # fmt: skip
        rows.append([row.get(h, "") for h in DOUYIN])
    import_orders_file(csv_file(tmp_path / "douyin.csv", DOUYIN, rows), shop_name="抖店")

    assert [(r[1], r[2], r[7]) for r in _lines("691792676882364")] == [
        ("蓝牙耳机", "", "黑色"),
        ("蓝牙耳机", "", "白色"),
        ("蓝牙耳机", "", "黑色"),
    ]
    listings = sorted((r.listing_key, r.waiting_orders) for r in mp.listing_rows())
    assert listings == [("title:蓝牙耳机|白色", 1), ("title:蓝牙耳机|黑色", 2)]

    shop_id = db.execute_sql("SELECT id FROM shop WHERE name = '抖店'").fetchone()[0]
    # A mapping of the listing without spec (as learned from older lines) serves both colours
    # until one gets its own.
    mp.save_mapping(mp.MappingInput(shop_id, "title:蓝牙耳机|", offer_id_1688="610000000001"))
    assert sorted((r.listing_key, r.waiting_orders) for r in mp.listing_rows()) == [
        ("title:蓝牙耳机|", 3)
    ]
    mp.save_mapping(mp.MappingInput(shop_id, "title:蓝牙耳机|白色", offer_id_1688="610000000002"))
    mapped = {
        (r.listing_key, r.waiting_orders, r.state) for r in mp.listing_rows() if r.waiting_orders
    }
    assert mapped == {("title:蓝牙耳机|白色", 1, "confirmed"), ("title:蓝牙耳机|", 2, "confirmed")}


def test_receivers_the_platform_hid_are_not_judged_as_fraud(fresh_db: Path, tmp_path: Path) -> None:
    """Every Douyin order comes with 密文 receivers in the same few districts: what is left (no
    name, 省市区 only) must not read as "not a name", "incomplete address" or many orders to one
    address, neither at import nor when every order is scored again."""
    from dropship_desktop.services.risk import rescore_all

    rows = []
    for i in range(6):
        row = {
            "主订单编号": f"\t69179267688236437{60 + i}", "子订单编号": f"\t69179267688236438{60 + i}",
            "选购商品": "磁吸手机支架", "商品数量": "1", "商品单价": "19.90", "订单应付金额": "19.90",
            "收件人": f"##密文Ab{i}==", "收件人手机号": f"$$密文Xy{i}==", "省": "江苏省",
            "市": "南京市", "区": "鼓楼区", "街道": "-", "详细地址": f"##密文Qw{i}==",
            "订单提交时间": f"2026/12/02 1{i}:00:00", "支付完成时间": f"2026/12/02 1{i}:01:00",
            "订单状态": "待发货",
        }  # fmt: skip
        rows.append([row.get(h, "-") for h in DOUYIN])
    import_orders_file(csv_file(tmp_path / "dy.csv", DOUYIN, rows), shop_name="抖店")

    def risks() -> list[tuple[Any, ...]]:
        return db.execute_sql(
            "SELECT buyer_hidden, risk_level, risk_rules FROM sales_order ORDER BY id"
        ).fetchall()

    assert risks() == [(7, 0, "")] * 6
    rescore_all()
    assert risks() == [(7, 0, "")] * 6


# --- Kuaishou -----------------------------------------------------------------------------------


def _kuaishou_rows(numbers: list[str]) -> list[list[str]]:
    out = []
    for i, number in enumerate(numbers):
        row = {
            "订单号": number, "订单状态": "待发货", "商品名称": f"手机壳 款{i}",
            "商品ID": "20231234567", "商家编码": f"KS-{i}", "商品单价": "15.00", "成交数量": "2",
            "实付款": "30.00", "运费": "0", "收货人姓名": "钱七", "收货人电话": "13600000000",
            "收货地址": "广东省广州市天河区体育西路1号", "订单创建时间": "2026-11-02 10:00:00",
            "支付时间": "2026-11-02 10:01:00", "买家快手号": "ks_buyer",
        }  # fmt: skip
        out.append([row.get(h, "") for h in KUAISHOU])
    return out


def test_kuaishou_is_detected_by_its_columns_and_by_its_order_numbers(
    fresh_db: Path, tmp_path: Path
) -> None:
    numbers = ["2411020000000001", "2411020000000002"]
    path = csv_file(tmp_path / "ks.csv", KUAISHOU, _kuaishou_rows(numbers))
    preview = preview_import(path)
    assert preview.format == "kuaishou" and preview.platforms() == ("kuaishou",)

    # Without the Kuaishou-only column: still Kuaishou, by the 16-digit order numbers.
    generic = [h for h in KUAISHOU if h != "买家快手号"]
    rows = [r[:-1] for r in _kuaishou_rows(numbers)]
    path2 = csv_file(tmp_path / "ks2.csv", generic, rows, encoding="gb18030")
    assert preview_import(path2).format == "kuaishou"

    import_orders_file(path, shop_name="快手小店A")
    assert [(*o[:4], o[7], o[8]) for o in _orders("24110200000000")] == [
        ("kuaishou", "快手小店A", "2411020000000001", "paid", 3000, 2),
        ("kuaishou", "快手小店A", "2411020000000002", "paid", 3000, 2),
    ]
    assert [line[2] for line in _lines("24110200000000")] == ["KS-0", "KS-1"]


def test_a_rejected_shop_file_names_row_and_column_and_changes_nothing(
    demo_db: Path, tmp_path: Path
) -> None:
    rows = [taobao_row(TAOBAO_41, 订单编号=f'="19306798581706488{i}"') for i in range(3)]
    rows[1][TAOBAO_41.index("订单创建时间")] = "昨天"
    path = csv_file(tmp_path / "bad.csv", TAOBAO_41, rows, preamble=[["订单报表"]])
    before = content_dump(demo_db)
    with pytest.raises(UserError) as caught:
        import_orders_file(path, shop_name=SHOP)
    assert "Row 4, column 订单创建时间" in str(caught.value)  # preamble row 1, header row 2
    assert content_dump(demo_db) == before


def test_douyin_tracking_cell_number_dash_carrier(fresh_db: Path, tmp_path: Path) -> None:
    row = {
        "主订单编号": "\t6917926768823643800", "子订单编号": "\t6917926768823643801",
        "选购商品": "充电线", "商品数量": "3", "商品单价": "9.90", "订单应付金额": "29.70",
        "收件人": "周八", "收件人手机号": "15900000000", "详细地址": "四川省成都市武侯区天府大道1号",
        "订单提交时间": "2026-11-01 10:00:00", "支付完成时间": "2026-11-01 10:01:00",
        "订单状态": "已发货", "快递信息": "75312345678901-中通快递",
    }  # fmt: skip
    path = csv_file(tmp_path / "dy.csv", DOUYIN, [[row.get(h, "-") for h in DOUYIN]])
    import_orders_file(path, shop_name="抖店")
    order = _orders("6917926768823643800")[0]
    assert (order[3], order[7], order[8], order[9], order[10]) == (
        "shipped",
        2970,
        3,
        "中通快递",
        "75312345678901",
    )


def _ship_by(number: str) -> int | None:
    row = db.execute_sql(
        "SELECT ship_by FROM sales_order WHERE shop_order_no = ?", (number,)
    ).fetchone()
    return None if row is None else row[0]


def test_the_platforms_promised_ship_time_is_the_deadline(fresh_db: Path, tmp_path: Path) -> None:
    """承诺发货时间 (Douyin, Pinduoduo) is the deadline the platform judges: it is the order's
    ship-by, not 48 hours after payment; a later export's promise replaces it; a cell that is
    no time leaves the usual deadline and refuses nothing."""
    base = {
        "子订单编号": "", "选购商品": "蓝牙耳机", "商品数量": "1", "商品单价": "99.00",
        "订单应付金额": "99.00", "运费": "0.00", "收件人": "张三", "收件人手机号": "13812345678",
        "省": "上海市", "市": "上海市", "区": "浦东新区", "街道": "张江镇", "详细地址": "科苑路88号",
        "订单提交时间": "2026/11/02 08:15:09", "支付完成时间": "2026/11/02 08:15:40",
        "订单状态": "待发货", "快递信息": "-",
    }  # fmt: skip
    promises = {
        "\t6917926768823640001": "2026-11-03 23:59:59",  # a 24-hour promise
        "\t6917926768823640002": "2026/11/05 8:15",  # 72 hours
        "\t6917926768823640003": "-",  # none
        "\t6917926768823640004": "尽快发货",  # not a time: no promise, not an error
    }
    rows = [
        [{**base, "主订单编号": number, "承诺发货时间": promise}.get(h, "") for h in DOUYIN]
        for number, promise in promises.items()
    ]
    path = csv_file(tmp_path / "douyin.csv", DOUYIN, rows)

    import_orders_file(path, shop_name="抖店")

    paid = _epoch("2026-11-02 08:15:40")
    assert _ship_by("6917926768823640001") == _epoch("2026-11-03 23:59:59")
    assert _ship_by("6917926768823640002") == _epoch("2026-11-05 08:15:00")
    assert _ship_by("6917926768823640003") == paid + 48 * 3600
    assert _ship_by("6917926768823640004") == paid + 48 * 3600

    # The platform extends the promise (or the seller's own later export says so): it follows.
    rows[0][DOUYIN.index("承诺发货时间")] = "2026-11-04 12:00:00"
    path = csv_file(tmp_path / "douyin-later.csv", DOUYIN, rows)
    import_orders_file(path, shop_name="抖店")
    assert _ship_by("6917926768823640001") == _epoch("2026-11-04 12:00:00")
    assert _ship_by("6917926768823640002") == _epoch("2026-11-05 08:15:00")


# --- Taobao's item report (宝贝报表) completes the order report ------------------------------


def _item_rows(headers: list[str]) -> list[list[str]]:
    lines = [
        (
            "1930679858170647123",
            "夏季 纯棉T恤",
            "25.00",
            "2",
            "颜色分类：白色;尺码：XL",
            "T-001-WXL",
        ),
        ("1930679858170647123", "蓝牙耳机", "109.00", "1", "颜色分类：黑色", "E-9-B"),
        ("1930679858170647124", "保温杯", "49.00", "1", "容量：500ml", "CUP-500"),
    ]
    rows = []
    for i, (number, title, price, qty, spec, code) in enumerate(lines):
        values = {"订单编号": f'="{number}"', "主订单编号": f'="{number}"',
                  "子订单编号": f'="{number}{i}"', "标题": title, "价格": price,
                  "购买数量": qty, "商品属性": spec, "订单状态": "买家已付款，等待卖家发货",
                  "商家编码": code}  # fmt: skip
        rows.append([values.get(h, "") for h in headers])
    return rows


def _order_report(tmp_path: Path) -> Path:
    rows = [
        taobao_row(
            TAOBAO_41,
            **{
                "宝贝标题 ": "夏季 纯棉T恤，蓝牙耳机",
                "宝贝总数量": "3",
                "买家实际支付金额": "159.00",
            },
        ),
        taobao_row(TAOBAO_41, 订单编号='="1930679858170647124"', **{"宝贝标题 ": "保温杯"}),
    ]
    return csv_file(tmp_path / "ExportOrderList202611021000.csv", TAOBAO_41, rows,
                    encoding="gb18030", quote_all=True)  # fmt: skip


@pytest.mark.parametrize("headers", [TAOBAO_ITEMS, TAOBAO_ITEMS_NEW], ids=["older", "newer"])
def test_the_item_report_gives_the_orders_their_lines_and_skus(
    fresh_db: Path, tmp_path: Path, headers: list[str]
) -> None:
    """The order report (订单报表) has one summary line an order and no SKU; the item report
    (宝贝报表) has the lines with 商家编码 that SKU mapping needs. Imported after the orders, it
    replaces their lines; the order-level fields (buyer, amount, times) stay as they were."""
    import_orders_file(_order_report(tmp_path), shop_name=SHOP)
    orders_before = _orders("19306798581706471")
    assert _lines("1930679858170647123") == [
        ("1930679858170647123", "夏季 纯棉T恤，蓝牙耳机", "", 3, 5300, "", "", "")
    ]
    items = csv_file(tmp_path / "ExportOrderDetailList202611021000.csv", headers,
                     _item_rows(headers), encoding="gb18030", quote_all=True)  # fmt: skip

    summary = import_orders_file(items, shop_name=SHOP).summary

    assert summary is not None
    assert (summary.orders_created, summary.orders_updated, summary.orders_unchanged) == (0, 2, 0)
    assert (summary.lines_replaced, summary.orders_not_here) == (2, 0)
    assert "2 order(s) got their goods lines (SKU, price, quantity)" in summary.message()
    assert _lines("19306798581706471") == [
        (
            "1930679858170647123",
            "夏季 纯棉T恤",
            "T-001-WXL",
            2,
            2500,
            "",
            "",
            "颜色分类：白色;尺码：XL",
        ),
        ("1930679858170647123", "蓝牙耳机", "E-9-B", 1, 10900, "", "", "颜色分类：黑色"),
        ("1930679858170647124", "保温杯", "CUP-500", 1, 4900, "", "", "容量：500ml"),
    ]
    assert _orders("19306798581706471") == orders_before  # buyer, amount, times kept
    assert db.execute_sql(
        "SELECT product_summary, quantity FROM sales_order WHERE shop_order_no = ?",
        ("1930679858170647123",),
    ).fetchone() == ("夏季 纯棉T恤 等2件：蓝牙耳机", 3)
    # The same item report again changes nothing; the order report again keeps the lines.
    again = import_orders_file(items, shop_name=SHOP).summary
    assert again is not None and (again.orders_updated, again.lines_replaced) == (0, 0)
    import_orders_file(_order_report(tmp_path), shop_name=SHOP)
    assert len(_lines("19306798581706471")) == 3
    # The order's timeline says where its lines came from.
    assert db.execute_sql(
        "SELECT count(*) FROM audit_event WHERE action = 'lines_imported'"
    ).fetchone() == (2,)


def test_an_item_report_before_its_orders_makes_no_order_and_says_why(
    fresh_db: Path, tmp_path: Path
) -> None:
    """It has no buyer, amount or time: orders made of it would be empty shells."""
    items = csv_file(tmp_path / "ExportOrderDetailList.csv", TAOBAO_ITEMS,
                     _item_rows(TAOBAO_ITEMS), encoding="gb18030")  # fmt: skip
    # Into no shop at all (a first import): refused, the shop is to come from the order report.
    with pytest.raises(UserError, match="Choose the shop whose order report"):
        import_orders_file(items, shop_name=SHOP)
    # The shop is there (earlier orders), these orders are not.
    other = taobao_row(TAOBAO_41, 订单编号='="1930679858170640001"')
    import_orders_file(csv_file(tmp_path / "earlier.csv", TAOBAO_41, [other]), shop_name=SHOP)
    summary = import_orders_file(items, shop_name=SHOP).summary
    assert summary is not None
    assert (summary.orders_created, summary.orders_not_here) == (0, 2)
    assert "import the order report (订单报表) first" in summary.message()
    assert _orders("19306798581706471") == []


def test_orders_on_a_sheet_after_a_notes_sheet_are_found(fresh_db: Path, tmp_path: Path) -> None:
    """A workbook a seller (or a tool) saved with a notes sheet first: the orders' sheet is
    the one whose header is a known layout, not the first with text."""
    import openpyxl

    workbook = openpyxl.Workbook()
    notes = workbook.active
    notes.title = "说明"
    notes["A1"] = "本表由店铺后台导出，请勿修改表头"
    notes["A2"] = "导出时间：2026-11-02 10:00"
    orders = workbook.create_sheet("订单")
    orders.append(TAOBAO_41)
    orders.append(taobao_row(TAOBAO_41, 订单编号="1930679858170647123"))
    path = tmp_path / "orders.xlsx"
    workbook.save(path)

    summary = import_orders_file(path, shop_name=SHOP).summary

    assert summary is not None and summary.orders_created == 1
    assert [o[2] for o in _orders("19306798581706471")] == ["1930679858170647123"]


def test_an_item_reports_line_status_is_not_the_orders_status(
    fresh_db: Path, tmp_path: Path
) -> None:
    """订单状态 in the item report is each line's: one closed (refunded) line of a paid
    two-line order does not cancel the order, nor count as the buyer's refund."""
    import_orders_file(_order_report(tmp_path), shop_name=SHOP)
    rows = _item_rows(TAOBAO_ITEMS)
    rows[0][TAOBAO_ITEMS.index("订单状态")] = "交易关闭"
    items = csv_file(tmp_path / "items.csv", TAOBAO_ITEMS, rows, encoding="gb18030")
    summary = import_orders_file(items, shop_name=SHOP).summary
    assert summary is not None and summary.status_changes == 0 and summary.lines_replaced == 2
    assert [o[3] for o in _orders("19306798581706471")] == ["paid", "paid"]
    assert db.execute_sql("SELECT count(*) FROM risk_event").fetchone() == (0,)


def test_an_item_report_cannot_go_into_a_new_shop(fresh_db: Path, tmp_path: Path) -> None:
    """A new shop has no orders for it to complete: refused, and no empty shop is left."""
    import_orders_file(_order_report(tmp_path), shop_name=SHOP)
    before = content_dump(fresh_db)
    items = csv_file(tmp_path / "items.csv", TAOBAO_ITEMS, _item_rows(TAOBAO_ITEMS))
    with pytest.raises(UserError, match="cannot go into a new shop"):
        import_orders_file(items, shop_name="另一家新店")
    assert content_dump(fresh_db) == before


def test_a_sellers_own_file_without_buyers_still_makes_orders(
    fresh_db: Path, tmp_path: Path
) -> None:
    """Only Taobao's item report completes orders: a file mapped by the seller is theirs."""
    from dropship_desktop.tabular.orders_formats import ColumnMapping

    path = csv_file(tmp_path / "mine.csv", ["单号", "状态", "品名", "编码", "件数", "单价"],
                    [["A1001", "已付款", "保温杯", "CUP-500", "1", "49.00"]])  # fmt: skip
    mapping = ColumnMapping(
        fields={
            "status_text": "状态",
            "order_no": "单号",
            "product_title": "品名",
            "sku": "编码",
            "quantity": "件数",
            "unit_price_fen": "单价",
        },
    )
    summary = import_orders_file(path, shop_name=SHOP, mapping=mapping).summary
    assert summary is not None and summary.orders_created == 1
