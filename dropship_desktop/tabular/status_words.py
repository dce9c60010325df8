"""Order status texts as the platforms export them, mapped to the app's statuses (shop orders and 1688 orders have their own words; a layout's kind picks which)."""

from __future__ import annotations

import unicodedata

from dropship_desktop.domain.enums import SalesStatus, SupplierStatus
from dropship_desktop.i18n import QT_TRANSLATE_NOOP
from dropship_desktop.tabular.cells import (
    CellError,
)
from dropship_desktop.tabular.platform_formats import OrderKind

__all__ = ["REFUNDING_1688", "map_status_text"]

# The code a 1688 export's 订单状态 退款中 maps to. It is not an order status: the export shows
# it instead of the order's own status while a refund is under way, so the importer keeps the
# order's status and records the refund (``RefundStatus.REFUNDING``) instead.
REFUNDING_1688 = "refunding"


_SHOP_STATUS_EXACT: dict[str, SalesStatus] = {
    "等待买家付款": SalesStatus.WAIT_PAY,
    "待付款": SalesStatus.WAIT_PAY,
    "待支付": SalesStatus.WAIT_PAY,
    "未付款": SalesStatus.WAIT_PAY,
    "买家已付款,等待卖家发货": SalesStatus.PAID,
    "待发货": SalesStatus.PAID,
    "已付款": SalesStatus.PAID,
    "已支付": SalesStatus.PAID,
    "备货中": SalesStatus.PAID,
    "待配货": SalesStatus.PAID,
    "卖家已发货,等待买家确认": SalesStatus.SHIPPED,
    "卖家部分发货": SalesStatus.SHIPPED,
    "已发货": SalesStatus.SHIPPED,
    "部分发货": SalesStatus.SHIPPED,
    "待收货": SalesStatus.SHIPPED,
    "已发货,待签收": SalesStatus.SHIPPED,
    "交易成功": SalesStatus.COMPLETED,
    "已完成": SalesStatus.COMPLETED,
    "已签收": SalesStatus.COMPLETED,
    "已收货": SalesStatus.COMPLETED,
    "交易关闭": SalesStatus.CANCELLED,
    "已取消": SalesStatus.CANCELLED,
    "订单关闭": SalesStatus.CANCELLED,
    "已关闭": SalesStatus.CANCELLED,
    "退款中": SalesStatus.REFUNDING,
    "售后中": SalesStatus.REFUNDING,
    "已退款": SalesStatus.REFUNDED,
    "退款成功": SalesStatus.REFUNDED,
}


# Compound texts ("未发货，退款成功", "已发货，售后中"): first matching keyword decides.
# The app's own export writes its status labels (Chinese or English): they read back.
_SHOP_STATUS_EXACT.update(
    {"".join(label.split()): st for st in SalesStatus for label in (st.label_zh, st.label_en)}
)
_SHOP_STATUS_KEYWORDS: tuple[tuple[str, SalesStatus], ...] = (
    ("退款成功", SalesStatus.REFUNDED),
    ("已退款", SalesStatus.REFUNDED),
    ("退款中", SalesStatus.REFUNDING),
    ("售后中", SalesStatus.REFUNDING),
    ("退款处理中", SalesStatus.REFUNDING),
    ("关闭", SalesStatus.CANCELLED),
    ("取消", SalesStatus.CANCELLED),
    ("交易成功", SalesStatus.COMPLETED),
    ("已完成", SalesStatus.COMPLETED),
    ("已签收", SalesStatus.COMPLETED),
    ("确认收货", SalesStatus.COMPLETED),
    ("已发货", SalesStatus.SHIPPED),
    ("待收货", SalesStatus.SHIPPED),
    ("待签收", SalesStatus.SHIPPED),
    ("部分发货", SalesStatus.SHIPPED),
    ("待发货", SalesStatus.PAID),
    ("已付款", SalesStatus.PAID),
    ("已支付", SalesStatus.PAID),
    ("待付款", SalesStatus.WAIT_PAY),
    ("待支付", SalesStatus.WAIT_PAY),
    ("等待买家付款", SalesStatus.WAIT_PAY),
)


_1688_STATUS: dict[str, str] = {
    "等待买家付款": "waitbuyerpay",
    "待付款": "waitbuyerpay",
    "等待卖家发货": "waitsellersend",
    "待发货": "waitsellersend",
    "等待买家收货": "waitbuyerreceive",
    "等待买家确认收货": "waitbuyerreceive",
    "卖家已发货": "waitbuyerreceive",
    "已发货": "waitbuyerreceive",
    "待收货": "waitbuyerreceive",
    "交易完成": "success",
    "已完成": "success",
    "已收货": "confirm_goods",
    "交易成功": "success",
    "交易取消": "cancel",
    "交易关闭": "cancel",
    "已取消": "cancel",
    "交易终止": "terminated",
    "退款中": REFUNDING_1688,
}


_1688_CODES = frozenset(_1688_STATUS.values())


def _status_key(text: str) -> str:
    # NFKC turns the full-width comma into an ASCII one; spaces of any kind are dropped.
    return "".join(unicodedata.normalize("NFKC", text).split())


def map_status_text(text: str, kind: OrderKind) -> SalesStatus | SupplierStatus:
    """Map an exported status text to the app's status.

    Args:
        text: The status as exported, e.g. ``"买家已付款，等待卖家发货"``.
        kind: ``"shop"`` for Taobao/Pinduoduo/Douyin exports, ``"1688"`` for 1688 purchases.

    Returns:
        For shop exports a :class:`SalesStatus`. For 1688 a :class:`SupplierStatus` holding the
        1688 status code; an unknown text is kept verbatim as an unknown status.

    Raises:
        CellError: A shop status text that is empty or not recognised.
    """
    key = _status_key(text)
    if kind == "1688":
        if key.lower() in _1688_CODES:
            return SupplierStatus(key.lower())
        return SupplierStatus(_1688_STATUS.get(key, key))
    status = _SHOP_STATUS_EXACT.get(key)
    if status is None:
        for keyword, candidate in _SHOP_STATUS_KEYWORDS:
            if keyword in key:
                status = candidate
                break
        else:
            try:
                status = SalesStatus(key.lower())
            except ValueError:
                raise CellError(
                    QT_TRANSLATE_NOOP("Errors", "unknown order status {value!r}"),
                    value=text.strip(),
                ) from None
    return status
