"""Fraud checks (防骗): scoring settings, "checked, fine", the high-risk list and fraud losses.

Scoring itself is in :mod:`..risk_engine`; this module holds the use cases around it.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass

from ...domain.risk import RiskLevel, RiskSettings, decode_hits
from ...domain.timeutil import now_epoch
from ...errors import UserError
from ...i18n import QT_TRANSLATE_NOOP
from ...store.db import atomic, connection
from ..base import Changes, audit, write_op
from ..risk_engine import (
    RiskContext,
    load_context,
    load_settings,
    score_order_ids,
)
from ..risk_pending import write_pending_keys

__all__ = [
    "EVENT_KINDS",
    "FraudLosses",
    "HighRiskOrder",
    "fraud_losses",
    "high_risk_orders",
    "mark_checked",
    "rescore_all",
    "rescore_orders",
    "risk_settings",
    "save_risk_settings",
    "score_unscored",
    "unscored_order_ids",
]

log = logging.getLogger(__name__)

EVENT_KINDS: tuple[str, ...] = ("refund", "refund_only", "dispute", "complaint")
#: Sales statuses that are a refund in the buyer's history.
REFUND_STATUSES: tuple[str, ...] = ("refunding", "refunded")
#: When a buyer's history changes, their orders this recent (or this close before the event's
#: order) are rescored.
RESCORE_RECENT_DAYS = 90
#: The blacklist file's header row (English keys, so a partner's app of any language reads it).


# --- scoring ----------------------------------------------------------------------------------


@write_op
def rescore_orders(ids: Iterable[int]) -> Changes:
    """Score the orders *ids* again (after a change of their data or of the blacklist)."""
    changed = score_order_ids(connection(), ids)
    return Changes.of("sales_order", ids={"sales_order": changed})


def rescore_all(progress: Callable[[int, int], None] | None = None, *, chunk: int = 50_000) -> int:
    """Score every order, oldest first, one transaction per *chunk* (an upgraded database,
    the demo, or after the thresholds changed). Returns how many orders changed."""
    conn = connection()
    write_pending_keys()
    ids = [r[0] for r in conn.execute("SELECT order_id FROM risk_key")]
    scored = set(ids)
    all_ids = [r[0] for r in conn.execute("SELECT id FROM sales_order ORDER BY created_at, id")]
    changed = 0
    for start in range(0, len(all_ids), chunk):
        part = all_ids[start : start + chunk]
        new = [i for i in part if i not in scored]
        old = [i for i in part if i in scored]
        with atomic():
            ctx = load_context(conn)
            if new:
                changed += len(score_order_ids(conn, new, new=True, ctx=ctx))
            if old:
                changed += len(score_order_ids(conn, old, ctx=load_context(conn)))
        if progress is not None:
            progress(min(start + chunk, len(all_ids)), len(all_ids))
    return changed


def unscored_order_ids() -> list[int]:
    """The orders that were never scored, oldest first: a database from before the fraud
    checks (migration 11 added the tables but scored nothing). Empty when every order has its
    buyer keys — two counts, the usual answer, without reading the ids."""
    conn = connection()
    write_pending_keys()  # (orders of a big import whose keys wait for the background)
    total = conn.execute("SELECT count(*) FROM sales_order").fetchone()[0]
    keyed = conn.execute("SELECT count(*) FROM risk_key").fetchone()[0]
    if keyed >= total:
        return []
    scored = {r[0] for r in conn.execute("SELECT order_id FROM risk_key")}
    return [
        r[0]
        for r in conn.execute("SELECT id FROM sales_order ORDER BY created_at, id")
        if r[0] not in scored
    ]


_STILL_UNSCORED_SQL = (
    "SELECT o.id FROM sales_order o WHERE o.id IN (SELECT value FROM json_each(?))"
    " AND NOT EXISTS (SELECT 1 FROM risk_key k WHERE k.at = o.created_at AND k.order_id = o.id)"
)


@write_op
def score_unscored(ids: Sequence[int]) -> Changes:
    """Score a part of :func:`unscored_order_ids` as if just imported (one transaction): their
    keys join the buyer history and their products the shop's norms. Orders scored meanwhile
    (edited since the list was made) are left as they are."""
    conn = connection()
    write_pending_keys()
    todo = [r[0] for r in conn.execute(_STILL_UNSCORED_SQL, (json.dumps(list(ids)),))]
    changed = score_order_ids(conn, todo, new=True) if todo else set()
    return Changes.of("sales_order", ids={"sales_order": sorted(changed)})


def risk_settings() -> RiskSettings:
    """The seller's thresholds and risky payment methods."""
    return load_settings(connection())


@write_op
def save_risk_settings(settings: RiskSettings) -> Changes:
    """Store new thresholds (audited); they apply to orders scored from now on (``rescore_all``
    applies them to every order)."""
    values = asdict(settings)
    if settings.window_days < 1 or settings.many_names < 2 or settings.burst_orders < 2:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The look-back window must be at least 1 day and the counts at least 2.",
            )
        )
    before = asdict(risk_settings())
    connection().execute(
        "INSERT INTO risk_state (name, value) VALUES ('settings', ?)"
        " ON CONFLICT (name) DO UPDATE SET value = excluded.value",
        (json.dumps(values, ensure_ascii=False),),
    )
    audit("risk_settings", None, "update", before=before, after=values)
    return Changes.of(
        "audit_event", message=QT_TRANSLATE_NOOP("Messages", "Fraud-check settings saved.")
    )


