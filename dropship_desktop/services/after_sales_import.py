"""Import the platforms' after-sales / refund exports, all or nothing; export every case.

Pinduoduo's 售后信息 sheet (售后编号, 订单编号, 交易金额, 退款金额, 售后状态, 订单状态, 退款类型, 申请时间,
同意退款时间) is recognised by its headers; Taobao's and Douyin's refund lists through the same
column aliases (退款编号 / 售后单号, 订单编号 / 订单号, 退款状态, 售后类型, 是否需要退货 …) or an explicit
column mapping (canonical field → header). Rows are matched to orders by order number; a row
whose order is not in the database, whose kind or amount cannot be read, rejects the whole file
and every problem is listed with its row. A status the app does not know is kept as the
platform's text and the case opened as "requested" (with a warning), never guessed further.

Importing the same file again updates the cases it created (matched by 售后编号 per shop) and
records what changed on each order's timeline.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..domain.after_sales import BuyerState, CaseKind, SupplierState, is_open, queue_rank
from ..domain.after_sales import deadline_at as compute_deadline
from ..domain.money import MoneyError, parse_yuan
from ..domain.timeutil import now_epoch, to_epoch
from ..errors import UserError
from ..i18n import QT_TRANSLATE_NOOP, Text, with_values
from ..store.after_sales_queries import deadline_hours
from ..store.db import execute_sql
from ..tabular.cell_values import refuse_damaged_tracking
from ..tabular.cells import CellError, clean_order_number, clean_text, parse_datetime
from ..tabular.orders_formats import normalise_header
from ..tabular.reader import read_table
from ..tabular.table import Table, TableError
from .after_sales import feed_buyer_history
from .base import Changes, audit, bulk_write_op

__all__ = [
    "ALIASES",
    "FIELDS",
    "AfterSalesPreview",
    "ImportedCase",
    "commit_after_sales_import",
    "kind_from_text",
    "preview_after_sales_import",
    "state_from_text",
]

#: Canonical fields, in the order the mapping dialog shows them.
FIELDS = (
    "order_no",
    "case_no",
    "kind",
    "status",
    "refund_amount",
    "trade_amount",
    "applied_at",
    "agreed_at",
    "reason",
    "need_return",
    "return_tracking",
    "order_status",
)
#: Headers known for each field (PDD 售后信息 first, then Taobao / Douyin refund lists).
ALIASES: dict[str, tuple[str, ...]] = {
    "order_no": ("订单编号", "订单号", "主订单编号", "子订单编号", "订单ID"),
    "case_no": ("售后编号", "售后单号", "售后单编号", "退款编号", "退款单号", "售后ID", "退款ID"),
    "kind": ("退款类型", "售后类型", "售后方式", "申请类型"),
    "status": ("售后状态", "退款状态", "售后单状态"),
    "refund_amount": ("退款金额", "申请退款金额", "买家退款金额", "售后金额", "退款金额(元)"),
    "trade_amount": ("交易金额", "订单金额", "买家实付金额", "买家实际支付金额", "实付金额"),
    "applied_at": (
        "申请时间",
        "售后申请时间",
        "退款申请时间",
        "退款的申请时间",
        "申请退款时间",
        "售后单创建时间",
    ),
    "agreed_at": ("同意退款时间", "卖家同意时间", "商家同意时间", "同意时间"),
    "reason": ("退款原因", "售后原因", "申请原因", "退款理由", "申请退款的原因"),
    "need_return": ("是否需要退货", "是否退货"),
    "return_tracking": ("退货物流单号", "退货运单号", "买家退货物流单号", "退货快递单号"),
    "order_status": ("订单状态",),
}
#: Field names shown in messages and the mapping dialog.
FIELD_TEXT: dict[str, str] = {
    "order_no": QT_TRANSLATE_NOOP("Import", "Order number (订单编号)"),
    "case_no": QT_TRANSLATE_NOOP("Import", "After-sales number (售后编号)"),
    "kind": QT_TRANSLATE_NOOP("Import", "Kind (退款类型)"),
    "status": QT_TRANSLATE_NOOP("Import", "After-sales status (售后状态)"),
    "refund_amount": QT_TRANSLATE_NOOP("Import", "Refund amount (退款金额)"),
    "trade_amount": QT_TRANSLATE_NOOP("Import", "Trade amount (交易金额)"),
    "applied_at": QT_TRANSLATE_NOOP("Import", "Applied at (申请时间)"),
    "agreed_at": QT_TRANSLATE_NOOP("Import", "Agreed at (同意退款时间)"),
    "reason": QT_TRANSLATE_NOOP("Import", "Reason (退款原因)"),
    "need_return": QT_TRANSLATE_NOOP("Import", "Goods returned? (是否需要退货)"),
    "return_tracking": QT_TRANSLATE_NOOP("Import", "Return tracking no. (退货物流单号)"),
    "order_status": QT_TRANSLATE_NOOP("Import", "Order status (订单状态)"),
}

_KIND_WORDS: tuple[tuple[tuple[str, ...], CaseKind], ...] = (
    (("换货",), CaseKind.EXCHANGE),
    (("补寄", "补发"), CaseKind.RESHIP),
    (("维修",), CaseKind.REPAIR),
    (("技术", "咨询"), CaseKind.SUPPORT),
    (("退货",), CaseKind.RETURN_REFUND),
    (("仅退款", "退款"), CaseKind.REFUND_ONLY),
)
_STATE_WORDS: tuple[tuple[tuple[str, ...], BuyerState], ...] = (
    (("关闭", "取消", "撤销", "撤回"), BuyerState.CLOSED),
    (("拒绝", "驳回"), BuyerState.REFUSED),
    (("换货成功", "补寄成功", "已补寄", "已换货", "维修完成", "换货完成"), BuyerState.EXCHANGED),
    (("退款成功", "已退款", "退款完成", "售后成功", "售后完成"), BuyerState.REFUNDED),
    (
        ("待商家收货", "待卖家收货", "买家已退货", "已退货", "待商家确认收货", "待卖家确认收货"),
        BuyerState.GOODS_RETURNED,
    ),
    (
        ("待买家退货", "待买家发货", "待买家寄回", "已同意", "商家同意", "卖家同意"),
        BuyerState.AGREED,
    ),
    (("待商家", "待卖家", "待处理", "申请", "审核", "介入", "处理中"), BuyerState.REQUESTED),
)


def kind_from_text(text: str, need_return: str = "") -> CaseKind | None:
    """The kind a platform's 退款类型 / 售后类型 text names (``None``: not recognised)."""
    text = clean_text(text)
    for words, kind in _KIND_WORDS:
        if any(w in text for w in words):
            return kind
    answer = clean_text(need_return)
    if answer in ("是", "需要", "yes", "Y"):
        return CaseKind.RETURN_REFUND
    if answer in ("否", "不需要", "no", "N"):
        return CaseKind.REFUND_ONLY
    return None


