"""Read queries of the after-sales cases: the queue (by deadline, at 50,000 cases), a case's
detail, the supplier's record and the seller's deadline settings.

The queue walks ``after_sales_case_queue`` (``queue_rank, id``): open cases with a deadline come
first, soonest (and so overdue) first, then open cases waiting on somebody else, then finished
ones, newest first. Filters are plain column tests on the case row (the shop, platform,
supplier and offer are copied onto it), so a page needs no join but the ones that fetch the
page's own order numbers and names by primary key.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..domain.after_sales import BUYER_FINAL, OPEN_RANK_LIMIT
from ..domain.supplier_record import SupplierRecord
from .db import db

__all__ = [
    "QUEUE_COLUMNS",
    "CaseDetail",
    "CaseFilter",
    "case_detail",
    "cases_of_order",
    "deadline_hours",
    "export_rows",
    "filter_choices",
    "money_in_period",
    "money_totals",
    "offer_defect_counts",
    "queue_count",
    "queue_page",
    "supplier_records",
    "templates",
]

#: Columns of a queue row, in order.
QUEUE_COLUMNS = (
    "id",
    "deadline_at",
    "closed_at",
    "shop_order_no",
    "shop",
    "kind",
    "buyer_state",
    "supplier_state",
    "product_summary",
    "requested_fen",
    "refunded_fen",
    "recovered_fen",
    "net_loss_fen",
    "supplier",
    "opened_at",
    "platform_case_no",
    "supplier_pending",
)


@dataclass(frozen=True)
class CaseFilter:
    """What the queue shows.

    Attributes:
        status: ``open`` (default), ``closed``, ``all`` or a buyer-side state value.
        kind: A case kind value, or ``""`` for all.
        shop_id: Only this shop's cases.
        supplier_id: Only cases of this supplier.
        overdue: Only open cases past their deadline.
        order_no: Only cases of orders whose number starts with this.
    """

    status: str = "open"
    kind: str = ""
    shop_id: int | None = None
    supplier_id: int | None = None
    overdue: bool = False
    order_no: str = ""


def _where(flt: CaseFilter, now: int) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if flt.status == "open":
        clauses.append("c.queue_rank < ?")
        params.append(OPEN_RANK_LIMIT)
    elif flt.status == "closed":
        clauses.append("c.queue_rank >= ?")
        params.append(OPEN_RANK_LIMIT)
    elif flt.status and flt.status != "all":
        clauses.append("c.buyer_state = ?")
        params.append(flt.status)
    if flt.kind:
        clauses.append("c.kind = ?")
        params.append(flt.kind)
    if flt.shop_id is not None:
        clauses.append("c.shop_id = ?")
        params.append(flt.shop_id)
    if flt.supplier_id is not None:
        clauses.append("c.supplier_id = ?")
        params.append(flt.supplier_id)
    if flt.overdue:
        clauses.append("c.queue_rank < ?")
        params.append(now)
    if flt.order_no.strip():
        text = flt.order_no.strip()
        clauses.append(
            "c.sales_order_id IN (SELECT id FROM sales_order WHERE shop_order_no >= ?"
            " AND shop_order_no < ?)"
        )
        params += [text, text + "\uffff"]
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def queue_page(
    flt: CaseFilter, now: int, offset: int = 0, limit: int = 100
) -> list[tuple[Any, ...]]:
    """One page of the queue, rows as :data:`QUEUE_COLUMNS`."""
    where, params = _where(flt, now)
    sql = (
        "SELECT c.id, c.deadline_at, c.closed_at, o.shop_order_no, s.name, c.kind,"
        " c.buyer_state, c.supplier_state, o.product_summary, c.requested_fen, c.refunded_fen,"
        " c.recovered_fen, c.refunded_fen + c.extra_cost_fen - c.recovered_fen,"
        " COALESCE(sp.name, ''), c.opened_at, c.platform_case_no, c.supplier_pending"
        " FROM (SELECT * FROM after_sales_case c" + where + " ORDER BY c.queue_rank, c.id"
        " LIMIT ? OFFSET ?) c"
        " JOIN sales_order o ON o.id = c.sales_order_id"
        " JOIN shop s ON s.id = c.shop_id"
        " LEFT JOIN supplier sp ON sp.id = c.supplier_id"
        " ORDER BY c.queue_rank, c.id"
    )
    return [tuple(r) for r in db.execute_sql(sql, [*params, limit, offset]).fetchall()]


def queue_count(flt: CaseFilter, now: int) -> int:
    where, params = _where(flt, now)
    return int(
        db.execute_sql("SELECT count(*) FROM after_sales_case c" + where, params).fetchone()[0]
    )


def money_totals(flt: CaseFilter, now: int) -> tuple[int, int, int, int]:
    """``(cases, refunded, recovered, net loss)`` over the filter (for the queue's footer and
    the dashboard)."""
    where, params = _where(flt, now)
    row = db.execute_sql(
        "SELECT count(*), COALESCE(sum(refunded_fen), 0), COALESCE(sum(recovered_fen), 0),"
        " COALESCE(sum(refunded_fen + extra_cost_fen - recovered_fen), 0)"
        " FROM after_sales_case c" + where,
        params,
    ).fetchone()
    return int(row[0]), int(row[1]), int(row[2]), int(row[3])


def money_in_period(
    since: int, until: int, shop_id: int | None = None
) -> tuple[int, int, int, int]:
    """``(cases, refunded, recovered, net loss)`` of the cases opened in ``[since, until)``
    (of one shop, or every shop when *shop_id* is None) — what after-sales cost over a period
    (for the dashboard)."""
    shop_sql = "" if shop_id is None else " AND shop_id = ?"
    row = db.execute_sql(
        "SELECT count(*), COALESCE(sum(refunded_fen), 0), COALESCE(sum(recovered_fen), 0),"
        " COALESCE(sum(refunded_fen + extra_cost_fen - recovered_fen), 0)"
        " FROM after_sales_case WHERE opened_at >= ? AND opened_at < ?" + shop_sql,
        (since, until) if shop_id is None else (since, until, shop_id),
    ).fetchone()
    return int(row[0]), int(row[1]), int(row[2]), int(row[3])


def filter_choices() -> dict[str, list[tuple[Any, ...]]]:
    """Shops ``(id, name)`` and suppliers ``(id, name)`` that have cases."""
    shops = db.execute_sql(
        "SELECT id, name FROM shop WHERE EXISTS"
        " (SELECT 1 FROM after_sales_case c WHERE c.shop_id = shop.id) ORDER BY name"
    ).fetchall()
    suppliers = db.execute_sql(
        "SELECT id, name FROM supplier WHERE id IN"
        " (SELECT DISTINCT supplier_id FROM after_sales_case WHERE supplier_id IS NOT NULL)"
        " ORDER BY name"
    ).fetchall()
    return {"shops": [tuple(r) for r in shops], "suppliers": [tuple(r) for r in suppliers]}


def _dict(cursor: Any, row: Any) -> dict[str, Any]:
    return {d[0]: v for d, v in zip(cursor.description, row, strict=True)}


@dataclass(frozen=True)
class CaseDetail:
    """One case with its order, its 1688 order, contacts and timeline.

    ``case`` maps the case's columns (plus ``shop_order_no``, ``shop``, ``product_summary``,
    ``sale_fen``, ``tracking_no``, ``supplier``, ``order_id_1688``, ``supplier_order_status``,
    ``supplier_paid_fen``); ``contacts`` and ``timeline`` are lists of dicts, oldest first.
    """

    case: dict[str, Any]
    contacts: list[dict[str, Any]]
    timeline: list[dict[str, Any]]


def case_detail(case_id: int) -> CaseDetail | None:
    cursor = db.execute_sql(
        "SELECT c.*, o.shop_order_no, o.product_summary, o.sale_fen, o.tracking_no,"
        " o.carrier, s.name AS shop, COALESCE(sp.name, '') AS supplier,"
        " so.order_id_1688, so.status AS supplier_order_status, so.paid_fen AS supplier_paid_fen,"
        " COALESCE(da.connector, 'manual') AS connector, da.id AS distribution_account_id,"
        " COALESCE(da.name, '') AS account_name, COALESCE(da.member_id, '') AS account_member"
        " FROM after_sales_case c JOIN sales_order o ON o.id = c.sales_order_id"
        " JOIN shop s ON s.id = c.shop_id LEFT JOIN supplier sp ON sp.id = c.supplier_id"
        " LEFT JOIN supplier_order so ON so.id = c.supplier_order_id"
        " LEFT JOIN distribution_account da ON da.id = so.account_id WHERE c.id = ?",
        (case_id,),
    )
    row = cursor.fetchone()
    if row is None:
        return None
    case = _dict(cursor, row)
    cursor = db.execute_sql(
        "SELECT id, at, channel, direction, note FROM after_sales_contact WHERE case_id = ?"
        " ORDER BY at, id",
        (case_id,),
    )
    contacts = [_dict(cursor, r) for r in cursor.fetchall()]
    cursor = db.execute_sql(
        "SELECT at, entity, action, before, after FROM audit_event"
        " WHERE entity = 'after_sales_case' AND entity_id = ? ORDER BY at, id",
        (case_id,),
    )
    timeline = [_dict(cursor, r) for r in cursor.fetchall()]
    return CaseDetail(case, contacts, timeline)


def cases_of_order(sales_order_id: int) -> list[tuple[Any, ...]]:
    """``(id, kind, buyer_state, supplier_state, opened_at)`` of an order's cases."""
    return [
        tuple(r)
        for r in db.execute_sql(
            "SELECT id, kind, buyer_state, supplier_state, opened_at FROM after_sales_case"
            " WHERE sales_order_id = ? ORDER BY opened_at, id",
            (sales_order_id,),
        ).fetchall()
    ]


