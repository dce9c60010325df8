"""Making damaged and foreign database files for the hardening tests and tools/damage_corpus.py."""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path


def run_cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """``dropship-desktop ARGS`` in a subprocess (offscreen), never waiting on stdin."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "dropship_desktop", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        stdin=subprocess.DEVNULL,
        check=False,
    )


def digest(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def settle(path: Path) -> None:
    """Fold the WAL into the file so that byte-level damage lands in the database itself."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("PRAGMA journal_mode = delete")
    conn.close()


def copy_db(template: Path, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "dropship.db"
    shutil.copyfile(template, path)
    settle(path)
    return path


def invalid_utf8(path: Path, count: int = 3) -> None:
    """Make a buyer name and a product summary of the newest orders invalid UTF-8."""
    conn = sqlite3.connect(path)
    conn.execute(
        "UPDATE sales_order SET buyer_name = CAST(X'E5BCA0FF' AS TEXT), "
        "product_summary = CAST(X'54FF7368697274' AS TEXT) WHERE id IN "
        "(SELECT id FROM sales_order ORDER BY created_at DESC LIMIT ?)",
        [count],
    )
    conn.commit()
    conn.close()


def stale_index(path: Path, index: str = "sales_order_no") -> None:
    """Damage an index so that ``quick_check`` passes and ``integrity_check`` does not."""
    conn = sqlite3.connect(path)
    row = conn.execute(
        "SELECT type, name, tbl_name, rootpage, sql FROM sqlite_master WHERE name = ?", [index]
    ).fetchone()
    assert row is not None, index
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("DELETE FROM sqlite_master WHERE name = ?", [index])
    conn.commit()
    conn.close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE sales_order SET shop_order_no = shop_order_no || 'x' WHERE id % 5 = 0")
    conn.commit()
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("INSERT INTO sqlite_master VALUES (?, ?, ?, ?, ?)", row)
    conn.commit()
    conn.close()


def foreign_db(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.execute("INSERT INTO notes (body) VALUES ('not ours')")
    conn.commit()
    conn.close()


def flip_bytes(path: Path, seed: int, count: int = 8) -> None:
    """Overwrite *count* random bytes past the header (the damage a bad disk does)."""
    data = bytearray(path.read_bytes())
    rnd = random.Random(seed)
    for _ in range(count):
        at = rnd.randrange(100, len(data))
        data[at] = rnd.randrange(256)
    path.write_bytes(bytes(data))


def zero_page(path: Path, seed: int, page_size: int = 4096) -> None:
    """Zero one whole page (a torn or lost write)."""
    data = bytearray(path.read_bytes())
    pages = len(data) // page_size
    page = random.Random(seed).randrange(1, pages)
    data[page * page_size : (page + 1) * page_size] = bytes(page_size)
    path.write_bytes(bytes(data))


def truncate(path: Path, seed: int) -> None:
    data = path.read_bytes()
    cut = random.Random(seed).randrange(100, len(data))
    path.write_bytes(data[:cut])


DAMAGE = {"flip": flip_bytes, "zero_page": zero_page, "truncate": truncate}


def full_check_ok(path: Path) -> bool:
    """Whether SQLite's own full check (read-only) finds nothing wrong."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            rows = conn.execute("PRAGMA integrity_check").fetchall()
            conn.execute("SELECT count(*) FROM sales_order").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False
    return rows == [("ok",)]
