"""Writing 1688 purchase orders and linking them to the shop orders they serve."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from ...domain.buyer_matching import (
    AMBIGUOUS,
    Candidate,
    downstream_pick,
    phone_key,
    pick_sales_order,
)
from ...domain.enums import CLOSED_1688_STATUSES, OPEN_REFUND_STATUSES, RefundStatus
from ...domain.orders import product_summary
from ...domain.timeutil import now_epoch
from ...store.db import connection
from ...tabular.orders_formats import (
    OrderRecord,
)
from ...tabular.status_words import REFUNDING_1688
from .base import (
    ImportCancelledError,
    ProgressCallback,
    _audit_rows,
    _chunks,
    _epoch,
    _first,
    _first_time,
    _json,
    _learn_from_links,
    _refresh_summaries,
    _sale_fen,
    _status_audit,
    _status_code,
    _write_chunks,
)
from .preview import (
    ImportPreview,
)
from .summary import ImportSummary

__all__ = []


def _load_candidates(phones: set[str], only_ids: Sequence[int] | None = None) -> dict[str, list]:
    """Sales orders by phone key, with whether a supplier order already serves them."""
    if not phones:
        return {}
    conn = connection()
    sql = (
        "SELECT o.id, o.buyer_name, o.buyer_phone, o.product_summary, o.created_at,"
        " (SELECT count(*) FROM supplier_order s WHERE s.sales_order_id = o.id),"
        " (SELECT count(*) FROM sales_order_line l WHERE l.sales_order_id = o.id)"
        " FROM sales_order o WHERE o.buyer_phone IN (SELECT value FROM json_each(?))"
        " AND o.buyer_data_removed = 0"
    )
    params: list[Any] = [json.dumps(sorted(phones))]
    if isinstance(only_ids, range) and only_ids.step == 1:
        # A just-imported run of ids (100k of them, as one JSON array, cost 40 ms).
        sql += " AND o.id BETWEEN ? AND ?"
        params += [only_ids.start, only_ids.stop - 1]
    elif only_ids is not None:
        sql += " AND o.id IN (SELECT value FROM json_each(?))"
        params.append(json.dumps(list(only_ids)))
    found: dict[str, list[Candidate]] = {}
    for oid, name, phone, product, created, taken, lines in conn.execute(sql, params):
        found.setdefault(phone_key(phone), []).append(
            Candidate(int(oid), name or "", product or "", int(created), bool(taken), lines)
        )
    return found


def _match_waiting_supplier_orders(new_order_ids: Sequence[int]) -> set[int]:
    """Link waiting 1688 orders (no sales order yet) to just-imported sales orders.

    A waiting order that names its shop order (下游订单号) is linked to that order when it is
    among the new ones, and never by buyer: only the others are matched by phone, name and
    product.
    """
    if not new_order_ids:
        return set()
    conn = connection()
    links: list[tuple[int, int]] = []
    by_number: set[int] = set()  # linked by 下游订单号
    named = conn.execute(
        "SELECT id, downstream_order_no, downstream_channel FROM supplier_order"
        " WHERE sales_order_id IS NULL AND downstream_order_no != ''"
    ).fetchall()
    if named:
        shop_orders = _shop_orders_by_number({n for _id, n, _c in named}, new_order_ids)
        for so_id, number, channel in named:
            chosen = downstream_pick(shop_orders.get(number, []), channel)
            if chosen is not None and chosen != AMBIGUOUS:
                links.append((chosen, so_id))
                by_number.add(so_id)
    waiting = conn.execute(
        "SELECT id, recipient_name, recipient_phone, product_title, created_at"
        " FROM supplier_order WHERE sales_order_id IS NULL AND recipient_phone != ''"
        " AND downstream_order_no = '' ORDER BY created_at, id"
    ).fetchall()
    if waiting:
        phones = {phone_key(w[2]) for w in waiting}
        # buyer_phone is compared as stored; keys let differently formatted numbers meet.
        candidates = _load_candidates(phones | {w[2] for w in waiting}, new_order_ids)
        for so_id, name, phone, product, created in waiting:
            pool = candidates.get(phone_key(phone))
            if not pool:
                continue
            candidate = pick_sales_order(pool, name or "", product or "", created)
            if candidate is not None:
                candidate.taken = True
                links.append((candidate.id, so_id))
    if links:
        conn.executemany(
            "UPDATE supplier_order SET sales_order_id = ?, updated_at = ? WHERE id = ?",
            [(sales_id, now_epoch(), so_id) for sales_id, so_id in links],
        )
        _learn_from_links({sales_id for sales_id, _ in links})
        _audit_rows(
            [
                (
                    "supplier_order",
                    so_id,
                    sales_id,
                    "linked_downstream" if so_id in by_number else "matched_on_import",
                    "",
                    "",
                )
                for sales_id, so_id in links
            ]
        )
    return {sales_id for sales_id, _ in links}


def _shop_orders_by_number(
    numbers: Iterable[str], only_ids: Sequence[int] | None = None
) -> dict[str, list[tuple[int, str]]]:
    """Shop orders with these order numbers: number -> [(sales order id, platform)]."""
    wanted = sorted(set(numbers) - {""})
    if not wanted:
        return {}
    sql = (
        "SELECT o.shop_order_no, o.id, s.platform FROM sales_order o JOIN shop s"
        " ON s.id = o.shop_id WHERE o.shop_order_no IN (SELECT value FROM json_each(?))"
    )
    params: list[Any] = [json.dumps(wanted)]
    if isinstance(only_ids, range) and only_ids.step == 1:
        sql += " AND o.id BETWEEN ? AND ?"
        params += [only_ids.start, only_ids.stop - 1]
    elif only_ids is not None:
        sql += " AND o.id IN (SELECT value FROM json_each(?))"
        params.append(json.dumps(list(only_ids)))
    found: dict[str, list[tuple[int, str]]] = {}
    for number, oid, platform in connection().execute(sql, params):
        found.setdefault(str(number), []).append((int(oid), str(platform)))
    return found


_CLOSED = frozenset(s.value for s in CLOSED_1688_STATUSES)


def _refund_after_export(old: str | None, status: str, refunding: bool) -> str | None:
    """The refund status of a 1688 order after an export row with *status* (its own status,
    *refunding* when the export said 退款中).

    A refund the app knows more of (from the 1688 API or the cancel wizard: its stage) is kept.
    A refund only the export told of ends when a later export shows a status again: refunded
    when 1688 closed the order; else ended, its outcome not said (withdrawn, refused, or a
    partial refund with the order going on).
    """
    if refunding:
        return old if old in OPEN_REFUND_STATUSES else RefundStatus.REFUNDING.value
    if old == RefundStatus.REFUNDING.value:
        closed = status in _CLOSED
        return (RefundStatus.REFUND_SUCCESS if closed else RefundStatus.ENDED).value
    return old


def _refund_audit(
    so_id: int, sales_id: int | None, old: str | None, new: str | None, file_name: str
) -> tuple[str, int | None, int | None, str, str, str]:
    return (
        "supplier_order",
        so_id,
        sales_id,
        "refund_imported",
        _json({"refund_status": old}),
        _json({"refund_status": new, "file": file_name}),
    )


_SUPPLIER_SQL = (
    "INSERT INTO supplier_order (id, sales_order_id, supplier_id, offer_id, account_id,"
    " order_id_1688, status, refund_status, product_title, quantity, cost_fen, dropship_fee_fen,"
    " shipping_fen, paid_fen, recipient_name, recipient_phone, carrier, tracking_no, created_at,"
    " paid_at, updated_at, downstream_order_no, downstream_channel, is_dropship, batch_no)"
    " VALUES (?, ?, ?, NULL, NULL, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


_SUPPLIER_LINE_SQL = (
    "INSERT INTO supplier_order_line (supplier_order_id, line_no, title, spec, offer_id_1688,"
    " sku_id_1688, item_code, quantity, unit_price_fen, amount_fen)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def _supplier_lines(so_id: int, lines: Sequence[OrderRecord]) -> list[tuple[Any, ...]]:
    """The goods lines of a 1688 order as rows of ``supplier_order_line``."""
    rows = []
    for line_no, r in enumerate(lines, start=1):
        qty = r.quantity or 1
        unit = r.unit_price_fen or 0
        rows.append(
            (
                so_id,
                line_no,
                r.product_title,
                r.spec,
                r.offer_id,
                r.sku_id_1688,
                r.item_code,
                qty,
                unit,
                unit * qty,
            )
        )
    return rows


def _first_value(lines: Sequence[OrderRecord], name: str) -> Any:
    """The first line's value that is not ``None`` (an order-level cell of a 1688 order)."""
    for line in lines:
        value = getattr(line, name)
        if value is not None:
            return value
    return None


