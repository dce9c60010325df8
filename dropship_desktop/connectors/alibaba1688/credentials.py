"""An account's 1688 credentials: app key/secret and OAuth tokens, in the OS keyring only.

One keyring entry per distribution account (``open1688:account:{id}``) holds a JSON bundle: app
key, app secret, redirect URI, access and refresh tokens with their expiry, the member id and a
"reconnect" flag set when a refresh failed. Nothing of it is written to the database, the settings
or the log. For unattended use the environment can supply ``DROPSHIP_DESKTOP_1688_APP_KEY``,
``…_APP_SECRET`` and ``…_ACCESS_TOKEN``; those are read, never stored, and belong to ONE
account: the one ``DROPSHIP_DESKTOP_1688_ACCOUNT`` names (its name or id), else the account
named ``1688 API`` (the one ``sync 1688`` makes for them). Every other account keeps its own.
"""

from __future__ import annotations

import json
import os
import secrets as _random
import threading
import time
from dataclasses import asdict, dataclass, field, replace
from urllib.parse import parse_qs, urlencode, urlsplit

from ...errors import UserError
from ...i18n import QT_TRANSLATE_NOOP
from ...secrets import delete_secret, load_secret, save_secret

__all__ = [
    "AUTHORIZE_URL",
    "DEFAULT_GATEWAY",
    "DEFAULT_REDIRECT_URI",
    "ENV_ACCESS_TOKEN",
    "ENV_ACCOUNT",
    "ENV_APP_KEY",
    "ENV_APP_SECRET",
    "ENV_GATEWAY",
    "REFRESH_MARGIN_S",
    "Credentials",
    "authorize_url",
    "delete_credentials",
    "env_account",
    "env_credentials",
    "gateway_url",
    "load_credentials",
    "parse_authorization_code",
    "save_credentials",
]

ENV_GATEWAY = "DROPSHIP_DESKTOP_1688_GATEWAY"
ENV_APP_KEY = "DROPSHIP_DESKTOP_1688_APP_KEY"
ENV_APP_SECRET = "DROPSHIP_DESKTOP_1688_APP_SECRET"
ENV_ACCESS_TOKEN = "DROPSHIP_DESKTOP_1688_ACCESS_TOKEN"
ENV_ACCOUNT = "DROPSHIP_DESKTOP_1688_ACCOUNT"
#: The account the environment's credentials belong to without ``DROPSHIP_DESKTOP_1688_ACCOUNT``
#: (the same name as ``services.open1688_accounts.ENV_ACCOUNT_NAME``).
ENV_DEFAULT_ACCOUNT = "1688 API"
DEFAULT_GATEWAY = "https://gw.open.1688.com"
AUTHORIZE_URL = "https://auth.1688.com/oauth/authorize"
#: Where 1688 sends the seller after authorising; it must be the app's registered callback.
DEFAULT_REDIRECT_URI = "http://localhost"
#: Refresh the access token this long before it expires.
REFRESH_MARGIN_S = 15 * 60

_locks: dict[int, threading.Lock] = {}
_locks_guard = threading.Lock()


def account_lock(account_id: int) -> threading.Lock:
    """One lock per account: refreshing and saving its tokens is done by one thread at a time."""
    with _locks_guard:
        return _locks.setdefault(account_id, threading.Lock())


def gateway_url() -> str:
    """The gateway base URL (``DROPSHIP_DESKTOP_1688_GATEWAY`` or the real one)."""
    value = os.environ.get(ENV_GATEWAY, "").strip()
    return (value or DEFAULT_GATEWAY).rstrip("/")


