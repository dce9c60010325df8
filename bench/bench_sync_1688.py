"""Cost of syncing 1688 orders over the Open Platform API, against importing the same orders
from a 1688 export file (the in-run baseline).

    uv run python bench/bench_sync_1688.py [--orders 2000] [--repeat 3]

Both write the same orders through the same import into fresh empty databases; the sync also
signs and sends every request to a local gateway (tests/connectors/gateway.py, a real HTTP server
on 127.0.0.1) and parses the answers. The client's rate limit is off here (it measures the app's
own cost, though the CPU figure includes the local gateway server running in the same process;
``db_write_wall_s`` is the sync's time spent writing pages); with the default limit (5 requests/s) a sync of N orders takes at least
N / 20 pages × 0.2 s plus one logistics call per shipped order × 0.2 s, printed as
``rate_limited_floor_s``. Prints JSON lines: medians of wall and process-CPU seconds and the ratio.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import keyring  # noqa: E402

from tests.connectors.conftest import MemoryKeyring  # noqa: E402
from tests.connectors.gateway import (  # noqa: E402
    ACCESS_TOKEN,
    APP_KEY,
    APP_SECRET,
    REFRESH_TOKEN,
    FakeGateway,
)
from tests.helpers.platform_exports import (  # noqa: E402
    ALI1688_49,
    Line1688,
    Order1688,
    ali1688_rows,
    csv_file,
)


def _orders(gw: FakeGateway, count: int) -> list[Order1688]:
    now = datetime.now(UTC)
    out = []
    for n in range(count):
        number = f"34{n:017d}"
        created = now - timedelta(days=3, minutes=n)
        shipped = n % 4 == 0
        status = "waitbuyerreceive" if shipped else "waitsellersend"
        gw.add_order(
            number, status, created=created, paid=created + timedelta(minutes=1),
            total_yuan=25.0, shipping_yuan=5.0,
            receiver=(f"买家{n}", f"139{n:08d}", "浙江省 杭州市 西湖区"),
        )  # fmt: skip
        if shipped:
            gw.add_parcel(number, f"ZT{n:010d}")
        local = created.astimezone(tz=None)
        out.append(
            Order1688(
                number,
                status="等待买家确认收货" if shipped else "等待卖家发货",
                goods="20",
                freight="5",
                paid="25",
                created=local.strftime("%Y/%m/%d %H:%M"),
                paid_at=local.strftime("%Y/%m/%d %H:%M"),
                name=f"买家{n}",
                phone=f"139{n:08d}",
                carrier="中通快递" if shipped else "",
                tracking=f"ZT{n:010d}" if shipped else "",
                lines=[Line1688("纯棉T恤 白色 L", "10", 2, "600000000001", "spec-white-l")],
            )
        )
    return out


def _fresh(folder: Path, name: str) -> Path:
    from dropship_desktop.store.db import close_database, open_database

    close_database()
    path = folder / name / "dropship.db"
    path.parent.mkdir(parents=True)
    open_database(path)
    return path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--orders", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from dropship_desktop.connectors.alibaba1688 import Open1688Connector
    from dropship_desktop.connectors.alibaba1688.client import Gateway
    from dropship_desktop.connectors.alibaba1688.credentials import Credentials, save_credentials
    from dropship_desktop.domain.cancel_flow import AccountRef
    from dropship_desktop.services.order_import import import_orders_file
    from dropship_desktop.services.sync_1688 import sync_orders
    from dropship_desktop.store.db import close_database, db

    keyring.set_keyring(MemoryKeyring())
    gw = FakeGateway()
    work = Path(tempfile.mkdtemp(prefix="bench-sync-1688-"))
    orders = _orders(gw, args.orders)
    export = csv_file(work / "1688.csv", ALI1688_49, ali1688_rows(orders))
    results: dict[str, list[tuple[float, float]]] = {"import": [], "sync": []}
    db_walls: list[float] = []
    for run in range(args.repeat):
        _fresh(work, f"import{run}")
        wall, cpu = time.perf_counter(), time.process_time()
        summary = import_orders_file(export).summary
        results["import"].append((time.perf_counter() - wall, time.process_time() - cpu))
        assert summary is not None and summary.orders_created == args.orders

        _fresh(work, f"sync{run}")
        account_id = int(
            db.execute_sql(
                "INSERT INTO distribution_account (name, member_id, connector, created_at)"
                " VALUES ('bench', '', 'open1688', 0)"
            ).lastrowid
        )
        now = time.time()
        save_credentials(
            account_id,
            Credentials(
                APP_KEY, APP_SECRET, access_token=ACCESS_TOKEN, access_expires_at=now + 36000,
                refresh_token=REFRESH_TOKEN, refresh_expires_at=now + 1e7,
            ),
        )  # fmt: skip
        gateway = Gateway(gw.url, min_interval=0.0)
        connector = Open1688Connector(
            AccountRef(account_id, "bench", "", "open1688"), gateway=gateway
        )
        in_db = [0.0]

        def run_db(fn, in_db=in_db):  # type: ignore[no-untyped-def]
            started = time.perf_counter()
            try:
                return fn()
            finally:
                in_db[0] += time.perf_counter() - started

        wall, cpu = time.perf_counter(), time.process_time()
        synced = sync_orders(connector, account_id, "bench", run_db=run_db)
        results["sync"].append((time.perf_counter() - wall, time.process_time() - cpu))
        db_walls.append(in_db[0])
        connector.close()
        assert synced.created == args.orders, synced
    close_database()
    gw.close()
    shipped = sum(1 for o in orders if o.tracking)
    pages = -(-args.orders // 20)
    base_wall = statistics.median(w for w, _ in results["import"])
    base_cpu = statistics.median(c for _, c in results["import"])
    sync_wall = statistics.median(w for w, _ in results["sync"])
    sync_cpu = statistics.median(c for _, c in results["sync"])
    for name, wall_s, cpu_s in (
        ("import_1688_export", base_wall, base_cpu),
        ("sync_1688_api", sync_wall, sync_cpu),
    ):
        print(
            json.dumps(
                {
                    "bench": "sync_1688",
                    "case": name,
                    "orders": args.orders,
                    "repeat": args.repeat,
                    "wall_s": round(wall_s, 3),
                    "cpu_s": round(cpu_s, 3),
                    "wall_ratio_vs_import": round(wall_s / base_wall, 2),
                    "cpu_ratio_vs_import": round(cpu_s / base_cpu, 2),
                    "requests": pages + shipped if name == "sync_1688_api" else 0,
                    "db_write_wall_s": round(statistics.median(db_walls), 3)
                    if name == "sync_1688_api"
                    else round(wall_s, 3),
                    "rate_limited_floor_s": round((pages + shipped) * 0.2, 1)
                    if name == "sync_1688_api"
                    else 0,
                },
                ensure_ascii=False,
            )
        )


if __name__ == "__main__":
    main()
