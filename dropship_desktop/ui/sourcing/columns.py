"""The sourcing view's tables: the supplier, product and offer columns and how their cells read."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QPushButton,
    QTableView,
    QToolButton,
)

from ...domain.enums import Fulfilment, SupplierKind
from ...store.sourcing_queries import tiers_of
from ..formatting import enum_label, format_iso_date, format_money
from ..models.rows import RowColumn, RowsModel
from ..view_base import icon
from ..widgets.filter_bar import FilterProxy
from ..widgets.table_copy import install_copy_shortcut

__all__ = [
    "OFFER_COLUMNS",
    "PRODUCT_COLUMNS",
    "SUPPLIER_COLUMNS",
    "make_button",
    "make_icon_button",
    "make_table",
]

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _kind(value: Any) -> str:
    return enum_label(SupplierKind(value))


def _fulfilment(value: Any) -> str:
    return enum_label(Fulfilment(value))


def _percent(value: Any) -> str:
    return "" if value is None else f"{float(value) * 100:.0f}%"


def _yes_no(value: Any) -> str:
    return (
        QCoreApplication.translate("SourcingView", "Yes")
        if value
        else QCoreApplication.translate("SourcingView", "No")
    )


def _stock(value: Any) -> str:
    if value is None:
        return QCoreApplication.translate("SourcingView", "Unknown")
    if value == 0:
        return QCoreApplication.translate("SourcingView", "0 (out of stock)")
    return str(value)


def _tiers(value: Any) -> str:
    return "  ".join(f"≥{q}: {format_money(p)}" for q, p in tiers_of(value))


def _rating(value: Any) -> str:
    return "" if value is None else f"{float(value):.1f}"


SUPPLIER_COLUMNS = (
    RowColumn(2, QT_TRANSLATE_NOOP("SourcingView", "Name")),
    RowColumn(1, QT_TRANSLATE_NOOP("SourcingView", "Kind"), _kind),
    RowColumn(3, QT_TRANSLATE_NOOP("SourcingView", "1688 member id")),
    RowColumn(4, QT_TRANSLATE_NOOP("SourcingView", "Location")),
    RowColumn(5, QT_TRANSLATE_NOOP("SourcingView", "Contact")),
    RowColumn(6, QT_TRANSLATE_NOOP("SourcingView", "Years on 1688"), align=_RIGHT),
    RowColumn(7, QT_TRANSLATE_NOOP("SourcingView", "Rating"), _rating, _RIGHT),
    RowColumn(8, QT_TRANSLATE_NOOP("SourcingView", "On-time rate"), _percent, _RIGHT),
    RowColumn(9, QT_TRANSLATE_NOOP("SourcingView", "Incidents"), align=_RIGHT),
    RowColumn(10, QT_TRANSLATE_NOOP("SourcingView", "Offers"), align=_RIGHT),
    RowColumn(12, QT_TRANSLATE_NOOP("SourcingView", "Notes")),
)


# Rows are store.sourcing_queries.PRODUCT_COLUMNS plus the completeness percentage (index 8).
PRODUCT_COLUMNS = (
    RowColumn(1, QT_TRANSLATE_NOOP("SourcingView", "Title")),
    RowColumn(2, QT_TRANSLATE_NOOP("SourcingView", "SKU")),
    RowColumn(3, QT_TRANSLATE_NOOP("SourcingView", "Sale price"), format_money, _RIGHT),
    RowColumn(4, QT_TRANSLATE_NOOP("SourcingView", "Offers"), align=_RIGHT),
    RowColumn(8, QT_TRANSLATE_NOOP("SourcingView", "Listing complete"), _percent, _RIGHT),
)


OFFER_COLUMNS = (
    RowColumn(1, QT_TRANSLATE_NOOP("SourcingView", "Supplier")),
    RowColumn(2, QT_TRANSLATE_NOOP("SourcingView", "Kind"), _kind),
    RowColumn(3, QT_TRANSLATE_NOOP("SourcingView", "Unit cost"), format_money, _RIGHT),
    RowColumn(13, QT_TRANSLATE_NOOP("SourcingView", "Price tiers"), _tiers),
    RowColumn(4, QT_TRANSLATE_NOOP("SourcingView", "MOQ"), align=_RIGHT),
    RowColumn(5, QT_TRANSLATE_NOOP("SourcingView", "Lead time (days)"), align=_RIGHT),
    RowColumn(6, QT_TRANSLATE_NOOP("SourcingView", "Dropship"), _yes_no),
    RowColumn(7, QT_TRANSLATE_NOOP("SourcingView", "Dropship fee"), format_money, _RIGHT),
    RowColumn(8, QT_TRANSLATE_NOOP("SourcingView", "Fulfilment"), _fulfilment),
    RowColumn(9, QT_TRANSLATE_NOOP("SourcingView", "Shipping"), format_money, _RIGHT),
    RowColumn(10, QT_TRANSLATE_NOOP("SourcingView", "Stock"), _stock, _RIGHT),
    RowColumn(11, QT_TRANSLATE_NOOP("SourcingView", "1688 offer")),
    RowColumn(12, QT_TRANSLATE_NOOP("SourcingView", "Last checked"), format_iso_date),
)


def make_table(model: RowsModel, name: str) -> tuple[QTableView, FilterProxy]:
    proxy = FilterProxy()  # small tables: a proxy is fine here
    proxy.setParent(model)
    proxy.setSourceModel(model)
    view = QTableView()
    view.setObjectName(name)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # keep the query's order until asked
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTabKeyNavigation(False)  # Tab leaves the table, arrows move inside it
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(24)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    install_copy_shortcut(view)
    return view, proxy


def make_button(text: str, icon_name: str, slot: Any) -> QPushButton:
    button = QPushButton(icon(icon_name), text)
    button.clicked.connect(slot)
    return button


def make_icon_button(text: str, icon_name: str, slot: Any) -> QToolButton:
    # Secondary actions show only their icon so the view still fits a narrow window; the text
    # stays as tooltip and accessible name.
    button = QToolButton()
    button.setIcon(icon(icon_name))
    button.setToolTip(text)
    button.setAccessibleName(text)
    button.setAutoRaise(False)
    button.clicked.connect(slot)
    return button
