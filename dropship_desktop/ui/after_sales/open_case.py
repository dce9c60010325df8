"""Opening an after-sales case from the order list (context menu) and the order detail pane."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from ...services.base import Changes
from ...store.lookups import order_number_and_sale
from ..tasks import without_context
from ..view_base import icon
from .dialogs import OpenCaseDialog

__all__ = ["after_sales_action", "open_after_sales_case"]


def after_sales_action(view: Any) -> QAction:
    """The "After-sales case…" action of the order list (Ctrl+Shift+A), for its current order."""
    action = QAction(
        icon("after-sales"), QCoreApplication.translate("AfterSalesOpen", "After-sales case…"), view
    )
    action.setObjectName("openAfterSalesAction")
    action.setShortcut(QKeySequence("Ctrl+Shift+A"))
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    action.setToolTip(
        QCoreApplication.translate(
            "AfterSalesOpen", "Open an after-sales case (售后) on this order"
        )
    )

    def trigger() -> None:
        order_id = view.current_order_id()
        if order_id is not None:
            open_after_sales_case(view, order_id)

    action.triggered.connect(trigger)
    view.addAction(action)
    return action


def open_after_sales_case(parent: QWidget, sales_order_id: int) -> None:
    """Ask for the kind and details, open the case, then show it in the after-sales view."""
    worker = parent.worker  # type: ignore[attr-defined]

    def show(facts: tuple[str, int] | None) -> None:
        if facts is None:
            return
        dialog = OpenCaseDialog(worker, sales_order_id, facts[0], facts[1], parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.done_changes.connect(lambda changes: _go_to_case(parent, changes))
        dialog.open()

    worker.submit(
        without_context(order_number_and_sale), sales_order_id, on_result=show, owner=parent
    )


def _go_to_case(parent: QWidget, changes: Changes) -> None:
    window = parent.window()
    views = getattr(window, "views", [])
    from .view import AfterSalesView

    for index, view in enumerate(views):
        if isinstance(view, AfterSalesView):
            if changes.created_id is not None:
                view.select_case(changes.created_id)
            window.nav.setCurrentRow(index)  # type: ignore[attr-defined]
            return
