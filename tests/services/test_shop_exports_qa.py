"""What a QA pass with real-shaped files found: exports put together (repeated rows),
Excel-damaged tracking numbers, re-exported orders whose price changed, a second code column
filling in an empty first one, a shop name of another platform, and plain-language messages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dropship_desktop.errors import UserError
from dropship_desktop.services.order_import import (
    commit_import,
    import_orders_file,
    preview_import,
)
from dropship_desktop.store.db import db
from tests.helpers.platform_exports import (
    ALI1688_49,
    DOUYIN,
    PDD_OBSERVED,
    TAOBAO_41,
    TAOBAO_ITEMS_NEW,
    Line1688,
    Order1688,
    ali1688_rows,
    csv_file,
    taobao_row,
    xlsx_file,
)
from tests.services.test_order_import_files import content_dump

SHOP = "小美家居淘宝店"


def _sales(prefix: str) -> list[tuple[Any, ...]]:
    return db.execute_sql(
        "SELECT shop_order_no, status, sale_fen, quantity, tracking_no FROM sales_order"
        " WHERE shop_order_no LIKE ? ORDER BY shop_order_no",
        (prefix + "%",),
    ).fetchall()


def _lines(prefix: str) -> list[tuple[Any, ...]]:
    return db.execute_sql(
        "SELECT o.shop_order_no, l.title, l.sku, l.quantity, l.unit_price_fen"
        " FROM sales_order_line l JOIN sales_order o ON o.id = l.sales_order_id"
        " WHERE o.shop_order_no LIKE ? ORDER BY o.shop_order_no, l.id",
        (prefix + "%",),
    ).fetchall()


# --- repeated rows (exports put together) -------------------------------------------------------


def _two_taobao_orders() -> list[list[str]]:
    return [
        taobao_row(TAOBAO_41),
        taobao_row(
            TAOBAO_41,
            订单编号='="1930679858170647124"',
            买家实际支付金额="129.00",
            **{"宝贝标题 ": "蓝牙耳机"},
        ),
    ]


@pytest.mark.parametrize("defer", [True, False], ids=["cli", "dialog"])
def test_a_taobao_order_repeated_as_an_identical_row_is_imported_once(
    fresh_db: Path, tmp_path: Path, defer: bool
) -> None:
    """Sellers put two days' exports together: the same order row twice must not double it."""
    first = _two_taobao_orders()
    rows = [*first, *first, first[0]]  # yesterday's and today's export, one row a third time
    path = csv_file(tmp_path / "ExportOrderList202611021200.csv", TAOBAO_41, rows,
                    encoding="gb18030", quote_all=True)  # fmt: skip

    source = path if defer else preview_import(path)
    summary = import_orders_file(source, shop_name=SHOP).summary

    assert summary is not None
    assert (summary.orders_created, summary.duplicate_rows) == (2, 3)
    assert "3 duplicate row(s) skipped" in summary.message()
    assert _sales("19306798581706471") == [
        ("1930679858170647123", "paid", 5900, 1, ""),
        ("1930679858170647124", "paid", 12900, 1, ""),
    ]
    assert _lines("19306798581706471") == [
        ("1930679858170647123", "夏季 纯棉T恤", "", 1, 5900),
        ("1930679858170647124", "蓝牙耳机", "", 1, 12900),
    ]
    # The same file again: nothing new, nothing changed.
    again = import_orders_file(path, shop_name=SHOP).summary
    assert again is not None and (again.orders_created, again.orders_updated) == (0, 0)


@pytest.mark.parametrize("defer", [True, False], ids=["cli", "dialog"])
def test_two_different_rows_of_one_taobao_order_are_refused_naming_both(
    demo_db: Path, tmp_path: Path, defer: bool
) -> None:
    rows = [
        *_two_taobao_orders(),
        taobao_row(TAOBAO_41, 订单状态="卖家已发货，等待买家确认", **{"物流单号 ": "YT7512345678"}),
    ]
    path = csv_file(tmp_path / "ExportOrderList202611021200.csv", TAOBAO_41, rows,
                    encoding="gb18030", quote_all=True)  # fmt: skip
    before = content_dump(demo_db)

    with pytest.raises(UserError) as caught:
        import_orders_file(path if defer else preview_import(path), shop_name=SHOP)

    text = str(caught.value)
    assert "Row 4, column 订单状态" in text
    assert "this row and row 2 are both order 1930679858170647123 but differ" in text
    assert content_dump(demo_db) == before


