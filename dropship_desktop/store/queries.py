"""Read-only queries returning plain rows."""

from __future__ import annotations

from .db import db, schema_version
from .tables import ALL_TABLES

__all__ = ["integrity_problems", "schema_version", "table_counts"]


def table_counts() -> dict[str, int]:
    """Row count of every table, by table name."""
    counts: dict[str, int] = {}
    for model in ALL_TABLES:
        name = model._meta.table_name
        counts[name] = int(db.execute_sql(f'SELECT count(*) FROM "{name}"').fetchone()[0])
    return counts


def integrity_problems(*, full: bool = False) -> list[str]:
    """Problems reported by ``PRAGMA quick_check`` (or ``integrity_check``) and the FK check."""
    pragma = "integrity_check" if full else "quick_check"
    rows = [r[0] for r in db.execute_sql(f"PRAGMA {pragma}").fetchall()]
    problems = [r for r in rows if r != "ok"]
    fk_rows = db.execute_sql("PRAGMA foreign_key_check").fetchall()
    problems.extend(f"foreign key violation in {r[0]} row {r[1]} → {r[2]}" for r in fk_rows)
    return problems
