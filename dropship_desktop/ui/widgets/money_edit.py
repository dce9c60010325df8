"""A line edit for yuan amounts that holds integer fen and says what is wrong with the text."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtWidgets import QLineEdit, QWidget

from ...domain.money import MoneyError, fen_to_yuan_text, parse_yuan

__all__ = ["MoneyEdit"]

_CTX = "MoneyEdit"


class MoneyEdit(QLineEdit):
    """Yuan input (``12.50``, ``¥1,234.5``, ``12元``): at most two decimals, never a float.

    Args:
        required: Whether an empty field is a problem.
        allow_zero: Whether ``0`` is accepted.
        maximum_fen: Largest amount accepted.

    Signals:
        validity_changed(bool): Emitted when the text turns valid or invalid.
    """

    validity_changed = Signal(bool)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        required: bool = True,
        allow_zero: bool = True,
        maximum_fen: int = 1_000_000_000,
    ) -> None:
        super().__init__(parent)
        self._required = required
        self._allow_zero = allow_zero
        self._maximum = maximum_fen
        self._valid = True
        self.setPlaceholderText("0.00")
        self.textChanged.connect(self._revalidate)
        self._revalidate()

    def value_fen(self) -> int | None:
        """The amount in fen; ``None`` when empty or invalid."""
        text = self.text().strip()
        if not text:
            return None
        try:
            return parse_yuan(text)
        except MoneyError:
            return None

    def set_fen(self, fen: int | None) -> None:
        """Show ``fen`` as plain yuan text (``12.50``); ``None`` clears the field."""
        self.setText("" if fen is None else fen_to_yuan_text(fen))

    def error(self) -> str:
        """What is wrong with the text (translated), or ``""``."""
        text = self.text().strip()
        if not text:
            return QCoreApplication.translate("MoneyEdit", "Required.") if self._required else ""
        try:
            fen = parse_yuan(text)
        except MoneyError as exc:
            if "decimals" in str(exc):
                return QCoreApplication.translate("MoneyEdit", "At most two decimals (fen).")
            if "negative" in str(exc):
                return QCoreApplication.translate("MoneyEdit", "Cannot be negative.")
            return QCoreApplication.translate("MoneyEdit", "Not an amount; type e.g. 12.50.")
        if fen == 0 and not self._allow_zero:
            return QCoreApplication.translate("MoneyEdit", "Must be more than 0.")
        if fen > self._maximum:
            return QCoreApplication.translate("MoneyEdit", "Too large.")
        return ""

    def is_valid(self) -> bool:
        """Whether :meth:`error` is empty."""
        return not self.error()

    @Slot()
    def _revalidate(self) -> None:
        valid = self.is_valid()
        if valid != self._valid:
            self._valid = valid
            self.validity_changed.emit(valid)
