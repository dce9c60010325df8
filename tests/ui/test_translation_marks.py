"""Question marks in the Chinese UI: full-width, and only where the English asks a question.

Issue #13 §7 ("a Chinese '？'"): a translation must not end a Chinese sentence with an ASCII
'?', must not add a '？' the English does not ask, and must not hold a replacement character
(U+FFFD, what a lost glyph or a broken decode leaves behind).
"""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import i18n  # noqa: E402
import zh_CN_translations  # noqa: E402

_CJK = re.compile(r"[\u4e00-\u9fff]")


def _catalogue() -> list[tuple[str, str, str]]:
    """(context, English, Chinese) of every message in the .ts and the translation sources."""
    out = []
    for context in ET.parse(i18n.TS).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            node = message.find("translation")
            text = "".join(node.itertext()) if node is not None else ""
            out.append((name, message.findtext("source", ""), text.strip()))
    for (context, source), value in zh_CN_translations.TRANSLATIONS.items():
        for text in value if isinstance(value, list) else [value]:
            out.append((context, source, text))
    return out


def _marks(text: str) -> int:
    return text.count("?") + text.count("？")


def test_chinese_text_never_uses_an_ascii_question_mark() -> None:
    wrong = [(c, s, t) for c, s, t in _catalogue() if "?" in t and _CJK.search(t)]
    assert wrong == []


def test_a_full_width_question_mark_only_where_the_english_asks() -> None:
    # (A translation may drop a rhetorical '?', e.g. "a 'zip bomb'?" → 可能是“压缩炸弹”.)
    wrong = [(c, s, t) for c, s, t in _catalogue() if _marks(t) > s.count("?")]
    assert wrong == []


def test_no_replacement_characters() -> None:
    assert [(c, s) for c, s, t in _catalogue() if "\ufffd" in t or "\ufffd" in s] == []