def _import_1688(
    preview: ImportPreview, report: ProgressCallback, cancelled: Callable[[], bool]
) -> tuple[ImportSummary, set[int]]:
    conn = connection()
    numbers = list(preview.orders)
    total = len(numbers)
    now = now_epoch()
    report("checking", 0, total)
    existing: dict[str, tuple[Any, ...]] = {}
    for part in _chunks(numbers, 900):
        marks = ",".join("?" * len(part))
        for row in conn.execute(
            "SELECT order_id_1688, id, sales_order_id, status, carrier, tracking_no, paid_fen,"
            " paid_at, downstream_order_no, downstream_channel, is_dropship, batch_no,"
            " (SELECT count(*) FROM supplier_order_line l WHERE l.supplier_order_id ="
            " supplier_order.id), refund_status"
            f" FROM supplier_order WHERE order_id_1688 IN ({marks})",
            part,
        ):
            existing[row[0]] = row[1:]
    suppliers: dict[str, int] = {}
    for sid, name, member in conn.execute("SELECT id, name, member_id FROM supplier"):
        suppliers.setdefault(name, sid)
        if member:
            suppliers.setdefault(member, sid)
    new_numbers = [n for n in numbers if n not in existing]
    audits: list[tuple[str, int | None, int | None, str, str, str]] = []
    # A seller (卖家公司名) the app does not know yet becomes a supplier, so its orders count in
    # the sourcing comparison and the dashboard's supplier figures from the first import.
    for name in sorted(
        {str(_first(preview.orders[n], "supplier_name") or "").strip() for n in new_numbers}
        - set(suppliers)
        - {""}
    ):
        sid = int(
            conn.execute(
                "INSERT INTO supplier (kind, name, created_at, updated_at)"
                " VALUES ('platform', ?, ?, ?)",
                (name, now, now),
            ).lastrowid
        )
        suppliers[name] = sid
        audits.append(
            ("supplier", sid, None, "create", "", json.dumps(
                {"name": name, "kind": "platform", "file": preview.file_name}, ensure_ascii=False
            ))
        )  # fmt: skip
    # 下游订单号: the shop order each was placed for (also for waiting orders already here).
    downstream = _shop_orders_by_number(
        _first(preview.orders[n], "downstream_order_no") for n in numbers
    )
    raw_phones = {
        _first(preview.orders[n], "buyer_phone")
        for n in new_numbers
        if not _first(preview.orders[n], "downstream_order_no")
    }
    # buyer_phone is compared as stored; keys let differently formatted numbers meet.
    phones = raw_phones | {phone_key(p) for p in raw_phones}
    phones.discard("")
    candidates = _load_candidates(phones) if phones else {}
    if cancelled():
        raise ImportCancelledError()

    next_id = int(conn.execute("SELECT coalesce(max(id), 0) + 1 FROM supplier_order").fetchone()[0])
    inserts: list[tuple[Any, ...]] = []
    line_rows: list[tuple[Any, ...]] = []
    updates: list[tuple[Any, ...]] = []
    affected: set[int] = set()
    newly_linked: set[int] = set()
    matched = unmatched = unchanged = linked = waiting_named = ambiguous = 0
    for index, order_no in enumerate(numbers):
        lines = preview.orders[order_no]
        first = lines[0]
        status = _status_code(first.status)
        carrier = _first(lines, "carrier")
        tracking = _first(lines, "tracking_no")
        # 退款中 stands in for the order's status while a refund is under way: the order keeps
        # its own (or, new, the one its tracking number implies) and the refund is recorded.
        refunding = status == REFUNDING_1688
        if refunding:
            status = "waitbuyerreceive" if tracking else "waitsellersend"
        paid_at = _epoch(_first_time(lines, "paid_at"))
        goods = sum((r.unit_price_fen or 0) * (r.quantity or 1) for r in lines)
        shipping = _first_value(lines, "shipping_fen") or 0  # per order, on its first row
        amount = _sale_fen(lines) if any(r.amount_fen is not None for r in lines) else 0
        if not goods and amount:
            goods = max(amount - shipping, 0)
        paid_fen = amount if paid_at is not None or status not in ("waitbuyerpay", "") else 0
        named_no = _first(lines, "downstream_order_no")
        channel = _first(lines, "downstream_channel")
        is_dropship = _first_value(lines, "is_dropship")
        dropship = None if is_dropship is None else int(is_dropship)
        batch_no = _first(lines, "batch_no")
        named_sales = downstream_pick(downstream.get(named_no, []), channel) if named_no else None
        is_ambiguous = named_sales == AMBIGUOUS
        if is_ambiguous:
            named_sales = None  # several shops have an order with that number: linked by hand
        old = existing.get(order_no)
        if old is not None:
            (so_id, sales_id, old_status, old_carrier, old_tracking, old_paid_fen, old_paid,
             old_named, old_channel, old_dropship, old_batch, old_lines, old_refund) = old  # fmt: skip
            if refunding and old_status:
                status = old_status
            new_refund = _refund_after_export(old_refund, status, refunding)
            new_sales = sales_id
            if sales_id is None and named_sales is not None:
                new_sales = named_sales  # its shop order has been imported since
            new_values = (
                new_sales,
                status,
                carrier or old_carrier,
                tracking or old_tracking,
                paid_fen or old_paid_fen,
                old_paid if old_paid is not None else paid_at,
                old_named or named_no,
                old_channel or channel,
                old_dropship if dropship is None else dropship,
                old_batch or batch_no,
                new_refund,
            )
            if not old_lines:  # imported before lines were kept
                line_rows.extend(_supplier_lines(so_id, lines))
            if new_sales is None and named_no:
                # Still waiting for its shop order (or for the seller to choose among several).
                if is_ambiguous:
                    ambiguous += 1
                else:
                    waiting_named += 1
            before = (sales_id, *old[2:11], old_refund)
            if new_values == before and old_lines:
                unchanged += 1
                continue
            updates.append((*new_values, now, so_id))
            if new_sales is not None:
                affected.add(new_sales)
                if sales_id is None:
                    linked += 1
                    audits.append(("supplier_order", so_id, new_sales, "linked_downstream", "", ""))
            if status != old_status:
                audits.append(
                    _status_audit(
                        "supplier_order", so_id, new_sales, old_status, status, preview.file_name
                    )
                )
            if new_refund != old_refund:
                audits.append(
                    _refund_audit(so_id, new_sales, old_refund, new_refund, preview.file_name)
                )
            continue
        name = _first(lines, "buyer_name")
        phone = _first(lines, "buyer_phone")
        product = product_summary(r.product_title for r in lines)
        created = _epoch(first.created_at) or paid_at or now
        sales_id = None
        if named_no:
            # The shop order it was placed for: the strongest link, whatever the buyer says.
            sales_id = named_sales
            if is_ambiguous:
                ambiguous += 1
            elif sales_id is None:
                waiting_named += 1
            else:
                linked += 1
        else:
            chosen = pick_sales_order(candidates.get(phone_key(phone), []), name, product, created)
            if chosen is not None:
                chosen.taken = True
                sales_id = chosen.id
        if sales_id is not None:
            affected.add(sales_id)
            newly_linked.add(sales_id)
            matched += 1
        else:
            unmatched += 1
        so_id = next_id
        next_id += 1
        inserts.append(
            (
                so_id,
                sales_id,
                suppliers.get(_first(lines, "supplier_name")),
                order_no,
                status,
                RefundStatus.REFUNDING.value if refunding else None,
                product,
                sum(r.quantity or 1 for r in lines),
                goods,
                shipping,
                paid_fen,
                name,
                phone,
                carrier,
                tracking,
                created,
                paid_at,
                now,
                named_no,
                channel,
                dropship,
                batch_no,
            )
        )
        line_rows.extend(_supplier_lines(so_id, lines))
        if index % preview.tuning.chunk == preview.tuning.chunk - 1:
            report("checking", index + 1, total)
            if cancelled():
                raise ImportCancelledError()
    report("writing", 0, total)
    created = len(inserts)
    _write_chunks(
        conn,
        _SUPPLIER_SQL,
        inserts,
        preview.tuning.chunk,
        cancelled,
        lambda n: report("writing", n, total),
    )
    lines_created = _write_chunks(
        conn, _SUPPLIER_LINE_SQL, line_rows, preview.tuning.chunk, cancelled
    )
    conn.executemany(
        "UPDATE supplier_order SET sales_order_id = ?, status = ?, carrier = ?, tracking_no = ?,"
        " paid_fen = ?, paid_at = ?, downstream_order_no = ?, downstream_channel = ?,"
        " is_dropship = ?, batch_no = ?, refund_status = ?, updated_at = ? WHERE id = ?",
        updates,
    )
    report("writing", total, total)
    _refresh_summaries(affected)
    _learn_from_links(newly_linked)
    _audit_rows(audits)
    summary = ImportSummary(
        file_name=preview.file_name,
        kind="1688",
        format=preview.format,
        rows=preview.row_count,
        orders_created=created,
        orders_updated=len(updates),
        orders_unchanged=unchanged,
        lines_created=lines_created,
        status_changes=sum(1 for a in audits if a[3] == "status_imported"),
        matched=matched,
        unmatched=unmatched,
        summary_rows=len(preview.summary_rows),
        duplicate_rows=preview.duplicate_rows,
        waiting_downstream=waiting_named,
        ambiguous_downstream=ambiguous,
        linked_downstream=linked,
    )
    return summary, affected
