"""After-sales cases (售后, seed §6) as plain Python: kinds, both sides' state machines, deadlines,
money, contacts, reply templates and the supplier's record.

For a dropshipper every case has two sides:

* the **buyer side**, the request in the shop::

      requested ──► agreed ──► goods_returned ──► refunded | exchanged
          │  ▲        │                                        (re-shipped, repaired)
          ▼  │        └──► refunded | exchanged (no goods come back)
        refused ──► closed        (any open state ──► closed: withdrawn, settled, answered)

  Which of these steps a case goes through depends on its :class:`CaseKind` (a refund-only
  case has no goods to return, a support case is simply answered and closed), see
  :func:`buyer_next_states`;

* the **supplier side**, what the seller recovers from the 1688 supplier::

      none ──► requested (on 1688) ──► agreed ──► goods_returned ──► refunded
                   │    ▲                 └─────────────────────────► refunded
                   ▼    │  (asked again)
                 refused

  The request on 1688 is ``alibaba.trade.createRefund``; after the supplier shipped, with
  ``disputeRequest=returnRefund`` when goods go back and the after-sales goods statuses
  (:func:`supplier_refund_plan`).

Every step is checked here (:func:`buyer_step_problems`, :func:`supplier_step_problems`); the
services record it and the connector sends it. Pure Python: no PySide6, no peewee. Money is
integer fen, times are Unix seconds (UTC).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..i18n import QT_TRANSLATE_NOOP, Text, label, with_values
from .enums import OrderStatus1688, _Labelled, _labels

__all__ = [
    "BUYER_FINAL",
    "CLOSED_RANK",
    "DEADLINE_STAGES",
    "OPEN_RANK_LIMIT",
    "OPEN_WAITING_RANK",
    "SUPPLIER_FINAL",
    "BuyerState",
    "CaseKind",
    "CaseMoney",
    "ContactChannel",
    "ContactDirection",
    "DeadlineStage",
    "SupplierRefundPlan",
    "SupplierState",
    "buyer_next_states",
    "buyer_step_problems",
    "deadline_at",
    "deadline_stage",
    "default_deadline_hours",
    "is_open",
    "queue_rank",
    "supplier_next_states",
    "supplier_path_for_refund",
    "supplier_refund_plan",
    "supplier_step_problems",
    "supplier_withdrawable",
    "time_left_seconds",
]


class CaseKind(_Labelled):
    """What the buyer asks for (seed 6.1: refunds, exchanges, repairs, technical support)."""

    REFUND_ONLY = "refund_only"
    RETURN_REFUND = "return_refund"
    EXCHANGE = "exchange"
    RESHIP = "reship"
    REPAIR = "repair"
    SUPPORT = "support"


_labels(
    CaseKind,
    {
        "refund_only": ("Refund only", "仅退款"),
        "return_refund": ("Return and refund", "退货退款"),
        "exchange": ("Exchange", "换货"),
        "reship": ("Re-ship a part", "补发"),
        "repair": ("Repair", "维修"),
        "support": ("Technical support", "技术支持"),
    },
)


class BuyerState(_Labelled):
    """The buyer's request in the shop."""

    REQUESTED = "requested"
    AGREED = "agreed"
    REFUSED = "refused"
    GOODS_RETURNED = "goods_returned"
    REFUNDED = "refunded"
    EXCHANGED = "exchanged"
    CLOSED = "closed"


_labels(
    BuyerState,
    {
        "requested": ("Requested", "买家已申请"),
        "agreed": ("Agreed", "已同意"),
        "refused": ("Refused", "已拒绝"),
        "goods_returned": ("Buyer returned the goods", "买家已退货"),
        "refunded": ("Refunded", "已退款"),
        "exchanged": ("Replacement sent / repaired", "已换货/补发/修好"),
        "closed": ("Closed", "已关闭"),
    },
)


