"""The dashboard's to-do cards (今日待办): what needs the seller now, each a count and a target.

**Adding a card** (after-sales, risk, fulfilment queues …): append ONE :class:`TodoCard` to
:data:`TODO_CARDS` below. Its ``count`` is a function of (connection, now) returning how many
items wait (keep it an indexed query: the dashboard counts every card on each refresh); its
``target`` says what opens on a click — the order list with a quick view and/or statuses, or
another view by key (that view implements ``show_todo(target)``, see
``ui/dashboard/navigation.py``). ``watches`` names the tables whose changes refresh the count.
The title and hint go through Qt's translator in the ``Todo`` context (add their Chinese to your
``tools/zh_CN/<branch>.py``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from ..domain.orders import NEAR_DEADLINE_HOURS
from ..domain.timeutil import now_epoch
from ..i18n import QT_TRANSLATE_NOOP
from ..store import after_sales_queries, todo_members
from ..store.db import connection
from ..store.migrations.m0010_daily_summaries import PAID_INDEX
from .purchasing.queue import in_progress_count

__all__ = ["TODO_CARDS", "TodoCard", "TodoCount", "TodoTarget", "count_todos"]


@dataclass(frozen=True, slots=True)
class TodoTarget:
    """What a card opens.

    Attributes:
        view: ``"orders"`` (the order list), ``"interrupted"`` (the interrupted-requests dialog)
            or the key of another view.
        quick: The order list's quick view (``ui/orders/filters``: ``no_supplier``, ``due``,
            ``pending``, ``unmatched`` …).
        sales_status: Sales status to filter on (``SalesStatus`` value) or None.
        supplier_status: 1688 status to filter on (``""``: no 1688 order) or None.
        sort_key: Sort the list by this column (ascending), e.g. ``ship_by``.
    """

    view: str = "orders"
    quick: str = ""
    sales_status: str | None = None
    supplier_status: str | None = None
    sort_key: str = ""


@dataclass(frozen=True, slots=True)
class TodoCard:
    """One to-do card.

    Attributes:
        key: Stable id (object names, tests, settings).
        title: English source text (context ``Todo``).
        hint: One line under the count saying what to do (context ``Todo``).
        count: ``(conn, now) -> int``.
        target: What a click opens.
        watches: Tables whose changes refresh the count.
        detail: Optional ``(conn, now) -> int`` for a second figure, shown with *detail_text*
            (``{n}`` is the figure) when it is not zero.
        detail_target: What a click on the second figure opens (default: *target*).
    """

    key: str
    title: str
    hint: str
    count: Callable[[sqlite3.Connection, int], int]
    target: TodoTarget
    watches: frozenset[str] = frozenset({"sales_order", "supplier_order"})
    detail: Callable[[sqlite3.Connection, int], int] | None = None
    detail_text: str = ""
    detail_target: TodoTarget | None = None


@dataclass(frozen=True, slots=True)
class TodoCount:
    card: TodoCard
    count: int
    detail: int = 0


def _one(conn: sqlite3.Connection, sql: str, *params: object) -> int:
    return int(conn.execute(sql, params).fetchone()[0] or 0)


_NEAR_S = NEAR_DEADLINE_HOURS * 3600
_DAY_S = 24 * 3600


# Paid orders, read from the small covering partial index of migration 10 (the literal 'paid' and
# INDEXED BY keep the planner on it: the (status, created_at) index would read each order's row).
_PAID = f"SELECT count(*) FROM sales_order INDEXED BY {PAID_INDEX} WHERE status = 'paid'"


# The queue cards read the orders kept for them by triggers (migration 13, store/todo_members):
# the same rule as the queues' own counts, without checking each queued order on every open.


def _to_place(conn: sqlite3.Connection, now: int) -> int:
    # The purchase queue's count (待下单, purchasing.queue_count): paid orders without a live
    # 1688 order, and orders no longer paid with a purchase still in progress.
    return todo_members.count(conn, todo_members.TO_PLACE) + in_progress_count()


def _to_place_due(conn: sqlite3.Connection, now: int) -> int:
    # purchasing.queue_due_count(now + 24 h)
    return todo_members.due_count(conn, todo_members.TO_PLACE, now + _NEAR_S)


def _tracking_to_send(conn: sqlite3.Connection, now: int) -> int:
    # The shipping queue's count as it opens (待发货, shipping.shipping_count(unsent_only=True):
    # orders already written to a batch-ship file left out): the 1688 side has a tracking
    # number, the shop is not shipped.
    return todo_members.count(conn, todo_members.TO_SEND)


def _risky(conn: sqlite3.Connection, now: int) -> int:
    # Exactly the order list's "risky orders" quick view: every order the fraud checks flagged.
    return _one(
        conn, "SELECT count(*) FROM sales_order INDEXED BY sales_order_risk WHERE risk_level > 0"
    )


def _after_sales_open(conn: sqlite3.Connection, now: int) -> int:
    return after_sales_queries.queue_count(after_sales_queries.CaseFilter(), now)


def _after_sales_overdue(conn: sqlite3.Connection, now: int) -> int:
    return after_sales_queries.queue_count(after_sales_queries.CaseFilter(overdue=True), now)


def _due_within_day(conn: sqlite3.Connection, now: int) -> int:
    return _one(conn, f"{_PAID} AND ship_by < ?", now + _DAY_S)


def _overdue(conn: sqlite3.Connection, now: int) -> int:
    return _one(conn, f"{_PAID} AND ship_by < ?", now)


def _unmatched(conn: sqlite3.Connection, now: int) -> int:
    return _one(conn, "SELECT count(*) FROM supplier_order WHERE sales_order_id IS NULL")


def _awaiting_supplier(conn: sqlite3.Connection, now: int) -> int:
    # The order list's "pending" quick view: orders flagged cancel or refund pending.
    return todo_members.count(conn, todo_members.AWAITING)


def _interrupted(conn: sqlite3.Connection, now: int) -> int:
    return _one(conn, "SELECT count(*) FROM cancellation_request WHERE state = 'interrupted'")


#: The cards, in display order. Capabilities add theirs here (one entry each).
TODO_CARDS: list[TodoCard] = [
    TodoCard(
        "to_place",
        QT_TRANSLATE_NOOP("Todo", "To order from suppliers"),
        QT_TRANSLATE_NOOP("Todo", "Paid orders with no 1688 order yet"),
        _to_place,
        TodoTarget(view="purchase_queue"),
        watches=frozenset({"sales_order", "supplier_order", "purchase_attempt"}),
        detail=_to_place_due,
        detail_text=QT_TRANSLATE_NOOP("Todo", "{n} near or past ship-by"),
    ),
    TodoCard(
        "tracking_to_send",
        QT_TRANSLATE_NOOP("Todo", "Tracking to send to the shop"),
        QT_TRANSLATE_NOOP("Todo", "Shipped on 1688, not yet shipped on the shop"),
        _tracking_to_send,
        TodoTarget(view="shipping"),
        watches=frozenset({"sales_order", "supplier_order", "shipping_export"}),
    ),
    TodoCard(
        "due",
        QT_TRANSLATE_NOOP("Todo", "Overdue or due within 24 h"),
        QT_TRANSLATE_NOOP("Todo", "Unshipped orders past or near their ship-by time"),
        _due_within_day,
        # Paid orders by ship-by time, soonest first: the card's orders are the top rows.
        TodoTarget(sales_status="paid", sort_key="ship_by"),
        detail=_overdue,
        detail_text=QT_TRANSLATE_NOOP("Todo", "{n} overdue"),
    ),
    TodoCard(
        "unmatched",
        QT_TRANSLATE_NOOP("Todo", "Unmatched 1688 orders"),
        QT_TRANSLATE_NOOP("Todo", "1688 orders that belong to no shop order yet"),
        _unmatched,
        TodoTarget(quick="unmatched"),
        watches=frozenset({"supplier_order"}),
    ),
    TodoCard(
        "awaiting_supplier",
        QT_TRANSLATE_NOOP("Todo", "Awaiting the supplier"),
        QT_TRANSLATE_NOOP("Todo", "Cancellation and refund requests not yet answered"),
        _awaiting_supplier,
        TodoTarget(quick="pending"),
        watches=frozenset({"sales_order", "supplier_order", "cancellation_request"}),
    ),
    TodoCard(
        "interrupted",
        QT_TRANSLATE_NOOP("Todo", "Interrupted requests"),
        QT_TRANSLATE_NOOP("Todo", "Cancellations whose result is unknown: check them on 1688"),
        _interrupted,
        TodoTarget(view="interrupted"),
        watches=frozenset({"cancellation_request"}),
    ),
    TodoCard(
        "after_sales",
        QT_TRANSLATE_NOOP("Todo", "After-sales cases"),
        QT_TRANSLATE_NOOP("Todo", "Open cases, the nearest deadline first"),
        _after_sales_open,
        TodoTarget(view="after_sales"),
        watches=frozenset({"after_sales_case", "after_sales_deadline"}),
        detail=_after_sales_overdue,
        detail_text=QT_TRANSLATE_NOOP("Todo", "{n} overdue"),
        detail_target=TodoTarget(view="after_sales", quick="overdue"),
    ),
    TodoCard(
        "risky",
        QT_TRANSLATE_NOOP("Todo", "Risky orders"),
        QT_TRANSLATE_NOOP("Todo", "Flagged by the fraud checks: check the buyer first"),
        _risky,
        TodoTarget(quick="risky"),
    ),
]


def count_todos(now: int | None = None) -> list[TodoCount]:
    """Every card's count (and second figure), in display order, in one read transaction."""
    from ..store.daily_summary import read_snapshot

    now = now_epoch() if now is None else now
    conn = connection()
    out = []
    with read_snapshot(conn):
        for card in TODO_CARDS:
            detail = card.detail(conn, now) if card.detail is not None else 0
            out.append(TodoCount(card, card.count(conn, now), detail))
    return out
