"""Order-list queries: the ordered ids of a filter, rows by page, the count.

The list never holds ORM objects: :func:`first_page` answers the first screenful with one
``LIMIT`` query (instant even on a million orders), :func:`order_ids` materialises the ids of the
current filter and sort in SQL (run in the background), :func:`fetch_rows` reads one page of
display tuples for given ids. How a search text is matched is :mod:`.order_search`; the detail
of one order and the lookups beside the list are :mod:`.order_detail` (re-exported here).
"""

from __future__ import annotations

import binascii
import sys
import threading
from array import array
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from itertools import compress

from ..domain.enums import SalesStatus
from ..domain.timeutil import now_epoch
from .db import db, opened_count
from .order_detail import (  # re-exported: the detail pane and lookups beside the list
    OrderDetail,
    filter_choices,
    find_sales_orders,
    order_detail,
    supplier_order_ids_of,
    unmatched_supplier_orders,
)
from .order_search import (  # noqa: F401 (re-exported: MIN_NUMBER_PART, PAD, search_text)
    _TERMS_SQL,
    _TEXT_COLUMNS,
    _WHOLE_NUMBER,
    MIN_NUMBER_PART,
    PAD,
    _ensure_vocab,
    _is_short,
    _like_agrees,
    _like_escape,
    _like_params,
    _like_sql,
    _looks_like_number_part,
    _number_like_sql,
    _number_match,
    _phrase,
    _term_range,
    _text_match,
    search_text,
)
from .order_sql import FLAG_NEAR_DEADLINE, FLAG_OVERDUE, FLAGS_SQL, NEAR_S, marks

__all__ = [
    "FLAG_NEAR_DEADLINE",
    "FLAG_OVERDUE",
    "LIST_COLUMNS",
    "NO_SUPPLIER_STATUS",
    "SORT_COLUMNS",
    "OrderDetail",
    "OrderFilter",
    "count_orders",
    "fetch_rows",
    "filter_choices",
    "find_sales_orders",
    "first_page",
    "first_page_rows",
    "order_detail",
    "order_ids",
    "search_text",
    "supplier_order_ids_of",
    "unmatched_supplier_orders",
]

#: In :attr:`OrderFilter.supplier_statuses`: orders without a 1688 order.
NO_SUPPLIER_STATUS = ""

#: The columns :func:`fetch_rows` returns, in order (after the id).
LIST_COLUMNS: tuple[str, ...] = (
    "shop",
    "shop_order_no",
    "created_at",
    "paid_at",
    "buyer_name",
    "product_summary",
    "quantity",
    "sale_fen",
    "cost_fen",
    "dropship_fee_fen",
    "profit_fen",
    "status",
    "supplier_status",
    "supplier_order_no",
    "carrier",
    "tracking_no",
    "ship_by",
    "risk",
    "flags",
)

assert SalesStatus.PAID.value == "paid"  # written literally in SQL for the partial index
_NEAR_S = NEAR_S
_FLAGS_SQL = FLAGS_SQL
_SELECT_SQL = {
    "shop": "(SELECT name FROM shop WHERE shop.id = o.shop_id)",
    "flags": _FLAGS_SQL,
    # Fraud risk: level × 2, plus 1 when the seller marked the warning "checked, fine".
    "risk": "(o.risk_level * 2 + (o.risk_rules != '' AND o.risk_rules = o.risk_checked))",
}

#: Column key → SQL expression it sorts by (every key here is sortable).
SORT_COLUMNS: dict[str, str] = {
    "shop_order_no": "o.shop_order_no",
    "created_at": "o.created_at",
    "paid_at": "o.paid_at",
    "buyer_name": "o.buyer_name",
    "product_summary": "o.product_summary",
    "quantity": "o.quantity",
    "sale_fen": "o.sale_fen",
    "cost_fen": "o.cost_fen",
    "dropship_fee_fen": "o.dropship_fee_fen",
    "profit_fen": "o.profit_fen",
    "status": "o.status",
    "supplier_status": "o.supplier_status",
    "supplier_order_no": "o.supplier_order_no",
    "carrier": "o.carrier",
    "tracking_no": "o.tracking_no",
    "ship_by": "o.ship_by",
    "flags": "o.flags",
    "shop": "o.shop_id",
    "risk": "o.risk_level",
}

