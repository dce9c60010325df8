"""The order list's start page: what a new seller does first, on a database without orders.

Shown instead of an empty table (with only "0 orders" above it) while the database holds no sales
order and no search or filter is set. Each step is a button that does it: import the shop's
orders, import the 1688 orders, add suppliers and offers, or look around in the demo.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QProcess, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...context import AppContext
from ..view_base import icon

if TYPE_CHECKING:
    from .view import OrdersView

__all__ = ["StartPage", "connect_start_page", "show_start_page_if_empty", "start_demo_instance"]

_TABLE, _START = 0, 2  # pages of the order view's list stack
_BOX_WIDTH = 720
_BUTTON_WIDTH = 230
_NOTE_WIDTH = _BOX_WIDTH - _BUTTON_WIDTH - 16 - 24  # less the spacing and the box's margins


class StartPage(QWidget):
    """Four first steps, each a button with a line saying what it does.

    Signals:
        import_shop_requested(): Import the shop's order export.
        import_1688_requested(): Import the 1688 buyer-side order export.
        sourcing_requested(): Add suppliers and offers (the Sourcing view).
        demo_requested(): Open the demo (its own database; this one is not touched).
    """

    import_shop_requested = Signal()
    import_1688_requested = Signal()
    sourcing_requested = Signal()
    demo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("orderStartPage")
        self.heading = QLabel()
        self.heading.setObjectName("startHeading")
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.buttons: list[QPushButton] = []
        self.notes: list[QLabel] = []
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(10)
        steps = (
            ("import", self.import_shop_requested, "startImportShop"),
            ("import", self.import_1688_requested, "startImport1688"),
            ("sourcing", self.sourcing_requested, "startSourcing"),
            ("orders", self.demo_requested, "startDemo"),
        )
        for row, (icon_name, signal, name) in enumerate(steps):
            button = QPushButton(icon(icon_name), "")
            button.setObjectName(name)
            button.setMinimumHeight(34)
            button.setFixedWidth(_BUTTON_WIDTH)
            button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            button.clicked.connect(signal)
            note = QLabel()
            note.setWordWrap(True)
            note.setTextFormat(Qt.TextFormat.PlainText)
            grid.addWidget(button, row, 0)
            grid.addWidget(note, row, 1)
            self.buttons.append(button)
            self.notes.append(note)
        grid.setColumnStretch(1, 1)
        box = QFrame()
        box.setObjectName("startBox")
        box.setFixedWidth(_BOX_WIDTH)
        inner = QVBoxLayout(box)
        inner.addWidget(self.heading)
        inner.addWidget(self.intro)
        inner.addSpacing(12)
        inner.addLayout(grid)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("No orders yet"))
        self.intro.setText(
            self.tr(
                "Bring in your orders to see both sides of each one — the shop order and its "
                "1688 purchase — with profit, deadlines and what needs doing."
            )
        )
        texts = (
            (
                self.tr("Import shop orders…"),
                self.tr(
                    "The order export of your shop (Taobao, Pinduoduo, Douyin, Kuaishou…): "
                    "CSV or Excel, as the platform gives it."
                ),
            ),
            (
                self.tr("Import 1688 orders…"),
                self.tr(
                    "The 1688 buyer-side order export (已买到的货品): each purchase is matched "
                    "to its shop order."
                ),
            ),
            (
                self.tr("Add suppliers and offers…"),
                self.tr("Record your 1688 suppliers and their offers to compare cost and terms."),
            ),
            (
                self.tr("Try the demo"),
                self.tr(
                    "Opens a separate demo database with sample orders in a second window; "
                    "your own data is not touched."
                ),
            ),
        )
        for button, note, (label, text) in zip(self.buttons, self.notes, texts, strict=True):
            button.setText(label)
            note.setText(text)
            # A wrapped label in a grid gets one line's height unless told its height.
            note.setMinimumHeight(note.heightForWidth(_NOTE_WIDTH))
        self.intro.setMinimumHeight(self.intro.heightForWidth(_BOX_WIDTH - 24))


def connect_start_page(view: OrdersView) -> None:
    """Make the start page's buttons act in *view*'s window."""
    page = view.start_page
    page.import_shop_requested.connect(view.import_orders)
    page.import_1688_requested.connect(view.import_orders)  # the dialog recognises the file
    page.sourcing_requested.connect(lambda: _open_sourcing(view))
    page.demo_requested.connect(lambda: _open_demo(view))


def show_start_page_if_empty(view: OrdersView) -> None:
    """The start page instead of an empty table when there are no orders at all (no search or
    filter hides them); the table again as soon as there are."""
    empty = (
        view.model.rowCount() == 0
        and view.filter.is_plain()
        and not view.filters.quick()
        and view.list_stack.currentIndex() in (_TABLE, _START)
    )
    if empty and view.list_stack.currentIndex() != _START:
        view.list_stack.setCurrentIndex(_START)
        view.detail.hide()
    elif not empty and view.list_stack.currentIndex() == _START:
        view.list_stack.setCurrentIndex(_TABLE)
        view.detail.show()


def _open_sourcing(view: OrdersView) -> None:
    """To the Sourcing view, with the new-supplier form open."""
    from ..sourcing.view import SourcingView

    window = view.window()
    views = list(getattr(window, "views", []))
    target = next((v for v in views if isinstance(v, SourcingView)), None)
    nav = getattr(window, "nav", None)
    if target is None or nav is None:
        return
    nav.setCurrentRow(views.index(target))
    target.new_supplier()


def _open_demo(view: OrdersView) -> None:
    window = view.window()
    if getattr(window, "demo", False):
        # Already the demo database (emptied): fill it again.
        view.worker.submit(_fill_demo)
        return
    data_dir = getattr(window, "data_dir", None)
    if not start_demo_instance(data_dir if isinstance(data_dir, Path) else None):
        view.count_label.setText(view.tr("The demo could not be started."))


def _fill_demo(ctx: AppContext) -> object:
    from ...services.demo import demo_changes, generate_demo

    generate_demo(DEMO_ORDERS)
    return demo_changes()  # the views reload


#: Orders of a demo database filled from the start page (as on the demo's first use).
DEMO_ORDERS = 3000


def start_demo_instance(data_dir: Path | None = None) -> bool:
    """Start the app on the demo database of *data_dir* in a new process (its own folder
    beside the real data, and its own window).

    Returns:
        Whether the process was started.
    """
    args = ["--data-dir", str(data_dir), "--demo"] if data_dir is not None else ["--demo"]
    if getattr(sys, "frozen", False):
        return bool(QProcess.startDetached(sys.executable, args)[0])
    return bool(QProcess.startDetached(sys.executable, ["-m", "dropship_desktop", *args])[0])
