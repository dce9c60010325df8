"""Shared fixtures: offscreen Qt, isolated settings, a fresh migrated database per test."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

# Offscreen, on a 1920 × 1080 screen like a seller's monitor (the plugin's default is 800 × 600,
# smaller than the main window's minimum size).
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    _screen = os.path.join(os.path.dirname(__file__), "offscreen_screen.json")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_screen}"
os.environ.pop("DROPSHIP_DESKTOP_DATA_DIR", None)

import pytest

from dropship_desktop.context import AppContext
from dropship_desktop.store.db import close_database, db, open_database

#: Environment variables under which every test runs, ``slow`` ones included (CI sets ``CI``).
_RUN_SLOW_ENV = ("CI", "DROPSHIP_RUN_SLOW")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--run-slow",
        action="store_true",
        help="also run the tests marked slow (deselected locally; CI runs them)",
    )


def _run_slow(config: pytest.Config) -> bool:
    if config.getoption("--run-slow") or "slow" in (config.getoption("-m") or ""):
        return True
    return any(os.environ.get(name, "") not in ("", "0", "false") for name in _RUN_SLOW_ENV)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Deselect the ``slow`` tests unless asked for (``--run-slow``, ``-m slow``) or in CI."""
    if _run_slow(config):
        return
    slow = [item for item in items if item.get_closest_marker("slow") is not None]
    if slow:
        config.hook.pytest_deselected(items=slow)
        items[:] = [item for item in items if item.get_closest_marker("slow") is None]


@pytest.fixture(scope="session")
def _template_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("templates")


def _make_template(path: Path, demo_orders: int | None = None) -> Path:
    if not path.exists():
        open_database(path)
        if demo_orders is not None:
            from datetime import UTC, datetime

            from dropship_desktop.services.demo import generate_demo

            generate_demo(demo_orders, seed=7, now=datetime(2026, 11, 1, tzinfo=UTC))
        db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        close_database()
    return path


@pytest.fixture(scope="session")
def empty_template(_template_dir: Path) -> Path:
    """A database migrated to the latest schema, made once per test session."""
    return _make_template(_template_dir / "empty.db")


@pytest.fixture(scope="session")
def demo_template(_template_dir: Path) -> Path:
    """A small demo database (600 orders, fixed seed and date), made once per test session."""
    return _make_template(_template_dir / "demo.db", demo_orders=600)


@pytest.fixture
def ctx(tmp_path: Path) -> AppContext:
    """This test's own application context: its data folder ``tmp_path/data``, the built-in
    connector kinds on its own registry, an empty session. ``fresh_db``/``demo_db`` open their
    database through it."""
    return AppContext(data_dir=tmp_path / "data")


def _open_copy(template: Path, ctx: AppContext) -> Iterator[Path]:
    assert ctx.data_dir is not None
    path = ctx.data_dir / "dropship.db"
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(template, path)
    ctx.store.open(path)
    try:
        yield path
    finally:
        ctx.close()


@pytest.fixture
def fresh_db(empty_template: Path, ctx: AppContext) -> Iterator[Path]:
    """A fresh, empty, migrated file database for one test (`:memory:` breaks across threads)."""
    yield from _open_copy(empty_template, ctx)


@pytest.fixture
def demo_db(demo_template: Path, ctx: AppContext) -> Iterator[Path]:
    """A fresh copy of the small demo database for one test."""
    yield from _open_copy(demo_template, ctx)


_english_installed: list[bool] = []


@pytest.fixture(autouse=True)
def _english_ui(request: pytest.FixtureRequest) -> None:
    """Every Qt test sees the English UI as an English-speaking seller does, its plural forms
    included ("1 order", not "1 order(s)"), whichever test ran before it; tests of the Chinese
    UI switch to it and back. Tests without Qt get no application from this."""
    if not {"qapp", "qtbot"} & set(request.fixturenames) or _english_installed:
        return
    from dropship_desktop.ui.app_setup import install_translations

    install_translations(request.getfixturevalue("qapp"), "en")
    _english_installed.append(True)


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """QSettings written by a test never reach the real user's settings or the next test."""
    from PySide6.QtCore import QCoreApplication, QSettings

    folder = tmp_path_factory.mktemp("settings")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    QCoreApplication.setOrganizationName("DropshipDesktopTests")
    QCoreApplication.setApplicationName("dropship-desktop-tests")
    yield
