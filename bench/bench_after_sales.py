"""Benchmark the after-sales queue at 1,000,000 orders with 50,000 cases.

Run: ``uv run python bench/bench_after_sales.py [--data-dir /tmp/i17-bench1m] [--repeat 30]``.

The first run generates the demo database (1M orders; the demo puts one case on every 20th order,
so 50,000 cases of every kind and state) into ``--data-dir``; later runs reuse it. Prints one JSON
line per figure: ``median_ms``, ``p95_ms``, ``target_ms`` (issue #17: the queue's first page within
100 ms), the in-run ``baseline_ms`` (``SELECT id FROM after_sales_case ORDER BY id LIMIT 100``)
and ``ratio`` = median / baseline.

Figures: the first page of the default queue (open cases by deadline) and of each filter, the
count and money totals shown with it, everything the view loads in one job before it shows the
page (``view_job``: page and count; the money totals and filter choices follow in a second job),
a case's detail, and the view offscreen from ``refresh()`` to the rows shown.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dropship_desktop.context import AppContext
from dropship_desktop.store.after_sales_queries import (
    CaseFilter,
    case_detail,
    filter_choices,
    money_totals,
    queue_count,
    queue_page,
)
from dropship_desktop.store.db import close_database, db, open_database

TARGET_MS = 100.0


def _measure(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    fn()  # warm the page cache once, as a seller's second look would find it
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(len(times) * 0.95))]


def _emit(name: str, median: float, p95: float, baseline: float, target: float | None) -> None:
    print(
        json.dumps(
            {
                "bench": "after_sales",
                "figure": name,
                "median_ms": round(median, 3),
                "p95_ms": round(p95, 3),
                "target_ms": target,
                "baseline_ms": round(baseline, 4),
                "ratio": round(median / baseline, 1) if baseline else None,
            },
            ensure_ascii=False,
        ),
        flush=True,
    )


def ensure_database(folder: Path, orders: int) -> Path:
    path = folder / "dropship.db"
    if path.exists():
        return path
    folder.mkdir(parents=True, exist_ok=True)
    from datetime import UTC, datetime

    from dropship_desktop.services.demo import generate_demo

    open_database(path)
    started = time.perf_counter()
    summary = generate_demo(orders, seed=1, now=datetime(2026, 12, 1, tzinfo=UTC))
    db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    close_database()
    print(
        json.dumps(
            {
                "bench": "after_sales",
                "figure": "generate_demo",
                "orders": summary.orders,
                "seconds": round(time.perf_counter() - started, 1),
            }
        ),
        flush=True,
    )
    return path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", default="/tmp/i17-bench1m")
    parser.add_argument("--orders", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--no-ui", action="store_true")
    args = parser.parse_args()
    path = ensure_database(Path(args.data_dir), args.orders)
    open_database(path)
    counts = db.execute_sql(
        "SELECT (SELECT count(*) FROM sales_order), (SELECT count(*) FROM after_sales_case),"
        " (SELECT count(*) FROM after_sales_case WHERE closed_at IS NULL)"
    ).fetchone()
    print(json.dumps({"bench": "after_sales", "orders": counts[0], "cases": counts[1],
                      "open_cases": counts[2]}), flush=True)  # fmt: skip
    # The demo's cases are relative to 2026-12-01; measure "now" there so some are overdue.
    now = int(db.execute_sql("SELECT max(opened_at) FROM after_sales_case").fetchone()[0]) + 3600
    baseline, _ = _measure(
        lambda: db.execute_sql("SELECT id FROM after_sales_case ORDER BY id LIMIT 100").fetchall(),
        args.repeat,
    )
    shop = db.execute_sql("SELECT shop_id FROM after_sales_case LIMIT 1").fetchone()[0]
    supplier = db.execute_sql(
        "SELECT supplier_id FROM after_sales_case WHERE supplier_id IS NOT NULL"
        " GROUP BY supplier_id ORDER BY count(*) LIMIT 1"
    ).fetchone()[0]
    order_no = db.execute_sql(
        "SELECT o.shop_order_no FROM after_sales_case c JOIN sales_order o"
        " ON o.id = c.sales_order_id LIMIT 1 OFFSET 777"
    ).fetchone()[0]
    filters = {
        "first_page_open": CaseFilter(),
        "first_page_all": CaseFilter(status="all"),
        "first_page_finished": CaseFilter(status="closed"),
        "first_page_kind_repair": CaseFilter(kind="repair"),
        "first_page_buyer_goods_returned": CaseFilter(status="goods_returned"),
        "first_page_shop": CaseFilter(shop_id=shop),
        "first_page_rarest_supplier": CaseFilter(status="all", supplier_id=supplier),
        "first_page_overdue": CaseFilter(overdue=True),
        "first_page_order_no_prefix": CaseFilter(status="all", order_no=order_no[:-3]),
        "first_page_combined": CaseFilter(kind="exchange", shop_id=shop, overdue=True),
    }
    for name, flt in filters.items():
        median, p95 = _measure(lambda f=flt: queue_page(f, now, 0, 100), args.repeat)
        _emit(name, median, p95, baseline, TARGET_MS)
    median, p95 = _measure(lambda: queue_page(CaseFilter(), now, 4000, 100), args.repeat)
    _emit("page_at_offset_4000", median, p95, baseline, None)
    median, p95 = _measure(lambda: queue_count(CaseFilter(), now), args.repeat)
    _emit("count_open", median, p95, baseline, None)
    median, p95 = _measure(lambda: money_totals(CaseFilter(status="all"), now), args.repeat)
    _emit("money_totals_all", median, p95, baseline, None)

    def view_job() -> object:
        flt = CaseFilter()
        return queue_page(flt, now, 0, 100), queue_count(flt, now)

    median, p95 = _measure(view_job, args.repeat)
    _emit("view_job_first_page_with_count", median, p95, baseline, TARGET_MS)
    median, p95 = _measure(lambda: (money_totals(CaseFilter(), now), filter_choices()), args.repeat)
    _emit("view_summary_job_totals_choices_after_the_page", median, p95, baseline, None)
    case_id = queue_page(CaseFilter(), now, 0, 1)[0][0]
    median, p95 = _measure(lambda: case_detail(case_id), args.repeat)
    _emit("case_detail", median, p95, baseline, None)
    close_database()
    if not args.no_ui:
        _bench_view(path, args.repeat, baseline)


def _bench_view(path: Path, repeat: int, baseline: float) -> None:
    from PySide6.QtWidgets import QApplication

    from dropship_desktop.ui.after_sales.view import AfterSalesView
    from dropship_desktop.ui.tasks import DbWorker

    app = QApplication.instance() or QApplication([])
    open_database(path)
    worker = DbWorker(AppContext(data_dir=Path(path).parent))
    view = AfterSalesView(worker)
    view.resize(1366, 700)
    view.show()
    times = []
    for i in range(repeat + 1):
        while worker.is_busy():  # each refresh from an idle view, as when the seller opens it
            app.processEvents()
            time.sleep(0.001)
        shown: list[float] = []
        view.model.modelReset.connect(lambda s=shown: s.append(time.perf_counter()))
        start = time.perf_counter()
        view.refresh()
        while not shown:
            app.processEvents()
            time.sleep(0.0005)
        app.processEvents()
        view.model.modelReset.disconnect()
        if i:
            times.append((shown[0] - start) * 1000)
    times.sort()
    _emit(
        "view_refresh_to_rows_shown",
        statistics.median(times),
        times[min(len(times) - 1, int(len(times) * 0.95))],
        baseline,
        TARGET_MS,
    )
    view.close()
    worker.shutdown()
    close_database()


if __name__ == "__main__":
    main()
