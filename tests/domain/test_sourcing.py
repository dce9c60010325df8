"""Tests for the pure sourcing rules (no Qt, no database)."""

from __future__ import annotations

import dataclasses
import math
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dropship_desktop.domain.enums import Fulfilment, SupplierKind
from dropship_desktop.domain.offer_ranking import (
    ScoreWeights,
    counterfeit_safety_score,
    factor_scores,
    rank_offers,
    stability_score,
    trust_score,
)
from dropship_desktop.domain.sourcing import (
    COMPLETENESS_MESSAGES,
    ELIGIBILITY_MESSAGES,
    FACTORS,
    OfferFacts,
    SupplierFacts,
    can_serve_single_piece,
    description_completeness,
    landed_cost_fen,
    lead_time_risk,
    margin,
    price_for_quantity,
    validate_price_tiers,
)

TODAY = date(2024, 6, 1)

PLATFORM = SupplierFacts(
    kind=SupplierKind.PLATFORM, years_on_1688=5, rating=4.8, on_time_rate=0.95, incidents=0
)
CHANNEL = SupplierFacts(kind=SupplierKind.CHANNEL, years_on_1688=1)


def make_offer(offer_id: int = 1, **overrides: object) -> OfferFacts:
    values: dict[str, object] = {
        "offer_id": offer_id,
        "supplier": PLATFORM,
        "unit_cost_fen": 2500,
        "price_tiers": (),
        "moq": 1,
        "lead_time_days": 3,
        "dropship_supported": True,
        "dropship_fee_fen": 300,
        "fulfilment": Fulfilment.PLATFORM,
        "shipping_fen": 200,
        "stock": 100,
        "last_checked": TODAY,
    }
    values.update(overrides)
    return OfferFacts(**values)  # type: ignore[arg-type]


def platform_and_channel() -> tuple[OfferFacts, OfferFacts]:
    platform = make_offer(1)
    channel = make_offer(
        2,
        supplier=CHANNEL,
        unit_cost_fen=1900,
        lead_time_days=1,
        fulfilment=Fulfilment.THIRD_PARTY,
        stock=None,
    )
    return platform, channel


# ---------------------------------------------------------------------------------- facts


def test_supplier_facts_reject_out_of_range_values() -> None:
    with pytest.raises(ValueError, match="rating"):
        SupplierFacts(SupplierKind.PLATFORM, rating=5.1)
    with pytest.raises(ValueError, match="on_time_rate"):
        SupplierFacts(SupplierKind.PLATFORM, on_time_rate=1.2)
    with pytest.raises(ValueError, match="incidents"):
        SupplierFacts(SupplierKind.CHANNEL, incidents=-1)
    with pytest.raises(ValueError, match="years_on_1688"):
        SupplierFacts(SupplierKind.CHANNEL, years_on_1688=-2)


def test_supplier_kind_accepts_stored_string() -> None:
    assert SupplierFacts("channel").kind is SupplierKind.CHANNEL  # type: ignore[arg-type]


def test_offer_facts_normalise_tiers_and_reject_bad_values() -> None:
    offer = make_offer(price_tiers=[[10, 900], [50, 800]], fulfilment="third_party")
    assert offer.price_tiers == ((10, 900), (50, 800))
    assert offer.fulfilment is Fulfilment.THIRD_PARTY
    assert hash(offer) == hash(
        make_offer(price_tiers=((10, 900), (50, 800)), fulfilment="third_party")
    )
    with pytest.raises(ValueError, match="moq"):
        make_offer(moq=0)
    with pytest.raises(ValueError, match="shipping_fen"):
        make_offer(shipping_fen=-1)
    with pytest.raises(ValueError, match="stock"):
        make_offer(stock=-5)
    with pytest.raises(dataclasses.FrozenInstanceError):
        offer.moq = 3  # type: ignore[misc]


# ---------------------------------------------------------------------------------- tiers


def test_validate_price_tiers_accepts_valid_and_empty() -> None:
    assert validate_price_tiers([(1, 1000), (10, 900), (100, 750)]) == []
    assert validate_price_tiers([]) == []


