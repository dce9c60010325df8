"""Demo data for real platform exports (issue #12): what a 1688 buyer export and the shop
exports leave in the database, so the demo shows it.

- The goods lines of recent 1688 orders (Offer ID, SKU ID, 货号, 单价), their 下游渠道 /
  下游订单号 link to the shop order they were placed for, 是否代发订单 and 下单批次号.
- A few 1688 orders naming a shop order that is not imported yet (waiting for it).
- Douyin orders whose receiver name and phone the platform hid in its export.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime

from ..store.db import atomic, connection

__all__ = ["add_platform_export_demo"]

_CHANNELS = {
    "taobao": "淘宝",
    "tmall": "天猫",
    "pdd": "拼多多",
    "douyin": "抖音",
    "kuaishou": "快手",
}


def add_platform_export_demo(seed: int, limit: int = 400) -> None:
    """Add the lines, links and hidden receivers described above (one transaction).

    Args:
        seed: The demo's seed (same seed, same data).
        limit: How many of the latest linked 1688 orders get their goods lines.
    """
    rng = random.Random(seed * 7919 + 12)
    conn = connection()
    with atomic():
        linked = conn.execute(
            "SELECT so.id, so.sales_order_id, so.offer_id, so.cost_fen, so.created_at,"
            " o.shop_order_no, s.platform FROM supplier_order so"
            " JOIN sales_order o ON o.id = so.sales_order_id JOIN shop s ON s.id = o.shop_id"
            " ORDER BY so.id DESC LIMIT ?",
            (limit,),
        ).fetchall()
        line_rows: list[tuple[object, ...]] = []
        updates: list[tuple[object, ...]] = []
        for so_id, sales_id, offer_id, cost, created, shop_order_no, platform in linked:
            lines = conn.execute(
                "SELECT title, sku, spec, quantity FROM sales_order_line"
                " WHERE sales_order_id = ? ORDER BY id",
                (sales_id,),
            ).fetchall()
            total_qty = sum(int(q) for *_rest, q in lines) or 1
            left = int(cost)
            for line_no, (title, sku, spec, qty) in enumerate(lines, start=1):
                qty = int(qty)
                share = left if line_no == len(lines) else int(cost) * qty // total_qty
                left -= share
                unit = share // qty
                line_rows.append(
                    (
                        so_id,
                        line_no,
                        title,
                        spec or "",
                        str(600_000_000_000 + int(offer_id or 0) * 97),
                        str(4_400_000_000_000 + int(offer_id or 0) * 1009 + line_no),
                        sku or "",
                        qty,
                        unit,
                        unit * qty,
                    )
                )
            batch = (
                datetime.fromtimestamp(int(created), UTC).strftime("B%Y%m%d")
                + f"{rng.randint(1, 9):03d}"
            )
            updates.append((shop_order_no, _CHANNELS.get(platform, ""), 1, batch, so_id))
        conn.executemany(
            "INSERT INTO supplier_order_line (supplier_order_id, line_no, title, spec,"
            " offer_id_1688, sku_id_1688, item_code, quantity, unit_price_fen, amount_fen)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            line_rows,
        )
        conn.executemany(
            "UPDATE supplier_order SET downstream_order_no = ?, downstream_channel = ?,"
            " is_dropship = ?, batch_no = ? WHERE id = ?",
            updates,
        )
        # Waiting 1688 orders: two of them name shop orders that are not imported yet.
        waiting = conn.execute(
            "SELECT id FROM supplier_order WHERE sales_order_id IS NULL ORDER BY id LIMIT 2"
        ).fetchall()
        conn.executemany(
            "UPDATE supplier_order SET downstream_order_no = ?, downstream_channel = '抖音',"
            " is_dropship = 1 WHERE id = ?",
            [(str(6_917_926_768_823_000_000 + rng.randint(0, 999_999)), w[0]) for w in waiting],
        )
        # Douyin hides the receiver's name and phone in its exports: some orders came so.
        conn.execute(
            "UPDATE sales_order SET buyer_name = '', buyer_phone = '', buyer_hidden = 3"
            " WHERE id IN (SELECT o.id FROM sales_order o JOIN shop s ON s.id = o.shop_id"
            " WHERE s.platform = 'douyin' AND o.buyer_data_removed = 0"
            " ORDER BY o.id DESC LIMIT 40)"
        )