class SupplierState(_Labelled):
    """What the seller asked of the 1688 supplier for the case."""

    NONE = "none"
    REQUESTED = "requested"
    AGREED = "agreed"
    GOODS_RETURNED = "goods_returned"
    REFUNDED = "refunded"
    REFUSED = "refused"


_labels(
    SupplierState,
    {
        "none": ("Not asked", "未向供应商申请"),
        "requested": ("Requested on 1688", "已在1688申请"),
        "agreed": ("Supplier agreed", "供应商已同意"),
        "goods_returned": ("Goods returned to supplier", "已退回供应商"),
        "refunded": ("Refunded by supplier", "供应商已退款"),
        "refused": ("Supplier refused", "供应商拒绝"),
    },
)


class ContactChannel(_Labelled):
    """How the seller and the buyer talked (seed 6.2)."""

    ONLINE_CHAT = "online_chat"
    PHONE = "phone"
    EMAIL = "email"
    WANGWANG = "wangwang"
    OTHER = "other"


_labels(
    ContactChannel,
    {
        "online_chat": ("Online chat", "在线客服"),
        "phone": ("Phone", "电话"),
        "email": ("Email", "邮件"),
        "wangwang": ("Wangwang", "旺旺"),
        "other": ("Other", "其他"),
    },
)


class ContactDirection(_Labelled):
    INBOUND = "inbound"
    OUTBOUND = "outbound"


_labels(
    ContactDirection,
    {
        "inbound": ("From the buyer", "买家来访"),
        "outbound": ("To the buyer", "联系买家"),
    },
)


class DeadlineStage(_Labelled):
    """What the seller owes the platform while a case waits on them."""

    RESPOND = "respond"
    FULFIL = "fulfil"
    PROCESS_RETURN = "process_return"


_labels(
    DeadlineStage,
    {
        "respond": ("Answer the request", "处理申请"),
        "fulfil": ("Send the replacement or refund", "补发/换货/退款"),
        "process_return": ("Handle the returned goods", "处理退货"),
    },
)

DEADLINE_STAGES: tuple[DeadlineStage, ...] = tuple(DeadlineStage)

BUYER_FINAL: frozenset[BuyerState] = frozenset(
    {BuyerState.REFUNDED, BuyerState.EXCHANGED, BuyerState.CLOSED}
)
SUPPLIER_FINAL: frozenset[SupplierState] = frozenset({SupplierState.REFUNDED})

_B = BuyerState
_OPENING = {_B.REQUESTED: (_B.AGREED, _B.REFUSED, _B.CLOSED), _B.REFUSED: (_B.AGREED, _B.CLOSED)}
#: Allowed buyer-side steps per kind: state → next states, in the order the UI offers them.
_BUYER_FLOW: dict[CaseKind, dict[BuyerState, tuple[BuyerState, ...]]] = {
    CaseKind.REFUND_ONLY: {**_OPENING, _B.AGREED: (_B.REFUNDED, _B.CLOSED)},
    CaseKind.RETURN_REFUND: {
        **_OPENING,
        _B.AGREED: (_B.GOODS_RETURNED, _B.CLOSED),
        _B.GOODS_RETURNED: (_B.REFUNDED,),
    },
    CaseKind.EXCHANGE: {
        **_OPENING,
        _B.AGREED: (_B.GOODS_RETURNED, _B.CLOSED),
        _B.GOODS_RETURNED: (_B.EXCHANGED,),
    },
    CaseKind.RESHIP: {**_OPENING, _B.AGREED: (_B.EXCHANGED, _B.CLOSED)},
    CaseKind.REPAIR: {
        **_OPENING,
        _B.AGREED: (_B.GOODS_RETURNED, _B.EXCHANGED, _B.CLOSED),
        _B.GOODS_RETURNED: (_B.EXCHANGED,),
    },
    # How-to help: answered (closed) or escalated to a return/exchange as a case of its own.
    CaseKind.SUPPORT: {_B.REQUESTED: (_B.CLOSED,)},
}

