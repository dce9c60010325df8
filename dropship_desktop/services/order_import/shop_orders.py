"""Writing a shop platform's orders: new orders and lines in bulk, changes of orders already there."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from ...context import shorten_switch_interval
from ...domain.enums import SalesStatus
from ...domain.order_summary import new_order_figures
from ...domain.orders import product_summary
from ...domain.timeutil import now_epoch
from ...store.bulk_orders import RISK_KEY_SQL, BulkOrderWriter
from ...store.db import connection
from ...tabular.orders_formats import (
    OrderRecord,
)
from .. import risk_engine
from ..risk import record_refund_statuses
from ..risk_engine import RiskBatch, score_order_ids
from ..risk_keys import scored_receiver
from ..risk_pending import defer_keys
from .base import (
    _NO_TIME,
    _REFUND_STATUSES,
    _SHIP_WITHIN_S,
    ImportCancelledError,
    ProgressCallback,
    _audit_rows,
    _chunks,
    _first,
    _first_time,
    _json,
    _refresh_summaries,
    _sale_fen,
    _status_audit,
    _status_code,
)
from .preview import (
    ImportPreview,
)
from .streaming import _add_to_risk, _last_rows, _order_blocks, _reading_connection
from .summary import ImportSummary
from .supplier_orders import _match_waiting_supplier_orders

__all__ = []


def _import_shop(
    preview: ImportPreview,
    shop_id: int,
    report: ProgressCallback,
    cancelled: Callable[[], bool],
    *,
    prepare_beside: bool = False,
) -> tuple[ImportSummary, set[int]]:
    """Write a shop export's orders. *prepare_beside*: a second connection sees the database
    as this transaction does apart from this import's own writes (scoring may read there)."""
    conn = connection()
    total = preview.row_count
    builder = _ShopRows(
        shop_id, int(conn.execute("SELECT coalesce(max(id), 0) + 1 FROM sales_order").fetchone()[0])
    )
    streamed = preview.deferred and preview.streamed
    report("checking", 0, total)
    last_rows: dict[str, int] | None = None
    lookup = None
    if not streamed:
        # Looked up before writing starts: a query during the writing would wait for the
        # helper thread, which has the connection.
        if preview.deferred:
            last_rows = _last_rows(preview.table, preview.mapping)
        builder.load_existing(conn, list(preview.orders if last_rows is None else last_rows))
    first_new = builder.next_id
    builder.item_report = preview.mapping.is_item_report
    if (
        preview.tuning.score_risk
    ):  # fraud checks: each new order's keys as it is built (overlaps SQL), the rest below
        builder.risk = RiskBatch(conn)
    report("writing", 0, total)
    writer = BulkOrderWriter(conn, index_in_bulk=total >= preview.tuning.bulk_index_from)
    restore_switching = shorten_switch_interval()  # the writer's helper gets the GIL back sooner
    reads = None
    # A big import's buyer keys: written after the commit if its scoring ran beside the writer
    # (risk_pending), else in this transaction before the scoring reads them.
    keys: list[tuple[int, ...]] | None = None
    prepared = False
    try:
        if builder.risk is not None and prepare_beside and total >= risk_engine.PRETEST_BLOCK:
            # A big import's fraud checks read the database as it was before the import (the
            # filters, other orders) through a second connection, beside the writer's helper.
            reads = _reading_connection()
            keys = []
        if (
            streamed
            and conn.execute(
                "SELECT 1 FROM sales_order WHERE shop_id = ? LIMIT 1", (shop_id,)
            ).fetchone()
        ):
            # The file's order numbers are only known block by block: each block's are looked
            # up on a second connection, which sees the database as it was before this
            # transaction (this one holds the write lock, so nobody else commits meanwhile;
            # the shop exists already, so this transaction has added none of its orders).
            lookup = _reading_connection()
        done = 0
        unkeyed: list[list[tuple[Any, ...]]] = []  # blocks of rows for the fraud checks
        for rows_done, orders in _order_blocks(
            preview, preview.tuning.chunk, last_rows, writer.poll
        ):
            if lookup is not None:
                builder.load_existing(lookup, list(orders))
            new_orders, new_lines, risk_rows = builder.build(
                _in_creation_order(orders), orders, preview.file_name
            )
            # Returns at once: SQLite writes this chunk on the helper thread (without the GIL)
            # while the next one is mapped and built here.
            writer.add(new_orders, new_lines)
            if builder.risk is not None:
                # The buyer keys of the new orders: made while the helper has a backlog (at
                # the start it writes a chunk faster than this thread builds the next one).
                unkeyed.append(risk_rows)
                if not writer.helper_waited:
                    _add_to_risk(builder.risk, unkeyed, writer, reads, keys)
            done = rows_done
            report("writing", done, total)
            if cancelled():
                raise ImportCancelledError()
        if builder.risk is not None:
            _add_to_risk(builder.risk, unkeyed, writer, reads, keys)
        report("writing", done, preview.row_count)  # a streamed file's total was an estimate
        if writer.orders_written:
            report("indexing", done, preview.row_count)
        risk = builder.risk
        if risk is not None and risk.can_prepare() and reads is not None:
            # A big import's scoring, while the helper writes and indexes the last blocks
            # (SQLite without the GIL): most of it costs no time. The orders' own checks and
            # the filters, then the cross-order rules (reading the other orders on a second
            # connection), handing the helper the queued blocks between steps as soon as it
            # is free, then the last indexing and the filter's save. All on this thread: the
            # staging of a block (a statement per row) would wait for the GIL behind any
            # other thread's Python work. Only the changes are written below, by
            # risk.finish(). (Not in a savepoint: that connection would miss what the outer
            # transaction wrote.)
            risk.catch_up(between=writer.poll)
            last = risk.take_filter_save()
            flushed = False

            def hand_over() -> None:
                nonlocal flushed
                flushed = flushed or writer.flush_if_free(then=last)

            risk.prepare(reads, between=hand_over)
            prepared = True
            if not flushed:
                writer.flush(then=last)
        writer.finish()
    finally:
        writer.close()
        restore_switching()
        if lookup is not None:
            lookup.close()
        if reads is not None:
            reads.close()
    updates = builder.updates
    for part in _chunks(updates, preview.tuning.chunk):
        conn.executemany(
            "UPDATE sales_order SET status = ?, carrier = ?, tracking_no = ?, paid_at = ?,"
            " ship_by = ?, sale_fen = ?, updated_at = ? WHERE id = ?",
            part,
        )
    if builder.filled:
        conn.executemany(
            "UPDATE sales_order SET buyer_message = ?, buyer_member = ?, payment_method = ?"
            " WHERE id = ?",
            builder.filled,
        )
    relined = _replace_lines(
        conn, builder.item_lines, builder.now, builder.audits, preview.file_name
    )
    if preview.format != "ours":
        # (This app's own export has one summary line an order: the order keeps its lines.)
        _reprice_lines(conn, builder.priced_lines, builder.now, preview.file_name)
    new_ids = range(first_new, builder.next_id)
    matched = _match_waiting_supplier_orders(new_ids)
    # Profit follows a new status or a new amount (and the daily summaries follow both
    # through their triggers).
    _refresh_summaries(builder.status_changed | set(builder.priced_lines) | matched)
    if builder.risk is not None:
        if keys and not prepared:
            conn.executemany(RISK_KEY_SQL, keys)
        builder.risk.finish()
        if keys and prepared:
            defer_keys(conn, keys)  # what reads them below adds them from memory
        if builder.filled:  # the rules may now see a message, an account or a payment
            score_order_ids(conn, [f[3] for f in builder.filled])
        # Refunds are the buyers' history: orders that became, or came in as, refunds.
        record_refund_statuses(conn, builder.status_changed | builder.refunds)
    _audit_rows(builder.audits)
    # An order whose only change is its lines counts as updated, not unchanged.
    updated_ids = {u[-1] for u in updates}
    relined_only = len(relined - updated_ids)
    filled_only = len({f[3] for f in builder.filled} - updated_ids - relined)
    summary = ImportSummary(
        file_name=preview.file_name,
        kind="shop",
        format=preview.format,
        rows=preview.row_count,
        orders_created=writer.orders_written,
        orders_updated=len(updates) + relined_only + filled_only,
        orders_unchanged=builder.unchanged - relined_only - filled_only,
        lines_created=writer.lines_written,
        status_changes=len(builder.status_changed),
        matched=len(matched),
        shop_id=shop_id,
        summary_rows=len(preview.summary_rows),
        duplicate_rows=preview.duplicate_rows,
        hidden_receivers=builder.hidden,
        unpaid=builder.unpaid,
        lines_replaced=len(relined),
        orders_not_here=builder.not_here,
        amounts_changed=len(builder.priced_lines),
    )
    return summary, set(new_ids) | {u[-1] for u in updates} | matched | relined