_FLAGGED_SQL = (
    "SELECT id FROM sales_order WHERE flags != 0"
    " UNION SELECT id FROM sales_order INDEXED BY sales_order_to_ship"
    " WHERE status = 'paid' AND ship_by < ?"
)

# Columns indexed together with created_at: ties break by it.
_CREATED_TIE = frozenset({"status", "supplier_status", "shop"})

# Above this many text matches the first page walks the sort index and probes the match set;
# below it, looking the matches up and sorting them is cheaper.
_DENSE_MATCHES = 2000


@dataclass(frozen=True)
class OrderFilter:
    """What the order list shows. Empty tuples mean "any"; all criteria combine with AND.

    Attributes:
        sales_statuses: Shop-side statuses (:class:`~dropship_desktop.domain.enums.SalesStatus`).
        supplier_statuses: 1688 statuses (raw values); :data:`NO_SUPPLIER_STATUS` means none.
        shop_ids: Shops.
        supplier_ids: Orders with a supplier order from one of these suppliers.
        account_ids: Orders with a supplier order placed through one of these distribution
            accounts, or through none recorded (imports may leave it empty).
        created_from: Created at or after (epoch seconds).
        created_to: Created before (epoch seconds).
        flagged_only: Any stored flag, overdue or close to the ship-by deadline.
        flags_any: Any of these stored :class:`~dropship_desktop.domain.orders.OrderFlag` bits.
        deadline: ``"overdue"`` (paid, ship-by passed) or ``"due"`` (paid, ship-by passed or
            within the near-deadline window); empty for no deadline criterion.
        text: The search box.
        sort_key: A key of :data:`SORT_COLUMNS`.
        descending: Sort direction (ties break by id in the same direction).
        now: The time the deadline flags are computed against (default: the query's time).
        risk_min: Only orders of at least this fraud risk level (1 watch, 2 high; 0: any).
    """

    sales_statuses: tuple[str, ...] = ()
    supplier_statuses: tuple[str, ...] = ()
    shop_ids: tuple[int, ...] = ()
    supplier_ids: tuple[int, ...] = ()
    account_ids: tuple[int, ...] = ()
    created_from: int | None = None
    created_to: int | None = None
    flagged_only: bool = False
    flags_any: int = 0
    deadline: str = ""
    text: str = ""
    sort_key: str = "created_at"
    descending: bool = True
    now: int | None = None
    risk_min: int = 0
    extra: dict[str, object] = field(default_factory=dict, compare=False)

    def is_plain(self) -> bool:
        """No criterion at all (every order)."""
        return self == OrderFilter(sort_key=self.sort_key, descending=self.descending)


def _now(flt: OrderFilter) -> int:
    return flt.now if flt.now is not None else now_epoch()


_marks = marks


