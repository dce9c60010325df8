"""Platform credentials (e.g. the 1688 app secret and access token) in the OS keyring only.

Secrets go to Windows Credential Manager, the macOS Keychain or the Secret Service on Linux through
the ``keyring`` package. When no such store is available the app says so and does not save them:
there is deliberately no fallback to a file, the database or the settings.
"""

from __future__ import annotations

import logging

import keyring
from keyring.backend import KeyringBackend
from keyring.errors import KeyringError, PasswordDeleteError

from .errors import UserError
from .i18n import QT_TRANSLATE_NOOP

__all__ = [
    "SERVICE",
    "SecretStoreUnavailableError",
    "delete_secret",
    "keyring_available",
    "load_secret",
    "save_secret",
]

log = logging.getLogger(__name__)

#: The keyring "service" under which every secret of the app is filed.
SERVICE = "DropshipDesktop"

_NO_STORE = QT_TRANSLATE_NOOP(
    "Errors",
    "Dropship Desktop cannot save passwords or keys on this computer: no secure credential store "
    "(such as Windows Credential Manager) is available. Nothing was saved. You will need to enter "
    "them again each time.",
)


class SecretStoreUnavailableError(UserError):
    """No secure credential store is available, or it refused the request."""


def _usable(backend: KeyringBackend) -> bool:
    """Whether *backend* is a real, secure store (not the fail/null/plaintext stand-ins)."""
    try:
        priority = float(backend.priority)  # type: ignore[arg-type]
    except Exception:
        return False
    module = type(backend).__module__
    name = type(backend).__name__.lower()
    if priority <= 0 or module.startswith(("keyring.backends.fail", "keyring.backends.null")):
        return False
    # keyrings.alt ships plaintext and weakly encrypted file stores: never acceptable here.
    if module.startswith("keyrings.alt") or "plaintext" in name:
        return False
    children = getattr(backend, "backends", None)
    if children is not None:  # the chainer: usable only if it holds a usable store
        return any(_usable(child) for child in children)
    return True


def keyring_available() -> bool:
    """Whether secrets can be saved on this computer."""
    return _usable(keyring.get_keyring())


def _backend() -> KeyringBackend:
    backend = keyring.get_keyring()
    if not _usable(backend):
        raise SecretStoreUnavailableError(_NO_STORE)
    return backend


def _check_name(name: str) -> None:
    if not name or not name.strip():
        raise ValueError("a secret needs a name")


def save_secret(name: str, value: str) -> None:
    """Store *value* under *name* in the OS keyring.

    Raises:
        SecretStoreUnavailableError: No secure store is available or it refused; nothing saved.
    """
    _check_name(name)
    backend = _backend()
    try:
        backend.set_password(SERVICE, name, value)
    except KeyringError as exc:
        log.warning("the credential store refused to save %s: %s", name, type(exc).__name__)
        raise SecretStoreUnavailableError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The computer's credential store refused to save the key. Nothing was saved. "
                "Unlock the credential store (or sign in again) and retry.",
            )
        ) from exc
    log.info("secret %s saved to the credential store", name)


def load_secret(name: str) -> str | None:
    """The secret stored under *name*, or None when there is none (or no store at all)."""
    _check_name(name)
    backend = keyring.get_keyring()
    if not _usable(backend):
        return None
    try:
        return backend.get_password(SERVICE, name)
    except KeyringError as exc:
        log.warning("cannot read %s from the credential store: %s", name, type(exc).__name__)
        return None


def delete_secret(name: str) -> bool:
    """Remove the secret stored under *name*; return whether one was there.

    Raises:
        SecretStoreUnavailableError: No secure store is available.
    """
    _check_name(name)
    backend = _backend()
    try:
        backend.delete_password(SERVICE, name)
    except PasswordDeleteError:
        return False
    except KeyringError as exc:
        raise SecretStoreUnavailableError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The computer's credential store refused to delete the key. Unlock it and retry.",
            )
        ) from exc
    log.info("secret %s deleted from the credential store", name)
    return True
