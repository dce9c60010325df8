"""Expected problems (:class:`UserError`) versus bugs (anything else).

A ``UserError`` carries a plain message saying what is wrong and what to do; the UI shows it as is
and the CLI prints it and exits non-zero. Any other exception is a bug: the UI shows an error dialog
pointing at the log file.
"""

from __future__ import annotations

from .i18n import Text, fill

__all__ = [
    "DatabaseLockedError",
    "DatabaseReadOnlyError",
    "DatabaseTooNewError",
    "NotADatabaseError",
    "UserError",
    "ValidationError",
]


class UserError(Exception):
    """An expected problem the user can act on (bad input, locked or full disk, newer database).

    Args:
        message: English text, ideally marked with ``i18n.QT_TRANSLATE_NOOP("Errors", …)`` and
            holding ``{field}`` placeholders for the values, so the UI can translate it.
        detail: Extra technical detail (shown folded away).
        **params: Values for the placeholders.
    """

    #: The translation context the UI looks the template up in.
    context = "Errors"

    def __init__(self, message: str, *, detail: str = "", **params: object) -> None:
        if not params and getattr(message, "params", None):
            # A filled-in Text passed on as a whole: keep its template and values apart.
            params = dict(message.params)  # type: ignore[attr-defined]
            message = message.template  # type: ignore[attr-defined]
        text = fill(message, params)
        super().__init__(text)
        self.template = message
        self.params = params
        # A template marked in another context (e.g. "Import") is looked up there.
        self.context = getattr(message, "context", type(self).context)
        self.message = text
        self.detail = detail

    def __str__(self) -> str:
        return self.message

    @property
    def text(self) -> Text:
        """The message as a marked :class:`~dropship_desktop.i18n.Text`, to pass on as a value."""
        return Text(self.message, context=self.context, template=self.template, params=self.params)


class ValidationError(UserError):
    """Input that breaks a rule; ``field_errors`` maps a field name to its problem.

    The problems are marked English strings too (``QT_TRANSLATE_NOOP("Errors", …)``, or
    :func:`~dropship_desktop.i18n.with_values` when they hold values), so the UI can translate
    each one with ``ui.formatting.translated``.
    """

    def __init__(
        self, message: str, field_errors: dict[str, str] | None = None, **params: object
    ) -> None:
        super().__init__(message, **params)
        self.field_errors = dict(field_errors or {})


class DatabaseTooNewError(UserError):
    """The database was written by a newer version of the app; it is left untouched."""


class NotADatabaseError(UserError):
    """The file is not a SQLite database, or cannot be read."""


class DatabaseLockedError(UserError):
    """Another process holds the database."""


class DatabaseReadOnlyError(UserError):
    """The database cannot be written (a read-only file, folder or medium)."""