def test_validate_price_tiers_names_each_problem() -> None:
    problems = validate_price_tiers([(0, 1000), (10, 0), (10, 900), (5, 800)])
    assert problems == [
        "Tier 1: quantity must be positive (got 0).",
        "Tier 2: price must be positive (got 0 fen).",
        "Tier 3: quantity 10 must be greater than the previous tier's 10.",
        "Tier 4: quantity 5 must be greater than the previous tier's 10.",
    ]
    assert validate_price_tiers([(-3, -1)]) == [
        "Tier 1: quantity must be positive (got -3).",
        "Tier 1: price must be positive (got -1 fen).",
    ]


@pytest.mark.parametrize(
    ("qty", "expected"),
    [(1, 1000), (9, 1000), (10, 900), (49, 900), (50, 800), (10_000, 800)],
)
def test_price_for_quantity_uses_largest_tier_not_above_qty(qty: int, expected: int) -> None:
    offer = make_offer(unit_cost_fen=1000, price_tiers=((10, 900), (50, 800)))
    assert price_for_quantity(offer, qty) == expected
    unsorted = make_offer(unit_cost_fen=1000, price_tiers=((50, 800), (10, 900)))
    assert price_for_quantity(unsorted, qty) == expected


def test_price_for_quantity_rejects_zero() -> None:
    with pytest.raises(ValueError, match="quantity"):
        price_for_quantity(make_offer(), 0)


# ---------------------------------------------------------------------------------- cost


def test_landed_cost_is_single_piece_price_plus_fee_plus_shipping() -> None:
    assert (
        landed_cost_fen(make_offer(unit_cost_fen=1000, dropship_fee_fen=300, shipping_fen=500))
        == 1800
    )
    # A tier starting at one piece sets the single-piece price; higher tiers do not.
    tiered = make_offer(
        unit_cost_fen=1000, price_tiers=((1, 950), (100, 600)), dropship_fee_fen=0, shipping_fen=0
    )
    assert landed_cost_fen(tiered) == 950


def test_margin_profit_and_ratio() -> None:
    offer = make_offer(unit_cost_fen=1000, dropship_fee_fen=300, shipping_fen=500)
    assert margin(offer, 3000) == (1200, 0.4)
    assert margin(offer, 1500) == (-300, -0.2)
    profit, ratio = margin(offer, 1800)
    assert (profit, ratio) == (0, 0.0)
    assert isinstance(profit, int)
    with pytest.raises(ValueError, match="sale price"):
        margin(offer, 0)


# ---------------------------------------------------------------------------------- eligibility


def test_can_serve_single_piece_cases() -> None:
    assert can_serve_single_piece(make_offer()) == (True, ELIGIBILITY_MESSAGES["ok"])
    # Dropship overrides a wholesale MOQ.
    assert can_serve_single_piece(make_offer(moq=50))[0] is True
    # Unknown stock is not "out of stock".
    assert can_serve_single_piece(make_offer(stock=None))[0] is True
    assert can_serve_single_piece(make_offer(dropship_supported=False)) == (
        False,
        "The supplier does not offer one-piece dropship.",
    )
    assert can_serve_single_piece(make_offer(dropship_supported=False, moq=2)) == (
        False,
        "Minimum order quantity is above 1 and there is no one-piece dropship.",
    )
    assert can_serve_single_piece(make_offer(stock=0)) == (False, "Out of stock.")
    # Dropship problems are reported before stock problems.
    assert can_serve_single_piece(make_offer(dropship_supported=False, stock=0)) == (
        False,
        ELIGIBILITY_MESSAGES["no_dropship"],
    )


# ---------------------------------------------------------------------------------- lead time


@pytest.mark.parametrize(
    ("days", "hours", "risky"),
    [
        (3, 48, True),
        (2, 48, False),  # exactly on the deadline is not an overrun
        (2, 47.5, True),
        (0, 1, False),
        (0, 0, True),  # deadline reached
        (1, -5, True),  # deadline passed
        (1, 72, False),
    ],
)
def test_lead_time_risk(days: int, hours: float, risky: bool) -> None:
    assert lead_time_risk(days, hours) is risky


def test_lead_time_risk_rejects_negative_lead_time() -> None:
    with pytest.raises(ValueError):
        lead_time_risk(-1, 24)


# ---------------------------------------------------------------------------------- weights


def test_default_weights_and_dict_round_trip() -> None:
    weights = ScoreWeights()
    assert weights.as_dict() == {
        "cost": 30.0,
        "lead_time": 20.0,
        "trust": 20.0,
        "stability": 15.0,
        "counterfeit_risk": 15.0,
    }
    assert list(weights.as_dict()) == list(FACTORS)
    assert weights.total() == 100.0
    custom = ScoreWeights(cost=50, lead_time=0, trust=10, stability=5, counterfeit_risk=1.5)
    assert ScoreWeights.from_dict(custom.as_dict()) == custom


