"""Exporting the suppliers and the offers to XLSX or CSV."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from ...domain.enums import Fulfilment, SupplierKind
from ...domain.money import fen_to_yuan_text
from ...errors import UserError
from ...i18n import QT_TRANSLATE_NOOP
from ...store import sourcing_queries as q
from .catalogue import format_tiers
from .product_import import IMPORT_FIELDS

__all__ = ["export_offers", "export_suppliers"]


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
    from ...tabular import write_csv, write_xlsx

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
