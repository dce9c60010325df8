"""The order detail pane: lines, buyer (masked until an audited reveal), supplier orders, timeline
and cancellation requests of the current order."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from ...domain.enums import CancelAction, CancelRequestState, RefundStatus
from ...services.orders import BuyerData
from ...store.order_queries import OrderDetail
from ..formatting import (
    enum_label,
    format_datetime,
    format_money,
    sales_status_label,
    supplier_status_label,
)
from ..models.order_list import COLUMNS
from .risk import risk_html
from .timeline import describe_action, describe_values

__all__ = ["OrderDetailPane"]

_FLAGS_RENDER = next(c.render for c in COLUMNS if c.key == "flags")


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value))


def _td(value: Any, style: str = "") -> str:
    """A table cell; order numbers, SKUs and tracking numbers never break across lines."""
    text = "" if value is None else str(value)
    if text and len(text) <= 40 and all(ch.isascii() and not ch.isspace() for ch in text):
        style += "white-space:nowrap;"
    return f"<td style='{style}'>{html.escape(text)}</td>" if style else f"<td>{_e(text)}</td>"


def _label(enum: Any, raw: Any) -> str:
    if not raw:
        return ""
    try:
        return enum_label(enum(raw))
    except ValueError:
        return str(raw)


class OrderDetailPane(QWidget):
    """Shows one :class:`OrderDetail`.

    Signals:
        reveal_requested(int): The seller asked to see the full buyer data of this order.
    """

    reveal_requested = Signal(int)
    #: Fraud checks: the seller marks the warning "checked, fine" / blacklists the buyer.
    risk_checked_requested = Signal(int)
    blacklist_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("orderDetail")
        self.detail: OrderDetail | None = None
        self.revealed: BuyerData | None = None
        self.title = QLabel()
        self.title.setObjectName("detailTitle")
        self.title.setWordWrap(True)
        self.reveal_button = QPushButton()
        self.reveal_button.setObjectName("revealBuyer")
        self.reveal_button.clicked.connect(self._reveal_clicked)
        self.browser = QTextBrowser()
        self.browser.setObjectName("detailText")
        self.browser.setOpenLinks(False)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.reveal_button)
        self.risk_checked_button = QPushButton()
        self.risk_checked_button.setObjectName("riskChecked")
        self.risk_checked_button.clicked.connect(self._risk_checked_clicked)
        self.blacklist_button = QPushButton()
        self.blacklist_button.setObjectName("blacklistBuyer")
        self.blacklist_button.clicked.connect(self._blacklist_clicked)
        risk_row = QHBoxLayout()
        risk_row.addStretch(1)
        risk_row.addWidget(self.risk_checked_button)
        risk_row.addWidget(self.blacklist_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(risk_row)
        layout.addWidget(self.browser, 1)
        self._retranslate()
        self.show_detail(None)

    def _retranslate(self) -> None:
        self.reveal_button.setText(self.tr("Show buyer data"))
        self.reveal_button.setToolTip(
            self.tr("Shows the full name, phone and address; the reveal is recorded.")
        )
        self.risk_checked_button.setText(self.tr("Checked, fine"))
        self.risk_checked_button.setToolTip(
            self.tr(
                "You checked this order's fraud warning; it is recorded. A new warning shows again."
            )
        )
        self.blacklist_button.setText(self.tr("Blacklist buyer…"))
        self.blacklist_button.setToolTip(
            self.tr("Flag this buyer's orders high risk in every shop, now and later.")
        )

    def tab_chain(self) -> list[QWidget]:
        """The pane's focusable widgets in Tab order."""
        return [self.reveal_button, self.risk_checked_button, self.blacklist_button, self.browser]

    def order_id(self) -> int | None:
        return int(self.detail.order["id"]) if self.detail is not None else None  # type: ignore[arg-type]

    # -- content ---------------------------------------------------------------------------

    def show_detail(self, detail: OrderDetail | None) -> None:
        """Show *detail* (None: nothing selected). A reveal stays shown for the same order."""
        if (
            detail is None
            or self.revealed is None
            or self.revealed.sales_order_id != detail.order["id"]
        ):
            self.revealed = None
        self.detail = detail
        self.reveal_button.setVisible(detail is not None and self.revealed is None)
        rules = str(detail.order.get("risk_rules") or "") if detail is not None else ""
        checked = detail is not None and rules == str(detail.order.get("risk_checked") or "")
        self.risk_checked_button.setVisible(bool(rules) and not checked)
        self.blacklist_button.setVisible(
            detail is not None and not detail.order["buyer_data_removed"]
        )
        if detail is None:
            self.title.setText(self.tr("Select an order to see its details."))
            self.browser.clear()
            return
        order = detail.order
        self.reveal_button.setEnabled(not order["buyer_data_removed"])
        self.title.setText("<b>{}</b> · {}".format(_e(order["shop_order_no"]), _e(order["shop"])))
        self.browser.setHtml(self._html(detail))

    def show_revealed(self, data: BuyerData) -> None:
        self.revealed = data
        if self.detail is not None and self.detail.order["id"] == data.sales_order_id:
            self.show_detail(self.detail)

    @Slot()
    def _risk_checked_clicked(self) -> None:
        order_id = self.order_id()
        if order_id is not None:
            self.risk_checked_requested.emit(order_id)

    @Slot()
    def _blacklist_clicked(self) -> None:
        order_id = self.order_id()
        if order_id is not None:
            self.blacklist_requested.emit(order_id)

    @Slot()
    def _reveal_clicked(self) -> None:
        order_id = self.order_id()
        if order_id is not None:
            self.reveal_requested.emit(order_id)

    # -- HTML ------------------------------------------------------------------------------

    def _html(self, detail: OrderDetail) -> str:
        o = detail.order
        parts: list[str] = []
        flags = _FLAGS_RENDER(o["flags"])
        parts.append(
            "<p>{}: <b>{}</b> · {}: <b>{}</b>{}</p>".format(
                _e(self.tr("Sales status")),
                _e(sales_status_label(o["status"])),
                _e(self.tr("1688 status")),
                _e(supplier_status_label(o["supplier_status"]) or self.tr("No 1688 order")),
                f" · <span style='color:#c81e1e'><b>{_e(flags)}</b></span>" if flags else "",
            )
        )
        if o.get("risk_rules"):
            parts.append(risk_html(o))
        parts.append(
            self._pairs(
                [
                    (self.tr("Created"), format_datetime(o["created_at"])),  # type: ignore[arg-type]
                    (self.tr("Paid"), format_datetime(o["paid_at"])),  # type: ignore[arg-type]
                    (self.tr("Ship by"), format_datetime(o["ship_by"])),  # type: ignore[arg-type]
                    (self.tr("Payment"), o["payment_method"]),
                    (self.tr("Sale amount"), format_money(o["sale_fen"])),  # type: ignore[arg-type]
                    (self.tr("Cost"), format_money(o["cost_fen"])),  # type: ignore[arg-type]
                    (self.tr("Dropship fee"), format_money(o["dropship_fee_fen"])),  # type: ignore[arg-type]
                    (self.tr("Shipping"), format_money(o["shipping_fen"])),  # type: ignore[arg-type]
                    (self.tr("Profit"), format_money(o["profit_fen"])),  # type: ignore[arg-type]
                    (self.tr("Carrier"), o["carrier"]),
                    (self.tr("Tracking no."), o["tracking_no"]),
                    (self.tr("Remark"), o["remark"]),
                ]
            )
        )
        revealed = self.revealed
        if o["buyer_data_removed"]:
            note = self.tr("The buyer data was removed.")
        elif revealed is not None:
            note = self.tr("Shown in full; the reveal was recorded.")
        else:
            note = self.tr("Masked.")
        parts.append("<h3>" + _e(self.tr("Buyer")) + f"</h3><p><i>{_e(note)}</i></p>")
        parts.append(
            self._pairs(
                [
                    (self.tr("Name"), revealed.buyer_name if revealed else o["buyer_name"]),
                    (self.tr("Phone"), revealed.buyer_phone if revealed else o["buyer_phone"]),
                    (
                        self.tr("Address"),
                        revealed.ship_address if revealed else o["ship_address"],
                    ),
                ]
            )
        )
        parts.append("<h3>" + _e(self.tr("Lines")) + "</h3>")
        parts.append(
            self._table(
                [
                    self.tr("Product"),
                    self.tr("SKU"),
                    self.tr("Spec"),
                    self.tr("Qty"),
                    self.tr("Price"),
                ],
                detail.lines,
                [
                    lambda r: r["title"],
                    lambda r: r["sku"],
                    lambda r: r["spec"],
                    lambda r: r["quantity"],
                    lambda r: format_money(r["unit_price_fen"]),
                ],
            )
        )
        parts.append("<h3>" + _e(self.tr("Supplier orders")) + "</h3>")
        if not detail.supplier_orders:
            parts.append("<p><i>" + _e(self.tr("Not ordered from the supplier yet.")) + "</i></p>")
        for r in detail.supplier_orders:
            # One block per supplier order: the 1688 numbers are too long for table columns.
            parts.append(
                self._pairs(
                    [
                        (self.tr("1688 order id"), r["order_id_1688"]),
                        (self.tr("Supplier"), r["supplier"]),
                        (self.tr("Status"), supplier_status_label(r["status"])),  # type: ignore[arg-type]
                        (self.tr("Refund"), _label(RefundStatus, r["refund_status"])),
                        (self.tr("Product"), r["product_title"]),
                        (
                            self.tr("Cost + fee + shipping"),
                            format_money(
                                int(r["cost_fen"])  # type: ignore[call-overload]
                                + int(r["dropship_fee_fen"])  # type: ignore[call-overload]
                                + int(r["shipping_fen"])  # type: ignore[call-overload]
                            ),
                        ),
                        (  # type: ignore[arg-type]
                            self.tr("Paid amount"),
                            format_money(r["paid_fen"]) if r["paid_fen"] else "",
                        ),
                        (self.tr("Created"), format_datetime(r["created_at"])),  # type: ignore[arg-type]
                        (self.tr("Carrier"), r["carrier"]),
                        (self.tr("Tracking no."), r["tracking_no"]),
                    ]
                )
                + "<br>"
            )
        parts.append("<h3>" + _e(self.tr("Cancellation requests")) + "</h3>")
        parts.append(
            self._table(
                [
                    self.tr("Created"),
                    self.tr("1688 order id"),
                    self.tr("Action"),
                    self.tr("Reason"),
                    self.tr("State"),
                    self.tr("Error"),
                ],
                detail.cancellations,
                [
                    lambda r: format_datetime(r["created_at"]),
                    lambda r: r["order_id_1688"],
                    lambda r: _label(CancelAction, r["action"]),
                    lambda r: r["reason_text"] or r["reason_code"],
                    lambda r: _label(CancelRequestState, r["state"]),
                    lambda r: r["error_code"],
                ],
                empty=self.tr("None."),
            )
        )
        parts.append("<h3>" + _e(self.tr("Timeline")) + "</h3>")
        parts.append(
            self._table(
                [self.tr("When"), self.tr("What"), self.tr("Before"), self.tr("After")],
                detail.timeline,
                [
                    lambda r: format_datetime(r["at"]),
                    lambda r: describe_action(str(r["entity"]), str(r["action"])),
                    lambda r: describe_values(str(r["entity"]), str(r["before"] or "")),
                    lambda r: describe_values(str(r["entity"]), str(r["after"] or "")),
                ],
                empty=self.tr("No recorded changes."),
            )
        )
        return "".join(parts)

    @staticmethod
    def _pairs(pairs: Sequence[tuple[str, Any]]) -> str:
        rows = "".join(
            f"<tr><td style='color:#666;padding-right:8px'>{_e(k)}</td>{_td(v)}</tr>"
            for k, v in pairs
            if v not in (None, "")
        )
        return f"<table cellspacing='0' cellpadding='1'>{rows}</table>"

    @staticmethod
    def _table(
        headers: Sequence[str],
        rows: Sequence[dict[str, object]],
        cells: Sequence[Callable[[dict[str, object]], Any]],
        empty: str = "",
    ) -> str:
        if not rows:
            return f"<p><i>{_e(empty)}</i></p>"
        head = "".join(f"<th align='left'>{_e(h)}</th>" for h in headers)
        body = "".join("<tr>" + "".join(_td(cell(r)) for cell in cells) + "</tr>" for r in rows)
        return (
            "<table border='1' cellspacing='0' cellpadding='3' style='border-collapse:collapse'>"
            f"<tr>{head}</tr>{body}</table>"
        )
