"""Fixtures of the connector tests: the local gateway and an in-memory keyring."""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import pytest
from keyring.backend import KeyringBackend

from dropship_desktop.connectors.alibaba1688.client import Gateway

from .gateway import FakeGateway


class MemoryKeyring(KeyringBackend):
    """A keyring in memory (tests never touch the real one)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        from keyring.errors import PasswordDeleteError

        if (service, username) not in self.store:
            raise PasswordDeleteError(username)
        del self.store[(service, username)]


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


_OPEN: list[Gateway] = []


def make_gateway(url: str, **options: object) -> Gateway:
    """A client of the local gateway, closed after the test."""
    client = Gateway(url, **options)  # type: ignore[arg-type]
    _OPEN.append(client)
    return client


@pytest.fixture(autouse=True)
def _close_clients() -> Iterator[None]:
    yield
    while _OPEN:
        _OPEN.pop().close()


@pytest.fixture
def gateway(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeGateway]:
    gw = FakeGateway()
    monkeypatch.setenv("DROPSHIP_DESKTOP_1688_GATEWAY", gw.url)
    for name in ("APP_KEY", "APP_SECRET", "ACCESS_TOKEN"):
        monkeypatch.delenv(f"DROPSHIP_DESKTOP_1688_{name}", raising=False)
    try:
        yield gw
    finally:
        gw.close()
