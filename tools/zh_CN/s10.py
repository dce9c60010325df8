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
}
