"""Plain messages for every platform error code the reference documents, and the exceptions.

The platform's own ``errorMessage`` is kept (shown after ours) but never relied upon: a code not
listed here gets a general message naming the code, so a new code is never a crash.
"""

from __future__ import annotations

from ...errors import UserError
from ...i18n import QT_TRANSLATE_NOOP, Text, with_values
from ..base import ConnectorUnavailable

__all__ = [
    "CERTAIN_REFUSALS",
    "ERROR_MESSAGES",
    "AccountRequiredError",
    "ApiError",
    "GatewayUnreachable",
    "GatewayUrlInvalid",
    "NotConnectedError",
    "RateLimitedError",
    "ReconnectNeededError",
    "UncertainOutcome",
    "message_for",
    "refusal",
]

#: Error code → what it means for the seller (English source, translated by the UI).
ERROR_MESSAGES: dict[str, str] = {
    # trade: cancel / detail / refund
    "ORDER_NOT_EXIST": QT_TRANSLATE_NOOP(
        "Open1688", "1688 does not know this order (check the order number and the account)."
    ),
    "ORDER_STATUS_ERROR": QT_TRANSLATE_NOOP(
        "Open1688",
        "The order's status on 1688 does not allow this any more (it may have been paid, "
        "shipped or closed meanwhile). Sync the order and look again.",
    ),
    "CLOSE_ORDER_TOO_FAST": QT_TRANSLATE_NOOP(
        "Open1688",
        "1688 does not allow closing an order within 10 seconds of placing it. Wait a moment "
        "and try again.",
    ),
    "LOOKUP_INCOMPLETE": QT_TRANSLATE_NOOP(
        "Open1688",
        "Too many 1688 orders were placed since this purchase was sent to look it up "
        "automatically. Find it in 1688's order list (its message holds the purchase's "
        "number), then paste the number or say it was not ordered.",
    ),
    "NOT_SENT": QT_TRANSLATE_NOOP(
        "Open1688",
        "1688 did not answer while the app prepared the request, so nothing was sent. Try "
        "again in a moment.",
    ),
    "UNKNOWN_ANSWER": QT_TRANSLATE_NOOP(
        "Open1688",
        "1688 answered in a form this version of the app cannot read, so nothing was changed. "
        "Check it on 1688, or update the app.",
    ),
    # logistics
    "500_2": QT_TRANSLATE_NOOP("Open1688", "The supplier has not shipped this order yet."),
    # gateway
    "gw.SignatureInvalid": QT_TRANSLATE_NOOP(
        "Open1688",
        "1688 rejected the request signature: the app secret does not match the app key. "
        "Enter the app key and secret again in the 1688 accounts window.",
    ),
    "gw.AppKeyInvalid": QT_TRANSLATE_NOOP(
        "Open1688", "1688 does not know this app key. Check it in the 1688 accounts window."
    ),
    "gw.TimestampInvalid": QT_TRANSLATE_NOOP(
        "Open1688",
        "1688 rejected the request time: set this computer's clock to the correct time "
        "(automatic time) and try again.",
    ),
    "gw.AccessTokenExpired": QT_TRANSLATE_NOOP(
        "Open1688", "The 1688 authorisation has expired. Reconnect the account."
    ),
    "gw.IllegalAccessToken": QT_TRANSLATE_NOOP(
        "Open1688", "1688 no longer accepts this account's authorisation. Reconnect the account."
    ),
    "gw.QpsOverLimit": QT_TRANSLATE_NOOP(
        "Open1688", "1688 is limiting how often the app may ask. Wait a minute and try again."
    ),
    "gw.ApiAccessDenied": QT_TRANSLATE_NOOP(
        "Open1688",
        "Your 1688 app has no permission for this function. Apply for it on the 1688 open "
        "platform (see the README), or do it by hand on 1688.",
    ),
    # OAuth
    "invalid_grant": QT_TRANSLATE_NOOP(
        "Open1688",
        "1688 did not accept the authorisation code: it is used once and valid about 2 "
        "minutes. Open the authorise page again and paste the new code.",
    ),
    "invalid_client": QT_TRANSLATE_NOOP(
        "Open1688", "1688 did not accept the app key or app secret. Check both and try again."
    ),
}

_UNKNOWN = QT_TRANSLATE_NOOP("Open1688", "1688 refused the request ({code}): {message}")


