"""Chinese for texts added while merging the session's branches."""

TRANSLATIONS = {
    ("Connectors", "App key"): "App Key",
    ("Connectors", "App secret"): "App Secret",
}
TRANSLATIONS[
    (
        "CancelWizard",
        "The connection was lost while sending; check on 1688 whether the order was cancelled, "
        "then say what happened.",
    )
] = "发送时连接中断：请到 1688 查看该订单是否已取消，然后在这里说明结果。"
