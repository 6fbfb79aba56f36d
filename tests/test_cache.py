"""The execution cache and the parallel runs: unchanged examples are not run again, changed
ones are, and the pages are the same bytes whichever way their examples ran."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import PLOT, fence
from kbsite import cache
from sitecheck import tree

PAGE = "# Demo\n\n" + fence("alpha.py", "a-first") + "\n" + fence("alpha.py", "a-second", 'source="above"') \
    + "\n" + fence("beta.py", "b-plot")


def _runs(report: Path, field: str = "cached") -> dict[str, bool]:
    """block id -> the report's ``field`` (served from the cache? started ahead?)."""
    return {r["block_id"]: r[field] for r in json.loads(report.read_text())}


@pytest.fixture
def cached_project(mini, tmp_path):
    mini.snippet("alpha.py", "import numpy as np\n\nprint(np.arange(4) ** 2)\n")
    mini.snippet("beta.py", PLOT)
    mini.page(PAGE)
    env = {"KB_EXEC_CACHE": "1", "KB_EXEC_CACHE_DIR": tmp_path / "cache", "KB_EXEC_REPORT": tmp_path / "runs.json"}
    return mini, env, tmp_path


def test_unchanged_examples_come_from_the_cache_and_pages_are_identical(cached_project):
    """Also: every example file starts before the pages render, and with one runner (the cold
    build) or two (the first cached one) the site is the same bytes."""
    mini, env, tmp = cached_project
    cold = mini.build(tmp / "cold", KB_EXEC_JOBS=1, KB_EXEC_REPORT=tmp / "cold.json")  # the tests' default: no cache
    assert cold.returncode == 0, cold.stdout + cold.stderr
    assert _runs(tmp / "cold.json") == {"a-first": False, "a-second": False, "b-plot": False}

    first = mini.build(tmp / "first", **env, KB_EXEC_JOBS=2)
    assert first.returncode == 0, first.stdout + first.stderr
    assert _runs(tmp / "runs.json") == {"a-first": False, "a-second": False, "b-plot": False}
    assert "kb: 2 examples executed" in first.stdout + first.stderr  # alpha ran once for both its blocks
    for report in ("cold.json", "runs.json"):  # both blocks of alpha take its one run's result
        assert _runs(tmp / report, "ahead") == {"a-first": True, "a-second": True, "b-plot": True}
    assert tree(tmp / "first") == tree(tmp / "cold"), "one runner or two, the pages must be the same bytes"

    warm = mini.build(tmp / "warm", **env)
    assert warm.returncode == 0, warm.stdout + warm.stderr
    assert _runs(tmp / "runs.json") == {"a-first": True, "a-second": True, "b-plot": True}
    assert re.search(r"kb: 0 examples executed in 0\.0 s, 3 blocks served from the cache", warm.stdout + warm.stderr)
    assert tree(tmp / "warm") == tree(tmp / "cold"), "a warm build must write the same bytes as a cold one"

    # edit one example: exactly the blocks that show it run again (once), the figure comes from the cache
    (mini.path / "snippets/demo/alpha.py").write_text("import numpy as np\n\nprint(np.arange(5) ** 3)\n")
    edited = mini.build(tmp / "edited", **env)
    assert edited.returncode == 0, edited.stdout + edited.stderr
    assert _runs(tmp / "runs.json") == {"a-first": False, "a-second": False, "b-plot": True}
    assert "[ 0  1  8 27 64]" in (tmp / "edited/demo/index.html").read_text()
    cold_edited = mini.build(tmp / "cold-edited")
    assert cold_edited.returncode == 0, cold_edited.stdout + cold_edited.stderr
    assert tree(tmp / "edited") == tree(tmp / "cold-edited")


def test_a_failing_example_is_never_cached(cached_project):
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
    assert cache.key("print(1)", dict(env)) == base
    assert cache.key("print(2)", env) != base
    for name in ("python", *cache.LIBRARIES):
        assert cache.key("print(1)", {**env, name: env[name] + ".post1"}) != base, name


