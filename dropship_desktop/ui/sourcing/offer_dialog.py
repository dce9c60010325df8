"""Create or edit an offer (货源报价): price, tiers, MOQ, lead time, dropship, stock, 1688 link."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from ...domain.enums import Fulfilment, SupplierKind
from ...domain.sourcing import OfferFacts, SupplierFacts, can_serve_single_piece, landed_cost_fen
from ...services.sourcing import OfferInput, create_offer, format_tiers, parse_tiers, update_offer
from ...store.sourcing_queries import OFFER_COLUMNS, tiers_of
from ..formatting import enum_label, format_money
from ..tasks import DbWorker
from ..widgets.money_edit import MoneyEdit
from .form_dialog import FormDialog

__all__ = ["OfferDialog"]

_UNKNOWN_STOCK = -1


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
        self.tiers = QLineEdit()
        self.tiers.setPlaceholderText(self.tr("e.g. 10:9.50; 50:9.00  (quantity:unit price)"))
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

        self.preview = QLabel()
        self.preview.setObjectName("offerPreview")
        self.preview.setWordWrap(True)
        self.layout_.insertWidget(1, self.preview)

        if row:
            values = dict(zip(OFFER_COLUMNS, row, strict=False))
            self.supplier.setCurrentIndex(max(0, self.supplier.findData(values["supplier_id"])))
            self.unit_cost.set_fen(values["unit_cost_fen"])
            self.tiers.setText(format_tiers(tiers_of(values["tiers"])).replace(";", "; "))
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

    def _parsed_tiers(self) -> tuple[tuple[tuple[int, int], ...], str]:
        text = self.tiers.text().strip()
        if not text:
            return (), ""
        try:
            tiers = parse_tiers(text)
        except ValueError:
            return (), self.tr(
                "Write tiers as quantity:unit price separated by semicolons, e.g. "
                "10:9.50; 50:9.00 (at most two decimals)."
            )
        previous = 0
        for position, (qty, price) in enumerate(tiers, start=1):
            if qty <= 0 or price <= 0:
                return (), self.tr("Tier {}: quantity and price must be more than 0.").format(
                    position
                )
            if qty <= previous:
                return (), self.tr(
                    "Tier {}: quantities must increase ({} is not above {})."
                ).format(position, qty, previous)
            previous = qty
        return tiers, ""

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
        tier_error = self._parsed_tiers()[1]
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
            price_tiers=self._parsed_tiers()[0],
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

    def service_call(self) -> tuple[Callable[..., Any], tuple[Any, ...]]:
        if self.offer_id is None:
            return create_offer, (self.data(),)
        return update_offer, (self.offer_id, self.data())
