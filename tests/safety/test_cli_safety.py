"""The backup, restore and purge-buyer-data sub-commands, end to end in a child process."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from dropship_desktop.instance import InstanceLock


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dropship_desktop", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )


def _count(path: Path, sql: str = "SELECT count(*) FROM sales_order") -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute(sql).fetchone()[0])
    finally:
        conn.close()


def test_backup_list_restore_purge(tmp_path: Path) -> None:
    data = str(tmp_path)
    assert run("demo", "--orders", "60", "--data-dir", data).returncode == 0
    made = run("backup", "--data-dir", data)
    assert made.returncode == 0, made.stderr
    assert "60 orders" in made.stdout and "verified" in made.stdout
    chosen = tmp_path / "elsewhere" / "copy.db"
    to = run("backup", "--to", str(chosen), "--data-dir", data)
    assert to.returncode == 0, to.stderr
    assert _count(chosen) == 60
    listed = run("backup", "--list", "--data-dir", data)
    assert listed.returncode == 0 and "manual" in listed.stdout and "60 orders" in listed.stdout

    db = tmp_path / "dropship.db"
    conn = sqlite3.connect(db)
    conn.execute("DELETE FROM sales_order WHERE id > 10")
    conn.commit()
    conn.close()
    restored = run("restore", str(chosen), "--data-dir", data)
    assert restored.returncode == 0, restored.stderr
    assert "backed up" in restored.stdout
    assert _count(db) == 60
    backups = run("backup", "--list", "--data-dir", data).stdout
    assert "pre-restore" in backups and "10 orders" in backups

    purge = run("purge-buyer-data", "--older-than", "1", "--data-dir", data)
    assert purge.returncode == 0, purge.stderr
    old = "created_at < CAST(strftime('%s', 'now') AS INTEGER) - 86400"
    assert _count(db, f"SELECT count(*) FROM sales_order WHERE buyer_name <> '' AND {old}") == 0
    assert _count(db, f"SELECT count(*) FROM sales_order WHERE buyer_data_removed AND {old}") > 0
    assert _count(db) == 60


def test_problems_are_reported(tmp_path: Path) -> None:
    data = str(tmp_path)
    assert "No database" in run("backup", "--data-dir", data).stderr
    missing = run("restore", "nothing.db", "--data-dir", data)
    assert missing.returncode == 1 and "No backup file" in missing.stderr
    assert run("demo", "--orders", "5", "--data-dir", data).returncode == 0
    bad = tmp_path / "bad.db"
    bad.write_text("not a backup")
    refused = run("restore", str(bad), "--data-dir", data)
    assert refused.returncode == 1 and "not a Dropship Desktop backup" in refused.stderr
    assert run("purge-buyer-data", "--older-than", "0", "--data-dir", data).returncode == 1
    # While the app holds the data folder, a restore is refused.
    with InstanceLock(tmp_path):
        busy = run("restore", str(bad), "--data-dir", data)
    assert busy.returncode == 1 and "open with this data folder" in busy.stderr


def test_backup_to_never_replaces_a_file_that_is_not_a_backup(tmp_path: Path) -> None:
    """``backup --to`` naming the seller's spreadsheet (a slip of the keyboard) leaves it alone;
    an earlier backup of ours at that name is replaced (the nightly copy to a USB stick)."""
    data = str(tmp_path / "data")
    assert run("demo", "--orders", "20", "--data-dir", data).returncode == 0
    sheet = tmp_path / "订单汇总.xlsx"
    sheet.write_bytes(b"PK\x03\x04 the seller's own workbook")
    result = run("backup", "--to", str(sheet), "--data-dir", data)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "already exists and is not a Dropship Desktop backup" in result.stderr
    assert sheet.read_bytes() == b"PK\x03\x04 the seller's own workbook"
    folder = tmp_path / "folder.db"
    folder.mkdir()
    result = run("backup", "--to", str(folder), "--data-dir", data)
    assert result.returncode == 1 and "is a folder" in result.stderr
    copy = tmp_path / "copy.db"
    assert run("backup", "--to", str(copy), "--data-dir", data).returncode == 0
    again = run("backup", "--to", str(copy), "--data-dir", data)
    assert again.returncode == 0, again.stderr
    assert _count(copy) == 20
