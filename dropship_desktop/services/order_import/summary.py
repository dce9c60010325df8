"""What an import did, as the dialog, the CLI and the status bar report it."""

from __future__ import annotations

from dataclasses import dataclass

from ...i18n import QT_TRANSLATE_NOOP, join, with_values
from ..base import Changes

__all__ = ["ImportChanges", "ImportSummary"]


@dataclass(frozen=True)
class ImportSummary:
    """What an import did (counts only: no buyer data)."""

    file_name: str
    kind: str
    format: str | None
    rows: int
    orders_created: int = 0
    orders_updated: int = 0
    orders_unchanged: int = 0
    lines_created: int = 0
    status_changes: int = 0
    matched: int = 0
    unmatched: int = 0
    seconds: float = 0.0
    shop_id: int | None = None
    #: Summary rows (合计, 总计, 汇总) skipped.
    summary_rows: int = 0
    #: 1688 orders whose 下游订单号 names no shop order here: they wait for it.
    waiting_downstream: int = 0
    #: 1688 orders whose 下游订单号 is the number of orders in several shops (not linked).
    ambiguous_downstream: int = 0
    #: 1688 orders linked to their shop order by 下游订单号.
    linked_downstream: int = 0
    #: New shop orders whose receiver data the platform hid.
    hidden_receivers: int = 0
    #: New shop orders not paid yet (their value is shown, marked unpaid).
    unpaid: int = 0
    #: Orders that got their goods lines (SKU, price, quantity) from an item report.
    lines_replaced: int = 0
    #: Orders of an item report that are not here: their order report comes first.
    orders_not_here: int = 0
    #: Orders already here whose amount a later export changed (the seller's 改价).
    amounts_changed: int = 0
    #: Rows skipped because they repeat another row of the file (exports put together).
    duplicate_rows: int = 0

    def message(self) -> str:
        """A summary: English as a string (the CLI prints it), marked for the UI."""
        parts = [self._counts()]
        if self.linked_downstream:
            parts.append(
                with_values(
                    QT_TRANSLATE_NOOP(
                        "Messages", "{count} linked to their shop order by 下游订单号."
                    ),
                    count=self.linked_downstream,
                )
            )
        if self.waiting_downstream:
            parts.append(
                with_values(
                    QT_TRANSLATE_NOOP(
                        "Messages",
                        "{count} name a shop order (下游订单号) that is not here yet: they wait "
                        "for it and are linked when that shop export is imported.",
                    ),
                    count=self.waiting_downstream,
                )
            )
        if self.ambiguous_downstream:
            parts.append(
                with_values(
                    QT_TRANSLATE_NOOP(
                        "Messages",
                        "{count} name a shop order number (下游订单号) that orders of several "
                        "shops have: link them by hand in the order list.",
                    ),
                    count=self.ambiguous_downstream,
                )
            )
        if self.unpaid:
            parts.append(
                with_values(
                    QT_TRANSLATE_NOOP(
                        "Messages", "{count} not paid yet (shown with their value, unpaid)."
                    ),
                    count=self.unpaid,
                )
            )
        if self.amounts_changed:
            parts.append(
                with_values(
                    QT_TRANSLATE_NOOP(
                        "Messages",
                        "{count} order(s) already here have a new amount in this file (the price "
                        "was changed on the platform): their sale and profit were updated.",
                    ),
                    count=self.amounts_changed,
                )
            )
        if self.hidden_receivers:
            parts.append(
                with_values(
                    QT_TRANSLATE_NOOP(
                        "Messages", "Receiver data hidden by the platform in {count} order(s)."
                    ),
                    count=self.hidden_receivers,
                )
            )
        if self.lines_replaced:
            parts.append(
                with_values(
                    QT_TRANSLATE_NOOP(
                        "Messages",
                        "{count} order(s) got their goods lines (SKU, price, quantity) from this "
                        "item report.",
                    ),
                    count=self.lines_replaced,
                )
            )
        if self.orders_not_here:
            parts.append(
                with_values(
                    QT_TRANSLATE_NOOP(
                        "Messages",
                        "{count} order(s) of this item report are not here yet: import the order "
                        "report (订单报表) first, then this file again.",
                    ),
                    count=self.orders_not_here,
                )
            )
        if self.duplicate_rows:
            parts.append(
                with_values(
                    QT_TRANSLATE_NOOP(
                        "Messages",
                        "{count} duplicate row(s) skipped (the same row more than once in the "
                        "file, e.g. exports put together): each order was imported once.",
                    ),
                    count=self.duplicate_rows,
                )
            )
        if self.summary_rows:
            parts.append(
                with_values(
                    QT_TRANSLATE_NOOP(
                        "Messages", "{count} summary row(s) (合计/总计/汇总) skipped."
                    ),
                    count=self.summary_rows,
                )
            )
        return join(parts, " ")

    def _counts(self) -> str:
        if self.kind == "1688":
            template = QT_TRANSLATE_NOOP(
                "Messages",
                "Imported {file}: {created} new 1688 orders, {updated} updated, {unchanged} "
                "unchanged; {matched} matched to sales orders, {unmatched} awaiting a match.",
            )
        elif self.matched:
            template = QT_TRANSLATE_NOOP(
                "Messages",
                "Imported {file}: {created} new orders, {updated} updated, {unchanged} "
                "unchanged; {matched} waiting 1688 order(s) matched.",
            )
        else:
            template = QT_TRANSLATE_NOOP(
                "Messages",
                "Imported {file}: {created} new orders, {updated} updated, {unchanged} unchanged.",
            )
        return with_values(
            template,
            file=self.file_name,
            created=self.orders_created,
            updated=self.orders_updated,
            unchanged=self.orders_unchanged,
            matched=self.matched,
            unmatched=self.unmatched,
        )


@dataclass(frozen=True)
class ImportChanges(Changes):
    """:class:`Changes` that also carry the import's :class:`ImportSummary`."""

    summary: ImportSummary | None = None
