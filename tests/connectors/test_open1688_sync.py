"""Syncing 1688 orders through the local gateway into the database, and ``sync 1688``."""

from __future__ import annotations

import logging
import os
import socket
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from dropship_desktop.connectors.alibaba1688 import Open1688Connector
from dropship_desktop.connectors.alibaba1688.credentials import Credentials, save_credentials
from dropship_desktop.connectors.alibaba1688.errors import UncertainOutcome
from dropship_desktop.context import AppContext
from dropship_desktop.domain.cancel_flow import AccountRef
from dropship_desktop.services.sync_1688 import load_cursor, sync_orders
from dropship_desktop.store.db import db
from tests.helpers.fulfilment_data import paid_order, seed_shops_and_offers

from .conftest import make_gateway
from .gateway import ACCESS_TOKEN, APP_KEY, APP_SECRET, REFRESH_TOKEN, FakeGateway

NOW = datetime.now(UTC).replace(microsecond=0)


def q(sql: str, *params: object) -> list[tuple]:
    return db.execute_sql(sql, params).fetchall()


def account() -> AccountRef:
    cursor = db.execute_sql(
        "INSERT INTO distribution_account (name, member_id, connector, created_at)"
        " VALUES ('采购号', '', 'open1688', 0)"
    )
    ref = AccountRef(int(cursor.lastrowid), "采购号", "", "open1688")
    save_credentials(
        ref.id,
        Credentials(
            APP_KEY,
            APP_SECRET,
            access_token=ACCESS_TOKEN,
            access_expires_at=NOW.timestamp() + 36000,
            refresh_token=REFRESH_TOKEN,
            refresh_expires_at=NOW.timestamp() + 1e7,
        ),
    )
    return ref


def connector(gw: FakeGateway, ref: AccountRef) -> Open1688Connector:
    return Open1688Connector(
        ref, gateway=make_gateway(gw.url, min_interval=0, backoff=0, sleep=lambda s: None)
    )


def seed(gw: FakeGateway, count: int, start: int = 1) -> list[str]:
    ids = []
    for n in range(start, start + count):
        order_id = f"33000000000{n:08d}"
        created = NOW - timedelta(days=2, minutes=n)
        status = "waitbuyerreceive" if n % 5 == 0 else "waitsellersend"
        gw.add_order(
            order_id,
            status,
            created=created,
            modified=created + timedelta(minutes=1),
            paid=created + timedelta(seconds=30),
            receiver=(f"买家{n}", f"1390000{n:04d}", "浙江省 杭州市 西湖区"),
        )
        if status == "waitbuyerreceive":
            gw.add_parcel(order_id, f"ZT{n:010d}")
        ids.append(order_id)
    return ids


def test_sync_writes_all_pages_through_the_import(
    fresh_db: Path, gateway: FakeGateway, memory_keyring
) -> None:
    ref = account()
    ids = seed(gateway, 45)
    seen: list[tuple[int, int]] = []
    summary = sync_orders(
        connector(gateway, ref), ref.id, ref.name, progress=lambda d, t: seen.append((d, t))
    )
    assert summary.created == 45 and summary.pages == 3 and summary.orders_seen == 45
    assert seen[-1] == (45, 45)
    assert q("SELECT count(*) FROM supplier_order")[0][0] == 45
    # Lines with offer and spec ids, money in fen, the parcel of a shipped order.
    row = q(
        "SELECT status, cost_fen, shipping_fen, paid_fen, tracking_no, carrier, account_id"
        " FROM supplier_order WHERE order_id_1688 = ?",
        ids[4],
    )[0]
    assert row == ("waitbuyerreceive", 2000, 500, 2500, "ZT0000000005", "中通快递", ref.id)
    line = q(
        "SELECT l.offer_id_1688, l.sku_id_1688, l.spec, l.quantity, l.unit_price_fen"
        " FROM supplier_order_line l"
        " JOIN supplier_order s ON s.id = l.supplier_order_id WHERE s.order_id_1688 = ?",
        ids[0],
    )
    assert line == [("600000000001", "spec-white-l", "颜色:白色;尺码:L", 2, 1000)]
    # The import's own audit entry, as after a file import.
    assert q("SELECT count(*) FROM audit_event WHERE action = 'import_orders'")[0][0] == 3
    cursor = load_cursor(ref.id)
    assert cursor.next_page == 0 and cursor.done_upto >= int(NOW.timestamp()) - 5


