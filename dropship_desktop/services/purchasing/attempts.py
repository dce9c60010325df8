"""Purchase attempts: the record-before-send rows, their states, and the SQL terms the queue shares.

One ``purchase_attempt`` per try, recorded before anything is sent; a live attempt blocks a second
purchase for the same shop order (the database enforces it with a partial unique index).
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ...domain.enums import (
    CLOSED_1688_STATUSES,
    SalesStatus,
)
from ...domain.fulfilment import (
    LIVE_ATTEMPT_STATES,
    AttemptState,
    Cargo,
)
from ...domain.timeutil import now_epoch
from ...errors import UserError
from ...i18n import QT_TRANSLATE_NOOP, label
from ...store.db import execute_sql
from ..base import Changes, audit

__all__ = ["DEFAULT_MIN_MARGIN_PCT", "AttemptRow", "attempts_of"]

log = logging.getLogger(__name__)

DEFAULT_MIN_MARGIN_PCT = 10.0
STALE_DAYS = 7
_S = AttemptState
_CLOSED = tuple(s.value for s in CLOSED_1688_STATUSES)
_CLOSED_MARKS = ",".join("?" * len(_CLOSED))
_LIVE = tuple(s.value for s in LIVE_ATTEMPT_STATES)
_LIVE_MARKS = ",".join("?" * len(_LIVE))
_SHOP_CANCELLED = (
    SalesStatus.CANCELLED.value,
    SalesStatus.REFUNDING.value,
    SalesStatus.REFUNDED.value,
)
_ORDER_NO_RE = re.compile(r"\d{12,22}")

_NO_LIVE_SUPPLIER = (
    "NOT EXISTS (SELECT 1 FROM supplier_order s WHERE s.sales_order_id = o.id"
    f" AND s.status NOT IN ({_CLOSED_MARKS}))"
)
#: Paid orders whose summary says no live 1688 order, along the partial index of migration 9
#: (the terms must match the index's WHERE word for word); _NO_LIVE_SUPPLIER re-checks them.
TO_PURCHASE = (
    "sales_order o INDEXED BY sales_order_to_purchase WHERE o.status = 'paid'"
    " AND (o.supplier_status IS NULL OR o.supplier_status IN ('cancel', 'terminated'))"
)
_ALL_PAID = "sales_order o INDEXED BY sales_order_to_ship WHERE o.status = 'paid'"

# ---- the queue -----------------------------------------------------------------------------


@dataclass(frozen=True)
class AttemptRow:
    id: int
    sales_order_id: int
    out_order_id: str
    channel: str
    connector: str
    state: AttemptState
    order_ids_1688: str
    error_code: str
    message: str
    created_at: int
    cargo: tuple[Cargo, ...] = ()

    @property
    def live(self) -> bool:
        return self.state in LIVE_ATTEMPT_STATES


_ATTEMPT_SQL = (
    "SELECT id, sales_order_id, out_order_id, channel, connector, state, order_ids_1688,"
    " error_code, message, created_at, cargo FROM purchase_attempt"
)


def _attempt(row: Sequence[Any]) -> AttemptRow:
    cargo = tuple(Cargo.from_dict(c) for c in json.loads(row[10] or "[]"))
    return AttemptRow(*row[:5], AttemptState(row[5]), *row[6:10], cargo)  # type: ignore[misc]


# ---- recording a purchase ------------------------------------------------------------------


def _changes(sales_order_id: int, attempt_id: int, message: str = "", **params: object) -> Changes:
    return Changes.of(
        "purchase_attempt",
        "sales_order",
        "supplier_order",
        ids={"purchase_attempt": [attempt_id], "sales_order": [sales_order_id]},
        message=message,
        message_params=params,
    )


def _load_attempt(attempt_id: int) -> AttemptRow:
    row = execute_sql(_ATTEMPT_SQL + " WHERE id = ?", (attempt_id,)).fetchone()
    if row is None:
        raise UserError(QT_TRANSLATE_NOOP("Errors", "This purchase no longer exists."))
    return _attempt(row)


def _refuse_state(attempt: AttemptRow) -> UserError:
    return UserError(
        QT_TRANSLATE_NOOP(
            "Errors", "The purchase for this order is “{state}”; it cannot be changed that way."
        ),
        state=label(attempt.state),
    )


def _set_state(attempt: AttemptRow, state: AttemptState, **values: Any) -> None:
    now = now_epoch()
    sets = ["state = ?", "updated_at = ?"]
    params: list[Any] = [state.value, now]
    if state in (_S.LINKED, _S.FAILED, _S.ABANDONED):
        sets.append("finished_at = ?")
        params.append(now)
    if state is _S.SENT:
        sets.append("sent_at = ?")
        params.append(now)
    for key, value in values.items():
        sets.append(f"{key} = ?")
        params.append(value)
    execute_sql(
        f"UPDATE purchase_attempt SET {', '.join(sets)} WHERE id = ?", [*params, attempt.id]
    )
    audit(
        "purchase_attempt",
        attempt.id,
        f"purchase_{state.value}",
        before={"state": attempt.state.value},
        after={"state": state.value, **{k: v for k, v in values.items() if k != "cargo"}},
        sales_order_id=attempt.sales_order_id,
    )


# ---- the API path --------------------------------------------------------------------------


def attempts_of(sales_order_id: int) -> list[AttemptRow]:
    """Every purchase attempt of a shop order, oldest first."""
    return [
        _attempt(r)
        for r in execute_sql(
            _ATTEMPT_SQL + " WHERE sales_order_id = ? ORDER BY id", (sales_order_id,)
        )
    ]


# ---- the purchase list ---------------------------------------------------------------------


# ---- money ---------------------------------------------------------------------------------
