"""Order import: every platform layout, encoding and number quirk, updates, 1688 matching, rollback."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from dropship_desktop.domain.orders import OrderFlag
from dropship_desktop.errors import UserError
from dropship_desktop.services.order_import import (
    DEFAULT_TUNING,
    ImportCancelledError,
    ImportTuning,
    commit_import,
    default_shop,
    import_orders_file,
    preview_import,
    shop_orders,
    supplier_orders,
)
from dropship_desktop.store.db import db
from dropship_desktop.store.order_queries import OrderFilter, order_ids
from dropship_desktop.tabular.orders_formats import ColumnMapping
from tests.helpers.sqlite_errors import sqlite_error

from .test_order_import_files import (
    ALI1688_HEADERS,
    DOUYIN_HEADERS,
    PDD_HEADERS,
    TAOBAO_HEADERS,
    ali_row,
    content_dump,
    douyin_rows,
    pdd_row,
    taobao_row,
    write_csv,
    write_xlsx,
)

ORDER_19 = "1930679858170647123"


def orders() -> dict[str, tuple]:
    rows = db.execute_sql(
        "SELECT shop_order_no, status, buyer_name, buyer_phone, ship_address, sale_fen, quantity,"
        " product_summary, carrier, tracking_no, paid_at, ship_by, flags FROM sales_order"
    ).fetchall()
    return {r[0]: r[1:] for r in rows}


def count(table: str) -> int:
    return int(db.execute_sql(f"SELECT count(*) FROM {table}").fetchone()[0])


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_taobao_csv_in_every_encoding(fresh_db: Path, tmp_path: Path, encoding: str) -> None:
    rows = [
        taobao_row(f'="{ORDER_19}"', amount="59.00", quantity="2"),
        taobao_row("'1930679858170647124", status="卖家已发货，等待买家确认", name="李四",
                   phone="\t13900001111", tracking="No:YT7512345678", carrier="圆通速递",
                   amount="1,234.50"),
        taobao_row("\t1930679858170647125", status="交易关闭", paid=""),
    ]  # fmt: skip
    path = write_csv(tmp_path / "tb.csv", TAOBAO_HEADERS, rows, encoding)
    changes = import_orders_file(path, shop_name="小美家居淘宝店")
    assert changes.summary is not None and changes.summary.orders_created == 3
    got = orders()
    assert set(got) == {ORDER_19, "1930679858170647124", "1930679858170647125"}
    status, name, phone, address, sale, qty, summary, _carrier, _tracking, paid, ship_by, flags = (
        got[ORDER_19]
    )
    assert (status, name, phone, sale, qty, summary) == ("paid", "张三", "13812345678", 5900, 2,
                                                         "夏季 纯棉T恤")  # fmt: skip
    assert address.startswith("浙江省")
    assert ship_by == paid + 48 * 3600
    assert flags == OrderFlag.NO_SUPPLIER_ORDER
    second = got["1930679858170647124"]
    assert second[0] == "shipped" and second[2] == "13900001111" and second[4] == 123450
    assert (second[7], second[8]) == ("圆通速递", "YT7512345678")
    closed = got["1930679858170647125"]
    assert closed[0] == "cancelled" and closed[9] is None and closed[10] is None
    assert db.execute_sql("SELECT platform FROM shop").fetchall() == [("taobao",)]
    assert count("sales_order_line") == 3


def test_pdd_and_douyin_layouts(fresh_db: Path, tmp_path: Path) -> None:
    pdd = write_csv(
        tmp_path / "pdd.csv",
        PDD_HEADERS,
        [pdd_row("240305-123456789012345"), pdd_row("240305-123456789012346", status="已发货")],
        "gb18030",
    )
    import_orders_file(pdd, shop_name="拼拼好物百货")
    douyin = write_xlsx(tmp_path / "dy.xlsx", DOUYIN_HEADERS, douyin_rows())  # type: ignore[arg-type]
    import_orders_file(douyin, shop_name="抖店·潮流小铺")
    got = orders()
    assert got["240305-123456789012345"][0] == "paid"
    assert got["240305-123456789012345"][3] == "江苏省南京市鼓楼区中山路1号"
    assert got["240305-123456789012346"][0] == "shipped"
    # Two lines of one Douyin order, the order total repeated on each: counted once.
    two_lines = got["6928374650192837465"]
    assert (two_lines[4], two_lines[5], two_lines[6]) == (12900, 2, "蓝牙耳机 等2件：充电线")
    # The second line's product finds the order too (3+, 2 and 1 characters).
    for text in ("充电线", "电线", "线"):
        found = {
            db.execute_sql("SELECT shop_order_no FROM sales_order WHERE id = ?", (i,)).fetchone()[0]
            for i in order_ids(OrderFilter(text=text))
        }
        assert "6928374650192837465" in found, text
    done = got["6928374650192837470"]
    assert done[0] == "completed" and (done[7], done[8]) == ("中通快递", "75312345678901")
    platforms = dict(db.execute_sql("SELECT name, platform FROM shop").fetchall())
    assert platforms == {"拼拼好物百货": "pdd", "抖店·潮流小铺": "douyin"}


def test_xlsx_keeps_19_digit_numbers_exactly(fresh_db: Path, tmp_path: Path) -> None:
    rows: list[list[object]] = [taobao_row(ORDER_19), taobao_row("1930679858170647129")]
    for row in rows:
        row[2] = row[4] = 59.0  # amounts as numbers, as workbook exports hold them
        row[14] = 1.0
    path = write_xlsx(tmp_path / "tb.xlsx", TAOBAO_HEADERS, rows)
    import_orders_file(path, shop_name="店")
    assert set(orders()) == {ORDER_19, "1930679858170647129"}
    assert orders()[ORDER_19][4] == 5900


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_scientific_notation_is_rejected_and_nothing_written(
    demo_db: Path, tmp_path: Path, suffix: str
) -> None:
    rows = [taobao_row(ORDER_19), taobao_row("1.93068E+18"), taobao_row("1930679858170647999")]
    if suffix == "csv":
        path = write_csv(tmp_path / "tb.csv", TAOBAO_HEADERS, rows, "gb18030")
    else:
        rows[1][0] = 1.930679858170648e18  # type: ignore[call-overload]  # Excel kept a float
        path = write_xlsx(tmp_path / "tb.xlsx", TAOBAO_HEADERS, rows)  # type: ignore[arg-type]
    before = content_dump(demo_db)
    preview = preview_import(path)
    assert len(preview.errors) == 1
    error = preview.errors[0]
    assert (error.row, error.column) == (3, "订单编号")
    assert "scientific notation" in error.message
    with pytest.raises(UserError, match="Row 3, column 订单编号"):
        import_orders_file(path, shop_name="小美家居淘宝店")
    assert content_dump(demo_db) == before


def test_reimport_updates_status_and_logistics_instead_of_duplicating(
    fresh_db: Path, tmp_path: Path
) -> None:
    first = write_csv(tmp_path / "a.csv", TAOBAO_HEADERS, [taobao_row(ORDER_19)])
    import_orders_file(first, shop_name="店")
    again = import_orders_file(first, shop_name="店")
    assert again.summary is not None and again.summary.orders_unchanged == 1
    updated = write_csv(
        tmp_path / "b.csv",
        TAOBAO_HEADERS,
        [
            taobao_row(ORDER_19, status="卖家已发货，等待买家确认", tracking="SF1234567890",
                       carrier="顺丰速运"),
            taobao_row("1930679858170647200"),
        ],
    )  # fmt: skip
    changes = import_orders_file(updated, shop_name="店")
    assert changes.summary is not None
    assert (changes.summary.orders_created, changes.summary.orders_updated) == (1, 1)
    assert count("sales_order") == 2 and count("sales_order_line") == 2
    row = orders()[ORDER_19]
    assert (row[0], row[7], row[8]) == ("shipped", "顺丰速运", "SF1234567890")
    order_id = db.execute_sql(
        "SELECT id FROM sales_order WHERE shop_order_no = ?", (ORDER_19,)
    ).fetchone()[0]
    events = db.execute_sql(
        "SELECT action, before, after FROM audit_event WHERE sales_order_id = ?", (order_id,)
    ).fetchall()
    assert len(events) == 1
    assert events[0][0] == "status_imported"
    assert '"paid"' in events[0][1] and '"shipped"' in events[0][2]
    # One audit event per import, with counts and the file name but no buyer data.
    imports = db.execute_sql("SELECT after FROM audit_event WHERE action = 'import_orders'")
    texts = [r[0] for r in imports.fetchall()]
    assert len(texts) == 3 and all("张三" not in t and "138" not in t for t in texts)
    assert '"file": "b.csv"' in texts[-1]


def test_1688_export_matches_sales_orders_and_keeps_the_rest(
    fresh_db: Path, tmp_path: Path
) -> None:
    shop = write_csv(
        tmp_path / "tb.csv",
        TAOBAO_HEADERS,
        [
            taobao_row(ORDER_19, amount="59.00"),
            taobao_row("1930679858170647300", status="交易关闭", name="李四", phone="13900001111",
                       title="蓝牙耳机"),
        ],
    )  # fmt: skip
    import_orders_file(shop, shop_name="店")
    ali = write_csv(
        tmp_path / "1688.csv",
        ALI1688_HEADERS,
        [
            ali_row("3812345678901234567"),
            ali_row("3812345678901234568", name="李四", phone="13900001111", title="蓝牙耳机 代发"),
            ali_row("3812345678901234569", name="王五", phone="13700000000", title="线"),
        ],
        "gb18030",
    )  # fmt: skip
    preview = preview_import(ali)
    assert (preview.format, preview.kind) == ("1688", "1688")
    changes = import_orders_file(ali)
    assert changes.summary is not None
    assert (changes.summary.matched, changes.summary.unmatched) == (2, 1)
    links = dict(
        db.execute_sql(
            "SELECT s.order_id_1688, o.shop_order_no FROM supplier_order s"
            " LEFT JOIN sales_order o ON o.id = s.sales_order_id"
        ).fetchall()
    )
    assert links == {
        "3812345678901234567": ORDER_19,
        "3812345678901234568": "1930679858170647300",
        "3812345678901234569": None,  # kept, awaiting a match
    }
    got = orders()
    paid = db.execute_sql(
        "SELECT cost_fen, shipping_fen, profit_fen, supplier_status, supplier_order_no, flags"
        " FROM sales_order WHERE shop_order_no = ?",
        (ORDER_19,),
    ).fetchone()
    assert paid == (2500, 400, 5900 - 2900, "waitsellersend", "3812345678901234567", 0)
    # Closed in the shop, still live at 1688: a mismatch that is easy to find.
    assert got["1930679858170647300"][-1] & OrderFlag.MISMATCH
    flagged = order_ids(OrderFilter(flags_any=int(OrderFlag.MISMATCH)))
    assert len(flagged) == 1

    # An updated 1688 export: status and logistics change, nothing is duplicated.
    shipped = write_csv(
        tmp_path / "1688b.csv",
        ALI1688_HEADERS,
        [ali_row("3812345678901234567", status="等待买家收货", tracking="YT9999999999")],
    )
    again = import_orders_file(shipped)
    assert again.summary is not None and again.summary.orders_updated == 1
    assert count("supplier_order") == 3
    row = db.execute_sql(
        "SELECT supplier_status, tracking_no FROM sales_order WHERE shop_order_no = ?",
        (ORDER_19,),
    ).fetchone()
    assert row[0] == "waitbuyerreceive"
    event = db.execute_sql(
        "SELECT entity, before, after FROM audit_event WHERE action = 'status_imported'"
    ).fetchone()
    assert event[0] == "supplier_order" and "waitsellersend" in event[1]


def test_waiting_1688_orders_are_matched_when_the_shop_orders_arrive(
    fresh_db: Path, tmp_path: Path
) -> None:
    ali = write_csv(tmp_path / "1688.csv", ALI1688_HEADERS, [ali_row("3812345678901234567")])
    assert import_orders_file(ali).summary.unmatched == 1  # type: ignore[union-attr]
    shop = write_csv(tmp_path / "tb.csv", TAOBAO_HEADERS, [taobao_row(ORDER_19)])
    changes = import_orders_file(shop, shop_name="店")
    assert changes.summary is not None and changes.summary.matched == 1
    assert orders()[ORDER_19][-1] == 0  # no longer "not ordered from the supplier"
    assert db.execute_sql("SELECT sales_order_id FROM supplier_order").fetchone()[0] is not None


def test_matching_candidates_are_limited_to_the_orders_just_imported(
    fresh_db: Path, tmp_path: Path
) -> None:
    rows = [taobao_row(str(1930679858170650000 + i)) for i in range(6)]  # one phone
    import_orders_file(write_csv(tmp_path / "tb.csv", TAOBAO_HEADERS, rows), shop_name="店")
    ids = [r[0] for r in db.execute_sql("SELECT id FROM sales_order ORDER BY id")]
    phones = {"13812345678"}

    def found(only: object) -> list[int]:
        pools = supplier_orders._load_candidates(phones, only)  # type: ignore[arg-type]
        return sorted(c.id for pool in pools.values() for c in pool)

    assert found(range(ids[2], ids[4])) == ids[2:4]  # a run of ids: BETWEEN, end excluded
    assert found([ids[0], ids[5]]) == [ids[0], ids[5]]
    assert found(None) == ids


def test_cancel_rolls_everything_back_including_the_index_trigger(
    demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tune = ImportTuning(chunk=200)
    rows = [taobao_row(str(1930679858170650000 + i)) for i in range(900)]
    path = write_csv(tmp_path / "big.csv", TAOBAO_HEADERS, rows)
    before = content_dump(demo_db)
    preview = preview_import(path, tuning=tune)
    shop_id, _ = default_shop(preview, "小美家居淘宝店")
    calls: list[tuple[str, int, int]] = []

    def progress(phase: str, done: int, total: int) -> None:
        calls.append((phase, done, total))

    def should_cancel() -> bool:
        return any(phase == "writing" and done >= 400 for phase, done, _ in calls)

    with pytest.raises(ImportCancelledError):
        commit_import(preview, shop_id=shop_id, progress=progress, should_cancel=should_cancel)
    assert content_dump(demo_db) == before
    triggers = {r[0] for r in db.execute_sql("SELECT name FROM sqlite_master WHERE type='trigger'")}
    assert "sales_order_fts_ai" in triggers


def test_bulk_import_keeps_the_search_index_correct(fresh_db: Path, tmp_path: Path) -> None:
    rows = [
        taobao_row(str(1930679858170650000 + i), name="欧阳娜娜" if i == 7 else "张三",
                   title=f"北欧风陶瓷马克杯 款{i}")
        for i in range(DEFAULT_TUNING.bulk_index_from + 10)
    ]  # fmt: skip
    path = write_csv(tmp_path / "big.csv", TAOBAO_HEADERS, rows)
    import_orders_file(path, shop_name="店")
    db.execute_sql("INSERT INTO sales_order_fts (sales_order_fts) VALUES ('integrity-check')")
    assert len(order_ids(OrderFilter(text="欧阳娜"))) == 1
    assert len(order_ids(OrderFilter(text="陶瓷马克杯"))) == len(rows)
    # The trigger is back: a later single insert is indexed too.
    import_orders_file(
        write_csv(tmp_path / "one.csv", TAOBAO_HEADERS, [taobao_row("1", name="诸葛亮明")]),
        shop_name="店",
    )
    assert len(order_ids(OrderFilter(text="诸葛亮"))) == 1


def test_unknown_layout_needs_a_mapping_which_then_imports(fresh_db: Path, tmp_path: Path) -> None:
    headers = ["单号", "状态", "客户", "电话", "金额", "品名"]
    rows = [["A-1001", "待发货", "张三", "13812345678", "12.50", "杯子"]]
    path = write_csv(tmp_path / "own.csv", headers, rows)
    preview = preview_import(path)
    assert preview.needs_mapping and not preview.can_import
    with pytest.raises(UserError, match="not recognised"):
        import_orders_file(path, shop_name="店")
    mapping = ColumnMapping(
        fields={
            "order_no": "单号",
            "status_text": "状态",
            "buyer_name": "客户",
            "buyer_phone": "电话",
            "amount_fen": "金额",
            "product_title": "品名",
        }
    )
    mapping = ColumnMapping.from_dict(mapping.to_dict())  # as saved in the settings
    preview = preview_import(preview.table, mapping=mapping, kind="shop", file_name="own.csv")  # type: ignore[arg-type]
    assert preview.can_import and preview.platforms()[0] == "taobao"
    commit_import(preview, new_shop=("other", "线下店"))
    assert orders()["A-1001"][:2] == ("paid", "张三")


def test_shop_choice(fresh_db: Path, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "pdd.csv", PDD_HEADERS, [pdd_row("240305-1")])
    preview = preview_import(path)
    with pytest.raises(UserError, match="--shop"):
        default_shop(preview)
    import_orders_file(path, shop_name="A店")
    assert default_shop(preview) == (1, "A店")  # the only pdd shop
    import_orders_file(path, shop_name="B店")
    with pytest.raises(UserError, match="several shops"):
        default_shop(preview)
    with pytest.raises(UserError, match="pdd shop"):
        tb = preview_import(write_csv(tmp_path / "tb.csv", TAOBAO_HEADERS, [taobao_row("9")]))
        commit_import(tb, shop_id=1)


def test_row_errors_name_row_and_column(fresh_db: Path, tmp_path: Path) -> None:
    rows = [
        taobao_row("1", amount="abc"),
        taobao_row("2", status="火星状态"),
        taobao_row("3", quantity="0"),
        taobao_row("4"),
    ]
    preview = preview_import(write_csv(tmp_path / "bad.csv", TAOBAO_HEADERS, rows))
    found = {(e.row, e.column) for e in preview.errors}
    assert {(2, "买家实际支付金额"), (3, "订单状态"), (4, "宝贝总数量")} <= found
    assert not preview.can_import
    assert "Row 2" in preview.error_text()


def test_a_database_error_mid_import_leaves_nothing(
    demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = [taobao_row(str(1930679858170650000 + i)) for i in range(600)]
    path = write_csv(tmp_path / "big.csv", TAOBAO_HEADERS, rows)
    before = content_dump(demo_db)

    def boom(_ids: object) -> None:
        raise sqlite_error(sqlite3.SQLITE_IOERR)

    monkeypatch.setattr(shop_orders, "_refresh_summaries", boom)
    monkeypatch.setattr(shop_orders, "_match_waiting_supplier_orders", boom)
    with pytest.raises((sqlite3.OperationalError, UserError)):  # a disk error may be explained
        import_orders_file(path, shop_name="小美家居淘宝店")
    assert content_dump(demo_db) == before
