"""No buyer data in any log file: every CLI command and the GUI self-test, with sentinel names,
addresses, phones written with separators and landlines (issue 14)."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

import pytest

from dropship_desktop.errors import UserError
from dropship_desktop.logs import redact, setup_logging
from tests.hardening.dbtools import run_cli
from tests.services.test_order_import_files import TAOBAO_HEADERS, taobao_row, write_csv

NAME = "哨兵欧阳丙"
ADDRESS = "哨兵省测试市秘密路42号"
PHONE_DASHED = "139-8765-4321"
PHONE_SPACED = "+86 137 1111 2222"
LANDLINE = "0571-88776655"
ORDER_NO = "5000000000000000077"

#: Pieces of the sentinels that must appear in no log.
LEAKS = (
    NAME,
    NAME[2:],
    ADDRESS,
    "秘密路",
    "8765-4321",
    "87654321",
    "1111 2222",
    "11112222",
    "88776655",
)


def _assert_clean(folder: Path) -> bytes:
    files = [p for p in folder.rglob("*") if p.is_file()]
    assert files, "no log was written"
    text = b"".join(p.read_bytes() for p in files)
    for leak in LEAKS:
        assert leak.encode() not in text, leak
    return text


@pytest.mark.slow
def test_every_command_and_the_self_test_keep_buyer_data_out_of_logs(tmp_path: Path) -> None:
    data = tmp_path / "data"
    row = taobao_row(ORDER_NO, name=NAME, phone=PHONE_DASHED, created="2020-01-01 10:00:00")
    row[TAOBAO_HEADERS.index("收货地址")] = f"{ADDRESS} {LANDLINE}"
    good = write_csv(tmp_path / "orders.csv", TAOBAO_HEADERS, [row])
    bad_rows = []
    for column, value in (
        ("买家实际支付金额", f"{NAME} {PHONE_SPACED}"),
        ("订单状态", f"{ADDRESS}"),
        ("订单创建时间", f"{LANDLINE} {NAME}"),
    ):
        bad = list(row)
        bad[0] = ORDER_NO[:-1] + str(len(bad_rows))
        bad[TAOBAO_HEADERS.index(column)] = value
        bad_rows.append(bad)
    bad_file = write_csv(tmp_path / "bad.csv", TAOBAO_HEADERS, bad_rows)
    products = tmp_path / "products.csv"
    products.write_text(f"title,sku\n{NAME},{PHONE_DASHED}\n", encoding="utf-8")
    steps = [
        ("demo", "--orders", "30"),
        ("import", "orders", str(good), "--shop", "哨兵店"),
        ("import", "orders", str(bad_file), "--shop", "哨兵店"),
        ("import", "products", str(products)),
        ("export", "orders", str(tmp_path / "full.xlsx"), "--full-buyer-data", "--search", NAME),
        ("export", "orders", str(tmp_path / "m.csv"), "--search", PHONE_DASHED),
        ("export", "suppliers", str(tmp_path / "s.csv")),
        ("export", "offers", str(tmp_path / "o.csv")),
        ("backup",),
        ("backup", "--list"),
        ("check", "--full"),
        ("--self-test",),
        ("--self-test", "--lang", "zh_CN"),
    ]
    for step in steps:
        result = run_cli(*step, "--data-dir", str(data), "-v")
        assert "Traceback" not in result.stderr, (step, result.stderr[-2000:])
    # A damaged cell next to the sentinel: SQLite's decode error used to quote the whole text.
    conn = sqlite3.connect(data / "dropship.db")
    conn.execute(
        "UPDATE sales_order SET buyer_name = CAST(? || X'FF' AS TEXT) WHERE shop_order_no = ?",
        [NAME, ORDER_NO],
    )
    conn.commit()
    conn.close()
    for step in (("--self-test",), ("export", "orders", str(tmp_path / "again.csv"))):
        result = run_cli(*step, "--data-dir", str(data), "-v")
        assert result.returncode == 0, (step, result.stderr[-2000:])
    backups = sorted((data / "backups").glob("*.db"))
    assert run_cli("restore", backups[0].name, "--data-dir", str(data), "-v").returncode == 0
    purge = run_cli("purge-buyer-data", "--older-than", "30", "--data-dir", str(data), "-v")
    assert purge.returncode == 0, purge.stderr
    text = _assert_clean(data / "logs")
    assert b"database check" in text and b"purged buyer data" in text  # the session was logged


def test_a_user_error_quoting_cells_is_redacted(tmp_path: Path) -> None:
    """What the app's exception hook logs for an import refused in the dialog."""
    log_file = setup_logging(tmp_path / "logs")
    try:
        message = (
            f"Row 2, column 收货人姓名: {NAME!r} is not a date; Row 3, column 联系手机: "
            f"{PHONE_SPACED} / {PHONE_DASHED} / {LANDLINE}; Row 4: {ADDRESS}"
        )
        logging.getLogger("dropship_desktop.ui.app_setup").info(
            "user error: %s", UserError(message)
        )
        try:
            raise ValueError(message)
        except ValueError:
            logging.getLogger("test").error("unexpected error", exc_info=True)
    finally:
        logging.shutdown()
        setup_logging(None)
    assert log_file is not None
    text = _assert_clean(tmp_path / "logs")
    assert b"Row 2, column" in text and b"137****2222" in text


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("order 1930679858170647123", "1930679858170647123"),
        ("tracking YT7512345678901", "YT7512345678901"),
        ("2024-03-05 14:22:01, 12 items", "2024-03-05 14:22:01, 12 items"),
        ("backup dropship-20260101-000000-manual.db", "dropship-20260101-000000-manual.db"),
    ],
)
def test_redaction_keeps_order_numbers_and_times(text: str, kept: str) -> None:
    assert kept in redact(text)


@pytest.mark.parametrize(
    "phone",
    ["13812345678", "138-1234-5678", "138 1234 5678", "+86 138 1234 5678", "+8613812345678"],
)
def test_mobiles_in_any_writing_are_masked(phone: str) -> None:
    assert "1234" not in redact(f"call {phone} now").replace("138", "")


@pytest.mark.parametrize(
    "phone", ["0571-88776655", "010 8877 6655", "(021)88776655", "02188776655"]
)
def test_landlines_are_masked(phone: str) -> None:
    assert "8877" not in redact(f"tel {phone}")
