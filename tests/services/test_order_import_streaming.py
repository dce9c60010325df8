"""The one-go import (CLI path): rows mapped block by block while earlier blocks are written."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from dropship_desktop.errors import UserError
from dropship_desktop.services import order_import
from dropship_desktop.services.order_import import (
    ImportTuning,
    commit,
    import_orders_file,
    preview_import,
)
from dropship_desktop.store.db import db
from dropship_desktop.store.order_queries import OrderFilter, order_ids

from .test_order_import_files import TAOBAO_HEADERS, content_dump, taobao_row, write_csv

BASE = 1930679858170650000


def _time(i: int) -> str:
    return f"2024-03-{1 + i // 1440:02d} {i // 60 % 24:02d}:{i % 60:02d}:00"


def test_lines_of_one_order_far_apart_become_one_order(
    fresh_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tune = ImportTuning(chunk=50, bulk_index_from=10)
    names = {5: "欧阳娜娜", 290: "诸葛亮明"}
    rows = [
        taobao_row(str(BASE + i), created=_time(i), paid=_time(i), name=names.get(i, "张三"))
        for i in range(300)
    ]
    # A second line of order 3 in the last block, and a second line of order 120 at the start.
    rows.append(taobao_row(str(BASE + 3), title="第二件 马克杯", amount="10.00"))
    rows.insert(0, taobao_row(str(BASE + 120), title="另一件 抱枕", amount="20.00"))
    path = write_csv(tmp_path / "spread.csv", TAOBAO_HEADERS, rows)
    preview = preview_import(path, tuning=tune, defer_rows=True)
    assert preview.deferred and not preview.orders

    changes = import_orders_file(preview, tuning=tune, shop_name="店")

    assert changes.summary is not None
    assert (changes.summary.orders_created, changes.summary.lines_created) == (300, 302)
    got = dict(
        db.execute_sql(
            "SELECT o.shop_order_no, count(l.id) FROM sales_order o"
            " JOIN sales_order_line l ON l.sales_order_id = o.id GROUP BY o.id"
        ).fetchall()
    )
    assert got[str(BASE + 3)] == 2 and got[str(BASE + 120)] == 2
    assert sum(got.values()) == 302
    sale = dict(db.execute_sql("SELECT shop_order_no, sale_fen FROM sales_order").fetchall())
    assert sale[str(BASE + 3)] == 5900 + 1000
    # Search works for orders of every block (the index was built per block).
    assert len(order_ids(OrderFilter(text="欧阳娜"))) == 1
    assert len(order_ids(OrderFilter(text="诸葛亮"))) == 1
    # The product text starts with an order's first line: order 120's is now the 抱枕.
    summary = db.execute_sql(
        "SELECT product_summary FROM sales_order WHERE shop_order_no = ?", (str(BASE + 120),)
    ).fetchone()[0]
    assert summary == "另一件 抱枕 等2件：夏季 纯棉T恤"
    assert len(order_ids(OrderFilter(text="纯棉T恤"))) == 300  # every line's product is found
    assert len(order_ids(OrderFilter(text="抱枕"))) == 1
    db.execute_sql("INSERT INTO sales_order_fts (sales_order_fts) VALUES ('integrity-check')")


def test_new_ids_follow_creation_time_not_file_order(
    fresh_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tune = ImportTuning(chunk=1000)
    # Newest first, as the platforms export.
    rows = [taobao_row(str(BASE + i), created=_time(500 - i), paid="") for i in range(500)]
    import_orders_file(
        write_csv(tmp_path / "newest.csv", TAOBAO_HEADERS, rows), tuning=tune, shop_name="店"
    )
    created = [r[0] for r in db.execute_sql("SELECT created_at FROM sales_order ORDER BY id")]
    assert created == sorted(created) and len(created) == 500


def test_a_bad_row_in_a_late_block_rejects_everything(
    demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tune = ImportTuning(chunk=40, bulk_index_from=10)
    rows = [taobao_row(str(BASE + i)) for i in range(200)]
    rows[170] = taobao_row(str(BASE + 170), amount="12.3.4")
    rows[185] = taobao_row("1.93068E+18")
    path = write_csv(tmp_path / "bad.csv", TAOBAO_HEADERS, rows)
    before = content_dump(demo_db)

    with pytest.raises(UserError) as caught:
        import_orders_file(path, tuning=tune, shop_name="小美家居淘宝店")

    text = str(caught.value)
    assert "2 problem(s)" in text and "nothing was imported" in text
    assert "Row 172" in text and "Row 187" in text  # header is row 1
    assert content_dump(demo_db) == before
    triggers = {r[0] for r in db.execute_sql("SELECT name FROM sqlite_master WHERE type='trigger'")}
    assert "sales_order_fts_ai" in triggers


def test_a_failing_write_on_the_helper_thread_rolls_back(
    demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tune = ImportTuning(chunk=50, bulk_index_from=10)
    # The same order number in another shop is fine; a duplicate id would not be. Make the
    # second block collide with a row inserted behind the writer's back.
    rows = [taobao_row(str(BASE + i)) for i in range(120)]
    path = write_csv(tmp_path / "ok.csv", TAOBAO_HEADERS, rows)
    before = content_dump(demo_db)
    from dropship_desktop.store import bulk_orders

    original = bulk_orders.BulkOrderWriter._write
    calls: list[int] = []

    def failing(self: bulk_orders.BulkOrderWriter, *args: object) -> None:
        calls.append(1)
        if len(calls) == 2:
            self._conn.execute("SELECT * FROM no_such_table")
        original(self, *args)

    monkeypatch.setattr(bulk_orders.BulkOrderWriter, "_write", failing)
    with pytest.raises(Exception, match="no_such_table"):
        import_orders_file(path, tuning=tune, shop_name="小美家居淘宝店")
    assert content_dump(demo_db) == before
    assert db.execute_sql("SELECT name FROM sqlite_temp_master").fetchall() == []


def test_the_import_commit_leaves_the_wal_checkpoint_to_the_background(
    fresh_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dropship_desktop.store import db as store_db

    started: list[bool] = []
    monkeypatch.setattr(store_db, "checkpoint_in_background", lambda: started.append(True))
    # With a 1-page threshold any ordinary commit would copy the WAL into the file at once.
    db.execute_sql("PRAGMA wal_autocheckpoint = 1")
    store_db._checkpoint(fresh_db)

    def in_file() -> int:
        # immutable=1 reads the database file alone, ignoring the WAL.
        conn = sqlite3.connect(f"file:{fresh_db}?immutable=1", uri=True)
        try:
            return int(conn.execute("SELECT count(*) FROM sales_order").fetchone()[0])
        finally:
            conn.close()

    rows = [taobao_row(str(BASE + i)) for i in range(50)]
    import_orders_file(write_csv(tmp_path / "o.csv", TAOBAO_HEADERS, rows), shop_name="店")

    assert started == [True]
    assert db.execute_sql("SELECT count(*) FROM sales_order").fetchone()[0] == 50
    assert in_file() == 0  # committed (in the WAL), not yet copied by the commit itself
    assert db.execute_sql("PRAGMA wal_autocheckpoint").fetchone()[0] == 1  # restored
    store_db._checkpoint(fresh_db)  # what the background thread runs
    assert in_file() == 50


def test_the_background_checkpoint_copies_the_import_into_the_database_file(
    fresh_db: Path, tmp_path: Path
) -> None:
    from dropship_desktop.store import db as store_db

    rows = [taobao_row(str(BASE + i)) for i in range(20)]
    import_orders_file(write_csv(tmp_path / "o.csv", TAOBAO_HEADERS, rows), shop_name="店")
    store_db.wait_for_checkpoint()
    conn = sqlite3.connect(f"file:{fresh_db}?immutable=1", uri=True)
    try:
        assert conn.execute("SELECT count(*) FROM sales_order").fetchone()[0] == 20
    finally:
        conn.close()


def test_a_bulk_write_defers_segment_merges_and_restores_the_setting(
    fresh_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dropship_desktop.store import bulk_orders
    from dropship_desktop.store import db as store_db

    monkeypatch.setattr(store_db, "checkpoint_in_background", lambda: None)
    tune = ImportTuning(chunk=20, bulk_index_from=10)
    monkeypatch.setattr(bulk_orders, "INDEX_EVERY", 20)  # a segment per 20 orders
    monkeypatch.setattr(bulk_orders, "MAX_QUEUED", 1)  # no batching of chunks either
    db.execute_sql("INSERT INTO sales_order_fts (sales_order_fts, rank) VALUES ('automerge', 8)")
    names = {i: f"{'欧阳诸葛司马'[i % 3 * 2 : i % 3 * 2 + 2]}{i}号" for i in range(240)}
    rows = [taobao_row(str(BASE + i), name=names[i]) for i in range(240)]
    import_orders_file(
        write_csv(tmp_path / "o.csv", TAOBAO_HEADERS, rows), tuning=tune, shop_name="店"
    )

    setting = db.execute_sql("SELECT v FROM sales_order_fts_config WHERE k = 'automerge'")
    assert setting.fetchone()[0] == 8  # as it was before the import
    numbers = db.execute_sql("SELECT v FROM order_number_fts_config WHERE k = 'automerge'")
    assert numbers.fetchone() in (None, (4,))  # the number index's default (4) is back too
    other = sqlite3.connect(fresh_db, isolation_level=None)
    try:
        before = other.total_changes
        bulk_orders.merge_search_segments(other)
        assert other.total_changes - before >= 2  # twelve segments were left to merge
        before = other.total_changes
        bulk_orders.merge_search_segments(other)
        # and nothing is left now: one no-op merge step per search index
        assert other.total_changes - before < 2 * len(bulk_orders.SEARCH_INDEXES)
    finally:
        other.close()
    db.execute_sql("INSERT INTO sales_order_fts (sales_order_fts) VALUES ('integrity-check')")
    assert len(order_ids(OrderFilter(text="司马"))) == 80
    assert list(order_ids(OrderFilter(text="欧阳124号"))) == []  # 124 is a 诸葛
    assert len(order_ids(OrderFilter(text="欧阳12号"))) == 1


def test_a_rejected_import_starts_no_background_maintenance(
    demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dropship_desktop.store import db as store_db

    started: list[bool] = []
    monkeypatch.setattr(store_db, "checkpoint_in_background", lambda: started.append(True))
    rows = [taobao_row(str(BASE + i)) for i in range(30)]
    rows[29] = taobao_row(str(BASE + 29), amount="abc")
    before = content_dump(demo_db)
    with pytest.raises(UserError):
        import_orders_file(write_csv(tmp_path / "bad.csv", TAOBAO_HEADERS, rows), shop_name="店")
    assert started == []
    assert db.execute_sql("PRAGMA wal_autocheckpoint").fetchone()[0] == 1000
    store_db.wait_for_checkpoint()
    assert content_dump(demo_db) == before


def test_a_mapping_that_does_not_fit_is_refused_before_anything_is_written(
    demo_db: Path, tmp_path: Path
) -> None:
    from dropship_desktop.tabular.orders_formats import ColumnMapping

    path = write_csv(tmp_path / "o.csv", TAOBAO_HEADERS, [taobao_row(str(BASE))])
    before = content_dump(demo_db)
    lacking = ColumnMapping(fields={"status_text": "订单状态", "buyer_name": "收货人姓名"})
    with pytest.raises(UserError, match="lacks: Order number"):
        import_orders_file(path, mapping=lacking, shop_name="店")
    absent = ColumnMapping(fields={"order_no": "单号", "status_text": "订单状态"})
    with pytest.raises(UserError, match="no column '单号'"):
        import_orders_file(path, mapping=absent, shop_name="店")
    assert content_dump(demo_db) == before


def test_the_one_go_import_lists_problems_like_the_preview(
    fresh_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tune = ImportTuning(chunk=100, preview_errors=50)
    rows = [taobao_row(str(BASE + i), quantity="0" if i % 2 else "1") for i in range(400)]
    rows += [taobao_row(str(BASE + 400 + i), amount="x") for i in range(80)]
    path = write_csv(tmp_path / "bad.csv", TAOBAO_HEADERS, rows)
    with pytest.raises(UserError) as one_go:
        import_orders_file(path, tuning=tune, shop_name="店")
    with pytest.raises(UserError) as previewed:
        import_orders_file(preview_import(path, tuning=tune), tuning=tune, shop_name="店")
    assert str(one_go.value) == str(previewed.value)
    assert "250+ problem(s)" in str(one_go.value)  # 200 quantities + the first 50 amounts


def test_closing_waits_for_the_background_maintenance(
    fresh_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    from dropship_desktop.store import db as store_db

    done: list[str] = []
    real = store_db._checkpoint

    def slow(path: Path) -> None:
        time.sleep(0.3)
        real(path)
        done.append("checkpointed")

    monkeypatch.setattr(store_db, "_checkpoint", slow)
    rows = [taobao_row(str(BASE + i)) for i in range(20)]
    import_orders_file(write_csv(tmp_path / "o.csv", TAOBAO_HEADERS, rows), shop_name="店")
    store_db.close_database()
    assert done == ["checkpointed"]


@pytest.mark.parametrize("second_lines", ["scattered", "adjacent"])
def test_the_one_go_import_and_the_dialog_write_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, second_lines: str
) -> None:
    """Same files, both paths: orders, lines, audit events and counts come out identical —
    with new orders, updated ones (looked up block by block while the file streams), and
    lines of one order scattered over several blocks (the streamed read starts over, reading
    the file whole) or next to each other, also across a block boundary (no restart)."""
    import random

    from dropship_desktop.store import bulk_orders
    from dropship_desktop.store.db import close_database, open_database

    tune = ImportTuning(chunk=37, bulk_index_from=10)
    monkeypatch.setattr(bulk_orders, "INDEX_EVERY", 50)
    rnd = random.Random(3)
    first = [taobao_row(str(BASE + i), created=_time(i), paid=_time(i)) for i in range(150)]
    rows = [
        taobao_row(
            str(BASE + i), created=_time(i), paid=_time(i), title=f"款{i}",
            status="卖家已发货，等待买家确认" if i % 3 == 0 else "买家已付款，等待卖家发货",
            tracking=f"YT{i}" if i % 3 == 0 else "", carrier="圆通速递" if i % 3 == 0 else "",
        )
        for i in range(100, 400)
    ]  # fmt: skip
    for k in range(60):  # second lines
        i = rnd.randrange(100, 400)
        extra = taobao_row(str(BASE + i), created=_time(i), paid=_time(i), title=f"加{k}")
        at = rnd.randrange(len(rows) + 1)
        if second_lines == "adjacent":
            at = 1 + next(n for n, row in enumerate(rows) if row[0] == str(BASE + i))
        rows.insert(at, extra)
    f1 = write_csv(tmp_path / "f1.csv", TAOBAO_HEADERS, first)
    f2 = write_csv(tmp_path / "f2.csv", TAOBAO_HEADERS, rows)

    def written() -> tuple[object, ...]:
        def q(sql: str) -> list[tuple[object, ...]]:
            return db.execute_sql(sql).fetchall()

        return (
            q(
                "SELECT shop_order_no, status, buyer_name, sale_fen, quantity, product_summary,"
                " profit_fen, carrier, tracking_no, created_at, paid_at, ship_by, flags"
                " FROM sales_order ORDER BY shop_order_no"
            ),
            q(
                "SELECT o.shop_order_no, l.title, l.sku, l.quantity, l.unit_price_fen"
                " FROM sales_order_line l JOIN sales_order o ON o.id = l.sales_order_id"
                " ORDER BY 1, 2, 3, 4, 5"
            ),
            q(
                "SELECT entity, action, before, after FROM audit_event WHERE entity != 'import'"
                " ORDER BY 1, 2, 3, 4"
            ),
        )

    whole_reads: list[bool] = []
    original_preview = order_import.preview_import

    def spy(*args: object, **kwargs: object) -> order_import.ImportPreview:
        whole_reads.append(kwargs.get("stream") is False)
        return original_preview(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(commit, "preview_import", spy)
    results = {}
    for mode in ("dialog", "one go"):
        open_database(tmp_path / f"{mode}.db")
        try:
            import_orders_file(preview_import(f1, tuning=tune), tuning=tune, shop_name="店")
            if mode == "dialog":
                changes = import_orders_file(
                    preview_import(f2, tuning=tune), tuning=tune, shop_name="店"
                )
            else:
                changes = import_orders_file(f2, tuning=tune, shop_name="店")
            s = changes.summary
            assert s is not None
            counts = (s.orders_created, s.orders_updated, s.orders_unchanged, s.lines_created)
            results[mode] = (written(), counts, s.status_changes)
            db.execute_sql(
                "INSERT INTO sales_order_fts (sales_order_fts) VALUES ('integrity-check')"
            )
        finally:
            close_database()
    assert results["dialog"] == results["one go"]
    assert any(whole_reads) == (second_lines == "scattered")
    # 250 new orders (49 of them with a second line), 16 of the 50 known ones changed by their
    # status or tracking; 6 more show a second line that would change their amount, but they
    # were paid: a paid order keeps what the buyer paid.
    assert results["one go"][1] == (250, 16, 34, 299)


def test_the_shop_is_chosen_from_every_shop_name_in_a_streamed_file(
    fresh_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first block alone does not decide the shop: with no shop named, a file with a shop
    column is read whole first (a name first seen late still counts, as before streaming)."""
    tune = ImportTuning(chunk=50)
    headers = [*TAOBAO_HEADERS, "店铺名称"]
    for number, name in ((BASE + 900, "甲店"), (BASE + 901, "乙店")):
        path = write_csv(tmp_path / f"{name}.csv", headers, [[*taobao_row(str(number)), name]])
        import_orders_file(path, tuning=tune, shop_name=name)
    before = content_dump(fresh_db)
    rows = [[*taobao_row(str(BASE + i)), "甲店" if i < 160 else "乙店"] for i in range(200)]
    path = write_csv(tmp_path / "two_shops.csv", headers, rows)
    preview = preview_import(path, tuning=tune, defer_rows=True)
    assert preview.streamed and preview.shop_names == ["甲店"]  # all the first block knows

    with pytest.raises(UserError, match="several shops"):
        import_orders_file(preview, tuning=tune)
    assert content_dump(fresh_db) == before

    # No name in the first block, one shop's name later: that shop, as a whole read decides.
    rows = [[*taobao_row(str(BASE + i)), "" if i < 120 else "乙店"] for i in range(160)]
    changes = import_orders_file(write_csv(tmp_path / "late.csv", headers, rows), tuning=tune)
    assert changes.summary is not None and changes.summary.orders_created == 160
    shops = db.execute_sql(
        "SELECT s.name, count(*) FROM sales_order o JOIN shop s ON s.id = o.shop_id GROUP BY 1"
    ).fetchall()
    assert sorted(shops) == [("乙店", 161), ("甲店", 1)]
    # Named by the user, the file's shop names do not matter: streamed to the end.
    rows = [[*taobao_row(str(BASE + 300 + i)), "甲店" if i < 100 else "乙店"] for i in range(160)]
    preview = preview_import(
        write_csv(tmp_path / "named.csv", headers, rows), tuning=tune, defer_rows=True
    )
    changes = import_orders_file(preview, tuning=tune, shop_name="甲店")
    assert changes.summary is not None and changes.summary.orders_created == 160
    assert preview.spent  # this preview's rows were read by the import itself


