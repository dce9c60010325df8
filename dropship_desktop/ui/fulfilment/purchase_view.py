"""待下单: the purchase queue — place 1688 orders for paid shop orders, by hand or by API."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QSettings, Qt, QTimer, QUrl
from PySide6.QtGui import QColor, QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...connectors.base import OrderingConnector
from ...connectors.manual import ManualConnector
from ...context import AppContext
from ...domain.fulfilment import WARNING_TEXTS, AttemptState
from ...domain.orders import NEAR_DEADLINE_HOURS
from ...errors import UserError
from ...i18n import QT_TRANSLATE_NOOP
from ...services import purchasing as pu
from ...services import risk as risk_service
from ...services.base import Changes
from ..formatting import (
    changes_text,
    enum_label,
    format_datetime,
    format_money,
    translated,
    user_error_text,
)
from ..network import NetworkWorker
from ..orders import risk as risk_ui
from ..tasks import DbWorker, without_context
from ..view_base import View, icon
from ..widgets.message_bar import MessageBar
from ..widgets.tables import read_only_table
from .api_accounts import api_connector_for, default_api_connector
from .models import AMBER, GREEN, GREY, RED, ObjectColumn, ObjectTableModel

__all__ = ["PurchaseQueueView"]

CTX = "PurchaseQueueView"
#: Rows loaded first and per "Show more": a few screenfuls. Building rows (costs, warnings) is
#: Python work; a bigger page loaded behind the first would hold the GIL the UI paints with.
PAGE = 60
#: The count waits this long after the first page (so it does not slow that page's paint).
COUNT_DELAY_MS = 150
MARGIN_KEY = "fulfilment/min_margin_pct"


def ship_by_colour(ship_by: int | None) -> QColor | None:
    """Red when overdue, amber when close to the deadline."""
    if ship_by is None:
        return None
    now = int(time.time())
    if ship_by < now:
        return RED
    if ship_by < now + NEAR_DEADLINE_HOURS * 3600:
        return AMBER
    return None


def _source_text(line: pu.QueueLine) -> str:
    name = line.product_title or line.offer_id_1688 or "—"
    if line.spec_text_1688:
        name += f" · {line.spec_text_1688}"
    if line.source == "suggested":
        return name + " " + QCoreApplication.translate("PurchaseQueueView", "(suggested)")
    if line.source == "proposed":
        return name + " " + QCoreApplication.translate("PurchaseQueueView", "(not confirmed)")
    if not line.source:
        return QCoreApplication.translate("PurchaseQueueView", "No mapping")
    return name


def _warnings_text(row: pu.QueueRow) -> str:
    separator = "；" if QLocale().language() == QLocale.Language.Chinese else "; "
    return separator.join(enum_label(w) for w in row.warnings)


def _warnings_tip(row: pu.QueueRow) -> str:
    return "\n".join(translated(WARNING_TEXTS[w]) for w in row.warnings)


def _status_text(row: pu.QueueRow) -> str:
    if row.attempt is not None:
        return enum_label(row.attempt.state)
    if row.live_orders:
        return QCoreApplication.translate("PurchaseQueueView", "Ordered on 1688")
    if row.closed_before:
        return QCoreApplication.translate("PurchaseQueueView", "To order again")
    return QCoreApplication.translate("PurchaseQueueView", "To order")


def _profit_text(row: pu.QueueRow) -> str:
    if not row.cost_complete:
        return "—"
    return (
        format_money(row.profit_fen)
        + " "
        + QCoreApplication.translate("PurchaseQueueView", "(est.)")
    )


def _margin_text(row: pu.QueueRow) -> str:
    return "" if row.margin is None else f"{row.margin * 100:.1f}%"


ORDER_COLUMNS = (
    ObjectColumn(
        QT_TRANSLATE_NOOP("PurchaseQueueView", "Ship by"),
        lambda r: format_datetime(r.ship_by),
        colour=lambda r: ship_by_colour(r.ship_by),
    ),
    ObjectColumn(QT_TRANSLATE_NOOP("PurchaseQueueView", "Shop"), lambda r: r.shop_name),
    ObjectColumn(QT_TRANSLATE_NOOP("PurchaseQueueView", "Order no."), lambda r: r.shop_order_no),
    ObjectColumn(
        QT_TRANSLATE_NOOP("PurchaseQueueView", "Status"),
        _status_text,
        tooltip=lambda r: r.attempt.out_order_id if r.attempt else "",
        colour=lambda r: GREEN if r.attempt is not None else None,
    ),
    ObjectColumn(
        QT_TRANSLATE_NOOP("PurchaseQueueView", "Warnings"),
        _warnings_text,
        tooltip=_warnings_tip,
        colour=lambda r: RED if r.blocked else (AMBER if r.warnings else None),
    ),
    ObjectColumn(
        QT_TRANSLATE_NOOP("PurchaseQueueView", "Product"),
        lambda r: "；".join(line.title for line in r.lines),
    ),
    ObjectColumn(
        QT_TRANSLATE_NOOP("PurchaseQueueView", "1688 offer"),
        lambda r: "；".join(_source_text(line) for line in r.lines),
        colour=lambda r: GREY if any(line.source != "confirmed" for line in r.lines) else None,
    ),
    ObjectColumn(
        QT_TRANSLATE_NOOP("PurchaseQueueView", "Pieces"),
        lambda r: str(sum(x.pieces for x in r.lines)),
        right=True,
    ),
    ObjectColumn(
        QT_TRANSLATE_NOOP("PurchaseQueueView", "Cost"),
        lambda r: (
            format_money(r.goods_fen + r.dropship_fee_fen + r.freight_fen)
            if r.cost_complete
            else "—"
        ),
        tooltip=lambda r: QCoreApplication.translate(
            "PurchaseQueueView", "Goods {goods} + dropship fee {fee} + freight {freight}"
        ).format(
            goods=format_money(r.goods_fen),
            fee=format_money(r.dropship_fee_fen),
            freight=format_money(r.freight_fen),
        ),
        right=True,
    ),
    ObjectColumn(
        QT_TRANSLATE_NOOP("PurchaseQueueView", "Profit"),
        _profit_text,
        tooltip=lambda r: QCoreApplication.translate(
            "PurchaseQueueView", "Estimated from the mapped offer until the 1688 order is linked."
        ),
        colour=lambda r: RED if r.cost_complete and r.profit_fen < 0 else None,
        right=True,
    ),
    ObjectColumn(QT_TRANSLATE_NOOP("PurchaseQueueView", "Margin"), _margin_text, right=True),
)

LINE_COLUMNS = (
    ObjectColumn(QT_TRANSLATE_NOOP("PurchaseQueueView", "Shop line"), lambda x: x.title),
    ObjectColumn(QT_TRANSLATE_NOOP("PurchaseQueueView", "Spec"), lambda x: x.spec),
    ObjectColumn(
        QT_TRANSLATE_NOOP("PurchaseQueueView", "Qty"), lambda x: str(x.quantity), right=True
    ),
    ObjectColumn(QT_TRANSLATE_NOOP("PurchaseQueueView", "1688 offer"), _source_text),
    ObjectColumn(QT_TRANSLATE_NOOP("PurchaseQueueView", "Offer ID"), lambda x: x.offer_id_1688),
    ObjectColumn(QT_TRANSLATE_NOOP("PurchaseQueueView", "Spec ID"), lambda x: x.spec_id_1688),
    ObjectColumn(
        QT_TRANSLATE_NOOP("PurchaseQueueView", "Pieces"), lambda x: str(x.pieces), right=True
    ),
    ObjectColumn(
        QT_TRANSLATE_NOOP("PurchaseQueueView", "Goods cost"),
        lambda x: "—" if x.cost_fen is None else format_money(x.cost_fen),
        right=True,
    ),
    ObjectColumn(
        QT_TRANSLATE_NOOP("PurchaseQueueView", "Line profit (est.)"),
        lambda x: "—" if x.profit_fen is None else format_money(x.profit_fen),
        tooltip=lambda x: QCoreApplication.translate(
            "PurchaseQueueView",
            "The line's sale minus its goods cost and its share of the dropship fee and freight.",
        ),
        colour=lambda x: RED if x.profit_fen is not None and x.profit_fen < 0 else None,
        right=True,
    ),
    ObjectColumn(
        QT_TRANSLATE_NOOP("PurchaseQueueView", "Stock"),
        lambda x: "" if x.stock is None else str(x.stock),
        right=True,
    ),
    ObjectColumn(QT_TRANSLATE_NOOP("PurchaseQueueView", "Supplier"), lambda x: x.supplier_name),
    ObjectColumn(
        QT_TRANSLATE_NOOP("PurchaseQueueView", "Backups"), lambda x: str(x.backups), right=True
    ),
)


def _load(
    ctx: AppContext, limit: int, include_ordered: bool, min_margin: float
) -> tuple[list[pu.QueueRow], bool]:
    ids = pu.queue_ids(limit + 1, include_ordered=include_ordered)
    return pu.queue_rows(ids[:limit], min_margin_pct=min_margin), len(ids) > limit


class PurchaseQueueView(View):
    """Paid shop orders waiting for their 1688 order, most urgent first."""

    watches = frozenset(
        {"sales_order", "supplier_order", "purchase_attempt", "sku_mapping", "offer", "product"}
    )
    #: The dashboard's to-do cards open this view by this key (``ui/dashboard/navigation``).
    todo_key = "purchase_queue"
    icon_name = "due-soon"

    def __init__(self, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(worker, parent)
        self.setObjectName("PurchaseQueueView")
        self.limit = PAGE
        self.total: int | None = None
        #: Made for the first purchase through a connector that talks to 1688 over the network.
        self._network: NetworkWorker | None = None
        #: Opens a URL in the browser (tests replace it).
        self.open_url: Callable[[str], object] = lambda url: QDesktopServices.openUrl(QUrl(url))
        #: Finds the connector and account for API purchases (tests replace it).
        self.api_connector: Callable[[], tuple[OrderingConnector, int] | None] = lambda: (
            default_api_connector(worker.ctx)
        )
        self.message_bar = MessageBar(self)
        self.model = ObjectTableModel(ORDER_COLUMNS, CTX, self)
        self.table = read_only_table(self.model, "purchaseQueueTable")
        self.lines = ObjectTableModel(LINE_COLUMNS, CTX, self)
        self.line_table = read_only_table(self.lines, "purchaseLineTable")
        self.warning_label = QLabel()
        self.warning_label.setWordWrap(True)
        self.warning_label.setObjectName("purchaseWarnings")

        def button(text: str, icon_name: str, slot: Callable[[], None]) -> QPushButton:
            b = QPushButton(icon(icon_name) if icon_name else icon("link"), text)
            b.clicked.connect(slot)
            return b

        self.copy_button = button(
            self.tr("Copy receiver and open offer"), "copy", self.copy_and_open
        )
        self.ordered_button = button(self.tr("Ordered on 1688"), "star", self.confirm_ordered)
        self.number_button = button(self.tr("Paste 1688 number…"), "link", self.paste_number)
        self.abandon_button = button(self.tr("Not ordered"), "delete", self.abandon)
        self.api_button = button(self.tr("Place through API"), "refresh", self.place_api)
        self.again_button = button(self.tr("Order again…"), "add", self.order_again)
        self.list_button = button(self.tr("Purchase list…"), "export", self.export_purchase_list)
        self.show_ordered = QCheckBox(self.tr("Show orders already ordered"))
        self.show_ordered.toggled.connect(lambda _on: self.refresh())
        self.margin = QDoubleSpinBox()
        self.margin.setRange(-100.0, 100.0)
        self.margin.setDecimals(1)
        self.margin.setSuffix(" %")
        self.margin.setValue(
            float(QSettings().value(MARGIN_KEY, pu.DEFAULT_MIN_MARGIN_PCT))  # type: ignore[arg-type]
        )
        self.margin.editingFinished.connect(self._margin_changed)
        self.count_label = QLabel()
        self.count_label.setObjectName("purchaseCount")
        self.more_button = QPushButton(self.tr("Show more"))
        self.more_button.clicked.connect(self.show_more)
        self.more_button.hide()

        actions = QHBoxLayout()
        for b in (
            self.copy_button,
            self.ordered_button,
            self.number_button,
            self.abandon_button,
            self.api_button,
            self.again_button,
        ):
            actions.addWidget(b)
        actions.addStretch(1)
        options = QHBoxLayout()
        options.addWidget(self.count_label)
        options.addStretch(1)
        options.addWidget(self.show_ordered)
        margin_label = QLabel(self.tr("Warn under margin:"))
        margin_label.setBuddy(self.margin)
        options.addWidget(margin_label)
        options.addWidget(self.margin)
        options.addWidget(self.list_button)
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.line_table, 1)
        detail_layout.addWidget(self.warning_label)
        split = QSplitter(Qt.Orientation.Vertical)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.table, 1)
        top_layout.addWidget(self.more_button, 0, Qt.AlignmentFlag.AlignHCenter)
        split.addWidget(top)
        split.addWidget(detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.message_bar)
        layout.addLayout(options)
        layout.addLayout(actions)
        layout.addWidget(split, 1)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._selected())
        for column, width in enumerate((115, 95, 160, 140, 170, 120, 130, 45, 75, 105)):
            self.table.setColumnWidth(column, width)
        self._update_buttons()

    def title(self) -> str:
        return self.tr("To order")

    # -- loading ------------------------------------------------------------------------------

    def show_todo(self, target: object) -> None:
        """Opened from the dashboard's card: the orders still to place, most urgent first."""
        self.show_ordered.setChecked(False)
        self.refresh()

    def refresh(self) -> None:
        self._submit_load(self.limit)

    def _submit_load(self, limit: int) -> None:
        self.worker.submit(
            _load,
            limit,
            self.show_ordered.isChecked(),
            self.margin.value(),
            on_result=lambda result: self._rows_loaded(result, limit),
            on_error=self._show_error,
            key="purchase-queue",
            owner=self,
        )

    def _rows_loaded(self, result: tuple[list[pu.QueueRow], bool], limit: int) -> None:
        rows, more = result
        current = self.selected_row()
        self.model.set_rows(rows)
        self.more_button.setVisible(more)
        if current is not None:
            for i, row in enumerate(rows):
                if row.sales_order_id == current.sales_order_id:
                    self.table.selectRow(i)
                    break
        if not self.table.currentIndex().isValid() and rows:
            self.table.selectRow(0)
        self._selected()
        self._show_count(len(rows) if not more else None)
        if more:
            # The full count walks every waiting order: in the background, once the first page
            # is painted (it would compete with the paint for the interpreter).
            QTimer.singleShot(COUNT_DELAY_MS, self, self._count)

    def _count(self) -> None:
        self.worker.submit(
            without_context(pu.queue_count),
            on_result=self._show_count,
            key="purchase-count",
            owner=self,
        )

    def _show_count(self, count: int | None) -> None:
        self.total = count
        if count is None:
            self.count_label.setText(self.tr("Counting…"))
        else:
            self.count_label.setText(self.tr("%n order(s) waiting to be ordered", "", count))

    def show_more(self) -> None:
        self.limit += PAGE
        self.refresh()

    def _margin_changed(self) -> None:
        QSettings().setValue(MARGIN_KEY, self.margin.value())
        self.refresh()

    # -- selection ----------------------------------------------------------------------------

    def selected_row(self) -> pu.QueueRow | None:
        index = self.table.currentIndex()
        return self.model.row_object(index.row()) if index.isValid() else None

    def select_order(self, sales_order_id: int) -> bool:
        for i, row in enumerate(self.model.rows()):
            if row.sales_order_id == sales_order_id:
                self.table.selectRow(i)
                return True
        return False

    def _selected(self) -> None:
        row = self.selected_row()
        self.lines.set_rows(list(row.lines) if row else [])
        if row is not None and row.warnings:
            self.warning_label.setText(_warnings_tip(row))
        else:
            self.warning_label.setText("")
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self.selected_row()
        attempt = row.attempt if row else None
        state = attempt.state if attempt else None
        manual = attempt is not None and attempt.channel == "manual"
        can_start = row is not None and attempt is None and not row.blocked
        self.copy_button.setEnabled(can_start and not row.live_orders)  # type: ignore[union-attr]
        self.api_button.setEnabled(can_start and not row.live_orders)  # type: ignore[union-attr]
        self.again_button.setEnabled(can_start and bool(row.live_orders))  # type: ignore[union-attr]
        self.ordered_button.setEnabled(manual and state is AttemptState.RECORDED)
        self.number_button.setEnabled(
            state in (AttemptState.RECORDED, AttemptState.NUMBER_PENDING, AttemptState.UNKNOWN)
        )
        self.abandon_button.setEnabled(
            state in (AttemptState.RECORDED, AttemptState.NUMBER_PENDING)
            or (manual and state is AttemptState.UNKNOWN)
        )
        if state is AttemptState.UNKNOWN and not manual:
            self.api_button.setEnabled(True)
            self.api_button.setText(self.tr("Look up on 1688"))
        else:
            self.api_button.setText(self.tr("Place through API"))

    # -- actions ------------------------------------------------------------------------------

    def _show_error(self, error: BaseException) -> None:

        if isinstance(error, UserError):
            self.message_bar.show_message(user_error_text(error))
        else:
            raise error

    def _done(self, changes: Changes) -> None:
        text = changes_text(changes)
        if text:
            self.message_bar.show_message(text, "info")

    def _after_risk_check(self, sales_order_id: int, go: Callable[[], None]) -> None:
        """Fraud checks (#18): before money goes out on a high-risk order, name the rules that
        fired and let the seller stop; *go* runs when there is nothing to warn about or the
        seller goes on anyway."""

        def checked(found: list[risk_service.HighRiskOrder]) -> None:
            action = self.tr("place the 1688 order")
            if risk_ui.confirm_high_risk(self, found, action):
                go()

        self.worker.submit(
            without_context(risk_service.high_risk_orders),
            [sales_order_id],
            on_result=checked,
            on_error=self._show_error,
            owner=self,
        )

    def copy_and_open(self, order_again: bool = False) -> None:
        """Record the purchase, copy the receiver block and open the offer page(s) on 1688."""
        row = self.selected_row()
        if row is None:
            return

        def go() -> None:
            self.worker.submit(
                pu.start_purchase,
                row.sales_order_id,
                order_again=order_again,
                min_margin_pct=self.margin.value(),
                on_result=self._started,
                on_error=self._show_error,
                owner=self,
            )

        self._after_risk_check(row.sales_order_id, go)

    def _started(self, start: pu.PurchaseStart) -> None:
        QGuiApplication.clipboard().setText(start.receiver_text)
        connector = ManualConnector(open_url=self.open_url)
        opened = all(connector.open_offer(offer) for offer in start.offer_ids_1688)
        self.worker.changed.emit(start.changes)
        text = self.tr(
            "The receiver is copied: paste it into 1688's address box (地址粘贴板). Place and pay "
            "the order on the 1688 page, then click “Ordered on 1688” or paste its number."
        )
        if not opened:
            text += " " + self.tr("Open the offer yourself: %1").replace(
                "%1",
                ", ".join(f"https://detail.1688.com/offer/{o}.html" for o in start.offer_ids_1688),
            )
        self.message_bar.show_message(text, "info")

    def _attempt_id(self) -> int | None:
        row = self.selected_row()
        return row.attempt.id if row and row.attempt else None

    def confirm_ordered(self) -> None:
        attempt_id = self._attempt_id()
        if attempt_id is not None:
            self.worker.submit(
                pu.confirm_ordered,
                attempt_id,
                on_result=self._done,
                on_error=self._show_error,
                owner=self,
            )

    def paste_number(self) -> None:
        attempt_id = self._attempt_id()
        if attempt_id is None:
            return
        clip = QGuiApplication.clipboard().text().strip()
        text, ok = QInputDialog.getText(
            self,
            self.tr("Link the 1688 order"),
            self.tr("The 1688 order number (several: separate them with spaces):"),
            text=clip if clip.isdigit() else "",
        )
        if ok:
            self.link_number(text)

    def link_number(self, text: str) -> None:
        attempt_id = self._attempt_id()
        if attempt_id is not None:
            self.worker.submit(
                pu.link_purchase,
                attempt_id,
                text,
                on_result=self._done,
                on_error=self._show_error,
                owner=self,
            )

    def abandon(self) -> None:
        attempt_id = self._attempt_id()
        if attempt_id is not None:
            self.worker.submit(
                pu.abandon_purchase,
                attempt_id,
                on_result=self._done,
                on_error=self._show_error,
                owner=self,
            )

    def order_again(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Order again"),
            self.tr(
                "Order %1 already has a live 1688 order. Order it again only if that one will not "
                "ship (the supplier ran out, or it is being cancelled). Order again?"
            ).replace("%1", row.shop_order_no),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.copy_and_open(order_again=True)

    def place_api(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        found = self.api_connector()
        if found is None:
            self.message_bar.show_message(
                self.tr(
                    "No distribution account can place orders through the 1688 API (it needs "
                    "1688's ordering permission). Place the order by hand: “Copy receiver and "
                    "open offer”."
                )
            )
            return
        connector, account_id = found
        if row.attempt is not None and row.attempt.state is AttemptState.UNKNOWN:
            # Looked up through the account it was sent with (another one cannot see it).
            connector = (
                api_connector_for(self.worker.ctx, pu.attempt_account_id(row.attempt.id))
                or connector
            )
            self._connector_job(
                connector,
                pu.resolve_unknown,
                row.attempt.id,
                connector,
                on_result=self._api_done,
                on_error=self._show_error,
                owner=self,
            )
            return

        def go() -> None:
            self._connector_job(
                connector,
                pu.place_via_api,
                row.sales_order_id,
                connector,
                account_id=account_id,
                min_margin_pct=self.margin.value(),
                on_result=self._api_done,
                on_error=self._show_error,
                owner=self,
            )

        self._after_risk_check(row.sales_order_id, go)

    def _connector_job(
        self, connector: OrderingConnector, fn: Callable[..., Any], *args: Any, **kwargs: Any
    ) -> None:
        """Run a purchase job that calls *connector*: a connector that talks to 1688 over the
        network is called on the network worker (its database steps go back to the DB worker
        through ``run_db``), so a slow answer never holds the database worker; the others
        (the simulated one) answer at once on the DB worker."""
        if not self.worker.ctx.connectors.is_networked(connector):
            self.worker.submit(fn, *args, **kwargs)
            return
        if self._network is None:
            self._network = NetworkWorker(self.worker, self)
            QCoreApplication.instance().aboutToQuit.connect(self._network.shutdown)
        self._network.submit(fn, *args, run_db=self._network.run_db, **kwargs)

    def _api_done(self, outcome: pu.PurchaseOutcome) -> None:
        self.worker.changed.emit(outcome.changes)
        kind = "info" if outcome.state is AttemptState.LINKED else "warning"
        self.message_bar.show_message(changes_text(outcome.changes), kind)

    def export_purchase_list(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the purchase list"),
            str(Path.home() / "采购清单.xlsx"),
            self.tr("Excel workbook (*.xlsx);;CSV (*.csv)"),
        )
        if name:
            self.write_purchase_list(name)

    def write_purchase_list(self, path: str) -> None:
        def done(count: int) -> None:
            self.message_bar.show_message(
                self.tr("%n line(s) written to the purchase list.", "", count), "info"
            )

        self.worker.submit(
            without_context(pu.write_purchase_list),
            path,
            on_result=done,
            on_error=self._show_error,
            owner=self,
        )

    def shutdown(self) -> None:
        self.worker.cancel("purchase-queue")
        self.worker.cancel("purchase-count")
