"""The Simplified Chinese UI translation, and a tool that writes it into the .ts file.

    uv run python tools/zh_CN_translations.py            # fill the .ts from TRANSLATIONS
    uv run python tools/zh_CN_translations.py --missing  # list .ts entries that have no translation here
    uv run python tools/zh_CN_translations.py --lint     # check placeholders and mnemonics

The files in ``tools/zh_CN/`` (the core texts in ``core_*.py``, one file per later feature)
are the source of truth, merged into :data:`TRANSLATIONS`: after ``tools/i18n.py update`` adds
new strings, add them to one of those files and run this tool again, then ``tools/i18n.py release``. Keys are ``(context, English source)``;
when a key is missing, a translation of the same English source in another context is reused.
``numerus="yes"`` messages (``%n``) get a single form in Chinese (a list is accepted too).

Terminology (keep it consistent when adding strings):

* supplier order / 1688 order → 1688订单 (its id: 1688订单号); shop order no. → 店铺订单号
* sales status → 订单状态 (the shop side), 1688 status → 1688状态; sides disagree → 状态不一致
* offer → 货源报价 / 报价; sourcing → 货源; supplier → 供应商; channel distributor → 渠道商
* landed cost → 综合成本 (cost + dropship fee + shipping); margin → 毛利率; MOQ → 起批量
* lead time → 发货时效 / 发货天数; dropship → 一件代发; dropship fee → 代发费; fulfilment → 代发方式
* carrier → 物流公司; tracking no. → 运单号; ship-by deadline → 最晚发货时间
* buyer → 买家; recipient → 收货人; buyer data → 买家信息; masked → 已打码
* close (unpaid order) → 关闭订单; refund application → 退款申请 (申请退款); evidence → 凭证
* distribution account → 分销账号; member id → 会员ID; connector → 连接方式
* backup → 备份; restore → 恢复; interrupted → 中断
* menus and buttons keep their mnemonic as "文件(&F)"; labels end in a full-width colon "：".
"""

from __future__ import annotations

import argparse
import html
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "dropship_desktop_zh_CN.ts"

#: Every translation, merged from ``tools/zh_CN/*.py`` (the core texts in ``core_*.py``).
TRANSLATIONS: dict[tuple[str, str], str | list[str]] = {}


def _load_feature_translations() -> None:
    """Merge the per-feature dictionaries in ``tools/zh_CN/*.py`` (one ``TRANSLATIONS`` each).

    Each capability keeps its strings in a file of its own, so that work on several features at
    once never edits the same lines; a key defined twice must agree.
    """
    import importlib.util

    folder = Path(__file__).resolve().parent / "zh_CN"
    for path in sorted(folder.glob("*.py")):
        spec = importlib.util.spec_from_file_location(f"_zh_CN_{path.stem}", path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        for key, value in module.TRANSLATIONS.items():
            if key in TRANSLATIONS and TRANSLATIONS[key] != value:
                raise SystemExit(f"{path.name}: {key!r} differs from an earlier translation")
            TRANSLATIONS[key] = value


_load_feature_translations()


# ------------------------------------------------------------------------------------ the tool

_CONTEXT_RE = re.compile(r"<context>.*?</context>", re.S)
_NAME_RE = re.compile(r"<name>(.*?)</name>", re.S)
_MESSAGE_RE = re.compile(
    r"(?P<indent>[ \t]*)<message(?P<attrs>[^>]*)>(?P<body>.*?)</message>", re.S
)
_SOURCE_RE = re.compile(r"<source>(.*?)</source>", re.S)
_TRANSLATION_RE = re.compile(
    r"(?P<indent>[ \t]*)<translation(?P<attrs>[^>]*?)(?:/>|>(?P<text>.*?)</translation>)", re.S
)


def _unescape(text: str) -> str:
    return html.unescape(text)


def _escape(text: str) -> str:
    """Escape like lupdate does, so that a later lupdate run rewrites nothing."""
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&apos;")
    )


def lookup(context: str, source: str) -> str | list[str] | None:
    """The translation of *source* in *context*, else of the same source in any other context."""
    found = TRANSLATIONS.get((context, source))
    if found is not None:
        return found
    for (_other, text), translation in TRANSLATIONS.items():
        if text == source:
            return translation
    return None


