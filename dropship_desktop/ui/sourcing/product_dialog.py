"""Create or edit a product (商品) with a live description-completeness check (seed 5.3)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QWidget

from ...domain.sourcing import DESCRIPTION_MIN_CHARS, TITLE_MIN_CHARS, description_completeness
from ...services.sourcing import ProductInput, create_product, update_product
from ...store.sourcing_queries import PRODUCT_COLUMNS
from ..tasks import DbWorker
from ..widgets.money_edit import MoneyEdit
from .form_dialog import FormDialog

__all__ = ["COMPLETENESS_TEXT", "ProductDialog", "completeness_text"]

#: Translatable text per completeness code of :func:`description_completeness`.
COMPLETENESS_TEXT = {
    "title_short": QT_TRANSLATE_NOOP(
        "Completeness", "The title is missing or shorter than {} characters."
    ),
    "no_sku": QT_TRANSLATE_NOOP("Completeness", "No SKU is set."),
    "no_sale_price": QT_TRANSLATE_NOOP("Completeness", "No sale price is set."),
    "no_specs": QT_TRANSLATE_NOOP("Completeness", "No specifications (规格) are listed."),
    "description_short": QT_TRANSLATE_NOOP(
        "Completeness", "The description is missing or shorter than {} characters."
    ),
    "no_size_or_material": QT_TRANSLATE_NOOP(
        "Completeness",
        "Neither the specifications nor the description mention size, material or colour.",
    ),
}


def completeness_text(code: str) -> str:
    """The translated hint for a completeness code."""
    text = QCoreApplication.translate("Completeness", COMPLETENESS_TEXT[code])
    if code == "title_short":
        return text.format(TITLE_MIN_CHARS)
    if code == "description_short":
        return text.format(DESCRIPTION_MIN_CHARS)
    return text


def completeness_summary(
    title: str, sku: str, price: int | None, specs: str, description: str
) -> tuple[float, list[str]]:
    """Score 0–1 and the translated hints of what is missing."""
    result = description_completeness(title, sku, price, specs, description)
    return result.score, [completeness_text(code) for code in result.missing]


class ProductDialog(FormDialog):
    """The product form.

    Args:
        worker: The DB worker that runs the save.
        row: The product's row (columns of ``PRODUCT_COLUMNS``) to edit, or ``None`` for new.
    """

    def __init__(
        self, worker: DbWorker, row: Sequence[Any] | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(worker, parent)
        self.setObjectName("ProductDialog")
        self.product_id: int | None = row[0] if row else None
        self.setWindowTitle(self.tr("Edit product") if row else self.tr("New product"))
        self.title_edit = QLineEdit()
        self.sku = QLineEdit()
        self.sale_price = MoneyEdit(required=False)
        self.specs = QPlainTextEdit()
        self.specs.setPlaceholderText(self.tr("e.g. 颜色：白/灰；容量：350ml"))
        self.specs.setFixedHeight(60)
        self.description = QPlainTextEdit()
        self.description.setFixedHeight(110)
        self.field("title", self.tr("Title"), self.title_edit)
        self.field("sku", self.tr("SKU"), self.sku)
        self.field("sale_price_fen", self.tr("Sale price (¥)"), self.sale_price)
        self.field("specs", self.tr("Specifications"), self.specs)
        self.field("description", self.tr("Description"), self.description)
        self.completeness = QLabel()
        self.completeness.setObjectName("completeness")
        self.completeness.setWordWrap(True)
        self.layout_.insertWidget(1, self.completeness)
        if row:
            values = dict(zip(PRODUCT_COLUMNS, row, strict=False))
            self.title_edit.setText(values["title"])
            self.sku.setText(values["sku"] or "")
            self.sale_price.set_fen(values["sale_price_fen"] or None)
            self.specs.setPlainText(values["specs"])
            self.description.setPlainText(values["description"])
        self.resize(560, self.sizeHint().height())
        self.revalidate()

    def data(self) -> ProductInput:
        """The form as service input."""
        return ProductInput(
            title=self.title_edit.text().strip(),
            sku=self.sku.text().strip(),
            sale_price_fen=self.sale_price.value_fen() or 0,
            specs=self.specs.toPlainText().strip(),
            description=self.description.toPlainText().strip(),
        )

    def local_problems(self) -> dict[str, str]:
        problems: dict[str, str] = {}
        if not self.title_edit.text().strip():
            problems["title"] = self.tr("Enter the product title.")
        if self.sale_price.error():
            problems["sale_price_fen"] = self.sale_price.error()
        return problems

    def changed(self) -> None:
        data = self.data()
        score, hints = completeness_summary(
            data.title, data.sku, data.sale_price_fen, data.specs, data.description
        )
        if hints:
            text = self.tr(
                "Listing completeness {}%. Clear product information prevents "
                "cancellations and returns. To improve:"
            ).format(round(score * 100))
            text += "<ul>" + "".join(f"<li>{hint}</li>" for hint in hints) + "</ul>"
        else:
            text = self.tr(
                "Listing completeness 100%: title, SKU, price, specifications and "
                "description are all there."
            )
        self.completeness.setText(text)

    def service_call(self) -> tuple[Callable[..., Any], tuple[Any, ...]]:
        if self.product_id is None:
            return create_product, (self.data(),)
        return update_product, (self.product_id, self.data())
