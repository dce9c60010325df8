"""Chinese strings of issue 13b: the cancel wizard's shop side, exports, dates, menus."""

from __future__ import annotations

TRANSLATIONS: dict[tuple[str, str], str | list[str]] = {
    ("Errors", "This shop order status cannot be set by hand."): "这个店铺订单状态不能手动设置。",
    ("Messages", "Shop status recorded for {count} order(s)."): "已记录 {count} 个订单的店铺状态。",
    ("OrderListPage", "&Only orders that can still be cancelled"): "只看还能取消的订单(&O)",
    (
        "OrderListPage",
        "1688 orders awaiting payment or not shipped yet. Clear it to see all the account's "
        "orders.",
    ): "1688订单待付款或尚未发货。取消勾选可查看该账号的全部订单。",
    ("SelectPage", "Select all"): "全选",
    ("SelectPage", "Select %n orders to cancel?"): "要选择 %n 个订单来取消吗？",
    (
        "SelectPage",
        "Each will be closed on 1688 or get a refund application, and every shop order "
        "cancelled lowers the shop's rating. Nothing is sent before step 6.",
    ): "每个订单都会在1688上关闭或申请退款；每取消一个店铺订单，店铺评分都会下降。第 6 步之前不会发送任何内容。",
    ("SelectPage", "Select &all"): "全选(&A)",
    ("SubmitPage", "What cancelling costs"): "取消订单的代价",
    (
        "SubmitPage",
        "{closes} order(s) to close and {refunds} refund application(s) to make on 1688; "
        "{skipped} order(s) will be skipped. For each order the 1688 page opens in your browser: "
        "do it there, then say here whether it was done.",
    ): "需要在1688上关闭 {closes} 个订单、申请 {refunds} 个退款；将跳过 {skipped} 个订单。"
    "每个订单的1688页面会在浏览器中打开：请在那里操作，然后在这里告知是否已完成。",
    ("SubmitPage", "Opening on 1688…"): "正在打开1688页面…",
    (
        "SubmitPage",
        "Order {n} of {total}: do it on 1688, then answer here.",
    ): "第 {n} 个，共 {total} 个：请在1688上操作，然后在这里回答。",
    ("Timeline", "Shop status recorded by the seller"): "卖家记录了店铺状态",
    ("ShopTodo", "Still to do on the shop"): "店铺端还需处理",
    ("ShopTodo", "ship-by deadline unknown"): "最晚发货时间未知",
    ("ShopTodo", "ship by {when}"): "最晚发货 {when}",
    ("ShopTodo", "overdue: {}"): "已超时：{}",
    ("ShopTodo", "… and %n more"): "…… 另有 %n 个",
    (
        "ShopTodo",
        "This does not cancel the buyer's order on the shop. Afterwards you must still cancel or "
        "refund the buyer of %n shop order(s) there — or ship from another source — before the "
        "ship-by deadline.",
    ): "这不会取消买家在店铺里的订单。之后您仍需在店铺里为 %n 个订单取消或退款给买家"
    "（或从其他货源发货），并且要在最晚发货时间之前完成。",
    (
        "ShopTodo",
        "Now, on the shop: cancel or refund the buyer of these %n order(s) — or ship them from "
        "another source — before the ship-by deadline. The 1688 side does not change the shop "
        "order.",
    ): "现在请到店铺里处理这 %n 个订单：取消或退款给买家（或从其他货源发货），"
    "务必在最晚发货时间之前完成。1688端的操作不会改变店铺订单。",
    ("ExportDialog", "Open &folder"): "打开所在文件夹(&F)",
    ("Import", "This app's own order export"): "本软件导出的订单",
    (
        "Import",
        "{count} rows ({rows}), column {column}: {message}",
    ): "{count} 行（第 {rows} 行），列 {column}：{message}",
    ("Messages", "Exported {count} order(s) to {name}."): "已导出 {count} 个订单到 {name}。",
    ("OrdersView", "Phone"): "联系电话",
    ("OrdersView", "Address"): "收货地址",
    (
        "OrdersView",
        "Copied %n row(s), with the buyer data you revealed; paste them into Excel or WPS.",
    ): "已复制 %n 行（含您已查看的买家信息），可粘贴到 Excel 或 WPS。",
    ("OrdersView", "Copied %n row(s); paste them into Excel or WPS."): (
        "已复制 %n 行，可粘贴到 Excel 或 WPS。"
    ),
    (
        "ShopTodo",
        "&Done on the shop: mark them closed/refunded",
    ): "店铺里已处理：标记为已关闭/已退款(&D)",
    (
        "ShopTodo",
        "Only once you cancelled or refunded the buyers on the shop itself: unpaid orders become "
        "closed, paid ones refunded, and their ship-by warning ends.",
    ): "仅在您已在店铺里为买家取消或退款之后点击：未付款订单记为交易关闭，已付款订单记为已退款，其发货超时提醒随之结束。",
    (
        "ShopTodo",
        "Recorded: %n shop order(s) marked closed or refunded on the shop.",
    ): "已记录：%n 个店铺订单标记为已关闭或已退款。",
}
