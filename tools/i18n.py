"""Update the translation sources and compile them.

    uv run python tools/i18n.py update    # lupdate: collect tr() strings into the .ts files
    uv run python tools/i18n.py release   # lrelease: compile the .ts files into the committed .qm
    uv run python tools/i18n.py check     # exit 1 if any entry is unfinished or missing

zh_CN: every text; lupdate keeps existing translations, new strings arrive "unfinished" until
translated (``tools/zh_CN_translations.py``). en: the ``%n`` texts only, their one-item and
several-item forms made by ``tools/en_plurals.py`` on every update.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "dropship_desktop_zh_CN.ts"
QM = TS.with_suffix(".qm")
EN_TS = TS.with_name("dropship_desktop_en.ts")
SOURCES = ROOT / "dropship_desktop"


def _tool(name: str) -> str:
    exe = Path(sys.executable).parent / name
    return str(exe) if exe.exists() else name


def python_sources() -> list[str]:
    return sorted(
        str(p.relative_to(ROOT)) for p in SOURCES.rglob("*.py") if "__pycache__" not in p.parts
    )


def update(ts: Path = TS) -> None:
    ts.parent.mkdir(parents=True, exist_ok=True)
    lupdate = [_tool("pyside6-lupdate"), "-locations", "none", "-no-obsolete"]
    subprocess.run(
        [*lupdate, *python_sources(), "-ts", str(ts)],
        cwd=ROOT,
        check=True,
    )
    if ts == TS:
        update_english(EN_TS)


def update_english(ts: Path) -> list[str]:
    """Collect the ``%n`` texts into the English .ts *ts* and make their two forms; returns the
    texts that need a one-item form written in ``tools/en_plurals.py``."""
    lupdate = [_tool("pyside6-lupdate"), "-locations", "none", "-no-obsolete", "-pluralonly"]
    subprocess.run(
        [*lupdate, "-target-language", "en", *python_sources(), "-ts", str(ts)],
        cwd=ROOT,
        check=True,
    )
    sys.path.insert(0, str(ROOT / "tools"))
    from en_plurals import fill

    return fill(ts)


def release(ts: Path = TS, qm: Path = QM) -> None:
    subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], cwd=ROOT, check=True)
    if ts == TS:
        subprocess.run(
            [_tool("pyside6-lrelease"), str(EN_TS), "-qm", str(EN_TS.with_suffix(".qm"))],
            cwd=ROOT,
            check=True,
        )


def unfinished(ts: Path = TS) -> list[tuple[str, str]]:
    """(context, source) of every message without a finished translation."""
    tree = ET.parse(ts)
    missing = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            source = message.findtext("source", "")
            if translation is None:
                missing.append((name, source))
                continue
            if translation.get("type") in ("unfinished", "vanished", "obsolete"):
                missing.append((name, source))
                continue
            numerus = translation.findall("numerusform")
            if numerus:
                if not all((n.text or "").strip() for n in numerus):
                    missing.append((name, source))
            elif not (translation.text or "").strip():
                missing.append((name, source))
    return missing


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "check"
    if command == "update":
        update()
    elif command == "release":
        release()
    elif command == "check":
        missing = unfinished() + unfinished(EN_TS)
        for context, source in missing:
            print(f"unfinished: [{context}] {source}")
        return 1 if missing else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
