from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QFormLayout, QLabel, QLineEdit
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from dropship_desktop.context import AppContext
from dropship_desktop.domain.offer_ranking import ScoreWeights
from dropship_desktop.services.sourcing import (
    OfferInput,
    ProductInput,
    create_offer,
    create_product,
    load_comparison,
    preferred_offer_for,
)
from dropship_desktop.services.suppliers import SupplierInput, create_supplier
from dropship_desktop.store.db import db
from dropship_desktop.store.tables import Product, Supplier
from dropship_desktop.tabular.reader import read_table
from dropship_desktop.ui.sourcing.comparison import (
    ONE_PIECE_COLUMN,
    WEIGHTS_KEY,
    ComparisonModel,
    ComparisonPanel,
)
from dropship_desktop.ui.sourcing.offer_dialog import OfferDialog
from dropship_desktop.ui.sourcing.view import SourcingView
from dropship_desktop.ui.tasks import DbWorker


def _idle(qtbot: QtBot, view: SourcingView) -> None:
    qtbot.waitUntil(lambda: not view.worker.is_busy(), timeout=10_000)
    qtbot.wait(10)  # let queued result callbacks and their follow-up jobs settle
    qtbot.waitUntil(lambda: not view.worker.is_busy(), timeout=10_000)


@pytest.fixture
def make_view(qtbot: QtBot, ctx: AppContext) -> Iterator[object]:
    created: list[SourcingView] = []

    def make() -> SourcingView:
        worker = DbWorker(ctx)
        view = SourcingView(worker)
        # Views refresh on the Changes the worker broadcasts, as the main window wires it.
        worker.changed.connect(view.on_changed)
        qtbot.addWidget(view)
        view.resize(1300, 800)
        view.show()
        view.activate()
        _idle(qtbot, view)
        created.append(view)
        return view

    yield make
    for view in created:
        view.worker.shutdown()


def _counts() -> tuple[int, ...]:
    return tuple(
        db.execute_sql(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("product", "offer", "offer_price_tier", "supplier", "audit_event")
    )


def _seed_two_offers() -> tuple[int, int, int]:
    platform = create_supplier(
        SupplierInput(kind="platform", name="义乌晨光日用品", years_on_1688=6, rating=4.8)
    ).created_id
    channel = create_supplier(SupplierInput(kind="channel", name="阿强数码渠道")).created_id
    product = create_product(
        ProductInput(title="北欧风陶瓷马克杯 带盖带勺 350ml", sku="MUG-350", sale_price_fen=2990)
    ).created_id
    assert platform and channel and product
    solid = create_offer(
        OfferInput(product, platform, 1100, stock=200, last_checked="2026-10-30")
    ).created_id
    cheap = create_offer(OfferInput(product, channel, 700, lead_time_days=1)).created_id
    assert solid and cheap
    return product, solid, cheap


def _select_product(qtbot: QtBot, view: SourcingView, product_id: int) -> None:
    view.tabs.setCurrentIndex(1)
    assert view._select_id(view.product_table, view.products, product_id)
    _idle(qtbot, view)


def test_models_pass_modeltester(qtmodeltester: ModelTester, demo_db: Path, make_view) -> None:
    view = make_view()
    qtmodeltester.check(view.suppliers)
    qtmodeltester.check(view.products)
    qtmodeltester.check(view.offers)
    qtmodeltester.check(view.supplier_proxy)
    model = ComparisonModel()
    comparison = load_comparison(1)
    model.set_ranking(comparison.rank(), comparison, ScoreWeights())
    qtmodeltester.check(model)
    assert model.rowCount() == len(comparison.offers) >= 2


def test_create_a_supplier_of_each_kind(qtbot: QtBot, fresh_db: Path, make_view) -> None:
    view = make_view()
    for kind, name in (("platform", "义乌晨光日用品有限公司"), ("channel", "白沟箱包一件代发")):
        qtbot.mouseClick(view.new_supplier_button, Qt.MouseButton.LeftButton)
        dialog = view.dialog
        assert dialog is not None and not dialog.ok_button.isEnabled()  # name still empty
        dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
        dialog.name.setText(name)  # QTest cannot type Chinese; setText edits the same way
        qtbot.keyClicks(dialog.shop_url, "shop.1688.com")
        assert "http" in dialog.errors["shop_url"].text() and not dialog.ok_button.isEnabled()
        dialog.shop_url.clear()
        qtbot.keyClicks(dialog.shop_url, "https://shop.1688.com")
        assert not dialog.errors["shop_url"].isVisible()
        assert dialog.ok_button.isEnabled()
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        _idle(qtbot, view)
        assert view.dialog is None
    assert sorted(s.kind for s in Supplier.select()) == ["channel", "platform"]
    assert view.suppliers.rowCount() == 2
    names = {view.suppliers.index(r, 0).data() for r in range(2)}
    assert names == {"义乌晨光日用品有限公司", "白沟箱包一件代发"}


def _type_into_editor(qtbot: QtBot, text: str, then: Qt.Key) -> None:
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)  # the cell's editor is open and has the focus
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, then)