def state_from_text(text: str, kind: CaseKind) -> BuyerState | None:
    """The buyer-side state a 售后状态 text names (``None``: not recognised)."""
    text = clean_text(text)
    if not text:
        return None
    for words, state in _STATE_WORDS:
        if any(w in text for w in words):
            if state is BuyerState.REFUNDED and kind in (
                CaseKind.EXCHANGE, CaseKind.RESHIP, CaseKind.REPAIR, CaseKind.SUPPORT,
            ):  # fmt: skip
                return BuyerState.EXCHANGED if kind is not CaseKind.SUPPORT else BuyerState.CLOSED
            if state is BuyerState.EXCHANGED and kind in (
                CaseKind.REFUND_ONLY, CaseKind.RETURN_REFUND,
            ):  # fmt: skip
                return BuyerState.REFUNDED
            return state
    return None


@dataclass(frozen=True)
class ImportedCase:
    """One row of the file, read and matched."""

    row_number: int
    sales_order_id: int
    shop_id: int
    platform: str
    order_no: str
    case_no: str
    kind: CaseKind
    state: BuyerState
    platform_status: str
    requested_fen: int
    applied_at: int
    state_at: int
    reason: str
    return_tracking: str
    existing_id: int | None


@dataclass
class AfterSalesPreview:
    """What an import would do, before anything is written.

    Attributes:
        path: The file.
        headers: The header row.
        mapping: Canonical field → header used.
        cases: The rows read (empty when there are errors).
        errors: Problems that reject the file (row and field named).
        warnings: Things imported as well as possible (unknown statuses).
        row_count: Data rows in the file.
        no_case_rows: Rows skipped because they say their order has no after-sales case.
    """

    path: str
    headers: list[str]
    mapping: dict[str, str]
    cases: list[ImportedCase] = field(default_factory=list)
    errors: list[Text] = field(default_factory=list)
    warnings: list[Text] = field(default_factory=list)
    row_count: int = 0
    no_case_rows: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def new_count(self) -> int:
        return sum(1 for c in self.cases if c.existing_id is None)

    @property
    def update_count(self) -> int:
        return sum(1 for c in self.cases if c.existing_id is not None)


