"""待发货: shop orders whose 1688 side has a tracking number, and batch-ship files for the shops.

A shop order is *to ship* while its shop status is still "paid" and a live 1688 order of it has a
tracking number. Writing it to a batch-ship file (:func:`export_shipping`) records what was sent
(``shipping_export``); the next shop export that shows the order shipped takes it off the list.
A 1688 tracking number that differs from the one sent is an alert (the seller must correct it on
the shop), and the order counts as "to send" again.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..domain.enums import CLOSED_1688_STATUSES
from ..domain.fulfilment import carrier_for_platform, ship_file_layout
from ..domain.timeutil import now_epoch
from ..errors import UserError
from ..i18n import QT_TRANSLATE_NOOP
from ..store.db import connection, execute_sql
from .base import Changes, audit, write_op

__all__ = [
    "ShipRow",
    "ShippingResult",
    "export_shipping",
    "record_sent",
    "shipping_count",
    "shipping_ids",
    "shipping_rows",
    "write_text_xlsx",
]

_CLOSED = tuple(s.value for s in CLOSED_1688_STATUSES)
_CLOSED_MARKS = ",".join("?" * len(_CLOSED))

TO_SEND = "to_send"
SENT = "sent"
CHANGED = "changed"

#: Paid orders whose summary says the 1688 side shipped, along the partial index of migration 9
#: (terms word for word as in the index); _HAS_TRACKING re-checks the supplier orders.
_TO_SEND = (
    "sales_order o INDEXED BY sales_order_to_send WHERE o.status = 'paid'"
    " AND o.supplier_status IN ('waitbuyerreceive', 'confirm_goods', 'success')"
)
_HAS_TRACKING = (
    "EXISTS (SELECT 1 FROM supplier_order s WHERE s.sales_order_id = o.id"
    f" AND s.tracking_no != '' AND s.status NOT IN ({_CLOSED_MARKS}))"
)


#: Not yet sent to the shop with the tracking number the 1688 side has now (a changed number
#: counts as not sent).
_NOT_SENT = (
    "NOT EXISTS (SELECT 1 FROM shipping_export e JOIN supplier_order s"
    " ON s.sales_order_id = e.sales_order_id AND s.tracking_no = e.tracking_no"
    " WHERE e.sales_order_id = o.id)"
)


def shipping_ids(
    limit: int | None = None, *, shop_id: int | None = None, unsent_only: bool = False
) -> list[int]:
    """Shop orders to ship, most urgent (earliest ship-by) first; no deadline last.

    Walks the ``sales_order_to_ship`` partial index (paid orders by ship-by), so the first page
    is cheap on a million orders. *unsent_only*: leave out orders whose tracking number was
    already written to a batch-ship file (in SQL, so a page is a full page of orders to send).
    """
    ids: list[int] = []
    shop_sql = " AND o.shop_id = ?" if shop_id is not None else ""
    if unsent_only:
        shop_sql += " AND " + _NOT_SENT
    for null_part in (False, True):
        remaining = None if limit is None else limit - len(ids)
        if remaining is not None and remaining <= 0:
            break
        where = "o.ship_by IS NULL" if null_part else "o.ship_by IS NOT NULL"
        sql = (
            f"SELECT o.id FROM {_TO_SEND} AND {where}{shop_sql}"
            f" AND {_HAS_TRACKING} ORDER BY o.ship_by, o.id"
        )
        params: list[Any] = []
        if shop_id is not None:
            params.append(shop_id)
        params.extend(_CLOSED)
        if remaining is not None:
            sql += " LIMIT ?"
            params.append(remaining)
        ids.extend(r[0] for r in execute_sql(sql, params))
    return ids


def shipping_count(shop_id: int | None = None, *, unsent_only: bool = False) -> int:
    """How many shop orders are to ship (the view asks in the background); *unsent_only* as
    :func:`shipping_ids`."""
    shop_sql = " AND o.shop_id = ?" if shop_id is not None else ""
    if unsent_only:
        shop_sql += " AND " + _NOT_SENT
    params: list[Any] = []
    if shop_id is not None:
        params.append(shop_id)
    return int(
        execute_sql(
            f"SELECT count(*) FROM {_TO_SEND}{shop_sql} AND {_HAS_TRACKING}",
            [*params, *_CLOSED],
        ).fetchone()[0]
    )


@dataclass(frozen=True)
class ShipRow:
    """One shop order to ship.

    Attributes:
        carrier: The carrier as the shop's platform lists it (``""`` when unknown: see
            ``carrier_1688``).
        state: ``to_send``, ``sent`` (in a batch-ship file with this tracking number) or
            ``changed`` (sent, but 1688 now shows another tracking number: an alert).
        parcels: How many live 1688 orders of it have a tracking number (the file takes the
            first; more need shipping by hand on the shop).
    """

    sales_order_id: int
    shop_id: int
    shop_name: str
    platform: str
    shop_order_no: str
    ship_by: int | None
    supplier_order_id: int
    order_id_1688: str
    carrier_1688: str
    carrier: str
    tracking_no: str
    state: str
    sent_tracking_no: str
    sent_at: int | None
    parcels: int
    product_summary: str
    profit_fen: int = 0
    profit_estimated: bool = True

    def overdue(self, now: int) -> bool:
        return self.ship_by is not None and self.ship_by < now


def shipping_rows(ids: Sequence[int]) -> list[ShipRow]:
    """The rows of these shop orders, in the given order."""
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    orders = {
        r[0]: r
        for r in execute_sql(
            "SELECT o.id, o.shop_id, sh.name, sh.platform, o.shop_order_no, o.ship_by,"
            " o.product_summary, o.profit_fen,"
            " EXISTS (SELECT 1 FROM supplier_order s WHERE s.sales_order_id = o.id"
            f" AND s.paid_fen = 0 AND s.status NOT IN ({_CLOSED_MARKS}))"
            " FROM sales_order o JOIN shop sh ON sh.id = o.shop_id"
            f" WHERE o.id IN ({marks})",
            [*_CLOSED, *ids],
        )
    }
    parcels: dict[int, list[tuple[Any, ...]]] = {}
    for r in execute_sql(
        "SELECT sales_order_id, id, order_id_1688, carrier, tracking_no FROM supplier_order"
        f" WHERE sales_order_id IN ({marks}) AND tracking_no != ''"
        f" AND status NOT IN ({_CLOSED_MARKS}) ORDER BY id",
        [*ids, *_CLOSED],
    ):
        parcels.setdefault(r[0], []).append(r[1:])
    sent: dict[int, tuple[str, int]] = {}
    for r in execute_sql(
        "SELECT sales_order_id, tracking_no, exported_at FROM shipping_export"
        f" WHERE sales_order_id IN ({marks}) ORDER BY id",
        list(ids),
    ):
        sent[r[0]] = (r[1], r[2])
    rows = []
    for oid in ids:
        order = orders.get(oid)
        found = parcels.get(oid)
        if order is None or not found:
            continue
        so_id, order_1688, carrier_1688, tracking = found[0]
        last = sent.get(oid)
        if last is None:
            state = TO_SEND
        elif last[0] == tracking:
            state = SENT
        else:
            state = CHANGED
        rows.append(
            ShipRow(
                oid,
                order[1],
                order[2],
                order[3],
                order[4],
                order[5],
                so_id,
                order_1688 or "",
                carrier_1688,
                carrier_for_platform(carrier_1688, order[3]) or "",
                tracking,
                state,
                last[0] if last else "",
                last[1] if last else None,
                len(found),
                order[6],
                order[7],
                bool(order[8]),
            )
        )
    return rows


# ---- files ---------------------------------------------------------------------------------


def write_text_xlsx(
    path: str | os.PathLike[str],
    headers: Sequence[str],
    rows: Iterable[Sequence[object]],
    sheet_title: str = "Sheet1",
) -> int:
    """An XLSX whose every cell is a text cell (order and tracking numbers stay exact).

    Platforms' batch-ship uploads read the order number as text; a numeric cell of 19 digits
    would be rounded by Excel. Cells are neutralised against formula injection.
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    from ..tabular.writer import neutralise

    # Opened first: an unwritable path fails before the write-only sheet's row writer exists.
    with open(path, "wb") as handle:
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet(sheet_title[:31])

        def cell(value: object) -> WriteOnlyCell:
            out = WriteOnlyCell(sheet, value=neutralise(value))
            out.data_type = "s"
            out.number_format = "@"
            return out

        sheet.append([cell(h) for h in headers])
        count = 0
        for row in rows:
            sheet.append([cell(v) for v in row])
            count += 1
        workbook.save(handle)
    return count


