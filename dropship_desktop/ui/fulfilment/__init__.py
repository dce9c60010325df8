"""Fulfilment views (代发): the purchase queue (待下单), the shipping queue (待发货), SKU mapping."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ..tasks import DbWorker
from ..view_base import View

__all__ = ["fulfilment_views"]


def fulfilment_views(worker: DbWorker, parent: QWidget) -> list[View]:
    """The fulfilment views, in navigation order (the main window adds them)."""
    from .mapping_view import MappingView
    from .purchase_view import PurchaseQueueView
    from .shipping_view import ShippingView

    return [
        PurchaseQueueView(worker, parent),
        ShippingView(worker, parent),
        MappingView(worker, parent),
    ]
