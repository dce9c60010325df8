"""Small business charts drawn with QPainter: daily bars, a rate line with a warning line, top-N bars.

No QtCharts (GPL, Addons wheel) and no pyqtgraph (numpy in the installer): the dashboard needs
four plain charts. Every chart follows the palette (light or dark), labels money on a ¥ axis,
shows the values under the mouse in a tooltip (:meth:`ChartBase.hover_text` for tests) and can
be saved as PNG (:meth:`ChartBase.export_png`, also from its context menu).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFont,
    QFontMetrics,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QFileDialog, QMenu, QToolTip, QWidget

from .format import compact_money, percent

__all__ = [
    "CancellationRateChart",
    "ChartBase",
    "DailySalesChart",
    "HorizontalBarChart",
    "Series",
    "TopProductsChart",
    "TopSuppliersChart",
    "nice_ticks",
]


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values covering [low, high] (always including 0 when the range spans it)."""
    if high <= low:
        high = low + 1
    raw = (high - low) / max(1, count)
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = math.floor(low / step) * step
    ticks = []
    value = first
    while value < high + step * 0.999:
        ticks.append(round(value, 10))
        value += step
    return ticks


@dataclass(frozen=True, slots=True)
class Series:
    """One named series of values (fen or a fraction), one per x label."""

    name: str
    values: tuple[float | None, ...]
    role: str = "primary"  # primary | secondary | danger


def _is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


