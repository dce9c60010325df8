"""Fulfilment views (代发): the purchase queue (待下单), the shipping queue (待发货), SKU mapping."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ..tasks import DbWorker
from ..view_base import View

__all__ = ["fulfilment_views"]


def fulfilment_views(
    worker: DbWorker, parent: QWidget, *, after_shipping: View | None = None
) -> list[View]:
    """The fulfilment views, in navigation order (the main window adds them).

    *after_shipping* (the after-sales view) goes between the shipping queue and the mappings,
    where it falls in the seller's day.
    """
    from .mapping_view import MappingView
    from .purchase_view import PurchaseQueueView
    from .shipping_view import ShippingView

    return [
        PurchaseQueueView(worker, parent),
        ShippingView(worker, parent),
        *([after_shipping] if after_shipping is not None else []),
        MappingView(worker, parent),
    ]
