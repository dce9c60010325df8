"""The 1688 client against the local gateway: signing, OAuth, retries, errors, rate limit."""

from __future__ import annotations

import socket
from datetime import UTC, datetime, timedelta

import pytest

from dropship_desktop.connectors.alibaba1688 import Open1688Connector
from dropship_desktop.connectors.alibaba1688.client import AccountSession, RateLimiter
from dropship_desktop.connectors.alibaba1688.credentials import (
    Credentials,
    authorize_url,
    load_credentials,
    new_credentials,
    parse_authorization_code,
    save_credentials,
)
from dropship_desktop.connectors.alibaba1688.errors import (
    ERROR_MESSAGES,
    ApiError,
    GatewayUnreachable,
    NotConnectedError,
    RateLimitedError,
    ReconnectNeededError,
    UncertainOutcome,
    message_for,
)
from dropship_desktop.connectors.alibaba1688.signing import (
    encode_params,
    format_wire_time,
    parse_wire_time,
    sign,
    signed_params,
)
from dropship_desktop.connectors.base import ConnectorUnavailable
from dropship_desktop.context import AppContext
from dropship_desktop.domain.cancel_flow import AccountRef
from dropship_desktop.errors import UserError

from .conftest import make_gateway
from .gateway import ACCESS_TOKEN, APP_KEY, APP_SECRET, AUTH_CODE, REFRESH_TOKEN, FakeGateway

ACCOUNT = AccountRef(1, "主账号", "", "open1688")


def connected(
    gw: FakeGateway, *, expires_in: float = 36000, sleeps: list[float] | None = None
) -> Open1688Connector:
    now = datetime.now(UTC).timestamp()
    save_credentials(
        ACCOUNT.id,
        Credentials(
            APP_KEY,
            APP_SECRET,
            access_token=ACCESS_TOKEN,
            access_expires_at=now + expires_in,
            refresh_token=REFRESH_TOKEN,
            refresh_expires_at=now + 180 * 86400,
        ),
    )
    record = sleeps if sleeps is not None else []
    gateway = make_gateway(gw.url, min_interval=0.0, backoff=0.01, sleep=record.append)
    return Open1688Connector(ACCOUNT, gateway=gateway)


# ---- signing -----------------------------------------------------------------------------------


def test_signature_fixed_vectors() -> None:
    # The reference's example shape: urlPath + sorted key+value pairs, HMAC-SHA1, upper hex.
    assert (
        sign("param2/1/system/currentTime/1000000", {"b": "2", "a": "1"}, "test123")
        == "33E54F4F7B989E3E0E912D3FBD2F1A03CA7CCE88"
    )
    params = {
        "webSite": "1688",
        "tradeID": "3300000000000000001",
        "cancelReason": "buyerCancel",
        "remark": "买家不要了",
        "access_token": "TOKEN",
        "_aop_timestamp": "1700000000000",
    }
    path = "param2/1/com.alibaba.trade/alibaba.trade.cancel/7654321"
    assert sign(path, params, "SECRET") == "0D3D0A759AB59207478BFAB9FC8920997944B763"
    # The signature itself never takes part.
    assert sign(path, {**params, "_aop_signature": "X"}, "SECRET") == sign(path, params, "SECRET")
    # Arrays/objects are signed as the compact JSON text sent.
    cargo = [{"offerId": 600000000001, "specId": "spec-1", "quantity": 2}]
    signed = signed_params(
        "param2/1/com.alibaba.trade/alibaba.trade.fastCreateOrder/7654321",
        {"flow": "saleproxy", "cargoParamList": cargo, "access_token": "TOKEN"},
        "SECRET",
        timestamp_ms=1700000000000,
    )
    assert signed["cargoParamList"] == '[{"offerId":600000000001,"specId":"spec-1","quantity":2}]'
    assert signed["_aop_signature"] == "EDBA475331E2C88E1B06D6D9C4569025C5DF25A6"
    assert encode_params({"a": None, "b": True}) == {"b": "true"}


def test_wire_times() -> None:
    moment = datetime(2018, 6, 14, 2, 19, 42, tzinfo=UTC)
    assert format_wire_time(moment) == "20180614101942000+0800"
    assert parse_wire_time("20180614101942000+0800") == moment
    assert parse_wire_time("20180614101942+0800") == moment
    assert parse_wire_time("") is None
    assert parse_wire_time("yesterday") is None
    assert parse_wire_time(12345) is None


