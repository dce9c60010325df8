"""The connector registry: one call registers a kind; the app reads label and capabilities."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from dropship_desktop.connectors import (
    REGISTRY,
    Capability,
    ConnectorRegistry,
    Credential,
    connector_info,
    connector_kinds,
    get_connector,
    register_connector,
    unregister_connector,
)
from dropship_desktop.connectors.base import OrderingConnector
from dropship_desktop.connectors.capabilities import (
    ConfirmsAfterSales,
    ConfirmsOnPlatform,
    OpensPages,
)
from dropship_desktop.connectors.fake import FakeConnector
from dropship_desktop.connectors.manual import ManualConnector
from dropship_desktop.connectors.registry import builtin_registry
from dropship_desktop.errors import UserError
from dropship_desktop.i18n import QT_TRANSLATE_NOOP


@pytest.fixture
def extra_kind() -> Iterator[list[dict[str, object]]]:
    made: list[dict[str, object]] = []

    def factory(**options: object) -> FakeConnector:
        made.append(options)
        return FakeConnector()

    register_connector(
        "api-test",
        factory,
        label=QT_TRANSLATE_NOOP("Connectors", "API test connector"),
        capabilities={Capability.PLACE_ORDERS, Capability.LIST_ORDERS},
        credentials=(Credential("app_key", "App key"), Credential("secret", "Secret", True)),
    )
    yield made
    unregister_connector("api-test")


def test_builtin_kinds_say_what_they_are() -> None:
    manual, fake = connector_info("manual"), connector_info("fake")
    assert manual.label.startswith("Manual:") and fake.label.startswith("Test connector:")
    assert manual.can(Capability.MANUAL_CONFIRMATION) and not fake.can(
        Capability.MANUAL_CONFIRMATION
    )
    assert fake.can(Capability.PLACE_ORDERS) and not manual.can(Capability.PLACE_ORDERS)
    assert connector_kinds()[:2] == ["manual", "fake"]


def test_one_call_registers_label_capabilities_and_credentials(
    extra_kind: list[dict[str, object]],
) -> None:
    assert "api-test" in connector_kinds()
    assert "api-test" in connector_kinds(Capability.PLACE_ORDERS)
    assert "api-test" not in connector_kinds(Capability.MANUAL_CONFIRMATION)
    info = connector_info("api-test")
    assert info.label == "API test connector"
    assert [c.key for c in info.credentials if c.secret] == ["secret"]
    assert isinstance(get_connector("api-test", open_url=lambda url: True), FakeConnector)
    # open_url goes only to kinds that open the browser.
    assert extra_kind == [{}]


def test_open_url_reaches_the_manual_connector() -> None:
    opened: list[str] = []
    connector = get_connector("manual", open_url=lambda url: opened.append(url) or True)
    assert isinstance(connector, ManualConnector)
    assert connector.open_order_list() and opened


def test_unknown_kind_is_a_clear_user_error() -> None:
    with pytest.raises(UserError, match="not available in this version"):
        connector_info("open1688-from-the-future")
    assert REGISTRY.get("open1688-from-the-future") is None
    assert "open1688-from-the-future" not in connector_kinds()


def test_a_registry_of_its_own_leaves_the_apps_alone() -> None:
    own = ConnectorRegistry()
    own.register("x", FakeConnector)
    assert own.kinds() == ["x"] and "x" not in connector_kinds()
    assert builtin_registry().kinds() == ["manual", "fake", "open1688"]


def test_capabilities_are_protocols_not_attribute_names() -> None:
    manual, fake = ManualConnector(open_url=lambda url: True), FakeConnector()
    assert isinstance(manual, ConfirmsOnPlatform) and isinstance(manual, OpensPages)
    assert isinstance(manual, ConfirmsAfterSales)
    assert not isinstance(fake, ConfirmsOnPlatform) and not isinstance(fake, OpensPages)
    assert isinstance(fake, OrderingConnector)


def test_purchase_queue_picks_an_ordering_account_by_capability(
    fresh_db: Path, extra_kind: list[dict[str, object]]
) -> None:
    from dropship_desktop.services.cancellation import create_account
    from dropship_desktop.ui.fulfilment.purchase_view import default_api_connector

    assert default_api_connector() is None  # no account yet
    create_account("手动", connector="manual")
    assert default_api_connector() is None  # the manual connector cannot place orders
    changes = create_account("API", connector="api-test")
    found = default_api_connector()
    assert found is not None and found[1] == changes.created_id
    assert isinstance(found[0], FakeConnector)


def test_the_account_dialog_offers_every_registered_kind_by_its_label(
    qtbot: object, extra_kind: list[dict[str, object]]
) -> None:
    from types import SimpleNamespace

    from dropship_desktop.ui.cancel_wizard.sign_in_page import AccountDialog

    dialog = AccountDialog(SimpleNamespace(worker=None))  # type: ignore[arg-type]
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    combo = dialog.connector_combo
    offered = {combo.itemData(i): combo.itemText(i) for i in range(combo.count())}
    assert offered["api-test"] == "API test connector"
    assert offered["manual"].startswith("Manual:")
    assert list(offered)[:2] == ["manual", "fake"]
