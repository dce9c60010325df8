"""Create or edit an offer (货源报价): price, tiers, MOQ, lead time, dropship, stock, 1688 link."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import Fulfilment, SupplierKind
from ...domain.money import MoneyError, fen_to_yuan_text, parse_yuan
from ...domain.sourcing import (
    OfferFacts,
    SupplierFacts,
    can_serve_single_piece,
    landed_cost_fen,
    validate_price_tiers,
)
from ...services.sourcing import MAX_MONEY_FEN, OfferInput, create_offer, update_offer
from ...store.sourcing_queries import OFFER_COLUMNS, tiers_of
from ..formatting import enum_label, format_money, translated
from ..tasks import DbWorker
from ..widgets.money_edit import MoneyEdit
from .form_dialog import FormDialog

__all__ = ["OfferDialog", "PriceTiersEdit"]

_UNKNOWN_STOCK = -1
_MAX_TIER_QTY = 1_000_000
_QTY_RE = re.compile(r"\d{1,7}", re.ASCII)

Tiers = tuple[tuple[int, int], ...]


class _CellDelegate(QStyledItemDelegate):
    """Commits a cell on Enter at once and keeps the key from the dialog.

    Qt's delegate commits on Enter through a queued call and lets the key through, so in a
    dialog Enter would press OK before the typed value reached the table.
    """

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and isinstance(editor, QWidget)
        ):
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            return True
        return super().eventFilter(editor, event)


class PriceTiersEdit(QWidget):
    """A small table of price tiers (阶梯价): minimum quantity and unit price in yuan per row.

    Rows keep the order typed; blank rows are ignored. Keyboard: type into a cell to edit it,
    Tab/Enter moves on, arrows move between cells, Delete removes the current row, and Tab leaves
    the table for the Add/Remove buttons.

    Signals:
        valueChanged(): A cell, or the set of rows, changed.
    """

    # Named like the Qt editors' signal, so FormDialog.field connects it.
    valueChanged = Signal()

    QTY, PRICE = 0, 1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("priceTiersTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Minimum quantity"), self.tr("Unit price (¥)")]
        )
        self.table.setAccessibleName(self.tr("Price tiers"))
        self.table.setToolTip(
            self.tr(
                "From each minimum quantity on, the unit price of that row applies. "
                "Leave the table empty when the offer has one price."
            )
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)  # bold headers of a selected row would clip in English
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setItemDelegate(_CellDelegate(self.table))
        # Tab leaves the table (to the buttons and the next field) instead of walking its cells.
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        # Tall enough for the cell editor, not the style's roomy default.
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)
        # Room for the header and four rows; more rows scroll.
        self.table.setFixedHeight(
            header.sizeHint().height() + 4 * rows.defaultSectionSize() + 2 * self.table.frameWidth()
        )
        self.add_button = QPushButton(self.tr("Add tier"))
        self.remove_button = QPushButton(self.tr("Remove tier"))
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_row)
        delete = QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.remove_row)

        buttons = QVBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.setFocusProxy(self.table)

        self.table.itemChanged.connect(lambda *_: self.valueChanged.emit())
        self.table.model().rowsInserted.connect(lambda *_: self.valueChanged.emit())
        self.table.model().rowsRemoved.connect(lambda *_: self.valueChanged.emit())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def set_tiers(self, tiers: Sequence[tuple[int, int]]) -> None:
        """Show ``(min_qty, unit_price_fen)`` pairs, one per row."""
        self.table.setRowCount(0)
        for qty, price in tiers:
            self._append(str(qty), fen_to_yuan_text(price))
        self._update_buttons()

    def tiers(self) -> tuple[Tiers, str]:
        """The tiers typed and what is wrong with them.

        Returns:
            ``(tiers, "")`` when valid, else ``((), problem)`` with a translated sentence per
            problem.
        """
        tiers: list[tuple[int, int]] = []
        problems: list[str] = []
        number = 0
        for row in range(self.table.rowCount()):
            qty_text, price_text = self._text(row, self.QTY), self._text(row, self.PRICE)
            if not qty_text and not price_text:
                continue
            number += 1
            qty = price = None
            if not qty_text:
                problems.append(self.tr("Tier {}: enter the minimum quantity.").format(number))
            elif _QTY_RE.fullmatch(qty_text.replace(",", "")) is None or (
                int(qty_text.replace(",", "")) > _MAX_TIER_QTY
            ):
                problems.append(
                    self.tr(
                        "Tier {}: the minimum quantity must be a whole number up to 1,000,000."
                    ).format(number)
                )
            else:
                qty = int(qty_text.replace(",", ""))
            if not price_text:
                problems.append(self.tr("Tier {}: enter the unit price.").format(number))
            else:
                try:
                    price = parse_yuan(price_text)
                except MoneyError:
                    problems.append(
                        self.tr(
                            "Tier {}: the unit price is not an amount; type e.g. 9.50 "
                            "(at most two decimals)."
                        ).format(number)
                    )
                else:
                    if price > MAX_MONEY_FEN:
                        problems.append(
                            self.tr(
                                "Tier {}: the unit price is too large (at most ¥10,000,000.00)."
                            ).format(number)
                        )
            if qty is not None and price is not None:
                tiers.append((qty, price))
        if not problems:
            problems = [translated(p) for p in validate_price_tiers(tiers)]
        if problems:
            return (), "\n".join(problems)
        return tuple(tiers), ""

    @Slot()
    def add_row(self) -> None:
        """Add an empty row under the current one and start typing its quantity."""
        current = self.table.currentRow()
        row = current + 1 if current >= 0 else self.table.rowCount()
        self._insert(row, "", "")
        self.table.setCurrentCell(row, self.QTY)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        item = self.table.item(row, self.QTY)
        assert item is not None
        self.table.editItem(item)

    @Slot()
    def remove_row(self) -> None:
        """Remove the current row; the next row (or the one above) becomes current."""
        row = self.table.currentRow()
        if row < 0:
            return
        self.table.removeRow(row)
        if self.table.rowCount():
            self.table.setCurrentCell(min(row, self.table.rowCount() - 1), self.QTY)
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.add_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self._update_buttons()

    def _append(self, qty: str, price: str) -> None:
        self._insert(self.table.rowCount(), qty, price)

    def _insert(self, row: int, qty: str, price: str) -> None:
        self.table.insertRow(row)
        for column, text in ((self.QTY, qty), (self.PRICE, price)):
            item = QTableWidgetItem(text)
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, column, item)

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""

    @Slot()
    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(self.table.currentRow() >= 0 and self.table.rowCount() > 0)


class OfferDialog(FormDialog):
    """The offer form, with a live landed-cost and margin preview.

    Args:
        worker: The DB worker that runs the save.
        product_id: The product the offer supplies.
        sale_price_fen: The product's sale price (for the margin preview), or ``None``.
        suppliers: ``(id, name, kind)`` of every supplier.
        row: The offer's row (columns of ``OFFER_COLUMNS``) to edit, or ``None`` for new.
    """

    def __init__(
        self,
        worker: DbWorker,
        product_id: int,
        sale_price_fen: int | None,
        suppliers: Sequence[tuple[int, str, str]],
        row: Sequence[Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(worker, parent)
        self.setObjectName("OfferDialog")
        self.product_id = product_id
        self.sale_price_fen = sale_price_fen
        self.offer_id: int | None = row[0] if row else None
        self.setWindowTitle(self.tr("Edit offer") if row else self.tr("New offer"))

        self.supplier = QComboBox()
        self._kinds: dict[int, str] = {}
        for sid, name, kind in suppliers:
            self.supplier.addItem(f"{name} · {enum_label(SupplierKind(kind))}", sid)
            self._kinds[sid] = kind
        self.unit_cost = MoneyEdit(allow_zero=False)
        self.tiers = PriceTiersEdit()
        self.moq = QSpinBox()
        self.moq.setRange(1, 1_000_000)
        self.lead_time = QSpinBox()
        self.lead_time.setRange(0, 365)
        self.lead_time.setValue(2)
        self.lead_time.setSuffix(self.tr(" days"))
        self.dropship = QCheckBox(self.tr("One-piece dropship (一件代发)"))
        self.dropship.setChecked(True)
        self.dropship_fee = MoneyEdit(required=False)
        self.fulfilment = QComboBox()
        for member in Fulfilment:
            self.fulfilment.addItem(enum_label(member), member.value)
        self.shipping = MoneyEdit(required=False)
        self.stock = QSpinBox()
        self.stock.setRange(_UNKNOWN_STOCK, 100_000_000)
        self.stock.setValue(_UNKNOWN_STOCK)
        self.stock.setSpecialValueText(self.tr("Unknown"))
        self.stock.setToolTip(self.tr("0 means out of stock; the offer is then marked."))
        self.offer_ref = QLineEdit()
        self.offer_ref.setPlaceholderText("https://detail.1688.com/offer/123456789.html")
        checked_box = QWidget()
        self.last_checked = QLineEdit()
        self.last_checked.setPlaceholderText("YYYY-MM-DD")
        self.today_button = QPushButton(self.tr("Today"))
        self.today_button.clicked.connect(self._set_today)
        row_layout = QHBoxLayout(checked_box)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.addWidget(self.last_checked, 1)
        row_layout.addWidget(self.today_button)

        self.field("supplier_id", self.tr("Supplier"), self.supplier)
        self.field("unit_cost_fen", self.tr("Unit cost (¥)"), self.unit_cost)
        self.field("price_tiers", self.tr("Price tiers"), self.tiers)
        self.field("moq", self.tr("Minimum order (MOQ)"), self.moq)
        self.field("lead_time_days", self.tr("Lead time"), self.lead_time)
        self.field("dropship_supported", self.tr("Dropship"), self.dropship)
        self.field("dropship_fee_fen", self.tr("Dropship fee (¥)"), self.dropship_fee)
        self.field("fulfilment", self.tr("Fulfilment"), self.fulfilment)
        self.field("shipping_fen", self.tr("Shipping (¥)"), self.shipping)
        self.field("stock", self.tr("Stock"), self.stock)
        self.field("offer_ref", self.tr("1688 offer id or URL"), self.offer_ref)
        self.field("last_checked", self.tr("Last checked"), checked_box)
        self.last_checked.textChanged.connect(lambda *_: self._edited("last_checked"))
        self.setTabOrder(self.last_checked, self.today_button)
        self.setTabOrder(self.tiers.table, self.tiers.add_button)
        self.setTabOrder(self.tiers.add_button, self.tiers.remove_button)
        self.setTabOrder(self.tiers.remove_button, self.moq)

        self.preview = QLabel()
        self.preview.setObjectName("offerPreview")
        self.preview.setWordWrap(True)
        self.layout_.insertWidget(1, self.preview)

        if row:
            values = dict(zip(OFFER_COLUMNS, row, strict=False))
            self.supplier.setCurrentIndex(max(0, self.supplier.findData(values["supplier_id"])))
            self.unit_cost.set_fen(values["unit_cost_fen"])
            self.tiers.set_tiers(tiers_of(values["tiers"]))
            self.moq.setValue(values["moq"])
            self.lead_time.setValue(values["lead_time_days"])
            self.dropship.setChecked(bool(values["dropship_supported"]))
            self.dropship_fee.set_fen(values["dropship_fee_fen"])
            self.fulfilment.setCurrentIndex(max(0, self.fulfilment.findData(values["fulfilment"])))
            self.shipping.set_fen(values["shipping_fen"])
            stock = values["stock"]
            self.stock.setValue(_UNKNOWN_STOCK if stock is None else stock)
            self.offer_ref.setText(values["offer_ref"])
            self.last_checked.setText(values["last_checked"] or "")
        else:
            self.last_checked.setText(date.today().isoformat())
        self.resize(520, self.sizeHint().height())
        self.revalidate()

    @Slot()
    def _set_today(self) -> None:
        self.last_checked.setText(date.today().isoformat())
        self._edited("last_checked")

    def _checked_date(self) -> tuple[str | None, str]:
        text = self.last_checked.text().strip()
        if not text:
            return None, ""
        try:
            return date.fromisoformat(text).isoformat(), ""
        except ValueError:
            return None, self.tr("Type a date like 2026-10-31, or leave it empty.")

    def local_problems(self) -> dict[str, str]:
        problems: dict[str, str] = {}
        if self.supplier.currentIndex() < 0:
            problems["supplier_id"] = self.tr("Add a supplier first (Suppliers tab).")
        for key, edit in (
            ("unit_cost_fen", self.unit_cost),
            ("dropship_fee_fen", self.dropship_fee),
            ("shipping_fen", self.shipping),
        ):
            if edit.error():
                problems[key] = edit.error()
        tier_error = self.tiers.tiers()[1]
        if tier_error:
            problems["price_tiers"] = tier_error
        date_error = self._checked_date()[1]
        if date_error:
            problems["last_checked"] = date_error
        return problems

    def data(self) -> OfferInput:
        """The form as service input (call only when :meth:`local_problems` is empty)."""
        stock = self.stock.value()
        return OfferInput(
            product_id=self.product_id,
            supplier_id=int(self.supplier.currentData() or 0),
            unit_cost_fen=self.unit_cost.value_fen() or 0,
            price_tiers=self.tiers.tiers()[0],
            moq=self.moq.value(),
            lead_time_days=self.lead_time.value(),
            dropship_supported=self.dropship.isChecked(),
            dropship_fee_fen=self.dropship_fee.value_fen() or 0,
            fulfilment=str(self.fulfilment.currentData()),
            shipping_fen=self.shipping.value_fen() or 0,
            stock=None if stock < 0 else stock,
            offer_ref=self.offer_ref.text().strip(),
            last_checked=self._checked_date()[0],
        )

    def changed(self) -> None:
        # A dialog does not grow for word-wrapped text by itself: a two-line problem under the
        # tiers squeezes the table instead (the form misjudges the wrapped label's height).
        # Measured once the new text is laid out.
        QTimer.singleShot(0, self, self._fit_height)
        if self.local_problems():
            self.preview.setText(self.tr("Fill in the fields to see the landed cost."))
            return
        data = self.data()
        kind = self._kinds.get(data.supplier_id, SupplierKind.PLATFORM.value)
        facts = OfferFacts(
            offer_id=0,
            supplier=SupplierFacts(SupplierKind(kind)),
            unit_cost_fen=data.unit_cost_fen,
            price_tiers=data.price_tiers,
            moq=data.moq,
            lead_time_days=data.lead_time_days,
            dropship_supported=data.dropship_supported,
            dropship_fee_fen=data.dropship_fee_fen,
            fulfilment=Fulfilment(data.fulfilment),
            shipping_fen=data.shipping_fen,
            stock=data.stock,
        )
        landed = landed_cost_fen(facts)
        text = self.tr("Landed cost of a one-piece order: {}").format(format_money(landed))
        if self.sale_price_fen:
            profit = self.sale_price_fen - landed
            text += self.tr(" · margin {} ({}%)").format(
                format_money(profit), round(profit * 100 / self.sale_price_fen)
            )
        if not can_serve_single_piece(facts)[0]:
            text += "\n" + self.tr("⚠ This offer cannot serve a one-piece order.")
        self.preview.setText(text)

    @Slot()
    def _fit_height(self) -> None:
        shortfall = self.tiers.minimumSizeHint().height() - self.tiers.height()
        if self.isVisible() and shortfall > 0:
            self.resize(self.width(), self.height() + shortfall)

    def service_call(self) -> tuple[Callable[..., Any], tuple[Any, ...]]:
        if self.offer_id is None:
            return create_offer, (self.data(),)
        return update_offer, (self.offer_id, self.data())