def test_weights_from_dict_tolerates_missing_and_unknown_keys() -> None:
    weights = ScoreWeights.from_dict({"cost": 60, "future_factor": 9})
    assert weights.as_dict() == {
        "cost": 60.0,
        "lead_time": 20.0,
        "trust": 20.0,
        "stability": 15.0,
        "counterfeit_risk": 15.0,
    }
    assert ScoreWeights.from_dict({}) == ScoreWeights()
    assert ScoreWeights.from_dict(None) == ScoreWeights()


@pytest.mark.parametrize(
    "bad",
    [
        {"cost": -1},
        {"trust": float("nan")},
        {"lead_time": float("inf")},
        {"cost": "30"},
        {"cost": True},
    ],
)
def test_weights_reject_negative_and_non_numbers(bad: dict[str, object]) -> None:
    with pytest.raises(ValueError, match="weight"):
        ScoreWeights.from_dict(bad)


def test_weights_reject_all_zero() -> None:
    with pytest.raises(ValueError, match="at least one"):
        ScoreWeights(0, 0, 0, 0, 0)


# ---------------------------------------------------------------------------------- factors


def test_trust_score_from_signals() -> None:
    # 0.50 + 5 years × 0.04 + 0.15 × 0.8 + 1.5 × 0.05
    assert trust_score(PLATFORM) == pytest.approx(0.895)
    assert trust_score(CHANNEL) == pytest.approx(0.29)
    # Years are capped at five.
    assert trust_score(dataclasses.replace(PLATFORM, years_on_1688=12)) == pytest.approx(0.895)
    # Each incident costs 0.15.
    assert trust_score(dataclasses.replace(PLATFORM, incidents=2)) == pytest.approx(0.595)
    # Poor signals clamp at zero.
    poor = SupplierFacts(SupplierKind.CHANNEL, 0, rating=2.0, on_time_rate=0.5, incidents=3)
    assert trust_score(poor) == 0.0
    # A platform supplier starts higher than a channel one with the same signals.
    assert trust_score(SupplierFacts(SupplierKind.PLATFORM)) == pytest.approx(0.5)
    assert trust_score(SupplierFacts(SupplierKind.CHANNEL)) == pytest.approx(0.25)


def test_stability_score() -> None:
    fresh = make_offer(stock=10, last_checked=TODAY)
    assert stability_score(fresh, TODAY) == pytest.approx(1.0)
    assert stability_score(make_offer(stock=None), TODAY) == pytest.approx(0.7)
    assert stability_score(make_offer(stock=0), TODAY) == pytest.approx(0.4)
    week_old = make_offer(last_checked=TODAY - timedelta(days=7))
    assert stability_score(week_old, TODAY) == pytest.approx(1.0)
    stale = make_offer(last_checked=TODAY - timedelta(days=8))
    assert stability_score(stale, TODAY) == pytest.approx(0.85)
    very_stale = make_offer(last_checked=TODAY - timedelta(days=31))
    assert stability_score(very_stale, TODAY) == pytest.approx(0.7)
    assert stability_score(make_offer(last_checked=None), TODAY) == pytest.approx(0.7)
    channel = make_offer(supplier=CHANNEL, stock=10)
    assert stability_score(channel, TODAY) == pytest.approx(0.7)
    assert stability_score(make_offer(supplier=CHANNEL, stock=0, last_checked=None), TODAY) == 0.0


def test_counterfeit_safety_score() -> None:
    assert counterfeit_safety_score(PLATFORM) == pytest.approx(0.9)
    assert counterfeit_safety_score(CHANNEL) == pytest.approx(0.6)
    assert counterfeit_safety_score(dataclasses.replace(CHANNEL, incidents=1)) == pytest.approx(0.4)
    assert counterfeit_safety_score(dataclasses.replace(CHANNEL, incidents=5)) == 0.0


