"""Optional connector capabilities as runtime-checkable protocols.

Every connector implements :class:`~.base.Connector`. What only some can do is a protocol here
(or :class:`~.base.OrderingConnector`), tested with ``isinstance`` instead of ``getattr`` on
attribute names:

    if isinstance(connector, ConfirmsOnPlatform):
        connector.open_order(order_id_1688)
"""

from __future__ import annotations

from typing import Any, Protocol, runtime_checkable

from ..domain.cancel_facts import CallResult
from ..domain.enums import CancelAction

__all__ = ["ConfirmsAfterSales", "ConfirmsOnPlatform", "OpensPages", "TracksRefunds"]


@runtime_checkable
class OpensPages(Protocol):
    """Opens 1688 pages in the seller's browser (``False`` when no browser could be opened)."""

    def open_sign_in(self) -> bool: ...

    def open_order_list(self) -> bool: ...

    def open_order(self, order_id_1688: str) -> bool: ...


@runtime_checkable
class ConfirmsOnPlatform(OpensPages, Protocol):
    """The seller closes or applies for the refund on 1688 and confirms it in the app.

    :meth:`confirm` stores the seller's answer; the connector's next ``close_order`` /
    ``request_refund`` call for that order returns it.
    """

    def confirm(
        self,
        order_id_1688: str,
        action: CancelAction,
        *,
        done: bool,
        message: str = "",
        refund_id: str = "",
    ) -> CallResult: ...


@runtime_checkable
class ConfirmsAfterSales(Protocol):
    """The seller does after-sales steps on 1688 and confirms each in the app."""

    def confirm_after_sales(
        self,
        order_id_1688: str,
        step: str,
        *,
        done: bool,
        message: str = "",
        refund_id: str = "",
    ) -> CallResult: ...


@runtime_checkable
class TracksRefunds(Protocol):
    """Reads an order's refund applications on 1688 and withdraws one (the API does; with the
    manual connector the seller does both on 1688 and records the outcome)."""

    def refunds_of(self, order_id_1688: str) -> list[dict[str, Any]]:
        """The order's applications: ``refund_id``, ``status`` (1688's, lower case) and
        ``amount_fen``."""
        ...

    def cancel_refund(self, order_id_1688: str, refund_id: str) -> CallResult:
        """Withdraw the application (``alibaba.trade.cancelRefund``)."""
        ...
