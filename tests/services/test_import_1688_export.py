"""The 1688 buyer export (已买到的货品) as it really comes: 49 columns, one row per goods line,
continuation rows, money and times as text or cells, 下游订单号 links."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from dropship_desktop.errors import UserError
from dropship_desktop.services.order_import import import_orders_file, preview_import
from dropship_desktop.store.db import db
from tests.helpers.platform_exports import (
    ALI1688_49,
    TAOBAO_41,
    Line1688,
    Order1688,
    ali1688_rows,
    csv_file,
    taobao_row,
    xlsx_file,
)
from tests.services.test_order_import_files import content_dump

SHOP = "小美家居淘宝店"


def _orders() -> list[Order1688]:
    return [
        Order1688(
            number="3812345678901234567",
            goods="¥1,259.50",
            freight="￥8.00",
            paid="¥1,267.50",
            created="2026/11/2 8:15",
            paid_at="2026/11/2 8:16:30",
            batch="B20261102001",
            channel="淘宝",
            downstream="1930679858170647123",
            lines=[
                Line1688("纯棉T恤 白色 XL", "¥25.00", 2, "610947572360", "4421432339981", "T-001"),
                Line1688("蓝牙耳机 黑色", "¥1,209.50", 1, "620000000001", "", "E-9", "X1"),
            ],
        ),
        Order1688(
            number="3812345678901234568",
            status="等待买家确认收货",
            goods="45.50",
            freight="0",
            paid="45.50",
            created="2026-11-02",
            paid_at="2026-11-02 09:11:00",
            name="李四",
            phone="13900001111",
            carrier="圆通速递",
            tracking="YT7512345678",
            dropship="否",
            lines=[Line1688("充电线 1米", "45.50", 1, "630000000002", "5000000000001", "C-1")],
        ),
    ]


def _supplier_orders() -> list[tuple[Any, ...]]:
    return db.execute_sql(
        "SELECT order_id_1688, status, cost_fen, shipping_fen, paid_fen, quantity, carrier,"
        " tracking_no, downstream_order_no, downstream_channel, is_dropship, batch_no,"
        " created_at, paid_at FROM supplier_order WHERE order_id_1688 LIKE '38123456789012345%'"
        " ORDER BY order_id_1688"
    ).fetchall()


def _lines() -> list[tuple[Any, ...]]:
    return db.execute_sql(
        "SELECT s.order_id_1688, l.line_no, l.title, l.spec, l.offer_id_1688, l.sku_id_1688,"
        " l.item_code, l.quantity, l.unit_price_fen, l.amount_fen FROM supplier_order_line l"
        " JOIN supplier_order s ON s.id = l.supplier_order_id"
        " WHERE s.order_id_1688 LIKE '38123456789012345%' ORDER BY s.order_id_1688, l.line_no"
    ).fetchall()


def _epoch(text: str) -> int:
    from dropship_desktop.tabular.cells import parse_datetime

    value = parse_datetime(text)
    assert value is not None
    return int(value.timestamp())


def _write(kind: str, path: Path, orders: list[Order1688]) -> Path:
    rows = ali1688_rows(orders)
    if kind == "xlsx":
        # Real date cells for the times (one a date only), the rest as the export's text.
        for row in rows:
            for header in ("订单创建时间", "订单付款时间"):
                i = ALI1688_49.index(header)
                text = row[i]
                if text and "-" in text:
                    row[i] = (
                        datetime.fromisoformat(text) if ":" in text else date.fromisoformat(text)
                    )
        return xlsx_file(path.with_suffix(".xlsx"), ALI1688_49, rows, numeric=frozenset({"数量"}))
    return csv_file(path.with_suffix(".csv"), ALI1688_49, rows, encoding=kind)


@pytest.mark.parametrize("kind", ["utf-8-sig", "gb18030", "xlsx"])
def test_multi_line_orders_keep_every_line_and_the_order_fields(
    fresh_db: Path, tmp_path: Path, kind: str
) -> None:
    path = _write(kind, tmp_path / "1688", _orders())
    preview = preview_import(path)
    assert preview.format == "1688" and preview.kind == "1688"
    assert not preview.errors, preview.error_text()
    assert [len(lines) for lines in preview.orders.values()] == [2, 1]

    changes = import_orders_file(path)

    summary = changes.summary
    assert summary is not None
    assert (summary.orders_created, summary.lines_created) == (2, 3)
    # No shop order 1930679858170647123 yet: the first waits for it (said in the summary).
    assert summary.waiting_downstream == 1
    assert "not here yet" in changes.message_text
    assert _supplier_orders() == [
        ("3812345678901234567", "waitsellersend", 125950, 800, 126750, 3, "", "",
         "1930679858170647123", "淘宝", 1, "B20261102001", _epoch("2026-11-02 08:15:00"),
         _epoch("2026-11-02 08:16:30")),
        ("3812345678901234568", "waitbuyerreceive", 4550, 0, 4550, 1, "圆通速递",
         "YT7512345678", "", "", 0, "", _epoch("2026-11-02 00:00:00"),
         _epoch("2026-11-02 09:11:00")),
    ]  # fmt: skip
    assert _lines() == [
        ("3812345678901234567", 1, "纯棉T恤 白色 XL", "", "610947572360", "4421432339981",
         "T-001", 2, 2500, 5000),
        ("3812345678901234567", 2, "蓝牙耳机 黑色", "X1", "620000000001", "", "E-9", 1,
         120950, 120950),
        ("3812345678901234568", 1, "充电线 1米", "", "630000000002", "5000000000001", "C-1", 1,
         4550, 4550),
    ]  # fmt: skip


def test_a_continuation_row_before_any_order_is_rejected_naming_the_row(
    demo_db: Path, tmp_path: Path
) -> None:
    rows = ali1688_rows(_orders())
    rows.insert(0, rows.pop(1))  # the second goods line of the first order now comes first
    path = csv_file(tmp_path / "1688.csv", ALI1688_49, rows)
    before = content_dump(demo_db)

    with pytest.raises(UserError) as caught:
        import_orders_file(path)

    text = str(caught.value)
    assert "nothing was imported" in text
    assert "Row 2, column 订单编号" in text and "no order above" in text
    assert content_dump(demo_db) == before


def _import_shop_order(tmp_path: Path, number: str, name: str, phone: str) -> int:
    path = csv_file(
        tmp_path / f"tb{number}.csv",
        TAOBAO_41,
        [taobao_row(TAOBAO_41, 订单编号=f'="{number}"', 收货人姓名=name, 联系手机=f"'{phone}")],
        encoding="gb18030",
        quote_all=True,
    )
    import_orders_file(path, shop_name=SHOP)
    row = db.execute_sql("SELECT id FROM sales_order WHERE shop_order_no = ?", (number,)).fetchone()
    return int(row[0])


def test_the_downstream_order_number_links_whatever_the_buyer_fields_say(
    fresh_db: Path, tmp_path: Path
) -> None:
    # The shop order the purchase was placed for has another recipient than the 1688 order,
    # and another shop order has the 1688 order's recipient: 下游订单号 decides.
    target = _import_shop_order(tmp_path, "1930679858170647123", "赵六", "13700000000")
    decoy = _import_shop_order(tmp_path, "1930679858170647999", "张三", "13812345678")
    orders = _orders()
    orders[1].downstream = "1930679858179999999"  # no such shop order
    orders[1].name, orders[1].phone = "张三", "13812345678"  # would match the decoy by phone
    path = csv_file(tmp_path / "1688.csv", ALI1688_49, ali1688_rows(orders))

    changes = import_orders_file(path)

    summary = changes.summary
    assert summary is not None
    assert (summary.linked_downstream, summary.waiting_downstream) == (1, 1)
    links = dict(
        db.execute_sql(
            "SELECT order_id_1688, sales_order_id FROM supplier_order"
            " WHERE order_id_1688 LIKE '38123456789012345%'"
        ).fetchall()
    )
    assert links == {"3812345678901234567": target, "3812345678901234568": None}
    served = db.execute_sql(
        "SELECT supplier_order_no, cost_fen, shipping_fen FROM sales_order WHERE id = ?", (target,)
    ).fetchone()
    assert served == ("3812345678901234567", 125950, 800)
    assert db.execute_sql(
        "SELECT count(*) FROM supplier_order WHERE sales_order_id = ?", (decoy,)
    ).fetchone() == (0,)


def test_a_waiting_order_is_linked_when_its_shop_order_is_imported(
    fresh_db: Path, tmp_path: Path
) -> None:
    path = csv_file(tmp_path / "1688.csv", ALI1688_49, ali1688_rows(_orders()))
    import_orders_file(path)
    target = _import_shop_order(tmp_path, "1930679858170647123", "赵六", "13700000000")
    assert db.execute_sql(
        "SELECT sales_order_id FROM supplier_order WHERE order_id_1688 = '3812345678901234567'"
    ).fetchone() == (target,)
    assert db.execute_sql(
        "SELECT action FROM audit_event WHERE entity = 'supplier_order' AND sales_order_id = ?",
        (target,),
    ).fetchall() == [("linked_downstream",)]


def test_reimport_changes_nothing_and_a_later_export_updates_status_and_logistics(
    fresh_db: Path, tmp_path: Path
) -> None:
    path = _write("xlsx", tmp_path / "1688", _orders())
    import_orders_file(path)
    tables = ("supplier_order", "supplier_order_line", "sales_order")
    before = {t: db.execute_sql(f"SELECT * FROM {t} ORDER BY id").fetchall() for t in tables}

    again = import_orders_file(path).summary
    assert again is not None
    assert (again.orders_created, again.orders_updated, again.orders_unchanged) == (0, 0, 2)
    assert again.lines_created == 0
    assert {t: db.execute_sql(f"SELECT * FROM {t} ORDER BY id").fetchall() for t in tables} == (
        before
    )

    later = _orders()
    later[0].status = "等待买家确认收货"
    later[0].carrier, later[0].tracking = "中通快递", "75312345678901"
    path2 = csv_file(tmp_path / "later.csv", ALI1688_49, ali1688_rows(later))
    summary = import_orders_file(path2).summary
    assert summary is not None
    assert (summary.orders_created, summary.orders_updated, summary.orders_unchanged) == (0, 1, 1)
    assert db.execute_sql(
        "SELECT status, carrier, tracking_no FROM supplier_order"
        " WHERE order_id_1688 = '3812345678901234567'"
    ).fetchone() == ("waitbuyerreceive", "中通快递", "75312345678901")
    assert len(_lines()) == 3


def test_an_excel_serial_time_and_a_summary_row_are_handled(fresh_db: Path, tmp_path: Path) -> None:
    orders = _orders()[1:]
    orders[0].created = "46328.3541666667"  # 2026-11-02 08:30 as Excel stores it
    rows = ali1688_rows(orders)
    total = [""] * len(ALI1688_49)
    total[0], total[ALI1688_49.index("实付款(元)")] = "合计", "45.50"
    rows.append(total)
    path = csv_file(tmp_path / "1688.csv", ALI1688_49, rows)

    summary = import_orders_file(path).summary

    assert summary is not None
    assert (summary.orders_created, summary.summary_rows) == (1, 1)
    assert "summary row" in summary.message()
    assert _supplier_orders()[0][12] == _epoch("2026-11-02 08:30:00")


def test_a_downstream_number_of_orders_in_two_shops_is_left_for_a_manual_match(
    fresh_db: Path, tmp_path: Path
) -> None:
    rows = [taobao_row(TAOBAO_41, 订单编号='="1930679858170647123"')]
    for shop in ("店A", "店B"):
        import_orders_file(csv_file(tmp_path / f"{shop}.csv", TAOBAO_41, rows), shop_name=shop)
    orders = _orders()[:1]
    orders[0].channel = ""  # no platform named: both shops' orders qualify
    changes = import_orders_file(csv_file(tmp_path / "1688.csv", ALI1688_49, ali1688_rows(orders)))
    summary = changes.summary
    assert summary is not None
    assert (summary.linked_downstream, summary.ambiguous_downstream) == (0, 1)
    assert summary.waiting_downstream == 0
    assert "several shops" in changes.message_text
    assert db.execute_sql(
        "SELECT sales_order_id FROM supplier_order WHERE order_id_1688 = '3812345678901234567'"
    ).fetchone() == (None,)


def test_a_seller_seen_for_the_first_time_becomes_a_supplier(
    fresh_db: Path, tmp_path: Path
) -> None:
    orders = _orders()
    orders[1].seller, orders[1].seller_member = "广州某某数码商行", "gzdigital"
    import_orders_file(_write("xlsx", tmp_path / "1688", orders))
    suppliers = db.execute_sql("SELECT id, name, kind FROM supplier").fetchall()
    assert sorted((n, k) for _i, n, k in suppliers) == [
        ("义乌某某服饰有限公司", "platform"),
        ("广州某某数码商行", "platform"),
    ]
    by_name = {n: i for i, n, _k in suppliers}
    linked = dict(
        db.execute_sql("SELECT order_id_1688, supplier_id FROM supplier_order").fetchall()
    )
    assert linked == {
        "3812345678901234567": by_name["义乌某某服饰有限公司"],
        "3812345678901234568": by_name["广州某某数码商行"],
    }
    audited = db.execute_sql(
        "SELECT count(*) FROM audit_event WHERE entity = 'supplier' AND action = 'create'"
    ).fetchone()[0]
    assert audited == 2
    # A later export of the same sellers creates no second supplier.
    later = _orders()
    later[0].number, later[1].number = "3812345678901239999", "3812345678901238888"
    later[1].seller = "广州某某数码商行"
    import_orders_file(_write("utf-8-sig", tmp_path / "later", later))
    assert db.execute_sql("SELECT count(*) FROM supplier").fetchone()[0] == 2


def _refund_state(number: str) -> tuple[Any, ...]:
    return db.execute_sql(
        "SELECT status, refund_status FROM supplier_order WHERE order_id_1688 = ?", (number,)
    ).fetchone()


def test_refunding_in_the_export_records_a_refund_and_keeps_the_order_status(
    fresh_db: Path, tmp_path: Path
) -> None:
    """退款中 is what the 1688 export shows instead of the order's status while a refund is under
    way: not an unknown status; the order keeps its own, the refund is recorded, and a later
    export that shows a status again ends it (closed order: refunded; else: refund closed)."""
    paid, shipped = "3812345678901234567", "3812345678901234568"
    import_orders_file(_write("xlsx", tmp_path / "first", _orders()))
    assert _refund_state(paid) == ("waitsellersend", None)

    refunding = _orders()
    for order in refunding:
        order.status = "退款中"
    summary = import_orders_file(csv_file(tmp_path / "r.csv", ALI1688_49, ali1688_rows(refunding)))
    assert summary.summary is not None and summary.summary.orders_updated == 2
    assert _refund_state(paid) == ("waitsellersend", "refunding")
    assert _refund_state(shipped) == ("waitbuyerreceive", "refunding")
    audit = db.execute_sql(
        "SELECT a.action, a.before, a.after FROM audit_event a JOIN supplier_order s"
        " ON s.id = a.entity_id AND a.entity = 'supplier_order' WHERE s.order_id_1688 = ?"
        " AND a.after LIKE '%refund_status%'",
        (paid,),
    ).fetchall()
    assert audit == [
        (
            "refund_imported",
            '{"refund_status": null}',
            '{"file": "r.csv", "refund_status": "refunding"}',
        )
    ]
    # The orders' status did not change: no status change is counted.
    assert summary.summary.status_changes == 0
    # The same export again changes nothing.
    again = import_orders_file(csv_file(tmp_path / "r2.csv", ALI1688_49, ali1688_rows(refunding)))
    assert again.summary is not None and again.summary.orders_unchanged == 2

    after = _orders()
    after[0].status = "交易关闭"  # refunded in full: 1688 closes the order
    after[1].status = "交易成功"  # withdrawn, refused or partial: the order went on
    import_orders_file(csv_file(tmp_path / "a.csv", ALI1688_49, ali1688_rows(after)))
    assert _refund_state(paid) == ("cancel", "refundsuccess")
    assert _refund_state(shipped) == ("success", "refund_ended")


def test_a_new_order_seen_refunding_gets_the_status_its_tracking_number_implies(
    fresh_db: Path, tmp_path: Path
) -> None:
    orders = _orders()
    for order in orders:
        order.status = "退款中"
    import_orders_file(_write("utf-8-sig", tmp_path / "new", orders))
    assert _refund_state("3812345678901234567") == ("waitsellersend", "refunding")
    assert _refund_state("3812345678901234568") == ("waitbuyerreceive", "refunding")


def test_a_refund_stage_the_app_knows_is_kept_when_the_export_says_refunding(
    fresh_db: Path, tmp_path: Path
) -> None:
    """The cancel wizard (or the 1688 API) recorded "waiting for the supplier to agree": the
    export's bare 退款中 does not replace that stage with a vaguer one."""
    paid = "3812345678901234567"
    import_orders_file(_write("xlsx", tmp_path / "first", _orders()))
    db.execute_sql(
        "UPDATE supplier_order SET refund_status = 'waitselleragree' WHERE order_id_1688 = ?",
        (paid,),
    )
    refunding = _orders()
    refunding[0].status = "退款中"
    import_orders_file(csv_file(tmp_path / "r.csv", ALI1688_49, ali1688_rows(refunding)))
    assert _refund_state(paid) == ("waitsellersend", "waitselleragree")
