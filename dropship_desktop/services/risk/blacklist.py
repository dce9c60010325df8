"""The buyer blacklist: add, remove, list, and share it as a file (sealed digests, bare hints).

**The blacklist and its salt.** An entry stores a 63-bit keyed Blake2b digest of the
normalised value (phone digits, member name, address without spaces/punctuation, or name +
phone) and a hint that shows almost nothing (phone: the last 2 digits; name: the first
character, the surname; address: province and city), never the value. The key ("salt") is 16
random bytes made when the database was created (migration 11); the local list and every buyer
key of this database use it. Orders are matched with these fast keyed hashes (and the local
list with the internal xxHash keys), so scoring 100,000 imported orders costs no more than
before.

**Sharing: the salt is sealed by a share code.** A partner can only match their orders when
they hash with our salt, so the file must give them the salt — but whoever holds digest + salt
can test every mobile number (about 10^9, seconds on one core per entry once a hint narrows it).
An export therefore carries the salt *sealed*: XOR-ed with a pad derived from a share code by
scrypt (N=2^15, r=8: ~0.1 s and 32 MiB per guess, so a GPU farm gains little) under a random
per-file KDF salt, plus a check value that tells a wrong code. The code (generated: 100 random
bits; or a passphrase of at least 8 characters the partners agreed) travels separately (told
on the phone, another chat), so the file alone — mailed on, left in a chat group — is a list of
MACs under an unknown 128-bit key and hints of at most 2 digits: nothing to brute-force.

Why not a slow hash per entry instead: a partner must hash *every* order they import with the
same function to match it, so each order would cost what each guess costs an attacker; with
~10^9 possible phone numbers and 10^5 orders per import, a cost that stops an attacker (≥ 10 ms)
makes an import take ~20 minutes. The slow step is paid once per export or import instead.
What stays true: a partner holding file *and* code can test guesses (that is what matching
is), so share the code only with partners you would trust with the numbers themselves. Files
of the earlier format (the salt in clear, ``salt`` column) are still imported (their hints are
masked down on the way in); that file has already given its salt away.
"""

from __future__ import annotations

import hashlib
import os
import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

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
from ..risk_keys import digest_matches, legacy_name_phone_digest
from ..risk_pending import flush_pending_keys

__all__ = [
    "BLACKLIST_HEADERS",
    "BlacklistEntry",
    "add_to_blacklist",
    "blacklist_entries",
    "export_blacklist",
    "import_blacklist",
    "new_share_code",
    "remove_blacklist_entry",
]

BLACKLIST_HEADERS: tuple[str, ...] = (
    "kind", "digest", "hint", "reason", "added_on", "sealed_salt",
)  # fmt: skip
# The earlier format, salt in clear: still imported.
_LEGACY_HEADERS: tuple[str, ...] = ("kind", "digest", "hint", "reason", "added_on", "salt")
_SEALED = re.compile(r"^s1:([0-9a-f]{32}):([0-9a-f]{32}):([0-9a-f]{16})$")
_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # 32 symbols, no 0/O or 1/I
_MIN_CODE = 12  # digits only: 10^12 guesses at ~0.1 s of scrypt each
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


_DIGIT = re.compile(r"\d")
_PROVINCE_CITY = re.compile(
    r"^(北京|上海|天津|重庆)市?|^([^\d]{2,7}?(?:省|自治区|特别行政区))?"
    r"([^区县旗镇乡路街道号\d]{2,10}?(?:自治州|地区|市|盟))?"
)
# A number in a reason the seller typed (a phone, an order number): not shared.
_NUMBER = re.compile(r"\d(?:[\d \-]*\d){4,}")


def _phone_hint(phone: str) -> str:
    """Only the last two digits: 13812345678 → *********78 (also of an old hint 138****5678)."""
    digits = _DIGIT.findall(phone or "")
    return "*" * 9 + "".join(digits[-2:]) if len(digits) >= 2 else ("***" if phone else "")


def _name_hint(name: str) -> str:
    """The first character (the surname of a Chinese name): 欧阳娜娜 → 欧**."""
    name = "".join((name or "").split())
    return name[0] + "**" if name else ""


