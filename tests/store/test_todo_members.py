"""The to-do cards' orders (migration 13): always what the queues' own rule says.

The dashboard's queue cards count ``todo_member`` rows kept by triggers; these tests change
orders, 1688 orders and batch-ship records at random (through the services where they exist,
with plain SQL otherwise, as later features might) and compare the rows with the rule applied
to every order, and the cards with the queues' own counts.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dropship_desktop.context import AppContext
from dropship_desktop.domain.orders import NEAR_DEADLINE_HOURS, OrderFlag
from dropship_desktop.domain.timeutil import now_epoch
from dropship_desktop.services import cancellation as cancel_svc
from dropship_desktop.services import purchasing, shipping
from dropship_desktop.services.order_summaries import refresh_order_summaries
from dropship_desktop.services.todos import count_todos
from dropship_desktop.store import bulk_orders, todo_members
from dropship_desktop.store import daily_summary as ds
from dropship_desktop.store.bulk_orders import BulkOrderWriter
from dropship_desktop.store.db import db
from dropship_desktop.store.migrations import m0013_todo_members as m
from tests.helpers.cancellation_data import seed_world, send_each
from tests.services.test_cancellation import add_order, fake_for, run_flow
from tests.store.test_bulk_orders import _chunk
from tests.store.test_daily_summary import TAOBAO_STATUSES, _import, _pick

SUPPLIER_STATUSES = ["waitbuyerpay", "waitsellersend", "waitbuyerreceive", "success", "cancel"]


def conn():  # type: ignore[no-untyped-def]
    return db.connection()


def check_cards() -> None:
    """The stored rows equal the rule; each card equals its queue or list."""
    assert todo_members.differences(conn()) == []
    now = now_epoch()
    todos = {t.card.key: t for t in count_todos(now)}
    assert todos["to_place"].count == purchasing.queue_count()
    assert todos["to_place"].detail == purchasing.queue_due_count(now + NEAR_DEADLINE_HOURS * 3600)
    assert todos["tracking_to_send"].count == shipping.shipping_count(unsent_only=True)
    pending = int(OrderFlag.CANCEL_PENDING | OrderFlag.REFUND_PENDING)
    flagged = db.execute_sql(
        "SELECT count(*) FROM sales_order WHERE flags & ? != 0", (pending,)
    ).fetchone()[0]
    assert todos["awaiting_supplier"].count == flagged


def test_pending_flags_are_the_domain_flags() -> None:
    assert int(OrderFlag.CANCEL_PENDING | OrderFlag.REFUND_PENDING) == m.PENDING_FLAGS


def test_demo_cards_equal_their_queues_and_rebuild_agrees(demo_db: Path) -> None:
    # The template was made after migration 13: every demo row went through the triggers.
    check_cards()
    counts = {t.card.key: t.count for t in count_todos()}
    assert counts["to_place"] > 0 and counts["tracking_to_send"] > 0
    assert counts["awaiting_supplier"] > 0
    before = set(conn().execute("SELECT * FROM todo_member").fetchall())
    with db.atomic():
        rows = ds.rebuild(conn())["todo_member"]
    assert set(conn().execute("SELECT * FROM todo_member").fetchall()) == before
    assert rows == len(before)
    # A drifted row is found by the check (report --check) and put right by the rebuild.
    db.execute_sql(
        "DELETE FROM todo_member WHERE (sales_order_id, card) IN"
        " (SELECT sales_order_id, card FROM todo_member LIMIT 1)"
    )
    assert todo_members.differences(conn()) and ds.differences(conn())
    with db.atomic():
        ds.rebuild(conn())
    check_cards()


def test_the_cards_read_the_card_index_alone(demo_db: Path) -> None:
    for sql in (
        "SELECT count(*) FROM todo_member INDEXED BY todo_member_card WHERE card = ?",
        "SELECT count(*) FROM todo_member INDEXED BY todo_member_card"
        " WHERE card = ? AND ship_by < 5",
    ):
        plan = " ".join(str(r[3]) for r in conn().execute(f"EXPLAIN QUERY PLAN {sql}", ("x",)))
        assert "COVERING INDEX todo_member_card" in plan, plan


def test_bulk_import_adds_the_new_paid_orders(
    fresh_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The bulk writer suspends the insert trigger and adds each block set-based.
    conn().execute(
        "INSERT INTO shop (id, platform, name, created_at) VALUES (1, 'taobao', '店', 0)"
    )
    monkeypatch.setattr(bulk_orders, "INDEX_EVERY", 150)
    with db.atomic():
        writer = BulkOrderWriter(conn(), index_in_bulk=True)
        try:
            for start in (1, 101, 201):
                writer.add(*_chunk(1, start, 100))
            writer.finish()
        finally:
            writer.close()
    assert todo_members.count(conn(), todo_members.TO_PLACE) == 300
    trigger = conn().execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = ?", (m.ORDER_INSERT_TRIGGER,)
    )
    assert trigger.fetchone() is not None  # restored
    assert ds.differences(conn()) == []
    check_cards()


_numbers = itertools.count(1)


def _sale(status: str = "paid", ship_by: int | None = None) -> int:
    now = now_epoch()
    return int(
        db.execute_sql(
            "INSERT INTO sales_order (shop_id, shop_order_no, status, sale_fen, profit_fen,"
            " created_at, paid_at, updated_at, ship_by) VALUES (1, ?, ?, 3000, 1500, ?, ?, ?, ?)",
            (f"S{next(_numbers)}", status, now, now, now, ship_by),
        ).lastrowid
    )


def _cards(order_id: int) -> set[str]:
    return {
        str(r[0])
        for r in db.execute_sql(
            "SELECT card FROM todo_member WHERE sales_order_id = ?", (order_id,)
        )
    }


def test_each_change_moves_the_order_between_cards(fresh_db: Path) -> None:
    # One change at a time, with plain SQL where a later feature might write directly (no
    # summary refresh): each trigger alone must keep the cards right.
    seed_world()
    q = db.execute_sql
    a, b = _sale(ship_by=now_epoch() + 3600), _sale()
    assert _cards(a) == {"to_place"} and _cards(b) == {"to_place"}
    check_cards()
    so = q(
        "INSERT INTO supplier_order (sales_order_id, supplier_id, order_id_1688, status,"
        " tracking_no, cost_fen, dropship_fee_fen, shipping_fen, created_at, updated_at)"
        " VALUES (?, 1, 'X1', 'waitsellersend', '', 700, 100, 300, 1, 1)",
        (a,),
    ).lastrowid
    assert _cards(a) == set()  # a live 1688 order: no longer to place
    check_cards()
    q("UPDATE supplier_order SET status = 'cancel' WHERE id = ?", (so,))
    assert _cards(a) == {"to_place"}  # closed again: to place
    q(
        "UPDATE supplier_order SET status = 'waitbuyerreceive', tracking_no = 'YT1' WHERE id = ?",
        (so,),
    )
    refresh_order_summaries([a])
    assert _cards(a) == {"tracking_to_send"}
    check_cards()
    rows = shipping.shipping_rows([a])
    shipping.record_sent(rows, {r.platform: "f.xlsx" for r in rows})
    assert _cards(a) == set()  # sent to the shop
    check_cards()
    q("UPDATE supplier_order SET tracking_no = 'YT2' WHERE id = ?", (so,))
    assert _cards(a) == {"tracking_to_send"}  # a changed number is to send again
    q("UPDATE shipping_export SET tracking_no = 'YT2' WHERE sales_order_id = ?", (a,))
    assert _cards(a) == set()
    q("DELETE FROM shipping_export WHERE sales_order_id = ?", (a,))
    assert _cards(a) == {"tracking_to_send"}
    check_cards()
    q("UPDATE supplier_order SET sales_order_id = ? WHERE id = ?", (b, so))
    assert _cards(a) == set()  # summary still says shipped: neither queue (as the queues)
    assert _cards(b) == set()  # a live 1688 order now; its summary is not refreshed yet
    check_cards()
    refresh_order_summaries([a, b])
    assert _cards(a) == {"to_place"} and _cards(b) == {"tracking_to_send"}
    q("UPDATE supplier_order SET sales_order_id = NULL WHERE id = ?", (so,))
    assert _cards(b) == set()
    q("UPDATE supplier_order SET sales_order_id = ? WHERE id = ?", (b, so))
    assert _cards(b) == {"tracking_to_send"}
    q("DELETE FROM supplier_order WHERE id = ?", (so,))
    assert _cards(b) == set()
    check_cards()
    q("UPDATE sales_order SET flags = ? WHERE id = ?", (int(OrderFlag.REFUND_PENDING), a))
    assert _cards(a) == {"to_place", "awaiting_supplier"}
    q("UPDATE sales_order SET ship_by = ? WHERE id = ?", (now_epoch() - 60, a))
    check_cards()  # the stored ship-by follows (near or past ship-by)
    q("UPDATE sales_order SET status = 'shipped', flags = 0 WHERE id = ?", (a,))
    assert _cards(a) == set()
    q("UPDATE sales_order SET status = 'paid' WHERE id = ?", (a,))
    q("DELETE FROM sales_order WHERE id = ?", (a,))
    assert _cards(a) == set()
    check_cards()


operation = st.one_of(
    st.tuples(
        st.just("import"),
        st.lists(
            st.tuples(
                st.integers(1, 30),  # order number: repeats update earlier imports
                st.integers(0, len(TAOBAO_STATUSES) - 1),
                st.integers(-24 * 10, 24 * 3),  # creation time, hours around the base
                st.integers(1, 300),
            ),
            min_size=1,
            max_size=10,
            unique_by=lambda r: r[0],
        ),
    ),
    st.tuples(st.just("status"), st.integers(0, 10**6), st.sampled_from(["paid", "shipped"])),
    st.tuples(st.just("flags"), st.integers(0, 10**6), st.integers(0, 7)),
    st.tuples(st.just("ship_by"), st.integers(0, 10**6), st.integers(-3 * 86400, 3 * 86400)),
    st.tuples(
        st.just("add_1688"),
        st.integers(0, 10**6),
        st.sampled_from(SUPPLIER_STATUSES),
        st.sampled_from(["", "YT100", "YT200"]),
    ),
    st.tuples(
        st.just("change_1688"),
        st.integers(0, 10**6),
        st.sampled_from(SUPPLIER_STATUSES),
        st.sampled_from(["", "YT100", "YT200"]),
    ),
    st.tuples(st.just("move_1688"), st.integers(0, 10**6), st.integers(0, 10**6)),
    st.tuples(st.just("unlink_1688"), st.integers(0, 10**6)),
    st.tuples(st.just("delete_1688"), st.integers(0, 10**6)),
    st.tuples(st.just("export"), st.integers(0, 2)),
    st.tuples(st.just("delete_export"), st.integers(0, 10**6)),
    st.tuples(st.just("delete_order"), st.integers(0, 10**6)),
    st.tuples(st.just("cancel"), st.sampled_from(["waitbuyerpay", "waitsellersend"])),
    st.tuples(st.just("purchase"), st.integers(0, 10**6)),
)

_ORDERS = "SELECT id FROM sales_order ORDER BY id"
_SUPPLIER_ORDERS = "SELECT id FROM supplier_order ORDER BY id"


def _apply(ctx: AppContext, op: tuple, n: int, tmp: Path) -> None:
    kind = op[0]
    if kind == "import":
        _import(tmp, n, op[1], "淘宝小店")
    elif kind == "status" and (oid := _pick(_ORDERS, op[1])) is not None:
        with db.atomic():
            db.execute_sql("UPDATE sales_order SET status = ? WHERE id = ?", (op[2], oid))
            refresh_order_summaries([oid])
    elif kind == "flags" and (oid := _pick(_ORDERS, op[1])) is not None:
        db.execute_sql("UPDATE sales_order SET flags = ? WHERE id = ?", (op[2], oid))
    elif kind == "ship_by" and (oid := _pick(_ORDERS, op[1])) is not None:
        db.execute_sql(
            "UPDATE sales_order SET ship_by = ? WHERE id = ?", (now_epoch() + op[2], oid)
        )
    elif kind == "add_1688" and (oid := _pick(_ORDERS, op[1])) is not None:
        with db.atomic():
            db.execute_sql(
                "INSERT INTO supplier_order (sales_order_id, supplier_id, order_id_1688, status,"
                " tracking_no, cost_fen, dropship_fee_fen, shipping_fen, created_at, updated_at)"
                " VALUES (?, 1, ?, ?, ?, 700, 100, 300, ?, ?)",
                (oid, f"P{n}-{op[1]}", op[2], op[3], now_epoch(), now_epoch()),
            )
            refresh_order_summaries([oid])
    elif kind == "change_1688" and (so := _pick(_SUPPLIER_ORDERS, op[1])) is not None:
        with db.atomic():
            db.execute_sql(
                "UPDATE supplier_order SET status = ?, tracking_no = ? WHERE id = ?",
                (op[2], op[3], so),
            )
            sale = db.execute_sql(
                "SELECT sales_order_id FROM supplier_order WHERE id = ?", (so,)
            ).fetchone()[0]
            if sale is not None:
                refresh_order_summaries([sale])
    elif kind == "move_1688":
        so, target = _pick(_SUPPLIER_ORDERS, op[1]), _pick(_ORDERS, op[2])
        if so is not None and target is not None:
            with db.atomic():
                old = db.execute_sql(
                    "SELECT sales_order_id FROM supplier_order WHERE id = ?", (so,)
                ).fetchone()[0]
                db.execute_sql(
                    "UPDATE supplier_order SET sales_order_id = ? WHERE id = ?", (target, so)
                )
                refresh_order_summaries([t for t in (old, target) if t is not None])
    elif (
        kind in ("unlink_1688", "delete_1688")
        and (so := _pick(_SUPPLIER_ORDERS, op[1])) is not None
    ):
        with db.atomic():
            old = db.execute_sql(
                "SELECT sales_order_id FROM supplier_order WHERE id = ?", (so,)
            ).fetchone()[0]
            db.execute_sql("DELETE FROM cancellation_request WHERE supplier_order_id = ?", (so,))
            if kind == "unlink_1688":
                db.execute_sql(
                    "UPDATE supplier_order SET sales_order_id = NULL WHERE id = ?", (so,)
                )
            else:
                db.execute_sql("DELETE FROM supplier_order WHERE id = ?", (so,))
            if old is not None:
                refresh_order_summaries([old])
    elif kind == "export":
        # Write the first orders of the shipping queue to a batch-ship file (records them).
        rows = shipping.shipping_rows(shipping.shipping_ids(op[1] + 1, unsent_only=True))
        if rows:
            shipping.record_sent(rows, {r.platform: "f.xlsx" for r in rows})
    elif kind == "delete_export" and (e := _pick("SELECT id FROM shipping_export", op[1])):
        db.execute_sql("DELETE FROM shipping_export WHERE id = ?", (e,))
    elif kind == "delete_order" and (oid := _pick(_ORDERS, op[1])) is not None:
        with db.atomic():
            db.execute_sql(
                "DELETE FROM cancellation_request WHERE supplier_order_id IN"
                " (SELECT id FROM supplier_order WHERE sales_order_id = ?)",
                (oid,),
            )
            db.execute_sql("DELETE FROM sales_order WHERE id = ?", (oid,))
    elif kind == "cancel":
        _sale, (so,), (number,) = add_order([op[1]])
        flow = run_flow(ctx, [so])
        sub = flow.begin_submission()
        recorded = cancel_svc.record_requests(ctx, sub.items, skipped=sub.skipped)
        send_each(ctx, list(recorded.request_ids.values()), fake_for({number: op[1]}))
    elif kind == "purchase" and (oid := _pick(_ORDERS, op[1])) is not None:
        # A purchase in progress (the queue's second part), then the shop order changes.
        with db.atomic():
            if not db.execute_sql(
                "SELECT 1 FROM purchase_attempt WHERE sales_order_id = ?", (oid,)
            ).fetchone():
                db.execute_sql(
                    "INSERT INTO purchase_attempt (sales_order_id, out_order_id, channel, state,"
                    " created_at, updated_at) VALUES (?, ?, 'manual', 'sent', ?, ?)",
                    (oid, f"OUT{n}-{oid}", now_epoch(), now_epoch()),
                )


@pytest.mark.slow
@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.lists(operation, min_size=1, max_size=10))
def test_members_equal_the_rule_after_random_operations(
    ctx: AppContext, fresh_db: Path, tmp_path_factory: pytest.TempPathFactory, ops: list[tuple]
) -> None:
    tmp = tmp_path_factory.mktemp("ops")
    for table in (
        "purchase_attempt",
        "shipping_export",
        "cancellation_request",
        "supplier_order",
        "sales_order_line",
        "sales_order",
    ):
        db.execute_sql(f"DELETE FROM {table}")
    if not db.execute_sql("SELECT 1 FROM shop WHERE id = 1").fetchone():
        seed_world()
    ctx.session.forget()
    for n, op in enumerate(ops):
        _apply(ctx, op, n, tmp)
        check_cards()
    assert ds.differences(conn()) == []