_S = SupplierState
_SUPPLIER_FLOW: dict[SupplierState, tuple[SupplierState, ...]] = {
    _S.NONE: (_S.REQUESTED,),
    _S.REQUESTED: (_S.AGREED, _S.REFUSED, _S.REFUNDED),
    _S.AGREED: (_S.GOODS_RETURNED, _S.REFUNDED, _S.REFUSED),
    _S.GOODS_RETURNED: (_S.REFUNDED, _S.REFUSED),
    _S.REFUSED: (_S.REQUESTED,),
    _S.REFUNDED: (),
}
#: Kinds where goods travel back (to the seller's supplier) before money or a replacement does.
_GOODS_GO_BACK = frozenset({CaseKind.RETURN_REFUND, CaseKind.EXCHANGE, CaseKind.REPAIR})


def buyer_next_states(kind: CaseKind, state: BuyerState) -> tuple[BuyerState, ...]:
    """The buyer-side states a case of *kind* may move to from *state* (empty: finished)."""
    return _BUYER_FLOW[CaseKind(kind)].get(BuyerState(state), ())


def supplier_next_states(kind: CaseKind, state: SupplierState) -> tuple[SupplierState, ...]:
    """The supplier-side states reachable from *state*. Support cases have no supplier side;
    goods can only be returned to the supplier when the kind sends goods back."""
    kind = CaseKind(kind)
    if kind is CaseKind.SUPPORT:
        return ()
    states = _SUPPLIER_FLOW[SupplierState(state)]
    if kind not in _GOODS_GO_BACK:
        states = tuple(s for s in states if s is not SupplierState.GOODS_RETURNED)
    return states


#: What a 1688 refund application's ``status`` means for the supplier side of a case.
#: ``refundclose`` is a refusal by the supplier or a withdrawal made on 1688: either way nothing
#: is recovered on that application, and the seller may ask again.
_STATE_OF_REFUND_STATUS: dict[str, SupplierState] = {
    "waitselleragree": SupplierState.REQUESTED,
    "waitbuyermodify": SupplierState.REQUESTED,
    "waitbuyersend": SupplierState.AGREED,
    "waitsellerreceive": SupplierState.GOODS_RETURNED,
    "refundsuccess": SupplierState.REFUNDED,
    "refundclose": SupplierState.REFUSED,
}


def supplier_path_for_refund(
    kind: CaseKind, current: SupplierState, refund_status: str
) -> tuple[SupplierState, ...] | None:
    """The supplier-side steps that bring a case from *current* to what 1688 reports for its
    refund application (*refund_status*, e.g. ``waitbuyersend``).

    Returns the steps in order (empty: the case already says so), or ``None`` when the report
    cannot be followed from *current* (an unknown status, or one the case has moved past, such
    as ``waitselleragree`` for a refunded case). 1688 may have moved several steps since the
    last look (the supplier agreed and refunded): the path goes through ``agreed`` when a direct
    step is not allowed.
    """
    kind, current = CaseKind(kind), SupplierState(current)
    target = _STATE_OF_REFUND_STATUS.get(refund_status.strip().lower())
    if target is None or current is SupplierState.NONE:
        return None
    if target is SupplierState.GOODS_RETURNED and kind not in _GOODS_GO_BACK:
        target = SupplierState.AGREED  # no parcel for this kind: 1688 waits on the supplier
    if target is current:
        return ()
    if target in supplier_next_states(kind, current):
        return (target,)
    via = SupplierState.AGREED
    if via in supplier_next_states(kind, current) and target in supplier_next_states(kind, via):
        return (via, target)
    return None


def supplier_withdrawable(state: SupplierState, refund_id: str | None) -> bool:
    """Whether the seller can withdraw the refund application on 1688 (``cancelRefund``): it is
    known by its id and the supplier has neither received goods back nor refunded."""
    return bool(refund_id) and SupplierState(state) in (
        SupplierState.REQUESTED,
        SupplierState.AGREED,
    )


