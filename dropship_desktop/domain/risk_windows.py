"""The look-back window counts of the cross-order fraud rules, over rows already gathered.

Pure: the rows come from ``services/risk_engine`` (a scan of ``risk_key`` in the window plus a
batch's own orders); the counts feed :func:`~dropship_desktop.domain.risk.context_hits`.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from .risk import RiskSettings, WindowCounts

__all__ = ["window_counts"]


def window_counts(
    rows: Sequence[tuple[Any, ...]], candidates: set[int], settings: RiskSettings
) -> dict[int, WindowCounts]:
    """Per order: distinct names per phone / address, phones per buyer, orders to the address.

    *rows* are (at, id, phone, address, name, buyer, member, rules) of the window on a
    candidate key; counts look ``window_days`` (``burst_hours``) either side of each order.
    Only orders with a count that reaches its rule's threshold are returned: the others
    cannot fire a window rule, and their stored window rules (none) stay as they are.
    """
    window = settings.window_days * 86400
    burst = settings.burst_hours * 3600
    many, burst_orders = settings.many_names, settings.burst_orders
    groups: dict[tuple[int, int], list[tuple[int, int, int]]] = defaultdict(list)
    for at, order_id, phone, address, name, buyer, member, _rules in rows:
        if phone in candidates:
            groups[(0, phone)].append((at, order_id, name))
        if address in candidates:
            groups[(1, address)].append((at, order_id, name))
        if buyer and address in candidates:
            groups[(2, buyer)].append((at, order_id, phone))
        if member in candidates:
            groups[(3, member)].append((at, order_id, phone))
    counts: dict[int, list[int]] = {}
    for (dim, _key), members in groups.items():
        size = len(members)
        if size < 2:
            continue
        slot = 0 if dim == 0 else 1 if dim == 1 else 2
        distinct_possible = size >= many and len({m[2] for m in members if m[2]}) >= many
        burst_possible = dim == 1 and size >= burst_orders
        if not (distinct_possible or burst_possible):
            continue
        members.sort()
        times = [m[0] for m in members]
        if distinct_possible:
            # Sliding window over time: both edges only move forward, so each member enters
            # and leaves the tally once (linear, not window-size times the group).
            tally: dict[int, int] = {}
            lo = hi = 0
            for at, order_id, _other in members:
                while hi < size and times[hi] <= at + window:
                    other = members[hi][2]
                    if other:
                        tally[other] = tally.get(other, 0) + 1
                    hi += 1
                while times[lo] < at - window:
                    other = members[lo][2]
                    if other:
                        left = tally[other] - 1
                        if left:
                            tally[other] = left
                        else:
                            del tally[other]
                    lo += 1
                distinct = len(tally)
                if distinct >= many:
                    entry = counts.setdefault(order_id, [0, 0, 0, 0])
                    entry[slot] = max(entry[slot], distinct)
        if burst_possible:
            for at, order_id, _other in members:
                near = bisect.bisect_right(times, at + burst) - bisect.bisect_left(
                    times, at - burst
                )
                if near >= burst_orders:
                    entry = counts.setdefault(order_id, [0, 0, 0, 0])
                    entry[3] = max(entry[3], near)
    return {i: WindowCounts(c[0], c[1], c[2], c[3]) for i, c in counts.items()}
