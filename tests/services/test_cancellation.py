"""Cancellation services: recording before sending, outcomes, crash recovery, retry, audit."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path

import pytest

from dropship_desktop.connectors.base import ConnectorUnavailable
from dropship_desktop.connectors.fake import FakeConnector, FakeOrder
from dropship_desktop.connectors.manual import ManualConnector
from dropship_desktop.context import AppContext
from dropship_desktop.domain.cancel_flow import (
    CancelFlow,
    CancelStep,
    CloseReasonInput,
    OutcomeKind,
    RefundReasonInput,
    SignInResult,
    SubmissionItem,
)
from dropship_desktop.domain.enums import CancelAction, CancelReason, SalesStatus
from dropship_desktop.domain.orders import OrderFlag
from dropship_desktop.domain.timeutil import now_epoch
from dropship_desktop.errors import UserError, ValidationError
from dropship_desktop.services import cancellation as svc
from dropship_desktop.store.db import db
from tests.helpers.cancellation_data import (
    HOUR_AGO,
    NOW,
    SimulatedCrash,
    one,
    q,
    retry,
    seed_world,
    send_each,
)


@pytest.fixture
def world(fresh_db: Path) -> dict[str, int]:
    """A shop, an account, a product with an offer, and helpers' ids."""
    return seed_world()


_next = {"sale": 0, "supplier": 0}


def add_order(
    statuses: Sequence[str],
    *,
    sales_status: str = "paid",
    refund_status: str | None = None,
    created: int = HOUR_AGO,
) -> tuple[int, list[int], list[str]]:
    """One sales order with a supplier order per status; returns (sales id, so ids, 1688 ids)."""
    now = now_epoch()
    _next["sale"] += 1
    sale_no = f"T{_next['sale']:05d}"
    with db.atomic():
        sale_id = db.execute_sql(
            "INSERT INTO sales_order (shop_id, shop_order_no, status, sale_fen, profit_fen,"
            " created_at, paid_at, updated_at) VALUES (1, ?, ?, 3000, 1500, ?, ?, ?)",
            (sale_no, sales_status, created, created, now),
        ).lastrowid
        so_ids, numbers = [], []
        for status in statuses:
            _next["supplier"] += 1
            number = str(1930000000000000000 + _next["supplier"] * 7)
            paid = 1500 if status != "waitbuyerpay" else 0
            so_ids.append(
                db.execute_sql(
                    "INSERT INTO supplier_order (sales_order_id, offer_id, account_id,"
                    " order_id_1688, status, refund_status, cost_fen, dropship_fee_fen,"
                    " shipping_fen, paid_fen, created_at, updated_at)"
                    " VALUES (?, 1, 1, ?, ?, ?, 1000, 100, 400, ?, ?, ?)",
                    (sale_id, number, status, refund_status, paid, created, now),
                ).lastrowid
            )
            numbers.append(number)
        from dropship_desktop.services.orders import refresh_order_summaries

        refresh_order_summaries([sale_id])
    return sale_id, so_ids, numbers


def fake_for(numbers_statuses: dict[str, str], **kw: object) -> FakeConnector:
    return FakeConnector(
        [
            FakeOrder(n, s, NOW - timedelta(hours=1), 1500, 0 if s == "waitbuyerpay" else 1500)
            for n, s in numbers_statuses.items()
        ],
        **kw,  # type: ignore[arg-type]
    )


def run_flow(
    ctx: AppContext,
    supplier_order_ids: list[int],
    *,
    manual: bool = False,
    close: CloseReasonInput | None = None,
    refund: RefundReasonInput | None = None,
) -> CancelFlow:
    """Drive the flow as the wizard would, up to the submit step."""
    flow = CancelFlow(preselected=supplier_order_ids)
    account = svc.list_accounts(ctx)[0]
    flow.choose_account(account, manual=manual)
    flow.apply_sign_in(SignInResult(True))
    data = svc.load_flow_data(ctx, account_id=account.id, supplier_order_ids=supplier_order_ids)
    flow.set_candidates(data.candidates, data.shop_stats)
    flow.next()
    flow.next()
    flow.next()
    flow.next()
    for oid in flow.orders_needing_refund_reasons():
        flow.set_refund_reasons(oid, ManualConnector().refund_reasons("x"))
    flow.set_close_reason(close or CloseReasonInput(CancelReason.BUYER_CANCEL, "买家不要了"))
    flow.set_refund_reason(refund or RefundReasonInput("default.not_wanted", "买家不要了"))
    assert flow.problems() == [], flow.problems()
    flow.next()
    assert flow.step is CancelStep.SUBMIT
    return flow


