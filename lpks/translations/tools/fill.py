"""Fill English translations into the catalogue from a Python dict file: `python fill.py DICT.py`."""
from __future__ import annotations

import runpy
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

CATALOGUE = Path(__file__).resolve().parents[1] / "en" / "LC_MESSAGES" / "messages.po"


def fill(translations: dict[str, str]) -> int:
    """Set msgstr for every msgid found in `translations`; returns how many were set."""
    with CATALOGUE.open("rb") as handle:
        catalog = read_po(handle)
    count = 0
    for message in catalog:
        if message.id and message.id in translations:
            message.string = translations[message.id]
            message.flags.discard("fuzzy")
            count += 1
    with CATALOGUE.open("wb") as handle:
        write_po(handle, catalog, width=100, sort_by_file=True)
    return count


if __name__ == "__main__":
    print(fill(runpy.run_path(sys.argv[1])["T"]))
