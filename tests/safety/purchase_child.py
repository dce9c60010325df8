"""Child process of test_purchase_kill: records a purchase, gets as far as asked, then waits.

Usage: python purchase_child.py DB_PATH ORDER_ID (recorded|sent|manual)
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from dropship_desktop.context import AppContext
from dropship_desktop.services import purchasing as pu
from dropship_desktop.services.purchasing.api import _begin_send as begin_send


def main() -> None:
    path, order_id, stage = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    ctx = AppContext(data_dir=path.parent)
    ctx.store.open(path)
    start = pu.start_purchase(ctx, order_id, channel="manual" if stage == "manual" else "api")
    if stage == "sent":
        begin_send(ctx, start.attempt_id)
    print(start.out_order_id, flush=True)
    time.sleep(60)  # the parent kills us here: between recording and the answer


if __name__ == "__main__":
    main()
