"""Chinese for session 8's texts: an export that would replace an existing file; the Taobao
item report (宝贝报表) that gives orders their goods lines."""

TRANSLATIONS = {
    (
        "Errors",
        "{file} already exists: nothing was written. Choose another file name, or add "
        "--overwrite to replace it.",
    ): "{file} 已存在：没有写入任何内容。请换一个文件名，或加上 --overwrite 覆盖它。",
    (
        "Messages",
        "{count} order(s) got their goods lines (SKU, price, quantity) from this item report.",
    ): "{count} 个订单已从此宝贝报表取得商品明细（商家编码、价格、数量）。",
    (
        "Messages",
        "{count} order(s) of this item report are not here yet: import the order report "
        "(订单报表) first, then this file again.",
    ): "此宝贝报表中有 {count} 个订单尚未导入：请先导入订单报表，再重新导入此文件。",
    ("Timeline", "Goods lines taken from an item report"): "商品明细取自宝贝报表",
    ("Timeline", "Lines"): "明细行数",
    (
        "ImportDialog",
        "An item report (宝贝报表): it gives the orders already here their goods lines (SKU, "
        "price, quantity) and makes no new order; import the order report (订单报表) first.",
    ): "这是宝贝报表：它为已导入的订单补充商品明细（商家编码、价格、数量），不会新建订单；"
    "请先导入订单报表。",
    (
        "Errors",
        "This is an item report (宝贝报表): it adds goods lines to orders already imported, so it "
        "cannot go into a new shop. Choose the shop whose order report (订单报表) you imported.",
    ): "这是宝贝报表：它为已导入的订单补充商品明细，不能导入到新店铺。请选择已导入其订单报表的店铺。",
    ("Timeline", "Refund updated from an imported file"): "退款状态已按导入的文件更新",
}
