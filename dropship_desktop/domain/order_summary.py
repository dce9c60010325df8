"""The order list's derived figures of one shop order: supplier side, costs, profit, flags.

One rule for every place that writes them: :func:`~..services.order_summaries.refresh_order_summaries`
(after any change of the 1688 side) and the order import (a new order, no 1688 order yet).

- The representative 1688 order is the first live one (not closed), else the first.
- Costs are the sums over the live 1688 orders (a closed 1688 order costs nothing); an order
  without any 1688 order keeps its cost estimates.
- What was spent is what was really paid on 1688 (实付款) once known, else the estimate.
- Profit is sale − spent; for a dead sale (cancelled or refunded) it is −spent while a 1688 order
  is still live, else 0.
- Flags: not ordered from the supplier (paid, no 1688 order), refund pending (a live 1688 order
  with an open refund), sides disagree (:func:`~.orders.is_mismatch`); cancellation pending is
  the caller's (it comes from the cancellation requests).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from .enums import CLOSED_1688_STATUSES, OPEN_REFUND_STATUSES, SALE_LOST_STATUSES, SalesStatus
from .orders import OrderFlag, is_mismatch

__all__ = [
    "DERIVED_FLAGS",
    "OrderSummary",
    "SupplierSide",
    "new_order_figures",
    "summarise",
]

#: The flags :func:`summarise` decides (with the caller's cancellation pending); others are kept.
DERIVED_FLAGS = (
    OrderFlag.CANCEL_PENDING
    | OrderFlag.REFUND_PENDING
    | OrderFlag.MISMATCH
    | OrderFlag.NO_SUPPLIER_ORDER
)

_PAID = SalesStatus.PAID.value


class SupplierSide(NamedTuple):
    """One 1688 order of a shop order, as the summary needs it."""

    status: str
    refund_status: str | None
    order_no: str | None
    cost_fen: int
    dropship_fee_fen: int
    shipping_fen: int
    paid_fen: int


class OrderSummary(NamedTuple):
    """The derived columns of a shop order."""

    supplier_status: str | None
    supplier_order_no: str | None
    cost_fen: int
    dropship_fee_fen: int
    shipping_fen: int
    profit_fen: int
    flags: int


def summarise(
    status: str,
    sale_fen: int,
    linked: Sequence[SupplierSide] = (),
    *,
    estimate: tuple[int, int, int] = (0, 0, 0),
    cancel_pending: bool = False,
) -> OrderSummary:
    """The derived columns of a shop order in *status* selling for *sale_fen*.

    Args:
        status: The shop order's status code.
        sale_fen: What the buyer pays.
        linked: Its 1688 orders, oldest first.
        estimate: ``(cost, dropship fee, shipping)`` kept when there is no 1688 order.
        cancel_pending: A cancellation request of one of its 1688 orders is open.

    Returns:
        The summary; its ``flags`` hold only :data:`DERIVED_FLAGS` bits.
    """
    flags = OrderFlag.CANCEL_PENDING if cancel_pending else OrderFlag.NONE
    live = [s for s in linked if s.status not in CLOSED_1688_STATUSES]
    if linked:
        rep = live[0] if live else linked[0]
        supplier_status, supplier_no = rep.status, rep.order_no
        cost = sum(s.cost_fen for s in live)
        fee = sum(s.dropship_fee_fen for s in live)
        shipping = sum(s.shipping_fen for s in live)
        spent = sum(
            s.paid_fen if s.paid_fen > 0 else s.cost_fen + s.dropship_fee_fen + s.shipping_fen
            for s in live
        )
    else:
        supplier_status = supplier_no = None
        cost, fee, shipping = estimate
        spent = cost + fee + shipping
        if status == _PAID:
            flags |= OrderFlag.NO_SUPPLIER_ORDER
    profit = (-spent if live else 0) if status in SALE_LOST_STATUSES else sale_fen - spent
    if any(s.refund_status in OPEN_REFUND_STATUSES for s in live):
        flags |= OrderFlag.REFUND_PENDING
    if is_mismatch(status, supplier_status):
        flags |= OrderFlag.MISMATCH
    return OrderSummary(supplier_status, supplier_no, cost, fee, shipping, profit, int(flags))


def new_order_figures(status: str) -> tuple[bool, int]:
    """:func:`summarise` for a shop order with no 1688 order and no cost estimate yet (a just
    imported one), in a form to cache per status: whether its profit is its sale (else 0), and
    its flags."""
    summary = summarise(status, 1)
    return summary.profit_fen == 1, summary.flags