def test_second_sync_is_incremental_and_records_status_changes(
    fresh_db: Path, gateway: FakeGateway, memory_keyring
) -> None:
    ref = account()
    ids = seed(gateway, 3)
    client = connector(gateway, ref)
    sync_orders(client, ref.id, ref.name)
    gateway.touch(ids[1], "waitbuyerreceive", datetime.now(UTC))
    gateway.add_parcel(ids[1], "SF1234567890", "顺丰速运")
    later = datetime.now(UTC) + timedelta(seconds=2)
    summary = sync_orders(client, ref.id, ref.name, now=later)
    assert (summary.orders_seen, summary.created, summary.updated) == (1, 0, 1)
    assert q("SELECT status, tracking_no FROM supplier_order WHERE order_id_1688 = ?", ids[1]) == [
        ("waitbuyerreceive", "SF1234567890")
    ]
    assert q("SELECT count(*) FROM audit_event WHERE action = 'status_imported'")[0][0] == 1
    # A refund applied for on 1688 (or by the wizard) shows up with its progress.
    gateway.state.orders[ids[2]]["baseInfo"]["refundStatus"] = "waitsellerreceive"
    gateway.touch(ids[2], "waitsellersend", datetime.now(UTC))
    sync_orders(client, ref.id, ref.name, now=later + timedelta(seconds=5))
    assert q("SELECT refund_status FROM supplier_order WHERE order_id_1688 = ?", ids[2]) == [
        ("waitsellerreceive",)
    ]
    assert q("SELECT count(*) FROM audit_event WHERE action = 'refund_status_synced'")[0][0] == 1
    # The second window started where the first ended (minus the overlap), not 30 days back.
    starts = [c["modifyStartTime"] for c in gateway.calls_of("alibaba.trade.getBuyerOrderList")]
    assert starts[-1] > starts[0]


def test_dropped_connection_mid_sync_resumes_without_duplicates(
    fresh_db: Path, gateway: FakeGateway, memory_keyring
) -> None:
    ref = account()
    seed(gateway, 45)
    client = connector(gateway, ref)
    # Page 2 never answers (connection dropped, every retry too).
    gateway.fail("alibaba.trade.getBuyerOrderList", "drop_before", times=4, skip=1)
    with pytest.raises(UncertainOutcome):
        sync_orders(client, ref.id, ref.name)
    assert q("SELECT count(*) FROM supplier_order")[0][0] == 20  # page 1 was written
    assert load_cursor(ref.id).next_page == 2
    summary = sync_orders(client, ref.id, ref.name)
    assert summary.resumed and summary.created == 25
    assert q("SELECT count(*) FROM supplier_order")[0][0] == 45
    assert q("SELECT count(DISTINCT order_id_1688) FROM supplier_order")[0][0] == 45
    pages = [c["page"] for c in gateway.calls_of("alibaba.trade.getBuyerOrderList")]
    assert pages.count("1") == 1  # page 1 was not read again


def test_answers_without_a_total_are_read_to_the_last_page(
    fresh_db: Path, gateway: FakeGateway, memory_keyring
) -> None:
    ref = account()
    seed(gateway, 40)  # two full pages, then an empty one
    gateway.state.omit_total = True
    summary = sync_orders(connector(gateway, ref), ref.id, ref.name)
    assert summary.created == 40 and summary.pages == 3


def test_cancelled_sync_resumes(fresh_db: Path, gateway: FakeGateway, memory_keyring) -> None:
    ref = account()
    seed(gateway, 30)
    client = connector(gateway, ref)
    calls = {"n": 0}

    def stop_after_one() -> bool:
        calls["n"] += 1
        return calls["n"] > 1

    first = sync_orders(client, ref.id, ref.name, should_cancel=stop_after_one)
    assert first.created == 20
    second = sync_orders(client, ref.id, ref.name)
    assert second.resumed and second.created == 10
    assert q("SELECT count(*) FROM supplier_order")[0][0] == 30


def test_orders_changing_during_a_sync_are_read_again(
    fresh_db: Path, gateway: FakeGateway, memory_keyring
) -> None:
    ref = account()
    ids = seed(gateway, 50)
    client = connector(gateway, ref)
    calls = {"n": 0}

    def change_between_pages() -> bool:
        calls["n"] += 1
        if calls["n"] == 2:  # after page 1: its first order leaves the window, the rest move up
            gateway.touch(ids[0], "cancel", NOW + timedelta(hours=1))
        return False

    summary = sync_orders(client, ref.id, ref.name, should_cancel=change_between_pages, now=NOW)
    # ids[20] moved onto page 1 after it was read: page 1 is read again, nothing is skipped.
    assert q("SELECT count(*) FROM supplier_order")[0][0] == 50
    pages = [c["page"] for c in gateway.calls_of("alibaba.trade.getBuyerOrderList")]
    assert pages == ["1", "2", "1", "2", "3"] and summary.pages == 5
    # The window is done: the next sync starts at its end, not over it again.
    assert load_cursor(ref.id).done_upto == int(NOW.timestamp())