def states(request_ids: dict[int, int]) -> dict[int, str]:
    return {
        so: str(one("SELECT state FROM cancellation_request WHERE id = ?", rid))
        for so, rid in request_ids.items()
    }


def audit_actions(sales_order_id: int) -> list[str]:
    return [
        str(r[0])
        for r in q(
            "SELECT action FROM audit_event WHERE sales_order_id = ? ORDER BY id", sales_order_id
        )
    ]


# ---- accounts ---------------------------------------------------------------------------------


def test_accounts(ctx: AppContext, fresh_db: Path) -> None:
    changes = svc.create_account(ctx, " 主账号 ", "buyer_1")
    assert changes.created_id is not None
    svc.create_account(ctx, "备用", connector="fake")
    assert [(a.name, a.connector) for a in svc.list_accounts(ctx)] == [
        ("主账号", "manual"),
        ("备用", "fake"),
    ]
    with pytest.raises(ValidationError) as err:
        svc.create_account(ctx, "主账号")
    assert "name" in err.value.field_errors
    with pytest.raises(ValidationError) as err:
        svc.create_account(ctx, "x", connector="nope")
    assert "connector" in err.value.field_errors
    assert one("SELECT count(*) FROM distribution_account") == 2


# ---- flow data --------------------------------------------------------------------------------


def test_load_flow_data_and_stats(ctx: AppContext, world: dict[str, int]) -> None:
    _s1, (unpaid,), _ = add_order(["waitbuyerpay"])
    _s2, (shipped,), _ = add_order(["waitbuyerreceive"], sales_status="shipped")
    _s3, (refunding,), _ = add_order(
        ["waitsellersend"], sales_status="refunding", refund_status="waitselleragree"
    )
    old = int((NOW - timedelta(days=45)).timestamp())
    add_order(["cancel"], sales_status="cancelled", created=old)
    data = svc.load_flow_data(ctx, account_id=1)
    assert {c.supplier_order_id for c in data.candidates} == {unpaid, refunding}
    by_id = {c.supplier_order_id: c for c in data.candidates}
    assert by_id[refunding].blocked_by_pending and not by_id[unpaid].pending
    assert by_id[unpaid].lead_time_days == 2 and by_id[unpaid].product is not None
    assert by_id[unpaid].sale is not None and by_id[unpaid].sale.sale_fen == 3000
    # Orders outside the open ones come when asked for by id.
    data = svc.load_flow_data(ctx, account_id=1, supplier_order_ids=[shipped])
    assert shipped in {c.supplier_order_id for c in data.candidates}
    stats = data.shop_stats[1]
    assert (stats.orders, stats.cancelled) == (3, 1)  # the 45-day-old order is outside
    assert svc.pending_supplier_order_ids() == {refunding}


# ---- one unpaid order -------------------------------------------------------------------------


def test_one_unpaid_order_closed(ctx: AppContext, world: dict[str, int]) -> None:
    sale, (so,), (number,) = add_order(["waitbuyerpay"])
    connector = fake_for({number: "waitbuyerpay"})
    flow = run_flow(ctx, [so])
    submission = flow.begin_submission()
    recorded = svc.record_requests(ctx, submission.items, skipped=submission.skipped)
    rid = recorded.request_ids[so]
    assert states(recorded.request_ids) == {so: "recorded"}
    assert int(one("SELECT flags FROM sales_order WHERE id = ?", sale)) & OrderFlag.CANCEL_PENDING
    assert svc.pending_supplier_order_ids() == {so}
    result = send_each(ctx, [rid], connector)
    assert [(o.supplier_order_id, o.kind) for o in result.outcomes] == [(so, OutcomeKind.CLOSED)]
    assert result.touches("supplier_order", "sales_order")
    assert connector.calls_of("close_order") == [
        ("close_order", number, "buyerCancel", "买家不要了")
    ]
    assert one("SELECT status FROM supplier_order WHERE id = ?", so) == "cancel"
    # The shop order is the shop's: still to be cancelled there, so the sides disagree.
    assert one("SELECT status FROM sales_order WHERE id = ?", sale) == "paid"
    assert int(one("SELECT flags FROM sales_order WHERE id = ?", sale)) == OrderFlag.MISMATCH
    row = svc.requests_of_batch(svc.request_history(so)[0].batch_id)[0]
    assert row.state.value == "closed" and row.reason_text == "买家取消订单"
    assert row.amount_fen == 1500 and row.submitted_at and row.finished_at
    assert audit_actions(sale) == [
        "cancel_recorded",
        "cancel_submitted",
        "closed_on_1688",
        "cancel_closed",
    ]
    for flow_outcome in result.outcomes:
        flow.record_outcome(flow_outcome)
    assert flow.is_finished()
    assert svc.pending_supplier_order_ids() == set()


