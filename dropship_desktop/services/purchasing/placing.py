"""Placing a 1688 order by hand and linking it: record the attempt, confirm, abandon, link.

The attempt is recorded before anything happens (record-before-send); the number the seller
types (or a 1688 order file) links the 1688 order to the shop order."""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import peewee

from ...context import AppContext
from ...domain.enums import (
    OrderStatus1688,
)
from ...domain.fulfilment import (
    BLOCKING_WARNINGS,
    Cargo,
    QueueWarning,
    Receiver,
    receiver_block,
)
from ...domain.timeutil import now_epoch
from ...errors import UserError
from ...i18n import QT_TRANSLATE_NOOP, Label, label
from ...store.db import connection, execute_sql
from ..base import Changes, audit, write_op
from ..mapping import propose_from_links
from ..order_summaries import refresh_order_summaries
from .attempts import (
    _ATTEMPT_SQL,
    _CLOSED,
    _CLOSED_MARKS,
    _LIVE,
    _LIVE_MARKS,
    _ORDER_NO_RE,
    _S,
    DEFAULT_MIN_MARGIN_PCT,
    AttemptRow,
    _attempt,
    _changes,
    _load_attempt,
    _refuse_state,
    _set_state,
)
from .queue import queue_rows

__all__ = [
    "PurchaseStart",
    "abandon_purchase",
    "confirm_ordered",
    "link_purchase",
    "on_supplier_orders_linked",
    "start_purchase",
]


@dataclass(frozen=True)
class PurchaseStart:
    """A purchase just recorded: what the seller copies and opens.

    Attributes:
        receiver_text: The receiver block for 1688's address form (manual purchases only; its
            reveal is recorded in the audit log).
        offer_ids_1688: The offers to open, in line order.
    """

    attempt_id: int
    out_order_id: str
    receiver_text: str
    offer_ids_1688: tuple[str, ...]
    changes: Changes


def _full_receiver(sales_order_id: int) -> tuple[Receiver, str, str]:
    row = execute_sql(
        "SELECT buyer_name, buyer_phone, ship_address, shop_order_no, buyer_data_removed"
        " FROM sales_order WHERE id = ?",
        (sales_order_id,),
    ).fetchone()
    if row is None:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "This order no longer exists; it may have been deleted.")
        )
    return Receiver.of(row[0], row[1], row[2]), row[3], row[4]


