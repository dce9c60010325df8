from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from dropship_desktop.store.migrations import LATEST_VERSION


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "dropship_desktop", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=full_env,
        check=False,
    )


def test_demo_then_check(tmp_path: Path) -> None:
    result = run("demo", "--orders", "300", "--seed", "2", "--data-dir", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "300 orders" in result.stdout
    check = run("check", "--data-dir", str(tmp_path))
    assert check.returncode == 0, check.stderr
    assert "integrity: ok" in check.stdout
    assert f"schema version: {LATEST_VERSION}" in check.stdout
    assert "sales_order" in check.stdout and "300" in check.stdout


def test_data_dir_from_environment(tmp_path: Path) -> None:
    result = run("demo", "--orders", "5", env={"DROPSHIP_DESKTOP_DATA_DIR": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "dropship.db").exists()


def test_demo_flag_uses_its_own_folder(tmp_path: Path) -> None:
    result = run("demo", "--demo", "--orders", "5", "--data-dir", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "demo" / "dropship.db").exists()
    assert not (tmp_path / "dropship.db").exists()


def test_check_fails_on_a_missing_database(tmp_path: Path) -> None:
    result = run("check", "--data-dir", str(tmp_path))
    assert result.returncode != 0
    assert "No database" in result.stderr


def test_check_fails_on_a_newer_database(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "dropship.db")
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    conn.close()
    result = run("check", "--data-dir", str(tmp_path))
    assert result.returncode != 0
    assert "newer version" in result.stderr


def test_check_fails_on_corruption(tmp_path: Path) -> None:
    assert run("demo", "--orders", "2000", "--data-dir", str(tmp_path)).returncode == 0
    path = tmp_path / "dropship.db"
    data = bytearray(path.read_bytes())
    page = 4096
    # Scribble over a few pages in the middle of the file (b-tree pages of the tables).
    for offset in range(page * 5, page * 9, 7):
        data[offset] = 0xFF
    path.write_bytes(bytes(data))
    result = run("check", "--data-dir", str(tmp_path))
    assert result.returncode != 0
    assert "problem" in (result.stdout + result.stderr)


def test_self_test_on_an_empty_data_dir(tmp_path: Path) -> None:
    result = run("--self-test", "--data-dir", str(tmp_path / "fresh"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("self-test: ok")


def test_self_test_reports_an_unusable_database(tmp_path: Path) -> None:
    (tmp_path / "dropship.db").write_text("hello, not a database")
    result = run("--self-test", "--data-dir", str(tmp_path))
    assert result.returncode == 1
    assert "not an SQLite file" in result.stderr


@pytest.mark.parametrize(
    "module",
    [
        "dropship_desktop.domain",
        "dropship_desktop.store",
        "dropship_desktop.services",
        "dropship_desktop.connectors",
        "dropship_desktop.tabular",
    ],
)
def test_layers_import_without_pyside6(module: str) -> None:
    code = (
        "import importlib, pkgutil, sys\n"
        f"pkg = importlib.import_module({module!r})\n"
        "for info in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
        "    importlib.import_module(info.name)\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "assert not bad, bad\n"
        f"if {module!r}.endswith(('domain', 'connectors', 'tabular')):\n"
        "    assert 'peewee' not in sys.modules\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    "command",
    [["export", "suppliers", "out.csv"], ["check"], ["purge-buyer-data", "--older-than", "3650"]],
)
def test_commands_back_up_before_a_migration(
    command: list[str], demo_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from types import SimpleNamespace

    from dropship_desktop import cli
    from dropship_desktop.logs import setup_logging
    from dropship_desktop.store import backup as bk
    from dropship_desktop.store import backup_list as bl
    from dropship_desktop.store import db as store_db
    from dropship_desktop.store.db import close_database
    from dropship_desktop.store.migrations import MIGRATIONS

    close_database()
    data_dir = demo_db.parent
    later = SimpleNamespace(
        VERSION=LATEST_VERSION + 1, apply=lambda conn: conn.execute("CREATE TABLE later (x)")
    )
    monkeypatch.setattr(store_db, "LATEST_VERSION", LATEST_VERSION + 1)
    monkeypatch.setattr(store_db, "MIGRATIONS", [*MIGRATIONS, later])
    monkeypatch.chdir(data_dir)
    args = cli.parse([*command, "--data-dir", str(data_dir)])
    try:
        assert cli.run_command(args) == 0
    finally:
        setup_logging(None)
    pre = [b for b in bl.list_backups(bk.backup_dir(data_dir)) if b.kind == bk.PRE_MIGRATE]
    assert len(pre) == 1 and pre[0].order_count == 600


def test_a_data_dir_that_is_a_file_is_refused_with_a_message(tmp_path: Path) -> None:
    """``--data-dir`` naming a file (a slip: the export instead of its folder)."""
    not_a_folder = tmp_path / "orders.csv"
    not_a_folder.write_text("订单号\n1\n", encoding="utf-8")
    export = tmp_path / "pdd.csv"
    export.write_text("订单号,订单状态\n1,待发货\n", encoding="utf-8")
    for args in (
        ("import", "orders", str(export), "--shop", "店"),
        ("backup",),
        ("--self-test",),
    ):
        result = run(*args, "--data-dir", str(not_a_folder))
        assert result.returncode == 1, (args, result.stdout, result.stderr)
        assert "Traceback" not in result.stderr, (args, result.stderr)
        assert "is a file, not a folder" in result.stderr, (args, result.stderr)
    assert not_a_folder.read_text(encoding="utf-8") == "订单号\n1\n"


def test_demo_flag_creates_the_demo_database_on_first_use(tmp_path: Path) -> None:
    """``--demo`` says "created on first use": a seller's first command with it, like the app's
    first start with it, finds the demo data (not "run 'demo' first", not an empty database)."""
    result = run("report", "--days", "30", "--demo", "--data-dir", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "demo database" in result.stderr
    # It names the folder (not the command's internal context object).
    assert f"in {tmp_path / 'demo'} …" in result.stderr, result.stderr
    assert "AppContext" not in result.stderr
    conn = sqlite3.connect(tmp_path / "demo" / "dropship.db")
    try:
        assert conn.execute("SELECT count(*) FROM sales_order").fetchone()[0] == 3000
    finally:
        conn.close()
    assert not (tmp_path / "dropship.db").exists()
    again = run("check", "--demo", "--data-dir", str(tmp_path))
    assert again.returncode == 0 and "demo database" not in again.stderr


def test_risk_lists_say_when_there_is_nothing(tmp_path: Path) -> None:
    # A new seller's empty database: the lists say so and how to fill them, not nothing.
    from dropship_desktop.store.db import close_database, open_database

    open_database(tmp_path / "dropship.db")
    close_database()
    blacklist = run("risk", "blacklist", "--data-dir", str(tmp_path))
    assert blacklist.returncode == 0, blacklist.stderr
    assert "blacklist is empty" in blacklist.stdout and "blacklist-import" in blacklist.stdout
    orders = run("risk", "orders", "--data-dir", str(tmp_path))
    assert orders.returncode == 0, orders.stderr
    assert "No order is flagged" in orders.stdout


def test_risk_orders_high_first_then_newest_in_the_clis_language(tmp_path: Path) -> None:
    assert run("demo", "--orders", "300", "--data-dir", str(tmp_path)).returncode == 0
    result = run("risk", "orders", "--data-dir", str(tmp_path))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines and all("  " in line for line in lines)
    db = sqlite3.connect(tmp_path / "dropship.db")
    created = dict(db.execute("SELECT shop_order_no, created_at FROM sales_order"))
    db.close()
    rank = {"High": 2, "Watch": 1}
    keys = []
    for line in lines:
        number, level, _titles = line.split("  ", 2)
        keys.append((rank[level.removesuffix(" (checked)")], created[number]))
    assert keys == sorted(keys, reverse=True)
    assert keys[0][0] == 2 and keys[-1][0] == 1
    assert "On the blacklist" in result.stdout and "blacklist" not in result.stdout.replace(
        "On the blacklist", ""
    )
    chinese = run("--lang", "zh_CN", "risk", "orders", "--data-dir", str(tmp_path))
    assert chinese.returncode == 0, chinese.stderr
    assert "高风险" in chinese.stdout and "黑名单" in chinese.stdout
    assert "On the blacklist" not in chinese.stdout


def test_output_into_a_closed_pipe_is_no_error(tmp_path: Path) -> None:
    """`dropship-desktop risk orders | head -1`: head stops reading; no traceback."""
    assert run("demo", "--orders", "300", "--data-dir", str(tmp_path)).returncode == 0
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "dropship_desktop", "risk", "orders", "--data-dir",
             str(tmp_path)],
            stdout=write_end, stderr=subprocess.PIPE, text=True, timeout=120, check=False,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        )  # fmt: skip
    finally:
        os.close(write_end)
    assert "Traceback" not in result.stderr and "BrokenPipe" not in result.stderr
    assert result.returncode == 0, result.stderr


def test_blacklist_export_prints_a_share_code_that_import_needs(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert run("demo", "--orders", "300", "--data-dir", str(data)).returncode == 0
    target = tmp_path / "black.csv"
    exported = run("risk", "blacklist-export", str(target), "--data-dir", str(data))
    assert exported.returncode == 0, exported.stderr
    code = exported.stdout.split("share code: ")[1].split()[0]
    assert code not in target.read_text(encoding="utf-8-sig")
    refused = run("risk", "blacklist-import", str(target), "--data-dir", str(data))
    assert refused.returncode == 1 and "share code" in refused.stderr
    assert "Traceback" not in refused.stderr
    again = run("risk", "blacklist-import", str(target), "--code", code, "--data-dir", str(data))
    assert again.returncode == 0, again.stderr
