"""The message catalogue: each text once, collected for translation, used by every layer."""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta
from pathlib import Path

from dropship_desktop import messages
from dropship_desktop.connectors.manual import ManualConnector
from dropship_desktop.domain.cancel_flow import (
    AccountRef,
    CancelFlow,
    CancelStep,
    OrderCandidate,
    plan_order,
    prevention_advice,
)
from dropship_desktop.domain.enums import CancelAction
from dropship_desktop.i18n import Text

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "dropship_desktop"
TS = ROOT / "resources" / "translations" / "dropship_desktop_zh_CN.ts"
NOW = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)


def _catalogue() -> list[Text]:
    return list(messages._all_templates())


def test_every_template_is_translated_in_the_ts() -> None:
    translated: dict[tuple[str, str], bool] = {}
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            node = message.find("translation")
            done = node is not None and node.get("type") is None and bool("".join(node.itertext()))
            translated[(name, message.findtext("source", ""))] = done
    missing = [t.template for t in _catalogue() if not translated.get((t.context, t.template))]
    assert missing == []


def test_no_template_is_written_out_again_elsewhere() -> None:
    """The copies are gone: no other module holds a catalogue text as a literal (the same English
    marked in another context, as another layer's own message, is not a copy)."""
    contexts: dict[str, set[str]] = {}
    for t in _catalogue():
        if len(t.template) > 12:
            contexts.setdefault(t.template, set()).add(t.context)
    copies = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "messages.py" and path.parent == PACKAGE:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        elsewhere: set[int] = set()
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", getattr(node.func, "attr", "")) == "QT_TRANSLATE_NOOP"
                and len(node.args) == 2
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[1], ast.Constant)
                and node.args[0].value not in contexts.get(node.args[1].value, set())
            ):
                elsewhere.add(id(node.args[1]))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and node.value in contexts
                and id(node) not in elsewhere
            ):
                copies.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.value[:40]}")
    assert copies == []


def test_the_domain_returns_catalogue_texts_with_their_values() -> None:
    flow = CancelFlow(clock=lambda: NOW)
    (problem,) = flow.problems(CancelStep.SIGN_IN)
    assert problem.code == "no_account"
    assert isinstance(problem.message, Text)
    assert problem.message.template == messages.CANCEL_PROBLEMS["no_account"]
    young = OrderCandidate(1, "1930000000000000007", "waitbuyerpay", NOW - timedelta(seconds=4))
    plan = plan_order(young, NOW)
    assert plan.skip_code == "too_soon" and plan.action is CancelAction.CLOSE
    # One text for "too soon", the one the wizard shows (it had drifted from the domain's copy).
    assert plan.message.template == messages.CANCEL_SKIPS["too_soon"]  # type: ignore[attr-defined]
    assert str(plan.message) == messages.CANCEL_SKIPS["too_soon"].format(seconds=6)
    shipped = OrderCandidate(2, "1930000000000000014", "weird_status")
    assert "weird_status" in plan_order(shipped, NOW).message


def test_advice_and_connector_answers_are_catalogue_texts() -> None:
    from dropship_desktop.domain.cancel_flow import CloseReasonInput
    from dropship_desktop.domain.enums import CancelReason

    candidate = OrderCandidate(1, "1930000000000000007", "waitbuyerpay")
    (advice,) = prevention_advice(
        [candidate], {1: CloseReasonInput(CancelReason.BUYER_CANCEL, "x")}
    )
    assert advice.message.template == messages.CANCEL_ADVICE["answer_buyers"]  # type: ignore[attr-defined]
    manual = ManualConnector(open_url=lambda url: False)
    result = manual.sign_in(AccountRef(1, "主账号"))
    assert result.message.template == messages.SIGN_IN_OPEN_URL  # type: ignore[attr-defined]


def test_find_gives_a_stored_message_its_template_back() -> None:
    stored = str(messages.UNREACHABLE_NOT_SENT)  # read back from the database: plain text
    assert type(stored) is str
    found = messages.find(stored)
    assert found is not None and found.context == "CancelWizard"
    assert messages.find("1688 said something in Chinese: 订单不存在") is None