#: A Pinduoduo row (one goods line of order 261102-123456789012345).
_PDD_LINE = {
    "商品": "夏季 纯棉T恤", "订单号": "261102-123456789012345", "订单状态": "待发货",
    "用户实付金额(元)": "59.00", "商品数量(件)": "1", "商品规格": "白色 XL",
    "商家编码-规格维度": "T-001-WXL", "订单成交时间": "2026-11-02 08:15:09",
    "收货人": "王小明", "手机": "13812345678", "省": "江苏省", "市": "南京市", "区": "鼓楼区",
    "街道": "中山路1号",
}  # fmt: skip


def _pdd_rows(*rows: dict[str, str]) -> list[list[str]]:
    return [[f"\t{r[h]}" if r.get(h) else "" for h in PDD_OBSERVED] for r in rows]


def test_pdd_lines_of_one_order_stay_and_only_a_repeated_row_goes(
    fresh_db: Path, tmp_path: Path
) -> None:
    base = dict(_PDD_LINE)
    other = {**base, "商品规格": "黑色 XL", "商家编码-规格维度": "T-001-BXL"}
    rows = _pdd_rows(base, other, base)
    path = csv_file(tmp_path / "pdd.csv", PDD_OBSERVED, rows)

    summary = import_orders_file(path, shop_name="拼多多小店").summary

    assert summary is not None and summary.duplicate_rows == 1
    assert _sales("261102-") == [("261102-123456789012345", "paid", 11800, 2, "")]
    assert [line[2] for line in _lines("261102-")] == ["T-001-WXL", "T-001-BXL"]


def _douyin_row(sub: str, **values: str) -> list[str]:
    row = {
        "主订单编号": "\t6917926768823643751", "子订单编号": f"\t{sub}", "选购商品": "蓝牙耳机",
        "商品规格": "黑色", "商品数量": "1", "商家编码": "E-9", "商品单价": "99.00",
        "订单应付金额": "99.00", "收件人": "周八", "收件人手机号": "15900000000",
        "详细地址": "四川省成都市武侯区天府大道1号", "订单提交时间": "2026-11-01 10:00:00",
        "支付完成时间": "2026-11-01 10:01:00", "订单状态": "待发货",
    }  # fmt: skip
    row.update(values)
    return [row.get(h, "-") for h in DOUYIN]


def test_douyin_sub_orders_repeated_once_each_and_differing_ones_refused(
    fresh_db: Path, tmp_path: Path
) -> None:
    # Two goods lines that look the same but are two sub-orders: both stay.
    same_looking = [_douyin_row("6917926768823643752"), _douyin_row("6917926768823643753")]
    rows = [*same_looking, same_looking[0]]
    summary = import_orders_file(csv_file(tmp_path / "dy.csv", DOUYIN, rows), shop_name="抖店")
    assert summary.summary is not None and summary.summary.duplicate_rows == 1
    assert _sales("6917926768823643751") == [("6917926768823643751", "paid", 19800, 2, "")]

    changed = [*same_looking, _douyin_row("6917926768823643752", 订单状态="已发货")]
    with pytest.raises(UserError) as caught:
        import_orders_file(csv_file(tmp_path / "dy2.csv", DOUYIN, changed), shop_name="抖店")
    assert "Row 4, column 订单状态" in str(caught.value)
    assert "both sub-order 6917926768823643752 but differ" in str(caught.value)


def test_a_taobao_item_report_keeps_lines_that_look_alike(fresh_db: Path, tmp_path: Path) -> None:
    """Two lines of the same goods (two sub-orders) are not a repeat; a repeated sub-order is."""
    order_row = taobao_row(TAOBAO_41, 买家实际支付金额="50.00", **{"宝贝总数量": "2"})
    orders = csv_file(tmp_path / "ExportOrderList.csv", TAOBAO_41, [order_row],
                      encoding="gb18030", quote_all=True)  # fmt: skip
    import_orders_file(orders, shop_name=SHOP)
    rows = []
    for sub in ("19306798581706471230", "19306798581706471231", "19306798581706471230"):
        values = {"子订单编号": f'="{sub}"', "主订单编号": '="1930679858170647123"',
                  "标题": "夏季 纯棉T恤", "价格": "25.00", "购买数量": "1",
                  "订单状态": "买家已付款，等待卖家发货", "商家编码": "T-001"}  # fmt: skip
        rows.append([values.get(h, "") for h in TAOBAO_ITEMS_NEW])
    items = csv_file(tmp_path / "ExportOrderDetailList.csv", TAOBAO_ITEMS_NEW, rows,
                     encoding="gb18030", quote_all=True)  # fmt: skip

    summary = import_orders_file(items, shop_name=SHOP).summary

    assert summary is not None and summary.duplicate_rows == 1
    assert _lines("1930679858170647123") == [
        ("1930679858170647123", "夏季 纯棉T恤", "T-001", 1, 2500),
        ("1930679858170647123", "夏季 纯棉T恤", "T-001", 1, 2500),
    ]