def test_factor_scores_normalise_cost_and_lead_time_within_set() -> None:
    platform, channel = platform_and_channel()
    scores = factor_scores([platform, channel], sale_price_fen=5000, today=TODAY)
    # Profits 2000 and 2600: the best profit scores 1.
    assert scores[2]["cost"] == 1.0
    assert scores[1]["cost"] == pytest.approx(2000 / 2600)
    # Lead times 3 and 1 days: (1 + 1) / (1 + 3).
    assert scores[2]["lead_time"] == 1.0
    assert scores[1]["lead_time"] == pytest.approx(0.5)
    # Without a sale price cost is cheapest landed cost / landed cost.
    no_price = factor_scores([platform, channel], sale_price_fen=None, today=TODAY)
    assert no_price[1]["cost"] == pytest.approx(2400 / 3000)
    assert no_price[2]["cost"] == 1.0


def test_factor_scores_loss_making_offers_score_zero_cost() -> None:
    platform, channel = platform_and_channel()
    scores = factor_scores([platform, channel], sale_price_fen=2800, today=TODAY)
    assert scores[1]["cost"] == 0.0  # landed 3000 > 2800
    assert scores[2]["cost"] == 1.0
    none_profitable = factor_scores([platform, channel], sale_price_fen=2000, today=TODAY)
    assert none_profitable[1]["cost"] == 0.0
    assert none_profitable[2]["cost"] == 0.0


def test_ineligible_offer_does_not_set_the_baseline() -> None:
    platform, channel = platform_and_channel()
    out_of_stock = dataclasses.replace(channel, offer_id=3, unit_cost_fen=500, stock=0)
    scores = factor_scores([platform, channel, out_of_stock], sale_price_fen=None, today=TODAY)
    assert scores[2]["cost"] == 1.0  # cheapest eligible
    assert scores[1]["cost"] == pytest.approx(2400 / 3000)
    assert scores[3]["cost"] == 1.0  # cheaper than the baseline: capped


def test_factor_scores_zero_landed_cost_and_empty() -> None:
    free = make_offer(unit_cost_fen=0, dropship_fee_fen=0, shipping_fen=0)
    assert factor_scores([free], today=TODAY)[1]["cost"] == 1.0
    assert factor_scores([], today=TODAY) == {}


# ---------------------------------------------------------------------------------- ranking


def test_rank_offers_concrete_scores_and_contributions() -> None:
    platform, channel = platform_and_channel()
    ranked = rank_offers([channel, platform], 5000, ScoreWeights(), today=TODAY)
    assert [r.offer_id for r in ranked] == [1, 2]
    assert [r.rank for r in ranked] == [1, 2]
    first, second = ranked
    assert first.contributions == pytest.approx(
        {
            "cost": 30 * 2000 / 2600,
            "lead_time": 10.0,
            "trust": 17.9,
            "stability": 15.0,
            "counterfeit_risk": 13.5,
        }
    )
    assert first.total == pytest.approx(79.476923, abs=1e-6)
    assert second.contributions == pytest.approx(
        {"cost": 30.0, "lead_time": 20.0, "trust": 5.8, "stability": 6.0, "counterfeit_risk": 9.0}
    )
    assert second.total == pytest.approx(70.8)
    for r in ranked:
        assert list(r.contributions) == list(FACTORS)
        assert math.isclose(sum(r.contributions.values()), r.total, abs_tol=1e-9)
        assert r.eligible is True
        assert r.reason_code == "ok"
    assert (first.landed_cost_fen, first.profit_fen, first.margin_ratio) == (3000, 2000, 0.4)
    assert (second.landed_cost_fen, second.profit_fen, second.margin_ratio) == (2400, 2600, 0.52)


def test_price_change_changes_ranking() -> None:
    platform, channel = platform_and_channel()
    assert [r.offer_id for r in rank_offers([platform, channel], 5000, today=TODAY)] == [1, 2]
    # The platform supplier raises its price from 25 to 40 yuan: profit 500 vs 2600.
    pricier = dataclasses.replace(platform, unit_cost_fen=4000)
    ranked = rank_offers([pricier, channel], 5000, today=TODAY)
    assert [r.offer_id for r in ranked] == [2, 1]
    assert ranked[1].contributions["cost"] == pytest.approx(30 * 500 / 2600)


def test_weight_change_changes_ranking() -> None:
    platform, channel = platform_and_channel()
    default_order = [r.offer_id for r in rank_offers([platform, channel], 5000, today=TODAY)]
    assert default_order == [1, 2]
    price_and_speed = ScoreWeights(cost=60, lead_time=40, trust=0, stability=0, counterfeit_risk=0)
    ranked = rank_offers([platform, channel], 5000, price_and_speed, today=TODAY)
    assert [r.offer_id for r in ranked] == [2, 1]
    assert ranked[0].total == pytest.approx(100.0)
    assert ranked[0].contributions["trust"] == 0.0