def _translation_xml(indent: str, value: str | list[str], numerus: bool) -> str:
    if numerus:
        forms = value if isinstance(value, list) else [value]
        inner = "".join(
            f"\n{indent}    <numerusform>{_escape(form)}</numerusform>" for form in forms
        )
        return f"{indent}<translation>{inner}\n{indent}</translation>"
    text = value if isinstance(value, str) else value[0]
    return f"{indent}<translation>{_escape(text)}</translation>"


def fill(ts_text: str, *, only_unfinished: bool = False) -> tuple[str, int, list[tuple[str, str]]]:
    """Write :data:`TRANSLATIONS` into the .ts text.

    Returns:
        The new text, how many messages were changed, and the ``(context, source)`` of the
        messages that are still unfinished because no translation is known for them.
    """
    changed = 0
    missing: list[tuple[str, str]] = []

    def do_context(match: re.Match[str]) -> str:
        block = match.group(0)
        name_match = _NAME_RE.search(block)
        context = _unescape(name_match.group(1)) if name_match else ""

        def do_message(m: re.Match[str]) -> str:
            nonlocal changed
            body = m.group("body")
            source_match = _SOURCE_RE.search(body)
            if source_match is None:
                return m.group(0)
            source = _unescape(source_match.group(1))
            numerus = 'numerus="yes"' in m.group("attrs")
            tr = _TRANSLATION_RE.search(body)
            if tr is None:
                return m.group(0)
            attrs = tr.group("attrs")
            if "vanished" in attrs or "obsolete" in attrs:
                return m.group(0)
            unfinished = 'type="unfinished"' in attrs
            if only_unfinished and not unfinished:
                return m.group(0)
            value = lookup(context, source)
            if value is None:
                if unfinished:
                    missing.append((context, source))
                return m.group(0)
            new = _translation_xml(tr.group("indent"), value, numerus)
            if new == tr.group(0):
                return m.group(0)
            changed += 1
            body = body[: tr.start()] + new + body[tr.end() :]
            return f"{m.group('indent')}<message{m.group('attrs')}>{body}</message>"

        return _MESSAGE_RE.sub(do_message, block)

    text = _CONTEXT_RE.sub(do_context, ts_text)
    return text, changed, missing


_PLACEHOLDER_RE = re.compile(r"\{[^}]*\}|%n|%v|%m|%\d|<[^>]+>")
_MNEMONIC_RE = re.compile(r"&([A-Za-z0-9])")


def lint() -> list[str]:
    """Translations whose placeholders, HTML tags or mnemonics differ from the English."""

    def fields(text: str) -> list[str]:
        return sorted(re.sub(r"\{\d+\}", "{}", f) for f in _PLACEHOLDER_RE.findall(text))

    problems = []
    for (context, source), value in TRANSLATIONS.items():
        for text in [value] if isinstance(value, str) else value:
            if fields(source) != fields(text):
                problems.append(f"fields differ: [{context}] {source!r} -> {text!r}")
            mnemonic = _MNEMONIC_RE.search(source)
            if mnemonic and f"(&{mnemonic.group(1).upper()})" not in text:
                problems.append(f"mnemonic differs: [{context}] {source!r} -> {text!r}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ts", nargs="?", type=Path, default=TS)
    parser.add_argument(
        "--only-unfinished",
        action="store_true",
        help="leave finished translations alone even where the dictionary differs",
    )
    parser.add_argument(
        "--missing", action="store_true", help="only list entries without a translation"
    )
    parser.add_argument(
        "--lint", action="store_true", help="check placeholders and mnemonics of the dictionary"
    )
    args = parser.parse_args(argv)
    if args.lint:
        problems = lint()
        print("\n".join(problems) or "ok")
        return 1 if problems else 0
    original = args.ts.read_text(encoding="utf-8")
    text, changed, missing = fill(original, only_unfinished=args.only_unfinished)
    if not args.missing and text != original:
        args.ts.write_text(text, encoding="utf-8")
    if not args.missing:
        print(f"{changed} message(s) translated or updated in {args.ts.name}")
    for context, source in missing:
        print(f"no translation: [{context}] {source!r}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
