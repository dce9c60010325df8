"""Fraud checks end to end: scored on import, windows, history, blacklist, "checked, fine"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dropship_desktop.domain.risk import RiskLevel, decode_hits
from dropship_desktop.errors import UserError
from dropship_desktop.services import risk
from dropship_desktop.services.order_import import import_orders_file
from dropship_desktop.store.db import db, wait_for_checkpoint

from .test_order_import_files import TAOBAO_HEADERS, taobao_row, write_csv

_ADDRESS_COLUMN = TAOBAO_HEADERS.index("收货地址")
_REMARK_FREE = TAOBAO_HEADERS.index("买家会员名")


def _row(number: int, *, name: str = "张三", phone: str = "13812345678", address: str = "",
         created: str = "2024-03-05 14:22:01", amount: str = "59.00",
         quantity: str = "1") -> list[str]:  # fmt: skip
    row = taobao_row(
        f"19306798581706{number:05d}",
        name=name,
        phone=phone,
        created=created,
        amount=amount,
        quantity=quantity,
        paid=created,
    )
    if address:
        row[_ADDRESS_COLUMN] = address
    return row


def _import(tmp_path: Path, rows: list[list[str]], name: str = "orders.csv") -> None:
    import_orders_file(write_csv(tmp_path / name, TAOBAO_HEADERS, rows), shop_name="测试店")


def _risk(number: int) -> tuple[int, list[str]]:
    row = db.execute_sql(
        "SELECT risk_level, risk_rules FROM sales_order WHERE shop_order_no = ?",
        (f"19306798581706{number:05d}",),
    ).fetchone()
    return int(row[0]), [h.rule for h in decode_hits(row[1])]


def _id(number: int) -> int:
    return int(
        db.execute_sql(
            "SELECT id FROM sales_order WHERE shop_order_no = ?", (f"19306798581706{number:05d}",)
        ).fetchone()[0]
    )


def test_import_scores_each_new_order(fresh_db: Path, tmp_path: Path) -> None:
    _import(
        tmp_path,
        [
            _row(1),  # a normal order
            _row(2, phone="12345678901", name="客户", address="北京市"),
            _row(3, phone="138****5678"),  # masked by the platform: not judged
        ],
    )
    assert _risk(1) == (RiskLevel.NONE, [])
    level, rules = _risk(2)
    assert level == RiskLevel.HIGH
    assert rules == ["phone_invalid", "address_incomplete", "name_not_a_name"]
    assert _risk(3) == (RiskLevel.NONE, [])


def test_one_phone_many_names_flags_all_of_them(fresh_db: Path, tmp_path: Path) -> None:
    _import(tmp_path, [_row(1, name="张三"), _row(2, name="李四")], "a.csv")
    assert _risk(1)[1] == [] and _risk(2)[1] == []
    # A later import: the third name on the phone within the window flags the earlier two too.
    _import(tmp_path, [_row(3, name="王五", created="2024-03-07 10:00:00")], "b.csv")
    for number in (1, 2, 3):
        assert "phone_many_names" in _risk(number)[1], number


def test_names_outside_the_window_do_not_count(fresh_db: Path, tmp_path: Path) -> None:
    _import(
        tmp_path,
        [
            _row(1, name="张三", created="2024-01-01 10:00:00"),
            _row(2, name="李四", created="2024-03-01 10:00:00"),
            _row(3, name="王五", created="2024-06-01 10:00:00"),
        ],
    )
    assert all("phone_many_names" not in _risk(n)[1] for n in (1, 2, 3))


def test_several_orders_to_one_address_in_a_short_time(fresh_db: Path, tmp_path: Path) -> None:
    rows = [
        _row(n, name="张三", phone=f"1381234567{n}", created=f"2024-03-05 1{n}:00:00")
        for n in range(1, 4)
    ]
    _import(tmp_path, rows)
    level, rules = _risk(2)
    assert "address_burst" in rules and "buyer_many_phones" in rules
    assert level >= RiskLevel.WATCH


def test_one_address_with_and_without_a_postcode_is_one_address(
    fresh_db: Path, tmp_path: Path
) -> None:
    """Taobao appends the postcode to some exports of an address and not to others."""
    street = "浙江省 杭州市 西湖区 文三路 123号"
    rows = [
        _row(1, name="张三", phone="13812345671", address=street),
        _row(
            2,
            name="李四",
            phone="13812345672",
            address=f"{street} (310000)",
            created="2024-03-05 16:00:00",
        ),
        _row(
            3,
            name="王五",
            phone="13812345673",
            address=f"{street}（310000）",
            created="2024-03-05 18:00:00",
        ),
    ]
    _import(tmp_path, rows)
    for number in (1, 2, 3):
        assert "address_many_names" in _risk(number)[1], number
        assert "address_incomplete" not in _risk(number)[1], number
    # The single-order path (a rescore) agrees with the import's column-wise keys.
    risk.rescore_all()
    assert "address_many_names" in _risk(3)[1]


def test_refund_history_across_shops(fresh_db: Path, tmp_path: Path) -> None:
    refunded = "交易关闭"  # an order closed after payment…
    rows = [_row(1), _row(2)]
    _import(tmp_path, rows, "a.csv")
    for oid in (_id(1), _id(2)):
        risk.record_buyer_event(oid, "refund_only")
    # The same buyer orders again in another shop.
    import_orders_file(
        write_csv(tmp_path / "c.csv", TAOBAO_HEADERS, [_row(3, created="2024-04-05 10:00:00")]),
        shop_name="第二家店",
    )
    level, rules = _risk(3)
    assert "history_refunds" in rules
    assert "history_refund_ratio" in rules
    assert level == RiskLevel.HIGH
    assert refunded  # (kept for readability)


def test_complaint_makes_every_order_of_the_buyer_high(fresh_db: Path, tmp_path: Path) -> None:
    _import(tmp_path, [_row(1), _row(2, created="2024-03-06 10:00:00")])
    risk.record_buyer_event(_id(1), "complaint")
    level, rules = _risk(2)
    assert level == RiskLevel.HIGH and "history_complaints" in rules
    # The complaint is about *other* orders: the order it was filed on is not judged by it.
    assert "history_complaints" not in _risk(1)[1]


def test_dispute_with_a_deadline(fresh_db: Path, tmp_path: Path) -> None:
    from dropship_desktop.domain.timeutil import now_epoch

    _import(tmp_path, [_row(1)])
    risk.record_buyer_event(
        _id(1), "dispute", due_at=now_epoch() + 5 * 3600, is_open=True, source="platform"
    )
    level, rules = _risk(1)
    assert rules == ["dispute_deadline"] and level == RiskLevel.HIGH
    risk.record_buyer_event(_id(1), "dispute", is_open=False, source="platform")
    assert _risk(1) == (RiskLevel.NONE, [])


def test_quantity_far_above_the_norm(fresh_db: Path, tmp_path: Path) -> None:
    rows = [
        _row(n, phone=f"139{n:08d}", address=f"浙江省杭州市西湖区文三路{n}号") for n in range(1, 13)
    ]
    _import(tmp_path, rows, "a.csv")
    _import(
        tmp_path,
        [
            _row(50, quantity="20", amount="1180.00", phone="13700000000"),
            _row(51, quantity="1", phone="13700000001", address="浙江省杭州市西湖区文三路51号"),
        ],
        "b.csv",
    )
    assert "quantity_outlier" in _risk(50)[1]
    assert "quantity_outlier" not in _risk(51)[1]


def test_blacklist_from_an_order_flags_the_buyers_orders(fresh_db: Path, tmp_path: Path) -> None:
    _import(
        tmp_path, [_row(1), _row(2, created="2024-03-09 10:00:00"), _row(3, phone="13900000000")]
    )
    changes = risk.add_to_blacklist(_id(1), ["phone"], "仅退款 twice")
    assert _risk(1) == (RiskLevel.HIGH, ["blacklist"])
    assert _risk(2) == (RiskLevel.HIGH, ["blacklist"])
    assert _risk(3) == (RiskLevel.NONE, [])
    assert changes.message_params["count"] == 2
    [entry] = risk.blacklist_entries()
    assert entry.hint == "*********78" and entry.reason == "仅退款 twice"
    # No value in the clear anywhere in the blacklist or the audit log.
    dump = json.dumps(
        db.execute_sql("SELECT * FROM blacklist_entry").fetchall()
        + db.execute_sql("SELECT before, after FROM audit_event").fetchall(),
        ensure_ascii=False,
    )
    assert "13812345678" not in dump
    # A new order of the same phone is flagged as it is imported.
    _import(tmp_path, [_row(4, created="2024-05-01 10:00:00")], "later.csv")
    assert _risk(4) == (RiskLevel.HIGH, ["blacklist"])
    risk.remove_blacklist_entry(entry.id)
    assert _risk(1) == (RiskLevel.NONE, [])


def test_blacklist_needs_a_value(fresh_db: Path, tmp_path: Path) -> None:
    _import(tmp_path, [_row(1, phone="138****5678")])
    with pytest.raises(UserError):
        risk.add_to_blacklist(_id(1), ["phone"], "")
    with pytest.raises(UserError):
        risk.add_to_blacklist(_id(1), [], "")
    assert risk.blacklist_entries() == []


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_blacklist_export_import_between_partners(
    fresh_db: Path, empty_template: Path, tmp_path: Path, suffix: str
) -> None:
    from dropship_desktop.store.db import close_database, open_database

    _import(tmp_path, [_row(1)])
    risk.add_to_blacklist(_id(1), ["phone", "name_phone"], "fake address")
    exported = tmp_path / f"list{suffix}"
    assert risk.export_blacklist(exported, "K7QF2-M4XTB-9WZRD-PH3NA") == 2
    assert b"13812345678" not in exported.read_bytes()
    close_database()
    # The partner: another database (another salt) with an order of the same buyer.
    partner = tmp_path / "partner" / "dropship.db"
    partner.parent.mkdir()
    import shutil

    shutil.copyfile(empty_template, partner)
    open_database(partner)
    db.execute_sql("UPDATE risk_state SET value = randomblob(16) WHERE name = 'salt'")
    db.execute_sql(
        "UPDATE blacklist_list SET salt = (SELECT value FROM risk_state WHERE name = 'salt')"
    )
    _import(tmp_path, [_row(7, created="2024-04-01 10:00:00"), _row(8, phone="13900000000")])
    with pytest.raises(UserError, match="share code"):
        risk.import_blacklist(exported, "partner A")
    with pytest.raises(UserError, match="does not open"):
        risk.import_blacklist(exported, "partner A", "K7QF2-M4XTB-9WZRD-PH3NB")
    assert risk.blacklist_entries() == []
    changes = risk.import_blacklist(exported, "partner A", "k7qf2 m4xtb 9wzrd ph3na")
    assert changes.message_params == {"added": 2, "name": exported.name, "count": 1}
    assert _risk(7) == (RiskLevel.HIGH, ["blacklist"])
    assert _risk(8) == (RiskLevel.NONE, [])
    # Partner orders imported later are compared with the partner's salt too.
    _import(tmp_path, [_row(9, created="2024-05-01 10:00:00")], "later.csv")
    assert _risk(9)[0] == RiskLevel.HIGH


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_an_exported_blacklist_gives_nothing_to_brute_force(
    fresh_db: Path, tmp_path: Path, suffix: str
) -> None:
    """QA cracked 138****5678 from the old file: hint + salt + fast digest = 10^4 tries."""
    from dropship_desktop.services.risk_engine import blacklist_digest
    from dropship_desktop.tabular.reader import read_table

    _import(tmp_path, [_row(1, name="欧阳娜娜", phone="13812345678",
                            address="广东省 深圳市 南山区 科技园南路 88号")])  # fmt: skip
    risk.add_to_blacklist(_id(1), ["phone", "name_phone", "address"], "仅退款不退货 138 1234 5678")
    # An entry added before this change still has the old hint: the export masks it down.
    db.execute_sql("UPDATE blacklist_entry SET hint = '138****5678' WHERE kind = 'phone'")
    exported = tmp_path / f"list{suffix}"
    assert risk.export_blacklist(exported, risk.new_share_code()) == 3
    salt = bytes(db.execute_sql("SELECT value FROM risk_state WHERE name = 'salt'").fetchone()[0])
    table = read_table(exported)
    hints = {row[0]: row[2] for row in table.rows}
    assert hints == {
        "phone": "*********78",
        "name_phone": "欧** *********78",
        "address": "广东省深圳市****",
    }
    for hint in hints.values():
        assert sum(c.isdigit() for c in hint) <= 2
    # A phone number the seller typed into the reason is not shared either.
    assert {row[3] for row in table.rows} == {"仅退款不退货 *************"}
    text = "\n".join(",".join(row) for row in table.rows)
    assert salt.hex() not in text.lower()
    # Nothing in the file works as the key of the digests: no fast test of a guessed phone.
    digests = {int(row[1], 16) for row in table.rows}
    tokens = {t for row in table.rows for c in row for t in c.replace(":", " ").split()}
    for token in tokens:
        if len(token) == 32:
            key = bytes.fromhex(token)
            assert blacklist_digest("phone", "", "13812345678", "", "", key) not in digests
    assert blacklist_digest("phone", "", "13812345678", "", "", salt) in digests


def test_a_name_and_phone_entry_gives_no_name_away_beside_the_phone_entry(
    fresh_db: Path, tmp_path: Path
) -> None:
    """Review: the old name+phone digest XOR the same buyer's phone digest was the name's CRC,
    so names could be tested against an exported file without its salt or code."""
    import zlib

    from dropship_desktop.services.risk_keys import (
        _GOLDEN,
        _MASK,
        digest_matches,
        legacy_name_phone_digest,
    )
    from dropship_desktop.tabular.reader import read_table

    _import(tmp_path, [_row(1, name="王小明", phone="13812345678"),
                       _row(2, name="李晓红", phone="13912345678", created="2024-03-06 10:00:00")])  # fmt: skip
    for number in (1, 2):
        risk.add_to_blacklist(_id(number), ["phone", "name_phone"], "仅退款")
    # One entry as a list made before the fix holds it: exported in the new form.
    salt = bytes(db.execute_sql("SELECT value FROM risk_state WHERE name = 'salt'").fetchone()[0])
    db.execute_sql(
        "UPDATE blacklist_entry SET digest = ?, legacy_digest = 1"
        " WHERE kind = 'name_phone' AND sales_order_id = ?",
        (legacy_name_phone_digest("李晓红", "13912345678", salt), _id(2)),
    )
    exported = tmp_path / "list.csv"
    assert risk.export_blacklist(exported, risk.new_share_code()) == 4
    rows = read_table(exported).rows
    by_kind: dict[str, list[int]] = {}
    for row in rows:
        by_kind.setdefault(row[0], []).append(int(row[1], 16))
    # The attack: pair each name+phone digest with each phone digest; equal-length names'
    # CRCs differ by the XOR of the two pairs' low 32 bits, whatever the salt.
    name_crcs = [
        ((phone * _GOLDEN) & _MASK) ^ name_phone
        for phone in by_kind["phone"]
        for name_phone in by_kind["name_phone"]
    ]
    wanted = zlib.crc32("王小明".encode()) ^ zlib.crc32("李晓红".encode())
    assert not any(a ^ b == wanted for a in name_crcs for b in name_crcs)
    assert legacy_name_phone_digest("李晓红", "13912345678", salt) not in by_kind["name_phone"]
    # The attack works on the old form (the test can fail) …
    old = [legacy_name_phone_digest(n, p, salt) for n, p in
           (("王小明", "13812345678"), ("李晓红", "13912345678"))]  # fmt: skip
    old_crcs = [((phone * _GOLDEN) & _MASK) ^ d for phone in by_kind["phone"] for d in old]
    assert any(a ^ b == wanted for a in old_crcs for b in old_crcs)
    # … and a partner list in the old form still matches its buyers.
    buyer = ("李晓红", "13912345678", "", "")
    assert digest_matches("name_phone", {old[1]}, buyer, salt)
    assert digest_matches("name_phone", {by_kind["name_phone"][1]}, buyer, salt)
    # Deleting old buyer data: the old-form entry can no longer be made again (left out), the
    # new-form one is shared as it is.
    from dropship_desktop.services.privacy import purge_buyer_data

    purge_buyer_data(1, now=2_000_000_000)
    assert risk.export_blacklist(tmp_path / "after.csv", risk.new_share_code()) == 3


@pytest.mark.parametrize(
    ("kind", "value", "hint"),
    [
        ("phone", "+86 138 1234 5678", "*********78"),
        ("phone", "010-12345678", "*********78"),
        ("member", "tb_zhangsan88", "t**"),
        ("address", "广东省 深圳市 南山区 科技园南路 88号", "广东省深圳市****"),
        ("address", "北京 北京市 朝阳区 建国路 88号", "北京市****"),
        ("address", "广东省东莞长安镇1号超市", "广东省****"),
        (
            "address",
            "新疆维吾尔自治区 伊犁哈萨克自治州 伊宁市 解放路 1号",
            "新疆维吾尔自治区伊犁哈萨克自治州****",
        ),
        ("address", "南山区科技园南路88号", "****"),
    ],
)
def test_blacklist_hints_show_almost_nothing(kind: str, value: str, hint: str) -> None:
    from dropship_desktop.services.risk.blacklist import _hint

    assert _hint(kind, "", value, value, value) == hint


def test_an_older_export_with_the_salt_in_clear_still_imports(
    fresh_db: Path, tmp_path: Path
) -> None:
    from dropship_desktop.services.risk_engine import blacklist_digest

    _import(tmp_path, [_row(1, phone="13912345678")])
    salt = bytes(range(16))
    digest = blacklist_digest("phone", "", "13912345678", "", "", salt)
    old = write_csv(tmp_path / "old.csv", ["kind", "digest", "hint", "reason", "added_on", "salt"],
                    [["phone", f"{digest:016x}", "139****5678", "骗子", "2024-02-01",
                      salt.hex()]])  # fmt: skip
    changes = risk.import_blacklist(old, "partner B")
    assert changes.message_params["count"] == 1
    assert _risk(1) == (RiskLevel.HIGH, ["blacklist"])
    [entry] = risk.blacklist_entries()
    assert entry.hint == "*********78"


def test_a_file_that_is_not_a_blacklist_changes_nothing(fresh_db: Path, tmp_path: Path) -> None:
    bad = write_csv(tmp_path / "x.csv", ["kind", "digest", "hint", "reason", "added_on", "salt"],
                    [["phone", "zz", "", "", "", "00" * 16]])  # fmt: skip
    with pytest.raises(UserError, match="row 2"):
        risk.import_blacklist(bad)
    other = write_csv(tmp_path / "y.csv", TAOBAO_HEADERS, [_row(1)])
    with pytest.raises(UserError, match="headers"):
        risk.import_blacklist(other)
    assert db.execute_sql("SELECT count(*) FROM blacklist_entry").fetchone()[0] == 0


def test_checked_fine_is_recorded_and_holds_until_a_new_rule_fires(
    fresh_db: Path, tmp_path: Path
) -> None:
    _import(tmp_path, [_row(1, phone="12345678901")])
    oid = _id(1)
    assert [h.id for h in risk.high_risk_orders([oid])] == []  # watch only
    risk.add_to_blacklist(oid, ["name_phone"], "")
    assert [h.id for h in risk.high_risk_orders([oid])] == [oid]
    risk.mark_checked(oid)
    assert risk.high_risk_orders([oid]) == []
    action = db.execute_sql(
        "SELECT action, after FROM audit_event WHERE sales_order_id = ? ORDER BY id DESC", (oid,)
    ).fetchone()
    assert action[0] == "risk_checked" and "blacklist" in action[1]
    # Another rule fires later: the warning is active again.
    risk.record_buyer_event(oid, "dispute", due_at=None, is_open=False)
    risk.record_buyer_event(oid, "complaint")
    _import(tmp_path, [_row(2, phone="12345678901", created="2024-04-01 10:00:00")], "b.csv")
    assert [h.id for h in risk.high_risk_orders([_id(2)])] == [_id(2)]


def test_column_wise_keys_match_one_by_one() -> None:
    from dropship_desktop.services.risk_keys import column_keys, internal_keys, order_values

    seeds = (1, 2, 3, 4)
    names = ["张三", " Li  Lei ", "王五", "", "赵\u3000六", "Zhang三", "Ｚｈａｎｇ", "ＡＢＣ"]
    phones = ["13812345678", "+86 139 1234 5678", "138****5678", "", "010-12345678",
              "13812345670", "13812345671", "13812345672"]  # fmt: skip
    addresses = [
        "浙江省 杭州市 西湖区 文三路100号",
        "",
        "北京市朝阳区****",
        "ＡＢ路１号",
        "a\u3000 b",
        "上海市",
        "上海市",
        "上海市",
    ]
    assert column_keys(names, phones, addresses, seeds) == [
        internal_keys(order_values(n, p, a, ""), seeds)
        for n, p, a in zip(names, phones, addresses, strict=True)
    ]
    members = ["tb_Buyer1", "退款达人888", "t**1", "", "ｔｂ　ｘ", "", "_", "A"]
    assert column_keys(names, phones, addresses, seeds, members) == [
        internal_keys(order_values(n, p, a, m), seeds)
        for n, p, a, m in zip(names, phones, addresses, members, strict=True)
    ]


@pytest.mark.parametrize(
    ("language", "level", "rule"),
    [("zh_CN", "高风险", "黑名单"), ("en", "High", "On the blacklist")],
)
def test_order_export_carries_risk_level_and_rules(
    fresh_db: Path, tmp_path: Path, language: str, level: str, rule: str
) -> None:
    import csv

    from dropship_desktop.services.order_export import export_orders
    from dropship_desktop.store.order_queries import OrderFilter

    _import(tmp_path, [_row(1), _row(2, phone="13900000000")])
    risk.add_to_blacklist(_id(1), ["phone"], "")
    out = tmp_path / "out.csv"
    export_orders(out, OrderFilter(risk_min=1), language=language)
    with out.open(encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    header = rows[0]
    assert len(rows) == 2  # the quick view's filter: only the risky order
    record = dict(zip(header, rows[1], strict=True))
    key_level, key_rules = (
        ("风险等级", "风险规则") if language == "zh_CN" else ("Risk", "Risk rules")
    )
    assert record[key_level] == level and record[key_rules] == rule


def test_fraud_losses_count_refunds_on_flagged_orders(fresh_db: Path, tmp_path: Path) -> None:
    refunded = "交易关闭"
    row = _row(1, phone="12345678901")
    row[TAOBAO_HEADERS.index("订单状态")] = refunded
    _import(tmp_path, [row, _row(2)])
    db.execute_sql("UPDATE sales_order SET status = 'refunded'")  # both refunded
    losses = risk.fraud_losses()
    assert (losses.orders, losses.refunded_fen) == (1, 5900)


def test_settings_change_what_fires(fresh_db: Path, tmp_path: Path) -> None:
    from dataclasses import replace

    _import(tmp_path, [_row(1, name="张三"), _row(2, name="李四")])
    assert "phone_many_names" not in _risk(1)[1]
    risk.save_risk_settings(replace(risk.risk_settings(), many_names=2))
    risk.rescore_all()
    assert "phone_many_names" in _risk(1)[1]
    with pytest.raises(UserError):
        risk.save_risk_settings(replace(risk.risk_settings(), window_days=0))
    assert risk.risk_settings().many_names == 2


@pytest.mark.parametrize("pretest_block", [10, 10_000])
def test_block_wise_scoring_of_a_big_import_equals_scoring_from_scratch(
    fresh_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pretest_block: int
) -> None:
    """A big import makes each block's keys as it arrives and writes them with the block,
    the rest after the last block; the result must be what scoring every order again from
    scratch gives."""
    from dropship_desktop.services import order_import, risk_engine
    from dropship_desktop.store import bulk_orders

    monkeypatch.setattr(bulk_orders, "INDEX_EVERY", 40)
    monkeypatch.setattr(risk_engine, "PRETEST_BLOCK", pretest_block)
    names = ["张三", "李四", "王五", "赵六", "孙七"]
    rows = [
        _row(
            n,
            name=names[n % 5],
            phone=f"138{n % 37:08d}",  # phones shared across blocks by different names
            address=f"浙江省 杭州市 西湖区 文三路{n % 23}号",  # addresses too
            created=f"2024-03-{1 + n % 28:02d} {n % 24:02d}:00:00",
            quantity="9" if n % 97 == 0 else "1",
        )
        for n in range(1, 401)
    ]
    order_import.import_orders_file(
        write_csv(tmp_path / "orders.csv", TAOBAO_HEADERS, rows),
        shop_name="测试店",
        tuning=order_import.ImportTuning(chunk=40, bulk_index_from=10),
    )
    query = "SELECT id, risk_level, risk_rules FROM sales_order ORDER BY id"
    scored = db.execute_sql(query).fetchall()
    wait_for_checkpoint()  # (a big import's keys are written after its commit)
    assert db.execute_sql("SELECT count(*) FROM risk_key").fetchone()[0] == 400
    assert sum(1 for _, level, _ in scored if level) > 100  # the windows fired across blocks
    risk.rescore_all()
    assert db.execute_sql(query).fetchall() == scored


def test_placeholders_make_no_buyer_key_on_either_path() -> None:
    from dropship_desktop.services.risk_keys import (
        _seeds,
        column_keys,
        internal_keys,
        order_values,
    )

    seeds = _seeds(bytes(16))
    names = ["##密文AbC==", "张三", "＊＊", "李四"]
    phones = ["$$密文123456", "13812345678", "1＊＊＊＊＊＊＊＊78", "13912345678"]
    addresses = ["##密文QwE==", "浙江省 杭州市 西湖区 文三路 123号 (310000)", "***",
                 "浙江省杭州市西湖区文三路123号"]  # fmt: skip
    block = column_keys(names, phones, addresses, seeds)
    single = [internal_keys(order_values(n, p, a, ""), seeds)
              for n, p, a in zip(names, phones, addresses, strict=True)]  # fmt: skip
    assert block == single
    assert block[0] == (0, 0, 0, 0, 0, 0) and block[2] == (0, 0, 0, 0, 0, 0)
    assert block[1][1] == block[3][1] != 0  # one address, postcode or not


def test_a_guessable_share_code_is_refused(fresh_db: Path, tmp_path: Path) -> None:
    _import(tmp_path, [_row(1)])
    risk.add_to_blacklist(_id(1), ["phone"], "仅退款")
    target = tmp_path / "list.csv"
    for weak in ("20261204", "1234-5678-901"):  # a date, eleven digits: tried in hours
        with pytest.raises(UserError, match="at least 12"):
            risk.export_blacklist(target, weak)
    assert not target.exists()
    assert risk.export_blacklist(target, "小美家居 和 阿强的 黑名单 2026") == 1


def test_address_entries_made_with_the_postcode_still_match(fresh_db: Path, tmp_path: Path) -> None:
    """Keys drop the postcode since session 10; entries made before hold the old key/digest."""
    import unicodedata

    import xxhash

    from dropship_desktop.domain.buyer_info import KeyKind
    from dropship_desktop.services.risk_keys import _ADDRESS_DROP, _h, _seeds, digest_matches

    address = "浙江省 杭州市 西湖区 文三路100号(310000)"
    _import(tmp_path, [_row(1, address=address)])
    risk.add_to_blacklist(_id(1), ["address"], "仅退款")
    salt = bytes(db.execute_sql("SELECT value FROM risk_state WHERE name = 'salt'").fetchone()[0])
    old_text = _ADDRESS_DROP.sub("", unicodedata.normalize("NFKC", address)).lower()
    old_key = xxhash.xxh64_intdigest(old_text.encode(), _seeds(salt)[1]) >> 1 or 1
    db.execute_sql("UPDATE blacklist_entry SET key = ? WHERE kind = 'address'", (old_key,))
    # The same buyer's next order, another phone: still on the blacklist by its address.
    _import(tmp_path, [_row(2, phone="13900000002", address=address,
                            created="2024-05-01 10:00:00")], "later.csv")  # fmt: skip
    assert "blacklist" in _risk(2)[1]
    # A partner's list made before: its address digest kept the postcode.
    old_digest = _h(KeyKind.ADDRESS, old_text, salt)
    assert digest_matches("address", {old_digest}, ("", "", address, ""), salt)
    assert not digest_matches(
        "address", {old_digest}, ("", "", "浙江省杭州市西湖区文三路9号", ""), salt
    )
