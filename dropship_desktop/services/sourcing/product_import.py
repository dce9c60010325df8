"""Importing products and offers from a spreadsheet: preview every row, then commit all or nothing."""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from ...domain.enums import Fulfilment, SupplierKind
from ...domain.money import MoneyError, parse_yuan
from ...domain.timeutil import now_epoch
from ...errors import UserError, ValidationError
from ...i18n import QT_TRANSLATE_NOOP, join, with_values
from ...store import sourcing_queries as q
from ...store.tables import Offer, Product, Supplier
from ..base import Changes, audit, write_op
from .catalogue import (
    OfferInput,
    ProductInput,
    _validated_offer,
    _validated_product,
    _write_tiers,
    parse_tiers,
)

__all__ = [
    "IMPORT_FIELDS",
    "ImportPreview",
    "ImportRow",
    "commit_product_import",
    "preview_product_import",
]

_NOT_YES_NO = QT_TRANSLATE_NOOP("Errors", "“{text}” is not yes/no (是/否).")
_ROW_FAILED = QT_TRANSLATE_NOOP("Errors", "Row {row}: {problem} Nothing was imported.")
_TRUE = frozenset({"1", "yes", "y", "true", "是", "支持", "✓", "√"})
_FALSE = frozenset({"0", "no", "n", "false", "否", "不支持", ""})
_DATE_RE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT].*)?$")
_MAX_IMPORT_ROWS = 20_000


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
    from ...tabular import TableError, clean_text, read_table

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
