"""The zh_CN translation is complete, compiled, and actually used by the main window."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import i18n  # noqa: E402

from dropship_desktop.context import AppContext  # noqa: E402
from dropship_desktop.ui.app_setup import install_translations  # noqa: E402
from dropship_desktop.ui.main_window import MainWindow  # noqa: E402

from .conftest import wait_idle  # noqa: E402


def _has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def test_ts_has_no_unfinished_entries() -> None:
    assert i18n.unfinished() == []


def test_lupdate_finds_nothing_new(tmp_path: Path) -> None:
    copy = tmp_path / "check.ts"
    shutil.copyfile(i18n.TS, copy)
    i18n.update(copy)
    assert i18n.unfinished(copy) == [], "run 'uv run python tools/i18n.py update' and translate"


def test_committed_qm_matches_the_ts(tmp_path: Path) -> None:
    compiled = tmp_path / "check.qm"
    i18n.release(i18n.TS, compiled)
    assert compiled.read_bytes() == i18n.QM.read_bytes(), (
        "run 'uv run python tools/i18n.py release'"
    )


def test_english_plural_forms_are_complete_current_and_compiled(tmp_path: Path) -> None:
    """English shows "1 order" / "2 orders" for "%n order(s)": every such text has both forms,
    a new one in the code gets them (or fails here), and the committed .qm is compiled."""
    copy = tmp_path / "en.ts"
    shutil.copyfile(i18n.EN_TS, copy)
    assert i18n.update_english(copy) == [], "add its one-item form to tools/en_plurals.py"
    assert copy.read_bytes() == i18n.EN_TS.read_bytes(), "run 'uv run python tools/i18n.py update'"
    compiled = tmp_path / "en.qm"
    i18n.release(i18n.EN_TS, compiled)
    assert compiled.read_bytes() == i18n.EN_TS.with_suffix(".qm").read_bytes()


def test_english_says_one_order_and_two_orders(qapp: QApplication) -> None:
    from PySide6.QtCore import QCoreApplication

    def text(n: int) -> str:
        return QCoreApplication.translate("OrdersView", "%n order(s)", "", n)

    assert (text(1), text(2), text(0)) == ("1 order", "2 orders", "0 orders")


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    install_translations(qapp, "zh_CN")
    yield
    install_translations(qapp, "en")


def test_main_window_is_chinese_under_zh_cn(
    ctx: AppContext, qtbot: QtBot, demo_db: Path, chinese: None
) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    try:
        wait_idle(qtbot, window)
        texts = [window.windowTitle()]
        texts += [action.text() for action in window.menuBar().actions()]
        texts += [window.nav.item(i).text() for i in range(window.nav.count())]
        for view in window.views:
            model = getattr(view, "model", None)
            if model is not None:
                texts += [
                    str(model.headerData(c, Qt.Orientation.Horizontal))
                    for c in range(model.columnCount())
                ]
        english = [t for t in texts if t and not _has_cjk(t)]
        assert not english, english
    finally:
        window.close()