def test_a_streamed_preview_cannot_be_imported_twice(
    fresh_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tune = ImportTuning(chunk=20)
    rows = [taobao_row(str(BASE + i)) for i in range(100)]
    preview = preview_import(
        write_csv(tmp_path / "o.csv", TAOBAO_HEADERS, rows), tuning=tune, defer_rows=True
    )
    with pytest.raises(UserError, match="cancelled"):
        import_orders_file(preview, tuning=tune, shop_name="店", should_cancel=lambda: True)
    # Its first rows are gone with the cancelled import: refused, not imported in part.
    with pytest.raises(UserError, match="only partly read"):
        import_orders_file(preview, tuning=tune, shop_name="店")
    assert db.execute_sql("SELECT count(*) FROM sales_order").fetchone()[0] == 0
    changes = import_orders_file(
        tmp_path / "o.csv", tuning=tune, shop_name="店"
    )  # the file, read again
    assert changes.summary is not None and changes.summary.orders_created == 100


def test_a_late_unreadable_workbook_cell_rejects_the_import(
    demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import openpyxl

    tune = ImportTuning(chunk=50)
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(TAOBAO_HEADERS)
    for i in range(120):
        sheet.append(taobao_row(str(BASE + i)))
    # Row 102's paid time: an Excel date a hair before 10000-01-01, past Python's last second.
    cell = sheet.cell(
        row=102, column=TAOBAO_HEADERS.index("订单付款时间") + 1, value=2958465.99999999
    )
    cell.number_format = "yyyy-mm-dd hh:mm:ss"
    path = tmp_path / "late.xlsx"
    workbook.save(path)
    before = content_dump(demo_db)
    preview = preview_import(path, tuning=tune, defer_rows=True)
    assert preview.streamed  # the bad cell is not converted yet

    with pytest.raises(UserError, match="workbook is damaged"):
        import_orders_file(preview, tuning=tune, shop_name="小美家居淘宝店")
    assert content_dump(demo_db) == before


def test_a_damaged_row_late_in_a_streamed_file_rejects_the_import(
    demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tune = ImportTuning(chunk=50, bulk_index_from=10)
    rows = [taobao_row(str(BASE + i)) for i in range(300)]
    text = write_csv(tmp_path / "ok.csv", TAOBAO_HEADERS, rows).read_text(encoding="utf-8-sig")
    lines = text.splitlines(keepends=True)
    # Row 251: a quoted cell that never ends (the csv module's field limit stops it).
    lines.insert(251, '1930679858170659999,"' + "坏" * 140_000 + "\n")
    path = tmp_path / "damaged.csv"
    path.write_text("".join(lines), encoding="utf-8-sig")
    before = content_dump(demo_db)
    preview = preview_import(path, tuning=tune, defer_rows=True)
    assert preview.streamed  # not read that far yet

    with pytest.raises(UserError, match="damaged near row 252"):
        import_orders_file(preview, tuning=tune, shop_name="小美家居淘宝店")
    assert content_dump(demo_db) == before
    assert db.execute_sql("SELECT name FROM sqlite_temp_master").fetchall() == []


def test_a_streamed_import_counts_every_row_and_reports_progress_to_the_end(
    fresh_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tune = ImportTuning(chunk=40)
    rows = [taobao_row(str(BASE + i)) for i in range(230)]
    rows.insert(100, [""] * len(TAOBAO_HEADERS))  # an empty line is not a row
    path = write_csv(tmp_path / "o.csv", TAOBAO_HEADERS, rows)
    reports: list[tuple[str, int, int]] = []

    changes = import_orders_file(
        path,
        tuning=tune,
        shop_name="店",
        progress=lambda phase, done, total: reports.append((phase, done, total)),
    )

    assert changes.summary is not None
    assert (changes.summary.rows, changes.summary.orders_created) == (230, 230)
    writing = [(done, total) for phase, done, total in reports if phase == "writing"]
    assert all(done <= total for done, total in writing)
    assert writing[-1] == (230, 230)  # the estimate is replaced by the count at the end
    assert reports[-1][0] == "indexing" and reports[-1][1:] == (230, 230)
    event = db.execute_sql("SELECT after FROM audit_event WHERE action = 'import_orders'")
    assert '"rows": 230' in event.fetchone()[0]
    # Again, all unchanged (nothing to index): the last report still says all rows are done.
    reports.clear()
    import_orders_file(
        path,
        tuning=tune,
        shop_name="店",
        progress=lambda phase, done, total: reports.append((phase, done, total)),
    )
    assert reports[-1] == ("writing", 230, 230)


def test_a_streamed_table_given_to_the_preview_is_read_whole(
    fresh_db: Path, tmp_path: Path
) -> None:
    """Only a file the preview reads itself is streamed (it can read it again if need be)."""
    from dropship_desktop.tabular.reader import read_table

    rows = [taobao_row(str(BASE + i)) for i in range(30)]
    rows.append(taobao_row(str(BASE + 2), title="第二件 马克杯"))  # far from its first line
    table = read_table(write_csv(tmp_path / "o.csv", TAOBAO_HEADERS, rows), stream_rows=10)
    assert table.rest is not None
    preview = preview_import(table, file_name="o.csv", defer_rows=True)
    assert not preview.streamed and preview.row_count == 31
    changes = import_orders_file(preview, shop_name="店")
    assert changes.summary is not None
    assert (changes.summary.orders_created, changes.summary.lines_created) == (30, 31)
