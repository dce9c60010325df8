"""Chinese for session 10a's texts: repeated rows of exports put together, Excel-damaged
tracking numbers, sale amounts updated on re-import, a shop name of another platform, and
clearer messages for a folder or an Excel lock file given as the file."""

TRANSLATIONS = {
    (
        "Errors",
        "this row and row {other} are both order {order} but differ (this export has one row per "
        "order: they cannot both be right, e.g. files of different days put together). Delete the "
        "older row, or export the orders again, and import the file again.",
    ): "此行与第 {other} 行都是订单 {order}，但内容不同（此导出文件每个订单只有一行，两行不可能都对，"
    "例如把不同日期的文件拼在了一起）。请删除较旧的那一行，或重新从平台导出订单，然后再次导入。",
    (
        "Errors",
        "this row and row {other} are both sub-order {number} but differ (e.g. files of different "
        "days put together). Delete the older row, or export the orders again, and import the file "
        "again.",
    ): "此行与第 {other} 行都是子订单 {number}，但内容不同（例如把不同日期的文件拼在了一起）。"
    "请删除较旧的那一行，或重新从平台导出订单，然后再次导入。",
    (
        "Messages",
        "{count} duplicate row(s) skipped (the same row more than once in the file, e.g. exports "
        "put together): each order was imported once.",
    ): "已跳过 {count} 个重复行（文件中同一行出现了不止一次，例如拼接了多个导出文件）：每个订单只导入一次。",
    (
        "Errors",
        "The tracking number {value!r} was damaged by opening and re-saving the file in Excel or "
        "WPS (it is shown in scientific notation and its last digits are lost). Export the file "
        "from the platform again and import it without opening it, or save it as .xlsx with the "
        "column formatted as Text.",
    ): "运单号 {value!r} 已被 Excel 或 WPS 打开并重新保存而损坏（显示为科学计数法，末尾数字已丢失）。"
    "请重新从平台导出该文件，不要打开直接导入；或将该列设置为“文本”格式后另存为 .xlsx。",
    (
        "Errors",
        "The tracking number {value!r} passed through a decimal number in Excel or WPS and may "
        "have lost digits. Export the file from the platform again and import it without opening "
        "it, or save it as .xlsx with the column formatted as Text.",
    ): "运单号 {value!r} 在 Excel 或 WPS 中被当作小数处理，可能已丢失数字。请重新从平台导出该文件，"
    "不要打开直接导入；或将该列设置为“文本”格式后另存为 .xlsx。",
    (
        "Messages",
        "{count} order(s) already here have a new amount in this file (the price was changed on "
        "the platform): their sale and profit were updated.",
    ): "{count} 个已有订单在此文件中的金额有变化（已在平台改价）：已更新其销售额和利润。",
    (
        "Timeline",
        "Amount updated from an imported file (price changed on the platform)",
    ): "金额已按导入的文件更新（已在平台改价）",
    (
        "Errors",
        "The shop {name!r} is a {platform} shop, but this file is a {format} export: its orders "
        "cannot go into that shop. Check that you chose the right file, or name this file's shop "
        "with --shop (a new name creates a new shop).",
    ): "店铺 {name!r} 是{platform}店铺，但此文件是{format}的导出文件：其订单不能导入该店铺。"
    "请检查是否选对了文件，或用 --shop 为此文件的店铺另起名称（新名称会新建店铺）。",
    (
        "Errors",
        "{reason}. Write the amount in yuan, such as 59.00 or 1,259.50.",
    ): "{reason}。请以“元”为单位填写金额，例如 59.00 或 1,259.50。",
    (
        "Errors",
        "{name} is Excel's temporary lock file (Excel makes it while the workbook is open), not "
        "your orders. Choose the real file: {real}, without the ~$ at the start of its name.",
    ): "{name} 是 Excel 的临时锁定文件（工作簿打开时 Excel 自动生成），不是订单文件。"
    "请选择真正的文件：{real}（文件名开头没有 ~$）。",
    (
        "Errors",
        "{name} is a folder, not a file. Choose the exported file itself (e.g. a .csv or .xlsx "
        "file in that folder).",
    ): "{name} 是一个文件夹，不是文件。请选择导出的文件本身（例如该文件夹中的 .csv 或 .xlsx 文件）。",
}
