"""Rotating log files in the data folder, with buyer data kept out."""

from __future__ import annotations

import logging
import re
from logging.handlers import RotatingFileHandler
from pathlib import Path

__all__ = ["LOG_FILENAME", "RedactingFilter", "redact", "setup_logging"]

LOG_FILENAME = "dropship-desktop.log"

# Defence in depth: code never logs buyer data, but a message or a traceback may still carry
# some (an exception quoting the cell that broke it). Before reaching the file:
# - mainland mobile numbers, also written with spaces or dashes and a +86 prefix, keep only
#   their first 3 and last 4 digits. Exactly 11 digits match, so 18–19-digit order numbers
#   (which a log may name) stay whole;
# - landlines with an area code (0571-88776655, (010) 1234 5678) keep their last 2 digits;
# - any run of Chinese characters is replaced by its length: buyer names and addresses are
#   Chinese text, and log messages written by the code are English.
_MOBILE = re.compile(r"(?<![\d+])((?:\+?86[ -]?)?1[3-9]\d)[ -]?\d{4}[ -]?(\d{4})(?![\d-])")
_LANDLINE = re.compile(r"(?<![\d-])(\(?0\d{2,3}\)?)[ -]?\d{5,6}(\d{2})(?![\d-])")
_LANDLINE_SEP = re.compile(r"(?<![\d-])\(?0\d{2,3}\)?[ -]\d{3,4}[ -]?\d{2}(\d{2})(?![\d-])")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]+")
_FORMATTER = logging.Formatter()


def _cjk(match: re.Match[str]) -> str:
    return f"<{len(match.group())} zh>"


def redact(text: str) -> str:
    """*text* without phone numbers and Chinese text (names, addresses)."""
    if text.isascii():
        if not any(c.isdigit() for c in text):
            return text
    else:
        text = _CJK.sub(_cjk, text)
    text = _MOBILE.sub(r"\1****\2", text)
    text = _LANDLINE_SEP.sub(r"0***-****\1", text)
    return _LANDLINE.sub(r"0***-****\2", text)


class RedactingFilter(logging.Filter):
    """Masks phone numbers and Chinese text (:func:`redact`) in messages and tracebacks."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = redact(message)
        if redacted != message:
            record.msg = redacted
            record.args = None
        if record.exc_info and not record.exc_text:
            # Formatters reuse a cached exc_text, so redacting it here covers every handler:
            # a bug's exception message may quote the value that broke it.
            record.exc_text = _FORMATTER.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
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
