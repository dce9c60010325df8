"""Fraud checks (防骗, seed §7): explainable risk rules for a shop order and its buyer.

Every rule has an id, a weight and a plain explanation. A rule either fires or not on the facts
of one order (:class:`OrderFacts`) plus what is known about the buyer across all shops
(:class:`BuyerHistory`, :class:`WindowCounts`); :func:`score` adds the weights of the rules that
fired into a level (none / watch / high). Nothing here reads the database or the clock: the
store gathers the facts, this module judges them, so the same facts always give the same answer.

A fired rule is stored on the order as ``id`` or ``id=value`` (value: a count or a short code,
never buyer data), joined by ``;`` (:func:`encode_hits`), so the order list can show and filter
the level without recomputing, and the detail pane can explain each rule
(:func:`explain`).

Buyer keys (phone, member name, address, name+phone) are compared by salted hash only
(:func:`buyer_key`), so history and the blacklist never need the values in the clear.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import IntEnum

from ..i18n import QT_TRANSLATE_NOOP, Text, with_values
from .buyer_info import (  # re-exported: the fraud checks' public names stay in one place
    KeyKind,
    address_incomplete,
    buyer_key,
    is_locker,
    name_not_a_name,
    normalise_address,
    normalise_name,
    normalise_phone,
    phone_valid,
    remark_flags,
)

__all__ = [
    "HIGH_SCORE",
    "LEVEL_LABELS_ZH",
    "RULES",
    "RULE_TITLES_ZH",
    "WATCH_SCORE",
    "BuyerHistory",
    "Hit",
    "KeyKind",
    "OrderFacts",
    "RiskLevel",
    "RiskSettings",
    "Rule",
    "WindowCounts",
    "address_incomplete",
    "buyer_key",
    "decode_hits",
    "encode_hits",
    "evaluate",
    "explain",
    "is_locker",
    "level_for",
    "name_not_a_name",
    "normalise_address",
    "normalise_name",
    "normalise_phone",
    "phone_valid",
    "remark_flags",
    "score",
    "static_hits",
]


class RiskLevel(IntEnum):
    """Stored on ``sales_order.risk_level``; higher is worse."""

    NONE = 0
    WATCH = 1
    HIGH = 2

    @property
    def label(self) -> str:
        return _LEVEL_LABELS[self]


_LEVEL_LABELS = {
    RiskLevel.NONE: QT_TRANSLATE_NOOP("Risk", "None"),
    RiskLevel.WATCH: QT_TRANSLATE_NOOP("Risk", "Watch"),
    RiskLevel.HIGH: QT_TRANSLATE_NOOP("Risk", "High"),
}

#: Chinese names of the levels and rules, for files written without the UI's translator
#: (the order export); the UI translates the English texts through Qt.
LEVEL_LABELS_ZH = {RiskLevel.NONE: "无", RiskLevel.WATCH: "关注", RiskLevel.HIGH: "高风险"}
RULE_TITLES_ZH: dict[str, str] = {
    "blacklist": "黑名单",
    "phone_invalid": "手机号无效",
    "address_incomplete": "地址不完整",
    "locker_high_value": "高价商品寄快递柜/代收点",
    "name_not_a_name": "收件人不像真实姓名",
    "phone_many_names": "同一手机号多个收件人",
    "address_many_names": "同一地址多个收件人",
    "buyer_many_phones": "同一买家多个手机号",
    "history_refunds": "多次退款/仅退款/纠纷",
    "history_refund_ratio": "退款率高",
    "history_complaints": "曾投诉（职业打假）",
    "quantity_outlier": "数量或金额异常",
    "address_burst": "短时间多单发往同一地址",
    "payment_risky": "高风险支付方式",
    "remark_ship_elsewhere": "留言要求改寄他处",
    "remark_off_platform": "留言要求站外联系",
    "dispute_deadline": "纠纷待回复",
}

#: A total weight from which an order is worth a look / is high risk.
WATCH_SCORE = 20
HIGH_SCORE = 60


@dataclass(frozen=True, slots=True)
class Rule:
    """One check: its id (stored), weight, group and explanation template.

    ``always_high`` rules make the order high risk on their own (a blacklist match, complaints).
    The explanation names ``{value}`` where the rule stores a value.
    """

    id: str
    weight: int
    group: str
    title: str
    explanation: str
    always_high: bool = False


def _rule(
    id: str, weight: int, group: str, title: str, explanation: str, *, high: bool = False
) -> Rule:
    return Rule(id, weight, group, title, explanation, high)


#: Every rule, in the order they are shown.
RULES: dict[str, Rule] = {
    r.id: r
    for r in (
        _rule(
            "blacklist",
            100,
            "blacklist",
            QT_TRANSLATE_NOOP("Risk", "On the blacklist"),
            QT_TRANSLATE_NOOP(
                "Risk", "The buyer's {value} is on your blacklist (or a partner's you imported)."
            ),
            high=True,
        ),
        _rule(
            "phone_invalid",
            30,
            "buyer",
            QT_TRANSLATE_NOOP("Risk", "Phone number not valid"),
            QT_TRANSLATE_NOOP(
                "Risk",
                "The recipient's phone is neither a valid mainland mobile nor a landline number: "
                "the parcel may not be deliverable, or the order is fake.",
            ),
        ),
        _rule(
            "address_incomplete",
            25,
            "buyer",
            QT_TRANSLATE_NOOP("Risk", "Address incomplete"),
            QT_TRANSLATE_NOOP(
                "Risk",
                "The address has no {value}: check it with the buyer before the supplier ships.",
            ),
        ),
        _rule(
            "locker_high_value",
            30,
            "buyer",
            QT_TRANSLATE_NOOP("Risk", "Parcel locker for valuable goods"),
            QT_TRANSLATE_NOOP(
                "Risk",
                "Goods worth {value} go to a parcel locker or pick-up point (快递柜/代收点): "
                "nobody signs for them, which makes a 'never received' claim easy.",
            ),
        ),
        _rule(
            "name_not_a_name",
            20,
            "buyer",
            QT_TRANSLATE_NOOP("Risk", "Recipient is not a name"),
            QT_TRANSLATE_NOOP(
                "Risk",
                "The recipient's name does not look like a person's name (digits, symbols, a "
                "placeholder or a word such as 'customer').",
            ),
        ),
        _rule(
            "phone_many_names",
            30,
            "buyer",
            QT_TRANSLATE_NOOP("Risk", "One phone, many names"),
            QT_TRANSLATE_NOOP(
                "Risk",
                "This phone number received orders under {value} different names within "
                "{days} days.",
            ),
        ),
        _rule(
            "address_many_names",
            25,
            "buyer",
            QT_TRANSLATE_NOOP("Risk", "One address, many names"),
            QT_TRANSLATE_NOOP(
                "Risk",
                "This address received orders under {value} different names within {days} days.",
            ),
        ),
        _rule(
            "buyer_many_phones",
            25,
            "buyer",
            QT_TRANSLATE_NOOP("Risk", "One buyer, many phones"),
            QT_TRANSLATE_NOOP(
                "Risk",
                "The same name at the same address (or the same member) used {value} different "
                "phone numbers within {days} days.",
            ),
        ),
        _rule(
            "history_refunds",
            35,
            "history",
            QT_TRANSLATE_NOOP("Risk", "Repeated refunds"),
            QT_TRANSLATE_NOOP(
                "Risk",
                "This buyer (same phone, member or address) had {value} refunds, 仅退款 or "
                "disputes before, in any of your shops.",
            ),
        ),
        _rule(
            "history_refund_ratio",
            30,
            "history",
            QT_TRANSLATE_NOOP("Risk", "High refund ratio"),
            QT_TRANSLATE_NOOP(
                "Risk",
                "{value} % of this buyer's orders in your shops ended in a refund.",
            ),
        ),
        _rule(
            "history_complaints",
            60,
            "history",
            QT_TRANSLATE_NOOP("Risk", "Complaints before"),
            QT_TRANSLATE_NOOP(
                "Risk",
                "This buyer filed {value} complaint(s) against your shops before (e.g. "
                "'counterfeit' claims, 职业打假).",
            ),
            high=True,
        ),
        _rule(
            "quantity_outlier",
            25,
            "order",
            QT_TRANSLATE_NOOP("Risk", "Unusual quantity or amount"),
            QT_TRANSLATE_NOOP(
                "Risk",
                "The {value} is far above what this shop usually sells of this product "
                "(about {norm} per order).",
            ),
        ),
        _rule(
            "address_burst",
            20,
            "order",
            QT_TRANSLATE_NOOP("Risk", "Several orders to one address"),
            QT_TRANSLATE_NOOP("Risk", "{value} orders went to this address within {hours} hours."),
        ),
        _rule(
            "payment_risky",
            20,
            "order",
            QT_TRANSLATE_NOOP("Risk", "Risky payment method"),
            QT_TRANSLATE_NOOP(
                "Risk",
                "Paid by a method on your risk list (seed 7.1 ②): the money is not safe until "
                "the buyer pays or keeps the goods.",
            ),
        ),
        _rule(
            "remark_ship_elsewhere",
            25,
            "order",
            QT_TRANSLATE_NOOP("Risk", "Asks to ship elsewhere"),
            QT_TRANSLATE_NOOP(
                "Risk",
                "The buyer's message asks to send the goods to another address than the order's.",
            ),
        ),
        _rule(
            "remark_off_platform",
            30,
            "order",
            QT_TRANSLATE_NOOP("Risk", "Asks to talk off-platform"),
            QT_TRANSLATE_NOOP(
                "Risk",
                "The buyer's message asks to contact or pay outside the platform (WeChat, QQ, "
                "transfer): the platform then protects neither side.",
            ),
        ),
        _rule(
            "dispute_deadline",
            40,
            "dispute",
            QT_TRANSLATE_NOOP("Risk", "Dispute awaiting your answer"),
            QT_TRANSLATE_NOOP(
                "Risk",
                "A dispute or after-sales case on this order needs your answer within {value} "
                "hour(s): unanswered, the platform decides for the buyer (seed 7.1 ③).",
            ),
            high=True,
        ),
    )
}


# --- settings ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RiskSettings:
    """The seller's thresholds (defaults suit a small shop)."""

    #: Goods at least this much (fen) to a parcel locker fire ``locker_high_value``.
    high_value_fen: int = 30_000
    #: Payment methods (substrings, matched case-insensitively) on the seller's risk list.
    risky_payments: tuple[str, ...] = ("货到付款", "先用后付", "cod", "cash on delivery")
    #: The look-back window of the "many names / many phones" rules.
    window_days: int = 30
    #: How many distinct names (or phones) on one key within the window fire the rule.
    many_names: int = 3
    #: Orders to one address within ``burst_hours`` that fire ``address_burst``.
    burst_orders: int = 3
    burst_hours: int = 48
    #: Refunds, 仅退款 or disputes before that fire ``history_refunds``.
    refunds: int = 2
    #: Refund ratio (percent) over at least ``ratio_min_orders`` orders.
    refund_ratio_pct: int = 50
    ratio_min_orders: int = 3
    #: A product needs this many earlier orders in the shop before its norm counts.
    norm_min_orders: int = 10
    #: Quantity/amount at least this many times the norm fire ``quantity_outlier``.
    norm_factor: int = 5

    @classmethod
    def from_json(cls, text: str | None) -> RiskSettings:
        """Settings stored as JSON (unknown keys ignored; defaults for anything unreadable)."""
        import json
        from dataclasses import fields as dataclass_fields

        if not text:
            return cls()
        try:
            data = json.loads(text)
        except ValueError:
            return cls()
        if not isinstance(data, dict):
            return cls()
        known = {f.name for f in dataclass_fields(cls)}
        values = {
            k: (tuple(v) if isinstance(v, list) else v) for k, v in data.items() if k in known
        }
        try:
            return cls(**values)
        except TypeError:
            return cls()


