"""English plural forms of the ``%n`` texts: "1 order", "2 orders" instead of "1 order(s)".

    uv run python tools/en_plurals.py    # fill resources/translations/dropship_desktop_en.ts

``tools/i18n.py update`` makes the English .ts (plural texts only, ``lupdate -pluralonly``) and
runs this; ``release`` compiles it. A text's two forms come from its source: ``(s)``/``(es)``
dropped for one, kept as ``s``/``es`` for several. A text whose verb or pronoun follows the
count ("… order(s) were sent …, correct them") cannot be made so: it needs a line in
:data:`SINGULAR` (its one-item form; the plural form is made as above), and stays unfinished —
``tools/i18n.py check`` fails — until it has one.
"""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EN_TS = ROOT / "resources" / "translations" / "dropship_desktop_en.ts"

#: English source → its form for one item, where dropping "(s)" is not enough.
SINGULAR: dict[str, str] = {
    "If you stop now, the order being sent finishes; the %n order(s) not sent yet are recorded "
    "as not sent, and you can cancel them again later. An order whose 1688 page is open without "
    "your answer is kept for you to check.": "If you stop now, the order being sent finishes; "
    "the %n order not sent yet is recorded as not sent, and you can cancel it again later. An "
    "order whose 1688 page is open without your answer is kept for you to check.",
    "%n cancellation request(s) were interrupted (the app stopped or the connection was lost). "
    "Check those orders on 1688 and say what happened.": "%n cancellation request was interrupted"
    " (the app stopped or the connection was lost). Check that order on 1688 and say what "
    "happened.",
    "%n order(s) chosen in the order list are already selected.": "%n order chosen in the order "
    "list is already selected.",
    "%n order(s) were sent to the shop with a tracking number that 1688 has changed since: "
    "correct them on the shop.": "%n order was sent to the shop with a tracking number that 1688 "
    "has changed since: correct it on the shop.",
    "Waiting: 1688 refuses to close an order in its first 10 seconds; the %n waiting order(s) are "
    "sent automatically.": "Waiting: 1688 refuses to close an order in its first 10 seconds; the "
    "%n waiting order is sent automatically.",
    "Select %n orders to cancel?": "Select %n order to cancel?",
}

#: After "(s)", in the same clause: words that change with the count ("were" → "was").
_AGREEING = re.compile(r"\((?:e?s)\)[^.;:?!]*\b(?:are|were|have|them|those|these)\b")


def forms(source: str) -> tuple[str, str] | None:
    """(one, several) for *source*, or None when it needs a :data:`SINGULAR` line."""
    plural = source.replace("(es)", "es").replace("(s)", "s")
    one = SINGULAR.get(source)
    if one is not None:
        return one, plural
    if _AGREEING.search(source):
        return None
    return source.replace("(es)", "").replace("(s)", ""), plural


def fill(ts: Path = EN_TS) -> list[str]:
    """Write both forms of every plural text in *ts*; return the sources left unfinished."""
    tree = ET.parse(ts)
    left: list[str] = []
    for message in tree.getroot().iter("message"):
        if message.get("numerus") != "yes":
            continue
        source = message.findtext("source", "")
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        for child in list(translation):
            translation.remove(child)
        translation.text = None
        made = forms(source)
        if made is None:
            translation.set("type", "unfinished")
            left.append(source)
            made = ("", "")
        else:
            translation.attrib.pop("type", None)
        for text in made:
            ET.SubElement(translation, "numerusform").text = text
    ET.indent(tree, space="    ")
    # Bytes, not text mode: the same file (LF line ends) on every system.
    ts.write_bytes(ET.tostring(tree.getroot(), encoding="utf-8", xml_declaration=True))
    return left


def main() -> int:
    left = fill()
    for source in left:
        print(f"needs a singular form in tools/en_plurals.py: {source}")
    return 1 if left else 0


if __name__ == "__main__":
    sys.exit(main())
