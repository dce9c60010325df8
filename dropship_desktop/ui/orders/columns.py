"""The order list's columns: the default order and widths (fitted to the font), the product
column taking the slack, the saved layout and the header's show/hide menu."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QEvent,
    QObject,
    QPoint,
    QSettings,
    Qt,
    Slot,
)
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QMenu

from ...domain.enums import OrderStatus1688, SalesStatus
from ..formatting import enum_label
from ..models.order_list import COLUMNS, flag_example
from ..widgets.column_widths import datetime_width, order_number_width, text_width

if TYPE_CHECKING:
    from .view import OrdersView

__all__ = [
    "DEFAULT_COLUMN_ORDER",
    "HEADER_COLUMNS_KEY",
    "HEADER_KEY",
    "MIN_PRODUCT_WIDTH",
    "SPLITTER_KEY",
    "OrderColumnsMixin",
]

HEADER_KEY = "orders/header_state"
HEADER_COLUMNS_KEY = "orders/header_columns"
SPLITTER_KEY = "orders/splitter_state"
#: The columns left to right by default, in the order a dropshipper works an order: which order
#: (number, buyer, product), what it is worth (amount, profit), where both sides stand (shop
#: status, 1688 status, 1688 order no., tracking no.), the deadline and what needs doing. The
#: rest follows and can be shown, hidden and moved from the header's context menu.
DEFAULT_COLUMN_ORDER = (
    "shop_order_no",
    "buyer_name",
    "product_summary",
    "sale_fen",
    "profit_fen",
    "status",
    "supplier_status",
    "supplier_order_no",
    "tracking_no",
    "ship_by",
    "flags",
    "risk",
    "created_at",
    "shop",
    "quantity",
    "paid_at",
    "cost_fen",
    "dropship_fee_fen",
    "carrier",
)
#: The product column takes the width the others leave, but never less than this. (100 left
#: the ship-by column 2 px out of view at 1366 px once Chinese text had loaded its fonts.)
MIN_PRODUCT_WIDTH = 90
assert sorted(DEFAULT_COLUMN_ORDER) == sorted(c.key for c in COLUMNS)


class OrderColumnsMixin:
    """:class:`~.view.OrdersView`'s column layout (its texts are in the view's translation
    context)."""

    def reset_columns(self: OrdersView) -> None:
        """The default column order, widths and visibility (fitted to the font in use)."""
        header = self.table.horizontalHeader()
        if not self._default_header_state.isEmpty():
            self._restore_header(self._default_header_state)
            return
        keys = [c.key for c in COLUMNS]
        for visual, key in enumerate(DEFAULT_COLUMN_ORDER):
            header.moveSection(header.visualIndex(keys.index(key)), visual)
        metrics = QFontMetrics(self.table.font())
        digits, date = order_number_width(metrics), datetime_width(metrics)
        # Capped: a longer status or flag text is elided, the whole of it in the cell's tooltip.
        status = text_width(
            metrics,
            [enum_label(s) for s in SalesStatus],
            QCoreApplication.translate("OrdersView", "Sales status"),
            cap=120,
        )
        status_1688 = text_width(
            metrics,
            [enum_label(s) for s in OrderStatus1688],
            QCoreApplication.translate("OrdersView", "1688 status"),
            cap=110,
        )

        def label(key: str) -> str:
            return str(self.model.headerData(keys.index(key), Qt.Orientation.Horizontal))

        def money(key: str) -> int:
            # Room for the header too, less the sort arrow's (shown on one column at a time).
            amounts = text_width(metrics, ["¥88,888.88"])
            return max(amounts, metrics.horizontalAdvance(label(key)) + 14)

        flags = text_width(metrics, [flag_example()], label("flags"), cap=110) + 20  # + icon
        for key, width in (
            ("shop_order_no", max(digits, text_width(metrics, [], label("shop_order_no")))),
            ("created_at", date),
            ("buyer_name", text_width(metrics, ["欧阳**"], label("buyer_name"))),
            ("product_summary", MIN_PRODUCT_WIDTH),
            ("status", status),
            ("supplier_status", status_1688),
            ("flags", flags),
            (
                "risk",
                text_width(
                    metrics,
                    [QCoreApplication.translate("OrdersView", "High (checked)")],
                    label("risk"),
                    cap=110,
                ),
            ),
            ("profit_fen", money("profit_fen")),
            ("sale_fen", money("sale_fen")),
            ("ship_by", max(date, text_width(metrics, [], label("ship_by")))),
            ("shop", 110),
            ("quantity", text_width(metrics, ["888"], label("quantity"))),
            ("paid_at", date),
            ("cost_fen", money("cost_fen")),
            ("dropship_fee_fen", money("dropship_fee_fen")),
            (
                "supplier_order_no",
                max(digits, text_width(metrics, [], label("supplier_order_no"))),
            ),
            ("carrier", 90),
            ("tracking_no", text_width(metrics, ["YT754751206213"], label("tracking_no"))),
        ):
            self.table.setColumnWidth(keys.index(key), width)
        for column in range(len(COLUMNS)):
            self.table.setColumnHidden(column, False)
        self._default_header_state = header.saveState()

    def eventFilter(self: OrdersView, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.table.viewport():
            self._fit_product()
        return super().eventFilter(watched, event)

    @Slot(int, int, int)
    def _section_resized(self: OrdersView, section: int, _old: int, _new: int) -> None:
        if section != self._product_column:
            self._fit_product()

    def _fit_product(self: OrdersView) -> None:
        """Give the product column the width the other shown columns leave (at least
        :data:`MIN_PRODUCT_WIDTH`): no empty band on a wide window, no lost column on a small one.
        """
        header = self.table.horizontalHeader()
        if header.isSectionHidden(self._product_column):
            return
        others = sum(
            header.sectionSize(c)
            for c in range(header.count())
            if c != self._product_column and not header.isSectionHidden(c)
        )
        width = max(MIN_PRODUCT_WIDTH, self.table.viewport().width() - others)
        if header.sectionSize(self._product_column) != width:
            header.resizeSection(self._product_column, width)

    def _restore_layout(self: OrdersView) -> None:
        settings = QSettings()
        columns = ",".join(c.key for c in COLUMNS)
        state = settings.value(HEADER_KEY)
        # A state saved for other columns (an older version) would scramble them: ignore it.
        if (
            isinstance(state, QByteArray)
            and settings.value(HEADER_COLUMNS_KEY, "", type=str) == columns
            and not self._restore_header(state)
        ):
            self.reset_columns()
        splitter = settings.value(SPLITTER_KEY)
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)

    def _restore_header(self: OrdersView, state: QByteArray) -> bool:
        """Column order, widths and visibility from *state*; the sort stays the filter's (the
        saved state's sort indicator would otherwise start a reload)."""
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        try:
            ok = header.restoreState(state)
            header.setSortIndicator(
                self._sort_section,
                Qt.SortOrder.DescendingOrder
                if self.filter.descending
                else Qt.SortOrder.AscendingOrder,
            )
        finally:
            header.blockSignals(False)
        # The signals were blocked: tell the view about the sections as they are now.
        header.headerDataChanged(Qt.Orientation.Horizontal, 0, header.count() - 1)
        self.table.viewport().update()
        return ok

    def save_layout(self: OrdersView) -> None:
        """Remember the column order, widths and visibility and the detail pane's width."""
        settings = QSettings()
        settings.setValue(HEADER_KEY, self.table.horizontalHeader().saveState())
        settings.setValue(HEADER_COLUMNS_KEY, ",".join(c.key for c in COLUMNS))
        settings.setValue(SPLITTER_KEY, self.splitter.saveState())

    @Slot(QPoint)
    def _header_menu(self: OrdersView, pos: QPoint) -> None:
        """Show or hide columns, or go back to the default columns."""
        header = self.table.horizontalHeader()
        menu = QMenu(self)
        menu.setObjectName("orderColumnsMenu")
        visible = [c for c in range(len(COLUMNS)) if not header.isSectionHidden(c)]
        for visual in range(header.count()):
            column = header.logicalIndex(visual)
            action = menu.addAction(str(self.model.headerData(column, Qt.Orientation.Horizontal)))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            # The last visible column stays: a table without columns cannot get them back.
            action.setEnabled(visible != [column])
            action.toggled.connect(
                lambda on, c=column: self.table.setColumnHidden(c, not on)  # type: ignore[misc]
            )
        menu.addSeparator()
        reset = menu.addAction(QCoreApplication.translate("OrdersView", "Reset columns"))
        reset.triggered.connect(self.reset_columns)
        menu.exec(header.mapToGlobal(pos))

    def _first_column(self: OrdersView) -> int:
        """The leftmost shown column (the current cell there does not scroll the list sideways)."""
        header = self.table.horizontalHeader()
        for visual in range(header.count()):
            logical = header.logicalIndex(visual)
            if not header.isSectionHidden(logical):
                return logical
        return 0
