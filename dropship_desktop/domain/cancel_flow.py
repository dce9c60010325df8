"""The cancel-order flow (seed 3.2 / 5.1) as plain Python: steps, rules, plans and outcomes.

The wizard has exactly the six steps of the seed, in order. This module holds everything the wizard
decides; the Qt pages only collect input and show what :class:`CancelFlow` says (the Electrum
wizard pattern: navigation and completeness are plain Python, tested without a display).

What "cancel" means for one supplier order follows from its 1688 status (DESIGN.md §3, decided by
:func:`~dropship_desktop.domain.eligibility.cancel_eligibility`):

* ``waitbuyerpay`` (unpaid): close it at once (``alibaba.trade.cancel``) with one of the three
  close reasons and a remark;
* ``waitsellersend`` (paid, not shipped): a refund application the supplier must agree to
  (``alibaba.trade.createRefund``), with a reason from the platform's list and a description of
  2–150 characters;
* shipped or received: not cancellable here (after-sales return/refund), never attempted;
* ``cancel``/``terminated``: already closed; an unknown status: never acted on;
* created less than 10 s ago: the platform answers ``CLOSE_ORDER_TOO_FAST``; wait.

Nothing here talks to the platform or the database: the services record and send, the connector
answers, and the answers come back as :class:`OrderOutcome` values.

Pure Python: no PySide6, no peewee. Money is integer fen, times are aware UTC datetimes.

The flow is split by what each part is: :mod:`.cancel_facts` (steps, limits, the values
exchanged with services and connectors), :mod:`.cancel_plan` (per-order plans and reasons),
:mod:`.cancel_consequences` (costs, shop to-dos, advice), :mod:`.cancel_submission` (requests
and outcomes) and this module (the flow's state and navigation). Their names are re-exported
here, so ``from dropship_desktop.domain.cancel_flow import …`` gets any of them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime, timedelta

from ..messages import (
    CANCEL_PROBLEMS,
    CANCEL_SKIPS,
    NOT_IN_LIST,
    NOT_SIGNED_IN_YET,
    SIGN_IN_FAILED,
    SIGN_IN_TO_ACCOUNT,
    message,
)
from .cancel_consequences import (
    Advice,
    Consequences,
    RateChange,
    ShopCancellationStats,
    ShopTodo,
    compute_consequences,
    prevention_advice,
    shop_todos,
)
from .cancel_facts import (
    CANCELLATION_WINDOW_DAYS,
    DESCRIPTION_MAX_CHARS,
    DESCRIPTION_MIN_CHARS,
    GOODS_STATUS_WAIT_SELLER_SEND,
    REMARK_MAX_CHARS,
    VOUCHERS_MAX,
    AccountRef,
    CallResult,
    CancelStep,
    FlowError,
    OrderCandidate,
    Problem,
    ProductFacts,
    RefundReason,
    SaleFacts,
    SignInResult,
)
from .cancel_plan import (
    CloseReasonInput,
    OrderPlan,
    ReasonInput,
    RefundReasonInput,
    close_reason_problems,
    plan_order,
    refund_reason_problems,
)
from .cancel_submission import (
    OrderOutcome,
    OutcomeKind,
    Submission,
    SubmissionItem,
    outcome_from_call,
)
from .eligibility import CLOSE_TOO_FAST_SECONDS
from .enums import CancelAction, CancelReason
from .timeutil import now_utc

__all__ = [
    "CANCELLATION_WINDOW_DAYS",
    "DESCRIPTION_MAX_CHARS",
    "DESCRIPTION_MIN_CHARS",
    "GOODS_STATUS_WAIT_SELLER_SEND",
    "REMARK_MAX_CHARS",
    "VOUCHERS_MAX",
    "AccountRef",
    "Advice",
    "CallResult",
    "CancelFlow",
    "CancelStep",
    "CloseReasonInput",
    "Consequences",
    "FlowError",
    "OrderCandidate",
    "OrderOutcome",
    "OrderPlan",
    "OutcomeKind",
    "Problem",
    "ProductFacts",
    "RateChange",
    "ReasonInput",
    "RefundReason",
    "RefundReasonInput",
    "SaleFacts",
    "ShopCancellationStats",
    "ShopTodo",
    "SignInResult",
    "Submission",
    "SubmissionItem",
    "close_reason_problems",
    "compute_consequences",
    "outcome_from_call",
    "plan_order",
    "prevention_advice",
    "refund_reason_problems",
    "shop_todos",
]


# --------------------------------------------------------------------------------------------
# The flow
# --------------------------------------------------------------------------------------------


class CancelFlow:
    """State and navigation of the six-step cancel wizard; no Qt, no database, no network.

    The UI pages feed it (account, sign-in answer, candidates loaded by the service, selection,
    reasons) and read from it (problems per step, plans, consequences, advice, the submission);
    the services record and send the submission and the outcomes come back through
    :meth:`record_outcome`.

    Args:
        preselected: Supplier order ids to select once candidates are loaded (wizard started
            from the order list).
        clock: Returns the current aware UTC time; injectable for tests.
    """

    def __init__(
        self,
        *,
        preselected: Iterable[int] = (),
        clock: Callable[[], datetime] = now_utc,
    ) -> None:
        self.clock = clock
        self.step = CancelStep.SIGN_IN
        self.account: AccountRef | None = None
        #: The chosen account's connector needs the seller to confirm each action (manual).
        self.manual = True
        self.signed_in = False
        self.sign_in_message = ""
        self.awaiting_sign_in_confirmation = False
        self.preselected: tuple[int, ...] = tuple(preselected)
        self._candidates: dict[int, OrderCandidate] = {}
        self._loaded = False
        self._selected: list[int] = []
        self.shop_stats: dict[int, ShopCancellationStats] = {}
        #: One reason for every order (``False``) or one per order (``True``).
        self.per_order_reasons = False
        self.shared_close: CloseReasonInput | None = None
        self.shared_refund: RefundReasonInput | None = None
        self._own_reasons: dict[int, ReasonInput] = {}
        self._refund_reasons: dict[int, tuple[RefundReason, ...]] = {}
        #: The seller accepted to mark the offers of out-of-stock cancellations as out of stock.
        self.mark_out_of_stock = False
        self._submitted = False
        self._outcomes: dict[int, OrderOutcome] = {}

    # ---- navigation ------------------------------------------------------------------------

    def problems(self, step: CancelStep | None = None) -> list[Problem]:
        """What keeps *step* (default: the current one) from being complete; empty when it is.

        A step is complete only if every step before it is complete too.
        """
        step = self.step if step is None else step
        for earlier in CancelStep:
            found = self._own_problems(earlier)
            if found or earlier is step:
                return found
        return []  # pragma: no cover - the loop always reaches *step*

    def can_advance(self, step: CancelStep | None = None) -> bool:
        """Whether Next may leave *step* (default: the current one)."""
        step = self.step if step is None else step
        return step is not CancelStep.SUBMIT and not self.problems(step)

    def can_go_back(self) -> bool:
        """Back is possible until the submission has started (then nothing may be undone)."""
        return self.step is not CancelStep.SIGN_IN and not self._submitted

    def next(self) -> CancelStep:
        """Go to the next step.

        Raises:
            FlowError: The current step is not complete (check :meth:`can_advance` first).
        """
        if not self.can_advance():
            problems = self.problems()
            detail = problems[0].message if problems else "the last step"
            raise FlowError(f"cannot leave step {self.step.name}: {detail}")
        self.step = CancelStep(self.step + 1)
        return self.step

    def back(self) -> CancelStep:
        """Go to the previous step; changes nothing else.

        Raises:
            FlowError: On the first step, or after the submission started.
        """
        if not self.can_go_back():
            raise FlowError(f"cannot go back from step {self.step.name}")
        self.step = CancelStep(self.step - 1)
        return self.step

    def _own_problems(self, step: CancelStep) -> list[Problem]:
        if step is CancelStep.SIGN_IN:
            if self.account is None:
                return [Problem("no_account", message(CANCEL_PROBLEMS, "no_account"))]
            if not self.signed_in:
                if self.awaiting_sign_in_confirmation:
                    return [
                        Problem(
                            "sign_in_unconfirmed",
                            message(CANCEL_PROBLEMS, "sign_in_unconfirmed"),
                        )
                    ]
                text = self.sign_in_message or SIGN_IN_TO_ACCOUNT
                return [Problem("not_signed_in", text)]
            return []
        if step is CancelStep.ORDER_LIST:
            if not self._loaded:
                return [Problem("orders_not_loaded", message(CANCEL_PROBLEMS, "orders_not_loaded"))]
            if not self._candidates:
                return [Problem("no_orders", message(CANCEL_PROBLEMS, "no_orders"))]
            return []
        if step is CancelStep.SELECT:
            if not self._selected:
                return [Problem("nothing_selected", message(CANCEL_PROBLEMS, "nothing_selected"))]
            if not any(p.action is not None for p in self.plans()):
                return [
                    Problem(
                        "nothing_cancellable",
                        message(CANCEL_PROBLEMS, "nothing_cancellable"),
                    )
                ]
            return []
        if step is CancelStep.CONFIRM:
            return []  # reading the consequences is all this step asks
        if step is CancelStep.REASON:
            return self.reason_problems()
        return []

    # ---- step 1: account and sign-in -------------------------------------------------------

    def choose_account(self, account: AccountRef, *, manual: bool) -> None:
        """Use *account*; *manual* is its connector's ``needs_manual_confirmation``.

        Changing the account signs out and forgets loaded orders and choices.
        """
        self._require_not_submitted()
        if self.account != account:
            self.account = account
            self.signed_in = False
            self.sign_in_message = ""
            self.awaiting_sign_in_confirmation = False
            self._candidates.clear()
            self._loaded = False
            self._selected = [i for i in self._selected if i in self.preselected]
            self._refund_reasons.clear()
            self._own_reasons.clear()
        self.manual = manual

    def apply_sign_in(self, result: SignInResult) -> None:
        """Take the connector's sign-in answer (a failure keeps the seller on step 1, saying why)."""
        self.signed_in = result.ok
        self.awaiting_sign_in_confirmation = not result.ok and result.needs_confirmation
        if result.ok:
            self.sign_in_message = ""
        elif result.needs_confirmation:
            self.sign_in_message = result.message
        else:
            self.sign_in_message = result.message or SIGN_IN_FAILED

    def confirm_sign_in(self, confirmed: bool) -> None:
        """The seller's answer to "Are you signed in on 1688?" (manual connector)."""
        self.signed_in = confirmed
        self.awaiting_sign_in_confirmation = False
        self.sign_in_message = "" if confirmed else NOT_SIGNED_IN_YET

    # ---- step 2: the account's orders ------------------------------------------------------

    def set_candidates(
        self,
        candidates: Iterable[OrderCandidate],
        shop_stats: Mapping[int, ShopCancellationStats] | None = None,
    ) -> None:
        """Orders the wizard may work on (from the service), and the shops' 30-day figures.

        Pre-selected orders that are among them and selectable get selected; the selection keeps
        only orders that are still there and selectable.
        """
        self._require_not_submitted()
        self._candidates = {c.supplier_order_id: c for c in candidates}
        self._loaded = True
        if shop_stats is not None:
            self.shop_stats = dict(shop_stats)
        wanted = list(dict.fromkeys([*self._selected, *self.preselected]))
        self._selected = [i for i in wanted if self.selectable(i)[0]]

    @property
    def candidates(self) -> dict[int, OrderCandidate]:
        return dict(self._candidates)

    # ---- step 3: selection -----------------------------------------------------------------

    def selectable(self, supplier_order_id: int) -> tuple[bool, str]:
        """Whether the order may be selected, and if not why (a marked text)."""
        candidate = self._candidates.get(supplier_order_id)
        if candidate is None:
            return False, NOT_IN_LIST
        if candidate.blocked_by_pending:
            return False, message(CANCEL_SKIPS, "pending")
        return True, ""

    def select(self, ids: Iterable[int]) -> list[int]:
        """Add orders to the selection; returns the ids refused (not selectable)."""
        self._require_not_submitted()
        refused = []
        for oid in ids:
            if self.selectable(oid)[0]:
                if oid not in self._selected:
                    self._selected.append(oid)
            else:
                refused.append(oid)
        return refused

    def deselect(self, ids: Iterable[int]) -> None:
        self._require_not_submitted()
        drop = set(ids)
        self._selected = [i for i in self._selected if i not in drop]

    def set_selection(self, ids: Iterable[int]) -> list[int]:
        """Replace the selection; returns the ids refused."""
        self._require_not_submitted()
        self._selected = []
        return self.select(ids)

    @property
    def selected(self) -> list[int]:
        return list(self._selected)

    def plans(self) -> list[OrderPlan]:
        """The plan of every selected order, in selection order, at the clock's time."""
        now = self.clock()
        return [plan_order(self._candidates[i], now) for i in self._selected]

    def plan(self, supplier_order_id: int) -> OrderPlan:
        return plan_order(self._candidates[supplier_order_id], self.clock())

    # ---- step 4: consequences and advice ---------------------------------------------------

    def consequences(self) -> Consequences:
        return compute_consequences(self.plans(), self._candidates, self.shop_stats, self.clock())

    def shop_todos(self) -> list[ShopTodo]:
        """The shop orders the seller must still cancel, refund or ship on the shop."""
        return shop_todos(self.plans(), self._candidates, self.clock())

    def advice(self) -> list[Advice]:
        """Seed 5.3 advice for the selected orders that will be cancelled (with the reason's
        advice once one is chosen); skipped orders are not being cancelled and get none."""
        acting = {p.supplier_order_id for p in self.plans() if p.action is not None}
        selected = [self._candidates[i] for i in self._selected if i in acting]
        reasons = {i: self.reason_for(i) for i in self._selected}
        return prevention_advice(selected, reasons, self._refund_reasons)

    # ---- step 5: reasons -------------------------------------------------------------------

    def set_refund_reasons(self, supplier_order_id: int, reasons: Sequence[RefundReason]) -> None:
        """The reason list the connector offers for a paid order (or the built-in default)."""
        self._refund_reasons[supplier_order_id] = tuple(reasons)

    def refund_reasons_for(self, supplier_order_id: int) -> tuple[RefundReason, ...]:
        return self._refund_reasons.get(supplier_order_id, ())

    def orders_needing_refund_reasons(self) -> list[int]:
        """Selected refund orders whose reason list has not been loaded yet."""
        return [
            p.supplier_order_id
            for p in self.plans()
            if p.action is CancelAction.REFUND_REQUEST
            and p.supplier_order_id not in self._refund_reasons
        ]

    def common_refund_reasons(self) -> tuple[RefundReason, ...]:
        """Reasons offered for every selected refund order (the choices in shared mode)."""
        ids = [p.supplier_order_id for p in self.plans() if p.action is CancelAction.REFUND_REQUEST]
        if not ids:
            return ()
        first = self.refund_reasons_for(ids[0])
        common = {r.id for r in first}
        for oid in ids[1:]:
            common &= {r.id for r in self.refund_reasons_for(oid)}
        return tuple(r for r in first if r.id in common)

    def set_close_reason(
        self, value: CloseReasonInput, supplier_order_id: int | None = None
    ) -> None:
        """The close reason for all unpaid orders, or for one order in per-order mode."""
        self._require_not_submitted()
        if supplier_order_id is None:
            self.shared_close = value
        else:
            self._own_reasons[supplier_order_id] = value

    def set_refund_reason(
        self, value: RefundReasonInput, supplier_order_id: int | None = None
    ) -> None:
        """The refund reason for all paid orders, or for one order in per-order mode."""
        self._require_not_submitted()
        if supplier_order_id is None:
            self.shared_refund = value
        else:
            self._own_reasons[supplier_order_id] = value

    def reason_for(self, supplier_order_id: int) -> ReasonInput | None:
        """The reason that applies to one selected order under the current mode."""
        plan = self.plan(supplier_order_id)
        if plan.action is None:
            return None
        if self.per_order_reasons:
            own = self._own_reasons.get(supplier_order_id)
            wanted = CloseReasonInput if plan.action is CancelAction.CLOSE else RefundReasonInput
            return own if isinstance(own, wanted) else None
        return self.shared_close if plan.action is CancelAction.CLOSE else self.shared_refund

    def reason_problems(self) -> list[Problem]:
        """Problems of the reasons of every selected order that will be sent."""
        problems: list[Problem] = []
        plans = [p for p in self.plans() if p.action is not None]
        shared_close_checked = False
        for plan in plans:
            oid = plan.supplier_order_id
            reason = self.reason_for(oid)
            if plan.action is CancelAction.CLOSE:
                if self.per_order_reasons:
                    found = close_reason_problems(reason)  # type: ignore[arg-type]
                    problems.extend(_with_order(p, oid) for p in found)
                elif not shared_close_checked:
                    problems.extend(close_reason_problems(self.shared_close))
                    shared_close_checked = True
            else:
                reasons = self.refund_reasons_for(oid)
                if not reasons:
                    problems.append(
                        Problem(
                            "refund_reasons_not_loaded",
                            message(CANCEL_PROBLEMS, "refund_reasons_not_loaded"),
                            oid,
                        )
                    )
                    continue
                found = refund_reason_problems(
                    reason,  # type: ignore[arg-type]
                    reasons,
                    vouchers_sent=not self.manual,
                    supplier_order_id=oid,
                )
                if not self.per_order_reasons:
                    # The same text for every order would say the same thing n times.
                    found = [p for p in found if not _already(problems, p.code)]
                problems.extend(found)
        return problems

    def voucher_hints(self) -> list[tuple[int, RefundReason]]:
        """Orders whose chosen refund reason needs evidence, to show the requirement."""
        hints = []
        for oid in self._selected:
            reason = self.reason_for(oid)
            if isinstance(reason, RefundReasonInput):
                named = {r.id: r for r in self.refund_reasons_for(oid)}.get(reason.reason_id)
                if named is not None and named.need_voucher:
                    hints.append((oid, named))
        return hints

    def offers_to_mark_out_of_stock(self) -> list[int]:
        """Offers of orders cancelled because the supplier has no stock (distinct, in order)."""
        offers: list[int] = []
        for oid in self._selected:
            candidate = self._candidates[oid]
            reason = self.reason_for(oid)
            lack = False
            if isinstance(reason, CloseReasonInput):
                lack = reason.reason is CancelReason.SELLER_GOODS_LACK
            elif isinstance(reason, RefundReasonInput):
                named = {r.id: r for r in self.refund_reasons_for(oid)}.get(reason.reason_id)
                lack = named is not None and named.means_out_of_stock
            if lack and candidate.offer_id is not None and candidate.offer_id not in offers:
                offers.append(candidate.offer_id)
        return offers

    # ---- step 6: submission and outcomes ---------------------------------------------------

    def submission(self) -> Submission:
        """What to record and send now; orders that cannot be sent are skipped with a reason.

        Eligibility is decided again at the clock's time, so an order that was "too soon" on
        step 4 is sent at once if its 10 seconds have passed; if not, it is sent too, with
        :attr:`SubmissionItem.not_before` saying when (step 6 waits for it).

        Raises:
            FlowError: The reasons are not complete.
        """
        if self.problems(CancelStep.REASON):
            raise FlowError("the submission is not complete")
        items: list[SubmissionItem] = []
        skipped: list[OrderOutcome] = []
        for plan in self.plans():
            oid = plan.supplier_order_id
            too_soon = plan.skip_code == "too_soon"
            if not plan.will_send and not too_soon:
                skipped.append(
                    OrderOutcome(
                        oid,
                        OutcomeKind.SKIPPED,
                        plan.message,
                        plan.skip_code,
                        retry_in_seconds=plan.retry_in_seconds,
                    )
                )
                continue
            candidate = self._candidates[oid]
            reason = self.reason_for(oid)
            assert plan.action is not None and candidate.order_id_1688
            not_before = None
            if too_soon and candidate.created_at is not None:
                not_before = candidate.created_at + timedelta(seconds=CLOSE_TOO_FAST_SECONDS)
            if isinstance(reason, CloseReasonInput):
                code, text, remark = reason.reason.value, reason.reason.label_zh, reason.remark
                vouchers: tuple[str, ...] = ()
            else:
                assert isinstance(reason, RefundReasonInput)
                named = {r.id: r for r in self.refund_reasons_for(oid)}[reason.reason_id]
                code, text, remark = reason.reason_id, named.name, reason.description
                vouchers = tuple(v for v in reason.vouchers if v.strip())
            items.append(
                SubmissionItem(
                    supplier_order_id=oid,
                    order_id_1688=candidate.order_id_1688,
                    sales_order_id=candidate.sale.sales_order_id if candidate.sale else None,
                    action=plan.action,
                    reason_code=code,
                    reason_text=text,
                    remark=remark.strip(),
                    amount_fen=plan.amount_fen,
                    vouchers=vouchers,
                    offer_id=candidate.offer_id,
                    not_before=not_before,
                )
            )
        return Submission(tuple(items), tuple(skipped))

    def begin_submission(self) -> Submission:
        """Freeze the flow (no Back, no more changes) and return what to send.

        Raises:
            FlowError: Not on step 6, or the reasons are not complete.
        """
        if self.step is not CancelStep.SUBMIT:
            raise FlowError("the submission starts on the last step")
        submission = self.submission()
        self._submitted = True
        for outcome in submission.skipped:
            self._outcomes[outcome.supplier_order_id] = outcome
        return submission

    @property
    def submitted(self) -> bool:
        return self._submitted

    def record_outcome(self, outcome: OrderOutcome) -> None:
        """An order's outcome (from the service), replacing an earlier one (a retry)."""
        self._outcomes[outcome.supplier_order_id] = outcome

    def outcomes(self) -> list[OrderOutcome]:
        """Outcomes so far, in selection order."""
        return [self._outcomes[i] for i in self._selected if i in self._outcomes]

    def is_finished(self) -> bool:
        """Every selected order has an outcome that needs nothing more from the seller."""
        return self._submitted and all(
            i in self._outcomes and self._outcomes[i].final for i in self._selected
        )

    def _require_not_submitted(self) -> None:
        if self._submitted:
            raise FlowError("the submission has started; nothing can be changed any more")


def _with_order(problem: Problem, supplier_order_id: int) -> Problem:
    return Problem(problem.code, problem.message, supplier_order_id, problem.params)


def _already(problems: Sequence[Problem], code: str) -> bool:
    return any(p.code == code for p in problems)
