"""Sourcing use cases (货源): products, offers, price tiers, the preferred offer, import, export.

Writes are :func:`~.base.write_op` transactions that return :class:`~.base.Changes`. The ranking
itself is pure (:mod:`dropship_desktop.domain.sourcing`); :func:`load_comparison` only gathers the
facts it needs.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from ..domain.enums import Fulfilment, SupplierKind
from ..domain.money import MoneyError, fen_to_yuan_text, parse_yuan
from ..domain.sourcing import (
    OfferFacts,
    ScoreWeights,
    SupplierFacts,
    can_serve_single_piece,
    rank_offers,
    validate_price_tiers,
)
from ..domain.timeutil import now_epoch
from ..errors import UserError, ValidationError
from ..i18n import QT_TRANSLATE_NOOP, join, with_values
from ..store import sourcing_queries as q
from ..store.tables import Offer, OfferPriceTier, Product, SalesOrderLine, Supplier, SupplierOrder
from .base import Changes, audit, audit_changes, write_op

__all__ = [
    "IMPORT_FIELDS",
    "MAX_MONEY_FEN",
    "Comparison",
    "ComparisonOffer",
    "ImportPreview",
    "ImportRow",
    "OfferInput",
    "ProductInput",
    "commit_product_import",
    "create_offer",
    "create_product",
    "delete_offer",
    "delete_product",
    "export_offers",
    "export_suppliers",
    "format_tiers",
    "load_comparison",
    "mark_offer_out_of_stock",
    "parse_tiers",
    "preferred_offer_for",
    "preview_product_import",
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
_NOT_YES_NO = QT_TRANSLATE_NOOP("Errors", "“{text}” is not yes/no (是/否).")
_ROW_FAILED = QT_TRANSLATE_NOOP("Errors", "Row {row}: {problem} Nothing was imported.")


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


@dataclass(frozen=True)
class ComparisonOffer:
    """One offer's facts plus what the comparison shows besides the ranking."""

    facts: OfferFacts
    supplier_name: str
    #: The offer's defect rate is climbing (after-sales cases with faulty goods): warn.
    defect_climbing: bool = False


@dataclass(frozen=True)
class Comparison:
    """Everything needed to rank one product's offers (ranking itself is pure and cheap)."""

    product_id: int
    title: str
    sale_price_fen: int | None
    preferred_offer_id: int | None
    offers: list[ComparisonOffer] = field(default_factory=list)

    def rank(self, weights: ScoreWeights | None = None, *, today: date | None = None) -> list[Any]:
        """:func:`~dropship_desktop.domain.sourcing.rank_offers` over these offers."""
        return rank_offers(
            [o.facts for o in self.offers], self.sale_price_fen, weights, today=today
        )


def _facts(row: Sequence[Any]) -> ComparisonOffer:
    (oid, name, kind, years, rating, on_time, incidents, cost, tiers, moq, lead, dropship,
     fee, fulfilment, shipping, stock, checked) = row  # fmt: skip
    supplier = SupplierFacts(
        kind=SupplierKind(kind),
        years_on_1688=years,
        rating=rating,
        on_time_rate=on_time,
        incidents=incidents,
    )
    facts = OfferFacts(
        offer_id=oid,
        supplier=supplier,
        unit_cost_fen=cost,
        price_tiers=q.tiers_of(tiers),
        moq=moq,
        lead_time_days=lead,
        dropship_supported=bool(dropship),
        dropship_fee_fen=fee,
        fulfilment=Fulfilment(fulfilment),
        shipping_fen=shipping,
        stock=stock,
        last_checked=_iso_date(checked),
    )
    return ComparisonOffer(facts, name)


def with_after_sales_record(offers: list[ComparisonOffer]) -> list[ComparisonOffer]:
    """The offers with their supplier's refusal rate, their defect rate and its trend (from the
    after-sales cases) filled in."""
    from .after_sales_record import after_sales_facts

    return after_sales_facts(offers)


