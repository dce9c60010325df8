"""Platform connectors (manual, fake, the 1688 Open Platform client) and their registry.

The wizard and the services get a connector by the kind stored on the distribution account
(``distribution_account.connector``) through :func:`get_connector`; a new kind registers a factory
with :func:`register_connector` and fits without changes elsewhere.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..errors import UserError
from ..i18n import QT_TRANSLATE_NOOP
from .base import Connector

__all__ = ["Connector", "connector_kinds", "get_connector", "register_connector"]

ConnectorFactory = Callable[..., Connector]


def _manual(**options: Any) -> Connector:
    from .manual import ManualConnector

    return ManualConnector(**options)


def _fake(**options: Any) -> Connector:
    from .fake import FakeConnector

    return FakeConnector(**options)


def _open1688(**options: Any) -> Connector:
    from .alibaba1688 import Open1688Connector

    return Open1688Connector(**options)


#: Kinds known at start-up (the fake is for tests and demos); see connector_kinds().
_FACTORIES: dict[str, ConnectorFactory] = {
    "manual": _manual,
    "fake": _fake,
    "open1688": _open1688,
}


def register_connector(kind: str, factory: ConnectorFactory) -> None:
    """Make *kind* available to :func:`get_connector` (e.g. the Open Platform client)."""
    _FACTORIES[kind] = factory


def connector_kinds() -> list[str]:
    """Every registered kind, in registration order."""
    return list(_FACTORIES)


def get_connector(kind: str, **options: Any) -> Connector:
    """A new connector of *kind*.

    Args:
        kind: ``manual``, ``fake``, ``open1688`` or a registered kind.
        **options: Passed to the connector (manual: ``open_url``; fake: ``orders``, ``clock``,
            ``sign_in_error``, ``reasons``; open1688: ``account`` (required: the
            distribution account the calls act for; the connector never picks one) and
            ``gateway``).

    Raises:
        UserError: The kind is unknown (an account made by a newer app version, say).
    """
    factory = _FACTORIES.get(kind)
    if factory is None:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The connector “{kind}” is not available in this version of the app. Edit "
                "the distribution account and choose the manual connector.",
            ),
            kind=kind,
        )
    return factory(**options)
