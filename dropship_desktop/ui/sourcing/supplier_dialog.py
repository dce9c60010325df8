"""Create or edit a supplier (供应商): kind, identity, contact and trust signals."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from ...domain.enums import SupplierKind
from ...services.suppliers import SupplierInput, create_supplier, update_supplier
from ...store.sourcing_queries import SUPPLIER_COLUMNS
from ..formatting import enum_label
from ..tasks import DbWorker
from .form_dialog import FormDialog

__all__ = ["SupplierDialog"]

_UNKNOWN_RATING = -0.1
_UNKNOWN_RATE = -1


class SupplierDialog(FormDialog):
    """The supplier form.

    Args:
        worker: The DB worker that runs the save.
        row: The supplier's row (columns of ``SUPPLIER_COLUMNS``) to edit, or ``None`` for new.
    """

    def __init__(
        self, worker: DbWorker, row: Sequence[Any] | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(worker, parent)
        self.setObjectName("SupplierDialog")
        self.supplier_id: int | None = row[0] if row else None
        self.setWindowTitle(self.tr("Edit supplier") if row else self.tr("New supplier"))

        self.kind = QComboBox()
        for kind in SupplierKind:
            self.kind.addItem(enum_label(kind), kind.value)
        self.kind.setToolTip(
            self.tr(
                "1688 platform suppliers: stable supply, assured quality, trusted — but pricier "
                "and slower.\nChannel distributors: cheaper, faster, small minimums — but "
                "unstable supply and counterfeit risk."
            )
        )
        self.name = QLineEdit()
        self.member_id = QLineEdit()
        self.member_id.setPlaceholderText("b2b-2201234567")
        self.shop_url = QLineEdit()
        self.shop_url.setPlaceholderText("https://shop1234.1688.com")
        self.location = QLineEdit()
        self.contact = QLineEdit()
        self.years = QSpinBox()
        self.years.setRange(0, 50)
        self.years.setSuffix(self.tr(" years"))
        self.rating = QDoubleSpinBox()
        self.rating.setRange(_UNKNOWN_RATING, 5.0)
        self.rating.setDecimals(1)
        self.rating.setSingleStep(0.1)
        self.rating.setSpecialValueText(self.tr("Unknown"))
        self.on_time = QSpinBox()
        self.on_time.setRange(_UNKNOWN_RATE, 100)
        self.on_time.setSuffix("%")
        self.on_time.setSpecialValueText(self.tr("Unknown"))
        self.incidents = QSpinBox()
        self.incidents.setRange(0, 999)
        self.incidents.setToolTip(self.tr("Counterfeit or quality problems you have recorded."))
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(70)

        self.field("kind", self.tr("Kind"), self.kind)
        self.field("name", self.tr("Name"), self.name)
        self.field("member_id", self.tr("1688 member id"), self.member_id)
        self.field("shop_url", self.tr("Shop URL"), self.shop_url)
        self.field("location", self.tr("Location"), self.location)
        self.field("contact", self.tr("Contact"), self.contact)
        self.field("years_on_1688", self.tr("Years on 1688"), self.years)
        self.field("rating", self.tr("Rating (0–5)"), self.rating)
        self.field("on_time_rate", self.tr("On-time shipping"), self.on_time)
        self.field("incidents", self.tr("Counterfeit/quality incidents"), self.incidents)
        self.field("notes", self.tr("Notes"), self.notes)

        if row:
            values = dict(zip(SUPPLIER_COLUMNS, row, strict=False))
            self.kind.setCurrentIndex(max(0, self.kind.findData(values["kind"])))
            self.name.setText(values["name"])
            self.member_id.setText(values["member_id"])
            self.shop_url.setText(values["shop_url"])
            self.location.setText(values["location"])
            self.contact.setText(values["contact"])
            self.years.setValue(values["years_on_1688"])
            self.rating.setValue(_UNKNOWN_RATING if values["rating"] is None else values["rating"])
            rate = values["on_time_rate"]
            self.on_time.setValue(_UNKNOWN_RATE if rate is None else round(rate * 100))
            self.incidents.setValue(values["incidents"])
            self.notes.setPlainText(values["notes"])
        self.resize(480, self.sizeHint().height())
        self.revalidate()

    def data(self) -> SupplierInput:
        """The form as service input."""
        rating = self.rating.value()
        rate = self.on_time.value()
        return SupplierInput(
            kind=str(self.kind.currentData()),
            name=self.name.text().strip(),
            member_id=self.member_id.text().strip(),
            shop_url=self.shop_url.text().strip(),
            location=self.location.text().strip(),
            contact=self.contact.text().strip(),
            years_on_1688=self.years.value(),
            rating=None if rating < 0 else round(rating, 1),
            on_time_rate=None if rate < 0 else rate / 100,
            incidents=self.incidents.value(),
            notes=self.notes.toPlainText().strip(),
        )

    def local_problems(self) -> dict[str, str]:
        problems: dict[str, str] = {}
        if not self.name.text().strip():
            problems["name"] = self.tr("Enter the supplier's name.")
        elif len(self.name.text()) > 200:
            problems["name"] = self.tr("The name is longer than 200 characters.")
        url = self.shop_url.text().strip()
        if url and not url.lower().startswith(("http://", "https://")):
            problems["shop_url"] = self.tr("The shop URL must start with http:// or https://.")
        return problems

    def service_call(self) -> tuple[Callable[..., Any], tuple[Any, ...]]:
        if self.supplier_id is None:
            return create_supplier, (self.data(),)
        return update_supplier, (self.supplier_id, self.data())