def test_a_1688_export_put_together_twice_imports_each_purchase_once(
    fresh_db: Path, tmp_path: Path
) -> None:
    orders = [
        Order1688(
            "3301234567890123456",
            goods="150.00",
            paid="158.00",
            freight="8.00",
            lines=[
                Line1688("纯棉T恤 白色 XL", "25.00", 2, item_code="T-001"),
                Line1688("纯棉T恤 黑色 XL", "25.00", 4, item_code="T-002"),
            ],
        )
    ]
    rows = ali1688_rows(orders) * 2
    path = xlsx_file(tmp_path / "已买到的货品.xlsx", ALI1688_49, rows)

    summary = import_orders_file(path).summary

    assert summary is not None
    assert (summary.orders_created, summary.lines_created, summary.duplicate_rows) == (1, 2, 2)
    assert db.execute_sql(
        "SELECT count(*) FROM supplier_order_line l JOIN supplier_order o"
        " ON o.id = l.supplier_order_id WHERE o.order_id_1688 = '3301234567890123456'"
    ).fetchone() == (2,)


def test_an_order_given_twice_in_two_states_is_refused_not_summed(
    fresh_db: Path, tmp_path: Path
) -> None:
    base = dict(_PDD_LINE)
    another = {**base, "订单号": "261102-123456789012399", "手机": "13900000000"}
    shipped = {**base, "订单状态": "已发货，待签收", "快递单号": "YT7512345678901",
               "快递公司": "圆通速递"}  # fmt: skip
    rows = _pdd_rows(base, another, shipped)
    path = csv_file(tmp_path / "pdd.csv", PDD_OBSERVED, rows)
    before = content_dump(fresh_db)
    with pytest.raises(UserError, match="row 2 but differ"):
        import_orders_file(path, shop_name="拼多多小店")
    assert content_dump(fresh_db) == before
    # The same order given twice as it was: imported once, one line.
    rows = _pdd_rows(base, another, base)
    summary = import_orders_file(
        csv_file(tmp_path / "pdd2.csv", PDD_OBSERVED, rows), shop_name="拼多多小店"
    ).summary
    assert summary is not None and summary.duplicate_rows == 1
    assert _sales("261102-123456789012345") == [("261102-123456789012345", "paid", 5900, 1, "")]

    # A 1688 purchase of two lines, in two exports put together: waiting, then shipped.
    lines = [
        Line1688("纯棉T恤 白色 XL", "25.00", 2, item_code="T-001"),
        Line1688("纯棉T恤 黑色 XL", "25.00", 4, item_code="T-002"),
    ]
    waiting = Order1688("3301234567890123456", goods="150.00", paid="158.00", freight="8.00",
                        lines=lines)  # fmt: skip
    sent = Order1688("3301234567890123456", status="已发货", goods="150.00", paid="158.00",
                     freight="8.00", carrier="圆通速递", tracking="YT7512345678901",
                     lines=lines)  # fmt: skip
    path = xlsx_file(tmp_path / "已买到的货品.xlsx", ALI1688_49, ali1688_rows([waiting, sent]))
    before = content_dump(fresh_db)
    with pytest.raises(UserError, match="3301234567890123456"):
        import_orders_file(path)
    assert content_dump(fresh_db) == before


# --- tracking numbers Excel damaged -------------------------------------------------------------