def test_sync_of_a_busy_account_still_gets_through_its_window(
    fresh_db: Path, gateway: FakeGateway, memory_keyring
) -> None:
    ref = account()
    ids = seed(gateway, 100)
    client = connector(gateway, ref)
    moved = iter(ids[::7])

    def busy() -> bool:  # an order leaves the window before every page
        order_id = next(moved, None)
        if order_id is not None:
            gateway.touch(order_id, "cancel", NOW + timedelta(hours=1))
        return False

    summary = sync_orders(client, ref.id, ref.name, should_cancel=busy, now=NOW)
    # 5 pages of new ground; after each of the last 4, one step back (that page and this one).
    assert summary.pages <= 5 + 4 * 2
    assert load_cursor(ref.id).done_upto == int(NOW.timestamp())
    written = {r[0] for r in q("SELECT order_id_1688 FROM supplier_order")}
    in_window = {o for o, v in gateway.state.orders.items() if v["baseInfo"]["status"] != "cancel"}
    assert in_window <= written


def test_an_entry_without_refund_status_keeps_the_stored_one(
    fresh_db: Path, gateway: FakeGateway, memory_keyring
) -> None:
    ref = account()
    ids = seed(gateway, 2)
    client = connector(gateway, ref)
    sync_orders(client, ref.id, ref.name, now=NOW)
    # The wizard asked for a refund; 1688's list entry does not carry refundStatus.
    db.execute_sql(
        "UPDATE supplier_order SET refund_status = 'waitselleragree' WHERE order_id_1688 = ?",
        (ids[0],),
    )
    assert "refundStatus" not in gateway.state.orders[ids[0]]["baseInfo"]
    gateway.touch(ids[0], "waitsellersend", NOW + timedelta(seconds=1))
    sync_orders(client, ref.id, ref.name, now=NOW + timedelta(seconds=5))
    assert q("SELECT refund_status FROM supplier_order WHERE order_id_1688 = ?", ids[0]) == [
        ("waitselleragree",)
    ]


def test_downstream_number_and_receiver_link_the_shop_order(
    fresh_db: Path, gateway: FakeGateway, memory_keyring
) -> None:
    seed_shops_and_offers()
    linked_by_number = paid_order(no="TB20261101001")
    linked_by_phone = paid_order(no="TB20261101002", name="李雷", phone="13700001111")
    ref = account()
    gateway.add_order(
        "3300000000000000901",
        "waitsellersend",
        created=NOW - timedelta(hours=3),
        paid=NOW - timedelta(hours=3),
        feedback="代发订单 TB20261101001",
    )
    gateway.add_order(
        "3300000000000000902",
        "waitsellersend",
        created=NOW - timedelta(hours=2),
        paid=NOW - timedelta(hours=2),
        receiver=("李雷", "13700001111", "广东省 深圳市 南山区"),
        lines=[
            {
                "name": "纯棉T恤 白色",
                "productID": 600000000001,
                "specId": "s1",
                "quantity": 1,
                "price": 15.0,
                "itemAmount": 15.0,
                "subItemIDString": "390201",
            }
        ],
    )
    sync_orders(connector(gateway, ref), ref.id, ref.name)
    links = dict(q("SELECT order_id_1688, sales_order_id FROM supplier_order"))
    assert links["3300000000000000901"] == linked_by_number
    assert links["3300000000000000902"] == linked_by_phone
    # The shop order's summary shows its 1688 order, as after an import.
    assert q("SELECT supplier_order_no FROM sales_order WHERE id = ?", linked_by_number) == [
        ("3300000000000000901",)
    ]


# ---- the CLI ------------------------------------------------------------------------------------


