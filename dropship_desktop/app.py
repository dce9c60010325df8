"""Start-up: arguments, logging, QApplication, translations, database, main window."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from . import APP_ID, APP_NAME, __version__
from .cli import data_dir_from_args, parse, run_command
from .cli.common import DEMO_FIRST_USE_ORDERS
from .errors import DatabaseLockedError, DatabaseReadOnlyError, UserError
from .paths import log_dir

if TYPE_CHECKING:
    from .ui.main_window import MainWindow

__all__ = ["main"]

log = logging.getLogger(__name__)


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
    guard = None
    if self_test:
        from .ui.self_test import HeadlessGuard

        guard = HeadlessGuard(app)  # never waits on a dialog: records and closes it

    from .instance import InstanceLock, server_name

    # One writer per data folder; a second launch brings the first window forward instead.
    lock = InstanceLock(data_dir)
    from .ui.app_setup import RESTARTED_ENV

    # A restarted instance (recovery, language) waits for the one that started it to quit.
    restarted = os.environ.pop(RESTARTED_ENV, None) is not None
    try:
        lock.acquire(wait_s=15.0 if restarted else 0.0)
    except DatabaseLockedError as exc:
        if self_test:
            print(f"self-test: FAILED: {exc}", file=sys.stderr)
            return 1
        from .ui.single_instance import request_activation

        if request_activation(server_name(data_dir)):
            log.info("already running; the running window was asked to come forward")
            print(str(exc), file=sys.stderr)
            return 0
        show_user_error(None, exc)
        return 1
    except UserError as exc:  # the data folder cannot be used (a file, no permission)
        if self_test:
            print(f"self-test: FAILED: {exc}", file=sys.stderr)
            return 1
        show_user_error(None, exc)
        return 1

    try:
        from .store.backup import backup_dir, remove_stale_partials

        remove_stale_partials(backup_dir(data_dir))  # killed backups' leftovers
        try:
            window = _open(data_dir, demo=bool(getattr(args, "demo", False)), ask=not self_test)
        except UserError as exc:
            if self_test:
                print(f"self-test: FAILED: {exc}", file=sys.stderr)
                return 1
            if str(exc):  # empty: the seller chose to quit at the recovery question
                show_user_error(None, exc)
            return 1
        except Exception as exc:
            if not self_test:
                raise
            log.error("self-test: opening failed", exc_info=True)
            print(f"self-test: FAILED: {type(exc).__name__}: {exc}", file=sys.stderr)
            return 1

        if self_test:
            from .ui.self_test import run_self_test

            return run_self_test(app, window, guard)

        from .ui.dialogs.privacy import run_scheduled_purge
        from .ui.single_instance import ActivationServer

        server = ActivationServer(server_name(data_dir), window)
        server.activated.connect(window.bring_forward)
        window.show()
        window.start_auto_backup()
        window.start_risk_backfill()
        from .ui.integrity_watch import start_integrity_watch

        start_integrity_watch(window, data_dir, window.ctx.store)
        run_scheduled_purge(window.worker)
        code = app.exec()
        window.shutdown()
        server.close()
        return int(code)
    finally:
        lock.release()


def _open(data_dir: Path, *, demo: bool, ask: bool = True) -> MainWindow:
    from .context import AppContext
    from .services.demo import generate_demo
    from .startup import open_checked
    from .store.tables import SalesOrder
    from .ui.app_setup import show_user_error
    from .ui.dialogs.backups import ask_recovery
    from .ui.main_window import MainWindow

    ctx = AppContext(data_dir=data_dir)  # this run's database, connectors, clock, session
    try:
        open_checked(ctx, choose=ask_recovery if ask else None)
    except DatabaseReadOnlyError as exc:
        # Still useful for looking things up: open it without ever writing, and say so.
        log.warning("database is read-only: %s", exc)
        if ask:
            show_user_error(None, exc)
        open_checked(ctx, read_only=True)
    if demo and not ctx.store.read_only and not SalesOrder.select().limit(1).count():
        log.info("creating the demo database with %d orders", DEMO_FIRST_USE_ORDERS)
        generate_demo(DEMO_FIRST_USE_ORDERS, seed=1)
    return MainWindow(ctx, demo=demo)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
