"""SIGKILL during heavy writes: acknowledged commits survive, nothing is half applied."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dropship_desktop.store.db import close_database

CHILD = Path(__file__).with_name("kill_child.py")
TRIALS = 24
ORDERS = 150


def _verify(path: Path, acknowledged: set[int]) -> int:
    """Check the database after a kill; return the number of committed batches."""
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        batches = [
            r[0]
            for r in conn.execute(
                "SELECT entity_id FROM audit_event WHERE action = 'kill_test_batch' ORDER BY 1"
            )
        ]
        # Every acknowledged commit is there; batches are contiguous (none lost in the middle).
        assert acknowledged <= set(batches), sorted(acknowledged - set(batches))
        assert batches == list(range(len(batches)))
        counts = dict(
            conn.execute(
                "SELECT remark, count(*) FROM sales_order WHERE remark LIKE 'batch %' GROUP BY 1"
            ).fetchall()
        )
        # All or nothing per transaction: each committed batch has all its orders, no other
        # batch has any; the cancel of the previous batch committed with it.
        assert counts == {f"batch {b}": ORDERS for b in batches}
        if batches:
            last = batches[-1]
            cancelled = dict(
                conn.execute(
                    "SELECT remark, count(*) FROM sales_order WHERE status = 'cancelled' GROUP BY 1"
                ).fetchall()
            )
            assert cancelled == {f"batch {b}": ORDERS for b in batches if b != last}
        suppliers = conn.execute("SELECT count(*) FROM supplier").fetchone()[0]
        assert suppliers == len([b for b in batches if b % 5 == 0])
        # The search index agrees with the table (no half-applied trigger work).
        conn.execute("INSERT INTO sales_order_fts (sales_order_fts) VALUES ('integrity-check')")
        return len(batches)
    finally:
        conn.close()


@pytest.mark.slow
def test_sigkill_during_heavy_writes(fresh_db: Path) -> None:
    close_database()
    rng = random.Random(20261101)
    acknowledged: set[int] = set()
    total = 0
    started = time.monotonic()
    for _trial in range(TRIALS):
        child = subprocess.Popen(
            [sys.executable, str(CHILD), str(fresh_db)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])},
        )
        assert child.stdout is not None
        first = child.stdout.readline().strip()
        assert first == "ready", (first, child.stderr.read() if child.stderr else "")
        time.sleep(rng.uniform(0.02, 0.5))
        child.send_signal(signal.SIGKILL)
        out, err = child.communicate(timeout=30)
        assert child.returncode == -signal.SIGKILL, err
        acked = {int(line) for line in out.split()}
        acknowledged |= acked
        total = _verify(fresh_db, acknowledged)
        assert total >= len(acknowledged)
    elapsed = time.monotonic() - started
    assert total > TRIALS, "the child barely wrote anything; the test proves little"
    assert elapsed < 90, elapsed
