"""待下单: the purchase queue and placing 1688 orders for shop orders (manual and API).

Queue: paid shop orders without a live 1688 order, most urgent ship-by first, each line with
the offer it maps to (or the best-ranked in-stock offer of its product, as a suggestion), the
cost (price tiers, dropship fee, freight), the estimated profit, and warnings.

A purchase is recorded before anything happens (record-before-send), one
``purchase_attempt`` per try::

    manual: recorded ─► number_pending ─► linked          (or abandoned)
    API:    recorded ─► sent ─► linked                    (or failed)
                          └─► unknown ─► linked | failed  (answer lost: looked up by outOrderId)

The attempt's ``out_order_id`` is sent to 1688 as ``outOrderId``; an answer that never came is
resolved by looking the order up with it, never by ordering again. A live attempt (recorded,
sent, number pending, unknown) or a live 1688 order blocks a second purchase for the same shop
order unless the seller explicitly orders again (the supplier ran out); the database enforces the
first with a partial unique index.

The package: ``attempts`` (the attempt rows, their states and the shared SQL terms), ``queue``
(the 待下单 queue), ``placing`` (by hand: record, confirm, abandon, link), ``api`` (through the
ordering API), ``purchase_list`` (the purchase-list file, real line costs). Import from the package.
"""

from __future__ import annotations

from .api import (
    PurchaseOutcome,
    attempt_account_id,
    find_interrupted_purchases,
    place_via_api,
    resolve_unknown,
)
from .attempts import DEFAULT_MIN_MARGIN_PCT, AttemptRow, attempts_of
from .placing import (
    PurchaseStart,
    abandon_purchase,
    confirm_ordered,
    link_purchase,
    on_supplier_orders_linked,
    start_purchase,
)
from .purchase_list import (
    PURCHASE_LIST_HEADERS,
    LineCost,
    purchase_list_rows,
    real_line_costs,
    write_purchase_list,
)
from .queue import (
    OfferInfo,
    QueueLine,
    QueueRow,
    queue_count,
    queue_due_count,
    queue_ids,
    queue_rows,
)

__all__ = [
    "DEFAULT_MIN_MARGIN_PCT",
    "PURCHASE_LIST_HEADERS",
    "AttemptRow",
    "LineCost",
    "OfferInfo",
    "PurchaseOutcome",
    "PurchaseStart",
    "QueueLine",
    "QueueRow",
    "abandon_purchase",
    "attempt_account_id",
    "attempts_of",
    "confirm_ordered",
    "find_interrupted_purchases",
    "link_purchase",
    "on_supplier_orders_linked",
    "place_via_api",
    "purchase_list_rows",
    "queue_count",
    "queue_due_count",
    "queue_ids",
    "queue_rows",
    "real_line_costs",
    "resolve_unknown",
    "start_purchase",
    "write_purchase_list",
]