def _iso_date(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _comparison(product_id: int) -> Comparison | None:
    product = q.get_product(product_id)
    if product is None:
        return None
    return Comparison(
        product_id=product_id,
        title=product[1],
        sale_price_fen=product[3] or None,  # 0 means "not set"
        preferred_offer_id=product[5],
        offers=with_after_sales_record([_facts(row) for row in q.comparison_rows(product_id)]),
    )


def load_comparison(product_id: int) -> Comparison:
    """The facts for comparing one product's offers.

    Raises:
        UserError: The product no longer exists.
    """
    comparison = _comparison(product_id)
    if comparison is None:
        raise UserError(_PRODUCT_GONE)
    return comparison


def preferred_offer_for(product_id: int, weights: ScoreWeights | None = None) -> int | None:
    """The offer to use when a new supplier order is created for the product.

    The seller's preferred offer when it can still serve a one-piece order; otherwise the
    best-ranked offer that can (by ``weights``, default weights when ``None``); ``None`` when no
    offer can.

    Args:
        product_id: The product.
        weights: Ranking weights for the fallback (the UI passes the seller's remembered ones).

    Returns:
        An offer id, or ``None``.
    """
    comparison = _comparison(product_id)
    if comparison is None:
        return None
    by_id = {o.facts.offer_id: o.facts for o in comparison.offers}
    preferred = by_id.get(comparison.preferred_offer_id or -1)
    if preferred is not None and can_serve_single_piece(preferred)[0]:
        return preferred.offer_id
    for ranked in comparison.rank(weights):
        if ranked.eligible:
            return ranked.offer_id
    return None


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


# --------------------------------------------------------------------------------------------
# Import
# --------------------------------------------------------------------------------------------

#: Import/export columns: key, English header, Chinese header, other accepted headers.
IMPORT_FIELDS: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("sku", "SKU", "商家编码", ("货号", "商品编码", "sku")),
    ("title", "Title", "商品标题", ("标题", "商品名称")),
    ("sale_price", "Sale price", "售价", ("销售价", "sale_price")),
    ("specs", "Specs", "规格", ("specifications",)),
    ("description", "Description", "商品描述", ("描述",)),
    ("supplier", "Supplier", "供应商", ()),
    ("supplier_kind", "Supplier kind", "供应商类型", ("supplier_kind",)),
    ("unit_cost", "Unit cost", "单价", ("进价", "unit_cost")),
    ("tiers", "Price tiers", "阶梯价", ("tiers",)),
    ("moq", "MOQ", "起批量", ()),
    ("lead_time_days", "Lead time (days)", "发货天数", ("lead time", "lead_time_days")),
    ("dropship", "Dropship", "一件代发", ()),
    ("dropship_fee", "Dropship fee", "代发费", ("dropship_fee",)),
    ("fulfilment", "Fulfilment", "代发方式", ()),
    ("shipping", "Shipping", "运费", ()),
    ("stock", "Stock", "库存", ()),
    ("offer_ref", "1688 offer", "1688货源", ("货源链接", "offer_ref", "1688 offer id")),
    ("last_checked", "Last checked", "核对日期", ("last_checked",)),
    ("preferred", "Preferred", "首选货源", ("首选",)),
)
_OFFER_KEYS = frozenset(
    {
        "supplier",
        "supplier_kind",
        "unit_cost",
        "tiers",
        "moq",
        "lead_time_days",
        "dropship",
        "dropship_fee",
        "fulfilment",
        "shipping",
        "stock",
        "offer_ref",
        "last_checked",
        "preferred",
    }
)
_TRUE = frozenset({"1", "yes", "y", "true", "是", "支持", "✓", "√"})
_FALSE = frozenset({"0", "no", "n", "false", "否", "不支持", ""})
_KIND_WORDS = {
    "platform": SupplierKind.PLATFORM,
    "1688": SupplierKind.PLATFORM,
    "1688 platform supplier": SupplierKind.PLATFORM,
    "阿里巴巴平台": SupplierKind.PLATFORM,
    "阿里巴巴平台供应商": SupplierKind.PLATFORM,
    "平台": SupplierKind.PLATFORM,
    "平台供应商": SupplierKind.PLATFORM,
    "channel": SupplierKind.CHANNEL,
    "channel distributor": SupplierKind.CHANNEL,
    "渠道商": SupplierKind.CHANNEL,
    "渠道": SupplierKind.CHANNEL,
}
_FULFILMENT_WORDS = {
    "platform": Fulfilment.PLATFORM,
    "platform dropship": Fulfilment.PLATFORM,
    "平台代发": Fulfilment.PLATFORM,
    "平台": Fulfilment.PLATFORM,
    "third_party": Fulfilment.THIRD_PARTY,
    "third party": Fulfilment.THIRD_PARTY,
    "third-party dropship": Fulfilment.THIRD_PARTY,
    "第三方代发": Fulfilment.THIRD_PARTY,
    "第三方": Fulfilment.THIRD_PARTY,
}
_DATE_RE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT].*)?$")
_MAX_IMPORT_ROWS = 20_000