def _write_atomically(
    target: Path, headers: Sequence[str], rows: list[tuple[str, ...]], sheet: str
) -> None:
    """Write to a temporary file next to *target*, then replace it (no half-written file)."""
    from ..tabular.writer import write_csv

    suffix = target.suffix.lower()
    fd, temp_name = tempfile.mkstemp(prefix=".~", suffix=suffix or ".xlsx", dir=target.parent)
    os.close(fd)
    temp = Path(temp_name)
    try:
        if suffix == ".csv":
            # Uploaded to the shop's batch-ship page as it is: plain text, no ="…" wrappers.
            write_csv(temp, headers, rows, keep_long_numbers=False)
        else:
            write_text_xlsx(temp, headers, rows, sheet)
        os.replace(temp, target)
    except PermissionError as exc:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{file} cannot be written: it may be open in Excel or WPS. Close it and try again.",
            ),
            file=target.name,
        ) from exc
    except OSError as exc:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "{file} cannot be written: {reason}"),
            file=target.name,
            reason=exc.strerror or str(exc),
        ) from exc
    finally:
        temp.unlink(missing_ok=True)


@dataclass(frozen=True)
class ShippingResult:
    """What :func:`export_shipping` wrote.

    Attributes:
        files: ``(file, platform, rows)`` per file written.
        skipped: ``(shop order no., reason)`` of rows left out (unknown carrier, platform
            without a batch-ship layout).
        changes: The recorded exports (for the views).
        corrected: Orders written again because 1688 changed their tracking number after it
            was sent: the shop must be corrected too.
    """

    files: tuple[tuple[Path, str, int], ...]
    skipped: tuple[tuple[str, str], ...]
    changes: Changes
    corrected: tuple[str, ...] = ()

    @property
    def rows(self) -> int:
        return sum(n for _f, _p, n in self.files)