def _auto_mapping(headers: list[str]) -> dict[str, str]:
    by_norm: dict[str, str] = {}
    for header in headers:
        by_norm.setdefault(normalise_header(header), header)
    mapping: dict[str, str] = {}
    for name, aliases in ALIASES.items():
        for alias in aliases:
            found = by_norm.get(normalise_header(alias))
            if found is not None and found not in mapping.values():
                mapping[name] = found
                break
    return mapping


def _rebase(table: Table) -> Table:
    """A header found below preamble lines (platform exports put a title or notes above it)."""
    if _auto_mapping(table.headers).get("order_no"):
        return table
    for index, row in enumerate(table.rows[:15]):
        cells = [c.strip() for c in row]
        if "order_no" in _auto_mapping(cells):
            return Table(
                headers=cells,
                rows=table.rows[index + 1 :],
                row_numbers=table.row_numbers[index + 1 :],
                source_format=table.source_format,
                header_row=table.row_numbers[index] if table.row_numbers else index + 2,
            )
    return table


def _find_orders(numbers: set[str], shop_id: int | None) -> dict[str, list[tuple[int, int, str]]]:
    """Order number → ``[(sales order id, shop id, platform)]``."""
    found: dict[str, list[tuple[int, int, str]]] = {}
    ordered = sorted(numbers)
    for start in range(0, len(ordered), 500):
        chunk = ordered[start : start + 500]
        marks = ",".join("?" * len(chunk))
        sql = (
            "SELECT o.shop_order_no, o.id, o.shop_id, s.platform FROM sales_order o"
            f" JOIN shop s ON s.id = o.shop_id WHERE o.shop_order_no IN ({marks})"
        )
        params: list[Any] = list(chunk)
        if shop_id is not None:
            sql += " AND o.shop_id = ?"
            params.append(shop_id)
        for number, order_id, shop, platform in execute_sql(sql, params).fetchall():
            found.setdefault(number, []).append((order_id, shop, platform))
    return found


def _shop_id(name: str | None) -> int | None:
    if not name:
        return None
    row = execute_sql("SELECT id FROM shop WHERE name = ?", (name.strip(),)).fetchone()
    if row is None:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "There is no shop named “{name}”. Import the shop's orders first, or leave the "
                "shop empty to match orders of every shop.",
            ),
            name=name,
        )
    return int(row[0])


def _money(text: str) -> int | None:
    cleaned = clean_text(text).removesuffix("元")
    if not cleaned or cleaned in ("-", "--"):
        return None
    return parse_yuan(cleaned)


