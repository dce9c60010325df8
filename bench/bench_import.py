"""Benchmark the order import end to end: file → preview → one transaction with the search index.

Run: ``uv run python bench/bench_import.py [--rows N] [--repeat R] [--existing M | --template DB]``.

Each figure is the median of ``--repeat`` runs, each into a fresh copy of a database that already
holds ``--existing`` demo orders (so indexes and the FTS table are not empty). Prints one JSON line
per figure, with the in-run baseline (a bare ``csv.reader`` pass over the same file) and the ratio
to it. The UI-stall figure runs the import on the app's DbWorker thread while a 5 ms QTimer on the
UI thread records the longest gap between its ticks.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from dropship_desktop.context import AppContext
from dropship_desktop.services.demo import generate_demo
from dropship_desktop.services.order_import import (
    commit_import,
    import_orders_file,
    preview_import,
    release_preview,
)
from dropship_desktop.store.db import close_database, db, deferred_checkpoint, open_database

HEADERS = [
    "订单编号", "买家会员名", "买家应付货款", "买家应付邮费", "买家实际支付金额", "订单状态",
    "买家留言", "收货人姓名", "收货地址", "联系手机", "订单创建时间", "订单付款时间", "宝贝标题",
    "物流单号", "物流公司", "宝贝总数量", "商家编码",
]  # fmt: skip
STATUSES = ["买家已付款，等待卖家发货", "卖家已发货，等待买家确认", "交易成功", "交易关闭"]
NAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
CITIES = [
    "浙江省 杭州市 西湖区",
    "广东省 深圳市 南山区",
    "江苏省 南京市 鼓楼区",
    "四川省 成都市 武侯区",
]


def make_rows(
    count: int, times: str = "newest_first", newest: datetime | None = None
) -> list[list[str]]:
    """A Taobao 已卖出的宝贝 export: ~10% of orders have two lines (two rows).

    Args:
        times: ``"newest_first"``: creation times descend through the file, 30 s apart, all
            after the demo orders already in the database, order numbers growing with time —
            as the platforms export (newest first) and as sellers import (the latest period).
            ``"scattered"``: times cycle over 28 days row by row and order numbers are spread at
            random (the worst case for the time- and number-keyed indexes).
    """
    rnd = random.Random(42)
    rows: list[list[str]] = []
    newest = newest or datetime(2026, 12, 6, 12, 0, 0)
    i = 0
    while len(rows) < count:
        if times == "newest_first":
            moment = newest - timedelta(seconds=30 * i)
            # Platform order numbers grow with time; Taobao's end in the buyer id's last digits.
            order_no = str(1930679858170000000 + (10_000_000 - i) * 10_000 + i % 5000)
        else:
            moment = datetime(2024, 3, 1 + i % 28, i % 24, i % 60, 1)
            order_no = str(1930679858170647123 + (i * 7919) % 1_000_003 * 7)  # spread at random
        created = moment.strftime("%Y-%m-%d %H:%M:%S")
        paid = (moment + timedelta(seconds=29)).strftime("%Y-%m-%d %H:%M:%S")
        lines = 2 if rnd.random() < 0.1 else 1
        for _ in range(min(lines, count - len(rows))):
            price = rnd.randint(100, 99999)
            yuan = f"{price // 100}.{price % 100:02d}"
            rows.append([
                f'="{order_no}"', f"tb_buyer{i}", yuan, "0.00", yuan, STATUSES[i % 4],
                "请尽快发货" if i % 10 == 0 else "",
                NAMES[i % 20] + NAMES[(i // 20) % 20] + ("明" if i % 3 else ""),
                f"{CITIES[i % 4]} 文三路{i % 500}号 {i % 30}幢", f"'138{i % 100000000:08d}",
                created, paid, f"夏季新款 纯棉短袖T恤 男女同款 款式{i % 300}",
                f"No:YT{7500000000 + i}" if i % 4 else "", "圆通速递" if i % 4 else "", "1",
                f"SKU-{i % 1000:04d}",
            ])  # fmt: skip
        i += 1
    return rows


def write_csv_file(path: Path, rows: list[list[str]]) -> None:
    with open(path, "w", encoding="gb18030", newline="") as handle:  # Excel on zh-CN Windows
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(HEADERS)
        writer.writerows(rows)


def write_xlsx_file(path: Path, rows: list[list[str]]) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("订单")
    sheet.append(HEADERS)
    numeric = {HEADERS.index(h) for h in ("买家应付货款", "买家实际支付金额", "宝贝总数量")}
    for row in rows:
        out: list[object] = []
        for index, value in enumerate(row):
            if value.startswith('="'):
                value = value[2:-1]  # workbook exports hold ids as text cells
            if index in numeric:
                out.append(float(value))
            else:
                cell = WriteOnlyCell(sheet)
                cell.data_type = "s"
                cell._value = value
                out.append(cell)
        sheet.append(out)
    workbook.save(path)


def emit(name: str, **fields: object) -> None:
    print(json.dumps({"bench": name, **fields}, ensure_ascii=False), flush=True)


def import_once(path: Path) -> tuple[int, float]:
    """The CLI's one-go import into a new shop; returns (rows, seconds).

    What ``dropship-desktop import orders FILE --shop NAME`` does after start-up: read the file,
    check its layout, then map the rows block by block while the previous block is written.
    """
    start = time.perf_counter()
    changes = import_orders_file(path, shop_name="基准测试店")
    assert changes.summary is not None
    return changes.summary.rows, time.perf_counter() - start


_CHILD = """
import sys, time
from dropship_desktop.store.db import close_database, open_database
from dropship_desktop.services.order_import import import_orders_file
open_database(sys.argv[1])
start = time.perf_counter()
changes = import_orders_file(sys.argv[2], shop_name="基准测试店")
seconds = time.perf_counter() - start
close_database()
print(changes.summary.rows, seconds)
"""


def import_in_new_process(database: Path, path: Path) -> tuple[int, float]:
    """As :func:`import_once`, in a new interpreter (as each CLI command runs), so nothing is
    warm from earlier runs; start-up and module imports are not counted."""
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(database), str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    rows, seconds = out.stdout.split()[-2:]
    return int(rows), float(seconds)


def import_with_preview(path: Path) -> tuple[int, float]:
    """The import dialog's path: the whole preview first, then the commit (no wait between)."""
    start = time.perf_counter()
    preview = preview_import(path)
    assert preview.can_import, preview.error_text()
    commit_import(preview, new_shop=("taobao", "基准测试店"))
    return preview.row_count, time.perf_counter() - start


