"""Demo data for the dashboard: warning lines, shipped-but-not-sent orders, cancellation history.

Called once at the end of ``generate_demo``. The demo orders already span a year (denser
recently), so the charts have 90+ days to show; this adds what the dashboard's other panels
need to show something real:

* each shop's warning line for its 30-day cancellation rate (platforms differ);
* a few paid orders whose 1688 order the supplier has shipped while the shop still waits for
  the tracking number (the "tracking to send" to-do);
* the cancellation requests behind the demo's closed 1688 orders of the last 90 days, about a
  third of them for the supplier's stock (卖家库存不足), so suppliers show their cancellations.
"""

from __future__ import annotations

import random

from ..domain.enums import CancelReason
from ..store.db import atomic, connection
from .order_summaries import refresh_order_summaries

__all__ = ["add_dashboard_demo"]

#: Warning lines per platform (basis points): the demo shops sit on both sides of them.
_LINES = {"tmall": 1500, "taobao": 1000, "pdd": 1500, "douyin": 1500, "kuaishou": 1200}
_CARRIERS = ("中通快递", "圆通速递", "韵达快递", "申通快递")
_MAX_REQUESTS = 20_000


def add_dashboard_demo(seed: int, now_s: int) -> None:
    """Add the dashboard's demo data (in one transaction)."""
    rng = random.Random(seed * 7919 + 19)
    conn = connection()
    with atomic():
        for shop_id, platform in conn.execute("SELECT id, platform FROM shop").fetchall():
            conn.execute(
                "UPDATE shop SET cancel_warning_bp = ? WHERE id = ?",
                (_LINES.get(platform, 500), shop_id),
            )
        # The supplier shipped these; the shop still shows them as paid.
        shipped = conn.execute(
            "SELECT so.id, so.sales_order_id FROM supplier_order so"
            " JOIN sales_order o ON o.id = so.sales_order_id"
            " WHERE o.status = 'paid' AND so.status = 'waitsellersend' AND o.paid_at < ?"
            " ORDER BY so.id",
            (now_s - 86400,),
        ).fetchall()
        picked = [row for row in shipped if rng.random() < 0.35]
        conn.executemany(
            "UPDATE supplier_order SET status = 'waitbuyerreceive', carrier = ?, tracking_no = ?"
            " WHERE id = ?",
            [
                (rng.choice(_CARRIERS), f"7{rng.randint(10**11, 10**12 - 1)}", so_id)
                for so_id, _sale in picked
            ],
        )
        refresh_order_summaries([sale for _so, sale in picked])
        # The requests that closed the demo's cancelled 1688 orders of the last 90 days.
        closed = conn.execute(
            "SELECT so.id, so.created_at, so.paid_fen, so.cost_fen FROM supplier_order so"
            " WHERE so.status IN ('cancel', 'terminated') AND so.created_at >= ?"
            " ORDER BY so.id DESC LIMIT ?",
            (now_s - 90 * 86400, _MAX_REQUESTS),
        ).fetchall()
        rows = []
        for so_id, created, paid, cost in closed:
            stock = rng.random() < 0.35
            at = int(created) + rng.randint(600, 20 * 3600)
            if paid:
                action, state = "refund_request", "refunded"
                code = "default.out_of_stock" if stock else "default.not_wanted"
                text = "缺货" if stock else "不想要了"
            else:
                action, state = "close", "closed"
                code = (
                    CancelReason.SELLER_GOODS_LACK if stock else CancelReason.BUYER_CANCEL
                ).value
                text = "卖家库存不足" if stock else "买家取消订单"
            rows.append(
                (so_id, f"demo-{so_id}", action, code, text, state, paid or cost, at, at, at + 60)
            )
        conn.executemany(
            "INSERT INTO cancellation_request (supplier_order_id, batch_id, attempt, action,"
            " reason_code, reason_text, state, amount_fen, created_at, submitted_at,"
            " finished_at) VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
