"""Sourcing use cases (货源): products, offers, price tiers, the preferred offer, import, export.

Writes are :func:`~.base.write_op` transactions that return :class:`~.base.Changes`. The ranking
itself is pure (:mod:`dropship_desktop.domain.sourcing`); :func:`load_comparison` only gathers the
facts it needs.

The package: ``catalogue`` (products, offers, price tiers: validated input and the edit
services), ``comparison`` (a product's offers ranked), ``product_import`` and ``export``
(spreadsheets in and out). Import from the package.
"""

from __future__ import annotations

from .catalogue import (
    MAX_MONEY_FEN,
    OfferInput,
    ProductInput,
    create_offer,
    create_product,
    delete_offer,
    delete_product,
    format_tiers,
    mark_offer_out_of_stock,
    parse_tiers,
    set_preferred_offer,
    update_offer,
    update_product,
)
from .comparison import Comparison, ComparisonOffer, load_comparison, preferred_offer_for
from .export import export_offers, export_suppliers
from .product_import import (
    IMPORT_FIELDS,
    ImportPreview,
    ImportRow,
    commit_product_import,
    preview_product_import,
)

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
