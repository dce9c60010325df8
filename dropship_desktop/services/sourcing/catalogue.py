"""Products and offers (货源): validated input, price tiers, and the edit services.

Writes are :func:`~..base.write_op` transactions that return :class:`~..base.Changes`; the
ranking itself is pure (:mod:`dropship_desktop.domain.sourcing`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from ...domain.enums import Fulfilment
from ...domain.money import MoneyError, fen_to_yuan_text, parse_yuan
from ...domain.sourcing import (
    validate_price_tiers,
)
from ...domain.timeutil import now_epoch
from ...errors import UserError, ValidationError
from ...i18n import QT_TRANSLATE_NOOP, join, with_values
from ...store.tables import Offer, OfferPriceTier, Product, SalesOrderLine, Supplier, SupplierOrder
from ..base import Changes, audit, audit_changes, write_op

__all__ = [
    "MAX_MONEY_FEN",
    "OfferInput",
    "ProductInput",
    "create_offer",
    "create_product",
    "delete_offer",
    "delete_product",
    "format_tiers",
    "mark_offer_out_of_stock",
    "parse_tiers",
    "set_preferred_offer",
    "update_offer",
    "update_product",
]

#: Largest money amount accepted anywhere in sourcing (¥10,000,000.00): catches typos.
MAX_MONEY_FEN = 1_000_000_000
_MAX_QTY = 1_000_000
_MAX_LEAD_DAYS = 365

_PRODUCT_GONE = QT_TRANSLATE_NOOP(
    "Errors", "This product no longer exists; it may have been deleted."
)
_OFFER_GONE = QT_TRANSLATE_NOOP("Errors", "This offer no longer exists; it may have been deleted.")


# --------------------------------------------------------------------------------------------
# Inputs
# --------------------------------------------------------------------------------------------


def _money_problem(value: int, texts: tuple[str, str], *, positive: bool = False) -> str | None:
    """*texts* are the marked "too small" and "too large" sentences of one amount."""
    if value < 0 or (positive and value == 0):
        return texts[0]
    if value > MAX_MONEY_FEN:
        return texts[1]
    return None


# Whole sentences per amount (not "{label} must be …"), so each translates naturally.
_SALE_PRICE_TEXTS = (
    QT_TRANSLATE_NOOP("Errors", "The sale price must be at least ¥0.00."),
    QT_TRANSLATE_NOOP("Errors", "The sale price is too large (at most ¥10,000,000.00)."),
)
_UNIT_COST_TEXTS = (
    QT_TRANSLATE_NOOP("Errors", "The unit cost must be more than ¥0.00."),
    QT_TRANSLATE_NOOP("Errors", "The unit cost is too large (at most ¥10,000,000.00)."),
)
_DROPSHIP_FEE_TEXTS = (
    QT_TRANSLATE_NOOP("Errors", "The dropship fee must be at least ¥0.00."),
    QT_TRANSLATE_NOOP("Errors", "The dropship fee is too large (at most ¥10,000,000.00)."),
)
_SHIPPING_TEXTS = (
    QT_TRANSLATE_NOOP("Errors", "The shipping cost must be at least ¥0.00."),
    QT_TRANSLATE_NOOP("Errors", "The shipping cost is too large (at most ¥10,000,000.00)."),
)


@dataclass(frozen=True)
class ProductInput:
    """The editable fields of a product (商品), as validated values.

    Attributes:
        title: Product title.
        sku: The seller's SKU (商家编码); unique; empty means none.
        sale_price_fen: Sale price in the shop, fen (0 = not set).
        specs: Specifications text (规格), e.g. ``颜色：白/灰；容量：350ml``.
        description: Description text.
    """

    title: str
    sku: str = ""
    sale_price_fen: int = 0
    specs: str = ""
    description: str = ""

    def problems(self) -> dict[str, str]:
        """Field name → what is wrong (empty when valid)."""
        errors: dict[str, str] = {}
        if not self.title.strip():
            errors["title"] = QT_TRANSLATE_NOOP("Errors", "Enter the product title.")
        elif len(self.title) > 300:
            errors["title"] = QT_TRANSLATE_NOOP(
                "Errors", "The title is longer than 300 characters."
            )
        if len(self.sku.strip()) > 100:
            errors["sku"] = QT_TRANSLATE_NOOP("Errors", "The SKU is longer than 100 characters.")
        problem = _money_problem(self.sale_price_fen, _SALE_PRICE_TEXTS)
        if problem:
            errors["sale_price_fen"] = problem
        return errors


@dataclass(frozen=True)
class OfferInput:
    """The editable fields of an offer (货源报价), as validated values.

    Attributes:
        product_id: The product the offer supplies.
        supplier_id: The supplier making the offer.
        unit_cost_fen: Unit price below the first price tier, fen.
        price_tiers: ``(min_qty, unit_price_fen)`` pairs, quantities strictly increasing.
        moq: Minimum order quantity (起批量) of an ordinary wholesale order.
        lead_time_days: Days from order to dispatch.
        dropship_supported: One-piece dropship (一件代发) offered.
        dropship_fee_fen: Dropship fee per order (代发费), fen.
        fulfilment: ``platform`` (平台代发) or ``third_party`` (第三方代发).
        shipping_fen: Shipping cost of a one-piece parcel, fen.
        stock: Pieces in stock; ``None`` when unknown, ``0`` out of stock.
        offer_ref: 1688 offer id or URL.
        last_checked: ISO date (``YYYY-MM-DD``) the seller last checked the offer, or ``None``.
    """

    product_id: int
    supplier_id: int
    unit_cost_fen: int
    price_tiers: tuple[tuple[int, int], ...] = ()
    moq: int = 1
    lead_time_days: int = 2
    dropship_supported: bool = True
    dropship_fee_fen: int = 0
    fulfilment: str = Fulfilment.PLATFORM.value
    shipping_fen: int = 0
    stock: int | None = None
    offer_ref: str = ""
    last_checked: str | None = None

    def problems(self) -> dict[str, str]:
        """Field name → what is wrong (empty when valid); ids are checked by the services."""
        errors: dict[str, str] = {}
        if self.supplier_id <= 0:
            errors["supplier_id"] = QT_TRANSLATE_NOOP("Errors", "Choose the supplier.")
        for name, texts, positive in (
            ("unit_cost_fen", _UNIT_COST_TEXTS, True),
            ("dropship_fee_fen", _DROPSHIP_FEE_TEXTS, False),
            ("shipping_fen", _SHIPPING_TEXTS, False),
        ):
            problem = _money_problem(getattr(self, name), texts, positive=positive)
            if problem:
                errors[name] = problem
        tier_problems = validate_price_tiers(self.price_tiers)
        if not tier_problems and any(p > MAX_MONEY_FEN for _q, p in self.price_tiers):
            tier_problems = [
                QT_TRANSLATE_NOOP("Errors", "A tier price is too large (at most ¥10,000,000.00).")
            ]
        if tier_problems:
            errors["price_tiers"] = join(tier_problems)
        if not 1 <= self.moq <= _MAX_QTY:
            errors["moq"] = QT_TRANSLATE_NOOP(
                "Errors", "The minimum order quantity must be between 1 and 1,000,000."
            )
        if not 0 <= self.lead_time_days <= _MAX_LEAD_DAYS:
            errors["lead_time_days"] = QT_TRANSLATE_NOOP(
                "Errors", "The lead time must be between 0 and 365 days."
            )
        if self.fulfilment not in {f.value for f in Fulfilment}:
            errors["fulfilment"] = QT_TRANSLATE_NOOP(
                "Errors", "Choose platform dropship or third-party dropship."
            )
        if self.stock is not None and not 0 <= self.stock <= 100_000_000:
            errors["stock"] = QT_TRANSLATE_NOOP(
                "Errors", "Stock must be 0 or more (leave it empty when unknown)."
            )
        ref = self.offer_ref.strip()
        if len(ref) > 500:
            errors["offer_ref"] = QT_TRANSLATE_NOOP(
                "Errors", "The 1688 offer id or URL is longer than 500 characters."
            )
        elif "://" in ref and not ref.lower().startswith(("http://", "https://")):
            errors["offer_ref"] = QT_TRANSLATE_NOOP(
                "Errors", "The URL must start with http:// or https://."
            )
        if self.last_checked:
            try:
                date.fromisoformat(self.last_checked)
            except ValueError:
                errors["last_checked"] = QT_TRANSLATE_NOOP(
                    "Errors", "The date must look like 2026-10-31."
                )
        return errors


def _validated_product(data: ProductInput, product_id: int | None) -> dict[str, Any]:
    problems = data.problems()
    sku = data.sku.strip() or None
    if sku and "sku" not in problems:
        clash = Product.select(Product.id).where(Product.sku == sku)
        if product_id is not None:
            clash = clash.where(Product.id != product_id)
        if clash.exists():
            problems["sku"] = with_values(
                QT_TRANSLATE_NOOP("Errors", "Another product already uses the SKU “{sku}”."),
                sku=sku,
            )
    if problems:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "The product has invalid fields."), problems
        )
    return {
        "title": data.title.strip(),
        "sku": sku,
        "sale_price_fen": data.sale_price_fen,
        "specs": data.specs.strip(),
        "description": data.description.strip(),
    }


def _validated_offer(data: OfferInput) -> dict[str, Any]:
    problems = data.problems()
    if (
        "supplier_id" not in problems
        and Supplier.get_or_none(Supplier.id == data.supplier_id) is None
    ):
        problems["supplier_id"] = QT_TRANSLATE_NOOP(
            "Errors", "This supplier no longer exists; choose another."
        )
    if Product.get_or_none(Product.id == data.product_id) is None:
        raise UserError(_PRODUCT_GONE)
    if problems:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "The offer has invalid fields."), problems
        )
    values = asdict(data)
    values.pop("price_tiers")
    values["product"] = values.pop("product_id")
    values["supplier"] = values.pop("supplier_id")
    values["offer_ref"] = data.offer_ref.strip()
    values["last_checked"] = data.last_checked or None
    return values


def _write_tiers(offer_id: int, tiers: Sequence[tuple[int, int]]) -> None:
    OfferPriceTier.delete().where(OfferPriceTier.offer == offer_id).execute()
    if tiers:
        OfferPriceTier.insert_many(
            [(offer_id, qty, price) for qty, price in tiers],
            fields=[OfferPriceTier.offer, OfferPriceTier.min_qty, OfferPriceTier.unit_price_fen],
        ).execute()


# --------------------------------------------------------------------------------------------
# Products
# --------------------------------------------------------------------------------------------


@write_op
def create_product(data: ProductInput) -> Changes:
    """Create a product.

    Raises:
        ValidationError: A field is invalid or the SKU is taken (``field_errors`` says which).
    """
    values = _validated_product(data, None)
    now = now_epoch()
    product_id = Product.insert(**values, created_at=now, updated_at=now).execute()
    audit("product", product_id, "create", after={"title": values["title"], "sku": values["sku"]})
    return Changes.of(
        "product",
        ids={"product": [product_id]},
        created_id=product_id,
        message=QT_TRANSLATE_NOOP("Messages", "Product created."),
    )


@write_op
def update_product(product_id: int, data: ProductInput) -> Changes:
    """Save a product's fields; saving them unchanged writes nothing (no audit event).

    Raises:
        ValidationError: A field is invalid or the SKU is taken.
        UserError: The product no longer exists.
    """
    before = Product.get_or_none(Product.id == product_id)
    if before is None:
        raise UserError(_PRODUCT_GONE)
    values = _validated_product(data, product_id)
    if audit_changes("product", product_id, before, values):
        Product.update(**values, updated_at=now_epoch()).where(Product.id == product_id).execute()
    return Changes.of(
        "product",
        ids={"product": [product_id]},
        message=QT_TRANSLATE_NOOP("Messages", "Product saved."),
    )


@write_op
def delete_product(product_id: int) -> Changes:
    """Delete a product and its offers, unless orders refer to them.

    Raises:
        UserError: Sales order lines or supplier orders refer to the product or its offers.
    """
    product = Product.get_or_none(Product.id == product_id)
    if product is None:
        raise UserError(_PRODUCT_GONE)
    lines = SalesOrderLine.select().where(SalesOrderLine.product == product_id).count()
    orders = SupplierOrder.select().join(Offer).where(Offer.product == product_id).count()
    if lines or orders:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "“{title}” cannot be deleted: {lines} sales order line(s) and {orders} supplier "
                "order(s) refer to it. Products with orders are kept for the order history.",
            ),
            title=product.title,
            lines=lines,
            orders=orders,
        )
    Product.delete().where(Product.id == product_id).execute()
    audit("product", product_id, "delete", before={"title": product.title, "sku": product.sku})
    return Changes.of(
        "product",
        "offer",
        "offer_price_tier",
        ids={"product": [product_id]},
        message=QT_TRANSLATE_NOOP("Messages", "Product deleted."),
    )


# --------------------------------------------------------------------------------------------
# Offers
# --------------------------------------------------------------------------------------------


@write_op
def create_offer(data: OfferInput) -> Changes:
    """Create an offer with its price tiers.

    Raises:
        ValidationError: A field is invalid (``field_errors`` says which).
        UserError: The product no longer exists.
    """
    values = _validated_offer(data)
    now = now_epoch()
    offer_id = Offer.insert(**values, created_at=now, updated_at=now).execute()
    _write_tiers(offer_id, data.price_tiers)
    audit(
        "offer",
        offer_id,
        "create",
        after={"product_id": data.product_id, "supplier_id": data.supplier_id},
    )
    return Changes.of(
        "offer",
        "offer_price_tier",
        ids={"offer": [offer_id], "product": [data.product_id]},
        created_id=offer_id,
        message=QT_TRANSLATE_NOOP("Messages", "Offer created."),
    )


@write_op
def update_offer(offer_id: int, data: OfferInput) -> Changes:
    """Save an offer's fields and replace its price tiers.

    Saving them unchanged writes nothing (no audit event).

    Raises:
        ValidationError: A field is invalid.
        UserError: The offer no longer exists, or ``data.product_id`` is another product (offers
            are not moved between products).
    """
    before = Offer.get_or_none(Offer.id == offer_id)
    if before is None:
        raise UserError(_OFFER_GONE)
    if data.product_id != before.product_id:
        # The UI never moves offers; a move would leave the old product's preferred offer
        # pointing at another product's offer and rewrite the history of past supplier orders.
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors", "An offer cannot be moved to another product; create a new offer instead."
            )
        )
    values = _validated_offer(data)
    old = {k: getattr(before, k + "_id" if k in ("product", "supplier") else k) for k in values}
    # Tiers live in their own table; compare them too, so a tiers-only edit is audited.
    old["price_tiers"] = tuple(
        (tier.min_qty, tier.unit_price_fen)
        for tier in OfferPriceTier.select()
        .where(OfferPriceTier.offer == offer_id)
        .order_by(OfferPriceTier.min_qty)
    )
    tiers = tuple((int(qty), int(price)) for qty, price in data.price_tiers)
    if audit_changes("offer", offer_id, old, {**values, "price_tiers": tiers}):
        Offer.update(**values, updated_at=now_epoch()).where(Offer.id == offer_id).execute()
        _write_tiers(offer_id, tiers)
    return Changes.of(
        "offer",
        "offer_price_tier",
        ids={"offer": [offer_id], "product": [data.product_id]},
        message=QT_TRANSLATE_NOOP("Messages", "Offer saved."),
    )


@write_op
def delete_offer(offer_id: int) -> Changes:
    """Delete an offer that no supplier order used.

    Raises:
        UserError: Supplier orders were placed through the offer (mark it out of stock instead).
    """
    offer = Offer.get_or_none(Offer.id == offer_id)
    if offer is None:
        raise UserError(_OFFER_GONE)
    orders = SupplierOrder.select().where(SupplierOrder.offer == offer_id).count()
    if orders:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "This offer cannot be deleted: {orders} supplier order(s) were placed through it. "
                "Set its stock to 0 instead, so it is no longer chosen.",
            ),
            orders=orders,
        )
    Offer.delete().where(Offer.id == offer_id).execute()
    audit("offer", offer_id, "delete", before={"product_id": offer.product_id})
    return Changes.of(
        "offer",
        "offer_price_tier",
        "product",
        ids={"offer": [offer_id], "product": [offer.product_id]},
        message=QT_TRANSLATE_NOOP("Messages", "Offer deleted."),
    )


@write_op
def set_preferred_offer(product_id: int, offer_id: int | None) -> Changes:
    """Make ``offer_id`` the product's preferred offer (``None`` clears it).

    The preferred offer is used when supplier orders are created for the product.

    Raises:
        UserError: The product or offer no longer exists, or the offer is another product's.
    """
    product = Product.get_or_none(Product.id == product_id)
    if product is None:
        raise UserError(_PRODUCT_GONE)
    if offer_id is not None:
        offer = Offer.get_or_none(Offer.id == offer_id)
        if offer is None or offer.product_id != product_id:
            raise UserError(
                QT_TRANSLATE_NOOP(
                    "Errors", "This offer no longer belongs to the product; refresh and try again."
                )
            )
    Product.update(preferred_offer_id=offer_id, updated_at=now_epoch()).where(
        Product.id == product_id
    ).execute()
    audit(
        "product",
        product_id,
        "set_preferred_offer",
        before={"preferred_offer_id": product.preferred_offer_id},
        after={"preferred_offer_id": offer_id},
    )
    return Changes.of(
        "product",
        ids={"product": [product_id]},
        message=(
            QT_TRANSLATE_NOOP("Messages", "Preferred offer set.")
            if offer_id
            else QT_TRANSLATE_NOOP("Messages", "Preferred offer cleared.")
        ),
    )


@write_op
def mark_offer_out_of_stock(offer_id: int) -> Changes:
    """Record that the supplier ran out (卖家库存不足): stock 0, checked today.

    Called by the cancel wizard when a seller cancels because the supplier has no stock, so the
    offer is no longer picked for new supplier orders.

    Raises:
        UserError: The offer no longer exists.
    """
    offer = Offer.get_or_none(Offer.id == offer_id)
    if offer is None:
        raise UserError(_OFFER_GONE)
    today = date.today().isoformat()
    Offer.update(stock=0, last_checked=today, updated_at=now_epoch()).where(
        Offer.id == offer_id
    ).execute()
    audit(
        "offer",
        offer_id,
        "out_of_stock",
        before={"stock": offer.stock, "last_checked": offer.last_checked},
        after={"stock": 0, "last_checked": today},
    )
    return Changes.of(
        "offer",
        ids={"offer": [offer_id], "product": [offer.product_id]},
        message=QT_TRANSLATE_NOOP("Messages", "Offer marked out of stock."),
    )


# --------------------------------------------------------------------------------------------
# Comparison
# --------------------------------------------------------------------------------------------


# --------------------------------------------------------------------------------------------
# Tiers as text (import, export, the tier editor)
# --------------------------------------------------------------------------------------------

_TIER_SPLIT_RE = re.compile(r"[;；\n]+")
_TIER_PAIR_RE = re.compile(r"^\s*(\d+)\s*[:：=]\s*(.+?)\s*$")


def parse_tiers(text: str) -> tuple[tuple[int, int], ...]:
    """Parse ``"10:9.50; 50:9.00"`` (quantity : yuan) into ``((10, 950), (50, 900))``.

    Raises:
        ValueError: A part is not ``quantity:price`` or the price is not a money amount; the
            message names the part.
    """
    tiers: list[tuple[int, int]] = []
    for part in _TIER_SPLIT_RE.split(text.strip()):
        if not part.strip():
            continue
        match = _TIER_PAIR_RE.match(part)
        if match is None:
            raise ValueError(
                with_values(
                    QT_TRANSLATE_NOOP("Errors", "“{part}” is not quantity:price, e.g. 10:9.50."),
                    part=part.strip(),
                )
            )
        try:
            price = parse_yuan(match.group(2))
        except MoneyError:
            raise ValueError(
                with_values(
                    QT_TRANSLATE_NOOP(
                        "Errors", "“{part}”: the price must be an amount with at most two decimals."
                    ),
                    part=part.strip(),
                )
            ) from None
        tiers.append((int(match.group(1)), price))
    return tuple(tiers)


def format_tiers(tiers: Sequence[tuple[int, int]]) -> str:
    """Tiers as ``"10:9.50;50:9.00"``, the form :func:`parse_tiers` reads."""
    return ";".join(f"{qty}:{fen_to_yuan_text(price)}" for qty, price in tiers)