def _line_values(lines: Sequence[OrderRecord]) -> list[tuple[Any, ...]]:
    """(title, sku, quantity, unit price, item id, SKU id, spec) of an order's lines, as stored."""
    values = []
    for line in lines:
        qty = line.quantity or 1
        unit = line.unit_price_fen
        if unit is None:
            unit = (line.amount_fen or 0) // qty
        values.append(
            (
                line.product_title,
                line.sku,
                qty,
                unit,
                line.platform_item_id,
                line.platform_sku_id,
                line.spec,
            )
        )
    return values


_LINE_FIELDS = "title, sku, quantity, unit_price_fen, platform_item_id, platform_sku_id, spec"

#: What an unpaid order may become and still show what the buyer paid (not closed or refunded:
#: their exports show 0 or the amount left).
_UNPRICED_STATUSES = frozenset(
    {SalesStatus.CANCELLED.value, SalesStatus.REFUNDED.value, SalesStatus.REFUNDING.value}
)


def _replace_lines(
    conn: Any,
    item_lines: dict[int, list[tuple[Any, ...]]],
    now: int,
    audits: list[tuple[str, int | None, int | None, str, str, str]],
    file_name: str,
) -> set[int]:
    """Give orders the lines an item report lists for them (the order report has one summary
    line an order, without SKUs); returns the ids of orders whose lines changed.

    An order's lines are replaced as a whole when they differ (the same report again changes
    nothing); its product summary and quantity follow them. The daily summaries and the search
    index follow through their triggers.
    """
    if not item_lines:
        return set()
    current: dict[int, list[tuple[Any, ...]]] = {}
    for part in _chunks(list(item_lines), 50_000):
        for row in conn.execute(
            f"SELECT sales_order_id, {_LINE_FIELDS} FROM sales_order_line"
            " WHERE sales_order_id IN (SELECT value FROM json_each(?)) ORDER BY id",
            (json.dumps(part),),
        ):
            current.setdefault(row[0], []).append(tuple("" if v is None else v for v in row[1:]))
    changed = {
        order_id
        for order_id, lines in item_lines.items()
        if current.get(order_id, []) != [tuple("" if v is None else v for v in x) for x in lines]
    }
    if not changed:
        return changed
    ordered = sorted(changed)
    for part in _chunks(ordered, 50_000):
        conn.execute(
            "DELETE FROM sales_order_line WHERE sales_order_id IN (SELECT value FROM json_each(?))",
            (json.dumps(part),),
        )
    conn.executemany(
        f"INSERT INTO sales_order_line (sales_order_id, {_LINE_FIELDS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(order_id, *line) for order_id in ordered for line in item_lines[order_id]],
    )
    conn.executemany(
        "UPDATE sales_order SET product_summary = ?, quantity = ?, updated_at = ? WHERE id = ?",
        [
            (
                product_summary(line[0] for line in item_lines[order_id]),
                sum(line[2] for line in item_lines[order_id]),
                now,
                order_id,
            )
            for order_id in ordered
        ],
    )
    audits.extend(
        (
            "sales_order",
            order_id,
            order_id,
            "lines_imported",
            json.dumps({"lines": len(current.get(order_id, []))}),
            json.dumps({"lines": len(item_lines[order_id]), "file": file_name}, ensure_ascii=False),
        )
        for order_id in ordered
    )
    return changed


