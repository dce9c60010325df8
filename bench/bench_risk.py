"""Fraud checks: what scoring adds to an import, and the 风险订单 view's first page.

    uv run python bench/bench_risk.py --template /tmp/bench1m/dropship.db [--rows 100000]
        [--repeat 3] [--data repeats|unique] [--times after|within] [--floor]

Each run imports the same Taobao CSV (bench_import's generator) into a fresh copy of the
template, alternately with scoring off (``ImportTuning(score_risk=False)``: the in-run
baseline) and on. One JSON line per figure: medians, the ratio on/off (target ≤ 1.10), and the
risky orders the import produced. ``--data unique`` gives every order its own flat and member
name (most buyers are new, as in a real shop); ``repeats`` keeps bench_import's 1,500
addresses and 800 names (every address gets a new name every few hours: nearly every order
fires a window rule, the worst case). ``--times after`` (the default) dates the file's orders
after the template's newest, 30 s apart, as a seller importing the latest period has them;
``within`` keeps the generator's fixed dates, which fall among a fresh demo database's last
month (a shop added later, whose back orders land among the other shops': every time-ordered
table and index takes them in its middle). Then the quick view:
``first_page(OrderFilter(risk_min=1))`` plus the rows of its first screenful, on the scored
template (target ≤ 100 ms). Besides wall time, each import's process CPU time (both threads)
is reported: on a shared, overloaded machine it is the steadier measure of what scoring costs.

``--backfill`` measures instead what an upgraded database costs the first time the app opens it:
the template's buyer keys and norms are removed (as before migration 11 scored anything), then
every order is scored the way ``ui/risk_backfill`` does it — ``unscored_order_ids`` once, then
``score_unscored`` a part of ``PART`` orders per DB worker job. Reported: the whole backfill, the
listing step, and the median / max part (how long other worker jobs may wait behind one), with
an in-run baseline (one page of the order list's id query).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_import import make_rows, write_csv_file

from dropship_desktop.domain.timeutil import CHINA_TZ
from dropship_desktop.services import risk_engine
from dropship_desktop.services.order_import import ImportTuning, import_orders_file, shop_orders
from dropship_desktop.services.risk_keys import column_keys
from dropship_desktop.store.db import close_database, db, open_database, wait_for_checkpoint
from dropship_desktop.store.order_queries import OrderFilter, fetch_rows, first_page


def emit(name: str, **fields: object) -> None:
    print(json.dumps({"bench": name, **fields}, ensure_ascii=False), flush=True)


def _fresh_copy(template: Path, work: Path) -> Path:
    target = work / "bench.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(template, target)
    os.sync()
    return target


class _KeysOnly(risk_engine.RiskBatch):
    """The least any scoring that keeps buyer keys must do: hash each new order's phone,
    address, name and member (column-wise, as the import does) and store the ``risk_key`` row
    with the order. No rule, filter, window or history (``--floor``)."""

    def __init__(self, conn: Any, ctx: Any = None) -> None:
        super().__init__(conn, ctx)
        self._key_rows: list[tuple[int, ...]] = []

    def add_rows(self, rows: Sequence[tuple[Any, ...]], reads: Any = None) -> None:
        if not rows:
            return
        ids, ats, _shops, _products, _qtys, _sales, names, phones, addresses, members = (
            list(c) for c in zip(*(r[:10] for r in rows), strict=True)
        )
        keys = column_keys(names, phones, addresses, self.ctx.seeds, members)
        self._key_rows.extend((at, i, *k) for at, i, k in zip(ats, ids, keys, strict=True))

    def take_key_rows(self) -> list[tuple[int, ...]]:
        rows, self._key_rows = self._key_rows, []
        return rows

    def can_prepare(self) -> bool:
        return False

    def finish(self, *, update_norms: bool = True) -> set[int]:
        return set()


def _import(
    template: Path, work: Path, csv_path: Path, score: bool, floor: bool = False
) -> tuple[float, float, int, float]:
    """One import: (wall s, CPU s, risky orders, s of the background maintenance after it)."""
    target = _fresh_copy(template, work)
    open_database(target)
    shop_orders.RiskBatch = _KeysOnly if floor else risk_engine.RiskBatch  # type: ignore[misc]
    try:
        start = time.perf_counter()
        cpu = time.process_time()
        import_orders_file(csv_path, shop_name="基准测试店", tuning=ImportTuning(score_risk=score))
        seconds = time.perf_counter() - start
        cpu = time.process_time() - cpu
        # What the import left to the background (search merge, filter deltas, checkpoint):
        # not part of the import's time, reported beside it.
        wait_for_checkpoint()
        maintenance = time.perf_counter() - start - seconds
        risky = db.execute_sql(
            "SELECT count(*) FROM sales_order WHERE risk_level > 0 AND shop_id ="
            " (SELECT id FROM shop WHERE name = '基准测试店')"
        ).fetchone()[0]
    finally:
        close_database()
    return seconds, cpu, int(risky), maintenance


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--template", type=Path, required=True, help="a (1M-order) database")
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--data", choices=["unique", "repeats"], default="unique")
    parser.add_argument(
        "--times",
        choices=["after", "within"],
        default="after",
        help="the file's orders come after the template's newest order (a seller importing"
        " the latest period: the default), or within the template's last weeks (a shop"
        " added later, its back orders among the other shops')",
    )
    parser.add_argument("--skip-import", action="store_true", help="only the quick view")
    parser.add_argument(
        "--floor",
        action="store_true",
        help="also import with only the buyer keys made and stored (what any scoring costs)",
    )
    parser.add_argument("--backfill", action="store_true", help="only the upgrade backfill")
    args = parser.parse_args(argv)
    if args.backfill:
        return _backfill(args.template)

    with tempfile.TemporaryDirectory(dir=args.template.parent) as tmp:
        work = Path(tmp)
        template = work / "template.db"
        shutil.copyfile(args.template, template)
        open_database(template)  # brings it to the current schema
        orders, last = db.execute_sql(
            "SELECT count(*), max(created_at) FROM sales_order"
        ).fetchone()
        db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        close_database()
        if not args.skip_import:
            newest = None  # within: the generator's fixed times, among the demo's last weeks
            if args.times == "after":  # rows are 30 s apart, newest first
                newest = datetime.fromtimestamp(last + 30 * args.rows + 3600, CHINA_TZ)
                newest = newest.replace(tzinfo=None)
            rows = make_rows(args.rows, newest=newest)
            if args.data == "unique":
                for row in rows:  # a flat and a member name per buyer (the phone is unique)
                    row[8] = f"{row[8]}{row[9][-5:]}室"
                    row[1] = f"tb_{row[9][-8:]}"
            csv_path = work / "orders.csv"
            write_csv_file(csv_path, rows)
            off: list[float] = []
            on: list[float] = []
            off_cpu: list[float] = []
            on_cpu: list[float] = []
            floor: list[float] = []
            floor_cpu: list[float] = []
            risky = 0
            off_after: list[float] = []
            on_after: list[float] = []
            for _ in range(args.repeat):  # interleaved, so drifts of the machine hit both
                seconds, cpu, _risky, after = _import(template, work, csv_path, score=False)
                off.append(seconds)
                off_cpu.append(cpu)
                off_after.append(after)
                seconds, cpu, risky, after = _import(template, work, csv_path, score=True)
                on.append(seconds)
                on_cpu.append(cpu)
                on_after.append(after)
                if args.floor:
                    seconds, cpu, _risky, _after = _import(
                        template, work, csv_path, True, floor=True
                    )
                    floor.append(seconds)
                    floor_cpu.append(cpu)
            emit(
                "import_scoring_overhead",
                rows=args.rows,
                existing_orders=orders,
                data=args.data,
                times=args.times,
                off_median_s=round(statistics.median(off), 3),
                on_median_s=round(statistics.median(on), 3),
                ratio=round(statistics.median(on) / statistics.median(off), 3),
                target_ratio=1.10,
                off_runs=[round(t, 3) for t in off],
                on_runs=[round(t, 3) for t in on],
                # CPU seconds of the process (both threads): less sensitive to a busy machine.
                off_cpu_median_s=round(statistics.median(off_cpu), 3),
                on_cpu_median_s=round(statistics.median(on_cpu), 3),
                cpu_ratio=round(statistics.median(on_cpu) / statistics.median(off_cpu), 3),
                risky_orders_imported=risky,
                # The background maintenance after the import (search index merge, the
                # filter's delta folded in, WAL checkpoint), which the import does not wait for.
                off_background_median_s=round(statistics.median(off_after), 3),
                on_background_median_s=round(statistics.median(on_after), 3),
            )
            if floor:
                emit(
                    "import_buyer_keys_floor",
                    rows=args.rows,
                    existing_orders=orders,
                    off_median_s=round(statistics.median(off), 3),
                    keys_only_median_s=round(statistics.median(floor), 3),
                    ratio=round(statistics.median(floor) / statistics.median(off), 3),
                    keys_only_runs=[round(t, 3) for t in floor],
                    keys_only_cpu_median_s=round(statistics.median(floor_cpu), 3),
                    cpu_ratio=round(statistics.median(floor_cpu) / statistics.median(off_cpu), 3),
                    full_scoring_over_keys_only=round(
                        statistics.median(on) / statistics.median(floor), 3
                    ),
                )
        # The quick view on the template as scored (the demo scores every order).
        open_database(template)
        try:
            flt = OrderFilter(risk_min=1)
            baseline: list[float] = []
            times: list[float] = []
            for _ in range(20):
                start = time.perf_counter()
                db.execute_sql("SELECT id FROM sales_order ORDER BY id LIMIT 200").fetchall()
                baseline.append(time.perf_counter() - start)
                start = time.perf_counter()
                ids = first_page(flt)
                fetch_rows(ids[:100])
                times.append(time.perf_counter() - start)
            risky_total = db.execute_sql(
                "SELECT count(*) FROM sales_order WHERE risk_level > 0"
            ).fetchone()[0]
            plan = db.execute_sql(
                "EXPLAIN QUERY PLAN SELECT o.id FROM sales_order o WHERE o.risk_level > 0"
                " AND o.risk_level >= 1 ORDER BY o.created_at DESC LIMIT 200"
            ).fetchall()
            times.sort()
            emit(
                "risk_quick_view_first_page",
                orders=orders,
                risky_orders=int(risky_total),
                median_ms=round(statistics.median(times) * 1000, 2),
                p95_ms=round(times[int(len(times) * 0.95) - 1] * 1000, 2),
                target_ms=100,
                baseline_ms=round(statistics.median(baseline) * 1000, 3),
                ratio=round(statistics.median(times) / statistics.median(baseline), 1),
                plan=" | ".join(str(r[-1]) for r in plan),
            )
        finally:
            close_database()
    return 0


def _backfill(template_path: Path) -> int:
    from dropship_desktop.services import risk
    from dropship_desktop.ui.risk_backfill import PART

    with tempfile.TemporaryDirectory(dir=template_path.parent) as tmp:
        target = _fresh_copy(template_path, Path(tmp))
        open_database(target)
        try:
            with db.atomic():  # as before migration 11 scored anything
                for table in ("risk_key", "risk_norm", "risk_bits"):
                    db.execute_sql(f"DELETE FROM {table}")
                db.execute_sql("UPDATE sales_order SET risk_level = 0, risk_rules = ''")
            db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            baseline = []
            for _ in range(20):
                start = time.perf_counter()
                db.execute_sql("SELECT id FROM sales_order ORDER BY id LIMIT 200").fetchall()
                baseline.append(time.perf_counter() - start)
            started = time.perf_counter()
            ids = risk.unscored_order_ids()
            listing = time.perf_counter() - started
            parts: list[float] = []
            for first in range(0, len(ids), PART):
                start = time.perf_counter()
                risk.score_unscored(ids[first : first + PART])
                parts.append(time.perf_counter() - start)
                if len(parts) % 20 == 0:  # a long run says how it goes
                    emit(
                        "risk_backfill_progress",
                        scored=min(first + PART, len(ids)),
                        of=len(ids),
                        elapsed_s=round(time.perf_counter() - started, 1),
                        last_20_parts_median_ms=round(statistics.median(parts[-20:]) * 1000),
                        last_20_parts_max_ms=round(max(parts[-20:]) * 1000),
                        load=os.getloadavg()[0],
                    )
            total = time.perf_counter() - started
            risky = db.execute_sql("SELECT count(*) FROM sales_order WHERE risk_level > 0")
            emit(
                "risk_backfill_upgraded_database",
                orders=len(ids),
                part=PART,
                total_s=round(total, 2),
                orders_per_s=round(len(ids) / total),
                listing_ms=round(listing * 1000, 1),
                part_median_ms=round(statistics.median(parts) * 1000, 1),
                part_max_ms=round(max(parts) * 1000, 1),
                baseline_ms=round(statistics.median(baseline) * 1000, 3),
                part_ratio=round(statistics.median(parts) / statistics.median(baseline), 1),
                risky_orders=int(risky.fetchone()[0]),
                load=os.getloadavg()[0],
            )
        finally:
            close_database()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
