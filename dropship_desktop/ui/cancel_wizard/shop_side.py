"""What the seller must still do on the shop after cancelling on 1688 (steps 4 and 6).

Closing a 1688 order or applying for its refund changes nothing on the shop: the buyer still
waits for the goods and the shop's ship-by deadline still runs. These widgets say so, with the
shop orders concerned and their deadlines, the most urgent first.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

from ...domain.cancel_flow import ShopTodo
from ...domain.timeutil import to_epoch
from ..formatting import format_datetime, sales_status_label
from .texts import Status, status_color

__all__ = ["SHOWN_TODOS", "ShopTodoBox", "shop_todo_html"]

_LATER = QT_TRANSLATE_NOOP(
    "ShopTodo",
    "This does not cancel the buyer's order on the shop. Afterwards you must still cancel or "
    "refund the buyer of %n shop order(s) there — or ship from another source — before the "
    "ship-by deadline.",
)
_NOW = QT_TRANSLATE_NOOP(
    "ShopTodo",
    "Now, on the shop: cancel or refund the buyer of these %n order(s) — or ship them from "
    "another source — before the ship-by deadline. The 1688 side does not change the shop order.",
)

#: Shop orders listed by name; the rest are counted.
SHOWN_TODOS = 4


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def shop_todo_html(todos: Sequence[ShopTodo], *, done: bool = False) -> str:
    """Rich text: what to do on the shop for *todos*, with each order's ship-by deadline.

    Args:
        todos: From :meth:`CancelFlow.shop_todos` (most urgent first).
        done: The 1688 side was sent (step 6 after submitting): "now" instead of "then".
    """
    if not todos:
        return ""
    lead = QCoreApplication.translate("ShopTodo", _NOW if done else _LATER, "", len(todos))
    red = status_color(Status.FAILED)
    style = f' style="color:{red.name()}"' if red is not None else ""
    items = []
    for todo in todos[:SHOWN_TODOS]:
        sale = todo.sale
        if sale.ship_by is None:
            deadline = QCoreApplication.translate("ShopTodo", "ship-by deadline unknown")
        else:
            when = format_datetime(to_epoch(sale.ship_by))
            deadline = QCoreApplication.translate("ShopTodo", "ship by {when}").format(when=when)
            if todo.overdue:
                deadline = (
                    f"<b{style}>"
                    + _html(QCoreApplication.translate("ShopTodo", "overdue: {}").format(deadline))
                    + "</b>"
                )
            else:
                deadline = "<b>" + _html(deadline) + "</b>"
        items.append(
            f"{_html(sale.shop_order_no or '—')} · {_html(sales_status_label(sale.status))}"
            f" · {deadline}"
        )
    more = len(todos) - SHOWN_TODOS
    if more > 0:
        items.append(_html(QCoreApplication.translate("ShopTodo", "… and %n more", "", more)))
    return _html(lead) + "<br>" + "<br>".join(f"• {item}" for item in items)


class ShopTodoBox(QGroupBox):
    """A box saying what is left to do on the shop; hidden when nothing is.

    After submitting (step 6), its button records that the seller did it on the shop: the shop
    orders become closed (unpaid) or refunded (paid), which ends their ship-by warning.

    Signals:
        mark_requested(list): The sales order ids the seller says are done on the shop.
    """

    mark_requested = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("ShopTodo", "Still to do on the shop"), parent)
        self.setObjectName("shopTodo")
        self.label = QLabel()
        self.label.setObjectName("shopTodoText")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.mark_button = QPushButton(
            QCoreApplication.translate("ShopTodo", "&Done on the shop: mark them closed/refunded")
        )
        self.mark_button.setObjectName("markShopDone")
        self.mark_button.setToolTip(
            QCoreApplication.translate(
                "ShopTodo",
                "Only once you cancelled or refunded the buyers on the shop itself: unpaid orders "
                "become closed, paid ones refunded, and their ship-by warning ends.",
            )
        )
        self.mark_button.clicked.connect(lambda: self.mark_requested.emit(list(self._ids)))
        self.mark_button.hide()
        # Out of the focus chain while hidden: step 6 opens with the focus on Submit.
        self.mark_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._ids: list[int] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.label)
        layout.addWidget(self.mark_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.hide()

    def set_todos(self, todos: Sequence[ShopTodo], *, done: bool = False) -> None:
        text = shop_todo_html(todos, done=done)
        self.label.setText(text)
        self._ids = [t.sale.sales_order_id for t in todos]
        offer = done and bool(todos)
        self.mark_button.setFocusPolicy(
            Qt.FocusPolicy.StrongFocus if offer else Qt.FocusPolicy.NoFocus
        )
        self.mark_button.setVisible(offer)
        self.mark_button.setEnabled(True)
        self.setVisible(bool(text))

    def show_marked(self, count: int) -> None:
        """The seller's mark was recorded."""
        self.label.setText(
            _html(
                QCoreApplication.translate(
                    "ShopTodo",
                    "Recorded: %n shop order(s) marked closed or refunded on the shop.",
                    "",
                    count,
                )
            )
        )
        self.mark_button.setEnabled(False)
