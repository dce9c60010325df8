"""The fraud checks' key filters: one-hash Bloom filters of buyer keys kept in ``risk_bits``.

Two filters tell a scoring batch which of its keys need looking up at all: "seen" (keys of every
order scored so far, 2^26 bits) and "events" (keys with refunds, disputes or complaints, 2^22
bits). Each is stored as 4 KiB chunks (``chunk`` 0, 1, …).

A big import sets a few bits in every chunk: saving the chunks would rewrite the whole 8 MiB
filter (about 9 MB of WAL, 50 ms of the import's writing and 35 ms of its commit at a
million orders). Such a save in a bulk write (an import: ``store/db.deferred_checkpoint``)
stores a **delta** instead: the positions of the bits set since
the filter was read, as 32-bit integers in one row (``name`` + ``"+"``, ``chunk`` = its number;
about 1 MB for 100,000 orders). Whoever reads the filter adds the deltas in (a batch that finds
any reads the whole filter); :func:`merge_filter_deltas` folds them into the chunks in a
transaction of its own, which the background maintenance after a big write runs
(:data:`~dropship_desktop.store.db.MAINTENANCE_TASKS`). Until it has, the filter is exact
either way: a delta is stored in the same transaction as the keys it holds. Other big saves (a
rescore of every order, the backfill's parts) store their chunks: no maintenance follows them,
and deltas left to pile up would be added in again by every later whole read (the demo's full
rescore left ~2M positions: 0.4 s of each import's scoring until an import's maintenance ran).
"""

from __future__ import annotations

import json
import sqlite3
import sys
from array import array
from collections.abc import Iterable
from typing import Any

from ..store import db as _db

__all__ = ["FILTER_BITS", "Bits", "merge_filter_deltas"]

#: Filter name → its size in bits.
FILTER_BITS: dict[str, int] = {
    "seen": 1 << 26,  # 8 MiB: ~4 % false "seen" at 3M keys (only costs a look-up)
    "events": 1 << 22,  # 512 KiB: events are few
}

_DELTA = "+"  # a delta row's name: the filter's name and this
assert array("I").itemsize == 4  # a delta's positions are stored as 32-bit integers


