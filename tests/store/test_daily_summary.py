"""Daily summaries: always equal to a from-scratch GROUP BY, whatever changes the orders."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dropship_desktop.context import AppContext
from dropship_desktop.services import cancellation as svc
from dropship_desktop.services.order_import import import_orders_file
from dropship_desktop.services.order_summaries import refresh_order_summaries
from dropship_desktop.services.orders import link_supplier_order
from dropship_desktop.store import daily_summary as ds
from dropship_desktop.store.db import db
from tests.helpers.cancellation_data import seed_world, send_each
from tests.services.test_cancellation import add_order, fake_for, run_flow
from tests.services.test_order_import_files import TAOBAO_HEADERS, taobao_row, write_csv

TAOBAO_STATUSES = [
    "等待买家付款",
    "买家已付款，等待卖家发货",
    "卖家已发货，等待买家确认",
    "交易成功",
    "交易关闭",
]
SALES_STATUSES = ["wait_pay", "paid", "shipped", "completed", "cancelled", "refunding", "refunded"]
BASE = datetime(2026, 10, 1, 15, 30, tzinfo=UTC)


def conn():  # type: ignore[no-untyped-def]
    return db.connection()


def check() -> None:
    assert ds.differences(conn()) == []


def test_migration_fills_and_rebuild_agrees(demo_db: Path) -> None:
    # The template was generated after migration 10: every row went through the triggers.
    check()
    counts = ds.rebuild(conn())
    assert counts["shop_daily_summary"] > 100
    assert counts["product_daily_summary"] > counts["shop_daily_summary"]
    check()
    total = db.execute_sql(
        "SELECT count(*), sum(sale_fen * (status IN ('paid','shipped','completed'))) FROM sales_order"
    ).fetchone()
    summed = db.execute_sql("SELECT sum(orders), sum(sales_fen) FROM shop_daily_summary").fetchone()
    assert tuple(summed) == tuple(total)


def test_window_counts_equal_the_wizard_figure(demo_db: Path) -> None:
    now = datetime(2026, 11, 1, 9, 17, 23, tzinfo=UTC)
    end = int(now.timestamp())
    start = end - 30 * 86400
    counts = ds.window_counts(conn(), start, end)
    for shop_id, (orders, cancelled) in counts.items():
        stats = svc.cancellation_stats(shop_id, now)
        assert (stats.orders, stats.cancelled) == (orders, cancelled)
        assert orders > 0
    # Edges inside one day, and a range starting exactly at midnight CST.
    import random

    rng = random.Random(5)
    spans = [(end - rng.randint(0, 90 * 86400), rng.randint(0, 40 * 86400)) for _ in range(60)]
    for a, length in spans:
        b = a + length
        direct = db.execute_sql(
            "SELECT shop_id, count(*), sum(status IN ('cancelled','refunded','refunding'))"
            " FROM sales_order WHERE created_at >= ? AND created_at < ? GROUP BY shop_id",
            (a, b),
        ).fetchall()
        assert {r[0]: (r[1], r[2]) for r in direct} == ds.window_counts(conn(), a, b), (a, b)
    midnight = ds.day_start(ds.day_of(end))
    for a, b in (
        (start, end),
        (end - 3600, end),
        (midnight, end),
        (midnight - 86400 * 3, midnight),
    ):
        direct = db.execute_sql(
            "SELECT shop_id, count(*), sum(status IN ('cancelled','refunded','refunding'))"
            " FROM sales_order WHERE created_at >= ? AND created_at < ? GROUP BY shop_id",
            (a, b),
        ).fetchall()
        assert {r[0]: (r[1], r[2]) for r in direct} == ds.window_counts(conn(), a, b)


def _import(tmp: Path, n: int, rows: list[tuple[int, int, int, int]], shop: str) -> None:
    lines = []
    for order_no, status, hours, amount in rows:
        created = (BASE + timedelta(hours=hours)).astimezone(UTC) + timedelta(hours=8)
        text = created.strftime("%Y-%m-%d %H:%M:%S")
        lines.append(
            taobao_row(
                str(1930000000000000000 + order_no),
                status=TAOBAO_STATUSES[status],
                created=text,
                paid="" if status == 0 else text,
                amount=f"{amount}.00",
                title=f"商品{order_no % 3}",
                tracking="YT1" if status in (2, 3) else "",
                carrier="圆通速递" if status in (2, 3) else "",
            )
        )
    path = write_csv(tmp / f"import{n}.csv", TAOBAO_HEADERS, lines)
    import_orders_file(path, shop_name=shop)


operation = st.one_of(
    st.tuples(
        st.just("import"),
        st.lists(
            st.tuples(
                st.integers(1, 40),  # order number: repeats update earlier imports
                st.integers(0, len(TAOBAO_STATUSES) - 1),
                st.integers(-24 * 40, 24),  # creation time, hours around BASE
                st.integers(1, 300),
            ),
            min_size=1,
            max_size=12,
            unique_by=lambda r: r[0],
        ),
        st.sampled_from(["淘宝小店", "拼多多店"]),
    ),
    st.tuples(st.just("status"), st.integers(0, 10**6), st.sampled_from(SALES_STATUSES)),
    st.tuples(st.just("move"), st.integers(0, 10**6), st.integers(-86400 * 3, 86400 * 3)),
    st.tuples(st.just("cancel"), st.sampled_from(["waitbuyerpay", "waitsellersend"])),
    st.tuples(st.just("link"), st.integers(0, 10**6)),
    st.tuples(st.just("delete_line"), st.integers(0, 10**6)),
)


def _pick(sql: str, index: int) -> int | None:
    ids = [r[0] for r in db.execute_sql(sql).fetchall()]
    return ids[index % len(ids)] if ids else None


@pytest.mark.slow
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.lists(operation, min_size=1, max_size=8))
def test_summaries_equal_group_by_after_random_operations(
    ctx: AppContext, fresh_db: Path, tmp_path_factory: pytest.TempPathFactory, ops: list[tuple]
) -> None:
    tmp = tmp_path_factory.mktemp("ops")
    db.execute_sql("DELETE FROM cancellation_request")
    for table in ("supplier_order", "sales_order_line", "sales_order"):
        db.execute_sql(f"DELETE FROM {table}")
    if not db.execute_sql("SELECT 1 FROM shop WHERE id = 1").fetchone():
        seed_world()
    ctx.session.forget()
    for n, op in enumerate(ops):
        kind = op[0]
        if kind == "import":
            _import(tmp, n, op[1], op[2])
        elif kind == "status":
            oid = _pick("SELECT id FROM sales_order ORDER BY id", op[1])
            if oid is not None:
                with db.atomic():
                    db.execute_sql("UPDATE sales_order SET status = ? WHERE id = ?", (op[2], oid))
                    refresh_order_summaries([oid])
        elif kind == "move":
            oid = _pick("SELECT id FROM sales_order ORDER BY id", op[1])
            if oid is not None:
                db.execute_sql(
                    "UPDATE sales_order SET created_at = created_at + ? WHERE id = ?", (op[2], oid)
                )
        elif kind == "cancel":
            _sale, (so,), (number,) = add_order([op[1]])
            flow = run_flow(ctx, [so])
            sub = flow.begin_submission()
            recorded = svc.record_requests(ctx, sub.items, skipped=sub.skipped)
            send_each(ctx, list(recorded.request_ids.values()), fake_for({number: op[1]}))
        elif kind == "link":
            sale = _pick("SELECT id FROM sales_order ORDER BY id", op[1])
            if sale is not None:
                with db.atomic():
                    so = db.execute_sql(
                        "INSERT INTO supplier_order (sales_order_id, supplier_id, order_id_1688,"
                        " status, cost_fen, dropship_fee_fen, shipping_fen, created_at,"
                        " updated_at) VALUES (NULL, 1, ?, 'waitsellersend', 700, 100, 300, ?, ?)",
                        (f"L{n}-{op[1]}", 1_790_000_000 + op[1], 1_790_000_000),
                    ).lastrowid
                link_supplier_order(so, sale)
        elif kind == "delete_line":
            line = _pick("SELECT id FROM sales_order_line ORDER BY id", op[1])
            if line is not None:
                db.execute_sql("DELETE FROM sales_order_line WHERE id = ?", (line,))
        check()
    # Deleting orders (their lines go by cascade) leaves nothing behind.
    db.execute_sql("DELETE FROM cancellation_request")
    db.execute_sql("DELETE FROM supplier_order")
    db.execute_sql("DELETE FROM sales_order")
    check()
    assert ds.differences(conn()) == []
    left = db.execute_sql(
        "SELECT count(*) FROM shop_daily_summary WHERE orders != 0 OR sales_fen != 0"
    ).fetchone()[0]
    assert left == 0


def _products_from_orders(
    first: int, last: int, shop_id: int | None
) -> list[tuple[str, int, int, int]]:
    """The top products counted from the order lines themselves (no summary, no index)."""
    shop = "" if shop_id is None else f" AND o.shop_id = {int(shop_id)}"
    return [
        (str(r[0]), int(r[1]), int(r[2]), int(r[3]))
        for r in db.execute_sql(
            "SELECT l.title, sum(l.quantity), sum(l.quantity * l.unit_price_fen), count(*)"
            " FROM sales_order_line l JOIN sales_order o ON o.id = l.sales_order_id"
            " WHERE o.status IN ('paid', 'shipped', 'completed')"
            f" AND (o.created_at + 28800) / 86400 BETWEEN ? AND ?{shop}"
            " GROUP BY l.title ORDER BY 3 DESC, 1",
            (first, last),
        )
    ]


def test_top_products_through_the_title_index_equal_the_order_lines(demo_db: Path) -> None:
    # Migration 12's index serves every range (no sort of the summary rows) and gives the same
    # ranking as summing the order lines from scratch, for all shops and for one.
    last = int(db.execute_sql("SELECT max(day) FROM shop_daily_summary").fetchone()[0])
    plan = " ".join(
        str(r[3])
        for r in conn().execute(
            "EXPLAIN QUERY PLAN SELECT title, sum(sales_fen) FROM product_daily_summary"
            " INDEXED BY product_daily_summary_title WHERE day BETWEEN 1 AND 2 GROUP BY title"
        )
    )
    assert "COVERING INDEX product_daily_summary_title" in plan and "GROUP BY" not in plan
    shop_id = int(db.execute_sql("SELECT min(id) FROM shop").fetchone()[0])
    for days in (7, 30, 90, 365, 1000):
        for shop in (None, shop_id):
            first = last - days + 1
            got = ds.top_products(conn(), first, last, () if shop is None else (shop,), 1000)
            assert got == _products_from_orders(first, last, shop), (days, shop)
    assert ds.top_products(conn(), last - 29, last, (), 8)  # the demo sells something


def test_queue_checks_read_the_supplier_order_index_alone(demo_db: Path) -> None:
    # Migration 12: the per-order checks of the to-do counts (a live 1688 order with a tracking
    # number?) are answered by supplier_order_sales without reading the 1688 orders' rows, and
    # the counts stay those of the queues themselves.
    from dropship_desktop.services import purchasing, shipping
    from dropship_desktop.services.todos import count_todos

    columns = [r[2] for r in conn().execute("PRAGMA index_info(supplier_order_sales)")]
    assert columns == ["sales_order_id", "status", "tracking_no"]
    plan = " ".join(
        str(r[3])
        for r in conn().execute(
            "EXPLAIN QUERY PLAN SELECT count(*) FROM sales_order o WHERE EXISTS (SELECT 1"
            " FROM supplier_order s WHERE s.sales_order_id = o.id AND s.tracking_no != ''"
            " AND s.status NOT IN ('cancel', 'terminated'))"
        )
    )
    assert "COVERING INDEX supplier_order_sales" in plan
    counts = {t.card.key: t.count for t in count_todos()}
    assert counts["tracking_to_send"] == shipping.shipping_count(unsent_only=True) > 0
    assert counts["to_place"] == purchasing.queue_count() > 0


def test_late_figures_read_the_paid_index_alone(demo_db: Path) -> None:
    # Migration 12: the paid-orders index holds status too, so the late-shipment figure per
    # shop reads no order rows (and still equals counting the orders).
    from dropship_desktop.services import dashboard as svc

    now = int(db.execute_sql("SELECT max(created_at) FROM sales_order").fetchone()[0])
    sql = (
        "SELECT shop_id, count(*) FROM sales_order INDEXED BY sales_order_paid_dashboard"
        " WHERE status = 'paid' AND ship_by < ? GROUP BY shop_id"
    )
    plan = " ".join(str(r[3]) for r in conn().execute(f"EXPLAIN QUERY PLAN {sql}", (now,)))
    assert "COVERING INDEX sales_order_paid_dashboard" in plan
    live = svc.load_live(now)
    by_shop: dict[int, int] = {}
    for (shop, _day), n in live.late_by_shop.items():
        by_shop[shop] = by_shop.get(shop, 0) + n
    expected = dict(
        db.execute_sql(
            "SELECT shop_id, count(*) FROM sales_order WHERE status = 'paid' AND ship_by < ?"
            " GROUP BY shop_id",
            (now,),
        ).fetchall()
    )
    assert by_shop == expected and sum(expected.values()) > 0
