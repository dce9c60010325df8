"""Sync 1688 orders from the Open Platform into the database, incrementally and resumably.

Orders modified in a time window are listed page by page (``getBuyerOrderList`` by modify time);
an entry without goods lines is read in detail (``get.buyerView``) and a shipped order's parcels
are asked for (``getLogisticsInfos.buyerView``). Each page is written through the 1688 export
import (:func:`~.order_import.commit_import` with a preview built from the API's answers), so
links by 下游订单号 or receiver, summaries, the risk scoring and the timeline behave exactly as
after importing an export file.

The cursor (``app_meta`` key ``open1688.sync.{account}``) is written in the same transaction as
each page: a sync killed at any point resumes at the page after the last one written. Orders are
keyed by their 1688 number, so a page read twice updates instead of adding. When the platform's
total changes during a sync (an order modified meanwhile moves out of the window and shifts the
pages), the next sync starts from the same window's start again instead of its end.

Network calls never run inside a transaction: ``run_db`` hands each write to the DB worker in the
app (the CLI writes directly).
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Protocol, TypeVar

from ..domain.enums import SupplierStatus
from ..domain.timeutil import now_epoch, now_utc
from ..errors import UserError
from ..i18n import QT_TRANSLATE_NOOP, with_values
from ..store.db import connection, execute_sql
from ..store.meta import get_meta, set_meta
from ..tabular.orders_formats import ColumnMapping, OrderRecord
from .base import audit, write_op
from .order_import import ImportPreview, ImportSummary, commit_import
from .orders import refresh_order_summaries

__all__ = [
    "DEFAULT_DAYS",
    "SyncCursor",
    "SyncSummary",
    "load_cursor",
    "records_for",
    "sync_orders",
]

log = logging.getLogger(__name__)

T = TypeVar("T")

#: Orders per page (the reference: at most 20 is safe).
PAGE_SIZE = 20
#: A first sync looks this far back (modify time).
DEFAULT_DAYS = 30
#: Each new window overlaps the last one by this much (clock skew, late writes on 1688).
OVERLAP = timedelta(minutes=10)
#: At most this many pages are read again when the total changes during a sync.
MAX_STEP_BACK = 3
#: Statuses whose parcels are asked for.
SHIPPED = frozenset({"waitbuyerreceive", "confirm_goods", "success", "waitsellerreceive"})
_ORDER_NO = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{5,39}")
_PREFIX = re.compile(r"^\s*(代发订单|订单号|下游订单号)[:：]?\s*")
#: The ``[outOrderId]`` tag the API path appends to the order message (connector.out_order_tag).
_TAG = re.compile(r"\s*\[[^\]]*\]\s*$")


class OrderSource(Protocol):
    """What the sync needs from the connector (``Open1688Connector``)."""

    def order_page(self, **kwargs: Any) -> tuple[list[Any], int]: ...

    def order_detail(self, order_id_1688: str) -> Any: ...

    def logistics(self, order_id_1688: str) -> list[Any]: ...


@dataclass(frozen=True)
class SyncCursor:
    """Where an account's sync stands (epoch seconds).

    ``next_page`` 0: no sync in progress; the next one starts at ``done_upto`` (minus the
    overlap). Otherwise the window ``[window_start, window_end]`` is being read and
    ``next_page`` is the first page not yet written.
    """

    done_upto: int = 0
    window_start: int = 0
    window_end: int = 0
    next_page: int = 0
    total: int = -1
    dirty: bool = False  # no longer set (kept so older cursors load)
    #: The furthest page read in this window, and the change of ``totalRecord`` not yet
    #: answered by stepping back (see :func:`sync_orders`).
    furthest: int = 0
    pending: int = 0

    def to_json(self) -> str:
        return json.dumps(self.__dict__, sort_keys=True)


def _key(account_id: int) -> str:
    return f"open1688.sync.{int(account_id)}"


def load_cursor(account_id: int) -> SyncCursor:
    raw = get_meta(_key(account_id))
    if not raw:
        return SyncCursor()
    try:
        data = json.loads(raw)
        return SyncCursor(**{k: data[k] for k in SyncCursor.__dataclass_fields__ if k in data})
    except (ValueError, TypeError):
        log.warning("unreadable sync cursor of account %s: starting over", account_id)
        return SyncCursor()


@write_op
def _save_cursor(account_id: int, cursor: SyncCursor) -> None:
    set_meta(connection(), _key(account_id), cursor.to_json())


@dataclass(frozen=True)
class SyncSummary:
    """What a sync did (counts only, no buyer data)."""

    account: str
    pages: int = 0
    orders_seen: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    matched: int = 0
    details_read: int = 0
    resumed: bool = False
    window_start: datetime | None = None
    window_end: datetime | None = None

    def message(self) -> str:
        return with_values(
            QT_TRANSLATE_NOOP(
                "Open1688",
                "1688 sync of “{account}”: {seen} orders read, {created} new, {updated} updated, "
                "{unchanged} unchanged; {matched} matched to shop orders.",
            ),
            account=self.account,
            seen=self.orders_seen,
            created=self.created,
            updated=self.updated,
            unchanged=self.unchanged,
            matched=self.matched,
        )


def _downstream(message: str) -> str:
    """The shop order number the buyer message names (``代发订单 …`` or the number alone)."""
    text = _TAG.sub("", _PREFIX.sub("", message or "")).strip()
    return text if _ORDER_NO.fullmatch(text) else ""


def records_for(order: Any, parcels: Sequence[Any] = ()) -> list[OrderRecord]:
    """A 1688 order from the API as the records of its lines (the export import's shape)."""
    status = SupplierStatus(order.status)
    carrier = parcels[0].carrier if parcels else ""
    tracking = ",".join(p.tracking_no for p in parcels)[:200]
    downstream = _downstream(order.buyer_message)
    lines = order.lines or ()
    records: list[OrderRecord] = []
    for index, line in enumerate(lines or (None,)):
        first = index == 0
        records.append(
            OrderRecord(
                row=index + 1,
                order_no=order.order_id,
                sub_order_no=line.entry_id if line else "",
                buyer_name=order.receiver_name if first else "",
                buyer_phone=order.receiver_mobile if first else "",
                address=order.receiver_address if first else "",
                product_title=line.title if line else "",
                quantity=line.quantity if line else 1,
                unit_price_fen=line.unit_fen if line else None,
                amount_fen=order.total_fen if first else None,
                shipping_fen=order.shipping_fen if first else None,
                status_text=order.status,
                status=status,
                created_at=order.created_at,
                paid_at=order.paid_at,
                carrier=carrier if first else "",
                tracking_no=tracking if first else "",
                supplier_name=order.seller if first else "",
                spec=line.spec if line else "",
                offer_id=line.offer_id if line else "",
                sku_id_1688=(line.spec_id or line.sku_id) if line else "",
                downstream_order_no=downstream if first else "",
                continuation=not first,
            )
        )
    return records


def _preview(name: str, orders: dict[str, list[OrderRecord]]) -> ImportPreview:
    return ImportPreview(
        file_name=name,
        headers=[],
        source_format="api",
        encoding=None,
        format="1688",
        kind="1688",
        mapping=ColumnMapping(format="1688"),
        row_count=sum(len(v) for v in orders.values()),
        orders=orders,
    )


def _sync_refund_statuses(refunds: dict[str, str]) -> None:
    """Carry 1688's ``refundStatus`` over (the export has no such column); audited."""
    changed: set[int] = set()
    for order_id, status in refunds.items():
        row = execute_sql(
            "SELECT id, sales_order_id, refund_status FROM supplier_order WHERE order_id_1688 = ?",
            (order_id,),
        ).fetchone()
        if row is None or (row[2] or "") == status:
            continue
        execute_sql(
            "UPDATE supplier_order SET refund_status = ?, updated_at = ? WHERE id = ?",
            (status or None, now_epoch(), row[0]),
        )
        audit(
            "supplier_order",
            int(row[0]),
            "refund_status_synced",
            before={"refund_status": row[2]},
            after={"refund_status": status or None},
            sales_order_id=row[1],
        )
        if row[1] is not None:
            changed.add(int(row[1]))
    if changed:
        refresh_order_summaries(sorted(changed))


@write_op
def _write_page(
    account_id: int,
    name: str,
    orders: dict[str, list[OrderRecord]],
    cursor: SyncCursor,
    refunds: dict[str, str] | None = None,
) -> ImportSummary | None:
    """One page of orders (and their refund statuses) and the cursor after it, in one
    transaction."""
    summary = None
    if orders:
        summary = commit_import(_preview(name, orders)).summary
        numbers = list(orders)
        marks = ",".join("?" * len(numbers))
        execute_sql(
            f"UPDATE supplier_order SET account_id = ? WHERE account_id IS NULL"
            f" AND order_id_1688 IN ({marks})",
            (account_id, *numbers),
        )
        _sync_refund_statuses(refunds or {})
    _save_cursor(account_id, cursor)
    return summary


def _direct(fn: Callable[[], T]) -> T:
    return fn()


def sync_orders(
    source: OrderSource,
    account_id: int,
    account_name: str,
    *,
    since: datetime | None = None,
    now: datetime | None = None,
    progress: Callable[[int, int], None] | None = None,
    should_cancel: Callable[[], bool] | None = None,
    run_db: Callable[[Callable[[], Any]], Any] = _direct,
) -> SyncSummary:
    """Read the account's 1688 orders modified since the last sync (all pages) and write them.

    Args:
        source: The connector.
        account_id: ``distribution_account.id`` (the cursor is kept per account).
        account_name: For the summary and the import's audit entry.
        since: Start from this modify time instead of the cursor (a new window).
        now: The window's end (default: now).
        progress: ``(orders written, total reported)`` after each page.
        should_cancel: Polled between pages; the sync stops there (resumable).
        run_db: Runs a database function (on the DB worker in the app) and returns its result.

    Raises:
        UserError: The connector's errors (not connected, offline, refused); what was written
            before stays, and the next sync resumes after it.
    """
    end_at = now or now_utc()
    cursor: SyncCursor = run_db(lambda: load_cursor(account_id))
    resumed = cursor.next_page > 0 and since is None
    if not resumed:
        if since is not None:
            start_at = since
        elif cursor.done_upto:
            start_at = datetime.fromtimestamp(cursor.done_upto, end_at.tzinfo) - OVERLAP
        else:
            start_at = end_at - timedelta(days=DEFAULT_DAYS)
        if start_at >= end_at:
            raise UserError(
                QT_TRANSLATE_NOOP("Open1688", "The start date of the sync is in the future.")
            )
        cursor = SyncCursor(
            done_upto=cursor.done_upto,
            window_start=int(start_at.timestamp()),
            window_end=int(end_at.timestamp()),
            next_page=1,
        )
        run_db(lambda c=cursor: _save_cursor(account_id, c))
    window_start = datetime.fromtimestamp(cursor.window_start, end_at.tzinfo)
    window_end = datetime.fromtimestamp(cursor.window_end, end_at.tzinfo)
    name = f"1688 API · {account_name}"
    totals = {"pages": 0, "seen": 0, "created": 0, "updated": 0, "unchanged": 0, "matched": 0}
    details = 0
    page = cursor.next_page
    cancelled = should_cancel or (lambda: False)
    while True:
        if cancelled():
            break
        orders, total = source.order_page(
            modified_from=window_start, modified_to=window_end, page=page, page_size=PAGE_SIZE
        )
        # The total changed since the last page: orders entered or left the window, and the
        # ones after them moved. Leaving moves later orders onto pages already read, so on new
        # ground step back ceil(|change| / page size) pages (at most MAX_STEP_BACK) and read
        # on from there (writes are keyed by order number: re-reading is harmless). Each new
        # page costs at most MAX_STEP_BACK extra reads, so a busy account still gets through.
        pending = cursor.pending + (total - cursor.total if cursor.total >= 0 and total else 0)
        back = 0
        if page > cursor.furthest and pending:
            back = min(-(-abs(pending) // PAGE_SIZE), MAX_STEP_BACK, page - 1)
            pending = 0
        batch: dict[str, list[OrderRecord]] = {}
        refunds: dict[str, str] = {}
        for order in orders:
            full = order
            if not order.has_lines:
                full = source.order_detail(order.order_id) or order
                details += 1
            parcels = source.logistics(full.order_id) if full.status in SHIPPED else []
            batch[full.order_id] = records_for(full, parcels)
            if full.refund_status:  # absent: keep what is stored (e.g. the wizard's)
                refunds[full.order_id] = full.refund_status
        # Without totalRecord in the answer, a short page is the last one.
        last = (not orders or page * PAGE_SIZE >= total) if total else len(orders) < PAGE_SIZE
        if last and not back:
            after = SyncCursor(done_upto=cursor.window_end, total=-1)
        else:
            after = SyncCursor(
                done_upto=cursor.done_upto,
                window_start=cursor.window_start,
                window_end=cursor.window_end,
                next_page=page - back if back else page + 1,
                total=total if total else cursor.total,
                furthest=max(page, cursor.furthest),
                pending=pending,
            )
            last = False
        summary: ImportSummary | None = run_db(
            lambda b=batch, a=after, r=refunds: _write_page(account_id, name, b, a, r)
        )
        totals["pages"] += 1
        totals["seen"] += len(batch)
        if summary is not None:
            totals["created"] += summary.orders_created
            totals["updated"] += summary.orders_updated
            totals["unchanged"] += summary.orders_unchanged
            totals["matched"] += summary.matched
        if progress is not None:
            done = (page - 1) * PAGE_SIZE + len(orders)
            progress(min(done, total) if total else done, total or done)
        cursor = after
        if last:
            break
        page = after.next_page
    log.info(
        "1688 sync of account %s: %d pages, %d orders (%s)",
        account_id,
        totals["pages"],
        totals["seen"],
        "resumed" if resumed else "new window",
    )
    return SyncSummary(
        account=account_name,
        pages=totals["pages"],
        orders_seen=totals["seen"],
        created=totals["created"],
        updated=totals["updated"],
        unchanged=totals["unchanged"],
        matched=totals["matched"],
        details_read=details,
        resumed=resumed,
        window_start=window_start,
        window_end=window_end,
    )