def preview_after_sales_import(
    path: str | os.PathLike[str],
    *,
    shop: str | None = None,
    mapping: Mapping[str, str] | None = None,
    now: int | None = None,
) -> AfterSalesPreview:
    """Read an after-sales export and match its rows to orders (nothing is written).

    Args:
        path: CSV, XLSX or XLS file.
        shop: Only match orders of this shop (by name).
        mapping: Canonical field → header, overriding the automatic mapping.
        now: The current time (opening time of rows without an application time).

    Raises:
        UserError: The file cannot be read, or the mapping names a column it lacks.
    """
    now = now if now is not None else now_epoch()
    try:
        table = _rebase(read_table(path))
    except TableError as exc:
        raise UserError(exc.template, **exc.params) from None
    auto = _auto_mapping(table.headers)
    if mapping:
        for name, header in mapping.items():
            if name not in FIELDS:
                raise UserError(
                    QT_TRANSLATE_NOOP("Errors", "Unknown field in the column mapping: {name}."),
                    name=name,
                )
            if header and header not in table.headers:
                raise UserError(
                    QT_TRANSLATE_NOOP(
                        "Errors", "The file has no column “{header}” (mapped to {name})."
                    ),
                    header=header,
                    name=name,
                )
            if header:
                auto[name] = header
            else:
                auto.pop(name, None)
    preview = AfterSalesPreview(str(path), list(table.headers), auto, row_count=len(table.rows))
    if "order_no" not in auto:
        # Not refused outright: the dialog shows the headers so the seller can map them.
        preview.errors.append(
            with_values(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "This file has no order number column (订单编号 / 订单号), so it is not an "
                    "after-sales export the app knows. Export the after-sales list from the "
                    "platform again, or map the columns by hand.",
                )
            )
        )
        return preview
    if "kind" not in auto and "need_return" not in auto and "status" not in auto:
        preview.errors.append(
            with_values(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "The file has neither a kind column (退款类型 / 售后类型) nor a status column "
                    "(售后状态); map at least one of them.",
                )
            )
        )
        return preview
    shop_id = _shop_id(shop)
    index = {name: table.headers.index(header) for name, header in auto.items()}

    def cell(row: list[str], name: str) -> str:
        position = index.get(name)
        return row[position] if position is not None and position < len(row) else ""

    numbers: list[str] = []
    for row, row_number in zip(table.rows, table.row_numbers, strict=False):
        try:
            numbers.append(clean_order_number(cell(row, "order_no")))
        except CellError as exc:
            preview.errors.append(_row_problem(row_number, "order_no", exc.text))
            numbers.append("")
    orders = _find_orders({n for n in numbers if n}, shop_id)
    existing = {
        (int(s), str(n)): int(i)
        for i, s, n in execute_sql(
            "SELECT id, shop_id, platform_case_no FROM after_sales_case"
            " WHERE platform_case_no != ''"
        ).fetchall()
    }
    seen: set[tuple[int, str]] = set()
    for row, row_number, number in zip(table.rows, table.row_numbers, numbers, strict=False):
        problems: list[Text] = []
        if not number:
            if not any(c.strip() for c in row):
                continue
            problems.append(_row_problem(row_number, "order_no", _EMPTY))
        elif _no_case(cell(row, "case_no"), cell(row, "status"), cell(row, "kind")):
            preview.no_case_rows += 1  # an order export's row: the order has no after-sales
            continue
        matches = orders.get(number, []) if number else []
        if number and not matches:
            problems.append(
                with_values(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "Row {row}: order {order} is not in the database. Import the shop's "
                        "orders first (or choose the right shop).",
                    ),
                    row=row_number,
                    order=number,
                )
            )
        elif len(matches) > 1:
            problems.append(
                with_values(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "Row {row}: order {order} exists in several shops; choose the shop.",
                    ),
                    row=row_number,
                    order=number,
                )
            )
        status_text = clean_text(cell(row, "status"))
        kind = kind_from_text(cell(row, "kind"), cell(row, "need_return"))
        if kind is None and "kind" not in auto and "need_return" not in auto:
            kind = CaseKind.REFUND_ONLY  # a refund list without a type column: refunds
        if kind is None:
            problems.append(
                _row_problem(
                    row_number, "kind",
                    with_values(
                        QT_TRANSLATE_NOOP("Errors", "“{value}” is not a kind the app knows"),
                        value=clean_text(cell(row, "kind")) or "—",
                    ),
                )
            )  # fmt: skip
        amounts: dict[str, int | None] = {}
        for name in ("refund_amount", "trade_amount"):
            try:
                amounts[name] = _money(cell(row, name))
            except MoneyError as exc:
                problems.append(_row_problem(row_number, name, exc.text))
        times: dict[str, int | None] = {}
        for name in ("applied_at", "agreed_at"):
            try:
                times[name] = to_epoch(parse_datetime(cell(row, name)))
            except CellError as exc:
                problems.append(_row_problem(row_number, name, exc.text))
        refund, trade = amounts.get("refund_amount"), amounts.get("trade_amount")
        if refund is not None and trade is not None and trade > 0 and refund > trade:
            problems.append(
                with_values(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "Row {row}: the refund ({refund}) is more than the trade ({trade}).",
                    ),
                    row=row_number,
                    refund=clean_text(cell(row, "refund_amount")),
                    trade=clean_text(cell(row, "trade_amount")),
                )
            )
        return_tracking = clean_text(cell(row, "return_tracking"))
        if return_tracking:
            try:  # the seller looks the parcel up by it: a number Excel damaged is no use
                refuse_damaged_tracking(return_tracking)
            except CellError as exc:
                problems.append(_row_problem(row_number, "return_tracking", exc.text))
        case_no = clean_order_number(cell(row, "case_no")) if cell(row, "case_no") else ""
        if problems or kind is None or len(matches) != 1:
            preview.errors.extend(problems)
            continue
        order_id, order_shop, platform = matches[0]
        if case_no:
            if (order_shop, case_no) in seen:
                preview.errors.append(
                    with_values(
                        QT_TRANSLATE_NOOP(
                            "Errors", "Row {row}: after-sales number {case} appears twice."
                        ),
                        row=row_number,
                        case=case_no,
                    )
                )
                continue
            seen.add((order_shop, case_no))
        state = state_from_text(status_text, kind)
        if state is None:
            state = BuyerState.REQUESTED
            if status_text:
                preview.warnings.append(
                    with_values(
                        QT_TRANSLATE_NOOP(
                            "Import",
                            "Row {row}: status “{status}” is not known to the app; the case is "
                            "opened as requested and the status kept as written.",
                        ),
                        row=row_number,
                        status=status_text,
                    )
                )
        applied = times.get("applied_at") or now
        state_at = applied
        if state is not BuyerState.REQUESTED:
            state_at = max(applied, times.get("agreed_at") or applied)
        preview.cases.append(
            ImportedCase(
                row_number, order_id, order_shop, platform, number, case_no, kind, state,
                status_text, refund or 0, applied, state_at, clean_text(cell(row, "reason")),
                return_tracking,
                existing.get((order_shop, case_no)) if case_no else None,
            )
        )  # fmt: skip
    if preview.errors:
        preview.cases = []
    elif not preview.cases and preview.no_case_rows:
        preview.errors.append(
            with_values(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "None of the file's {count} row(s) is an after-sales case: their after-sales "
                    "status says there is none. This looks like an order export: import it as "
                    "orders, or export the after-sales list (售后列表) from the platform.",
                ),
                count=preview.no_case_rows,
            )
        )
    elif not preview.cases:
        preview.errors.append(
            with_values(QT_TRANSLATE_NOOP("Errors", "The file holds no after-sales rows."))
        )
    elif preview.no_case_rows:
        preview.warnings.append(
            with_values(
                QT_TRANSLATE_NOOP(
                    "Import",
                    "{count} row(s) without after-sales (status such as 无售后) were skipped.",
                ),
                count=preview.no_case_rows,
            )
        )
    return preview


