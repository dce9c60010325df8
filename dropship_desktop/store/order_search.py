"""How the order list's search text is matched: SQL subqueries selecting the matching orders.

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
import threading

from .db import db

__all__ = ["MIN_NUMBER_PART", "PAD", "search_text"]


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


def _is_short(text: str) -> bool:
    return len(text) <= 2
