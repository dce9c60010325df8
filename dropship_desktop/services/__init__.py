"""Use cases. Each public function is one IMMEDIATE transaction and returns what changed.

The UI runs them on the DB worker thread (``ui.tasks``) and refreshes the views whose tables are
named in the returned :class:`Changes`.
"""

from __future__ import annotations

from .base import Changes, audit, write_op

__all__ = ["Changes", "audit", "write_op"]
