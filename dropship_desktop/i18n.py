"""Marking user-facing text for translation in the layers that cannot import Qt.

``domain`` and ``services`` raise errors and return messages that the UI shows. They mark the
English text with :func:`QT_TRANSLATE_NOOP` (same name and signature as Qt's, so
``pyside6-lupdate`` collects it into the .ts) and keep the values apart as ``{name}`` fields:

    raise UserError(
        QT_TRANSLATE_NOOP("Errors", "“{name}” cannot be deleted: {offers} offer(s) use it."),
        name=supplier.name, offers=count,
    )

Where a message travels as a plain string (a field error, a problem in a list, a row error),
:func:`with_values` fills the template in and keeps template, values and context on the result:

    errors["sku"] = with_values(
        QT_TRANSLATE_NOOP("Errors", "Another product already uses the SKU “{sku}”."), sku=sku
    )

The UI looks the template up in Qt's translator and then fills in the fields
(``ui.formatting.translate_message`` / ``ui.formatting.translated``). The CLI prints the English
text: a marked string *is* its English text.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

__all__ = [
    "QT_TRANSLATE_NOOP",
    "Label",
    "MarkedError",
    "Text",
    "fill",
    "join",
    "label",
    "with_values",
]


class Text(str):
    """English text that remembers the marked template, its values and its translation context.

    It compares, hashes and prints as the filled-in English text, so code outside the UI treats
    it as a plain string; the UI translates :attr:`template` in :attr:`context` and fills it in.
    """

    __slots__ = ("context", "params", "template")

    context: str
    template: str
    params: dict[str, object]

    def __new__(cls, text: str, *, context: str, template: str, params: dict[str, object]) -> Text:
        self = super().__new__(cls, text)
        self.context = context
        self.template = template
        self.params = params
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (_make_text, (str(self), self.context, self.template, self.params))


def _make_text(text: str, context: str, template: str, params: dict[str, object]) -> Text:
    return Text(text, context=context, template=template, params=params)


def QT_TRANSLATE_NOOP(context: str, text: str) -> Text:
    """Mark *text* for translation in *context*; returns it as a :class:`Text` (equal to it)."""
    return Text(text, context=context, template=text, params={})


def with_values(text: str, /, **params: object) -> Text:
    """Fill a marked template in, keeping template, values and context for the UI.

    Args:
        text: A template marked with :func:`QT_TRANSLATE_NOOP`.
        **params: Values for its ``{field}`` placeholders.
    """
    context = getattr(text, "context", "Errors")
    template = getattr(text, "template", str(text))
    return Text(fill(template, params), context=context, template=template, params=params)


class Label(str):
    """A domain enum's English label that also carries its Chinese one.

    Passed as a message value (``state=label(row.state)``), it fills in as English for the CLI
    and logs; the UI shows the label of its language (``ui.formatting.enum_label``).
    """

    __slots__ = ("label_en", "label_zh")

    label_en: str
    label_zh: str

    def __new__(cls, label_en: str, label_zh: str) -> Label:
        self = super().__new__(cls, label_en)
        self.label_en = label_en
        self.label_zh = label_zh
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (Label, (self.label_en, self.label_zh))


def label(member: Any) -> Label:
    """The bilingual label of a domain enum member (one with ``label_en`` and ``label_zh``)."""
    return Label(member.label_en, member.label_zh)


class MarkedError(Exception):
    """An exception whose message is a marked template with separate values.

    Like :class:`~dropship_desktop.errors.UserError`, for the layers' own exception types
    (``tabular.TableError``, ``tabular.CellError``): ``str()`` is the English text; the UI shows
    ``ui.formatting.user_error_text(error)``.
    """

    #: The translation context when the template is not a marked :class:`Text`.
    context = "Errors"

    def __init__(self, message: str, /, **params: object) -> None:
        if not params and getattr(message, "params", None):
            # A filled-in Text passed on as a whole: keep its template and values apart.
            params = dict(message.params)  # type: ignore[attr-defined]
            message = message.template  # type: ignore[attr-defined]
        text = fill(message, params)
        super().__init__(text)
        self.template = message
        self.params = params
        self.message = text
        self.context = getattr(message, "context", type(self).context)

    def __str__(self) -> str:
        return self.message

    @property
    def text(self) -> Text:
        """The message as a marked :class:`Text`, to pass on as a value."""
        return Text(self.message, context=self.context, template=self.template, params=self.params)


def join(texts: Iterable[str], sep: str = " ") -> Text:
    """Marked texts joined by *sep*; the UI translates each part.

    A value that is itself a :class:`Text` is translated by the UI before it is filled in, so a
    message may hold other messages (``Row {row}: {problem}``) and still be shown in one language.
    """
    parts = list(texts)
    if len(parts) == 1 and isinstance(parts[0], Text):
        return parts[0]
    params: dict[str, object] = {f"p{i}": part for i, part in enumerate(parts)}
    escaped = sep.replace("{", "{{").replace("}", "}}")
    template = escaped.join("{" + key + "}" for key in params)
    return Text(sep.join(parts), context="", template=template, params=params)


def fill(template: str, params: dict[str, object]) -> str:
    """``template.format(**params)``, tolerant of a translation that lost or broke a field."""
    if not params:
        return str(template)
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template + " (" + ", ".join(f"{k}={v}" for k, v in params.items()) + ")"
