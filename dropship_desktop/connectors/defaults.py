"""Built-in refund reasons, used when the platform's list cannot be asked (manual connector, offline).

1688's ``getRefundReasonList`` is not a fixed list; these are the reasons its buyer pages commonly
offer for a paid order the supplier has not shipped (``refundWaitSellerSend``). Ids are local
(``default.*``): with the manual connector the seller picks the matching reason on the 1688 page
itself, so they are never sent. ``need_voucher`` marks the reasons 1688 asks evidence for (a chat
screenshot showing the agreed dispatch time).
"""

from __future__ import annotations

from .base import RefundReason

__all__ = ["DEFAULT_REFUND_REASONS", "default_refund_reasons"]

DEFAULT_REFUND_REASONS: tuple[RefundReason, ...] = (
    RefundReason("default.not_wanted", "不想要了"),
    RefundReason("default.wrong_item", "拍错了/订单信息有误"),
    RefundReason("default.out_of_stock", "缺货"),
    RefundReason(
        "default.late_dispatch",
        "未按约定时间发货",
        need_voucher=True,
        tip="请上传与卖家约定发货时间的聊天截图",
    ),
    RefundReason("default.agreed", "协商一致退款"),
    RefundReason("default.address", "地址/电话信息填写错误"),
    RefundReason("default.other", "其他"),
)


def default_refund_reasons() -> list[RefundReason]:
    """A fresh list of the built-in reasons."""
    return list(DEFAULT_REFUND_REASONS)