def _type_tier(qtbot: QtBot, dialog: OfferDialog, qty: str, price: str) -> None:
    """Add a tier as a seller does: Add, type the quantity, Tab, type the price, Enter."""
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.mouseClick(dialog.tiers.add_button, Qt.MouseButton.LeftButton)
    _type_into_editor(qtbot, qty, Qt.Key.Key_Tab)
    _type_into_editor(qtbot, price, Qt.Key.Key_Return)


def test_offer_dialog_validates_where_typed(qtbot: QtBot, fresh_db: Path, make_view) -> None:
    product, _solid, _cheap = _seed_two_offers()
    view = make_view()
    _select_product(qtbot, view, product)
    view.new_offer()
    dialog = view.dialog
    assert isinstance(dialog, OfferDialog)
    qtbot.keyClicks(dialog.unit_cost, "9.999")
    assert dialog.errors["unit_cost_fen"].text() == "At most two decimals (fen)."
    assert not dialog.ok_button.isEnabled()
    dialog.unit_cost.clear()
    qtbot.keyClicks(dialog.unit_cost, "8.50")
    _type_tier(qtbot, dialog, "10", "8")
    _type_tier(qtbot, dialog, "5", "7")
    assert "must be greater than the previous tier" in dialog.errors["price_tiers"].text()
    assert dialog.errors["price_tiers"].isVisible()
    # The dialog grows for the problem rather than squeezing the table.
    qtbot.waitUntil(lambda: dialog.tiers.height() >= dialog.tiers.minimumSizeHint().height())
    assert not dialog.ok_button.isEnabled()
    # Remove the second tier with the Delete key and type a good one instead.
    assert dialog.tiers.table.currentRow() == 1
    qtbot.keyClick(dialog.tiers.table, Qt.Key.Key_Delete)
    assert dialog.tiers.table.rowCount() == 1 and dialog.ok_button.isEnabled()
    _type_tier(qtbot, dialog, "50", "7.555")
    assert "two decimals" in dialog.errors["price_tiers"].text()
    assert not dialog.ok_button.isEnabled()
    dialog.tiers.table.setCurrentCell(1, 1)
    qtbot.keyClick(dialog.tiers.table, Qt.Key.Key_F2)
    _type_into_editor(qtbot, "7.5", Qt.Key.Key_Return)
    assert dialog.tiers.tiers() == (((10, 800), (50, 750)), "")
    assert not dialog.errors["price_tiers"].isVisible()
    assert dialog.ok_button.isEnabled()
    assert "¥8.50" in dialog.preview.text()  # landed cost preview of a one-piece order
    before = _counts()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    _idle(qtbot, view)
    assert _counts()[1] == before[1] + 1 and _counts()[2] == before[2] + 2
    assert view.offers.rowCount() == 3


