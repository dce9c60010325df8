"""kill -9 between recording a purchase and its answer: a resolvable entry, never a double order."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from dropship_desktop.connectors.fake import FakeConnector, FakeOrder
from dropship_desktop.context import AppContext
from dropship_desktop.domain.fulfilment import AttemptState
from dropship_desktop.errors import UserError
from dropship_desktop.services import purchasing as pu
from dropship_desktop.store.db import close_database, open_database
from tests.helpers.fulfilment_data import OFFER_1688, one, paid_order, seed_shops_and_offers

CHILD = Path(__file__).with_name("purchase_child.py")


def _killed_at(db_path: Path, order: int, stage: str) -> str:
    close_database()
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).parents[2]))
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(db_path), str(order), stage],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert child.stdout is not None
        out_order_id = child.stdout.readline().strip()
        assert out_order_id.startswith("DSD")
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
        if child.stdout is not None:
            child.stdout.close()
    open_database(db_path)  # the restart: the test's context never sent anything
    return out_order_id


@pytest.fixture
def order(fresh_db: Path) -> int:
    seed_shops_and_offers()
    return paid_order()


def test_killed_while_sent_resolves_by_lookup_to_the_one_order(
    ctx: AppContext, fresh_db: Path, order: int
) -> None:
    out_order_id = _killed_at(fresh_db, order, "sent")
    assert one("SELECT state FROM purchase_attempt") == "sent"
    fake = FakeConnector()
    fake.add_offer(OFFER_1688, price_fen=1500, stock=5)
    # 1688 did receive it before the app died.
    fake.placed[out_order_id] = "4100000000000000555"
    fake.orders["4100000000000000555"] = FakeOrder(
        "4100000000000000555", "waitbuyerpay", total_fen=2000
    )
    (found,) = pu.find_interrupted_purchases(ctx)
    assert found.state is AttemptState.UNKNOWN
    with pytest.raises(UserError):
        pu.place_via_api(ctx, order, fake)  # never a second order while it is unknown
    assert pu.resolve_unknown(ctx, found.id, fake).order_id_1688 == "4100000000000000555"
    with pytest.raises(UserError):
        pu.place_via_api(ctx, order, fake)
    assert fake.calls_of("place_order") == []
    assert one("SELECT count(*) FROM supplier_order") == 1


def test_killed_after_recording_an_api_purchase_never_sent(
    ctx: AppContext, fresh_db: Path, order: int
) -> None:
    _killed_at(fresh_db, order, "recorded")
    (found,) = pu.find_interrupted_purchases(ctx)
    assert (found.state, found.error_code) == (AttemptState.FAILED, "NOT_SENT")
    assert order in pu.queue_ids()


def test_killed_during_a_manual_purchase_stays_for_the_seller(
    ctx: AppContext, fresh_db: Path, order: int
) -> None:
    _killed_at(fresh_db, order, "manual")
    assert pu.find_interrupted_purchases(ctx) == []
    row = pu.queue_rows([order])[0]
    assert row.attempt is not None and row.attempt.state is AttemptState.RECORDED
    pu.link_purchase(ctx, row.attempt.id, "4100000000000000556")
    assert one("SELECT count(*) FROM supplier_order") == 1
