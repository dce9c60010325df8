"""Watching linked offers through the local gateway: price, stock, delisting."""

from __future__ import annotations

from pathlib import Path

from dropship_desktop.connectors.alibaba1688 import Open1688Connector
from dropship_desktop.domain.cancel_flow import AccountRef
from dropship_desktop.domain.fulfilment import listing_keys
from dropship_desktop.domain.offer_watch import AlertKind, OfferCheck, WatchedOffer, alerts_for
from dropship_desktop.domain.timeutil import now_epoch
from dropship_desktop.services.mapping.rows import target_key
from dropship_desktop.services.offer_watch import alert_text, check_offers, watched_offers
from dropship_desktop.store.db import db
from tests.helpers.fulfilment_data import BACKUP_1688, OFFER_1688, paid_order, seed_shops_and_offers

from .conftest import make_gateway
from .gateway import FakeGateway
from .test_open1688_sync import account


def q(sql: str, *params: object) -> list[tuple]:
    return db.execute_sql(sql, params).fetchall()


def _map(offer_1688: str, offer_id: int, priority: int, factor: int = 1) -> None:
    key = listing_keys(merchant_code="TS-001", title="纯棉T恤 白色", spec="白色;M")[0]
    now = now_epoch()
    db.execute_sql(
        "INSERT INTO sku_mapping (shop_id, listing_key, merchant_code, title, spec, product_id,"
        " offer_id, offer_id_1688, spec_id_1688, target_key, quantity_factor, priority, state,"
        " created_at, updated_at) VALUES (1, ?, 'TS-001', '纯棉T恤 白色', '白色;M', 1, ?, ?,"
        " 'spec-1', ?, ?, ?, 'confirmed', ?, ?)",
        (
            key,
            offer_id,
            offer_1688,
            target_key(offer_1688, "spec-1", offer_id),
            factor,
            priority,
            now,
            now,
        ),
    )


def test_rules() -> None:
    offer = WatchedOffer("1", cost_fen=1500, sale_fen=3990, extra_fen=500, need=6)
    assert alerts_for(offer, OfferCheck(True, price_fen=1600, stock=100)) == []
    kinds = [a.kind for a in alerts_for(offer, OfferCheck(True, price_fen=3600, stock=5))]
    assert kinds == [AlertKind.MARGIN, AlertKind.STOCK]
    assert [a.kind for a in alerts_for(offer, OfferCheck(False))] == [AlertKind.DELISTED]
    assert [a.kind for a in alerts_for(offer, OfferCheck(True, on_sale=False))] == [
        AlertKind.DELISTED
    ]


def test_check_linked_offers(fresh_db: Path, gateway: FakeGateway, memory_keyring) -> None:
    seed_shops_and_offers()
    _map(OFFER_1688, 1, 0)
    _map(BACKUP_1688, 2, 1)
    paid_order(qty=3)
    paid_order(qty=3)
    ref: AccountRef = account()
    watched = {w.offer_id_1688: w for w in watched_offers()}
    assert watched[OFFER_1688].need == 6 and watched[BACKUP_1688].need == 0
    assert watched[OFFER_1688].cost_fen == 1500 and watched[OFFER_1688].sale_fen == 3990
    gateway.add_product(OFFER_1688, price=42.0, stock=4)  # dearer and short
    # BACKUP_1688 is not on 1688 any more.
    connector = Open1688Connector(
        ref, gateway=make_gateway(gateway.url, min_interval=0, backoff=0, sleep=lambda s: None)
    )
    changes = check_offers(connector)
    kinds = sorted((a.offer_id_1688, a.kind.value) for a in changes.alerts)
    assert kinds == [(OFFER_1688, "margin"), (OFFER_1688, "stock"), (BACKUP_1688, "delisted")]
    assert q("SELECT id, stock, unit_cost_fen FROM offer ORDER BY id") == [
        (1, 4, 4200),
        (2, 0, 1700),  # delisted: out of stock, as the wizard's "mark out of stock"
    ]
    assert q("SELECT count(*) FROM audit_event WHERE action = 'offer_alert'")[0][0] == 3
    assert "¥42.00" in alert_text(changes.alerts[0]) or any(
        "¥42.00" in alert_text(a) for a in changes.alerts
    )
    assert len(gateway.calls_of("alibaba.product.get")) == 2
    # A second check with nothing changed writes no new offer values.
    before = q("SELECT count(*) FROM audit_event WHERE action = 'checked_on_1688'")[0][0]
    check_offers(connector)
    assert q("SELECT count(*) FROM audit_event WHERE action = 'checked_on_1688'")[0][0] == before


def _watch_connector(gateway: FakeGateway) -> Open1688Connector:
    return Open1688Connector(
        account(),
        gateway=make_gateway(gateway.url, min_interval=0, backoff=0, sleep=lambda s: None),
    )


def test_an_answer_of_unknown_shape_is_not_checked(
    fresh_db: Path, gateway: FakeGateway, memory_keyring
) -> None:
    seed_shops_and_offers()
    _map(OFFER_1688, 1, 0)
    gateway.add_product(OFFER_1688, price=15.0, stock=50)
    gateway.state.unknown_product_shape = True
    before = q("SELECT id, stock, unit_cost_fen, last_checked FROM offer ORDER BY id")
    changes = check_offers(_watch_connector(gateway))
    assert changes.alerts == () and changes.failed == (OFFER_1688,)
    assert q("SELECT id, stock, unit_cost_fen, last_checked FROM offer ORDER BY id") == before
    assert q("SELECT count(*) FROM audit_event WHERE action = 'offer_alert'")[0][0] == 0


def test_margin_compares_the_piece_price_with_the_piece_cost(
    fresh_db: Path, gateway: FakeGateway, memory_keyring
) -> None:
    seed_shops_and_offers()
    _map(OFFER_1688, 1, 0, factor=2)  # a listing piece is two 1688 pieces
    (watched,) = watched_offers()
    assert (watched.cost_fen, watched.factor) == (1500, 2)
    # 18.00 a piece: 2 × 18.00 + 5.00 extras = 41.00 > the sale price 39.90.
    gateway.add_product(OFFER_1688, price=18.0, stock=50)
    changes = check_offers(_watch_connector(gateway))
    (alert,) = changes.alerts
    assert (alert.kind, alert.old_fen, alert.new_fen, alert.margin_fen) == (
        AlertKind.MARGIN,
        1500,
        1800,
        3990 - 3600 - 500,
    )
    assert q("SELECT unit_cost_fen FROM offer WHERE id = 1") == [(1800,)]