@pytest.mark.parametrize("tracking", ["7.73012E+14", "7.73012e+14", "773012000000000.0"])
def test_a_taobao_tracking_number_excel_damaged_is_refused(
    demo_db: Path, tmp_path: Path, tracking: str
) -> None:
    """Opened and saved in Excel: 物流单号 became a number; written into the ship file it would
    name another parcel."""
    rows = [
        taobao_row(TAOBAO_41),
        taobao_row(
            TAOBAO_41,
            订单编号="1930679858170647124",
            订单状态="卖家已发货，等待买家确认",
            **{"物流单号 ": tracking, "物流公司": "中通快递"},
        ),
    ]
    path = csv_file(tmp_path / "ExportOrderList202611021200.csv", TAOBAO_41, rows)
    before = content_dump(demo_db)

    with pytest.raises(UserError) as caught:
        import_orders_file(path, shop_name=SHOP)

    text = str(caught.value)
    assert "Row 3, column 物流单号" in text and f"The tracking number {tracking!r}" in text
    assert "Excel or WPS" in text and "formatted as Text" in text
    assert content_dump(demo_db) == before


def test_a_pdd_and_a_douyin_tracking_number_excel_damaged_are_refused(
    fresh_db: Path, tmp_path: Path
) -> None:
    pdd = {
        "商品": "夏季 纯棉T恤", "订单号": "261102-123456789012345", "订单状态": "已发货，待签收",
        "用户实付金额(元)": "59.00", "商品数量(件)": "1", "订单成交时间": "2026-11-02 08:15:09",
        "收货人": "王小明", "手机": "13812345678", "快递单号": "773012000000000.0",
        "快递公司": "中通快递",
    }  # fmt: skip
    path = csv_file(tmp_path / "pdd.csv", PDD_OBSERVED, [[pdd.get(h, "") for h in PDD_OBSERVED]])
    with pytest.raises(UserError) as caught:
        import_orders_file(path, shop_name="拼多多小店")
    assert "Row 2, column 快递单号: The tracking number '773012000000000.0'" in str(caught.value)

    douyin = _douyin_row("6917926768823643752", 订单状态="已发货", 快递信息="7.73012E+14-中通快递")
    path = csv_file(tmp_path / "dy.csv", DOUYIN, [douyin])
    with pytest.raises(UserError) as caught:
        import_orders_file(path, shop_name="抖店")
    assert "Row 2, column 快递信息: The tracking number '7.73012E+14'" in str(caught.value)
    assert db.execute_sql("SELECT count(*) FROM sales_order").fetchone() == (0,)


@pytest.mark.parametrize("tracking", [773012345678901234, "7.73012e+14"], ids=["number", "text"])
def test_a_1688_tracking_number_excel_damaged_is_refused(
    fresh_db: Path, tmp_path: Path, tracking: Any
) -> None:
    order = Order1688(
        "3301234567890123456",
        status="等待买家确认收货",
        goods="50.00",
        paid="50.00",
        carrier="中通快递",
        lines=[Line1688("纯棉T恤 白色 XL", "25.00", 2, item_code="T-001")],
    )
    rows = ali1688_rows([order])
    rows[0][ALI1688_49.index("运单号")] = tracking  # a number cell: Excel keeps 15 digits
    path = xlsx_file(tmp_path / "已买到的货品.xlsx", ALI1688_49, rows)

    with pytest.raises(UserError) as caught:
        import_orders_file(path)

    assert "Row 2, column 运单号: The tracking number" in str(caught.value)
    assert "scientific notation" in str(caught.value)
    assert db.execute_sql("SELECT count(*) FROM supplier_order").fetchone() == (0,)


# --- a later export with a new amount (改价) ----------------------------------------------------


def _unpaid_report(tmp_path: Path, name: str, payable: str) -> Path:
    rows = [
        taobao_row(
            TAOBAO_41,
            订单编号='="1930679858170647124"',
            订单状态="等待买家付款",
            买家实际支付金额="0元",
            买家应付货款=payable,
            总金额=payable,
            **{"订单付款时间 ": "", "宝贝总数量": "3", "宝贝标题 ": "保温杯"},
        ),
        taobao_row(TAOBAO_41),
    ]
    return csv_file(tmp_path / name, TAOBAO_41, rows, encoding="gb18030", quote_all=True)


def _figures(number: str, shop: str = SHOP) -> tuple[Any, ...]:
    return db.execute_sql(
        "SELECT o.status, o.sale_fen, o.profit_fen, o.quantity, o.flags FROM sales_order o"
        " JOIN shop s ON s.id = o.shop_id WHERE o.shop_order_no = ? AND s.name = ?",
        (number, shop),
    ).fetchone()


