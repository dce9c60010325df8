"""The manual connector: the seller acts on 1688 in the browser and confirms in the app.

It works offline and needs no platform credentials. Each action opens the right 1688 page through
an injectable ``open_url`` callable (the UI passes ``QDesktopServices.openUrl``); the wizard then asks
the seller ("Did you close it on 1688?") and hands the answer to :meth:`ManualConnector.confirm`.
The answer is what :meth:`~ManualConnector.close_order` / :meth:`~ManualConnector.request_refund`
return when the service calls them, so the services treat this connector like any other and an
order is only ever marked closed because the seller said it was.

Sequence for one order (UI thread ↔ DB worker)::

    worker: record_requests(...)            # request row "recorded"
    worker: begin_submission(request_id)    # "submitted": the seller is about to act on 1688
    UI:     connector.open_order(order_id)  # browser opens the order page
    UI:     ask the seller; connector.confirm(order_id, action, done=..., message=...)
    worker: submit_request(request_id, connector)   # takes the answer, records the outcome
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from datetime import datetime

from ..domain.cancel_flow import AccountRef, CallResult, RefundReason, SignInResult
from ..domain.enums import CancelAction
from ..domain.fulfilment import offer_url
from ..messages import (
    NOT_CONFIRMED_ON_1688,
    NOTHING_CONFIRMED,
    SIGN_IN_IN_BROWSER,
    SIGN_IN_OPEN_URL,
)
from .base import (
    BUYER_ORDER_LIST_URL,
    GOODS_STATUS_WAIT_SELLER_SEND,
    SIGN_IN_URL,
    PlaceResult,
    PreviewResult,
    PurchaseRequest,
    RemoteOrder,
    order_url,
)
from .defaults import default_refund_reasons

__all__ = ["AFTER_SALES_REFUND", "NOT_CONFIRMED", "NO_ANSWER", "RETURN_GOODS", "ManualConnector"]

log = logging.getLogger(__name__)

#: The seller said it was not done (or failed) on 1688.
NOT_CONFIRMED = "NOT_CONFIRMED"
#: The service asked before the seller answered: nothing is assumed.
NO_ANSWER = "NO_ANSWER"

OpenUrl = Callable[[str], object]

#: Keys of the seller's answers for the after-sales calls (next to the CancelAction values).
AFTER_SALES_REFUND = "after_sales_refund"
RETURN_GOODS = "return_goods"
#: 1688's buyer-side refund list, where an after-sales application is followed.
REFUND_LIST_URL = "https://trade.1688.com/order/refund/buyer_refund_list.htm"


def _no_browser(url: str) -> bool:
    log.info("no browser available to open %s", url)
    return False


class ManualConnector:
    """Opens 1688 pages and turns the seller's confirmations into call results.

    Args:
        open_url: Opens a URL in the system browser; returns a falsy value when it could not
            (``QDesktopServices.openUrl`` returns ``bool``). Without one, nothing is opened and
            the seller is told the address.
    """

    name = "manual"
    needs_manual_confirmation = True
    can_list_orders = False
    can_place_orders = False

    def __init__(self, open_url: OpenUrl | None = None) -> None:
        self._open_url = open_url or _no_browser
        # Answers are given on the UI thread and taken on the DB worker thread.
        self._lock = threading.Lock()
        self._answers: dict[tuple[str, str], CallResult] = {}

    # ---- pages -------------------------------------------------------------------------------

    def _open(self, url: str) -> bool:
        try:
            return bool(self._open_url(url))
        except Exception:  # a broken browser hook must not break the wizard
            log.exception("opening %s failed", url)
            return False

    def open_sign_in(self) -> bool:
        """Open the 1688 sign-in page; ``False`` when no browser could be opened."""
        return self._open(SIGN_IN_URL)

    def open_order_list(self) -> bool:
        """Open the 1688 buyer order list (step 2, "open on 1688")."""
        return self._open(BUYER_ORDER_LIST_URL)

    def open_order(self, order_id_1688: str) -> bool:
        """Open one order's 1688 page, where the seller closes it or applies for the refund."""
        return self._open(order_url(order_id_1688))

    def order_url(self, order_id_1688: str) -> str:
        return order_url(order_id_1688)

    # ---- sign-in -----------------------------------------------------------------------------

    def sign_in(self, account: AccountRef) -> SignInResult:
        """Open the sign-in page; the seller confirms in the wizard once signed in."""
        opened = self.open_sign_in()
        message = SIGN_IN_IN_BROWSER if opened else SIGN_IN_OPEN_URL
        return SignInResult(False, message, needs_confirmation=True, member_id=account.member_id)

    # ---- the seller's answers ----------------------------------------------------------------

    def confirm(
        self,
        order_id_1688: str,
        action: CancelAction,
        *,
        done: bool,
        message: str = "",
        refund_id: str = "",
    ) -> CallResult:
        """Record the seller's answer for one order; the next call for it returns this answer.

        Args:
            order_id_1688: The order.
            action: What the seller was asked to do.
            done: The seller confirms it was done on 1688.
            message: When not done, what 1688 said or why (shown with the failure).
            refund_id: The refund application's id, if the seller copied it.

        Returns:
            The result the call will return.
        """
        if done:
            result = CallResult(True, refund_id=refund_id.strip())
        else:
            text = message.strip() or NOT_CONFIRMED_ON_1688
            result = CallResult(False, NOT_CONFIRMED, text)
        with self._lock:
            self._answers[(CancelAction(action).value, str(order_id_1688))] = result
        return result

    def has_answer(self, order_id_1688: str, action: CancelAction) -> bool:
        with self._lock:
            return (CancelAction(action).value, str(order_id_1688)) in self._answers

    def confirm_after_sales(
        self,
        order_id_1688: str,
        step: str,
        *,
        done: bool,
        message: str = "",
        refund_id: str = "",
    ) -> CallResult:
        """Record the seller's answer for an after-sales step on 1688.

        Args:
            order_id_1688: The order.
            step: :data:`AFTER_SALES_REFUND` ("Did you apply for the refund on 1688?") or
                :data:`RETURN_GOODS` ("Did you enter the return tracking number on 1688?").
            done: The seller confirms it was done.
            message: When not done, what 1688 said or why.
            refund_id: The refund id (``TQ…``), if the seller copied it.
        """
        if done:
            result = CallResult(True, refund_id=refund_id.strip())
        else:
            text = message.strip() or NOT_CONFIRMED_ON_1688
            result = CallResult(False, NOT_CONFIRMED, text)
        with self._lock:
            self._answers[(step, str(order_id_1688))] = result
        return result

    def open_refund_list(self) -> bool:
        """Open 1688's refund list (the after-sales applications of the buyer account)."""
        return self._open(REFUND_LIST_URL)

    def _take(self, action: CancelAction | str, order_id_1688: str) -> CallResult:
        key = action.value if isinstance(action, CancelAction) else str(action)
        with self._lock:
            answer = self._answers.pop((key, str(order_id_1688)), None)
        if answer is None:
            return CallResult(False, NO_ANSWER, NOTHING_CONFIRMED)
        return answer

    # ---- the interface -----------------------------------------------------------------------

    def list_orders(
        self,
        account: AccountRef,
        *,
        status: str | None = None,
        created_from: datetime | None = None,
        created_to: datetime | None = None,
        page: int = 1,
        page_size: int = 50,
    ) -> list[RemoteOrder]:
        """Nothing: without the API the wizard works from the local database."""
        return []

    def fetch_order(self, order_id_1688: str) -> RemoteOrder | None:
        return None

    def close_order(self, order_id_1688: str, reason: str, remark: str) -> CallResult:
        """The seller's answer to "Did you close it on 1688?" (a failure if none was given)."""
        return self._take(CancelAction.CLOSE, order_id_1688)

    def refund_reasons(
        self, order_id_1688: str, goods_status: str = GOODS_STATUS_WAIT_SELLER_SEND
    ) -> list[RefundReason]:
        """The built-in list (the seller picks the matching reason on the 1688 page)."""
        return default_refund_reasons()

    def request_refund(
        self,
        order_id_1688: str,
        amount_fen: int,
        reason_id: str,
        description: str,
        vouchers: Sequence[str] = (),
    ) -> CallResult:
        """The seller's answer to "Did you apply for the refund on 1688?"."""
        return self._take(CancelAction.REFUND_REQUEST, order_id_1688)

    def request_after_sales_refund(
        self,
        order_id_1688: str,
        amount_fen: int,
        *,
        dispute_request: str,
        goods_status: str,
        reason_id: str,
        description: str,
        vouchers: Sequence[str] = (),
    ) -> CallResult:
        """The seller's answer to "Did you apply for the refund on 1688?"."""
        return self._take(AFTER_SALES_REFUND, order_id_1688)

    def submit_return_goods(
        self, order_id_1688: str, refund_id: str, carrier: str, tracking_no: str
    ) -> CallResult:
        """The seller's answer to "Did you enter the return parcel on 1688?"."""
        return self._take(RETURN_GOODS, order_id_1688)

    # ---- placing orders: by hand on 1688 -----------------------------------------------------

    def open_offer(self, offer_id_1688: str) -> bool:
        """Open an offer's 1688 page, where the seller places the order."""
        return self._open(offer_url(offer_id_1688))

    def preview_order(self, request: PurchaseRequest) -> PreviewResult:
        return PreviewResult(False, error_code="MANUAL", message="Place this order on 1688.")

    def place_order(self, request: PurchaseRequest) -> PlaceResult:
        """Never places anything: the seller orders on 1688 and pastes the number."""
        return PlaceResult(False, error_code="MANUAL", message="Place this order on 1688.")

    def find_by_out_order_id(
        self, out_order_id: str, *, sent_after: datetime | None = None
    ) -> RemoteOrder | None:
        return None
