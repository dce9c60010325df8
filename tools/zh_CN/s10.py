"""Simplified Chinese for session 10's strings (buyer message, member name, payment method)."""

from __future__ import annotations

TRANSLATIONS: dict[tuple[str, str], str | list[str]] = {
    ("MappingDialog", "Seller note (订单备注 / 商家备注)"): "卖家备注（订单备注 / 商家备注）",
    ("MappingDialog", "Buyer message (买家留言)"): "买家留言",
    ("MappingDialog", "Buyer account (买家会员名)"): "买家会员名",
    ("MappingDialog", "Payment method (支付方式)"): "支付方式",
    ("OrderDetailPane", "Buyer message"): "买家留言",
    ("OrderDetailPane", "Buyer account"): "买家会员名",
    (
        "MappingDialog",
        "Changed address, used where filled (修改后的收货地址)",
    ): "修改后的收货地址（有则优先）",
    ("MappingDialog", "Close reason (订单关闭原因)"): "订单关闭原因",
    ("MappingDialog", "Refund amount (退款金额)"): "退款金额",
    (
        "Errors",
        "A {platform} shop is already named {name!r}. Give the new shop another name, for "
        "example with the platform in it.",
    ): "已有一个名为 {name!r} 的{platform}店铺。请给新店铺换个名字，例如在名字里加上平台。",
}