def _where(flt: OrderFilter, *, dense_text: bool = False) -> tuple[str, list[object]]:
    clauses, params = _clauses(flt, dense_text=dense_text)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _clauses(flt: OrderFilter, *, dense_text: bool = False) -> tuple[list[str], list[object]]:
    clauses: list[str] = []
    params: list[object] = []
    now = _now(flt)
    if flt.sales_statuses:
        clauses.append(f"o.status IN ({_marks(flt.sales_statuses)})")
        params.extend(flt.sales_statuses)
    if flt.supplier_statuses:
        known = [s for s in flt.supplier_statuses if s != NO_SUPPLIER_STATUS]
        parts = []
        if known:
            parts.append(f"o.supplier_status IN ({_marks(known)})")
            params.extend(known)
        if NO_SUPPLIER_STATUS in flt.supplier_statuses:
            parts.append("o.supplier_status IS NULL")
        clauses.append("(" + " OR ".join(parts) + ")")
    if flt.shop_ids:
        clauses.append(f"o.shop_id IN ({_marks(flt.shop_ids)})")
        params.extend(flt.shop_ids)
    if flt.supplier_ids:
        clauses.append(
            "o.id IN (SELECT sales_order_id FROM supplier_order WHERE supplier_id IN "
            f"({_marks(flt.supplier_ids)}))"
        )
        params.extend(flt.supplier_ids)
    if flt.account_ids:
        clauses.append(
            "o.id IN (SELECT sales_order_id FROM supplier_order WHERE account_id IN "
            f"({_marks(flt.account_ids)}) OR account_id IS NULL)"
        )
        params.extend(flt.account_ids)
    if flt.created_from is not None:
        clauses.append("o.created_at >= ?")
        params.append(flt.created_from)
    if flt.created_to is not None:
        clauses.append("o.created_at < ?")
        params.append(flt.created_to)
    if flt.flagged_only:
        # `flags != 0` alone matches the partial index sales_order_flagged; the deadline part
        # uses the (status, created_at) index: both sides of the OR are indexed.
        # Each branch of the union has its own partial index (sales_order_flagged,
        # sales_order_to_ship); an OR of the two would scan the table.
        clauses.append(f"{'+' if dense_text else ''}o.id IN ({_FLAGGED_SQL})")
        params.append(now + _NEAR_S)
    if flt.flags_any:
        clauses.append("o.flags != 0 AND o.flags & ? != 0")
        params.append(int(flt.flags_any))
    if flt.deadline in ("overdue", "due"):
        # The literal 'paid' lets the planner use the partial index sales_order_to_ship.
        clauses.append("o.status = 'paid' AND o.ship_by < ?")
        params.append(now if flt.deadline == "overdue" else now + _NEAR_S)
    if flt.risk_min:
        # Few orders are risky: their ids come from the partial index sales_order_risk
        # (`risk_level > 0`), and the list is looked up and sorted from those, whatever the
        # sort column (walking another sort index would visit every order).
        clauses.append(
            "o.id IN (SELECT id FROM sales_order INDEXED BY sales_order_risk"
            " WHERE risk_level > 0 AND risk_level >= ?)"
        )
        params.append(int(flt.risk_min))
    text = search_text(flt.text)
    if text and dense_text and _looks_like_number_part(text):
        # Many orders hold this piece of a number (000010): walk the sort index and test each
        # order's numbers (and, as the text index would, its text) until a screenful is found.
        tests = [_number_like_sql()]
        params.append("%" + _like_escape(text) + "%")
        if not (text.isdigit() and len(text) >= _WHOLE_NUMBER):
            tests += [f"o.{c} LIKE ? ESCAPE '\\'" for c in _TEXT_COLUMNS]
            params.extend(["%" + _like_escape(text) + "%"] * len(_TEXT_COLUMNS))
        clauses.append("(" + " OR ".join(tests) + ")")
    elif text and dense_text and _is_short(text) and _like_agrees(text):
        # Many matches of a short text: LIKE row by row while walking the sort index finds a
        # screenful in a few hundred rows; the id set would first collect every match.
        clauses.append(_like_sql("o."))
        params.extend(_like_params(text))
    elif text:
        subquery, text_params = _text_match(text)
        # A unary + keeps the planner from driving the query by rowid lookups into the match
        # set; it walks the sort index instead, which is far faster when matches are many.
        clauses.append(f"{'+' if dense_text else ''}o.id IN ({subquery})")
        params.extend(text_params)
    return clauses, params


