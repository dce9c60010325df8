"""Chinese strings of issue #12 (real platform exports: 1688 lines, 下游订单号, Kuaishou...)."""

from __future__ import annotations

TRANSLATIONS: dict[tuple[str, str], str | list[str]] = {
    (
        "Errors",
        "the order number is empty and there is no order above this row for it to belong to (a 1688 order's further goods lines leave the order number empty; its first row must have it)",
    ): "订单编号为空，且此行上方没有可归属的订单（1688 订单的后续货品行不填订单编号，但订单的第一行必须有）",
    (
        "Errors",
        "The file's layout was not recognised as a Taobao/Tmall, Pinduoduo, Douyin, Kuaishou or 1688 order export. Choose the format, or map its columns yourself.",
    ): "无法识别该文件为淘宝/天猫、拼多多、抖店、快手或 1688 订单导出文件。请选择格式，或自行对应各列。",
    (
        "Errors",
        "The file's orders belong to the shop {name!r}, which is not here yet. Import them with --shop {name!r} to create it (or --shop with the name of the shop they belong to).",
    ): "文件中的订单属于店铺 {name!r}，本软件中还没有这个店铺。请用 --shop {name!r} 导入以新建该店铺（或用 --shop 指定订单所属的店铺）。",
    (
        "Errors",
        "The file holds orders of several shops ({names}). Export one shop's orders per file, or say which shop they belong to with --shop NAME.",
    ): "文件中包含多个店铺的订单（{names}）。请每个店铺单独导出一个文件，或用 --shop 店铺名 指定订单所属的店铺。",
    ("Import", "Kuaishou shop"): "快手小店",
    (
        "Messages",
        "{count} name a shop order number (下游订单号) that orders of several shops have: link "
        "them by hand in the order list.",
    ): "{count} 个的下游订单号在多个店铺中都有同号订单：请在订单列表中手动关联。",
    (
        "ImportDialog",
        "Each is linked to the shop order its 下游订单号 names, else matched by recipient and "
        "product; the rest wait for a match in the order list.",
    ): "每个1688订单先按下游订单号关联到对应的店铺订单，其次按收货人和商品匹配；未匹配的会在订单列表中等待关联。",
    ("Import", "hidden by the platform"): "平台已隐藏",
    ("ImportDialog", "Kuaishou shop (快手小店)"): "快手小店",
    (
        "ImportDialog",
        "The column headers are on row {row}; the rows above them are skipped.",
    ): "表头在第 {row} 行，其上方的行已跳过。",
    (
        "ImportDialog",
        "{count} summary row(s) (合计/总计/汇总) will be skipped.",
    ): "将跳过 {count} 行合计/总计/汇总行。",
    (
        "ImportDialog",
        "The file holds orders of several shops ({names}); choose the shop.",
    ): "文件中包含多个店铺的订单（{names}），请选择店铺。",
    ("MappingDialog", "Order value (payable, for unpaid orders)"): "订单应付金额（用于未付款订单）",
    ("MappingDialog", "Platform item ID"): "平台商品 ID",
    ("MappingDialog", "Platform SKU ID"): "平台 SKU ID",
    ("MappingDialog", "Spec (规格 / 型号)"): "规格 / 型号",
    ("MappingDialog", "1688 Offer ID"): "1688 Offer ID",
    ("MappingDialog", "1688 SKU ID"): "1688 SKU ID",
    ("MappingDialog", "Item code (货号)"): "货号",
    ("MappingDialog", "Shop order it was placed for (下游订单号)"): "对应的店铺订单（下游订单号）",
    ("MappingDialog", "Shop platform (下游渠道)"): "下游渠道",
    ("MappingDialog", "Dropship order (是否代发订单)"): "是否代发订单",
    ("MappingDialog", "Order batch (下单批次号)"): "下单批次号",
    (
        "Messages",
        "{count} linked to their shop order by 下游订单号.",
    ): "{count} 个已按下游订单号关联到店铺订单。",
    (
        "Messages",
        "{count} name a shop order (下游订单号) that is not here yet: they wait for it and are linked when that shop export is imported.",
    ): "{count} 个的下游订单号对应的店铺订单尚未导入：它们将等待，导入该店铺订单后自动关联。",
    (
        "Messages",
        "{count} not paid yet (shown with their value, unpaid).",
    ): "{count} 个尚未付款（按应付金额显示，标为未付款）。",
    (
        "Messages",
        "Receiver data hidden by the platform in {count} order(s).",
    ): "{count} 个订单的收货信息被平台隐藏。",
    (
        "Messages",
        "{count} summary row(s) (合计/总计/汇总) skipped.",
    ): "已跳过 {count} 行合计/总计/汇总行。",
    ("OrderDetailPane", "(hidden by the platform)"): "（平台已隐藏）",
    ("OrderDetailPane", "(unpaid)"): "（未付款）",
    (
        "Timeline",
        "Matched to this order on import (recipient and product)",
    ): "导入时按收货人和商品匹配到此订单",
    (
        "Timeline",
        "Linked to this order on import (its 下游订单号)",
    ): "导入时按下游订单号关联到此订单",
    ("OrderDetailPane", "Placed for shop order"): "对应店铺订单（下游订单号）",
    ("OrderDetailPane", "Order batch"): "下单批次号",
    ("OrderDetailPane", "Offer ID"): "Offer ID",
    ("OrderDetailPane", "SKU ID"): "SKU ID",
    ("OrderDetailPane", "Item code"): "货号",
    (
        "OrderDetailPane",
        "The platform hid some of it in its export.",
    ): "平台在导出文件中隐藏了部分信息。",
}