def median_runs(
    template: Path,
    work: Path,
    repeat: int,
    run: Callable[[], tuple[int, float]],
    *,
    open_db: bool = True,
) -> tuple[int, float, list[float]]:
    """*run* *repeat* times, each on a fresh copy of *template* (``work/bench.db``, opened
    unless *open_db* is false); returns (rows, median seconds, every run's seconds)."""
    times: list[float] = []
    rows = 0
    for _ in range(repeat):
        target = work / "bench.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        shutil.copyfile(template, target)
        # Written out before timing: otherwise the run pays for flushing the bench's own copy
        # (1.1 GB for the 1M-order database) beside its commit.
        os.sync()
        if not open_db:
            rows, seconds = run()  # the run opens the database itself
        else:
            open_database(target)
            try:
                rows, seconds = run()
            finally:
                close_database()
        times.append(seconds)
    return rows, statistics.median(times), times


def db_floor(count: int) -> tuple[int, float]:
    """The database part alone: write prebuilt order and line tuples, index them, commit.

    The same writer and statements as the import (:class:`BulkOrderWriter`, in chunks of the
    import's size), without reading, mapping or building rows: what SQLite itself costs with this
    schema's indexes, whatever the Python does.
    """
    from dropship_desktop.context import shorten_switch_interval
    from dropship_desktop.services.order_import import CHUNK
    from dropship_desktop.store.bulk_orders import BulkOrderWriter

    conn = db.connection()
    conn.execute("INSERT INTO shop (platform, name, created_at) VALUES ('taobao', '基准', 0)")
    shop_id = conn.execute("SELECT max(id) FROM shop").fetchone()[0]
    first = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM sales_order").fetchone()[0]
    orders = [
        (first + i, shop_id, str(1930679858170647123 + i * 7), "paid", "张三明",
         f"138{i:08d}", f"浙江省 杭州市 西湖区 文三路{i % 500}号 {i % 30}幢", 5900, 1,
         f"夏季新款 纯棉短袖T恤 男女同款 款式{i % 300}", 5900, "圆通速递", f"YT{7500000000 + i}",
         1709619721 + i, 1709619721 + i, 1709792521 + i, 8, "", 0, 0, "", "", "")
        for i in range(count)
    ]  # fmt: skip
    lines = [
        (first + i, f"夏季新款 纯棉短袖T恤 款式{i % 300}", "SKU", 1, 5900, "", "", "颜色分类:白色")
        for i in range(count)
    ]

    start = time.perf_counter()
    # As the import commits: no WAL checkpoint in the commit (it runs in the background after).
    with deferred_checkpoint(), db.atomic():
        writer = BulkOrderWriter(conn, index_in_bulk=True)
        restore_switching = shorten_switch_interval()  # as the import job does
        try:
            for at in range(0, count, CHUNK):
                writer.add(orders[at : at + CHUNK], lines[at : at + CHUNK])
            writer.finish()
        finally:
            writer.close()
            restore_switching()
    return count, time.perf_counter() - start


