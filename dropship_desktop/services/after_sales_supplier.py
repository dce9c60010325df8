"""After-sales: the supplier side of a case (what the seller recovers from the 1688 supplier).

A refund after shipping (``createRefund`` with ``refund`` or ``returnRefund`` and the after-sales
goods status), the return parcel's tracking number and the supplier's answers go through the
connector, each request recorded before it is sent like the cancel wizard's; the manual
connector's steps are recorded when the seller confirms them. The buyer side, contacts, money
and templates are in :mod:`~dropship_desktop.services.after_sales`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..connectors.base import Connector, ConnectorUnavailable
from ..connectors.capabilities import TracksRefunds
from ..domain.after_sales import (
    CaseKind,
    SupplierRefundPlan,
    SupplierState,
    supplier_path_for_refund,
    supplier_refund_plan,
    supplier_step_problems,
    supplier_withdrawable,
)
from ..domain.cancel_flow import DESCRIPTION_MAX_CHARS, DESCRIPTION_MIN_CHARS, CallResult
from ..domain.money import fen_to_yuan_text
from ..domain.timeutil import now_epoch
from ..errors import UserError
from ..i18n import QT_TRANSLATE_NOOP, label, with_values
from ..store.db import execute_sql
from .after_sales import (
    ENTITY,
    PENDING_REFUND,
    PENDING_RETURN,
    PENDING_WITHDRAW,
    _changes,
    _invalid,
    _load,
    _schedule,
    _update,
)
from .base import Changes, audit, write_op
from .order_summaries import refresh_order_summaries

__all__ = [
    "SupplierRequest",
    "apply_refund_status",
    "begin_supplier_request",
    "check_supplier_refund",
    "finish_supplier_request",
    "prepare_supplier_request",
    "record_supplier_step",
    "resolve_pending",
    "submit_return_goods",
    "submit_supplier_request",
    "withdraw_supplier_request",
]

log = logging.getLogger(__name__)


def _set_refund_status(case: dict[str, Any], status: str | None) -> None:
    if case["supplier_order_id"] is None or status is None:
        return
    execute_sql(
        "UPDATE supplier_order SET refund_status = ?, updated_at = ? WHERE id = ?",
        (status, now_epoch(), case["supplier_order_id"]),
    )
    refresh_order_summaries([case["sales_order_id"]])


_REFUND_STATUS_OF = {
    SupplierState.REQUESTED: "waitselleragree",
    SupplierState.AGREED: None,  # waitbuyersend or refundsuccess: depends on the request
    SupplierState.GOODS_RETURNED: "waitsellerreceive",
    SupplierState.REFUNDED: "refundsuccess",
    SupplierState.REFUSED: "refundclose",
    SupplierState.NONE: "refundclose",  # the seller withdrew the application
}


def _move_supplier(
    case: dict[str, Any],
    new: SupplierState,
    values: dict[str, Any],
    after: dict[str, Any],
    now: int,
) -> None:
    current = SupplierState(case["supplier_state"])
    values = {**values, "supplier_state": new.value, "supplier_state_at": now, "updated_at": now}
    case = {**case, "supplier_state_at": now}
    values.update(_schedule(case, case["buyer_state"], new.value, case["buyer_state_at"], now))
    _update(case["id"], values)
    status = _REFUND_STATUS_OF[new]
    if new is SupplierState.AGREED:
        status = "waitbuyersend" if case["supplier_dispute"] == "returnRefund" else None
    _set_refund_status(case, status)
    audit(
        ENTITY, case["id"], f"as_supplier_{new.value}", before={"supplier_state": current.value},
        after={"kind": case["kind"], "supplier_state": new.value, **after},
        sales_order_id=case["sales_order_id"], at=now,
    )  # fmt: skip


@write_op
def record_supplier_step(
    case_id: int,
    target: str,
    *,
    recovered_fen: int | None = None,
    return_address: str = "",
    tracking_no: str = "",
    message: str = "",
    now: int | None = None,
) -> Changes:
    """Record what the supplier did (agreed, goods received back, refunded, refused), as the
    seller saw it on 1688. Asking the supplier (``requested``) and sending the return parcel
    through the connector go by :func:`submit_supplier_request` and
    :func:`submit_return_goods` instead.

    Args:
        case_id: The case.
        target: ``agreed``, ``goods_returned``, ``refunded`` or ``refused``.
        recovered_fen: What the supplier refunded (``refunded``; default: what was asked).
        return_address: The supplier's return address (``agreed``).
        tracking_no: The parcel sent back to the supplier (``goods_returned``).
        message: What the supplier said (a refusal's reason).
    """
    now = now if now is not None else now_epoch()
    case = _load(case_id)
    new = SupplierState(target)
    if new is SupplierState.REQUESTED:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "Ask the supplier through “Ask supplier on 1688”.")
        )
    if case["supplier_pending"]:
        raise UserError(_PENDING_FIRST)
    recovered = case["requested_fen"] if recovered_fen is None else recovered_fen
    problems = supplier_step_problems(
        CaseKind(case["kind"]), SupplierState(case["supplier_state"]), new,
        has_1688_order=case["order_id_1688"] is not None,
        recovered_fen=recovered if new is SupplierState.REFUNDED else 0,
        paid_fen=case["so_paid"], return_tracking_no=tracking_no,
    )  # fmt: skip
    if problems:
        raise _invalid(problems)
    values: dict[str, Any] = {}
    after: dict[str, Any] = {}
    if return_address.strip():
        values["return_address"] = return_address.strip()
    if tracking_no.strip():
        values["supplier_tracking_no"] = tracking_no.strip()
        after["tracking_no"] = tracking_no.strip()
    if new is SupplierState.REFUNDED:
        values["recovered_fen"] = recovered
        after["amount_fen"] = recovered
    if message.strip():
        values["supplier_message"] = message.strip()
        after["message"] = message.strip()
    _move_supplier(case, new, values, after, now)
    return _changes(
        case_id,
        QT_TRANSLATE_NOOP("Messages", "After-sales case: supplier side now “{state}”."),
        "supplier_order",
        "sales_order",
        state=label(new),
    )


_PENDING_FIRST = QT_TRANSLATE_NOOP(
    "Errors",
    "A request to 1688 for this case was sent and its answer is not recorded. Check on 1688 and "
    "say whether it went through first.",
)


@dataclass(frozen=True)
class SupplierRequest:
    """An after-sales refund application to send to 1688 for a case."""

    case_id: int
    order_id_1688: str
    amount_fen: int
    plan: SupplierRefundPlan
    reason_id: str
    description: str


def prepare_supplier_request(
    case_id: int,
    amount_fen: int,
    reason_id: str,
    description: str,
    *,
    buyer_received: bool = True,
) -> SupplierRequest:
    """Check and build the refund application for a case (nothing is written).

    Raises:
        ValidationError: The step is not allowed, the order has no 1688 order, the amount is
            not within what was paid, or the description is not 2–150 characters.
    """
    case = _load(case_id)
    if case["supplier_pending"]:
        raise UserError(_PENDING_FIRST)
    problems = supplier_step_problems(
        CaseKind(case["kind"]), SupplierState(case["supplier_state"]), SupplierState.REQUESTED,
        has_1688_order=case["order_id_1688"] is not None,
    )  # fmt: skip
    paid = int(case["so_paid"] or 0)
    if amount_fen <= 0:
        problems.append(QT_TRANSLATE_NOOP("Errors", "Enter the amount to ask the supplier for."))
    elif paid and amount_fen > paid:
        problems.append(
            with_values(
                QT_TRANSLATE_NOOP("Errors", "The amount is more than was paid on 1688 ({paid})."),
                paid="¥" + fen_to_yuan_text(paid),
            )
        )
    if not DESCRIPTION_MIN_CHARS <= len(description.strip()) <= DESCRIPTION_MAX_CHARS:
        problems.append(
            QT_TRANSLATE_NOOP("Errors", "The description must be 2 to 150 characters long.")
        )
    if not reason_id:
        problems.append(QT_TRANSLATE_NOOP("Errors", "Choose a refund reason."))
    if problems:
        raise _invalid(problems)
    plan = supplier_refund_plan(
        CaseKind(case["kind"]), case["so_status"] or "", buyer_received=buyer_received,
        paid_fen=paid,
    )  # fmt: skip
    return SupplierRequest(
        case_id, str(case["order_id_1688"]), amount_fen, plan, reason_id, description.strip()
    )


@write_op
def begin_supplier_request(request: SupplierRequest, *, now: int | None = None) -> Changes:
    """Record that the refund application is being sent (before the connector is called)."""
    now = now if now is not None else now_epoch()
    case = _load(request.case_id)
    if case["supplier_pending"]:
        raise UserError(_PENDING_FIRST)
    _update(
        request.case_id,
        {
            "supplier_pending": PENDING_REFUND,
            "supplier_dispute": request.plan.dispute_request,
            "supplier_goods_status": request.plan.goods_status,
            "updated_at": now,
        },
    )
    audit(
        ENTITY, request.case_id, "as_supplier_sending",
        after={"amount_fen": request.amount_fen, "dispute": request.plan.dispute_request,
               "goods_status": request.plan.goods_status, "order_id_1688": request.order_id_1688},
        sales_order_id=case["sales_order_id"], at=now,
    )  # fmt: skip
    return _changes(request.case_id, "")


@write_op
def finish_supplier_request(
    case_id: int, result: CallResult, *, amount_fen: int = 0, now: int | None = None
) -> Changes:
    """Store 1688's (or the seller's) answer to the pending request of a case."""
    now = now if now is not None else now_epoch()
    case = _load(case_id)
    pending = case["supplier_pending"]
    if not pending:
        return _changes(case_id, "")
    if result.success:
        values: dict[str, Any] = {"supplier_pending": "", "supplier_message": ""}
        after: dict[str, Any] = {}
        if pending == PENDING_WITHDRAW:
            values["supplier_refund_id"] = ""
            after["refund_id"] = case["supplier_refund_id"]
            _move_supplier(case, SupplierState.NONE, values, after, now)
            return _changes(
                case_id,
                QT_TRANSLATE_NOOP("Messages", "Refund application withdrawn on 1688."),
                "supplier_order",
                "sales_order",
            )
        if pending == PENDING_REFUND:
            if result.refund_id:
                values["supplier_refund_id"] = result.refund_id
                after["refund_id"] = result.refund_id
            if amount_fen:
                after["amount_fen"] = amount_fen
            _move_supplier(case, SupplierState.REQUESTED, values, after, now)
        else:
            after["tracking_no"] = case["supplier_tracking_no"]
            _move_supplier(case, SupplierState.GOODS_RETURNED, values, after, now)
        return _changes(
            case_id,
            QT_TRANSLATE_NOOP("Messages", "Done on 1688."),
            "supplier_order",
            "sales_order",
        )
    _update(
        case_id,
        {
            "supplier_pending": "",
            "supplier_message": f"{result.error_code} {result.error_message}".strip(),
            "updated_at": now,
        },
    )
    audit(
        ENTITY, case_id, "as_supplier_failed",
        after={"error_code": result.error_code, "message": result.error_message},
        sales_order_id=case["sales_order_id"], at=now,
    )  # fmt: skip
    return _changes(
        case_id,
        QT_TRANSLATE_NOOP("Messages", "Not done on 1688: {message}"),
        message=result.error_message or result.error_code,
    )


#: Runs one database step of a network job and returns its result (``NetworkWorker.run_db``).
RunDb = Callable[[Callable[[], Any]], Any]


def _here(fn: Callable[[], Any]) -> Any:
    return fn()


def submit_supplier_request(
    request: SupplierRequest, connector: Connector, *, run_db: RunDb | None = None
) -> Changes:
    """Record, send and store the answer of a refund application (three transactions).

    A connector that certainly did not reach 1688 (:class:`ConnectorUnavailable`) leaves the case
    as it was, with the reason; any other failure leaves it "sent, answer not recorded".
    *run_db* runs the two database steps (given on the network worker: ``NetworkWorker.run_db``).
    """
    step: RunDb = run_db or _here
    step(lambda: begin_supplier_request(request))
    try:
        result = connector.request_after_sales_refund(
            request.order_id_1688, request.amount_fen,
            dispute_request=request.plan.dispute_request, goods_status=request.plan.goods_status,
            reason_id=request.reason_id, description=request.description,
        )  # fmt: skip
    except ConnectorUnavailable as exc:
        result = CallResult(False, "UNAVAILABLE", str(exc) or "1688 could not be reached.")
    except Exception:
        log.exception("after-sales refund request for case %s: outcome unknown", request.case_id)
        raise
    return step(
        lambda: finish_supplier_request(request.case_id, result, amount_fen=request.amount_fen)
    )


@write_op
def _begin_return(case_id: int, carrier: str, tracking_no: str, now: int) -> dict[str, Any]:
    case = _load(case_id)
    if case["supplier_pending"]:
        raise UserError(_PENDING_FIRST)
    problems = supplier_step_problems(
        CaseKind(case["kind"]), SupplierState(case["supplier_state"]),
        SupplierState.GOODS_RETURNED, return_tracking_no=tracking_no,
    )  # fmt: skip
    if problems:
        raise _invalid(problems)
    _update(
        case_id,
        {
            "supplier_pending": PENDING_RETURN,
            "supplier_tracking_no": f"{carrier.strip()} {tracking_no.strip()}".strip(),
            "updated_at": now,
        },
    )
    audit(
        ENTITY, case_id, "as_supplier_sending",
        after={"tracking_no": tracking_no.strip(), "carrier": carrier.strip()},
        sales_order_id=case["sales_order_id"], at=now,
    )  # fmt: skip
    return case


def submit_return_goods(
    case_id: int,
    connector: Connector,
    carrier: str,
    tracking_no: str,
    *,
    run_db: RunDb | None = None,
) -> Changes:
    """Send the return parcel's tracking number to 1688 (``refund.returnGoods``) and record it
    (*run_db* as for :func:`submit_supplier_request`)."""
    step: RunDb = run_db or _here
    case = step(lambda: _begin_return(case_id, carrier, tracking_no, now_epoch()))
    try:
        result = connector.submit_return_goods(
            str(case["order_id_1688"] or ""), case["supplier_refund_id"], carrier, tracking_no
        )
    except ConnectorUnavailable as exc:
        result = CallResult(False, "UNAVAILABLE", str(exc) or "1688 could not be reached.")
    return step(lambda: finish_supplier_request(case_id, result))


@write_op
def resolve_pending(case_id: int, done: bool, *, refund_id: str = "", message: str = "") -> Changes:
    """The seller looked on 1688 after an interrupted request and says whether it went through."""
    result = CallResult(True, refund_id=refund_id) if done else CallResult(False, "", message)
    return finish_supplier_request(case_id, result)


# -- following the application on 1688 (connectors that track refunds: the API) ---------------

_NO_APPLICATION = QT_TRANSLATE_NOOP(
    "Errors",
    "This case has no 1688 refund application to look up. Ask the supplier on 1688 first, or "
    "record what the supplier did.",
)


def _unreachable(exc: ConnectorUnavailable) -> UserError:
    return UserError(
        with_values(
            QT_TRANSLATE_NOOP(
                "Errors", "1688 could not be reached: {reason} Nothing was changed; try again."
            ),
            reason=str(exc) or "-",
        )
    )


def _application(case_id: int) -> dict[str, Any]:
    """The case, checked to have an application on 1688 and no request under way."""
    case = _load(case_id)
    if case["supplier_pending"]:
        raise UserError(_PENDING_FIRST)
    if not case["supplier_refund_id"] or not case["order_id_1688"]:
        raise UserError(_NO_APPLICATION)
    return case


@write_op
def apply_refund_status(
    case_id: int,
    refund_id: str,
    status: str,
    amount_fen: int = 0,
    *,
    now: int | None = None,
) -> Changes:
    """Bring the supplier side of a case to what 1688 reports for its refund application.

    Args:
        case_id: The case.
        refund_id: The application looked up (a case that moved on to another one is left).
        status: 1688's status of the application (``""``: 1688 does not know it).
        amount_fen: The application's amount (what a ``refundsuccess`` recovered).
    """
    now = now if now is not None else now_epoch()
    case = _load(case_id)
    if case["supplier_pending"] or case["supplier_refund_id"] != refund_id:
        return _changes(case_id, "")  # changed since the look-up: the newer state stands
    current = SupplierState(case["supplier_state"])
    if not status:
        raise UserError(
            with_values(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "1688 has no refund application {refund_id} for order {order}. Check the "
                    "order on 1688 and record what the supplier did.",
                ),
                refund_id=refund_id,
                order=case["order_id_1688"],
            )
        )
    path = supplier_path_for_refund(CaseKind(case["kind"]), current, status)
    if path is None:
        raise UserError(
            with_values(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "1688 reports the application as “{status}”, which does not follow from "
                    "“{state}” here. Check it on 1688 and record what the supplier did.",
                ),
                status=status,
                state=label(current),
            )
        )
    if not path:
        return _changes(
            case_id,
            QT_TRANSLATE_NOOP("Messages", "No change on 1688: still “{state}”."),
            state=label(current),
        )
    for step in path:
        values: dict[str, Any] = {}
        after: dict[str, Any] = {"refund_id": refund_id, "source": "1688"}
        if step is SupplierState.REFUNDED:
            recovered = amount_fen or int(case["requested_fen"] or 0)
            values["recovered_fen"] = recovered
            after["amount_fen"] = recovered
        _move_supplier(case, step, values, after, now)
        case = _load(case_id)
    return _changes(
        case_id,
        QT_TRANSLATE_NOOP("Messages", "After-sales case: supplier side now “{state}”."),
        "supplier_order",
        "sales_order",
        state=label(path[-1]),
    )


def check_supplier_refund(
    case_id: int, connector: TracksRefunds, *, run_db: RunDb | None = None
) -> Changes:
    """Look the case's refund application up on 1688 and follow it (read, then one write)."""
    step: RunDb = run_db or _here
    case = step(lambda: _application(case_id))
    refund_id = str(case["supplier_refund_id"])
    try:
        refunds = connector.refunds_of(str(case["order_id_1688"]))
    except ConnectorUnavailable as exc:
        raise _unreachable(exc) from exc
    found = next((r for r in refunds if r["refund_id"] == refund_id), None)
    status = str(found["status"]) if found else ""
    amount = int(found["amount_fen"] or 0) if found else 0
    return step(lambda: apply_refund_status(case_id, refund_id, status, amount))