# ---- OAuth -------------------------------------------------------------------------------------


def test_authorize_url_and_pasted_codes() -> None:
    creds = new_credentials(APP_KEY, APP_SECRET, "https://example.com/cb")
    url = authorize_url(creds)
    assert url.startswith("https://auth.1688.com/oauth/authorize?")
    assert f"client_id={APP_KEY}" in url and "site=1688" in url and creds.state in url
    assert APP_SECRET not in url
    assert parse_authorization_code("  abc-123 ") == "abc-123"
    pasted = f"https://example.com/cb?code=xyz789&state={creds.state}"
    assert parse_authorization_code(pasted, creds.state) == "xyz789"
    with pytest.raises(UserError, match="older authorisation"):
        parse_authorization_code("https://example.com/cb?code=x&state=other", creds.state)
    with pytest.raises(UserError, match="no code"):
        parse_authorization_code("https://example.com/cb?state=x")
    with pytest.raises(UserError, match="not given"):
        parse_authorization_code("https://example.com/cb?error=access_denied")
    with pytest.raises(UserError, match="Paste"):
        parse_authorization_code("   ")
    with pytest.raises(UserError, match="app key"):
        new_credentials("abc", APP_SECRET)
    with pytest.raises(UserError, match="app secret"):
        new_credentials(APP_KEY, "with space")


def test_code_exchange_stores_tokens_in_keyring_only(gateway: FakeGateway, memory_keyring) -> None:
    creds = new_credentials(APP_KEY, APP_SECRET)
    save_credentials(ACCOUNT.id, creds)
    session = AccountSession(ACCOUNT.id, ACCOUNT.name, creds, make_gateway(gateway.url))
    stored = session.exchange_code(AUTH_CODE)
    assert stored.access_token.startswith(ACCESS_TOKEN)
    assert stored.refresh_token == REFRESH_TOKEN
    assert stored.member_id == "b2b-buyer-1"
    assert stored.status() == "connected"
    loaded = load_credentials(ACCOUNT.id)
    assert loaded == stored
    assert APP_SECRET not in repr(loaded) and REFRESH_TOKEN not in repr(loaded)
    # The code is single-use: a second exchange is refused with a plain message.
    with pytest.raises(ApiError, match="used once"):
        session.exchange_code(AUTH_CODE)


def test_refresh_before_expiry(gateway: FakeGateway, memory_keyring) -> None:
    connector = connected(gateway, expires_in=60)  # expires within the 15-minute margin
    gateway.add_order("3300000000000000101", created=datetime.now(UTC) - timedelta(hours=1))
    assert connector.fetch_order("3300000000000000101") is not None
    assert len(gateway.calls_of("getToken:refresh")) == 1
    creds = load_credentials(ACCOUNT.id)
    assert creds is not None and creds.access_token != ACCESS_TOKEN
    assert creds.access_expires_at > datetime.now(UTC).timestamp() + 30000


def test_expired_token_is_refreshed_and_the_call_repeated(
    gateway: FakeGateway, memory_keyring
) -> None:
    connector = connected(gateway)
    gateway.add_order("3300000000000000102", created=datetime.now(UTC) - timedelta(hours=1))
    gateway.expire_token()
    assert connector.fetch_order("3300000000000000102") is not None
    assert len(gateway.calls_of("getToken:refresh")) == 1


def test_failed_refresh_means_reconnect(gateway: FakeGateway, memory_keyring) -> None:
    connector = connected(gateway)
    gateway.expire_token()
    gateway.state.refresh_tokens.clear()  # withdrawn on 1688
    with pytest.raises(ReconnectNeededError, match="reconnected"):
        connector.fetch_order("3300000000000000103")
    creds = load_credentials(ACCOUNT.id)
    assert creds is not None and creds.reconnect and creds.status() == "reconnect"
    # Until reconnected, calls say so at once without asking 1688.
    before = len(gateway.state.bodies)
    with pytest.raises(ReconnectNeededError):
        connected_again = Open1688Connector(ACCOUNT, gateway=make_gateway(gateway.url))
        connected_again.fetch_order("3300000000000000103")
    assert len(gateway.state.bodies) == before


