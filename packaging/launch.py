"""PyInstaller entry point (the package itself is imported, not run as __main__)."""

from __future__ import annotations

import sys

from dropship_desktop.app import main

if __name__ == "__main__":
    sys.exit(main())