def test_a_price_changed_before_payment_updates_the_sale_on_re_import(
    fresh_db: Path, tmp_path: Path
) -> None:
    from dropship_desktop.store import daily_summary, todo_members

    import_orders_file(_unpaid_report(tmp_path, "ExportOrderList1.csv", "129.00"), shop_name=SHOP)
    assert _figures("1930679858170647124")[:2] == ("wait_pay", 12900)
    paid_before = _figures("1930679858170647123")

    # The seller lowered the price (改价) to ¥99 for three; the buyer has not paid yet.
    changed = _unpaid_report(tmp_path, "ExportOrderList2.csv", "99.00")
    summary = import_orders_file(changed, shop_name=SHOP).summary

    assert summary is not None
    assert (summary.orders_updated, summary.orders_unchanged, summary.amounts_changed) == (1, 1, 1)
    assert "1 order(s) already here have a new amount" in summary.message()
    # As a fresh import of the new export would have it: sale, profit, line.
    import_orders_file(changed, shop_name="另一家淘宝店")
    assert _figures("1930679858170647124") == _figures("1930679858170647124", "另一家淘宝店")
    assert _figures("1930679858170647124")[1] == 9900
    assert _lines("1930679858170647124") == [
        ("1930679858170647124", "保温杯", "", 3, 3300),
        ("1930679858170647124", "保温杯", "", 3, 3300),
    ]  # (one line in each shop)
    assert _figures("1930679858170647123") == paid_before
    conn = db.connection()
    assert daily_summary.differences(conn) == [] and todo_members.differences(conn) == []
    assert db.execute_sql(
        "SELECT before, after FROM audit_event WHERE action = 'amount_imported'"
    ).fetchall() == [
        ('{"amount_fen": 12900}', '{"amount_fen": 9900, "file": "ExportOrderList2.csv"}')
    ]

    # The same export again changes nothing.
    again = import_orders_file(changed, shop_name=SHOP).summary
    assert again is not None and (again.orders_updated, again.amounts_changed) == (0, 0)


def test_a_new_amount_keeps_the_lines_an_item_report_gave(fresh_db: Path, tmp_path: Path) -> None:
    import_orders_file(_unpaid_report(tmp_path, "ExportOrderList1.csv", "129.00"), shop_name=SHOP)
    rows = []
    for sub, title, code in (("0", "保温杯", "CUP-500"), ("1", "保温杯 杯套", "CUP-SET")):
        values = {"子订单编号": f'="193067985817064712{sub}"', "主订单编号": '="1930679858170647124"',
                  "标题": title, "价格": "43.00", "购买数量": "1" if sub == "1" else "2",
                  "订单状态": "等待买家付款", "商家编码": code}  # fmt: skip
        rows.append([values.get(h, "") for h in TAOBAO_ITEMS_NEW])
    items = csv_file(tmp_path / "ExportOrderDetailList.csv", TAOBAO_ITEMS_NEW, rows,
                     encoding="gb18030", quote_all=True)  # fmt: skip
    import_orders_file(items, shop_name=SHOP)
    lines = _lines("1930679858170647124")

    import_orders_file(_unpaid_report(tmp_path, "ExportOrderList2.csv", "99.00"), shop_name=SHOP)

    assert _figures("1930679858170647124")[1] == 9900
    assert _lines("1930679858170647124") == lines  # the item report's lines, with their SKUs


# --- a second code column fills in an empty first one, row by row -------------------------------


def test_pdd_takes_the_product_code_where_the_spec_code_is_empty(
    fresh_db: Path, tmp_path: Path
) -> None:
    def row(number: str, spec_code: str, product_code: str) -> list[str]:
        cells = {
            "商品": "夏季 纯棉T恤", "订单号": number, "订单状态": "待发货",
            "用户实付金额(元)": "59.00", "商品数量(件)": "1", "商品规格": "白色 XL",
            "商家编码-规格维度": spec_code, "商家编码-商品维度": product_code,
            "订单成交时间": "2026-11-02 08:15:09", "收货人": "王小明", "手机": "13812345678",
        }  # fmt: skip
        return [f"\t{cells[h]}" if cells.get(h) else "" for h in PDD_OBSERVED]

    rows = [
        row("261102-123456789012345", "T-001-WXL", "T-001"),
        row("261102-123456789012346", "", "T-001"),  # no code per spec: the listing's
        row("261102-123456789012347", "", ""),
    ]
    import_orders_file(csv_file(tmp_path / "pdd.csv", PDD_OBSERVED, rows), shop_name="拼多多小店")

    assert [(line[0], line[2]) for line in _lines("261102-")] == [
        ("261102-123456789012345", "T-001-WXL"),
        ("261102-123456789012346", "T-001"),
        ("261102-123456789012347", ""),
    ]


