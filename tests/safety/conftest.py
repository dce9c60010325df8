"""The UI fixtures of tests/ui, for the cross-cutting safety tests."""

from __future__ import annotations

from tests.ui.conftest import main_window

__all__ = ["main_window"]
