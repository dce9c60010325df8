"""The mapping table in and out of XLSX or CSV (``export mappings`` / ``import mappings``)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from ...domain.fulfilment import listing_keys
from ...domain.timeutil import now_epoch
from ...errors import UserError
from ...i18n import QT_TRANSLATE_NOOP, with_values
from ...store.db import execute_sql
from ..base import Changes, write_op
from .editing import MappingInput, _renumber, _upsert, _validate
from .rows import _MAPPING_SELECT, _STATE_TEXT, CONFIRMED, PROPOSED, _changes, _mapping

__all__ = ["MAPPING_HEADERS", "export_mappings", "import_mappings"]


#: Columns of the mapping file (Chinese headers, as sellers edit it in Excel/WPS).
MAPPING_HEADERS = (
    "店铺",
    "商品ID",
    "SKU ID",
    "商家编码",
    "商品标题",
    "规格",
    "1688商品ID",
    "1688规格ID",
    "1688规格",
    "每件数量",
    "优先级",
    "状态",
)


_ENGLISH_HEADERS = (
    "shop",
    "item id",
    "sku id",
    "merchant code",
    "title",
    "spec",
    "1688 offer id",
    "1688 spec id",
    "1688 spec",
    "pieces per item",
    "priority",
    "state",
)


_STATE_PARSE = {
    "已确认": CONFIRMED,
    "确认": CONFIRMED,
    "confirmed": CONFIRMED,
    "待确认": PROPOSED,
    "proposed": PROPOSED,
    "": CONFIRMED,
}


def export_mappings(path: str | os.PathLike[str]) -> int:
    """Write every mapping to an XLSX or CSV file (by the name's suffix); returns the rows."""
    from ...tabular.writer import write_csv

    rows = [
        (
            shop,
            m.platform_item_id,
            m.platform_sku_id,
            m.merchant_code,
            m.title,
            m.spec,
            m.offer_id_1688,
            m.spec_id_1688,
            m.spec_text_1688,
            m.quantity_factor,
            m.priority,
            _STATE_TEXT.get(m.state, m.state),
        )
        for shop, m in (
            (r[-1], _mapping(r[:-1]))
            for r in execute_sql(
                _MAPPING_SELECT.replace(
                    " FROM sku_mapping m",
                    ", (SELECT name FROM shop WHERE id = m.shop_id) FROM sku_mapping m",
                )
                + " ORDER BY m.shop_id, m.listing_key, m.priority"
            )
        )
    ]
    target = Path(path)
    # Written under a temporary name, then renamed: never a half-written file.
    temp = target.with_name(f".{target.name}.part")
    try:
        if target.suffix.lower() == ".csv":
            write_csv(temp, MAPPING_HEADERS, rows)
        else:
            from ..shipping import write_text_xlsx

            write_text_xlsx(temp, MAPPING_HEADERS, rows, "商品关联")
        os.replace(temp, target)
    except OSError as exc:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "Cannot write {name}: {reason}. Check that the folder exists, that the file is "
                "not open in Excel or WPS, and that the disk is not full.",
            ),
            name=target.name,
            reason=exc.strerror or exc,
        ) from None
    finally:
        temp.unlink(missing_ok=True)
    return len(rows)


def _column_index(headers: Sequence[str]) -> dict[str, int]:
    index: dict[str, int] = {}
    for i, header in enumerate(headers):
        text = header.strip()
        if text in MAPPING_HEADERS:
            index[text] = i
        elif text.casefold() in _ENGLISH_HEADERS:
            index[MAPPING_HEADERS[_ENGLISH_HEADERS.index(text.casefold())]] = i
    return index


