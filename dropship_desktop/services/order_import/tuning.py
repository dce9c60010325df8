"""The import's tuning: chunk sizes and switches (tests and benches change them here).

Read as ``tuning.NAME`` at the time of use, so that a change applies to every stage.
"""

from __future__ import annotations

__all__ = ["BULK_INDEX_FROM", "CHUNK", "PREVIEW_ERRORS", "SCORE_RISK"]

#: Orders written per chunk; progress and cancellation are checked between chunks.
CHUNK = 5000
#: From this many new orders on, the FTS insert trigger is replaced by one bulk index statement.
BULK_INDEX_FROM = 500
#: Score new orders for fraud risk as they are imported (the risk bench turns it off for its
#: in-run baseline).
SCORE_RISK = True
#: Cell errors a preview lists (the rest are counted).
PREVIEW_ERRORS = 1000
