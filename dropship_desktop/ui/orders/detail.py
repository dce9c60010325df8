"""The order detail pane: lines, buyer (masked until an audited reveal), supplier orders, timeline
and cancellation requests of the current order."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import CancelAction, CancelRequestState, RefundStatus, SalesStatus
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


#: Values up to this long stay on one line beside their label (dates, numbers, amounts); longer
#: ones (an address, a title) wrap.
_PAIR_NOWRAP = 24
#: Characters of a title shown in a table cell; the rest is in its tooltip.
TITLE_CHARS = 14
#: The same for other free text in a table (a reason, a before/after value).
TEXT_CHARS = 24
#: The same for the timeline's before and after (they hold order numbers: cut late).
LONG_TEXT_CHARS = 48
_TIP_SCHEME = "tip:"


class _Tips:
    """Full texts of the cells shown elided, by the link their cell holds (for the tooltip)."""

    def __init__(self) -> None:
        self.texts: list[str] = []

    def cell(self, value: Any, limit: int) -> str:
        """A table cell that stays on one line: *value* whole, or its first *limit* characters
        and "…" with the whole text as its tooltip."""
        text = "" if value is None else str(value)
        if len(text) <= limit:
            return f"<td style='white-space:nowrap'>{_e(text)}</td>"
        self.texts.append(text)
        link = f"{_TIP_SCHEME}{len(self.texts) - 1}"
        return (
            f"<td style='white-space:nowrap'><a href='{link}' style='color:palette(text);"
            f"text-decoration:none'>{_e(text[: limit - 1].rstrip())}…</a></td>"
        )

    def text_of(self, href: str) -> str:
        if href.startswith(_TIP_SCHEME):
            index = href[len(_TIP_SCHEME) :]
            if index.isdigit() and int(index) < len(self.texts):
                return self.texts[int(index)]
        return ""


def _nowrap(value: Any) -> str:
    """A table cell kept on one line: dates, numbers, amounts, states (a narrow pane scrolls
    the table sideways instead of breaking them)."""
    return f"<td style='white-space:nowrap'>{_e(value)}</td>"


def _label(enum: Any, raw: Any) -> str:
    if not raw:
        return ""
    try:
        return enum_label(enum(raw))
    except ValueError:
        return str(raw)


def _downstream(supplier_order: dict[str, object]) -> str:
    """下游渠道 and 下游订单号 of a 1688 order: the shop order it was placed for."""
    number = str(supplier_order.get("downstream_order_no") or "")
    channel = str(supplier_order.get("downstream_channel") or "")
    return f"{channel} {number}".strip() if number else ""


class OrderDetailPane(QWidget):
    """Shows one :class:`OrderDetail`.

    Signals:
        reveal_requested(int): The seller asked to see the full buyer data of this order.
    """

    reveal_requested = Signal(int)
    after_sales_requested = Signal(int)
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
        # Tables keep their content's width: a wide one scrolls sideways (no cell breaks).
        self.browser.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.browser.viewport().installEventFilter(self)
        self._tips = _Tips()
        # Opens an after-sales case on this order (issue #17).
        self.after_sales_button = QPushButton()
        self.after_sales_button.setObjectName("openAfterSales")
        self.after_sales_button.clicked.connect(
            lambda: self.order_id() is not None and self.after_sales_requested.emit(self.order_id())
        )
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.after_sales_button)
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
        self.after_sales_button.setText(self.tr("After-sales…"))
        self.after_sales_button.setToolTip(self.tr("Open an after-sales case (售后) on this order"))
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
        return [
            self.after_sales_button,
            self.reveal_button,
            self.risk_checked_button,
            self.blacklist_button,
            self.browser,
        ]

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
        self._tips = _Tips()
        self.reveal_button.setVisible(detail is not None and self.revealed is None)
        self.after_sales_button.setVisible(detail is not None)
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

    def _supplier_lines(self, supplier_order: dict[str, object]) -> str:
        """The goods lines of a 1688 order (from its buyer export), with their 1688 ids."""
        lines = supplier_order.get("lines") or []
        if not lines:
            return ""
        return self._table(
            [
                self.tr("Product"),
                self.tr("Spec"),
                self.tr("Offer ID"),
                self.tr("SKU ID"),
                self.tr("Item code"),
                self.tr("Qty"),
                self.tr("Price"),
            ],
            lines,  # type: ignore[arg-type]
            [
                lambda r: r["title"],
                lambda r: r["spec"],
                lambda r: r["offer_id_1688"],
                lambda r: r["sku_id_1688"],
                lambda r: r["item_code"],
                lambda r: r["quantity"],
                lambda r: format_money(r["unit_price_fen"]),  # type: ignore[arg-type]
            ],
        )

    def _receiver(self, value: object, hidden: int) -> str:
        """A receiver field; one the platform hid says so (with what is left, e.g. the region)."""
        text = str(value or "")
        if not hidden:
            return text
        label = self.tr("(hidden by the platform)")
        return f"{text} {label}" if text else label

    def _sale_text(self, o: dict[str, object]) -> str:
        """The sale amount; an unpaid order's value is marked unpaid."""
        text = format_money(o["sale_fen"])  # type: ignore[arg-type]
        if o["status"] == SalesStatus.WAIT_PAY.value and not o["paid_at"]:
            text += " " + self.tr("(unpaid)")
        return text

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
                    (self.tr("Sale amount"), self._sale_text(o)),
                    (self.tr("Cost"), format_money(o["cost_fen"])),  # type: ignore[arg-type]
                    (self.tr("Dropship fee"), format_money(o["dropship_fee_fen"])),  # type: ignore[arg-type]
                    (self.tr("Shipping"), format_money(o["shipping_fen"])),  # type: ignore[arg-type]
                    (self.tr("Profit"), format_money(o["profit_fen"])),  # type: ignore[arg-type]
                    (self.tr("Carrier"), o["carrier"]),
                    (self.tr("Tracking no."), o["tracking_no"]),
                    (
                        self.tr("Buyer message"),
                        self.revealed.buyer_message if self.revealed else o["buyer_message"],
                    ),
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
        hidden = int(o.get("buyer_hidden") or 0)  # type: ignore[call-overload]
        if hidden:
            note += " " + self.tr("The platform hid some of it in its export.")
        parts.append("<h3>" + _e(self.tr("Buyer")) + f"</h3><p><i>{_e(note)}</i></p>")
        parts.append(
            self._pairs(
                [
                    (
                        self.tr("Name"),
                        self._receiver(
                            revealed.buyer_name if revealed else o["buyer_name"], hidden & 1
                        ),
                    ),
                    (
                        self.tr("Phone"),
                        self._receiver(
                            revealed.buyer_phone if revealed else o["buyer_phone"], hidden & 2
                        ),
                    ),
                    (
                        self.tr("Address"),
                        self._receiver(
                            revealed.ship_address if revealed else o["ship_address"], hidden & 4
                        ),
                    ),
                    (
                        self.tr("Buyer account"),
                        (revealed.buyer_member if revealed else o.get("buyer_member")) or "",
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
                elide={0: TITLE_CHARS, 2: TITLE_CHARS},
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
                        (self.tr("Placed for shop order"), _downstream(r)),
                        (self.tr("Order batch"), r.get("batch_no", "")),
                    ]
                )
                + self._supplier_lines(r)
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
                elide={3: TEXT_CHARS},
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
                elide={2: LONG_TEXT_CHARS, 3: LONG_TEXT_CHARS},
            )
        )
        return "".join(parts)

    @staticmethod
    def _pairs(pairs: Sequence[tuple[str, Any]]) -> str:
        rows = "".join(
            f"<tr><td style='color:#666;padding-right:8px'>{_e(k)}</td>"
            f"{_nowrap(v) if len(str(v)) <= _PAIR_NOWRAP else _td(v)}</tr>"
            for k, v in pairs
            if v not in (None, "")
        )
        return f"<table cellspacing='0' cellpadding='1'>{rows}</table>"

    def _table(
        self,
        headers: Sequence[str],
        rows: Sequence[dict[str, object]],
        cells: Sequence[Callable[[dict[str, object]], Any]],
        empty: str = "",
        *,
        elide: dict[int, int] | None = None,
    ) -> str:
        """A table at its content's width: no cell wraps (the pane scrolls sideways when the
        table is wider); the columns in *elide* (index → characters) are cut with "…" and show
        the whole text as a tooltip."""
        if not rows:
            return f"<p><i>{_e(empty)}</i></p>"
        elide = elide or {}
        head = "".join(f"<th align='left' style='white-space:nowrap'>{_e(h)}</th>" for h in headers)
        body = "".join(
            "<tr>"
            + "".join(
                self._tips.cell(cell(r), elide[i]) if i in elide else _nowrap(cell(r))
                for i, cell in enumerate(cells)
            )
            + "</tr>"
            for r in rows
        )
        return (
            "<table border='1' cellspacing='0' cellpadding='3' style='border-collapse:collapse'>"
            f"<tr>{head}</tr>{body}</table>"
        )

    def _tooltip_at(self, pos: QPoint) -> str:
        """The whole text of the elided cell at *pos* (viewport coordinates), or ""."""
        return self._tips.text_of(self.browser.anchorAt(pos))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and watched is self.browser.viewport():
            text = self._tooltip_at(event.pos())  # type: ignore[attr-defined]
            if text:
                QToolTip.showText(event.globalPos(), text, self.browser)  # type: ignore[attr-defined]
            else:
                QToolTip.hideText()
            return True
        return super().eventFilter(watched, event)
