"""The fraud checks' buyer keys and the state a scoring batch starts from.

Buyer values (phone, address, name, member) are never stored: each becomes a salted 63-bit key
(:func:`internal_keys`, or :func:`column_keys` for a whole import block at once), and blacklist
entries shared with partners a digest (:func:`blacklist_digest`). :func:`load_context` reads the
settings, the salt, the local blacklist and the two filters (:class:`~.risk_bits.Bits`) that
tell a batch which keys were seen before and which may have history events.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import repeat
from typing import Any

import xxhash

from ..domain.buyer_info import StaticChecker, is_placeholder
from ..domain.risk import (
    KeyKind,
    RiskSettings,
    normalise_phone,
)
from ..tabular.orders_formats import HIDDEN_ADDRESS, HIDDEN_NAME, HIDDEN_PHONE
from .risk_bits import FILTER_BITS, Bits

__all__ = [
    "BLACKLIST_KINDS",
    "MASKED",
    "Bits",
    "RiskContext",
    "blacklist_digest",
    "blacklist_matches",
    "column_keys",
    "internal_keys",
    "load_context",
    "load_settings",
    "order_values",
    "scored_receiver",
]

_MASK = (1 << 63) - 1
_GOLDEN = 0x9E3779B97F4A7C15

#: Rules recomputed from other orders (the rest are the order's own, kept when a neighbour is
#: rescored).
#: Blacklist kinds → the key of an order they are compared with.
BLACKLIST_KINDS: tuple[str, ...] = ("phone", "member", "address", "name_phone")
_KIND = {
    "phone": KeyKind.PHONE,
    "member": KeyKind.MEMBER,
    "address": KeyKind.ADDRESS,
    "name_phone": KeyKind.NAME_PHONE,
}


def _h(kind: KeyKind, value: str, salt: bytes) -> int:
    if not value or "*" in value:
        return 0
    digest = hashlib.blake2b(f"{int(kind)}:{value}".encode(), digest_size=8, key=salt).digest()
    return int.from_bytes(digest, "big") >> 1 or 1


def _mix(a: int, b: int) -> int:
    if not a or not b:
        return 0
    return (((a * _GOLDEN) & _MASK) ^ b) or 1


#: Spaces and punctuation an address is compared without. Explicit (not \s): the column-wise
#: path joins addresses with U+001E, which \s would match. (The column-wise path removes them
#: one by one with str.replace, ~3× cheaper than the pattern on a whole column.)
_DROP_CHARS = (
    " \t\r\n\f\v\u00a0\u3000,，。.、;；:：()（）[]【】#＃-—_/\\"
    + "".join(map(chr, range(0x2000, 0x200C)))  # U+2000–U+200B: the other spaces
)
_ADDRESS_DROP = re.compile("[" + re.escape(_DROP_CHARS) + "]+")
_NAME_DROP = re.compile(r"\s+")
_BLANK = "[ \t\u00a0\u3000]*"
#: A postcode the platform appends to an address (文三路 123号 (310000), （310000）, 123号
#: 310000), dropped so the same address with and without it gives one key. Explicit blanks
#: (not \s) for the column-wise path's U+001E separator, as above.
_POSTCODE = re.compile(
    _BLANK
    + "(?:[(（]"
    + _BLANK
    + r"\d{6}"
    + _BLANK
    + "[)）]|(?<=[ \t\u00a0\u3000])\\d{6})"
    + _BLANK
    + "(?=\x1e|$)"
)


#: What a receiver field the platform hid is scored as: masked, so no rule judges it and it
#: makes no key (it is stored empty, which would read as "no name", "no street").
MASKED = "*"


def scored_receiver(name: str, phone: str, address: str, hidden: int) -> tuple[str, str, str]:
    """(name, phone, address) to score, with the fields the platform hid (``buyer_hidden``
    bits, e.g. Douyin's 密文) masked."""
    if not hidden:
        return name, phone, address
    return (
        MASKED if hidden & HIDDEN_NAME else name,
        MASKED if hidden & HIDDEN_PHONE else phone,
        MASKED if hidden & HIDDEN_ADDRESS else address,
    )


def order_values(name: str, phone: str, address: str, member: str) -> tuple[str, str, str, str]:
    """The normalised (phone, address, name, member) keys are made from ("" when masked)."""
    if not (len(phone) == 11 and phone.isdigit()):
        phone = normalise_phone(phone) if phone and not is_placeholder(phone) else ""
    if address:
        if is_placeholder(address):
            address = ""
        else:
            if not unicodedata.is_normalized("NFKC", address):
                address = unicodedata.normalize("NFKC", address)
            address = _ADDRESS_DROP.sub("", _POSTCODE.sub("", address)).lower()
    if name:
        if is_placeholder(name):
            name = ""
        else:
            # As column_keys makes it for an import (NFKC, no blanks, lower case): Zhang三,
            # Ｚｈａｎｇ give the same key both ways.
            if not (name.isalpha() and unicodedata.is_normalized("NFKC", name)):
                name = _NAME_DROP.sub("", unicodedata.normalize("NFKC", name))
            name = name.lower()
    if member:
        if is_placeholder(member):
            member = ""  # masked (t**1): shared by strangers, no key
        else:
            member = _NAME_DROP.sub("", unicodedata.normalize("NFKC", member)).lower()
    return phone, address, name, member


def _seeds(salt: bytes) -> tuple[int, int, int, int]:
    """Per-kind 64-bit seeds of the internal keys (phone, address, member) and the name CRC."""
    digest = hashlib.blake2b(b"dropship-risk-keys", digest_size=32, key=salt).digest()
    return (
        int.from_bytes(digest[:8], "big"),
        int.from_bytes(digest[8:16], "big"),
        int.from_bytes(digest[16:24], "big"),
        zlib.crc32(digest[24:]),
    )


def internal_keys(
    values: tuple[str, str, str, str], seeds: tuple[int, int, int, int]
) -> tuple[int, int, int, int, int, int]:
    """(phone, address, name, name+address, member, name+phone) keys of normalised values.

    Internal keys (never exported) use xxHash64 seeded from the database's salt: ~10× cheaper
    than Blake2b, which only the exported blacklist digests need.
    """
    p, a, n, m = values
    intdigest = xxhash.xxh64_intdigest
    kp = (intdigest(p.encode(), seeds[0]) >> 1 or 1) if p else 0
    ka = (intdigest(a.encode(), seeds[1]) >> 1 or 1) if a else 0
    kn = zlib.crc32(n.encode(), seeds[3]) + 1 if n else 0
    km = (intdigest(m.encode(), seeds[2]) >> 1 or 1) if m else 0
    return kp, ka, kn, _mix(ka, kn), km, _mix(kp, kn)


_SEP = "\x1e"


def _may_hide(text: str) -> bool:
    """Whether *text* has what any placeholder (:func:`is_placeholder`) contains, after NFKC
    (＊ → *). (Four substring scans: ~8× cheaper than one search of ``[*#$]|密文``.)"""
    return "*" in text or "#" in text or "$" in text or "密文" in text


def column_keys(
    names: Sequence[str],
    phones: Sequence[str],
    addresses: Sequence[str],
    seeds: tuple[int, int, int, int],
    members: Sequence[str] | None = None,
) -> list[tuple[int, int, int, int, int, int]]:
    """:func:`internal_keys` of many orders, normalising column-wise.

    Each column is joined into one string (separated by U+001E) so that normalising and the
    common-case checks run once per block in C; values that need more go one by one.
    """
    count = len(names)
    if members is None:
        members = [""] * count
    joined = unicodedata.normalize("NFKC", _SEP.join(addresses))
    norm_addresses = _address_column(joined)
    joined_names = unicodedata.normalize("NFKC", _SEP.join(names))
    norm_names = _NAME_DROP.sub("", joined_names.replace(_SEP, "\x00")).replace("\x00", _SEP)
    norm_names = norm_names.lower().split(_SEP)
    if len(norm_addresses) != count or len(norm_names) != count:  # a separator in the data
        return [internal_keys(order_values(n, p, a, m), seeds) for n, p, a, m in
                zip(names, phones, addresses, members, strict=True)]  # fmt: skip
    digest = xxhash.xxh64_intdigest
    encode = str.encode
    if _ALL_MOBILES.fullmatch(_SEP.join(phones)):  # the common block: no normalising
        phone_keys = [k >> 1 or 1 for k in map(digest, map(encode, phones), repeat(seeds[0]))]
    else:
        phone_keys = [
            (digest(p.encode(), seeds[0]) >> 1 or 1)
            if len(p) == 11 and p.isdigit()
            else internal_keys((order_values("", p, "", "")[0], "", "", ""), seeds)[0]
            for p in phones
        ]
    if _may_hide(joined):  # most blocks have no placeholder: a few C-speed scans
        for i, a in enumerate(addresses):
            if is_placeholder(a):
                norm_addresses[i] = ""
    if _may_hide(joined_names):
        for i, n in enumerate(names):
            if is_placeholder(n):
                norm_names[i] = ""
    address_keys = [
        (k >> 1 or 1) if a else 0
        for k, a in zip(map(digest, map(encode, norm_addresses), repeat(seeds[1])),
                        norm_addresses, strict=True)
    ]  # fmt: skip
    name_keys = [
        k + 1 if n else 0
        for k, n in zip(map(zlib.crc32, map(encode, norm_names), repeat(seeds[3])),
                        norm_names, strict=True)
    ]  # fmt: skip
    member_keys = _member_keys(members, seeds) if any(members) else [0] * count
    mask, golden = _MASK, _GOLDEN
    # (_mix inline: a call per key pair costs more than the rest of the line.)
    return [
        (
            kp,
            ka,
            kn,
            ((((ka * golden) & mask) ^ kn) or 1) if ka and kn else 0,
            km,
            ((((kp * golden) & mask) ^ kn) or 1) if kp and kn else 0,
        )
        for kp, ka, kn, km in zip(phone_keys, address_keys, name_keys, member_keys, strict=True)
    ]


#: What an address that may end in a postcode ends with (``$`` also matches before a final
#: newline); other addresses are not searched for one (~7× cheaper than a search of the column).
_POSTCODE_TAIL = frozenset(")）0123456789 \t\u00a0\u3000\n")


def _address_column(joined: str) -> list[str]:
    """The NFKC-joined address column normalised as :func:`order_values` does each address:
    without a trailing postcode, spaces or punctuation, lower case; one value per address."""
    parts = joined.split(_SEP)
    tail = _POSTCODE_TAIL
    # Most blocks: no address ends as a postcode can (a few distinct last characters to test).
    if any(c in tail or c.isdecimal() for c in {a[-1:] for a in parts} if c):
        changed = False
        for i, address in enumerate(parts):
            if address and (address[-1] in tail or address[-1].isdecimal()):
                kept = _POSTCODE.sub("", address)
                if kept != address:
                    parts[i] = kept
                    changed = True
        if changed:
            joined = _SEP.join(parts)
    for char in _DROP_CHARS:
        if char in joined:
            joined = joined.replace(char, "")
    return joined.lower().split(_SEP)


#: A block of phone numbers that are all eleven ASCII digits (hashed as they are).
_ALL_MOBILES = re.compile("[0-9]{11}(?:\x1e[0-9]{11})*")
#: A block of member names that are all plain ASCII letters, digits, _ or empty (tb_…).
_PLAIN_MEMBERS = re.compile("[A-Za-z0-9_\x1e]*")


def _member_keys(members: Sequence[str], seeds: tuple[int, int, int, int]) -> list[int]:
    joined = _SEP.join(members)
    plain = joined.lower().split(_SEP) if _PLAIN_MEMBERS.fullmatch(joined) else []
    if len(plain) == len(members):  # most blocks: lower case is all the normalising
        return [
            (k >> 1 or 1) if m else 0
            for k, m in zip(map(xxhash.xxh64_intdigest, map(str.encode, plain),
                                repeat(seeds[2])), plain, strict=True)
        ]  # fmt: skip
    return [
        internal_keys(("", "", "", order_values("", "", "", m)[3]), seeds)[4] if m else 0
        for m in members
    ]


def blacklist_digest(
    kind: str, name: str, phone: str, address: str, member: str, salt: bytes
) -> int:
    """The digest a blacklist entry of *kind* has for these buyer values under *salt* (0: none).

    The same function makes the order keys, so the local list matches an order's keys directly.
    """
    p, a, n, m = order_values(name, phone, address, member)
    if kind == "phone":
        return _h(KeyKind.PHONE, p, salt)
    if kind == "member":
        return _h(KeyKind.MEMBER, m, salt)
    if kind == "address":
        return _h(KeyKind.ADDRESS, a, salt)
    if kind == "name_phone":
        # One keyed hash of both values. (Until session 10 it was the phone's digest mixed with
        # a CRC of the name: XOR-ing it with the same buyer's phone row in an exported file gave
        # the name's CRC, which common names could be tested against without the salt.)
        return _h(KeyKind.NAME_PHONE, f"{p}\x1f{n}", salt) if p and n else 0
    raise ValueError(kind)


def legacy_name_phone_digest(name: str, phone: str, salt: bytes) -> int:
    """A name+phone entry's digest as lists made before session 10 hold it (still matched)."""
    p, _a, n, _m = order_values(name, phone, "", "")
    if not n:
        return 0
    return _mix(_h(KeyKind.PHONE, p, salt), zlib.crc32(n.encode(), zlib.crc32(salt)))


def digest_matches(
    kind: str, digests: set[int] | frozenset[int], values: tuple[str, str, str, str], salt: bytes
) -> bool:
    """Whether an order's (name, phone, address, member) give one of a list's *digests* of *kind*
    (a name+phone entry in either form)."""
    if blacklist_digest(kind, *values, salt) in digests:
        return True
    if kind == "name_phone":
        return legacy_name_phone_digest(values[0], values[1], salt) in digests
    if kind == "address" and values[2] and _POSTCODE.search(values[2]):
        # Lists made before session 10 kept the postcode in an address digest.
        old = _ADDRESS_DROP.sub("", unicodedata.normalize("NFKC", values[2])).lower()
        return _h(KeyKind.ADDRESS, old, salt) in digests
    return False


@dataclass
class RiskContext:
    """What scoring needs besides the orders: salt, settings, blacklists, bitmaps."""

    salt: bytes
    settings: RiskSettings
    checker: StaticChecker
    seeds: tuple[int, int, int, int]
    #: Local blacklist: kind → internal key → entry id.
    local: dict[str, dict[int, int]] = field(default_factory=dict)
    #: Lists matched by digest (partners', or entries imported without an internal key):
    #: (salt, kind → digests).
    partners: list[tuple[bytes, dict[str, set[int]]]] = field(default_factory=list)
    seen: Bits | None = None
    events: Bits | None = None


def blacklist_matches(
    ctx: RiskContext,
    orders: Sequence[Sequence[Any]],
    values: Mapping[int, tuple[str, str, str, str]],
) -> dict[int, str]:
    """Order id → the kind of the first blacklist entry the order matches.

    Args:
        orders: Orders as scoring prepares them: the id first, the internal keys (phone,
            address, name, buyer, member, name+phone) eighth.
        values: Order id → (name, phone, address, member) as scored, for the lists matched
            by digest (:attr:`RiskContext.partners`).
    """
    found: dict[int, str] = {}
    for kind, index in (("phone", 0), ("member", 4), ("address", 1), ("name_phone", 5)):
        keys = ctx.local.get(kind)
        if keys:
            for o in orders:
                if o[7][index] in keys:
                    found.setdefault(o[0], kind)
    for o in orders if ctx.partners else ():
        if o[0] in found or o[0] not in values:
            continue
        kind = next(
            (
                kind
                for salt, kinds in ctx.partners
                for kind, digests in kinds.items()
                if digest_matches(kind, digests, values[o[0]], salt)
            ),
            "",
        )
        if kind:
            found[o[0]] = kind
    return found


def load_settings(conn: Any) -> RiskSettings:
    row = conn.execute("SELECT value FROM risk_state WHERE name = 'settings'").fetchone()
    return RiskSettings.from_json(row[0] if row is not None else None)


def load_context(conn: Any, *, bitmaps: bool = True) -> RiskContext:
    """Read the salt, settings and blacklists (and the bitmaps, for a batch)."""
    salt = bytes(conn.execute("SELECT value FROM risk_state WHERE name = 'salt'").fetchone()[0])
    settings = load_settings(conn)
    ctx = RiskContext(salt, settings, StaticChecker(settings), _seeds(salt))
    lists = {
        int(i): (bytes(s), bool(local))
        for i, s, local in conn.execute("SELECT id, salt, is_local FROM blacklist_list")
    }
    partner_sets: dict[int, dict[str, set[int]]] = {}
    for entry_id, list_id, kind, digest, key in conn.execute(
        "SELECT id, list_id, kind, digest, key FROM blacklist_entry"
    ):
        if key:
            ctx.local.setdefault(kind, {})[int(key)] = int(entry_id)
        else:
            partner_sets.setdefault(list_id, {}).setdefault(kind, set()).add(int(digest))
    ctx.partners = [(lists[i][0], kinds) for i, kinds in partner_sets.items()]
    # Address entries made before session 10 hold the key of the address with its postcode
    # (文三路100号(310000)); keys are made without it now. The order they came from gives the
    # current key too (a blacklist is small: a few rows read).
    local_addresses = ctx.local.get("address")
    if local_addresses:
        for entry_id, address in conn.execute(
            "SELECT e.id, o.ship_address FROM blacklist_entry e JOIN sales_order o"
            " ON o.id = e.sales_order_id WHERE e.kind = 'address' AND e.key != 0"
            " AND o.ship_address != ''"
        ):
            key = internal_keys(order_values("", "", str(address), ""), ctx.seeds)[1]
            if key:
                local_addresses.setdefault(key, int(entry_id))
    if bitmaps:
        ctx.seen = Bits(conn, "seen", FILTER_BITS["seen"])
        ctx.events = Bits(conn, "events", FILTER_BITS["events"])
    return ctx
