"""SKU mapping (商品关联): which 1688 offer + spec serves each shop listing.

A mapping row ties a shop listing (shop + listing key, see
:func:`~dropship_desktop.domain.fulfilment.listing_keys`) to a target: a 1688 Offer ID + spec id
and, when the seller has it in 货源, the local offer and product. Several targets of one listing
are ordered by ``priority`` (0 = main, then backups). Mappings are learned, not typed: whenever a
1688 order is linked to a shop order (下游订单号, buyer match, by hand, or the purchase flow),
:func:`propose_from_links` pairs their lines and proposes the mapping; the seller confirms it
once and it applies from then on.

The package: ``rows`` (mapping rows and the states they share), ``proposals`` (learning
mappings from links), ``editing`` (save, confirm, delete, reorder), ``listings`` (the
mapping view's rows), ``files`` (XLSX/CSV in and out). Import from the package.
"""

from __future__ import annotations

from .editing import MappingInput, confirm_mappings, delete_mapping, move_mapping, save_mapping
from .files import MAPPING_HEADERS, export_mappings, import_mappings
from .listings import ListingRow, listing_rows
from .proposals import propose_from_links
from .rows import LineListing, MappingRow, line_mappings, mappings_of_listing

__all__ = [
    "MAPPING_HEADERS",
    "LineListing",
    "ListingRow",
    "MappingInput",
    "MappingRow",
    "confirm_mappings",
    "delete_mapping",
    "export_mappings",
    "import_mappings",
    "line_mappings",
    "listing_rows",
    "mappings_of_listing",
    "move_mapping",
    "propose_from_links",
    "save_mapping",
]