def _reprice_lines(
    conn: Any, priced: dict[int, list[tuple[Any, ...]]], now: int, file_name: str
) -> None:
    """Give orders whose amount a later export changed (改价) that export's lines, where that
    loses nothing.

    The lines an item report gave an order (宝贝报表: its ``lines_imported`` audit event says
    so) stay as they are, and so do lines that know more than the file's (a seller code, a
    spec, platform ids the file's lines lack: the SKU mapping goes by them). Lines that only
    change price follow the export, as a new order's would (see :func:`_replace_lines`; the
    daily summaries follow through their triggers).
    """
    if not priced:
        return
    from_items: set[int] = set()
    current: dict[int, list[tuple[Any, ...]]] = {}
    for part in _chunks(list(priced), 50_000):
        from_items.update(
            row[0]
            for row in conn.execute(
                "SELECT DISTINCT sales_order_id FROM audit_event WHERE action = 'lines_imported'"
                " AND sales_order_id IN (SELECT value FROM json_each(?))",
                (json.dumps(part),),
            )
        )
        for row in conn.execute(
            "SELECT sales_order_id, title, sku, spec, platform_item_id, platform_sku_id"
            " FROM sales_order_line WHERE sales_order_id IN (SELECT value FROM json_each(?))"
            " ORDER BY id",
            (json.dumps(part),),
        ):
            current.setdefault(row[0], []).append(tuple(v or "" for v in row[1:]))

    def identity(values: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
        # (title, sku, spec, item id, SKU id) of (title, sku, qty, unit, item, SKU id, spec)
        return [(v[0] or "", v[1] or "", v[6] or "", v[4] or "", v[5] or "") for v in values]

    lines = {
        oid: values
        for oid, values in priced.items()
        if oid not in from_items
        and (
            not any(any(line[1:]) for line in current.get(oid, []))
            or identity(values) == current.get(oid, [])
        )
    }
    _replace_lines(conn, lines, now, [], file_name)


def _file_sale(lines: Sequence[OrderRecord], status: str) -> int | None:
    """The amount an export gives an order (as a new order would get it); ``None``: the file
    has no amount for it (an order already here keeps its own)."""
    if all(
        line.amount_fen is None and line.unit_price_fen is None and line.payable_fen is None
        for line in lines
    ):
        return None
    wait_pay = status == SalesStatus.WAIT_PAY.value
    if len(lines) == 1:
        first = lines[0]
        sale = first.amount_fen
        if sale is None:
            sale = (first.unit_price_fen or 0) * (first.quantity or 1)
        if not sale and wait_pay and first.payable_fen:
            sale = first.payable_fen
        return sale
    sale = _sale_fen(lines)
    if not sale and wait_pay:
        sale = _sale_fen(lines, "payable_fen")
    return sale


def _in_creation_order(orders: dict[str, list[OrderRecord]]) -> list[str]:
    """Order numbers oldest first (file order among equal times).

    New orders get ascending ids in this order, so the time-keyed indexes (created, paid,
    ship-by, status/shop + created) take them in key order rather than all over the place;
    exports list the newest first.
    """
    keys: dict[str, datetime] = {}
    for number, lines in orders.items():
        first = lines[0]
        keys[number] = first.created_at or first.paid_at or _NO_TIME
    return sorted(orders, key=keys.__getitem__)  # aware datetimes compare by instant


class _ShopRows:
    """Turns a shop export's orders into rows: new orders and lines, updates, audit events."""

    def __init__(self, shop_id: int, next_id: int) -> None:
        self.shop_id = shop_id
        self.next_id = next_id
        self.now = now_epoch()
        self.updates: list[tuple[Any, ...]] = []
        self.audits: list[tuple[str, int | None, int | None, str, str, str]] = []
        self.status_changed: set[int] = set()
        self.unchanged = 0
        self.hidden = 0
        self.unpaid = 0
        self._codes: dict[Any, str] = {}
        #: Status code -> (profit is the sale, flags) of a new order: the domain's rule, cached.
        self._figures: dict[str, tuple[bool, int]] = {}
        #: Fraud checks of the new orders (None: not scored).
        self.risk: RiskBatch | None = None
        #: New orders that came in refunding or refunded (the buyers' history).
        self.refunds: set[int] = set()
        #: number -> (id, status, carrier, tracking, paid, ship_by, sale) of orders already there.
        self._existing: dict[str, tuple[Any, ...]] = {}
        #: Order id -> its stored (buyer message, member name, payment method).
        self._buyer_extra: dict[int, tuple[str, str, str]] = {}
        #: (message, member, payment, id) of orders already here that lacked some of them
        #: (imported before the app read those columns): filled in, then rescored.
        self.filled: list[tuple[str, str, str, int]] = []
        #: The file is an item report (:attr:`ColumnMapping.is_item_report`): its lines go to
        #: orders already there, and it makes no order.
        self.item_report = False
        #: Order id -> its lines in an item report (see :func:`_replace_lines`).
        self.item_lines: dict[int, list[tuple[Any, ...]]] = {}
        #: Orders of an item report that are not here (their order report comes first).
        self.not_here = 0
        #: Orders already here whose amount the file changes (改价) -> the file's lines (see
        #: :func:`_reprice_lines`).
        self.priced_lines: dict[int, list[tuple[Any, ...]]] = {}

    def load_existing(self, conn: Any, numbers: Sequence[str]) -> None:
        """Find which of *numbers* the shop already has (those are updated, not inserted)."""
        for part in _chunks(numbers, 50_000):
            # One statement per big chunk: the numbers go in as one JSON array parameter.
            for row in conn.execute(
                "SELECT shop_order_no, id, status, carrier, tracking_no, paid_at, ship_by,"
                " sale_fen, buyer_message, buyer_member, payment_method, buyer_data_removed"
                " FROM sales_order"
                " WHERE shop_id = ? AND shop_order_no IN (SELECT value FROM json_each(?))",
                (self.shop_id, json.dumps(part)),
            ):
                self._existing[row[0]] = row[1:8]
                # (Buyer data the seller deleted is never brought back by a re-import.)
                if not (row[8] and row[9] and row[10]) and not row[11]:
                    self._buyer_extra[row[1]] = (row[8] or "", row[9] or "", row[10] or "")

    def build(
        self,
        numbers: Sequence[str],
        orders: dict[str, list[OrderRecord]],
        file_name: str,
    ) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]], list[tuple[Any, ...]]]:
        """Rows for the orders *numbers*: returns (new orders, new lines, the new orders'
        rows for :meth:`RiskBatch.add_rows` when scoring); updates are kept."""
        existing = self._existing
        shop_id, now, codes = self.shop_id, self.now, self._codes
        figures = self._figures
        wait_pay = SalesStatus.WAIT_PAY.value
        risk = self.risk
        risk_rows: list[tuple[Any, ...]] = []
        new_orders: list[tuple[Any, ...]] = []
        new_lines: list[tuple[Any, ...]] = []
        for order_no in numbers:
            lines = orders[order_no]
            first = lines[0]
            single = len(lines) == 1  # the common case: one row per order, no scanning
            status = codes.get(first.status)
            if status is None:
                status = codes[first.status] = _status_code(first.status)
            if single:
                carrier, tracking = first.carrier, first.tracking_no
                paid_dt, promised_dt = first.paid_at, first.ship_by
            else:
                carrier, tracking = _first(lines, "carrier"), _first(lines, "tracking_no")
                paid_dt = _first_time(lines, "paid_at")
                promised_dt = _first_time(lines, "ship_by")
            paid_at = None if paid_dt is None else int(paid_dt.timestamp())
            # The platform's promised ship-by time when the file has one (Douyin, Pinduoduo),
            # else the usual deadline after payment.
            if promised_dt is not None:
                ship_by: int | None = int(promised_dt.timestamp())
            else:
                ship_by = paid_at + _SHIP_WITHIN_S if paid_at is not None else None
            old = existing.get(order_no)
            if old is not None:
                if self.item_report:
                    # Only the lines: its 订单状态 is each line's (one refunded line is not a
                    # refunded order), and it has no payment or logistics of the order.
                    self.item_lines[old[0]] = _line_values(lines)
                    self.unchanged += 1
                    continue
                promised = ship_by if promised_dt is not None else None
                stored = self._buyer_extra.get(old[0])
                if stored is not None:
                    self._fill_buyer_extra(old[0], stored, lines)
                sale_ = _file_sale(lines, status)
                if self._update(
                    old, status, carrier, tracking, paid_at, promised, sale_, file_name
                ):
                    values = _line_values(lines)
                    if single and first.unit_price_fen is None and sale_ is not None:
                        # As a new order's line: the order's amount (or value, unpaid).
                        unit = sale_ // (first.quantity or 1)
                        values[0] = (*values[0][:3], unit, *values[0][4:])
                    self.priced_lines[old[0]] = values
                continue
            if self.item_report:
                self.not_here += 1
                continue
            order_id = self.next_id
            self.next_id += 1
            # Unpaid: the order's value (payable), not ¥0.00.
            sale = _file_sale(lines, status) or 0
            if single:
                qty = first.quantity or 1
                unit = first.unit_price_fen
                if unit is None:
                    unit = sale // qty
                quantity = qty
                new_lines.append(
                    (
                        order_id,
                        first.product_title,
                        first.sku,
                        qty,
                        unit,
                        first.platform_item_id,
                        first.platform_sku_id,
                        first.spec,
                    )
                )
                buyer = (first.buyer_name, first.buyer_phone, first.address)
                summary, remark = first.product_title, first.remark
                message, member = first.buyer_message, first.buyer_member
                payment = first.payment_method
            else:
                values = _line_values(lines)
                quantity = sum(v[2] for v in values)
                new_lines.extend((order_id, *v) for v in values)
                buyer = (
                    _first(lines, "buyer_name"),
                    _first(lines, "buyer_phone"),
                    _first(lines, "address"),
                )
                summary = product_summary(r.product_title for r in lines)
                remark = _first(lines, "remark")
                message, member = _first(lines, "buyer_message"), _first(lines, "buyer_member")
                payment = _first(lines, "payment_method")
            if status == wait_pay:
                self.unpaid += 1
            hidden = first.hidden
            if hidden:
                self.hidden += 1
            created_dt = first.created_at
            created = int(created_dt.timestamp()) if created_dt is not None else (paid_at or now)
            if risk is not None:
                scored = scored_receiver(*buyer, hidden) if hidden else buyer
                risk_rows.append(
                    (
                        order_id,
                        created,
                        shop_id,
                        summary,
                        quantity,
                        sale,
                        *scored,
                        member,
                        payment,
                        message,
                    )
                )
                if status in _REFUND_STATUSES:
                    self.refunds.add(order_id)
            rule = figures.get(status)
            if rule is None:
                rule = figures[status] = new_order_figures(status)
            keeps_sale, flags = rule
            new_orders.append(
                (
                    order_id,
                    shop_id,
                    order_no,
                    status,
                    *buyer,
                    sale,
                    quantity,
                    summary,
                    sale if keeps_sale else 0,
                    carrier,
                    tracking,
                    created,
                    paid_at,
                    ship_by,
                    flags,
                    remark,
                    now,
                    hidden,
                    message,
                    member,
                    payment,
                )
            )
        return new_orders, new_lines, risk_rows

    def _fill_buyer_extra(
        self, order_id: int, stored: tuple[str, str, str], lines: Sequence[OrderRecord]
    ) -> None:
        """Fill in what the file says of the buyer where the order has nothing yet."""
        given = (
            _first(lines, "buyer_message"),
            _first(lines, "buyer_member"),
            _first(lines, "payment_method"),
        )
        filled = tuple(old or new for old, new in zip(stored, given, strict=True))
        if filled != stored:
            self.filled.append((*filled, order_id))  # type: ignore[arg-type]

    def _update(
        self,
        old: tuple[Any, ...],
        status: str,
        carrier: str,
        tracking: str,
        paid_at: int | None,
        promised: int | None,
        sale: int | None,
        file_name: str,
    ) -> bool:
        """An order already imported: keep what changed (status, logistics, payment, the
        platform's promised ship-by time, the amount: a seller's 改价 before payment).

        Returns:
            Whether the order's amount changed.
        """
        order_id, old_status, old_carrier, old_tracking, old_paid, old_ship_by, old_sale = old
        # Only an unpaid order's price changes (改价, or a coupon at payment); a paid order's
        # amount is what the buyer paid, whatever a later export shows (0 once closed, less
        # after a partial refund: the refund is recorded as such, not as a new price).
        repriceable = old_status == SalesStatus.WAIT_PAY.value and status not in _UNPRICED_STATUSES
        new_sale = sale if sale is not None and repriceable else old_sale
        new_carrier = carrier or old_carrier
        new_tracking = tracking or old_tracking
        new_paid = old_paid if old_paid is not None else paid_at
        new_ship_by = promised if promised is not None else old_ship_by
        if new_ship_by is None and new_paid is not None:
            new_ship_by = new_paid + _SHIP_WITHIN_S
        if (status, new_carrier, new_tracking, new_paid, new_ship_by, new_sale) == (
            old_status,
            old_carrier,
            old_tracking,
            old_paid,
            old_ship_by,
            old_sale,
        ):
            self.unchanged += 1
            return False
        self.updates.append(
            (status, new_carrier, new_tracking, new_paid, new_ship_by, new_sale, self.now, order_id)
        )
        if status != old_status:
            self.status_changed.add(order_id)
            self.audits.append(
                _status_audit("sales_order", order_id, order_id, old_status, status, file_name)
            )
        if new_sale == old_sale:
            return False
        self.audits.append(
            (
                "sales_order",
                order_id,
                order_id,
                "amount_imported",
                _json({"amount_fen": old_sale}),
                _json({"amount_fen": new_sale, "file": file_name}),
            )
        )
        return True