#: Why a row was left out of a batch-ship file.
UNKNOWN_CARRIER = QT_TRANSLATE_NOOP(
    "Fulfilment", "carrier “{carrier}” is not on the platform's list: ship it on the shop by hand"
)
NO_LAYOUT = QT_TRANSLATE_NOOP("Fulfilment", "no batch-ship file for this platform")


def _file_for(target: Path, platform: str, several: bool) -> Path:
    if not several:
        return target
    return target.with_name(f"{target.stem}-{platform}{target.suffix or '.xlsx'}")


def export_shipping(
    path: str | os.PathLike[str],
    *,
    shop_id: int | None = None,
    sales_order_ids: Sequence[int] | None = None,
    include_sent: bool = False,
    replace: bool = True,
) -> ShippingResult:
    """Write batch-ship files (订单号, carrier as the platform lists it, tracking number).

    One file per platform: *path* itself when the orders are all of one platform's layout,
    else ``<name>-<platform>.<ext>`` next to it. XLSX (every cell text) or CSV by the suffix.
    Rows written are recorded as sent to the shop; rows already sent with the same tracking
    number are left out unless *include_sent*; rows whose tracking number changed since are
    written again. With *replace* False a file that exists already is refused before anything
    is written (the command line's default; the app's save dialog asked first).

    Raises:
        UserError: Nothing to write, a file exists (without *replace*), or a file cannot be
            written (nothing is recorded then).
    """
    target = Path(path)
    if target.suffix.lower() not in (".xlsx", ".csv"):
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors", "Choose a file name ending in .xlsx or .csv (got “{file}”)."
            ),
            file=target.name,
        )
    if not target.parent.is_dir():
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "The folder {folder} does not exist."),
            folder=target.parent,
        )
    ids = list(sales_order_ids) if sales_order_ids is not None else shipping_ids(shop_id=shop_id)
    waiting = shipping_rows(ids)
    rows = [r for r in waiting if include_sent or r.state != SENT]
    by_platform: dict[str, list[ShipRow]] = {}
    skipped: list[tuple[str, str]] = []
    for row in rows:
        layout = ship_file_layout(row.platform)
        if layout is None:
            skipped.append((row.shop_order_no, NO_LAYOUT))
        elif not row.carrier:
            from ..i18n import with_values

            skipped.append(
                (row.shop_order_no, with_values(UNKNOWN_CARRIER, carrier=row.carrier_1688))
            )
        else:
            by_platform.setdefault(layout.platform, []).append(row)
    if not by_platform and skipped:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "No order to write: the {count} order(s) waiting have a carrier the platform "
                "does not list; ship them on the shop by hand.",
            ),
            count=len(skipped),
        )
    if not by_platform and len(waiting) > len(rows):
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "No order to write: the {count} order(s) waiting were written to a batch-ship "
                "file already, with the same tracking numbers. Upload that file on the shop; to "
                "write them again, include the orders already sent.",
            ),
            count=len(waiting) - len(rows),
        )
    if not by_platform:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "No order to write: no shop order with a 1688 tracking number is waiting to be "
                "shipped.",
            )
        )
    several = len(by_platform) > 1
    if not replace:
        for platform in by_platform:
            existing = _file_for(target, platform, several)
            if existing.exists():
                raise UserError(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "{file} already exists: nothing was written. Choose another file name, "
                        "or add --overwrite to replace it.",
                    ),
                    file=existing,
                )
    files: list[tuple[Path, str, int]] = []
    for platform, platform_rows in sorted(by_platform.items()):
        layout = ship_file_layout(platform)
        assert layout is not None
        file = _file_for(target, platform, several)
        data = [(r.shop_order_no, r.carrier, r.tracking_no) for r in platform_rows]
        _write_atomically(file, layout.headers, data, layout.sheet)
        files.append((file, platform, len(data)))
    changes = record_sent(
        [r for p in sorted(by_platform) for r in by_platform[p]],
        {p: f.name for f, p, _n in files},
    )
    corrected = tuple(
        r.shop_order_no for p in sorted(by_platform) for r in by_platform[p] if r.state == CHANGED
    )
    return ShippingResult(tuple(files), tuple(skipped), changes, corrected)


