"""Chinese for texts added while merging the session's branches."""

TRANSLATIONS = {
    ("Connectors", "App key"): "App Key",
    ("Connectors", "App secret"): "App Secret",
}
