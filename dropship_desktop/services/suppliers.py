"""Supplier use cases."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from ..domain.enums import SupplierKind
from ..domain.timeutil import now_epoch
from ..errors import UserError, ValidationError
from ..i18n import QT_TRANSLATE_NOOP
from ..store.tables import Offer, Supplier, SupplierOrder
from .base import Changes, audit, audit_changes, write_op

__all__ = ["SupplierInput", "create_supplier", "delete_supplier", "update_supplier"]


@dataclass(frozen=True)
class SupplierInput:
    """The editable fields of a supplier, as validated values."""

    kind: str
    name: str
    member_id: str = ""
    shop_url: str = ""
    location: str = ""
    contact: str = ""
    years_on_1688: int = 0
    rating: float | None = None
    on_time_rate: float | None = None
    incidents: int = 0
    notes: str = ""

    def problems(self) -> dict[str, str]:
        """Field name → what is wrong (empty when valid)."""
        errors: dict[str, str] = {}
        if self.kind not in {k.value for k in SupplierKind}:
            errors["kind"] = QT_TRANSLATE_NOOP(
                "Errors", "Choose 1688 platform supplier or channel distributor."
            )
        if not self.name.strip():
            errors["name"] = QT_TRANSLATE_NOOP("Errors", "Enter the supplier's name.")
        elif len(self.name) > 200:
            errors["name"] = QT_TRANSLATE_NOOP("Errors", "The name is longer than 200 characters.")
        if self.years_on_1688 < 0 or self.years_on_1688 > 50:
            errors["years_on_1688"] = QT_TRANSLATE_NOOP(
                "Errors", "Years on 1688 must be between 0 and 50."
            )
        if self.rating is not None and not 0 <= self.rating <= 5:
            errors["rating"] = QT_TRANSLATE_NOOP("Errors", "The rating must be between 0 and 5.")
        if self.on_time_rate is not None and not 0 <= self.on_time_rate <= 1:
            errors["on_time_rate"] = QT_TRANSLATE_NOOP(
                "Errors", "The on-time rate must be between 0% and 100%."
            )
        if self.incidents < 0:
            errors["incidents"] = QT_TRANSLATE_NOOP("Errors", "Incidents cannot be negative.")
        url = self.shop_url.strip()
        if url and not url.lower().startswith(("http://", "https://")):
            errors["shop_url"] = QT_TRANSLATE_NOOP(
                "Errors", "The shop URL must start with http:// or https://."
            )
        return errors


def _validated(data: SupplierInput) -> dict[str, object]:
    problems = data.problems()
    if problems:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "The supplier has invalid fields."), problems
        )
    values = asdict(data)
    for key in ("name", "member_id", "shop_url", "location", "contact", "notes"):
        values[key] = str(values[key]).strip()
    return values


@write_op
def create_supplier(data: SupplierInput) -> Changes:
    values = _validated(data)
    now = now_epoch()
    supplier_id = Supplier.insert(**values, created_at=now, updated_at=now).execute()
    audit("supplier", supplier_id, "create", after={"name": values["name"], "kind": data.kind})
    return Changes.of(
        "supplier",
        ids={"supplier": [supplier_id]},
        created_id=supplier_id,
        message=QT_TRANSLATE_NOOP("Messages", "Supplier created."),
    )


@write_op
def update_supplier(supplier_id: int, data: SupplierInput) -> Changes:
    """Save a supplier's fields; saving them unchanged writes nothing (no audit event).

    Raises:
        UserError: The supplier no longer exists (checked before the fields).
        ValidationError: A field is invalid (``field_errors`` says which).
    """
    before = Supplier.get_or_none(Supplier.id == supplier_id)
    if before is None:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "This supplier no longer exists; it may have been deleted.")
        )
    values = _validated(data)
    if audit_changes("supplier", supplier_id, before, values):
        Supplier.update(**values, updated_at=now_epoch()).where(
            Supplier.id == supplier_id
        ).execute()
    return Changes.of(
        "supplier",
        ids={"supplier": [supplier_id]},
        message=QT_TRANSLATE_NOOP("Messages", "Supplier saved."),
    )


@write_op
def delete_supplier(supplier_id: int) -> Changes:
    """Delete a supplier that no offer or order uses.

    Raises:
        UserError: Offers or supplier orders still use the supplier (the message says how many).
    """
    supplier = Supplier.get_or_none(Supplier.id == supplier_id)
    if supplier is None:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "This supplier no longer exists; it may have been deleted.")
        )
    offers = Offer.select().where(Offer.supplier == supplier_id).count()
    orders = SupplierOrder.select().where(SupplierOrder.supplier == supplier_id).count()
    if offers or orders:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "“{name}” cannot be deleted: {offers} offer(s) and {orders} supplier order(s) "
                "use it. Delete or move its offers first; suppliers with orders are kept for "
                "the order history.",
            ),
            name=supplier.name,
            offers=offers,
            orders=orders,
        )
    Supplier.delete().where(Supplier.id == supplier_id).execute()
    audit("supplier", supplier_id, "delete", before={"name": supplier.name})
    return Changes.of(
        "supplier",
        ids={"supplier": [supplier_id]},
        message=QT_TRANSLATE_NOOP("Messages", "Supplier deleted."),
    )
