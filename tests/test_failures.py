"""A build that fails says where and why, never hangs, never loses the site; output is escaped; builds repeat."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from sitecheck import tree
from conftest import PLOT, MiniProject, fence

GOOD_PAGE = """\
# Demo

## Saddle point (鞍点) {#saddle-point}

A formula, $x^2 - y^2$.

```python exec="on" source="tabbed-right" id="escape-block" file="snippets/demo/shouty.py"
```

```python exec="on" source="tabbed-right" id="plot-block" file="snippets/demo/plot.py"
```
"""
CONCEPTS = "saddle-point:\n  summary: A point where the gradient is zero and the curvature has both signs.\n"
SHOUTY = """\
print("<script>alert(1)</script>")
print('<img src="x" onerror="alert(2)">')
"""


# the tests that share the module's `good` site run in one worker, which builds it once
GOOD = pytest.mark.xdist_group("good-site")


@pytest.fixture(scope="module")
def good(tmp_path_factory) -> MiniProject:
    """A small site built twice from the same files, into site/ and site-again/."""
    project = MiniProject(tmp_path_factory.mktemp("good") / "project")
    project.snippet("shouty.py", SHOUTY)
    project.snippet("plot.py", PLOT.replace('print("a plot follows")', 'print("<b>a plot follows</b>")'))
    project.page(GOOD_PAGE, CONCEPTS)
    for site in ("site", "site-again"):
        proc = project.build(project.path / site)
        assert proc.returncode == 0, proc.stdout + proc.stderr
    return project


@GOOD
def test_output_not_marked_html_is_escaped(good):
    html = (good.path / "site/demo/index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)" not in html
    assert '<img src="x"' not in html and "&lt;img src=&quot;x&quot; onerror=&quot;alert(2)&quot;&gt;" in html


@GOOD
def test_a_shown_figure_is_inlined_where_it_was_shown_and_text_stays_escaped(good):
    html = (good.path / "site/demo/index.html").read_text(encoding="utf-8")
    output = '<pre class="kb-output"><code>'
    before, figure, after = f"{output}&lt;b&gt;a plot follows&lt;/b&gt;", '<figure class="kb-figure"><svg', \
        f"{output}the plot was shown"
    assert html.index(before) < html.index(figure) < html.index(after)
    assert "<b>a plot follows</b>" not in html
    assert 'id="plot-block-' in html  # the figure's ids carry the block id
    assert "<dc:date>" not in html and "<metadata>" not in html


@GOOD
def test_two_builds_are_byte_identical(good):
    first, second = tree(good.path / "site"), tree(good.path / "site-again")
    assert first.keys() == second.keys()
    differ = [name for name in first if first[name] != second[name]]
    assert not differ, f"files that differ between two builds: {differ}"
    assert any(name.endswith(".svg") or b"<svg" in data for name, data in first.items())


def _failing_copy(good: MiniProject, tmp_path: Path) -> MiniProject:
    copy = MiniProject.__new__(MiniProject)
    copy.path = tmp_path / "project"
    shutil.copytree(good.path, copy.path)
    return copy


@GOOD
def test_a_raising_snippet_fails_naming_file_line_and_page(good, tmp_path):
    project = _failing_copy(good, tmp_path)
    before = tree(project.path / "site")
    project.snippet("boom.py", "import numpy as np\n\nx = np.ones(3)\nraise ValueError(f'boom {x.sum()}')\n")
    project.page(GOOD_PAGE + "\n" + fence("boom.py", "boom-block", ""), CONCEPTS)
    proc = project.build()
    log = proc.stdout + proc.stderr
    assert proc.returncode != 0
    assert "snippets/demo/boom.py:4: ValueError: boom 3.0" in log
    assert 'block id="boom-block" on page docs/demo/index.md' in log
    # the failed build left the previous site in place, whole, and no half-built folder
    assert tree(project.path / "site") == before
    assert not list(project.path.glob(".site.building-*"))


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_hanging_snippet_is_stopped_and_named(mini, jobs):
    mini.snippet("hang.py", "import time\n\nwhile True:\n    time.sleep(0.05)\n")
    mini.page("# Demo\n\n" + fence("hang.py", "hang-block", ""))
    start = time.perf_counter()
    proc = mini.build(KB_EXEC_TIMEOUT=2, KB_EXEC_JOBS=jobs)
    log = proc.stdout + proc.stderr
    assert proc.returncode != 0
    assert time.perf_counter() - start < 60
    assert "snippets/demo/hang.py: stopped after the time limit of 2 s" in log
    assert 'block id="hang-block"' in log


def test_a_fence_can_set_its_own_time_limit(mini):
    mini.snippet("slow.py", "import time\n\ntime.sleep(3)\nprint('done')\n")
    mini.page("# Demo\n\n" + fence("slow.py", "slow-block", 'timeout="1"'))
    proc = mini.build()
    assert proc.returncode != 0
    assert "snippets/demo/slow.py: stopped after the time limit of 1 s" in proc.stdout + proc.stderr


def test_a_fence_naming_a_missing_file_fails_naming_the_path(mini):
    mini.page("# Demo\n\n" + fence("no_such_file.py", "ghost", ""))
    proc = mini.build()
    log = proc.stdout + proc.stderr
    assert proc.returncode != 0
    assert 'snippets/demo/no_such_file.py: no such example file (block id="ghost" on page docs/demo/index.md)' in log
    assert not (mini.path / "site").exists()


def test_an_executed_fence_must_name_its_file(mini):
    mini.page('# Demo\n\n```python exec="on" id="inline"\nprint("inline code")\n```\n')
    proc = mini.build()
    assert proc.returncode != 0
    assert 'an executed block names its example file: file="snippets/..." (block id="inline"' in proc.stdout + proc.stderr
