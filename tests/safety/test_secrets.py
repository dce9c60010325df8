"""Secrets live only in the OS keyring; without one the app refuses to save, never falls back."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null
from keyring.errors import PasswordDeleteError, PasswordSetError

from dropship_desktop import secrets
from dropship_desktop.logs import setup_logging

Use = Callable[[KeyringBackend], KeyringBackend]
SENTINEL = "s3cr3t-SENTINEL-7f3a9c"


class MemoryKeyring(KeyringBackend):
    """An in-memory secure store standing in for Windows Credential Manager."""

    priority = 10  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if (service, username) not in self.items:
            raise PasswordDeleteError("not found")
        del self.items[(service, username)]


class RefusingKeyring(MemoryKeyring):
    def set_password(self, service: str, username: str, password: str) -> None:
        raise PasswordSetError("locked")


@pytest.fixture
def use_backend() -> Iterator[Use]:
    previous = keyring.get_keyring()

    def use(backend: KeyringBackend) -> KeyringBackend:
        keyring.set_keyring(backend)
        return backend

    yield use
    keyring.set_keyring(previous)


def _files_under(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()]


def test_round_trip_in_a_secure_store(use_backend: Use, tmp_path: Path) -> None:
    store = use_backend(MemoryKeyring())
    assert secrets.keyring_available()
    secrets.save_secret("1688/app_secret", SENTINEL)
    assert store.items == {(secrets.SERVICE, "1688/app_secret"): SENTINEL}
    assert secrets.load_secret("1688/app_secret") == SENTINEL
    assert secrets.delete_secret("1688/app_secret") is True
    assert secrets.delete_secret("1688/app_secret") is False
    assert secrets.load_secret("1688/app_secret") is None


@pytest.mark.parametrize(
    "backend",
    [fail.Keyring(), null.Keyring(), chainer.ChainerBackend()],
    ids=["fail", "null", "empty-chainer"],
)
def test_no_store_refuses_and_writes_nothing(
    use_backend: Use, backend: KeyringBackend, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if isinstance(backend, chainer.ChainerBackend):
        monkeypatch.setattr(chainer.ChainerBackend, "backends", [])
    use_backend(backend)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))
    log_file = setup_logging(tmp_path / "logs")
    try:
        assert not secrets.keyring_available()
        with pytest.raises(secrets.SecretStoreUnavailableError, match="cannot save"):
            secrets.save_secret("1688/app_secret", SENTINEL)
        assert secrets.load_secret("1688/app_secret") is None
        with pytest.raises(secrets.SecretStoreUnavailableError):
            secrets.delete_secret("1688/app_secret")
    finally:
        logging.shutdown()
        setup_logging(None)
    # No plaintext fallback anywhere: no file holds the secret.
    assert log_file is not None
    for path in _files_under(tmp_path):
        assert SENTINEL.encode() not in path.read_bytes(), path


def test_plaintext_store_is_not_acceptable(use_backend: Use) -> None:
    class PlaintextKeyring(MemoryKeyring):
        pass

    use_backend(PlaintextKeyring())
    with pytest.raises(secrets.SecretStoreUnavailableError):
        secrets.save_secret("token", SENTINEL)


def test_store_refusal_is_a_user_error_and_secret_not_logged(
    use_backend: Use, caplog: pytest.LogCaptureFixture
) -> None:
    use_backend(RefusingKeyring())
    caplog.set_level(logging.DEBUG)
    with pytest.raises(secrets.SecretStoreUnavailableError, match="refused"):
        secrets.save_secret("token", SENTINEL)
    assert SENTINEL not in caplog.text
