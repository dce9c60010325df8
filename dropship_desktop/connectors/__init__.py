"""Platform connectors (manual, fake, the 1688 Open Platform client) and their registry.

The wizard and the services get a connector by the kind stored on the distribution account
(``distribution_account.connector``) through :func:`get_connector`; a new kind registers itself
with one :func:`register_connector` call (label, capabilities, credentials: see
:mod:`.registry`) and fits without changes elsewhere.
"""

from __future__ import annotations

from typing import Any

from .base import Connector
from .registry import (
    Capability,
    ConnectorFactory,
    ConnectorInfo,
    ConnectorRegistry,
    Credential,
    OpenUrl,
    builtin_registry,
)

__all__ = [
    "REGISTRY",
    "Capability",
    "Connector",
    "ConnectorFactory",
    "ConnectorInfo",
    "ConnectorRegistry",
    "Credential",
    "connector_info",
    "connector_kinds",
    "get_connector",
    "register_connector",
    "unregister_connector",
]

#: The app's registry: the built-in kinds, plus those registered at start-up.
REGISTRY: ConnectorRegistry = builtin_registry()


def register_connector(kind: str, factory: ConnectorFactory, **details: Any) -> ConnectorInfo:
    """Make *kind* available (e.g. the Open Platform client); see
    :meth:`ConnectorRegistry.register` for ``label``, ``capabilities`` and ``credentials``."""
    return REGISTRY.register(kind, factory, **details)


def unregister_connector(kind: str) -> None:
    """Forget *kind* (tests that registered one)."""
    REGISTRY.unregister(kind)


def connector_kinds(capability: Capability | None = None) -> list[str]:
    """Every registered kind (with *capability*, if given), in registration order."""
    return REGISTRY.kinds(capability)


def connector_info(kind: str) -> ConnectorInfo:
    """What *kind* is called, can do and needs.

    Raises:
        UserError: The kind is unknown.
    """
    return REGISTRY.info(kind)


def get_connector(kind: str, *, open_url: OpenUrl | None = None, **options: Any) -> Connector:
    """A new connector of *kind*.

    Args:
        kind: ``manual``, ``fake``, ``open1688`` or a registered kind.
        open_url: Opens a URL in the browser; given to kinds that open pages (manual).
        **options: Passed to the connector (fake: ``orders``, ``clock``, ``sign_in_error``,
            ``reasons``; open1688: ``account`` (required: the distribution account the calls
            act for; the connector never picks one) and ``gateway``).

    Raises:
        UserError: The kind is unknown (an account made by a newer app version, say).
    """
    return REGISTRY.create(kind, open_url=open_url, **options)