class Bits:
    """A one-hash Bloom filter of key hashes kept in ``risk_bits`` as 4 KiB chunks and deltas.

    A small batch reads and writes the chunks it touches; a big one reads them all at once.
    "Maybe seen" for a key never seen happens for a fraction of keys (~4 % at a million
    orders × three keys in 2^26 bits); those are only looked up for nothing.
    """

    CHUNK_BYTES = 4096
    #: A save stores a delta instead of its chunks when the chunks are at least this many
    #: bytes and the delta at most a quarter of them (a small batch's few chunks never do).
    DELTA_FROM_BYTES = 1 << 20

    def __init__(self, conn: Any, name: str, bits: int) -> None:
        self.conn = conn
        self.name = name
        self.mask = bits - 1
        self.data = bytearray(bits // 8)
        self._loaded: set[int] | None = set()  # None: every chunk loaded
        self._deltas_checked = False
        self._dirty: set[int] = set()
        #: Positions set since the last save (a delta's content).
        self._added: list[int] = []

    def load_all(self, reads: Any = None) -> None:
        """Read every chunk, then add the deltas in (through *reads*, a connection that sees
        the same data, if given)."""
        if self._loaded is None:
            return
        conn = self.conn if reads is None else reads
        size = self.CHUNK_BYTES
        for chunk, data in conn.execute(
            "SELECT chunk, bits FROM risk_bits WHERE name = ?", (self.name,)
        ):
            index = int(chunk)
            if index not in self._loaded and len(data) == size:
                self.data[index * size : (index + 1) * size] = data
        self._loaded = None
        self._deltas_checked = True
        data, mask = self.data, self.mask
        for (blob,) in conn.execute(
            "SELECT bits FROM risk_bits WHERE name = ?", (self.name + _DELTA,)
        ):
            positions = array("I")
            positions.frombytes(blob[: len(blob) - len(blob) % 4])
            if sys.byteorder != "little":
                positions.byteswap()
            for bit in positions:
                bit &= mask  # (a damaged row sets wrong bits, never fails)
                data[bit >> 3] |= 1 << (bit & 7)

    def _ensure(self, byte: int) -> None:
        loaded = self._loaded
        if loaded is None:
            return
        if not self._deltas_checked:
            self._deltas_checked = True
            if self.conn.execute(
                "SELECT 1 FROM risk_bits WHERE name = ? LIMIT 1", (self.name + _DELTA,)
            ).fetchone():
                # Deltas cover every chunk: read the whole filter (until they are merged).
                self.load_all()
                return
        index = byte // self.CHUNK_BYTES
        if index not in loaded:
            loaded.add(index)
            row = self.conn.execute(
                "SELECT bits FROM risk_bits WHERE name = ? AND chunk = ?", (self.name, index)
            ).fetchone()
            if row is not None and len(row[0]) == self.CHUNK_BYTES:
                start = index * self.CHUNK_BYTES
                self.data[start : start + self.CHUNK_BYTES] = row[0]

    def test_and_set_many(self, keys: Iterable[int]) -> set[int]:
        """Set the bits of *keys*; return those whose bits were all set already ("maybe seen")."""
        data, mask = self.data, self.mask
        if not isinstance(keys, (list, tuple, set, frozenset)):
            keys = list(keys)
        if self._loaded is not None:  # chunks read as they are needed
            for key in keys:
                self._ensure((key & mask) >> 3)
        seen: set[int] = set()
        added = self._added
        start = len(added)
        for key in keys:
            bit = key & mask
            index = bit >> 3
            flag = 1 << (bit & 7)
            value = data[index]
            if value & flag:
                seen.add(key)
            else:
                data[index] = value | flag
                added.append(bit)
        # Chunks (4 KiB: bit >> 15) to store.
        self._dirty.update({bit >> 15 for bit in added[start:]})
        return seen

    def test_many(self, keys: Iterable[int]) -> set[int]:
        data, mask = self.data, self.mask
        lazy = self._loaded is not None
        found: set[int] = set()
        for key in keys:
            bit = key & mask
            if lazy:
                self._ensure(bit >> 3)
            if data[bit >> 3] & (1 << (bit & 7)):
                found.add(key)
        return found

    def save(self) -> None:
        statement = self.take_save()
        if statement is not None:
            self.conn.execute(*statement)

    def take_save(self) -> tuple[str, tuple[Any, ...]] | None:
        """The statement that stores what changed, as of now (the changed chunks, or — in a
        bulk write, which the background maintenance follows — a delta when that is much
        smaller); it counts as saved. None when nothing changed."""
        if not self._dirty:
            return None
        chunk_bytes = len(self._dirty) * self.CHUNK_BYTES
        added, self._added = self._added, []
        if (
            chunk_bytes >= self.DELTA_FROM_BYTES
            and len(added) * 4 * 4 <= chunk_bytes
            # Only where the background maintenance folds it in soon: every whole read of the
            # filter adds the deltas in again (~0.2 s per million positions), and a rescore or
            # backfill in parts would pile them up.
            and _db.in_bulk_write()
        ):
            self._dirty.clear()
            positions = array("I", added)
            if sys.byteorder != "little":
                positions.byteswap()
            return (
                "INSERT INTO risk_bits (name, chunk, bits) SELECT ?1,"
                " coalesce(max(chunk), -1) + 1, ?2 FROM risk_bits WHERE name = ?1",
                (self.name + _DELTA, positions.tobytes()),
            )
        return self._take_chunks()

    def _take_chunks(self) -> tuple[str, tuple[Any, ...]]:
        dirty = sorted(self._dirty)
        self._dirty.clear()
        size, data = self.CHUNK_BYTES, self.data
        # The changed chunks one after the other; json_each's key is a chunk's place in it.
        blob = b"".join(data[i * size : (i + 1) * size] for i in dirty)
        return (
            "INSERT OR REPLACE INTO risk_bits (name, chunk, bits)"
            f" SELECT ?, value, substr(?, key * {size} + 1, {size}) FROM json_each(?)",
            (self.name, blob, json.dumps(dirty)),
        )

    def merge_deltas(self) -> None:
        """Fold the stored deltas into the chunks and delete them (inside the caller's write
        transaction). Nothing else of this filter may be unsaved."""
        self.load_all()
        self._dirty = set(range(len(self.data) // self.CHUNK_BYTES))  # (deltas touch most)
        self.conn.execute(*self._take_chunks())
        self._added = []
        self.conn.execute("DELETE FROM risk_bits WHERE name = ?", (self.name + _DELTA,))


def merge_filter_deltas(conn: sqlite3.Connection) -> None:
    """Fold every filter's deltas into its chunks, in a write transaction of its own (run by
    the background maintenance after a big write; *conn* is in autocommit mode)."""

    def with_deltas() -> list[str]:
        return [
            name
            for name in FILTER_BITS
            if conn.execute(
                "SELECT 1 FROM risk_bits WHERE name = ? LIMIT 1", (name + _DELTA,)
            ).fetchone()
        ]

    if not with_deltas():  # (without taking the write lock)
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        for name in with_deltas():  # again: another connection may have merged meanwhile
            Bits(conn, name, FILTER_BITS[name]).merge_deltas()
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


_db.MAINTENANCE_TASKS.append(merge_filter_deltas)
