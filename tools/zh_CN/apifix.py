"""Chinese strings of the apifix branch (#20 review fixes: lost answers, refusals, accounts)."""

from __future__ import annotations

TRANSLATIONS: dict[tuple[str, str], str | list[str]] = {
    (
        "Open1688",
        "Too many 1688 orders were placed since this purchase was sent to look it up "
        "automatically. Find it in 1688's order list (its message holds the purchase's "
        "number), then paste the number or say it was not ordered.",
    ): "自这笔采购发出以来 1688 上的新订单太多，无法自动查找。请在 1688 订单列表中查找"
    "（订单留言中带有这笔采购的编号），然后粘贴订单号，或确认并未下单。",
    (
        "Open1688",
        "1688 did not answer while the app prepared the request, so nothing was sent. Try "
        "again in a moment.",
    ): "软件准备请求时 1688 没有响应，因此什么都没有发送。请稍后再试。",
    (
        "Open1688",
        "1688 answered in a form this version of the app cannot read, so nothing was changed. "
        "Check it on 1688, or update the app.",
    ): "1688 返回的内容格式本版本软件无法识别，因此没有做任何修改。请在 1688 上查看，或更新软件。",
    (
        "Open1688",
        "No distribution account was chosen for this 1688 call, so nothing was sent. "
        "Choose the account (1688 accounts) and try again.",
    ): "这次 1688 操作没有指定分销账号，因此什么都没有发送。请选择账号（1688 账号）后重试。",
    (
        "Open1688",
        "The 1688 gateway address “{url}” is not a web address (it must start with "
        "https://). Nothing was sent. Correct or remove the "
        "DROPSHIP_DESKTOP_1688_GATEWAY setting and try again.",
    ): "1688 网关地址“{url}”不是网址（必须以 https:// 开头）。什么都没有发送。"
    "请更正或删除 DROPSHIP_DESKTOP_1688_GATEWAY 设置后重试。",
    (
        "Messages",
        "Not on 1688: nothing was ordered (looked up by outOrderId).",
    ): "1688 上没有这笔订单：并未下单（已按 outOrderId 查找）。",
    (
        "Errors",
        "This purchase was sent through another distribution account; look it up "
        "with that account.",
    ): "这笔采购是通过另一个分销账号发出的，请用那个账号查找。",
}
