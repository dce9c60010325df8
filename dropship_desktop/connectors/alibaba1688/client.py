"""The HTTP client of the 1688 gateway: signing, timeouts, retries, a rate limit, token refresh.

Retry rules (reference: "Gateway and signing"):

* A request that certainly never reached 1688 (connection refused, DNS, connect timeout) and a
  request the gateway refused before running it (rate limit, expired token) are retried for every
  call: nothing was executed.
* A request whose outcome is unknown (read timeout, dropped connection, a 5xx) is retried with
  backoff only when the call is an idempotent query. A call that changes something raises
  :class:`~.errors.UncertainOutcome` instead, and its caller looks the result up first (an order
  by ``outOrderId``, a closed order by its status) before anything is sent again.

The log names the API, the HTTP status, the platform error code and the time taken: never
parameters, tokens, secrets or answers (they hold buyer data).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Any
from urllib.parse import urlsplit

import httpx

from .credentials import (
    REFRESH_MARGIN_S,
    Credentials,
    account_lock,
    gateway_url,
    save_credentials,
    with_tokens,
)
from .errors import (
    ApiError,
    GatewayUnreachable,
    GatewayUrlInvalid,
    NotConnectedError,
    RateLimitedError,
    ReconnectNeededError,
    UncertainOutcome,
)
from .signing import api_path, signed_params

__all__ = ["AccountSession", "Gateway", "RateLimiter"]

log = logging.getLogger(__name__)

#: Gateway error codes meaning the access token is not (or no longer) accepted.
TOKEN_ERRORS = frozenset(
    {"gw.AccessTokenExpired", "gw.IllegalAccessToken", "gw.AccessTokenInvalid", "401"}
)
#: Token endpoint refusals meaning the refresh token or the app itself is no longer accepted
#: (OAuth 2 ``invalid_grant``/``invalid_client``…): only these mark the account "reconnect". A
#: rate limit, a 5xx or a proxy's 4xx leave the tokens as they are.
REFRESH_REFUSALS = frozenset(
    {"invalid_grant", "invalid_client", "unauthorized_client", "invalid_token", *TOKEN_ERRORS}
)
#: Gateway error codes meaning "too many requests" (nothing was executed).
RATE_ERRORS = frozenset({"gw.QpsOverLimit", "gw.AppQpsOverLimit", "gw.UserQpsOverLimit", "429"})


class RateLimiter:
    """At most one request per *interval* seconds (shared by every thread using it)."""

    def __init__(
        self,
        interval: float = 0.2,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.interval = interval
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        self._next = 0.0

    def wait(self) -> None:
        with self._lock:
            now = self._clock()
            start = max(now, self._next)
            self._next = start + self.interval
        if start > now:
            self._sleep(start - now)


#: One limiter per gateway for the whole process (several windows may call at once).
_LIMITERS: dict[str, RateLimiter] = {}
_LIMITERS_GUARD = threading.Lock()


def _limiter_for(base_url: str, interval: float) -> RateLimiter:
    with _LIMITERS_GUARD:
        limiter = _LIMITERS.get(base_url)
        if limiter is None or limiter.interval != interval:
            limiter = _LIMITERS[base_url] = RateLimiter(interval)
        return limiter


class Gateway:
    """Signed calls to one gateway.

    Args:
        base_url: Gateway root (default: ``DROPSHIP_DESKTOP_1688_GATEWAY`` or the real one).
        timeout: Seconds to connect and to wait for an answer.
        retries: Further attempts after the first, where retrying is allowed.
        backoff: First wait between attempts (doubled each time).
        min_interval: The rate limit: seconds between two requests.
        sleep: Waits between attempts (tests pass a recorder).
        clock: Epoch seconds (signing timestamps, token expiry).
    """

    def __init__(
        self,
        base_url: str | None = None,
        *,
        timeout: float = 15.0,
        retries: int = 3,
        backoff: float = 0.5,
        min_interval: float = 0.2,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.base_url = (base_url or gateway_url()).rstrip("/")
        parts = urlsplit(self.base_url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise GatewayUrlInvalid(self.base_url)
        self.retries = retries
        self.backoff = backoff
        self.sleep = sleep
        self.clock = clock
        self.limiter = _limiter_for(self.base_url, min_interval)
        self._http = httpx.Client(
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
            follow_redirects=False,
            headers={"User-Agent": "DropshipDesktop"},
        )

    def close(self) -> None:
        self._http.close()

    # -- one request -----------------------------------------------------------------------

    def _post(self, url: str, data: Mapping[str, str], api: str) -> httpx.Response:
        self.limiter.wait()
        started = time.perf_counter()
        try:
            response = self._http.post(url, data=dict(data))
        except (httpx.UnsupportedProtocol, httpx.InvalidURL):
            raise GatewayUrlInvalid(url) from None
        except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
            log.info("1688 %s: not sent (%s)", api, type(exc).__name__)
            raise GatewayUnreachable(type(exc).__name__) from None
        except httpx.HTTPError as exc:  # sent; the answer was lost
            log.info("1688 %s: no answer (%s)", api, type(exc).__name__)
            raise UncertainOutcome(api, type(exc).__name__) from None
        log.info(
            "1688 %s: HTTP %d in %.0f ms",
            api,
            response.status_code,
            (time.perf_counter() - started) * 1000,
        )
        return response

    @staticmethod
    def _body(response: httpx.Response, api: str) -> dict[str, Any]:
        try:
            body = response.json()
        except ValueError:
            body = None
        if response.status_code >= 500:
            raise UncertainOutcome(api, f"HTTP {response.status_code}")
        if not isinstance(body, dict):
            if response.status_code >= 400:
                raise ApiError(str(response.status_code), "", response.status_code)
            raise UncertainOutcome(api, "not JSON")
        code = body.get("error_code") or (
            (body.get("errorCode") or body.get("error")) if response.status_code >= 400 else None
        )
        if code or response.status_code >= 400:
            code = str(code or response.status_code)
            message = str(
                body.get("error_message")
                or body.get("errorMessage")
                or body.get("error_description")
                or ""
            )[:300]
            log.info("1688 %s: refused %s", api, code)
            if code in RATE_ERRORS or response.status_code == 429:
                raise RateLimitedError(code, message, response.status_code)
            raise ApiError(code, message, response.status_code)
        return body

    def request(
        self,
        url: str,
        data: Callable[[], Mapping[str, str]],
        api: str,
        *,
        idempotent: bool,
    ) -> dict[str, Any]:
        """POST *data()* (built again, freshly signed, for every attempt) with the retry rules.

        Raises:
            GatewayUnreachable: Never reached the gateway after the retries.
            UncertainOutcome: The answer was lost (non-idempotent call, or retries used up).
            RateLimitedError: Still rate limited after the retries.
            ApiError: The gateway or the API refused.
        """
        attempt = 0
        while True:
            try:
                response = self._post(url, data(), api)
                return self._body(response, api)
            except (GatewayUnreachable, RateLimitedError) as exc:
                failure: Exception = exc  # nothing was executed: always safe to retry
                retry = True
            except UncertainOutcome as exc:
                failure = exc
                retry = idempotent
            if not retry or attempt >= self.retries:
                raise failure
            wait = self.backoff * (2**attempt)
            attempt += 1
            log.info("1688 %s: retry %d in %.1f s", api, attempt, wait)
            self.sleep(wait)

    # -- OAuth -----------------------------------------------------------------------------

    def token(self, app_key: str, form: Mapping[str, str]) -> dict[str, Any]:
        """The token endpoint (unsigned): an authorisation code or a refresh token → tokens."""
        url = f"{self.base_url}/openapi/http/1/system.oauth2/getToken/{app_key}"
        body = self.request(url, lambda: form, "oauth2.getToken", idempotent=False)
        if body.get("error"):
            raise ApiError(
                code=str(body["error"]),
                platform_message=str(body.get("error_description") or "")[:300],
            )
        if not body.get("access_token"):
            raise ApiError(code="invalid_grant")
        return body


class AccountSession:
    """One account's calls: its credentials, refreshed before expiry, and signed API calls.

    Args:
        account_id: ``distribution_account.id``; the keyring entry is named after it.
        account_name: For messages.
        credentials: As loaded (``load_credentials``).
        gateway: The gateway to call.
    """

    def __init__(
        self,
        account_id: int,
        account_name: str,
        credentials: Credentials | None,
        gateway: Gateway,
    ) -> None:
        self.account_id = account_id
        self.account_name = account_name
        self.credentials = credentials
        self.gateway = gateway

    # -- tokens ----------------------------------------------------------------------------

    def _save(self, credentials: Credentials) -> None:
        self.credentials = credentials
        save_credentials(self.account_id, credentials)

    def exchange_code(self, code: str) -> Credentials:
        """Trade an authorisation code for tokens and store them.

        Raises:
            ApiError: 1688 refused the code (used or older than about 2 minutes) or the app.
        """
        creds = self._require(need_token=False)
        answer = self.gateway.token(
            creds.app_key,
            {
                "grant_type": "authorization_code",
                "need_refresh_token": "true",
                "client_id": creds.app_key,
                "client_secret": creds.app_secret,
                "redirect_uri": creds.redirect_uri,
                "code": code,
            },
        )
        with account_lock(self.account_id):
            self._save(with_tokens(creds, answer, self.gateway.clock()))
        return self.credentials  # type: ignore[return-value]

    def refresh(self) -> Credentials:
        """A new access token from the refresh token; a refusal marks the account "reconnect".

        Raises:
            ReconnectNeededError: No usable refresh token, or 1688 refused it.
            GatewayUnreachable / UncertainOutcome: The network failed (the tokens are kept).
            ApiError: Refused for another reason (rate limit, a proxy): the tokens are kept.
        """
        with account_lock(self.account_id):
            creds = self._require(need_token=False)
            now = self.gateway.clock()
            if creds.from_env or not creds.refresh_valid(now):
                if not creds.from_env:
                    self._save(replace(creds, reconnect=True))
                raise ReconnectNeededError(self.account_name)
            try:
                answer = self.gateway.token(
                    creds.app_key,
                    {
                        "grant_type": "refresh_token",
                        "client_id": creds.app_key,
                        "client_secret": creds.app_secret,
                        "refresh_token": creds.refresh_token,
                    },
                )
            except RateLimitedError:
                raise
            except ApiError as exc:
                if exc.code not in REFRESH_REFUSALS:
                    raise  # not about the tokens (a proxy, a gateway hiccup): keep them
                self._save(replace(creds, reconnect=True))
                raise ReconnectNeededError(self.account_name) from None
            self._save(with_tokens(creds, answer, now))
            log.info("1688 account %d: access token refreshed", self.account_id)
            return self.credentials  # type: ignore[return-value]

    def _require(self, *, need_token: bool) -> Credentials:
        creds = self.credentials
        if creds is None:
            raise NotConnectedError(self.account_name)
        if need_token and creds.reconnect:
            raise ReconnectNeededError(self.account_name)
        if need_token and not creds.access_token and not creds.refresh_token:
            raise NotConnectedError(self.account_name)
        return creds

    def access_token(self) -> str:
        """A valid access token, refreshed first when it expires within the margin."""
        creds = self._require(need_token=True)
        now = self.gateway.clock()
        if creds.access_valid(now, REFRESH_MARGIN_S):
            return creds.access_token
        try:
            return self.refresh().access_token
        except (GatewayUnreachable, UncertainOutcome, ApiError):
            # Not a refusal of the tokens (that raises ReconnectNeededError): keep using the
            # current access token while it is valid.
            if creds.access_valid(now):
                return creds.access_token  # still valid for a while: use it
            raise

    # -- API calls -------------------------------------------------------------------------

    def call(
        self,
        namespace: str,
        api_name: str,
        params: Mapping[str, Any],
        *,
        idempotent: bool,
        version: int = 1,
    ) -> dict[str, Any]:
        """Call ``{namespace}:{api_name}`` for this account; the JSON answer.

        An expired or withdrawn token is refreshed once and the call repeated (the gateway ran
        nothing); a second refusal marks the account "reconnect".
        """
        creds = self._require(need_token=True)
        path = api_path(namespace, api_name, creds.app_key, version)
        url = f"{self.gateway.base_url}/openapi/{path}"
        refreshed = False
        while True:
            token = self.access_token()
            secret = self._require(need_token=True).app_secret

            def data(token: str = token, secret: str = secret) -> dict[str, str]:
                return signed_params(
                    path,
                    {**params, "access_token": token},
                    secret,
                    timestamp_ms=int(self.gateway.clock() * 1000),
                )

            try:
                return self.gateway.request(url, data, api_name, idempotent=idempotent)
            except ApiError as exc:
                if exc.code not in TOKEN_ERRORS and exc.http_status != 401:
                    raise
                if refreshed or (self.credentials and self.credentials.from_env):
                    if self.credentials and not self.credentials.from_env:
                        with account_lock(self.account_id):
                            self._save(replace(self.credentials, reconnect=True))
                    raise ReconnectNeededError(self.account_name) from None
                self.refresh()
                refreshed = True
