"""Chinese for session 6's texts: following and withdrawing 1688 refund applications."""

TRANSLATIONS = {
    ("AfterSalesView", "Withdraw the application"): "撤销退款申请",
    (
        "AfterSalesView",
        "Withdraw refund application {refund} for 1688 order {order}? The supplier is no longer "
        "asked for this money; you can ask again later.",
    ): "撤销 1688 订单 {order} 的退款申请 {refund}？撤销后不再向供应商要这笔钱，之后仍可重新申请。",
    ("AfterSalesView", "Withdraw"): "撤销",
    ("AfterSalesView", "Asking 1688…"): "正在查询 1688…",
    ("CaseDetailPane", "Check o&n 1688"): "到1688查询(&N)",
    ("CaseDetailPane", "&Withdraw application…"): "撤销申请(&W)…",
    (
        "Errors",
        "This case has no 1688 refund application to look up. Ask the supplier on 1688 first, "
        "or record what the supplier did.",
    ): "此售后单没有可查询的 1688 退款申请。请先在 1688 向供应商申请，或记录供应商的处理结果。",
    (
        "Errors",
        "1688 could not be reached: {reason} Nothing was changed; try again.",
    ): "无法连接 1688：{reason} 没有做任何更改，请重试。",
    (
        "Errors",
        "1688 has no refund application {refund_id} for order {order}. Check the order on 1688 "
        "and record what the supplier did.",
    ): "1688 订单 {order} 没有退款申请 {refund_id}。请到 1688 查看该订单，并记录供应商的处理结果。",
    (
        "Errors",
        "1688 reports the application as “{status}”, which does not follow from “{state}” here. "
        "Check it on 1688 and record what the supplier did.",
    ): "1688 显示该申请为“{status}”，与这里的“{state}”衔接不上。请到 1688 查看，并记录供应商的处理结果。",
    (
        "Errors",
        "An application that is “{state}” cannot be withdrawn any more.",
    ): "状态为“{state}”的申请已不能撤销。",
    ("Messages", "Refund application withdrawn on 1688."): "已在 1688 撤销退款申请。",
    ("Messages", "No change on 1688: still “{state}”."): "1688 上没有变化：仍为“{state}”。",
    ("Timeline", "Withdrawal sent to 1688"): "已向 1688 发送撤销申请",
    ("Timeline", "Refund application withdrawn on 1688"): "已在 1688 撤销退款申请",
    (
        "MainWindow",
        "Fraud checks on earlier orders: {done} / {total}",
    ): "正在检查以前订单的风险：{done} / {total}",
    (
        "MainWindow",
        "Orders from before this version are checked once, in the background; the app can be "
        "used meanwhile.",
    ): "此版本之前的订单会在后台检查一次风险，期间可以照常使用本软件。",
    ("BackupsDialog", "Checking the backup…"): "正在检查备份文件…",
}
