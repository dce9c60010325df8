"""After cancelling on 1688: marking the shop orders the seller dealt with on the shop, and the
offers whose supplier ran out of stock."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from ..context import AppContext
from ..domain.enums import (
    SalesStatus,
)
from ..domain.timeutil import now_epoch
from ..errors import ValidationError
from ..i18n import QT_TRANSLATE_NOOP
from ..store.db import execute_sql
from .base import Changes, audit, write_op
from .cancellation_requests import _CHUNK
from .orders import refresh_order_summaries
from .sourcing import mark_offer_out_of_stock

__all__ = [
    "SHOP_MARKS",
    "mark_offers_out_of_stock",
    "mark_shop_orders",
    "mark_shop_orders_done",
]

log = logging.getLogger(__name__)

# --------------------------------------------------------------------------------------------
# Out of stock
# --------------------------------------------------------------------------------------------


#: What the seller can say happened on the shop after cancelling on 1688.
SHOP_MARKS = (SalesStatus.CANCELLED, SalesStatus.REFUNDING, SalesStatus.REFUNDED)


@write_op
def mark_shop_orders(sales_order_ids: Iterable[int], status: SalesStatus) -> Changes:
    """Record that the seller changed orders on the shop itself (closed, refunding, refunded).

    The cancel wizard never changes a shop order's status on its own: a 1688 close or refund
    request is the supplier side. Once the seller has refunded or cancelled the buyer on the
    shop, this marks it (an import of the shop's orders does the same); every order gets an
    audit event with its old status. Orders that already have *status* are left alone.

    Raises:
        ValidationError: *status* is not one the seller can mark.
    """
    if status not in SHOP_MARKS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "This shop order status cannot be set by hand.")
        )
    ids = sorted(set(sales_order_ids))
    now = now_epoch()
    changed: list[int] = []
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        rows = execute_sql(
            f"SELECT id, status FROM sales_order WHERE id IN ({marks}) AND status != ?",
            (*chunk, status.value),
        ).fetchall()
        for oid, old in rows:
            execute_sql(
                "UPDATE sales_order SET status = ?, updated_at = ? WHERE id = ?",
                (status.value, now, oid),
            )
            audit(
                "sales_order",
                oid,
                "shop_status_marked",
                before={"status": old},
                after={"status": status.value},
                sales_order_id=oid,
                at=now,
            )
            changed.append(int(oid))
    refresh_order_summaries(changed)
    return Changes.of(
        "sales_order",
        ids={"sales_order": changed},
        message=QT_TRANSLATE_NOOP("Messages", "Shop status recorded for {count} order(s)."),
        message_params={"count": len(changed)},
    )


@write_op
def mark_shop_orders_done(ctx: AppContext, sales_order_ids: Iterable[int]) -> Changes:
    """The seller cancelled or refunded these buyers on the shop: unpaid shop orders become
    closed, paid ones refunded (see :func:`mark_shop_orders`); others are left alone."""
    ids = sorted(set(sales_order_ids))
    by_status: dict[str, list[int]] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        for oid, status in execute_sql(
            f"SELECT id, status FROM sales_order WHERE id IN ({marks})", chunk
        ).fetchall():
            by_status.setdefault(status, []).append(int(oid))
    changed: set[int] = set()
    for status, target in (
        (SalesStatus.WAIT_PAY.value, SalesStatus.CANCELLED),
        (SalesStatus.PAID.value, SalesStatus.REFUNDED),
    ):
        if by_status.get(status):
            changed |= mark_shop_orders(by_status[status], target).ids.get("sales_order", set())
    return Changes.of(
        "sales_order",
        ids={"sales_order": changed},
        message=QT_TRANSLATE_NOOP("Messages", "Shop status recorded for {count} order(s)."),
        message_params={"count": len(changed)},
    )


@write_op
def mark_offers_out_of_stock(ctx: AppContext, offer_ids: Iterable[int]) -> Changes:
    """Mark the offers of orders cancelled for 卖家库存不足 as out of stock (stock 0, audited).

    Raises:
        UserError: An offer no longer exists; none is marked.
    """
    done = list(dict.fromkeys(offer_ids))
    for offer_id in done:
        mark_offer_out_of_stock(offer_id)
    return Changes.of(
        "offer",
        ids={"offer": done},
        message=QT_TRANSLATE_NOOP("Messages", "{count} offer(s) marked out of stock."),
        message_params={"count": len(done)},
    )