def test_1688_takes_the_single_item_code_where_the_item_code_is_empty(
    fresh_db: Path, tmp_path: Path
) -> None:
    order = Order1688(
        "3301234567890123456",
        goods="150.00",
        paid="150.00",
        lines=[
            Line1688("纯棉T恤 白色 XL", "25.00", 2, item_code="T-001"),
            Line1688("纯棉T恤 黑色 XL", "25.00", 4),
        ],
    )
    rows = ali1688_rows([order])
    rows[1][ALI1688_49.index("单品货号")] = "T-001-BXL"
    rows[0][ALI1688_49.index("单品货号")] = "T-001-WXL"  # 货号 wins where it is given
    import_orders_file(xlsx_file(tmp_path / "已买到的货品.xlsx", ALI1688_49, rows))

    assert db.execute_sql(
        "SELECT l.item_code FROM supplier_order_line l ORDER BY l.id"
    ).fetchall() == [("T-001",), ("T-001-BXL",)]


# --- the shop named is of another platform ------------------------------------------------------


def test_a_shop_name_of_another_platform_is_refused_not_made_twice(
    fresh_db: Path, tmp_path: Path
) -> None:
    pdd = {
        "商品": "夏季 纯棉T恤", "订单号": "261102-123456789012345", "订单状态": "待发货",
        "用户实付金额(元)": "59.00", "商品数量(件)": "1", "订单成交时间": "2026-11-02 08:15:09",
        "收货人": "王小明", "手机": "13812345678",
    }  # fmt: skip
    path = csv_file(tmp_path / "pdd.csv", PDD_OBSERVED, [[pdd.get(h, "") for h in PDD_OBSERVED]])
    import_orders_file(path, shop_name="小美家居")
    taobao = csv_file(tmp_path / "ExportOrderList.csv", TAOBAO_41, [taobao_row(TAOBAO_41)],
                      encoding="gb18030", quote_all=True)  # fmt: skip
    before = content_dump(fresh_db)

    with pytest.raises(UserError) as caught:
        import_orders_file(taobao, shop_name="小美家居")

    text = str(caught.value)
    assert (
        "The shop '小美家居' is a Pinduoduo shop, but this file is a Taobao / Tmall export" in text
    )
    assert "--shop" in text
    assert content_dump(fresh_db) == before
    assert db.execute_sql("SELECT platform, name FROM shop").fetchall() == [("pdd", "小美家居")]

    # The import dialog's "new shop" with that name: refused the same way, nothing written.
    with pytest.raises(UserError, match="A Pinduoduo shop is already named '小美家居'"):
        commit_import(preview_import(taobao), new_shop=("taobao", "小美家居"))
    assert content_dump(fresh_db) == before


# --- messages that say it once and say what to do -----------------------------------------------


def test_a_bad_amount_is_said_once_with_what_to_write(fresh_db: Path, tmp_path: Path) -> None:
    rows = [taobao_row(TAOBAO_41, 买家实际支付金额="12.3.4")]
    path = csv_file(tmp_path / "ExportOrderList.csv", TAOBAO_41, rows, encoding="gb18030")

    with pytest.raises(UserError) as caught:
        import_orders_file(path, shop_name=SHOP)

    text = str(caught.value)
    assert (
        "Row 2, column 买家实际支付金额: not an amount: '12.3.4'. Write the amount in yuan" in text
    )
    assert text.count("not an amount") == 1 and text.count("12.3.4") == 1


def _lock_file(folder: Path) -> Path:
    """What Excel leaves beside an open workbook: the user's name, not a workbook."""
    path = folder / "~$已买到的货品.xlsx"
    path.write_bytes(b"\x05xiaom" + b" " * 48 + "小美".encode("utf-16-le") + b"\x00" * 107)
    return path


def test_a_folder_or_an_excel_lock_file_is_named_for_what_it_is(
    fresh_db: Path, tmp_path: Path
) -> None:
    with pytest.raises(UserError) as caught:
        preview_import(tmp_path)
    assert "is a folder, not a file. Choose the exported file itself" in str(caught.value)

    with pytest.raises(UserError) as caught:
        preview_import(_lock_file(tmp_path))
    text = str(caught.value)
    assert text.startswith("~$已买到的货品.xlsx is Excel's temporary lock file")
    assert "Choose the real file: 已买到的货品.xlsx, without the ~$" in text