def test_ineligible_offers_are_ranked_last_but_present() -> None:
    platform, channel = platform_and_channel()
    # The best-scoring offer, but out of stock.
    star = make_offer(3, unit_cost_fen=1000, lead_time_days=0, stock=0)
    no_dropship = make_offer(4, unit_cost_fen=900, dropship_supported=False, moq=10)
    ranked = rank_offers([star, no_dropship, platform, channel], 5000, today=TODAY)
    assert [r.offer_id for r in ranked] == [1, 2, 3, 4]
    assert [r.eligible for r in ranked] == [True, True, False, False]
    assert ranked[2].reason == "Out of stock."
    assert ranked[2].reason_code == "out_of_stock"
    assert ranked[3].reason_code == "moq_without_dropship"
    # Ineligible offers still get a real score, here higher than the eligible ones.
    assert ranked[2].total > ranked[0].total
    assert all(math.isclose(sum(r.contributions.values()), r.total) for r in ranked)


def test_ties_break_by_landed_cost_then_offer_id() -> None:
    base = make_offer(7)
    twin = dataclasses.replace(base, offer_id=3)
    assert [r.offer_id for r in rank_offers([base, twin], today=TODAY)] == [3, 7]
    # Same total, different landed cost: weights give cost no say, so only the tie-break decides.
    only_trust = ScoreWeights(cost=0, lead_time=0, trust=1, stability=0, counterfeit_risk=0)
    dearer = dataclasses.replace(base, offer_id=1, shipping_fen=900)
    ranked = rank_offers([dearer, base, twin], 5000, only_trust, today=TODAY)
    assert [r.offer_id for r in ranked] == [3, 7, 1]
    assert ranked[0].total == ranked[2].total


def test_rank_offers_without_sale_price_and_empty() -> None:
    platform, channel = platform_and_channel()
    ranked = rank_offers([platform, channel], None, today=TODAY)
    assert ranked[0].profit_fen is None
    assert ranked[0].margin_ratio is None
    assert {r.offer_id: r.factor_scores["cost"] for r in ranked} == pytest.approx({1: 0.8, 2: 1.0})
    assert rank_offers([], 5000, today=TODAY) == []


money = st.integers(min_value=0, max_value=1_000_000)


@st.composite
def offers_strategy(draw: st.DrawFn) -> list[OfferFacts]:
    count = draw(st.integers(min_value=1, max_value=6))
    result = []
    for offer_id in range(1, count + 1):
        supplier = SupplierFacts(
            kind=draw(st.sampled_from(list(SupplierKind))),
            years_on_1688=draw(st.integers(0, 20)),
            rating=draw(st.none() | st.floats(0, 5)),
            on_time_rate=draw(st.none() | st.floats(0, 1)),
            incidents=draw(st.integers(0, 6)),
        )
        result.append(
            make_offer(
                offer_id,
                supplier=supplier,
                unit_cost_fen=draw(money),
                dropship_fee_fen=draw(money),
                shipping_fen=draw(money),
                moq=draw(st.integers(1, 100)),
                lead_time_days=draw(st.integers(0, 30)),
                dropship_supported=draw(st.booleans()),
                stock=draw(st.none() | st.integers(0, 1000)),
                last_checked=draw(st.none() | st.dates(max_value=TODAY)),
            )
        )
    return result


weights_strategy = st.builds(
    ScoreWeights,
    st.floats(0, 100),
    st.floats(0, 100),
    st.floats(0, 100),
    st.floats(0, 100),
    st.floats(1, 100),
)


@given(offers_strategy(), st.none() | money, weights_strategy)
def test_rank_offers_properties(
    offers: list[OfferFacts], sale_price: int | None, weights: ScoreWeights
) -> None:
    ranked = rank_offers(offers, sale_price, weights, today=TODAY)
    assert sorted(r.offer_id for r in ranked) == [o.offer_id for o in offers]
    assert [r.rank for r in ranked] == list(range(1, len(offers) + 1))
    eligibility = [r.eligible for r in ranked]
    assert eligibility == sorted(eligibility, reverse=True)
    for r in ranked:
        assert math.isclose(sum(r.contributions.values()), r.total, abs_tol=1e-9)
        assert -1e-9 <= r.total <= 100 + 1e-9
        assert all(0.0 <= s <= 1.0 for s in r.factor_scores.values())


