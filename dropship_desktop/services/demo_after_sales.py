"""Demo after-sales cases: every kind in every state on both sides, some overdue, with contacts
and timelines. One case per 20 orders (50,000 at a million), bulk-inserted."""

from __future__ import annotations

import json
import random

from ..domain.after_sales import (
    BuyerState,
    CaseKind,
    ContactChannel,
    ContactDirection,
    SupplierState,
    buyer_next_states,
    deadline_at,
    is_open,
    queue_rank,
    supplier_next_states,
)
from ..store.db import atomic, connection

__all__ = ["generate_after_sales_demo"]

_B = BuyerState
_S = SupplierState
#: Buyer-side paths: every state each kind can be in.
_BUYER_PATHS: dict[CaseKind, tuple[tuple[BuyerState, ...], ...]] = {
    CaseKind.REFUND_ONLY: ((), (_B.AGREED,), (_B.AGREED, _B.REFUNDED), (_B.REFUSED,),
                           (_B.REFUSED, _B.CLOSED), (_B.CLOSED,)),
    CaseKind.RETURN_REFUND: ((), (_B.AGREED,), (_B.AGREED, _B.GOODS_RETURNED),
                             (_B.AGREED, _B.GOODS_RETURNED, _B.REFUNDED), (_B.REFUSED,),
                             (_B.AGREED, _B.CLOSED)),
    CaseKind.EXCHANGE: ((), (_B.AGREED,), (_B.AGREED, _B.GOODS_RETURNED),
                        (_B.AGREED, _B.GOODS_RETURNED, _B.EXCHANGED), (_B.REFUSED, _B.CLOSED)),
    CaseKind.RESHIP: ((), (_B.AGREED,), (_B.AGREED, _B.EXCHANGED), (_B.REFUSED,)),
    CaseKind.REPAIR: ((), (_B.AGREED,), (_B.AGREED, _B.GOODS_RETURNED),
                      (_B.AGREED, _B.GOODS_RETURNED, _B.EXCHANGED), (_B.CLOSED,)),
    CaseKind.SUPPORT: ((), (_B.CLOSED,)),
}  # fmt: skip
#: Supplier-side paths (goods-back kinds pass through goods_returned).
_SUPPLIER_PATHS: tuple[tuple[SupplierState, ...], ...] = (
    (),
    (_S.REQUESTED,),
    (_S.REQUESTED, _S.AGREED),
    (_S.REQUESTED, _S.AGREED, _S.GOODS_RETURNED),
    (_S.REQUESTED, _S.AGREED, _S.GOODS_RETURNED, _S.REFUNDED),
    (_S.REQUESTED, _S.AGREED, _S.REFUNDED),
    (_S.REQUESTED, _S.REFUSED),
)
_REASONS = {
    CaseKind.REFUND_ONLY: ("不想要了", "少发了配件", "物流太慢", "拍错了"),
    CaseKind.RETURN_REFUND: ("质量问题", "与描述不符", "尺寸不合适", "杯盖漏水"),
    CaseKind.EXCHANGE: ("颜色发错了", "尺码不对", "外观破损"),
    CaseKind.RESHIP: ("缺少配件", "赠品没收到", "零件损坏"),
    CaseKind.REPAIR: ("充电口松动", "开关失灵", "电机异响"),
    CaseKind.SUPPORT: ("不会安装", "怎么连接蓝牙", "说明书看不懂"),
}
_NOTES = (
    "买家询问处理进度",
    "已解释售后流程",
    "买家发来照片",
    "约好明天回电",
    "已发送退货地址",
    "买家同意换货",
)
_CARRIERS = ("中通快递", "圆通速递", "韵达快递", "顺丰速运", "极兔速递")


def _scenarios() -> list[tuple[CaseKind, tuple[BuyerState, ...], tuple[SupplierState, ...]]]:
    result = []
    for kind, buyer_paths in _BUYER_PATHS.items():
        supplier_paths: tuple[tuple[SupplierState, ...], ...] = ((),)
        if kind is not CaseKind.SUPPORT:
            supplier_paths = tuple(p for p in _SUPPLIER_PATHS if _valid_supplier_path(kind, p))
        count = max(len(buyer_paths), len(supplier_paths))
        for i in range(count):
            buyer = buyer_paths[i % len(buyer_paths)]
            supplier = supplier_paths[i % len(supplier_paths)]
            # The supplier is asked once the buyer's request is accepted; a refused or
            # withdrawn request leaves at most a refused application behind.
            if not buyer:
                supplier = supplier[:1]
            elif BuyerState.AGREED not in buyer:
                supplier = (_S.REQUESTED, _S.REFUSED) if supplier else ()
            result.append((kind, buyer, supplier))
    return result