@write_op
def start_purchase(
    ctx: AppContext,
    sales_order_id: int,
    *,
    channel: str = "manual",
    connector: str = "manual",
    account_id: int | None = None,
    order_again: bool = False,
    min_margin_pct: float = DEFAULT_MIN_MARGIN_PCT,
) -> PurchaseStart:
    """Record a purchase for one shop order before the seller (or the API) places it.

    The cargo is what the queue shows: each line's mapped offer (a backup when the main one is
    out of stock) or the suggested one. Refused when the order is blocked (no mapping, receiver
    hidden, cancelled on the shop, an offer without its 1688 id), when a purchase for it is
    already in progress, or when it has a live 1688 order and *order_again* is not set.

    Raises:
        UserError: Why it cannot be placed, and what to do.
    """
    existing = execute_sql(
        _ATTEMPT_SQL + f" WHERE sales_order_id = ? AND state IN ({_LIVE_MARKS})",
        [sales_order_id, *_LIVE],
    ).fetchone()
    if existing is not None:
        attempt = _attempt(existing)
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "A 1688 order for this shop order is already “{state}”. Paste its 1688 number, "
                "or say it was not ordered, before ordering again.",
            ),
            state=label(attempt.state),
        )
    live = execute_sql(
        "SELECT order_id_1688 FROM supplier_order WHERE sales_order_id = ?"
        f" AND status NOT IN ({_CLOSED_MARKS}) ORDER BY id LIMIT 1",
        [sales_order_id, *_CLOSED],
    ).fetchone()
    if live is not None and not order_again:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "This shop order already has the live 1688 order {order}. Choose “Order again” "
                "only if that one will not ship (for example the supplier ran out).",
            ),
            order=live[0] or "—",
        )
    rows = queue_rows([sales_order_id], min_margin_pct=min_margin_pct)
    if not rows:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "This order no longer exists; it may have been deleted.")
        )
    row = rows[0]
    blocking = [w for w in row.warnings if w in BLOCKING_WARNINGS]
    if any(QueueWarning.NO_OFFER_ID in line.warnings for line in row.lines):
        blocking.append(QueueWarning.NO_OFFER_ID)
    if blocking:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "This order cannot be placed yet: {problems}."),
            problems=Label(
                "; ".join(w.label_en for w in blocking), "；".join(w.label_zh for w in blocking)
            ),
        )
    if channel == "api" and row.suppliers > 1:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The lines of this order come from {count} suppliers; 1688 takes one supplier per "
                "order. Place it by hand, one 1688 order per supplier.",
            ),
            count=row.suppliers,
        )
    cargo = [
        Cargo(
            line.line_id,
            line.offer_id_1688,
            line.spec_id_1688,
            line.pieces,
            line.product_title or line.title,
            line.offer_id,
            int(line.supplier_key[1:]) if line.supplier_key.startswith("s") else None,
            (line.cost_fen or 0) // max(1, line.pieces),
        )
        for line in row.lines
    ]
    now = ctx.clock()
    out_order_id = f"DSD{sales_order_id}-{uuid.uuid4().hex[:12]}"
    try:
        cursor = execute_sql(
            "INSERT INTO purchase_attempt (sales_order_id, out_order_id, channel, connector,"
            " account_id, state, order_again, cargo, goods_fen, dropship_fee_fen, shipping_fen,"
            " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                sales_order_id,
                out_order_id,
                channel,
                connector,
                account_id,
                _S.RECORDED.value,
                int(order_again),
                json.dumps([c.as_dict() for c in cargo], ensure_ascii=False),
                row.goods_fen,
                row.dropship_fee_fen,
                row.freight_fen,
                now,
                now,
            ),
        )
    except (sqlite3.IntegrityError, peewee.IntegrityError) as exc:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "A 1688 order for this shop order is already being placed.")
        ) from exc
    attempt_id = int(cursor.lastrowid)
    audit(
        "purchase_attempt",
        attempt_id,
        "purchase_recorded",
        after={
            "channel": channel,
            "out_order_id": out_order_id,
            "order_again": order_again,
            "offers": [c.offer_id_1688 for c in cargo],
        },
        sales_order_id=sales_order_id,
    )
    text = ""
    if channel == "manual":
        receiver, shop_order_no, _removed = _full_receiver(sales_order_id)
        text = receiver_block(receiver, shop_order_no)
        audit(
            "sales_order",
            sales_order_id,
            "reveal_buyer_data",
            after={"fields": ["buyer_name", "buyer_phone", "ship_address"], "purpose": "purchase"},
            sales_order_id=sales_order_id,
        )
    offers = tuple(dict.fromkeys(c.offer_id_1688 for c in cargo if c.offer_id_1688))
    return PurchaseStart(
        attempt_id,
        out_order_id,
        text,
        offers,
        _changes(
            sales_order_id,
            attempt_id,
            QT_TRANSLATE_NOOP("Messages", "Purchase recorded for order {order}."),
            order=row.shop_order_no,
        ),
    )


@write_op
def confirm_ordered(ctx: AppContext, attempt_id: int) -> Changes:
    """The seller placed the order on 1688; its number is not known yet."""
    attempt = _load_attempt(attempt_id)
    if attempt.state is _S.NUMBER_PENDING:
        return Changes.of()
    if attempt.state is not _S.RECORDED or attempt.channel != "manual":
        raise _refuse_state(attempt)
    _set_state(attempt, _S.NUMBER_PENDING)
    return _changes(
        attempt.sales_order_id,
        attempt.id,
        QT_TRANSLATE_NOOP(
            "Messages", "Marked as ordered on 1688; paste the number when you have it."
        ),
    )


