"""Export every after-sales case to an XLSX or CSV file (the seller's own record of them)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from ..domain.after_sales import BuyerState, CaseKind, SupplierState
from ..errors import UserError
from ..i18n import QT_TRANSLATE_NOOP, label
from ..store.after_sales_queries import export_rows

__all__ = ["EXPORT_HEADERS", "export_after_sales"]


EXPORT_HEADERS = {
    "zh": (
        "售后编号", "订单编号", "店铺", "售后类型", "买家端状态", "供应商端状态", "原因", "质量问题",
        "申请金额", "已退买家", "供应商已退", "额外成本", "净损失", "供应商", "1688订单号",
        "1688退款单号", "买家退货单号", "退回供应商单号", "申请时间", "处理截止", "完结时间",
        "联系次数", "备注",
    ),
    "en": (
        "After-sales no.", "Order no.", "Shop", "Kind", "Buyer side", "Supplier side", "Reason",
        "Faulty goods", "Asked", "Refunded to buyer", "Recovered from supplier", "Extra cost",
        "Net loss", "Supplier", "1688 order id", "1688 refund id", "Buyer return tracking",
        "Return to supplier tracking", "Applied", "Due", "Finished", "Contacts", "Note",
    ),
}  # fmt: skip


def export_after_sales(path: str | os.PathLike[str], lang: str = "zh") -> int:
    """Write every case to an XLSX or CSV file (by extension); returns the number of rows.

    Money as yuan text, times in China time, labels in the header language.
    """
    from ..domain.money import fen_to_yuan_text
    from ..domain.timeutil import CHINA_TZ, from_epoch
    from ..tabular.writer import write_csv, write_xlsx

    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "Choose a file name ending in .xlsx or .csv."),
        )
    zh = lang.startswith("zh")

    def text_of(enum: Any, raw: str) -> str:
        try:
            member = label(enum(raw))
        except ValueError:
            return raw
        return member.label_zh if zh else str(member)

    def when(value: int | None) -> str:
        moment = from_epoch(value)
        return moment.astimezone(CHINA_TZ).strftime("%Y-%m-%d %H:%M") if moment else ""

    rows = []
    for r in export_rows():
        rows.append(
            (
                r[0], r[1], r[2], text_of(CaseKind, r[3]), text_of(BuyerState, r[4]),
                text_of(SupplierState, r[5]), r[6], ("是" if zh else "yes") if r[7] else "",
                *(fen_to_yuan_text(v) for v in r[8:13]), r[13], r[14], r[15], r[16], r[17],
                when(r[18]), when(r[19]), when(r[20]), r[21], r[22],
            )
        )  # fmt: skip
    headers = EXPORT_HEADERS["zh" if zh else "en"]
    try:
        if suffix == ".csv":
            return write_csv(target, headers, rows)
        return write_xlsx(target, headers, rows, sheet_title="售后" if zh else "After-sales")
    except OSError as exc:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "Cannot write the file: {reason}."),
            reason=exc.strerror or exc,
        ) from None