@dataclass(frozen=True)
class ImportRow:
    """One parsed row of a product/offer import.

    Attributes:
        row_number: The row number as the spreadsheet shows it.
        sku: The product's SKU (the key that finds an existing product).
        product: The product fields from this row (title may be empty on follow-up rows).
        supplier_name: The offer's supplier, or ``""`` for a product-only row.
        supplier_kind: The kind to create a missing supplier with, or ``None``.
        offer: The offer fields (``product_id``/``supplier_id`` are placeholders), or ``None``.
        preferred: Whether this offer becomes the product's preferred offer.
        action: What committing does, e.g. ``"new product"``, ``"new offer"``.
        errors: Column key → what is wrong; empty when the row can be imported.
    """

    row_number: int
    sku: str
    product: ProductInput
    supplier_name: str = ""
    supplier_kind: str | None = None
    offer: OfferInput | None = None
    preferred: bool = False
    action: str = ""
    errors: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ImportPreview:
    """A checked import file: every row with what it will do or what is wrong with it."""

    file_name: str
    rows: list[ImportRow]
    ignored_headers: list[str] = field(default_factory=list)

    @property
    def error_count(self) -> int:
        """Rows with at least one error."""
        return sum(1 for r in self.rows if r.errors)

    @property
    def ok(self) -> bool:
        """Whether the whole file can be imported."""
        return bool(self.rows) and self.error_count == 0


def _norm_header(text: str) -> str:
    return " ".join(text.replace("\ufeff", "").strip().lower().split())


def _header_map(headers: Sequence[str]) -> tuple[dict[str, int], list[str]]:
    lookup: dict[str, str] = {}
    for key, en, zh, others in IMPORT_FIELDS:
        for name in (key, en, zh, *others):
            lookup[_norm_header(name)] = key
    columns: dict[str, int] = {}
    ignored: list[str] = []
    for position, header in enumerate(headers):
        key = lookup.get(_norm_header(header))
        if key is None or key in columns:
            if header.strip():
                ignored.append(header)
            continue
        columns[key] = position
    return columns, ignored


def _parse_money(text: str, key: str, errors: dict[str, str], *, default: int | None) -> int:
    if not text:
        if default is None:
            errors[key] = QT_TRANSLATE_NOOP("Errors", "Required: enter an amount such as 12.50.")
            return 0
        return default
    try:
        return parse_yuan(text)
    except MoneyError:
        errors[key] = with_values(
            QT_TRANSLATE_NOOP(
                "Errors", "“{text}” is not an amount with at most two decimals (e.g. 12.50)."
            ),
            text=text,
        )
        return 0


def _parse_int(text: str, key: str, errors: dict[str, str], default: int | None) -> int | None:
    cleaned = text.replace(",", "")
    if cleaned.endswith(".0"):
        cleaned = cleaned[:-2]  # spreadsheets turn 5 into 5.0
    if not cleaned:
        return default
    # isdecimal, not isdigit: "²" and "①" are digits that int() refuses.
    if not cleaned.isdecimal():
        errors[key] = with_values(
            QT_TRANSLATE_NOOP("Errors", "“{text}” is not a whole number of 0 or more."), text=text
        )
        return default
    if len(cleaned.lstrip("0")) > 9:  # keeps int() and SQLite's 64-bit integers safe
        errors[key] = with_values(
            QT_TRANSLATE_NOOP("Errors", "“{text}” is too large (at most 999,999,999)."),
            text=text[:30],
        )
        return default
    return int(cleaned)


