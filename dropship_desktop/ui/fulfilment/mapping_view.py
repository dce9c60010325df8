"""商品关联: which 1688 offer + spec serves each shop listing, with backups in order."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...context import AppContext
from ...errors import UserError
from ...i18n import QT_TRANSLATE_NOOP
from ...services import mapping as mp
from ...services.base import Changes
from ..formatting import changes_text, user_error_text
from ..style import error_style
from ..tasks import DbWorker, without_context
from ..view_base import View, icon
from ..widgets.message_bar import MessageBar
from ..widgets.tables import read_only_table
from .models import AMBER, GREEN, RED, ObjectColumn, ObjectTableModel

__all__ = ["MappingDialog", "MappingView"]

CTX = "MappingView"

_STATES = {
    "unmapped": QT_TRANSLATE_NOOP("MappingView", "Not mapped"),
    "proposed": QT_TRANSLATE_NOOP("MappingView", "To confirm"),
    "confirmed": QT_TRANSLATE_NOOP("MappingView", "Confirmed"),
}
_COLOURS = {"unmapped": RED, "proposed": AMBER, "confirmed": GREEN}
_SOURCES = {
    "learned": QT_TRANSLATE_NOOP("MappingView", "Learned from a link"),
    "manual": QT_TRANSLATE_NOOP("MappingView", "Typed"),
    "import": QT_TRANSLATE_NOOP("MappingView", "Imported"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


LISTING_COLUMNS = (
    ObjectColumn(
        QT_TRANSLATE_NOOP("MappingView", "State"),
        lambda r: _tr(_STATES[r.state]),
        colour=lambda r: _COLOURS[r.state],
    ),
    ObjectColumn(QT_TRANSLATE_NOOP("MappingView", "Shop"), lambda r: r.shop_name),
    ObjectColumn(QT_TRANSLATE_NOOP("MappingView", "Shop listing"), lambda r: r.title),
    ObjectColumn(QT_TRANSLATE_NOOP("MappingView", "Spec"), lambda r: r.spec),
    ObjectColumn(QT_TRANSLATE_NOOP("MappingView", "Merchant code"), lambda r: r.merchant_code),
    ObjectColumn(QT_TRANSLATE_NOOP("MappingView", "Item ID"), lambda r: r.platform_item_id),
    ObjectColumn(
        QT_TRANSLATE_NOOP("MappingView", "Orders waiting"),
        lambda r: str(r.waiting_orders),
        right=True,
    ),
    ObjectColumn(QT_TRANSLATE_NOOP("MappingView", "Main offer"), lambda r: r.main_target),
    ObjectColumn(
        QT_TRANSLATE_NOOP("MappingView", "Backups"),
        lambda r: str(max(0, r.targets - 1)),
        right=True,
    ),
)

TARGET_COLUMNS = (
    ObjectColumn(
        QT_TRANSLATE_NOOP("MappingView", "Order"),
        lambda t: (
            QCoreApplication.translate("MappingView", "Main")
            if t.priority == 0
            else QCoreApplication.translate("MappingView", "Backup %1").replace(
                "%1", str(t.priority)
            )
        ),
    ),
    ObjectColumn(QT_TRANSLATE_NOOP("MappingView", "1688 offer ID"), lambda t: t.offer_id_1688),
    ObjectColumn(QT_TRANSLATE_NOOP("MappingView", "1688 spec ID"), lambda t: t.spec_id_1688),
    ObjectColumn(QT_TRANSLATE_NOOP("MappingView", "1688 spec"), lambda t: t.spec_text_1688),
    ObjectColumn(QT_TRANSLATE_NOOP("MappingView", "Product"), lambda t: t.product_title),
    ObjectColumn(QT_TRANSLATE_NOOP("MappingView", "Supplier"), lambda t: t.supplier_name),
    ObjectColumn(
        QT_TRANSLATE_NOOP("MappingView", "Pieces per item"),
        lambda t: str(t.quantity_factor),
        right=True,
    ),
    ObjectColumn(
        QT_TRANSLATE_NOOP("MappingView", "State"),
        lambda t: _tr(_STATES[t.state]),
        tooltip=lambda t: (
            _tr(_SOURCES.get(t.source, t.source))
            + (f" · 1688 {t.learned_from}" if t.learned_from else "")
        ),
        colour=lambda t: GREEN if t.confirmed else AMBER,
    ),
)


def _offer_choices(ctx: AppContext) -> list[tuple[int, str]]:
    from ...store.lookups import offer_choices

    return [
        (oid, f"{title} — {supplier}" + (f" ({ref})" if ref else ""))
        for oid, title, supplier, ref in offer_choices()
    ]


class MappingDialog(QDialog):
    """Add or edit one target of a listing: the 1688 offer, spec, pieces per item."""

    def __init__(
        self,
        offers: list[tuple[int, str]],
        target: mp.MappingRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("MappingDialog")
        self.setWindowTitle(self.tr("1688 offer for this listing"))
        self.offer = QComboBox()
        self.offer.addItem(self.tr("(none of my offers)"), None)
        for offer_id, text in offers:
            self.offer.addItem(text, offer_id)
        self.offer_id_1688 = QLineEdit()
        self.offer_id_1688.setPlaceholderText(self.tr("Offer ID or the offer's link"))
        self.spec_id = QLineEdit()
        self.spec_id.setPlaceholderText(self.tr("SKU / spec id on 1688 (optional)"))
        self.spec_text = QLineEdit()
        self.spec_text.setPlaceholderText(self.tr("e.g. 白色 M"))
        self.factor = QSpinBox()
        self.factor.setRange(1, 1000)
        self.confirmed = QCheckBox(self.tr("Confirmed: use it without asking"))
        self.confirmed.setChecked(True)
        if target is not None:
            index = self.offer.findData(target.offer_id)
            self.offer.setCurrentIndex(max(0, index))
            self.offer_id_1688.setText(target.offer_id_1688)
            self.spec_id.setText(target.spec_id_1688)
            self.spec_text.setText(target.spec_text_1688)
            self.factor.setValue(target.quantity_factor)
            self.confirmed.setChecked(target.confirmed)
        self.error = QLabel()
        self.error.setStyleSheet(error_style())
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("My offer:"), self.offer)
        form.addRow(self.tr("1688 Offer ID:"), self.offer_id_1688)
        form.addRow(self.tr("1688 spec ID:"), self.spec_id)
        form.addRow(self.tr("1688 spec:"), self.spec_text)
        form.addRow(self.tr("Pieces per item:"), self.factor)
        form.addRow("", self.confirmed)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        hint = QLabel(
            self.tr(
                "“Pieces per item”: a listing sold as a 2-pack needs 2 pieces from 1688 for each "
                "one sold."
            )
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def values(self, shop_id: int, listing_key: str) -> mp.MappingInput:
        return mp.MappingInput(
            shop_id=shop_id,
            listing_key=listing_key,
            offer_id_1688=self.offer_id_1688.text().strip(),
            spec_id_1688=self.spec_id.text().strip(),
            spec_text_1688=self.spec_text.text().strip(),
            offer_id=self.offer.currentData(),
            quantity_factor=self.factor.value(),
            confirmed=self.confirmed.isChecked(),
        )


class MappingView(View):
    """Shop listings and their 1688 offers: unmapped ones first, by orders waiting on them."""

    watches = frozenset({"sku_mapping", "sales_order", "supplier_order", "offer", "product"})
    icon_name = "link"

    def __init__(self, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(worker, parent)
        self.setObjectName("MappingView")
        self.dialog: MappingDialog | None = None
        #: Ask for a file to open / save (tests replace them).
        self.ask_open: Callable[[], str] = self._ask_open
        self.ask_save: Callable[[], str] = self._ask_save
        self.message_bar = MessageBar(self)
        self.listings = ObjectTableModel(LISTING_COLUMNS, CTX, self)
        self.listing_table = read_only_table(self.listings, "listingTable")
        self.targets = ObjectTableModel(TARGET_COLUMNS, CTX, self)
        self.target_table = read_only_table(self.targets, "targetTable")

        def button(text: str, icon_name: str, slot: Callable[[], None]) -> QPushButton:
            b = QPushButton(icon(icon_name), text)
            b.clicked.connect(slot)
            return b

        self.add_button = button(self.tr("Add offer…"), "add", self.add_target)
        self.edit_button = button(self.tr("Edit…"), "edit", self.edit_target)
        self.confirm_button = button(self.tr("Confirm"), "star", self.confirm_target)
        self.up_button = button(self.tr("Move up"), "refresh", lambda: self.move_target(-1))
        self.down_button = button(self.tr("Move down"), "refresh", lambda: self.move_target(1))
        self.remove_button = button(self.tr("Remove"), "delete", self.remove_target)
        self.import_button = button(self.tr("Import…"), "import", self.import_file)
        self.export_button = button(self.tr("Export…"), "export", self.export_file)
        self.count_label = QLabel()
        top_bar = QHBoxLayout()
        top_bar.addWidget(self.count_label)
        top_bar.addStretch(1)
        top_bar.addWidget(self.import_button)
        top_bar.addWidget(self.export_button)
        target_bar = QHBoxLayout()
        for b in (
            self.add_button,
            self.edit_button,
            self.confirm_button,
            self.up_button,
            self.down_button,
            self.remove_button,
        ):
            target_bar.addWidget(b)
        target_bar.addStretch(1)
        hint = QLabel(
            self.tr(
                "Mappings are learned: whenever a 1688 order is linked to a shop order the pair "
                "is proposed here. Confirm it once and the purchase queue uses it from then on; "
                "backups are used in order when the main offer is out of stock."
            )
        )
        hint.setWordWrap(True)
        hint.setObjectName("hint")
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addLayout(target_bar)
        self.target_hint = QLabel()
        self.target_hint.setObjectName("targetHint")
        self.target_hint.setWordWrap(True)
        lower_layout.addWidget(self.target_hint)
        lower_layout.addWidget(self.target_table, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.listing_table)
        split.addWidget(lower)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.message_bar)
        layout.addLayout(top_bar)
        layout.addWidget(split, 1)
        layout.addWidget(hint)
        self.listing_table.selectionModel().currentRowChanged.connect(
            lambda *_: self._load_targets()
        )
        self.target_table.selectionModel().currentRowChanged.connect(
            lambda *_: self._update_buttons()
        )
        self.target_table.activated.connect(lambda _i: self.edit_target())
        for column, width in enumerate((100, 120, 220, 110, 110, 100, 110, 200)):
            self.listing_table.setColumnWidth(column, width)
        for column, width in enumerate((70, 130, 110, 110, 180, 140, 100)):
            self.target_table.setColumnWidth(column, width)
        self._update_buttons()

    def title(self) -> str:
        return self.tr("Mappings")

    # -- loading ------------------------------------------------------------------------------

    def refresh(self) -> None:
        self.worker.submit(
            without_context(mp.listing_rows),
            on_result=self._rows_loaded,
            on_error=self._show_error,
            key="listings",
            owner=self,
        )

    def _rows_loaded(self, rows: list[mp.ListingRow]) -> None:
        current = self.selected_listing()
        self.listings.set_rows(rows)
        unmapped = sum(1 for r in rows if r.state == "unmapped")
        proposed = sum(1 for r in rows if r.state == "proposed")
        self.count_label.setText(
            self.tr("Not mapped: %1 · to confirm: %2 · listings: %3")
            .replace("%1", str(unmapped))
            .replace("%2", str(proposed))
            .replace("%3", str(len(rows)))
        )
        index = 0
        if current is not None:
            for i, row in enumerate(rows):
                if (row.shop_id, row.listing_key) == (current.shop_id, current.listing_key):
                    index = i
                    break
        if rows:
            self.listing_table.selectRow(index)
        self._load_targets()

    def selected_listing(self) -> mp.ListingRow | None:
        index = self.listing_table.currentIndex()
        return self.listings.row_object(index.row()) if index.isValid() else None

    def selected_target(self) -> mp.MappingRow | None:
        index = self.target_table.currentIndex()
        return self.targets.row_object(index.row()) if index.isValid() else None

    def _load_targets(self) -> None:
        listing = self.selected_listing()
        if listing is None:
            self.targets.set_rows([])
            self._update_buttons()
            return
        self.worker.submit(
            without_context(mp.mappings_of_listing),
            listing.shop_id,
            listing.listing_key,
            on_result=self._targets_loaded,
            key="targets",
            owner=self,
        )

    def _targets_loaded(self, rows: list[mp.MappingRow]) -> None:
        current = self.selected_target()
        self.targets.set_rows(rows)
        if not rows:
            self.target_hint.setText(
                self.tr(
                    "No 1688 offer for this listing yet: click “Add offer…”, or link one of its "
                    "orders to the 1688 order placed for it and the pair is proposed here."
                )
            )
        elif any(not r.confirmed for r in rows):
            self.target_hint.setText(
                self.tr(
                    "Check the proposed offer and click “Confirm”: the purchase queue then uses "
                    "it without asking."
                )
            )
        else:
            self.target_hint.setText("")
        for i, row in enumerate(rows):
            if current is not None and row.id == current.id:
                self.target_table.selectRow(i)
                break
        else:
            if rows:
                self.target_table.selectRow(0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        listing = self.selected_listing()
        target = self.selected_target()
        self.add_button.setEnabled(listing is not None)
        for b in (self.edit_button, self.remove_button):
            b.setEnabled(target is not None)
        self.confirm_button.setEnabled(target is not None and not target.confirmed)
        count = self.targets.rowCount()
        self.up_button.setEnabled(target is not None and target.priority > 0)
        self.down_button.setEnabled(target is not None and target.priority < count - 1)

    # -- actions ------------------------------------------------------------------------------

    def _show_error(self, error: BaseException) -> None:
        if isinstance(error, UserError):
            self.message_bar.show_message(user_error_text(error))
        else:
            raise error

    def _done(self, changes: Changes) -> None:
        text = changes_text(changes)
        if text:
            self.message_bar.show_message(text, "info")

    def _run(self, fn: Callable[..., Changes], *args: object) -> None:
        self.worker.submit(
            without_context(fn), *args, on_result=self._done, on_error=self._show_error, owner=self
        )

    def add_target(self) -> None:
        self._open_dialog(None)

    def edit_target(self) -> None:
        target = self.selected_target()
        if target is not None:
            self._open_dialog(target)

    def _open_dialog(self, target: mp.MappingRow | None) -> None:
        listing = self.selected_listing()
        if listing is None:
            return
        self.worker.submit(
            _offer_choices,
            on_result=lambda offers: self._show_dialog(listing, target, offers),
            owner=self,
        )

    def _show_dialog(
        self, listing: mp.ListingRow, target: mp.MappingRow | None, offers: list[tuple[int, str]]
    ) -> None:
        dialog = MappingDialog(offers, target, self)
        self.dialog = dialog

        def finished(result: int) -> None:
            self.dialog = None
            if result == QDialog.DialogCode.Accepted:
                self._run(
                    mp.save_mapping,
                    dialog.values(listing.shop_id, listing.listing_key),
                    target.id if target else None,
                )
            dialog.deleteLater()

        dialog.finished.connect(finished)
        dialog.open()

    def confirm_target(self) -> None:
        target = self.selected_target()
        if target is not None:
            self._run(mp.confirm_mappings, [target.id])

    def move_target(self, delta: int) -> None:
        target = self.selected_target()
        if target is not None:
            self._run(mp.move_mapping, target.id, delta)

    def remove_target(self) -> None:
        target = self.selected_target()
        if target is not None:
            self._run(mp.delete_mapping, target.id)

    def _ask_open(self) -> str:
        name, _f = QFileDialog.getOpenFileName(
            self,
            self.tr("Import mappings"),
            str(Path.home()),
            self.tr("Tables (*.xlsx *.xls *.csv)"),
        )
        return name

    def _ask_save(self) -> str:
        name, _f = QFileDialog.getSaveFileName(
            self,
            self.tr("Export mappings"),
            str(Path.home() / "商品关联.xlsx"),
            self.tr("Excel workbook (*.xlsx);;CSV (*.csv)"),
        )
        return name

    def import_file(self) -> None:
        name = self.ask_open()
        if name:
            self._run(mp.import_mappings, name)

    def export_file(self) -> None:
        name = self.ask_save()
        if not name:
            return

        def done(count: int) -> None:
            self.message_bar.show_message(
                self.tr("%n mapping(s) exported to %1.", "", count).replace("%1", Path(name).name),
                "info",
            )

        self.worker.submit(
            without_context(mp.export_mappings),
            name,
            on_result=done,
            on_error=self._show_error,
            owner=self,
        )

    def shutdown(self) -> None:
        self.worker.cancel("listings")
        self.worker.cancel("targets")
