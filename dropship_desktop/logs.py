"""Rotating log files in the data folder, with buyer data kept out."""

from __future__ import annotations

import logging
import re
from logging.handlers import RotatingFileHandler
from pathlib import Path

__all__ = ["LOG_FILENAME", "RedactingFilter", "setup_logging"]

LOG_FILENAME = "dropship-desktop.log"

# Defence in depth: code never logs buyer data, but if a message carries a mobile number or an
# ID-card-like digit run anyway, it is cut before reaching the file.
_LONG_DIGITS = re.compile(r"(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)")


class RedactingFilter(logging.Filter):
    """Masks mainland mobile numbers in log records (138****5678)."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = _LONG_DIGITS.sub(r"\1****\2", message)
        if redacted != message:
            record.msg = redacted
            record.args = None
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