def deadline_hours() -> dict[str, dict[tuple[str, str], int]]:
    """The seller's response windows: platform → ``(kind, stage)`` → hours."""
    result: dict[str, dict[tuple[str, str], int]] = {}
    for platform, kind, stage, hours in db.execute_sql(
        "SELECT platform, kind, stage, hours FROM after_sales_deadline"
    ).fetchall():
        result.setdefault(platform, {})[(kind, stage)] = int(hours)
    return result


def templates() -> list[tuple[int, str, str, str]]:
    """Reply templates ``(id, name, kind, body)`` in the seller's order."""
    return [
        tuple(r)  # type: ignore[misc]
        for r in db.execute_sql(
            "SELECT id, name, kind, body FROM after_sales_template ORDER BY position, id"
        ).fetchall()
    ]


_FINAL = tuple(s.value for s in BUYER_FINAL)


def supplier_records(
    *, by: str = "offer", since: int | None = None, until: int | None = None
) -> dict[int, SupplierRecord]:
    """After-sales record per offer (``by="offer"``) or supplier (``by="supplier"``).

    Orders count the 1688 orders placed with it (``supplier_order.created_at`` within the
    window when one is given); cases count the cases opened within the window.
    """
    column = "offer_id" if by == "offer" else "supplier_id"
    window = ""
    params: list[Any] = []
    if since is not None:
        window += " AND {t}.{c} >= ?"
        params.append(since)
    if until is not None:
        window += " AND {t}.{c} < ?"
        params.append(until)
    orders = dict(
        db.execute_sql(
            f"SELECT {column}, count(*) FROM supplier_order so WHERE {column} IS NOT NULL"
            + window.format(t="so", c="created_at")
            + f" GROUP BY {column}",
            params,
        ).fetchall()
    )
    records: dict[int, SupplierRecord] = {}
    for key, cases, defects, requests, refusals in db.execute_sql(
        f"SELECT {column}, count(*), sum(defect), sum(supplier_state != 'none'),"
        f" sum(supplier_state = 'refused') FROM after_sales_case c WHERE {column} IS NOT NULL"
        + window.format(t="c", c="opened_at")
        + f" GROUP BY {column}",
        params,
    ).fetchall():
        records[int(key)] = SupplierRecord(
            int(orders.get(key, 0)), int(cases), int(defects or 0), int(requests or 0),
            int(refusals or 0),
        )  # fmt: skip
    for key, count in orders.items():
        records.setdefault(int(key), SupplierRecord(orders=int(count)))
    return records


