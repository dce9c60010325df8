"""Where data, logs and resources live; works frozen (PyInstaller) and from source."""

from __future__ import annotations

import os
import sys
from pathlib import Path

__all__ = [
    "DATA_DIR_ENV",
    "DB_FILENAME",
    "database_file",
    "default_data_dir",
    "demo_data_dir",
    "log_dir",
    "resolve_data_dir",
    "resources_dir",
]

DATA_DIR_ENV = "DROPSHIP_DESKTOP_DATA_DIR"
DB_FILENAME = "dropship.db"


def default_data_dir() -> Path:
    """The platform's per-user application data location (Qt's AppLocalDataLocation).

    On Windows ``%LOCALAPPDATA%/DropshipDesktop/dropship-desktop``, on macOS
    ``~/Library/Application Support/...``, on Linux ``~/.local/share/...``.
    """
    from PySide6.QtCore import QCoreApplication, QStandardPaths

    from . import APP_ID, ORG_NAME

    if not QCoreApplication.organizationName():
        QCoreApplication.setOrganizationName(ORG_NAME)
    if not QCoreApplication.applicationName():
        QCoreApplication.setApplicationName(APP_ID)
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
    if not location:  # no home directory at all: fall back next to the user's profile
        return Path.home() / f".{APP_ID}"
    return Path(location)


def resolve_data_dir(cli_value: str | os.PathLike[str] | None = None) -> Path:
    """``--data-dir`` wins, then ``DROPSHIP_DESKTOP_DATA_DIR``, then the platform default."""
    if cli_value:
        return Path(cli_value).expanduser().resolve()
    env = os.environ.get(DATA_DIR_ENV, "").strip()
    if env:
        return Path(env).expanduser().resolve()
    return default_data_dir()


def demo_data_dir(data_dir: Path) -> Path:
    """The demo database's own folder, beside (never inside the file of) the real data."""
    return data_dir / "demo"


def database_file(data_dir: Path) -> Path:
    return data_dir / DB_FILENAME


def log_dir(data_dir: Path) -> Path:
    return data_dir / "logs"


def resources_dir() -> Path:
    """The ``resources`` folder: inside the bundle when frozen, at the repository top otherwise."""
    if getattr(sys, "frozen", False):
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent)) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"
