"""Fulfilment services: SKU mapping learned and applied, the purchase queue, placing orders."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from dropship_desktop.connectors.base import ConnectorUnavailable
from dropship_desktop.connectors.fake import FakeConnector
from dropship_desktop.context import AppContext
from dropship_desktop.domain.fulfilment import AttemptState, QueueWarning
from dropship_desktop.errors import UserError
from dropship_desktop.services import mapping as mp
from dropship_desktop.services import purchasing as pu
from dropship_desktop.services.orders import link_supplier_order
from tests.helpers.fulfilment_data import (
    BACKUP_1688,
    OFFER_1688,
    TODAY,
    one,
    paid_order,
    q,
    seed_shops_and_offers,
    supplier_order,
)


class SimulatedCrash(BaseException):
    """The app being killed mid-call."""


@pytest.fixture(autouse=True)
def world(fresh_db: Path) -> None:
    seed_shops_and_offers()


def _row(order_id: int, **kwargs: object) -> pu.QueueRow:
    return pu.queue_rows([order_id], **kwargs)[0]  # type: ignore[arg-type]


def _learn(order_id: int, number: str = "4001000000000000001", qty: int = 1) -> int:
    so = supplier_order(None, number, qty=qty)
    link_supplier_order(so, order_id)
    return so


def _fake() -> FakeConnector:
    fake = FakeConnector()
    fake.add_offer(OFFER_1688, price_fen=1500, stock=10)
    fake.add_offer(BACKUP_1688, price_fen=1700, stock=10)
    return fake


def _dump() -> dict[str, list[tuple[object, ...]]]:
    tables = [r[0] for r in q("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
    return {str(t): q(f'SELECT * FROM "{t}"') for t in tables if "fts" not in str(t)}


# ---- mapping ---------------------------------------------------------------------------------


def test_a_link_by_hand_proposes_the_pair_and_confirming_applies_it() -> None:
    first = paid_order(product_id=None)
    _learn(first)
    (mapping,) = q(
        "SELECT listing_key, offer_id, offer_id_1688, spec_id_1688, state, quantity_factor FROM sku_mapping"
    )
    assert mapping == ("code:ts-001|白色;m", 1, OFFER_1688, "5012345", "proposed", 1)

    later = paid_order(product_id=None)
    row = _row(later)
    assert row.lines[0].source == "proposed"
    assert QueueWarning.PROPOSED in row.warnings
    mp.confirm_mappings([int(one("SELECT id FROM sku_mapping"))])
    row = _row(later)
    line = row.lines[0]
    assert (line.source, line.offer_id, line.offer_id_1688, line.spec_id_1688) == (
        "confirmed",
        1,
        OFFER_1688,
        "5012345",
    )
    assert QueueWarning.PROPOSED not in row.warnings
    assert line.profit_fen == 3990 - 1500 - 100 - 400
    # Goods 15.00 + dropship fee 1.00 + freight 4.00 against a 39.90 sale.
    assert (row.goods_fen, row.dropship_fee_fen, row.freight_fen, row.profit_fen) == (
        1500,
        100,
        400,
        1990,
    )


def test_a_second_link_to_the_same_offer_proposes_nothing_new() -> None:
    _learn(paid_order())
    _learn(paid_order(), "4001000000000000002")
    assert one("SELECT count(*) FROM sku_mapping") == 1


def test_the_quantity_factor_is_learned_and_tier_prices_apply() -> None:
    first = paid_order(title="T恤 2件装", spec="")
    _learn(first, qty=2)
    assert one("SELECT quantity_factor FROM sku_mapping") == 2
    mp.confirm_mappings([int(one("SELECT id FROM sku_mapping"))])
    row = _row(paid_order(title="T恤 2件装", spec=""))
    assert row.lines[0].pieces == 2
    assert row.lines[0].cost_fen == 2 * 1400  # the tier from 2 pieces


def test_a_mapping_applies_to_lines_that_carry_more_ids_later() -> None:
    _learn(paid_order())
    mp.confirm_mappings([int(one("SELECT id FROM sku_mapping"))])
    newer = paid_order(item_id="6543210987", sku_id="5123456789012")
    assert _row(newer).lines[0].source == "confirmed"
    other_shop = paid_order(shop=2)
    assert _row(other_shop).lines[0].source == "suggested"  # mappings are per shop


def test_matching_on_import_learns_too() -> None:
    from dropship_desktop.services.base import write_op
    from dropship_desktop.services.order_import import _match_waiting_supplier_orders

    order = paid_order()
    so = supplier_order(None, "4001000000000000009")
    q(
        "UPDATE supplier_order SET recipient_name = '张伟', recipient_phone = '13812345678' WHERE id = ?",
        so,
    )
    write_op(_match_waiting_supplier_orders)([order])
    assert one("SELECT sales_order_id FROM supplier_order WHERE id = ?", so) == order
    assert one("SELECT state FROM sku_mapping") == "proposed"


def test_backups_are_ordered_and_used_when_the_main_offer_is_out_of_stock() -> None:
    order = paid_order()
    key = _row(order).lines[0]
    assert key.source == "suggested"
    listing = "code:ts-001|白色;m"
    mp.save_mapping(mp.MappingInput(1, listing, offer_id_1688=OFFER_1688, spec_id_1688="5012345"))
    mp.save_mapping(
        mp.MappingInput(
            1, listing, offer_id_1688=f"https://detail.1688.com/offer/{BACKUP_1688}.html"
        )
    )
    targets = mp.mappings_of_listing(1, listing)
    assert [t.offer_id_1688 for t in targets] == [OFFER_1688, BACKUP_1688]
    assert targets[1].offer_id == 2  # found the seller's own offer by its link
    q("UPDATE offer SET stock = 0 WHERE id = 1")
    row = _row(order)
    assert row.lines[0].offer_id_1688 == BACKUP_1688
    assert QueueWarning.OUT_OF_STOCK not in row.warnings
    mp.move_mapping(targets[1].id, -1)
    assert [t.offer_id_1688 for t in mp.mappings_of_listing(1, listing)] == [
        BACKUP_1688,
        OFFER_1688,
    ]
    q("UPDATE offer SET stock = 0 WHERE id = 2")
    assert QueueWarning.OUT_OF_STOCK in _row(order).warnings


def test_a_bad_mapping_is_refused_with_what_to_do() -> None:
    with pytest.raises(UserError, match="not a 1688 Offer ID"):
        mp.save_mapping(mp.MappingInput(1, "code:x|", offer_id_1688="abc"))
    with pytest.raises(UserError, match="1–1000"):
        mp.save_mapping(mp.MappingInput(1, "code:x|", offer_id_1688=OFFER_1688, quantity_factor=0))
    assert one("SELECT count(*) FROM sku_mapping") == 0


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_the_mapping_table_round_trips_through_a_file(tmp_path: Path, suffix: str) -> None:
    _learn(paid_order())
    mp.save_mapping(
        mp.MappingInput(1, "code:ts-001|白色;m", offer_id_1688=BACKUP_1688, quantity_factor=2)
    )
    path = tmp_path / f"mappings{suffix}"
    assert mp.export_mappings(path) == 2
    before = q(
        "SELECT shop_id, listing_key, target_key, quantity_factor, priority, state FROM sku_mapping ORDER BY id"
    )
    q("DELETE FROM sku_mapping")
    mp.import_mappings(path)
    after = q(
        "SELECT shop_id, listing_key, target_key, quantity_factor, priority, state FROM sku_mapping ORDER BY priority"
    )
    assert sorted(after) == sorted(before)


def test_a_bad_mapping_file_changes_nothing(tmp_path: Path) -> None:
    from dropship_desktop.tabular.writer import write_csv

    _learn(paid_order())
    path = tmp_path / "bad.csv"
    write_csv(
        path,
        ["店铺", "商家编码", "规格", "1688商品ID", "每件数量"],
        [["淘宝小店", "A-1", "", "610947572399", "2"], ["没有的店", "B-2", "", "abc", "x"]],
    )
    before = _dump()
    with pytest.raises(UserError) as info:
        mp.import_mappings(path)
    text = str(info.value)
    assert "Row 3" in text and "没有的店" in text and "abc" in text
    assert _dump() == before
    other = tmp_path / "orders.csv"
    write_csv(other, ["订单编号", "金额"], [["1", "2"]])
    with pytest.raises(UserError, match="not a mapping file"):
        mp.import_mappings(other)


def test_the_mapping_view_ranks_unmapped_listings_by_waiting_orders() -> None:
    for _ in range(3):
        paid_order(code="MUG-1", title="陶瓷马克杯", spec="")
    paid_order(code="TS-001")
    done = paid_order(code="CAP-9", title="帽子", spec="")
    _learn(done)
    rows = mp.listing_rows()
    assert [(r.title, r.waiting_orders, r.state) for r in rows] == [
        ("陶瓷马克杯", 3, "unmapped"),
        ("纯棉T恤 白色", 1, "unmapped"),
        ("帽子", 0, "proposed"),
    ]


# ---- the queue -------------------------------------------------------------------------------


def test_the_queue_is_most_urgent_first_and_skips_orders_already_ordered() -> None:
    later = paid_order(ship_in_hours=48)
    overdue = paid_order(ship_in_hours=-2)
    soon = paid_order(ship_in_hours=3)
    ordered = paid_order(ship_in_hours=1)
    supplier_order(ordered, "4001000000000000100")
    cancelled_1688 = paid_order(ship_in_hours=5)
    supplier_order(cancelled_1688, "4001000000000000101", status="cancel")
    paid_order(status="shipped")
    assert pu.queue_ids() == [overdue, soon, cancelled_1688, later]
    assert pu.queue_ids(limit=2) == [overdue, soon]
    assert pu.queue_count() == 4
    assert _row(cancelled_1688).closed_before == 1
    import time

    assert _row(overdue).overdue(int(time.time()))


def test_queue_warnings() -> None:
    unmapped = paid_order(product_id=None, code="", title="无货源的商品")
    assert _row(unmapped).warnings == (QueueWarning.NO_MAPPING,)
    hidden = paid_order(name="##密文a1b2", phone="$$密文9", address="广东省深圳市****")
    assert QueueWarning.HIDDEN_RECEIVER in _row(hidden).warnings
    # An address masked in part keeps its region as a complete-looking text: the hidden bit
    # says the street is missing.
    region_only = paid_order(address="广东省 深圳市 南山区")
    assert QueueWarning.HIDDEN_RECEIVER not in _row(region_only).warnings
    q("UPDATE sales_order SET buyer_hidden = 4 WHERE id = ?", region_only)
    assert QueueWarning.HIDDEN_RECEIVER in _row(region_only).warnings
    cheap = paid_order(price=2100)
    row = _row(cheap, min_margin_pct=10)
    assert QueueWarning.LOW_MARGIN in row.warnings and row.margin is not None
    assert QueueWarning.LOW_MARGIN not in _row(cheap, min_margin_pct=0).warnings
    q("UPDATE offer SET last_checked = ?", (TODAY - timedelta(days=30)).isoformat())
    assert QueueWarning.STALE in _row(cheap).warnings
    q("UPDATE offer SET stock = 0")
    assert _row(cheap).warnings[0] == QueueWarning.NO_MAPPING  # nothing in stock to suggest


def test_an_order_cancelled_on_the_shop_while_being_placed_stays_with_a_warning(
    ctx: AppContext,
) -> None:
    order = paid_order()
    start = pu.start_purchase(ctx, order)
    pu.confirm_ordered(ctx, start.attempt_id)
    q("UPDATE sales_order SET status = 'cancelled' WHERE id = ?", order)
    assert order in pu.queue_ids()
    row = _row(order)
    assert QueueWarning.SHOP_CANCELLED in row.warnings
    assert row.attempt is not None and row.attempt.state is AttemptState.NUMBER_PENDING


# ---- manual purchases ------------------------------------------------------------------------


def test_manual_flow_from_copying_the_address_to_the_linked_1688_order(ctx: AppContext) -> None:
    order = paid_order(address="广东省 深圳市 南山区 科技园南路88号(518000)")
    number = one("SELECT shop_order_no FROM sales_order WHERE id = ?", order)
    start = pu.start_purchase(ctx, order)
    assert start.receiver_text.splitlines() == [
        "收货人：张伟",
        "手机号码：13812345678",
        "所在地区：广东省 深圳市 南山区",
        "详细地址：科技园南路88号",
        f"留言：代发订单 {number}",
    ]
    assert start.offer_ids_1688 == (OFFER_1688,)
    assert (
        one(
            "SELECT count(*) FROM audit_event WHERE action = 'reveal_buyer_data' AND sales_order_id = ?",
            order,
        )
        == 1
    )
    with pytest.raises(UserError, match="already"):
        pu.start_purchase(ctx, order)
    pu.confirm_ordered(ctx, start.attempt_id)
    assert _row(order).attempt.state is AttemptState.NUMBER_PENDING  # type: ignore[union-attr]
    with pytest.raises(UserError, match="No 1688 order number"):
        pu.link_purchase(ctx, start.attempt_id, "not a number")
    pu.link_purchase(ctx, start.attempt_id, " 订单号：4012345678901234567 ")
    assert order not in pu.queue_ids()
    so = q(
        "SELECT status, cost_fen, dropship_fee_fen, shipping_fen, downstream_order_no, is_dropship"
        " FROM supplier_order WHERE order_id_1688 = '4012345678901234567'"
    )
    assert so == [("waitsellersend", 1500, 100, 400, number, 1)]
    assert q("SELECT offer_id_1688, sku_id_1688, quantity FROM supplier_order_line") == [
        (OFFER_1688, "", 1)
    ]
    assert (
        one("SELECT supplier_order_no FROM sales_order WHERE id = ?", order)
        == "4012345678901234567"
    )
    assert one("SELECT state FROM purchase_attempt") == "linked"
    with pytest.raises(UserError, match="live 1688 order"):
        pu.start_purchase(ctx, order)


def test_a_pasted_number_that_was_already_imported_is_linked_not_duplicated(
    ctx: AppContext,
) -> None:
    order = paid_order()
    imported = supplier_order(None, "4012345678900000001")
    start = pu.start_purchase(ctx, order)
    pu.link_purchase(ctx, start.attempt_id, "4012345678900000001")
    assert q("SELECT id, sales_order_id FROM supplier_order") == [(imported, order)]
    other = paid_order()
    start = pu.start_purchase(ctx, other)
    with pytest.raises(UserError, match="already belongs"):
        pu.link_purchase(ctx, start.attempt_id, "4012345678900000001")


def test_the_next_1688_link_closes_a_purchase_waiting_for_its_number(ctx: AppContext) -> None:
    order = paid_order()
    start = pu.start_purchase(ctx, order)
    pu.confirm_ordered(ctx, start.attempt_id)
    so = supplier_order(None, "4012345678900000002")
    link_supplier_order(so, order)
    assert q("SELECT state, order_ids_1688 FROM purchase_attempt") == [
        ("linked", "4012345678900000002")
    ]


def test_abandoning_puts_the_order_back_and_ordering_again_needs_asking(ctx: AppContext) -> None:
    order = paid_order()
    start = pu.start_purchase(ctx, order)
    pu.abandon_purchase(ctx, start.attempt_id)
    assert order in pu.queue_ids()
    start = pu.start_purchase(ctx, order)
    pu.link_purchase(ctx, start.attempt_id, "4012345678900000003")
    with pytest.raises(UserError, match="Order again"):
        pu.start_purchase(ctx, order)
    again = pu.start_purchase(ctx, order, order_again=True)
    assert again.attempt_id != start.attempt_id


def test_blocked_orders_cannot_be_placed(ctx: AppContext) -> None:
    hidden = paid_order(name="##密文", phone="***", address="****")
    with pytest.raises(UserError, match="hidden"):
        pu.start_purchase(ctx, hidden)
    unmapped = paid_order(product_id=None, code="", title="无货源")
    with pytest.raises(UserError, match="No mapping"):
        pu.start_purchase(ctx, unmapped)
    assert one("SELECT count(*) FROM purchase_attempt") == 0


def test_a_purchase_list_names_offer_spec_quantity_and_receiver(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    order = paid_order(qty=2)
    paid_order(product_id=None, code="", title="无货源")  # blocked: left out
    number = one("SELECT shop_order_no FROM sales_order WHERE id = ?", order)
    path = tmp_path / "list.xlsx"
    assert pu.write_purchase_list(str(path)) == 1
    sheet = load_workbook(path).active
    rows = [[c.value for c in r] for r in sheet.iter_rows()]
    assert rows[0][:8] == [
        "店铺订单号",
        "店铺",
        "最晚发货",
        "商品",
        "货源链接",
        "1688规格ID",
        "规格",
        "数量",
    ]
    assert rows[1][0] == number and rows[1][4] == f"https://detail.1688.com/offer/{OFFER_1688}.html"
    assert rows[1][7] == "2" and rows[1][8:14] == [
        "张伟",
        "13812345678",
        "广东省",
        "深圳市",
        "南山区",
        "科技园南路88号",
    ]
    assert all(c.data_type == "s" for c in sheet[2] if c.value is not None)


# ---- API purchases ---------------------------------------------------------------------------


def test_api_purchase_previews_then_places_with_the_apps_own_id(ctx: AppContext) -> None:
    order = paid_order()
    fake = _fake()
    outcome = pu.place_via_api(ctx, order, fake, account_id=1)
    assert outcome.state is AttemptState.LINKED
    out_id = one("SELECT out_order_id FROM purchase_attempt")
    assert [c[0] for c in fake.calls] == ["preview_order", "place_order"]
    assert fake.placed == {out_id: outcome.order_id_1688}
    assert q("SELECT status, cost_fen, shipping_fen FROM supplier_order") == [
        ("waitbuyerpay", 1500, 500)
    ]
    assert order not in pu.queue_ids()


def test_a_refused_preview_orders_nothing(ctx: AppContext) -> None:
    order = paid_order()
    fake = _fake()
    fake.add_offer(OFFER_1688, price_fen=1500, stock=0)
    outcome = pu.place_via_api(ctx, order, fake)
    assert (outcome.state, outcome.error_code) == (AttemptState.FAILED, "STOCK_NOT_ENOUGH")
    assert fake.calls_of("place_order") == []
    assert order in pu.queue_ids()


def test_a_lost_answer_is_resolved_by_lookup_never_by_ordering_again(ctx: AppContext) -> None:
    order = paid_order()
    fake = _fake()
    fake.lose_next_answers()
    outcome = pu.place_via_api(ctx, order, fake)
    assert outcome.state is AttemptState.UNKNOWN
    assert one("SELECT count(*) FROM supplier_order") == 0
    with pytest.raises(UserError, match="already"):
        pu.place_via_api(ctx, order, fake)
    resolved = pu.resolve_unknown(ctx, outcome.attempt_id, fake)
    assert resolved.state is AttemptState.LINKED
    assert len(fake.calls_of("place_order")) == 1
    assert q("SELECT order_id_1688 FROM supplier_order") == [(resolved.order_id_1688,)]


def test_a_lost_call_that_never_arrived_lets_the_seller_order_again(ctx: AppContext) -> None:
    order = paid_order()
    fake = _fake()
    fake.fail_next_place(TimeoutError("connection reset"))
    outcome = pu.place_via_api(ctx, order, fake)
    assert outcome.state is AttemptState.UNKNOWN
    resolved = pu.resolve_unknown(ctx, outcome.attempt_id, fake)
    assert (resolved.state, resolved.error_code) == (AttemptState.FAILED, "NOT_FOUND")
    assert pu.place_via_api(ctx, order, fake).state is AttemptState.LINKED
    assert len(fake.placed) == 1


def test_an_unreachable_platform_fails_safely(ctx: AppContext) -> None:
    order = paid_order()
    fake = _fake()
    fake.fail_next_place(ConnectorUnavailable("offline"))
    outcome = pu.place_via_api(ctx, order, fake)
    assert (outcome.state, outcome.error_code) == (AttemptState.FAILED, "NOT_SENT")
    assert order in pu.queue_ids()


def test_the_manual_connector_cannot_place_orders(ctx: AppContext) -> None:
    from dropship_desktop.connectors.manual import ManualConnector

    with pytest.raises(UserError, match="by hand"):
        pu.place_via_api(ctx, paid_order(), ManualConnector())


def test_a_crash_mid_call_leaves_an_entry_resolved_at_the_next_start(ctx: AppContext) -> None:
    order = paid_order()
    fake = _fake()

    def crash(request: object) -> object:
        fake.placed[request.out_order_id] = "4100000000000000777"  # type: ignore[attr-defined]
        from dropship_desktop.connectors.fake import FakeOrder

        fake.orders["4100000000000000777"] = FakeOrder("4100000000000000777", "waitbuyerpay")
        raise SimulatedCrash

    fake.place_order = crash  # type: ignore[method-assign]
    with pytest.raises(SimulatedCrash):
        pu.place_via_api(ctx, order, fake)
    assert one("SELECT state FROM purchase_attempt") == "sent"
    ctx.session.forget()  # the restart
    (found,) = pu.find_interrupted_purchases(ctx)
    assert found.state is AttemptState.UNKNOWN
    resolved = pu.resolve_unknown(ctx, found.id, fake)
    assert resolved.order_id_1688 == "4100000000000000777"
    assert one("SELECT count(*) FROM supplier_order") == 1


def test_an_api_purchase_several_suppliers_is_refused(ctx: AppContext) -> None:
    order = paid_order()
    q(
        "INSERT INTO sales_order_line (sales_order_id, product_id, title, sku, spec, quantity,"
        " unit_price_fen) VALUES (?, NULL, '备用商品', 'BK-1', '', 1, 1000)",
        order,
    )
    mp.save_mapping(mp.MappingInput(1, "code:bk-1|", offer_id=2))
    assert _row(order).suppliers == 2
    with pytest.raises(UserError, match="2 suppliers"):
        pu.place_via_api(ctx, order, _fake())


# ---- money -----------------------------------------------------------------------------------


def test_profit_uses_what_was_really_paid_once_known() -> None:
    from dropship_desktop.services.order_summaries import refresh_order_summaries

    order = paid_order()
    so = supplier_order(order, "4012345678900000010")
    refresh_order_summaries([order])
    assert one("SELECT profit_fen FROM sales_order WHERE id = ?", order) == 3990 - 1500 - 400
    q("UPDATE supplier_order SET paid_fen = 2100 WHERE id = ?", so)
    refresh_order_summaries([order])
    assert one("SELECT profit_fen FROM sales_order WHERE id = ?", order) == 3990 - 2100


def test_freight_and_discounts_are_allocated_to_the_1688_lines() -> None:
    so = supplier_order(None, "4012345678900000020", cost=1500)
    q(
        "INSERT INTO supplier_order_line (supplier_order_id, line_no, title, offer_id_1688,"
        " quantity, unit_price_fen, amount_fen) VALUES (?, 2, '杯子', '1', 1, 300, 300)",
        so,
    )
    q("UPDATE supplier_order SET cost_fen = 1800 WHERE id = ?", so)
    costs = pu.real_line_costs(so)
    # Estimated: goods 1500 + 300, freight 400 → 1833 + 367, marked as estimates.
    assert [(c.cost_fen, c.estimated) for c in costs] == [(1833, True), (367, True)]
    q("UPDATE supplier_order SET paid_fen = 2100 WHERE id = ?", so)
    assert [(c.cost_fen, c.estimated) for c in pu.real_line_costs(so)] == [
        (1750, False),
        (350, False),
    ]
    q("UPDATE supplier_order SET paid_fen = 1700 WHERE id = ?", so)  # a discount
    assert sum(c.cost_fen for c in pu.real_line_costs(so)) == 1700


def test_fee_and_freight_are_shared_by_the_lines_of_one_supplier() -> None:
    order = paid_order(qty=1)
    q(
        "INSERT INTO sales_order_line (sales_order_id, product_id, title, sku, spec, quantity,"
        " unit_price_fen) VALUES (?, 1, '纯棉T恤 黑色', 'TS-002', '', 1, 3990)",
        order,
    )
    q("UPDATE sales_order SET sale_fen = 7980 WHERE id = ?", order)
    row = _row(order)
    assert row.suppliers == 1 and (row.dropship_fee_fen, row.freight_fen) == (100, 400)
    assert [x.profit_fen for x in row.lines] == [3990 - 1500 - 250, 3990 - 1500 - 250]
    assert sum(x.profit_fen or 0 for x in row.lines) == row.profit_fen


def test_a_high_risk_order_is_flagged_in_the_queue_until_checked() -> None:
    from dropship_desktop.services import risk

    order = paid_order(name="张伟", phone="13812345678")
    assert QueueWarning.HIGH_RISK not in _row(order).warnings
    risk.add_to_blacklist(order, ["phone"], "仅退款骗子")
    row = _row(order)
    assert QueueWarning.HIGH_RISK in row.warnings
    assert not row.blocked  # a warning to read, not a block: the seller may go on
    assert [h.id for h in risk.high_risk_orders([order])] == [order]
    risk.mark_checked(order)
    assert QueueWarning.HIGH_RISK not in _row(order).warnings


def test_on_the_network_worker_every_database_step_goes_through_run_db(ctx: AppContext) -> None:
    """place_via_api / resolve_unknown with run_db (as the purchase queue runs them on the
    network worker): every database step is handed over, the connector calls are not."""
    import threading

    order = paid_order()
    fake = _fake()
    fake.lose_next_answers()
    steps: list[str] = []
    network = threading.current_thread().name

    def run_db(fn):  # type: ignore[no-untyped-def]
        steps.append(getattr(fn, "__qualname__", "?"))
        return fn()

    outcome = pu.place_via_api(ctx, order, fake, run_db=run_db)
    assert outcome.state is AttemptState.UNKNOWN
    assert len(steps) == 5  # start, load, request, begin send, mark unknown
    assert all(call[0] in ("preview_order", "place_order") for call in fake.calls)
    steps.clear()
    resolved = pu.resolve_unknown(ctx, outcome.attempt_id, fake, run_db=run_db)
    assert resolved.state is AttemptState.LINKED and len(steps) == 3  # load, sent time, link
    assert threading.current_thread().name == network
    assert len(fake.calls_of("place_order")) == 1
