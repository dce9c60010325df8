"""Demo data for fulfilment: SKU mappings (confirmed, proposed, none), purchases in progress,
1688 tracking numbers waiting to go back to the shops (some already sent, one changed since).

Runs at the end of :func:`~dropship_desktop.services.demo.generate_demo`, deterministic for a
seed, and cheap on a million orders (it touches a few thousand rows at most).
"""

from __future__ import annotations

import json
import random

from ..domain.fulfilment import listing_keys, offer_id_from_ref
from ..store.db import atomic, connection

__all__ = ["add_fulfilment_demo"]

#: Carrier names as 1688 shows them (not always as the shops list them).
CARRIERS_1688 = ("中通快递", "圆通快递", "韵达快递", "申通快递", "顺丰快递", "极兔速递", "中国邮政")
_MAX_TO_SHIP = 400


def add_fulfilment_demo(seed: int, now_s: int) -> None:
    """Add the fulfilment demo rows (in one transaction)."""
    rng = random.Random(seed * 16 + 1)
    conn = connection()
    with atomic():
        shops = conn.execute("SELECT id, platform FROM shop ORDER BY id").fetchall()
        products = conn.execute(
            "SELECT id, title, sku, specs, preferred_offer_id FROM product ORDER BY id"
        ).fetchall()
        offers: dict[int, list[tuple[int, str]]] = {}
        for oid, pid, ref in conn.execute(
            "SELECT o.id, o.product_id, o.offer_ref FROM offer o JOIN supplier s"
            " ON s.id = o.supplier_id WHERE o.offer_ref != '' AND o.dropship_supported = 1"
            " ORDER BY o.stock IS NULL, o.stock DESC, o.id"
        ):
            offers.setdefault(pid, []).append((oid, offer_id_from_ref(ref)))
        mappings = []
        for shop_id, _platform in shops:
            for pid, title, sku, specs, _pref in products:
                choices = offers.get(pid)
                roll = rng.random()
                if not choices or roll < 0.25:
                    continue  # not mapped: the mapping view lists it with its waiting orders
                spec = (specs or "").split("；")[0]
                key = listing_keys(merchant_code=sku or "", title=title, spec=spec)[0]
                state = "proposed" if roll < 0.4 else "confirmed"
                for priority, (offer_id, offer_1688) in enumerate(
                    choices[: 2 if roll > 0.7 else 1]
                ):
                    mappings.append(
                        (
                            shop_id,
                            key,
                            sku or "",
                            title,
                            spec,
                            pid,
                            offer_id,
                            offer_1688,
                            f"1688:{offer_1688}:",
                            priority,
                            state if priority == 0 else "confirmed",
                            "learned" if state == "proposed" else "manual",
                            now_s,
                            now_s,
                        )
                    )
        conn.executemany(
            "INSERT INTO sku_mapping (shop_id, listing_key, merchant_code, title, spec,"
            " product_id, offer_id, offer_id_1688, target_key, priority, state, source,"
            " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            mappings,
        )

        # Orders waiting to be placed: a couple already ordered by hand, number pending; a few
        # Douyin ones whose receiver the platform hid.
        waiting = [
            r[0]
            for r in conn.execute(
                "SELECT o.id FROM sales_order o WHERE o.status = 'paid' AND NOT EXISTS"
                " (SELECT 1 FROM supplier_order s WHERE s.sales_order_id = o.id)"
                " ORDER BY o.ship_by DESC LIMIT 60"
            )
        ]
        for n, oid in enumerate(waiting[:2]):
            conn.execute(
                "INSERT INTO purchase_attempt (sales_order_id, out_order_id, channel, connector,"
                " state, cargo, created_at, updated_at) VALUES (?, ?, 'manual', 'manual',"
                " 'number_pending', ?, ?, ?)",
                (oid, f"DSD{oid}-demo{n}", json.dumps([]), now_s - 1800, now_s - 1800),
            )
        # The first waiting orders' listings stay unmapped: the mapping view leads with them.
        for oid in waiting[2:5]:
            for shop_id, sku, title, spec in conn.execute(
                "SELECT o.shop_id, l.sku, l.title, l.spec FROM sales_order_line l JOIN"
                " sales_order o ON o.id = l.sales_order_id WHERE o.id = ?",
                (oid,),
            ).fetchall():
                key = listing_keys(merchant_code=sku, title=title, spec=spec)[0]
                conn.execute(
                    "DELETE FROM sku_mapping WHERE shop_id = ? AND listing_key = ?", (shop_id, key)
                )
        douyin = {s for s, p in shops if p == "douyin"}
        hidden = [
            r[0]
            for r in conn.execute(
                "SELECT id FROM sales_order WHERE id IN (SELECT value FROM json_each(?))"
                " AND shop_id IN (SELECT value FROM json_each(?)) LIMIT 3",
                (json.dumps(waiting[2:]), json.dumps(sorted(douyin))),
            )
        ]
        # Stored as the import stores them: empty, with buyer_hidden saying which fields the
        # platform hid (name and phone), so no fraud rule judges the placeholders.
        conn.executemany(
            "UPDATE sales_order SET buyer_name = '', buyer_phone = '',"
            " buyer_hidden = buyer_hidden | 3 WHERE id = ?",
            [(h,) for h in hidden],
        )

        # To ship: the supplier shipped part of the paid orders' 1688 orders.
        shipped = conn.execute(
            "SELECT s.id, s.sales_order_id FROM supplier_order s JOIN sales_order o"
            " ON o.id = s.sales_order_id WHERE o.status = 'paid' AND s.status = 'waitsellersend'"
            " ORDER BY o.ship_by DESC LIMIT ?",
            (_MAX_TO_SHIP * 2,),
        ).fetchall()
        picked = [row for row in shipped if rng.random() < 0.5][:_MAX_TO_SHIP]
        updates = []
        for so_id, _sales in picked:
            carrier = rng.choice(CARRIERS_1688) if rng.random() > 0.02 else "某某同城配送"
            prefix = {"中通快递": "78", "圆通快递": "YT", "顺丰快递": "SF", "极兔速递": "JT"}.get(
                carrier, "43"
            )
            updates.append((carrier, f"{prefix}{rng.randint(10**11, 10**12)}", so_id))
        conn.executemany(
            "UPDATE supplier_order SET status = 'waitbuyerreceive', carrier = ?, tracking_no = ?"
            " WHERE id = ?",
            updates,
        )
        conn.executemany(
            "UPDATE sales_order SET supplier_status = 'waitbuyerreceive' WHERE id = ?",
            [(sales,) for _so, sales in picked],
        )
        # Some were already written to a batch-ship file; one tracking number changed since.
        sent = picked[: len(picked) // 5]
        rows = conn.execute(
            "SELECT s.sales_order_id, s.id, sh.platform, s.carrier, s.tracking_no FROM"
            " supplier_order s JOIN sales_order o ON o.id = s.sales_order_id JOIN shop sh"
            " ON sh.id = o.shop_id WHERE s.id IN (SELECT value FROM json_each(?))",
            (json.dumps([so for so, _s in sent]),),
        ).fetchall()
        from ..domain.fulfilment import carrier_for_platform

        conn.executemany(
            "INSERT INTO shipping_export (sales_order_id, supplier_order_id, platform, carrier,"
            " carrier_1688, tracking_no, file_name, exported_at) VALUES (?, ?, ?, ?, ?, ?,"
            " '批量发货.xlsx', ?)",
            [
                (
                    sales,
                    so,
                    platform,
                    carrier_for_platform(carrier, platform) or carrier,
                    carrier,
                    tracking if i else tracking[:-3] + "000",
                    now_s - 3600,
                )
                for i, (sales, so, platform, carrier, tracking) in enumerate(rows)
            ],
        )