@write_op
def import_mappings(path: str | os.PathLike[str]) -> Changes:
    """Read a mapping file (as :func:`export_mappings` writes it) — all rows or none.

    Rows are matched by shop, listing and 1688 offer + spec: known ones are updated (factor,
    priority, state), new ones added. Typed rows count as confirmed unless 状态 says 待确认.

    Raises:
        UserError: The file is not a mapping file, or a row is wrong (every problem is listed
            with its row number; nothing is written).
    """
    from ...tabular.cells import strip_wrappers
    from ...tabular.reader import read_table
    from ...tabular.table import TableError

    try:
        table = read_table(path)
    except TableError as exc:
        raise UserError(exc.text) from exc
    columns = _column_index(table.headers)
    required = ("店铺", "1688商品ID")
    if any(r not in columns for r in required) or not (
        {"商品ID", "SKU ID", "商家编码", "商品标题"} & set(columns)
    ):
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{file} is not a mapping file: it needs the columns 店铺, 1688商品ID and at least "
                "one of 商品ID, SKU ID, 商家编码, 商品标题 (export the mapping table to get one).",
            ),
            file=Path(path).name,
        )
    shops = {r[1]: r[0] for r in execute_sql("SELECT id, name FROM shop")}

    def cell(row: list[str], name: str) -> str:
        # Long ids come wrapped the way Excel keeps them as text (="…", as our CSV writes them).
        i = columns.get(name)
        return strip_wrappers(row[i]) if i is not None and i < len(row) else ""

    problems: list[str] = []
    inputs: list[MappingInput] = []
    for row, number in zip(
        table.rows, table.row_numbers or range(2, len(table.rows) + 2), strict=False
    ):
        shop_name = cell(row, "店铺")
        shop_id = shops.get(shop_name)
        row_problems: list[str] = []
        if shop_id is None:
            row_problems.append(
                with_values(QT_TRANSLATE_NOOP("Errors", "no shop named “{shop}”"), shop=shop_name)
            )
        factor_text = cell(row, "每件数量") or "1"
        priority_text = cell(row, "优先级")
        state = _STATE_PARSE.get(cell(row, "状态").casefold())
        if state is None:
            row_problems.append(
                with_values(
                    QT_TRANSLATE_NOOP("Errors", "状态 must be 已确认 or 待确认 (got “{value}”)"),
                    value=cell(row, "状态"),
                )
            )
        if not factor_text.isdigit():
            row_problems.append(
                with_values(
                    QT_TRANSLATE_NOOP("Errors", "每件数量 must be a whole number (got “{value}”)"),
                    value=factor_text,
                )
            )
        if priority_text and not priority_text.isdigit():
            row_problems.append(
                with_values(
                    QT_TRANSLATE_NOOP("Errors", "优先级 must be a whole number (got “{value}”)"),
                    value=priority_text,
                )
            )
        keys = listing_keys(
            platform_sku_id=cell(row, "SKU ID"),
            platform_item_id=cell(row, "商品ID"),
            merchant_code=cell(row, "商家编码"),
            title=cell(row, "商品标题"),
            spec=cell(row, "规格"),
        )
        data = MappingInput(
            shop_id=shop_id or 0,
            listing_key=keys[0] if keys else "",
            offer_id_1688=cell(row, "1688商品ID"),
            spec_id_1688=cell(row, "1688规格ID"),
            spec_text_1688=cell(row, "1688规格"),
            quantity_factor=int(factor_text) if factor_text.isdigit() else 1,
            confirmed=state != PROPOSED,
            title=cell(row, "商品标题"),
            spec=cell(row, "规格"),
            merchant_code=cell(row, "商家编码"),
            platform_item_id=cell(row, "商品ID"),
            platform_sku_id=cell(row, "SKU ID"),
            priority=int(priority_text) if priority_text.isdigit() else None,
            source="import",
        )
        row_problems.extend(_validate(data))
        if row_problems:
            problems.append(
                with_values(
                    QT_TRANSLATE_NOOP("Errors", "Row {row}: {problems}"),
                    row=number,
                    problems="; ".join(row_problems),
                )
            )
        inputs.append(data)
    if problems:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "Nothing was imported from {file}. Correct these rows and import it again:\n"
                "{problems}",
            ),
            file=Path(path).name,
            problems="\n".join(problems[:20]),
        )
    now = now_epoch()
    ids = [_upsert(data, None, now) for data in inputs]
    for listing in {(d.shop_id, d.listing_key) for d in inputs}:
        _renumber(*listing)
    return _changes(
        ids, QT_TRANSLATE_NOOP("Messages", "{count} mapping(s) imported."), count=len(ids)
    )
