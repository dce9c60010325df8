"""``python -m dropship_desktop``."""

from __future__ import annotations

import sys

from .app import main

sys.exit(main())
