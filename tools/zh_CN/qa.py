"""Simplified Chinese for the fixes found by driving the app as a new seller (helper qa)."""

from __future__ import annotations

TRANSLATIONS: dict[tuple[str, str], str | list[str]] = {
    # ---------------------------------------------------------------- after-sales import
    (
        "Errors",
        "None of the file's {count} row(s) is an after-sales case: their after-sales status says "
        "there is none. This looks like an order export: import it as orders, or export the "
        "after-sales list (售后列表) from the platform.",
    ): "文件中的 {count} 行都不是售后单：其售后状态表明没有售后。这看起来是订单导出文件：请按订单导入，"
    "或从平台导出售后列表后再导入。",
    (
        "Import",
        "{count} row(s) without after-sales (status such as 无售后) were skipped.",
    ): "已跳过 {count} 行没有售后的记录（售后状态为“无售后”等）。",
    # ---------------------------------------------------------------- backup --to
    ("Errors", "{path} is a folder. Give a file name for the backup."): (
        "{path} 是一个文件夹。请为备份指定一个文件名。"
    ),
    (
        "Errors",
        "{path} already exists and is not a Dropship Desktop backup; it was left as it is. "
        "Choose another file name.",
    ): "{path} 已存在，且不是一件代发助手的备份文件；已保持原样未改动。请换一个文件名。",
    # ---------------------------------------------------------------- the data folder
    (
        "Errors",
        "The data folder {path} is a file, not a folder. Choose a folder for the data "
        "(--data-dir).",
    ): "数据文件夹 {path} 是一个文件，不是文件夹。请为数据选择一个文件夹（--data-dir）。",
    (
        "Errors",
        "The data folder {path} cannot be used: {reason}. Choose a folder you can write to "
        "(--data-dir).",
    ): "无法使用数据文件夹 {path}：{reason}。请选择一个可以写入的文件夹（--data-dir）。",
    # ---------------------------------------------------------------- import orders --mapping
    (
        "Errors",
        "The column mapping {path} cannot be used ({reason}). It must be a JSON object of field "
        "names and column names, such as {example}.",
    ): "列对应文件 {path} 无法使用（{reason}）。它必须是由字段名和列名组成的 JSON 对象，例如 {example}。",
    # ---------------------------------------------------------------- batch-ship files
    (
        "Errors",
        "No order to write: the {count} order(s) waiting were written to a batch-ship file "
        "already, with the same tracking numbers. Upload that file on the shop; to write them "
        "again, include the orders already sent.",
    ): "没有可写入的订单：待发货的 {count} 个订单已写入过批量发货文件（运单号相同）。请在店铺后台上传该文件；"
    "如需再次写入，请包含已回传的订单。",
}
