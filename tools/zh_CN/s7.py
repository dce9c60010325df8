"""Chinese for session 7's texts: the platform's promised ship-by time in the column mapping."""

TRANSLATIONS = {
    ("MappingDialog", "Ship by (promised)"): "承诺发货时间",
}