# --- the receiver a Taobao row really ships to --------------------------------------------------


def test_a_taobao_landline_and_a_changed_address_are_taken_row_by_row(
    fresh_db: Path, tmp_path: Path
) -> None:
    rows = [
        # No mobile, a landline: the landline is the phone.
        taobao_row(TAOBAO_41, 联系手机="", **{"联系电话 ": "'0571-88886666"}),
        # The buyer changed the address after ordering: the parcel goes to the new one.
        taobao_row(
            TAOBAO_41,
            订单编号='="1930679858170647124"',
            修改后的收货地址="上海市 上海市 浦东新区 张江路100号",
            **{"联系电话 ": "'0571-88886666"},
        ),
        # A changed address the platform masked: where the parcel goes is not known; the
        # region it shows is kept and the order says the platform hid the address.
        taobao_row(TAOBAO_41, 订单编号='="1930679858170647125"', 修改后的收货地址="上海市 ****"),
    ]
    import_orders_file(csv_file(tmp_path / "ExportOrderList.csv", TAOBAO_41, rows), shop_name=SHOP)
    got = db.execute_sql(
        "SELECT shop_order_no, buyer_phone, ship_address, buyer_hidden FROM sales_order"
        " ORDER BY shop_order_no"
    ).fetchall()
    assert [g[1] for g in got] == ["0571-88886666", "13812345678", "13812345678"]
    assert got[1][2:] == ("上海市 上海市 浦东新区 张江路100号", 0)
    assert got[0][2].startswith("浙江省 杭州市 西湖区") and got[0][3] == 0
    assert got[2][2:] == ("上海市", 4)


def test_an_address_masked_in_part_keeps_its_region(fresh_db: Path, tmp_path: Path) -> None:
    rows = [
        taobao_row(TAOBAO_41, **{"收货地址 ": "浙江省 杭州市 西湖区 ****"}),
        taobao_row(TAOBAO_41, 订单编号='="1930679858170647124"', **{"收货地址 ": "****"}),
    ]
    changes = import_orders_file(
        csv_file(tmp_path / "ExportOrderList.csv", TAOBAO_41, rows), shop_name=SHOP
    )
    got = db.execute_sql(
        "SELECT ship_address, buyer_hidden FROM sales_order ORDER BY shop_order_no"
    ).fetchall()
    # Where the parcel goes (the region) is kept, and the order says the platform hid the rest.
    assert got == [("浙江省 杭州市 西湖区", 4), ("", 4)]
    assert "hidden by the platform" in changes.message_text


def test_a_paid_order_keeps_what_the_buyer_paid_and_its_coded_lines(
    fresh_db: Path, tmp_path: Path
) -> None:
    number = "1930679858170647123"
    import_orders_file(
        csv_file(tmp_path / "a.csv", TAOBAO_41, [taobao_row(TAOBAO_41)]), shop_name=SHOP
    )
    db.execute_sql(
        "UPDATE sales_order_line SET sku = 'T-001-W', spec = '颜色分类:白色' WHERE sales_order_id ="
        " (SELECT id FROM sales_order WHERE shop_order_no = ?)",
        (number,),
    )
    paid = _figures(number)
    # Closed after a refund: the export shows 0 paid. The order is refunded, not re-priced.
    closed = taobao_row(TAOBAO_41, 订单状态="交易关闭", 买家实际支付金额="0.00")
    import_orders_file(csv_file(tmp_path / "b.csv", TAOBAO_41, [closed]), shop_name=SHOP)
    assert _figures(number)[1] == paid[1] == 5900
    assert db.execute_sql(
        "SELECT count(*) FROM audit_event WHERE action = 'amount_imported'"
    ).fetchone() == (0,)


def test_a_new_price_keeps_lines_that_know_more_than_the_file(
    fresh_db: Path, tmp_path: Path
) -> None:
    number = "1930679858170647124"
    import_orders_file(_unpaid_report(tmp_path, "ExportOrderList1.csv", "129.00"), shop_name=SHOP)
    db.execute_sql(
        "UPDATE sales_order_line SET sku = 'BWB-500', spec = '颜色分类:黑色' WHERE sales_order_id ="
        " (SELECT id FROM sales_order WHERE shop_order_no = ?)",
        (number,),
    )
    import_orders_file(_unpaid_report(tmp_path, "ExportOrderList2.csv", "99.00"), shop_name=SHOP)
    assert _figures(number)[1] == 9900  # the new price…
    assert db.execute_sql(
        "SELECT l.sku, l.spec FROM sales_order_line l JOIN sales_order o"
        " ON o.id = l.sales_order_id WHERE o.shop_order_no = ?",
        (number,),
    ).fetchall() == [("BWB-500", "颜色分类:黑色")]  # …and the line the SKU mapping goes by


