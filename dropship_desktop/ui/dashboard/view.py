"""The dashboard (工作台), the view the app opens on: today's to-dos and how the shops are doing."""

from __future__ import annotations

import threading

from PySide6.QtCore import QDate, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.dashboard import BP, RANGE_PRESETS, DateRange, stock_problem
from ...domain.timeutil import now_epoch
from ...services import dashboard as svc
from ...services.base import Changes
from ...services.todos import TODO_CARDS, TodoCount
from ..formatting import format_money
from ..tasks import DbWorker, without_context
from ..view_base import View
from . import actions
from .cards import FigureTile, TodoCardWidget
from .charts import (
    BarItem,
    CancellationRateChart,
    DailySalesChart,
    Series,
    TopProductsChart,
    TopSuppliersChart,
)
from .format import day_date, day_labels, percent
from .loading import LIVE_KEY, LOAD_KEY, REUSE_S, load_dashboard_view, load_live_after
from .models import ShopFiguresModel, SupplierFiguresModel

__all__ = ["DashboardView", "TodoCardWidget", "load_dashboard_view"]

#: Warn about a shop when this many cancellations (or fewer) bring it to its line.
NEAR_LINE = 3


class DashboardView(View):
    """Today's to-dos and the shops' figures over 7 / 30 / 90 days or a custom range.

    Signals:
        todo_activated(object): A to-do card was clicked; the :class:`TodoTarget` to open.
    """

    todo_activated = Signal(object)
    #: After a load's part is shown: "first" (summary figures and to-do counts, the live
    #: figures pending) or "live" (everything). The bench times the open with it.
    stage_shown = Signal(str)
    watches = frozenset(
        {"sales_order", "supplier_order", "cancellation_request", "shop", "supplier"}
        | {t for card in TODO_CARDS for t in card.watches}
    )
    icon_name = "dashboard"

    def __init__(self, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(worker, parent)
        self.setObjectName("DashboardView")
        self.data: svc.DashboardData | None = None
        self._todos: list[TodoCount] = []
        self._days = 30
        self._shops: list[svc.ShopRef] = []
        #: Set once a load's first figures are shown; its live job waits for it.
        self._first_painted = threading.Event()
        #: Per table, the text widths its columns were last sized to (see ``text_widths``).
        self._sized: dict[str, tuple[int, ...]] = {}

        # -- the bar: range, shop, actions
        self.heading = QLabel()
        heading_font = QFont(self.font())
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.3)
        heading_font.setBold(True)
        self.heading.setFont(heading_font)
        self.range_group = QButtonGroup(self)
        self.range_buttons: dict[int, QToolButton] = {}
        for days in (*RANGE_PRESETS, 0):
            button = QToolButton()
            button.setCheckable(True)
            button.setObjectName(f"range{days or 'Custom'}")
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            self.range_group.addButton(button, days)
            self.range_buttons[days] = button
        self.range_buttons[30].setChecked(True)
        self.range_group.idClicked.connect(self._range_clicked)
        self.from_date = QDateEdit()
        self.to_date = QDateEdit()
        for edit in (self.from_date, self.to_date):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(QDate.currentDate())
            edit.setEnabled(False)
            edit.dateChanged.connect(self._custom_changed)
        self.from_date.setDate(QDate.currentDate().addDays(-29))
        self.shop_combo = QComboBox()
        self.shop_combo.setObjectName("dashboardShop")
        self.shop_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.shop_combo.setMinimumContentsLength(12)
        self.shop_combo.currentIndexChanged.connect(self._shop_changed)
        self.line_button = QPushButton()
        self.line_button.setObjectName("warningLineButton")
        self.line_button.clicked.connect(self.edit_warning_line)
        self.export_button = QPushButton()
        self.export_button.setObjectName("exportFiguresButton")
        self.export_button.clicked.connect(self.export_figures)
        self.charts_button = QPushButton()
        self.charts_button.setObjectName("saveChartsButton")
        self.charts_button.clicked.connect(self.save_charts)
        self.refresh_button = QToolButton()
        self.refresh_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.refresh_button.clicked.connect(self.refresh)
        bar = QHBoxLayout()
        bar.addWidget(self.heading)
        bar.addSpacing(12)
        for days in (*RANGE_PRESETS, 0):
            bar.addWidget(self.range_buttons[days])
        # A custom range's dates go on a line of their own under the bar: beside the buttons
        # they made the bar wider than a 1366-pixel screen in English (the charts were cut off
        # on the right behind a horizontal scroll bar).
        self.dates_row = QWidget()
        self.dates_row.setObjectName("customDates")
        dates = QHBoxLayout(self.dates_row)
        dates.setContentsMargins(0, 0, 0, 0)
        dates.addWidget(self.from_date)
        self.dash = QLabel("–")
        dates.addWidget(self.dash)
        dates.addWidget(self.to_date)
        dates.addStretch(1)
        self.dates_row.hide()
        bar.addSpacing(8)
        bar.addWidget(self.shop_combo)
        bar.addStretch(1)
        bar.addWidget(self.line_button)
        bar.addWidget(self.charts_button)
        bar.addWidget(self.export_button)
        bar.addWidget(self.refresh_button)

        # -- warnings about the cancellation line
        self.warning = QLabel()
        self.warning.setObjectName("cancelWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(
            "QLabel { background: rgba(217, 56, 56, 0.12); border: 1px solid rgba(217,56,56,0.5);"
            " border-radius: 4px; padding: 6px; }"
        )
        self.warning.hide()

        # -- to-do cards (one per registered card)
        self.todo_title = QLabel()
        self.todo_title.setFont(heading_font)
        self.cards: dict[str, TodoCardWidget] = {}
        cards = QGridLayout()
        cards.setSpacing(8)
        # One row up to six cards, else two even rows (eight cards: 4 + 4, not 6 + 2).
        n_cards = len(TODO_CARDS)
        per_row = n_cards if n_cards <= 6 else min(6, (n_cards + 1) // 2)
        for n, card in enumerate(TODO_CARDS):
            widget = TodoCardWidget(card.key)
            widget.activated.connect(self.todo_activated)
            self.cards[card.key] = widget
            cards.addWidget(widget, n // per_row, n % per_row)

        # -- headline figures
        self.figures_title = QLabel()
        self.figures_title.setFont(heading_font)
        self.tiles = {
            k: FigureTile(k)
            for k in ("sales", "orders", "profit", "margin", "cancel", "late", "after_sales")
        }
        tiles = QHBoxLayout()
        tiles.setSpacing(8)
        for tile in self.tiles.values():
            tiles.addWidget(tile, 1)

        # -- charts
        self.sales_chart = DailySalesChart()
        self.sales_chart.setObjectName("salesChart")
        self.rate_chart = CancellationRateChart()
        self.rate_chart.setObjectName("cancellationRateChart")
        self.products_chart = TopProductsChart()
        self.products_chart.setObjectName("topProductsChart")
        self.suppliers_chart = TopSuppliersChart()
        self.suppliers_chart.setObjectName("topSuppliersChart")
        self.charts = (self.sales_chart, self.rate_chart, self.products_chart, self.suppliers_chart)
        charts = QGridLayout()
        charts.setSpacing(8)
        for n, chart in enumerate(self.charts):
            chart.setMinimumHeight(250)
            charts.addWidget(chart, n // 2, n % 2)

        # -- tables
        self.shop_model = ShopFiguresModel(self)
        self.supplier_model = SupplierFiguresModel(self)
        self.shop_table = self._table(self.shop_model, "shopFigures")
        self.supplier_table = self._table(self.supplier_model, "supplierFigures")
        self.shops_title = QLabel()
        self.suppliers_title = QLabel()
        for label in (self.shops_title, self.suppliers_title):
            label.setFont(heading_font)

        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(12, 10, 12, 12)
        column.setSpacing(8)
        column.addLayout(bar)
        column.addWidget(self.dates_row)
        column.addWidget(self.warning)
        column.addWidget(self.todo_title)
        column.addLayout(cards)
        column.addWidget(self.figures_title)
        column.addLayout(tiles)
        column.addLayout(charts)
        column.addWidget(self.shops_title)
        column.addWidget(self.shop_table, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.suppliers_title)
        column.addWidget(self.supplier_table, 0, Qt.AlignmentFlag.AlignLeft)
        column.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll)
        self._retranslate()

    @staticmethod
    def _table(model: object, name: str) -> QTableView:
        table = QTableView()
        table.setObjectName(name)
        table.setModel(model)  # type: ignore[arg-type]
        table.verticalHeader().hide()
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setSizeAdjustPolicy(QAbstractItemView.SizeAdjustPolicy.AdjustToContents)
        # As wide as its columns, no empty frame to the right of them.
        table.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
        return table

    # -- texts ------------------------------------------------------------------------------

    def title(self) -> str:
        return self.tr("Dashboard")

    def _retranslate(self) -> None:
        self.heading.setText(self.tr("Dashboard"))
        for days, button in self.range_buttons.items():
            button.setText(self.tr("{n} days").format(n=days) if days else self.tr("Custom"))
        self.range_buttons[0].setToolTip(self.tr("Choose the first and last day"))
        self.line_button.setText(self.tr("Warning line…"))
        self.line_button.setToolTip(
            self.tr(
                "Set the 30-day cancellation rate at which the shop's platform starts to act "
                "(its red line); the dashboard warns before the next cancellations reach it"
            )
        )
        self.charts_button.setText(self.tr("Save charts…"))
        self.charts_button.setToolTip(
            self.tr("Save the four charts as PNG images into a folder (right-click a chart to "
                    "save only that one)")
        )  # fmt: skip
        self.export_button.setText(self.tr("Export figures…"))
        self.export_button.setToolTip(self.tr("Save the figures shown as an Excel workbook"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.todo_title.setText(self.tr("To do today"))
        self.figures_title.setText(self.tr("How the shops are doing"))
        self.shops_title.setText(self.tr("Shops"))
        self.suppliers_title.setText(self.tr("Suppliers"))
        names = {
            "sales": self.tr("Sales (GMV)"),
            "orders": self.tr("Orders"),
            "profit": self.tr("Profit"),
            "margin": self.tr("Margin"),
            "cancel": self.tr("30-day cancellation rate"),
            "late": self.tr("Late shipment rate"),
            "after_sales": self.tr("After-sales loss"),
        }
        for key, tile in self.tiles.items():
            tile.name.setText(names[key])
        self.sales_chart.set_title(self.tr("Daily sales and profit"))
        self.rate_chart.set_title(self.tr("Cancellation rate (trailing 30 days)"))
        self.products_chart.set_title(self.tr("Top products by sales"))
        self.suppliers_chart.set_title(self.tr("Suppliers by purchase cost"))
        for chart in self.charts:
            chart.set_empty_text(self.tr("No orders in this range"))
        self._fill_shops()

    # -- choices ----------------------------------------------------------------------------

    def _fill_shops(self) -> None:
        current = self.shop_combo.currentData()
        self.shop_combo.blockSignals(True)
        self.shop_combo.clear()
        self.shop_combo.addItem(self.tr("All shops"), None)
        for shop in self._shops:
            self.shop_combo.addItem(shop.name, shop.id)
        index = self.shop_combo.findData(current)
        self.shop_combo.setCurrentIndex(max(index, 0))
        self.shop_combo.blockSignals(False)

    def shop_id(self) -> int | None:
        data = self.shop_combo.currentData()
        return int(data) if data is not None else None

    def date_range(self) -> DateRange:
        today = svc.today()
        if self._days:
            return DateRange.last(self._days, today)
        first = self._day_of(self.from_date.date())
        last = self._day_of(self.to_date.date())
        if last < first:
            first, last = last, first
        return DateRange(first, min(last, max(first, today)))

    @staticmethod
    def _day_of(date: QDate) -> int:
        # Day numbers count CST days from 1970-01-01.
        return QDate(1970, 1, 1).daysTo(date)

    def set_range(self, days: int) -> None:
        """Show the last *days* days (0: the custom dates)."""
        self.range_buttons[days].setChecked(True)
        self._range_clicked(days)

    def set_shop(self, shop_id: int | None) -> None:
        index = self.shop_combo.findData(shop_id)
        if index >= 0:
            self.shop_combo.setCurrentIndex(index)

    @Slot(int)
    def _range_clicked(self, days: int) -> None:
        self._days = days
        # The dates only for a custom range, on their own line under the bar.
        if self.dates_row.isHidden() == (days == 0):
            self.dates_row.setVisible(days == 0)
        for widget in (self.from_date, self.to_date):
            widget.setEnabled(days == 0)
        if days:
            rng = DateRange.last(days, svc.today())
            for edit, day in ((self.from_date, rng.first_day), (self.to_date, rng.last_day)):
                edit.blockSignals(True)
                edit.setDate(day_date(day))
                edit.blockSignals(False)
        self._load(full=False)

    @Slot()
    def _custom_changed(self) -> None:
        if self._days == 0:
            self._load(full=False)

    @Slot()
    def _shop_changed(self) -> None:
        self._load(full=False)

    # -- loading ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload everything: figures, to-do counts, 30-day windows."""
        self._load(full=True)

    def _load(self, *, full: bool) -> None:
        self._loaded = True
        data = self.data
        reuse = (
            data
            if not full
            and data is not None
            and not data.pending
            and now_epoch() - data.now < REUSE_S
            else None
        )
        rng, shop = self.date_range(), self.shop_id()
        self._first_painted.set()  # an earlier load's live job need not wait any more
        self.worker.cancel(LIVE_KEY)
        if reuse is not None:
            self.worker.submit(
                without_context(load_dashboard_view), rng, shop, reuse,
                on_result=self._loaded_result, key=LOAD_KEY, owner=self,
            )  # fmt: skip
            return
        # The summary figures and to-dos first, the time-dependent figures right after: queued
        # at once (the worker stays busy), but the live job waits until the first figures are
        # shown and painted — reading meanwhile, the worker's Python competed for the GIL with
        # the first paint and made it slower.
        self._first_painted = painted = threading.Event()
        self.worker.submit(
            without_context(load_dashboard_view), rng, shop, None, stage="first",
            on_result=self._loaded_result, key=LOAD_KEY, owner=self,
        )  # fmt: skip
        self.worker.submit(
            without_context(load_live_after), painted, rng, shop,
            on_result=self._loaded_result, key=LIVE_KEY, owner=self,
        )  # fmt: skip

    @Slot(object)
    def _loaded_result(self, result: tuple[svc.DashboardData, list[TodoCount] | None]) -> None:
        data = result[0]
        if data.range != self.date_range() or data.shop_id != self.shop_id():
            return  # the seller chose another range or shop meanwhile
        shown = self.data
        if (
            data.pending
            and shown is not None
            and not shown.pending
            and (shown.range, shown.shop_id) == (data.range, data.shop_id)
        ):
            # A reload: keep the complete figures shown until the new ones come (the to-do
            # counts come in their own job).
            if result[1] is not None:
                self._show_todos(result[1])
            self.stage_shown.emit("first")
            QTimer.singleShot(0, self._first_painted.set)
            return
        self.show_data(result)
        self.stage_shown.emit("first" if data.pending else "live")
        if data.pending:
            # Timers run after the posted layout and paint events: the live job starts once
            # the first figures are on screen.
            QTimer.singleShot(0, self._first_painted.set)

    def on_changed(self, changes: Changes) -> None:
        super().on_changed(changes)

    @Slot(object)
    def show_data(self, result: tuple[svc.DashboardData, list[TodoCount]]) -> None:
        """Show loaded figures (also what the bench and tests call directly)."""
        data, todos = result
        self.data = data
        todos = todos if todos is not None else self._todos
        self._todos = todos
        if [s.id for s in data.shops] != [s.id for s in self._shops] or [
            s.name for s in data.shops
        ] != [s.name for s in self._shops]:
            self._shops = list(data.shops)
            self._fill_shops()
        self._shops = list(data.shops)
        self._show_todos(todos)
        self._show_tiles(data)
        self._show_charts(data)
        if data.pending:
            return  # the figures below follow with the time-dependent ones
        self.shop_model.set_rows(data.per_shop)
        self.supplier_model.set_rows(data.suppliers)
        for table, model in ((self.shop_table, self.shop_model),
                             (self.supplier_table, self.supplier_model)):  # fmt: skip
            widths = model.text_widths()
            if self._sized.get(table.objectName()) != widths:
                table.resizeColumnsToContents()
                self._sized[table.objectName()] = widths
        self._show_warning(data)

    def _show_todos(self, todos: list[TodoCount]) -> None:
        self._todos = todos
        for todo in todos:
            widget = self.cards.get(todo.card.key)
            if widget is not None:
                widget.set_count(todo)

    def _selected_figures(self, data: svc.DashboardData) -> list[svc.ShopFigures]:
        return [s for s in data.per_shop if data.shop_id is None or s.shop.id == data.shop_id]

    def _show_tiles(self, data: svc.DashboardData) -> None:
        t = data.totals
        self.tiles["sales"].set(
            format_money(t.sales_fen),
            self.tr("Average order {amount}").format(amount=format_money(t.average_order_fen)),
        )
        self.tiles["orders"].set(
            f"{t.valid_orders:,}",
            self.tr("{n} created, {c} cancelled or refunded").format(
                n=f"{t.orders:,}", c=t.cancelled
            ),
        )
        estimated = ""
        if t.estimated_orders:
            estimated = self.tr("{n} orders without a 1688 order: cost estimated").format(
                n=f"{t.estimated_orders:,}"
            )
        else:
            estimated = self.tr("From real 1688 costs")
        self.tiles["profit"].set(format_money(t.profit_fen), estimated, warn=t.profit_fen < 0)
        self.tiles["margin"].set(percent(t.margin), self.tr("Profit ÷ sales"))
        cases, _refunded, _recovered, net = data.after_sales
        self.tiles["after_sales"].set(
            format_money(net),
            self.tr("{n} cases; fraud {amount} ({m} orders)").format(
                n=f"{cases:,}", amount=format_money(data.fraud.refunded_fen), m=data.fraud.orders
            ),
            warn=net > 0,
        )
        if data.pending:  # the time-dependent figures follow in a moment
            self.tiles["cancel"].set("…")
            self.tiles["late"].set("…")
            return
        shops = self._selected_figures(data)
        w_orders = sum(s.window.orders for s in shops)
        w_cancelled = sum(s.window.cancelled for s in shops)
        rate = w_cancelled / w_orders if w_orders else None
        line = data.warning_bp / BP
        self.tiles["cancel"].set(
            percent(rate),
            self.tr("Warning line {line}").format(line=percent(line, 2)),
            warn=rate is not None and rate >= line,
        )
        late = sum(s.late for s in shops)
        valid = sum(s.totals.valid_orders for s in shops)
        self.tiles["late"].set(
            percent(late / valid if valid else None),
            self.tr("{n} unshipped past ship-by").format(n=late),
            warn=late > 0,
        )

    def _show_charts(self, data: svc.DashboardData) -> None:
        labels, long_labels = day_labels([d.day for d in data.days])
        orders_word = self.tr("Orders")
        self.sales_chart.set_data(
            long_labels if len(labels) <= 10 else labels,
            [
                Series(self.tr("Sales"), tuple(d.sales_fen for d in data.days), "primary"),
                Series(self.tr("Profit"), tuple(d.profit_fen for d in data.days), "secondary"),
            ],
            [f"{long_labels[i]} · {orders_word} {d.valid_orders}" for i, d in enumerate(data.days)],
        )
        self.rate_chart.set_data(
            labels,
            data.rates,
            data.warning_bp / BP,
            rate_name=self.tr("Cancellation rate"),
            line_name=self.tr("Warning line"),
        )
        qty_word = self.tr("Quantity")
        self.products_chart.set_items(
            [BarItem(title, sales, f"{qty_word} {qty}") for title, qty, sales, _l in data.products]
        )
        if data.pending:
            return  # suppliers need the late orders and stock cancellations
        unknown = self.tr("(supplier not recorded)")
        stock = self.tr("Cancelled for stock")
        on_time = self.tr("On-time rate")
        self.suppliers_chart.set_items(
            [
                BarItem(
                    s.name or unknown,
                    s.cost_fen,
                    f"{orders_word} {s.orders} · {on_time} {percent(s.on_time_rate)}"
                    + (f" · {stock} {s.supplier_caused}" if s.supplier_caused else ""),
                    flagged=stock_problem(s.supplier_caused, s.orders),
                )
                for s in data.suppliers[:8]
            ]
        )

    def _show_warning(self, data: svc.DashboardData) -> None:
        lines = []
        for s in self._selected_figures(data):
            line = percent(s.shop.warning_bp / BP, 2)
            if s.to_line is None:
                continue
            if s.to_line == 0:
                lines.append(
                    self.tr(
                        "{shop}: the 30-day cancellation rate is {rate}, at or over the warning "
                        "line {line}. Avoid cancelling more orders; place supplier orders early."
                    ).format(shop=s.shop.name, rate=percent(s.window_rate), line=line)
                )
            elif s.to_line == 1:
                lines.append(
                    self.tr(
                        "{shop}: one more cancellation would bring the 30-day cancellation rate "
                        "({rate}) to the warning line {line}."
                    ).format(shop=s.shop.name, rate=percent(s.window_rate), line=line)
                )
            elif s.to_line <= NEAR_LINE:
                lines.append(
                    self.tr(
                        "{shop}: {n} more cancellations would bring the 30-day cancellation rate "
                        "({rate}) to the warning line {line}."
                    ).format(shop=s.shop.name, n=s.to_line, rate=percent(s.window_rate), line=line)
                )
        self.warning.setText("\n".join(lines))
        if self.warning.isHidden() == bool(lines):  # show or hide only on a change
            self.warning.setVisible(bool(lines))

    # -- actions (ui/dashboard/actions.py) -------------------------------------------------

    def shop_refs(self) -> list[svc.ShopRef]:
        """The shops the view knows (as last loaded)."""
        return list(self._shops)

    @Slot()
    def edit_warning_line(self) -> None:
        actions.edit_warning_line(self)

    def shop_label(self) -> str:
        return self.shop_combo.currentText()

    @Slot()
    def export_figures(self) -> None:
        actions.export_figures(self)

    @Slot()
    def save_charts(self) -> None:
        actions.save_charts(self)

    def save_charts_to(self, folder: str) -> list[str]:
        """Write each chart as ``<title>.png`` into *folder*; return the paths."""
        return actions.save_charts_to(self.charts, folder)

    def export_to(self, path: str) -> None:
        """Write the figures shown to an XLSX workbook."""
        actions.write_figures(self, path)