# ---- mixed batch ------------------------------------------------------------------------------


def test_mixed_batch(ctx: AppContext, world: dict[str, int]) -> None:
    _s1, (unpaid,), (n1,) = add_order(["waitbuyerpay"])
    s2, (paid,), (n2,) = add_order(["waitsellersend"])
    s3, (shipped,), (n3,) = add_order(["waitbuyerreceive"], sales_status="shipped")
    s4, (closed,), (n4,) = add_order(["cancel"], sales_status="cancelled")
    connector = fake_for(
        {n1: "waitbuyerpay", n2: "waitsellersend", n3: "waitbuyerreceive", n4: "cancel"}
    )
    flow = run_flow(ctx, [unpaid, paid, shipped, closed])
    sub = flow.begin_submission()
    recorded = svc.record_requests(ctx, sub.items, skipped=sub.skipped)
    assert set(recorded.request_ids) == {unpaid, paid}
    result = send_each(ctx, list(recorded.request_ids.values()), connector)
    kinds = {o.supplier_order_id: o.kind for o in [*result.outcomes, *sub.skipped]}
    assert kinds == {
        unpaid: OutcomeKind.CLOSED,
        paid: OutcomeKind.REFUND_REQUESTED,
        shipped: OutcomeKind.SKIPPED,
        closed: OutcomeKind.SKIPPED,
    }
    assert connector.calls_of("request_refund") == [
        ("request_refund", n2, 1500, "default.not_wanted", "买家不要了", ())
    ]
    assert q("SELECT status, refund_status FROM supplier_order WHERE id = ?", paid) == [
        ("waitsellersend", "waitselleragree")
    ]
    assert one("SELECT status FROM sales_order WHERE id = ?", s2) == "paid"
    assert int(one("SELECT flags FROM sales_order WHERE id = ?", s2)) & OrderFlag.REFUND_PENDING
    req = svc.request_history(paid)[0]
    assert req.state.value == "refund_requested" and req.refund_id == "FAKE-RF-0001"
    # Skipped orders are not sent, not changed, but their timeline says why.
    assert one("SELECT status FROM supplier_order WHERE id = ?", shipped) == "waitbuyerreceive"
    assert audit_actions(s3) == ["cancel_skipped"] and audit_actions(s4) == ["cancel_skipped"]
    assert paid in svc.pending_supplier_order_ids()  # the refund now waits for the supplier


# ---- failure and retry ------------------------------------------------------------------------


def test_connector_failure_on_one_of_three_then_retry(
    ctx: AppContext, world: dict[str, int]
) -> None:
    orders = [add_order(["waitbuyerpay"]) for _ in range(3)]
    numbers = [o[2][0] for o in orders]
    connector = fake_for(dict.fromkeys(numbers, "waitbuyerpay"))
    connector.fail(numbers[1], "SYSTEM_BUSY", "系统繁忙，请稍后再试", times=1)
    flow = run_flow(ctx, [o[1][0] for o in orders])
    sub = flow.begin_submission()
    recorded = svc.record_requests(ctx, sub.items)
    result = send_each(ctx, list(recorded.request_ids.values()), connector)
    by_so = {o.supplier_order_id: o for o in result.outcomes}
    failed = by_so[orders[1][1][0]]
    assert failed.kind is OutcomeKind.FAILED and failed.retryable
    assert (failed.error_code, failed.message) == ("SYSTEM_BUSY", "系统繁忙，请稍后再试")
    assert one("SELECT status FROM supplier_order WHERE id = ?", orders[1][1][0]) == (
        "waitbuyerpay"
    )
    assert one("SELECT status FROM sales_order WHERE id = ?", orders[1][0]) == "paid"
    assert "cancel_failed" in audit_actions(orders[1][0])
    assert failed.request_id is not None
    retried = retry(ctx, failed.request_id, connector)
    assert [o.kind for o in retried.outcomes] == [OutcomeKind.CLOSED]
    history = svc.request_history(orders[1][1][0])
    assert [(r.attempt, r.state.value) for r in history] == [(1, "failed"), (2, "closed")]
    with pytest.raises(UserError):
        retry(ctx, history[1].id, connector)  # only failed requests are retried