def _address_hint(address: str) -> str:
    """Province and city only: 广东省 深圳市 南山区 科技园 → 广东省深圳市****."""
    address = "".join((address or "").split())
    match = _PROVINCE_CITY.match(address)
    if match is None or not match.group(0):
        return "****" if address else ""
    if match.group(1):
        return match.group(1) + "市****"
    return match.group(0) + "****"


def _hint(kind: str, name: str, phone: str, address: str, member: str) -> str:
    if kind == "phone":
        return _phone_hint(phone)
    if kind == "member":
        return _name_hint(member)
    if kind == "address":
        return _address_hint(address)
    return f"{_name_hint(name)} {_phone_hint(phone)}"


def _safe_reason(reason: str) -> str:
    """A reason as shared: numbers of 5+ digits (a phone typed in) starred out, 200 characters."""
    return _NUMBER.sub(lambda m: "*" * len(m.group()), (reason or "").strip())[:200]


def _safe_hint(kind: str, hint: str) -> str:
    """A stored or imported hint masked down to what :func:`_hint` shows (older hints showed
    seven phone digits)."""
    hint = (hint or "").strip()[:60]
    if kind == "name_phone":
        name, _, phone = hint.partition(" ")
        return _hint(kind, name, phone, "", "")
    return _hint(kind, hint, hint, hint, hint)


def new_share_code() -> str:
    """A random share code for an export: 20 symbols (100 bits) in groups, e.g. K7QF2-…"""
    chars = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(20))
    return "-".join(chars[i : i + 5] for i in range(0, 20, 5))


def _normal_code(code: str) -> str:
    return "".join(c for c in (code or "").upper() if not c.isspace() and c != "-")


def _code_keys(code: str, kdf_salt: bytes) -> tuple[bytes, bytes]:
    """(pad, check key) from a share code: scrypt, deliberately slow (~0.1 s, 32 MiB)."""
    derived = hashlib.scrypt(
        _normal_code(code).encode(), salt=kdf_salt, n=1 << 15, r=8, p=1, maxmem=64 << 20, dklen=48
    )
    return derived[:16], derived[16:]


def _seal(salt: bytes, code: str) -> str:
    kdf_salt = os.urandom(16)
    pad, check_key = _code_keys(code, kdf_salt)
    wrapped = bytes(a ^ b for a, b in zip(salt, pad, strict=True))
    check = hashlib.blake2b(kdf_salt + wrapped, key=check_key, digest_size=8).hexdigest()
    return f"s1:{kdf_salt.hex()}:{wrapped.hex()}:{check}"


def _unseal(sealed: str, code: str) -> bytes | None:
    """The salt a sealed value hides, or None when *code* is not its share code."""
    match = _SEALED.match(sealed)
    if match is None:
        return None
    kdf_salt, wrapped = bytes.fromhex(match.group(1)), bytes.fromhex(match.group(2))
    pad, check_key = _code_keys(code, kdf_salt)
    check = hashlib.blake2b(kdf_salt + wrapped, key=check_key, digest_size=8).hexdigest()
    if not secrets.compare_digest(check, match.group(3)):
        return None
    return bytes(a ^ b for a, b in zip(wrapped, pad, strict=True))


def _check_code(code: str) -> None:
    if len(_normal_code(code)) < _MIN_CODE:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The share code must have at least 12 letters or digits. Nothing was written.",
            )
        )


def _local_list(conn: Any) -> tuple[int, bytes]:
    row = conn.execute("SELECT id, salt FROM blacklist_list WHERE is_local = 1").fetchone()
    return int(row[0]), bytes(row[1])


def _matching_keys(conn: Any, keys: dict[str, set[int]]) -> set[int]:
    """Orders with one of these internal keys (one scan of the key table per kind)."""
    flush_pending_keys(conn)
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
        buyer = (name, phone, address, member)
        for kind, values in digests.items():
            if values and digest_matches(kind, values, buyer, salt):
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