# --- facts, hits, scoring ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class OrderFacts:
    """What one order says about itself (money in fen, times in epoch seconds)."""

    buyer_name: str = ""
    buyer_phone: str = ""
    ship_address: str = ""
    buyer_member: str = ""
    payment_method: str = ""
    remark: str = ""
    sale_fen: int = 0
    quantity: int = 0
    buyer_data_removed: bool = False


@dataclass(frozen=True, slots=True)
class WindowCounts:
    """Counts over the look-back windows, gathered by the store from hashed keys.

    Attributes:
        names_per_phone: Distinct names on this phone within the window (this order's included).
        names_per_address: Distinct names at this address within the window.
        phones_per_buyer: Distinct phones of this name+address (or member) within the window.
        orders_to_address: Orders to this address within the burst window.
    """

    names_per_phone: int = 0
    names_per_address: int = 0
    phones_per_buyer: int = 0
    orders_to_address: int = 0


@dataclass(frozen=True, slots=True)
class BuyerHistory:
    """What this buyer (any of its keys) did before, across all shops.

    Designed to be fed by several sources: refunds from order statuses, and after-sales cases
    (仅退款, disputes, complaints) as they are recorded (``services/risk.record_buyer_event``).

    Attributes:
        orders: Orders of the buyer known (this one included).
        refunds: Refunds (including 仅退款 and refunds after a return).
        refund_only: Of those, refunds without a return (仅退款).
        disputes: Platform disputes / after-sales cases escalated.
        complaints: Complaints (e.g. counterfeit claims).
        dispute_due_at: When the answer to an open dispute on *this* order is due (epoch
            seconds; None: no open dispute with a deadline).
        blacklisted: The kind code of the blacklist entry that matched (``"phone"``…), or "".
        norm_quantity: The shop's mean quantity per order of this product (0: no norm yet).
        norm_amount_fen: The shop's mean amount per order of this product (0: no norm yet).
    """

    orders: int = 0
    refunds: int = 0
    refund_only: int = 0
    disputes: int = 0
    complaints: int = 0
    dispute_due_at: int | None = None
    blacklisted: str = ""
    norm_quantity: float = 0.0
    norm_amount_fen: float = 0.0


