"""待发货: shop orders whose 1688 order has a tracking number, and batch-ship files for the shops."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...context import AppContext
from ...errors import UserError
from ...i18n import QT_TRANSLATE_NOOP
from ...services import shipping as sh
from ..formatting import changes_text, format_datetime, format_money, translated, user_error_text
from ..style import error_style
from ..tasks import DbWorker, without_context
from ..view_base import View, icon
from ..widgets.message_bar import MessageBar
from ..widgets.tables import read_only_table
from .models import AMBER, GREEN, RED, ObjectColumn, ObjectTableModel
from .purchase_view import COUNT_DELAY_MS, ship_by_colour

__all__ = ["ShippingView"]

CTX = "ShippingView"
#: Rows loaded first and per "Show more" (the export always takes every order to ship).
PAGE = 100

_STATE_TEXT = {
    sh.TO_SEND: QT_TRANSLATE_NOOP("ShippingView", "To send"),
    sh.SENT: QT_TRANSLATE_NOOP("ShippingView", "Sent to shop"),
    sh.CHANGED: QT_TRANSLATE_NOOP("ShippingView", "Tracking number changed!"),
}
_PLATFORMS = {
    "taobao": QT_TRANSLATE_NOOP("ShippingView", "Taobao"),
    "tmall": QT_TRANSLATE_NOOP("ShippingView", "Tmall"),
    "pdd": QT_TRANSLATE_NOOP("ShippingView", "Pinduoduo"),
    "douyin": QT_TRANSLATE_NOOP("ShippingView", "Douyin"),
    "kuaishou": QT_TRANSLATE_NOOP("ShippingView", "Kuaishou"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


def _state_tip(row: sh.ShipRow) -> str:
    if row.state == sh.CHANGED:
        return (
            QCoreApplication.translate(
                "ShippingView",
                "Sent to the shop as %1, but 1688 now shows %2: correct the tracking number on the "
                "shop, or export it again.",
            )
            .replace("%1", row.sent_tracking_no)
            .replace("%2", row.tracking_no)
        )
    if row.state == sh.SENT and row.sent_at:
        return QCoreApplication.translate(
            "ShippingView", "Written to a batch-ship file on %1."
        ).replace("%1", format_datetime(row.sent_at))
    return ""


COLUMNS = (
    ObjectColumn(
        QT_TRANSLATE_NOOP("ShippingView", "Ship by"),
        lambda r: format_datetime(r.ship_by),
        colour=lambda r: ship_by_colour(r.ship_by),
    ),
    ObjectColumn(QT_TRANSLATE_NOOP("ShippingView", "Shop"), lambda r: r.shop_name),
    ObjectColumn(QT_TRANSLATE_NOOP("ShippingView", "Order no."), lambda r: r.shop_order_no),
    ObjectColumn(QT_TRANSLATE_NOOP("ShippingView", "Product"), lambda r: r.product_summary),
    ObjectColumn(QT_TRANSLATE_NOOP("ShippingView", "1688 order"), lambda r: r.order_id_1688),
    ObjectColumn(QT_TRANSLATE_NOOP("ShippingView", "Carrier (1688)"), lambda r: r.carrier_1688),
    ObjectColumn(
        QT_TRANSLATE_NOOP("ShippingView", "Carrier for the shop"),
        lambda r: r.carrier or QCoreApplication.translate("ShippingView", "Unknown: ship by hand"),
        colour=lambda r: None if r.carrier else RED,
    ),
    ObjectColumn(
        QT_TRANSLATE_NOOP("ShippingView", "Tracking no."),
        lambda r: r.tracking_no if r.parcels == 1 else f"{r.tracking_no} (+{r.parcels - 1})",
    ),
    ObjectColumn(
        QT_TRANSLATE_NOOP("ShippingView", "Profit"),
        lambda r: (
            format_money(r.profit_fen)
            + (QCoreApplication.translate("ShippingView", " (est.)") if r.profit_estimated else "")
        ),
        tooltip=lambda r: (
            QCoreApplication.translate(
                "ShippingView", "Estimated until the 1688 export shows what was really paid."
            )
            if r.profit_estimated
            else QCoreApplication.translate("ShippingView", "From what was really paid on 1688.")
        ),
        colour=lambda r: RED if r.profit_fen < 0 else None,
        right=True,
    ),
    ObjectColumn(
        QT_TRANSLATE_NOOP("ShippingView", "State"),
        lambda r: _tr(_STATE_TEXT[r.state]),
        tooltip=_state_tip,
        colour=lambda r: {sh.CHANGED: RED, sh.SENT: GREEN, sh.TO_SEND: AMBER}[r.state],
    ),
)


class ShippingView(View):
    """Tracking numbers from 1688 to send back to the shops, most urgent first."""

    watches = frozenset({"sales_order", "supplier_order", "shipping_export", "shop"})
    #: The dashboard's to-do cards open this view by this key (``ui/dashboard/navigation``).
    todo_key = "shipping"
    icon_name = "export"

    def __init__(self, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(worker, parent)
        self.setObjectName("ShippingView")
        #: Asks where to save (tests replace it).
        self.ask_path: Callable[[str], str] = self._ask_path
        #: How many orders are to ship (counted in the background; None until then).
        self.total: int | None = None
        self.message_bar = MessageBar(self)
        self.alert = QLabel()
        self.alert.setObjectName("trackingAlert")
        self.alert.setStyleSheet(error_style("font-weight: bold;"))
        self.alert.setWordWrap(True)
        self.alert.hide()
        self.model = ObjectTableModel(COLUMNS, CTX, self)
        self.table = read_only_table(self.model, "shippingTable")
        self.shop = QComboBox()
        self.shop.setObjectName("shippingShop")
        self.shop.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.shop.currentIndexChanged.connect(lambda _i: self.refresh())
        self.hide_sent = QCheckBox(self.tr("Hide orders already sent"))
        self.hide_sent.setChecked(True)
        self.hide_sent.toggled.connect(lambda _on: self.refresh())
        self.export_button = QPushButton(icon("export"), self.tr("Export batch-ship file…"))
        self.export_button.clicked.connect(self.export_file)
        self.count_label = QLabel()
        self.limit = PAGE
        self.more_button = QPushButton(self.tr("Show more"))
        self.more_button.clicked.connect(self.show_more)
        self.more_button.hide()
        bar = QHBoxLayout()
        shop_label = QLabel(self.tr("Shop:"))
        shop_label.setBuddy(self.shop)
        bar.addWidget(shop_label)
        bar.addWidget(self.shop)
        bar.addWidget(self.hide_sent)
        bar.addStretch(1)
        bar.addWidget(self.count_label)
        bar.addWidget(self.export_button)
        hint = QLabel(
            self.tr(
                "Upload the file on the shop's batch-ship page (批量发货). Carriers are written "
                "the way each platform lists them; orders leave this list when the next shop "
                "export shows them shipped."
            )
        )
        hint.setWordWrap(True)
        hint.setObjectName("hint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.alert)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.more_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(hint)
        for column, width in enumerate((125, 110, 165, 140, 160, 120, 120, 140, 110)):
            self.table.setColumnWidth(column, width)
        self._shops_loaded = False

    def title(self) -> str:
        return self.tr("To ship")

    def shop_id(self) -> int | None:
        value = self.shop.currentData(Qt.ItemDataRole.UserRole)
        return int(value) if value else None

    def show_todo(self, target: object) -> None:
        """Opened from the dashboard's card: the tracking numbers not yet sent to the shops."""
        self.hide_sent.setChecked(True)
        self.refresh()

    def refresh(self) -> None:
        if not self._shops_loaded:
            self.worker.submit(_shops, on_result=self._fill_shops, owner=self)
            return
        self._submit_load(self.limit)

    def _submit_load(self, limit: int) -> None:
        self.worker.submit(
            _load,
            self.shop_id(),
            self.hide_sent.isChecked(),
            limit,
            on_result=lambda rows: self._rows_loaded(rows, limit),
            on_error=self._show_error,
            key="shipping",
            owner=self,
        )

    def _fill_shops(self, shops: list[tuple[int, str, str]]) -> None:
        self.shop.blockSignals(True)
        self.shop.clear()
        self.shop.addItem(self.tr("All shops"), 0)
        for shop_id, name, platform in shops:
            label = _tr(_PLATFORMS[platform]) if platform in _PLATFORMS else platform
            self.shop.addItem(f"{name} ({label})", shop_id)
        self.shop.blockSignals(False)
        self._shops_loaded = True
        self.refresh()

    def _rows_loaded(self, rows: list[sh.ShipRow], limit: int = PAGE) -> None:
        self.model.set_rows(rows)
        self.more_button.setVisible(len(rows) >= limit)
        changed = sum(1 for r in rows if r.state == sh.CHANGED)
        if changed:
            self.alert.setText(
                self.tr(
                    "%n order(s) were sent to the shop with a tracking number that 1688 has "
                    "changed since: correct them on the shop.",
                    "",
                    changed,
                )
            )
            self.alert.show()
        else:
            self.alert.hide()
        self.count_label.setText(self.tr("Counting…"))
        QTimer.singleShot(COUNT_DELAY_MS, self, self._count)
        self.export_button.setEnabled(any(r.state != sh.SENT for r in rows))

    def _count(self) -> None:
        self.worker.submit(
            without_context(
                partial(sh.shipping_count, self.shop_id(), unsent_only=self.hide_sent.isChecked())
            ),
            on_result=self._counted,
            key="shipping-count",
            owner=self,
        )

    def show_more(self) -> None:
        self.limit += PAGE
        self.refresh()

    def _counted(self, count: int) -> None:
        self.total = count
        self.count_label.setText(
            self.tr("%n order(s) with a 1688 tracking number to ship", "", count)
        )

    def _show_error(self, error: BaseException) -> None:
        if isinstance(error, UserError):
            self.message_bar.show_message(user_error_text(error))
        else:
            raise error

    def _ask_path(self, suggested: str) -> str:
        name, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the batch-ship file"),
            suggested,
            self.tr("Excel workbook (*.xlsx);;CSV (*.csv)"),
        )
        return name

    def export_file(self) -> None:
        name = self.ask_path(str(Path.home() / "批量发货.xlsx"))
        if name:
            self.worker.submit(
                _export,
                name,
                self.shop_id(),
                on_result=self._exported,
                on_error=self._show_error,
                owner=self,
            )

    def _exported(self, result: sh.ShippingResult) -> None:
        self.worker.changed.emit(result.changes)
        files = ", ".join(f"{f.name} ({n})" for f, _p, n in result.files)
        text = changes_text(result.changes) + " " + files
        if result.skipped:
            text += " " + self.tr("Left out: %1").replace(
                "%1", "; ".join(f"{no}: {translated(reason)}" for no, reason in result.skipped[:5])
            )
        self.message_bar.show_message(text, "warning" if result.skipped else "info")

    def shutdown(self) -> None:
        self.worker.cancel("shipping")
        self.worker.cancel("shipping-count")


def _shops(ctx: AppContext) -> list[tuple[int, str, str]]:
    from ...store.lookups import shops

    return shops()


def _load(
    ctx: AppContext, shop_id: int | None, hide_sent: bool, limit: int = PAGE
) -> list[sh.ShipRow]:
    return sh.shipping_rows(sh.shipping_ids(limit, shop_id=shop_id, unsent_only=hide_sent))


def _export(ctx: AppContext, path: str, shop_id: int | None) -> sh.ShippingResult:
    return sh.export_shipping(path, shop_id=shop_id)
