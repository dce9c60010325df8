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
}