@dataclass(frozen=True, slots=True)
class Hit:
    """A rule that fired, with its stored value (a count or a short code; never buyer data)."""

    rule: str
    value: str = ""

    def encode(self) -> str:
        return f"{self.rule}={self.value}" if self.value else self.rule


@dataclass(frozen=True, slots=True)
class Assessment:
    """A scored order: its level, total weight and the rules that fired (in :data:`RULES` order)."""

    level: RiskLevel
    score: int
    hits: tuple[Hit, ...] = field(default_factory=tuple)

    @property
    def encoded(self) -> str:
        return encode_hits(self.hits)


def static_hits(facts: OrderFacts, settings: RiskSettings) -> list[Hit]:
    """The rules that need this order alone (cheap: run for every imported order)."""
    if facts.buyer_data_removed:
        hits: list[Hit] = []
    else:
        hits = []
        if phone_valid(facts.buyer_phone) is False:
            hits.append(Hit("phone_invalid"))
        missing = address_incomplete(facts.ship_address)
        if missing is not None:
            hits.append(Hit("address_incomplete", missing))
        if facts.sale_fen >= settings.high_value_fen and is_locker(facts.ship_address):
            hits.append(Hit("locker_high_value", str(facts.sale_fen)))
        if name_not_a_name(facts.buyer_name):
            hits.append(Hit("name_not_a_name"))
    method = facts.payment_method.lower()
    if method and any(p.lower() in method for p in settings.risky_payments if p):
        hits.append(Hit("payment_risky"))
    elsewhere, off = remark_flags(facts.remark)
    if elsewhere:
        hits.append(Hit("remark_ship_elsewhere"))
    if off:
        hits.append(Hit("remark_off_platform"))
    return hits