def test_unreachable_platform_fails_as_not_sent(ctx: AppContext, world: dict[str, int]) -> None:
    _sale, (so,), (number,) = add_order(["waitbuyerpay"])
    connector = fake_for({number: "waitbuyerpay"})
    connector.raise_on(number, ConnectorUnavailable("网络不可用"))
    recorded = svc.record_requests(ctx, run_flow(ctx, [so]).begin_submission().items)
    result = svc.submit_request(ctx, recorded.request_ids[so], connector)
    outcome = result.outcomes[0]
    assert (outcome.kind, outcome.error_code, outcome.message) == (
        OutcomeKind.FAILED,
        svc.NOT_SENT,
        "网络不可用",
    )


# ---- recording before calling -----------------------------------------------------------------


def test_lost_connection_mid_batch_leaves_every_order_in_a_known_state(
    ctx: AppContext,
    world: dict[str, int],
) -> None:
    orders = [add_order(["waitbuyerpay"]) for _ in range(3)]
    numbers = [o[2][0] for o in orders]
    so_ids = [o[1][0] for o in orders]
    connector = fake_for(dict.fromkeys(numbers, "waitbuyerpay"))
    connector.raise_on(numbers[1], ConnectionResetError("connection reset"))
    recorded = svc.record_requests(ctx, run_flow(ctx, so_ids).begin_submission().items)
    result = send_each(ctx, [recorded.request_ids[i] for i in so_ids], connector)
    assert [o.kind for o in result.outcomes] == [
        OutcomeKind.CLOSED,
        OutcomeKind.INTERRUPTED,
        OutcomeKind.CLOSED,
    ]
    assert states(recorded.request_ids) == {
        so_ids[0]: "closed",
        so_ids[1]: "interrupted",
        so_ids[2]: "closed",
    }
    # Unknown outcome: not closed locally, and not selectable again until resolved.
    assert one("SELECT status FROM supplier_order WHERE id = ?", so_ids[1]) == "waitbuyerpay"
    assert so_ids[1] in svc.pending_supplier_order_ids()


def test_crash_between_recording_and_sending_then_restart(
    ctx: AppContext, world: dict[str, int]
) -> None:
    orders = [add_order(["waitbuyerpay"]) for _ in range(3)]
    numbers = [o[2][0] for o in orders]
    so_ids = [o[1][0] for o in orders]
    connector = fake_for(dict.fromkeys(numbers, "waitbuyerpay"))
    connector.raise_on(numbers[1], SimulatedCrash())
    recorded = svc.record_requests(ctx, run_flow(ctx, so_ids).begin_submission().items)
    rids = [recorded.request_ids[i] for i in so_ids]
    with pytest.raises(SimulatedCrash):
        send_each(ctx, rids, connector)
    assert states(recorded.request_ids) == {
        so_ids[0]: "closed",
        so_ids[1]: "submitted",
        so_ids[2]: "recorded",
    }
    # While the app runs, its own batch is not "interrupted" (it may still be sending).
    assert svc.find_interrupted(ctx).outcomes == ()
    ctx.session.forget()  # the restart
    found = svc.find_interrupted(ctx)
    assert sorted(o.supplier_order_id for o in found.outcomes) == so_ids[1:]
    assert all(o.kind is OutcomeKind.INTERRUPTED for o in found.outcomes)
    # A status-bar message the UI can translate: a marked template with its values apart.
    assert found.message == "2 interrupted cancellation request(s) found."
    assert found.message.template == "{count} interrupted cancellation request(s) found."  # type: ignore[attr-defined]
    assert found.message.context == "Messages"  # type: ignore[attr-defined]
    assert [r.id for r in svc.list_interrupted(ctx)] == rids[1:]
    assert "cancel_interrupted" in audit_actions(orders[1][0])
    with pytest.raises(UserError):
        svc.submit_request(ctx, rids[1], connector)  # must be resolved first
    # The seller checked 1688: the second was closed after all, the third was never done.
    resolved = svc.resolve_interrupted(ctx, rids[1], OutcomeKind.CLOSED)
    assert resolved.outcomes[0].kind is OutcomeKind.CLOSED
    assert one("SELECT status FROM supplier_order WHERE id = ?", so_ids[1]) == "cancel"
    assert one("SELECT status FROM sales_order WHERE id = ?", orders[1][0]) == "paid"
    with pytest.raises(UserError):
        svc.resolve_interrupted(ctx, rids[2], OutcomeKind.REFUND_REQUESTED)  # not a refund request
    not_done = svc.resolve_interrupted(ctx, rids[2], OutcomeKind.FAILED, "页面上还是待付款")
    assert not_done.outcomes[0].retryable
    assert one("SELECT status FROM supplier_order WHERE id = ?", so_ids[2]) == "waitbuyerpay"
    assert retry(ctx, rids[2], connector).outcomes[0].kind is OutcomeKind.CLOSED
    assert svc.list_interrupted(ctx) == [] and svc.pending_supplier_order_ids() == set()


