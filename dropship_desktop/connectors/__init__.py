"""Platform connectors (manual, fake, the 1688 Open Platform client) and their registry.

The wizard and the services get a connector by the kind stored on the distribution account
(``distribution_account.connector``) from the application context's registry
(``ctx.connectors.create(kind, …)``, a :class:`ConnectorRegistry` made by
:func:`builtin_registry`); a new kind is one ``register`` call on it (label, capabilities,
credentials: see :mod:`.registry`) and fits without changes elsewhere.
"""

from __future__ import annotations

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
    "Capability",
    "Connector",
    "ConnectorFactory",
    "ConnectorInfo",
    "ConnectorRegistry",
    "Credential",
    "OpenUrl",
    "builtin_registry",
]
