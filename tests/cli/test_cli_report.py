"""``report`` and ``rebuild-summaries``: the dashboard's figures for a script or a check."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from tests.cli.test_cli import run


def test_report_prints_the_dashboard_figures(tmp_path: Path) -> None:
    assert run("demo", "--orders", "800", "--data-dir", str(tmp_path)).returncode == 0
    result = run("report", "--days", "30", "--json", "--data-dir", str(tmp_path))
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    conn = sqlite3.connect(tmp_path / "dropship.db")
    start, end = conn.execute(
        "SELECT (CAST(strftime('%s', 'now') AS INTEGER) + 28800) / 86400 * 86400 - 28800"
        " - 29 * 86400, (CAST(strftime('%s', 'now') AS INTEGER) + 28800) / 86400 * 86400"
        " - 28800 + 86400"
    ).fetchone()
    sales, valid, orders = conn.execute(
        "SELECT coalesce(sum(sale_fen), 0), count(*), (SELECT count(*) FROM sales_order"
        " WHERE created_at >= ? AND created_at < ?) FROM sales_order WHERE created_at >= ?"
        " AND created_at < ? AND status IN ('paid', 'shipped', 'completed')",
        (start, end, start, end),
    ).fetchone()
    assert (figures["sales_fen"], figures["valid_orders"], figures["orders"]) == (
        sales,
        valid,
        orders,
    )
    assert len(figures["shops"]) == 5 and figures["todos"]["to_place"] >= 0
    shop = figures["shops"][0]["name"]
    text = run("report", "--days", "7", "--shop", shop, "--data-dir", str(tmp_path))
    assert text.returncode == 0, text.stderr
    assert shop in text.stdout and "30-day cancellation rate" in text.stdout
    assert "line" in text.stdout and "Top products" in text.stdout


def test_report_refuses_bad_input_clearly(tmp_path: Path) -> None:
    assert run("demo", "--orders", "50", "--data-dir", str(tmp_path)).returncode == 0
    unknown = run("report", "--shop", "没有这个店", "--data-dir", str(tmp_path))
    assert unknown.returncode == 1 and "没有这个店" in unknown.stderr
    assert "Traceback" not in unknown.stderr
    bad = run("report", "--from", "2026-02-30", "--to", "2026-03-01", "--data-dir", str(tmp_path))
    assert bad.returncode == 1 and "--from" in bad.stderr
    none = run("report", "--data-dir", str(tmp_path / "empty"))
    assert none.returncode == 1 and "No database" in none.stderr


def test_rebuild_repairs_drifted_summaries(tmp_path: Path) -> None:
    assert run("demo", "--orders", "200", "--data-dir", str(tmp_path)).returncode == 0
    assert run("report", "--check", "--data-dir", str(tmp_path)).returncode == 0
    conn = sqlite3.connect(tmp_path / "dropship.db")
    conn.execute("UPDATE shop_daily_summary SET orders = orders + 5")
    conn.commit()
    conn.close()
    check = run("report", "--check", "--data-dir", str(tmp_path))
    assert check.returncode == 1 and "rebuild-summaries" in check.stdout
    rebuilt = run("rebuild-summaries", "--data-dir", str(tmp_path))
    assert rebuilt.returncode == 0 and "drifted" in rebuilt.stdout
    assert run("report", "--check", "--data-dir", str(tmp_path)).returncode == 0
