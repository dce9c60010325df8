"""The QPainter charts: values under the mouse, PNG export, the warning line, light and dark."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QImage, QPalette
from pytestqt.qtbot import QtBot

from dropship_desktop.ui.dashboard.charts import (
    BarItem,
    CancellationRateChart,
    DailySalesChart,
    Series,
    TopSuppliersChart,
    nice_ticks,
)
from dropship_desktop.ui.formatting import format_money
from dropship_desktop.ui.style import _dark_palette


def shown(qtbot: QtBot, chart: object) -> None:
    qtbot.addWidget(chart)
    chart.resize(600, 300)  # type: ignore[attr-defined]
    chart.show()  # type: ignore[attr-defined]
    qtbot.waitExposed(chart)


def hover(qtbot: QtBot, chart: object, point: QPoint) -> str:
    qtbot.mouseMove(chart, point)
    return chart.hover_text()  # type: ignore[attr-defined]


def test_nice_ticks() -> None:
    assert nice_ticks(0, 37) == [0, 10, 20, 30, 40]
    ticks = nice_ticks(-120, 980)
    assert ticks[0] <= -120 and ticks[-1] >= 980 and 0 in ticks


def test_daily_sales_chart_shows_each_days_values(qtbot: QtBot) -> None:
    chart = DailySalesChart()
    shown(qtbot, chart)
    chart.set_title("每日销售额与利润")
    chart.set_data(
        ["11-01", "11-02", "11-03"],
        [Series("销售额", (123450, 0, 99900)), Series("利润", (45000, 0, -1200), "secondary")],
        ["第一天", "", ""],
    )
    assert chart.item_count() == 3
    text = hover(qtbot, chart, chart.item_center(0))
    assert text.splitlines()[0] == "11-01"
    assert f"销售额: {format_money(123450)}" in text and "第一天" in text
    assert f"利润: {format_money(45000)}" in text
    assert chart.hover_index() == 0
    assert f"利润: {format_money(-1200)}" in hover(qtbot, chart, chart.item_center(2))
    # Nothing to draw: the empty text, no hover.
    chart.set_data(["11-01"], [Series("销售额", (0,))])
    chart.set_empty_text("该时间段内没有订单")
    assert chart.item_count() == 0
    assert hover(qtbot, chart, QPoint(300, 150)) == ""


def test_rate_chart_draws_the_warning_line(qtbot: QtBot) -> None:
    chart = CancellationRateChart()
    shown(qtbot, chart)
    chart.set_data(
        ["11-01", "11-02", "11-03", "11-04"],
        [0.02, None, 0.04, 0.07],
        0.05,
        rate_name="取消率",
        line_name="警戒线",
    )
    text = hover(qtbot, chart, chart.item_center(3))
    assert "取消率: 7.0%" in text and "警戒线: 5.0%" in text
    assert "取消率: —" in hover(qtbot, chart, chart.item_center(1))
    image = chart.grab().toImage()
    danger = chart.colors()["danger"]
    # The dashed warning line: a row of the plot with many pixels in the danger colour.
    best = max(
        sum(_close(image.pixelColor(x, y), danger, 90) for x in range(image.width()))
        for y in range(image.height())
    )
    assert best > 60  # the dashes of one row (nothing else is drawn in that colour)


def _close(a: QColor, b: QColor, tolerance: int = 40) -> bool:
    distance = abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue())
    return distance < tolerance


def test_bar_chart_hover_and_flagged_suppliers(qtbot: QtBot) -> None:
    chart = TopSuppliersChart()
    shown(qtbot, chart)
    chart.set_items(
        [
            BarItem("义乌工厂", 500000, "订单数 12"),
            BarItem("白沟箱包", 250000, "因缺货取消 3", flagged=True),
        ]
    )
    assert "义乌工厂" in hover(qtbot, chart, chart.item_center(0))
    text = hover(qtbot, chart, chart.item_center(1))
    assert "白沟箱包" in text and format_money(250000) in text and "因缺货取消 3" in text


@pytest.mark.parametrize("dark", [False, True])
def test_charts_follow_the_palette_and_export_png(qtbot: QtBot, tmp_path: Path, dark: bool) -> None:
    chart = DailySalesChart()
    if dark:
        chart.setPalette(_dark_palette())
    shown(qtbot, chart)
    chart.set_data(["11-01", "11-02"], [Series("销售额", (1000, 2000))])
    base = chart.palette().color(QPalette.ColorRole.Base)
    assert (base.lightness() < 128) is dark
    path = tmp_path / "chart.png"
    assert chart.export_png(str(path))
    image = QImage(str(path))
    assert not image.isNull() and image.width() >= 600 and image.height() >= 300
    assert _close(image.pixelColor(image.width() // 2, 3), base)
    light = DailySalesChart().colors()["primary"]
    assert (chart.colors()["primary"].lightness() > light.lightness()) is dark
