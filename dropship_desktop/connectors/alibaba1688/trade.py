"""Reading the platform's answers (``TradeInfo``, logistics, products) into plain values.

The shapes follow the public SDKs' models; every field may be missing or of an unexpected type
(the reference says to tolerate both), so each reader falls back instead of failing.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from ..base import RemoteOrder
from .signing import parse_wire_time

__all__ = [
    "LogisticsParcel",
    "OfferFacts",
    "OrderLine",
    "TradeOrder",
    "find_key",
    "is_success",
    "parse_logistics",
    "parse_product",
    "parse_trade",
    "yuan_to_fen",
]


def yuan_to_fen(value: object) -> int:
    """Yuan (number or text) → fen, rounded half up; 0 when not a number."""
    if value is None or isinstance(value, bool):
        return 0
    try:
        amount = Decimal(str(value).strip().replace(",", ""))
    except InvalidOperation:
        return 0
    if not amount.is_finite():
        return 0
    return int((amount * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def fen(value: object) -> int:
    """An amount the platform gives in fen (integer or numeric text); 0 when not a number."""
    if value is None or isinstance(value, bool):
        return 0
    try:
        return int(Decimal(str(value).strip()))
    except (InvalidOperation, ValueError):
        return 0


def text(value: object) -> str:
    if value is None or isinstance(value, (dict, list)):
        return ""
    return str(value).strip()


def is_success(body: dict[str, Any]) -> bool | None:
    """``success`` as a bool (``"true"``/``true``); ``None`` when the answer does not say."""
    value = body.get("success")
    if value is None:
        return None
    if isinstance(value, str):
        return value.strip().lower() == "true"
    return bool(value)


def find_key(data: Any, key: str, depth: int = 4) -> Any:
    """The first value of *key* in nested dicts, or dicts in lists (answers wrap results
    differently: ``result.result``, ``orderPreviewResuslt[0]`` …)."""
    if depth < 0:
        return None
    if isinstance(data, list):
        for item in data[:5]:
            found = find_key(item, key, depth - 1)
            if found is not None:
                return found
        return None
    if not isinstance(data, dict):
        return None
    if key in data:
        return data[key]
    for value in data.values():
        if isinstance(value, (dict, list)):
            found = find_key(value, key, depth - 1)
            if found is not None:
                return found
    return None


@dataclass(frozen=True, slots=True)
class OrderLine:
    title: str
    offer_id: str
    sku_id: str
    spec_id: str
    spec: str
    quantity: int
    unit_fen: int
    amount_fen: int
    entry_id: str


@dataclass(frozen=True, slots=True)
class TradeOrder:
    """One ``TradeInfo``: the fields the app keeps (money in fen, times aware UTC)."""

    order_id: str
    status: str
    created_at: datetime | None
    modified_at: datetime | None
    paid_at: datetime | None
    total_fen: int
    shipping_fen: int
    seller: str
    refund_status: str
    receiver_name: str
    receiver_mobile: str
    receiver_area: str
    receiver_address: str
    out_order_id: str
    buyer_message: str
    lines: tuple[OrderLine, ...]
    has_lines: bool

    def remote(self) -> RemoteOrder:
        paid = self.total_fen if self.paid_at is not None else 0
        return RemoteOrder(
            self.order_id,
            self.status,
            self.created_at,
            self.total_fen,
            paid,
            self.refund_status or None,
            self.lines[0].title if self.lines else "",
        )


def _spec_text(item: dict[str, Any]) -> str:
    attrs = item.get("skuInfos") or item.get("attributes")
    if isinstance(attrs, list):
        parts = [
            f"{text(a.get('name'))}:{text(a.get('value'))}".strip(":")
            for a in attrs
            if isinstance(a, dict)
        ]
        return ";".join(p for p in parts if p)
    return text(item.get("specInfo") or "")


def _lines(items: object) -> Iterator[OrderLine]:
    if not isinstance(items, list):
        return
    for item in items:
        if not isinstance(item, dict):
            continue
        quantity = fen(item.get("quantity")) or 1
        unit = yuan_to_fen(item.get("price"))
        amount = yuan_to_fen(item.get("itemAmount")) or unit * quantity
        yield OrderLine(
            title=text(item.get("name"))[:500],
            offer_id=text(item.get("productID") or item.get("productId")),
            sku_id=text(item.get("skuID") or item.get("skuId")),
            spec_id=text(item.get("specId")),
            spec=_spec_text(item)[:200],
            quantity=quantity,
            unit_fen=unit,
            amount_fen=amount,
            entry_id=text(item.get("subItemIDString") or item.get("subItemID")),
        )


def parse_trade(info: object) -> TradeOrder | None:
    """A ``TradeInfo`` (list entry or detail ``result``); ``None`` without an order id."""
    if not isinstance(info, dict):
        return None
    base = info.get("baseInfo")
    if not isinstance(base, dict):
        return None
    order_id = text(base.get("idOfStr")) or text(base.get("id"))
    if order_id.endswith(".0"):
        order_id = order_id[:-2]
    if not order_id.isdigit():
        return None
    receiver = base.get("receiverInfo")
    if not isinstance(receiver, dict):
        receiver = {}
    native = info.get("nativeLogistics")
    if not isinstance(native, dict):
        native = {}
    area = text(receiver.get("toArea")) or " ".join(
        text(native.get(k)) for k in ("province", "city", "area", "town") if native.get(k)
    )
    items = info.get("productItems")
    lines = tuple(_lines(items))
    return TradeOrder(
        order_id=order_id,
        status=text(base.get("status")).lower(),
        created_at=parse_wire_time(base.get("createTime")),
        modified_at=parse_wire_time(base.get("modifyTime")),
        paid_at=parse_wire_time(base.get("payTime")),
        total_fen=yuan_to_fen(base.get("totalAmount")),
        shipping_fen=yuan_to_fen(base.get("shippingFee")),
        seller=text(base.get("sellerLoginId") or base.get("sellerID")),
        refund_status=text(base.get("refundStatus")),
        receiver_name=text(receiver.get("toFullName") or native.get("contactPerson")),
        receiver_mobile=text(receiver.get("toMobile") or native.get("mobile")),
        receiver_area=area,
        receiver_address=text(native.get("address")) or area,
        out_order_id=text(base.get("outOrderId")),
        buyer_message=text(base.get("buyerFeedback") or base.get("buyerMemo"))[:500],
        lines=lines,
        has_lines=isinstance(items, list) and bool(lines),
    )


@dataclass(frozen=True, slots=True)
class LogisticsParcel:
    tracking_no: str
    carrier: str
    status: str
    entry_ids: tuple[str, ...]


def parse_logistics(body: dict[str, Any]) -> list[LogisticsParcel]:
    result = body.get("result")
    if not isinstance(result, list):
        return []
    parcels = []
    for entry in result:
        if not isinstance(entry, dict):
            continue
        number = text(entry.get("logisticsBillNo"))
        if not number:
            continue
        ids = entry.get("orderEntryIds")
        if isinstance(ids, str):
            entry_ids = tuple(i for i in ids.replace(";", ",").split(",") if i)
        elif isinstance(ids, list):
            entry_ids = tuple(text(i) for i in ids)
        else:
            entry_ids = ()
        parcels.append(
            LogisticsParcel(
                number[:100],
                text(entry.get("logisticsCompanyName") or entry.get("logisticsCompanyNo"))[:100],
                text(entry.get("status")),
                entry_ids,
            )
        )
    return parcels


@dataclass(frozen=True, slots=True)
class OfferFacts:
    """A linked offer's state on 1688: on sale or not, price and stock per spec (fen)."""

    offer_id: str
    status: str
    on_sale: bool
    price_fen: int
    stock: int | None
    spec_prices: dict[str, int]
    spec_stock: dict[str, int]
    min_order_quantity: int


