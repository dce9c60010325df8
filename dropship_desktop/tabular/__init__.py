"""Pure-Python tabular I/O: read platform order exports (CSV/XLSX/XLS), write lists safely.

No Qt and no database here; see :mod:`.reader`, :mod:`.cells`, :mod:`.writer` and
:mod:`.orders_formats`.
"""

from __future__ import annotations

from dropship_desktop.tabular.cells import (
    CellError,
    clean_order_number,
    clean_text,
    parse_datetime,
)
from dropship_desktop.tabular.orders_formats import (
    ColumnMapping,
    MappingResult,
    OrderRecord,
    RowError,
    detect_format,
)
from dropship_desktop.tabular.reader import read_table
from dropship_desktop.tabular.row_mapping import group_by_order, map_rows
from dropship_desktop.tabular.status_words import map_status_text
from dropship_desktop.tabular.table import Table, TableError
from dropship_desktop.tabular.writer import neutralise, write_csv, write_xlsx

__all__ = [
    "CellError",
    "ColumnMapping",
    "MappingResult",
    "OrderRecord",
    "RowError",
    "Table",
    "TableError",
    "clean_order_number",
    "clean_text",
    "detect_format",
    "group_by_order",
    "map_rows",
    "map_status_text",
    "neutralise",
    "parse_datetime",
    "read_table",
    "write_csv",
    "write_xlsx",
]
