"""The buyer blacklist: add, remove, list, and share it as a file (salted digests, masked hints).

**The blacklist and its salt.** An entry stores a 63-bit keyed Blake2b digest of the
normalised value (phone digits, member name, address without spaces/punctuation, or name +
phone) and a masked hint (138****5678), never the value. The key ("salt") is 16 random bytes
made when the database was created (migration 11); the local list and every buyer key of this
database use it. Exporting the list writes the salt into every row, because a partner can only
match their orders against the digests when they hash with the same salt; an imported list
keeps its own salt, and orders are hashed with each partner salt to be compared.

What that means for privacy, honestly: the file shows no phone, name or address, and it cannot
be searched for a name. But anyone holding the file (digest + salt) can test a guess — "is
13812345678 on it?" — and, with enough computing, try every mobile number. A salted hash makes
the list pseudonymous, not anonymous; share it only with partners you would trust with the
numbers themselves. The salt of an export is this database's salt, so a partner could also
recognise the same buyer in a later export of ours; that is the point of sharing.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ...domain.masking import mask_address, mask_name, mask_phone
from ...domain.timeutil import now_epoch
from ...errors import UserError
from ...i18n import QT_TRANSLATE_NOOP, with_values
from ...store.db import connection
from ...tabular.reader import read_table
from ...tabular.table import TableError
from ...tabular.writer import write_csv, write_xlsx
from ..base import Changes, audit, write_op
from ..risk_engine import (
    BLACKLIST_KINDS,
    blacklist_digest,
    internal_keys,
    load_context,
    order_values,
    score_order_ids,
)

__all__ = [
    "BLACKLIST_HEADERS",
    "BlacklistEntry",
    "add_to_blacklist",
    "blacklist_entries",
    "export_blacklist",
    "import_blacklist",
    "remove_blacklist_entry",
]

BLACKLIST_HEADERS: tuple[str, ...] = ("kind", "digest", "hint", "reason", "added_on", "salt")
_HEX16 = re.compile(r"^[0-9a-f]{16}$")
_HEX32 = re.compile(r"^[0-9a-f]{32}$")


@dataclass(frozen=True, slots=True)
class BlacklistEntry:
    id: int
    list_name: str
    is_local: bool
    kind: str
    hint: str
    reason: str
    added_at: int
    sales_order_id: int | None


def blacklist_entries() -> list[BlacklistEntry]:
    """Every entry, newest first."""
    return [
        BlacklistEntry(int(i), str(n), bool(local), str(k), str(h), str(r), int(a), o)
        for i, n, local, k, h, r, a, o in connection().execute(
            "SELECT e.id, l.name, l.is_local, e.kind, e.hint, e.reason, e.added_at,"
            " e.sales_order_id FROM blacklist_entry e JOIN blacklist_list l ON l.id = e.list_id"
            " ORDER BY e.added_at DESC, e.id DESC"
        )
    ]


def _hint(kind: str, name: str, phone: str, address: str, member: str) -> str:
    if kind == "phone":
        return mask_phone(phone)
    if kind == "member":
        return mask_name(member)
    if kind == "address":
        return mask_address(address)
    return f"{mask_name(name)} {mask_phone(phone)}"


def _local_list(conn: Any) -> tuple[int, bytes]:
    row = conn.execute("SELECT id, salt FROM blacklist_list WHERE is_local = 1").fetchone()
    return int(row[0]), bytes(row[1])


def _matching_keys(conn: Any, keys: dict[str, set[int]]) -> set[int]:
    """Orders with one of these internal keys (one scan of the key table per kind)."""
    column = {"phone": "phone", "member": "member", "address": "address",
              "name_phone": "name_phone"}  # fmt: skip
    found: set[int] = set()
    for kind, values in keys.items():
        if not values:
            continue
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS risk_wanted (key INTEGER PRIMARY KEY)")
        conn.execute("DELETE FROM temp.risk_wanted")
        conn.executemany(
            "INSERT OR IGNORE INTO temp.risk_wanted VALUES (?)", [(v,) for v in values]
        )
        found.update(
            r[0]
            for r in conn.execute(
                f"SELECT order_id FROM risk_key WHERE {column[kind]} IN temp.risk_wanted"
            )
        )
        conn.execute("DELETE FROM temp.risk_wanted")
    return found


def _matching_orders(conn: Any, digests: dict[str, set[int]], salt: bytes) -> set[int]:
    """Orders whose buyer values give one of the exported *digests* under *salt* (hashes every
    order's values: a partner list is imported rarely)."""
    found: set[int] = set()
    for oid, name, phone, address, member in conn.execute(
        "SELECT id, buyer_name, buyer_phone, ship_address, buyer_member FROM sales_order"
        " WHERE buyer_data_removed = 0"
    ):
        for kind, values in digests.items():
            if values and blacklist_digest(kind, name, phone, address, member, salt) in values:
                found.add(int(oid))
                break
    return found


@write_op
def add_to_blacklist(sales_order_id: int, kinds: Sequence[str], reason: str) -> Changes:
    """Blacklist the buyer of an order by some of phone / member / address / name+phone.

    Stores digests and masked hints only; every order of that buyer is then flagged high.

    Raises:
        UserError: The order is gone, its buyer data was deleted, no kind was chosen, or the
            order lacks every chosen value.
    """
    reason = (reason or "").strip()[:200]
    conn = connection()
    row = conn.execute(
        "SELECT buyer_name, buyer_phone, ship_address, buyer_member, buyer_data_removed"
        " FROM sales_order WHERE id = ?",
        (sales_order_id,),
    ).fetchone()
    if row is None:
        raise UserError(QT_TRANSLATE_NOOP("Errors", "The order no longer exists."))
    name, phone, address, member, removed = row
    if removed:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "This order's buyer data was deleted, so its buyer cannot be blacklisted.",
            )
        )
    kinds = [k for k in kinds if k in BLACKLIST_KINDS]
    if not kinds:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors", "Choose at least one of phone, member name, address or name + phone."
            )
        )
    list_id, salt = _local_list(conn)
    now = now_epoch()
    added: dict[str, set[int]] = {}
    keys = internal_keys(order_values(name, phone, address, member), load_context(conn).seeds)
    key_of = {"phone": keys[0], "address": keys[1], "member": keys[4], "name_phone": keys[5]}
    for kind in kinds:
        digest = blacklist_digest(kind, name, phone, address, member, salt)
        if not digest or not key_of[kind]:
            continue
        conn.execute(
            "INSERT INTO blacklist_entry (list_id, kind, digest, key, hint, reason, added_at,"
            " sales_order_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (list_id, kind, digest)"
            " DO UPDATE SET reason = excluded.reason, key = excluded.key",
            (list_id, kind, digest, key_of[kind], _hint(kind, name, phone, address, member),
             reason, now, sales_order_id),
        )  # fmt: skip
        added.setdefault(kind, set()).add(key_of[kind])
    if not added:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The order has none of the chosen buyer details (they are empty or masked by "
                "the platform). Nothing was added to the blacklist.",
            )
        )
    audit(
        "blacklist",
        None,
        "blacklist_add",
        after={"kinds": sorted(added), "reason": reason},
        sales_order_id=sales_order_id,
    )
    score_order_ids(conn, [sales_order_id])
    matching = _matching_keys(conn, added) | {sales_order_id}
    changed = score_order_ids(conn, matching, ctx=load_context(conn))
    return Changes.of(
        "sales_order",
        "blacklist_entry",
        "audit_event",
        ids={"sales_order": changed | {sales_order_id}},
        message=QT_TRANSLATE_NOOP(
            "Messages", "Buyer added to the blacklist; {count} order(s) flagged."
        ),
        message_params={"count": len(matching)},
    )


