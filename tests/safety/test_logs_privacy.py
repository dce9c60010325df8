"""No buyer data and no secrets in the log files: a whole session with sentinel values, verbose."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.services.test_order_import_files import TAOBAO_HEADERS, taobao_row, write_csv

NAME = "哨兵买家甲"
PHONE = "13912340987"
ADDRESS = "哨兵省测试市秘密路42号"
ORDER_NO = "5000000000000000042"


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dropship_desktop", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})},
        check=False,
    )


def test_session_logs_hold_no_buyer_data(tmp_path: Path) -> None:
    data = str(tmp_path / "data")
    row = taobao_row(ORDER_NO, name=NAME, phone=PHONE, created="2020-01-01 10:00:00")
    row[TAOBAO_HEADERS.index("收货地址")] = ADDRESS
    source = write_csv(tmp_path / "orders.csv", TAOBAO_HEADERS, [row])
    bad = list(row)
    bad[TAOBAO_HEADERS.index("买家实际支付金额")] = "not money " + PHONE
    bad_source = write_csv(tmp_path / "bad.csv", TAOBAO_HEADERS, [bad])

    steps = [
        ("demo", "--orders", "20"),
        ("import", "orders", str(source), "--shop", "哨兵店"),
        ("import", "orders", str(bad_source), "--shop", "哨兵店"),  # fails, naming the row
        ("export", "orders", str(tmp_path / "full.xlsx"), "--full-buyer-data", "--search", NAME),
        ("export", "orders", str(tmp_path / "masked.csv"), "--search", PHONE),
        ("backup",),
        ("purge-buyer-data", "--older-than", "30"),
        ("check",),
        ("--self-test",),
    ]
    for step in steps:
        result = run(*step, "--data-dir", data, "-v")
        assert "Traceback" not in result.stderr, (step, result.stderr)

    logs = list((tmp_path / "data" / "logs").rglob("*"))
    files = [p for p in logs if p.is_file()]
    assert files, "the session wrote no log"
    text = b"".join(p.read_bytes() for p in files)
    assert text.strip()
    for sentinel in (NAME, PHONE, ADDRESS, PHONE[-8:], NAME[1:4]):
        assert sentinel.encode() not in text, sentinel
    # The purge really ran on that order: its data is gone from the database too.
    db_bytes = (tmp_path / "data" / "dropship.db").read_bytes()
    assert NAME.encode() not in db_bytes and ADDRESS.encode() not in db_bytes


def test_a_bugs_traceback_is_redacted_in_the_log_file(tmp_path: Path) -> None:
    import logging

    from dropship_desktop.logs import setup_logging

    log_file = setup_logging(tmp_path / "logs")
    try:
        try:
            raise ValueError(f"cannot parse phone {PHONE} for order {ORDER_NO}")
        except ValueError:
            # What the excepthook does with an unexpected error.
            logging.getLogger("test").error("unexpected error", exc_info=True)
    finally:
        logging.shutdown()
        setup_logging(None)
    assert log_file is not None
    text = log_file.read_text(encoding="utf-8")
    assert "ValueError: cannot parse phone 139****0987" in text
    assert PHONE not in text
    assert ORDER_NO in text  # 19-digit order numbers are not mistaken for phones


def test_log_files_rotate_and_stay_bounded(tmp_path: Path) -> None:
    """A long-running app never fills the disk with logs: the file rotates, old ones are dropped."""
    import logging

    from dropship_desktop.logs import LOG_FILENAME, setup_logging

    log_dir = tmp_path / "data" / "logs"
    log_file = setup_logging(log_dir)
    try:
        line = "x" * 1000
        for i in range(8000):  # about 8 MB
            logging.getLogger("test").info("line %d %s", i, line)
    finally:
        logging.shutdown()
        setup_logging(None)
    assert log_file == log_dir / LOG_FILENAME
    files = sorted(p.name for p in log_dir.iterdir())
    assert LOG_FILENAME in files and f"{LOG_FILENAME}.1" in files
    assert 2 <= len(files) <= 6
    assert all((log_dir / name).stat().st_size <= 1_100_000 for name in files)
    assert "line 7999 " in (log_dir / LOG_FILENAME).read_text(encoding="utf-8")
