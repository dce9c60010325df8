"""Fulfilment rules (代发): listing keys, receiver blocks, purchase states, carriers, ship files.

Pure Python: no PySide6, no peewee. Money is integer fen.

* **Listing keys** identify a shop listing (a shop line's item + spec) for SKU mapping, most
  specific first: the platform's SKU id, the item id + spec text, the seller's 商家编码 + spec,
  then the title + spec. A mapping is stored under the most specific key its line had and found
  by any key a later line has, so a mapping learned from an old export without ids still applies
  to a new one with them.
* **Purchase attempts** are recorded before anything is sent (see ``services/purchasing.py``).
* **Carriers**: 1688 names a carrier its own way (圆通快递, 顺丰快递, 中国邮政 …); every shop platform
  wants the name from its own list in a batch-ship file. :func:`carrier_for_platform` maps one to
  the other; an unknown carrier is reported, never guessed.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..i18n import QT_TRANSLATE_NOOP
from .enums import _Labelled, _labels

__all__ = [
    "HIDDEN_RECEIVER_MARKERS",
    "LIVE_ATTEMPT_STATES",
    "SHIP_FILE_LAYOUTS",
    "WARNING_TEXTS",
    "AttemptState",
    "Cargo",
    "QueueWarning",
    "Receiver",
    "ShipFileLayout",
    "allocate",
    "carrier_for_platform",
    "is_hidden_receiver",
    "listing_keys",
    "normalise_text",
    "offer_id_from_ref",
    "offer_url",
    "receiver_block",
    "ship_file_layout",
    "split_address",
]


# ---- listing keys ------------------------------------------------------------------------------

_SPACES = re.compile(r"\s+")
_NO_SPEC = {"", "无规格", "默认", "默认规格", "-", "无"}


def normalise_text(text: str) -> str:
    """Case-folded text with runs of white space (full-width included) as one space."""
    return _SPACES.sub(" ", (text or "").replace("\u3000", " ")).strip().casefold()


def _spec(text: str) -> str:
    spec = normalise_text(text)
    # "颜色分类:白色;尺码:M" and "白色;M" both appear; keep the text but unify separators.
    spec = re.sub(r"\s*[;；,，/]\s*", ";", spec)
    return "" if spec in _NO_SPEC else spec


def listing_keys(
    *,
    platform_sku_id: str = "",
    platform_item_id: str = "",
    merchant_code: str = "",
    title: str = "",
    spec: str = "",
) -> list[str]:
    """Every key a shop line can be recognised by, most specific first (empty: nothing to go by)."""
    return list(_keys(platform_sku_id, platform_item_id, merchant_code, title, spec))


@functools.lru_cache(maxsize=8192)
def _keys(
    platform_sku_id: str, platform_item_id: str, merchant_code: str, title: str, spec: str
) -> tuple[str, ...]:
    # Imports link thousands of orders of the same few listings: computed once per listing.
    spec_n = _spec(spec)
    keys: list[str] = []
    if (platform_sku_id or "").strip():
        keys.append(f"sku:{platform_sku_id.strip()}")
    if (platform_item_id or "").strip():
        keys.append(f"item:{platform_item_id.strip()}|{spec_n}")
    if (merchant_code or "").strip():
        keys.append(f"code:{normalise_text(merchant_code)}|{spec_n}")
    if normalise_text(title):
        keys.append(f"title:{normalise_text(title)}|{spec_n}")
    if spec_n:
        # Least specific: the listing without its spec. Earlier imports stored shop lines
        # without it; a mapping learned from those still serves their listing's new orders.
        keys.extend(key[: key.rindex("|") + 1] for key in list(keys) if "|" in key)
    return tuple(keys)


# ---- 1688 offers -------------------------------------------------------------------------------

_OFFER_RE = re.compile(r"(?:offer/|offerId=|offer_id=)(\d{6,20})", re.IGNORECASE)
_DIGITS_RE = re.compile(r"^\d{6,20}$")


def offer_id_from_ref(ref: str) -> str:
    """The 1688 Offer ID in an offer link or id text (``""`` when there is none)."""
    text = (ref or "").strip()
    if _DIGITS_RE.match(text):
        return text
    match = _OFFER_RE.search(text)
    return match.group(1) if match else ""


def offer_url(offer_id_1688: str) -> str:
    """The offer's page on 1688."""
    offer_id = offer_id_from_ref(offer_id_1688)
    if not offer_id:
        raise ValueError(f"not a 1688 offer id: {offer_id_1688!r}")
    return f"https://detail.1688.com/offer/{offer_id}.html"


