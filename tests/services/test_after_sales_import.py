"""Import of after-sales exports (generated files in the platforms' layouts) and the export."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from dropship_desktop.errors import UserError
from dropship_desktop.services.after_sales_export import export_after_sales
from dropship_desktop.services.after_sales_import import (
    commit_after_sales_import,
    preview_after_sales_import,
)
from dropship_desktop.tabular.reader import read_table
from tests.helpers.after_sales_data import one, q, seed_orders

PDD_HEADERS = ["售后编号", "订单编号", "交易金额", "退款金额", "售后状态", "订单状态", "退款类型",
               "申请时间", "同意退款时间"]  # fmt: skip


def pdd_rows(count: int = 3) -> list[list[str]]:
    statuses = [("退款成功", "仅退款"), ("待商家处理", "退货退款"), ("待买家退货", "退货退款"),
                ("待商家收货", "换货"), ("售后关闭", "补寄"), ("驳回", "仅退款")]  # fmt: skip
    rows = []
    for i in range(1, count + 1):
        status, kind = statuses[(i - 1) % len(statuses)]
        rows.append([
            f"\t{9000000000 + i}", f"\t240101-{i:015d}", "69.00", "69.00", status, "已签收", kind,
            "2026-11-20 10:00:00", "2026-11-20 12:00:00" if status != "待商家处理" else "",
        ])  # fmt: skip
    return rows


def write_xlsx(
    path: Path, headers: list[str], rows: list[list[str]], preamble: bool = False
) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "售后信息"
    if preamble:
        sheet.append(["售后信息导出 2026-11-21"])
    sheet.append(headers)
    for row in rows:
        sheet.append([c.strip("\t") for c in row])
    book.save(path)
    return path


def write_csv(
    path: Path, headers: list[str], rows: list[list[str]], encoding: str = "utf-8-sig"
) -> Path:
    with open(path, "w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(headers)
        writer.writerows(rows)
    return path


def test_pdd_xlsx_imports_every_row_with_its_state(fresh_db: Path, tmp_path: Path) -> None:
    seed_orders(6)
    path = write_xlsx(tmp_path / "售后信息.xlsx", PDD_HEADERS, pdd_rows(6), preamble=True)
    preview = preview_after_sales_import(path)
    assert preview.ok, preview.errors
    assert preview.new_count == 6 and preview.mapping["case_no"] == "售后编号"
    changes = commit_after_sales_import(preview)
    assert "6 new" in changes.message_text
    rows = q("SELECT platform_case_no, kind, buyer_state, refunded_fen, closed_at IS NULL,"
             " supplier_order_id IS NOT NULL FROM after_sales_case ORDER BY id")  # fmt: skip
    assert rows[0] == ("9000000001", "refund_only", "refunded", 6900, 0, 1)
    assert rows[1][1:3] == ("return_refund", "requested") and rows[1][4] == 1
    assert rows[2][2] == "agreed"
    assert rows[3][1:3] == ("exchange", "goods_returned")
    assert rows[4][1:3] == ("reship", "closed")
    assert rows[5][2] == "refused"
    assert one("SELECT count(*) FROM audit_event WHERE action = 'as_imported'") == 6


def test_reimport_updates_instead_of_duplicating(fresh_db: Path, tmp_path: Path) -> None:
    seed_orders(2)
    rows = pdd_rows(2)
    commit_after_sales_import(
        preview_after_sales_import(write_csv(tmp_path / "a.csv", PDD_HEADERS, rows))
    )
    rows[1][4] = "退款成功"
    preview = preview_after_sales_import(write_csv(tmp_path / "b.csv", PDD_HEADERS, rows))
    assert preview.update_count == 2
    changes = commit_after_sales_import(preview)
    assert "1 updated" in changes.message_text
    assert one("SELECT count(*) FROM after_sales_case") == 2
    assert (
        one("SELECT buyer_state FROM after_sales_case WHERE platform_case_no = '9000000002'")
        == "refunded"
    )


def test_a_bad_row_rejects_the_whole_file(fresh_db: Path, tmp_path: Path) -> None:
    seed_orders(3)
    rows = pdd_rows(3)
    rows[1][1] = "240101-999999999999999"  # not in the database
    rows[2][3] = "abc"
    preview = preview_after_sales_import(write_csv(tmp_path / "bad.csv", PDD_HEADERS, rows))
    assert not preview.ok and preview.cases == []
    text = " ".join(str(e) for e in preview.errors)
    assert "Row 3: order 240101-999999999999999 is not in the database" in text
    assert "Row 4, Refund amount" in text
    with pytest.raises(UserError):
        commit_after_sales_import(preview)
    assert one("SELECT count(*) FROM after_sales_case") == 0


def test_a_return_tracking_number_excel_damaged_rejects_the_file(
    fresh_db: Path, tmp_path: Path
) -> None:
    seed_orders(2)
    headers = [*PDD_HEADERS, "退货物流单号"]
    rows = [
        [*row, tracking]
        for row, tracking in zip(pdd_rows(2), ["\tYT7512345678901", "7.73012E+14"], strict=True)
    ]
    preview = preview_after_sales_import(write_csv(tmp_path / "returns.csv", headers, rows))
    assert not preview.ok and preview.cases == []
    text = " ".join(str(e) for e in preview.errors)
    assert "Row 3, Return tracking no." in text and "scientific notation" in text
    rows[1][-1] = "\t773012345678901"
    preview = preview_after_sales_import(write_csv(tmp_path / "fixed.csv", headers, rows))
    assert preview.ok and [c.return_tracking for c in preview.cases] == [
        "YT7512345678901",
        "773012345678901",
    ]


def test_a_file_that_is_not_an_after_sales_export_is_refused(
    fresh_db: Path, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "x.csv", ["名称", "价格"], [["杯子", "1"]])
    preview = preview_after_sales_import(path)
    assert not preview.ok and "no order number column" in str(preview.errors[0])
    assert preview.headers == ["名称", "价格"]  # shown for mapping by hand
    garbage = tmp_path / "g.xlsx"
    garbage.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(UserError):
        preview_after_sales_import(garbage)


def test_taobao_refund_list_gbk_with_need_return_column(fresh_db: Path, tmp_path: Path) -> None:
    seed_orders(2, platform="taobao")
    headers = ["退款编号", "订单编号", "买家实际支付金额", "买家退款金额", "退款状态", "是否需要退货",
               "退款的申请时间", "退款原因"]  # fmt: skip
    rows = [
        ["T1", '="240101-000000000000001"', "69", "20", "退款成功", "否", "2026/11/20 10:00", "少件"],
        ["T2", '="240101-000000000000002"', "69", "69", "等待买家退货", "是", "2026/11/20 11:00", "质量问题"],
    ]  # fmt: skip
    preview = preview_after_sales_import(
        write_csv(tmp_path / "refund.csv", headers, rows, encoding="gbk"), shop="拼拼好物"
    )
    assert preview.ok, preview.errors
    commit_after_sales_import(preview)
    assert q(
        "SELECT kind, buyer_state, requested_fen, reason FROM after_sales_case ORDER BY id"
    ) == [
        ("refund_only", "refunded", 2000, "少件"),
        ("return_refund", "agreed", 6900, "质量问题"),
    ]


def test_douyin_layout_through_an_explicit_mapping(fresh_db: Path, tmp_path: Path) -> None:
    seed_orders(1, platform="douyin")
    headers = ["售后单号", "商品单号", "售后类型", "售后状态", "申请金额", "售后申请时间"]
    rows = [
        ["A1", "240101-000000000000001", "仅退款", "待商家处理", "69.00", "2026-11-20 10:00:00"]
    ]
    path = write_csv(tmp_path / "douyin.csv", headers, rows)
    assert "no order number column" in str(preview_after_sales_import(path).errors[0])
    preview = preview_after_sales_import(
        path, mapping={"order_no": "商品单号", "refund_amount": "申请金额"}
    )
    assert preview.ok, preview.errors
    commit_after_sales_import(preview)
    assert q("SELECT kind, buyer_state, requested_fen FROM after_sales_case") == [
        ("refund_only", "requested", 6900)
    ]
    with pytest.raises(UserError, match="no column"):
        preview_after_sales_import(path, mapping={"order_no": "不存在"})


def test_unknown_status_is_kept_with_a_warning(fresh_db: Path, tmp_path: Path) -> None:
    seed_orders(1)
    rows = pdd_rows(1)
    rows[0][4] = "神秘状态"
    preview = preview_after_sales_import(write_csv(tmp_path / "u.csv", PDD_HEADERS, rows))
    assert preview.ok and len(preview.warnings) == 1
    commit_after_sales_import(preview)
    assert q("SELECT buyer_state, platform_status FROM after_sales_case") == [
        ("requested", "神秘状态")
    ]


def test_export_round_trip(fresh_db: Path, tmp_path: Path) -> None:
    seed_orders(3)
    commit_after_sales_import(
        preview_after_sales_import(write_csv(tmp_path / "in.csv", PDD_HEADERS, pdd_rows(3)))
    )
    for name in ("out.xlsx", "out.csv"):
        count = export_after_sales(tmp_path / name, "zh")
        assert count == 3
        table = read_table(tmp_path / name)
        assert table.headers[:4] == ["售后编号", "订单编号", "店铺", "售后类型"]
        assert {r[1] for r in table.rows} == {f"240101-{i:015d}" for i in (1, 2, 3)}
        assert "退货退款" in {r[3] for r in table.rows}
    with pytest.raises(UserError):
        export_after_sales(tmp_path / "out.txt")
    assert json.dumps  # keep json import used for mapping files in CLI tests


PDD_ORDER_HEADERS = ["商品", "订单号", "订单状态", "商品总价(元)", "用户实付金额(元)", "商品数量(件)",
                     "售后状态", "订单成交时间"]  # fmt: skip


def test_an_order_export_opens_no_cases(fresh_db: Path, tmp_path: Path) -> None:
    """A seller picking the shop's order export by mistake: its rows say 无售后 / ``-``."""
    seed_orders(3)
    rows = [["\t保温杯", f"\t240101-{i:015d}", "\t已签收", "\t69.00", "\t69.00", "\t1",
             "\t无售后或售后取消", "\t2026-11-20 10:00:00"] for i in (1, 2, 3)]  # fmt: skip
    preview = preview_after_sales_import(
        write_csv(tmp_path / "orders.csv", PDD_ORDER_HEADERS, rows)
    )
    assert not preview.ok and preview.cases == []
    assert "looks like an order export" in str(preview.errors[0])
    douyin = ["主订单编号", "子订单编号", "选购商品", "订单应付金额", "订单状态", "售后状态"]
    drows = [[f"\t240101-{i:015d}", f"\t240101-{i:015d}", "支架", "19.90", "已完成", "-"]
             for i in (1, 2)]  # fmt: skip
    preview = preview_after_sales_import(write_csv(tmp_path / "dy.csv", douyin, drows))
    assert not preview.ok and "looks like an order export" in str(preview.errors[0])
    assert one("SELECT count(*) FROM after_sales_case") == 0


def test_an_order_export_imports_only_its_rows_with_after_sales(
    fresh_db: Path, tmp_path: Path
) -> None:
    seed_orders(3)
    statuses = ["无售后或售后取消", "退款成功", "无售后或售后取消"]
    rows = [["保温杯", f"240101-{i:015d}", "已签收", "69.00", "69.00", "1", statuses[i - 1],
             "2026-11-20 10:00:00"] for i in (1, 2, 3)]  # fmt: skip
    preview = preview_after_sales_import(
        write_csv(tmp_path / "orders.csv", PDD_ORDER_HEADERS, rows)
    )
    assert preview.ok, preview.errors
    assert preview.new_count == 1 and "2 row(s) without after-sales" in str(preview.warnings[0])
    commit_after_sales_import(preview)
    assert q("SELECT o.shop_order_no, c.buyer_state FROM after_sales_case c"
             " JOIN sales_order o ON o.id = c.sales_order_id") == [
        ("240101-000000000000002", "refunded")
    ]  # fmt: skip
