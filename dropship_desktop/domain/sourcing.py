"""Sourcing rules (货源): landed cost, single-piece eligibility, offer ranking, completeness.

Pure Python: no PySide6, no peewee. Money is integer fen throughout; only ratios and scores are
floats.

The seed document's trade-offs drive the defaults:

* 1688 platform suppliers (阿里巴巴平台): 货源稳定、品质有保障、供货商可信度高, but 价格相对较高、
  采购周期较长.
* Channel distributors (渠道商): 价格相对较低、采购周期较短、采购量要求较低, but 货源稳定性差、
  可能存在假货劣质货、供货商可信度低.
* Section 5.3: unclear product information and slow shipping cause cancellations, which cost credit
  rating, sales and shop traffic (5.2).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from dropship_desktop.domain.enums import Fulfilment, SupplierKind
from dropship_desktop.i18n import QT_TRANSLATE_NOOP, with_values

__all__ = [
    "COMPLETENESS_MESSAGES",
    "DESCRIPTION_MIN_CHARS",
    "ELIGIBILITY_MESSAGES",
    "FACTORS",
    "TITLE_MIN_CHARS",
    "Completeness",
    "OfferFacts",
    "SupplierFacts",
    "can_serve_single_piece",
    "description_completeness",
    "landed_cost_fen",
    "lead_time_risk",
    "margin",
    "price_for_quantity",
    "single_piece_problems",
    "validate_price_tiers",
]

PriceTier = tuple[int, int]
"""``(min_qty, unit_price_fen)``: the unit price from ``min_qty`` pieces on."""


# --------------------------------------------------------------------------------------------
# Facts
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SupplierFacts:
    """What the seller knows about a supplier, as used by the ranking.

    Attributes:
        kind: ``platform`` (1688 platform supplier) or ``channel`` (渠道商).
        years_on_1688: Years of 诚信通 membership (0 when new or unknown).
        rating: Shop rating 0–5, or ``None`` when unknown.
        on_time_rate: Share of orders shipped on time, 0–1, or ``None`` when unknown.
        incidents: Counterfeit or quality incidents the seller has recorded.
        refusal_rate: Share of the seller's after-sales refund requests the supplier refused,
            0–1, or ``None`` without any request (from the after-sales cases).

    Raises:
        ValueError: A value is outside its range (negative years or incidents, rating outside
            0–5, on-time rate outside 0–1).
    """

    kind: SupplierKind
    years_on_1688: int = 0
    rating: float | None = None
    on_time_rate: float | None = None
    incidents: int = 0
    refusal_rate: float | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", SupplierKind(self.kind))
        if self.refusal_rate is not None and not 0.0 <= self.refusal_rate <= 1.0:
            raise ValueError(f"refusal_rate must be within 0..1, got {self.refusal_rate}")
        if self.years_on_1688 < 0:
            raise ValueError(f"years_on_1688 must be >= 0, got {self.years_on_1688}")
        if self.incidents < 0:
            raise ValueError(f"incidents must be >= 0, got {self.incidents}")
        if self.rating is not None and not 0.0 <= self.rating <= 5.0:
            raise ValueError(f"rating must be within 0..5, got {self.rating}")
        if self.on_time_rate is not None and not 0.0 <= self.on_time_rate <= 1.0:
            raise ValueError(f"on_time_rate must be within 0..1, got {self.on_time_rate}")


@dataclass(frozen=True, slots=True)
class OfferFacts:
    """One supplier's offer for one product (货源报价), as used by the rules below.

    Attributes:
        offer_id: Local id of the offer (ties in the ranking are broken by it).
        supplier: The supplier's facts.
        unit_cost_fen: Unit price for quantities below the first price tier.
        price_tiers: ``(min_qty, unit_price_fen)`` pairs; check them with
            :func:`validate_price_tiers` before storing. Lists are accepted and kept as tuples.
        moq: Minimum order quantity (起批量) for an ordinary wholesale order.
        lead_time_days: Days from order to dispatch promised by the supplier.
        dropship_supported: Whether the offer supports one-piece dropship (一件代发).
        dropship_fee_fen: Dropship fee per order (代发费).
        fulfilment: ``platform`` (平台代发) or ``third_party`` (第三方代发).
        shipping_fen: Shipping cost of one single-piece parcel.
        stock: Pieces in stock, or ``None`` when unknown. ``0`` means out of stock.
        last_checked: When the seller last checked the offer on 1688, or ``None``.
        defect_rate: After-sales cases with faulty goods per 1688 order of this offer, 0–1, or
            ``None`` when too few orders were placed to say.

    Raises:
        ValueError: A money amount, quantity or lead time is negative, or ``moq`` is below 1.
    """

    offer_id: int
    supplier: SupplierFacts
    unit_cost_fen: int
    price_tiers: tuple[PriceTier, ...]
    moq: int
    lead_time_days: int
    dropship_supported: bool
    dropship_fee_fen: int
    fulfilment: Fulfilment
    shipping_fen: int
    stock: int | None = None
    last_checked: date | None = None
    defect_rate: float | None = None

    def __post_init__(self) -> None:
        if self.defect_rate is not None and not 0.0 <= self.defect_rate <= 1.0:
            raise ValueError(f"defect_rate must be within 0..1, got {self.defect_rate}")
        object.__setattr__(
            self, "price_tiers", tuple((int(q), int(p)) for q, p in self.price_tiers)
        )
        object.__setattr__(self, "fulfilment", Fulfilment(self.fulfilment))
        for name in ("unit_cost_fen", "dropship_fee_fen", "shipping_fen", "lead_time_days"):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must be >= 0, got {getattr(self, name)}")
        if self.moq < 1:
            raise ValueError(f"moq must be >= 1, got {self.moq}")
        if self.stock is not None and self.stock < 0:
            raise ValueError(f"stock must be >= 0 or None, got {self.stock}")


# --------------------------------------------------------------------------------------------
# Prices and cost
# --------------------------------------------------------------------------------------------


def validate_price_tiers(tiers: Iterable[tuple[int, int]]) -> list[str]:
    """Check price tiers (阶梯价) before they are stored.

    Args:
        tiers: ``(min_qty, unit_price_fen)`` pairs in the order entered.

    Returns:
        English problem messages (marked :class:`~dropship_desktop.i18n.Text`), one per problem, naming the tier by its 1-based position;
        empty when the tiers are valid. Valid means every quantity and price is positive and the
        quantities strictly increase.
    """
    problems: list[str] = []
    previous_qty: int | None = None
    for position, (qty, price) in enumerate(tiers, start=1):
        if qty <= 0:
            problems.append(
                with_values(
                    QT_TRANSLATE_NOOP(
                        "Errors", "Tier {tier}: quantity must be positive (got {qty})."
                    ),
                    tier=position,
                    qty=qty,
                )
            )
        if price <= 0:
            problems.append(
                with_values(
                    QT_TRANSLATE_NOOP(
                        "Errors", "Tier {tier}: price must be positive (got {price} fen)."
                    ),
                    tier=position,
                    price=price,
                )
            )
        if previous_qty is not None and qty <= previous_qty:
            problems.append(
                with_values(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "Tier {tier}: quantity {qty} must be greater than the previous tier's "
                        "{previous}.",
                    ),
                    tier=position,
                    qty=qty,
                    previous=previous_qty,
                )
            )
        previous_qty = qty
    return problems


def price_for_quantity(offer: OfferFacts, qty: int) -> int:
    """Unit price in fen when ordering ``qty`` pieces.

    The tier with the largest ``min_qty`` not above ``qty`` applies; without one, the offer's
    ``unit_cost_fen``. Tiers need not be sorted; if two tiers share a quantity the first wins.

    Args:
        offer: The offer.
        qty: Pieces ordered, at least 1.

    Returns:
        The unit price in fen.

    Raises:
        ValueError: ``qty`` is below 1.
    """
    if qty < 1:
        raise ValueError(f"quantity must be >= 1, got {qty}")
    best: PriceTier | None = None
    for tier in offer.price_tiers:
        if tier[0] <= qty and (best is None or tier[0] > best[0]):
            best = tier
    return offer.unit_cost_fen if best is None else best[1]


def landed_cost_fen(offer: OfferFacts) -> int:
    """Cost of one single-piece dropship order: price for 1 piece + dropship fee + shipping."""
    return price_for_quantity(offer, 1) + offer.dropship_fee_fen + offer.shipping_fen


def margin(offer: OfferFacts, sale_price_fen: int) -> tuple[int, float]:
    """Profit of selling one piece at ``sale_price_fen`` through this offer.

    Args:
        offer: The offer.
        sale_price_fen: The seller's sale price in fen, positive.

    Returns:
        ``(profit_fen, margin_ratio)`` where ``profit_fen = sale price − landed cost`` (negative
        for a loss) and ``margin_ratio = profit_fen / sale_price_fen``.

    Raises:
        ValueError: ``sale_price_fen`` is not positive.
    """
    if sale_price_fen <= 0:
        raise ValueError(f"sale price must be positive, got {sale_price_fen}")
    profit = sale_price_fen - landed_cost_fen(offer)
    return profit, profit / sale_price_fen


# --------------------------------------------------------------------------------------------
# Single-piece eligibility
# --------------------------------------------------------------------------------------------

ELIGIBILITY_MESSAGES: dict[str, str] = {
    "ok": "Can ship single pieces (one-piece dropship).",
    "no_dropship": "The supplier does not offer one-piece dropship.",
    "moq_without_dropship": "Minimum order quantity is above 1 and there is no one-piece dropship.",
    "out_of_stock": "Out of stock.",
}
"""English text per eligibility code (static, so the UI can translate it)."""


def single_piece_problems(offer: OfferFacts) -> list[str]:
    """Codes (keys of :data:`ELIGIBILITY_MESSAGES`) of why ``offer`` cannot serve one piece.

    Empty when it can. Dropship problems come before stock problems.
    """
    problems: list[str] = []
    if not offer.dropship_supported:
        problems.append("moq_without_dropship" if offer.moq > 1 else "no_dropship")
    if offer.stock == 0:
        problems.append("out_of_stock")
    return problems


def can_serve_single_piece(offer: OfferFacts) -> tuple[bool, str]:
    """Whether the offer can fulfil a one-piece dropship order.

    Offers that cannot are marked in the UI, not hidden.

    Args:
        offer: The offer.

    Returns:
        ``(ok, reason_en)``: the reason is the first problem's message from
        :data:`ELIGIBILITY_MESSAGES`, or its ``"ok"`` message.
    """
    problems = single_piece_problems(offer)
    if problems:
        return False, ELIGIBILITY_MESSAGES[problems[0]]
    return True, ELIGIBILITY_MESSAGES["ok"]


# --------------------------------------------------------------------------------------------
# Ranking
# --------------------------------------------------------------------------------------------

FACTORS: tuple[str, ...] = ("cost", "lead_time", "trust", "stability", "counterfeit_risk")
"""Ranking factors, in display order. Also the keys of weights and contributions."""


# --------------------------------------------------------------------------------------------
# Lead time vs ship-by deadline
# --------------------------------------------------------------------------------------------


def lead_time_risk(lead_time_days: int, ship_by_hours_from_now: float) -> bool:
    """Whether the supplier's lead time overruns the shop's ship-by deadline.

    Used by the cancel wizard's prevention advice (seed 5.3: 及时发货).

    Args:
        lead_time_days: The supplier's lead time in days (≥ 0).
        ship_by_hours_from_now: Hours left until the shop's ship-by deadline; zero or negative
            when it has passed.

    Returns:
        ``True`` when ``lead_time_days × 24`` exceeds the hours left, or the deadline has passed.

    Raises:
        ValueError: ``lead_time_days`` is negative.
    """
    if lead_time_days < 0:
        raise ValueError(f"lead time must be >= 0, got {lead_time_days}")
    if ship_by_hours_from_now <= 0:
        return True
    return lead_time_days * 24 > ship_by_hours_from_now


# --------------------------------------------------------------------------------------------
# Listing completeness (seed 5.3: 在商品描述中提供详细信息)
# --------------------------------------------------------------------------------------------

TITLE_MIN_CHARS = 10
DESCRIPTION_MIN_CHARS = 30

COMPLETENESS_MESSAGES: dict[str, str] = {
    "title_short": f"The title is missing or shorter than {TITLE_MIN_CHARS} characters.",
    "no_sku": "No SKU is set.",
    "no_sale_price": "No sale price is set.",
    "no_specs": "No specifications (规格) are listed.",
    "description_short": (
        f"The description is missing or shorter than {DESCRIPTION_MIN_CHARS} characters."
    ),
    "no_size_or_material": (
        "Neither the specifications nor the description mention size, material or colour."
    ),
}
"""English text per completeness code, in check order."""

_DETAIL_KEYWORDS = (
    # size
    "size",
    "dimension",
    "尺寸",
    "尺码",
    "规格",
    "大小",
    "长宽高",
    "重量",
    "weight",
    "容量",
    # material
    "material",
    "fabric",
    "材质",
    "材料",
    "面料",
    "成分",
    "纯棉",
    "不锈钢",
    # colour
    "color",
    "colour",
    "颜色",
    "色号",
    "黑色",
    "白色",
    "红色",
    "蓝色",
    "绿色",
    "黄色",
    "灰色",
    "粉色",
    "紫色",
    "米色",
    "卡其",
)
# A number with a unit ("30cm", "1.5 kg", "500毫升") is size information too.
_MEASUREMENT_RE = re.compile(
    r"\d+(?:\.\d+)?\s*(?:cm|mm|kg|ml|厘米|毫米|公分|千克|公斤|克|毫升|升|寸|码)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Completeness:
    """How complete a product listing is.

    Attributes:
        score: Share of the checks passed, 0–1 (all checks count equally).
        missing: Codes of failed checks, keys of :data:`COMPLETENESS_MESSAGES`, in check order.
    """

    score: float
    missing: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        """Whether every check passed."""
        return not self.missing

    def messages(self) -> list[str]:
        """English messages for the failed checks."""
        return [COMPLETENESS_MESSAGES[code] for code in self.missing]


SpecsLike = str | Mapping[str, object] | Sequence[object] | None


def _specs_text(specs: SpecsLike) -> str:
    if specs is None:
        return ""
    if isinstance(specs, str):
        return specs.strip()
    if isinstance(specs, Mapping):
        # A spec name without a value tells the buyer nothing.
        return " ".join(
            f"{str(k).strip()} {str(v).strip()}".strip()
            for k, v in specs.items()
            if v is not None and str(v).strip()
        )
    return " ".join(str(item).strip() for item in specs if str(item).strip())


def _visible_length(text: str | None) -> int:
    # Collapse whitespace runs so padding does not count; Chinese text counts per character.
    return len(" ".join((text or "").split()))


def description_completeness(
    title: str | None,
    sku: str | None,
    sale_price_fen: int | None,
    specs: SpecsLike,
    description: str | None,
) -> Completeness:
    """Check that a listing gives buyers enough information (seed 5.3).

    Unclear product information makes buyers return or cancel, so each missing piece is named.

    Args:
        title: Product title.
        sku: The seller's SKU code.
        sale_price_fen: Sale price in fen, or ``None``.
        specs: Specifications as text, a mapping (``{"尺码": "S/M/L"}``) or a list of strings.
        description: Product description (Chinese or English).

    Returns:
        The score and the codes of the checks that failed, in the order of
        :data:`COMPLETENESS_MESSAGES`: title ≥ 10 characters, SKU set, sale price > 0, specs
        present, description ≥ 30 characters (whitespace runs count once), and size, material or
        colour mentioned in title, specs or description (keywords such as 尺寸/尺码/规格/材质/
        颜色/size/material/colour, or a measurement such as ``30cm``).
    """
    specs_text = _specs_text(specs)
    failed = {
        "title_short": _visible_length(title) < TITLE_MIN_CHARS,
        "no_sku": not (sku or "").strip(),
        "no_sale_price": sale_price_fen is None or sale_price_fen <= 0,
        "no_specs": not specs_text,
        "description_short": _visible_length(description) < DESCRIPTION_MIN_CHARS,
    }
    haystack = " ".join((title or "", specs_text, description or "")).lower()
    failed["no_size_or_material"] = not (
        any(word in haystack for word in _DETAIL_KEYWORDS) or _MEASUREMENT_RE.search(haystack)
    )
    missing = [code for code in COMPLETENESS_MESSAGES if failed[code]]
    return Completeness(score=1.0 - len(missing) / len(COMPLETENESS_MESSAGES), missing=missing)
