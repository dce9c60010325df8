"""Simplified Chinese for the dashboard (工作台, issue #19)."""

from __future__ import annotations

TRANSLATIONS: dict[tuple[str, str], str | list[str]] = {
    # ---------------------------------------------------------------- ChartBase
    ("ChartBase", "Save chart as PNG…"): "将图表另存为 PNG…",
    ("ChartBase", "Save chart as PNG"): "将图表另存为 PNG",
    # ---------------------------------------------------------------- DashboardView
    ("DashboardView", "Dashboard"): "工作台",
    ("DashboardView", "{n} days"): "近{n}天",
    ("DashboardView", "Custom"): "自定义",
    ("DashboardView", "Choose the first and last day"): "选择起止日期",
    ("DashboardView", "Warning line…"): "警戒线…",
    (
        "DashboardView",
        "Set the 30-day cancellation rate at which the shop's platform starts to act (its red "
        "line); the dashboard warns before the next cancellations reach it",
    ): "设置店铺平台开始处罚的近30天取消率（平台红线）；再取消几单就会触线时，工作台会提前提醒",
    ("DashboardView", "Export figures…"): "导出数据…",
    ("DashboardView", "Save charts…"): "保存图表…",
    ("DashboardView", "Save charts"): "保存图表",
    (
        "DashboardView",
        "Save the four charts as PNG images into a folder (right-click a chart to save only "
        "that one)",
    ): "将四张图表保存为 PNG 图片到一个文件夹（右键单击某张图表可只保存该图）",
    (
        "DashboardView",
        "These files could not be written: {files}. Choose another folder.",
    ): "以下文件无法写入：{files}。请选择其他文件夹。",
    (
        "DashboardView",
        "Save the figures shown as an Excel workbook",
    ): "将当前显示的数据保存为 Excel 工作簿",
    ("DashboardView", "Refresh"): "刷新",
    ("DashboardView", "To do today"): "今日待办",
    ("DashboardView", "How the shops are doing"): "店铺经营情况",
    ("DashboardView", "Shops"): "店铺",
    ("DashboardView", "Suppliers"): "供应商",
    ("DashboardView", "Sales (GMV)"): "销售额（GMV）",
    ("DashboardView", "Orders"): "订单数",
    ("DashboardView", "Profit"): "利润",
    ("DashboardView", "Margin"): "毛利率",
    ("DashboardView", "30-day cancellation rate"): "近30天取消率",
    ("DashboardView", "Late shipment rate"): "延迟发货率",
    ("DashboardView", "Daily sales and profit"): "每日销售额与利润",
    ("DashboardView", "Cancellation rate (trailing 30 days)"): "取消率（滚动30天）",
    ("DashboardView", "Top products by sales"): "热销商品（按销售额）",
    ("DashboardView", "Suppliers by purchase cost"): "供应商（按采购额）",
    ("DashboardView", "No orders in this range"): "该时间段内没有订单",
    ("DashboardView", "All shops"): "全部店铺",
    ("DashboardView", "Average order {amount}"): "客单价 {amount}",
    ("DashboardView", "{n} created, {c} cancelled or refunded"): "共下单 {n}，取消或退款 {c}",
    (
        "DashboardView",
        "{n} orders without a 1688 order: cost estimated",
    ): "{n} 单尚无1688订单：成本为估算",
    ("DashboardView", "From real 1688 costs"): "按1688实际成本计算",
    ("DashboardView", "Profit ÷ sales"): "利润 ÷ 销售额",
    ("DashboardView", "Warning line {line}"): "警戒线 {line}",
    ("DashboardView", "{n} unshipped past ship-by"): "{n} 单超过最晚发货时间仍未发货",
    ("DashboardView", "Sales"): "销售额",
    ("DashboardView", "Cancellation rate"): "取消率",
    ("DashboardView", "Warning line"): "警戒线",
    ("DashboardView", "Quantity"): "件数",
    ("DashboardView", "(supplier not recorded)"): "（未记录供应商）",
    ("DashboardView", "Cancelled for stock"): "因缺货取消",
    ("DashboardView", "On-time rate"): "准时率",
    (
        "DashboardView",
        "{shop}: the 30-day cancellation rate is {rate}, at or over the warning line {line}. "
        "Avoid cancelling more orders; place supplier orders early.",
    ): "{shop}：近30天取消率为 {rate}，已达到或超过警戒线 {line}。请避免再取消订单，尽早向供应商下单。",
    (
        "DashboardView",
        "{shop}: {n} more cancellations would bring the 30-day cancellation rate ({rate}) to "
        "the warning line {line}.",
    ): "{shop}：再取消 {n} 单，近30天取消率（现为 {rate}）就会达到警戒线 {line}。",
    (
        "DashboardView",
        "{shop}: one more cancellation would bring the 30-day cancellation rate ({rate}) to "
        "the warning line {line}.",
    ): "{shop}：再取消 1 单，近30天取消率（现为 {rate}）就会达到警戒线 {line}。",
    (
        "DashboardView",
        "Warning line for {shop} (30-day cancellation rate, %):",
    ): "{shop} 的警戒线（近30天取消率，%）：",
    (
        "DashboardView",
        "Warning line for every shop (30-day cancellation rate, %):",
    ): "所有店铺的警戒线（近30天取消率，%）：",
    ("DashboardView", "dashboard {first} to {last}"): "工作台 {first} 至 {last}",
    ("DashboardView", "Export figures"): "导出数据",
    ("DashboardView", "Excel workbook (*.xlsx)"): "Excel 工作簿 (*.xlsx)",
    (
        "DashboardView",
        "The file could not be written: {error}. Choose another folder or close the file in "
        "Excel, then try again.",
    ): "无法写入文件：{error}。请换一个文件夹，或先在 Excel 中关闭该文件，然后重试。",
    # ---------------------------------------------------------------- DashboardTables
    ("DashboardTables", "Shop"): "店铺",
    ("DashboardTables", "Orders"): "订单数",
    ("DashboardTables", "Sales"): "销售额",
    ("DashboardTables", "Profit"): "利润",
    ("DashboardTables", "Margin"): "毛利率",
    ("DashboardTables", "Late shipment"): "延迟发货率",
    ("DashboardTables", "30-day cancellation rate"): "近30天取消率",
    ("DashboardTables", "Warning line"): "警戒线",
    ("DashboardTables", "Cancellations to the line"): "距警戒线还可取消",
    ("DashboardTables", "(supplier not recorded)"): "（未记录供应商）",
    ("DashboardTables", "Supplier"): "供应商",
    ("DashboardTables", "1688 orders"): "1688订单数",
    ("DashboardTables", "Purchase cost"): "采购额",
    ("DashboardTables", "Shipped"): "已发货",
    ("DashboardTables", "Closed"): "已关闭",
    ("DashboardTables", "On-time rate"): "准时率",
    ("DashboardTables", "Cancelled for stock (卖家库存不足)"): "因缺货取消（卖家库存不足）",
    # ---------------------------------------------------------------- DashboardExport
    ("DashboardExport", "Shop"): "店铺",
    ("DashboardExport", "From"): "开始日期",
    ("DashboardExport", "To"): "结束日期",
    ("DashboardExport", "Orders"): "订单数",
    ("DashboardExport", "Valid orders"): "有效订单数",
    ("DashboardExport", "Sales (GMV)"): "销售额（GMV）",
    ("DashboardExport", "Profit"): "利润",
    ("DashboardExport", "Margin"): "毛利率",
    ("DashboardExport", "Orders with estimated cost"): "成本为估算的订单数",
    ("DashboardExport", "Profit resting on estimated cost"): "基于估算成本的利润",
    ("DashboardExport", "Cancelled or refunded"): "取消或退款",
    (
        "DashboardExport",
        "Late shipments (unshipped past ship-by)",
    ): "延迟发货（超过最晚发货时间未发货）",
    ("DashboardExport", "Date"): "日期",
    ("DashboardExport", "Cancelled"): "取消数",
    ("DashboardExport", "30-day cancellation rate"): "近30天取消率",
    ("DashboardExport", "Summary"): "汇总",
    ("DashboardExport", "Figure"): "指标",
    ("DashboardExport", "Value"): "数值",
    ("DashboardExport", "Daily"): "每日",
    ("DashboardExport", "Shops"): "店铺",
    ("DashboardExport", "Top products"): "热销商品",
    ("DashboardExport", "Product"): "商品",
    ("DashboardExport", "Quantity"): "件数",
    ("DashboardExport", "Order lines"): "订单行数",
    ("DashboardExport", "Suppliers"): "供应商",
    # ---------------------------------------------------------------- Errors, Messages
    (
        "Errors",
        "No shop is called “{name}”. The shops are: {shops}.",
    ): "没有名为“{name}”的店铺。现有店铺：{shops}。",
    (
        "Errors",
        "More than one shop is called “{name}”; rename one of them first.",
    ): "有多个店铺名为“{name}”，请先将其中一个改名。",
    (
        "Errors",
        "The warning line must be between 0.01 % and 100 %; the platforms' red lines are "
        "usually a few percent.",
    ): "警戒线必须在 0.01% 到 100% 之间；平台红线通常为百分之几。",
    (
        "Errors",
        "This shop no longer exists; it may have been deleted.",
    ): "该店铺已不存在，可能已被删除。",
    ("Messages", "Warning line saved."): "警戒线已保存。",
    (
        "Errors",
        "{option} must be a date like 2026-11-30, not “{value}”.",
    ): "{option} 必须是 2026-11-30 这样的日期，而不是“{value}”。",
    (
        "Errors",
        "Give both --from and --to for a custom range.",
    ): "自定义时间段需要同时给出 --from 和 --to。",
    ("Errors", "--to is before --from."): "--to 早于 --from。",
    ("Errors", "--days must be between 1 and 3660."): "--days 必须在 1 到 3660 之间。",
    # ---------------------------------------------------------------- Todo
    ("Todo", "To order from suppliers"): "待向供应商下单",
    ("Todo", "Paid orders with no 1688 order yet"): "买家已付款、尚未在1688下单",
    ("Todo", "{n} near or past ship-by"): "{n} 单临近或超过最晚发货时间",
    ("Todo", "Tracking to send to the shop"): "待回填运单号",
    ("Todo", "Shipped on 1688, not yet shipped on the shop"): "1688已发货，店铺尚未发货",
    ("Todo", "Overdue or due within 24 h"): "已超时或24小时内到期",
    (
        "Todo",
        "Unshipped orders past or near their ship-by time",
    ): "超过或临近最晚发货时间的未发货订单",
    ("Todo", "{n} overdue"): "{n} 单已超时",
    ("Todo", "Unmatched 1688 orders"): "未匹配的1688订单",
    ("Todo", "1688 orders that belong to no shop order yet"): "尚未关联店铺订单的1688订单",
    ("Todo", "Awaiting the supplier"): "等待供应商处理",
    ("Todo", "Cancellation and refund requests not yet answered"): "尚未答复的取消和退款申请",
    ("Todo", "Interrupted requests"): "中断的申请",
    (
        "Todo",
        "Cancellations whose result is unknown: check them on 1688",
    ): "结果未知的取消申请：请到1688核实",
}
