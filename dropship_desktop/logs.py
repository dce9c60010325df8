"""Rotating log files in the data folder, with buyer data kept out."""

from __future__ import annotations

import logging
import re
from logging.handlers import RotatingFileHandler
from pathlib import Path

__all__ = ["LOG_FILENAME", "RedactingFilter", "setup_logging"]

LOG_FILENAME = "dropship-desktop.log"

# Defence in depth: code never logs buyer data, but if a message or a traceback carries a
# mainland mobile number anyway, it is cut before reaching the file. Only exactly 11 digits match,
# so 18–19-digit order numbers (which a log may name) stay whole.
_MOBILE = re.compile(r"(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)")
_FORMATTER = logging.Formatter()


class RedactingFilter(logging.Filter):
    """Masks mainland mobile numbers (138****5678) in log messages and in their tracebacks."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = _MOBILE.sub(r"\1****\2", message)
        if redacted != message:
            record.msg = redacted
            record.args = None
        if record.exc_info and not record.exc_text:
            # Formatters reuse a cached exc_text, so redacting it here covers every handler:
            # a bug's exception message may quote the value that broke it.
            record.exc_text = _FORMATTER.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = _MOBILE.sub(r"\1****\2", record.exc_text)
        if record.stack_info:
            record.stack_info = _MOBILE.sub(r"\1****\2", record.stack_info)
        return True


def setup_logging(log_dir: Path | None, *, verbose: bool = False) -> Path | None:
    """Log to ``log_dir/dropship-desktop.log`` (1 MB × 5 files) and warnings to stderr.

    Returns:
        The log file path, or None if the folder cannot be written (logging then goes to stderr).
    """
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_dropship", False):
            root.removeHandler(handler)
            handler.close()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    # peewee logs every SQL statement with its parameters at DEBUG: buyer names, phones and
    # addresses (and search text) would reach the log file in verbose mode.
    logging.getLogger("peewee").setLevel(logging.INFO)
    console = logging.StreamHandler()
    console.setLevel(logging.DEBUG if verbose else logging.WARNING)
    console.addFilter(RedactingFilter())
    console._dropship = True  # type: ignore[attr-defined]
    root.addHandler(console)
    if log_dir is None:
        return None
    path = log_dir / LOG_FILENAME
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    except OSError:
        logging.getLogger(__name__).warning("cannot write logs to %s", log_dir)
        return None
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s")
    )
    handler.addFilter(RedactingFilter())
    handler._dropship = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    return path