@write_op
def _begin_withdraw(case_id: int, now: int) -> dict[str, Any]:
    case = _application(case_id)
    if not supplier_withdrawable(SupplierState(case["supplier_state"]), case["supplier_refund_id"]):
        raise UserError(
            with_values(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "An application that is “{state}” cannot be withdrawn any more.",
                ),
                state=label(SupplierState(case["supplier_state"])),
            )
        )
    _update(case_id, {"supplier_pending": PENDING_WITHDRAW, "updated_at": now})
    audit(
        ENTITY, case_id, "as_supplier_withdrawing",
        after={"refund_id": case["supplier_refund_id"], "order_id_1688": case["order_id_1688"]},
        sales_order_id=case["sales_order_id"], at=now,
    )  # fmt: skip
    return case


def withdraw_supplier_request(
    case_id: int, connector: TracksRefunds, *, run_db: RunDb | None = None
) -> Changes:
    """Withdraw the case's refund application on 1688 (``cancelRefund``): recorded before it
    is sent, like every request; an interrupted one is resolved by the seller as usual."""
    step: RunDb = run_db or _here
    case = step(lambda: _begin_withdraw(case_id, now_epoch()))
    try:
        result = connector.cancel_refund(
            str(case["order_id_1688"]), str(case["supplier_refund_id"])
        )
    except ConnectorUnavailable as exc:
        result = CallResult(False, "UNAVAILABLE", str(exc) or "1688 could not be reached.")
    return step(lambda: finish_supplier_request(case_id, result))
