"""Order-list queries: the ordered ids of a filter, rows by page, the detail of one order.

The list never holds ORM objects: :func:`first_page` answers the first screenful with one
``LIMIT`` query (instant even on a million orders), :func:`order_ids` materialises the ids of the
current filter and sort in SQL (run in the background), :func:`fetch_rows` reads one page of
display tuples for given ids.

Search (DESIGN.md §5):

* any part of four or more characters of an order number (shop, 1688) or a tracking number (both
  sides') through the trigram index of migration 6;
* three or more characters through the FTS5 trigram index;
* one or two characters (王, 张伟): every column is indexed with two padding characters appended
  (see the migration), so every character of a value starts an indexed trigram, and a short
  string occurs in a column exactly where an indexed trigram starts with it. Those are found
  through the ``fts5vocab`` view of the index by term range: exact LIKE semantics at index speed.
  When they are many, the first page instead walks the sort index with LIKE (a few hundred rows
  find a screenful) while the full id list is materialised in the background.
"""

from __future__ import annotations

import sqlite3
import sys
import threading
from array import array
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from itertools import compress

from ..domain.enums import SalesStatus
from ..domain.masking import mask_address, mask_name, mask_phone
from ..domain.orders import NEAR_DEADLINE_HOURS
from ..domain.timeutil import now_epoch
from .db import db, opened_count

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

#: Display-only flag bits computed from the ship-by deadline (never stored).
FLAG_OVERDUE = 1 << 8
FLAG_NEAR_DEADLINE = 1 << 9
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
_NEAR_S = NEAR_DEADLINE_HOURS * 3600
# Stored flags plus the two time-derived ones; ``?`` are (now, now + near-deadline window).
_FLAGS_SQL = (
    "(o.flags | CASE WHEN o.status = 'paid' AND o.ship_by IS NOT NULL THEN"
    f" CASE WHEN o.ship_by < ? THEN {FLAG_OVERDUE} WHEN o.ship_by < ? THEN {FLAG_NEAR_DEADLINE}"
    " ELSE 0 END ELSE 0 END)"
)
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


def _marks(values: Sequence[object]) -> str:
    return ",".join("?" * len(values))


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


#: The shortest part of a number (order or tracking) a search finds anywhere in it.
MIN_NUMBER_PART = 4


def _looks_like_number_part(text: str) -> bool:
    """Four or more letters, digits or dashes with a digit among them: maybe a piece of an order
    or tracking number (SF1234, 0000207, the end of a 1688 order number)."""
    return (
        len(text) >= MIN_NUMBER_PART
        and text.isascii()
        and text.replace("-", "").isalnum()
        and any(c.isdigit() for c in text)
    )


def _text_match(text: str) -> tuple[str, list[object]]:
    """A subquery selecting the ids of the orders whose searchable text matches *text*."""
    parts: list[str] = []
    params: list[object] = []
    if _looks_like_number_part(text):
        # Any part of the shop order number, the 1688 order numbers or the tracking numbers
        # (both sides'): the trigram index of migration 6 (the start of a number included).
        sql, number_params = _number_match(text)
        parts.append(sql)
        params.extend(number_params)
        if text.isdigit() and len(text) > 11:
            # Longer than a phone number: an order or tracking number only.
            return parts[0], params
    if len(text) >= 3:
        # The trigram tokenizer matches substrings of three or more characters; the phone
        # column is indexed too, so a phone tail is found here.
        parts.append("SELECT rowid FROM sales_order_fts WHERE sales_order_fts MATCH ?")
        params.append(_phrase(text))
    elif _ensure_vocab():
        parts.append(f"SELECT DISTINCT doc FROM ({_TERMS_SQL})")
        params.extend(_term_range(text))
    else:
        # No vocabulary table (an SQLite without fts5vocab): LIKE over the columns.
        parts.append(f"SELECT id FROM sales_order WHERE {_like_sql()}")
        params.extend(_like_params(text))
    return " UNION ".join(parts), params


#: The longest piece of a number searched through the index; the rest is checked on the text.
_NUMBER_WINDOW = 7