def _parse_row(cells: dict[str, str], row_number: int) -> ImportRow:
    errors: dict[str, str] = {}
    sku = cells.get("sku", "")
    if not sku:
        errors["sku"] = QT_TRANSLATE_NOOP("Errors", "Required: the SKU identifies the product.")
    product = ProductInput(
        title=cells.get("title", ""),
        sku=sku,
        sale_price_fen=_parse_money(cells.get("sale_price", ""), "sale_price", errors, default=0),
        specs=cells.get("specs", ""),
        description=cells.get("description", ""),
    )
    for key, message in product.problems().items():
        if key != "title":  # a follow-up row of a product may leave the title empty
            errors["sale_price" if key == "sale_price_fen" else key] = message
    supplier_name = cells.get("supplier", "")
    has_offer_data = any(cells.get(k) for k in _OFFER_KEYS - {"supplier"})
    if not supplier_name:
        if has_offer_data:
            errors["supplier"] = QT_TRANSLATE_NOOP(
                "Errors", "Required when the row has offer columns: the supplier's name."
            )
        return ImportRow(row_number, sku, product, errors=errors)

    kind_text = cells.get("supplier_kind", "")
    kind: str | None = None
    if kind_text:
        found = _KIND_WORDS.get(kind_text.lower())
        if found is None:
            errors["supplier_kind"] = with_values(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "“{text}” is not a supplier kind: use 1688 platform (平台) or channel (渠道商).",
                ),
                text=kind_text,
            )
        else:
            kind = found.value
    dropship_text = cells.get("dropship", "").lower()
    dropship = True
    if cells.get("dropship"):
        if dropship_text in _TRUE:
            dropship = True
        elif dropship_text in _FALSE:
            dropship = False
        else:
            errors["dropship"] = with_values(_NOT_YES_NO, text=cells["dropship"])
    fulfilment_text = cells.get("fulfilment", "")
    fulfilment = Fulfilment.PLATFORM
    if fulfilment_text:
        found_f = _FULFILMENT_WORDS.get(fulfilment_text.lower())
        if found_f is None:
            errors["fulfilment"] = with_values(
                QT_TRANSLATE_NOOP(
                    "Errors", "“{text}” is not a fulfilment: use 平台代发 or 第三方代发."
                ),
                text=fulfilment_text,
            )
        else:
            fulfilment = found_f
    tiers: tuple[tuple[int, int], ...] = ()
    if cells.get("tiers"):
        try:
            tiers = parse_tiers(cells["tiers"])
        except ValueError as exc:
            errors["tiers"] = exc.args[0]
    checked: str | None = None
    if cells.get("last_checked"):
        match = _DATE_RE.match(cells["last_checked"])
        try:
            if match is None:
                raise ValueError
            checked = date(*(int(g) for g in match.groups())).isoformat()
        except ValueError:
            errors["last_checked"] = with_values(
                QT_TRANSLATE_NOOP("Errors", "“{text}” is not a date like 2026-10-31."),
                text=cells["last_checked"],
            )
    preferred_text = cells.get("preferred", "").lower()
    if preferred_text not in _TRUE | _FALSE:
        errors["preferred"] = with_values(_NOT_YES_NO, text=cells["preferred"])
    offer = OfferInput(
        product_id=0,
        supplier_id=1,  # placeholder: resolved by name on commit
        unit_cost_fen=_parse_money(cells.get("unit_cost", ""), "unit_cost", errors, default=None),
        price_tiers=tiers,
        moq=_parse_int(cells.get("moq", ""), "moq", errors, 1) or 0,
        lead_time_days=_parse_int(cells.get("lead_time_days", ""), "lead_time_days", errors, 2)
        or 0,
        dropship_supported=dropship,
        dropship_fee_fen=_parse_money(
            cells.get("dropship_fee", ""), "dropship_fee", errors, default=0
        ),
        fulfilment=fulfilment.value,
        shipping_fen=_parse_money(cells.get("shipping", ""), "shipping", errors, default=0),
        stock=_parse_int(cells.get("stock", ""), "stock", errors, None),
        offer_ref=cells.get("offer_ref", ""),
        last_checked=checked,
    )
    field_to_column = {
        "unit_cost_fen": "unit_cost",
        "dropship_fee_fen": "dropship_fee",
        "shipping_fen": "shipping",
        "price_tiers": "tiers",
    }
    for key, message in offer.problems().items():
        errors.setdefault(field_to_column.get(key, key), message)
    return ImportRow(
        row_number,
        sku,
        product,
        supplier_name=supplier_name,
        supplier_kind=kind,
        offer=offer,
        preferred=preferred_text in _TRUE,
        errors=errors,
    )


