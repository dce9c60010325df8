"""Step 6: record every request, then send them one at a time and show each order's outcome.

Order of work (DESIGN.md §3, services/cancellation.py): the whole batch is recorded in one
transaction before any connector is called; then each request is sent by its own worker job, so the
window stays responsive and shows progress. With the manual connector each order is marked
submitted, its 1688 page opened, and the seller answers "done on 1688?" before the answer is
stored; an order is only shown closed because the connector (or the seller) confirmed it.
"""

from __future__ import annotations

import logging
import sys
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
)

from ...connectors.base import ConnectorUnavailable
from ...connectors.capabilities import ConfirmsOnPlatform, OpensPages
from ...domain.cancel_flow import CancelStep, OrderOutcome, OutcomeKind
from ...domain.cancel_sending import Job, Phase, SendRun, Step, StepKind, Tick
from ...domain.enums import CancelAction
from ...errors import UserError
from ...messages import STOPPED_BEFORE_SENDING
from ...services.cancellation import (
    CancellationChanges,
    begin_submission,
    mark_interrupted,
    mark_offers_out_of_stock,
    mark_shop_orders_done,
    record_requests,
    record_retry,
    submit_request,
)
from ..formatting import enum_label, format_money, user_error_text
from ..view_base import icon
from ..widgets.column_widths import order_number_width, text_width
from ..widgets.tables import read_only_table
from .confirm_page import consequences_html
from .models import Cell, CellTableModel, Row
from .shop_side import ShopTodoBox
from .step_page import StepPage, wrap_label
from .texts import Status, outcome_status, status_color, status_icon, translate

if TYPE_CHECKING:
    from ...connectors.base import Connector
    from .context import WizardContext

__all__ = ["SubmitPage"]

log = logging.getLogger(__name__)

#: Shown for requests not sent because the seller stopped the batch.
STOPPED_MESSAGE = STOPPED_BEFORE_SENDING


class StopConnector:
    """Stands in for the connector once the seller stopped the batch: every request it is asked
    to send fails as not sent (safe to retry later)."""

    name = "stopped"
    needs_manual_confirmation = False
    can_list_orders = False

    def close_order(self, order_id_1688: str, reason: str, remark: str) -> Any:
        raise ConnectorUnavailable(STOPPED_MESSAGE)

    def request_refund(self, order_id_1688: str, *args: Any, **kwargs: Any) -> Any:
        raise ConnectorUnavailable(STOPPED_MESSAGE)


