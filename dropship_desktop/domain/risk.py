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

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import IntEnum
from functools import lru_cache

import phonenumbers
from phonenumbers import PhoneMetadata

from ..i18n import QT_TRANSLATE_NOOP, Text, with_values

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
    "static_codes",
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


# --- normalisation and keys -------------------------------------------------------------------

_NON_DIGIT = re.compile(r"\D")
_SPACE = re.compile(r"[\s\u3000,，。.、;；:：()（）\[\]【】#＃\-—_/\\]+")
_EXTENSION = re.compile(r"^(.*?\d{7,})\s*(?:-|转|ext\.?|x|,|，)\s*(\d{1,6})$", re.IGNORECASE)


class KeyKind(IntEnum):
    """What a buyer key hashes (also the blacklist's entry kinds)."""

    PHONE = 1
    MEMBER = 2
    ADDRESS = 3
    NAME_PHONE = 4
    NAME_ADDRESS = 5


KEY_KIND_CODES: dict[KeyKind, str] = {
    KeyKind.PHONE: "phone",
    KeyKind.MEMBER: "member",
    KeyKind.ADDRESS: "address",
    KeyKind.NAME_PHONE: "name_phone",
    KeyKind.NAME_ADDRESS: "name_address",
}


def normalise_phone(phone: str) -> str:
    """Digits only, without a leading +86/0086 or the extension of a virtual number."""
    text = unicodedata.normalize("NFKC", phone or "").strip()
    match = _EXTENSION.match(text)
    if match:
        text = match.group(1)
    digits = _NON_DIGIT.sub("", text)
    if digits.startswith("0086"):
        digits = digits[4:]
    elif digits.startswith("86") and len(digits) == 13:
        digits = digits[2:]
    return digits


def normalise_name(name: str) -> str:
    """NFKC, no spaces, lower case."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", name or "")).lower()


def normalise_address(address: str) -> str:
    """NFKC, no spaces or punctuation, lower case: the same place written slightly differently
    (full-width digits, spaces, 号 after a dash) compares equal."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", address or "")).lower()


def buyer_key(kind: KeyKind, value: str, salt: bytes) -> int:
    """A 63-bit salted hash of a normalised buyer value (0 for an empty or masked value).

    Blake2b keyed with *salt*: without the salt a key reveals nothing, and two lists match only
    when they share it (see ``services/risk`` on sharing a blacklist).
    """
    if not value or "*" in value:
        return 0
    digest = hashlib.blake2b(f"{int(kind)}:{value}".encode(), digest_size=8, key=salt[:64]).digest()
    return int.from_bytes(digest, "big") >> 1 or 1


# --- single-order checks ----------------------------------------------------------------------

_CN_MOBILE = re.compile(PhoneMetadata.metadata_for_region("CN").mobile.national_number_pattern)


@lru_cache(maxsize=4096)
def _phone_valid_slow(digits: str) -> bool:
    for candidate in (digits, "0" + digits) if not digits.startswith("0") else (digits,):
        try:
            number = phonenumbers.parse(candidate, "CN")
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number_for_region(number, "CN"):
            return True
    return False


def phone_valid(phone: str) -> bool | None:
    """Whether *phone* is a valid mainland mobile or landline number (phonenumbers' metadata).

    Returns None when it cannot be judged: empty, or masked by the platform (138****5678).
    Virtual numbers with an extension (``17012345678-1234``, ``…转1234``) are judged by the
    number before the extension.
    """
    if len(phone) == 11 and phone.isdigit():  # the common case, no normalising
        return bool(_CN_MOBILE.fullmatch(phone)) or _phone_valid_slow(phone)
    text = (phone or "").strip()
    if not text or "*" in text:
        return None
    digits = normalise_phone(text)
    # The common case, without a parse (~60 µs): the mobile ranges phonenumbers knows.
    if len(digits) == 11 and digits[0] == "1" and _CN_MOBILE.fullmatch(digits):
        return True
    if not 7 <= len(digits) <= 12:
        return False
    return _phone_valid_slow(digits)


