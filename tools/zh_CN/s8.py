"""Chinese for session 8's texts: an export that would replace an existing file."""

TRANSLATIONS = {
    (
        "Errors",
        "{file} already exists: nothing was written. Choose another file name, or add "
        "--overwrite to replace it.",
    ): "{file} 已存在：没有写入任何内容。请换一个文件名，或加上 --overwrite 覆盖它。",
}