@write_op
def mark_checked(sales_order_id: int) -> Changes:
    """The seller looked at the order's warning: "checked, fine" (recorded in the audit log).

    The acknowledgement holds for the rules that fired now; should another rule fire later,
    the warning is active again.
    """
    row = (
        connection()
        .execute(
            "SELECT risk_level, risk_rules, risk_checked FROM sales_order WHERE id = ?",
            (sales_order_id,),
        )
        .fetchone()
    )
    if row is None:
        raise UserError(QT_TRANSLATE_NOOP("Errors", "The order no longer exists."))
    level, rules, checked = row
    if not rules or rules == checked:
        return Changes.of()
    connection().execute(
        "UPDATE sales_order SET risk_checked = risk_rules, updated_at = ? WHERE id = ?",
        (now_epoch(), sales_order_id),
    )
    audit(
        "sales_order",
        sales_order_id,
        "risk_checked",
        before={"risk_level": RiskLevel(level).name.lower()},
        after={"rules": [h.rule for h in decode_hits(rules)]},
        sales_order_id=sales_order_id,
    )
    return Changes.of(
        "sales_order",
        "audit_event",
        ids={"sales_order": [sales_order_id]},
        message=QT_TRANSLATE_NOOP("Messages", "Warning marked as checked."),
    )


@dataclass(frozen=True, slots=True)
class HighRiskOrder:
    """A high-risk order whose warning the seller has not marked as checked."""

    id: int
    shop_order_no: str
    rules: tuple[str, ...]


def high_risk_orders(sales_order_ids: Iterable[int]) -> list[HighRiskOrder]:
    """Which of these orders are high risk and not yet checked (warn before money goes out).

    For the cancel wizard and the purchase queue: call before the seller pays a supplier or
    refunds; show :func:`~dropship_desktop.domain.risk.explain` of the rules.
    """
    ids = sorted(set(sales_order_ids))
    found: list[HighRiskOrder] = []
    conn = connection()
    for start in range(0, len(ids), 900):
        part = ids[start : start + 900]
        marks = ",".join("?" * len(part))
        for oid, number, rules in conn.execute(
            f"SELECT id, shop_order_no, risk_rules FROM sales_order WHERE id IN ({marks})"
            " AND risk_level >= 2 AND risk_rules != risk_checked ORDER BY id",
            part,
        ):
            found.append(HighRiskOrder(oid, number, tuple(h.rule for h in decode_hits(rules))))
    return found


def blacklisted_buyer_orders(sales_order_ids: Iterable[int]) -> list[HighRiskOrder]:
    """Which of these orders' buyers are on a blacklist (local or a partner's), whether or not
    the seller marked the warning checked: ask before refunding them (after-sales)."""
    ids = sorted(set(sales_order_ids))
    found: list[HighRiskOrder] = []
    conn = connection()
    for start in range(0, len(ids), 900):
        part = ids[start : start + 900]
        marks = ",".join("?" * len(part))
        for oid, number, rules in conn.execute(
            f"SELECT id, shop_order_no, risk_rules FROM sales_order WHERE id IN ({marks})"
            " AND risk_rules LIKE '%blacklist%' ORDER BY id",
            part,
        ):
            hits = tuple(h.rule for h in decode_hits(rules))
            if "blacklist" in hits:
                found.append(HighRiskOrder(oid, number, hits))
    return found


@dataclass(frozen=True, slots=True)
class FraudLosses:
    """Refunds on orders the fraud checks flagged (seed 7.2: what fraud costs)."""

    orders: int
    refunded_fen: int


def fraud_losses(
    since: int | None = None, until: int | None = None, shop_id: int | None = None
) -> FraudLosses:
    """Refunded or refunding orders that were flagged (watch or high), created in
    ``[since, until)`` (open ends when None), of one shop or of all (*shop_id* None).

    For the dashboard: the sale amount of those orders is counted as lost to fraud.
    """
    params: list[int] = [
        since if since is not None else -(2**62),
        until if until is not None else 2**62,
    ]
    shop_sql = ""
    if shop_id is not None:
        shop_sql = " AND shop_id = ?"
        params.append(shop_id)
    row = (
        connection()
        .execute(
            "SELECT count(*), coalesce(sum(sale_fen), 0) FROM sales_order INDEXED BY"
            " sales_order_risk WHERE risk_level > 0 AND created_at >= ? AND created_at < ?"
            " AND status IN ('refunding', 'refunded')" + shop_sql,
            params,
        )
        .fetchone()
    )
    return FraudLosses(int(row[0]), int(row[1]))


# --- buyer events (history) -------------------------------------------------------------------


# --- blacklist --------------------------------------------------------------------------------


def context() -> RiskContext:
    """The current scoring context (salt, settings, blacklists) — for the UI's explanations."""
    return load_context(connection(), bitmaps=False)