#: Above this many orders with a piece of a number, the first page walks the sort index testing
#: each order's numbers; below it the matches are looked up and sorted.
_NUMBER_DENSE = 20_000
#: Above this many occurrences of a short search text, the first page walks the sort index with
#: LIKE (dense matches: a screenful within a few thousand rows); below, the matches are looked up
#: and sorted (a walk would visit most of the table for a rare text).
_SHORT_DENSE = 20_000
#: The same for a sort column without an index: there "dense" means a full scan with LIKE and a
#: sort, which only beats looking the matches up and sorting them when they are very many.
_SHORT_DENSE_UNINDEXED = 250_000
#: Sort keys with an index the first page can walk.
_INDEXED_SORTS = frozenset(
    {"created_at", "paid_at", "profit_fen", "shop_order_no", "supplier_order_no", "status",
     "supplier_status", "shop", "ship_by"}
)  # fmt: skip


def _urgency_sql(now: int) -> str:
    """How urgent an order is: 3 overdue, 2 close to its ship-by deadline, 1 another flag
    (sides disagree, not ordered, cancellation or refund pending), 0 nothing to do."""
    return (
        f"(CASE WHEN o.status = 'paid' AND o.ship_by < {int(now)} THEN 3"
        f" WHEN o.status = 'paid' AND o.ship_by < {int(now) + _NEAR_S} THEN 2"
        " WHEN o.flags != 0 THEN 1 ELSE 0 END)"
    )


def _order_by(flt: OrderFilter) -> str:
    key = flt.sort_key if flt.sort_key in SORT_COLUMNS else "created_at"
    direction = "DESC" if flt.descending else "ASC"
    if key == "flags":
        # By urgency (most urgent first when descending): overdue, then close to the deadline,
        # each the earliest deadline first; then other flags; then the rest.
        earliest = "ASC" if flt.descending else "DESC"
        return (
            f" ORDER BY {_urgency_sql(_now(flt))} {direction}, o.ship_by {earliest},"
            f" o.flags {direction}, o.id {direction}"
        )
    # Ties break the way the column's index is ordered, so the planner can walk the index.
    tie = ", o.created_at " + direction if key in _CREATED_TIE else ""
    return f" ORDER BY {SORT_COLUMNS[key]} {direction}{tie}, o.id {direction}"


def _dense(flt: OrderFilter) -> bool:
    """Whether the text criterion matches so many orders that walking the sort index wins."""
    text = search_text(flt.text)
    if text and _looks_like_number_part(text):
        # Each index on its own, a bounded number of rows: a UNION would collect all first.
        number_sql, number_params = _number_match(text)
        probes = [(number_sql, number_params)]
        if not (text.isdigit() and len(text) >= _WHOLE_NUMBER):
            probes.append(("SELECT rowid FROM sales_order_fts WHERE sales_order_fts MATCH ?",
                           [_phrase(text)]))  # fmt: skip
        for sql, params in probes:
            probe = f"SELECT count(*) FROM (SELECT 1 FROM ({sql}) LIMIT {_NUMBER_DENSE + 1})"
            if int(db.execute_sql(probe, params).fetchone()[0]) > _NUMBER_DENSE:
                return True
        return False
    if text and _is_short(text):
        if not _ensure_vocab():
            return False
        walk = flt.sort_key in _INDEXED_SORTS or flt.sort_key not in SORT_COLUMNS
        limit = _SHORT_DENSE if walk else _SHORT_DENSE_UNINDEXED
        # Occurrences, not orders: counting distinct orders would collect them all first.
        sql = f"SELECT count(*) FROM ({_TERMS_SQL} LIMIT {limit + 1})"
        return int(db.execute_sql(sql, _term_range(text)).fetchone()[0]) > limit
    if text:
        subquery, params = _text_match(text)
    elif flt.flagged_only:
        subquery, params = _FLAGGED_SQL, [_now(flt) + _NEAR_S]
    else:
        return False
    sql = f"SELECT count(*) FROM (SELECT 1 FROM ({subquery}) LIMIT {_DENSE_MATCHES + 1})"
    return int(db.execute_sql(sql, params).fetchone()[0]) > _DENSE_MATCHES