_DISTRICT = re.compile(r"(区|县|旗|市|镇|乡|街道)")
_STREET = re.compile(
    r"(路|街|道|巷|弄|胡同|号|村|组|屯|镇|乡|栋|幢|座|单元|室|楼|大厦|广场|小区|花园|苑|园|公寓|"
    r"学校|大学|学院|公司|工业区|园区|医院|宿舍|中心|驿站|柜)"
)
#: A district-level unit early in the address, then a street-level word: complete.
_FAST_COMPLETE = re.compile(
    r"^.{0,14}?(?:区|县|旗|镇|乡|街道).{2,}?(?:路|街|道|巷|弄|号|村|组|栋|幢|座|室|楼|大厦|小区|花园|苑)"
)
_PROVINCE_CITY = re.compile(
    r"^(.{2,7}?(?:省|自治区|特别行政区)|北京|上海|天津|重庆)?(.{2,10}?(?:自治州|地区|市|州|盟))?"
)


def address_incomplete(address: str) -> str | None:
    """What a full address lacks: ``"district"``, ``"street"``, or None when it looks complete.

    Masked addresses (``广东省深圳市****``) cannot be judged (None).
    """
    if _FAST_COMPLETE.search(address or "") and "*" not in address:
        return None  # the common case in one search
    text = unicodedata.normalize("NFKC", address or "").strip()
    if not text or "*" in text:
        return None
    match = _PROVINCE_CITY.match(text)
    rest = text[match.end() :] if match else text
    if not _DISTRICT.search(rest[:12]):
        return "district"
    # The detail after the district: a street, a number, a building…
    district = _DISTRICT.search(rest)
    detail = rest[district.end() :] if district else rest
    if len(detail) < 4 or not _STREET.search(detail):
        return "street"
    return None


_LOCKER = re.compile(
    r"(丰巢|快递柜|智能柜|自提柜|储物柜|驿站|代收点|代收|自提点|菜鸟|速递易|收件宝|兔喜|妈妈驿站|"
    r"parcel locker|pick-?up point)",
    re.IGNORECASE,
)


def is_locker(address: str) -> bool:
    """Whether the address is a parcel locker, a pick-up point or a 代收点."""
    return bool(_LOCKER.search(address or ""))


_NAME_WORDS = re.compile(
    r"(先生|女士|小姐|收件人|收货人|客户|顾客|买家|亲|老板|快递|测试|test|unknown|null|none|"
    r"无|未知|不详|你猜|某某|xxx|aaa|asd|qwe)",
    re.IGNORECASE,
)
# Chinese names (2–6 characters), transliterated minority names with a middle dot
# (阿依古丽·买买提), Latin names.
_NAME_OK = re.compile(
    r"^[\u3400-\u9fff]{2,6}$|^[\u3400-\u9fff]{1,8}(?:[·•・][\u3400-\u9fff]{1,8}){1,3}$"
    r"|^[A-Za-z][A-Za-z .'-]{1,39}$"
)


def name_not_a_name(name: str) -> bool | None:
    """Whether the recipient's name is not a person's name (None: masked, cannot be judged).

    An empty name counts as not a name (a parcel needs one). Cached: names repeat a lot.
    """
    return _name_not_a_name(name or "")


@lru_cache(maxsize=65536)
def _name_not_a_name(name: str) -> bool | None:
    text = unicodedata.normalize("NFKC", name or "").strip()
    if "*" in text:
        return None
    if not text:
        return True
    if any(ch.isdigit() for ch in text):
        return True
    if _NAME_WORDS.search(text) and len(text) <= 4 and not text.endswith(("先生", "女士")):
        return True
    if _NAME_WORDS.search(text) and text.endswith(("先生", "女士", "小姐")) and len(text) <= 2:
        return True
    if text.endswith(("先生", "女士", "小姐")) and len(text) in (3, 4):
        return False  # 王先生: a surname and a form of address is how many buyers sign
    if _NAME_WORDS.search(text):
        return True
    return not _NAME_OK.match(text)


