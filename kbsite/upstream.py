"""The one place the plugin relies on something another library does not publish.

**mkdocs-material's search worker** (written against mkdocs-material 9.8.2). The worker
splits a Chinese query into the words it finds in the index, but its loop over word
ends stops one character short (``o<t.length``), so a query is never matched as a whole
word once one of its prefixes is a word: "权重衰减" becomes just "权重", which matches
every heading that mentions weights. After the build, the minified worker gets the loop
that reaches the end of the query. If a release changes the worker, the build fails
here (and ``tests/test_upstream.py`` fails against the installed release).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

WORKER_BUG = "for(let o=s+1;o<t.length;o++)t.slice(s,o)in e&&(n[s]=o-s)"
WORKER_FIX = "for(let o=s+1;o<=t.length;o++)t.slice(s,o)in e&&(n[s]=o-s)"


def fix_search_worker(site_dir: Path) -> None:
    for worker in sorted(site_dir.glob("assets/javascripts/workers/search.*.min.js")):
        text = worker.read_text(encoding="utf-8")
        if WORKER_FIX in text:
            continue
        if text.count(WORKER_BUG) != 1:
            raise PluginError(f"{worker.name}: the Chinese query segmentation that kbsite.upstream corrects "
                              "was not found; check it against this mkdocs-material release")
        worker.write_text(text.replace(WORKER_BUG, WORKER_FIX), encoding="utf-8")
