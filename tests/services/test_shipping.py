"""待发货: the shipping queue and batch-ship files per platform, checked cell by cell."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from dropship_desktop.errors import UserError
from dropship_desktop.services import shipping as sh
from tests.helpers.fulfilment_data import one, paid_order, q, seed_shops_and_offers, supplier_order


@pytest.fixture(autouse=True)
def world(fresh_db: Path) -> None:
    seed_shops_and_offers()


def _cells(path: Path) -> list[list[tuple[object, str]]]:
    sheet = load_workbook(path).active
    return [[(c.value, c.data_type) for c in row] for row in sheet.iter_rows()]


def test_orders_to_ship_are_paid_with_a_1688_tracking_number_most_urgent_first() -> None:
    later = paid_order(ship_in_hours=30)
    supplier_order(later, "4001", carrier="中通快递", tracking="78912345678901")
    overdue = paid_order(ship_in_hours=-3)
    supplier_order(overdue, "4002", carrier="圆通快递", tracking="YT1234567890123")
    no_tracking = paid_order(ship_in_hours=1)
    supplier_order(no_tracking, "4003")
    shipped = paid_order(status="shipped")
    supplier_order(shipped, "4004", carrier="中通快递", tracking="78900000000001")
    closed = paid_order()
    supplier_order(closed, "4005", status="cancel", carrier="中通快递", tracking="78900000000002")
    assert sh.shipping_ids() == [overdue, later]
    assert sh.shipping_count() == 2
    rows = sh.shipping_rows([overdue, later])
    assert [(r.carrier_1688, r.carrier, r.state) for r in rows] == [
        ("圆通快递", "圆通速递", "to_send"),
        ("中通快递", "中通快递", "to_send"),
    ]
    import time

    assert rows[0].overdue(int(time.time())) and not rows[1].overdue(int(time.time()))


@pytest.mark.parametrize(
    ("shop", "headers", "carrier"),
    [
        (1, ["订单编号", "物流公司", "运单号"], "圆通速递"),
        (2, ["订单号", "快递公司", "快递单号"], "圆通快递"),
        (3, ["订单号", "物流公司", "物流单号"], "圆通快递"),
        (4, ["订单号", "快递公司", "快递单号"], "圆通快递"),
    ],
)
def test_batch_ship_file_per_platform_cell_by_cell(
    tmp_path: Path, shop: int, headers: list[str], carrier: str
) -> None:
    order = paid_order(shop=shop, no="3930679858170647123")
    supplier_order(order, "4010", carrier="圆通快递", tracking="0012345678")
    path = tmp_path / "ship.xlsx"
    result = sh.export_shipping(path, shop_id=shop)
    assert result.rows == 1 and result.skipped == ()
    assert _cells(path) == [
        [(h, "s") for h in headers],
        [("3930679858170647123", "s"), (carrier, "s"), ("0012345678", "s")],
    ]
    assert q("SELECT sales_order_id, carrier, tracking_no FROM shipping_export") == [
        (order, carrier, "0012345678")
    ]
    assert sh.shipping_rows([order])[0].state == "sent"


def test_profit_is_an_estimate_until_the_1688_payment_is_known() -> None:
    from dropship_desktop.services.order_summaries import refresh_order_summaries

    order = paid_order()
    so = supplier_order(order, "4011", carrier="中通快递", tracking="78900000000011")
    row = sh.shipping_rows([order])[0]
    assert (row.profit_fen, row.profit_estimated) == (3990 - 1500 - 400, True)
    q("UPDATE supplier_order SET paid_fen = 2050 WHERE id = ?", so)
    refresh_order_summaries([order])
    row = sh.shipping_rows([order])[0]
    assert (row.profit_fen, row.profit_estimated) == (3990 - 2050, False)


def test_several_platforms_get_a_file_each_and_sent_rows_are_not_written_twice(
    tmp_path: Path,
) -> None:
    taobao = paid_order(shop=1)
    supplier_order(taobao, "4020", carrier="顺丰快递", tracking="SF1234567890123")
    pdd = paid_order(shop=2)
    supplier_order(pdd, "4021", carrier="顺丰快递", tracking="SF1234567890999")
    result = sh.export_shipping(tmp_path / "发货.xlsx")
    names = sorted(f.name for f, _p, _n in result.files)
    assert names == ["发货-pdd.xlsx", "发货-taobao.xlsx"]
    assert _cells(tmp_path / "发货-taobao.xlsx")[1][1] == ("顺丰速运", "s")
    assert _cells(tmp_path / "发货-pdd.xlsx")[1][1] == ("顺丰快递", "s")
    with pytest.raises(UserError, match="No order to write") as raised:
        sh.export_shipping(tmp_path / "again.xlsx")
    # Says where the orders went, not that none is waiting (a seller exporting twice).
    assert "2 order(s) waiting were written to a batch-ship file already" in str(raised.value)
    assert not (tmp_path / "again.xlsx").exists()


def test_a_changed_1688_tracking_number_is_an_alert_and_is_sent_again(tmp_path: Path) -> None:
    order = paid_order()
    so = supplier_order(order, "4030", carrier="中通快递", tracking="78911111111111")
    sh.export_shipping(tmp_path / "a.xlsx")
    q("UPDATE supplier_order SET tracking_no = '78922222222222' WHERE id = ?", so)
    row = sh.shipping_rows([order])[0]
    assert (row.state, row.sent_tracking_no, row.tracking_no) == (
        "changed",
        "78911111111111",
        "78922222222222",
    )
    sh.export_shipping(tmp_path / "b.xlsx")
    assert _cells(tmp_path / "b.xlsx")[1][2] == ("78922222222222", "s")
    assert sh.shipping_rows([order])[0].state == "sent"


def test_the_next_shop_export_showing_it_shipped_closes_it(tmp_path: Path) -> None:
    order = paid_order()
    supplier_order(order, "4040", carrier="中通快递", tracking="78933333333333")
    sh.export_shipping(tmp_path / "a.xlsx")
    q("UPDATE sales_order SET status = 'shipped' WHERE id = ?", order)
    assert sh.shipping_ids() == []


def test_an_unknown_carrier_is_left_out_and_not_marked(tmp_path: Path) -> None:
    known = paid_order()
    supplier_order(known, "4050", carrier="韵达快递", tracking="4312345678901")
    odd = paid_order()
    supplier_order(odd, "4051", carrier="某某同城配送", tracking="X1")
    result = sh.export_shipping(tmp_path / "a.csv")
    assert result.rows == 1
    assert [n for n, _r in result.skipped] == [
        one("SELECT shop_order_no FROM sales_order WHERE id = ?", odd)
    ]
    text = (tmp_path / "a.csv").read_text(encoding="utf-8-sig").splitlines()
    assert text[0] == "订单编号,物流公司,运单号" and text[1].endswith(",韵达快递,4312345678901")
    assert one("SELECT count(*) FROM shipping_export WHERE sales_order_id = ?", odd) == 0


def test_a_bad_target_is_refused_and_nothing_recorded(tmp_path: Path) -> None:
    order = paid_order()
    supplier_order(order, "4060", carrier="中通快递", tracking="78944444444444")
    with pytest.raises(UserError, match=r"\.xlsx or \.csv"):
        sh.export_shipping(tmp_path / "a.txt")
    with pytest.raises(UserError, match="does not exist"):
        sh.export_shipping(tmp_path / "missing" / "a.xlsx")
    assert one("SELECT count(*) FROM shipping_export") == 0


def test_orders_written_to_a_ship_file_leave_the_unsent_queue_until_their_number_changes(
    tmp_path: Path,
) -> None:
    first = paid_order()
    so = supplier_order(first, "4031", carrier="中通快递", tracking="78933333333333")
    second = paid_order()
    supplier_order(second, "4032", carrier="中通快递", tracking="78944444444444")
    assert sh.shipping_count(unsent_only=True) == 2
    sh.export_shipping(tmp_path / "a.xlsx")
    # Both were written: the queue as it opens (and the dashboard's card) has nothing left to send.
    assert sh.shipping_count() == 2
    assert sh.shipping_count(unsent_only=True) == 0
    assert sh.shipping_ids(unsent_only=True) == []
    q("UPDATE supplier_order SET tracking_no = '78955555555555' WHERE id = ?", so)
    assert sh.shipping_ids(unsent_only=True) == [first]
    assert sh.shipping_count(unsent_only=True) == 1


def test_without_replace_an_existing_batch_file_is_refused_before_anything_is_written(
    tmp_path: Path,
) -> None:
    taobao = paid_order(shop=1)
    supplier_order(taobao, "4060", carrier="顺丰快递", tracking="SF1234567890555")
    pdd = paid_order(shop=2)
    supplier_order(pdd, "4061", carrier="顺丰快递", tracking="SF1234567890556")
    # Two platforms: the second file's name is derived; it is the one already there.
    mine = tmp_path / "发货-taobao.xlsx"
    mine.write_bytes(b"not ours")
    with pytest.raises(UserError, match="already exists"):
        sh.export_shipping(tmp_path / "发货.xlsx", replace=False)
    assert mine.read_bytes() == b"not ours"
    assert not (tmp_path / "发货-pdd.xlsx").exists()
    assert sh.shipping_rows([taobao])[0].state != "sent"  # nothing recorded either
    assert len(sh.export_shipping(tmp_path / "new.xlsx", replace=False).files) == 2
