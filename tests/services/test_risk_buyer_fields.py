"""Fraud checks: what an export says of the buyer (message, account, payment, how an order
closed), how that is masked, and what a re-import fills in."""

from __future__ import annotations

from pathlib import Path

import pytest

from dropship_desktop.domain.risk import RiskLevel
from dropship_desktop.services import risk
from dropship_desktop.services.order_import import import_orders_file
from dropship_desktop.store.db import db

from .test_order_import_files import TAOBAO_HEADERS, write_csv
from .test_risk import _REMARK_FREE, _id, _import, _risk, _row

# -- what the export says about the buyer: message, account, payment ---------------------------

_NOTE_HEADERS = [*TAOBAO_HEADERS, "订单备注", "买家留言", "支付方式"]


def _noted(number: int, *, note: str = "", message: str = "", payment: str = "",
           member: str = "tb_buyer", phone: str = "13812345678") -> list[str]:  # fmt: skip
    row = _row(number, phone=phone, address=f"浙江省杭州市西湖区文三路{number}号")
    row[_REMARK_FREE] = member
    return [*row, note, message, payment]


def _stored(number: int) -> tuple[str, str, str, str]:
    row = db.execute_sql(
        "SELECT remark, buyer_message, buyer_member, payment_method FROM sales_order"
        " WHERE shop_order_no = ?",
        (f"19306798581706{number:05d}",),
    ).fetchone()
    return row[0], row[1], row[2], row[3]


def test_the_buyer_message_is_judged_and_the_seller_note_is_not(
    fresh_db: Path, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "notes.csv",
        _NOTE_HEADERS,
        [
            # The seller's own note about a re-routed parcel: the seller's words, not the buyer's.
            _noted(1, note="买家来电，改地址发到上海市浦东新区", message="请尽快发货"),
            _noted(2, message="发货前加我微信 wx12345，返现5元", phone="13812340002"),
        ],
    )
    import_orders_file(path, shop_name="测试店")
    assert _stored(1)[:2] == ("买家来电，改地址发到上海市浦东新区", "请尽快发货")
    assert _stored(2)[:2] == ("", "发货前加我微信 wx12345，返现5元")
    assert _risk(1) == (RiskLevel.NONE, [])
    assert "remark_off_platform" in _risk(2)[1]


def test_member_name_and_payment_method_are_imported_and_checked(
    fresh_db: Path, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "pay.csv",
        _NOTE_HEADERS,
        [_noted(1, member="退款达人888", payment="货到付款"), _noted(2, payment="支付宝")],
    )
    import_orders_file(path, shop_name="测试店")
    assert _stored(1)[2:] == ("退款达人888", "货到付款")
    assert "payment_risky" in _risk(1)[1]
    assert "payment_risky" not in _risk(2)[1]
    # The member name is a buyer key: blacklisting it flags the account's next order, whatever
    # phone and address that order uses.
    risk.add_to_blacklist(_id(1), ["member"], "仅退款 三次")
    later = write_csv(
        tmp_path / "later.csv",
        _NOTE_HEADERS,
        [_noted(3, member="退款达人888", phone="13900001111"), _noted(4, phone="13900002222")],
    )
    import_orders_file(later, shop_name="测试店")
    assert _risk(3) == (RiskLevel.HIGH, ["blacklist"])
    assert "blacklist" not in _risk(4)[1]


def test_a_masked_member_name_is_no_buyer_key(fresh_db: Path, tmp_path: Path) -> None:
    rows = [_noted(n, member="t**1", phone=f"139{n:08d}") for n in (1, 2)]
    import_orders_file(write_csv(tmp_path / "m.csv", _NOTE_HEADERS, rows), shop_name="测试店")
    for oid in (_id(1), _id(2)):
        risk.record_buyer_event(oid, "refund_only")
    later = [_noted(3, member="t**1", phone="13900000003")]
    import_orders_file(write_csv(tmp_path / "n.csv", _NOTE_HEADERS, later), shop_name="测试店")
    assert "history_refunds" not in _risk(3)[1]


def test_the_first_import_of_a_product_finds_its_outlier(fresh_db: Path, tmp_path: Path) -> None:
    rows = [
        _row(n, phone=f"139{n:08d}", address=f"浙江省杭州市西湖区文三路{n}号") for n in range(1, 13)
    ]
    rows.append(_row(50, quantity="30", amount="1770.00", phone="13700000000"))
    _import(tmp_path, rows)
    assert "quantity_outlier" in _risk(50)[1]
    assert "quantity_outlier" not in _risk(1)[1]
    # Rescoring (e.g. after a settings change) keeps the norm-based rule.
    risk.rescore_all()
    assert "quantity_outlier" in _risk(50)[1]


