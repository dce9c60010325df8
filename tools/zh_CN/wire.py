"""Chinese strings of the hand-offs between the fraud checks (#18), the purchase queue (#16)
and after-sales (#17)."""

from __future__ import annotations

TRANSLATIONS: dict[tuple[str, str], str | list[str]] = {
    (
        "Fulfilment",
        "The fraud checks rate this order high risk: read the rules in the order's detail "
        "before you pay the supplier.",
    ): "防骗检查判定此订单为高风险：付款给供应商之前，请先在订单详情中查看触发的规则。",
    ("PurchaseQueueView", "place the 1688 order"): "在 1688 下单",
    ("AfterSalesView", "Blacklisted buyer"): "黑名单买家",
    (
        "AfterSalesView",
        "The buyer of order {number} is on a blacklist. Refund this buyer anyway?",
    ): "订单 {number} 的买家在黑名单上。仍要给这位买家退款吗？",
    ("AfterSalesView", "Fraud checks that fired: {rules}"): "触发的防骗规则：{rules}",
    ("AfterSalesView", "Refund anyway"): "仍然退款",
    ("AfterSalesView", "Do not refund"): "不退款",
}
