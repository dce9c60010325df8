"""Numbered schema migrations, imported statically (a frozen build has no module discovery).

Each module has ``VERSION`` and ``apply(conn)``. They run in order inside one IMMEDIATE
transaction together with the ``PRAGMA user_version`` bump, so a failure leaves the database as
it was.
"""

from __future__ import annotations

from types import ModuleType

from . import (
    m0001_initial,
    m0002_fts_hashsize,
    m0003_product_summaries,
    m0004_supplier_order_lines,
    m0005_application_id,
    m0006_number_search,
    m0007_platform_exports,
    m0008_after_sales,
    m0009_fulfilment,
    m0010_daily_summaries,
    m0011_risk,
    m0012_dashboard_speed,
    m0013_todo_members,
    m0014_buyer_message,
)

MIGRATIONS: tuple[ModuleType, ...] = (
    m0001_initial,
    m0002_fts_hashsize,
    m0003_product_summaries,
    m0004_supplier_order_lines,
    m0005_application_id,
    m0006_number_search,
    m0007_platform_exports,
    m0008_after_sales,
    m0009_fulfilment,
    m0010_daily_summaries,
    m0011_risk,
    m0012_dashboard_speed,
    m0013_todo_members,
    m0014_buyer_message,
)
LATEST_VERSION: int = MIGRATIONS[-1].VERSION

assert [m.VERSION for m in MIGRATIONS] == list(range(1, LATEST_VERSION + 1)), "gap in migrations"