def test_a_taobao_order_closed_by_a_refund_is_a_refund_in_the_buyers_history(
    fresh_db: Path, tmp_path: Path
) -> None:
    headers = [*TAOBAO_HEADERS, "订单关闭原因", "退款金额"]
    closed = "交易关闭"
    rows = [
        [*_row(1, address="浙江省杭州市西湖区文三路1号"), "买家申请退款", "59.00"],
        [*_row(2, address="浙江省杭州市西湖区文三路1号"), "", "59.00"],
        # Closed before payment: a cancellation, no history.
        [*_row(3, phone="13900000003", address="浙江省杭州市西湖区文三路3号"), "买家未付款", "0"],
    ]
    for row in rows:
        row[TAOBAO_HEADERS.index("订单状态")] = closed
    import_orders_file(write_csv(tmp_path / "closed.csv", headers, rows), shop_name="测试店")
    statuses = dict(
        db.execute_sql("SELECT shop_order_no, status FROM sales_order ORDER BY id").fetchall()
    )
    assert list(statuses.values()) == ["refunded", "refunded", "cancelled"]
    later = [_row(4, created="2024-04-05 10:00:00", address="浙江省杭州市西湖区文三路1号")]
    import_orders_file(write_csv(tmp_path / "later.csv", TAOBAO_HEADERS, later), shop_name="店二")
    assert "history_refunds" in _risk(4)[1]


@pytest.mark.parametrize(
    ("message", "masked"),
    [
        ("电话138-1234-5678 微信 zhang_san88 qq 1234 5678 90",
         "电话***-****-**** 微信 *****_***** qq **** **** **"),
        ("vx: abc123 到了打电话", "vx: ****** 到了打电话"),
        ("买2件送1件，5月3日前到", "买2件送1件，5月3日前到"),
        ("尺码XL，wx不用加", "尺码XL，wx不用加"),
    ],
)  # fmt: skip
def test_a_buyer_message_masks_what_reaches_the_buyer_off_platform(
    message: str, masked: str
) -> None:
    from dropship_desktop.domain.masking import mask_message

    assert mask_message(message) == masked


def test_numbers_in_a_buyer_message_are_masked_like_the_buyers_phone(
    fresh_db: Path, tmp_path: Path
) -> None:
    from dropship_desktop.services.order_export import export_orders
    from dropship_desktop.services.orders import reveal_buyer_data
    from dropship_desktop.store.order_detail import order_detail
    from dropship_desktop.tabular.reader import read_table

    message = "请联系 13812340002 或加微信 wx12345678"
    path = write_csv(tmp_path / "m.csv", _NOTE_HEADERS, [_noted(1, message=message)])
    import_orders_file(path, shop_name="测试店")
    detail = order_detail(_id(1))
    assert detail is not None
    assert detail.order["buyer_message"] == "请联系 *********** 或加微信 **********"
    assert reveal_buyer_data(_id(1)).buyer_message == message  # the audited reveal shows it
    masked = export_orders(tmp_path / "masked.csv")
    full = export_orders(tmp_path / "full.csv", full_buyer_data=True)
    assert masked and full
    texts = [",".join(",".join(r) for r in read_table(p).rows) for p in
             (tmp_path / "masked.csv", tmp_path / "full.csv")]  # fmt: skip
    assert "13812340002" not in texts[0] and "wx12345678" not in texts[0]
    assert "或加微信 **********" in texts[0]
    assert message in texts[1]


def test_a_re_import_fills_in_what_an_older_import_did_not_read(
    fresh_db: Path, tmp_path: Path
) -> None:
    rows = [
        _noted(1, message="发货前加我微信 wx12345，返现5元", payment="货到付款", member="买家小王")
    ]
    path = write_csv(tmp_path / "orders.csv", _NOTE_HEADERS, rows)
    import_orders_file(path, shop_name="测试店")
    # As a version that did not read these columns left the order:
    db.execute_sql(
        "UPDATE sales_order SET buyer_message = '', buyer_member = '', payment_method = '',"
        " risk_level = 0, risk_rules = ''"
    )
    import_orders_file(path, shop_name="测试店")
    assert _stored(1)[1:] == ("发货前加我微信 wx12345，返现5元", "买家小王", "货到付款")
    assert {"payment_risky", "remark_off_platform"} <= set(_risk(1)[1])
    # What the order has is never overwritten by a later file.
    later = [_noted(1, message="请尽快发货", payment="支付宝", member="买家小王")]
    import_orders_file(write_csv(tmp_path / "later.csv", _NOTE_HEADERS, later), shop_name="测试店")
    assert _stored(1)[1:] == ("发货前加我微信 wx12345，返现5元", "买家小王", "货到付款")


def test_a_re_import_never_brings_back_deleted_buyer_data(fresh_db: Path, tmp_path: Path) -> None:
    from dropship_desktop.services.privacy import purge_buyer_data

    rows = [_noted(1, message="加我微信 13812345678", member="tb_buyer1")]
    path = write_csv(tmp_path / "orders.csv", _NOTE_HEADERS, rows)
    import_orders_file(path, shop_name="测试店")
    purge_buyer_data(1, now=2_000_000_000)  # the order is from 2024: older than a day
    summary = import_orders_file(path, shop_name="测试店").summary
    assert _stored(1)[1:3] == ("", "")
    assert summary is not None and summary.orders_updated == 0
