"""What the dashboard reads on the DB worker, in two stages (see :func:`load_dashboard_view`)."""

from __future__ import annotations

import threading

from ...domain.dashboard import DateRange
from ...services import dashboard as svc
from ...services.todos import TodoCount, count_todos

__all__ = ["LIVE_KEY", "LOAD_KEY", "REUSE_S", "load_dashboard_view", "load_live_after"]

LOAD_KEY = "dashboard-load"
LIVE_KEY = "dashboard-live"
#: Switching range or shop reuses the to-do counts and 30-day windows up to this old (seconds);
#: any change to orders reloads everything anyway.
REUSE_S = 60


def load_dashboard_view(
    date_range: DateRange,
    shop_id: int | None,
    previous: svc.DashboardData | None = None,
    *,
    stage: str = "all",
) -> tuple[svc.DashboardData, list[TodoCount] | None]:
    """What the view shows, read on the DB worker.

    With *previous* (the data shown, less than a minute old) only the range's figures are read:
    the to-do counts and the live figures (30-day windows, late orders, stock cancellations) do
    not depend on the range or shop. Otherwise *stage* ``"first"`` reads the summary figures and
    the to-do counts (the live figures pending), ``"live"`` everything but the to-do counts,
    ``"all"`` everything.
    """
    if previous is not None:
        return svc.load_dashboard(date_range, shop_id, live=previous.live), None
    if stage == "first":
        return svc.load_dashboard(date_range, shop_id, live=svc.PENDING), count_todos()
    if stage == "live":
        return svc.load_dashboard(date_range, shop_id), None
    return svc.load_dashboard(date_range, shop_id), count_todos()


#: How long the live job waits for the first figures to be painted at most (seconds).
FIRST_PAINT_WAIT_S = 0.25


def load_live_after(
    painted: threading.Event, date_range: DateRange, shop_id: int | None
) -> tuple[svc.DashboardData, list[TodoCount] | None]:
    """The ``"live"`` stage, once *painted* is set (the UI thread has shown the first stage)."""
    painted.wait(FIRST_PAINT_WAIT_S)
    return load_dashboard_view(date_range, shop_id, stage="live")
