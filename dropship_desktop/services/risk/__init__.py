"""Fraud checks (防骗): scoring, "checked, fine", buyer events and the blacklist.

Scoring itself is in :mod:`.risk_engine`; this module holds the use cases around it.

**The blacklist** stores keyed digests and bare hints (phone: last 2 digits), never values;
an export seals the salt with a share code that travels separately, so the file alone leaks
nothing that can be brute-forced. The design and its limits: :mod:`.blacklist`'s docstring.

The package: ``scoring`` (settings, rescoring, checked marks, the high-risk list, losses),
``events`` (buyer events), ``blacklist`` (the list and its file). Import from the package.
"""

from __future__ import annotations

from .blacklist import (
    BLACKLIST_HEADERS,
    BlacklistEntry,
    add_to_blacklist,
    blacklist_entries,
    export_blacklist,
    import_blacklist,
    new_share_code,
    remove_blacklist_entry,
)
from .events import record_buyer_event, record_buyer_events, record_refund_statuses
from .scoring import (
    EVENT_KINDS,
    FraudLosses,
    HighRiskOrder,
    blacklisted_buyer_orders,
    context,
    fraud_losses,
    high_risk_orders,
    mark_checked,
    rescore_all,
    rescore_orders,
    risk_settings,
    save_risk_settings,
    score_unscored,
    unscored_order_ids,
)

__all__ = [
    "BLACKLIST_HEADERS",
    "EVENT_KINDS",
    "BlacklistEntry",
    "FraudLosses",
    "HighRiskOrder",
    "add_to_blacklist",
    "blacklist_entries",
    "blacklisted_buyer_orders",
    "context",
    "export_blacklist",
    "fraud_losses",
    "high_risk_orders",
    "import_blacklist",
    "mark_checked",
    "new_share_code",
    "record_buyer_event",
    "record_buyer_events",
    "record_refund_statuses",
    "remove_blacklist_entry",
    "rescore_all",
    "rescore_orders",
    "risk_settings",
    "save_risk_settings",
    "score_unscored",
    "unscored_order_ids",
]
