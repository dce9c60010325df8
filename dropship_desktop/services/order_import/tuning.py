"""The import's tuning: chunk sizes and switches, as a value handed down the pipeline.

:func:`~.preview.preview_import` (and :func:`~.commit.import_orders_file`) take an
:class:`ImportTuning`; the preview carries it, and every later stage reads it from there. Tests
and benches pass their own instead of changing module globals.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["CHUNK", "DEFAULT_TUNING", "ImportTuning"]

#: Orders written per chunk by default; progress and cancellation are checked between chunks.
CHUNK = 5000


@dataclass(frozen=True, slots=True)
class ImportTuning:
    """How an import is cut up and what it does besides writing.

    Attributes:
        chunk: Orders written per chunk (rows read per block of a streamed file); progress and
            cancellation are checked between chunks.
        bulk_index_from: From this many new orders on, the search index's insert trigger is
            replaced by one bulk index statement per range.
        score_risk: Score new orders for fraud risk as they are imported (the risk bench turns
            it off for its in-run baseline).
        preview_errors: Cell errors a preview lists (the rest are counted).
    """

    chunk: int = CHUNK
    bulk_index_from: int = 500
    score_risk: bool = True
    preview_errors: int = 1000


DEFAULT_TUNING = ImportTuning()