@write_op
def remove_blacklist_entry(entry_id: int) -> Changes:
    """Take an entry off the blacklist; the orders it matched are scored again."""
    conn = connection()
    row = conn.execute(
        "SELECT e.kind, e.digest, e.key, l.salt FROM blacklist_entry e"
        " JOIN blacklist_list l ON l.id = e.list_id WHERE e.id = ?",
        (entry_id,),
    ).fetchone()
    if row is None:
        return Changes.of()
    kind, digest, key, salt = row
    if key:
        matching = _matching_keys(conn, {kind: {int(key)}})
    else:
        matching = _matching_orders(conn, {kind: {int(digest)}}, bytes(salt))
    conn.execute("DELETE FROM blacklist_entry WHERE id = ?", (entry_id,))
    audit("blacklist", entry_id, "blacklist_remove", before={"kind": kind})
    changed = score_order_ids(conn, matching, ctx=load_context(conn))
    return Changes.of(
        "sales_order",
        "blacklist_entry",
        "audit_event",
        ids={"sales_order": changed},
        message=QT_TRANSLATE_NOOP("Messages", "Blacklist entry removed."),
    )


def export_blacklist(path: str | Path) -> int:
    """Write the local blacklist to CSV or XLSX (by suffix) to share with a partner seller.

    Every row carries the salt the digests were made with (see the module docstring).
    Returns how many entries were written.
    """
    conn = connection()
    list_id, salt = _local_list(conn)
    rows = [
        [kind, f"{int(digest):016x}", hint, reason, _date(added), salt.hex()]
        for kind, digest, hint, reason, added in conn.execute(
            "SELECT kind, digest, hint, reason, added_at FROM blacklist_entry WHERE list_id = ?"
            " ORDER BY added_at, id",
            (list_id,),
        )
    ]
    target = Path(path)
    tmp = target.with_name(target.name + ".part")
    try:
        if target.suffix.lower() == ".csv":
            write_csv(tmp, BLACKLIST_HEADERS, rows)
        else:
            write_xlsx(tmp, BLACKLIST_HEADERS, rows, sheet_title="blacklist")
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "Cannot write {name}: {problem}"),
            name=target.name,
            problem=exc.strerror or str(exc),
        ) from exc
    audit("blacklist", None, "blacklist_export", after={"entries": len(rows), "file": target.name})
    return len(rows)


