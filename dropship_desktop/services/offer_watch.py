"""Watch the 1688 offers that SKU mappings use: price, stock and delisting, from the API.

:func:`watched_offers` gathers what the seller relies on (DB), the connector asks 1688 for each
offer (network), :func:`record_checks` writes the outcome (DB): the sourcing offer's stock and
last-checked date follow 1688 (0 when delisted: the same "out of stock" state the cancel
wizard's "mark out of stock" uses), a higher price becomes its unit cost, and every alert is an
``offer_alert`` audit event on the offer, so it shows in the offer's history and survives a
restart. :func:`check_offers` runs the three steps.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol

from ..domain.fulfilment import listing_keys, offer_id_from_ref
from ..domain.offer_watch import AlertKind, OfferAlert, OfferCheck, WatchedOffer, alerts_for
from ..domain.timeutil import now_epoch
from ..i18n import QT_TRANSLATE_NOOP, Text, with_values
from ..store.db import execute_sql
from .base import Changes, audit, write_op
from .mapping.listings import waiting_line_rows
from .mapping.rows import LineListing, line_mappings

__all__ = ["WatchChanges", "alert_text", "check_offers", "record_checks", "watched_offers"]

log = logging.getLogger(__name__)


class OfferSource(Protocol):
    def offer_facts(self, offer_id_1688: str) -> Any: ...


def _needs() -> dict[str, int]:
    """Pieces the waiting paid orders need, per 1688 offer (through their main mapping)."""
    rows = waiting_line_rows()
    lines = []
    for line_id, shop_id, item, sku_id, code, title, spec, _order, _product in rows:
        keys = listing_keys(
            platform_sku_id=sku_id, platform_item_id=item, merchant_code=code, title=title,
            spec=spec,
        )  # fmt: skip
        if keys:
            lines.append(LineListing(line_id, shop_id, tuple(keys)))
    if not lines:
        return {}
    mapped = line_mappings(lines)
    quantities = dict(
        execute_sql(
            "SELECT id, quantity FROM sales_order_line WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(list(mapped)),),
        ).fetchall()
    )
    need: dict[str, int] = {}
    for line_id, targets in mapped.items():
        main = targets[0]
        offer = main.offer_id_1688 or _ref_of(main.offer_id)
        if offer:
            need[offer] = (
                need.get(offer, 0) + int(quantities.get(line_id, 1)) * main.quantity_factor
            )
    return need


def _ref_of(offer_id: int | None) -> str:
    if offer_id is None:
        return ""
    row = execute_sql("SELECT offer_ref FROM offer WHERE id = ?", (offer_id,)).fetchone()
    return offer_id_from_ref(row[0]) if row else ""


def watched_offers() -> list[WatchedOffer]:
    """Every 1688 offer a SKU mapping uses, with its cost, sale price, extras and need."""
    rows = execute_sql(
        "SELECT m.offer_id_1688, m.spec_id_1688, m.offer_id, m.quantity_factor,"
        " o.offer_ref, o.unit_cost_fen, o.dropship_fee_fen, o.shipping_fen,"
        " COALESCE(p.sale_price_fen, 0), COALESCE(p.title, m.title)"
        " FROM sku_mapping m LEFT JOIN offer o ON o.id = m.offer_id"
        " LEFT JOIN product p ON p.id = COALESCE(m.product_id, o.product_id)"
    ).fetchall()
    by_offer: dict[str, dict[str, Any]] = {}
    for offer_1688, spec, offer_id, factor, ref, cost, fee, ship, sale, title in rows:
        key = offer_1688 or offer_id_from_ref(ref or "")
        if not key:
            continue
        entry = by_offer.setdefault(
            key,
            {"specs": set(), "local": [], "cost": None, "sale": 0, "extra": 0, "title": ""},
        )
        entry["factor"] = max(entry.get("factor", 1), max(1, int(factor or 1)))
        if spec:
            entry["specs"].add(spec)
        if offer_id is not None and offer_id not in entry["local"]:
            entry["local"].append(int(offer_id))
        if cost is not None:
            piece = int(cost)  # one 1688 piece, as 1688 quotes its price
            entry["cost"] = piece if entry["cost"] is None else min(entry["cost"], piece)
            entry["extra"] = max(entry["extra"], int(fee or 0) + int(ship or 0))
        if sale:
            entry["sale"] = int(sale) if not entry["sale"] else min(entry["sale"], int(sale))
        entry["title"] = entry["title"] or (title or "")
    # Offers of the seller's sourcing list that no mapping names are not watched.
    need = _needs()
    return [
        WatchedOffer(
            key,
            frozenset(e["specs"]),
            tuple(e["local"]),
            e["cost"],
            e["sale"],
            e["extra"],
            need.get(key, 0),
            e["title"],
            e.get("factor", 1),
        )
        for key, e in sorted(by_offer.items())
    ]


@dataclass(frozen=True)
class WatchChanges(Changes):
    alerts: tuple[OfferAlert, ...] = ()
    checked: int = 0
    failed: tuple[str, ...] = field(default_factory=tuple)


def _check_of(facts: Any, specs: frozenset[str]) -> OfferCheck:
    if facts is None:
        return OfferCheck(False)
    price = facts.price_fen
    stock = facts.stock
    wanted = [s for s in specs if s in facts.spec_prices or s in facts.spec_stock]
    if wanted:
        prices = [facts.spec_prices[s] for s in wanted if s in facts.spec_prices]
        price = max(prices) if prices else price
        stocks = [facts.spec_stock[s] for s in wanted if s in facts.spec_stock]
        stock = min(stocks) if stocks else stock
    return OfferCheck(True, facts.on_sale, facts.status, price, stock)


@write_op
def record_checks(results: Iterable[tuple[WatchedOffer, OfferCheck]]) -> WatchChanges:
    """Write checks: sourcing offers follow 1688, alerts become audit events."""
    today = date.today().isoformat()
    now = now_epoch()
    alerts: list[OfferAlert] = []
    touched: set[int] = set()
    checked = 0
    for offer, check in results:
        checked += 1
        found = alerts_for(offer, check)
        alerts.extend(found)
        for local_id in offer.local_offer_ids:
            row = execute_sql(
                "SELECT stock, unit_cost_fen, last_checked FROM offer WHERE id = ?", (local_id,)
            ).fetchone()
            if row is None:
                continue
            stock = 0 if not check.found or not check.on_sale else check.stock
            cost = row[1]
            if check.found and check.price_fen and check.price_fen > row[1]:
                cost = check.price_fen
            after = {"stock": stock, "unit_cost_fen": cost, "last_checked": today}
            before = {"stock": row[0], "unit_cost_fen": row[1], "last_checked": row[2]}
            if after != before:
                execute_sql(
                    "UPDATE offer SET stock = ?, unit_cost_fen = ?, last_checked = ?,"
                    " updated_at = ? WHERE id = ?",
                    (stock, cost, today, now, local_id),
                )
                audit("offer", local_id, "checked_on_1688", before=before, after=after)
                touched.add(local_id)
            for alert in found:
                audit(
                    "offer",
                    local_id,
                    "offer_alert",
                    after={
                        "kind": alert.kind.value,
                        "offer_id_1688": alert.offer_id_1688,
                        "old_fen": alert.old_fen,
                        "new_fen": alert.new_fen,
                        "stock": alert.stock,
                        "need": alert.need,
                    },
                )
    message = with_values(
        QT_TRANSLATE_NOOP("Open1688", "{checked} linked 1688 offer(s) checked, {alerts} alert(s)."),
        checked=checked,
        alerts=len(alerts),
    )
    return WatchChanges(
        tables=frozenset({"offer", "audit_event"}),
        ids={"offer": frozenset(touched)},
        message=message,
        alerts=tuple(alerts),
        checked=checked,
    )


def _direct(fn: Callable[[], Any]) -> Any:
    return fn()


def check_offers(
    source: OfferSource,
    *,
    run_db: Callable[[Callable[[], Any]], Any] = _direct,
    should_cancel: Callable[[], bool] | None = None,
) -> WatchChanges:
    """Check every watched offer on 1688 and record the outcome (one write at the end).

    An offer 1688 refuses to describe (no permission for it, say) is skipped and named in
    ``failed``; a network failure stops the check with nothing written.
    """
    from ..errors import UserError

    offers: list[WatchedOffer] = run_db(watched_offers)
    results: list[tuple[WatchedOffer, OfferCheck]] = []
    failed: list[str] = []
    for offer in offers:
        if should_cancel is not None and should_cancel():
            break
        try:
            facts = source.offer_facts(offer.offer_id_1688)
        except UserError as exc:
            if getattr(exc, "code", ""):  # the platform answered: this offer only
                failed.append(offer.offer_id_1688)
                log.info("offer %s not checked: %s", offer.offer_id_1688, exc.code)  # type: ignore[attr-defined]
                continue
            raise
        results.append((offer, _check_of(facts, offer.spec_ids)))
    changes: WatchChanges = run_db(lambda: record_checks(results))
    return WatchChanges(
        tables=changes.tables,
        ids=changes.ids,
        message=changes.message,
        alerts=changes.alerts,
        checked=changes.checked,
        failed=tuple(failed),
    )


def alert_text(alert: OfferAlert) -> Text:
    """One alert as a marked sentence."""
    name = alert.title or alert.offer_id_1688
    if alert.kind is AlertKind.DELISTED:
        return with_values(
            QT_TRANSLATE_NOOP(
                "Open1688",
                "{name} ({offer}) is no longer on sale on 1688: it was marked out of stock. "
                "Choose another offer for its listings.",
            ),
            name=name,
            offer=alert.offer_id_1688,
        )
    if alert.kind is AlertKind.MARGIN:
        return with_values(
            QT_TRANSLATE_NOOP(
                "Open1688",
                "{name} ({offer}) now costs ¥{new} instead of ¥{old}: its listings lose ¥{loss} "
                "a piece. Raise the price or choose another offer.",
            ),
            name=name,
            offer=alert.offer_id_1688,
            new=f"{alert.new_fen / 100:.2f}",
            old=f"{alert.old_fen / 100:.2f}",
            loss=f"{-alert.margin_fen / 100:.2f}",
        )
    return with_values(
        QT_TRANSLATE_NOOP(
            "Open1688",
            "{name} ({offer}) has {stock} piece(s) on 1688 but the waiting orders need {need}.",
        ),
        name=name,
        offer=alert.offer_id_1688,
        stock=alert.stock,
        need=alert.need,
    )