def _number_window(text: str) -> str:
    """The piece of *text* to look up in the number index: at most :data:`_NUMBER_WINDOW`
    characters, avoiding runs like ``000``.

    Every trigram of a phrase is a list of orders to intersect. Order numbers are full of
    ``000``/``001`` (in every order of a shop): such a trigram makes a long number cost
    100–250 ms on a million orders. A window of its most varied characters finds the few
    candidates in a few ms, and ``instr`` on their stored text keeps the exact meaning.
    """
    size = min(len(text), _NUMBER_WINDOW)
    best, best_score = text[-size:], -1
    for length in range(size, MIN_NUMBER_PART - 1, -1):
        for start in range(len(text) - length, -1, -1):  # later pieces first: they vary more
            piece = text[start : start + length]
            runs = sum(piece[i] == piece[i + 1] == piece[i + 2] for i in range(len(piece) - 2))
            score = len(set(piece)) * 4 + length - runs * 8
            if score > best_score:
                best, best_score = piece, score
    return best


#: Above this many orders with a piece of a number, the first page walks the sort index testing
#: each order's numbers; below it the matches are looked up and sorted.
_NUMBER_DENSE = 20_000
#: From this length on a search is taken for a whole number (or its start) first.
_WHOLE_NUMBER = 12
_NUMBER_PREFIX_SQL = (
    "SELECT id FROM sales_order WHERE shop_order_no >= ? AND shop_order_no < ?"
    " UNION SELECT id FROM sales_order WHERE supplier_order_no >= ? AND supplier_order_no < ?"
    " UNION SELECT sales_order_id FROM supplier_order"
    " WHERE order_id_1688 >= ? AND order_id_1688 < ? AND sales_order_id IS NOT NULL"
)


def _number_match(text: str) -> tuple[str, list[object]]:
    """A subquery of the ids of the orders with *text* in one of their numbers.

    A long text (a pasted order number) is looked up by the order numbers' own indexes first
    (under 1 ms); only when no order number starts with it is it searched inside the numbers.
    """
    window = _number_window(text)
    sql = "SELECT rowid FROM order_number_fts WHERE order_number_fts MATCH ?"
    params: list[object] = [_phrase(window)]
    if window != text:
        sql += " AND instr(lower(numbers), ?) > 0"
        params.append(text.lower())
    if len(text) >= _WHOLE_NUMBER:
        prefix_params = [text, text[:-1] + chr(ord(text[-1]) + 1)] * 3
        if db.execute_sql(f"SELECT EXISTS ({_NUMBER_PREFIX_SQL})", prefix_params).fetchone()[0]:
            return _NUMBER_PREFIX_SQL, prefix_params
    return sql, params


def _number_like_sql() -> str:
    """Row by row, what :func:`_number_match` finds through the index (for a walk of the sort
    index when the matches are many): one of the order's numbers contains the text (one ``?``).
    A few microseconds an order: its own columns, then its 1688 orders by their index."""
    columns = " OR ".join(
        f"o.{c} LIKE ?1 ESCAPE '\\'" for c in ("shop_order_no", "supplier_order_no", "tracking_no")
    )
    return (
        f"({columns} OR EXISTS (SELECT 1 FROM supplier_order so WHERE so.sales_order_id = o.id"
        " AND (so.order_id_1688 LIKE ?1 ESCAPE '\\' OR so.tracking_no LIKE ?1 ESCAPE '\\')))"
    )


def _phrase(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


#: The columns of the text index (all of them: searches of three or more characters).
_TEXT_COLUMNS = ("buyer_name", "buyer_phone", "ship_address", "product_summary")

#: The FTS columns one- and two-character searches look in (not the phone: "13" is in every one).
_SHORT_COLUMNS = "('buyer_name', 'product_summary', 'ship_address')"
# One row per occurrence of a term starting with the search text (term >= text AND term < text
# followed by the highest code point: a prefix range in the index's term order, UTF-8 bytes).
_TERMS_SQL = (
    "SELECT doc FROM temp.sales_order_fts_terms WHERE term >= ? AND term < ?"
    f" AND col IN {_SHORT_COLUMNS}"
)


def _like_sql(prefix: str = "") -> str:
    return " OR ".join(
        f"{prefix}{c} LIKE ? ESCAPE '\\'" for c in ("buyer_name", "product_summary", "ship_address")
    ).join("()")


#: The padding character appended to every indexed column (see the migration).
PAD = "\x1f"
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


def search_text(text: str) -> str:
    """The search box's text as searched: trimmed, without the index's padding character."""
    return text.replace(PAD, "").strip()


def _fold(text: str) -> str:
    # The trigram tokenizer folds case (Unicode); terms are stored folded. LIKE folds ASCII only;
    # for text of ASCII and uncased characters (Chinese) both agree.
    out = []
    for c in text:
        low = c.lower()
        out.append(low if len(low) == 1 else c)
    return "".join(out)


def _term_range(text: str) -> list[object]:
    folded = _fold(text)
    return [folded, folded + "\U0010ffff"]


def _like_params(text: str) -> list[object]:
    pattern = "%" + _like_escape(text) + "%"
    return [pattern, pattern, pattern]


def _like_agrees(text: str) -> bool:
    """Whether LIKE finds exactly what the trigram index finds for *text* (no non-ASCII case)."""
    return all(c.isascii() or c.lower() == c.upper() for c in text)


_vocab_local = threading.local()


def _ensure_vocab() -> bool:
    """Create the per-connection ``fts5vocab`` view of the trigram index (temp schema)."""
    conn = db.connection()
    if getattr(_vocab_local, "conn", None) is conn:
        return True
    try:
        conn.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.sales_order_fts_terms"
            " USING fts5vocab(main, sales_order_fts, 'instance')"
        )
    except sqlite3.OperationalError:
        return False
    _vocab_local.conn = conn
    return True


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


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


