"""Step 6's queue, wait, retry and stop, decided without Qt, a database or a network."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from dropship_desktop.domain.cancel_sending import Phase, SendRun, StepKind
from dropship_desktop.domain.cancel_submission import (
    OrderOutcome,
    OutcomeKind,
    Submission,
    SubmissionItem,
)
from dropship_desktop.domain.enums import CancelAction

NOW = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)


def item(oid: int, *, wait_s: int = 0) -> SubmissionItem:
    return SubmissionItem(
        supplier_order_id=oid,
        order_id_1688=str(1930000000000000000 + oid),
        sales_order_id=None,
        action=CancelAction.CLOSE,
        reason_code="buyerCancel",
        reason_text="买家取消",
        remark="",
        amount_fen=1500,
        not_before=NOW + timedelta(seconds=wait_s) if wait_s else None,
    )


def started(*items: SubmissionItem, manual: bool = False) -> SendRun:
    run = SendRun(manual=manual)
    run.start(Submission(tuple(items), ()))
    return run


def ids(*oids: int) -> dict[int, int]:
    return {oid: 100 + oid for oid in oids}


def failed(oid: int, request_id: int) -> OrderOutcome:
    return OrderOutcome(oid, OutcomeKind.FAILED, "boom", "X", request_id)


def test_sends_one_at_a_time_in_order_then_finishes() -> None:
    run = started(item(1), item(2))
    assert run.phase is Phase.RECORDING and run.running() and not run.complete()
    step = run.recorded(ids(1, 2), NOW)
    assert (step.kind, step.job and step.job.supplier_order_id) == (StepKind.SEND, 1)
    assert (step.position, step.total) == (1, 2) and run.unsent_count() == 1
    step = run.sent()
    assert (step.kind, step.job and step.job.request_id, step.position) == (StepKind.SEND, 102, 2)
    step = run.sent()
    assert step.kind is StepKind.FINISH and not step.stopped
    assert run.phase is Phase.DONE and run.complete() and not run.running()


def test_manual_connector_marks_submitted_then_asks_then_stores_the_answer() -> None:
    run = started(item(1), manual=True)
    step = run.recorded(ids(1), NOW)
    assert step.kind is StepKind.BEGIN_MANUAL
    assert step.job is not None
    step = run.submitted(step.job)
    assert step.kind is StepKind.ASK and run.awaiting is not None and run.unsent_count() == 1
    step = run.answered()
    assert step.kind is StepKind.SEND and run.awaiting is None
    assert run.sent().kind is StepKind.FINISH


def test_too_soon_order_waits_until_its_ten_seconds_are_over() -> None:
    run = started(item(1), item(2, wait_s=7))
    step = run.recorded(ids(1, 2), NOW)
    assert step.job is not None and step.job.supplier_order_id == 1
    assert [j.supplier_order_id for j in run.waiting] == [2]
    step = run.sent()
    assert (step.kind, step.waiting) == (StepKind.WAIT, 1)
    tick = run.tick(NOW + timedelta(seconds=3))
    assert tick.due == () and [(j.supplier_order_id, s) for j, s in tick.counting] == [(2, 4)]
    assert tick.timer_needed and tick.step.kind is StepKind.NOTHING
    tick = run.tick(NOW + timedelta(seconds=7))
    assert [j.supplier_order_id for j in tick.due] == [2] and not tick.timer_needed
    assert tick.step.kind is StepKind.SEND and tick.step.position == 2
    assert run.sent().kind is StepKind.FINISH


def test_a_due_order_waits_for_the_running_call() -> None:
    run = started(item(1), item(2, wait_s=1))
    run.recorded(ids(1, 2), NOW)  # order 1 is being sent
    tick = run.tick(NOW + timedelta(seconds=2))
    assert [j.supplier_order_id for j in tick.due] == [2]
    assert tick.step.kind is StepKind.NOTHING  # not two calls at once
    step = run.sent()
    assert step.kind is StepKind.SEND and step.job is not None and step.job.supplier_order_id == 2


def test_expected_failure_moves_on_unexpected_stops_everything() -> None:
    run = started(item(1), item(2), item(3))
    run.recorded(ids(1, 2, 3), NOW)
    job, step = run.send_failed(expected=True)
    assert job is not None and job.supplier_order_id == 1
    assert step.kind is StepKind.SEND and step.job is not None and step.job.supplier_order_id == 2
    job, step = run.send_failed(expected=False)
    assert job is not None and job.supplier_order_id == 2
    assert step.kind is StepKind.FINISH and run.unsent_count() == 0


def test_retry_records_a_new_attempt_before_sending() -> None:
    run = started(item(1), item(2))
    run.recorded(ids(1, 2), NOW)
    run.send_failed(expected=True)
    run.sent()
    assert run.phase is Phase.DONE
    step = run.retry([failed(1, 101)])
    assert run.phase is Phase.SENDING
    assert step.kind is StepKind.RECORD_RETRY and step.job is not None and step.job.retry
    assert step.job.request_id == 101
    step = run.retry_recorded(step.job, 201)
    assert step.kind is StepKind.SEND and step.job is not None and step.job.request_id == 201
    assert run.request_ids[1] == 201
    assert run.sent().kind is StepKind.FINISH


def test_retry_only_once_done_and_only_failures() -> None:
    run = started(item(1))
    run.recorded(ids(1), NOW)
    assert run.retry([failed(1, 101)]).kind is StepKind.NOTHING  # still sending
    run.sent()
    closed = OrderOutcome(1, OutcomeKind.CLOSED, request_id=101)
    assert run.retry([closed]).kind is StepKind.NOTHING
    assert run.phase is Phase.DONE


def test_stop_records_the_rest_as_not_sent_after_the_running_call() -> None:
    run = started(item(1), item(2), item(3, wait_s=5))
    run.recorded(ids(1, 2, 3), NOW)
    assert run.stop().kind is StepKind.NOTHING  # order 1's call is running
    assert run.waiting == [] and run.unsent_count() == 2
    step = run.sent()
    assert step.kind is StepKind.SEND_STOPPED and step.job is not None
    assert step.job.supplier_order_id == 2
    step = run.stopped_one()
    assert step.kind is StepKind.SEND_STOPPED and step.job is not None
    assert step.job.supplier_order_id == 3  # the waiting one ends as not sent too
    step = run.stopped_one()
    assert step.kind is StepKind.FINISH and step.stopped and not run.stopping


def test_stop_while_the_seller_is_asked_leaves_that_order_to_check() -> None:
    run = started(item(1), item(2), manual=True)
    step = run.recorded(ids(1, 2), NOW)
    assert step.job is not None
    run.submitted(step.job)
    step = run.stop()
    assert step.kind is StepKind.MARK_INTERRUPTED and step.job is not None
    assert step.job.supplier_order_id == 1 and run.awaiting is None
    step = run.stopped_one()
    assert step.kind is StepKind.SEND_STOPPED and step.job is not None
    assert step.job.supplier_order_id == 2
    assert run.stopped_one().stopped


def test_stop_before_the_page_opened_asks_nothing() -> None:
    run = started(item(1), manual=True)
    step = run.recorded(ids(1), NOW)
    assert step.job is not None
    assert run.stop().kind is StepKind.NOTHING  # marking it submitted is under way
    step = run.submitted(step.job)
    assert step.kind is StepKind.SEND_STOPPED and run.awaiting is None


def test_stop_drops_unrecorded_retries_and_keeps_their_outcome() -> None:
    run = started(item(1), item(2))
    run.recorded(ids(1, 2), NOW)
    run.send_failed(expected=True)
    run.send_failed(expected=True)
    step = run.retry([failed(1, 101), failed(2, 102)])
    assert step.kind is StepKind.RECORD_RETRY
    run.stop()
    assert step.job is not None
    step = run.retry_recorded(step.job, 201)  # recorded, then stopped: not sent
    assert step.kind is StepKind.SEND_STOPPED and step.job is not None
    assert step.job.request_id == 201
    step = run.stopped_one()
    assert step.kind is StepKind.FINISH and step.stopped
    assert [j.supplier_order_id for j in step.restored] == [2]


def test_record_failure_ends_the_run_with_nothing_sent() -> None:
    run = started(item(1))
    step = run.record_failed()
    assert step.kind is StepKind.FINISH and run.phase is Phase.RECORD_FAILED and run.complete()