def ui_stall(template: Path, work: Path, path: Path) -> dict[str, float]:
    """Longest gap between 5 ms UI timer ticks while the import runs on the DbWorker."""
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from dropship_desktop.ui.tasks import DbWorker

    app = QApplication.instance() or QApplication([])
    target = work / "stall.db"
    shutil.copyfile(template, target)
    os.sync()
    open_database(target)
    worker = DbWorker(AppContext(data_dir=Path(target).parent))
    gaps: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.nsecsElapsed()]

    def tick() -> None:
        now = clock.nsecsElapsed()
        gaps.append((now - last[0]) / 1e6)
        last[0] = now

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    done: list[bool] = []

    def job(_ctx: AppContext) -> int:
        # As the import dialog does: preview, commit, then free the preview on the worker.
        preview = preview_import(path)
        commit_import(preview, new_shop=("taobao", "基准测试店"))
        release_preview(preview)
        return preview.row_count

    timer.start()
    started = time.perf_counter()
    worker.submit(job, on_result=lambda _r: done.append(True), on_error=lambda e: done.append(e))
    while not done:
        app.processEvents()
        time.sleep(0.001)
    seconds = time.perf_counter() - started
    timer.stop()
    worker.shutdown()
    del worker, timer
    close_database()
    assert done == [True], done
    gaps.sort()
    return {
        "max_gap_ms": round(gaps[-1], 1),
        "p99_gap_ms": round(gaps[int(len(gaps) * 0.99)], 1),
        "ticks": len(gaps),
        "seconds": round(seconds, 3),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--existing", type=int, default=20_000, help="demo orders already there")
    parser.add_argument(
        "--template",
        type=Path,
        help="an existing database (e.g. bench_order_list's 1M-order one) to copy for each run"
        " instead of generating --existing demo orders",
    )
    parser.add_argument(
        "--only",
        default="",
        help="comma-separated figure names to run (default: all), e.g. csv_import,xlsx_import",
    )
    args = parser.parse_args(argv)
    only = {name.strip() for name in args.only.split(",") if name.strip()}

    def wanted(name: str) -> bool:
        return not only or name in only

    with tempfile.TemporaryDirectory(dir=args.template.parent if args.template else None) as tmp:
        work = Path(tmp)
        template = work / "template.db"
        if args.template:
            open_database(args.template)  # brings it to the current schema
            db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            args.existing = int(db.execute_sql("SELECT count(*) FROM sales_order").fetchone()[0])
            close_database()
            shutil.copyfile(args.template, template)
        else:
            open_database(template)
            generate_demo(args.existing, seed=3, now=datetime(2026, 11, 1, tzinfo=UTC))
            db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            close_database()

        rows = make_rows(args.rows)
        csv_path = work / "orders.csv"
        xlsx_path = work / "orders.xlsx"
        scattered_path = work / "orders_scattered.csv"
        write_csv_file(csv_path, rows)
        write_xlsx_file(xlsx_path, rows)
        write_csv_file(scattered_path, make_rows(args.rows, times="scattered"))
        del rows

        baseline_times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            with open(csv_path, encoding="gb18030", newline="") as handle:
                count = sum(1 for _ in csv.reader(handle)) - 1
            baseline_times.append(time.perf_counter() - start)
        baseline = statistics.median(baseline_times)
        emit("csv_reader_baseline", rows=count, seconds=round(baseline, 3),
             rows_per_s=round(count / baseline))  # fmt: skip

        figures = (
            ("csv_import", csv_path, import_once),
            ("xlsx_import", xlsx_path, import_once),
            ("csv_import_with_preview", csv_path, import_with_preview),
            ("csv_import_scattered_times", scattered_path, import_once),
        )
        for name, path, how in figures:
            if not wanted(name):
                continue
            count, seconds, runs = median_runs(
                template, work, args.repeat, lambda p=path, h=how: h(p)
            )
            emit(
                name,
                rows=count,
                seconds=round(seconds, 3),
                rows_per_s=round(count / seconds),
                runs=[round(t, 3) for t in runs],
                ratio_to_baseline=round(seconds / baseline, 2),
                existing_orders=args.existing,
            )

        if wanted("csv_import_new_process"):

            def in_new_process() -> tuple[int, float]:
                return import_in_new_process(work / "bench.db", csv_path)

            count, seconds, runs = median_runs(
                template, work, args.repeat, in_new_process, open_db=False
            )
            emit("csv_import_new_process", rows=count, seconds=round(seconds, 3),
                 rows_per_s=round(count / seconds), runs=[round(t, 3) for t in runs],
                 ratio_to_baseline=round(seconds / baseline, 2), existing_orders=args.existing)  # fmt: skip
        if wanted("db_floor_insert_index_commit"):
            count, seconds, runs = median_runs(
                template, work, args.repeat, lambda: db_floor(int(args.rows * 0.91))
            )
            emit("db_floor_insert_index_commit", orders=count, seconds=round(seconds, 3),
                 orders_per_s=round(count / seconds), ratio_to_baseline=round(seconds / baseline, 2))  # fmt: skip

        def reimport() -> tuple[int, float]:
            import_once(csv_path)
            return import_once(csv_path)  # every order already there: the update path

        if wanted("csv_reimport_unchanged"):
            count, seconds, runs = median_runs(template, work, args.repeat, reimport)
            emit("csv_reimport_unchanged", rows=count, seconds=round(seconds, 3),
                 rows_per_s=round(count / seconds), ratio_to_baseline=round(seconds / baseline, 2))  # fmt: skip
        if wanted("ui_stall_csv_import"):
            emit("ui_stall_csv_import", rows=args.rows, **ui_stall(template, work, csv_path))
    return 0


if __name__ == "__main__":
    sys.exit(main())