def first_page(flt: OrderFilter, limit: int = 200) -> array:
    """The ids of the first *limit* orders matching *flt*, in display order (one LIMIT query)."""
    where, params = _where(flt, dense_text=_dense(flt))
    sql = f"SELECT o.id FROM sales_order o{where}{_order_by(flt)} LIMIT {int(limit)}"
    return array("q", (r[0] for r in db.execute_sql(sql, params)))


def first_page_rows(
    flt: OrderFilter, limit: int = 200
) -> tuple[array, dict[int, tuple[object, ...]]]:
    """:func:`first_page` and the display rows of those orders (:func:`fetch_rows`), read
    together off the UI thread so that the first screenful paints without a query."""
    ids = first_page(flt, limit)
    return ids, fetch_rows(ids, now=flt.now)


def order_ids(flt: OrderFilter) -> array:
    """The ids of all orders matching *flt*, in display order.

    A one- or two-character search is answered by filtering the ids of the same filter without
    the text (kept from the previous call while the database is unchanged: the list computes them
    when it opens) through a bitmap of the orders whose text contains it. SQLite would instead
    collect the matches into a temporary index and probe it for every order: 耳机 (84k matches
    in a million orders) 185 ms → ~90 ms, 室 (every order) 1.7 s → ~0.6 s.
    """
    text = search_text(flt.text)
    short = bool(text) and _is_short(text) and _ensure_vocab()
    with _snapshot():  # the cached list, max(id) and the matches must agree
        if short:
            return _short_search_ids(flt, text)
        if text:
            return _query_ids(flt)
        return _plain_entry(flt)[0]


def cached_order_ids(flt: OrderFilter) -> array | None:
    """:func:`order_ids` of *flt* when this thread has it without a query — the text-less list
    it read last, nothing changed since (a cleared search) — else None."""
    if flt.text:
        return None
    with _snapshot():
        entry = getattr(_plain_cache, "entry", None)
        if entry is not None and entry[0] == _plain_key(flt):
            return entry[1]
    return None


def _short_search_ids(flt: OrderFilter, text: str) -> array:
    plain, top = _plain_entry(replace(flt, text=""))
    # Big enough for every id of the list and of the matches, whatever committed in between.
    matches = bytearray(max(_max_order_id(), top) + 1)
    found = False
    for (doc,) in db.execute_sql(_TERMS_SQL, _term_range(text)):
        matches[doc] = found = 1
    ids = array("q")
    if not found:
        return ids
    keep = matches.__getitem__
    for start in range(0, len(plain), _FILTER_BLOCK):
        # In blocks: one C call over a million ids would hold the GIL (and so freeze the UI
        # thread) for ~60 ms.
        block = plain[start : start + _FILTER_BLOCK]
        ids.extend(compress(block, map(keep, block)))
    return ids


@contextmanager
def _snapshot() -> Iterator[None]:
    """One read transaction (unless one is open): its reads see the same committed state."""
    conn = db.connection()
    if conn.in_transaction:
        yield
        return
    conn.execute("BEGIN")  # deferred: a read snapshot, no write lock
    try:
        yield
    finally:
        if conn.in_transaction:  # an interrupted statement may have ended it already
            conn.execute("COMMIT")


def _query_ids(flt: OrderFilter) -> array:
    """The ids of *flt* in display order, read as one hex string that SQLite builds in a single
    step: the worker then holds the GIL only to decode it (about 1 ms a block), not for a Python
    tuple per order, which starved the UI thread of the GIL for 20-30 ms at a time while a
    million ids were read. A BLOB, not TEXT: the connection's text factory would decode the
    16 MB in one call."""
    where, params = _where(flt)
    inner = f"SELECT o.id FROM sales_order o{where}{_order_by(flt)}"
    # The aggregate reads the ordered subquery in its order (SQLite 3.40 has no ORDER BY inside
    # group_concat; the order is checked by tests/store/test_order_queries.py). Materialised in
    # a CTE: the first step (the GIL released) then also frees a sort's temporary B-tree; read
    # straight from the aggregate, freeing a million sorted rows fell to the fetch, which holds
    # the GIL — 150-300 ms in which the UI thread could not paint (sorting by flags).
    aggregate = f"SELECT CAST(group_concat(printf('%016x', id), '') AS BLOB) AS hex FROM ({inner})"
    sql = f"WITH ids(hex) AS MATERIALIZED ({aggregate}) SELECT hex FROM ids"
    return _ids_from_hex(db.execute_sql(sql, params).fetchone()[0] or b"")