@pytest.mark.parametrize(("setting", "command", "variable", "expected"), [
    ("auto", "serve", None, "on"),
    ("auto", "build", None, "off"),
    ("auto", "serve", "0", "off"),
    ("auto", "build", "1", "on"),
    (False, "serve", None, "off"),
    (True, "build", None, "on"),
    (True, "build", "off", "off"),
    (False, "build", "refresh", "refresh"),
])
def test_the_cache_is_on_for_serve_and_off_for_builds(monkeypatch, setting, command, variable, expected):
    if variable is None:
        monkeypatch.delenv("KB_EXEC_CACHE", raising=False)
    else:
        monkeypatch.setenv("KB_EXEC_CACHE", variable)
    assert cache.mode(setting, command) == expected


def test_refresh_mode_writes_and_never_reads(tmp_path):
    digest = cache.key("print(1)", cache.environment())
    refreshing = cache.ExecCache(tmp_path, read=False)
    refreshing.put(digest, {"stdout": "1\n"})
    assert refreshing.get(digest) is None  # a refreshing build runs the example anyway
    assert cache.ExecCache(tmp_path).get(digest) == {"stdout": "1\n"}  # and the next build finds it


DIRTY = '''\
import json, os, sys, time
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config

root, site, edits = Path(sys.argv[1]), Path(sys.argv[2]), json.loads(sys.argv[3])
config = load_config(str(root / "mkdocs.yml"), site_dir=str(site), strict=False)  # as `serve --no-strict`
config.plugins.on_startup(command="serve", dirty=True)  # as `mkdocs serve --dirty` does
build(config, dirty=True)
rebuilt = []
for path, text in edits:
    stamps = {p: p.stat().st_mtime_ns for p in site.rglob("*.html")}
    time.sleep(0.05)
    (root / path).write_text(text)
    build(load_config(str(root / "mkdocs.yml"), site_dir=str(site), strict=False), dirty=True)  # plugin kept
    rebuilt.append(sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                          if p.name != "404.html" and p.stat().st_mtime_ns != stamps.get(p)))  # 404: every build
config.plugins.on_shutdown()
print(json.dumps(rebuilt))
'''


def test_under_serve_dirty_a_save_rebuilds_only_the_pages_it_changes(cached_project):
    """`make serve` runs `mkdocs serve --dirty`: saving a page rebuilds that page; saving an
    example rebuilds the page that runs it and its API page; the glossary only when a term changed."""
    import subprocess
    import sys

    mini, env, tmp = cached_project
    mini.snippet("gamma.py", 'def area(r: float) -> float:\n    """Disc area."""\n    return 3.14159 * r * r\n\n\n'
                             'print(area(2.0))\n')
    mini.page(PAGE + "\n" + fence("gamma.py", "g-area"))
    home = (mini.path / "docs/index.md").read_text()
    gamma = (mini.path / "snippets/demo/gamma.py").read_text().replace("Disc area.", "The area of a disc.")
    edits = [("docs/index.md", home + "\nOne more sentence.\n"), ("snippets/demo/gamma.py", gamma),
             ("snippets/demo/gamma.py", gamma.replace("print(area(2.0))", "print(area(3.0))"))]
    proc = subprocess.run([sys.executable, "-c", DIRTY, str(mini.path), str(tmp / "site"), json.dumps(edits)],
                          cwd=mini.path, capture_output=True, text=True, timeout=300,
                          env={**__import__("os").environ, **{k: str(v) for k, v in env.items()}})
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    page_edit, docstring_edit, output_edit = json.loads(proc.stdout.strip().splitlines()[-1])
    assert page_edit == ["index.html"]
    assert docstring_edit == ["demo/index.html", "reference/demo/index.html"]
    assert output_edit == ["demo/index.html", "reference/demo/index.html"]
    assert "28.27" in (tmp / "site/demo/index.html").read_text()
    assert "The area of a disc." in (tmp / "site/reference/demo/index.html").read_text()