@write_op
def abandon_purchase(ctx: AppContext, attempt_id: int, note: str = "") -> Changes:
    """Nothing was ordered on 1688 after all: the shop order goes back to the queue.

    An API attempt whose answer was lost (``unknown``) cannot be abandoned: look it up.
    """
    attempt = _load_attempt(attempt_id)
    allowed = (_S.RECORDED, _S.NUMBER_PENDING) + (
        (_S.UNKNOWN,) if attempt.channel == "manual" else ()
    )
    if attempt.state not in allowed:
        raise _refuse_state(attempt)
    _set_state(attempt, _S.ABANDONED, message=note.strip()[:500])
    return _changes(
        attempt.sales_order_id,
        attempt.id,
        QT_TRANSLATE_NOOP("Messages", "Purchase withdrawn; the order is back in the queue."),
    )


def _link_orders(
    attempt: AttemptRow,
    numbers: Sequence[str],
    *,
    status: str,
    total_fen: int | None = None,
    freight_fen: int | None = None,
    via: str = "pasted",
) -> list[int]:
    """Link (or create) the 1688 orders *numbers* to the attempt's shop order."""
    now = now_epoch()
    so = execute_sql(
        "SELECT o.shop_order_no, sh.platform, o.buyer_name, o.buyer_phone FROM sales_order o"
        " JOIN shop sh ON sh.id = o.shop_id WHERE o.id = ?",
        (attempt.sales_order_id,),
    ).fetchone()
    if so is None:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "This order no longer exists; it may have been deleted.")
        )
    # Goods of several suppliers go to several 1688 orders: hand them out in supplier order.
    groups: dict[object, list[Cargo]] = {}
    for cargo in attempt.cargo:
        groups.setdefault(cargo.supplier_id or cargo.offer_id_1688, []).append(cargo)
    group_list = list(groups.values())
    account = execute_sql(
        "SELECT account_id FROM purchase_attempt WHERE id = ?", (attempt.id,)
    ).fetchone()[0]
    linked = []
    for index, number in enumerate(numbers):
        row = execute_sql(
            "SELECT id, sales_order_id FROM supplier_order WHERE order_id_1688 = ?", (number,)
        ).fetchone()
        if row is not None:
            if row[1] not in (None, attempt.sales_order_id):
                other = execute_sql(
                    "SELECT shop_order_no FROM sales_order WHERE id = ?", (row[1],)
                ).fetchone()
                raise UserError(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "1688 order {order} already belongs to order {other}. Check the number.",
                    ),
                    order=number,
                    other=other[0] if other else row[1],
                )
            execute_sql(
                "UPDATE supplier_order SET sales_order_id = ?, updated_at = ? WHERE id = ?",
                (attempt.sales_order_id, now, row[0]),
            )
            linked.append(int(row[0]))
            continue
        cargo = group_list[index] if index < len(group_list) else []
        if index == len(numbers) - 1 and len(group_list) > len(numbers):
            cargo = [c for g in group_list[index:] for c in g]
        goods = sum(c.unit_price_fen * c.quantity for c in cargo)
        first = index == 0
        fee = attempt_fee = 0
        freight = 0
        if first:
            attempt_row = execute_sql(
                "SELECT dropship_fee_fen, shipping_fen FROM purchase_attempt WHERE id = ?",
                (attempt.id,),
            ).fetchone()
            attempt_fee, freight = attempt_row
            fee = attempt_fee
        if freight_fen is not None and first:
            freight = freight_fen
        if total_fen is not None and first:
            goods = max(0, total_fen - freight)
            fee = 0
        cursor = execute_sql(
            "INSERT INTO supplier_order (sales_order_id, supplier_id, offer_id, account_id,"
            " order_id_1688, status, product_title, quantity, cost_fen, dropship_fee_fen,"
            " shipping_fen, paid_fen, recipient_name, recipient_phone, created_at, updated_at,"
            " downstream_order_no, downstream_channel, is_dropship)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, 1)",
            (
                attempt.sales_order_id,
                cargo[0].supplier_id if cargo else None,
                cargo[0].offer_id if cargo else None,
                account,
                number,
                status,
                "；".join(dict.fromkeys(c.title for c in cargo if c.title)),
                sum(c.quantity for c in cargo) or 1,
                goods,
                fee,
                freight,
                so[2],
                so[3],
                now,
                now,
                so[0],
                so[1],
            ),
        )
        so_id = int(cursor.lastrowid)
        connection().executemany(
            "INSERT INTO supplier_order_line (supplier_order_id, line_no, title, offer_id_1688,"
            " sku_id_1688, quantity, unit_price_fen, amount_fen) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    so_id,
                    n + 1,
                    c.title,
                    c.offer_id_1688,
                    c.spec_id_1688,
                    c.quantity,
                    c.unit_price_fen,
                    c.unit_price_fen * c.quantity,
                )
                for n, c in enumerate(cargo)
            ],
        )
        linked.append(so_id)
    for so_id in linked:
        audit(
            "supplier_order",
            so_id,
            "link",
            after={"sales_order_id": attempt.sales_order_id, "via": via, "attempt": attempt.id},
            sales_order_id=attempt.sales_order_id,
        )
    refresh_order_summaries([attempt.sales_order_id])
    propose_from_links([attempt.sales_order_id])
    return linked