@pytest.mark.parametrize(("kind", "value"), [("rate", ""), ("http", "403"), ("http", "502")])
def test_refresh_refused_for_other_reasons_keeps_the_account_connected(
    gateway: FakeGateway, memory_keyring, kind: str, value: str
) -> None:
    connector = connected(gateway)
    gateway.expire_token()
    gateway.fail("getToken", kind, value, times=9)  # rate limit, a proxy's 403, a 5xx
    with pytest.raises(UserError) as raised:
        connector.fetch_order("3300000000000000103")
    assert not isinstance(raised.value, ReconnectNeededError)
    creds = load_credentials(ACCOUNT.id)
    assert creds is not None and not creds.reconnect and creds.status() == "connected"
    gateway.state.faults.clear()  # 1688 answers again: the refresh token still works
    gateway.add_order("3300000000000000103", created=datetime.now(UTC) - timedelta(hours=1))
    assert connector.fetch_order("3300000000000000103") is not None


def test_not_connected_account(gateway: FakeGateway, memory_keyring) -> None:
    connector = Open1688Connector(ACCOUNT, gateway=make_gateway(gateway.url))
    with pytest.raises(NotConnectedError, match="not connected"):
        connector.fetch_order("3300000000000000104")
    result = connector.sign_in(ACCOUNT)
    assert not result.ok and "not connected" in result.message


def test_environment_credentials(gateway: FakeGateway, memory_keyring, monkeypatch) -> None:
    monkeypatch.setenv("DROPSHIP_DESKTOP_1688_APP_KEY", APP_KEY)
    monkeypatch.setenv("DROPSHIP_DESKTOP_1688_APP_SECRET", APP_SECRET)
    monkeypatch.setenv("DROPSHIP_DESKTOP_1688_ACCESS_TOKEN", ACCESS_TOKEN)
    monkeypatch.setenv("DROPSHIP_DESKTOP_1688_ACCOUNT", ACCOUNT.name)
    connector = Open1688Connector(ACCOUNT)  # gateway from DROPSHIP_DESKTOP_1688_GATEWAY
    assert connector.gateway.base_url == gateway.url
    assert connector.sign_in(ACCOUNT).ok
    connector.close()
    assert memory_keyring.store == {}  # read, never written


def test_environment_credentials_belong_to_one_account(
    gateway: FakeGateway, memory_keyring, monkeypatch
) -> None:
    monkeypatch.setenv("DROPSHIP_DESKTOP_1688_APP_KEY", APP_KEY)
    monkeypatch.setenv("DROPSHIP_DESKTOP_1688_APP_SECRET", APP_SECRET)
    monkeypatch.setenv("DROPSHIP_DESKTOP_1688_ACCESS_TOKEN", ACCESS_TOKEN)
    other = AccountRef(2, "备用号", "", "open1688")
    # Without DROPSHIP_DESKTOP_1688_ACCOUNT they belong to the account "1688 API" only.
    assert load_credentials(ACCOUNT.id, ACCOUNT.name) is None
    assert not Open1688Connector(ACCOUNT, gateway=make_gateway(gateway.url)).sign_in(ACCOUNT).ok
    env_account = load_credentials(7, "1688 API")
    assert env_account is not None and env_account.from_env
    # Named (by name or id): that account, and no other.
    monkeypatch.setenv("DROPSHIP_DESKTOP_1688_ACCOUNT", "2")
    assert load_credentials(other.id, other.name) is not None
    assert load_credentials(ACCOUNT.id, ACCOUNT.name) is None
    assert Open1688Connector(other, gateway=make_gateway(gateway.url)).sign_in(other).ok
    assert not gateway.state.bad_signatures


# ---- retries, errors, the rate limit ----------------------------------------------------------


def test_5xx_on_a_query_is_retried_with_backoff(gateway: FakeGateway, memory_keyring) -> None:
    sleeps: list[float] = []
    connector = connected(gateway, sleeps=sleeps)
    gateway.add_order("3300000000000000105", created=datetime.now(UTC) - timedelta(hours=1))
    gateway.fail("alibaba.trade.get.buyerView", "http", "502", times=2)
    assert connector.fetch_order("3300000000000000105") is not None
    assert len(gateway.calls_of("alibaba.trade.get.buyerView")) == 3
    assert sleeps == [0.01, 0.02]


