"""The import dialog and the detail pane with real platform exports (issue #12)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from dropship_desktop.context import AppContext
from dropship_desktop.services.order_import import import_orders_file
from dropship_desktop.store.db import db
from dropship_desktop.store.order_queries import order_detail
from dropship_desktop.ui.orders.detail import OrderDetailPane
from dropship_desktop.ui.orders.import_dialog import ImportDialog
from dropship_desktop.ui.tasks import DbWorker
from tests.helpers.platform_exports import (
    ALI1688_49,
    PDD_OBSERVED,
    TAOBAO_41,
    ali1688_rows,
    csv_file,
    taobao_row,
)
from tests.services.test_import_1688_export import _orders
from tests.services.test_shop_exports import _pdd_rows


@pytest.fixture
def worker(ctx: AppContext, qtbot: QtBot, demo_db: Path) -> Iterator[DbWorker]:
    w = DbWorker(ctx)
    yield w
    qtbot.waitUntil(lambda: not w.is_busy(), timeout=10_000)
    w.shutdown()


def _open(qtbot: QtBot, worker: DbWorker, path: Path) -> ImportDialog:
    dialog = ImportDialog(worker)
    qtbot.addWidget(dialog)
    dialog.load(path)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.preview is not None and not dialog._loading, timeout=10_000)
    return dialog


def test_the_dialog_finds_the_header_skips_summary_rows_and_shows_hidden_receivers(
    qtbot: QtBot, qtmodeltester: object, worker: DbWorker, tmp_path: Path
) -> None:
    rows = [*_pdd_rows(), ["合计", *[""] * (len(PDD_OBSERVED) - 1)]]
    path = csv_file(tmp_path / "pdd.csv", PDD_OBSERVED, rows, encoding="gb18030",
                    preamble=[["订单查询导出", "导出时间：2026-11-02 12:00:00"]])  # fmt: skip
    dialog = _open(qtbot, worker, path)
    qtmodeltester.check(dialog.preview_model)  # type: ignore[attr-defined]
    assert dialog.format_combo.currentData() == "pdd"
    text = dialog.summary.text()
    assert "Orders: 2" in text and "row 2" in text and "1 summary row(s)" in text
    first = [dialog.preview_model.index(0, c).data() for c in (3, 4)]
    assert first == ["hidden by the platform", "hidden by the platform"]


def test_the_dialog_chooses_the_shop_the_file_names(
    qtbot: QtBot, worker: DbWorker, tmp_path: Path
) -> None:
    # The demo has two Taobao/Tmall shops; the file names one of them.
    path = csv_file(tmp_path / "tb.csv", TAOBAO_41, [taobao_row(TAOBAO_41)])
    dialog = _open(qtbot, worker, path)
    assert dialog.shop_combo.currentText().startswith("小美家居淘宝店")
    # A shop name that is not here yet: offered as a new shop with that name.
    path2 = csv_file(tmp_path / "tb2.csv", TAOBAO_41, [taobao_row(TAOBAO_41, 店铺名称="新开的店")])
    dialog2 = _open(qtbot, worker, path2)
    assert dialog2.shop_combo.currentData() is None and dialog2.shop_combo.currentIndex() >= 0
    assert dialog2.new_shop_name.text() == "新开的店"


def test_a_1688_import_reports_the_waiting_downstream_order(
    qtbot: QtBot, worker: DbWorker, tmp_path: Path
) -> None:
    path = csv_file(tmp_path / "1688.csv", ALI1688_49, ali1688_rows(_orders()))
    dialog = _open(qtbot, worker, path)
    assert "Lines: 3" in dialog.summary.text() and "下游订单号" in dialog.summary.text()
    dialog.start_import()
    qtbot.waitUntil(lambda: dialog.result_changes is not None, timeout=10_000)
    assert "2 new 1688 orders" in dialog.progress_label.text()
    assert "not here yet" in dialog.progress_label.text()


def test_the_detail_pane_says_what_the_platform_hid_and_marks_unpaid(
    qtbot: QtBot, demo_db: Path, tmp_path: Path
) -> None:
    import_orders_file(
        csv_file(tmp_path / "pdd.csv", PDD_OBSERVED, _pdd_rows()), shop_name="拼多多小店"
    )
    unpaid = taobao_row(
        TAOBAO_41,
        订单编号='="1930679858170647124"',
        订单状态="等待买家付款",
        买家实际支付金额="0",
        买家应付货款="88.00",
        **{"订单付款时间 ": ""},
    )
    import_orders_file(
        csv_file(tmp_path / "tb.csv", TAOBAO_41, [unpaid]), shop_name="小美家居淘宝店"
    )
    pane = OrderDetailPane()
    qtbot.addWidget(pane)
    (hidden_id,) = db.execute_sql(
        "SELECT id FROM sales_order WHERE shop_order_no = '261102-123456789012345'"
    ).fetchone()
    pane.show_detail(order_detail(hidden_id))
    text = pane.browser.toPlainText()
    assert text.count("(hidden by the platform)") == 3
    assert "The platform hid some of it in its export." in text
    (unpaid_id,) = db.execute_sql(
        "SELECT id FROM sales_order WHERE shop_order_no = '1930679858170647124'"
    ).fetchone()
    pane.show_detail(order_detail(unpaid_id))
    text = pane.browser.toPlainText()
    assert "¥88.00 (unpaid)" in text


def test_the_detail_pane_lists_the_1688_goods_lines_and_the_link(
    qtbot: QtBot, demo_db: Path, tmp_path: Path
) -> None:
    shop = csv_file(tmp_path / "tb.csv", TAOBAO_41, [taobao_row(TAOBAO_41)])
    import_orders_file(shop, shop_name="小美家居淘宝店")
    import_orders_file(csv_file(tmp_path / "1688.csv", ALI1688_49, ali1688_rows(_orders())))
    (sales_id,) = db.execute_sql(
        "SELECT id FROM sales_order WHERE shop_order_no = '1930679858170647123'"
    ).fetchone()
    pane = OrderDetailPane()
    qtbot.addWidget(pane)
    pane.show_detail(order_detail(sales_id))
    text = pane.browser.toPlainText()
    assert "淘宝 1930679858170647123" in text and "B20261102001" in text
    assert "610947572360" in text and "4421432339981" in text and "T-001" in text
    assert "1209.50" in text.replace(",", "")  # the second goods line's unit price


def test_the_preview_says_hidden_in_chinese(qtbot: QtBot, worker: DbWorker, tmp_path: Path) -> None:
    from PySide6.QtCore import QCoreApplication, QTranslator

    from dropship_desktop.paths import resources_dir

    translator = QTranslator()
    assert translator.load("dropship_desktop_zh_CN", str(resources_dir() / "translations"))
    QCoreApplication.installTranslator(translator)
    try:
        path = csv_file(tmp_path / "pdd.csv", PDD_OBSERVED, _pdd_rows())
        dialog = _open(qtbot, worker, path)
        assert dialog.preview_model.index(0, 3).data() == "平台已隐藏"
    finally:
        QCoreApplication.removeTranslator(translator)


def test_the_mapping_dialog_offers_each_field_for_its_kind_of_export(qapp: object) -> None:
    """The promised ship-by time is a shop export's field: a 1688 export's mapping hides it, as
    it hides the shop name; the 1688 fields hide for a shop export."""
    from dropship_desktop.tabular.orders_formats import ColumnMapping
    from dropship_desktop.ui.orders.mapping_dialog import MappingDialog

    headers = ["主订单编号", "承诺发货时间", "订单状态"]
    dialog = MappingDialog(headers, ColumnMapping(fields={"ship_by": "承诺发货时间"}), "shop")
    shown = {n for n, c in dialog.combos.items() if dialog._form.isRowVisible(c)}
    assert {"ship_by", "shop_name"} <= shown and "offer_id" not in shown
    assert dialog.mapping().fields.get("ship_by") == "承诺发货时间"
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("1688"))
    shown = {n for n, c in dialog.combos.items() if dialog._form.isRowVisible(c)}
    assert "ship_by" not in shown and "shop_name" not in shown and "offer_id" in shown
    assert "ship_by" not in dialog.mapping().fields
    dialog.deleteLater()