_SHIP_ELSEWHERE = re.compile(
    r"(改地址|换地址|改个地址|换个地址|地址改|改发|改寄|发到|寄到|送到别|别的地址|另一个地址|"
    r"新地址|不要发.*地址|ship to another|different address)",
    re.IGNORECASE,
)
_OFF_PLATFORM = re.compile(
    r"(微信|加微|加v|\bvx\b|\bwx\b|v信|薇信|威信|qq|扣扣|私聊|私下|加我|联系我|打我电话|线下|转账|"
    r"支付宝转|银行卡|红包|返现|好评返|wechat|whatsapp|telegram)",
    re.IGNORECASE,
)


def remark_flags(remark: str) -> tuple[bool, bool]:
    """(asks to ship elsewhere, asks to contact or pay off-platform) from the buyer's message."""
    if not remark:
        return False, False
    text = unicodedata.normalize("NFKC", remark)
    return bool(_SHIP_ELSEWHERE.search(text)), bool(_OFF_PLATFORM.search(text))


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


class StaticChecker:
    """:func:`static_hits` for many orders at import speed (a few µs per order).

    Takes the order's fields directly (no :class:`OrderFacts` per row) and caches what repeats:
    phone validity by the first five digits of a mobile number (the mobile ranges in
    phonenumbers' metadata are decided by at most five), names.
    """

    def __init__(self, settings: RiskSettings) -> None:
        self.settings = settings
        self._mobile: dict[str, bool] = {}
        self._payments = tuple(p.lower() for p in settings.risky_payments if p)
        self._payment_seen: dict[str, bool] = {}

    def check(
        self,
        name: str,
        phone: str,
        address: str,
        sale_fen: int,
        payment: str = "",
        remark: str = "",
    ) -> str:
        """The encoded static hits of one order ("" for most)."""
        hits: list[str] = []
        if len(phone) == 11 and phone.isdigit():
            ok = self._mobile.get(phone[:5])
            if ok is None:
                ok = bool(_CN_MOBILE.fullmatch(phone))
                if ok or phone[0] != "1":
                    self._mobile[phone[:5]] = ok
                else:
                    ok = bool(phone_valid(phone))
            if not ok:
                hits.append("phone_invalid")
        elif phone_valid(phone) is False:
            hits.append("phone_invalid")
        if not (address and _FAST_COMPLETE.search(address)) or "*" in address:
            missing = address_incomplete(address)
            if missing is not None:
                hits.append("address_incomplete=" + missing)
        if sale_fen >= self.settings.high_value_fen and is_locker(address):
            hits.append(f"locker_high_value={sale_fen}")
        if _name_not_a_name(name):
            hits.append("name_not_a_name")
        if payment:
            risky = self._payment_seen.get(payment)
            if risky is None:
                method = payment.lower()
                risky = self._payment_seen[payment] = any(p in method for p in self._payments)
            if risky:
                hits.append("payment_risky")
        if remark:
            elsewhere, off = remark_flags(remark)
            if elsewhere:
                hits.append("remark_ship_elsewhere")
            if off:
                hits.append("remark_off_platform")
        return ";".join(hits)


#: The commonest name shape (two to four Chinese characters): nothing to check further.
_PLAIN_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}")


def static_codes(
    checker: StaticChecker,
    names: Sequence[str],
    phones: Sequence[str],
    addresses: Sequence[str],
    sales: Sequence[int],
    payments: Sequence[str],
    remarks: Sequence[str],
) -> list[str]:
    """:meth:`StaticChecker.check` of many orders at once (the import's path).

    The common case of each field is recognised by one compiled pattern mapped over the column
    (C speed); only the few orders where a pattern does not match go through the full check.
    """
    count = len(names)
    ok_phone = list(map(_CN_MOBILE.fullmatch, phones))
    ok_address = list(map(_FAST_COMPLETE.search, addresses))
    ok_name = list(map(_PLAIN_NAME.fullmatch, names))
    high = checker.settings.high_value_fen
    codes = [""] * count
    for i in range(count):
        if (
            ok_phone[i] is None
            or ok_address[i] is None
            or remarks[i]
            or payments[i]
            or (sales[i] >= high and _LOCKER.search(addresses[i]))
            or "*" in addresses[i]
            or (ok_name[i] is None or _name_not_a_name(names[i]))
        ):
            codes[i] = checker.check(
                names[i], phones[i], addresses[i], sales[i], payments[i], remarks[i]
            )
    return codes