def test_a_changed_sku_is_a_spec_and_a_refund_cell_without_an_amount_is_none(
    fresh_db: Path, tmp_path: Path
) -> None:
    headers = [*TAOBAO_41, "退款金额"] if "退款金额" not in TAOBAO_41 else TAOBAO_41
    rows = [
        taobao_row(headers, 修改后的sku="颜色分类:黑色;尺码:XL"),
        taobao_row(headers, 订单编号='="1930679858170647124"', 订单状态="交易关闭", 退款金额="无"),
    ]
    import_orders_file(csv_file(tmp_path / "ExportOrderList.csv", headers, rows), shop_name=SHOP)
    assert db.execute_sql(
        "SELECT l.sku, l.spec FROM sales_order_line l JOIN sales_order o"
        " ON o.id = l.sales_order_id WHERE o.shop_order_no = '1930679858170647123'"
    ).fetchall() == [("", "颜色分类:黑色;尺码:XL")]
    assert _sales("1930679858170647124")[0][1] == "cancelled"


def test_an_unpaid_order_paid_and_shipped_takes_what_the_buyer_paid(
    fresh_db: Path, tmp_path: Path
) -> None:
    number = "1930679858170647124"
    import_orders_file(_unpaid_report(tmp_path, "ExportOrderList1.csv", "129.00"), shop_name=SHOP)
    shipped = taobao_row(
        TAOBAO_41, 订单编号=f'="{number}"', 订单状态="卖家已发货，等待买家确认", 买家实际支付金额="99.00",
        **{"宝贝总数量": "3", "宝贝标题 ": "保温杯", "物流单号 ": "YT7512345678901", "物流公司": "圆通速递"},
    )  # fmt: skip
    import_orders_file(csv_file(tmp_path / "later.csv", TAOBAO_41, [shipped]), shop_name=SHOP)
    assert _figures(number)[:2] == ("shipped", 9900)


def test_copies_of_an_order_are_told_from_more_lines_of_it(fresh_db: Path, tmp_path: Path) -> None:
    waiting = dict(_PDD_LINE)
    shipped = {**waiting, "订单状态": "已发货，待签收", "快递单号": "YT7512345678901",
               "快递公司": "圆通速递"}  # fmt: skip
    other = {**waiting, "订单号": "261102-123456789012399", "手机": "13900000000"}
    before = content_dump(fresh_db)
    # Two exports overlapping at this order: its two states on adjacent rows.
    adjacent = csv_file(tmp_path / "a.csv", PDD_OBSERVED, _pdd_rows(other, waiting, shipped))
    with pytest.raises(UserError, match="row 3 but differ"):
        import_orders_file(adjacent, shop_name="拼多多小店")
    assert content_dump(fresh_db) == before
    # A gift line of the same goods at ¥0, sorted away from the order's other line: more lines.
    gift = {**waiting, "用户实付金额(元)": "0"}
    sorted_apart = csv_file(tmp_path / "b.csv", PDD_OBSERVED, _pdd_rows(waiting, other, gift))
    summary = import_orders_file(sorted_apart, shop_name="拼多多小店").summary
    assert summary is not None and summary.duplicate_rows == 0
    assert _sales("261102-123456789012345") == [("261102-123456789012345", "paid", 5900, 2, "")]
    # The same two-line order twice, its rows in another order the second time: dropped.
    black = {**waiting, "商品规格": "黑色 XL", "商家编码-规格维度": "T-001-BXL"}
    rows = _pdd_rows(
        {**waiting, "订单号": "261102-123456789012300"},
        {**black, "订单号": "261102-123456789012300"},
        other,
        {**black, "订单号": "261102-123456789012300"},
        {**waiting, "订单号": "261102-123456789012300"},
    )
    summary = import_orders_file(
        csv_file(tmp_path / "c.csv", PDD_OBSERVED, rows), shop_name="拼多多小店"
    ).summary
    assert summary is not None and summary.duplicate_rows == 2
    assert _sales("261102-123456789012300") == [("261102-123456789012300", "paid", 11800, 2, "")]
