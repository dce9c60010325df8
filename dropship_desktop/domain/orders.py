"""Order-level rules shared by services and views: flags, ship-by deadlines, sales ↔ 1688 status."""

from __future__ import annotations

from collections.abc import Iterable
from enum import IntFlag

from .enums import CLOSED_1688_STATUSES, OrderStatus1688, SalesStatus

__all__ = [
    "DEFAULT_SHIP_WITHIN_HOURS",
    "NEAR_DEADLINE_HOURS",
    "OrderFlag",
    "is_mismatch",
    "product_summary",
]

#: Taobao, Pinduoduo and Douyin default to shipping within 48 hours of payment.
DEFAULT_SHIP_WITHIN_HOURS = 48
#: An unshipped order is "close to the deadline" this many hours before its ship-by time.
NEAR_DEADLINE_HOURS = 12


class OrderFlag(IntFlag):
    """Stored flags of a sales order (time-derived ones, overdue and near deadline, are computed)."""

    NONE = 0
    CANCEL_PENDING = 1
    REFUND_PENDING = 2
    MISMATCH = 4
    NO_SUPPLIER_ORDER = 8


_SALES_LIVE = {SalesStatus.PAID, SalesStatus.SHIPPED, SalesStatus.COMPLETED}
_SUPPLIER_LIVE = {
    OrderStatus1688.WAIT_BUYER_PAY,
    OrderStatus1688.WAIT_SELLER_SEND,
    OrderStatus1688.WAIT_BUYER_RECEIVE,
    OrderStatus1688.CONFIRM_GOODS,
    OrderStatus1688.SUCCESS,
}


def is_mismatch(sales_status: str, supplier_status: str | None) -> bool:
    """Whether the two sides disagree in a way that costs money.

    A buyer-side order that is closed or refunded while the 1688 order is still live (the seller
    would pay for goods nobody bought), or a live buyer order whose 1688 order was closed (the
    buyer waits for goods nobody ships).
    """
    if supplier_status is None:
        return False
    try:
        sales = SalesStatus(sales_status)
        supplier = OrderStatus1688(supplier_status)
    except ValueError:
        return False
    if sales in (SalesStatus.CANCELLED, SalesStatus.REFUNDED) and supplier in _SUPPLIER_LIVE:
        return True
    return sales in _SALES_LIVE and supplier in CLOSED_1688_STATUSES


def product_summary(titles: Iterable[str]) -> str:
    """The order list's product text for an order's line titles (empty titles left out).

    One line: its title. Several: the first, how many, then the other titles (each once), e.g.
    ``纯棉T恤 等2件：陶瓷马克杯`` — every title is in the text, so searching for any line's
    product finds the order.
    """
    named = [t for t in titles if t]
    if len(named) <= 1:
        return named[0] if named else ""
    first = named[0]
    others = [t for t in dict.fromkeys(named[1:]) if t != first]
    counted = f"{first} 等{len(named)}件"
    return f"{counted}：{'；'.join(others)}" if others else counted
