"""Application-wide set-up: names, language, translations, style, error reporting."""

from __future__ import annotations

import logging
import os
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from .. import APP_ID, APP_NAME, ORG_NAME, __version__
from ..errors import UserError
from ..paths import resources_dir
from .formatting import user_error_text

__all__ = [
    "LANG_KEY",
    "configure_application",
    "current_language",
    "install_excepthook",
    "restart_application",
    "show_user_error",
]

log = logging.getLogger(__name__)

LANG_KEY = "ui/language"
SUPPORTED_LANGUAGES = ("zh_CN", "en")
_translators: list[QTranslator] = []


def current_language(override: str | None = None) -> str:
    """``--lang`` (remembered), else the remembered choice, else the system language."""
    settings = QSettings()
    if override:
        settings.setValue(LANG_KEY, override)
        return override
    saved = settings.value(LANG_KEY, "", type=str)
    if saved in SUPPORTED_LANGUAGES:
        return saved
    system = QLocale.system()
    return "zh_CN" if system.language() == QLocale.Language.Chinese else "en"


def install_translations(app: QApplication, language: str) -> None:
    """Load the app's and Qt's own translations for *language* (English: only its plural forms,
    "1 order" / "2 orders" for the source's "%n order(s)")."""
    for translator in _translators:
        app.removeTranslator(translator)
    _translators.clear()
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        translator = QTranslator(app)
        if translator.load("dropship_desktop_en", str(resources_dir() / "translations")):
            app.installTranslator(translator)
            _translators.append(translator)
        else:
            log.info("English plural forms not found in %s", resources_dir() / "translations")
        return
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    candidates = [
        (f"dropship_desktop_{language}", str(resources_dir() / "translations")),
        (f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        (f"qtbase_{language}", str(resources_dir() / "translations")),
    ]
    loaded_qt = False
    for name, folder in candidates:
        if name.startswith("qtbase") and loaded_qt:
            continue
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _translators.append(translator)
            loaded_qt = loaded_qt or name.startswith("qtbase")
        else:
            log.info("translation %s not found in %s", name, folder)


def configure_application(app: QApplication, *, lang: str | None = None) -> str:
    """Set names and translations; return the language in use."""
    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setApplicationName(APP_ID)
    QCoreApplication.setApplicationVersion(__version__)
    app.setApplicationDisplayName(APP_NAME)
    language = current_language(lang)
    install_translations(app, language)
    from .style import apply_style

    apply_style(app)
    return language


#: Set for an instance started by :func:`restart_application`.
RESTARTED_ENV = "DROPSHIP_DESKTOP_RESTARTED"


def restart_application() -> None:
    """Start a new instance with the same arguments (minus ``--lang``) and quit this one."""
    from PySide6.QtCore import QProcess

    args: list[str] = []
    skip_next = False
    for arg in sys.argv[1:]:
        if skip_next:
            skip_next = False
        elif arg == "--lang":
            skip_next = True
        elif not arg.startswith("--lang="):
            args.append(arg)
    # The new instance waits for this one to let go of the data folder's lock (inherited env).
    os.environ[RESTARTED_ENV] = "1"
    if getattr(sys, "frozen", False):
        QProcess.startDetached(sys.executable, args)
    else:
        QProcess.startDetached(sys.executable, ["-m", "dropship_desktop", *args])
    QApplication.quit()


def show_user_error(parent: QWidget | None, error: UserError) -> None:
    """A plain message for an expected problem."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("Errors", "Dropship Desktop"))
    box.setText(user_error_text(error))
    if error.detail:
        box.setDetailedText(error.detail)
    box.exec()


def _error_signature(exc: BaseException, tb: TracebackType | None) -> tuple[str, ...]:
    """What makes two errors "the same": the type and where it was raised (not the message,
    which often holds a changing value such as an index)."""
    frames = traceback.extract_tb(tb) if tb is not None else []
    where = tuple(f"{f.filename}:{f.lineno}" for f in frames[-3:])
    return (type(exc).__qualname__, *where)


class _ErrorReporter:
    """Shows each distinct unexpected error once per session, never while one is shown.

    An error raised by code Qt calls again and again (a model's ``data()`` on every paint) would
    otherwise open a new dialog after every OK, or stack dialogs while the first one is open
    (its event loop paints the list again): the seller could only kill the app.
    """

    def __init__(self, log_file: Path | None) -> None:
        self.log_file = log_file
        self.shown: set[tuple[str, ...]] = set()
        self.showing = False
        self.suppressed = 0

    def report(self, exc: BaseException, tb: TracebackType | None) -> None:
        signature = _error_signature(exc, tb)
        if self.showing or signature in self.shown:
            self.suppressed += 1
            log.info("unexpected error not shown again (%d so far)", self.suppressed)
            return
        self.shown.add(signature)
        self.showing = True
        try:
            self._dialog(exc, tb).exec()
        finally:
            self.showing = False

    def _dialog(self, exc: BaseException, tb: TracebackType | None) -> QMessageBox:
        box = QMessageBox(QApplication.activeWindow())
        box.setObjectName("unexpectedErrorBox")
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(QCoreApplication.translate("Errors", "Unexpected error"))
        where = (
            str(self.log_file)
            if self.log_file
            else QCoreApplication.translate("Errors", "(no log)")
        )
        box.setText(
            QCoreApplication.translate(
                "Errors",
                "Something went wrong inside Dropship Desktop. Your data is safe; the last "
                "action may not have been completed.\n\nDetails were written to the log file:\n{}",
            ).format(where)
        )
        box.setInformativeText(
            QCoreApplication.translate(
                "Errors",
                "If it happens again it is only written to the log. Restart the app if the "
                "window does not look right.",
            )
        )
        # Hidden behind "Show Details…" (QMessageBox's default): for a support request only.
        box.setDetailedText("".join(traceback.format_exception(type(exc), exc, tb)))
        return box


_reporter: _ErrorReporter | None = None


def install_excepthook(log_file: Path | None) -> None:
    """Show expected errors plainly and bugs in a dialog that points at the log file."""
    global _reporter
    reporter = _reporter = _ErrorReporter(log_file)

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if isinstance(exc, UserError):
            log.info("user error: %s", exc)
            if QApplication.instance() is not None:
                show_user_error(QApplication.activeWindow(), exc)
            return
        log.error("unexpected error", exc_info=(exc_type, exc, tb))
        if QApplication.instance() is None:
            traceback.print_exception(exc_type, exc, tb)
            return
        reporter.report(exc, tb)

    sys.excepthook = hook