#: After-sales statuses of an order export's rows that say the order has no after-sales case.
_NO_CASE_WORDS = ("无售后", "没有申请", "未申请", "无退款", "暂无", "未发起")


def _no_case(case_no: str, status: str, kind: str) -> bool:
    """Whether a row without an after-sales number says its order has no after-sales case.

    Order exports carry a 售后状态 / 退款状态 column (Pinduoduo ``无售后或售后取消``, Douyin ``-``,
    Taobao ``没有申请退款``): such rows are orders, not cases, and are skipped, never opened.
    """
    if clean_text(case_no):
        return False
    status = clean_text(status)
    if any(word in status for word in _NO_CASE_WORDS):
        return True
    return status in ("", "-", "--", "—") and clean_text(kind) in ("", "-", "--", "—")


_EMPTY = QT_TRANSLATE_NOOP("Errors", "empty")


def _row_problem(row: int, name: str, problem: str) -> Text:
    return with_values(
        QT_TRANSLATE_NOOP("Errors", "Row {row}, {field}: {problem}"),
        row=row,
        field=with_values(FIELD_TEXT[name]),
        problem=problem,
    )


@bulk_write_op
def commit_after_sales_import(preview: AfterSalesPreview) -> Changes:
    """Write the previewed cases (all or nothing).

    Raises:
        UserError: The preview has errors (nothing is written).
    """
    if not preview.ok:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors", "The file has {count} problem(s) and was not imported: {first}"
            ),
            count=len(preview.errors),
            first=preview.errors[0],
        )
    now = now_epoch()
    hours = deadline_hours()
    created = updated = 0
    touched: list[int] = []
    name = Path(preview.path).name
    for case in preview.cases:
        state, kind = case.state, case.kind
        refunded = case.requested_fen if state is BuyerState.REFUNDED else 0
        deadline = compute_deadline(
            kind, state, case.state_at, hours.get(case.platform, {}), case.platform
        )
        closed = None if is_open(state, SupplierState.NONE) else case.state_at
        rank = queue_rank(None if closed else deadline, case.state_at, closed)
        if case.existing_id is None:
            cursor = execute_sql(
                "INSERT INTO after_sales_case (sales_order_id, shop_id, platform,"
                " supplier_order_id, supplier_id, offer_id, kind, buyer_state, platform_case_no,"
                " platform_status, reason, requested_fen, refunded_fen, buyer_tracking_no,"
                " source, opened_at, buyer_state_at, deadline_at, closed_at, queue_rank,"
                " updated_at)"
                " SELECT ?, ?, ?, so.id, so.supplier_id, so.offer_id, ?, ?, ?, ?, ?, ?, ?, ?,"
                " 'import', ?, ?, ?, ?, ?, ?"
                " FROM (SELECT 1) LEFT JOIN (SELECT id, supplier_id, offer_id FROM supplier_order"
                "  WHERE sales_order_id = ? ORDER BY status IN ('cancel', 'terminated'), id"
                "  LIMIT 1) so",
                (
                    case.sales_order_id, case.shop_id, case.platform, kind.value, state.value,
                    case.case_no, case.platform_status, case.reason, case.requested_fen,
                    refunded, case.return_tracking, case.applied_at, case.state_at,
                    None if closed else deadline, closed, rank, now, case.sales_order_id,
                ),
            )  # fmt: skip
            touched.append(int(cursor.lastrowid))
            audit(
                "after_sales_case", int(cursor.lastrowid), "as_imported",
                after={"kind": kind.value, "buyer_state": state.value, "file": name,
                       "amount_fen": case.requested_fen},
                sales_order_id=case.sales_order_id, at=now,
            )  # fmt: skip
            created += 1
            continue
        old = execute_sql(
            "SELECT buyer_state, requested_fen, platform_status, supplier_state, buyer_state_at,"
            " closed_at FROM after_sales_case WHERE id = ?",
            (case.existing_id,),
        ).fetchone()
        if old is None or (old[0], old[1], old[2]) == (
            state.value, case.requested_fen, case.platform_status,
        ):  # fmt: skip
            continue
        supplier = SupplierState(old[3])
        state_at = case.state_at if old[0] != state.value else old[4]
        closed = None if is_open(state, supplier) else (old[5] or state_at)
        deadline = compute_deadline(
            kind, state, state_at, hours.get(case.platform, {}), case.platform
        )
        execute_sql(
            "UPDATE after_sales_case SET buyer_state = ?, requested_fen = ?, platform_status = ?,"
            " refunded_fen = CASE WHEN ? = 'refunded' THEN ? ELSE refunded_fen END,"
            " buyer_state_at = ?, deadline_at = ?, closed_at = ?, queue_rank = ?, updated_at = ?"
            " WHERE id = ?",
            (
                state.value, case.requested_fen, case.platform_status, state.value,
                case.requested_fen, state_at, None if closed else deadline, closed,
                queue_rank(None if closed else deadline, state_at, closed), now, case.existing_id,
            ),
        )  # fmt: skip
        audit(
            "after_sales_case", case.existing_id, "as_import_update",
            before={"buyer_state": old[0], "platform_status": old[2]},
            after={"buyer_state": state.value, "platform_status": case.platform_status,
                   "file": name},
            sales_order_id=case.sales_order_id, at=now,
        )  # fmt: skip
        updated += 1
        touched.append(case.existing_id)
    # Fraud checks (#18): refunds feed the buyer's history in the same transaction.
    rescored = feed_buyer_history(touched)
    return Changes.of(
        "after_sales_case",
        *(("sales_order",) if rescored else ()),
        message=QT_TRANSLATE_NOOP(
            "Messages", "After-sales import: {created} new case(s), {updated} updated."
        ),
        message_params={"created": created, "updated": updated},
    )
