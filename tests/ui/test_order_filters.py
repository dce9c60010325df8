"""The order filter bar: Clear resets every control at once."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from dropship_desktop.ui.orders.filters import OrderFilterBar


def test_clear_resets_every_filter_and_reports_one_change(qtbot: QtBot) -> None:
    bar = OrderFilterBar()
    qtbot.addWidget(bar)
    bar.sales_combo.setCurrentIndex(2)
    bar.supplier_status_combo.setCurrentIndex(1)
    bar.quick_combo.setCurrentIndex(1)
    bar.from_check.setChecked(True)
    bar.flagged_check.setChecked(True)
    assert bar.from_date.isEnabled()
    changes: list[None] = []
    bar.changed.connect(lambda: changes.append(None))
    bar.clear_button.click()
    assert changes == [None]
    for combo in (bar.quick_combo, bar.sales_combo, bar.supplier_status_combo):
        assert combo.currentIndex() == 0
    assert not bar.from_check.isChecked() and not bar.flagged_check.isChecked()
    assert not bar.from_date.isEnabled() and not bar.to_date.isEnabled()
    assert bar.tab_chain()[0] is bar.quick_combo and bar.tab_chain()[-1] is bar.clear_button
