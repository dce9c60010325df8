"""一件代发助手 · Dropship Desktop."""

from __future__ import annotations

from importlib import metadata

try:
    __version__ = metadata.version("dropship-desktop")
except metadata.PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+src"

APP_NAME = "Dropship Desktop"
APP_ID = "dropship-desktop"
ORG_NAME = "DropshipDesktop"
