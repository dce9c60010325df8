"""The one rule for an order's derived figures (profit, costs, not-yet-ordered and other flags)."""

from __future__ import annotations

from dropship_desktop.domain.order_summary import SupplierSide, new_order_figures, summarise
from dropship_desktop.domain.orders import OrderFlag


def _side(
    status: str, *, cost: int = 3000, paid: int = 0, refund: str | None = None
) -> SupplierSide:
    return SupplierSide(status, refund, f"no-{status}", cost, 200, 500, paid)


def test_a_paid_order_without_a_1688_order_is_not_yet_ordered_and_keeps_its_estimate() -> None:
    summary = summarise("paid", 9900, estimate=(3000, 200, 500))
    assert summary.flags == OrderFlag.NO_SUPPLIER_ORDER
    assert summary.profit_fen == 9900 - 3700
    assert summary.supplier_status is None


def test_profit_counts_what_was_really_paid_once_known_and_ignores_closed_1688_orders() -> None:
    linked = [_side("cancel"), _side("waitsellersend", paid=3900), _side("success")]
    summary = summarise("shipped", 9900, linked)
    assert summary.supplier_status == "waitsellersend"  # the first live one
    assert summary.cost_fen == 6000  # closed ones cost nothing
    assert summary.profit_fen == 9900 - 3900 - 3700
    assert summary.flags == 0


def test_a_dead_sale_loses_what_live_1688_orders_still_cost() -> None:
    live = summarise("cancelled", 9900, [_side("waitsellersend")])
    assert live.profit_fen == -3700
    assert live.flags & OrderFlag.MISMATCH
    closed = summarise("refunded", 9900, [_side("cancel")])
    assert closed.profit_fen == 0 and not closed.flags & OrderFlag.MISMATCH
    assert summarise("cancelled", 9900).profit_fen == 0  # an import's closed order


def test_refund_and_cancellation_pending_flags() -> None:
    summary = summarise(
        "paid", 9900, [_side("waitbuyerreceive", refund="waitselleragree")], cancel_pending=True
    )
    assert summary.flags & OrderFlag.CANCEL_PENDING
    assert summary.flags & OrderFlag.REFUND_PENDING


def test_a_new_order_keeps_its_sale_as_profit_unless_dead() -> None:
    assert new_order_figures("paid") == (True, OrderFlag.NO_SUPPLIER_ORDER)
    assert new_order_figures("shipped") == (True, 0)
    assert new_order_figures("cancelled") == (False, 0)
    assert new_order_figures("refunded") == (False, 0)