def _date(epoch: int) -> str:
    return datetime.fromtimestamp(int(epoch), UTC).date().isoformat()


def _bad_file(name: str, problem: str, **values: object) -> UserError:
    return UserError(
        QT_TRANSLATE_NOOP(
            "Errors", "{name} is not a blacklist file: {problem} Nothing was imported."
        ),
        name=name,
        problem=with_values(problem, **values) if values else problem,
    )


@write_op
def import_blacklist(path: str | Path, list_name: str = "") -> Changes:
    """Import a blacklist exported by this app (ours or a partner's); all or nothing.

    Entries made with this database's salt go back to the local list; others form (or join)
    a partner list with their salt. Matching orders are flagged high.

    Raises:
        UserError: The file cannot be read, or is not a blacklist file (which row and what).
    """
    target = Path(path)
    try:
        table = read_table(target, max_rows=200_000)
    except TableError as exc:
        raise UserError(exc.text) from exc
    headers = [h.strip().lower() for h in table.headers]
    if headers[: len(BLACKLIST_HEADERS)] != list(BLACKLIST_HEADERS):
        raise _bad_file(
            target.name,
            QT_TRANSLATE_NOOP("Errors", "its first row must be the headers {headers}."),
            headers=", ".join(BLACKLIST_HEADERS),
        )
    parsed: list[tuple[str, int, str, str, int, bytes]] = []
    for number, row in zip(table.row_numbers, table.rows, strict=True):
        kind, digest, hint, reason, added, salt = (c.strip() for c in row[:6])
        kind = kind.lower()
        if kind not in BLACKLIST_KINDS or not _HEX16.match(digest.lower()):
            raise _bad_file(
                target.name,
                QT_TRANSLATE_NOOP("Errors", "row {row} has an unknown kind or a bad digest."),
                row=number,
            )
        if not _HEX32.match(salt.lower()):
            raise _bad_file(
                target.name, QT_TRANSLATE_NOOP("Errors", "row {row} has no valid salt."), row=number
            )
        value = int(digest, 16)
        if value >> 63:
            raise _bad_file(
                target.name,
                QT_TRANSLATE_NOOP("Errors", "row {row} has an unknown kind or a bad digest."),
                row=number,
            )
        try:
            added_at = int(datetime.fromisoformat(added[:10]).replace(tzinfo=UTC).timestamp())
        except ValueError:
            added_at = now_epoch()
        # Hints and reasons are shown, never trusted as values: keep them short and masked.
        parsed.append((kind, value, hint[:40], reason[:200], added_at, bytes.fromhex(salt)))
    conn = connection()
    local_id, local_salt = _local_list(conn)
    by_salt: dict[bytes, list[tuple[str, int, str, str, int, bytes]]] = {}
    for entry in parsed:
        by_salt.setdefault(entry[5], []).append(entry)
    count = 0
    matching: set[int] = set()
    now = now_epoch()
    for salt, entries in by_salt.items():
        if salt == local_salt:
            list_id = local_id
        else:
            row = conn.execute("SELECT id FROM blacklist_list WHERE salt = ?", (salt,)).fetchone()
            if row is None:
                list_id = int(
                    conn.execute(
                        "INSERT INTO blacklist_list (name, salt, is_local, created_at)"
                        " VALUES (?, ?, 0, ?)",
                        ((list_name or target.stem)[:60], salt, now),
                    ).lastrowid
                )
            else:
                list_id = int(row[0])
        before = conn.total_changes
        conn.executemany(
            "INSERT OR IGNORE INTO blacklist_entry (list_id, kind, digest, hint, reason,"
            " added_at) VALUES (?, ?, ?, ?, ?, ?)",
            [(list_id, k, d, h, r, a) for k, d, h, r, a, _s in entries],
        )
        count += conn.total_changes - before
        digests: dict[str, set[int]] = {}
        for k, d, *_rest in entries:
            digests.setdefault(k, set()).add(d)
        matching |= _matching_orders(conn, digests, salt)
    audit(
        "blacklist",
        None,
        "blacklist_import",
        after={"file": target.name, "rows": len(parsed), "added": count},
    )
    changed = score_order_ids(conn, matching, ctx=load_context(conn))
    return Changes.of(
        "sales_order",
        "blacklist_entry",
        "audit_event",
        ids={"sales_order": changed},
        message=QT_TRANSLATE_NOOP(
            "Messages", "Imported {added} blacklist entries from {name}; {count} order(s) match."
        ),
        message_params={"added": count, "name": target.name, "count": len(matching)},
    )
