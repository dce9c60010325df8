"""The dashboard's actions: the warning-line dialog, exporting the figures, saving the charts.

Functions of the view (its texts stay in the ``DashboardView`` translation context).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from ...services import dashboard as svc
from ..formatting import user_error_text
from ..tasks import without_context
from .export import dashboard_sheets, write_workbook
from .format import day_date

if TYPE_CHECKING:
    from .charts import ChartBase
    from .view import DashboardView

__all__ = ["edit_warning_line", "export_figures", "save_charts", "save_charts_to", "write_figures"]


def edit_warning_line(view: DashboardView) -> None:
    """Ask for the selected shop's (or every shop's) warning line and save it."""
    shop_id = view.shop_id()
    shops = [s for s in view.shop_refs() if shop_id is None or s.id == shop_id]
    if not shops:
        return
    current = min(s.warning_bp for s in shops) / 100
    label = (
        QCoreApplication.translate(
            "DashboardView", "Warning line for {shop} (30-day cancellation rate, %):"
        ).format(shop=shops[0].name)
        if shop_id is not None
        else QCoreApplication.translate(
            "DashboardView", "Warning line for every shop (30-day cancellation rate, %):"
        )
    )
    value, ok = QInputDialog.getDouble(
        view,
        QCoreApplication.translate("DashboardView", "Warning line"),
        label,
        current,
        0.01,
        100.0,
        2,
    )
    if not ok:
        return

    def failed(error: BaseException) -> None:
        QMessageBox.warning(
            view, QCoreApplication.translate("DashboardView", "Dashboard"), user_error_text(error)
        )

    for shop in shops:
        view.worker.submit(
            without_context(svc.set_cancel_warning_line),
            shop.id,
            round(value * 100),
            on_error=failed,
            owner=view,
        )


def export_figures(view: DashboardView) -> None:
    """Ask for a file name and write the figures shown as an XLSX workbook."""
    if view.data is None:
        return
    rng = view.data.range
    name = QCoreApplication.translate("DashboardView", "dashboard {first} to {last}").format(
        first=day_date(rng.first_day).toString("yyyyMMdd"),
        last=day_date(rng.last_day).toString("yyyyMMdd"),
    )
    path, _ = QFileDialog.getSaveFileName(
        view,
        QCoreApplication.translate("DashboardView", "Export figures"),
        f"{name}.xlsx",
        QCoreApplication.translate("DashboardView", "Excel workbook (*.xlsx)"),
    )
    if not path:
        return
    if not path.lower().endswith(".xlsx"):
        path += ".xlsx"
    try:
        write_figures(view, path)
    except OSError as exc:
        QMessageBox.warning(
            view,
            QCoreApplication.translate("DashboardView", "Export figures"),
            QCoreApplication.translate(
                "DashboardView",
                "The file could not be written: {error}. Choose another folder or "
                "close the file in Excel, then try again.",
            ).format(error=exc.strerror or exc),
        )


def write_figures(view: DashboardView, path: str) -> None:
    """Write the figures shown to an XLSX workbook."""
    assert view.data is not None
    write_workbook(path, dashboard_sheets(view.data, view.shop_label()))


def save_charts(view: DashboardView) -> None:
    """Ask for a folder and save every chart into it as PNG."""
    folder = QFileDialog.getExistingDirectory(
        view, QCoreApplication.translate("DashboardView", "Save charts")
    )
    if not folder:
        return
    failed = [p for p in save_charts_to(view.charts, folder) if not Path(p).exists()]
    if failed:
        QMessageBox.warning(
            view,
            QCoreApplication.translate("DashboardView", "Save charts"),
            QCoreApplication.translate(
                "DashboardView",
                "These files could not be written: {files}. Choose another folder.",
            ).format(files=", ".join(failed)),
        )


def save_charts_to(charts: tuple[ChartBase, ...], folder: str) -> list[str]:
    """Write each chart as ``<title>.png`` into *folder*; return the paths."""
    paths = []
    for chart in charts:
        name = "".join(c for c in chart.title() if c not in '\\/:*?"<>|').strip() or "chart"
        path = str(Path(folder) / f"{name}.png")
        chart.export_png(path)
        paths.append(path)
    return paths