def offer_defect_counts(offer_ids: list[int], since: int, until: int) -> dict[int, tuple[int, int]]:
    """Per offer ``(orders, defect cases)`` within ``[since, until)``."""
    if not offer_ids:
        return {}
    marks = ",".join("?" * len(offer_ids))
    orders = dict(
        db.execute_sql(
            f"SELECT offer_id, count(*) FROM supplier_order WHERE offer_id IN ({marks})"
            " AND created_at >= ? AND created_at < ? GROUP BY offer_id",
            [*offer_ids, since, until],
        ).fetchall()
    )
    defects = dict(
        db.execute_sql(
            f"SELECT offer_id, sum(defect) FROM after_sales_case WHERE offer_id IN ({marks})"
            " AND opened_at >= ? AND opened_at < ? GROUP BY offer_id",
            [*offer_ids, since, until],
        ).fetchall()
    )
    return {i: (int(orders.get(i, 0)), int(defects.get(i) or 0)) for i in offer_ids}


def export_rows() -> list[tuple[Any, ...]]:
    """Every case for the export, in queue order."""
    return [
        tuple(r)
        for r in db.execute_sql(
            "SELECT c.platform_case_no, o.shop_order_no, s.name, c.kind, c.buyer_state,"
            " c.supplier_state, c.reason, c.defect, c.requested_fen, c.refunded_fen,"
            " c.recovered_fen, c.extra_cost_fen,"
            " c.refunded_fen + c.extra_cost_fen - c.recovered_fen, COALESCE(sp.name, ''),"
            " COALESCE(so.order_id_1688, ''), c.supplier_refund_id, c.buyer_tracking_no,"
            " c.supplier_tracking_no, c.opened_at, c.deadline_at, c.closed_at,"
            " (SELECT count(*) FROM after_sales_contact k WHERE k.case_id = c.id), c.note"
            " FROM after_sales_case c JOIN sales_order o ON o.id = c.sales_order_id"
            " JOIN shop s ON s.id = c.shop_id LEFT JOIN supplier sp ON sp.id = c.supplier_id"
            " LEFT JOIN supplier_order so ON so.id = c.supplier_order_id"
            " ORDER BY c.queue_rank, c.id"
        ).fetchall()
    ]
