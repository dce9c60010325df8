"""Expected problems (:class:`UserError`) versus bugs (anything else).

A ``UserError`` carries a plain message saying what is wrong and what to do; the UI shows it as is
and the CLI prints it and exits non-zero. Any other exception is a bug: the UI shows an error dialog
pointing at the log file.
"""

from __future__ import annotations

__all__ = [
    "DatabaseLockedError",
    "DatabaseReadOnlyError",
    "DatabaseTooNewError",
    "NotADatabaseError",
    "UserError",
    "ValidationError",
]


class UserError(Exception):
    """An expected problem the user can act on (bad input, locked or full disk, newer database)."""

    def __init__(self, message: str, *, detail: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail

    def __str__(self) -> str:
        return self.message


class ValidationError(UserError):
    """Input that breaks a rule; ``field_errors`` maps a field name to its problem."""

    def __init__(self, message: str, field_errors: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.field_errors = dict(field_errors or {})


class DatabaseTooNewError(UserError):
    """The database was written by a newer version of the app; it is left untouched."""


class NotADatabaseError(UserError):
    """The file is not a SQLite database, or cannot be read."""


class DatabaseLockedError(UserError):
    """Another process holds the database."""


class DatabaseReadOnlyError(UserError):
    """The database cannot be written (a read-only file, folder or medium)."""
