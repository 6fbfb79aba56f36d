"""The execution cache: unchanged blocks are not run again, changed ones are, and pages do not change."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from sitecheck import tree
from conftest import PLOT
from kbsite import cache
from kbsite.plugin import PAGES_LOGGED

PAGE = """\
# Demo

```python exec="on" source="tabbed-left" id="a-first"
--8<-- "snippets/demo/alpha.py"
```

```python exec="on" source="above" id="a-second"
--8<-- "snippets/demo/alpha.py"
print("the second block")
```

```python exec="on" html="1" id="b-plot"
--8<-- "snippets/demo/beta.py"
```
"""


def _runs(report: Path) -> dict[str, bool]:
    """block id -> served from the cache?"""
    return {r["block_id"]: r["cached"] for r in json.loads(report.read_text())}


def _rendered(report: Path) -> dict[str, bool]:
    """block id -> rendered HTML served from the cache?"""
    return {r["block_id"]: r["html_cached"] for r in json.loads(report.read_text())}


@pytest.fixture
def cached_project(mini, tmp_path):
    mini.snippet("alpha.py", "import numpy as np\n\nprint(np.arange(4) ** 2)\n")
    mini.snippet("beta.py", PLOT)
    mini.page(PAGE)
    env = {"KB_EXEC_CACHE": "1", "KB_EXEC_CACHE_DIR": tmp_path / "cache", "KB_EXEC_REPORT": tmp_path / "runs.json"}
    return mini, env, tmp_path


def test_unchanged_blocks_come_from_the_cache_and_pages_are_identical(cached_project):
    mini, env, tmp = cached_project
    cold = mini.build(tmp / "cold", KB_EXEC_REPORT=tmp / "cold.json")  # the tests' default: no cache
    assert cold.returncode == 0, cold.stdout + cold.stderr
    assert _runs(tmp / "cold.json") == {"a-first": False, "a-second": False, "b-plot": False}

    first = mini.build(tmp / "first", **env)
    assert first.returncode == 0, first.stdout + first.stderr
    assert _runs(tmp / "runs.json") == {"a-first": False, "a-second": False, "b-plot": False}

    warm = mini.build(tmp / "warm", **env)
    assert warm.returncode == 0, warm.stdout + warm.stderr
    assert _runs(tmp / "runs.json") == {"a-first": True, "a-second": True, "b-plot": True}
    assert _rendered(tmp / "runs.json") == {"a-first": True, "a-second": True, "b-plot": True}
    assert re.search(r"kb: 0 blocks executed in 0\.0 s, 3 served from the cache", warm.stdout + warm.stderr)
    assert tree(tmp / "warm") == tree(tmp / "cold"), "a warm build must write the same bytes as a cold one"

    # edit one snippet: exactly the two blocks that include it run again
    (mini.path / "snippets/demo/alpha.py").write_text("import numpy as np\n\nprint(np.arange(5) ** 3)\n")
    edited = mini.build(tmp / "edited", **env)
    assert edited.returncode == 0, edited.stdout + edited.stderr
    assert _runs(tmp / "runs.json") == {"a-first": False, "a-second": False, "b-plot": True}
    assert _rendered(tmp / "runs.json") == {"a-first": False, "a-second": False, "b-plot": True}
    assert "[ 0  1  8 27 64]" in (tmp / "edited/demo/index.html").read_text()
    # a page made partly from cached blocks (their HTML ids renumbered) is the page a cold build makes
    cold_edited = mini.build(tmp / "cold-edited")
    assert cold_edited.returncode == 0, cold_edited.stdout + cold_edited.stderr
    assert tree(tmp / "edited") == tree(tmp / "cold-edited")


def test_a_failing_block_is_never_cached(cached_project):
    mini, env, tmp = cached_project
    mini.snippet("alpha.py", "raise RuntimeError('not yet')\n")
    for _ in range(2):
        proc = mini.build(tmp / "site", **env)
        assert proc.returncode != 0
        assert _runs(tmp / "runs.json")["a-first"] is False  # ran again, was not served from the cache
    stored = [json.loads(p.read_text()).get("snippet") for p in (tmp / "cache").rglob("*.json")]
    assert "snippets/demo/alpha.py" not in stored and "snippets/demo/beta.py" in stored


def test_the_key_changes_with_code_and_every_recorded_version():
    env = cache.environment()
    assert set(env) >= {"python", "numpy", "torch", "matplotlib"}
    assert all(v != "absent" for k, v in env.items() if k in cache.LIBRARIES)
    base = cache.key("print(1)", env)
    assert cache.key("print(1)", env) == base
    assert cache.key("print(2)", env) != base
    for name in ("python", *cache.LIBRARIES):
        assert cache.key("print(1)", {**env, name: env[name] + ".post1"}) != base, name


@pytest.mark.parametrize(("setting", "command", "variable", "expected"), [
    ("auto", "serve", None, True),
    ("auto", "build", None, False),
    ("auto", "serve", "0", False),
    ("auto", "build", "1", True),
    (False, "serve", None, False),
    (True, "build", "off", False),
])
def test_the_cache_is_on_for_serve_and_off_for_builds(monkeypatch, setting, command, variable, expected):
    if variable is None:
        monkeypatch.delenv("KB_EXEC_CACHE", raising=False)
    else:
        monkeypatch.setenv("KB_EXEC_CACHE", variable)
    assert cache.wanted(setting, command) is expected


def test_blocks_run_ahead_in_parallel_and_the_pages_do_not_change(cached_project):
    """With two runners, blocks that include a whole snippet run ahead of the build; the
    site is byte for byte the one a build running blocks one after another writes."""
    mini, _, tmp = cached_project
    one = mini.build(tmp / "one", KB_EXEC_JOBS=1, KB_EXEC_REPORT=tmp / "one.json")
    two = mini.build(tmp / "two", KB_EXEC_JOBS=2, KB_EXEC_REPORT=tmp / "two.json")
    assert one.returncode == 0 and two.returncode == 0, one.stdout + one.stderr + two.stdout + two.stderr
    ahead = {r["block_id"]: r["ahead"] for r in json.loads((tmp / "two.json").read_text())}
    assert ahead == {"a-first": True, "a-second": False, "b-plot": True}  # a-second adds a line of its own
    assert not any(r["ahead"] for r in json.loads((tmp / "one.json").read_text()))
    assert tree(tmp / "two") == tree(tmp / "one")


def test_refresh_mode_writes_and_never_reads(tmp_path, monkeypatch):
    monkeypatch.setenv("KB_EXEC_CACHE", "refresh")
    assert cache.mode("auto", "build") == "refresh" and cache.mode(False, "serve") == "refresh"
    monkeypatch.setenv("KB_EXEC_CACHE", "1")
    assert cache.mode("auto", "build") == "on"
    digest = cache.key("print(1)")
    refreshing = cache.ExecCache(tmp_path, read=False)
    refreshing.put(digest, {"stdout": "1\n"})
    assert refreshing.get(digest) is None  # a refreshing build runs the block anyway
    assert cache.ExecCache(tmp_path).get(digest) == {"stdout": "1\n"}  # and the next build finds it


GAMMA = '''\
def area(r: float) -> float:
    """The area of a circle of radius r."""
    return 3.14159 * r * r


print(area(2.0))
'''


def _pages(proc) -> tuple[int, int]:
    """(pages converted, pages restored) as the build logged them."""
    return _logged(proc)[:2]


def _logged(proc) -> tuple[int, int, int]:
    """(pages converted, pages restored, pages whose search entries came from the cache)."""
    found = PAGES_LOGGED.findall(proc.stdout + proc.stderr)
    assert len(found) == 1, proc.stdout + proc.stderr
    return int(found[0][0]), int(found[0][1]), int(found[0][2])


def test_unchanged_pages_are_restored_and_an_edit_converts_only_the_pages_that_read_it(cached_project):
    """The page layer of the cache: with nothing changed no page is converted and the site is
    the same bytes; a sentence converts its own page; a file a page includes without
    running it, and a docstring the API reference shows, convert exactly the pages that read them."""
    mini, env, tmp = cached_project
    mini.snippet("gamma.py", GAMMA)
    mini.snippet("notes.txt", "A note kept beside the snippets.\n")
    mini.page(PAGE + "\n--8<-- \"snippets/demo/notes.txt\"\n")
    cold = mini.build(tmp / "cold")
    assert cold.returncode == 0, cold.stdout + cold.stderr
    assert not PAGES_LOGGED.search(cold.stdout + cold.stderr), "a build without the cache has no page layer"
    first = mini.build(tmp / "first", **env)
    assert first.returncode == 0, first.stdout + first.stderr
    converted, restored, indexed = _logged(first)
    assert converted > 3 and restored == 0 and indexed == 0
    total = converted

    warm = mini.build(tmp / "warm", **env)
    assert warm.returncode == 0, warm.stdout + warm.stderr
    assert _pages(warm) == (0, total)
    assert 0 < _logged(warm)[2]  # the search entries of unchanged pages: not parsed again
    assert all(r["page_cached"] for r in json.loads((tmp / "runs.json").read_text()))
    assert tree(tmp / "warm") == tree(tmp / "cold"), "restored pages must be the bytes a conversion writes"

    home = mini.path / "docs" / "index.md"
    home.write_text(home.read_text() + "\nOne more sentence.\n")
    sentence = mini.build(tmp / "sentence", **env)
    assert _logged(sentence) == (1, total - 1, _logged(warm)[2] - 1)
    assert "One more sentence." in (tmp / "sentence/index.html").read_text()

    (mini.path / "snippets/demo/notes.txt").write_text("The note, rewritten.\n")
    assert _pages(mini.build(tmp / "note", **env)) == (1, total - 1)
    assert "The note, rewritten." in (tmp / "note/demo/index.html").read_text()

    mini.snippet("gamma.py", GAMMA.replace("of a circle", "of a disc"))
    assert _pages(mini.build(tmp / "docstring", **env)) == (1, total - 1)
    assert "The area of a disc of radius r." in (tmp / "docstring/reference/demo/index.html").read_text()
    assert _pages(mini.build(tmp / "again", **env)) == (0, total)
    assert tree(tmp / "again") == tree(tmp / "docstring")


def test_a_page_that_logs_a_warning_is_never_stored(cached_project):
    """A broken link is reported by every build, not only by the one that converted the page."""
    mini, env, tmp = cached_project
    mini.page(PAGE + "\nSee [a page that is not there](missing.md).\n")
    for _ in range(2):
        proc = mini.build(tmp / "site", **env)
        assert proc.returncode != 0
        assert "missing.md" in proc.stdout + proc.stderr
    assert _pages(proc)[0] == 1  # the second time too, the page with the broken link was converted


def test_each_page_keeps_only_the_conversions_used_last(tmp_path):
    from kbsite import pages

    shelf = cache.ExecCache(tmp_path / "pages" / "one-page")
    digests = [cache.key(f"version {i}") for i in range(pages.KEEP + 3)]
    for i, digest in enumerate(digests):
        shelf.put(digest, {"content": i})
        os.utime(shelf._path(digest), ns=(i * 10**9, i * 10**9))  # stored one second apart
    shelf.touch(digests[0])  # the oldest, restored just now
    pages._prune(shelf.folder, pages.KEEP)
    kept = {d for d in digests if shelf.get(d) is not None}
    assert kept == {digests[0], *digests[-(pages.KEEP - 1):]}


def test_a_restored_page_still_has_its_links_checked(cached_project):
    """The home page, restored from the cache, links to an anchor that an edit of another page removed."""
    mini, env, tmp = cached_project
    mini.page("# Demo\n\n## Target section\n\nText.\n")
    home = mini.path / "docs" / "index.md"
    home.write_text("# Home\n\nSee the [demo](demo/index.md) and [its section](demo/index.md#target-section).\n")
    for _ in range(2):
        proc = mini.build(tmp / "site", **env)
        assert proc.returncode == 0, proc.stdout + proc.stderr
    mini.page("# Demo\n\n## Renamed section\n\nText.\n")
    proc = mini.build(tmp / "site", **env)
    assert proc.returncode != 0
    assert _pages(proc)[0] == 1  # the home page was restored, not converted, and still checked:
    assert "contains a link 'demo/index.md#target-section'" in proc.stdout + proc.stderr