class SubmitPage(StepPage):
    """Step 6: submit, progress, per-order outcome, retry of failures."""

    def __init__(self, context: WizardContext) -> None:
        super().__init__(CancelStep.SUBMIT, context)
        #: What step 6 does next: decided in plain Python (domain.cancel_sending), done here.
        self.run = SendRun(manual=False)
        #: Counts the waiting orders down and sends each once its time has come.
        self.wait_timer = QTimer(self)
        self.wait_timer.setInterval(1000)
        self.wait_timer.timeout.connect(self.check_waiting)
        self._stop_then: Any = None

        self.intro_label = wrap_label()
        self.intro_label.setObjectName("submitIntro")
        self.submit_button = QPushButton(self.tr("&Submit the cancellation requests"))
        self.submit_button.setObjectName("submitButton")
        self.submit_button.setAutoDefault(True)
        self.submit_button.clicked.connect(self.submit)
        self.progress = QProgressBar()
        self.progress.setObjectName("submitProgress")
        self.progress.setFormat(self.tr("%v of %m orders"))
        self.progress.hide()
        self.model = CellTableModel(self._headers(), parent=self)
        self.table = read_only_table(self.model)
        self.table.setObjectName("outcomeTable")
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        # The outcome is what this page is about: right after the 1688 order id, wide enough for
        # the usual answers, so neither it nor a 19-digit number is cut off in a narrow wizard.
        outcomes = [
            translate("Closed on 1688"),
            translate("Refund requested: waiting for the supplier"),
        ]
        for column, width in (
            (0, order_number_width(self.table)),
            (1, order_number_width(self.table)),
            (2, 110),
            (3, text_width(self.table, ["¥88,888.88"])),
            (4, text_width(self.table, outcomes, self.tr("Outcome"), cap=320) + 24),  # + icon
        ):
            self.table.setColumnWidth(column, width)
        header = self.table.horizontalHeader()
        header.moveSection(header.visualIndex(4), 1)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.retry_button = QPushButton(self.tr("&Retry failed"))
        self.retry_button.setObjectName("retryButton")
        self.retry_button.setIcon(icon("refresh"))
        self.retry_button.clicked.connect(self.retry_failed)
        self.status_label = wrap_label()
        self.status_label.setObjectName("submitStatus")

        # The manual connector's question, inline so the keyboard reaches it directly.
        self.ask_frame = QFrame()
        self.ask_frame.setObjectName("manualQuestion")
        self.ask_frame.setFrameShape(QFrame.Shape.StyledPanel)
        self.ask_label = wrap_label()
        self.ask_label.setObjectName("manualQuestionText")
        self.ask_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reopen_button = QPushButton(self.tr("&Open the order page again"))
        self.reopen_button.clicked.connect(self._reopen)
        self.done_button = QPushButton()
        self.done_button.setObjectName("manualDone")
        self.done_button.clicked.connect(lambda: self._answer(True))
        self.not_done_button = QPushButton(self.tr("&Not done"))
        self.not_done_button.setObjectName("manualNotDone")
        self.not_done_button.clicked.connect(lambda: self._answer(False))
        self.answer_edit = QLineEdit()
        self.answer_edit.setObjectName("manualMessage")
        self.answer_edit.setPlaceholderText(self.tr("Refund no. or what 1688 said (optional)"))
        ask = QVBoxLayout(self.ask_frame)
        ask.addWidget(self.ask_label)
        ask.addWidget(self.answer_edit)
        ask_buttons = QHBoxLayout()
        ask_buttons.addWidget(self.done_button)
        ask_buttons.addWidget(self.not_done_button)
        ask_buttons.addWidget(self.reopen_button)
        ask_buttons.addStretch(1)
        ask.addLayout(ask_buttons)
        self.ask_frame.hide()

        # What sending costs (step 4's figures, repeated where the seller presses Submit) and what
        # is left to do on the shop afterwards.
        self.consequences_label = wrap_label()
        self.consequences_label.setObjectName("submitConsequences")
        self.consequences_label.setTextFormat(Qt.TextFormat.RichText)
        consequences = QGroupBox(self.tr("What cancelling costs"))
        consequences.setObjectName("submitConsequencesBox")
        box = QVBoxLayout(consequences)
        box.setContentsMargins(8, 4, 8, 4)
        box.addWidget(self.consequences_label)
        self.shop_todo = ShopTodoBox()
        self.shop_todo.mark_requested.connect(self._mark_shop_done)
        facts = QHBoxLayout()
        facts.addWidget(consequences, 1)
        facts.addWidget(self.shop_todo, 1)

        top = QHBoxLayout()
        top.addWidget(self.submit_button)
        top.addWidget(self.progress, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status_label, 1)
        bottom.addWidget(self.retry_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro_label)
        layout.addLayout(facts)
        layout.addLayout(top)
        layout.addWidget(self.ask_frame)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.problems_label)
        self._update_buttons()

    def _headers(self) -> list[str]:
        return [
            self.tr("1688 order id"),
            self.tr("Shop order no."),
            self.tr("Action"),
            self.tr("Amount"),
            self.tr("Outcome"),
        ]

    # -- state -----------------------------------------------------------------------------

    def started(self) -> bool:
        """The submission has started (requests recorded or being recorded)."""
        return self.run.started()

    def running(self) -> bool:
        """Requests are being recorded or sent, or the seller is being asked about one."""
        return self.run.running()

    def unsent_count(self) -> int:
        return self.run.unsent_count()

    def isComplete(self) -> bool:
        return self.run.complete()

    # -- before sending ----------------------------------------------------------------------

    def initializePage(self) -> None:
        flow = self.flow
        plans = flow.plans()
        # A too-soon close is sent too, once 1688 accepts it (see check_waiting).
        sending = [p for p in plans if p.will_send or p.skip_code == "too_soon"]
        closes = sum(1 for p in sending if p.action is CancelAction.CLOSE)
        refunds = len(sending) - closes
        skipped = len(plans) - len(sending)
        if flow.manual:
            # Nothing is sent by the app: the seller does each one on 1688 and says so.
            text = self.tr(
                "{closes} order(s) to close and {refunds} refund application(s) to make on 1688; "
                "{skipped} order(s) will be skipped. For each order the 1688 page opens in your "
                "browser: do it there, then say here whether it was done."
            ).format(closes=closes, refunds=refunds, skipped=skipped)
        else:
            text = self.tr(
                "Ready to send {closes} close request(s) and {refunds} refund application(s); "
                "{skipped} order(s) will be skipped. Each request is recorded before it is sent."
            ).format(closes=closes, refunds=refunds, skipped=skipped)
        self.intro_label.setText(text)
        self.consequences_label.setText(consequences_html(self.flow, self.cw.shop_names))
        self.shop_todo.set_todos(flow.shop_todos())
        candidates = flow.candidates
        rows = []
        for plan in plans:
            c = candidates[plan.supplier_order_id]
            if plan.will_send:
                kind, text_out = Status.QUEUED, self.tr("Not sent yet")
            elif plan.skip_code == "too_soon":
                kind, text_out = Status.WAIT, self._waiting_text(plan.retry_in_seconds)
            else:
                kind, text_out = Status.SKIPPED, self.tr("Will be skipped")
            rows.append(
                self._row(
                    plan.supplier_order_id,
                    c.order_id_1688,
                    plan.action,
                    plan.amount_fen,
                    kind,
                    text_out,
                )
            )
        self.model.set_rows(rows)
        self.flow_changed()
        self.focus_later(self.submit_button)

    def _row(
        self,
        supplier_order_id: int,
        order_id_1688: str | None,
        action: CancelAction | None,
        amount_fen: int,
        kind: str,
        text: str,
    ) -> Row:
        candidate = self.flow.candidates.get(supplier_order_id)
        color = status_color(kind)
        cells = (
            Cell(order_id_1688 or "—"),
            Cell(candidate.sale.shop_order_no if candidate and candidate.sale else ""),
            Cell(enum_label(action) if action is not None else self.tr("None")),
            Cell(format_money(amount_fen) if action is not None else "", right=True),
            Cell(text, color, status_icon(kind), text),
        )
        return Row(supplier_order_id, cells)

    def _show(self, supplier_order_id: int, kind: str, text: str) -> None:
        plan = self.flow.plan(supplier_order_id)
        candidate = self.flow.candidates[supplier_order_id]
        row = self._row(
            supplier_order_id, candidate.order_id_1688, plan.action, plan.amount_fen, kind, text
        )
        self.model.update_rows([row])

    def _show_outcome(self, outcome: OrderOutcome) -> None:
        kind, text = outcome_status(outcome)
        self._show(outcome.supplier_order_id, kind, text)

    # -- recording -------------------------------------------------------------------------

    @Slot()
    def submit(self) -> None:
        """Freeze the flow, record every request in one transaction, then send one by one."""
        if self.started():
            return
        submission = self.flow.begin_submission()
        self.run = SendRun(manual=self.flow.manual)
        self.run.start(submission)
        self.cw.submission_started()
        self.submit_button.setEnabled(False)
        for outcome in submission.skipped:
            self._show_outcome(outcome)
        self.progress.setRange(0, max(1, len(submission.items)))
        self.progress.setValue(0)
        self.progress.show()
        self.status_label.setText(self.tr("Recording the requests…"))
        self._update_buttons()
        self.completeChanged.emit()
        self.cw.worker.submit(
            record_requests,
            list(submission.items),
            skipped=list(submission.skipped),
            on_result=self._recorded,
            on_error=self._record_failed,
        )

    def _recorded(self, changes: CancellationChanges) -> None:
        offers = self.flow.offers_to_mark_out_of_stock() if self.flow.mark_out_of_stock else []
        if offers:
            self.cw.worker.submit(mark_offers_out_of_stock, offers, on_error=self._side_error)
        step = self.run.recorded(changes.request_ids, self.flow.clock())
        if self.run.waiting:
            self._show_tick(self.run.tick(self.flow.clock()))
            self.wait_timer.start()
        self._do(step)

    def _record_failed(self, error: BaseException) -> None:
        # Nothing was recorded, so nothing was sent: the wizard can simply be closed.
        self.progress.hide()
        if isinstance(error, UserError):
            self.status_label.setText(user_error_text(error))
        else:
            self.status_label.setText(
                self.tr("The requests could not be recorded; nothing was sent.")
            )
            self._report(error)
        for item in self.run.items.values():
            self._show(item.supplier_order_id, Status.BLOCKED, self.tr("Not sent"))
        self._do(self.run.record_failed())

    def _side_error(self, error: BaseException) -> None:
        self.status_label.setText(user_error_text(error))
        if not isinstance(error, UserError):
            self._report(error)

    # -- doing what the run says -------------------------------------------------------------

    def _do(self, step: Step) -> None:
        """Do the one thing the run asked for."""
        for job in step.restored:
            outcome = self._outcome_of(job.supplier_order_id)
            if outcome is not None:
                self._show_outcome(outcome)
        kind, job = step.kind, step.job
        if kind is StepKind.NOTHING:
            return
        if kind is StepKind.WAIT:
            self.status_label.setText(
                self.tr(
                    "Waiting: 1688 refuses to close an order in its first 10 seconds; "
                    "the %n waiting order(s) are sent automatically.",
                    "",
                    step.waiting,
                )
            )
            return
        if kind is StepKind.FINISH:
            self._finish(step)
            return
        assert job is not None
        if step.position:
            self._show_progress(step)
        if kind is StepKind.RECORD_RETRY:
            self.cw.worker.submit(
                record_retry,
                job.request_id,
                on_result=lambda new_id: self._do(self.run.retry_recorded(job, new_id)),
                on_error=self._send_failed,
            )
        elif kind is StepKind.SEND:
            connector = self.cw.connector
            assert connector is not None
            self._call(job, connector)
        elif kind is StepKind.BEGIN_MANUAL:
            self.cw.worker.submit(
                begin_submission,
                job.request_id,
                on_result=lambda _c: self._do(self.run.submitted(job)),
                on_error=self._send_failed,
            )
        elif kind is StepKind.ASK:
            self._ask(job)
        elif kind is StepKind.SEND_STOPPED:
            self.cw.worker.submit(
                submit_request,
                job.request_id,
                StopConnector(),
                on_result=self._stopped_one,
                on_error=self._send_failed,
            )
        elif kind is StepKind.MARK_INTERRUPTED:
            self.ask_frame.hide()
            self.cw.worker.submit(
                mark_interrupted,
                job.request_id,
                on_result=self._stopped_one,
                on_error=self._send_failed,
            )

    def _show_progress(self, step: Step) -> None:
        job = step.job
        assert job is not None
        if self.flow.manual:
            # Nothing is sent by the app: the seller does it on 1688 and says so.
            self._show(job.supplier_order_id, Status.BUSY, self.tr("Opening on 1688…"))
            self.status_label.setText(
                self.tr("Order {n} of {total}: do it on 1688, then answer here.").format(
                    n=step.position, total=step.total
                )
            )
        else:
            self._show(job.supplier_order_id, Status.BUSY, self.tr("Sending…"))
            self.status_label.setText(
                self.tr("Sending {n} of {total}…").format(n=step.position, total=step.total)
                if not job.retry
                else self.tr("Retrying…")
            )

    def _outcome_of(self, supplier_order_id: int) -> OrderOutcome | None:
        return next(
            (o for o in self.flow.outcomes() if o.supplier_order_id == supplier_order_id), None
        )

    # -- sending ---------------------------------------------------------------------------

    def _waiting_text(self, seconds: int) -> str:
        return self.tr("Waiting %n s, then sent", "", seconds)

    @Slot()
    def check_waiting(self) -> None:
        """Count the waiting orders down; send those whose 10 seconds are over."""
        tick = self.run.tick(self.flow.clock())
        self._show_tick(tick)
        self._do(tick.step)

    def _show_tick(self, tick: Tick) -> None:
        for job in tick.due:
            self._show(job.supplier_order_id, Status.QUEUED, self.tr("Not sent yet"))
        for job, left in tick.counting:
            self._show(job.supplier_order_id, Status.WAIT, self._waiting_text(left))
        if not tick.timer_needed:
            self.wait_timer.stop()

    def _call(self, job: Job, connector: Connector) -> None:
        self.cw.run_connector(
            submit_request,
            job.request_id,
            connector,
            with_db=True,
            on_result=self._sent,
            on_error=self._send_failed,
            owner=self,
        )

    def _sent(self, changes: CancellationChanges) -> None:
        for outcome in changes.outcomes:
            self.flow.record_outcome(outcome)
            self._show_outcome(outcome)
            if outcome.request_id is not None:
                self.run.request_ids[outcome.supplier_order_id] = outcome.request_id
        self.progress.setValue(self.progress.value() + 1)
        self._do(self.run.sent())

    def _send_failed(self, error: BaseException) -> None:
        expected = isinstance(error, UserError)
        job, step = self.run.send_failed(expected=expected)
        self.ask_frame.hide()
        if job is not None:
            if expected:
                text = translate(QT_TRANSLATE_NOOP("CancelWizard", "Failed: {}")).format(
                    user_error_text(error)
                )
                self._show(job.supplier_order_id, Status.FAILED, text)
            else:
                self._show(
                    job.supplier_order_id,
                    Status.INTERRUPTED,
                    self.tr("Unknown: an unexpected error stopped the sending; check on 1688."),
                )
        if not expected:
            # Something is wrong beyond this order: stop here. What was recorded and not sent is
            # found as interrupted at the next start.
            self._do(step)
            self._report(error)
            return
        self.progress.setValue(self.progress.value() + 1)
        self._do(step)

    def _finish(self, step: Step) -> None:
        self.wait_timer.stop()
        self.ask_frame.hide()
        outcomes = self.flow.outcomes()
        counts = {kind: 0 for kind in OutcomeKind}
        for outcome in outcomes:
            counts[outcome.kind] += 1
        if self.run.phase is Phase.DONE:
            self.status_label.setText(
                self.tr(
                    "Done: {closed} closed, {refunds} refund(s) requested, {failed} failed, "
                    "{skipped} skipped, {interrupted} to check on 1688."
                ).format(
                    closed=counts[OutcomeKind.CLOSED],
                    refunds=counts[OutcomeKind.REFUND_REQUESTED],
                    failed=counts[OutcomeKind.FAILED],
                    skipped=counts[OutcomeKind.SKIPPED],
                    interrupted=counts[OutcomeKind.INTERRUPTED],
                )
            )
        acted = {
            o.supplier_order_id
            for o in outcomes
            if o.kind in (OutcomeKind.CLOSED, OutcomeKind.REFUND_REQUESTED)
        }
        self.shop_todo.set_todos(
            [t for t in self.flow.shop_todos() if acted.intersection(t.supplier_order_ids)],
            done=True,
        )
        self._update_buttons()
        self.completeChanged.emit()
        if not step.stopped:
            self.cw.submission_done()
        then, self._stop_then = self._stop_then, None
        if then is not None:
            then()
        elif self.retry_button.isEnabled():
            self.retry_button.setFocus()
        else:
            self.cw.focus_finish()

    def _mark_shop_done(self, sales_order_ids: list[int]) -> None:
        """The seller says the shop side is done: record it (ends the ship-by warnings)."""
        self.shop_todo.mark_button.setEnabled(False)
        self.cw.worker.submit(
            mark_shop_orders_done,
            sales_order_ids,
            on_result=lambda changes: self.shop_todo.show_marked(
                len(changes.ids.get("sales_order", ()))
            ),
            on_error=self.cw.show_error,
        )

    # -- the manual connector's question -------------------------------------------------------

    def _ask(self, job: Job) -> None:
        connector = self.cw.connector
        assert connector is not None
        item = job.item
        opened = isinstance(connector, OpensPages) and connector.open_order(item.order_id_1688)
        if item.action is CancelAction.CLOSE:
            text = self.tr(
                "1688 order {order}: close it on 1688 (取消订单) with the reason “{reason}”"
                " and the remark “{remark}”."
            )
            self.done_button.setText(self.tr("&Closed on 1688"))
        else:
            text = self.tr(
                "1688 order {order}: apply for a refund of {amount} on 1688 (申请退款) with the "
                "reason “{reason}” and the description “{remark}”."
            )
            self.done_button.setText(self.tr("&Refund applied for on 1688"))
        text = text.format(
            order=item.order_id_1688,
            reason=item.reason_text,
            remark=item.remark,
            amount=format_money(item.amount_fen),
        )
        if not opened:
            text += " " + self.tr("Open this address in your browser: {}").format(
                connector.order_url(item.order_id_1688)
            )
        self.ask_label.setText(text)
        self.answer_edit.clear()
        self._show(item.supplier_order_id, Status.BUSY, self.tr("Waiting for your answer"))
        self.ask_frame.show()
        self.done_button.setFocus()

    @Slot()
    def _reopen(self) -> None:
        connector = self.cw.connector
        if self._awaiting is not None and isinstance(connector, OpensPages):
            connector.open_order(self._awaiting.item.order_id_1688)

    @Slot()
    def _reopen(self) -> None:
        connector = self.cw.connector
        if self.run.awaiting is not None and isinstance(connector, OpensPages):
            connector.open_order(self.run.awaiting.item.order_id_1688)

    def _answer(self, done: bool) -> None:
        job, connector = self.run.awaiting, self.cw.connector
        if job is None or not isinstance(connector, ConfirmsOnPlatform):
            return
        step = self.run.answered()
        self.ask_frame.hide()
        extra = self.answer_edit.text().strip()
        is_refund = job.item.action is CancelAction.REFUND_REQUEST
        connector.confirm(
            job.item.order_id_1688,
            job.item.action,
            done=done,
            message="" if done else extra,
            refund_id=extra if done and is_refund else "",
        )
        self._show(job.supplier_order_id, Status.BUSY, self.tr("Saving…"))
        self._do(step)

    # -- retry -----------------------------------------------------------------------------

    def _failed_outcomes(self, only_selected: bool) -> list[OrderOutcome]:
        failed = [o for o in self.flow.outcomes() if o.retryable and o.request_id is not None]
        if only_selected:
            rows = {i.row() for i in self.table.selectionModel().selectedRows()}
            keys = {self.model.key(r) for r in rows}
            chosen = [o for o in failed if o.supplier_order_id in keys]
            if chosen:
                return chosen
        return failed

    @Slot()
    def retry_failed(self) -> None:
        """Send the failed requests (the selected ones, or all) again as new attempts."""
        if self.run.phase is not Phase.DONE:
            return
        outcomes = self._failed_outcomes(only_selected=True)
        if not outcomes:
            return
        self.progress.setRange(0, len(outcomes))
        self.progress.setValue(0)
        step = self.run.retry(outcomes)
        self._update_buttons()
        self.completeChanged.emit()
        self._do(step)

    def _update_buttons(self) -> None:
        failed = bool(self._failed_outcomes(only_selected=False)) if self.started() else False
        self.retry_button.setVisible(self.started())
        self.retry_button.setEnabled(self.run.phase is Phase.DONE and failed)

    # -- stopping --------------------------------------------------------------------------

    def stop(self, then: Any) -> None:
        """Stop after the current order: the rest are not sent; then call *then*."""
        self._stop_then = then
        self.wait_timer.stop()
        self._do(self.run.stop())

    def _stopped_one(self, changes: CancellationChanges) -> None:
        for outcome in changes.outcomes:
            self.flow.record_outcome(outcome)
            self._show_outcome(outcome)
        self._do(self.run.stopped_one())

    # -- errors ----------------------------------------------------------------------------

    def _report(self, error: BaseException) -> None:
        if isinstance(error, Exception):
            sys.excepthook(type(error), error, error.__traceback__)
        else:  # the app being stopped (or a test standing in for it): logged only
            log.error("sending stopped by %r", error)
