"""Child process of test_kill: heavy write transactions, each commit acknowledged on stdout.

Each transaction (batch) inserts ORDERS sales orders (FTS triggers fire), one audit event, and
marks the previous batch's orders cancelled: all or nothing. After the commit returns, the batch
number is printed and flushed: from then on it must survive a kill.

Usage: python kill_child.py DB_PATH
"""

from __future__ import annotations

import sys
from pathlib import Path

from dropship_desktop.services.suppliers import SupplierInput, create_supplier
from dropship_desktop.store.db import db, open_database

ORDERS = 150


def main() -> None:
    path = Path(sys.argv[1])
    open_database(path)
    conn = db.connection()
    with db.atomic():
        conn.execute(
            "INSERT OR IGNORE INTO shop (id, platform, name, created_at) VALUES (1, 'taobao', 'k', 0)"
        )
    row = conn.execute(
        "SELECT max(entity_id) FROM audit_event WHERE action = 'kill_test_batch'"
    ).fetchone()
    batch = (row[0] + 1) if row[0] is not None else 0
    print("ready", flush=True)
    while True:
        with db.atomic():
            conn.executemany(
                "INSERT INTO sales_order (shop_id, shop_order_no, status, buyer_name, buyer_phone,"
                " ship_address, product_summary, sale_fen, quantity, remark, created_at,"
                " updated_at) VALUES (1, ?, 'paid', ?, '13800000000', ?, ?, 1000, 1, ?, 0, 0)",
                [
                    (
                        f"{batch:07d}{j:04d}",
                        f"买家{j}",
                        f"浙江省杭州市某路{j}号",
                        f"商品{batch}-{j}",
                        f"batch {batch}",
                    )
                    for j in range(ORDERS)
                ],
            )
            conn.execute(
                "UPDATE sales_order SET status = 'cancelled', updated_at = 1 WHERE remark = ?",
                (f"batch {batch - 1}",),
            )
            conn.execute(
                "INSERT INTO audit_event (at, entity, entity_id, action) "
                "VALUES (0, 'test', ?, 'kill_test_batch')",
                (batch,),
            )
            if batch % 5 == 0:  # a service call joins the same transaction
                create_supplier(SupplierInput(kind="platform", name=f"supplier {batch}"))
        print(batch, flush=True)
        batch += 1


if __name__ == "__main__":
    main()