def test_tier_table_edits_an_existing_offer(
    qtbot: QtBot, qtmodeltester: ModelTester, fresh_db: Path, make_view
) -> None:
    product, solid, _cheap = _seed_two_offers()
    view = make_view()
    _select_product(qtbot, view, product)
    assert view._select_id(view.offer_table, view.offers, solid)
    view.edit_offer()
    dialog = view.dialog
    assert isinstance(dialog, OfferDialog)
    assert dialog.tiers.tiers() == ((), "")
    _type_tier(qtbot, dialog, "10", "10.50")
    _type_tier(qtbot, dialog, "50", "9.9")
    table = dialog.tiers.table
    qtmodeltester.check(table.model())
    assert [table.item(1, c).text() for c in range(2)] == ["50", "9.9"]
    # Enter in a cell only finishes the cell: the dialog stays open for more edits.
    table.setCurrentCell(1, 1)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    _type_into_editor(qtbot, "9.80", Qt.Key.Key_Enter)
    assert view.dialog is dialog and dialog.isVisible() and dialog.ok_button.isEnabled()
    # A row added and left blank is ignored; the first tier is removed with the button.
    _type_tier(qtbot, dialog, "", "")
    table.setCurrentCell(0, 0)
    qtbot.mouseClick(dialog.tiers.remove_button, Qt.MouseButton.LeftButton)
    assert dialog.tiers.tiers() == (((50, 980),), "")
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    _idle(qtbot, view)
    assert view.dialog is None
    assert db.execute_sql(
        "SELECT min_qty, unit_price_fen FROM offer_price_tier WHERE offer_id = ?", (solid,)
    ).fetchall() == [(50, 980)]
    # Opened again, the table shows the stored tiers as yuan.
    assert view._select_id(view.offer_table, view.offers, solid)
    view.edit_offer()
    dialog = view.dialog
    assert isinstance(dialog, OfferDialog)
    assert [dialog.tiers.table.item(0, c).text() for c in range(2)] == ["50", "9.80"]
    dialog.reject()


def test_ranking_follows_weights_and_prices(qtbot: QtBot, fresh_db: Path, make_view) -> None:
    product, solid, cheap = _seed_two_offers()
    view = make_view()
    _select_product(qtbot, view, product)
    panel = view.comparison
    assert panel.model.rowCount() == 2
    # Only trust counts: the platform supplier wins.
    for name, spin in panel.spins.items():
        spin.setValue(100 if name == "trust" else 0)
    assert panel.model.ranked_ids()[0] == solid
    # Only cost counts: the cheaper channel offer wins.
    panel.spins["cost"].setValue(100)
    panel.spins["trust"].setValue(0)
    assert panel.model.ranked_ids() == [cheap, solid]
    stored = json.loads(QSettings().value(WEIGHTS_KEY, "", type=str))
    assert stored == {**ScoreWeights(100, 0, 0, 0, 0).as_dict()}
    assert ComparisonPanel().weights == ScoreWeights(100, 0, 0, 0, 0)  # remembered
    # Raise the cheap offer's price through the real dialog: the ranking flips.
    assert view._select_id(view.offer_table, view.offers, cheap)
    view.edit_offer()
    dialog = view.dialog
    assert isinstance(dialog, OfferDialog)
    dialog.unit_cost.clear()
    qtbot.keyClicks(dialog.unit_cost, "25.00")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    _idle(qtbot, view)
    assert panel.model.ranked_ids() == [solid, cheap]
    qtbot.mouseClick(panel.reset_button, Qt.MouseButton.LeftButton)
    assert panel.weights == ScoreWeights()