# ---- manual connector -------------------------------------------------------------------------


def test_manual_connector_closes_only_what_the_seller_confirmed(
    ctx: AppContext, world: dict[str, int]
) -> None:
    sale, (so,), (number,) = add_order(["waitbuyerpay"])
    opened: list[str] = []
    connector = ManualConnector(open_url=lambda url: opened.append(url) or True)
    recorded = svc.record_requests(ctx, run_flow(ctx, [so], manual=True).begin_submission().items)
    rid = recorded.request_ids[so]
    # The wizard: mark submitted, open the page, ask the seller.
    svc.begin_submission(ctx, rid)
    connector.open_order(number)
    assert opened == [connector.order_url(number)]
    connector.confirm(number, CancelAction.CLOSE, done=False, message="还没来得及")
    outcome = svc.submit_request(ctx, rid, connector).outcomes[0]
    assert outcome.kind is OutcomeKind.FAILED and outcome.message == "还没来得及"
    assert one("SELECT status FROM supplier_order WHERE id = ?", so) == "waitbuyerpay"
    # Retried without an answer: still nothing marked closed.
    again = retry(ctx, rid, connector).outcomes[0]
    assert again.kind is OutcomeKind.FAILED
    assert one("SELECT status FROM supplier_order WHERE id = ?", so) == "waitbuyerpay"
    connector.confirm(number, CancelAction.CLOSE, done=True)
    assert again.request_id is not None
    assert retry(ctx, again.request_id, connector).outcomes[0].kind is OutcomeKind.CLOSED
    assert one("SELECT status FROM supplier_order WHERE id = ?", so) == "cancel"
    assert one("SELECT status FROM sales_order WHERE id = ?", sale) == "paid"


def test_manual_retry_is_recorded_before_the_seller_is_asked(
    ctx: AppContext, world: dict[str, int]
) -> None:
    sale, (so,), (number,) = add_order(["waitbuyerpay"])
    connector = ManualConnector(open_url=lambda url: True)
    rid = svc.record_requests(
        ctx, run_flow(ctx, [so], manual=True).begin_submission().items
    ).request_ids[so]
    svc.begin_submission(ctx, rid)
    connector.confirm(number, CancelAction.CLOSE, done=False, message="页面没打开")
    assert svc.submit_request(ctx, rid, connector).outcomes[0].kind is OutcomeKind.FAILED
    # The wizard's retry: record the new attempt, mark it submitted, then ask the seller.
    new_id = svc.record_retry(ctx, rid)
    assert new_id != rid
    history = svc.request_history(so)
    assert [(r.id, r.attempt, r.state.value) for r in history] == [
        (rid, 1, "failed"),
        (new_id, 2, "recorded"),
    ]
    assert (history[1].reason_code, history[1].remark) == (history[0].reason_code, "买家不要了")
    assert "cancel_recorded" in audit_actions(sale)
    with pytest.raises(UserError):
        svc.record_retry(ctx, rid)  # the new attempt is under way: no third one
    svc.begin_submission(ctx, new_id)
    assert svc.request_history(so)[1].state.value == "submitted"
    connector.confirm(number, CancelAction.CLOSE, done=True)
    assert svc.submit_request(ctx, new_id, connector).outcomes[0].kind is OutcomeKind.CLOSED
    assert one("SELECT status FROM supplier_order WHERE id = ?", so) == "cancel"


