"""Every interface text has its Russian translation, and the compiled
catalogue the site serves is the one made from it."""

import ast
import gettext
import re
from pathlib import Path

PO = Path(__file__).resolve().parent.parent / "locale" / "ru" / "LC_MESSAGES" / "django.po"
STRING = re.compile(r'^(?:msgid(?:_plural)?|msgstr(?:\[\d+\])?)?\s*"(.*)"$')


def entries() -> list[dict]:
    """The .po file's entries as {"flags", "msgid", "msgstr": [...]} (header left out)."""
    found = []
    for block in PO.read_text(encoding="utf-8").split("\n\n"):
        lines = [line for line in block.strip().splitlines() if not line.startswith("#~")]
        entry = {"flags": "", "msgid": "", "msgstr": []}
        key = None
        for line in lines:
            if line.startswith("#,"):
                entry["flags"] += line
            elif line.startswith("#"):
                continue
            elif line.startswith("msgid "):
                key = "msgid"
            elif line.startswith("msgid_plural"):
                key = "plural"
            elif line.startswith("msgstr"):
                key = "msgstr"
                entry["msgstr"].append("")
            if key and not line.startswith("#"):
                text = ast.literal_eval(f'"{STRING.match(line).group(1)}"')
                if key == "msgid":
                    entry["msgid"] += text
                elif key == "msgstr":
                    entry["msgstr"][-1] += text
        if entry["msgid"]:
            found.append(entry)
    return found


def test_every_interface_text_has_a_russian_translation():
    missing = [e["msgid"] for e in entries() if "fuzzy" in e["flags"] or not all(e["msgstr"])]
    assert missing == []


def test_the_compiled_catalogue_matches_the_translations():
    catalogue = gettext.GNUTranslations(PO.with_suffix(".mo").open("rb"))
    stale = [
        e["msgid"]
        for e in entries()
        if len(e["msgstr"]) == 1 and catalogue.gettext(e["msgid"]) != e["msgstr"][0]
    ]
    assert stale == []