def parse_product(offer_id: str, body: dict[str, Any]) -> OfferFacts | None:
    """``alibaba.product.get`` / ``alibaba.cross.productInfo`` → :class:`OfferFacts`."""
    info = find_key(body, "productInfo")
    if not isinstance(info, dict):
        info = body.get("result") if isinstance(body.get("result"), dict) else None
    if not isinstance(info, dict):
        return None
    status = text(info.get("status")).lower()
    prices: dict[str, int] = {}
    stock: dict[str, int] = {}
    for sku in info.get("skuInfos") or []:
        if not isinstance(sku, dict):
            continue
        key = text(sku.get("specId")) or text(sku.get("skuId"))
        price = yuan_to_fen(sku.get("consignPrice")) or yuan_to_fen(sku.get("price"))
        if key and price:
            prices[key] = price
        if key and sku.get("amountOnSale") is not None:
            stock[key] = fen(sku.get("amountOnSale"))
    sale = info.get("saleInfo") if isinstance(info.get("saleInfo"), dict) else {}
    base_price = 0
    ranges = sale.get("priceRanges") if isinstance(sale, dict) else None
    if isinstance(ranges, list) and ranges and isinstance(ranges[0], dict):
        base_price = yuan_to_fen(ranges[0].get("price"))
    if not base_price and prices:
        base_price = min(prices.values())
    total_stock: int | None = None
    if stock:
        total_stock = sum(stock.values())
    elif isinstance(sale, dict) and sale.get("amountOnSale") is not None:
        total_stock = fen(sale.get("amountOnSale"))
    moq = fen(info.get("minOrderQuantity") or (sale or {}).get("minOrderQuantity")) or 1
    return OfferFacts(
        offer_id=offer_id,
        status=status,
        on_sale=status in ("published", ""),
        price_fen=base_price,
        stock=total_stock,
        spec_prices=prices,
        spec_stock=stock,
        min_order_quantity=moq,
    )
