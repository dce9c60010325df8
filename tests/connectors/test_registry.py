"""The connector registry: one call registers a kind; the app reads label and capabilities."""

from __future__ import annotations

from pathlib import Path

import pytest

from dropship_desktop.connectors import Capability, ConnectorRegistry, Credential
from dropship_desktop.connectors.base import OrderingConnector
from dropship_desktop.connectors.capabilities import (
    ConfirmsAfterSales,
    ConfirmsOnPlatform,
    OpensPages,
)
from dropship_desktop.connectors.fake import FakeConnector
from dropship_desktop.connectors.manual import ManualConnector
from dropship_desktop.connectors.registry import builtin_registry
from dropship_desktop.context import AppContext
from dropship_desktop.errors import UserError
from dropship_desktop.i18n import QT_TRANSLATE_NOOP


@pytest.fixture
def extra_kind(ctx: AppContext) -> list[dict[str, object]]:
    """A kind registered on this test's context (no other test or context sees it)."""
    made: list[dict[str, object]] = []

    def factory(**options: object) -> FakeConnector:
        made.append(options)
        return FakeConnector()

    ctx.connectors.register(
        "api-test",
        factory,
        label=QT_TRANSLATE_NOOP("Connectors", "API test connector"),
        capabilities={Capability.PLACE_ORDERS, Capability.LIST_ORDERS},
        credentials=(Credential("app_key", "App key"), Credential("secret", "Secret", True)),
    )
    return made


def test_builtin_kinds_say_what_they_are(ctx: AppContext) -> None:
    registry = ctx.connectors
    manual, fake = registry.info("manual"), registry.info("fake")
    assert manual.label.startswith("Manual:") and fake.label.startswith("Test connector:")
    assert manual.can(Capability.MANUAL_CONFIRMATION) and not fake.can(
        Capability.MANUAL_CONFIRMATION
    )
    assert fake.can(Capability.PLACE_ORDERS) and not manual.can(Capability.PLACE_ORDERS)
    assert registry.kinds()[:2] == ["manual", "fake"]


def test_one_call_registers_label_capabilities_and_credentials(
    ctx: AppContext, extra_kind: list[dict[str, object]]
) -> None:
    registry = ctx.connectors
    assert "api-test" in registry.kinds()
    assert "api-test" in registry.kinds(Capability.PLACE_ORDERS)
    assert "api-test" not in registry.kinds(Capability.MANUAL_CONFIRMATION)
    info = registry.info("api-test")
    assert info.label == "API test connector"
    assert [c.key for c in info.credentials if c.secret] == ["secret"]
    assert isinstance(registry.create("api-test", open_url=lambda url: True), FakeConnector)
    # open_url goes only to kinds that open the browser.
    assert extra_kind == [{}]


def test_open_url_reaches_the_manual_connector(ctx: AppContext) -> None:
    opened: list[str] = []
    connector = ctx.connectors.create("manual", open_url=lambda url: opened.append(url) or True)
    assert isinstance(connector, ManualConnector)
    assert connector.open_order_list() and opened


def test_unknown_kind_is_a_clear_user_error(ctx: AppContext) -> None:
    with pytest.raises(UserError, match="not available in this version"):
        ctx.connectors.info("open1688-from-the-future")
    assert ctx.connectors.get("open1688-from-the-future") is None
    assert "open1688-from-the-future" not in ctx.connectors.kinds()


def test_a_registry_of_its_own_leaves_the_apps_alone(
    ctx: AppContext, extra_kind: list[dict[str, object]]
) -> None:
    own = ConnectorRegistry()
    own.register("x", FakeConnector)
    assert own.kinds() == ["x"] and "x" not in ctx.connectors.kinds()
    # A kind a context registers stays on that context: a new one has the built-in kinds only.
    assert AppContext().connectors.kinds() == ["manual", "fake", "open1688"]
    assert builtin_registry().kinds() == ["manual", "fake", "open1688"]


def test_capabilities_are_protocols_not_attribute_names() -> None:
    manual, fake = ManualConnector(open_url=lambda url: True), FakeConnector()
    assert isinstance(manual, ConfirmsOnPlatform) and isinstance(manual, OpensPages)
    assert isinstance(manual, ConfirmsAfterSales)
    assert not isinstance(fake, ConfirmsOnPlatform) and not isinstance(fake, OpensPages)
    assert isinstance(fake, OrderingConnector)


def test_purchase_queue_picks_an_ordering_account_by_capability(
    ctx: AppContext, fresh_db: Path, extra_kind: list[dict[str, object]]
) -> None:
    from dropship_desktop.services.cancellation import create_account
    from dropship_desktop.ui.fulfilment.api_accounts import default_api_connector

    assert default_api_connector(ctx) is None  # no account yet
    create_account(ctx, "手动", connector="manual")
    # the manual connector cannot place orders
    assert default_api_connector(ctx) is None
    changes = create_account(ctx, "API", connector="api-test")
    found = default_api_connector(ctx)
    assert found is not None and found[1] == changes.created_id
    assert isinstance(found[0], FakeConnector)


def test_the_account_dialog_offers_every_registered_kind_by_its_label(
    ctx: AppContext, qtbot: object, extra_kind: list[dict[str, object]]
) -> None:
    from types import SimpleNamespace

    from dropship_desktop.ui.cancel_wizard.sign_in_page import AccountDialog

    wizard = SimpleNamespace(worker=SimpleNamespace(ctx=ctx))
    dialog = AccountDialog(wizard)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    combo = dialog.connector_combo
    offered = {combo.itemData(i): combo.itemText(i) for i in range(combo.count())}
    assert offered["api-test"] == "API test connector"
    assert offered["manual"].startswith("Manual:")
    assert list(offered)[:2] == ["manual", "fake"]
