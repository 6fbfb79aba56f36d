"""The one place the plugin relies on what another library does not publish: the message protocol
of mkdocs-material's search worker (written against mkdocs-material 9.8.2; ``tests/test_units.py``
checks it in the installed release and fails when it changes).

Material's search box talks to a web worker: SETUP (the index, ``{config, docs}``) is answered
with READY, a QUERY (the typed text) with a RESULT, ``{items: [[{location, title, text, score,
terms}]]}``: one list per page, the page's own entry among them. ``kbsite/search_worker.js``
answers these messages with the site's own ranking, which material's worker cannot do (see that
file); after the build it is written where the theme loads material's worker from.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

WORKER = Path(__file__).with_name("search_worker.js")
MESSAGES = ("SETUP", "READY", "QUERY", "RESULT")  # material's SearchMessageType, in order: 0, 1, 2, 3


def traditional_to_simplified(text: str) -> dict[str, str]:
    """Traditional Chinese character -> simplified, for each simplified character in ``text``."""
    from opencc import OpenCC

    found: dict[str, str] = {}
    converters = [OpenCC(name) for name in ("s2t", "s2tw", "s2hk")]
    for char in sorted(set(re.findall(r"[\u3400-\u9fff]", text))):
        for converter in converters:
            variant = converter.convert(char)
            if variant != char and len(variant) == 1:
                found.setdefault(variant, char)
    return found


def install_search_worker(site_dir: Path, lists: list[str], text: str) -> None:
    """Write kbsite/search_worker.js where the theme loads its search worker from. ``lists``: the
    pages that list concepts rather than explain one; ``text``: the site's text, whose Chinese
    characters a query may type in traditional script."""
    table = json.dumps(traditional_to_simplified(text), ensure_ascii=False, sort_keys=True)
    for worker in sorted(site_dir.glob("assets/javascripts/workers/search.*.min.js")):
        worker.write_text(f"var TRADITIONAL = {table};\nvar LISTS = {json.dumps(lists)};\n"
                          + WORKER.read_text(encoding="utf-8"), encoding="utf-8")