@dataclass(frozen=True)
class Credentials:
    """What the app needs to call 1688 for one account (times are epoch seconds).

    ``repr`` shows no secret: a credentials object in a traceback or log line leaks nothing.
    """

    app_key: str
    app_secret: str = field(repr=False)
    redirect_uri: str = DEFAULT_REDIRECT_URI
    access_token: str = field(default="", repr=False)
    access_expires_at: float = 0.0
    refresh_token: str = field(default="", repr=False)
    refresh_expires_at: float = 0.0
    member_id: str = ""
    #: Refreshing failed for good: the seller has to authorise again.
    reconnect: bool = False
    #: Read from the environment (never saved, cannot be refreshed).
    from_env: bool = False
    #: The ``state`` sent with the authorise link (checked when a redirect URL is pasted).
    state: str = ""

    @property
    def authorised(self) -> bool:
        return bool(self.access_token) and not self.reconnect

    def access_valid(self, now: float, margin: float = 0.0) -> bool:
        if not self.access_token or self.reconnect:
            return False
        if self.from_env and not self.access_expires_at:
            return True  # the environment gives no expiry
        return self.access_expires_at - margin > now

    def refresh_valid(self, now: float) -> bool:
        if not self.refresh_token:
            return False
        return not self.refresh_expires_at or self.refresh_expires_at > now

    def status(self, now: float | None = None) -> str:
        """``connected``, ``reconnect`` (authorisation gone) or ``authorise`` (code missing)."""
        moment = time.time() if now is None else now
        if self.reconnect:
            return "reconnect"
        if self.access_valid(moment) or self.refresh_valid(moment):
            return "connected"
        if self.access_token or self.refresh_token:
            return "reconnect"
        return "authorise"

    def to_json(self) -> str:
        data = asdict(self)
        data.pop("from_env")
        return json.dumps(data, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> Credentials | None:
        try:
            data = json.loads(text)
        except ValueError:
            return None
        if not isinstance(data, dict) or not data.get("app_key"):
            return None
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        known.pop("from_env", None)
        try:
            return cls(**known)
        except TypeError:
            return None


def _secret_name(account_id: int) -> str:
    return f"open1688:account:{int(account_id)}"


def env_credentials() -> Credentials | None:
    """Credentials from the environment, when all three variables are set."""
    key = os.environ.get(ENV_APP_KEY, "").strip()
    secret = os.environ.get(ENV_APP_SECRET, "").strip()
    token = os.environ.get(ENV_ACCESS_TOKEN, "").strip()
    if not (key and secret and token):
        return None
    return Credentials(key, secret, access_token=token, from_env=True)


def env_account() -> str:
    """The name (or id) of the account the environment's credentials belong to."""
    return os.environ.get(ENV_ACCOUNT, "").strip() or ENV_DEFAULT_ACCOUNT


def load_credentials(account_id: int, account_name: str = "") -> Credentials | None:
    """The account's credentials: the environment's when they are set and belong to this
    account (:func:`env_account` names it, by name or id), else the keyring's (or ``None``)."""
    from_env = env_credentials()
    if from_env is not None and env_account() in (str(int(account_id)), account_name.strip()):
        return from_env
    stored = load_secret(_secret_name(account_id))
    return Credentials.from_json(stored) if stored else None


def save_credentials(account_id: int, credentials: Credentials) -> None:
    """Store the account's credentials in the keyring (environment credentials are not saved).

    Raises:
        SecretStoreUnavailableError: No secure credential store; nothing saved.
    """
    if credentials.from_env:
        return
    save_secret(_secret_name(account_id), credentials.to_json())


def delete_credentials(account_id: int) -> bool:
    """Forget the account's credentials; whether there were any."""
    return delete_secret(_secret_name(account_id))


def new_credentials(app_key: str, app_secret: str, redirect_uri: str = "") -> Credentials:
    """Checked app key and secret, with a fresh OAuth ``state``.

    Raises:
        UserError: The key or secret is empty or not plausible.
    """
    key = app_key.strip()
    secret = app_secret.strip()
    if not key.isdigit() or not 4 <= len(key) <= 20:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Open1688",
                "The app key is a number of a few digits (shown as AppKey on the 1688 open "
                "platform's app page). Copy it from there.",
            )
        )
    if not secret or len(secret) > 200 or any(c.isspace() for c in secret):
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Open1688",
                "Enter the app secret (App Secret on the 1688 open platform's app page), "
                "without spaces.",
            )
        )
    uri = redirect_uri.strip() or DEFAULT_REDIRECT_URI
    if not uri.startswith(("http://", "https://")):
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Open1688",
                "The redirect address must start with http:// or https:// and be the callback "
                "address registered for your 1688 app.",
            )
        )
    return Credentials(key, secret, redirect_uri=uri, state=_random.token_urlsafe(12))