def is_open(buyer: BuyerState, supplier: SupplierState) -> bool:
    """A case is open while the buyer side is unfinished or a supplier request is under way."""
    return BuyerState(buyer) not in BUYER_FINAL or SupplierState(supplier) in (
        SupplierState.REQUESTED,
        SupplierState.AGREED,
        SupplierState.GOODS_RETURNED,
    )


# --------------------------------------------------------------------------------------------
# Step checks
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CaseMoney:
    """The money of one case, in fen.

    Attributes:
        requested_fen: What the buyer asked back.
        refunded_fen: What the seller refunded to the buyer.
        recovered_fen: What the supplier refunded to the seller.
        extra_cost_fen: What the case cost besides (re-shipping, return postage, repair).
    """

    requested_fen: int = 0
    refunded_fen: int = 0
    recovered_fen: int = 0
    extra_cost_fen: int = 0

    @property
    def net_loss_fen(self) -> int:
        """Refunded + extra cost − recovered (negative: the supplier paid back more)."""
        return self.refunded_fen + self.extra_cost_fen - self.recovered_fen


def _problem(text: str, **values: object) -> Text:
    return with_values(text, **values) if values else with_values(text)


def buyer_step_problems(
    kind: CaseKind,
    current: BuyerState,
    target: BuyerState,
    *,
    refunded_fen: int = 0,
    paid_fen: int | None = None,
    return_tracking_no: str = "",
) -> list[Text]:
    """Why the buyer side of a case cannot move from *current* to *target* (empty: it can).

    Args:
        kind: The case's kind.
        current: Its buyer-side state.
        target: The state asked for.
        refunded_fen: The amount refunded to the buyer (checked when *target* is ``refunded``).
        paid_fen: What the buyer paid for the order, when known (a refund cannot exceed it).
        return_tracking_no: The buyer's return parcel (asked for when goods come back).
    """
    kind, current, target = CaseKind(kind), BuyerState(current), BuyerState(target)
    if target not in buyer_next_states(kind, current):
        return [
            _problem(
                QT_TRANSLATE_NOOP(
                    "Errors", "A “{kind}” case cannot go from “{current}” to “{target}”."
                ),
                kind=label(kind),
                current=label(current),
                target=label(target),
            )
        ]
    problems: list[Text] = []
    if target is BuyerState.REFUNDED:
        if refunded_fen <= 0:
            problems.append(
                _problem(QT_TRANSLATE_NOOP("Errors", "Enter the amount refunded to the buyer."))
            )
        elif paid_fen is not None and paid_fen > 0 and refunded_fen > paid_fen:
            problems.append(
                _problem(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "The refund ({amount}) is more than the buyer paid ({paid}).",
                    ),
                    amount=_yuan(refunded_fen),
                    paid=_yuan(paid_fen),
                )
            )
    if refunded_fen < 0:
        problems.append(_problem(QT_TRANSLATE_NOOP("Errors", "An amount cannot be negative.")))
    if target is BuyerState.GOODS_RETURNED and len(return_tracking_no.strip()) > 60:
        problems.append(_problem(QT_TRANSLATE_NOOP("Errors", "The tracking number is too long.")))
    return problems