# ---------------------------------------------------------------------------------- completeness

GOOD_DESCRIPTION = (
    "纯棉短袖T恤，面料柔软透气，不起球不变形。尺码S到XL，颜色有黑色、白色，适合日常通勤穿着。"
)


def test_complete_chinese_listing() -> None:
    result = description_completeness(
        title="夏季纯棉短袖T恤男女同款宽松",
        sku="TS-001",
        sale_price_fen=5900,
        specs={"尺码": "S/M/L/XL", "颜色": "黑色/白色"},
        description=GOOD_DESCRIPTION,
    )
    assert result.missing == []
    assert result.score == 1.0
    assert result.complete is True
    assert result.messages() == []


def test_empty_listing_misses_everything() -> None:
    result = description_completeness("", None, None, None, None)
    assert result.missing == [
        "title_short",
        "no_sku",
        "no_sale_price",
        "no_specs",
        "description_short",
        "no_size_or_material",
    ]
    assert result.score == 0.0
    assert result.messages() == [COMPLETENESS_MESSAGES[code] for code in result.missing]


def test_short_chinese_description_and_title() -> None:
    # 12 characters of Chinese: content, but too little of it; no size/material/colour words.
    result = description_completeness(
        title="T恤",
        sku="TS-001",
        sale_price_fen=5900,
        specs="均码",
        description="好看的衣服，欢迎选购哦！",
    )
    assert result.missing == ["title_short", "description_short", "no_size_or_material"]
    assert result.score == pytest.approx(0.5)


def test_thirty_chinese_characters_are_enough() -> None:
    description = "这" * 29
    short = description_completeness("夏季纯棉短袖T恤男女同款", "A", 100, "尺码 M", description)
    assert short.missing == ["description_short"]
    enough = description_completeness(
        "夏季纯棉短袖T恤男女同款", "A", 100, "尺码 M", description + "款"
    )
    assert enough.missing == []
    # Whitespace padding does not count.
    padded = description_completeness(
        "夏季纯棉短袖T恤男女同款", "A", 100, "尺码 M", "短" + " " * 40
    )
    assert "description_short" in padded.missing


def test_size_material_or_colour_detection() -> None:
    long_plain = "这是一款非常受欢迎的产品，品质很好，很多买家回购，欢迎大家下单购买。"
    base = {"title": "热销爆款家居收纳用品", "sku": "H1", "sale_price_fen": 1990}
    plain = description_completeness(**base, specs="标准款", description=long_plain)
    assert plain.missing == ["no_size_or_material"]
    for description in (
        long_plain + "材质：PP塑料。",
        long_plain + "规格齐全。",
        long_plain + "长30cm。",
        long_plain + "净重1.5 kg。",
        long_plain + "颜色随机。",
        long_plain + " Size: M.",
    ):
        result = description_completeness(**base, specs="标准款", description=description)
        assert result.missing == [], description
    # Mentioned in the specs is enough too.
    in_specs = description_completeness(**base, specs={"材质": "PP"}, description=long_plain)
    assert in_specs.missing == []


def test_specs_forms() -> None:
    args = {"title": "夏季纯棉短袖T恤男女同款", "sku": "A", "sale_price_fen": 100}
    empty_values = description_completeness(
        **args, specs={"尺码": "", "颜色": None}, description=GOOD_DESCRIPTION
    )
    assert empty_values.missing == ["no_specs"]
    assert description_completeness(**args, specs=[], description=GOOD_DESCRIPTION).missing == [
        "no_specs"
    ]
    assert description_completeness(**args, specs="  ", description=GOOD_DESCRIPTION).missing == [
        "no_specs"
    ]
    as_list = description_completeness(**args, specs=["S", "M"], description=GOOD_DESCRIPTION)
    assert as_list.missing == []


def test_zero_sale_price_and_blank_sku_are_missing() -> None:
    result = description_completeness(
        "夏季纯棉短袖T恤男女同款", "   ", 0, {"尺码": "M"}, GOOD_DESCRIPTION
    )
    assert result.missing == ["no_sku", "no_sale_price"]
    assert result.score == pytest.approx(4 / 6)
