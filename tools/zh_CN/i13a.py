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
TRANSLATIONS.update(
    {
        ("StartPage", "No orders yet"): "还没有订单",
        (
            "StartPage",
            "Bring in your orders to see both sides of each one — the shop order and its 1688 "
            "purchase — with profit, deadlines and what needs doing.",
        ): "导入订单后，每笔订单的两端（店铺订单和1688采购单）、利润、发货期限和需处理的事项都一目了然。",
        ("StartPage", "Import shop orders…"): "导入店铺订单…",
        (
            "StartPage",
            "The order export of your shop (Taobao, Pinduoduo, Douyin, Kuaishou…): CSV or Excel, "
            "as the platform gives it.",
        ): "从店铺后台导出的订单文件（淘宝、拼多多、抖店、快手等），CSV 或 Excel 原样导入即可。",
        ("StartPage", "Import 1688 orders…"): "导入1688订单…",
        (
            "StartPage",
            "The 1688 buyer-side order export (已买到的货品): each purchase is matched to its shop "
            "order.",
        ): "1688买家端导出的订单（已买到的货品）：每笔采购单会自动对应到它的店铺订单。",
        ("StartPage", "Add suppliers and offers…"): "添加供应商和货源…",
        (
            "StartPage",
            "Record your 1688 suppliers and their offers to compare cost and terms.",
        ): "记录1688供应商及其货源，比较成本和条件。",
        ("StartPage", "Try the demo"): "试用演示数据",
        (
            "StartPage",
            "Opens a separate demo database with sample orders in a second window; your own data "
            "is not touched.",
        ): "在新窗口中打开单独的演示数据库（含示例订单），不会改动您自己的数据。",
        ("OrdersView", "The demo could not be started."): "无法启动演示。",
    }
)
