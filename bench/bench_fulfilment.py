"""Benchmark the fulfilment queues (待下单, 待发货, 商品关联) on a 1,000,000-order demo database.

Run: ``uv run python bench/bench_fulfilment.py [--data-dir /tmp/bench1m] [--orders 1000000]``.
The database is generated once (about 100 s alone) if the folder holds none, then reused; the
bench only reads it.

Prints one JSON line per figure: median and p95 in ms, the issue's target (the queues' first
page ≤ 100 ms; counts run in the background, no target), and the ratio to an in-run baseline
(``baseline_ms``: ``SELECT id FROM sales_order ORDER BY id LIMIT 200``).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from dropship_desktop.context import AppContext

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def timed(fn: Callable[[], object], runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def p95(values: list[float]) -> float:
    return sorted(values)[max(0, int(len(values) * 0.95) - 1)]


def emit(
    name: str, values: list[float], target: float | None, baseline: float, **extra: object
) -> None:
    median = statistics.median(values)
    print(
        json.dumps(
            {
                "bench": "fulfilment",
                "name": name,
                "median_ms": round(median, 2),
                "p95_ms": round(p95(values), 2),
                "max_ms": round(max(values), 2),
                "runs": len(values),
                "target_ms": target,
                "baseline_ms": round(baseline, 3),
                "ratio": round(median / baseline, 1) if baseline else None,
                **extra,
            },
            ensure_ascii=False,
        ),
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data-dir", default="/tmp/bench1m")
    parser.add_argument("--orders", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    data_dir = Path(args.data_dir)
    db_path = data_dir / "dropship.db"
    if not db_path.exists():
        subprocess.run(
            [sys.executable, "-m", "dropship_desktop", "demo", "--orders", str(args.orders),
             "--data-dir", str(data_dir)],
            check=True,
        )  # fmt: skip

    from dropship_desktop.services import mapping as mp
    from dropship_desktop.services import purchasing as pu
    from dropship_desktop.services import shipping as sh
    from dropship_desktop.store.db import db, open_database

    open_database(db_path)
    orders = db.execute_sql("SELECT count(*) FROM sales_order").fetchone()[0]
    runs = args.runs

    def baseline_query() -> object:
        return db.execute_sql("SELECT id FROM sales_order ORDER BY id LIMIT 200").fetchall()

    baseline_query()
    baseline = statistics.median(timed(baseline_query, 50))

    def queue_page() -> object:
        ids = pu.queue_ids(pu_page + 1)
        return pu.queue_rows(ids[:pu_page])

    pu_page = 200
    queue_page()  # warm the page cache once, as an open app would have it
    values = timed(queue_page, runs)
    emit("purchase queue, first page (200 rows with costs and warnings)", values, 100, baseline,
         orders=orders, rows=len(pu.queue_ids(pu_page)))  # fmt: skip
    values = timed(lambda: pu.queue_rows(pu.queue_ids(61)[:60]), runs)
    emit("purchase queue, the view's first page (60 rows)", values, 100, baseline)
    values = timed(pu.queue_count, max(3, runs // 3))
    emit("purchase queue, count (background)", values, None, baseline, count=pu.queue_count())

    def ship_page() -> object:
        return sh.shipping_rows(sh.shipping_ids(500))

    ship_page()
    values = timed(ship_page, runs)
    emit("shipping queue, first page (500 rows)", values, 100, baseline,
         rows=len(sh.shipping_ids(500)))  # fmt: skip
    values = timed(lambda: sh.shipping_rows(sh.shipping_ids(100)), runs)
    emit("shipping queue, the view's first page (100 rows)", values, 100, baseline)
    values = timed(sh.shipping_count, max(3, runs // 3))
    emit("shipping queue, count (background)", values, None, baseline, count=sh.shipping_count())
    values = timed(lambda: sh.shipping_rows(sh.shipping_ids(500, shop_id=3)), runs)
    emit("shipping queue, one shop, first page", values, 100, baseline)
    values = timed(mp.listing_rows, max(3, runs // 3))
    emit("mapping view, listings (background)", values, None, baseline,
         listings=len(mp.listing_rows()))  # fmt: skip

    # The views as the seller opens them: activate → first rows shown, UI thread free meanwhile.
    from PySide6.QtWidgets import QApplication

    from dropship_desktop.ui.fulfilment.purchase_view import PurchaseQueueView
    from dropship_desktop.ui.fulfilment.shipping_view import ShippingView
    from dropship_desktop.ui.tasks import DbWorker

    app = QApplication.instance() or QApplication([])
    worker = DbWorker(AppContext(data_dir=Path(db_path).parent))
    for cls in (PurchaseQueueView, ShippingView):
        shown: list[float] = []
        painted: list[float] = []
        # The first view pays for fonts and the worker's connection: a warm-up, not measured.
        for index in range(max(3, runs // 3) + 1):
            view = cls(worker)
            view.resize(1366, 700)
            view.show()
            app.processEvents()
            start = time.perf_counter()
            view.activate()
            # Wait as the event loop does (a busy loop would hold the GIL the worker needs).
            while view.model.rowCount() == 0 and time.perf_counter() - start < 10:  # type: ignore[attr-defined]
                app.processEvents()
                time.sleep(0.001)
            rows_in = time.perf_counter()
            view.repaint()  # the whole view, software-rendered (offscreen): text dominates
            if index:
                shown.append((rows_in - start) * 1000)
                painted.append((time.perf_counter() - start) * 1000)
            while worker.is_busy():
                app.processEvents()
                time.sleep(0.001)
            view.close()
            view.deleteLater()
            app.processEvents()
        emit(f"{cls.__name__}: first page in the table after opening", shown, 100, baseline)
        emit(f"{cls.__name__}: ... and the whole view painted", painted, None, baseline)
    worker.shutdown()


if __name__ == "__main__":
    main()
