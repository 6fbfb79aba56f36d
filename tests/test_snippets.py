"""Every snippet runs as a fresh script would, within a time limit, and passes its own asserts."""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

import pytest

from conftest import TIMED_SNIPPETS, shared_build
from kbsite.runner import IMPORT, run_file

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS = sorted(p for p in (ROOT / "snippets").rglob("*.py") if p.name != "__init__.py")
TIME_LIMIT = 30  # seconds; the build's limit is 60, the target is well under 2


@pytest.mark.parametrize("path", SNIPPETS, ids=[p.relative_to(ROOT / "snippets").as_posix() for p in SNIPPETS])
def test_snippet_runs(path: Path):
    rel = path.relative_to(ROOT).as_posix()
    result = run_file(path, timeout=TIME_LIMIT)
    if not result.ok:
        where = f"{rel}:{result.line}" if result.line else rel
        last = result.error.strip().splitlines()[-1] if result.error.strip() else "failed"
        pytest.fail(f"{where}: {last}\n\n{result.error}\n{result.stderr}", pytrace=False)
    assert result.stdout.strip(), f"{rel} printed nothing: a snippet prints what the reader should see"
    # the site's build ran it too (in this run, see conftest.SiteBuild): it must have printed the same
    build = shared_build()
    if build["ok"] and rel not in TIMED_SNIPPETS:
        printed = {r["output_sha256"] for r in build["runs"] if r["snippet"] == rel}
        assert printed, f"{rel} did not run in the build"
        assert printed == {hashlib.sha256(result.stdout.encode("utf-8")).hexdigest()}, \
            f"{rel} printed something else in the site's build: its output is not deterministic"


@pytest.mark.parametrize("path", SNIPPETS, ids=[p.relative_to(ROOT / "snippets").as_posix() for p in SNIPPETS])
def test_snippet_follows_conventions(path: Path):
    """Self-contained and copyable: no __main__ guard, only numpy/torch/matplotlib and the standard library."""
    rel = path.relative_to(ROOT).as_posix()
    text = path.read_text(encoding="utf-8")
    assert "__name__" not in text or "__main__" not in text, f"{rel}: no `if __name__ == '__main__':` guard"
    assert re.fullmatch(r"[a-z][a-z0-9_]*", path.stem), f"{rel}: snippet names are snake_case identifiers"
    imports = set(IMPORT.findall(text))
    allowed = {"numpy", "torch", "matplotlib", "__future__"}
    outside = {m for m in imports if m not in allowed and m not in sys.stdlib_module_names}
    assert not outside, f"{rel} imports {sorted(outside)}: snippets use only the standard library, numpy, torch, matplotlib"
    if "savefig" in text:
        assert "svg.hashsalt" in text and '"Date": None' in text, \
            f"{rel}: plots fix svg.hashsalt and drop the date (see CONTRIBUTING.md)"
