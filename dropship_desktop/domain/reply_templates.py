"""After-sales reply templates: the placeholders a seller may use and filling them in."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from .after_sales import CaseKind

__all__ = ["DEFAULT_TEMPLATES", "PLACEHOLDERS", "ReplyTemplate", "fill_template"]

_PLACEHOLDER_RE = re.compile(r"\{([^{}\s]{1,12})\}")


#: Placeholder → what fills it (keys of :func:`fill_template`'s values).
PLACEHOLDERS: dict[str, str] = {
    "订单号": "order_no",
    "商品": "product",
    "金额": "amount",
    "运单号": "tracking_no",
}


@dataclass(frozen=True, slots=True)
class ReplyTemplate:
    """A reply the seller copies to the buyer; ``kind`` empty means any kind."""

    name: str
    body: str
    kind: str = ""


def fill_template(body: str, values: Mapping[str, str]) -> str:
    """Fill ``{订单号}``, ``{商品}``, ``{金额}``, ``{运单号}`` (or their English keys ``{order_no}`` …)
    from *values* (keyed by the English keys). Unknown or empty placeholders stay as typed, so
    the seller sees what still needs filling in."""

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        key = PLACEHOLDERS.get(name, name)
        value = values.get(key, "")
        return value if value else match.group(0)

    return _PLACEHOLDER_RE.sub(replace, body)


DEFAULT_TEMPLATES: tuple[ReplyTemplate, ...] = (
    ReplyTemplate(
        "收到申请",
        "亲，您好！您的订单 {订单号}（{商品}）的售后申请我们已经收到，正在加急处理，"
        "请您耐心等待，有任何问题随时联系我们。",
    ),
    ReplyTemplate(
        "同意退款",
        "亲，您好！订单 {订单号} 的退款 {金额} 元已经同意，款项会按原路退回，请注意查收。"
        "给您带来不便非常抱歉！",
        CaseKind.REFUND_ONLY.value,
    ),
    ReplyTemplate(
        "退货地址",
        "亲，您好！订单 {订单号} 的退货申请已同意，请将{商品}寄回，寄出后请在平台填写退货运单号，"
        "我们收到后会第一时间为您处理退款 {金额} 元。",
        CaseKind.RETURN_REFUND.value,
    ),
    ReplyTemplate(
        "换货已发出",
        "亲，您好！订单 {订单号} 的换货已经为您寄出，运单号：{运单号}，请注意查收。",
        CaseKind.EXCHANGE.value,
    ),
    ReplyTemplate(
        "补发已发出",
        "亲，您好！订单 {订单号} 缺少/损坏的配件已经为您补发，运单号：{运单号}，请注意查收。",
        CaseKind.RESHIP.value,
    ),
    ReplyTemplate(
        "维修说明",
        "亲，您好！{商品} 的维修申请已收到，请将商品寄回，维修好后会尽快寄回给您，"
        "寄回运单号：{运单号}。",
        CaseKind.REPAIR.value,
    ),
    ReplyTemplate(
        "使用指导",
        "亲，您好！关于 {商品} 的使用问题，请按照说明书步骤操作；如仍有问题，"
        "可以发视频给我们，我们一步一步帮您解决。",
        CaseKind.SUPPORT.value,
    ),
)
