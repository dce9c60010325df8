"""Display formatting through QLocale: money as ¥1,234.50, times in local time."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime

from ..domain.enums import SalesStatus, SupplierStatus

__all__ = [
    "changes_text",
    "date_display_format",
    "enum_label",
    "format_datetime",
    "format_iso_date",
    "format_local_datetime",
    "format_money",
    "format_qdatetime",
    "sales_status_label",
    "supplier_status_label",
    "translate_message",
    "translated",
    "user_error_text",
]


def _chinese() -> bool:
    return QLocale().language() == QLocale.Language.Chinese


def format_money(fen: int | None) -> str:
    if fen is None:
        return ""
    locale = QLocale()
    sign = "-" if fen < 0 else ""
    return sign + "¥" + locale.toString(abs(fen) / 100, "f", 2)


#: The one date style of the Chinese UI (and of exports): ``2026-12-02 23:44``.
CHINESE_DATETIME_FORMAT = "yyyy-MM-dd HH:mm"
CHINESE_DATE_FORMAT = "yyyy-MM-dd"


def format_datetime(epoch: int | None) -> str:
    """A stored time (Unix seconds) in the computer's time zone, in the app's one style:
    ``2026-12-02 23:44`` in Chinese, the locale's short form in English."""
    if not epoch:
        return ""
    return format_qdatetime(QDateTime.fromSecsSinceEpoch(int(epoch)).toLocalTime())


def format_local_datetime(value: datetime | None) -> str:
    """A naive local or aware datetime, in the same style as :func:`format_datetime`."""
    if value is None:
        return ""
    if value.tzinfo is not None:
        value = value.astimezone().replace(tzinfo=None)
    qdt = QDateTime(
        QDate(value.year, value.month, value.day), QTime(value.hour, value.minute, value.second)
    )
    return format_qdatetime(qdt)


def format_qdatetime(value: QDateTime) -> str:
    if _chinese():
        return value.toString(CHINESE_DATETIME_FORMAT)
    return QLocale().toString(value, QLocale.FormatType.ShortFormat)


def format_iso_date(text: object) -> str:
    """A stored ``YYYY-MM-DD`` date (offers' last check) in the UI's date style."""
    value = QDate.fromString(str(text or ""), "yyyy-MM-dd")
    if not value.isValid():
        return "" if text is None else str(text)
    if _chinese():
        return value.toString(CHINESE_DATE_FORMAT)
    return QLocale().toString(value, QLocale.FormatType.ShortFormat)


def date_display_format() -> str:
    """The display format for date editors (filters): the same style as the lists."""
    if _chinese():
        return CHINESE_DATE_FORMAT
    return QLocale().dateFormat(QLocale.FormatType.ShortFormat)


def translate_message(context: str, template: str, params: dict[str, object] | None = None) -> str:
    """Translate an English template marked in a non-Qt layer, then fill in its values."""
    from ..i18n import fill

    # Values that are messages themselves (a row's problem inside "Row {row}: {problem}") are
    # translated too; an empty context is a pure layout template (i18n.join).
    values = {key: _display_value(value) for key, value in (params or {}).items()}
    text = QCoreApplication.translate(context, template) if context else template
    return fill(text, values)


def translated(text: str, context: str = "") -> str:
    """A message from a non-Qt layer in the UI language.

    A :class:`~dropship_desktop.i18n.Text` (what ``QT_TRANSLATE_NOOP`` and ``with_values`` return)
    knows its template, values and context. A plain string is looked up in *context* when one is
    given (a template kept in a data structure that lost its marking), else shown as is.
    """
    template = getattr(text, "template", None)
    if template is not None:
        return translate_message(text.context, template, text.params)  # type: ignore[attr-defined]
    if context and text:
        return QCoreApplication.translate(context, text)
    return text


def _display_value(value: object) -> object:
    if hasattr(value, "template"):
        return translated(value)  # type: ignore[arg-type]
    if hasattr(value, "label_zh"):
        return enum_label(value)  # an i18n.Label or a domain enum member
    return value


def changes_text(changes: object) -> str:
    """The status-bar message of a :class:`~dropship_desktop.services.base.Changes`, translated."""
    message: str = getattr(changes, "message", "")
    params: dict[str, object] = getattr(changes, "message_params", {})
    if not message:
        return ""
    if params:
        context = getattr(message, "context", "Messages")
        return translate_message(context, getattr(message, "template", message), params)
    return translated(message, "Messages")


def user_error_text(error: BaseException) -> str:
    """The message of a :class:`~dropship_desktop.errors.UserError` in the UI language."""
    template = getattr(error, "template", None)
    if template is None:
        return str(error)
    return translate_message(getattr(error, "context", "Errors"), template, error.params)


def enum_label(member: object) -> str:
    """The Chinese or English label of a domain enum member, by the UI language.

    Domain enums carry both labels themselves (they are platform vocabulary), so they are not
    run through Qt's translator.
    """
    return member.label_zh if _chinese() else member.label_en  # type: ignore[attr-defined]


def sales_status_label(raw: str | None) -> str:
    if not raw:
        return ""
    try:
        status = SalesStatus(raw)
    except ValueError:
        return QCoreApplication.translate("Status", "Unknown ({})").format(raw)
    return status.label_zh if _chinese() else status.label_en


def supplier_status_label(raw: str | None) -> str:
    if not raw:
        return ""
    status = SupplierStatus(raw)
    return status.label_zh if _chinese() else status.label_en
