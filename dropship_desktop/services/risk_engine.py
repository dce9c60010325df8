"""Scoring orders for fraud risk, cheaply enough to run inside every import.

The domain (``domain/risk``) judges facts; this module gathers them for a batch of orders and
writes the result (``sales_order.risk_level`` / ``risk_rules``) inside the caller's transaction.
Buyer keys, the context and the filters live in :mod:`.risk_keys`.

Cost at import scale (100k new orders into a million) is what shapes it:

* An import block's salted buyer keys are computed column-wise after the block went to the
  bulk writer (:meth:`RiskBatch.add_rows`, on the import thread while the writer's helper
  runs SQL; while the helper writes faster than blocks come, they wait for it to have a
  backlog). A big import's ``risk_key`` rows are written after its commit
  (:mod:`.risk_pending`; scoring on the transaction's connection adds them from memory
  until then), a smaller one's go to the writer with the last rows. Everything else waits
  until the import thread has no more blocks to read (the helper still has some to write):
  :meth:`RiskBatch.catch_up` makes the single-order rules of the new orders column-wise
  (a few blocks at a time) and, for a big batch, runs their keys through the filters: the
  **seen-keys filter** (``risk_bits`` "seen", 2^26 bits) says which keys were never seen
  before, the event filter which may have history. Only phone, address and member keys are
  filtered: a buyer key (name+address) is a candidate exactly when its address is (every
  order with the buyer key has the address key too).
* Cross-order rules need other orders: one scan of the look-back window in ``risk_key``
  (clustered by time) keeps the rows on a candidate key (seen before, or repeated in the
  batch); history is looked up by key in ``risk_event`` for the keys the event filter names.
  A big import runs this as :meth:`RiskBatch.prepare` through a second connection while the
  helper writes and indexes the last blocks (that connection sees the database as it was
  before the import; the batch's own rows join from memory), handing the writer work
  between steps, and :meth:`RiskBatch.finish` only writes; otherwise :meth:`finish` does both
  in the transaction. The filters are :mod:`.risk_bits`.
* Only orders whose level or rules changed are written.

Orders that share a key with the batch and sit in the window get their window rules
recomputed too (a fourth order to one address flags the first three as well).
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from itertools import chain, repeat
from typing import Any

from ..domain.buyer_info import static_codes
from ..domain.risk import (
    RULES,
    BuyerHistory,
    Hit,
    WindowCounts,
    context_hits,
    decode_hits,
    score,
)
from ..domain.risk_windows import window_counts
from ..store.bulk_orders import RISK_KEY_SQL
from .risk_keys import (
    BLACKLIST_KINDS,
    RiskContext,
    blacklist_digest,
    blacklist_matches,
    column_keys,
    internal_keys,
    load_context,
    load_settings,
    order_values,
    scored_receiver,
)
from .risk_pending import pending_matches, pending_window_rows

# The keys and the context are defined in risk_keys; the names the risk services use from
# here are listed too.
__all__ = [
    "BLACKLIST_KINDS",
    "WINDOW_RULES",
    "RiskBatch",
    "RiskContext",
    "blacklist_digest",
    "internal_keys",
    "load_context",
    "load_settings",
    "order_values",
    "score_order_ids",
]

WINDOW_RULES = frozenset({"phone_many_names", "address_many_names", "buyer_many_phones",
                          "address_burst"})  # fmt: skip

# Prepared order: (id, at, shop_id, product, quantity, sale_fen, static, keys, old_rules)
# keys: (phone, address, name, buyer, member, name_phone)
_Prepared = tuple[
    int, int, int, str, int, int, str, tuple[int, int, int, int, int, int], str | None
]


#: From this many orders in the first :meth:`RiskBatch.add_rows` call on, the batch's keys are
#: tested against the whole filters in memory (a big import; small batches wait for finish),
#: :data:`PRETEST_PART` orders between two calls of :meth:`RiskBatch.catch_up`'s ``between``.
PRETEST_BLOCK, PRETEST_PART = 1000, 10_000


class RiskBatch:
    """Collects orders to score, then scores them in one go (:meth:`finish`).

    Usage, inside the caller's write transaction::

        batch = RiskBatch(conn)
        for ...: batch.add(order_id, created_at, shop_id, product, qty, sale, name, phone,
                           address, member, payment, remark)
        batch.finish()
    """

    def __init__(self, conn: Any, ctx: RiskContext | None = None) -> None:
        self.conn = conn
        self.ctx = ctx if ctx is not None else load_context(conn)
        self._orders: list[_Prepared] = []
        self._values: dict[int, tuple[str, str, str, str]] = {}
        #: Ids whose level or rules changed (after :meth:`finish`).
        self.changed: set[int] = set()
        #: add_rows blocks whose own checks wait for catch_up: (index of the first order,
        #: names, phones, addresses, amounts, payment methods, buyer messages).
        self._unchecked: list[tuple[Any, ...]] = []
        #: The batch began with a big block: catch_up runs its keys through the filters.
        self._big = False
        #: Leading orders whose keys went through the filters already.
        self._pretested = 0
        #: Keys of those orders seen before (or repeated): the window candidates so far.
        self._candidates: set[int] = set()
        #: Keys of those orders that may have history events.
        self._event_keys: set[int] = set()
        #: Leading orders whose ``risk_key`` rows the caller took to write (take_key_rows).
        self._keys_taken = 0
        #: Leading orders counted into the shop norms totals so far, and the totals.
        self._normed = 0
        self._norm_totals: dict[tuple[int, str], list[int]] = {}
        #: Where other orders are read from (:meth:`prepare` reads through a second connection).
        self._reads: Any = conn
        #: An order scored before was added (its stored rules are compared, not only new ones).
        self._rescoring = False
        #: What :meth:`prepare` found to write.
        self._updates: list[tuple[int, str, int]] | None = None

    def __len__(self) -> int:
        return len(self._orders)

    def add(
        self,
        order_id: int,
        at: int,
        shop_id: int,
        product: str,
        quantity: int,
        sale_fen: int,
        name: str,
        phone: str,
        address: str,
        member: str = "",
        payment: str = "",
        remark: str = "",
        old_rules: str | None = None,
        removed: bool = False,
    ) -> None:
        """Prepare one order: its own rules and its keys (cheap; the rest waits for finish)."""
        ctx = self.ctx
        if removed:
            static = ctx.checker.check("*", "*", "*", 0, payment, remark)
            keys = (0, 0, 0, 0, 0, 0)
        else:
            static = ctx.checker.check(name, phone, address, sale_fen, payment, remark)
            keys = internal_keys(order_values(name, phone, address, member), ctx.seeds)
            if ctx.partners:
                self._values[order_id] = (name, phone, address, member)
        self._orders.append(
            (order_id, at, shop_id, product, quantity, sale_fen, static, keys, old_rules)
        )
        if old_rules is not None:
            self._rescoring = True

    def add_rows(self, rows: Sequence[tuple[Any, ...]], reads: Any = None) -> None:
        """Add many new orders at once (the import's path): only their keys are made now
        (column-wise, mostly C); their own checks wait for :meth:`catch_up`.

        Args:
            rows: (id, created_at, shop_id, product, quantity, sale_fen, name, phone, address,
                member, payment, buyer message) of orders never scored.
            reads: Where a big batch's first call loads the filters: a second connection that
                sees the database as the transaction does (while the caller's bulk writer
                uses the transaction's), or ``None`` for the transaction's own connection.
        """
        if not rows:
            return
        ctx = self.ctx
        (ids, ats, shops, products, qtys, sales, names, phones, addresses, members, payments,
         messages) = zip(*rows, strict=True)  # fmt: skip
        keys = column_keys(names, phones, addresses, ctx.seeds, members)
        if ctx.partners:
            for order_id, name, phone, address, member in zip(
                ids, names, phones, addresses, members, strict=True
            ):
                self._values[order_id] = (name, phone, address, member)
        big = len(rows) >= PRETEST_BLOCK and ctx.seen is not None and ctx.events is not None
        if big and not self._orders:
            self._big = True
            # The whole filters at once, now: afterwards the batch's keys are tested in memory
            # (no statement on the transaction's connection beside the writer's).
            ctx.seen.load_all(reads)
            ctx.events.load_all(reads)
        self._unchecked.append((len(self._orders), names, phones, addresses, sales, payments,
                                messages))  # fmt: skip
        self._orders.extend(
            zip(ids, ats, shops, products, qtys, sales, repeat(""), keys, repeat(None))
        )

    def catch_up(self, between: Callable[[], None] = lambda: None) -> None:
        """The own checks of the orders :meth:`add_rows` added (one column-wise pass) and, for
        a big batch, their keys through the seen and history filters (memory only) and into
        the shop norms. An import calls it while its writer still has blocks to write;
        *between* is called between the steps (the import hands its writer queued blocks)."""
        while self._unchecked:  # blocks of about PRETEST_PART orders at a time
            taken = count = 0
            while taken < len(self._unchecked) and count < PRETEST_PART:
                count += len(self._unchecked[taken][1])
                taken += 1
            blocks, self._unchecked = self._unchecked[:taken], self._unchecked[taken:]
            columns = [list(chain.from_iterable(b[i] for b in blocks)) for i in range(1, 7)]
            codes = static_codes(self.ctx.checker, *columns)
            orders = self._orders
            places = chain.from_iterable(range(b[0], b[0] + len(b[1])) for b in blocks)
            for place, code in zip(places, codes, strict=True):
                if code:
                    o = orders[place]
                    orders[place] = (*o[:6], code, *o[7:])  # type: ignore[assignment]
            between()
        while self._big and self._pretested < len(self._orders):
            between()
            end = min(len(self._orders), self._pretested + PRETEST_PART)
            self._pretest([o[7] for o in self._orders[self._pretested : end]])
            self._pretested = end
        if self._big:
            self._count_norms()  # (nothing to do when no order came since)

    def _pretest(self, keys: Sequence[tuple[int, ...]]) -> None:
        """Run keys through the seen and history filters (in memory: loaded by add_rows)."""
        seen, events = self.ctx.seen, self.ctx.events
        assert seen is not None and events is not None
        # Phone, address and member keys (a buyer key, name+address, is a candidate when its
        # address is). A key repeated in the batch is "seen" at its second occurrence.
        block = [k for key in keys for k in (key[0], key[1], key[4]) if k]
        self._candidates |= seen.test_and_set_many(block)
        self._event_keys |= events.test_many(block)

    def take_key_rows(self) -> list[tuple[int, ...]]:
        """The ``risk_key`` rows of the orders added since the last call, for the caller to
        write (e.g. on the bulk writer's helper thread); :meth:`finish` then skips them."""
        rows = [(o[1], o[0], *o[7]) for o in self._orders[self._keys_taken :]]
        self._keys_taken = len(self._orders)
        return rows

    def _count_norms(self) -> None:
        """Add the not yet counted new orders to the shop norms' totals."""
        totals = self._norm_totals
        for o in self._orders[self._normed :]:
            if o[8] is not None:
                continue  # scored before: already counted
            entry = totals.get((o[2], o[3]))
            if entry is None:
                totals[(o[2], o[3])] = [1, o[4], o[5]]
            else:
                entry[0] += 1
                entry[1] += o[4]
                entry[2] += o[5]
        self._normed = len(self._orders)

    # -- the batch ---------------------------------------------------------------------------

    def can_prepare(self) -> bool:
        """Whether :meth:`prepare` may run: new orders only, their keys taken by the caller,
        the filters in memory (a big import's blocks, :meth:`add_rows`)."""
        return self._big and self._keys_taken == len(self._orders) and not self._rescoring

    def take_filter_save(self) -> list[tuple[str, tuple[Any, ...]]]:
        """The statements that store the seen-keys filter as it is now, for the caller to run
        (e.g. on the bulk writer's helper thread); :meth:`finish` then stores only what
        changes after this call. The batch's keys are in it (:meth:`catch_up` runs first)."""
        self.catch_up()
        seen = self.ctx.seen
        statement = seen.take_save() if seen is not None else None
        return [statement] if statement is not None else []

    def prepare(self, reads: Any, between: Callable[[], None] = lambda: None) -> None:
        """Score the batch reading other orders through *reads*, without writing anything.

        For a big import: *reads* is a second connection, which sees the database as it was
        before the import's transaction, so this may run while the bulk writer's helper
        writes the last blocks on the transaction's connection (the batch's own rows, not
        visible there, join from memory); *between* is called between the steps (the import
        hands its writer the last blocks). :meth:`finish` then only writes what changed.
        Only when :meth:`can_prepare`.
        """
        if not self.can_prepare():
            raise ValueError("prepare() is for new orders added block by block")
        self._reads = reads
        try:
            self._updates = self._score(update_norms=True, between=between)
        finally:
            self._reads = self.conn

    def finish(self, *, update_norms: bool = True) -> set[int]:
        """Score the batch (and window neighbours); write what changed. Returns changed ids."""
        if not self._orders:
            return set()
        conn, ctx = self.conn, self.ctx
        updates = self._updates
        if updates is None:
            # The batch's own rows join the window scan from memory; stored afterwards.
            updates = self._score(update_norms=update_norms)
        elif self._keys_taken != len(self._orders):
            raise ValueError("orders were added after prepare()")
        if updates:
            conn.executemany(
                "UPDATE sales_order SET risk_level = ?, risk_rules = ? WHERE id = ?", updates
            )
        self.changed = {u[2] for u in updates}
        if update_norms:
            self._update_norms()
        if ctx.seen is not None:
            ctx.seen.save()
        return self.changed

    def _score(
        self, *, update_norms: bool, between: Callable[[], None] = lambda: None
    ) -> list[tuple[int, str, int]]:
        """The (level, rules, id) of every batch order or neighbour whose risk changed."""
        self.catch_up(between)
        orders = self._orders
        settings = self.ctx.settings
        # The window scan first (the batch's own rows join it from memory), then the keys.
        # Keyed by (creation time, id): a rescored order (its creation time never changes)
        # replaces its row.
        window = self._windows(orders, between)
        if self._reads is self.conn:
            # Stored before the history (a buyer's order count includes the batch) unless the
            # caller's bulk writer took them already.
            self.conn.executemany(RISK_KEY_SQL, self.take_key_rows())
        history = self._history(orders, between)
        between()
        # A rescore reads the stored norms as they are; a new batch counts itself in, so the
        # first import of a shop's orders already finds the one far above the rest.
        norms = self._norms(orders, with_batch=update_norms)
        disputes = self._disputes(orders)
        between()
        updates: list[tuple[int, str, int]] = []
        empty_w, empty_h = WindowCounts(), BuyerHistory()
        black_of = blacklist_matches(self.ctx, orders, self._values)
        factor = settings.norm_factor
        # Per (shop, product): the quantity and the amount from which an order is far above
        # the norm (the rule may fire); below both, the norm does not matter.
        limits = {
            pair: (max(factor, factor * qty), max(factor * amount, 20_000))
            for pair, (qty, amount) in norms.items()
        }
        special = window.keys() | history.keys() | disputes.keys() | black_of.keys()
        # Most orders: not far from their norm, no rule of their own, nothing found for them,
        # not scored before. (far: past the norm's limit.)
        judged = [
            (o, far) for o in orders
            if (far := (lim := limits.get((o[2], o[3]))) is not None
                and (o[4] >= lim[0] or o[5] >= lim[1]))
            or o[6] or o[8] or o[0] in special
        ]  # fmt: skip
        for o, far in judged:
            order_id = o[0]
            w = window.get(order_id)
            h = history.get(order_id)
            due = disputes.get(order_id)
            black = black_of.get(order_id, "")
            norm = norms[(o[2], o[3])] if far else None
            if w is None and h is None and due is None and not black and norm is None and not o[6]:
                if o[8]:
                    updates.append((0, "", order_id))
                continue
            w = w or empty_w
            h = h or empty_h
            if norm is not None or black or due is not None:
                h = BuyerHistory(
                    h.orders, h.refunds, h.refund_only, h.disputes, h.complaints,
                    due,
                    black,
                    norm[0] if norm else 0.0,
                    norm[1] if norm else 0.0,
                )  # fmt: skip
            hits = [Hit(r, v) for r, _, v in (p.partition("=") for p in o[6].split(";") if p)]
            hits.extend(context_hits(_FactsQty(o[4], o[5]), w, h, settings))
            result = score(hits)
            encoded = result.encoded
            # A new order (no stored rules) was inserted with level 0 and no rules.
            if encoded != (o[8] or ""):
                updates.append((int(result.level), encoded, order_id))
        updates.extend(self._neighbours)
        return updates

    # -- window rules ------------------------------------------------------------------------

    _neighbours: list[tuple[int, str, int]]

    def _windows(
        self, orders: Sequence[_Prepared], between: Callable[[], None]
    ) -> dict[int, WindowCounts]:
        """Window counts for the batch; also recomputes neighbours' window rules."""
        self._neighbours = []
        ctx, settings = self.ctx, self.ctx.settings
        seen = ctx.seen
        rest = orders[self._pretested :]
        if seen is not None and len(rest) > 2000:
            seen.load_all()
        # Keys compared across orders: phone, address, member (and buyer, name+address, which
        # is a candidate with its address: see _pretest).
        keys = [k for o in rest for k in (o[7][0], o[7][1], o[7][4]) if k]
        unique = set(keys)
        # The pretested orders' candidates; a key of theirs repeated below is set already.
        candidates: set[int] = set(self._candidates)
        if len(unique) < len(keys):  # repeats inside the batch
            counts: dict[int, int] = {}
            for key in keys:
                counts[key] = counts.get(key, 0) + 1
            candidates.update(k for k, c in counts.items() if c > 1)
        if seen is None:
            candidates |= unique
        else:
            candidates |= seen.test_and_set_many(unique)
        if not candidates:
            between()
            return {}
        span = max(settings.window_days * 86400, settings.burst_hours * 3600)
        ats = [o[1] for o in orders]
        low, high = min(ats) - span, max(ats) + span
        # One scan of the window (time-clustered: a range), keeping rows on a candidate key.
        # The candidates go in as one JSON array (the reading connection may be read-only).
        rows = self._reads.execute(
            "WITH c(key) AS MATERIALIZED (SELECT value FROM json_each(?))"
            " SELECT k.at, k.order_id, k.phone, k.address, k.name, k.buyer, k.member,"
            " o.risk_rules FROM risk_key k JOIN sales_order o ON o.id = k.order_id"
            " WHERE k.at BETWEEN ? AND ? AND (k.phone IN c OR k.address IN c OR k.member IN c)",
            (json.dumps(sorted(candidates)), low, high),
        ).fetchall()
        if self._reads is self.conn:  # (a big import's keys may not be stored yet)
            rows.extend(pending_window_rows(self.conn, candidates, low, high))
        between()
        # The batch itself is not in the table yet (scanned before it is written): its rows on
        # a candidate key come from memory; stored rows of orders being rescored are dropped.
        batch_ids = {o[0] for o in orders}
        rows = [r for r in rows if r[1] not in batch_ids]
        for o in orders:
            k = o[7]
            if k[0] in candidates or k[1] in candidates or k[4] in candidates:
                rows.append((o[1], o[0], k[0], k[1], k[2], k[3], k[4], o[8] or ""))
        if len(rows) < 2:
            return {}
        counts = window_counts(rows, candidates, settings)
        result: dict[int, WindowCounts] = {}
        for order_id, c in counts.items():
            if order_id in batch_ids:
                result[order_id] = c
        # Neighbours: their window rules may change; their other rules stay as stored.
        stored = {r[1]: r[7] for r in rows if r[1] not in batch_ids}
        for order_id, old in stored.items():
            # Counts only grow as orders are added, and only the candidate keys were
            # recounted: keep the larger of the stored and the new value of each window rule.
            merged = {h.rule: h for h in decode_hits(old)}
            c = counts.get(order_id, WindowCounts())
            for hit in context_hits(_FactsQty(0, 0), c, BuyerHistory(), settings):
                if hit.rule in WINDOW_RULES:
                    prev = merged.get(hit.rule)
                    if prev is None or _int(hit.value) > _int(prev.value):
                        merged[hit.rule] = hit
            result_hits = score(merged.values())
            if result_hits.encoded != old:
                self._neighbours.append((int(result_hits.level), result_hits.encoded, order_id))
        return result

    # -- history -----------------------------------------------------------------------------

    def _history(
        self, orders: Sequence[_Prepared], between: Callable[[], None]
    ) -> dict[int, BuyerHistory]:
        """Refunds, disputes and complaints of other orders sharing a phone, address or member
        (*between* is called before the look-ups)."""
        events = self.ctx.events
        rest = orders[self._pretested :]
        if events is not None and len(rest) > 2000:
            events.load_all()
        if events is not None:
            # Only keys that may have events are looked up (pretested ones: found already).
            maybe = self._event_keys | events.test_many(
                {k for o in rest for k in (o[7][0], o[7][1], o[7][4]) if k}
            )
            wanted: dict[str, set[int]] = {
                "phone": {o[7][0] for o in orders if o[7][0] in maybe},
                "address": {o[7][1] for o in orders if o[7][1] in maybe},
                "member": {o[7][4] for o in orders if o[7][4] in maybe},
            }
        else:
            wanted = {
                "phone": {o[7][0] for o in orders} - {0},
                "address": {o[7][1] for o in orders} - {0},
                "member": {o[7][4] for o in orders} - {0},
            }
        if not any(wanted.values()):
            return {}
        between()
        # (column, key) → [(order_id, kind)]
        found: dict[tuple[str, int], list[tuple[int, str]]] = defaultdict(list)
        for column, keys in wanted.items():
            if not keys:
                continue
            for part in _parts(sorted(keys), 20_000):
                for key, order_id, kind in self._reads.execute(
                    f"SELECT {column}, order_id, kind FROM risk_event WHERE {column} IN"
                    " (SELECT value FROM json_each(?))",
                    (json.dumps(part),),
                ):
                    found[(column, int(key))].append((int(order_id), str(kind)))
        if not found:
            return {}
        # Orders per phone, for the ratio: the buyer's own orders (their phone key); only for
        # phones with refunds enough for the ratio rule to matter (a scan of the key table).
        phones = {
            key
            for (column, key), events_of in found.items()
            if column == "phone" and len({e[0] for e in events_of}) >= 2
        }
        order_counts = self._order_counts(phones) if phones else {}
        result: dict[int, BuyerHistory] = {}
        found_keys = {key for (_column, key) in found}
        for o in orders:
            if not (o[7][0] in found_keys or o[7][1] in found_keys or o[7][4] in found_keys):
                continue
            kp, ka, _kn, _kb, km, _ = o[7]
            seen_events: set[tuple[int, str]] = set()
            for column, key in (("phone", kp), ("address", ka), ("member", km)):
                if key:
                    seen_events.update(e for e in found.get((column, key), ()) if e[0] != o[0])
            if not seen_events:
                continue
            kinds = [kind for _, kind in seen_events]
            refund_orders = {oid for oid, kind in seen_events if kind in ("refund", "refund_only")}
            result[o[0]] = BuyerHistory(
                orders=order_counts.get(kp, 0),
                refunds=len(refund_orders),
                refund_only=kinds.count("refund_only"),
                disputes=kinds.count("dispute"),
                complaints=kinds.count("complaint"),
            )
        return result

    def _order_counts(self, phones: set[int]) -> dict[int, int]:
        counts: dict[int, int] = {}
        for part in _parts(sorted(phones), 5_000):
            for key, count in self._reads.execute(
                "SELECT phone, count(*) FROM risk_key WHERE phone IN"
                " (SELECT value FROM json_each(?)) GROUP BY phone",
                (json.dumps(part),),
            ):
                counts[int(key)] = int(count)
        if self._reads is not self.conn:
            # A prepared batch's rows are not visible to the reading connection yet.
            for o in self._orders:
                if o[7][0] in phones:
                    counts[o[7][0]] = counts.get(o[7][0], 0) + 1
        else:  # a big import's keys may not be stored yet
            for r in pending_matches(self.conn, phones, columns=(2,)):
                counts[r[2]] = counts.get(r[2], 0) + 1
        return counts

    # -- norms and disputes ------------------------------------------------------------------

    def _norms(
        self, orders: Sequence[_Prepared], *, with_batch: bool
    ) -> dict[tuple[int, str], tuple[float, float]]:
        """(shop, product) → (mean quantity, mean amount) where enough orders make a norm:
        the stored totals, plus the batch's new orders when *with_batch*."""
        min_orders = self.ctx.settings.norm_min_orders
        pairs = sorted({(o[2], o[3]) for o in orders})
        totals: dict[tuple[int, str], list[int]] = {}
        for part in _parts(pairs, 5_000):
            for shop_id, product, count, qty, amount in self._reads.execute(
                "SELECT n.shop_id, n.product, n.orders, n.quantity, n.amount_fen"
                " FROM json_each(?) j JOIN risk_norm n"
                " ON n.shop_id = j.value ->> 0 AND n.product = j.value ->> 1",
                (json.dumps(part, ensure_ascii=False),),
            ):
                totals[(int(shop_id), str(product))] = [int(count), int(qty), int(amount)]
        if with_batch:
            self._count_norms()
            for pair, (count, qty, amount) in self._norm_totals.items():
                entry = totals.setdefault(pair, [0, 0, 0])
                entry[0] += count
                entry[1] += qty
                entry[2] += amount
        return {
            pair: (qty / count, amount / count)
            for pair, (count, qty, amount) in totals.items()
            if count >= min_orders
        }

    def _update_norms(self) -> None:
        self._count_norms()
        totals = self._norm_totals
        self.conn.executemany(
            "INSERT INTO risk_norm (shop_id, product, orders, quantity, amount_fen)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT (shop_id, product) DO UPDATE SET"
            " orders = orders + excluded.orders, quantity = quantity + excluded.quantity,"
            " amount_fen = amount_fen + excluded.amount_fen",
            [(s, p, *v) for (s, p), v in totals.items()],
        )

    def _disputes(self, orders: Sequence[_Prepared]) -> dict[int, int]:
        # The open events through their partial index (a handful; risk_event_open is made by
        # migration 11): left to itself the planner walks the whole table in order_id order
        # for the GROUP BY (~0.3 s at 1M orders).
        rows = self._reads.execute(
            "SELECT order_id, min(due_at) FROM risk_event INDEXED BY risk_event_open"
            " WHERE open = 1 AND due_at IS NOT NULL GROUP BY order_id"
        ).fetchall()
        if not rows:
            return {}
        ids = {o[0] for o in orders}
        return {int(i): int(d) for i, d in rows if i in ids}


class _FactsQty:
    """A stand-in for the two fields of OrderFacts that context_hits reads."""

    __slots__ = ("quantity", "sale_fen")

    def __init__(self, quantity: int, sale_fen: int) -> None:
        self.quantity = quantity
        self.sale_fen = sale_fen


def _int(value: str) -> int:
    return int(value) if value.isdigit() else 0


def _parts(items: Sequence[Any], size: int) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


# --- scoring given ids ------------------------------------------------------------------------

_ORDER_SQL = (
    "SELECT id, created_at, shop_id, product_summary, quantity, sale_fen, buyer_name,"
    " buyer_phone, ship_address, buyer_member, payment_method, buyer_message, risk_rules,"
    " buyer_data_removed, buyer_hidden FROM sales_order"
    " WHERE id IN (SELECT value FROM json_each(?))"
)


def score_order_ids(
    conn: sqlite3.Connection | Any,
    ids: Iterable[int],
    *,
    new: bool = False,
    ctx: RiskContext | None = None,
) -> set[int]:
    """Score the orders *ids* (read from the database) inside the caller's transaction.

    Args:
        new: The orders were never scored (their product counts go into the shop's norms).

    Returns:
        The ids whose risk level or rules changed (neighbours included).
    """
    ids = sorted(set(ids))
    if not ids:
        return set()
    batch = RiskBatch(conn, ctx)
    for part in _parts(ids, 20_000):
        for row in conn.execute(_ORDER_SQL, (json.dumps(list(part)),)):
            (oid, at, shop, product, qty, sale, name, phone, address, member, payment, remark,
             rules, removed, hidden) = row  # fmt: skip
            name, phone, address = scored_receiver(
                name or "", phone or "", address or "", hidden or 0
            )
            batch.add(
                int(oid), int(at), int(shop), str(product), int(qty or 0), int(sale or 0),
                name, phone, address, member or "", payment or "",
                remark or "", rules if not new else None, bool(removed),
            )  # fmt: skip
    return batch.finish(update_norms=new)


assert set(WINDOW_RULES) <= set(RULES)
