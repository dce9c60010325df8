"""Simplified Chinese for issue 14 (hardening: hostile files, damaged databases, locks)."""

from __future__ import annotations

TRANSLATIONS: dict[tuple[str, str], str | list[str]] = {
    (
        "Errors",
        "{value!r} is not a plausible order date (expected a year from {first} to {last}). "
        "Check the column mapping, or export the orders again.",
    ): "{value!r} 不是合理的订单日期（年份应在 {first} 到 {last} 之间）。请检查列对应关系，或重新导出订单。",
    (
        "Errors",
        "{value} items is not a plausible quantity (at most {limit}). Check the column "
        "mapping, or export the orders again.",
    ): "{value} 件不是合理的数量（最多 {limit} 件）。请检查列对应关系，或重新导出订单。",
    (
        "Errors",
        "{value} is not a plausible amount (at most {limit} yuan). Check the column "
        "mapping, or export the orders again.",
    ): "{value} 不是合理的金额（最多 {limit} 元）。请检查列对应关系，或重新导出订单。",
    ("Errors", "{value!r} is too long to be a number"): "{value!r} 太长，不可能是数字",
    (
        "Errors",
        "{value!r} cannot be read here; the file may be damaged or mapped wrongly",
    ): "无法读取 {value!r}；文件可能已损坏，或列对应关系有误",
    ("Errors", "too large to be an amount: {value!r}"): "数值过大，不是金额：{value!r}",
    (
        "Errors",
        "The file is damaged and cannot be read. Export it again and import the new file.",
    ): "文件已损坏，无法读取。请重新导出，并导入新文件。",
    (
        "Errors",
        "{path} is the database of another program, not of Dropship Desktop. It has not "
        "been changed. Choose another data folder, or move that file elsewhere.",
    ): "{path} 是其他程序的数据库，不是一件代发助手的数据库。它未被改动。请选择其他数据文件夹，或把该文件移到别处。",
    ("Errors", "it holds no tables"): "其中没有任何数据表",
    ("Errors", "its schema version is missing ({version})"): "缺少结构版本号（{version}）",
    ("Errors", "table(s) missing: {tables}"): "缺少数据表：{tables}",
    (
        "Errors",
        "The database {path} is damaged ({reason}). Restore a backup.",
    ): "数据库 {path} 已损坏（{reason}）。请恢复备份。",
    (
        "Errors",
        "the database file is empty (0 bytes) although there are backups",
    ): "数据库文件是空的（0 字节），但存在备份",
    ("IntegrityWatch", "Database damaged"): "数据库已损坏",
    (
        "IntegrityWatch",
        "A full check of the database found damage. Restart now to move the damaged "
        "file aside (it is kept) and open the newest verified backup. Until then, "
        "avoid making changes.",
    ): "对数据库的完整检查发现了损坏。请立即重启：损坏的文件会被移到一旁（保留不删），并打开最新的已校验备份。在此之前，请避免修改数据。",
    ("IntegrityWatch", "Restart and Recover"): "重启并恢复",
    ("IntegrityWatch", "Later"): "稍后",
    (
        "Errors",
        "This database already holds demo data. To make it again, choose an empty data "
        "folder (for example with --data-dir), or delete the demo folder first.",
    ): "这个数据库已有演示数据。如要重新生成，请选择一个空的数据文件夹（例如用 --data-dir），或先删除演示文件夹。",
    (
        "Errors",
        "This database holds your own data (shops, suppliers or orders). Demo data is only "
        "written into an empty database and never mixed with real data; choose another "
        "data folder (for example with --data-dir or --demo).",
    ): "这个数据库存有您自己的数据（店铺、供应商或订单）。演示数据只会写入空数据库，绝不会与真实数据混在一起；请选择其他数据文件夹（例如用 --data-dir 或 --demo）。",
    (
        "Errors",
        "Dropship Desktop is open with this data folder (process {process}), so "
        "this command could not run: nothing was changed. Close the app first, or "
        "do this in the app.",
    ): "一件代发助手正在使用这个数据文件夹（进程 {process}），因此该命令未能运行，没有任何改动。请先关闭软件，或在软件中完成此操作。",
    (
        "Errors",
        "“{text}” is too large (at most 999,999,999).",
    ): "“{text}”太大（最多 999,999,999）。",
}
