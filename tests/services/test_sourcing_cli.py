"""The sourcing CLI sub-commands: ``export suppliers|offers FILE`` and ``import products FILE``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "dropship_desktop", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )


def test_export_then_import_round_trip_and_refusal(tmp_path: Path) -> None:
    data = str(tmp_path / "data")
    assert run("demo", "--orders", "20", "--data-dir", data).returncode == 0
    offers = tmp_path / "offers.csv"
    result = run("export", "offers", str(offers), "--data-dir", data)
    assert result.returncode == 0, result.stderr
    assert offers.read_bytes().startswith(b"\xef\xbb\xbf")
    result = run("export", "suppliers", str(tmp_path / "s.xlsx"), "--data-dir", data)
    assert result.returncode == 0, result.stderr
    result = run("import", "products", str(offers), "--data-dir", data)
    assert result.returncode == 0, result.stderr
    assert "0 new products, 0 new offers" in result.stdout
    bad = tmp_path / "bad.csv"
    bad.write_text("SKU,Title,Supplier,Unit cost\nX-1,杯子,nobody,1.234\n", encoding="gbk")
    result = run("import", "products", str(bad), "--data-dir", data)
    assert result.returncode == 1
    assert "row 2" in result.stderr and "nothing was imported" in result.stderr
