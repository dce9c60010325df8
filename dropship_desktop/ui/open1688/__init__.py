"""The 1688 Open Platform in the app: the accounts window, the sync action and its timer."""

from __future__ import annotations

from .menu import Open1688Menu

__all__ = ["Open1688Menu"]
