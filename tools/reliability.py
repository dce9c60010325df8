"""Reliability trials of issue 14: kill -9 trials, a damaged-database corpus, import fuzzing.

Each prints one JSON line per figure (the README's reliability section quotes them)::

    uv run python tools/reliability.py kills [--trials 20]     # kill -9 during import/demo/backup
    uv run python tools/reliability.py corpus [--per-kind 12]  # damaged / foreign databases
    uv run python tools/reliability.py fuzz [--cases 2000]     # hostile import files

Everything runs in a temporary folder and the real CLI (``python -m dropship_desktop``).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.hardening.dbtools import (  # noqa: E402
    DAMAGE,
    copy_db,
    digest,
    foreign_db,
    full_check_ok,
    invalid_utf8,
    run_cli,
    stale_index,
)
from tests.services.test_order_import_files import TAOBAO_HEADERS, taobao_row  # noqa: E402


def _emit(**fields: object) -> None:
    print(json.dumps(fields, ensure_ascii=False), flush=True)


def _count(path: Path) -> int:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return int(conn.execute("SELECT count(*) FROM sales_order").fetchone()[0])
    finally:
        conn.close()


def _orders_csv(path: Path, rows: int, start: int) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(TAOBAO_HEADERS)
        for i in range(rows):
            writer.writerow(taobao_row(f"6{start + i:018d}", name=f"买家{i}"))
    return path


def _spawn(*args: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen(
        [sys.executable, "-m", "dropship_desktop", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
        env=env,
    )


# --- kill -9 -----------------------------------------------------------------------------------


def kills(trials: int, seed: int) -> None:
    """SIGKILL an import, a demo and a backup at a random moment; check what is left."""
    rnd = random.Random(seed)
    results: Counter[str] = Counter()
    demo_counts: list[int] = []
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        template = base / "template"
        assert run_cli("demo", "--orders", "30000", "--data-dir", str(template)).returncode == 0
        big = _orders_csv(base / "big.csv", 20_000, 0)
        commands = {
            "import": ["import", "orders", str(big), "--shop", "杀进程店"],
            "demo": ["demo", "--orders", "60000"],
            "backup": ["backup"],
        }
        # Calibrate: how long each takes uninterrupted, so that kills land all along the run.
        duration = {}
        for action, args in commands.items():
            data = base / f"calibrate-{action}"
            if action != "demo":
                copy_db(template / "dropship.db", data)
            started = time.perf_counter()
            assert run_cli(*args, "--data-dir", str(data), timeout=600).returncode == 0
            duration[action] = time.perf_counter() - started
        _emit(figure="kill trial calibration (uninterrupted seconds)", **duration)
        for trial in range(trials):
            for action in ("import", "demo", "backup"):
                data = base / f"{action}-{trial}"
                if action != "demo":
                    copy_db(template / "dropship.db", data)
                before = _count(data / "dropship.db") if action != "demo" else 0
                proc = _spawn(*commands[action], "--data-dir", str(data))
                time.sleep(rnd.uniform(0.2, 1.0) * duration[action])
                finished = proc.poll() is not None
                if not finished:
                    os.kill(proc.pid, signal.SIGKILL)
                proc.wait()
                path = data / "dropship.db"
                ok = True
                if path.exists() and path.stat().st_size:
                    check = run_cli("check", "--full", "--data-dir", str(data))
                    ok = check.returncode == 0 and "Traceback" not in check.stderr
                    after = _count(path)
                    if action == "import":
                        ok = ok and after in (before, before + 20_000)
                        results["import_committed"] += int(after == before + 20_000)
                    if action == "demo":
                        demo_counts.append(after)
                    if action == "backup":
                        ok = ok and after == before
                # The next backup cleans a killed backup's .partial and succeeds.
                if action == "backup":
                    results["backup_partial_left"] += int(
                        bool(list((data / "backups").glob("*.partial*")))
                    )
                    again = run_cli("backup", "--data-dir", str(data))
                    left = list((data / "backups").glob("*.partial*"))
                    ok = ok and again.returncode == 0 and not left
                results[f"{action}_trials"] += 1
                results[f"{action}_killed"] += 0 if finished else 1
                results[f"{action}_ok"] += int(ok)
    extra = {
        "import": {"import_found_committed": results["import_committed"]},
        "demo": {"demo_orders_left": sorted(demo_counts)},
        "backup": {"partial_files_left_then_cleaned": results["backup_partial_left"]},
    }
    for action in ("import", "demo", "backup"):
        _emit(
            figure=f"kill -9 during {action}",
            trials=results[f"{action}_trials"],
            killed_mid_run=results[f"{action}_killed"],
            sound_and_whole=results[f"{action}_ok"],
            **extra[action],
        )


# --- damaged databases --------------------------------------------------------------------------


def _drop_table(path: Path, seed: int) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = 0")
    table = random.Random(seed).choice(["supplier_order_line", "offer", "audit_event", "product"])
    conn.execute(f"DROP TABLE {table}")
    conn.commit()
    conn.close()


def _version(value: int) -> object:
    def apply(path: Path, seed: int) -> None:
        conn = sqlite3.connect(path)
        conn.execute(f"PRAGMA user_version = {value:d}")
        conn.commit()
        conn.close()

    return apply


def _empty(path: Path, seed: int) -> None:
    path.write_bytes(b"")


STRUCTURAL = {
    "stale_index": lambda p, s: stale_index(p),
    "missing_table": _drop_table,
    "user_version_0": _version(0),
    "user_version_-1": _version(-1),
    "empty_file_with_backups": _empty,
}


def corpus(per_kind: int) -> None:
    """Damage copies of a demo database in every way we know; ``check`` and start-up on each."""
    figures: Counter[str] = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        template = base / "template"
        assert run_cli("demo", "--orders", "3000", "--data-dir", str(template)).returncode == 0
        kinds = {**DAMAGE, **STRUCTURAL}
        for kind, damage in kinds.items():
            for seed in range(per_kind):
                data = base / f"{kind}-{seed}"
                path = copy_db(template / "dropship.db", data)
                assert run_cli("backup", "--data-dir", str(data)).returncode == 0
                damage(path, seed)  # type: ignore[operator]
                damaged = kind in STRUCTURAL or not full_check_ok(path)
                before = digest(path)
                check = run_cli("check", "--full", "--data-dir", str(data))
                unchanged = digest(path) == before  # check only reads a damaged file
                selftest = run_cli("--self-test", "--data-dir", str(data), timeout=180)
                figures["files"] += 1
                figures["damaged"] += int(damaged)
                traceback = "Traceback" in check.stderr + selftest.stderr
                figures["tracebacks"] += int(traceback)
                if damaged:
                    figures["check_detected"] += int(check.returncode == 1)
                    figures["self_test_refused"] += int(selftest.returncode == 1)
                    figures["left_unchanged_by_check"] += int(unchanged)
                    if not (unchanged and check.returncode == 1 and selftest.returncode == 1):
                        print(
                            f"  {kind} seed {seed}: check {check.returncode}, self-test "
                            f"{selftest.returncode}, unchanged {unchanged}",
                            file=sys.stderr,
                        )
                else:
                    figures["undamaged_passed"] += int(check.returncode == 0)
        for seed in range(per_kind):
            data = base / f"foreign-{seed}"
            path = data / "dropship.db"
            foreign_db(path)
            before = digest(path)
            results = [
                run_cli(*args, "--data-dir", str(data))
                for args in (["check"], ["--self-test"], ["backup"], ["demo", "--orders", "5"])
            ]
            figures["foreign_files"] += 1
            figures["foreign_refused_untouched"] += int(
                all(r.returncode == 1 for r in results) and digest(path) == before
            )
        for seed in range(per_kind):
            data = base / f"utf8-{seed}"
            path = copy_db(template / "dropship.db", data)
            invalid_utf8(path, count=5 + seed)
            selftest = run_cli("--self-test", "--data-dir", str(data), timeout=180)
            export = run_cli("export", "orders", str(base / "u.csv"), "--data-dir", str(data))
            figures["invalid_utf8_files"] += 1
            figures["invalid_utf8_ok"] += int(selftest.returncode == 0 and export.returncode == 0)
    _emit(figure="damaged-database corpus", **dict(figures))


# --- fuzzing ---------------------------------------------------------------------------------


def fuzz(cases: int) -> None:
    """The slow hypothesis test of the whole import path, with its case count."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    started = time.perf_counter()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-m",
            "slow",
            "tests/hardening/test_hostile_imports.py",
            "-p",
            "no:cacheprovider",
            "--hypothesis-show-statistics",
        ],
        capture_output=True,
        text=True,
        env={**env, "DROPSHIP_FUZZ_CASES": str(cases)},
        cwd=ROOT,
        check=False,
    )
    _emit(
        figure="hostile import files (whole import path, CSV and XLSX, CLI and dialog)",
        cases=cases,
        passed=result.returncode == 0,
        seconds=round(time.perf_counter() - started, 1),
    )
    if result.returncode:
        print(result.stdout[-4000:], file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    sub = parser.add_subparsers(dest="what", required=True)
    k = sub.add_parser("kills")
    k.add_argument("--trials", type=int, default=20)
    k.add_argument("--seed", type=int, default=1)
    c = sub.add_parser("corpus")
    c.add_argument("--per-kind", type=int, default=12)
    f = sub.add_parser("fuzz")
    f.add_argument("--cases", type=int, default=2000)
    args = parser.parse_args()
    if args.what == "kills":
        kills(args.trials, args.seed)
    elif args.what == "corpus":
        corpus(args.per_kind)
    else:
        fuzz(args.cases)


if __name__ == "__main__":
    main()
