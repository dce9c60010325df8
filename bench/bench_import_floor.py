"""What SQLite alone needs to add orders to a 1M-order database: the floor under any import.

    uv run python bench/bench_import_floor.py --template /tmp/bench1m/dropship.db
        [--rows 100000] [--repeat 3]

The import issue's floors (CSV ≥ 50,000 rows/s, XLSX ≥ 30,000 into 1M orders) leave 2 s for
100,000 rows. This bench measures the part no Python can make faster: one ``INSERT … SELECT``
of *rows* new orders (copies of the newest, with new ids and numbers, newer times) into
``sales_order``, then their lines into ``sales_order_line``, all in SQLite's C code, on a
fresh copy of the template, with the app's connection settings (WAL, synchronous NORMAL,
256 MiB cache) and the tables' triggers removed (the import's bulk writer suspends them too:
search index, daily summaries, to-do members and risk keys come on top of this). Then the
commit. The in-run baseline is the same insert into a copy whose order table has no secondary
index: what the list's sort, filter and quick-view indexes cost.

One JSON line per figure: medians over *repeat* fresh copies, rows/s, and the ratio to the
baseline.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

FLOOR_CSV_ROWS_S = 50_000


def emit(name: str, **fields: object) -> None:
    print(json.dumps({"bench": "import_floor", "name": name, **fields}), flush=True)


def _fresh(template: Path, work: Path) -> Path:
    target = work / "floor.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(template, target)
    if hasattr(os, "sync"):
        os.sync()
    return target


def _run(path: Path, rows: int, *, drop_indexes: bool) -> tuple[float, float, int]:
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA cache_size=-262144")
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger'"
            " AND tbl_name IN ('sales_order', 'sales_order_line')"
        ).fetchall():
            conn.execute(f'DROP TRIGGER "{name}"')
        indexes = 0
        if drop_indexes:
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'sales_order'"
                " AND sql IS NOT NULL"
            ).fetchall():
                conn.execute(f'DROP INDEX "{name}"')
        indexes = conn.execute(
            "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'sales_order'"
        ).fetchone()[0]
        shift = conn.execute("SELECT max(id) FROM sales_order").fetchone()[0] + 1
        days = 30 * 86400
        conn.execute(
            "CREATE TEMP TABLE src AS SELECT * FROM sales_order ORDER BY id DESC LIMIT ?", (rows,)
        )
        conn.execute(
            "UPDATE temp.src SET id = id + ?, shop_order_no = shop_order_no || '9',"
            " created_at = created_at + ?, paid_at = paid_at + ?, ship_by = ship_by + ?",
            (shift, days, days, days),
        )
        conn.execute(
            "CREATE TEMP TABLE srcl AS SELECT * FROM sales_order_line"
            " WHERE sales_order_id IN (SELECT id - ? FROM temp.src)",
            (shift,),
        )
        line_shift = conn.execute("SELECT max(id) FROM sales_order_line").fetchone()[0] + 1
        conn.execute(
            "UPDATE temp.srcl SET id = id + ?, sales_order_id = sales_order_id + ?",
            (line_shift, shift),
        )
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        start = time.perf_counter()
        conn.execute("BEGIN")
        conn.execute("INSERT INTO main.sales_order SELECT * FROM temp.src ORDER BY created_at")
        conn.execute("INSERT INTO main.sales_order_line SELECT * FROM temp.srcl")
        inserted = time.perf_counter() - start
        conn.execute("COMMIT")
        total = time.perf_counter() - start
    finally:
        conn.close()
    return inserted, total, int(indexes)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--template", type=Path, required=True, help="a (1M-order) database")
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(dir=args.template.parent) as tmp:
        work = Path(tmp)
        counting = sqlite3.connect(args.template)
        try:
            existing = counting.execute("SELECT count(*) FROM sales_order").fetchone()[0]
        finally:
            counting.close()
        runs: dict[bool, list[tuple[float, float, int]]] = {True: [], False: []}
        for _ in range(args.repeat):  # alternated: a drift of the machine hits both
            for bare in (False, True):
                runs[bare].append(_run(_fresh(args.template, work), args.rows, drop_indexes=bare))
    for bare, label in ((False, "insert_into_indexed_orders"), (True, "baseline_no_indexes")):
        inserted = statistics.median(r[0] for r in runs[bare])
        total = statistics.median(r[1] for r in runs[bare])
        emit(
            label,
            rows=args.rows,
            existing_orders=existing,
            order_indexes=runs[bare][0][2],
            insert_median_s=round(inserted, 3),
            with_commit_median_s=round(total, 3),
            insert_rows_per_s=round(args.rows / inserted),
            with_commit_rows_per_s=round(args.rows / total),
            runs_s=[round(r[0], 3) for r in runs[bare]],
            floor_rows_per_s=FLOOR_CSV_ROWS_S,
        )
    indexed = statistics.median(r[0] for r in runs[False])
    bare_s = statistics.median(r[0] for r in runs[True])
    emit("indexes_cost_ratio", ratio=round(indexed / bare_s, 2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