def test_crash_after_the_retry_was_recorded_keeps_the_attempt(
    ctx: AppContext, world: dict[str, int]
) -> None:
    _sale, (so,), (number,) = add_order(["waitbuyerpay"])
    connector = fake_for({number: "waitbuyerpay"})
    connector.fail(number, "SYSTEM_BUSY", times=1)
    rid = svc.record_requests(ctx, run_flow(ctx, [so]).begin_submission().items).request_ids[so]
    assert svc.submit_request(ctx, rid, connector).outcomes[0].kind is OutcomeKind.FAILED
    new_id = svc.record_retry(ctx, rid)
    svc.begin_submission(ctx, new_id)  # the seller is on the 1688 page when the app dies
    ctx.session.forget()
    found = svc.find_interrupted(ctx)
    assert [o.request_id for o in found.outcomes] == [new_id]
    assert [r.id for r in svc.list_interrupted(ctx)] == [new_id]
    # The seller's answer is given after the restart, to the attempt that was recorded.
    svc.resolve_interrupted(ctx, new_id, OutcomeKind.CLOSED)
    assert [r.state.value for r in svc.request_history(so)] == ["failed", "closed"]
    assert connector.calls_of("close_order") == [
        ("close_order", number, "buyerCancel", "买家不要了")
    ]


def test_mark_interrupted_keeps_its_own_message(ctx: AppContext, world: dict[str, int]) -> None:
    sale, (so,), _numbers = add_order(["waitbuyerpay"])
    rid = svc.record_requests(
        ctx, run_flow(ctx, [so], manual=True).begin_submission().items
    ).request_ids[so]
    svc.begin_submission(ctx, rid)  # the seller was sent to the 1688 page, then stopped the wizard
    changes = svc.mark_interrupted(ctx, rid)
    (outcome,) = changes.outcomes
    assert outcome.kind is OutcomeKind.INTERRUPTED and outcome.request_id == rid
    assert outcome.message == svc.STOPPED_UNCONFIRMED
    assert getattr(outcome.message, "context", "") == "Messages"  # marked for translation
    assert "Error" not in outcome.message and "(" not in outcome.message  # no exception named
    (row,) = svc.list_interrupted(ctx)
    assert (row.id, row.message) == (rid, svc.STOPPED_UNCONFIRMED)
    assert one("SELECT status FROM supplier_order WHERE id = ?", so) == "waitbuyerpay"
    assert audit_actions(sale)[-1] == "cancel_interrupted"
    with pytest.raises(UserError):
        svc.mark_interrupted(ctx, rid)  # already interrupted: nothing changes
    assert (
        svc.resolve_interrupted(ctx, rid, OutcomeKind.CLOSED).outcomes[0].kind is OutcomeKind.CLOSED
    )


# ---- rules of recording -----------------------------------------------------------------------


def _item(so: int, number: str, sale: int) -> SubmissionItem:
    return SubmissionItem(
        so, number, sale, CancelAction.CLOSE, "buyerCancel", "买家取消订单", "", 1500
    )


def test_an_order_already_under_way_is_refused_and_nothing_written(
    ctx: AppContext,
    world: dict[str, int],
) -> None:
    s1, (so1,), (n1,) = add_order(["waitbuyerpay"])
    s2, (so2,), (n2,) = add_order(["waitbuyerpay"])
    svc.record_requests(ctx, [_item(so2, n2, s2)])
    before = (
        one("SELECT count(*) FROM cancellation_request"),
        one("SELECT count(*) FROM audit_event"),
    )
    with pytest.raises(UserError, match="already has a cancellation"):
        svc.record_requests(ctx, [_item(so1, n1, s1), _item(so2, n2, s2)])
    after = (
        one("SELECT count(*) FROM cancellation_request"),
        one("SELECT count(*) FROM audit_event"),
    )
    assert before == after
    with pytest.raises(UserError, match="changed"):
        svc.record_requests(ctx, [_item(so1, "1", s1)])