class ChartBase(QWidget):
    """Title, plot area, palette colours, hover tooltip and PNG export shared by the charts.

    Signals:
        hovered(int): The index under the mouse changed (-1: none).
    """

    hovered = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMouseTracking(True)
        self.setMinimumSize(280, 200)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._title = ""
        self._empty_text = ""
        self._hover = -1
        self._plot = QRectF()
        self._widest: tuple[object, int] = (None, 0)
        self._style_cache: tuple[dict[str, QColor], QFont, QFontMetrics, QFontMetrics] | None = None

    # -- public -----------------------------------------------------------------------------

    def set_title(self, title: str) -> None:
        self._title = title
        self.setAccessibleName(title)
        self.update()

    def title(self) -> str:
        return self._title

    def set_empty_text(self, text: str) -> None:
        self._empty_text = text
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(520, 280)

    def export_png(self, path: str) -> bool:
        """Save the chart as drawn (at the screen's pixel ratio) to a PNG file."""
        return self.grab().save(path, "PNG")

    def hover_index(self) -> int:
        return self._hover

    def hover_text(self) -> str:
        """The tooltip text for the item under the mouse ('' for none)."""
        return self.tooltip_for(self._hover) if self._hover >= 0 else ""

    def item_count(self) -> int:
        raise NotImplementedError

    def item_center(self, index: int) -> QPoint:
        """Where item *index* is drawn (for tests and keyboard users)."""
        raise NotImplementedError

    # -- colours ----------------------------------------------------------------------------

    def colors(self) -> dict[str, QColor]:
        pal = self.palette()
        dark = _is_dark(pal)
        text = pal.color(QPalette.ColorRole.Text)
        grid = QColor(text)
        grid.setAlpha(40)
        muted = QColor(text)
        muted.setAlpha(150)
        return {
            "background": pal.color(QPalette.ColorRole.Base),
            "text": text,
            "muted": muted,
            "grid": grid,
            "primary": QColor("#5b9bff") if dark else QColor("#2f6fdb"),
            "secondary": QColor("#4cc38a") if dark else QColor("#1f9d62"),
            "danger": QColor("#ff6b6b") if dark else QColor("#d93838"),
            "accent": QColor("#ff8c3a") if dark else QColor("#ff6a00"),
            "highlight": QColor(255, 255, 255, 28) if dark else QColor(0, 0, 0, 18),
        }

    # -- painting ---------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (
            QEvent.Type.FontChange,
            QEvent.Type.PaletteChange,
            QEvent.Type.StyleChange,
        ):
            self._widest = (None, 0)
            self._style_cache = None
        super().changeEvent(event)

    def _style(self) -> tuple[dict[str, QColor], QFont, QFontMetrics, QFontMetrics]:
        """Colours, the title font and the two font metrics, computed once per font/palette."""
        if self._style_cache is None:
            title_font = QFont(self.font())
            title_font.setBold(True)
            self._style_cache = (
                self.colors(),
                title_font,
                QFontMetrics(title_font),
                QFontMetrics(self.font()),
            )
        return self._style_cache

    def metrics(self) -> QFontMetrics:
        """The body font's metrics (cached)."""
        return self._style()[3]

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        colors, title_font, fm, _body = self._style()
        painter.fillRect(self.rect(), colors["background"])
        # The frame: four 1-pixel fills (stroking the outline with the translucent pen cost a
        # millisecond a chart).
        w, h, grid = self.width(), self.height(), colors["grid"]
        for edge in (QRect(0, 0, w, 1), QRect(0, h - 1, w, 1), QRect(0, 1, 1, h - 2),
                     QRect(w - 1, 1, 1, h - 2)):  # fmt: skip
            painter.fillRect(edge, grid)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(title_font)
        painter.setPen(colors["text"])
        painter.drawText(
            QRectF(10, 6, self.width() - 20, fm.height() + 4),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            fm.elidedText(self._title, Qt.TextElideMode.ElideRight, self.width() - 20),
        )
        painter.setFont(self.font())
        area = QRectF(8, fm.height() + 14, self.width() - 16, self.height() - fm.height() - 22)
        if self.item_count() == 0:
            painter.setPen(colors["muted"])
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, self._empty_text)
        else:
            self.paint_plot(painter, area, colors)
        painter.end()

    def paint_plot(self, painter: QPainter, area: QRectF, colors: dict[str, QColor]) -> None:
        raise NotImplementedError

    def tooltip_for(self, index: int) -> str:
        raise NotImplementedError

    def hit_test(self, pos: QPointF) -> int:
        raise NotImplementedError

    # -- interaction ------------------------------------------------------------------------

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        index = self.hit_test(event.position()) if self.item_count() else -1
        if index != self._hover:
            self._hover = index
            self.hovered.emit(index)
            self.update()
            # A tooltip already open follows the mouse; otherwise Qt opens it (event()).
            if QToolTip.isVisible():
                if index >= 0:
                    QToolTip.showText(event.globalPosition().toPoint(), self.hover_text(), self)
                else:
                    QToolTip.hideText()
        super().mouseMoveEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            if self._hover >= 0:
                QToolTip.showText(
                    event.globalPos(),  # type: ignore[attr-defined]
                    self.hover_text(),
                    self,
                )
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def leaveEvent(self, event: object) -> None:
        if self._hover != -1:
            self._hover = -1
            self.hovered.emit(-1)
            self.update()
        super().leaveEvent(event)  # type: ignore[arg-type]

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = QMenu(self)
        menu.addAction(self.tr("Save chart as PNG…"), self.save_png_dialog)
        menu.exec(event.globalPos())

    def save_png_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save chart as PNG"), f"{self._title or 'chart'}.png", "PNG (*.png)"
        )
        if path:
            if not path.lower().endswith(".png"):
                path += ".png"
            self.export_png(path)

    # -- helpers ----------------------------------------------------------------------------

    def _y_axis(
        self,
        painter: QPainter,
        area: QRectF,
        ticks: list[float],
        label: Callable[[float], str],
        colors: dict[str, QColor],
        bottom_labels: bool = True,
    ) -> tuple[QRectF, Callable[[float], float]]:
        """Draw the grid and y labels; return the plot rectangle and the value → y mapping."""
        fm = self.metrics()
        left = max(fm.horizontalAdvance(label(t)) for t in ticks) + 8
        bottom = fm.height() + 6 if bottom_labels else 4
        plot = QRectF(area.left() + left, area.top() + 4, area.width() - left - 6,
                      area.height() - bottom - 4)  # fmt: skip
        low, high = ticks[0], ticks[-1]

        def y_of(value: float) -> float:
            return plot.bottom() - (value - low) / (high - low) * plot.height()

        for t in ticks:
            y = y_of(t)
            painter.setPen(QPen(colors["grid"], 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(colors["muted"])
            painter.drawText(
                QRectF(area.left(), y - fm.height() / 2, left - 6, fm.height()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                label(t),
            )
        self._plot = plot
        return plot, y_of

    def _x_labels(
        self, painter: QPainter, plot: QRectF, labels: Sequence[str], colors: dict[str, QColor]
    ) -> None:
        if not labels:
            return
        fm = self.metrics()
        slot = plot.width() / len(labels)
        if self._widest[0] is not labels:  # measured once per data set, not on every paint
            # The labels are dates of one format: the longest text is the widest.
            self._widest = (labels, fm.horizontalAdvance(max(labels, key=len)) + 10)
        widest = self._widest[1]
        every = max(1, math.ceil(widest / max(slot, 1)))
        painter.setPen(colors["muted"])
        for i in range(len(labels) - 1, -1, -every):  # always label the last (today)
            x = plot.left() + slot * (i + 0.5)
            painter.drawText(
                QRectF(x - widest / 2, plot.bottom() + 3, widest, fm.height()),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                labels[i],
            )

    def _legend(
        self,
        painter: QPainter,
        items: Sequence[tuple[str, QColor, str]],
        colors: dict[str, QColor],
    ) -> None:
        """Series names top right, each with a swatch drawn as the series is: ``"bar"`` (a
        square), ``"line"`` or ``"dashed"`` (a short line)."""
        fm = self.metrics()
        x = self.width() - 10
        for name, color, style in reversed(items):
            w = fm.horizontalAdvance(name)
            x -= w
            painter.setPen(colors["text"])
            painter.drawText(QPointF(x, 6 + fm.ascent() + 2), name)
            x -= 18
            y = 6 + fm.height() / 2 + 2
            if style == "bar":
                painter.fillRect(QRectF(x + 2, y - 5, 10, 10), color)
            else:
                pen = Qt.PenStyle.DashLine if style == "dashed" else Qt.PenStyle.SolidLine
                painter.setPen(QPen(color, 2, pen))
                painter.drawLine(QPointF(x, y), QPointF(x + 14, y))
            x -= 12


class DailySalesChart(ChartBase):
    """Bars per day: sales (GMV) and profit side by side; negative profit hangs below zero."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._labels: list[str] = []
        self._series: list[Series] = []
        self._tips: list[str] = []

    def set_data(self, labels: Sequence[str], series: Sequence[Series],
                 tips: Sequence[str] = ()) -> None:  # fmt: skip
        """*labels* per day, *series* values in fen, *tips* extra tooltip lines per day."""
        self._labels = list(labels)
        self._series = list(series)
        self._tips = list(tips)
        self._hover = -1
        self.update()

    def item_count(self) -> int:
        return len(self._labels) if any(any(v for v in s.values if v) for s in self._series) else 0

    def _range(self) -> tuple[float, float]:
        values = [v for s in self._series for v in s.values if v is not None]
        return min(0.0, *values) / 100, max(0.0, *values) / 100

    def paint_plot(self, painter: QPainter, area: QRectF, colors: dict[str, QColor]) -> None:
        low, high = self._range()
        ticks = nice_ticks(low, high if high > low else low + 1)
        plot, y_of = self._y_axis(painter, area, ticks, compact_money, colors)
        slot = plot.width() / len(self._labels)
        n = len(self._series)
        bar = max(1.0, min(18.0, slot * 0.8 / n))
        if self._hover >= 0:
            painter.fillRect(
                QRectF(plot.left() + slot * self._hover, plot.top(), slot, plot.height()),
                colors["highlight"],
            )
        zero = y_of(0)
        # Bars on whole pixels: an antialiased fill of each of a year's 730 bars is slow and
        # blurs them.
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for si, series in enumerate(self._series):
            color, danger = colors[series.role], colors["danger"]
            for i, value in enumerate(series.values):
                if not value:
                    continue
                x = plot.left() + slot * i + (slot - bar * n) / 2 + bar * si
                y = y_of(value / 100)
                painter.fillRect(
                    QRectF(x, min(y, zero), bar, abs(zero - y)).toRect(),
                    danger if value < 0 else color,
                )
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(colors["muted"], 1))
        painter.drawLine(QPointF(plot.left(), zero), QPointF(plot.right(), zero))
        self._x_labels(painter, plot, self._labels, colors)
        self._legend(painter, [(s.name, colors[s.role], "bar") for s in self._series], colors)

    def hit_test(self, pos: QPointF) -> int:
        plot = self._plot
        if not plot.isValid() or not (plot.left() <= pos.x() <= plot.right()):
            return -1
        index = int((pos.x() - plot.left()) / (plot.width() / len(self._labels)))
        return min(max(index, 0), len(self._labels) - 1)

    def item_center(self, index: int) -> QPoint:
        self.grab()  # lays out the plot
        plot = self._plot
        slot = plot.width() / len(self._labels)
        return QPointF(plot.left() + slot * (index + 0.5), plot.center().y()).toPoint()

    def tooltip_for(self, index: int) -> str:
        lines = [self._labels[index]]
        for s in self._series:
            value = s.values[index]
            lines.append(f"{s.name}: {compact_money((value or 0) / 100, exact=True)}")
        if index < len(self._tips) and self._tips[index]:
            lines.append(self._tips[index])
        return "\n".join(lines)


class CancellationRateChart(ChartBase):
    """The trailing 30-day cancellation rate per day, with the seller's warning line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._labels: list[str] = []
        self._rates: list[float | None] = []
        self._line: float = 0.0
        self._rate_name = ""
        self._line_name = ""

    def set_data(
        self,
        labels: Sequence[str],
        rates: Sequence[float | None],
        warning_line: float,
        *,
        rate_name: str,
        line_name: str,
    ) -> None:
        self._labels = list(labels)
        self._rates = list(rates)
        self._line = warning_line
        self._rate_name = rate_name
        self._line_name = line_name
        self._hover = -1
        self.update()

    def warning_line(self) -> float:
        return self._line

    def item_count(self) -> int:
        return len(self._labels) if any(r is not None for r in self._rates) else 0

    def paint_plot(self, painter: QPainter, area: QRectF, colors: dict[str, QColor]) -> None:
        top = max([r for r in self._rates if r is not None] + [self._line]) * 1.15
        ticks = nice_ticks(0.0, max(top, 0.01))
        plot, y_of = self._y_axis(painter, area, ticks, lambda v: percent(v, 0), colors)
        slot = plot.width() / len(self._labels)
        if self._hover >= 0:
            painter.fillRect(
                QRectF(plot.left() + slot * self._hover, plot.top(), slot, plot.height()),
                colors["highlight"],
            )
        # Over the line: the band above it, tinted.
        y_line = y_of(self._line)
        band = QColor(colors["danger"])
        band.setAlpha(22)
        painter.fillRect(QRectF(plot.left(), plot.top(), plot.width(), y_line - plot.top()), band)
        path = QPainterPath()
        started = False
        points = []
        for i, rate in enumerate(self._rates):
            if rate is None:
                started = False
                continue
            point = QPointF(plot.left() + slot * (i + 0.5), y_of(rate))
            points.append((point, rate))
            if started:
                path.lineTo(point)
            else:
                path.moveTo(point)
                started = True
        painter.setPen(QPen(colors["primary"], 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        # Dots mark each day up to a quarter's worth; a longer range draws the line alone (the
        # tinted band shows where it runs over the warning line).
        for point, rate in points if len(points) <= 120 else ():
            over = rate >= self._line
            painter.setBrush(colors["danger"] if over else colors["primary"])
            painter.setPen(Qt.PenStyle.NoPen)
            radius = 3.5 if len(points) <= 40 else 2.0
            painter.drawEllipse(point, radius, radius)
        painter.setPen(QPen(colors["danger"], 1.5, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(plot.left(), y_line), QPointF(plot.right(), y_line))
        fm = self.metrics()
        text = f"{self._line_name} {percent(self._line, 1)}"
        painter.setPen(colors["danger"])
        painter.drawText(
            QRectF(plot.left() + 4, y_line - fm.height() - 1, plot.width() - 8, fm.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
            text,
        )
        self._x_labels(painter, plot, self._labels, colors)
        self._legend(
            painter,
            [
                (self._rate_name, colors["primary"], "line"),
                (self._line_name, colors["danger"], "dashed"),
            ],
            colors,
        )

    def hit_test(self, pos: QPointF) -> int:
        plot = self._plot
        if not plot.isValid() or not (plot.left() <= pos.x() <= plot.right()):
            return -1
        index = int((pos.x() - plot.left()) / (plot.width() / len(self._labels)))
        return min(max(index, 0), len(self._labels) - 1)

    def item_center(self, index: int) -> QPoint:
        self.grab()
        plot = self._plot
        slot = plot.width() / len(self._labels)
        return QPointF(plot.left() + slot * (index + 0.5), plot.center().y()).toPoint()

    def tooltip_for(self, index: int) -> str:
        rate = self._rates[index]
        value = "—" if rate is None else percent(rate, 1)
        return (
            f"{self._labels[index]}\n{self._rate_name}: {value}\n"
            f"{self._line_name}: {percent(self._line, 1)}"
        )


@dataclass(frozen=True, slots=True)
class BarItem:
    label: str
    value_fen: int
    tip: str = ""
    flagged: bool = False  # drawn in the warning colour


class HorizontalBarChart(ChartBase):
    """Top-N as horizontal bars: the name on the left, the ¥ value at the bar's end."""

    ROW = 24

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[BarItem] = []
        self._rows: list[QRectF] = []

    def set_items(self, items: Sequence[BarItem]) -> None:
        self._items = list(items)
        self._hover = -1
        self.update()

    def items(self) -> list[BarItem]:
        return list(self._items)

    def item_count(self) -> int:
        return len(self._items)

    def paint_plot(self, painter: QPainter, area: QRectF, colors: dict[str, QColor]) -> None:
        fm = self.metrics()
        label_w = min(
            area.width() * 0.42, max(fm.horizontalAdvance(i.label) for i in self._items) + 8
        )
        value_w = (
            max(fm.horizontalAdvance(compact_money(i.value_fen / 100)) for i in self._items) + 8
        )
        top_value = max(max(i.value_fen for i in self._items), 1)
        row_h = min(float(self.ROW), area.height() / len(self._items))
        bar_h = max(4.0, row_h * 0.62)
        self._rows = []
        self._plot = area
        for n, item in enumerate(self._items):
            y = area.top() + row_h * n
            row = QRectF(area.left(), y, area.width(), row_h)
            self._rows.append(row)
            if n == self._hover:
                painter.fillRect(row, colors["highlight"])
            painter.setPen(colors["text"])
            painter.drawText(
                QRectF(area.left(), y, label_w - 6, row_h),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                fm.elidedText(item.label, Qt.TextElideMode.ElideMiddle, int(label_w - 6)),
            )
            span = area.width() - label_w - value_w
            width = max(1.0, span * max(item.value_fen, 0) / top_value)
            color = colors["danger"] if item.flagged else colors["primary"]
            painter.fillRect(
                QRectF(area.left() + label_w, y + (row_h - bar_h) / 2, width, bar_h), color
            )
            painter.setPen(colors["muted"])
            painter.drawText(
                QRectF(area.left() + label_w + width + 4, y, value_w, row_h),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                compact_money(item.value_fen / 100),
            )

    def hit_test(self, pos: QPointF) -> int:
        for n, row in enumerate(self._rows):
            if row.contains(pos):
                return n
        return -1

    def item_center(self, index: int) -> QPoint:
        self.grab()
        return self._rows[index].center().toPoint()

    def tooltip_for(self, index: int) -> str:
        item = self._items[index]
        text = f"{item.label}\n{compact_money(item.value_fen / 100, exact=True)}"
        return f"{text}\n{item.tip}" if item.tip else text


class TopProductsChart(HorizontalBarChart):
    """Best-selling products of the range by sales."""


class TopSuppliersChart(HorizontalBarChart):
    """Suppliers of the range by purchase cost; those who caused cancellations are flagged."""