def supplier_step_problems(
    kind: CaseKind,
    current: SupplierState,
    target: SupplierState,
    *,
    has_1688_order: bool = True,
    recovered_fen: int = 0,
    paid_fen: int | None = None,
    return_tracking_no: str = "",
) -> list[Text]:
    """Why the supplier side cannot move from *current* to *target* (empty: it can).

    Args:
        kind: The case's kind.
        current: Its supplier-side state.
        target: The state asked for.
        has_1688_order: The order has a 1688 order to ask a refund on.
        recovered_fen: The amount the supplier refunded (``refunded``).
        paid_fen: What the seller paid the supplier (a refund cannot exceed it).
        return_tracking_no: The tracking number of the parcel sent back to the supplier.
    """
    kind, current, target = CaseKind(kind), SupplierState(current), SupplierState(target)
    if target not in supplier_next_states(kind, current):
        return [
            _problem(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "The supplier side of a “{kind}” case cannot go from “{current}” to "
                    "“{target}”.",
                ),
                kind=label(kind),
                current=label(current),
                target=label(target),
            )
        ]
    problems: list[Text] = []
    if target is SupplierState.REQUESTED and not has_1688_order:
        problems.append(
            _problem(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "This order has no 1688 order to ask a refund on. Link its 1688 order first.",
                )
            )
        )
    if target is SupplierState.GOODS_RETURNED and not return_tracking_no.strip():
        problems.append(
            _problem(
                QT_TRANSLATE_NOOP(
                    "Errors", "Enter the tracking number of the parcel sent back to the supplier."
                )
            )
        )
    if target is SupplierState.REFUNDED:
        if recovered_fen <= 0:
            problems.append(
                _problem(QT_TRANSLATE_NOOP("Errors", "Enter the amount the supplier refunded."))
            )
        elif paid_fen is not None and paid_fen > 0 and recovered_fen > paid_fen:
            problems.append(
                _problem(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "The supplier's refund ({amount}) is more than was paid on 1688 ({paid}).",
                    ),
                    amount=_yuan(recovered_fen),
                    paid=_yuan(paid_fen),
                )
            )
    return problems


def _yuan(fen: int) -> str:
    sign = "-" if fen < 0 else ""
    whole, frac = divmod(abs(fen), 100)
    return f"{sign}¥{whole:,}.{frac:02d}"


# --------------------------------------------------------------------------------------------
# The 1688 side: what createRefund is asked
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SupplierRefundPlan:
    """What to send to 1688 for the supplier side (``alibaba.trade.createRefund``).

    Attributes:
        dispute_request: ``refund`` (money only) or ``returnRefund`` (goods go back).
        goods_status: One of 1688's goods statuses (``refundBuyerReceived``,
            ``aftersaleBuyerReceived`` …).
        max_fen: The most that can be asked (what was paid on 1688; 0 when unknown).
    """

    dispute_request: str
    goods_status: str
    max_fen: int


def supplier_refund_plan(
    kind: CaseKind, order_status: str, *, buyer_received: bool = True, paid_fen: int = 0
) -> SupplierRefundPlan:
    """The dispute request and goods status for asking the supplier, from the 1688 order's status.

    While the 1688 order is in transit (``waitbuyerreceive``) 1688 calls it an in-sale refund
    (``refund…`` goods statuses); once received or finished (``confirm_goods``, ``success``) an
    after-sales one (``aftersale…``). Goods go back (``returnRefund``) for returns, exchanges
    and repairs; refund-only and re-ship cases ask money only (``refund``).
    """
    kind = CaseKind(kind)
    dispute = "returnRefund" if kind in _GOODS_GO_BACK else "refund"
    if order_status == OrderStatus1688.WAIT_SELLER_SEND.value:
        goods = "refundWaitSellerSend"
    elif order_status == OrderStatus1688.WAIT_BUYER_RECEIVE.value:
        goods = "refundBuyerReceived" if buyer_received else "refundWaitBuyerReceive"
    else:
        goods = "aftersaleBuyerReceived" if buyer_received else "aftersaleBuyerNotReceived"
    if goods in ("refundWaitSellerSend", "refundWaitBuyerReceive", "aftersaleBuyerNotReceived"):
        dispute = "refund"  # nothing reached the buyer: nothing can go back
    return SupplierRefundPlan(dispute, goods, max(0, paid_fen))


