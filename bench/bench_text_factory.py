"""What reading damaged text as U+FFFD costs: ``store.db.lossy_text`` against sqlite3's own ``str``.

Every connection decodes TEXT through ``lossy_text`` so that one invalid byte cannot make a read
fail (issue 14). This measures the reads that decode the most text: all list columns of every
order (the order list's pages, an export's rows) and a whole-table read of the text columns.

    uv run python bench/bench_text_factory.py [--data-dir /tmp/bench-text] [--orders 200000]

Prints one JSON line per query: medians of 5 runs with ``str`` (the in-run baseline) and with
``lossy_text``, and the ratio.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

from dropship_desktop.store.db import lossy_text

QUERIES = {
    "list columns, all orders": "SELECT id, shop_order_no, status, buyer_name, product_summary, "
    "carrier, tracking_no, remark FROM sales_order",
    "buyer text, all orders": "SELECT buyer_name, buyer_phone, ship_address FROM sales_order",
    "one page of 200": "SELECT * FROM sales_order ORDER BY id DESC LIMIT 200",
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", default="/tmp/bench-text")
    parser.add_argument("--orders", type=int, default=200_000)
    args = parser.parse_args()
    data = Path(args.data_dir)
    path = data / "dropship.db"
    if not path.exists():
        command = [sys.executable, "-m", "dropship_desktop", "demo", "--orders", str(args.orders)]
        subprocess.run([*command, "--data-dir", str(data)], check=True)
    conn = sqlite3.connect(path)
    rows = conn.execute("SELECT count(*) FROM sales_order").fetchone()[0]
    for name, sql in QUERIES.items():
        times: dict[str, list[float]] = {"str": [], "lossy_text": []}
        for _ in range(5):
            for label, factory in (("str", str), ("lossy_text", lossy_text)):
                conn.text_factory = factory
                started = time.perf_counter()
                conn.execute(sql).fetchall()
                times[label].append((time.perf_counter() - started) * 1000)
        base = statistics.median(times["str"])
        lossy = statistics.median(times["lossy_text"])
        print(
            json.dumps(
                {
                    "figure": name,
                    "orders": rows,
                    "baseline_ms": round(base, 2),
                    "median_ms": round(lossy, 2),
                    "ratio": round(lossy / base, 2),
                }
            ),
            flush=True,
        )
    conn.close()


if __name__ == "__main__":
    main()
