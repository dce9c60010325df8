"""Domain enumerations, each value with its Chinese label.

Values are the platform's own codes where one exists (1688 order status, cancel reason, refund
status), so they can be stored and sent as they are.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = [
    "CLOSED_1688_STATUSES",
    "DEAD_SALES_STATUSES",
    "OPEN_CANCEL_STATES",
    "OPEN_REFUND_STATUSES",
    "SALE_LOST_STATUSES",
    "CancelAction",
    "CancelReason",
    "CancelRequestState",
    "Eligibility",
    "Fulfilment",
    "OrderStatus1688",
    "RefundStatus",
    "SalesStatus",
    "ShopPlatform",
    "SupplierKind",
    "SupplierStatus",
]


class _Labelled(StrEnum):
    """A string enum whose members carry an English and a Chinese label."""

    _labels: dict[str, tuple[str, str]]

    @property
    def label_en(self) -> str:
        return type(self)._labels[self.value][0]  # type: ignore[attr-defined]

    @property
    def label_zh(self) -> str:
        return type(self)._labels[self.value][1]  # type: ignore[attr-defined]


def _labels(cls: type[_Labelled], table: dict[str, tuple[str, str]]) -> None:
    missing = {m.value for m in cls} - set(table)
    assert not missing, f"{cls.__name__} lacks labels for {missing}"
    cls._labels = table  # type: ignore[misc]


class OrderStatus1688(_Labelled):
    """1688 ``baseInfo.status``. Unknown raw values are kept via :class:`SupplierStatus`."""

    WAIT_BUYER_PAY = "waitbuyerpay"
    WAIT_SELLER_SEND = "waitsellersend"
    WAIT_BUYER_RECEIVE = "waitbuyerreceive"
    CONFIRM_GOODS = "confirm_goods"
    SUCCESS = "success"
    CANCEL = "cancel"
    TERMINATED = "terminated"


_labels(
    OrderStatus1688,
    {
        "waitbuyerpay": ("Awaiting payment", "等待买家付款"),
        "waitsellersend": ("Paid, awaiting shipment", "等待卖家发货"),
        "waitbuyerreceive": ("Shipped", "等待买家收货"),
        "confirm_goods": ("Received", "已收货"),
        "success": ("Completed", "交易成功"),
        "cancel": ("Cancelled", "交易取消"),
        "terminated": ("Terminated", "交易终止"),
    },
)

#: 1688 orders closed for good: they cost nothing and nothing more can be done to them.
CLOSED_1688_STATUSES: frozenset[OrderStatus1688] = frozenset(
    {OrderStatus1688.CANCEL, OrderStatus1688.TERMINATED}
)


@dataclass(frozen=True, slots=True)
class SupplierStatus:
    """A 1688 order status as received: a known :class:`OrderStatus1688` or a raw unknown value.

    1688 documents that statuses beyond the listed ones exist; they are kept verbatim and shown as
    unknown rather than rejected or coerced.
    """

    raw: str

    @property
    def known(self) -> OrderStatus1688 | None:
        try:
            return OrderStatus1688(self.raw)
        except ValueError:
            return None

    @property
    def label_en(self) -> str:
        known = self.known
        return known.label_en if known else f"Unknown ({self.raw})"

    @property
    def label_zh(self) -> str:
        known = self.known
        return known.label_zh if known else f"未知状态（{self.raw}）"


class SalesStatus(_Labelled):
    """The buyer-side (shop) order status, normalised across shop platforms."""

    WAIT_PAY = "wait_pay"
    PAID = "paid"
    SHIPPED = "shipped"
    COMPLETED = "completed"
    CANCELLED = "cancelled"
    REFUNDING = "refunding"
    REFUNDED = "refunded"


_labels(
    SalesStatus,
    {
        "wait_pay": ("Awaiting payment", "等待买家付款"),
        "paid": ("Paid, to ship", "买家已付款，等待发货"),
        "shipped": ("Shipped", "已发货"),
        "completed": ("Completed", "交易成功"),
        "cancelled": ("Closed", "交易关闭"),
        "refunding": ("Refund in progress", "退款中"),
        "refunded": ("Refunded", "已退款"),
    },
)

#: Shop orders that are dead for the seller: closed, or refunded or being refunded to the buyer.
#: Cancelling their supplier orders adds nothing to the shop's cancellation rate or lost sales,
#: and nothing is bought for them. (The profit of an order still counts the sale while its
#: refund is in progress: see :data:`SALE_LOST_STATUSES`.)
DEAD_SALES_STATUSES: frozenset[str] = frozenset(
    {SalesStatus.CANCELLED.value, SalesStatus.REFUNDING.value, SalesStatus.REFUNDED.value}
)
#: The dead shop orders whose sale no longer counts in the profit (closed or refunded); a refund
#: in progress may still be refused, so its sale counts until it is done.
SALE_LOST_STATUSES: frozenset[str] = frozenset(
    {SalesStatus.CANCELLED.value, SalesStatus.REFUNDED.value}
)


class CancelReason(_Labelled):
    """Reasons ``alibaba.trade.cancel`` accepts for closing an unpaid order."""

    BUYER_CANCEL = "buyerCancel"
    SELLER_GOODS_LACK = "sellerGoodsLack"
    OTHER = "other"


_labels(
    CancelReason,
    {
        "buyerCancel": ("Buyer cancelled the order", "买家取消订单"),
        "sellerGoodsLack": ("Seller out of stock", "卖家库存不足"),
        "other": ("Other", "其它"),
    },
)


class RefundStatus(_Labelled):
    """1688 ``refundStatus``, and two the 1688 buyer export tells without 1688's detail:
    ``refunding`` (订单状态 退款中, shown in place of the order's status: the stage is not said)
    and ``refund_ended`` (a later export shows the order going on: withdrawn, refused or a
    partial refund — the outcome is on 1688)."""

    WAIT_SELLER_AGREE = "waitselleragree"
    WAIT_BUYER_MODIFY = "waitbuyermodify"
    WAIT_BUYER_SEND = "waitbuyersend"
    WAIT_SELLER_RECEIVE = "waitsellerreceive"
    REFUND_SUCCESS = "refundsuccess"
    REFUND_CLOSE = "refundclose"
    REFUNDING = "refunding"
    ENDED = "refund_ended"


_labels(
    RefundStatus,
    {
        "waitselleragree": ("Waiting for the supplier to agree", "等待卖家同意"),
        "waitbuyermodify": ("Refused, waiting for changes", "待买家修改"),
        "waitbuyersend": ("Waiting for goods to be returned", "等待买家退货"),
        "waitsellerreceive": ("Waiting for the supplier to receive", "等待卖家确认收货"),
        "refundsuccess": ("Refunded", "退款成功"),
        "refundclose": ("Refund closed", "退款关闭"),
        "refunding": ("Refund in progress", "退款中"),
        "refund_ended": ("Refund ended (outcome on 1688)", "退款已结束（结果以1688为准）"),
    },
)

#: Refunds still under way (the supplier or the buyer has to act); members equal their raw values.
OPEN_REFUND_STATUSES: frozenset[RefundStatus] = frozenset(
    {
        RefundStatus.WAIT_SELLER_AGREE,
        RefundStatus.WAIT_BUYER_MODIFY,
        RefundStatus.WAIT_BUYER_SEND,
        RefundStatus.WAIT_SELLER_RECEIVE,
        RefundStatus.REFUNDING,
    }
)


class SupplierKind(_Labelled):
    PLATFORM = "platform"
    CHANNEL = "channel"


_labels(
    SupplierKind,
    {
        "platform": ("1688 platform supplier", "阿里巴巴平台供应商"),
        "channel": ("Channel distributor", "渠道商"),
    },
)


class Fulfilment(_Labelled):
    PLATFORM = "platform"
    THIRD_PARTY = "third_party"


_labels(
    Fulfilment,
    {
        "platform": ("Platform dropship", "平台代发"),
        "third_party": ("Third-party dropship", "第三方代发"),
    },
)


class ShopPlatform(_Labelled):
    TAOBAO = "taobao"
    TMALL = "tmall"
    PDD = "pdd"
    DOUYIN = "douyin"
    KUAISHOU = "kuaishou"
    ALI1688 = "1688"
    OTHER = "other"


_labels(
    ShopPlatform,
    {
        "taobao": ("Taobao", "淘宝"),
        "tmall": ("Tmall", "天猫"),
        "pdd": ("Pinduoduo", "拼多多"),
        "douyin": ("Douyin", "抖音"),
        "kuaishou": ("Kuaishou", "快手"),
        "1688": ("1688", "1688"),
        "other": ("Other", "其他"),
    },
)


class CancelAction(_Labelled):
    """What a cancellation request asks the platform to do."""

    CLOSE = "close"
    REFUND_REQUEST = "refund_request"


_labels(
    CancelAction,
    {
        "close": ("Close the order", "关闭订单"),
        "refund_request": ("Refund application", "申请退款"),
    },
)


class CancelRequestState(_Labelled):
    """Life of one cancellation request, recorded before the connector is called."""

    RECORDED = "recorded"
    SUBMITTED = "submitted"
    CLOSED = "closed"
    REFUND_REQUESTED = "refund_requested"
    REFUNDED = "refunded"
    FAILED = "failed"
    SKIPPED = "skipped"
    INTERRUPTED = "interrupted"


_labels(
    CancelRequestState,
    {
        "recorded": ("Recorded, not sent", "已记录，未提交"),
        "submitted": ("Started, awaiting the answer", "已开始，等待结果"),
        "closed": ("Closed", "已关闭"),
        "refund_requested": ("Refund requested", "已申请退款"),
        "refunded": ("Refunded", "已退款"),
        "failed": ("Failed", "失败"),
        "skipped": ("Skipped", "已跳过"),
        "interrupted": ("Interrupted", "已中断"),
    },
)

#: Cancellation requests still under way; an interrupted one counts until the seller says what
#: happened on 1688.
OPEN_CANCEL_STATES: frozenset[CancelRequestState] = frozenset(
    {CancelRequestState.RECORDED, CancelRequestState.SUBMITTED, CancelRequestState.INTERRUPTED}
)


class Eligibility(_Labelled):
    """What cancelling a supplier order means, decided from its 1688 status (DESIGN.md §3)."""

    CLOSE = "close"
    REFUND_REQUEST = "refund_request"
    AFTER_SALES_ONLY = "after_sales_only"
    ALREADY_CLOSED = "already_closed"
    TOO_SOON = "too_soon"
    UNKNOWN_STATUS = "unknown_status"


_labels(
    Eligibility,
    {
        "close": ("Close at once (unpaid)", "直接关闭（未付款）"),
        "refund_request": ("Refund application (paid, not shipped)", "申请退款（已付款未发货）"),
        "after_sales_only": (
            "Not cancellable: shipped or received, use after-sales return/refund",
            "不可取消：已发货或已收货，请走售后退货退款",
        ),
        "already_closed": ("Already closed", "已关闭"),
        "too_soon": ("Too soon: wait 10 s after creation", "太快：创建 10 秒后才能取消"),
        "unknown_status": ("Unknown status: check on 1688", "未知状态：请在 1688 上核实"),
    },
)
