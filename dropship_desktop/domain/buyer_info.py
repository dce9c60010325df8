"""Buyer information for the fraud checks: normalised keys and the checks of one order's fields.

Phone numbers (a valid mainland mobile or landline, through ``phonenumbers``), addresses
(complete to the district and street? a parcel locker?), receiver names and buyer messages are
judged here, and the buyer keys (phone, name, address, member) are normalised and hashed with a
salt (:func:`buyer_key`), so history and the blacklist compare keys, never buyer data in the
clear. :mod:`~dropship_desktop.domain.risk` turns these answers into rules and a level.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Sequence
from enum import IntEnum
from functools import lru_cache
from itertools import accumulate
from typing import TYPE_CHECKING

import phonenumbers
from phonenumbers import PhoneMetadata

if TYPE_CHECKING:
    from .risk import RiskSettings

__all__ = [
    "POSTCODE",
    "KeyKind",
    "StaticChecker",
    "address_incomplete",
    "buyer_key",
    "is_locker",
    "is_placeholder",
    "name_not_a_name",
    "normalise_address",
    "normalise_name",
    "normalise_phone",
    "phone_valid",
    "remark_flags",
    "static_codes",
]

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
    """NFKC, no postcode, spaces or punctuation, lower case: the same place written slightly
    differently (full-width digits, spaces, 号 after a dash, a postcode) compares equal."""
    text = POSTCODE.sub("", unicodedata.normalize("NFKC", address or ""))
    return _SPACE.sub("", text).lower()


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


def is_placeholder(text: str) -> bool:
    """Whether a receiver field is what a platform puts for data it hid or masked (Douyin's
    ``##密文…`` / ``$$密文…``, ``***``, 138****5678): no rule judges it, no key is made of it."""
    return bool(text) and (
        "*" in text or "＊" in text or "密文" in text or text.lstrip().startswith(("##", "$$"))
    )


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
    if not text or is_placeholder(text):
        return None
    digits = normalise_phone(text)
    # The common case, without a parse (~60 µs): the mobile ranges phonenumbers knows.
    if len(digits) == 11 and digits[0] == "1" and _CN_MOBILE.fullmatch(digits):
        return True
    if not 7 <= len(digits) <= 12:
        return False
    return _phone_valid_slow(digits)


_STREET = re.compile(
    r"(路|街|道|巷|弄|胡同|号|村|组|屯|镇|乡|栋|幢|座|单元|室|楼|大厦|广场|小区|花园|苑|园|公寓|"
    r"学校|大学|学院|公司|工业区|园区|医院|宿舍|中心|驿站|柜)"
)
#: A district-level unit early in the address, then a street-level word: complete. The 区 of
#: 自治区 / 特别行政区 / 地区 (province, prefecture) and of 小区 / 社区 / 校区 / 景区 is no
#: district (工业园区, 高新区, 开发区 are: 苏州市 工业园区).
_FAST_COMPLETE = re.compile(
    r"^.{0,14}?(?:(?<!自治)(?<!行政)(?<![地小社校景])区|县|旗|镇|乡|街道)"
    r".{2,}?(?:路|街|道|巷|弄|号|村|组|栋|幢|座|室|楼|大厦|小区|花园|苑)"
)
#: A postcode the platform appends: 文三路 123号 (310000) / （310000） / 123号 310000.
POSTCODE = re.compile(r"\s*(?:[(（]\s*\d{6}\s*[)）]|(?<=\s)\d{6})\s*$")
_MUNICIPALITY = re.compile(r"^(北京|上海|天津|重庆)市?(?:\1市)?")  # 北京 北京市 / 上海市
_PROVINCE = re.compile(r"^[\u3400-\u9fff]{2,7}?(?:省|自治区|特别行政区)")
#: Prefecture level: 杭州市, 伊犁哈萨克自治州, 锡林郭勒盟, 大兴安岭地区 (never a bare 州: 杭州|市).
_CITY = re.compile(r"^[^区县旗路街道号镇乡\d]{1,10}?(?:自治州|地区|盟|市)")
#: County level: 西湖区, 浦东新区, 工业园区, 昆山市 (县级市), 奉节县, 阿荣旗, 陵水黎族自治县.
_COUNTY = re.compile(r"^[^路街号\d]{0,10}?(?:(?<![小社校景])区|县|旗|市)")
#: A town straight under a city without districts (东莞 长安镇, 儋州 那大镇, 仙桃 干河街道).
_TOWN = re.compile(r"^[^路街号\d]{1,8}?(?:镇|乡|街道)")


def address_incomplete(address: str) -> str | None:
    """What a full address lacks: ``"district"``, ``"street"``, or None when it looks complete.

    Reads the address as the platforms write it, spaces or none (浙江省 杭州市 西湖区 文三路
    123号), with or without a postcode (``(310000)``), through autonomous regions (广西壮族
    自治区, 内蒙古自治区), municipalities (北京 北京市 朝阳区, 上海市 浦东新区), 自治州, 盟 and
    county-level cities. A city with districts but none written (浙江省 杭州市 文三路 123号)
    lacks the district; a town straight under the city (东莞市 长安镇) stands for it.
    Masked addresses (``广东省深圳市****``) cannot be judged (None).
    """
    if _FAST_COMPLETE.search(address or "") and "*" not in address:
        return None  # the common case in one search
    text = unicodedata.normalize("NFKC", address or "").strip()
    if not text or is_placeholder(text):
        return None
    text = "".join(POSTCODE.sub("", text).split())
    if not text:
        return None
    special = False
    match = _MUNICIPALITY.match(text)
    if match:
        rest = text[match.end() :]
    else:
        match = _PROVINCE.match(text)
        rest = text[match.end() :] if match else text
        special = bool(match) and match.group(0).endswith("特别行政区")
        city = _CITY.match(rest)
        if city:
            rest = rest[city.end() :]
    county = _COUNTY.match(rest)
    if county:
        rest = rest[county.end() :]
    town = _TOWN.match(rest)
    if town:
        rest = rest[town.end() :]
    if not (county or town or special):
        return "district"
    if len(rest) < 4 or not _STREET.search(rest):
        return "street"
    return None


_LOCKER_WORDS = ("丰巢", "快递柜", "智能柜", "自提柜", "储物柜", "驿站", "代收点", "代收", "自提点",
                 "菜鸟", "速递易", "收件宝", "兔喜", "妈妈驿站")  # fmt: skip
_LOCKER = re.compile(
    "(" + "|".join(_LOCKER_WORDS) + r"|(?i:parcel locker|pick-?up point))"  # case: English only
)
#: The first characters of every locker word: a text without any has no locker (a cheap test
#: of a whole import block before the full pattern).
_LOCKER_FIRST = re.compile("[" + "".join({w[0] for w in _LOCKER_WORDS}) + "Pp]")


def is_locker(address: str) -> bool:
    """Whether the address is a parcel locker, a pick-up point or a 代收点."""
    return bool(_LOCKER.search(address or ""))


#: Whole names that are a placeholder, not a person (compared without spaces, lower case). A
#: real name that merely contains one of these characters (张无忌, 刘亲, 秦老师傅) is a name.
_PLACEHOLDER_NAMES = (
    "亲", "亲亲", "亲爱的", "无", "无名", "无名氏", "没有", "空", "先生", "女士", "小姐", "老师",
    "师傅", "老板", "老板娘", "收件人", "收货人", "收件", "签收人", "客户", "顾客", "买家",
    "卖家", "本人", "自己", "我", "快递", "快递员", "未知", "不详", "不知道", "你猜", "某某",
    "某人", "匿名", "宝宝", "宝贝", "美女", "帅哥", "哥哥", "姐姐", "朋友", "家人", "前台",
    "门卫", "保安", "物业", "test", "testing", "unknown", "null", "none", "nil", "name",
    "buyer", "customer", "receiver", "abc", "asd", "asdf", "qwe", "qwer", "zxc", "zxcv",
)  # fmt: skip
#: A placeholder: one of the words above, 测试 (测试, 测试订单, 测试1), laughter (哈哈哈), or
#: Latin garbage (one letter repeated, no vowel in three or more letters).
_PLACEHOLDER = re.compile(
    "(?:"
    + "|".join(map(re.escape, sorted(_PLACEHOLDER_NAMES, key=len, reverse=True)))
    + r")|测试.*|[哈呵嗯啊哦]{2,}|([a-z])\1+|[b-df-hj-np-tv-xz]{3,}",
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

    Fires on placeholders only: empty, one character, digits, a whole name that is a word such
    as 亲, 无, 先生, 测试, 收货人, Latin garbage, or a shape no name has (symbols, mixed
    scripts). A real name containing such a character (张无忌, 刘亲) does not fire.
    Cached: names repeat a lot.
    """
    return _name_not_a_name(name or "")


@lru_cache(maxsize=65536)
def _name_not_a_name(name: str) -> bool | None:
    text = unicodedata.normalize("NFKC", name or "").strip()
    if is_placeholder(text):
        return None
    if not text:
        return True
    if any(ch.isdigit() for ch in text):
        return True
    compact = "".join(text.split())
    if len(compact) < 2 or _PLACEHOLDER.fullmatch(compact):
        return True
    return not (_NAME_OK.match(text) or _NAME_OK.match(compact))  # 欧阳 修: spaced


_PROVINCES = (
    "北京|上海|天津|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|"
    "广东|海南|四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门"
)
_BIG_CITIES = (
    "深圳|广州|杭州|南京|苏州|成都|武汉|西安|长沙|郑州|济南|青岛|大连|沈阳|哈尔滨|长春|厦门|福州|"
    "宁波|温州|无锡|合肥|南昌|昆明|贵阳|南宁|海口|三亚|兰州|银川|西宁|乌鲁木齐|拉萨|呼和浩特|"
    "石家庄|太原|东莞|佛山|珠海|中山|惠州|常州|徐州|义乌"
)
#: Asks to change the address, or to send the goods to another city or full address. Delivery
#: instructions (放门口, 寄到驿站就行, 发到菜鸟驿站, 送到公司前台) are not.
_SHIP_ELSEWHERE = re.compile(
    r"(?:改|换|修改|更改|更换)(?:一下|个|下)?(?:收货|收件|寄送|邮寄|发货)?地址"
    r"|地址(?:要|需要|得)?(?:改|换)|地址(?:写|填)?错|(?:写|填)错(?:了)?(?:收货|收件)?地址"
    r"|地址(?:有误|不对)|(?:别的|另一个|另外的?|其他|新的?)(?:收货|收件)?地址|改发|改寄|改送"
    r"|(?:不要|别)(?:发|寄|送)(?:到)?(?:这个|原来的?|订单上?的?)(?:收货)?地址"
    r"|(?:寄到|发到|送到|寄往|发往|寄去|发去|改到|邮到)\s*(?!城市|门市)(?:(?:"
    + _PROVINCES
    + "|"
    + _BIG_CITIES
    # 北京路, 中山路, 长春街: streets named after cities are delivery instructions.
    + r")(?![路街道巷])|[\u4e00-\u9fff]{1,7}?(?:省|自治区|(?<![超菜])市(?!场)|自治州))"
    r"|ship (?:it )?to (?:another|a different)|different address",
    re.IGNORECASE,
)
_CHAT = r"(?:微信|威信|薇信|v信|(?<![a-z])(?:vx|wx|wechat)(?![a-z])|(?<![a-z])qq(?![a-z])|扣扣)"
#: Asks to contact or pay off-platform: a chat app with an id, "add me", a transfer, a private
#: deal, cash back. Not 打我电话 / 到了联系我 (the platform's own delivery calls), not qq糖.
_OFF_PLATFORM = re.compile(
    r"加(?:我)?(?:一下|下)?(?:的)?\s*(?:个|好友)?\s*"
    + _CHAT
    + r"|"
    + _CHAT
    + r"\s*(?:号|群)?\s*[:：]?\s*[a-z0-9][a-z0-9_-]{4,}"
    + r"|"
    + _CHAT
    + r"(?:上|里)?(?:联系|聊|找我|加我|私聊|转|号|付给|付款给)"
    + r"|(?:联系|私聊|找)我?(?:的)?\s*"
    + _CHAT
    # 加我 alone ("加我，有优惠"), not 多加我一双筷子 / 能多加我一个袋子吗.
    + r"|(?<![多再])加我(?![一二两三几个点些双份条块件包])"
    + r"|私下|私聊|线下(?:交易|付|转|联系)|支付宝转|转账|转给你|打款给|银行卡|返现|好评返"
    r"|微信红包|刷单|whatsapp|telegram",
    re.IGNORECASE,
)


def remark_flags(remark: str) -> tuple[bool, bool]:
    """(asks to ship elsewhere, asks to contact or pay off-platform) from the buyer's message."""
    if not remark:
        return False, False
    text = unicodedata.normalize("NFKC", remark)
    elsewhere = any(
        not _NEGATED.search(text, max(0, m.start() - 3), m.start())
        for m in _SHIP_ELSEWHERE.finditer(text)
    )
    return elsewhere, bool(_OFF_PLATFORM.search(text))


#: Just before an address request, it says the opposite (不用改地址, 无需换地址).
_NEGATED = re.compile(r"(?:不用|不要|无需|不必|不需要|没有?)\s*$")


# --- many orders at import speed ------------------------------------------------------------


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


#: Between buyer messages searched together: no message pattern matches it. (Keep it so: the
#: patterns have no ``.``, negated class, ``\S``, ``^`` or ``$`` that could.)
_MESSAGE_SEP = "\x00"


def _messages_to_check(remarks: Sequence[str]) -> set[int] | list[int]:
    """Indices of the buyer messages in which a message rule's pattern matches (all of them
    searched at once, after NFKC as :func:`remark_flags` reads them): the others fire nothing.

    Every match one message alone has is found in the joined text too (the patterns have no
    anchors and their look-arounds read the separator as they read a message's edge), so only
    these need :func:`remark_flags`, which also reads what precedes a match.
    """
    at = [i for i, remark in enumerate(remarks) if remark]
    joined = unicodedata.normalize("NFKC", _MESSAGE_SEP.join([remarks[i] for i in at]))
    parts = joined.split(_MESSAGE_SEP)
    if len(parts) != len(at):  # a message holds the separator
        return at
    # ends[k]: where message k+1 starts; a position p is in message bisect_right(ends, p).
    ends = list(accumulate(len(part) + 1 for part in parts))
    found: set[int] = set()
    for pattern in (_SHIP_ELSEWHERE, _OFF_PLATFORM):
        for match in pattern.finditer(joined):
            first = bisect_right(ends, match.start())
            found.update(at[first : bisect_right(ends, match.end() - 1) + 1])
    return found


#: The commonest name shape (two to four Chinese characters): nothing to check further.
_PLAIN_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}")
_SEP = "\x1e"


def _run_of(pattern: str) -> re.Pattern[str]:
    """A pattern matching a run of values of a column joined by U+001E that each match
    *pattern* whole (*pattern* matches no separator); atomic, so that a value that fails
    ends the run without backtracking into the values before it."""
    value = f"(?>{pattern})(?={_SEP}|\\Z)"
    return re.compile(f"{value}(?:{_SEP}{value})*")


_MOBILES_RUN = _run_of(_CN_MOBILE.pattern)
_PLAIN_NAMES_RUN = _run_of(_PLAIN_NAME.pattern)


def _failing(
    column: Sequence[str], run: re.Pattern[str], one: Callable[[str], object]
) -> list[int]:
    """Indices of the values *one* finds no match in. The joined column is matched a run of
    passing values at a time (*run*, C speed: most blocks are one run); only the value that
    ends a run is tested alone."""
    joined = _SEP.join(column)
    count = len(column)
    if joined.count(_SEP) != count - 1:  # empty, or a value holds the separator
        return [i for i, match in enumerate(map(one, column)) if match is None]
    failing: list[int] = []
    index = pos = 0
    while index < count:
        match = run.match(joined, pos)
        if match is not None:
            index += joined.count(_SEP, pos, match.end()) + 1
            if index == count:
                break
            pos = match.end() + 1  # the value after the run: it ends the run
        if one(column[index]) is None:
            failing.append(index)
        index += 1
        pos = joined.find(_SEP, pos) + 1
    return failing


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

    The common case of each field is recognised by one compiled pattern (phones and names:
    over the joined column, a run of passing values at a time, :func:`_failing`), what no
    order of the block has (a payment method, a locker, a masked address) by one search of
    the joined column, and the buyer messages a rule may fire on by one search of them all
    (:func:`_messages_to_check`); only the few orders where something may be off go through
    the full check.
    """
    count = len(names)
    check: set[int] = set()
    # A name of 2–4 common ideographs (NFKC leaves them as they are) is "not a name" only when
    # it is a placeholder as a whole: the same answer _name_not_a_name gives.
    # (Addresses value by value: a run of them is slower, the pattern's work dominates.)
    check.update(i for i, ok in enumerate(map(_FAST_COMPLETE.search, addresses)) if ok is None)
    check.update(_failing(phones, _MOBILES_RUN, _CN_MOBILE.fullmatch))
    check.update(_failing(names, _PLAIN_NAMES_RUN, _PLAIN_NAME.fullmatch))
    placeholders = list(map(_PLACEHOLDER.fullmatch, names))
    if placeholders.count(None) != count:
        check.update(i for i, match in enumerate(placeholders) if match is not None)
    if any(payments):
        check.update(i for i, value in enumerate(payments) if value)
    if any(remarks):
        check.update(_messages_to_check(remarks))
    joined = _SEP.join(addresses)
    if "*" in joined:
        check.update(i for i, address in enumerate(addresses) if "*" in address)
    if _LOCKER_FIRST.search(joined) and _LOCKER.search(joined):
        high = checker.settings.high_value_fen
        check.update(
            i for i, (address, sale) in enumerate(zip(addresses, sales, strict=True))
            if sale >= high and _LOCKER.search(address)
        )  # fmt: skip
    codes = [""] * count
    for i in check:
        codes[i] = checker.check(
            names[i], phones[i], addresses[i], sales[i], payments[i], remarks[i]
        )
    return codes