def export_blacklist(path: str | Path, code: str) -> int:
    """Write the local blacklist to CSV or XLSX (by suffix) to share with a partner seller.

    Every row carries the salt the digests were made with, sealed by the share code *code*
    (:func:`new_share_code`, or a passphrase of 12+ characters), which the partner needs to
    import it (see the module docstring). Returns how many entries were written.

    Raises:
        UserError: The code is too short, or the file cannot be written.
    """
    _check_code(code)
    conn = connection()
    list_id, salt = _local_list(conn)
    sealed = _seal(salt, code)
    rows = [
        [
            kind,
            f"{int(digest):016x}",
            _safe_hint(kind, hint),
            _safe_reason(reason),
            _date(added),
            sealed,
        ]
        for kind, digest, hint, reason, added in _shareable_entries(conn, list_id, salt)
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


def _shareable_entries(conn: Any, list_id: int, salt: bytes) -> list[tuple[Any, ...]]:
    """The local entries as exported: (kind, digest, hint, reason, added_at).

    A name+phone entry made before session 10 (``legacy_digest``, migration 14) holds a digest
    that, beside the same buyer's phone entry, lets a reader test names without the salt: its
    digest is made again from its order when the buyer data is still there, and it is left out
    otherwise. Later entries are shared as they are, whatever became of their order.
    """
    out: list[tuple[Any, ...]] = []
    for kind, digest, hint, reason, added, order_id, legacy in conn.execute(
        "SELECT kind, digest, hint, reason, added_at, sales_order_id, legacy_digest"
        " FROM blacklist_entry WHERE list_id = ? ORDER BY added_at, id",
        (list_id,),
    ):
        if kind == "name_phone" and legacy:
            row = conn.execute(
                "SELECT buyer_name, buyer_phone FROM sales_order WHERE id = ?"
                " AND buyer_data_removed = 0",
                (order_id,),
            ).fetchone()
            if row is None:
                continue
            name, phone = row
            if legacy_name_phone_digest(name, phone, salt) == digest:
                digest = blacklist_digest(kind, name, phone, "", "", salt)
            elif blacklist_digest(kind, name, phone, "", "", salt) != digest:
                continue  # not this order's any more: nothing safe to share
        out.append((kind, digest, hint, reason, added))
    return out


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
def import_blacklist(path: str | Path, list_name: str = "", code: str = "") -> Changes:
    """Import a blacklist exported by this app (ours or a partner's); all or nothing.

    *code* is the share code the file was exported with (files of the earlier format, salt in
    clear, need none). Entries made with this database's salt go back to the local list;
    others form (or join) a partner list with their salt. Matching orders are flagged high.

    Raises:
        UserError: The file cannot be read, is not a blacklist file (which row and what), or
            the share code is missing or wrong.
    """
    target = Path(path)
    try:
        table = read_table(target, max_rows=200_000)
    except TableError as exc:
        raise UserError(exc.text) from exc
    headers = [h.strip().lower() for h in table.headers]
    legacy = headers[: len(_LEGACY_HEADERS)] == list(_LEGACY_HEADERS)
    if not legacy and headers[: len(BLACKLIST_HEADERS)] != list(BLACKLIST_HEADERS):
        raise _bad_file(
            target.name,
            QT_TRANSLATE_NOOP("Errors", "its first row must be the headers {headers}."),
            headers=", ".join(BLACKLIST_HEADERS),
        )
    if not legacy and table.rows and not _normal_code(code):
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{name} is sealed with a share code: enter the code the sender gave you. "
                "Nothing was imported.",
            ),
            name=target.name,
        )
    unsealed: dict[str, bytes | None] = {}
    parsed: list[tuple[str, int, str, str, int, bytes]] = []
    for number, row in zip(table.row_numbers, table.rows, strict=True):
        kind, digest, hint, reason, added, salt = (c.strip() for c in row[:6])
        if not legacy:
            sealed = salt.lower()
            if not _SEALED.match(sealed):
                raise _bad_file(
                    target.name,
                    QT_TRANSLATE_NOOP("Errors", "row {row} has no valid salt."),
                    row=number,
                )
            if sealed not in unsealed:
                unsealed[sealed] = _unseal(sealed, code)
            opened = unsealed[sealed]
            if opened is None:
                raise UserError(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "The share code does not open {name}: check it with the sender. "
                        "Nothing was imported.",
                    ),
                    name=target.name,
                )
            salt = opened.hex()
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
        parsed.append(
            (
                kind,
                value,
                _safe_hint(kind, hint),
                _safe_reason(reason),
                added_at,
                bytes.fromhex(salt),
            )
        )
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
