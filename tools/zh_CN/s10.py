"""Simplified Chinese for session 10's strings (buyer message, member name, payment method)."""

from __future__ import annotations

TRANSLATIONS: dict[tuple[str, str], str | list[str]] = {
    ("MappingDialog", "Seller note (订单备注 / 商家备注)"): "卖家备注（订单备注 / 商家备注）",
    ("MappingDialog", "Buyer message (买家留言)"): "买家留言",
    ("MappingDialog", "Buyer account (买家会员名)"): "买家会员名",
    ("MappingDialog", "Payment method (支付方式)"): "支付方式",
    ("OrderDetailPane", "Buyer message"): "买家留言",
    ("OrderDetailPane", "Buyer account"): "买家会员名",
    ("MappingDialog", "Changed address (修改后的收货地址)"): "修改后的收货地址（有则优先）",
    ("MappingDialog", "Close reason (订单关闭原因)"): "订单关闭原因",
    ("MappingDialog", "Refund amount (退款金额)"): "退款金额",
    (
        "Errors",
        "A {platform} shop is already named {name!r}. Give the new shop another name, for "
        "example with the platform in it.",
    ): "已有一个名为 {name!r} 的{platform}店铺。请给新店铺换个名字，例如在名字里加上平台。",
    (
        "Errors",
        "the rows of order {order} from this row on repeat its goods from row {other} but differ "
        "(e.g. its status or tracking number: files of different days put together). Delete the "
        "older rows, or export the orders again, and import the file again.",
    ): "订单 {order} 从这一行起的几行重复了第 {other} 行起的同一批商品，但内容不同（例如订单状态或"
    "运单号不同：拼接了不同日期导出的文件）。请删除较早的那几行，或重新导出订单，然后再导入。",
}
