"""The connector registry: every connector kind with its label, capabilities and credentials.

A distribution account stores its connector kind (``distribution_account.connector``). The app
asks the registry what a kind is called, what it can do and what an account of it needs, and for
a new connector of it: the account dialog lists :meth:`ConnectorRegistry.kinds`, the cancel
wizard and the purchase queue pick connectors by :class:`Capability` without creating them.

Adding a connector is one call on the registry (:func:`builtin_registry` for a built-in kind,
or the application context's ``ctx.connectors`` at start-up or in a test)::

    registry.register(
        "open1688",
        Open1688Connector,
        label=QT_TRANSLATE_NOOP("Connectors", "1688 Open Platform: the app calls 1688 for you"),
        capabilities={
            Capability.LIST_ORDERS,
            Capability.PLACE_ORDERS,
            Capability.TRACKS_REFUNDS,
            Capability.NETWORK,
        },
        credentials=(Credential("app_key", QT_TRANSLATE_NOOP("Connectors", "App key")), …),
    )

Labels are marked texts (``i18n.QT_TRANSLATE_NOOP``); the UI translates them
(``ui.formatting.translated``), the CLI prints them as they are.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from ..errors import UserError
from ..i18n import QT_TRANSLATE_NOOP
from .base import Connector

__all__ = [
    "Capability",
    "ConnectorFactory",
    "ConnectorInfo",
    "ConnectorRegistry",
    "Credential",
    "OpenUrl",
]

ConnectorFactory = Callable[..., Connector]
OpenUrl = Callable[[str], object]


class Capability(StrEnum):
    """What a connector kind can do beyond the cancel calls every connector answers."""

    #: The seller acts on 1688 in the browser and confirms each action in the app.
    MANUAL_CONFIRMATION = "manual_confirmation"
    #: ``list_orders``/``fetch_order`` return the platform's data.
    LIST_ORDERS = "list_orders"
    #: Places 1688 orders itself (:class:`~.base.OrderingConnector`).
    PLACE_ORDERS = "place_orders"
    #: Opens 1688 pages in the browser; its factory takes ``open_url``.
    OPENS_BROWSER = "opens_browser"
    #: Simulated: for tests and demos, changes no real order.
    SIMULATED = "simulated"
    #: Reads and withdraws refund applications itself (:class:`~.capabilities.TracksRefunds`).
    TRACKS_REFUNDS = "tracks_refunds"
    #: Talks to the platform over the network: its calls run on the network worker, never on
    #: the UI thread or the database worker.
    NETWORK = "network"


@dataclass(frozen=True, slots=True)
class Credential:
    """One thing an account of a connector kind needs (an app key, a secret, a token).

    Attributes:
        key: Stable name (the key it is kept under in the secret store).
        label: Marked English label for the account dialog.
        secret: Kept in the OS secret store and never shown again once entered.
    """

    key: str
    label: str
    secret: bool = False


@dataclass(frozen=True, slots=True)
class ConnectorInfo:
    """One registered connector kind."""

    kind: str
    label: str
    factory: ConnectorFactory
    capabilities: frozenset[Capability]
    credentials: tuple[Credential, ...] = ()

    def can(self, capability: Capability) -> bool:
        return capability in self.capabilities


class ConnectorRegistry:
    """Connector kinds by name, in registration order (thread-safe)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._infos: dict[str, ConnectorInfo] = {}

    def register(
        self,
        kind: str,
        factory: ConnectorFactory,
        *,
        label: str = "",
        capabilities: Iterable[Capability] = (),
        credentials: Iterable[Credential] = (),
    ) -> ConnectorInfo:
        """Register (or replace) *kind*; *label* defaults to the kind itself."""
        info = ConnectorInfo(
            kind, label or kind, factory, frozenset(capabilities), tuple(credentials)
        )
        with self._lock:
            self._infos[kind] = info
        return info

    def unregister(self, kind: str) -> None:
        with self._lock:
            self._infos.pop(kind, None)

    def kinds(self, capability: Capability | None = None) -> list[str]:
        """Every registered kind (with *capability*, if given), in registration order."""
        with self._lock:
            infos = list(self._infos.values())
        return [i.kind for i in infos if capability is None or i.can(capability)]

    def get(self, kind: str) -> ConnectorInfo | None:
        with self._lock:
            return self._infos.get(kind)

    def info(self, kind: str) -> ConnectorInfo:
        """The registration of *kind*.

        Raises:
            UserError: The kind is unknown (an account made by a newer app version, say).
        """
        info = self.get(kind)
        if info is None:
            raise UserError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "The connector “{kind}” is not available in this version of the app. Edit "
                    "the distribution account and choose the manual connector.",
                ),
                kind=kind,
            )
        return info

    def is_networked(self, connector: object) -> bool:
        """Whether *connector* talks to the platform over the network (by its kind's
        :attr:`Capability.NETWORK`): its calls then run on the network worker, never on the UI
        thread or the database worker. A kind this registry does not know is not."""
        info = self.get(str(getattr(connector, "name", "") or ""))
        return info is not None and info.can(Capability.NETWORK)

    def create(self, kind: str, *, open_url: OpenUrl | None = None, **options: Any) -> Connector:
        """A new connector of *kind*; *open_url* goes to kinds that open the browser.

        Raises:
            UserError: The kind is unknown.
        """
        info = self.info(kind)
        if open_url is not None and info.can(Capability.OPENS_BROWSER):
            options["open_url"] = open_url
        return info.factory(**options)


def _manual(**options: Any) -> Connector:
    from .manual import ManualConnector

    return ManualConnector(**options)


def _fake(**options: Any) -> Connector:
    from .fake import FakeConnector

    return FakeConnector(**options)


def _open1688(**options: Any) -> Connector:
    from .alibaba1688 import Open1688Connector

    return Open1688Connector(**options)


def builtin_registry() -> ConnectorRegistry:
    """A registry with the built-in kinds: ``manual``, ``fake`` (tests and demos) and
    ``open1688`` (the 1688 Open Platform client)."""
    registry = ConnectorRegistry()
    registry.register(
        "manual",
        _manual,
        label=QT_TRANSLATE_NOOP(
            "CancelWizard", "Manual: you act on 1688 in the browser and confirm here"
        ),
        capabilities={Capability.MANUAL_CONFIRMATION, Capability.OPENS_BROWSER},
    )
    registry.register(
        "fake",
        _fake,
        label=QT_TRANSLATE_NOOP(
            "CancelWizard", "Test connector: a simulated 1688 (no real orders change)"
        ),
        capabilities={
            Capability.LIST_ORDERS,
            Capability.PLACE_ORDERS,
            Capability.TRACKS_REFUNDS,
            Capability.SIMULATED,
        },
    )
    registry.register(
        "open1688",
        _open1688,
        label=QT_TRANSLATE_NOOP("CancelWizard", "1688 Open Platform: the app acts through the API"),
        capabilities={
            Capability.LIST_ORDERS,
            Capability.PLACE_ORDERS,
            Capability.TRACKS_REFUNDS,
            Capability.NETWORK,
        },
        credentials=(
            Credential("app_key", QT_TRANSLATE_NOOP("Connectors", "App key")),
            Credential("app_secret", QT_TRANSLATE_NOOP("Connectors", "App secret"), secret=True),
        ),
    )
    return registry
