"""Step 6 of the cancel flow as a display-free state machine: record, queue, wait, send, retry, stop.

The page (``ui/cancel_wizard/submit_page.py``) runs the work the machine asks for on the DB
worker and reports back; the machine decides what comes next. Like :class:`~.cancel_flow.CancelFlow`
for steps 1–5, it holds no Qt, no database and no network, so every path is tested in plain
Python (``tests/domain/test_cancel_sending.py``).

The order of work (DESIGN.md, services/cancellation.py): the whole batch is recorded first
(:meth:`SendRun.recorded`), then one request at a time is sent — or, with the manual connector,
marked submitted and put to the seller (:attr:`StepKind.BEGIN_MANUAL`, then
:attr:`StepKind.ASK`). A close 1688 would refuse (an order's first 10 seconds) waits in
:attr:`SendRun.waiting` until :meth:`SendRun.tick` finds it due. A failure may be retried
(:meth:`SendRun.retry`): the new attempt is recorded before it is sent. Stopping
(:meth:`SendRun.stop`) lets the running call answer, records the rest as not sent, and leaves an
order whose page is open and unanswered for the seller to check on 1688.

Each event method returns a :class:`Step`: the one thing to do next.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from .cancel_submission import OrderOutcome, Submission, SubmissionItem

__all__ = ["Job", "Phase", "SendRun", "Step", "StepKind", "Tick"]


class Phase(StrEnum):
    """Where step 6 is."""

    READY = "ready"  # nothing recorded yet
    RECORDING = "recording"  # the batch is being recorded
    SENDING = "sending"  # requests are being sent (or waited for, or asked about)
    DONE = "done"  # every request has an outcome; failures may be retried
    RECORD_FAILED = "record_failed"  # nothing was recorded, so nothing was sent


@dataclass(frozen=True, slots=True)
class Job:
    """One recorded request to send.

    Attributes:
        item: What to send.
        request_id: Its ``cancellation_request`` row (for a retry: the failed attempt's).
        retry: A new attempt of a failed request, not yet recorded.
    """

    item: SubmissionItem
    request_id: int
    retry: bool = False

    @property
    def supplier_order_id(self) -> int:
        return self.item.supplier_order_id


class StepKind(StrEnum):
    """What the page must do next."""

    NOTHING = "nothing"  # wait for the running call to answer
    WAIT = "wait"  # only orders in their first 10 seconds are left: wait for tick()
    RECORD_RETRY = "record_retry"  # record a new attempt of job.request_id → retry_recorded()
    SEND = "send"  # call the connector for job → sent() / send_failed()
    BEGIN_MANUAL = "begin_manual"  # mark job submitted → submitted() / send_failed()
    ASK = "ask"  # ask the seller whether job was done on 1688 → answered()
    SEND_STOPPED = "send_stopped"  # record job as not sent → stopped_one() / send_failed()
    MARK_INTERRUPTED = "mark_interrupted"  # leave job to check on 1688 → stopped_one()
    FINISH = "finish"  # every request has an outcome


@dataclass(frozen=True, slots=True)
class Step:
    """The next thing to do.

    Attributes:
        kind: What.
        job: The request it is about (none for NOTHING, WAIT, FINISH).
        position: For SEND/BEGIN_MANUAL/RECORD_RETRY started by :meth:`SendRun.advance`: the
            order's number in the batch (1-based); 0 otherwise.
        total: How many requests the batch has.
        waiting: For WAIT: how many orders wait for their 10 seconds.
        restored: Retries dropped by a stop before they were recorded: their earlier outcome
            stands (the page shows it again).
        stopped: For FINISH: the run ended because the seller stopped it.
    """

    kind: StepKind
    job: Job | None = None
    position: int = 0
    total: int = 0
    waiting: int = 0
    restored: tuple[Job, ...] = ()
    stopped: bool = False


@dataclass(frozen=True, slots=True)
class Tick:
    """What :meth:`SendRun.tick` found.

    Attributes:
        due: Orders whose 10 seconds are over, now queued.
        counting: Orders still waiting, with the seconds left.
        step: What to do next (NOTHING unless something became due while idle).
    """

    due: tuple[Job, ...]
    counting: tuple[tuple[Job, int], ...]
    step: Step

    @property
    def timer_needed(self) -> bool:
        return bool(self.counting)


_NOTHING = Step(StepKind.NOTHING)


class SendRun:
    """The state of step 6 for one submission.

    Args:
        manual: The connector needs the seller to confirm each action (manual connector).
    """

    def __init__(self, *, manual: bool) -> None:
        self.manual = manual
        self.phase = Phase.READY
        self.items: dict[int, SubmissionItem] = {}
        #: Supplier order id → its latest request row.
        self.request_ids: dict[int, int] = {}
        self.queue: deque[Job] = deque()
        #: Recorded requests 1688 would still refuse (an order's first 10 seconds), in order.
        self.waiting: list[Job] = []
        #: The request being recorded, sent or marked.
        self.current: Job | None = None
        #: The request the seller is being asked about (manual connector).
        self.awaiting: Job | None = None
        self.stopping = False

    # ---- questions ---------------------------------------------------------------------------

    def started(self) -> bool:
        """The submission has started (requests recorded or being recorded)."""
        return self.phase is not Phase.READY

    def running(self) -> bool:
        """Requests are being recorded or sent, or the seller is being asked about one."""
        return self.phase in (Phase.RECORDING, Phase.SENDING)

    def complete(self) -> bool:
        return self.phase in (Phase.DONE, Phase.RECORD_FAILED)

    def unsent_count(self) -> int:
        return len(self.queue) + len(self.waiting) + (1 if self.awaiting is not None else 0)

    # ---- recording ---------------------------------------------------------------------------

    def start(self, submission: Submission) -> None:
        """The batch is being recorded."""
        if self.started():
            raise RuntimeError("the submission has already started")
        self.items = {i.supplier_order_id: i for i in submission.items}
        self.phase = Phase.RECORDING

    def recorded(self, request_ids: Mapping[int, int], now: datetime) -> Step:
        """The batch was recorded: queue what may be sent now, wait for the rest."""
        self.request_ids = dict(request_ids)
        for item in self.items.values():
            job = Job(item, self.request_ids[item.supplier_order_id])
            if item.not_before is not None and item.not_before > now:
                self.waiting.append(job)
            else:
                self.queue.append(job)
        self.phase = Phase.SENDING
        return self.advance()

    def record_failed(self) -> Step:
        """Nothing was recorded, so nothing was sent."""
        self.phase = Phase.RECORD_FAILED
        return self._finish()

    # ---- sending -----------------------------------------------------------------------------

    def advance(self) -> Step:
        """The next request to send, or why there is none."""
        if self.stopping:
            return self._stop_next()
        if not self.queue:
            if self.waiting:
                return Step(StepKind.WAIT, waiting=len(self.waiting), total=len(self.items))
            return self._finish()
        job = self.queue.popleft()
        self.current = job
        position = len(self.items) - len(self.queue) - len(self.waiting)
        if job.retry:
            # The new attempt is recorded first, like every request, before anything is sent or
            # the seller is asked: an answer can then never arrive for a row not yet written.
            return Step(StepKind.RECORD_RETRY, job, position, len(self.items))
        step = self._send(job)
        return Step(step.kind, job, position, len(self.items))

    def retry_recorded(self, retry: Job, new_request_id: int) -> Step:
        """The new attempt of a failed request was recorded as *new_request_id*."""
        job = Job(retry.item, new_request_id)
        self.current = job
        self.request_ids[job.supplier_order_id] = new_request_id
        return self._send(job)

    def _send(self, job: Job) -> Step:
        if self.stopping:
            # Stopped meanwhile: recorded but not sent.
            self.current = None
            self.queue.appendleft(job)
            return self._stop_next()
        kind = StepKind.BEGIN_MANUAL if self.manual else StepKind.SEND
        return Step(kind, job, total=len(self.items))

    def submitted(self, job: Job) -> Step:
        """Manual connector: *job* was marked submitted; ask the seller (unless stopped)."""
        if self.stopping:
            # Stopped before the page was opened: the seller was never asked, nothing was done.
            self.current = None
            self.queue.appendleft(job)
            return self._stop_next()
        self.awaiting = job
        return Step(StepKind.ASK, job, total=len(self.items))

    def answered(self) -> Step:
        """The seller answered about the order being asked: store the answer (send it)."""
        job = self.awaiting
        if job is None:
            return _NOTHING
        self.awaiting = None
        return Step(StepKind.SEND, job, total=len(self.items))

    def sent(self) -> Step:
        """The current request's answer was stored."""
        self.current = None
        return self.advance()

    def send_failed(self, *, expected: bool) -> tuple[Job | None, Step]:
        """The current request failed: *expected* (a ``UserError``) moves on to the next; anything
        else stops the run (what was recorded and not sent is found as interrupted at the next
        start). Returns the job it was about and what to do next."""
        job = self.current
        self.current = None
        self.awaiting = None
        if not expected:
            self.queue.clear()
            self.waiting.clear()
            return job, self._finish()
        return job, self.advance()

    def tick(self, now: datetime) -> Tick:
        """Count the waiting orders down; queue those whose 10 seconds are over."""
        due: list[Job] = []
        counting: list[tuple[Job, int]] = []
        still: list[Job] = []
        for job in self.waiting:
            not_before = job.item.not_before
            if not_before is None or not_before <= now:
                self.queue.append(job)
                due.append(job)
            else:
                counting.append((job, math.ceil((not_before - now).total_seconds())))
                still.append(job)
        self.waiting = still
        step = _NOTHING
        if due and self.current is None and self.phase is Phase.SENDING:
            step = self.advance()
        return Tick(tuple(due), tuple(counting), step)

    # ---- retry -------------------------------------------------------------------------------

    def retry(self, failed: Iterable[OrderOutcome]) -> Step:
        """Send the *failed* requests again as new attempts (only once the run is done)."""
        outcomes = [o for o in failed if o.retryable and o.request_id is not None]
        if self.phase is not Phase.DONE or not outcomes:
            return _NOTHING
        for outcome in outcomes:
            assert outcome.request_id is not None
            item = self.items[outcome.supplier_order_id]
            self.queue.append(Job(item, outcome.request_id, retry=True))
        self.phase = Phase.SENDING
        return self.advance()

    # ---- stopping ----------------------------------------------------------------------------

    def stop(self) -> Step:
        """Stop after the current order: the rest are recorded as not sent."""
        self.stopping = True
        # Orders waiting for their 10 seconds are recorded: they end as not sent like the rest.
        self.queue.extend(self.waiting)
        self.waiting.clear()
        if self.awaiting is not None:
            # The order's page is open and the seller did not say: nobody knows, so it is left
            # for the seller to check on 1688 and resolve.
            job = self.awaiting
            self.awaiting = None
            self.current = job
            return Step(StepKind.MARK_INTERRUPTED, job, total=len(self.items))
        if self.current is None and self.phase is Phase.SENDING:
            return self._stop_next()
        # A call is running (or the batch is being recorded): advance() stops once it answers.
        return _NOTHING

    def stopped_one(self) -> Step:
        """A request was recorded as not sent (or left to check)."""
        self.current = None
        return self._stop_next()

    def _stop_next(self) -> Step:
        restored: list[Job] = []
        while self.queue:
            job = self.queue.popleft()
            if job.retry:
                # A retry not yet recorded: the earlier failed attempt stays as it is.
                restored.append(job)
                continue
            self.current = job
            return Step(StepKind.SEND_STOPPED, job, total=len(self.items), restored=tuple(restored))
        finish = self._finish()
        return Step(finish.kind, restored=tuple(restored), stopped=finish.stopped)

    def _finish(self) -> Step:
        if self.phase is not Phase.RECORD_FAILED:
            self.phase = Phase.DONE
        self.current = None
        self.awaiting = None
        stopped, self.stopping = self.stopping, False
        return Step(StepKind.FINISH, total=len(self.items), stopped=stopped)