# ---- receivers ---------------------------------------------------------------------------------

#: Placeholders platforms put in place of buyer data they hide (Douyin ``##密文…``, masked phones).
HIDDEN_RECEIVER_MARKERS = ("密文", "##", "$$", "***", "＊")


def is_hidden_receiver(name: str, phone: str, address: str) -> bool:
    """Whether the platform hid the receiver (密文): the 1688 order cannot be addressed from it."""
    if not (name or "").strip() or not (address or "").strip():
        return True
    for value in (name, phone, address):
        text = value or ""
        if any(marker in text for marker in HIDDEN_RECEIVER_MARKERS):
            return True
    digits = re.sub(r"\D", "", phone or "")
    return "*" in (phone or "") or len(digits) < 7


_REGION_RE = re.compile(
    r"^(?P<province>[^\s省市]{2,7}?(?:省|自治区|特别行政区)|北京市?|上海市?|天津市?|重庆市?)?\s*"
    r"(?P<city>[^\s]{2,10}?(?:自治州|地区|市|州|盟))?\s*"
    r"(?P<area>[^\s]{1,8}?(?:区|县|旗|市|镇|街道))?\s*"
    r"(?P<rest>.*)$"
)


def split_address(address: str) -> tuple[str, str, str, str]:
    """``(province, city, district, detail)`` of a Chinese address text (parts may be empty).

    Accepts ``广东省深圳市南山区科技园南路88号`` and the spaced form shops export
    (``广东省 深圳市 南山区 科技园南路88号(518000)``); a trailing post code in brackets is dropped.
    Municipalities repeat as city (北京市 北京市 朝阳区), as 1688's address form expects.
    """
    text = _SPACES.sub(" ", (address or "").replace("\u3000", " ")).strip()
    text = re.sub(r"[(（]\d{6}[)）]\s*$", "", text).strip()
    match = _REGION_RE.match(text)
    if match is None:  # pragma: no cover - the pattern matches any text
        return "", "", "", text
    province = match.group("province") or ""
    city = match.group("city") or ""
    area = match.group("area") or ""
    rest = (match.group("rest") or "").strip()
    if province and not province.endswith(("省", "区", "市")):
        province += "市"
    if province.endswith("市") and not city:
        city = province
    if province and city == province and area == "" and rest.startswith(province):
        rest = rest[len(province) :]
    return province, city, area, rest


@dataclass(frozen=True, slots=True)
class Receiver:
    """A shop order's receiver as 1688's address form takes it."""

    name: str
    mobile: str
    province: str
    city: str
    area: str
    detail: str

    @classmethod
    def of(cls, name: str, phone: str, address: str) -> Receiver:
        province, city, area, detail = split_address(address)
        return cls(name.strip(), re.sub(r"[^\d+\-]", "", phone or ""), province, city, area, detail)

    @property
    def region(self) -> str:
        return " ".join(p for p in (self.province, self.city, self.area) if p)


def receiver_block(receiver: Receiver, shop_order_no: str) -> str:
    """The text copied for 1688's address form (its paste box recognises these labels).

    Four labelled lines in the order of the form (收货人, 手机号码, 所在地区, 详细地址), then the
    message (留言) naming the shop order, so the 1688 order can be matched back.
    """
    return "\n".join(
        (
            f"收货人：{receiver.name}",
            f"手机号码：{receiver.mobile}",
            f"所在地区：{receiver.region}",
            f"详细地址：{receiver.detail}",
            f"留言：代发订单 {shop_order_no}",
        )
    )


# ---- purchase attempts -------------------------------------------------------------------------


