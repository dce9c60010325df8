"""Buyer personal data: deleting it after a retention period (PIPL), leaving the order figures.

Removing means more than an UPDATE: the old values must not survive in the search index, in free
pages of the database file or in the WAL. ``secure_delete`` (always on, see store/db.py) zeroes
freed content; the FTS update trigger removes the values from the index and an FTS ``optimize``
merges its segments so no old segment still holds them; a ``wal_checkpoint(TRUNCATE)`` then writes
everything into the main file and empties the WAL.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from ..domain.timeutil import now_epoch
from ..errors import UserError
from ..i18n import QT_TRANSLATE_NOOP
from ..store.db import atomic, connection, execute_sql
from .base import Changes, audit, write_op

__all__ = ["PurgeResult", "purge_buyer_data", "scrub_free_space"]

log = logging.getLogger(__name__)

DAY_S = 86_400
#: The shortest retention the purge accepts (a typo of 0 must not wipe yesterday's orders).
MIN_DAYS = 1
MAX_DAYS = 36_500


@dataclass(frozen=True, slots=True)
class PurgeResult:
    """What a purge removed."""

    sales_orders: int
    supplier_orders: int
    changes: Changes


@write_op
def _purge(cutoff: int) -> PurgeResult:
    conn = connection()
    order_ids = [
        row[0]
        for row in conn.execute(
            "SELECT id FROM sales_order WHERE created_at < ? AND (buyer_data_removed = 0 "
            "OR buyer_name <> '' OR buyer_phone <> '' OR ship_address <> '' "
            "OR buyer_member <> '' OR buyer_message <> '')",
            (cutoff,),
        )
    ]
    now = now_epoch()
    conn.executemany(
        "UPDATE sales_order SET buyer_name = '', buyer_phone = '', ship_address = '', "
        "buyer_member = '', buyer_message = '', buyer_data_removed = 1, updated_at = ? "
        "WHERE id = ?",
        [(now, i) for i in order_ids],
    )
    # Supplier orders carry the recipient too: those of a purged order, and unmatched old ones.
    cursor = conn.execute(
        "UPDATE supplier_order SET recipient_name = '', recipient_phone = '', updated_at = ? "
        "WHERE (recipient_name <> '' OR recipient_phone <> '') AND ("
        "  sales_order_id IN (SELECT id FROM sales_order WHERE buyer_data_removed = 1"
        "                     AND created_at < ?)"
        "  OR (sales_order_id IS NULL AND created_at < ?))",
        (now, cutoff, cutoff),
    )
    supplier_count = max(cursor.rowcount, 0)
    if order_ids or supplier_count:
        # The audit log records that data was removed and how much, never the values.
        audit(
            "privacy",
            None,
            "purge_buyer_data",
            after={
                "before": cutoff,
                "sales_orders": len(order_ids),
                "supplier_orders": supplier_count,
            },
        )
    changes = Changes.of(
        "sales_order",
        "supplier_order",
        "audit_event",
        ids={"sales_order": order_ids},
        message=QT_TRANSLATE_NOOP("Messages", "Old buyer data deleted."),
    )
    return PurgeResult(len(order_ids), supplier_count, changes)


def scrub_free_space() -> None:
    """Rewrite the search index and empty the WAL so removed values leave no trace on disk.

    Runs outside any transaction (a checkpoint cannot run inside one).
    """
    with atomic():
        execute_sql("INSERT INTO sales_order_fts (sales_order_fts) VALUES ('optimize')")
    execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def purge_buyer_data(older_than_days: int, *, now: int | None = None) -> PurgeResult:
    """Remove buyer names, phones and addresses from orders created more than N days ago.

    Order figures, products, statuses and the rest stay; ``buyer_data_removed`` is set. The
    removed values are then scrubbed from the search index, free pages and the WAL.

    Args:
        older_than_days: Orders created before now minus this many days lose their buyer data.
        now: The current time in epoch seconds (tests).

    Raises:
        UserError: The number of days is out of range.
    """
    if not MIN_DAYS <= older_than_days <= MAX_DAYS:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "Enter a number of days between {min} and {max} for deleting old buyer data.",
            ),
            min=MIN_DAYS,
            max=MAX_DAYS,
        )
    cutoff = (now if now is not None else now_epoch()) - older_than_days * DAY_S
    result = _purge(cutoff)
    if result.sales_orders or result.supplier_orders:
        scrub_free_space()
    log.info(
        "purged buyer data of %d sales orders and %d supplier orders older than %d days",
        result.sales_orders,
        result.supplier_orders,
        older_than_days,
    )
    return result
