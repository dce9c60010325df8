"""zh_CN for issue 15 (arch1): the message catalogue and the split cancel wizard."""

from __future__ import annotations

TRANSLATIONS: dict[tuple[str, str], str | list[str]] = {
    ("CancelWizard", "This order is not in the account's list."): "此订单不在该账号的订单列表中。",
    # Step 4's consequences, shown by steps 4 and 6 (were ConfirmPage's own texts).
    ("ConsequencesText", "Close %n unpaid order(s): {amount}"): "关闭 %n 个未付款订单：{amount}",
    (
        "ConsequencesText",
        "Apply for the refund of %n paid order(s): {amount} asked back",
    ): "为 %n 个已付款订单申请退款：申请退回 {amount}",
}