@write_op
def record_sent(rows: Sequence[ShipRow], file_names: dict[str, str]) -> Changes:
    """Record that these rows went to the shops in a batch-ship file."""
    now = now_epoch()
    layout_of = {
        r.platform: (ship_file_layout(r.platform) or ship_file_layout("taobao")) for r in rows
    }
    connection().executemany(
        "INSERT INTO shipping_export (sales_order_id, supplier_order_id, platform, carrier,"
        " carrier_1688, tracking_no, file_name, exported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                r.sales_order_id,
                r.supplier_order_id,
                r.platform,
                r.carrier,
                r.carrier_1688,
                r.tracking_no,
                file_names.get(layout_of[r.platform].platform, ""),  # type: ignore[union-attr]
                now,
            )
            for r in rows
        ],
    )
    for r in rows:
        audit(
            "sales_order",
            r.sales_order_id,
            "tracking_sent_to_shop",
            after={"carrier": r.carrier, "tracking_no": r.tracking_no},
            sales_order_id=r.sales_order_id,
        )
    return Changes.of(
        "shipping_export",
        ids={"sales_order": [r.sales_order_id for r in rows]},
        message=QT_TRANSLATE_NOOP("Messages", "{count} order(s) written to batch-ship files."),
        message_params={"count": len(rows)},
    )