def _valid_supplier_path(kind: CaseKind, path: tuple[SupplierState, ...]) -> bool:
    state = SupplierState.NONE
    for step in path:
        if step not in supplier_next_states(kind, state):
            return False
        state = step
    return True


def generate_after_sales_demo(now: int, seed: int = 1, per_orders: int = 20) -> int:
    """Add demo cases to the shipped and finished orders of a demo database.

    Args:
        now: The demo's "current" time (Unix seconds).
        seed: Random seed (same seed, same cases).
        per_orders: One case per this many orders.

    Returns:
        How many cases were created.
    """
    rng = random.Random(seed * 7919 + 17)
    conn = connection()
    total = conn.execute("SELECT count(*) FROM sales_order").fetchone()[0]
    wanted = max(40, total // per_orders) if total else 0
    eligible = conn.execute(
        "SELECT count(*) FROM sales_order"
        " WHERE status IN ('shipped', 'completed', 'refunding', 'refunded')"
    ).fetchone()[0]
    step = max(1, eligible // max(1, wanted))
    # Every step-th shipped or finished order that has a 1688 order, spread over the whole range.
    orders = conn.execute(
        "SELECT o.id, o.shop_id, s.platform, o.sale_fen, so.id, so.supplier_id, so.offer_id,"
        " so.paid_fen, so.order_id_1688, o.tracking_no"
        " FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM sales_order"
        "  WHERE status IN ('shipped', 'completed', 'refunding', 'refunded')) pick"
        " JOIN sales_order o ON o.id = pick.id JOIN shop s ON s.id = o.shop_id"
        " JOIN supplier_order so ON so.id = (SELECT min(id) FROM supplier_order x"
        "  WHERE x.sales_order_id = o.id)"
        " WHERE pick.n % ? = 0 ORDER BY o.id LIMIT ?",
        (step, wanted),
    ).fetchall()
    if not orders:
        return 0
    scenarios = _scenarios()
    first_case = (
        (conn.execute("SELECT COALESCE(max(id), 0) FROM after_sales_case").fetchone()[0]) + 1
    )
    case_rows = []
    contact_rows = []
    audit_rows = []
    for n, order in enumerate(orders):
        (
            order_id,
            shop_id,
            platform,
            sale,
            so_id,
            supplier_id,
            offer_id,
            paid,
            _oid_1688,
            _tracking,
        ) = order
        kind, buyer_path, supplier_path = scenarios[n % len(scenarios)]
        case_id = first_case + n
        # Open cases are spread over the last four days (so some are overdue), finished ones
        # over the last two months.
        done = not is_open(buyer_path[-1] if buyer_path else BuyerState.REQUESTED,
                           supplier_path[-1] if supplier_path else SupplierState.NONE)  # fmt: skip
        age = rng.randint(3600, 60 * 86400) if done else rng.randint(1800, 4 * 86400)
        opened = now - age
        requested = sale if kind in (CaseKind.REFUND_ONLY, CaseKind.RETURN_REFUND) else 0
        if kind is CaseKind.REFUND_ONLY and rng.random() < 0.4:
            requested = max(100, sale // 3)
        at = opened
        events: list[tuple[int, str, dict[str, object], dict[str, object]]] = [
            (opened, "as_opened", {}, {"kind": kind.value, "amount_fen": requested}),
        ]
        buyer = BuyerState.REQUESTED
        refunded = extra = 0
        buyer_tracking = reship_tracking = ""
        span = max(60, (now - opened) // (len(buyer_path) + len(supplier_path) + 1))
        for target in buyer_path:
            assert target in buyer_next_states(kind, buyer)
            at += rng.randint(span // 2, span)
            after: dict[str, object] = {"kind": kind.value, "buyer_state": target.value}
            if target is BuyerState.REFUNDED:
                refunded = requested
                after["amount_fen"] = refunded
            if target is BuyerState.GOODS_RETURNED:
                buyer_tracking = f"YT{rng.randint(10**11, 10**12 - 1)}"
                after["tracking_no"] = buyer_tracking
            if target is BuyerState.EXCHANGED:
                reship_tracking = f"ZT{rng.randint(10**11, 10**12 - 1)}"
                extra = rng.choice((600, 800, 1200, 1500))
                after.update(tracking_no=reship_tracking, extra_cost_fen=extra)
            events.append((at, f"as_buyer_{target.value}", {"buyer_state": buyer.value}, after))
            buyer = target
        buyer_at = at
        supplier = SupplierState.NONE
        supplier_at = None
        recovered = 0
        refund_id = return_address = supplier_tracking = dispute = message = ""
        for target in supplier_path:
            at = min(now - 60, at + rng.randint(span // 2, span))
            after = {"kind": kind.value, "supplier_state": target.value}
            if target is SupplierState.REQUESTED:
                refund_id = f"TQ{rng.randint(10**15, 10**16 - 1)}"
                dispute = (
                    "returnRefund"
                    if kind in (CaseKind.RETURN_REFUND, CaseKind.EXCHANGE, CaseKind.REPAIR)
                    else "refund"
                )
                after["refund_id"] = refund_id
            elif target is SupplierState.AGREED:
                return_address = "浙江省金华市义乌市稠城街道工人北路 88 号 售后部 0579-85551234"
            elif target is SupplierState.GOODS_RETURNED:
                supplier_tracking = f"{rng.choice(_CARRIERS)} {rng.randint(10**11, 10**12 - 1)}"
                after["tracking_no"] = supplier_tracking
            elif target is SupplierState.REFUNDED:
                recovered = paid or requested
                after["amount_fen"] = recovered
            elif target is SupplierState.REFUSED:
                message = "商品已使用，不支持退货"
                after["message"] = message
            events.append(
                (at, f"as_supplier_{target.value}", {"supplier_state": supplier.value}, after)
            )
            supplier, supplier_at = target, at
        closed = None if is_open(buyer, supplier) else at
        deadline = None if closed else deadline_at(kind, buyer, buyer_at, None, platform)
        rank = queue_rank(deadline, max(buyer_at, supplier_at or 0), closed)
        defect = kind in (CaseKind.EXCHANGE, CaseKind.RESHIP, CaseKind.REPAIR) or (
            kind is CaseKind.RETURN_REFUND and rng.random() < 0.6
        )
        case_rows.append(
            (
                case_id, order_id, shop_id, platform, so_id, supplier_id, offer_id, kind.value,
                buyer.value, supplier.value, f"{rng.randint(10**11, 10**12 - 1)}",
                rng.choice(_REASONS[kind]), int(defect), requested, refunded, recovered, extra,
                buyer_tracking, reship_tracking, return_address, supplier_tracking, refund_id,
                dispute, "aftersaleBuyerReceived" if dispute else "", message, opened, buyer_at,
                supplier_at, deadline, closed, rank, at,
            )
        )  # fmt: skip
        for _ in range(rng.randint(0, 3)):
            when = rng.randint(opened, max(opened + 1, min(now - 60, opened + 3 * 86400)))
            channel = rng.choice(list(ContactChannel))
            direction = rng.choice(list(ContactDirection))
            contact_rows.append(
                (case_id, when, channel.value, direction.value, rng.choice(_NOTES), when)
            )
            events.append(
                (when, "as_contact", {}, {"channel": channel.value, "direction": direction.value})
            )
        for when, action, before, after in events:
            audit_rows.append(
                (
                    when, "after_sales_case", case_id, order_id, action,
                    json.dumps(before, ensure_ascii=False, sort_keys=True) if before else "",
                    json.dumps(after, ensure_ascii=False, sort_keys=True),
                )
            )  # fmt: skip
    with atomic():
        conn.executemany(
            "INSERT INTO after_sales_case (id, sales_order_id, shop_id, platform,"
            " supplier_order_id, supplier_id, offer_id, kind, buyer_state, supplier_state,"
            " platform_case_no, reason, defect, requested_fen, refunded_fen, recovered_fen,"
            " extra_cost_fen, buyer_tracking_no, reship_tracking_no, return_address,"
            " supplier_tracking_no, supplier_refund_id, supplier_dispute, supplier_goods_status,"
            " supplier_message, source, opened_at, buyer_state_at, supplier_state_at,"
            " deadline_at, closed_at, queue_rank, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            " 'demo', ?, ?, ?, ?, ?, ?, ?)",
            case_rows,
        )
        conn.executemany(
            "INSERT INTO after_sales_contact (case_id, at, channel, direction, note, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            contact_rows,
        )
        conn.executemany(
            "INSERT INTO audit_event (at, entity, entity_id, sales_order_id, action, before,"
            " after) VALUES (?, ?, ?, ?, ?, ?, ?)",
            audit_rows,
        )
    return len(case_rows)