def preview_product_import(path: str | os.PathLike[str]) -> ImportPreview:
    """Read and check a product/offer file (CSV in UTF-8/GBK/GB18030, XLSX or XLS).

    One row per offer; the SKU column ties rows to products (an existing SKU updates that
    product, a new one creates it). Rows without a supplier only create or update the product.
    A supplier is found by its exact name; a missing one is created when the supplier kind
    column is filled. Nothing is written.

    Args:
        path: The file.

    Returns:
        Every row with its planned action or its errors.

    Raises:
        UserError: The file cannot be read, or lacks the SKU column.
    """
    from ..tabular import TableError, clean_text, read_table

    try:
        table = read_table(path, max_rows=_MAX_IMPORT_ROWS)
    except TableError as exc:
        raise UserError(exc.template, **exc.params) from None
    columns, ignored = _header_map(table.headers)
    if "sku" not in columns:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The file has no SKU column (商家编码). The first row must hold column names such "
                "as SKU, Title, Sale price, Supplier, Unit cost; export the offer list to get a "
                "template.",
            )
        )
    skus = q.product_ids_by_sku()
    suppliers = {name for _id, name, _kind in q.supplier_choices()}
    rows: list[ImportRow] = []
    seen_products: set[str] = set()
    seen_offers: dict[tuple[str, str, str], int] = {}
    preferred_seen: dict[str, int] = {}
    for number, raw in zip(table.row_numbers, table.rows, strict=True):
        cells = {key: clean_text(raw[pos]) for key, pos in columns.items()}
        row = _parse_row(cells, number)
        errors = dict(row.errors)
        actions: list[str] = []
        if row.sku and row.sku not in seen_products:
            seen_products.add(row.sku)
            if row.sku in skus:
                actions.append(QT_TRANSLATE_NOOP("Import", "update product"))
            elif not row.product.title.strip():
                errors["title"] = QT_TRANSLATE_NOOP(
                    "Errors", "Required for a new product: the first row of a SKU needs a title."
                )
            else:
                actions.append(QT_TRANSLATE_NOOP("Import", "new product"))
        if row.offer is not None:
            key = (row.sku, row.supplier_name, row.offer.offer_ref.strip())
            if key in seen_offers:
                errors.setdefault(
                    "supplier",
                    with_values(
                        QT_TRANSLATE_NOOP(
                            "Errors",
                            "Same SKU, supplier and 1688 offer as row {row}: keep one of the two "
                            "rows.",
                        ),
                        row=seen_offers[key],
                    ),
                )
            seen_offers.setdefault(key, number)
            if row.supplier_name not in suppliers:
                if row.supplier_kind is None:
                    errors.setdefault(
                        "supplier",
                        with_values(
                            QT_TRANSLATE_NOOP(
                                "Errors",
                                "No supplier is named “{name}”: add it under Suppliers first, or "
                                "fill the Supplier kind column to create it.",
                            ),
                            name=row.supplier_name,
                        ),
                    )
                else:
                    actions.append(QT_TRANSLATE_NOOP("Import", "new supplier"))
            actions.append(QT_TRANSLATE_NOOP("Import", "offer"))
            if row.preferred:
                if row.sku in preferred_seen:
                    errors["preferred"] = with_values(
                        QT_TRANSLATE_NOOP(
                            "Errors",
                            "Row {row} already makes another offer of this SKU the preferred one.",
                        ),
                        row=preferred_seen[row.sku],
                    )
                preferred_seen.setdefault(row.sku, number)
        rows.append(replace(row, errors=errors, action=join(actions, ", ")))
    return ImportPreview(Path(path).name, rows, ignored)


