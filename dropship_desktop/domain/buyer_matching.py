"""Matching a 1688 order to the shop order it serves: by 下游订单号, else by buyer.

Pure rules over plain values (the services load the candidates): a 1688 order that names its
shop order (下游订单号, on the platform 下游渠道 names) is linked to that order; the others are
matched by the buyer's phone and name and the best product-title match (character bigrams).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "AMBIGUOUS",
    "CHANNELS",
    "Candidate",
    "channel_platforms",
    "downstream_pick",
    "phone_key",
    "pick_sales_order",
    "similarity",
]

_NON_DIGIT = re.compile(r"[\s\-()（）]+")


def phone_key(phone: str) -> str:
    """A phone number as compared: digits and the rest, without spaces, dashes and brackets."""
    return _NON_DIGIT.sub("", phone or "")


@dataclass
class Candidate:
    """A shop order a 1688 order may serve (same buyer phone)."""

    id: int
    name: str
    product: str
    created_at: int
    taken: bool
    lines: int


def bigrams(text: str) -> set[str]:
    compact = "".join(text.split())
    return {compact[i : i + 2] for i in range(len(compact) - 1)}


def similarity(a: str, b: str) -> float:
    left, right = bigrams(a), bigrams(b)
    if not left or not right:
        return 0.0
    return len(left & right) / len(left | right)


def pick_sales_order(
    candidates: list[Candidate], name: str, product: str, created_at: int | None
) -> Candidate | None:
    """The sales order a 1688 order serves: same phone (given) and name, best product match.

    Orders already served by a supplier order are only chosen when nothing else fits and they
    have several lines (one 1688 order per supplier). Ties go to the latest order placed before
    the 1688 order; a still-undecided choice leaves the 1688 order waiting for a manual match.
    """
    same = [c for c in candidates if c.name == name] if name else list(candidates)
    if not same:
        return None
    free = [c for c in same if not c.taken]
    pool = free or [c for c in same if c.lines > 1]
    if not pool:
        return None
    if len(pool) == 1:
        return pool[0]
    scored = sorted(
        pool,
        key=lambda c: (
            round(similarity(product, c.product), 2),
            # Placed before the 1688 order (created_at None: any), latest first.
            created_at is None or c.created_at <= created_at + 3600,
            c.created_at,
        ),
        reverse=True,
    )
    best, second = scored[0], scored[1]
    if round(similarity(product, best.product), 2) == round(
        similarity(product, second.product), 2
    ) and (best.created_at == second.created_at):
        return None
    return best


#: 下游渠道 texts (lower case, no spaces) → the shop platforms they name.
CHANNELS: dict[str, tuple[str, ...]] = {
    "淘宝": ("taobao", "tmall"),
    "天猫": ("tmall", "taobao"),
    "淘宝/天猫": ("taobao", "tmall"),
    "taobao": ("taobao", "tmall"),
    "tmall": ("tmall", "taobao"),
    "tb": ("taobao", "tmall"),
    "拼多多": ("pdd",),
    "pdd": ("pdd",),
    "pinduoduo": ("pdd",),
    "抖音": ("douyin",),
    "抖店": ("douyin",),
    "抖音小店": ("douyin",),
    "douyin": ("douyin",),
    "头条": ("douyin",),
    "toutiao": ("douyin",),
    "快手": ("kuaishou",),
    "快手小店": ("kuaishou",),
    "kuaishou": ("kuaishou",),
}


def channel_platforms(channel: str) -> tuple[str, ...] | None:
    """The shop platforms a 下游渠道 names; ``None`` for empty or unknown text (no filter)."""
    key = "".join(channel.split()).lower()
    if not key:
        return None
    return CHANNELS.get(key)


def downstream_pick(candidates: list[tuple[int, str]], channel: str) -> int | None:
    """The shop order a 下游订单号 names: the one order with that number (on the platform
    下游渠道 names, when it names one); ``None`` when there is none, :data:`AMBIGUOUS` when
    several shops have an order with that number."""
    platforms = channel_platforms(channel)
    if platforms is not None:
        candidates = [c for c in candidates if c[1] in platforms]
    if len(candidates) > 1:
        return AMBIGUOUS
    return candidates[0][0] if candidates else None


#: :func:`downstream_pick`'s answer when several shop orders have the number.
AMBIGUOUS = -1
