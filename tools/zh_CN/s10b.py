"""Chinese for session 10b's texts: the blacklist file sealed by a share code."""

TRANSLATIONS = {
    (
        "Errors",
        "The share code must have at least 12 letters or digits. Nothing was written.",
    ): "分享码至少要有 12 个字母或数字。没有写入任何内容。",
    (
        "Errors",
        "{name} is sealed with a share code: enter the code the sender gave you. "
        "Nothing was imported.",
    ): "{name} 已用分享码加密：请输入发送方给你的分享码。没有导入任何内容。",
    (
        "Errors",
        "The share code does not open {name}: check it with the sender. Nothing was imported.",
    ): "该分享码无法打开 {name}：请向发送方核对。没有导入任何内容。",
    (
        "Risk",
        "{count} entries exported.\n\nShare code: {code}\n(copied to the clipboard)\n\nYour "
        "partner needs this code to import the file. Send it separately (a call, another chat), "
        "never with the file.",
    ): "已导出 {count} 条。\n\n分享码：{code}\n（已复制到剪贴板）\n\n对方导入此文件时需要这个分享码。"
    "请另行告知（电话或另一个聊天），不要和文件一起发送。",
    (
        "Risk",
        "The share code the sender gave you (empty for an older file):",
    ): "发送方给你的分享码（旧版文件留空）：",
}