@write_op
def commit_product_import(preview: ImportPreview) -> Changes:
    """Write a checked import, all or nothing.

    Everything is checked again inside the transaction (the database may have changed since the
    preview); any problem rolls the whole import back.

    Raises:
        UserError: The preview has errors, is empty, or a row fails now (the message names the
            row); nothing is written.
    """
    if not preview.rows:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "The file has no data rows; nothing was imported.")
        )
    if preview.error_count:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{count} row(s) have errors; nothing was imported. Correct the file and import it "
                "again.",
            ),
            count=preview.error_count,
        )
    now = now_epoch()
    product_ids = q.product_ids_by_sku()
    supplier_ids = {name: sid for sid, name, _kind in q.supplier_choices()}
    touched_products: set[int] = set()
    counts = {"products_created": 0, "products_updated": 0, "suppliers_created": 0,
              "offers_created": 0, "offers_updated": 0}  # fmt: skip
    seen_products: set[str] = set()
    for row in preview.rows:
        try:
            product_id = product_ids.get(row.sku)
            if row.sku not in seen_products:
                seen_products.add(row.sku)
                if product_id is None:
                    values = _validated_product(row.product, None)
                    product_id = Product.insert(**values, created_at=now, updated_at=now).execute()
                    product_ids[row.sku] = product_id
                    counts["products_created"] += 1
                else:
                    existing = Product.get_by_id(product_id)
                    merged = ProductInput(
                        title=row.product.title or existing.title,
                        sku=row.sku,
                        sale_price_fen=row.product.sale_price_fen or existing.sale_price_fen,
                        specs=row.product.specs or existing.specs,
                        description=row.product.description or existing.description,
                    )
                    values = _validated_product(merged, product_id)
                    Product.update(**values, updated_at=now).where(
                        Product.id == product_id
                    ).execute()
                    counts["products_updated"] += 1
            assert product_id is not None
            touched_products.add(product_id)
            if row.offer is None:
                continue
            supplier_id = supplier_ids.get(row.supplier_name)
            if supplier_id is None:
                if row.supplier_kind is None:
                    raise UserError(
                        QT_TRANSLATE_NOOP("Errors", "No supplier is named “{name}”."),
                        name=row.supplier_name,
                    )
                supplier_id = Supplier.insert(
                    kind=row.supplier_kind, name=row.supplier_name, created_at=now, updated_at=now
                ).execute()
                supplier_ids[row.supplier_name] = supplier_id
                counts["suppliers_created"] += 1
            offer = replace(row.offer, product_id=product_id, supplier_id=supplier_id)
            values = _validated_offer(offer)
            existing_offer = (
                Offer.select(Offer.id)
                .where(
                    (Offer.product == product_id)
                    & (Offer.supplier == supplier_id)
                    & (Offer.offer_ref == values["offer_ref"])
                )
                .order_by(Offer.id)
                .first()
            )
            if existing_offer is None:
                offer_id = Offer.insert(**values, created_at=now, updated_at=now).execute()
                counts["offers_created"] += 1
            else:
                offer_id = existing_offer.id
                Offer.update(**values, updated_at=now).where(Offer.id == offer_id).execute()
                counts["offers_updated"] += 1
            _write_tiers(offer_id, offer.price_tiers)
            if row.preferred:
                Product.update(preferred_offer_id=offer_id).where(
                    Product.id == product_id
                ).execute()
        except ValidationError as exc:
            detail = join(exc.field_errors.values(), "; ") if exc.field_errors else exc.text
            raise UserError(_ROW_FAILED, row=row.row_number, problem=detail) from None
        except UserError as exc:
            raise UserError(_ROW_FAILED, row=row.row_number, problem=exc.text) from None
    audit("import", None, "products_imported", after={"file": preview.file_name, **counts})
    return Changes.of(
        "product",
        "offer",
        "offer_price_tier",
        "supplier",
        ids={"product": touched_products},
        message=QT_TRANSLATE_NOOP(
            "Messages",
            "Import finished: {products_created} new products, {offers_created} new offers, "
            "{offers_updated} offers updated.",
        ),
        message_params=dict(counts),
    )


# --------------------------------------------------------------------------------------------
# Export
# --------------------------------------------------------------------------------------------

_SUPPLIER_HEADERS = {
    "kind": ("Kind", "类型"),
    "name": ("Name", "名称"),
    "member_id": ("1688 member id", "1688会员ID"),
    "shop_url": ("Shop URL", "店铺链接"),
    "location": ("Location", "所在地"),
    "contact": ("Contact", "联系方式"),
    "years_on_1688": ("Years on 1688", "诚信通年限"),
    "rating": ("Rating", "评分"),
    "on_time_rate": ("On-time rate", "准时发货率"),
    "incidents": ("Incidents", "假货/质量问题次数"),
    "notes": ("Notes", "备注"),
}


