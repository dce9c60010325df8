"""Version 5: mark the file as ours (``application_id``) and keep facts about the database.

``PRAGMA application_id`` (bytes 68–71 of the header) lets start-up and ``check`` tell our
database from another program's SQLite file, which is refused untouched. It is written in the
migration's transaction, so an older database gains it together with the version bump, and a new
one from its first transaction on.

``app_meta`` holds facts about the database itself (``demo = 1`` marks a demo database, so that
``demo`` never mixes demo orders into a seller's real ones).
"""

from __future__ import annotations

import sqlite3

VERSION = 5

#: "DSDT": Dropship Desktop.
APPLICATION_ID = 0x44534454


def apply(conn: sqlite3.Connection) -> None:
    """Set the application id and create ``app_meta`` (inside the caller's transaction)."""
    conn.execute("CREATE TABLE app_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID:d}")
