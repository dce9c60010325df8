"""Start-up: arguments, logging, QApplication, translations, database, main window."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from . import APP_ID, APP_NAME, __version__
from .cli import data_dir_from_args, parse, run_command
from .errors import UserError
from .paths import database_file, log_dir

__all__ = ["main"]

log = logging.getLogger(__name__)

#: Orders created the first time ``--demo`` opens an empty demo database.
DEMO_FIRST_USE_ORDERS = 3000


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``dropship-desktop``; returns the exit status."""
    args = parse(list(sys.argv[1:] if argv is None else argv))
    if args.command:
        return run_command(args)
    return run_gui(args)


def _needs_offscreen() -> bool:
    return (
        sys.platform.startswith("linux")
        and not os.environ.get("QT_QPA_PLATFORM")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
    )


def run_gui(args: object) -> int:
    """Open the main window (or, with ``--self-test``, build everything, check and exit)."""
    from .logs import setup_logging

    self_test = bool(getattr(args, "self_test", False))
    if self_test and _needs_offscreen():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"

    from PySide6.QtWidgets import QApplication

    from .ui.app_setup import configure_application, install_excepthook, show_user_error

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else APP_ID])
    configure_application(app, lang=getattr(args, "lang", None))
    data_dir = data_dir_from_args(args)  # type: ignore[arg-type]
    log_file = setup_logging(log_dir(data_dir), verbose=bool(getattr(args, "verbose", False)))
    log.info("starting %s %s, data folder %s", APP_NAME, __version__, data_dir)
    install_excepthook(log_file)

    try:
        window = _open(data_dir, demo=bool(getattr(args, "demo", False)))
    except UserError as exc:
        if self_test:
            print(f"self-test: FAILED: {exc}", file=sys.stderr)
            return 1
        show_user_error(None, exc)
        return 1

    if self_test:
        from .ui.self_test import run_self_test

        return run_self_test(app, window)

    window.show()
    code = app.exec()
    window.shutdown()
    return int(code)


def _open(data_dir: Path, *, demo: bool) -> object:
    from .services.demo import generate_demo
    from .store.db import open_database
    from .store.tables import SalesOrder
    from .ui.main_window import MainWindow

    path = database_file(data_dir)
    open_database(path)
    if demo and not SalesOrder.select().limit(1).count():
        log.info("creating the demo database with %d orders", DEMO_FIRST_USE_ORDERS)
        generate_demo(DEMO_FIRST_USE_ORDERS, seed=1)
    return MainWindow(data_dir=data_dir, demo=demo)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
