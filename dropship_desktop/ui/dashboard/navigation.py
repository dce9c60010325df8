"""Opening what a to-do card points at: the order list with its filter, or another view.

The main window connects ``DashboardView.todo_activated`` to :func:`open_todo_target`. A view
added by another capability (after-sales, risk, fulfilment) is reached by a card whose
``TodoTarget.view`` equals the view's ``todo_key`` attribute; the view gets the target through
its ``show_todo(target)`` method.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from ...services.todos import TodoTarget

__all__ = ["apply_to_orders_view", "open_todo_target"]


def _select(combo: QComboBox, data: Any) -> None:
    index = combo.findData(data)
    if index >= 0:
        combo.setCurrentIndex(index)


def apply_to_orders_view(view: Any, target: TodoTarget) -> None:
    """Set the order list's filter bar (and sort) to show exactly the card's orders."""
    from ..models.order_list import COLUMNS

    bar = view.filters
    view.search.clear()
    widgets = bar.tab_chain()
    for widget in widgets:
        widget.blockSignals(True)
    try:
        for widget in widgets:
            if isinstance(widget, QComboBox):
                widget.setCurrentIndex(0)
            elif hasattr(widget, "setChecked"):
                widget.setChecked(False)
        bar.from_date.setEnabled(False)
        bar.to_date.setEnabled(False)
        _select(bar.quick_combo, target.quick)
        if target.sales_status is not None:
            _select(bar.sales_combo, target.sales_status)
        if target.supplier_status is not None:
            _select(bar.supplier_status_combo, target.supplier_status)
    finally:
        for widget in widgets:
            widget.blockSignals(False)
    if target.sort_key:
        keys = [c.key for c in COLUMNS]
        if target.sort_key in keys:
            header = view.table.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(keys.index(target.sort_key), Qt.SortOrder.AscendingOrder)
            header.blockSignals(False)
            view._sort_section = keys.index(target.sort_key)
            from dataclasses import replace

            view.filter = replace(view.filter, sort_key=target.sort_key, descending=False)
    bar.changed.emit()


def open_todo_target(window: Any, target: TodoTarget) -> None:
    """Show what *target* names in the main window *window*."""
    from ..orders.view import OrdersView

    if target.view == "interrupted":
        window.show_interrupted()
        return
    for index, view in enumerate(window.views):
        if target.view == "orders" and isinstance(view, OrdersView):
            window.nav.setCurrentRow(index)
            apply_to_orders_view(view, target)
            return
        if getattr(view, "todo_key", None) == target.view:
            window.nav.setCurrentRow(index)
            view.show_todo(target)
            return
