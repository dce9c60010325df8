"""Strings of the dashboard cards that join the capabilities built side by side."""

TRANSLATIONS: dict[tuple[str, str], str | list[str]] = {
    ("Todo", "After-sales cases"): "售后单",
    ("Todo", "Open cases, the nearest deadline first"): "处理中的售后单，最先到期的在前",
}