def cli(data_dir: Path, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    full = {
        **{k: v for k, v in os.environ.items() if not k.startswith("DROPSHIP_DESKTOP_1688")},
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",  # never the real keyring
        **env,
    }
    return subprocess.run(
        [sys.executable, "-m", "dropship_desktop", *args, "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        timeout=120,
        env=full,
        check=False,
    )


@pytest.mark.slow
def test_cli_sync(tmp_path: Path, gateway: FakeGateway) -> None:
    seed(gateway, 23)
    assert cli(tmp_path, "demo", "--orders", "0", env={}).returncode == 0
    env = {
        "DROPSHIP_DESKTOP_1688_GATEWAY": gateway.url,
        "DROPSHIP_DESKTOP_1688_APP_KEY": APP_KEY,
        "DROPSHIP_DESKTOP_1688_APP_SECRET": APP_SECRET,
        "DROPSHIP_DESKTOP_1688_ACCESS_TOKEN": ACCESS_TOKEN,
    }
    done = cli(
        tmp_path, "sync", "1688", "--since", (NOW - timedelta(days=7)).strftime("%Y-%m-%d"), env=env
    )
    assert done.returncode == 0, done.stderr
    assert "23 orders read, 23 new" in done.stdout
    again = cli(tmp_path, "sync", "1688", "--account", "1688 API", env=env)
    assert again.returncode == 0, again.stderr
    # Not connected: a clear line, exit 1, no traceback.
    bare = {"DROPSHIP_DESKTOP_1688_GATEWAY": gateway.url}
    missing = cli(tmp_path, "sync", "1688", "--account", "nobody", env=bare)
    assert missing.returncode == 1 and "no distribution account named" in missing.stderr.lower()
    no_creds = cli(tmp_path, "sync", "1688", env=bare)
    assert no_creds.returncode == 1 and "not connected" in no_creds.stderr
    assert "Traceback" not in no_creds.stderr + missing.stderr
    # Offline: nothing reached 1688.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    offline = cli(
        tmp_path,
        "sync",
        "1688",
        env={**env, "DROPSHIP_DESKTOP_1688_GATEWAY": f"http://127.0.0.1:{port}"},
    )
    assert offline.returncode == 1 and "Cannot reach 1688" in offline.stderr
    assert "Traceback" not in offline.stderr
    bad_date = cli(tmp_path, "sync", "1688", "--since", "yesterday", env=env)
    assert bad_date.returncode == 1 and "not a date" in bad_date.stderr


# ---- no secret anywhere ---------------------------------------------------------------------------


def test_no_secret_in_database_settings_logs_or_errors(
    ctx: AppContext, fresh_db: Path, gateway: FakeGateway, memory_keyring, tmp_path: Path, caplog
) -> None:
    from PySide6.QtCore import QSettings

    from dropship_desktop.services.open1688_accounts import (
        account_statuses,
        connect_account,
        finish_authorisation,
    )

    from .gateway import AUTH_CODE

    caplog.set_level(logging.DEBUG)
    log_file = tmp_path / "app.log"
    handler = logging.FileHandler(log_file, encoding="utf-8")
    handler.setLevel(logging.DEBUG)
    logging.getLogger().addHandler(handler)
    errors: list[str] = []
    try:
        account_id, url = connect_account(
            ctx, "主账号", APP_KEY, APP_SECRET, "https://example.com/cb"
        )
        finish_authorisation(account_id, "主账号", f"https://example.com/cb?code={AUTH_CODE}")
        ref = AccountRef(account_id, "主账号", "", "open1688")
        seed(gateway, 5)
        client = connector(gateway, ref)
        sync_orders(client, ref.id, ref.name)
        gateway.expire_token()
        client.fetch_order("33000000000000000001")  # refreshed on the way
        for kind in ("drop_after", "rate", "expired"):
            gateway.fail("alibaba.trade.cancel", kind, times=9)
            try:
                client.close_order("33000000000000000001", "buyerCancel", "不要了")
            except Exception as exc:
                errors.append(f"{exc!r} {exc} {getattr(exc, 'detail', '')}")
            gateway.state.faults.clear()
        statuses = account_statuses()
        settings = QSettings()
        settings.setValue("probe", 1)
        settings.sync()
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()
    db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    creds = memory_keyring.store
    tokens = [v for v in creds.values()]
    assert any(APP_SECRET in v for v in tokens)  # it is in the keyring …
    haystacks = {
        "database": fresh_db.read_bytes().decode("utf-8", "ignore")
        + "".join(
            p.read_bytes().decode("utf-8", "ignore") for p in fresh_db.parent.glob("dropship.db-*")
        ),
        "settings": Path(settings.fileName()).read_text(encoding="utf-8", errors="ignore"),
        "log file": log_file.read_text(encoding="utf-8"),
        "log records": "\n".join(r.getMessage() for r in caplog.records),
        "errors": "\n".join(errors),
        "statuses": repr(statuses),
        "authorise url": url,
    }
    assert errors  # the faults did produce exceptions to look into
    for sentinel in (APP_SECRET, ACCESS_TOKEN, REFRESH_TOKEN, AUTH_CODE):
        for where, text in haystacks.items():
            assert sentinel not in text, f"{sentinel} found in the {where}"