class AttemptState(_Labelled):
    """``purchase_attempt.state``.

    ``recorded`` (written before the seller goes to 1688 or the API is called) → ``sent`` (API
    call in flight) → ``linked`` (a 1688 order exists and is linked); manual path: ``recorded`` →
    ``number_pending`` (the seller ordered on 1688, the number is not known yet) → ``linked``.
    ``unknown``: the API answer was lost (or the app stopped mid-call) — resolved by looking the
    order up by ``outOrderId``, never by ordering again. ``failed`` / ``abandoned``: nothing
    was ordered; the shop order is back in the queue.
    """

    RECORDED = "recorded"
    SENT = "sent"
    NUMBER_PENDING = "number_pending"
    UNKNOWN = "unknown"
    LINKED = "linked"
    FAILED = "failed"
    ABANDONED = "abandoned"


_labels(
    AttemptState,
    {
        "recorded": ("Being placed", "正在下单"),
        "sent": ("Sent to 1688", "已提交 1688"),
        "number_pending": ("Ordered, number pending", "已下单，待填单号"),
        "unknown": ("Answer lost: check", "结果未知，待核实"),
        "linked": ("Linked", "已关联"),
        "failed": ("Not placed", "下单失败"),
        "abandoned": ("Not ordered", "未下单"),
    },
)

#: States that count as a live purchase: a second one for the same shop order is refused.
LIVE_ATTEMPT_STATES: frozenset[AttemptState] = frozenset(
    {
        AttemptState.RECORDED,
        AttemptState.SENT,
        AttemptState.NUMBER_PENDING,
        AttemptState.UNKNOWN,
    }
)


@dataclass(frozen=True, slots=True)
class Cargo:
    """One goods line of a purchase (``cargoParamList`` entry plus what the app needs)."""

    line_id: int
    offer_id_1688: str
    spec_id_1688: str
    quantity: int
    title: str = ""
    offer_id: int | None = None
    supplier_id: int | None = None
    unit_price_fen: int = 0

    def as_dict(self) -> dict[str, object]:
        return {
            "line_id": self.line_id,
            "offer_id_1688": self.offer_id_1688,
            "spec_id_1688": self.spec_id_1688,
            "quantity": self.quantity,
            "title": self.title,
            "offer_id": self.offer_id,
            "supplier_id": self.supplier_id,
            "unit_price_fen": self.unit_price_fen,
        }

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> Cargo:
        return cls(
            int(data["line_id"]),  # type: ignore[arg-type]
            str(data.get("offer_id_1688") or ""),
            str(data.get("spec_id_1688") or ""),
            int(data.get("quantity") or 1),  # type: ignore[arg-type]
            str(data.get("title") or ""),
            int(data["offer_id"]) if data.get("offer_id") is not None else None,  # type: ignore[arg-type]
            int(data["supplier_id"]) if data.get("supplier_id") is not None else None,  # type: ignore[arg-type]
            int(data.get("unit_price_fen") or 0),  # type: ignore[arg-type]
        )


# ---- queue warnings ----------------------------------------------------------------------------


class QueueWarning(_Labelled):
    """Why a queued order needs a look before it is placed."""

    NO_MAPPING = "no_mapping"
    SUGGESTED = "suggested"
    PROPOSED = "proposed"
    OUT_OF_STOCK = "out_of_stock"
    STALE = "stale"
    LOW_MARGIN = "low_margin"
    HIDDEN_RECEIVER = "hidden_receiver"
    SHOP_CANCELLED = "shop_cancelled"
    SEVERAL_SUPPLIERS = "several_suppliers"
    NO_OFFER_ID = "no_offer_id"
    HIGH_RISK = "high_risk"


_labels(
    QueueWarning,
    {
        "no_mapping": ("No mapping", "未关联货源"),
        "suggested": ("Suggested offer", "建议货源"),
        "proposed": ("Mapping not confirmed", "关联待确认"),
        "out_of_stock": ("Out of stock", "缺货"),
        "stale": ("Offer not checked lately", "货源久未核对"),
        "low_margin": ("Margin under threshold", "利润率低于设定"),
        "hidden_receiver": ("Receiver hidden (密文)", "收货信息为密文"),
        "shop_cancelled": ("Cancelled on the shop", "店铺订单已取消"),
        "several_suppliers": ("Several suppliers", "涉及多个供应商"),
        "no_offer_id": ("No 1688 offer id", "缺少 1688 商品 ID"),
        "high_risk": ("High risk (fraud checks)", "高风险订单（防骗）"),
    },
)

