"""What the cancel wizard reads and the accounts it uses: distribution accounts, the supplier
orders that may be cancelled (with their shop orders and listings), and the shops' 30-day
cancellation figures."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from ..context import AppContext
from ..domain.cancel_flow import (
    CANCELLATION_WINDOW_DAYS,
    AccountRef,
    OrderCandidate,
    ProductFacts,
    SaleFacts,
    ShopCancellationStats,
)
from ..domain.enums import (
    OrderStatus1688,
)
from ..domain.timeutil import from_epoch, now_utc, to_epoch
from ..errors import ValidationError
from ..i18n import QT_TRANSLATE_NOOP, with_values
from ..store.daily_summary import window_counts
from ..store.db import connection, execute_sql
from .base import Changes, audit, write_op
from .cancellation_requests import _CHUNK, _OPEN_REFUND, _OPEN_STATES

__all__ = [
    "FlowData",
    "cancellation_stats",
    "create_account",
    "list_accounts",
    "load_flow_data",
    "pending_supplier_order_ids",
]

log = logging.getLogger(__name__)

# --------------------------------------------------------------------------------------------
# Distribution accounts
# --------------------------------------------------------------------------------------------


def list_accounts(ctx: AppContext) -> list[AccountRef]:
    """The distribution accounts kept by the app, by name."""
    rows = execute_sql(
        "SELECT id, name, member_id, connector FROM distribution_account ORDER BY name, id"
    ).fetchall()
    return [AccountRef(int(r[0]), r[1], r[2], r[3]) for r in rows]


@write_op
def create_account(
    ctx: AppContext, name: str, member_id: str = "", connector: str = "manual"
) -> Changes:
    """Add a distribution account.

    Raises:
        ValidationError: The name is empty, too long or taken, or the connector is unknown.
    """
    name = name.strip()
    member_id = member_id.strip()
    errors: dict[str, str] = {}
    if not name:
        errors["name"] = QT_TRANSLATE_NOOP("Errors", "Enter a name for the account.")
    elif len(name) > 100:
        errors["name"] = QT_TRANSLATE_NOOP("Errors", "The name is longer than 100 characters.")
    elif execute_sql("SELECT 1 FROM distribution_account WHERE name = ?", (name,)).fetchone():
        errors["name"] = with_values(
            QT_TRANSLATE_NOOP("Errors", "An account named “{name}” already exists."), name=name
        )
    if len(member_id) > 100:
        errors["member_id"] = QT_TRANSLATE_NOOP(
            "Errors", "The 1688 member id is longer than 100 characters."
        )
    if connector not in ctx.connectors.kinds():
        errors["connector"] = QT_TRANSLATE_NOOP("Errors", "Choose a connector (manual if unsure).")
    if errors:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "The account has invalid fields."), errors
        )
    account_id = execute_sql(
        "INSERT INTO distribution_account (name, member_id, connector, created_at)"
        " VALUES (?, ?, ?, ?)",
        (name, member_id, connector, ctx.clock()),
    ).lastrowid
    audit(
        "distribution_account",
        account_id,
        "create",
        after={"name": name, "member_id": member_id, "connector": connector},
    )
    return Changes.of(
        "distribution_account",
        ids={"distribution_account": [account_id]},
        created_id=account_id,
        message=QT_TRANSLATE_NOOP("Messages", "Distribution account created."),
    )


# --------------------------------------------------------------------------------------------
# The wizard's data
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FlowData:
    """What :class:`~dropship_desktop.domain.cancel_flow.CancelFlow` needs for some orders."""

    candidates: list[OrderCandidate]
    shop_stats: dict[int, ShopCancellationStats]


def pending_supplier_order_ids(ids: Iterable[int] | None = None) -> set[int]:
    """Supplier orders with a cancellation under way (they cannot be selected again).

    Under way: a request recorded, submitted or interrupted, or an open 1688 refund (requested by
    the wizard or found in imported data).

    Args:
        ids: Only look at these supplier orders (default: all).
    """
    marks_states = ",".join("?" * len(_OPEN_STATES))
    marks_refund = ",".join("?" * len(_OPEN_REFUND))
    sql_requests = (
        "SELECT DISTINCT supplier_order_id FROM cancellation_request"
        f" WHERE state IN ({marks_states})"
    )
    sql_refunds = f"SELECT id FROM supplier_order WHERE refund_status IN ({marks_refund})"
    if ids is None:
        found = {r[0] for r in execute_sql(sql_requests, _OPEN_STATES)}
        found |= {r[0] for r in execute_sql(sql_refunds, _OPEN_REFUND)}
        return found
    wanted = sorted(set(ids))
    found = set()
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        found |= {
            r[0]
            for r in execute_sql(
                f"{sql_requests} AND supplier_order_id IN ({marks})", [*_OPEN_STATES, *chunk]
            )
        }
        found |= {
            r[0] for r in execute_sql(f"{sql_refunds} AND id IN ({marks})", [*_OPEN_REFUND, *chunk])
        }
    return found


_CANDIDATE_SQL = (
    "SELECT so.id, so.order_id_1688, so.status, so.created_at, so.product_title, so.quantity,"
    " so.cost_fen, so.dropship_fee_fen, so.shipping_fen, so.paid_fen, so.refund_status,"
    " so.offer_id, o.lead_time_days, p.id, p.title, p.sku, p.sale_price_fen, p.specs,"
    " p.description, s.id, s.shop_id, s.shop_order_no, s.status, s.sale_fen, s.profit_fen,"
    " s.created_at, s.paid_at, s.ship_by"
    " FROM supplier_order so"
    " LEFT JOIN offer o ON o.id = so.offer_id"
    " LEFT JOIN product p ON p.id = o.product_id"
    " LEFT JOIN sales_order s ON s.id = so.sales_order_id"
)


def _candidate(row: Sequence[object], pending: set[int]) -> OrderCandidate:
    (
        so_id,
        order_id,
        status,
        created,
        title,
        qty,
        cost,
        fee,
        shipping,
        paid,
        refund,
        offer_id,
        lead,
        product_id,
        p_title,
        p_sku,
        p_price,
        p_specs,
        p_desc,
        sale_id,
        shop_id,
        shop_no,
        sale_status,
        sale_fen,
        profit,
        sale_created,
        sale_paid,
        ship_by,
    ) = row
    product = (
        ProductFacts(p_title or "", p_sku or "", p_price, p_specs or "", p_desc or "")  # type: ignore[arg-type]
        if product_id is not None
        else None
    )
    sale = (
        SaleFacts(
            int(sale_id),  # type: ignore[arg-type]
            int(shop_id),  # type: ignore[arg-type]
            str(shop_no),
            str(sale_status),
            int(sale_fen),  # type: ignore[arg-type]
            int(profit),  # type: ignore[arg-type]
            from_epoch(sale_created),  # type: ignore[arg-type]
            from_epoch(sale_paid),  # type: ignore[arg-type]
            from_epoch(ship_by),  # type: ignore[arg-type]
        )
        if sale_id is not None
        else None
    )
    return OrderCandidate(
        supplier_order_id=int(so_id),  # type: ignore[arg-type]
        order_id_1688=order_id or None,  # type: ignore[arg-type]
        status_raw=str(status),
        created_at=from_epoch(created),  # type: ignore[arg-type]
        product_title=str(title),
        quantity=int(qty),  # type: ignore[arg-type]
        cost_fen=int(cost),  # type: ignore[arg-type]
        dropship_fee_fen=int(fee),  # type: ignore[arg-type]
        shipping_fen=int(shipping),  # type: ignore[arg-type]
        paid_fen=int(paid),  # type: ignore[arg-type]
        refund_status=refund,  # type: ignore[arg-type]
        pending=so_id in pending,
        offer_id=offer_id,  # type: ignore[arg-type]
        lead_time_days=lead,  # type: ignore[arg-type]
        product=product,
        sale=sale,
    )


def load_flow_data(
    ctx: AppContext,
    *,
    account_id: int | None = None,
    supplier_order_ids: Iterable[int] = (),
    open_only: bool = True,
    now: datetime | None = None,
) -> FlowData:
    """Candidates and 30-day shop figures for the wizard.

    Args:
        account_id: Include the account's supplier orders (and those with no account, which
            imports may leave); ``None`` for none.
        supplier_order_ids: Include these supplier orders whatever their account or status (the
            orders pre-selected from the order list, or picked in the list on step 2).
        open_only: Of the account's orders, only those still awaiting payment or shipment (the
            ones a cancellation can act on); the others are loaded on demand by id.
        now: For the 30-day window (default: now).

    Returns:
        Candidates ordered newest first, and the figures of every shop they belong to.
    """
    now = now or now_utc()
    rows: dict[int, Sequence[object]] = {}
    if account_id is not None:
        where = " WHERE (so.account_id = ? OR so.account_id IS NULL)"
        params: list[object] = [account_id]
        if open_only:
            where += " AND so.status IN (?, ?)"
            params += [OrderStatus1688.WAIT_BUYER_PAY.value, OrderStatus1688.WAIT_SELLER_SEND.value]
        for row in execute_sql(_CANDIDATE_SQL + where, params):
            rows[row[0]] = row
    wanted = sorted(set(supplier_order_ids) - set(rows))
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        for row in execute_sql(_CANDIDATE_SQL + f" WHERE so.id IN ({marks})", chunk):
            rows[row[0]] = row
    pending = pending_supplier_order_ids(rows)
    candidates = [_candidate(r, pending) for r in rows.values()]
    candidates.sort(key=lambda c: (c.created_at is not None, c.created_at), reverse=True)
    shops = {c.sale.shop_id for c in candidates if c.sale is not None}
    return FlowData(candidates, {s: cancellation_stats(s, now) for s in sorted(shops)})


def cancellation_stats(shop_id: int, now: datetime | None = None) -> ShopCancellationStats:
    """A shop's orders created in the 30 days before *now*, and how many were cancelled.

    Cancelled means closed, refunded or being refunded at the shop.
    """
    end = to_epoch(now or now_utc())
    assert end is not None
    start = end - CANCELLATION_WINDOW_DAYS * 86400
    # The dashboard shows the same figure (store/daily_summary: summary days + exact edges).
    orders, cancelled = window_counts(connection(), start, end, (shop_id,)).get(shop_id, (0, 0))
    return ShopCancellationStats(shop_id, orders, cancelled)