def test_a_1688_refund_request_keeps_the_shop_order_and_its_deadline(
    ctx: AppContext,
    world: dict[str, int],
) -> None:
    """Closing or asking a refund on 1688 changes nothing on the shop (issue 13 §5)."""
    from dropship_desktop.store.order_queries import FLAG_OVERDUE, LIST_COLUMNS, fetch_rows

    long_ago = HOUR_AGO - 3 * 24 * 3600
    sale, (a, b), (na, nb) = add_order(["waitbuyerpay", "waitsellersend"], created=long_ago)
    db.execute_sql("UPDATE sales_order SET ship_by = ? WHERE id = ?", (HOUR_AGO, sale))
    connector = fake_for({na: "waitbuyerpay", nb: "waitsellersend"})
    first = svc.record_requests(ctx, [_item(a, na, sale)])
    svc.submit_request(ctx, first.request_ids[a], connector)
    assert one("SELECT status FROM supplier_order WHERE id = ?", a) == "cancel"
    assert one("SELECT status FROM sales_order WHERE id = ?", sale) == "paid"
    refund = SubmissionItem(
        b, nb, sale, CancelAction.REFUND_REQUEST, "default.agreed", "协商一致退款", "协商好了", 1500
    )
    second = svc.record_requests(ctx, [refund])
    svc.submit_request(ctx, second.request_ids[b], connector)
    # The supplier has not agreed and nothing happened on the shop: still paid, still overdue,
    # and the 1688 side shows the open refund request.
    assert one("SELECT status FROM sales_order WHERE id = ?", sale) == "paid"
    flags = int(one("SELECT flags FROM sales_order WHERE id = ?", sale))
    assert flags & OrderFlag.REFUND_PENDING
    row = fetch_rows([sale])[sale]
    assert int(row[LIST_COLUMNS.index("flags")]) & FLAG_OVERDUE  # type: ignore[call-overload]
    assert "status_follows_cancellation" not in audit_actions(sale)
    # The seller refunded the buyer on the shop and says so.
    changes = svc.mark_shop_orders([sale], SalesStatus.REFUNDED)
    assert changes.ids["sales_order"] == frozenset({sale})
    assert changes.message_text == "Shop status recorded for 1 order(s)."
    assert one("SELECT status FROM sales_order WHERE id = ?", sale) == "refunded"
    assert "shop_status_marked" in audit_actions(sale)
    with pytest.raises(ValidationError):
        svc.mark_shop_orders([sale], SalesStatus.SHIPPED)


def test_vouchers_are_stored_and_sent(ctx: AppContext, world: dict[str, int]) -> None:
    sale, (so,), (number,) = add_order(["waitsellersend"])
    connector = fake_for({number: "waitsellersend"})
    item = SubmissionItem(
        so,
        number,
        sale,
        CancelAction.REFUND_REQUEST,
        "default.late_dispatch",
        "未按约定时间发货",
        "约好昨天发",
        1500,
        ("https://img/1.jpg",),
    )
    rid = svc.record_requests(ctx, [item]).request_ids[so]
    assert json.loads(str(one("SELECT vouchers FROM cancellation_request WHERE id = ?", rid))) == [
        "https://img/1.jpg"
    ]
    assert svc.submit_request(ctx, rid, connector).outcomes[0].kind is OutcomeKind.REFUND_REQUESTED
    assert connector.calls_of("request_refund")[0][-1] == ("https://img/1.jpg",)


def test_wizard_without_submitting_changes_nothing(ctx: AppContext, world: dict[str, int]) -> None:
    _s, (so,), _n = add_order(["waitbuyerpay"])
    tables = [
        "sales_order",
        "supplier_order",
        "cancellation_request",
        "audit_event",
        "offer",
    ]
    snapshot = {t: q(f"SELECT * FROM {t} ORDER BY id") for t in tables}
    flow = run_flow(ctx, [so], close=CloseReasonInput(CancelReason.SELLER_GOODS_LACK))
    flow.consequences()
    flow.advice()
    while flow.can_go_back():
        flow.back()
    assert {t: q(f"SELECT * FROM {t} ORDER BY id") for t in tables} == snapshot


def test_mark_offers_out_of_stock(ctx: AppContext, world: dict[str, int]) -> None:
    _sale, (so,), _n = add_order(["waitbuyerpay"])
    flow = run_flow(ctx, [so], close=CloseReasonInput(CancelReason.SELLER_GOODS_LACK))
    offers = flow.offers_to_mark_out_of_stock()
    assert offers == [1]
    changes = svc.mark_offers_out_of_stock(ctx, offers)
    assert changes.touches("offer")
    assert one("SELECT stock FROM offer WHERE id = 1") == 0
    assert one("SELECT count(*) FROM audit_event WHERE entity = 'offer' AND entity_id = 1") == 1