#: What each warning means for the seller (shown as a tooltip; translated in the UI).
WARNING_TEXTS: dict[QueueWarning, str] = {
    QueueWarning.NO_MAPPING: QT_TRANSLATE_NOOP(
        "Fulfilment", "A line has no 1688 offer: map it in SKU mapping before ordering."
    ),
    QueueWarning.SUGGESTED: QT_TRANSLATE_NOOP(
        "Fulfilment",
        "A line has no mapping; the best-ranked in-stock offer of its product is suggested.",
    ),
    QueueWarning.PROPOSED: QT_TRANSLATE_NOOP(
        "Fulfilment", "A line's mapping was learned from a link and is not confirmed yet."
    ),
    QueueWarning.OUT_OF_STOCK: QT_TRANSLATE_NOOP(
        "Fulfilment", "The offer was out of stock when last checked: check it or use a backup."
    ),
    QueueWarning.STALE: QT_TRANSLATE_NOOP(
        "Fulfilment", "The offer's price and stock were last checked more than 7 days ago."
    ),
    QueueWarning.LOW_MARGIN: QT_TRANSLATE_NOOP(
        "Fulfilment", "The estimated margin is under the threshold you set."
    ),
    QueueWarning.HIDDEN_RECEIVER: QT_TRANSLATE_NOOP(
        "Fulfilment",
        "The platform hid the receiver (密文): get the address from the shop's own dropship "
        "tool before ordering.",
    ),
    QueueWarning.SHOP_CANCELLED: QT_TRANSLATE_NOOP(
        "Fulfilment", "The shop order was cancelled or is being refunded: do not order."
    ),
    QueueWarning.SEVERAL_SUPPLIERS: QT_TRANSLATE_NOOP(
        "Fulfilment", "The lines come from several suppliers: place one 1688 order per supplier."
    ),
    QueueWarning.NO_OFFER_ID: QT_TRANSLATE_NOOP(
        "Fulfilment", "The offer has no 1688 offer id or link: add one to the offer."
    ),
    QueueWarning.HIGH_RISK: QT_TRANSLATE_NOOP(
        "Fulfilment",
        "The fraud checks rate this order high risk: read the rules in the order's detail "
        "before you pay the supplier.",
    ),
}

#: Warnings that stop an order from being placed by the app (the seller must act first).
BLOCKING_WARNINGS = frozenset(
    {QueueWarning.NO_MAPPING, QueueWarning.HIDDEN_RECEIVER, QueueWarning.SHOP_CANCELLED}
)


# ---- money -------------------------------------------------------------------------------------


