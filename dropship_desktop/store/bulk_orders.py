"""Bulk insertion of new sales orders, their lines and their search index.

An import of 100,000 orders spends most of its database time inside SQLite: eleven indexes on
``sales_order``, the line table and the FTS5 trigram index. Python's :mod:`sqlite3` releases the
GIL while a statement runs, so that time can overlap the caller's own Python work (building the
next chunk's rows) if it is spent in a few large statements rather than one ``executemany`` step
per row (each step would have to win the GIL back from the busy caller).

:class:`BulkOrderWriter` does that. Whenever its helper thread is idle, the caller's thread copies
the prepared row tuples queued so far into two small TEMP tables (cheap: no indexes, no
triggers), then the helper runs ``INSERT INTO sales_order … SELECT … FROM temp.…`` for orders and
lines (and, every :data:`INDEX_EVERY` orders, indexes the id range written since for search),
while the caller goes on with the next chunks. The connection is never used by both threads at
once: rows are only staged while the helper is idle. Every statement runs inside the caller's
transaction, so the import stays all or nothing.

``INSERT … SELECT`` from a temp table is also cheaper than the same rows through ``executemany``
(one statement, one cursor per index), so the writer is faster even without the overlap.
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from .daily_summary import BulkSummaries
from .fts import fts_config, set_fts_config
from .number_index import SuspendedNumberIndex

__all__ = [
    "FTS_BULK_SQL",
    "FTS_INSERT_TRIGGER",
    "INDEX_EVERY",
    "LINE_COLUMNS",
    "MAX_QUEUED",
    "ORDER_COLUMNS",
    "RISK_KEY_COLUMNS",
    "RISK_KEY_SQL",
    "BulkOrderWriter",
    "merge_search_segments",
]

#: The columns an import supplies for a new sales order, in tuple order.
ORDER_COLUMNS: tuple[str, ...] = (
    "id",
    "shop_id",
    "shop_order_no",
    "status",
    "buyer_name",
    "buyer_phone",
    "ship_address",
    "sale_fen",
    "quantity",
    "product_summary",
    "profit_fen",
    "carrier",
    "tracking_no",
    "created_at",
    "paid_at",
    "ship_by",
    "flags",
    "remark",
    "updated_at",
    "buyer_hidden",
    "buyer_message",
    "buyer_member",
    "payment_method",
)
#: The columns an import supplies for an order line, in tuple order.
LINE_COLUMNS: tuple[str, ...] = (
    "sales_order_id",
    "title",
    "sku",
    "quantity",
    "unit_price_fen",
    "platform_item_id",
    "platform_sku_id",
    "spec",
)

#: The search index's insert trigger; a bulk write indexes whole id ranges instead.
FTS_INSERT_TRIGGER = "sales_order_fts_ai"
#: Indexes the orders from an id on, as the insert trigger would: the view pads the values.
FTS_BULK_SQL = (
    "INSERT INTO sales_order_fts (rowid, buyer_name, buyer_phone, ship_address, product_summary)"
    " SELECT id, buyer_name, buyer_phone, ship_address, product_summary"
    " FROM sales_order_fts_src WHERE id >= ?"
)
_FTS_RANGE_SQL = FTS_BULK_SQL.replace("WHERE id >= ?", "WHERE id BETWEEN ? AND ?")

#: Orders indexed for search per statement. FTS5 writes a new index segment for every statement
#: that adds to it (and merges segments later), so per-chunk statements would cost far more than
#: a few big ones; its in-memory buffer (migration 2) holds this many orders' terms.
INDEX_EVERY = 25_000
#: Orders queued while the helper is busy before :meth:`BulkOrderWriter.add` waits for it.
MAX_QUEUED = INDEX_EVERY

_FTS_DEFAULT_AUTOMERGE = 4  # FTS5's default
#: Pages of merge work per background step (each its own short write transaction).
_MERGE_STEP_PAGES = 500
#: The FTS5 tables a bulk write fills without automatic merging (merged after the commit).
SEARCH_INDEXES = ("sales_order_fts", "order_number_fts")
#: Page cache of the writing connection during a bulk write, in KiB (SQLite's negative form).
#: Each new order goes into ~17 indexes of a table that is ~1.4 GB at a million orders; with
#: the usual 32 MB cache the insert points of one chunk evict those of the next, and a 100k-row
#: import into 1M orders spends ~2.5x as long in the INSERT. Given back by close().
BULK_CACHE_KIB = 256 * 1024

#: The columns of an order's ``risk_key`` row, in tuple order.
RISK_KEY_COLUMNS = ("at", "order_id", "phone", "address", "name", "buyer", "member", "name_phone")
#: Stores an order's hashed buyer keys for the fraud checks (one row per order; a rescored
#: order's row is replaced).
RISK_KEY_SQL = (
    f"INSERT OR REPLACE INTO risk_key ({', '.join(RISK_KEY_COLUMNS)})"
    f" VALUES ({', '.join('?' * len(RISK_KEY_COLUMNS))})"
)
_ORDER_STAGE = "import_stage_order"
_LINE_STAGE = "import_stage_line"
_KEY_STAGE = "import_stage_key"
_STAGES = (_ORDER_STAGE, _LINE_STAGE, _KEY_STAGE)
_STAGE_SQL = (
    f"CREATE TEMP TABLE IF NOT EXISTS {_ORDER_STAGE} ({', '.join(ORDER_COLUMNS)})",
    f"CREATE TEMP TABLE IF NOT EXISTS {_LINE_STAGE} ({', '.join(LINE_COLUMNS)})",
    f"CREATE TEMP TABLE IF NOT EXISTS {_KEY_STAGE} ({', '.join(RISK_KEY_COLUMNS)})",
    *(f"DELETE FROM temp.{stage}" for stage in _STAGES),
)
_STAGE_ORDER_SQL = f"INSERT INTO temp.{_ORDER_STAGE} VALUES ({', '.join('?' * len(ORDER_COLUMNS))})"
_STAGE_LINE_SQL = f"INSERT INTO temp.{_LINE_STAGE} VALUES ({', '.join('?' * len(LINE_COLUMNS))})"
_STAGE_KEY_SQL = f"INSERT INTO temp.{_KEY_STAGE} VALUES ({', '.join('?' * len(RISK_KEY_COLUMNS))})"
# The keys go in with one statement too: row by row (executemany on the helper), each step
# would wait for the GIL held by the caller's own work (session 11: +2.5 s per 100k orders).
_INSERT_KEYS_SQL = (
    f"INSERT OR REPLACE INTO main.risk_key ({', '.join(RISK_KEY_COLUMNS)})"
    # In key order (time): a block's rows then go into neighbouring pages of the key table
    # (1.5x faster than in file order, into a million rows).
    f" SELECT {', '.join(RISK_KEY_COLUMNS)} FROM temp.{_KEY_STAGE} ORDER BY at, order_id"
)
# Columns an import never sets get their defaults from the table definition.
_INSERT_ORDERS_SQL = (
    f"INSERT INTO main.sales_order ({', '.join(ORDER_COLUMNS)})"
    f" SELECT {', '.join(ORDER_COLUMNS)} FROM temp.{_ORDER_STAGE} ORDER BY rowid"
)
_INSERT_LINES_SQL = (
    f"INSERT INTO main.sales_order_line ({', '.join(LINE_COLUMNS)})"
    f" SELECT {', '.join(LINE_COLUMNS)} FROM temp.{_LINE_STAGE} ORDER BY rowid"
)


class BulkOrderWriter:
    """Writes chunks of new orders and lines, each chunk's heavy SQL on a helper thread.

    Use inside the caller's write transaction::

        writer = BulkOrderWriter(conn, index_in_bulk=True)
        try:
            for orders, lines in chunks:
                writer.add(orders, lines)  # returns while the chunk is still being written
            writer.finish()
        finally:
            writer.close()

    Args:
        conn: The transaction's connection (opened with ``check_same_thread=False``).
        index_in_bulk: Replace the per-row search-index trigger by one statement per chunk
            (worth it from a few hundred orders on). The trigger is restored by
            :meth:`finish`; on failure the transaction's rollback restores it.
    """

    def __init__(self, conn: sqlite3.Connection, *, index_in_bulk: bool) -> None:
        self._conn = conn
        self._pending: Future[None] | None = None
        self._trigger_sql: str | None = None
        self._automerge = _FTS_DEFAULT_AUTOMERGE
        #: First and last id written but not yet indexed for search.
        self._unindexed: tuple[int, int] | None = None
        self._queued_orders: list[tuple[Any, ...]] = []
        self._queued_lines: list[tuple[Any, ...]] = []
        self._queued_keys: list[tuple[Any, ...]] = []
        #: Keys staged, not yet written (they go in with the last rows).
        self._staged_keys = False
        #: Orders and lines handed to :meth:`add` (all written once :meth:`finish` returns).
        self.orders_written = 0
        self.lines_written = 0
        #: The helper had written everything before the last :meth:`add`: the caller is the
        #: slower side (work it can put off costs time now).
        self.helper_waited = True
        for statement in _STAGE_SQL:
            conn.execute(statement)
        # Daily summaries: each block is added in one statement, not by a trigger per row.
        self._summaries = BulkSummaries(conn)
        if index_in_bulk:
            row = conn.execute(
                "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                (FTS_INSERT_TRIGGER,),
            ).fetchone()
            if row is not None:
                self._trigger_sql = str(row[0])
                conn.execute(f"DROP TRIGGER {FTS_INSERT_TRIGGER}")
                # FTS5 merges its segments as each statement adds one; on a big index that is a
                # third of the indexing time. Off while writing (restored by finish, or by the
                # rollback): merge_search_segments catches up after the commit, in the background.
                self._automerge = fts_config(conn, "automerge", _FTS_DEFAULT_AUTOMERGE)
                set_fts_config(conn, "automerge", 0)
        #: The order-number index (migration 6) is written by range like the text index.
        self._numbers = SuspendedNumberIndex(conn) if index_in_bulk else None
        self._cache_size = int(conn.execute("PRAGMA cache_size").fetchone()[0])
        if self._cache_size > -BULK_CACHE_KIB:
            conn.execute(f"PRAGMA cache_size = {-BULK_CACHE_KIB}")
        # After each statement the helper needs the GIL back from the busy caller: the caller
        # that owns the process shortens the switch interval while a writer is open
        # (context.shorten_switch_interval); the store does not change process-wide settings.
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="bulk-orders")

    def add(
        self,
        orders: Sequence[tuple[Any, ...]],
        lines: Sequence[tuple[Any, ...]],
        risk_keys: Sequence[tuple[Any, ...]] = (),
    ) -> None:
        """Queue a chunk; it is written (on the helper thread) as soon as the helper is free.

        Returns at once. While the helper is busy (most of all with a search-index statement,
        several chunks long) chunks queue up here and go to it together, so neither thread
        waits for the other; past :data:`MAX_QUEUED` orders this waits for the helper.

        Args:
            orders: Rows in :data:`ORDER_COLUMNS` order, ids ascending and new.
            lines: Rows in :data:`LINE_COLUMNS` order for those orders.
            risk_keys: ``risk_key`` rows (:data:`RISK_KEY_SQL`) for those orders.

        Raises:
            sqlite3.Error: Writing an earlier chunk failed.
        """
        self._queued_orders.extend(orders)
        self._queued_lines.extend(lines)
        self.queue_keys(risk_keys)
        self.orders_written += len(orders)
        self.lines_written += len(lines)
        pending = self._pending
        busy = pending is not None and not pending.done()
        self.helper_waited = not busy
        if busy and len(self._queued_orders) < MAX_QUEUED:
            return
        self.wait()
        self._submit()

    def queue_keys(self, risk_keys: Sequence[tuple[Any, ...]]) -> None:
        """Queue ``risk_key`` rows (:data:`RISK_KEY_SQL`) of orders already added; they go to
        the helper with the next rows (or the last flush)."""
        self._queued_keys.extend(risk_keys)

    def poll(self) -> None:
        """Hand the queued rows to the helper if it is idle (call between steps of work).

        Raises:
            sqlite3.Error: Writing an earlier chunk failed.
        """
        pending = self._pending
        if self._queued_orders and (pending is None or pending.done()):
            self.wait()
            self._submit()

    def flush(self, then: Sequence[tuple[str, tuple[Any, ...]]] = ()) -> None:
        """Hand everything queued to the helper, with the search indexing of the rest; returns
        once the helper has it (work not needing the connection can go on meanwhile: the
        caller must not use the connection before :meth:`finish`).

        Args:
            then: Statements (SQL, parameters) for the helper to run after the rows.

        Raises:
            sqlite3.Error: Writing an earlier chunk failed.
        """
        self.wait()
        self._submit(last=True)
        if then:
            self._pending = self._executor.submit(self._run_after, self._pending, then)

    def flush_if_free(self, then: Sequence[tuple[str, tuple[Any, ...]]] = ()) -> bool:
        """:meth:`flush` if the helper is idle now (call between steps of other work once no
        more rows come); returns whether it did. A later :meth:`flush` has nothing left to do.

        Raises:
            sqlite3.Error: Writing an earlier chunk failed.
        """
        pending = self._pending
        if pending is not None and not pending.done():
            return False
        self.flush(then)
        return True

    def _run_after(
        self, before: Future[None] | None, statements: Sequence[tuple[str, tuple[Any, ...]]]
    ) -> None:
        if before is not None:
            before.result()  # the executor has one thread: it ran first; its error first
        for sql, params in statements:
            self._conn.execute(sql, params)

    def _submit(self, *, last: bool = False) -> None:
        """Stage the queued rows and start the helper on them (the helper must be idle).

        Args:
            last: No more rows come: the helper also indexes what is left for search.
        """
        orders, lines, keys = self._queued_orders, self._queued_lines, self._queued_keys
        self._queued_orders, self._queued_lines, self._queued_keys = [], [], []
        if orders or lines or keys:
            # Emptied here rather than by the helper: every statement the helper runs costs
            # it a wait for the GIL afterwards. The keys' stage collects them all (the helper
            # empties it once it has written them).
            for stage in (_ORDER_STAGE, _LINE_STAGE):
                self._conn.execute(f"DELETE FROM temp.{stage}")
            self._conn.executemany(_STAGE_ORDER_SQL, orders)
            self._conn.executemany(_STAGE_LINE_SQL, lines)
            self._conn.executemany(_STAGE_KEY_SQL, keys)
            self._staged_keys |= bool(keys)
        index_range = None
        if orders and (self._trigger_sql is not None or self._numbers is not None):
            first = orders[0][0] if self._unindexed is None else self._unindexed[0]
            self._unindexed = (first, orders[-1][0])
            if self._unindexed[1] - first + 1 >= INDEX_EVERY:
                index_range, self._unindexed = self._unindexed, None
        if last and self._unindexed is not None:
            index_range, self._unindexed = self._unindexed, None
        # The keys go in with the last rows, in one statement (in ten, one per chunk handed
        # over, the same rows took the helper 1.7x as long).
        risk_keys = last and self._staged_keys
        if risk_keys:
            self._staged_keys = False
        if orders or lines or risk_keys or index_range is not None:
            self._pending = self._executor.submit(
                self._write, bool(orders or lines), index_range, risk_keys
            )

    def wait(self) -> None:
        """Block until the chunk being written is in; re-raise what went wrong writing it."""
        pending, self._pending = self._pending, None
        if pending is not None:
            pending.result()

    def finish(self) -> None:
        """Write what is queued, restore the index trigger and drop the staging tables."""
        self.flush()
        self.wait()
        if self._numbers is not None:
            self._numbers.restore()
            self._numbers = None
        self._summaries.restore()
        if self._trigger_sql is not None:
            self._conn.execute(self._trigger_sql)
            self._trigger_sql = None
            set_fts_config(self._conn, "automerge", self._automerge)
        for stage in _STAGES:
            self._conn.execute(f"DROP TABLE IF EXISTS temp.{stage}")

    def close(self) -> None:
        """Stop the helper thread (after its statement ends); call in ``finally``.

        After a failure the caller rolls the transaction back, which also brings the trigger
        back and removes the staging tables; a statement still running must end first.
        """
        pending, self._pending = self._pending, None
        try:
            if pending is not None:
                # The caller is already handling the error that brought it here.
                with contextlib.suppress(Exception):
                    pending.result()
        finally:
            # Even on a second Ctrl-C: the helper's statement must end before the rollback.
            self._executor.shutdown(wait=True)
            self._conn.execute(f"PRAGMA cache_size = {self._cache_size}")

    def _write(self, rows: bool, index_range: tuple[int, int] | None, risk_keys: bool) -> None:
        conn = self._conn
        if rows:
            conn.execute(_INSERT_ORDERS_SQL)
            conn.execute(_INSERT_LINES_SQL)
            self._summaries.add_orders(f"SELECT id FROM temp.{_ORDER_STAGE}")
        if risk_keys:
            conn.execute(_INSERT_KEYS_SQL)
            conn.execute(f"DELETE FROM temp.{_KEY_STAGE}")
        if index_range is not None:
            self._index(index_range)

    def _index(self, id_range: tuple[int, int]) -> None:
        if self._trigger_sql is not None:
            self._conn.execute(_FTS_RANGE_SQL, id_range)
        if self._numbers is not None:
            self._numbers.index_range(*id_range)


def merge_search_segments(conn: sqlite3.Connection, budget_s: float = 10.0) -> None:
    """Merge the search-index segments a bulk write left behind, a step at a time.

    Both full-text indexes (the text index and the order-number index) are merged. Run on its
    own connection after the bulk write committed (see ``store/db``'s background maintenance).
    Each step is a short write transaction, so the app's own writes wait at most one step; a
    step that changes (almost) nothing means nothing is left to merge in that index.
    """
    deadline = time.monotonic() + budget_s
    tables = [
        name
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name IN (?, ?)",
            SEARCH_INDEXES,
        )
    ]
    for table in tables:
        while time.monotonic() < deadline:
            before = conn.total_changes
            with conn:
                conn.execute(
                    f"INSERT INTO {table} ({table}, rank) VALUES ('merge', ?)",
                    (_MERGE_STEP_PAGES,),
                )
            if conn.total_changes - before < 2:  # FTS5's sign of a merge with nothing to do
                break
