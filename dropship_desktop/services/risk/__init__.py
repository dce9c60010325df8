"""Fraud checks (防骗): scoring, "checked, fine", buyer events and the blacklist.

Scoring itself is in :mod:`.risk_engine`; this module holds the use cases around it.

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