def allocate(total_fen: int, weights: Sequence[int]) -> list[int]:
    """Split *total_fen* over parts proportionally to *weights*, exactly (largest remainder).

    Used to allocate a 1688 order's freight and discounts to its goods lines. Equal parts when
    every weight is zero.
    """
    n = len(weights)
    if n == 0:
        return []
    base = [max(0, int(w)) for w in weights]
    if sum(base) == 0:
        base = [1] * n
    whole = sum(base)
    shares = [total_fen * w // whole for w in base]
    remainders = sorted(range(n), key=lambda i: (-(total_fen * base[i] - shares[i] * whole), i))
    for i in remainders[: total_fen - sum(shares)]:
        shares[i] += 1
    return shares


# ---- carriers ----------------------------------------------------------------------------------

# Canonical carrier → names 1688 (and suppliers) use for it. Matching ignores case and spaces.
_CARRIER_ALIASES: dict[str, tuple[str, ...]] = {
    "zto": ("中通快递", "中通", "中通速递", "zto", "中通快运"),
    "yto": ("圆通速递", "圆通快递", "圆通", "yto"),
    "yunda": ("韵达快递", "韵达速递", "韵达", "yunda"),
    "sto": ("申通快递", "申通", "sto"),
    "sf": ("顺丰速运", "顺丰快递", "顺丰", "sf", "sf express", "顺丰速递"),
    "jt": ("极兔速递", "极兔快递", "极兔", "j&t", "jt", "百世快递", "百世汇通", "百世"),
    "ems": ("ems", "邮政ems", "中国邮政ems", "ems快递", "ems经济快递"),
    "post": ("邮政快递包裹", "邮政包裹", "中国邮政", "邮政国内小包", "邮政", "中国邮政快递包裹"),
    "jd": ("京东快递", "京东物流", "京东"),
    "deppon": ("德邦快递", "德邦物流", "德邦"),
    "danniao": ("丹鸟", "丹鸟快递"),
    "fengwang": ("丰网速运", "丰网"),
}

# The names each platform's carrier list uses (reference: platform-exports.md, "Writing tracking
# numbers back"). Where a platform's own spelling differs it overrides the common one.
_COMMON_NAMES: dict[str, str] = {
    "zto": "中通快递",
    "yto": "圆通速递",
    "yunda": "韵达快递",
    "sto": "申通快递",
    "sf": "顺丰速运",
    "jt": "极兔速递",
    "ems": "EMS",
    "post": "邮政快递包裹",
    "jd": "京东快递",
    "deppon": "德邦快递",
    "danniao": "丹鸟",
    "fengwang": "丰网速运",
}
_PLATFORM_NAMES: dict[str, dict[str, str]] = {
    "taobao": {},
    "tmall": {},
    "pdd": {"yto": "圆通快递", "sf": "顺丰快递", "ems": "邮政EMS"},
    "douyin": {"yto": "圆通快递", "jd": "京东物流"},
    "kuaishou": {"yto": "圆通快递"},
}


def _carrier_key(name: str) -> str | None:
    text = re.sub(r"[\s（）()·]", "", (name or "")).casefold()
    if not text:
        return None
    for key, aliases in _CARRIER_ALIASES.items():
        if text in {re.sub(r"\s", "", a).casefold() for a in aliases}:
            return key
    # "中通快递(ZTO)", "圆通速递有限公司": a known name at the start.
    for key, aliases in _CARRIER_ALIASES.items():
        for alias in sorted(aliases, key=len, reverse=True):
            if len(alias) >= 2 and not alias.isascii() and text.startswith(alias):
                return key
    return None


def carrier_for_platform(carrier_1688: str, platform: str) -> str | None:
    """The carrier's name as *platform*'s carrier list spells it; ``None`` when unknown."""
    key = _carrier_key(carrier_1688)
    if key is None:
        return None
    names = _PLATFORM_NAMES.get(platform, {})
    return names.get(key, _COMMON_NAMES[key])


# ---- batch-ship files --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ShipFileLayout:
    """One platform's batch-ship (批量发货) file: its three columns and a sheet name."""

    platform: str
    order_header: str
    carrier_header: str
    tracking_header: str
    sheet: str

    @property
    def headers(self) -> tuple[str, str, str]:
        return (self.order_header, self.carrier_header, self.tracking_header)


SHIP_FILE_LAYOUTS: dict[str, ShipFileLayout] = {
    "taobao": ShipFileLayout("taobao", "订单编号", "物流公司", "运单号", "批量发货"),
    "tmall": ShipFileLayout("tmall", "订单编号", "物流公司", "运单号", "批量发货"),
    "pdd": ShipFileLayout("pdd", "订单号", "快递公司", "快递单号", "批量发货"),
    "douyin": ShipFileLayout("douyin", "订单号", "物流公司", "物流单号", "批量发货"),
    "kuaishou": ShipFileLayout("kuaishou", "订单号", "快递公司", "快递单号", "批量发货"),
}


def ship_file_layout(platform: str) -> ShipFileLayout | None:
    """The batch-ship layout of a shop platform (``None``: the platform has none here)."""
    return SHIP_FILE_LAYOUTS.get(platform)
