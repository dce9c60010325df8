"""Strings of the dashboard cards that join the capabilities built side by side."""

TRANSLATIONS: dict[tuple[str, str], str | list[str]] = {
    ("Todo", "After-sales cases"): "售后单",
    ("Todo", "Open cases, the nearest deadline first"): "处理中的售后单，最先到期的在前",
}
TRANSLATIONS.update(
    {
        ("Todo", "Risky orders"): "风险订单",
        (
            "Todo",
            "Flagged by the fraud checks: check the buyer first",
        ): "防骗检查标记的订单：先核实买家",
        ("DashboardView", "After-sales loss"): "售后净损失",
        (
            "DashboardView",
            "{n} cases; fraud {amount} ({m} orders)",
        ): "{n} 个售后单；被骗损失 {amount}（{m} 单）",
    }
)