def test_offer_that_cannot_serve_one_piece_is_marked_not_hidden(
    qtbot: QtBot, fresh_db: Path, make_view
) -> None:
    product, solid, cheap = _seed_two_offers()
    wholesale_supplier = create_supplier(SupplierInput(kind="platform", name="批发厂家")).created_id
    assert wholesale_supplier
    # The cheapest by far, but wholesale only: MOQ 10 and no one-piece dropship.
    wholesale = create_offer(
        OfferInput(product, wholesale_supplier, 300, moq=10, dropship_supported=False)
    ).created_id
    view = make_view()
    _select_product(qtbot, view, product)
    panel = view.comparison
    panel.spins["cost"].setValue(100)
    for name in ("lead_time", "trust", "stability", "counterfeit_risk"):
        panel.spins[name].setValue(0)
    model = panel.model
    assert model.rowCount() == 3  # shown, not hidden
    assert model.ranked_ids()[-1] == wholesale  # ranked last despite the lowest cost
    row = model.ranked_ids().index(wholesale)
    one_piece = model.index(row, ONE_PIECE_COLUMN)
    assert one_piece.data().startswith("✗")
    assert "one-piece" in one_piece.data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(row, 1).data(Qt.ItemDataRole.ForegroundRole) is not None  # greyed
    for other in (solid, cheap):
        other_row = model.ranked_ids().index(other)
        assert model.index(other_row, ONE_PIECE_COLUMN).data().startswith("✓")
        assert model.index(other_row, 1).data(Qt.ItemDataRole.ForegroundRole) is None


def test_all_zero_weights_are_refused(qtbot: QtBot, fresh_db: Path, make_view) -> None:
    view = make_view()
    panel = view.comparison
    for spin in panel.spins.values():
        spin.setValue(0)
    assert "at least one" in panel.weight_hint.text().lower()
    assert panel.weights.total() > 0


def test_set_and_clear_preferred_offer(qtbot: QtBot, fresh_db: Path, make_view) -> None:
    product, solid, cheap = _seed_two_offers()
    view = make_view()
    _select_product(qtbot, view, product)
    assert view._select_id(view.offer_table, view.offers, cheap)
    assert view.preferred_button.isEnabled() and not view.preferred_button.isChecked()
    qtbot.mouseClick(view.preferred_button, Qt.MouseButton.LeftButton)
    _idle(qtbot, view)
    assert Product.get_by_id(product).preferred_offer_id == cheap
    assert preferred_offer_for(product) == cheap
    star_row = view.offers.row_of_id(cheap)
    assert view.offers.index(star_row, 0).data() == "★"
    assert view.offers.index(view.offers.row_of_id(solid), 0).data() == ""
    assert view._select_id(view.offer_table, view.offers, cheap)
    assert view.preferred_button.isChecked()
    qtbot.mouseClick(view.preferred_button, Qt.MouseButton.LeftButton)
    _idle(qtbot, view)
    assert Product.get_by_id(product).preferred_offer_id is None


def test_supplier_delete_refused_with_reason(qtbot: QtBot, demo_db: Path, make_view) -> None:
    view = make_view()
    view._confirm = lambda _text: True  # type: ignore[method-assign]
    supplier_id = db.execute_sql("SELECT supplier_id FROM offer LIMIT 1").fetchone()[0]
    assert view._select_id(view.supplier_table, view.suppliers, supplier_id)
    before = _counts()
    view.supplier_table.setFocus()
    qtbot.keyClick(view.supplier_table, Qt.Key.Key_Delete)
    _idle(qtbot, view)
    assert view.message_bar.isVisible()
    assert "cannot be deleted" in view.message_bar.text()
    assert _counts() == before


def test_unused_supplier_is_deleted(qtbot: QtBot, fresh_db: Path, make_view) -> None:
    create_supplier(SupplierInput(kind="channel", name="临时渠道"))
    view = make_view()
    view._confirm = lambda _text: True  # type: ignore[method-assign]
    view.supplier_table.selectRow(0)
    qtbot.mouseClick(view.delete_supplier_button, Qt.MouseButton.LeftButton)
    _idle(qtbot, view)
    assert Supplier.select().count() == 0 and view.suppliers.rowCount() == 0