#: Hex digits decoded per call (64 Ki ids): each call holds the GIL for about 1 ms.
_HEX_BLOCK = 16 << 16


def _ids_from_hex(data: bytes) -> array:
    """The ids of a run of 16-digit big-endian hex numbers, in order."""
    ids = array("q")
    view = memoryview(data)
    for start in range(0, len(data), _HEX_BLOCK):
        ids.frombytes(binascii.unhexlify(view[start : start + _HEX_BLOCK]))
    if sys.byteorder == "little":
        ids.byteswap()
    return ids


#: Ids filtered per C call (a few ms each) when a short search filters the text-less list.
_FILTER_BLOCK = 65_536

#: Per thread (each has its own connection): the last text-less id list and what it was for.
_plain_cache = threading.local()


def _plain_key(flt: OrderFilter) -> tuple[object, ...]:
    """What a text-less id list depends on: the filter, the clock (if it matters), the data."""
    conn = db.connection()
    timed = flt.flagged_only or bool(flt.deadline)
    return (
        opened_count(),  # a reopened (maybe other) database can reuse a connection's id()
        id(conn),
        conn.total_changes,  # this connection's own writes
        conn.execute("PRAGMA data_version").fetchone()[0],  # other connections' commits
        repr(replace(flt, extra={})),
        _now(flt) if timed else None,
    )


def _plain_entry(flt: OrderFilter) -> tuple[array, int]:
    """:func:`order_ids` of a text-less filter and its highest id, from the cache when nothing
    changed since.

    Call inside :func:`_snapshot`, so that the key's data version is the one the query sees.
    """
    key = _plain_key(flt)
    entry = getattr(_plain_cache, "entry", None)
    if entry is not None and entry[0] == key:
        return entry[1], entry[2]
    ids = _query_ids(flt)
    # Not max(ids): one C call over a million ids holds the GIL (the UI thread's) for ~50 ms.
    top = _max_order_id() if ids else 0
    _plain_cache.entry = (key, ids, top)
    return ids, top


def _max_order_id() -> int:
    return int(db.execute_sql("SELECT coalesce(max(id), 0) FROM sales_order").fetchone()[0])


def count_orders(flt: OrderFilter) -> int:
    """How many orders match *flt*."""
    clauses, params = _clauses(flt)
    if len(clauses) == 1 and clauses[0].startswith("o.id IN (") and clauses[0].endswith(")"):
        # A lone id-set criterion (search, flagged only): count the set without visiting orders.
        sql = f"SELECT count(*) FROM ({clauses[0][len('o.id IN (') : -1]})"
    else:
        where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
        sql = f"SELECT count(*) FROM sales_order o{where}"
    return int(db.execute_sql(sql, params).fetchone()[0])


def fetch_rows(ids: Sequence[int], now: int | None = None) -> dict[int, tuple[object, ...]]:
    """Display tuples (columns of :data:`LIST_COLUMNS`) keyed by order id.

    The ``flags`` value includes :data:`FLAG_OVERDUE` / :data:`FLAG_NEAR_DEADLINE`, computed
    against *now*. ``buyer_name`` is the stored name: the model masks it for display.
    """
    if not ids:
        return {}
    now = now if now is not None else now_epoch()
    columns = ", ".join(_SELECT_SQL.get(c, f"o.{c}") for c in LIST_COLUMNS)
    cursor = db.execute_sql(
        f"SELECT o.id, {columns} FROM sales_order o WHERE o.id IN ({_marks(ids)})",
        [now, now + _NEAR_S, *ids],
    )
    return {row[0]: row[1:] for row in cursor.fetchall()}
