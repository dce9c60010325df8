"""Render the app icon from the bundled SVG into the raster formats installers need.

Run at build time (from build.spec); the outputs go to build/ and are never committed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "icons" / "app.svg"


def render_icons(out_dir: Path) -> dict[str, Path]:
    """Write app.png (256 px) and app.ico (16–256 px) into *out_dir*; return their paths."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    out_dir.mkdir(parents=True, exist_ok=True)
    renderer = QSvgRenderer(str(SVG))
    paths: dict[str, Path] = {}

    def render(size: int) -> QImage:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        return image

    png = out_dir / "app.png"
    render(256).save(str(png))
    paths["png"] = png
    ico = out_dir / "app.ico"
    if render(256).save(str(ico), "ICO"):
        paths["ico"] = ico
    return paths


if __name__ == "__main__":
    print(render_icons(ROOT / "build" / "icons"))
