"""The purchase list (the orders waiting to be placed on 1688, as a file) and real line costs."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ...domain.fulfilment import (
    allocate,
)
from ...errors import UserError
from ...i18n import QT_TRANSLATE_NOOP
from ...store.db import execute_sql
from ..base import audit, write_op
from .placing import _full_receiver
from .queue import queue_ids, queue_rows

__all__ = [
    "PURCHASE_LIST_HEADERS",
    "LineCost",
    "purchase_list_rows",
    "real_line_costs",
    "write_purchase_list",
]


PURCHASE_LIST_HEADERS = (
    "店铺订单号",
    "店铺",
    "最晚发货",
    "商品",
    "货源链接",
    "1688规格ID",
    "规格",
    "数量",
    "收货人",
    "手机",
    "省",
    "市",
    "区",
    "详细地址",
    "留言",
    "提示",
)


def purchase_list_rows(
    ids: Sequence[int] | None = None, *, limit: int | None = None
) -> list[tuple[str, ...]]:
    """One row per goods line to order (full receiver: the list is for placing orders).

    Orders that are blocked (no mapping, receiver hidden, cancelled) or already being placed are
    left out. Writing the list is recorded as a reveal of buyer data per order.
    """
    from ...domain.fulfilment import offer_url
    from ...domain.timeutil import CHINA_TZ, from_epoch

    order_ids = list(ids) if ids is not None else queue_ids(limit)
    rows: list[tuple[str, ...]] = []
    for start in range(0, len(order_ids), 400):
        for row in queue_rows(order_ids[start : start + 400]):
            if row.blocked or row.attempt is not None:
                continue
            receiver, shop_order_no, _removed = _full_receiver(row.sales_order_id)
            ship_by = from_epoch(row.ship_by)
            hints = "；".join(w.label_zh for w in row.warnings)
            for line in row.lines:
                rows.append(
                    (
                        shop_order_no,
                        row.shop_name,
                        ship_by.astimezone(CHINA_TZ).strftime("%Y-%m-%d %H:%M") if ship_by else "",
                        line.product_title or line.title,
                        offer_url(line.offer_id_1688),
                        line.spec_id_1688,
                        line.spec_text_1688 or line.spec,
                        str(line.pieces),
                        receiver.name,
                        receiver.mobile,
                        receiver.province,
                        receiver.city,
                        receiver.area,
                        receiver.detail,
                        f"代发订单 {shop_order_no}",
                        hints,
                    )
                )
    return rows


def write_purchase_list(path: str, ids: Sequence[int] | None = None) -> int:
    """Write the purchase list (XLSX, every cell text; or CSV) and record the reveal.

    Raises:
        UserError: Nothing to order, or the file cannot be written.
    """
    from pathlib import Path

    from ..shipping import _write_atomically

    target = Path(path)
    if target.suffix.lower() not in (".xlsx", ".csv"):
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors", "Choose a file name ending in .xlsx or .csv (got “{file}”)."
            ),
            file=target.name,
        )
    if not target.parent.is_dir():
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "The folder {folder} does not exist."),
            folder=target.parent,
        )
    rows = purchase_list_rows(ids)
    if not rows:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "No order to put on a purchase list: every waiting order is blocked (no mapping, "
                "receiver hidden, cancelled) or already being placed.",
            )
        )
    _write_atomically(target, PURCHASE_LIST_HEADERS, rows, "采购清单")
    _record_list_reveal(sorted({r[0] for r in rows}), target.name)
    return len(rows)


@write_op
def _record_list_reveal(shop_order_nos: Sequence[str], file_name: str) -> None:
    audit(
        "database",
        None,
        "purchase_list_exported",
        after={"orders": len(shop_order_nos), "file": file_name, "fields": ["receiver"]},
    )


@dataclass(frozen=True)
class LineCost:
    """What one goods line of a 1688 order cost, freight and discounts included."""

    line_no: int
    title: str
    goods_fen: int
    cost_fen: int
    estimated: bool


def real_line_costs(supplier_order_id: int) -> list[LineCost]:
    """Each goods line's share of what the 1688 order really cost (实付款).

    The difference between what was paid and the goods (freight, dropship fee, discounts) is
    allocated to the lines by their goods amount, exactly (no fen lost). Before the 1688
    export shows the payment, the estimate (goods + fee + freight) is allocated instead and
    each line is marked estimated.
    """

    order = execute_sql(
        "SELECT paid_fen, cost_fen, dropship_fee_fen, shipping_fen FROM supplier_order"
        " WHERE id = ?",
        (supplier_order_id,),
    ).fetchone()
    if order is None:
        return []
    lines = execute_sql(
        "SELECT line_no, title, amount_fen, unit_price_fen, quantity FROM supplier_order_line"
        " WHERE supplier_order_id = ? ORDER BY line_no",
        (supplier_order_id,),
    ).fetchall()
    if not lines:
        return []
    goods = [int(a or (p or 0) * q) for _n, _t, a, p, q in lines]
    estimated = not order[0]
    total = order[1] + order[2] + order[3] if estimated else order[0]
    extra = (
        allocate(total - sum(goods), goods)
        if total >= sum(goods)
        else [-share for share in allocate(sum(goods) - total, goods)]
    )
    return [
        LineCost(n, t, g, g + e, estimated)
        for (n, t, *_rest), g, e in zip(lines, goods, extra, strict=True)
    ]