def test_dropped_connection_on_a_query_is_retried(gateway: FakeGateway, memory_keyring) -> None:
    connector = connected(gateway)
    gateway.add_order("3300000000000000106", created=datetime.now(UTC) - timedelta(hours=1))
    gateway.fail("alibaba.trade.get.buyerView", "drop_before")
    assert connector.fetch_order("3300000000000000106") is not None


def test_retries_end(gateway: FakeGateway, memory_keyring) -> None:
    connector = connected(gateway)
    gateway.fail("alibaba.trade.get.buyerView", "http", "503", times=10)
    with pytest.raises(UncertainOutcome):
        connector.fetch_order("3300000000000000107")
    assert len(gateway.calls_of("alibaba.trade.get.buyerView")) == 4  # 1 + 3 retries


def test_rate_limit_waits_and_retries(gateway: FakeGateway, memory_keyring) -> None:
    sleeps: list[float] = []
    connector = connected(gateway, sleeps=sleeps)
    gateway.add_order("3300000000000000108", created=datetime.now(UTC) - timedelta(hours=1))
    gateway.fail("alibaba.trade.get.buyerView", "rate", times=2)
    assert connector.fetch_order("3300000000000000108") is not None
    assert len(sleeps) == 2
    gateway.fail("alibaba.trade.get.buyerView", "rate", times=10)
    with pytest.raises(RateLimitedError, match="limiting"):
        connector.fetch_order("3300000000000000108")


def test_rate_limiter_spaces_requests() -> None:
    now = [100.0]
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(round(seconds, 3))

    limiter = RateLimiter(0.5, clock=lambda: now[0], sleep=sleep)
    limiter.wait()
    limiter.wait()
    limiter.wait()
    assert waits == [0.5, 1.0]


def test_unreachable_gateway_is_safe_to_retry(memory_keyring) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    now = datetime.now(UTC).timestamp()
    save_credentials(
        1, Credentials(APP_KEY, APP_SECRET, access_token="t", access_expires_at=now + 9e3)
    )
    connector = Open1688Connector(
        ACCOUNT,
        gateway=make_gateway(
            f"http://127.0.0.1:{port}", retries=1, backoff=0, sleep=lambda s: None
        ),
    )
    with pytest.raises(GatewayUnreachable) as caught:
        connector.fetch_order("3300000000000000109")
    assert isinstance(caught.value, ConnectorUnavailable)
    assert "Nothing was sent" in str(caught.value)
    # A change that never left the app is a definite failure, not "maybe sent".
    result = connector.close_order("3300000000000000109", "buyerCancel", "")
    assert (result.success, result.error_code) == (False, "NOT_SENT")
    assert "Nothing was sent" in result.error_message
    assert getattr(result.error_message, "context", "") == "Open1688"  # translatable


def test_wrong_secret_is_reported_plainly(gateway: FakeGateway, memory_keyring) -> None:
    now = datetime.now(UTC).timestamp()
    save_credentials(
        1, Credentials(APP_KEY, "wrong", access_token=ACCESS_TOKEN, access_expires_at=now + 9e3)
    )
    connector = Open1688Connector(ACCOUNT, gateway=make_gateway(gateway.url))
    with pytest.raises(ApiError, match="signature") as caught:
        connector.fetch_order("3300000000000000110")
    assert caught.value.code == "gw.SignatureInvalid"
    assert gateway.state.bad_signatures == 1


def test_every_documented_code_has_a_message() -> None:
    for code in (
        "ORDER_NOT_EXIST",
        "ORDER_STATUS_ERROR",
        "CLOSE_ORDER_TOO_FAST",
        "500_2",
        "gw.SignatureInvalid",
        "gw.AccessTokenExpired",
        "gw.QpsOverLimit",
    ):
        assert code in ERROR_MESSAGES
        assert message_for(code) == ERROR_MESSAGES[code]
    assert "NEW_CODE" in message_for("NEW_CODE", "新错误")
    assert "新错误" in message_for("NEW_CODE", "新错误")


def test_registered_kind(ctx: AppContext) -> None:
    assert "open1688" in ctx.connectors.kinds()
    assert isinstance(ctx.connectors.create("open1688"), Open1688Connector)