# --------------------------------------------------------------------------------------------
# Deadlines
# --------------------------------------------------------------------------------------------


def deadline_stage(kind: CaseKind, buyer: BuyerState) -> DeadlineStage | None:
    """What the seller owes while the buyer side is in *buyer* (``None``: nothing, the buyer or
    nobody is to act)."""
    kind, buyer = CaseKind(kind), BuyerState(buyer)
    if buyer is BuyerState.REQUESTED:
        return DeadlineStage.RESPOND
    if buyer is BuyerState.GOODS_RETURNED:
        return DeadlineStage.PROCESS_RETURN
    if buyer is BuyerState.AGREED and kind in (CaseKind.REFUND_ONLY, CaseKind.RESHIP):
        return DeadlineStage.FULFIL
    return None


# Hours the platforms give the seller, as sellers know them (editable per shop platform in the
# app; platforms change these, so they are defaults, not rules).
_RESPOND_HOURS = {
    CaseKind.REFUND_ONLY: 48,
    CaseKind.RETURN_REFUND: 48,
    CaseKind.EXCHANGE: 48,
    CaseKind.RESHIP: 48,
    CaseKind.REPAIR: 72,
    CaseKind.SUPPORT: 24,
}
_PLATFORM_RESPOND = {"douyin": {CaseKind.REFUND_ONLY: 24}, "kuaishou": {CaseKind.REFUND_ONLY: 24}}
_PROCESS_RETURN_HOURS = {"pdd": 48, "douyin": 48}
_FULFIL_HOURS = 48


def default_deadline_hours(platform: str, kind: CaseKind, stage: DeadlineStage) -> int:
    """The built-in response window in hours for a shop platform, kind and stage."""
    kind, stage = CaseKind(kind), DeadlineStage(stage)
    if stage is DeadlineStage.RESPOND:
        return _PLATFORM_RESPOND.get(platform, {}).get(kind, _RESPOND_HOURS[kind])
    if stage is DeadlineStage.PROCESS_RETURN:
        return _PROCESS_RETURN_HOURS.get(platform, 72)
    return _FULFIL_HOURS


def deadline_at(
    kind: CaseKind,
    buyer: BuyerState,
    since: int,
    hours_for: Mapping[tuple[str, str], int] | None = None,
    platform: str = "",
) -> int | None:
    """When the seller must have acted (Unix seconds), or ``None`` when nothing is due.

    Args:
        kind: The case's kind.
        buyer: Its buyer-side state.
        since: When the case entered that state.
        hours_for: ``(kind, stage)`` → hours (the seller's settings for the shop's platform);
            missing entries use :func:`default_deadline_hours`.
        platform: The shop's platform (for the defaults).
    """
    stage = deadline_stage(kind, buyer)
    if stage is None:
        return None
    hours = (hours_for or {}).get((CaseKind(kind).value, stage.value))
    if hours is None:
        hours = default_deadline_hours(platform, kind, stage)
    return since + int(hours) * 3600


#: ``queue_rank`` of open cases nobody owes a deadline on: this + the last change.
OPEN_WAITING_RANK = 3_000_000_000
#: Ranks below this are open cases.
OPEN_RANK_LIMIT = 7_000_000_000
#: ``queue_rank`` of finished cases: this − the closing time (newest first).
CLOSED_RANK = 10_000_000_000


def queue_rank(deadline: int | None, last_change: int, closed_at: int | None) -> int:
    """Where a case sorts in the queue: by deadline (overdue first), then open cases waiting on
    somebody else (oldest change first), then finished ones (newest first)."""
    if closed_at is not None:
        return CLOSED_RANK - closed_at
    if deadline is not None:
        return deadline
    return OPEN_WAITING_RANK + last_change


def time_left_seconds(deadline: int | None, now: int) -> int | None:
    """Seconds until *deadline* (negative: overdue by that much), ``None`` without one."""
    return None if deadline is None else deadline - now