def evaluate(
    facts: OrderFacts,
    window: WindowCounts,
    history: BuyerHistory,
    settings: RiskSettings,
) -> Assessment:
    """Every rule on one order: the full, deterministic assessment."""
    hits = static_hits(facts, settings)
    hits.extend(context_hits(facts, window, history, settings))
    return score(hits)


def context_hits(
    facts: OrderFacts, window: WindowCounts, history: BuyerHistory, settings: RiskSettings
) -> list[Hit]:
    """The rules that need other orders: windows, history, norms, disputes, blacklist."""
    hits: list[Hit] = []
    if history.blacklisted:
        hits.append(Hit("blacklist", history.blacklisted))
    if window.names_per_phone >= settings.many_names:
        hits.append(Hit("phone_many_names", str(window.names_per_phone)))
    if window.names_per_address >= settings.many_names:
        hits.append(Hit("address_many_names", str(window.names_per_address)))
    if window.phones_per_buyer >= settings.many_names:
        hits.append(Hit("buyer_many_phones", str(window.phones_per_buyer)))
    bad = history.refunds + history.disputes
    if bad >= settings.refunds:
        hits.append(Hit("history_refunds", str(bad)))
    if (
        history.orders >= settings.ratio_min_orders
        and history.refunds * 100 >= settings.refund_ratio_pct * history.orders
    ):
        hits.append(Hit("history_refund_ratio", str(history.refunds * 100 // history.orders)))
    if history.complaints:
        hits.append(Hit("history_complaints", str(history.complaints)))
    factor = settings.norm_factor
    if history.norm_quantity > 0 and facts.quantity >= max(factor, factor * history.norm_quantity):
        hits.append(Hit("quantity_outlier", f"q{round(history.norm_quantity, 1)}"))
    elif (
        history.norm_amount_fen > 0
        and facts.sale_fen >= factor * history.norm_amount_fen
        and facts.sale_fen >= 20_000
    ):
        hits.append(Hit("quantity_outlier", f"a{int(history.norm_amount_fen)}"))
    if window.orders_to_address >= settings.burst_orders:
        hits.append(Hit("address_burst", str(window.orders_to_address)))
    if history.dispute_due_at is not None:
        hits.append(Hit("dispute_deadline", str(history.dispute_due_at)))
    return hits


_ORDER = {rule_id: i for i, rule_id in enumerate(RULES)}
assert set(RULE_TITLES_ZH) == set(RULES)


def score(hits: Iterable[Hit]) -> Assessment:
    """Sum the weights of *hits* (one per rule, in :data:`RULES` order) into a level."""
    unique: dict[str, Hit] = {}
    for hit in hits:
        unique.setdefault(hit.rule, hit)
    ordered = tuple(sorted(unique.values(), key=lambda h: _ORDER[h.rule]))
    total = sum(RULES[h.rule].weight for h in ordered)
    return Assessment(level_for(total, ordered), total, ordered)


def level_for(total: int, hits: Sequence[Hit]) -> RiskLevel:
    if total >= HIGH_SCORE or any(RULES[h.rule].always_high for h in hits):
        return RiskLevel.HIGH
    if total >= WATCH_SCORE:
        return RiskLevel.WATCH
    return RiskLevel.NONE


def encode_hits(hits: Iterable[Hit]) -> str:
    """``id`` or ``id=value`` joined by ``;`` (stored on the order, shown in exports)."""
    return ";".join(h.encode() for h in hits)


def decode_hits(text: str) -> list[Hit]:
    """The hits of :func:`encode_hits` (unknown rule ids, e.g. from a newer version, skipped)."""
    hits = []
    for part in (text or "").split(";"):
        rule, _, value = part.partition("=")
        if rule in RULES:
            hits.append(Hit(rule, value))
    return hits


_MISSING = {
    "district": QT_TRANSLATE_NOOP("Risk", "district or county"),
    "street": QT_TRANSLATE_NOOP("Risk", "street and number"),
}
_BLACKLIST_KINDS = {
    "phone": QT_TRANSLATE_NOOP("Risk", "phone number"),
    "member": QT_TRANSLATE_NOOP("Risk", "member name"),
    "address": QT_TRANSLATE_NOOP("Risk", "address"),
    "name_phone": QT_TRANSLATE_NOOP("Risk", "name and phone"),
}


def explain(hit: Hit, settings: RiskSettings | None = None, now: int | None = None) -> Text:
    """The plain explanation of a fired rule (a marked text: the UI translates it).

    Nested words (what an address lacks, which blacklist entry) are marked texts too and are
    passed as values; the UI translates them as well (``ui.formatting.translated``).
    *now* (epoch seconds) turns a dispute's deadline into the hours left.
    """
    settings = settings or RiskSettings()
    rule = RULES[hit.rule]
    value: object = hit.value
    extra: dict[str, object] = {}
    if hit.rule == "address_incomplete":
        value = _MISSING.get(hit.value, _MISSING["street"])
    elif hit.rule == "blacklist":
        value = _BLACKLIST_KINDS.get(hit.value, _BLACKLIST_KINDS["phone"])
    elif hit.rule == "dispute_deadline":
        due = int(hit.value) if hit.value.isdigit() else 0
        value = max(0, -(-(due - now) // 3600)) if now is not None and due else "?"
    elif hit.rule == "locker_high_value":
        fen = int(hit.value) if hit.value.isdigit() else settings.high_value_fen
        value = f"¥{fen / 100:,.2f}"
    elif hit.rule == "quantity_outlier":
        kind, number = hit.value[:1], hit.value[1:]
        try:
            norm = float(number)
        except ValueError:
            norm = 0.0
        if kind == "a":
            value = QT_TRANSLATE_NOOP("Risk", "amount")
            extra["norm"] = f"¥{norm / 100:,.2f}"
        else:
            value = QT_TRANSLATE_NOOP("Risk", "quantity")
            extra["norm"] = f"{norm:g}"
    if "{days}" in rule.explanation:
        extra["days"] = settings.window_days
    if "{hours}" in rule.explanation:
        extra["hours"] = settings.burst_hours
    if "{norm}" in rule.explanation:
        extra.setdefault("norm", "?")
    params = {"value": value, **extra} if "{value}" in rule.explanation else extra
    return with_values(rule.explanation, **params)
