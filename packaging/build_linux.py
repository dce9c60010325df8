"""Build the Linux bundle: PyInstaller one-folder build + .desktop file + icon, as a .tar.gz.

    uv run python packaging/build_linux.py            # build, package, check the size budget
    uv run python packaging/build_linux.py --no-build # package an existing dist/ folder

Prints one JSON line with the sizes; exits 1 when the unpacked bundle exceeds the budget.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tarfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
BUNDLE = DIST / "dropship-desktop"
#: Unpacked size budget of the Linux one-folder bundle. Measured 158 MB with PySide6 6.12
#: (Qt Core/Gui/Widgets/Svg/Network + ICU data 31 MB + libpython 23 MB), 176 MB with PySide6 6.11
#: and the fraud checks, 200 MB since the app imports ``keyring`` at start-up: its Secret Service
#: backend (the only secure store on Linux, where the 1688 tokens live) needs ``secretstorage`` ->
#: ``cryptography`` (14.4 MB, one Rust extension). The Windows bundle does not carry it (keyring uses
#: the Credential Manager there). The margin absorbs Qt patch releases; a regression of +15 MB
#: fails CI.
SIZE_BUDGET_MB = 215


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def build() -> None:
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN", "build.spec"],
        cwd=ROOT,
        check=True,
    )


def package() -> Path:
    version = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]
    shutil.copy2(
        ROOT / "packaging" / "dropship-desktop.desktop", BUNDLE / "dropship-desktop.desktop"
    )
    shutil.copy2(ROOT / "build" / "icons" / "app.png", BUNDLE / "dropship-desktop.png")
    archive = DIST / f"dropship-desktop-{version}-linux-x86_64.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(BUNDLE, arcname=f"dropship-desktop-{version}")
    return archive


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--no-build", action="store_true")
    args = parser.parse_args(argv)
    if not args.no_build:
        build()
    archive = package()
    size_mb = folder_size(BUNDLE) / 1e6
    result = {
        "bundle": str(BUNDLE.relative_to(ROOT)),
        "bundle_mb": round(size_mb, 1),
        "archive": str(archive.relative_to(ROOT)),
        "archive_mb": round(archive.stat().st_size / 1e6, 1),
        "budget_mb": SIZE_BUDGET_MB,
        "within_budget": size_mb <= SIZE_BUDGET_MB,
    }
    print(json.dumps(result))
    if size_mb > SIZE_BUDGET_MB:
        print(f"bundle is {size_mb:.1f} MB, over the {SIZE_BUDGET_MB} MB budget", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