def message_for(code: str, platform_message: str = "") -> Text:
    """The seller's message for *code* (the platform's own text appended when there is one)."""
    known = ERROR_MESSAGES.get(code)
    if known is None:
        return with_values(_UNKNOWN, code=code or "?", message=platform_message or "-")
    if platform_message:
        return with_values(
            QT_TRANSLATE_NOOP("Open1688", "{message} (1688: {platform})"),
            message=known,
            platform=platform_message,
        )
    return Text(known, context="Open1688", template=known, params={})


class ApiError(UserError):
    """The platform answered with an error (the request reached it and was refused).

    ``code`` is the platform's error code; ``http_status`` the HTTP status (200 for a business
    error in the body).
    """

    def __init__(self, code: str = "", platform_message: str = "", http_status: int = 200) -> None:
        super().__init__(message_for(code, platform_message))
        self.code = code
        self.platform_message = platform_message
        self.http_status = http_status


class RateLimitedError(ApiError):
    """The gateway refused because of its rate limit (nothing was executed)."""


class ReconnectNeededError(ConnectorUnavailable, UserError):
    """The authorisation is gone (refresh failed or expired): the seller must reconnect."""

    def __init__(self, account: str = "") -> None:
        UserError.__init__(
            self,
            QT_TRANSLATE_NOOP(
                "Open1688",
                "The 1688 account “{account}” needs to be reconnected: its authorisation "
                "expired or was withdrawn. Open 1688 accounts and choose Reconnect.",
            ),
            account=account,
        )


class NotConnectedError(ConnectorUnavailable, UserError):
    """No credentials for the account (never connected, or removed)."""

    def __init__(self, account: str = "") -> None:
        UserError.__init__(
            self,
            QT_TRANSLATE_NOOP(
                "Open1688",
                "The account “{account}” is not connected to the 1688 open platform. Connect it "
                "in 1688 accounts (app key, app secret and authorisation) first.",
            ),
            account=account,
        )


class GatewayUnreachable(ConnectorUnavailable, UserError):
    """The request certainly did not reach 1688 (offline, DNS, refused): safe to retry."""

    def __init__(self, detail: str = "") -> None:
        UserError.__init__(
            self,
            QT_TRANSLATE_NOOP(
                "Open1688",
                "Cannot reach 1688 (no internet connection, or the gateway is down). Nothing was "
                "sent. Check the connection and try again.",
            ),
            detail=detail,
        )


class UncertainOutcome(UserError):
    """A request may or may not have reached 1688 (timeout, dropped connection, 5xx)."""

    def __init__(self, api: str, detail: str = "") -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Open1688",
                "The connection to 1688 broke during “{api}”; it is not known whether 1688 "
                "received it. Check on 1688 (or sync) before trying again.",
            ),
            api=api,
            detail=detail,
        )


class AccountRequiredError(ConnectorUnavailable, UserError):
    """A connector made without its distribution account: nothing is sent."""

    def __init__(self) -> None:
        UserError.__init__(
            self,
            QT_TRANSLATE_NOOP(
                "Open1688",
                "No distribution account was chosen for this 1688 call, so nothing was sent. "
                "Choose the account (1688 accounts) and try again.",
            ),
        )


class GatewayUrlInvalid(ConnectorUnavailable, UserError):
    """The gateway address is not a web address: nothing can be (or was) sent."""

    def __init__(self, url: str) -> None:
        UserError.__init__(
            self,
            QT_TRANSLATE_NOOP(
                "Open1688",
                "The 1688 gateway address “{url}” is not a web address (it must start with "
                "https://). Nothing was sent. Correct or remove the "
                "DROPSHIP_DESKTOP_1688_GATEWAY setting and try again.",
            ),
            url=url[:200],
        )


#: Exceptions meaning 1688 certainly did nothing with the request (refused it, or it never
#: left the app): the call's result is a definite failure, safe to try again later.
CERTAIN_REFUSALS: tuple[type[Exception], ...] = (
    ApiError,
    ReconnectNeededError,
    NotConnectedError,
    AccountRequiredError,
    GatewayUnreachable,
    GatewayUrlInvalid,
)


def refusal(exc: Exception) -> tuple[str, Text]:
    """The error code and the seller's (translatable) message of a certain refusal."""
    if isinstance(exc, ApiError):
        return exc.code or "UNKNOWN", message_for(exc.code, exc.platform_message)
    code = {
        ReconnectNeededError: "RECONNECT",
        NotConnectedError: "NOT_CONNECTED",
    }.get(type(exc), "NOT_SENT")
    if isinstance(exc, UserError):
        return code, exc.text
    return code, message_for(code)