@write_op
def link_purchase(ctx: AppContext, attempt_id: int, numbers_text: str) -> Changes:
    """Link the 1688 order(s) the seller placed, from the number(s) pasted.

    A number 1688 already exported into the app is linked; a new one is created as a paid,
    not yet shipped 1688 order with the purchase's estimated cost (the next 1688 export fills
    in what was really paid).

    Raises:
        UserError: No 1688 order number in the text, or one belongs to another shop order.
    """
    attempt = _load_attempt(attempt_id)
    if attempt.state not in (_S.RECORDED, _S.NUMBER_PENDING, _S.UNKNOWN):
        raise _refuse_state(attempt)
    numbers = list(dict.fromkeys(_ORDER_NO_RE.findall(numbers_text or "")))
    if not numbers:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "No 1688 order number found in “{text}”. Copy the order number (订单号, the long "
                "number on the 1688 order page) and paste it here.",
            ),
            text=(numbers_text or "").strip()[:40],
        )
    _link_orders(attempt, numbers, status=OrderStatus1688.WAIT_SELLER_SEND.value)
    _set_state(attempt, _S.LINKED, order_ids_1688=",".join(numbers))
    return _changes(
        attempt.sales_order_id,
        attempt.id,
        QT_TRANSLATE_NOOP("Messages", "1688 order {order} linked."),
        order=", ".join(numbers),
    )


@write_op
def on_supplier_orders_linked(sales_order_ids: Iterable[int]) -> int:
    """After 1688 orders were linked to shop orders (import, by hand): learn and close the loop.

    Proposes mappings from the pairs (:func:`~.mapping.propose_from_links`), and a purchase
    still waiting for its number (or whose answer was lost) is marked linked when its shop
    order now has a live 1688 order. Runs inside the caller's transaction.

    Returns:
        How many purchases were closed this way.
    """
    ids = sorted(set(sales_order_ids))
    if not ids:
        return 0
    propose_from_links(ids)
    closed = 0
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for row in execute_sql(
            _ATTEMPT_SQL + f" WHERE sales_order_id IN ({marks}) AND state IN ({_LIVE_MARKS})",
            [*chunk, *_LIVE],
        ).fetchall():
            attempt = _attempt(row)
            if attempt.state is _S.SENT:
                continue  # being answered right now
            numbers = [
                r[0]
                for r in execute_sql(
                    "SELECT order_id_1688 FROM supplier_order WHERE sales_order_id = ?"
                    f" AND status NOT IN ({_CLOSED_MARKS}) AND created_at >= ? ORDER BY id",
                    [attempt.sales_order_id, *_CLOSED, attempt.created_at - 3600],
                )
                if r[0]
            ]
            if numbers:
                _set_state(attempt, _S.LINKED, order_ids_1688=",".join(numbers))
                closed += 1
    return closed
