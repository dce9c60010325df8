"""The order-number search index (migration 6): suspend its insert triggers for a bulk write.

A bulk write (an import, the demo) inserts thousands of orders and 1688 orders per statement;
the per-row triggers would compute and index each order's numbers one by one, and re-index a
sales order again for each 1688 order linked to it. :class:`SuspendedNumberIndex` drops the two
insert triggers inside the caller's transaction, indexes whole id ranges with one statement,
and puts the triggers back (a rollback puts them back too).
"""

from __future__ import annotations

import sqlite3

from .fts import fts_config, set_fts_config
from .migrations.m0006_number_search import BULK_SQL, INDEX, INSERT_TRIGGER

__all__ = ["INSERT_TRIGGERS", "SuspendedNumberIndex"]

#: The triggers that index new rows one at a time.
INSERT_TRIGGERS = (INSERT_TRIGGER, "order_number_fts_so_ai")


class SuspendedNumberIndex:
    """Drops the number index's insert triggers until :meth:`restore` (same transaction).

    Only sales orders with ids indexed by :meth:`index_range` are searchable by number; a 1688
    order inserted while suspended must belong to a sales order of an indexed range (or be
    re-indexed by the caller).
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._triggers: list[str] = []
        for name in INSERT_TRIGGERS:
            row = conn.execute(
                "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (name,)
            ).fetchone()
            if row is not None:
                self._triggers.append(str(row[0]))
                conn.execute(f"DROP TRIGGER {name}")
        self._automerge: int | None = None
        if self._triggers:
            # As for the text index (store/bulk_orders): FTS5 would merge segments after each
            # range statement; merge_search_segments catches up after the commit instead.
            self._automerge = fts_config(conn, "automerge", 4, INDEX)
            set_fts_config(conn, "automerge", 0, INDEX)

    def index_range(self, first: int, last: int) -> None:
        """Index the sales orders with ids from *first* to *last* (new ones: not yet indexed)."""
        if self._triggers:
            self._conn.execute(BULK_SQL, (first, last))

    def restore(self) -> None:
        """Recreate the triggers and the index's automatic merging (same transaction)."""
        for sql in self._triggers:
            self._conn.execute(sql)
        self._triggers = []
        if self._automerge is not None:
            set_fts_config(self._conn, "automerge", self._automerge, INDEX)
            self._automerge = None
