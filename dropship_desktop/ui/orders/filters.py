"""The order list's filter bar: quick views for reconciliation and combinable criteria."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QTime, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import OrderStatus1688, SalesStatus
from ...domain.orders import OrderFlag
from ...store.order_queries import NO_SUPPLIER_STATUS, OrderFilter
from ..formatting import date_display_format, enum_label

__all__ = ["QUICK_RISKY", "QUICK_UNMATCHED", "OrderFilterBar"]

#: The quick view that shows supplier orders awaiting a match instead of sales orders.
QUICK_UNMATCHED = "unmatched"
#: The quick view of orders the fraud checks flagged (风险订单).
QUICK_RISKY = "risky"


class OrderFilterBar(QWidget):
    """Quick view, status (both sides), shop, supplier, date range and "flagged only".

    Signals:
        changed(): Any criterion changed; read :meth:`apply_to` / :meth:`quick`.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.quick_combo = QComboBox()
        self.quick_combo.setObjectName("quickFilter")
        self.sales_combo = QComboBox()
        self.sales_combo.setObjectName("salesStatusFilter")
        self.supplier_status_combo = QComboBox()
        self.supplier_status_combo.setObjectName("supplierStatusFilter")
        self.shop_combo = QComboBox()
        self.shop_combo.setObjectName("shopFilter")
        self.supplier_combo = QComboBox()
        self.supplier_combo.setObjectName("supplierFilter")
        self.from_check = QCheckBox()
        self.from_date = QDateEdit()
        self.to_check = QCheckBox()
        self.to_date = QDateEdit()
        for edit in (self.from_date, self.to_date):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(date_display_format())  # the lists' date style
            edit.setDate(QDate.currentDate())
            edit.setEnabled(False)
        self.flagged_check = QCheckBox()
        self.flagged_check.setObjectName("flaggedOnly")
        self.clear_button = QPushButton()

        # The widgets in their two rows (also the Tab order): every list below derives from it.
        combos = (
            self.quick_combo,
            self.sales_combo,
            self.supplier_status_combo,
            self.shop_combo,
            self.supplier_combo,
        )
        self._rows: tuple[tuple[QWidget, ...], ...] = (
            combos,
            (
                self.from_check,
                self.from_date,
                self.to_check,
                self.to_date,
                self.flagged_check,
                self.clear_button,
            ),
        )
        for combo in combos:
            # Long shop and supplier names must not widen the whole window.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(10)
        # The quick views are few and their names say what they show: never cut them off.
        self.quick_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        # Two rows, so every filter stays visible on a 1366-pixel laptop screen too.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        for widgets in self._rows:
            row = QHBoxLayout()
            for widget in widgets:
                row.addWidget(widget)
            row.addStretch(1)
            layout.addLayout(row)

        self._shops: list[tuple[Any, ...]] = []
        self._suppliers: list[tuple[Any, ...]] = []
        self._retranslate()
        for combo in combos:
            combo.currentIndexChanged.connect(self._emit)
        for check, edit in ((self.from_check, self.from_date), (self.to_check, self.to_date)):
            check.toggled.connect(edit.setEnabled)
            check.toggled.connect(self._emit)
            edit.dateChanged.connect(self._date_changed)
        self.flagged_check.toggled.connect(self._emit)
        self.clear_button.clicked.connect(self.clear)

    # -- content ---------------------------------------------------------------------------

    def _retranslate(self) -> None:
        self._fill(
            self.quick_combo,
            [
                (self.tr("All orders"), ""),
                (self.tr("Needs attention"), "attention"),
                (self.tr("Sides disagree (paid ↔ cancelled)"), "mismatch"),
                (self.tr("Not ordered from the supplier"), "no_supplier"),
                (self.tr("Overdue or close to the ship-by deadline"), "due"),
                (self.tr("Cancellation or refund pending"), "pending"),
                (self.tr("Risky orders (fraud checks)"), QUICK_RISKY),
                (self.tr("Supplier orders awaiting a match"), QUICK_UNMATCHED),
            ],
        )
        self._fill(
            self.sales_combo,
            [(self.tr("Any sales status"), None)] + [(enum_label(s), s.value) for s in SalesStatus],
        )
        self._fill(
            self.supplier_status_combo,
            [(self.tr("Any 1688 status"), None), (self.tr("No 1688 order"), NO_SUPPLIER_STATUS)]
            + [(enum_label(s), s.value) for s in OrderStatus1688],
        )
        self._fill_choices()
        self.from_check.setText(self.tr("From"))
        self.to_check.setText(self.tr("To"))
        self.flagged_check.setText(self.tr("Flagged only"))
        self.clear_button.setText(self.tr("Clear filters"))

    def set_choices(self, shops: list[tuple[Any, ...]], suppliers: list[tuple[Any, ...]]) -> None:
        """The shops and suppliers to offer, as (id, name) rows."""
        self._shops, self._suppliers = list(shops), list(suppliers)
        self._fill_choices()

    def _fill_choices(self) -> None:
        self._fill(
            self.shop_combo,
            [(self.tr("Any shop"), None)] + [(str(n), i) for i, n in self._shops],
        )
        self._fill(
            self.supplier_combo,
            [(self.tr("Any supplier"), None)] + [(str(n), i) for i, n in self._suppliers],
        )

    @staticmethod
    def _fill(combo: QComboBox, items: list[tuple[str, Any]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for text, data in items:
            combo.addItem(text, data)
        index = combo.findData(current)
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)

    def tab_chain(self) -> list[QWidget]:
        """The bar's widgets in Tab order (left to right, top row first)."""
        return [widget for row in self._rows for widget in row]

    # -- reading ---------------------------------------------------------------------------

    def quick(self) -> str:
        return str(self.quick_combo.currentData() or "")

    def apply_to(self, flt: OrderFilter) -> OrderFilter:
        """*flt* with this bar's criteria (text and sort are kept)."""
        quick = self.quick()
        sales = self.sales_combo.currentData()
        supplier_status = self.supplier_status_combo.currentData()
        shop = self.shop_combo.currentData()
        supplier = self.supplier_combo.currentData()
        flags_any = {
            "mismatch": int(OrderFlag.MISMATCH),
            "no_supplier": int(OrderFlag.NO_SUPPLIER_ORDER),
            "pending": int(OrderFlag.CANCEL_PENDING | OrderFlag.REFUND_PENDING),
        }.get(quick, 0)
        return replace(
            flt,
            sales_statuses=(sales,) if sales is not None else (),
            supplier_statuses=(supplier_status,) if supplier_status is not None else (),
            shop_ids=(shop,) if shop is not None else (),
            supplier_ids=(supplier,) if supplier is not None else (),
            created_from=self._epoch(self.from_date.date())
            if self.from_check.isChecked()
            else None,
            created_to=self._epoch(self.to_date.date().addDays(1))
            if self.to_check.isChecked()
            else None,
            flagged_only=self.flagged_check.isChecked() or quick == "attention",
            flags_any=flags_any,
            deadline="due" if quick == "due" else "",
            risk_min=1 if quick == QUICK_RISKY else 0,
        )

    @staticmethod
    def _epoch(date: QDate) -> int:
        # Local midnight: the seller thinks in local days.
        return int(QDateTime(date, QTime(0, 0)).toSecsSinceEpoch())

    # -- behaviour -------------------------------------------------------------------------

    @Slot()
    def clear(self) -> None:
        widgets = self.tab_chain()
        for widget in widgets:
            widget.blockSignals(True)
        for widget in widgets:
            if isinstance(widget, QComboBox):
                widget.setCurrentIndex(0)
            elif isinstance(widget, QCheckBox):
                widget.setChecked(False)
        self.from_date.setEnabled(False)
        self.to_date.setEnabled(False)
        for widget in widgets:
            widget.blockSignals(False)
        self.changed.emit()

    @Slot()
    def _date_changed(self) -> None:
        if self.from_check.isChecked() or self.to_check.isChecked():
            self.changed.emit()

    @Slot()
    def _emit(self) -> None:
        self.changed.emit()
