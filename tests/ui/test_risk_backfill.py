"""A database from before the fraud checks: its orders are scored in the background after the
window opens, oldest first, in parts, with the progress in the status bar."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from dropship_desktop.context import AppContext
from dropship_desktop.domain.risk import RiskLevel
from dropship_desktop.services import risk
from dropship_desktop.services.order_import import ImportTuning, import_orders_file
from dropship_desktop.store.db import db
from dropship_desktop.ui import risk_backfill
from dropship_desktop.ui.main_window import MainWindow
from tests.services.test_order_import_files import TAOBAO_HEADERS, write_csv
from tests.services.test_risk import _import, _risk, _row


def _import_unscored(tmp_path: Path, rows: list[list[str]]) -> None:
    """Orders as an upgraded database has them: no risk levels, no buyer keys."""
    import_orders_file(
        write_csv(tmp_path / "orders.csv", TAOBAO_HEADERS, rows),
        shop_name="测试店",
        tuning=ImportTuning(score_risk=False),
    )


def _count(sql: str) -> int:
    return int(db.execute_sql(sql).fetchone()[0])


def test_orders_from_before_the_fraud_checks_are_scored_in_the_background(
    ctx: AppContext, qtbot: QtBot, fresh_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As an upgraded database has them: orders, no risk levels, no buyer keys.
    _import_unscored(
        tmp_path,
        [
            _row(1, name="张三", created="2024-03-01 10:00:00"),
            _row(2, phone="12345678901", name="客户", address="北京市"),
            _row(3, name="李四", created="2024-03-02 10:00:00"),
            _row(4, name="王五", created="2024-03-03 10:00:00"),
            *[_row(10 + n, phone=f"1391234{n:04d}", name="赵六") for n in range(7)],
        ],
    )
    assert _count("SELECT count(*) FROM risk_key") == 0
    assert _risk(2) == (RiskLevel.NONE, [])
    assert len(risk.unscored_order_ids()) == 11

    monkeypatch.setattr(risk_backfill, "PART", 3)  # several parts
    monkeypatch.setattr(risk_backfill, "IDLE_S", 0.0)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    seen: list[tuple[int, int]] = []
    try:
        window.start_risk_backfill()
        assert window.risk_backfill is not None
        window.risk_backfill.progress.connect(lambda done, total: seen.append((done, total)))
        with qtbot.waitSignal(window.risk_backfill.finished, timeout=20_000):
            pass
        assert seen == [(3, 11), (6, 11), (9, 11), (11, 11)]
        assert window._backfill_label.isHidden()
    finally:
        window.close()
        window.shutdown()
    assert _count("SELECT count(*) FROM risk_key") == 11
    level, rules = _risk(2)
    assert level == RiskLevel.HIGH and "phone_invalid" in rules
    # History built oldest first: three names on one phone flag all three orders.
    for number in (1, 3, 4):
        assert "phone_many_names" in _risk(number)[1], number
    assert risk.unscored_order_ids() == []  # the next start has nothing to do


def test_a_scored_database_starts_no_backfill(
    ctx: AppContext, qtbot: QtBot, fresh_db: Path, tmp_path: Path
) -> None:
    _import(tmp_path, [_row(1), _row(2)])
    assert risk.unscored_order_ids() == []
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    try:
        window.start_risk_backfill()
        assert window.risk_backfill is not None
        with qtbot.waitSignal(window.risk_backfill.finished, timeout=10_000):
            pass
        assert window._backfill_label.isHidden()
    finally:
        window.close()
        window.shutdown()


def test_the_backfill_waits_while_the_seller_works(
    ctx: AppContext, qtbot: QtBot, fresh_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _import_unscored(tmp_path, [_row(1), _row(2, name="李四")])
    monkeypatch.setattr(risk_backfill, "IDLE_S", 1.5)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    try:
        backfill = risk_backfill.RiskBackfill(window.worker, window)
        backfill.start()
        # The seller keeps the worker busy: no part starts meanwhile.
        for _ in range(6):
            window.worker.submit(lambda _ctx: time.sleep(0.2))
            qtbot.waitUntil(lambda: not window.worker.is_busy(), timeout=5000)
            assert _count("SELECT count(*) FROM risk_key") == 0
        with qtbot.waitSignal(backfill.finished, timeout=10_000):
            pass  # idle: it goes on
        assert _count("SELECT count(*) FROM risk_key") == 2
    finally:
        window.close()
        window.shutdown()