def _csv(path: Path, rows: list[list[str]], encoding: str = "utf-8-sig") -> Path:
    with open(path, "w", encoding=encoding, newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


HEADER = ["商家编码", "商品标题", "售价", "供应商", "供应商类型", "单价"]


def test_rejected_import_leaves_database_unchanged(
    qtbot: QtBot, fresh_db: Path, tmp_path: Path, make_view
) -> None:
    view = make_view()
    path = _csv(
        tmp_path / "bad.csv",
        [
            HEADER,
            ["CUP-1", "保温杯 不锈钢 500ml", "39.90", "义乌晨光", "平台", "15.50"],
            ["CUP-2", "保温杯 1L", "12.345", "没有的供应商", "", "10"],
        ],
        "gbk",
    )
    before = _counts()
    view.import_file(path)
    _idle(qtbot, view)
    dialog = view.dialog
    assert dialog is not None and dialog.preview is not None
    assert dialog.preview.error_count == 1
    assert not dialog.import_button.isEnabled()
    problems = dialog.model.index(0, 6).data()  # rows with problems are listed first
    assert "two decimals" in problems and "没有的供应商" in problems
    dialog.commit()  # even a forced commit writes nothing
    _idle(qtbot, view)
    dialog.reject()
    assert _counts() == before


def test_clean_import_commits_everything(
    qtbot: QtBot, fresh_db: Path, tmp_path: Path, make_view
) -> None:
    view = make_view()
    path = _csv(
        tmp_path / "good.csv",
        [
            HEADER,
            ["CUP-1", "保温杯 不锈钢 500ml", "39.90", "义乌晨光", "平台", "15.50"],
            ["CUP-1", "", "", "阿强渠道", "渠道商", "12"],
        ],
    )
    view.import_file(path)
    _idle(qtbot, view)
    dialog = view.dialog
    assert dialog is not None and dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    _idle(qtbot, view)
    assert view.dialog is None
    assert _counts()[:4] == (1, 2, 0, 2)
    assert view.products.rowCount() == 1 and view.suppliers.rowCount() == 2


def test_export_from_the_view(qtbot: QtBot, demo_db: Path, tmp_path: Path, make_view) -> None:
    view = make_view()
    view.export_suppliers_to(tmp_path / "s.csv")
    view.export_offers_to(tmp_path / "o.xlsx")
    _idle(qtbot, view)
    assert (tmp_path / "s.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    suppliers = read_table(tmp_path / "s.csv")
    assert len(suppliers.rows) == Supplier.select().count() == 10
    names = {r[0] for r in db.execute_sql("SELECT name FROM supplier")}
    assert {cell for row in suppliers.rows for cell in row} >= names
    offers = db.execute_sql("SELECT count(*) FROM offer").fetchone()[0]
    assert len(read_table(tmp_path / "o.xlsx").rows) == offers > 0
    assert "Exported" in view.message_bar.text()


def test_filter_sort_and_copy(qtbot: QtBot, demo_db: Path, make_view) -> None:
    view = make_view()
    total = view.supplier_proxy.rowCount()
    view.supplier_filter.edit.setText("渠道")
    assert 0 < view.supplier_proxy.rowCount() < total
    view.supplier_filter.edit.clear()
    kind_column = view.supplier_filter.column.findText("Kind")
    view.supplier_filter.column.setCurrentIndex(kind_column)
    qtbot.keyClicks(view.supplier_filter.edit, "channel")
    assert all(
        view.supplier_proxy.index(r, 1).data() == "Channel distributor"
        for r in range(view.supplier_proxy.rowCount())
    )
    view.supplier_filter.edit.clear()
    view.supplier_table.sortByColumn(5, Qt.SortOrder.DescendingOrder)  # years on 1688
    years = [
        view.supplier_proxy.index(r, 5).data(Qt.ItemDataRole.UserRole)
        for r in range(view.supplier_proxy.rowCount())
    ]
    assert years == sorted(years, reverse=True)
    view.supplier_table.selectRow(0)
    view.supplier_table.setFocus()
    qtbot.keyClick(view.supplier_table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    text = QApplication.clipboard().text()
    assert text.startswith("Name\tKind\t") and text.count("\r\n") == 2


def test_dialog_labels_have_buddies(qtbot: QtBot, fresh_db: Path, make_view) -> None:
    view = make_view()
    view.new_supplier()
    dialog = view.dialog
    assert dialog is not None
    form = dialog.form
    for row in range(form.rowCount()):
        label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        if label is not None and isinstance(label.widget(), QLabel):
            assert label.widget().buddy() is not None
    dialog.reject()
