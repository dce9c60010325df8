"""The cancel-order wizard (取消订单向导): the six steps of the seed as a thin Qt layer over
:class:`~dropship_desktop.domain.cancel_flow.CancelFlow`, and the dialog that resolves requests a
crash interrupted."""
