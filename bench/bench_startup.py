"""Start-up time of the frozen one-folder build against running from source.

    uv run python bench/bench_startup.py [--runs 7]

Runs ``--self-test`` (start, open the database, build and show every view, check, exit) from a
fresh data folder each time, alternating source and frozen runs so machine noise hits both alike.
Prints JSON lines: one per variant with the median, then the ratio frozen / source (target ≤ 1.2).
Needs ``dist/dropship-desktop`` (``uv run pyinstaller build.spec``).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FROZEN = ROOT / "dist" / "dropship-desktop" / "dropship-desktop-console"


def run_once(command: list[str]) -> float:
    with tempfile.TemporaryDirectory() as data:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        started = time.perf_counter()
        subprocess.run(
            [*command, "--self-test", "--data-dir", data],
            check=True,
            capture_output=True,
            env=env,
        )
        return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    if not FROZEN.exists():
        print(f"missing {FROZEN}: build it with 'uv run pyinstaller build.spec'", file=sys.stderr)
        return 1
    variants = {
        "source": [sys.executable, "-m", "dropship_desktop"],
        "frozen": [str(FROZEN)],
    }
    times: dict[str, list[float]] = {name: [] for name in variants}
    for command in variants.values():  # warm the page cache once
        run_once(command)
    for _ in range(args.runs):
        for name, command in variants.items():
            times[name].append(run_once(command))
    medians = {name: statistics.median(values) for name, values in times.items()}
    for name, values in times.items():
        print(
            json.dumps(
                {
                    "bench": "startup_self_test",
                    "variant": name,
                    "runs": len(values),
                    "median_s": round(medians[name], 3),
                    "min_s": round(min(values), 3),
                }
            )
        )
    ratio = medians["frozen"] / medians["source"]
    print(
        json.dumps(
            {
                "bench": "startup_self_test",
                "baseline": "source",
                "ratio_frozen_to_source": round(ratio, 3),
                "target": 1.2,
                "ok": ratio <= 1.2,
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
