"""Import preview / mapping dialog and export dialog, driven as a user would (pytest-qt)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from dropship_desktop.context import AppContext
from dropship_desktop.store.db import db
from dropship_desktop.store.order_queries import OrderFilter
from dropship_desktop.tabular.cells import strip_wrappers
from dropship_desktop.tabular.reader import read_table
from dropship_desktop.ui.orders import import_dialog as import_module
from dropship_desktop.ui.orders.export_dialog import ExportDialog, run_export_dialog
from dropship_desktop.ui.orders.import_dialog import ImportDialog, run_import_dialog
from dropship_desktop.ui.orders.mapping_dialog import MAPPINGS_KEY, MappingDialog
from dropship_desktop.ui.tasks import DbWorker
from tests.services.test_order_import_files import (
    TAOBAO_HEADERS,
    content_dump,
    taobao_row,
    write_csv,
)

SHOT_DIR = Path("/tmp/import-dialog-shots")


@pytest.fixture
def worker(ctx: AppContext, qtbot: QtBot, demo_db: Path) -> Iterator[DbWorker]:
    w = DbWorker(ctx)
    yield w
    qtbot.waitUntil(lambda: not w.is_busy(), timeout=10_000)
    w.shutdown()


def _shot(widget: object, name: str) -> None:
    SHOT_DIR.mkdir(exist_ok=True)
    widget.grab().save(str(SHOT_DIR / f"{name}.png"))  # type: ignore[attr-defined]


def _open(qtbot: QtBot, worker: DbWorker, path: Path) -> ImportDialog:
    dialog = ImportDialog(worker)
    qtbot.addWidget(dialog)
    dialog.load(path)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.preview is not None and not dialog._loading, timeout=10_000)
    return dialog


def test_preview_masks_buyers_then_imports_into_the_chosen_shop(
    qtbot: QtBot, qtmodeltester: object, worker: DbWorker, tmp_path: Path
) -> None:
    rows = [taobao_row(str(1930679858170647123 + i), name="王小明") for i in range(3)]
    path = write_csv(tmp_path / "已卖出的宝贝.csv", TAOBAO_HEADERS, rows, "gb18030")
    dialog = _open(qtbot, worker, path)
    qtmodeltester.check(dialog.preview_model)  # type: ignore[attr-defined]
    qtmodeltester.check(dialog.error_model)  # type: ignore[attr-defined]
    assert dialog.format_combo.currentData() == "taobao"
    assert dialog.preview_model.rowCount() == 3
    shown = {dialog.preview_model.index(r, c).data() for r in range(3) for c in range(9)}
    assert "王**" in shown and "王小明" not in shown
    assert "138****5678" in shown and "1930679858170647123" in shown
    # Two Taobao/Tmall shops in the demo: the user must pick one before importing.
    assert dialog.shop_row.isVisible()
    assert not dialog.import_button.isEnabled()
    _shot(dialog, "import-preview")
    dialog.shop_combo.setCurrentIndex(
        dialog.shop_combo.findText("小美家居淘宝店", flags=_contains())
    )
    assert dialog.import_button.isEnabled()
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.result_changes is not None, timeout=10_000)
    assert "3 new orders" in dialog.progress_label.text()
    assert dialog.cancel_button.text() == "Close"
    _shot(dialog, "import-done")
    shops = db.execute_sql(
        "SELECT DISTINCT s.name FROM sales_order o JOIN shop s ON s.id = o.shop_id"
        " WHERE o.shop_order_no LIKE '193067985817064712%'"
    ).fetchall()
    assert shops == [("小美家居淘宝店",)]


def _contains() -> object:
    from PySide6.QtCore import Qt

    return Qt.MatchFlag.MatchContains


def test_problems_are_listed_and_block_the_import(
    qtbot: QtBot, worker: DbWorker, tmp_path: Path
) -> None:
    rows = [
        taobao_row("1930679858170647123"),
        taobao_row("1.93068E+18"),
        taobao_row("5", amount="x"),
    ]
    dialog = _open(qtbot, worker, write_csv(tmp_path / "bad.csv", TAOBAO_HEADERS, rows))
    assert dialog.tabs.currentIndex() == 1
    assert dialog.tabs.tabText(1) == "Problems (2)"
    problems = [
        tuple(dialog.error_model.index(r, c).data() for c in range(3))
        for r in range(dialog.error_model.rowCount())
    ]
    assert problems[0][:2] == ("3", "订单编号") and "scientific notation" in problems[0][2]
    assert problems[1][:2] == ("4", "买家实际支付金额")


def test_a_problem_on_every_row_is_one_line_with_its_rows(
    qtbot: QtBot, worker: DbWorker, tmp_path: Path
) -> None:
    rows = [taobao_row(str(1930679858170647000 + i), amount="x") for i in range(30)]
    dialog = _open(qtbot, worker, write_csv(tmp_path / "bad.csv", TAOBAO_HEADERS, rows))
    assert dialog.error_model.rowCount() == 1
    row = [dialog.error_model.index(0, c).data() for c in range(3)]
    assert row[:2] == ["2–31", "买家实际支付金额"]
    _shot(dialog, "import-problems-grouped")
    dialog.shop_combo.setCurrentIndex(0)
    assert not dialog.import_button.isEnabled()
    assert "must be corrected" in dialog.summary.text()
    _shot(dialog, "import-problems")


def test_unknown_layout_is_mapped_saved_and_reused(
    qtbot: QtBot, qtmodeltester: object, worker: DbWorker, tmp_path: Path
) -> None:
    headers = ["单号", "状态", "客户", "电话", "金额", "品名"]
    path = write_csv(
        tmp_path / "own.csv", headers, [["A-1", "待发货", "张三", "13812345678", "9.90", "杯子"]]
    )
    dialog = _open(qtbot, worker, path)
    assert dialog.preview is not None and dialog.preview.needs_mapping
    assert "Map columns" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()
    mapping = dialog.edit_mapping()
    assert isinstance(mapping, MappingDialog)
    ok = mapping.buttons.button(mapping.buttons.StandardButton.Ok)
    for field, header in {"order_no": "单号", "buyer_name": "客户", "amount_fen": "金额"}.items():
        mapping.combos[field].setCurrentIndex(mapping.combos[field].findData(header))
    assert not ok.isEnabled() and "Order status" in mapping.problem.text()
    mapping.combos["status_text"].setCurrentIndex(mapping.combos["status_text"].findData("状态"))
    mapping.combos["buyer_phone"].setCurrentIndex(mapping.combos["buyer_phone"].findData("单号"))
    assert not ok.isEnabled()  # one column for two fields
    mapping.combos["buyer_phone"].setCurrentIndex(mapping.combos["buyer_phone"].findData("电话"))
    assert ok.isEnabled()
    _shot(mapping, "mapping-dialog")
    ok.click()
    qtbot.waitUntil(
        lambda: dialog.preview is not None and dialog.preview.can_import, timeout=10_000
    )
    assert dialog.format_combo.currentData() == "custom"
    assert QSettings().value(MAPPINGS_KEY, "", type=str)

    # A second file with the same columns gets the saved mapping without asking.
    other = write_csv(tmp_path / "own2.csv", headers, [["A-2", "已发货", "李四", "139", "1", "碗"]])
    second = _open(qtbot, worker, other)
    qtbot.waitUntil(
        lambda: second.preview is not None and second.preview.can_import, timeout=10_000
    )
    assert second.format_combo.currentData() == "custom"
    qtmodeltester.check(second.preview_model)  # type: ignore[attr-defined]


def test_cancel_during_import_leaves_the_database_unchanged(
    qtbot: QtBot, worker: DbWorker, tmp_path: Path, demo_db: Path
) -> None:
    rows = [taobao_row(str(1930679858170650000 + i)) for i in range(50)]
    dialog = _open(qtbot, worker, write_csv(tmp_path / "tb.csv", TAOBAO_HEADERS, rows))
    dialog.shop_combo.setCurrentIndex(0)
    before = content_dump(demo_db)
    gate = threading.Event()
    worker.submit(
        lambda _ctx: gate.wait(10)
    )  # hold the worker so the cancel lands before the import runs
    dialog.import_button.click()
    assert dialog.progress_bar.isVisible() and not dialog.import_button.isEnabled()
    dialog.cancel_button.click()
    gate.set()
    qtbot.waitUntil(lambda: not dialog._importing, timeout=10_000)
    assert "Cancelled" in dialog.progress_label.text()
    assert dialog.import_button.isEnabled()  # may try again
    assert content_dump(demo_db) == before


def test_run_import_dialog_asks_for_a_file(
    qtbot: QtBot, worker: DbWorker, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_csv(tmp_path / "tb.csv", TAOBAO_HEADERS, [taobao_row("1")])
    monkeypatch.setattr(import_module.QFileDialog, "getOpenFileName", lambda *a, **k: ("", ""))
    assert run_import_dialog(None, worker) is None
    monkeypatch.setattr(
        import_module.QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), "")
    )
    dialog = run_import_dialog(None, worker)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10_000)
    dialog.reject()


@pytest.mark.parametrize("full", [False, True])
def test_export_dialog_masks_unless_full_data_is_chosen(
    qtbot: QtBot, worker: DbWorker, tmp_path: Path, full: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dropship_desktop.ui.orders import export_dialog

    ids = [r[0] for r in db.execute_sql("SELECT id FROM sales_order ORDER BY id LIMIT 3")]
    names = {r[0] for r in db.execute_sql("SELECT buyer_name FROM sales_order WHERE id <= 3")}
    dialog = run_export_dialog(None, worker, OrderFilter(), ids)
    qtbot.addWidget(dialog)
    assert dialog.selected_radio.isChecked() and "(3)" in dialog.selected_radio.text()
    assert not dialog.full_data.isChecked()
    dialog.csv_radio.setChecked(True)
    if full:
        dialog.full_data.setChecked(True)
        assert "recorded" in dialog.full_note.text()
        qtbot.wait(20)  # let the layout fit the longer note
    _shot(dialog, f"export-{'full' if full else 'masked'}")
    dialog.export_to(tmp_path / "out.csv")
    qtbot.waitUntil(lambda: dialog.result_changes is not None, timeout=10_000)
    assert "3 orders" in dialog.status.text() and " s." not in dialog.status.text()
    # The file's folder can be opened from here.
    opened: list[str] = []
    monkeypatch.setattr(
        export_dialog.QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile())
    )
    assert dialog.open_folder_button.isVisible()
    dialog.open_folder_button.click()
    assert opened == [str(tmp_path)]
    cells = {strip_wrappers(c) for r in read_table(tmp_path / "out.csv").rows for c in r}
    assert bool(names & cells) is full
    audited = db.execute_sql(
        "SELECT count(*) FROM audit_event WHERE action = 'export_full_buyer_data'"
    ).fetchone()[0]
    assert audited == (1 if full else 0)
    dialog.cancel_button.click()


def test_export_dialog_all_orders_xlsx(qtbot: QtBot, worker: DbWorker, tmp_path: Path) -> None:
    dialog = ExportDialog(worker, OrderFilter(sales_statuses=("paid",)), [])
    qtbot.addWidget(dialog)
    assert dialog.all_radio.isChecked() and not dialog.selected_radio.isEnabled()
    dialog.xlsx_radio.setChecked(True)
    dialog.export_to(tmp_path / "paid.xlsx")
    qtbot.waitUntil(lambda: dialog.result_changes is not None, timeout=20_000)
    count = db.execute_sql("SELECT count(*) FROM sales_order WHERE status = 'paid'").fetchone()[0]
    assert len(read_table(tmp_path / "paid.xlsx").rows) == count > 0