def authorize_url(credentials: Credentials) -> str:
    """The page where the seller authorises the app for their buyer account."""
    query = urlencode(
        {
            "client_id": credentials.app_key,
            "site": "1688",
            "redirect_uri": credentials.redirect_uri,
            "state": credentials.state,
        }
    )
    return f"{AUTHORIZE_URL}?{query}"


def parse_authorization_code(pasted: str, expected_state: str = "") -> str:
    """The code from what the seller pasted: the code itself or the whole redirect URL.

    Raises:
        UserError: Nothing usable was pasted, or the URL belongs to another authorisation.
    """
    text = pasted.strip()
    if not text:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Open1688",
                "Paste the code 1688 showed, or the whole address of the page it sent you to.",
            )
        )
    if "://" in text or "code=" in text:
        query = urlsplit(text).query if "://" in text else text.lstrip("?")
        values = parse_qs(query)
        if values.get("error"):
            raise UserError(
                QT_TRANSLATE_NOOP(
                    "Open1688",
                    "1688 reports the authorisation was not given ({error}). Open the authorise "
                    "page again and choose to authorise.",
                ),
                error=values["error"][0][:60],
            )
        codes = values.get("code")
        if not codes or not codes[0].strip():
            raise UserError(
                QT_TRANSLATE_NOOP(
                    "Open1688",
                    "The pasted address holds no code=… part. Copy the whole address of the "
                    "page 1688 sent you to after authorising.",
                )
            )
        state = (values.get("state") or [""])[0]
        if expected_state and state and state != expected_state:
            raise UserError(
                QT_TRANSLATE_NOOP(
                    "Open1688",
                    "The pasted address belongs to an older authorisation. Open the authorise "
                    "page again from this window and paste the new address.",
                )
            )
        text = codes[0].strip()
    if len(text) > 200 or any(c.isspace() for c in text):
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Open1688",
                "That does not look like a 1688 authorisation code. Paste the code or the "
                "whole redirect address.",
            )
        )
    return text


def with_tokens(credentials: Credentials, answer: dict[str, object], now: float) -> Credentials:
    """*credentials* updated from a token endpoint answer (a refresh keeps the refresh token
    when none is sent back)."""

    def seconds(value: object) -> float:
        try:
            return float(str(value))
        except ValueError:
            return 0.0

    access = str(answer.get("access_token") or "")
    refresh = str(answer.get("refresh_token") or "") or credentials.refresh_token
    expires_in = seconds(answer.get("expires_in") or 36000)
    refresh_expires = credentials.refresh_expires_at
    timeout = answer.get("refresh_token_timeout")
    if answer.get("refresh_token") and timeout:
        # 1688 sends the refresh token's end as yyyyMMddHHmmssSSS+0800.
        from .signing import parse_wire_time

        end = parse_wire_time(str(timeout))
        refresh_expires = end.timestamp() if end else now + 180 * 86400
    elif answer.get("refresh_token"):
        refresh_expires = now + 180 * 86400
    member = str(answer.get("memberId") or answer.get("resource_owner") or credentials.member_id)
    return replace(
        credentials,
        access_token=access,
        access_expires_at=now + expires_in,
        refresh_token=refresh,
        refresh_expires_at=refresh_expires,
        member_id=member,
        reconnect=False,
        state="",
    )
