"""Concurrent commands: one writer per data folder, demo data never mixed with real data, and
killed backups' leftovers cleaned (issue 14)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dropship_desktop.instance import APP, COMMAND, InstanceLock, holder
from dropship_desktop.store import backup as bk
from dropship_desktop.store import backup_list as bl
from tests.hardening.dbtools import run_cli
from tests.services.test_order_import_files import TAOBAO_HEADERS, taobao_row


def _count(path: Path, sql: str = "SELECT count(*) FROM sales_order") -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute(sql).fetchone()[0])
    finally:
        conn.close()


def _orders_csv(path: Path, rows: int = 3) -> Path:
    import csv

    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(TAOBAO_HEADERS)
        for i in range(rows):
            writer.writerow(taobao_row(f"4{i:018d}"))
    return path


def test_demo_refuses_a_database_with_real_data(tmp_path: Path) -> None:
    data = str(tmp_path)
    imported = run_cli(
        "import", "orders", str(_orders_csv(tmp_path / "o.csv")), "--shop", "我的店", "--data-dir",
        data,
    )  # fmt: skip
    assert imported.returncode == 0, imported.stderr
    result = run_cli("demo", "--orders", "50", "--data-dir", data)
    assert result.returncode == 1
    assert "your own data" in result.stderr and "Traceback" not in result.stderr
    assert _count(tmp_path / "dropship.db") == 3


def test_demo_database_is_marked_and_not_demoed_twice(tmp_path: Path) -> None:
    data = str(tmp_path)
    assert run_cli("demo", "--orders", "20", "--data-dir", data).returncode == 0
    assert _count(tmp_path / "dropship.db", "SELECT count(*) FROM app_meta WHERE key = 'demo'")
    again = run_cli("demo", "--orders", "20", "--data-dir", data)
    assert again.returncode == 1 and "already holds demo data" in again.stderr
    assert "another copy" not in again.stderr


def test_a_shop_alone_counts_as_real_data(tmp_path: Path) -> None:
    """Before, only orders were looked for; a shop made demo fail on a UNIQUE constraint."""
    assert run_cli("check", "--data-dir", str(tmp_path)).returncode == 1  # no database yet
    assert run_cli("demo", "--orders", "0", "--data-dir", str(tmp_path)).returncode == 0
    path = tmp_path / "dropship.db"
    conn = sqlite3.connect(path)
    conn.execute("DELETE FROM app_meta")
    conn.commit()
    conn.close()
    result = run_cli("demo", "--orders", "5", "--data-dir", str(tmp_path))
    assert result.returncode == 1 and "your own data" in result.stderr


def _spawn(*args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen(
        [sys.executable, "-m", "dropship_desktop", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
        env=env,
    )


def test_two_demo_runs_at_once(tmp_path: Path) -> None:
    data = str(tmp_path)
    procs = [_spawn("demo", "--orders", "3000", "--data-dir", data) for _ in range(2)]
    results = [(p.wait(timeout=300), *p.communicate()) for p in procs]
    codes = sorted(r[0] for r in results)
    assert codes == [0, 1], results
    loser = next(r for r in results if r[0] == 1)
    assert "already holds demo data" in loser[2], loser
    assert "Traceback" not in loser[2] and "another copy" not in loser[2]
    assert _count(tmp_path / "dropship.db") == 3000


@pytest.mark.parametrize(
    "args",
    [
        ["import", "orders", "{csv}", "--shop", "店"],
        ["backup"],
        ["demo", "--orders", "5"],
        ["purge-buyer-data", "--older-than", "30"],
        ["export", "orders", "{out}", "--full-buyer-data"],
        ["rebuild-summaries"],
        ["risk", "rescore"],
    ],
    ids=lambda a: a[0] if a[0] != "risk" else "risk-rescore",
)
def test_writing_commands_refuse_while_the_app_is_open(tmp_path: Path, args: list[str]) -> None:
    data = tmp_path / "data"
    assert run_cli("demo", "--orders", "10", "--data-dir", str(data)).returncode == 0
    csv_path = _orders_csv(tmp_path / "o.csv")
    args = [a.format(csv=csv_path, out=tmp_path / "out.csv") for a in args]
    before = (data / "dropship.db").read_bytes()
    backups = sorted(bk.backup_dir(data).glob("*"))
    with InstanceLock(data):  # the app's lock
        result = run_cli(*args, "--data-dir", str(data))
    assert result.returncode == 1, result
    assert "open with this data folder" in result.stderr
    assert (data / "dropship.db").read_bytes() == before
    assert sorted(bk.backup_dir(data).glob("*")) == backups


def test_a_command_waits_for_another_command(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert run_cli("demo", "--orders", "10", "--data-dir", str(data)).returncode == 0
    lock = InstanceLock(data, kind=COMMAND)
    lock.acquire()
    try:
        assert holder(data)[1] == COMMAND
        proc = _spawn("backup", "--data-dir", str(data))
        time.sleep(1.5)
        assert proc.poll() is None  # waiting, not failing
    finally:
        lock.release()
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert "waiting for it to finish" in err
    assert "verified" in out


def test_reading_commands_run_beside_the_app(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert run_cli("demo", "--orders", "10", "--data-dir", str(data)).returncode == 0
    with InstanceLock(data):
        assert holder(data)[1] == APP
        assert run_cli("check", "--data-dir", str(data)).returncode == 0
        assert run_cli("backup", "--list", "--data-dir", str(data)).returncode == 0
        out = tmp_path / "o.csv"
        assert run_cli("export", "orders", str(out), "--data-dir", str(data)).returncode == 0


def test_partial_backups_are_cleaned_at_the_next_backup_and_at_start(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert run_cli("demo", "--orders", "10", "--data-dir", str(data)).returncode == 0
    folder = bk.backup_dir(data)
    folder.mkdir(parents=True, exist_ok=True)
    stale = [folder / "dropship-20260101-000000-manual.db.partial", folder / "x.db.partial-journal"]
    for path in stale:
        path.write_bytes(b"\0" * 4096)
    assert run_cli("backup", "--data-dir", str(data)).returncode == 0
    assert not any(p.exists() for p in stale)
    assert len(bl.list_backups(folder)) == 1
    for path in stale:
        path.write_bytes(b"\0" * 4096)
    result = run_cli("--self-test", "--data-dir", str(data))
    assert result.returncode == 0, result.stderr
    assert not any(p.exists() for p in stale)