def _write(
    path: str | os.PathLike[str], headers: list[str], rows: list[list[Any]], sheet: str
) -> int:
    from ..tabular import write_csv, write_xlsx

    suffix = Path(path).suffix.lower()
    try:
        if suffix == ".csv":
            return write_csv(path, headers, rows)
        if suffix == ".xlsx":
            return write_xlsx(path, headers, rows, sheet_title=sheet)
    except OSError as exc:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "Cannot write {name}: {reason}. Close the file if it is open in Excel or WPS, or "
                "choose another folder.",
            ),
            name=Path(path).name,
            reason=exc.strerror or exc,
        ) from None
    raise UserError(QT_TRANSLATE_NOOP("Errors", "Choose a file name ending in .xlsx or .csv."))


def _kind_label(kind: str, lang: str) -> str:
    member = SupplierKind(kind)
    return member.label_zh if lang == "zh" else member.label_en


def export_suppliers(path: str | os.PathLike[str], lang: str = "en") -> int:
    """Write the supplier list to ``path`` (``.xlsx`` or ``.csv``, UTF-8 with BOM).

    Args:
        path: The file to create or replace.
        lang: ``"zh"`` for Chinese headers and labels, else English.

    Returns:
        Rows written.

    Raises:
        UserError: The suffix is neither .xlsx nor .csv, or the file cannot be written.
    """
    zh = lang == "zh"
    headers = [_SUPPLIER_HEADERS[c][1 if zh else 0] for c in q.SUPPLIER_EXPORT_COLUMNS]
    rows = []
    for row in q.supplier_export_rows():
        values = dict(zip(q.SUPPLIER_EXPORT_COLUMNS, row, strict=True))
        values["kind"] = _kind_label(values["kind"], lang)
        if values["on_time_rate"] is not None:
            values["on_time_rate"] = f"{values['on_time_rate'] * 100:.1f}%"
        rows.append([values[c] for c in q.SUPPLIER_EXPORT_COLUMNS])
    return _write(path, headers, rows, "供应商" if zh else "Suppliers")


def export_offers(path: str | os.PathLike[str], lang: str = "en") -> int:
    """Write every product with its offers, in the layout :func:`preview_product_import` reads.

    Money is yuan text with two decimals; tiers are ``qty:price;…``. Exporting and importing the
    file again changes nothing.

    Args:
        path: The file to create or replace (``.xlsx`` or ``.csv``).
        lang: ``"zh"`` for Chinese headers and labels, else English.

    Returns:
        Rows written.

    Raises:
        UserError: The suffix is neither .xlsx nor .csv, or the file cannot be written.
    """
    zh = lang == "zh"
    headers = [zh_h if zh else en for _key, en, zh_h, _others in IMPORT_FIELDS]
    yes, no = ("是", "否") if zh else ("yes", "no")
    rows = []
    for row in q.offer_export_rows():
        (sku, title, sale, specs, desc, supplier, kind, cost, tiers, moq, lead, dropship, fee,
         fulfilment, shipping, stock, ref, checked, preferred) = row  # fmt: skip
        has_offer = supplier is not None
        out: dict[str, Any] = {
            "sku": sku or "",
            "title": title,
            "sale_price": fen_to_yuan_text(sale) if sale else "",
            "specs": specs,
            "description": desc,
            "supplier": supplier or "",
            "supplier_kind": _kind_label(kind, lang) if has_offer else "",
            "unit_cost": fen_to_yuan_text(cost) if has_offer else "",
            "tiers": format_tiers(q.tiers_of(tiers)) if has_offer else "",
            "moq": moq if has_offer else "",
            "lead_time_days": lead if has_offer else "",
            "dropship": (yes if dropship else no) if has_offer else "",
            "dropship_fee": fen_to_yuan_text(fee) if has_offer else "",
            "fulfilment": (
                (Fulfilment(fulfilment).label_zh if zh else fulfilment) if has_offer else ""
            ),
            "shipping": fen_to_yuan_text(shipping) if has_offer else "",
            "stock": "" if stock is None else stock,
            "offer_ref": ref or "",
            "last_checked": checked or "",
            "preferred": (yes if preferred else "") if has_offer else "",
        }
        rows.append([out[key] for key, *_rest in IMPORT_FIELDS])
    return _write(path, headers, rows, "货源" if zh else "Offers")
