"""Marking user-facing text for translation in the layers that cannot import Qt.

``domain`` and ``services`` raise errors and return messages that the UI shows. They mark the
English text with :func:`QT_TRANSLATE_NOOP` (same name and signature as Qt's, so
``pyside6-lupdate`` collects it into the .ts) and keep the values apart as ``{name}`` fields:

    raise UserError(
        QT_TRANSLATE_NOOP("Errors", "“{name}” cannot be deleted: {offers} offer(s) use it."),
        name=supplier.name, offers=count,
    )

The UI looks the template up in Qt's translator and then fills in the fields
(``ui.formatting.translate_message``). The CLI prints the English text.
"""

from __future__ import annotations

__all__ = ["QT_TRANSLATE_NOOP", "fill"]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark *text* for translation in *context*; returns it unchanged."""
    del context
    return text


def fill(template: str, params: dict[str, object]) -> str:
    """``template.format(**params)``, tolerant of a translation that lost or broke a field."""
    if not params:
        return template
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template + " (" + ", ".join(f"{k}={v}" for k, v in params.items()) + ")"
