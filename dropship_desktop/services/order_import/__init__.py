"""Import platform order exports: shop orders (Taobao/Tmall, Pinduoduo, Douyin) and 1688 purchases.

Two steps, so the user sees what will happen before anything is written:

1. :func:`preview_import` reads the file (:mod:`dropship_desktop.tabular`), detects the layout or
   applies a column mapping, and maps every row to a typed record. It writes nothing.
2. :func:`commit_import` writes the preview in **one** IMMEDIATE transaction. Any error, a
   cancellation or a crash rolls everything back: the database is left exactly as it was.

Re-importing a file (or a newer export of the same orders) updates the orders it already holds
(status, logistics, payment time) instead of adding them again: shop orders are keyed by
``(shop_id, shop_order_no)``, 1688 orders by ``order_id_1688``. Status changes of existing orders
are recorded as audit events on those orders, so their timeline shows them.

The write is the hot path: plain tuples and the raw connection's ``executemany``, no ORM objects.
For big imports the full-text insert trigger is dropped inside the transaction and the new rows are
indexed with one ``INSERT … SELECT``; the trigger is re-created before the commit, and a rollback
restores it with everything else.

The package, in the order a file goes through it: ``preview`` (read, find the header row and
the layout, map and check the rows, group the orders; nothing written), ``shops`` (which shop
they go to), ``commit`` (one transaction) over ``shop_orders`` or ``supplier_orders``
(1688), with ``streaming`` for a shop export mapped while it is written; ``summary`` reports
what changed; ``tuning`` holds the chunk sizes. Import from the package.
"""

from __future__ import annotations

from .base import ImportCancelledError, ProgressCallback
from .commit import commit_import, import_orders_file
from .preview import (
    ImportPreview,
    check_preview,
    header_signature,
    preview_import,
    read_order_file,
    release_preview,
)
from .shops import default_shop, file_shop, shops_for_platforms
from .summary import ImportChanges, ImportSummary
from .supplier_orders import _match_waiting_supplier_orders
from .tuning import CHUNK, DEFAULT_TUNING, ImportTuning

__all__ = [
    "CHUNK",
    "DEFAULT_TUNING",
    "ImportCancelledError",
    "ImportChanges",
    "ImportPreview",
    "ImportSummary",
    "ImportTuning",
    "ProgressCallback",
    "_match_waiting_supplier_orders",
    "check_preview",
    "commit_import",
    "default_shop",
    "file_shop",
    "header_signature",
    "import_orders_file",
    "preview_import",
    "read_order_file",
    "release_preview",
    "shops_for_platforms",
]
