"""Chinese strings of the i13a branch (order list crash, search, columns, start page)."""

from __future__ import annotations

TRANSLATIONS: dict[tuple[str, str], str] = {
    (
        "Errors",
        "If it happens again it is only written to the log. Restart the app if the window does "
        "not look right.",
    ): "若再次出现，只记入日志，不再弹出。如果窗口显示不正常，请重新启动软件。",
    (
        "OrdersView",
        "Search order or tracking no. (any part), buyer, phone tail, product, address",
    ): "搜索订单号或运单号（任意一段）、买家、手机尾号、商品、地址",
}