def _is_short(text: str) -> bool:
    return len(text) <= 2


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
    step: the worker then holds the GIL only to decode it (a few ms a block), not for a Python
    tuple per order, which starved the UI thread of the GIL for 20-30 ms at a time while a
    million ids were read."""
    where, params = _where(flt)
    inner = f"SELECT o.id FROM sales_order o{where}{_order_by(flt)}"
    # The aggregate reads the ordered subquery in its order (SQLite 3.40 has no ORDER BY inside
    # group_concat; the order is checked by tests/store/test_order_queries.py).
    sql = f"SELECT group_concat(printf('%016x', id), '') FROM ({inner})"
    text = db.execute_sql(sql, params).fetchone()[0]
    return _ids_from_hex(text or "")


#: Hex digits decoded per call (64 Ki ids): each call holds the GIL for ~1 ms.
_HEX_BLOCK = 16 << 16


def _ids_from_hex(text: str) -> array:
    """The ids of a string of 16-digit big-endian hex numbers, in order."""
    ids = array("q")
    for start in range(0, len(text), _HEX_BLOCK):
        ids.frombytes(bytes.fromhex(text[start : start + _HEX_BLOCK]))
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


# -- detail ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class OrderDetail:
    """One sales order for the detail pane. Buyer fields are masked (see ``reveal_buyer_data``).

    ``order`` maps column names to values; ``lines``, ``supplier_orders``, ``timeline`` and
    ``cancellations`` are lists of dicts.
    """

    order: dict[str, object]
    lines: list[dict[str, object]]
    supplier_orders: list[dict[str, object]]
    timeline: list[dict[str, object]]
    cancellations: list[dict[str, object]]


def _dicts(sql: str, params: Sequence[object]) -> list[dict[str, object]]:
    cursor = db.execute_sql(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def order_detail(sales_order_id: int, now: int | None = None) -> OrderDetail | None:
    """Everything the detail pane shows about one order, or None when it no longer exists."""
    now = now if now is not None else now_epoch()
    orders = _dicts(
        "SELECT o.id, s.name AS shop, s.platform, o.shop_order_no, o.status, o.buyer_name,"
        " o.buyer_phone, o.ship_address, o.payment_method, o.sale_fen, o.quantity,"
        " o.product_summary, o.cost_fen, o.dropship_fee_fen, o.shipping_fen, o.profit_fen,"
        " o.supplier_status, o.supplier_order_no, o.carrier, o.tracking_no, o.created_at,"
        f" o.paid_at, o.ship_by, {_FLAGS_SQL} AS flags, o.remark, o.buyer_data_removed,"
        " o.buyer_hidden, o.risk_level, o.risk_rules, o.risk_checked, o.buyer_member"
        " FROM sales_order o JOIN shop s ON s.id = o.shop_id WHERE o.id = ?",
        [now, now + _NEAR_S, sales_order_id],
    )
    if not orders:
        return None
    order = orders[0]
    # Masked here, in the store, so full buyer data only ever leaves through the audited reveal.
    order["buyer_name"] = mask_name(str(order["buyer_name"]))
    order["buyer_phone"] = mask_phone(str(order["buyer_phone"]))
    order["ship_address"] = mask_address(str(order["ship_address"]))
    order["buyer_member"] = mask_name(str(order["buyer_member"]))
    if order["risk_rules"]:  # the thresholds the explanations name (fraud checks)
        row = db.execute_sql("SELECT value FROM risk_state WHERE name = 'settings'").fetchone()
        order["risk_settings"] = row[0] if row is not None else None
    lines = _dicts(
        "SELECT id, title, sku, spec, quantity, unit_price_fen FROM sales_order_line"
        " WHERE sales_order_id = ? ORDER BY id",
        [sales_order_id],
    )
    supplier_orders = _dicts(
        "SELECT so.id, so.order_id_1688, so.status, so.refund_status, so.product_title,"
        " so.quantity, so.cost_fen, so.dropship_fee_fen, so.shipping_fen, so.paid_fen,"
        " so.carrier, so.tracking_no, so.created_at, so.paid_at, sup.name AS supplier,"
        " so.downstream_order_no, so.downstream_channel, so.is_dropship, so.batch_no"
        " FROM supplier_order so LEFT JOIN supplier sup ON sup.id = so.supplier_id"
        " WHERE so.sales_order_id = ? ORDER BY so.id",
        [sales_order_id],
    )
    for supplier_order in supplier_orders:  # the goods lines of a 1688 buyer export
        supplier_order["lines"] = _dicts(
            "SELECT line_no, title, spec, offer_id_1688, sku_id_1688, item_code, quantity,"
            " unit_price_fen FROM supplier_order_line WHERE supplier_order_id = ?"
            " ORDER BY line_no",
            [supplier_order["id"]],
        )
    timeline = _dicts(
        "SELECT id, at, actor, entity, entity_id, action, before, after FROM audit_event"
        " WHERE sales_order_id = ? ORDER BY at, id",
        [sales_order_id],
    )
    cancellations = _dicts(
        "SELECT cr.id, so.order_id_1688, cr.attempt, cr.action, cr.reason_code, cr.reason_text,"
        " cr.remark, cr.state, cr.error_code, cr.created_at, cr.submitted_at, cr.finished_at"
        " FROM cancellation_request cr JOIN supplier_order so ON so.id = cr.supplier_order_id"
        " WHERE so.sales_order_id = ? ORDER BY cr.created_at, cr.id",
        [sales_order_id],
    )
    return OrderDetail(order, lines, supplier_orders, timeline, cancellations)


# -- reconciliation and filter choices ---------------------------------------------------------


def unmatched_supplier_orders() -> list[tuple[object, ...]]:
    """Supplier orders awaiting a match (no sales order), newest first.

    Rows: (id, order_id_1688, status, supplier name, product title, quantity, paid_fen,
    created_at, masked recipient name).
    """
    rows = db.execute_sql(
        "SELECT so.id, so.order_id_1688, so.status, sup.name, so.product_title, so.quantity,"
        " so.paid_fen, so.created_at, so.recipient_name FROM supplier_order so"
        " LEFT JOIN supplier sup ON sup.id = so.supplier_id"
        " WHERE so.sales_order_id IS NULL ORDER BY so.created_at DESC, so.id DESC"
    ).fetchall()
    return [(*r[:8], mask_name(r[8] or "")) for r in rows]


def supplier_order_ids_of(
    sales_order_ids: Sequence[int], account_id: int | None = None
) -> list[int]:
    """The supplier orders of some sales orders (the cancel wizard works on those), by id.

    Args:
        sales_order_ids: The sales orders.
        account_id: Only those placed through this distribution account (or through none).
    """
    found: list[int] = []
    wanted = sorted(set(sales_order_ids))
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        sql = f"SELECT id FROM supplier_order WHERE sales_order_id IN ({_marks(chunk)})"
        params: list[object] = list(chunk)
        if account_id is not None:
            sql += " AND (account_id = ? OR account_id IS NULL)"
            params.append(account_id)
        found.extend(int(r[0]) for r in db.execute_sql(sql + " ORDER BY id", params))
    return found


def find_sales_orders(order_no: str) -> list[tuple[object, ...]]:
    """Sales orders whose shop order number is exactly *order_no* (any shop).

    Rows: (id, shop name, shop_order_no, status, created_at).
    """
    return db.execute_sql(
        "SELECT o.id, s.name, o.shop_order_no, o.status, o.created_at FROM sales_order o"
        " JOIN shop s ON s.id = o.shop_id WHERE o.shop_order_no = ? ORDER BY o.id",
        (order_no.strip(),),
    ).fetchall()


def filter_choices() -> dict[str, list[tuple[object, ...]]]:
    """Shops (id, name) and suppliers (id, name) for the filter bar."""
    return {
        "shops": db.execute_sql("SELECT id, name FROM shop ORDER BY name").fetchall(),
        "suppliers": db.execute_sql("SELECT id, name FROM supplier ORDER BY name").fetchall(),
    }
