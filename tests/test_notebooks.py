"""Each page as a notebook: written by the build, linked from its page, and it runs.

Every page with examples has a valid notebook whose code cells are the example files and whose
outputs are what they printed in the build. Run top to bottom in a fresh kernel (nbclient), a
notebook prints, cell by cell, what the page shows: all of them under CI=true or KB_FULL=1, one in `make test`."""

from __future__ import annotations

import hashlib
from pathlib import Path

import nbformat
import pytest

from conftest import sample
from kbsite import notebooks
from sitecheck import html_path

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted(p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md")
               if notebooks.EXEC_FENCE.search(p.read_text(encoding="utf-8").replace('exercises="1"', "")))
RUN = sample(PAGES, 50)



def _printed(built_site) -> dict[str, str]:
    return {r["snippet"]: r["output_sha256"] for r in built_site.runs if r["snippet"]}


def test_every_page_with_examples_has_its_notebook_linked(built_site):
    printed = _printed(built_site)
    assert len(PAGES) >= 40
    for page in PAGES:
        path = built_site.path / notebooks.path(page)
        assert path.is_file(), f"no notebook for {page}"
        nb = nbformat.reads(path.read_text(encoding="utf-8"), as_version=4)
        nbformat.validate(nb)
        assert "pip install numpy==" in nb.cells[0].source and "torch==" in nb.cells[0].source
        code = [c for c in nb.cells[1:] if c.cell_type == "code"]
        assert code, f"{page}: a notebook without examples"
        for cell in code:
            stdout = "".join(o.text for o in cell.outputs if o.output_type == "stream")
            assert hashlib.sha256(stdout.encode("utf-8")).hexdigest() in printed.values(), \
                f"{page}: a cell's output is not what its example printed in the build"
        assert not any("exec=" in c.source or "--8<--" in c.source for c in nb.cells if c.cell_type == "markdown")
        html = html_path(built_site.path, page).read_text(encoding="utf-8")
        assert f'href="../../{notebooks.path(page)}" download' in html, f"{page}: no link to its notebook"


@pytest.mark.parametrize("page", RUN)
def test_a_notebook_runs_in_a_fresh_kernel_and_prints_what_the_page_shows(built_site, page, tmp_path, monkeypatch):
    from nbclient import NotebookClient

    # the kernel computes on one thread, as the build's runner does (two kernels run at once
    # under xdist), and draws with Agg: the test compares text, and the figures are the runner's
    monkeypatch.setenv("OMP_NUM_THREADS", "1")
    monkeypatch.setenv("MPLBACKEND", "Agg")

    nb = nbformat.reads((built_site.path / notebooks.path(page)).read_text(encoding="utf-8"), as_version=4)
    expected = ["".join(o.text for o in c.outputs if o.output_type == "stream") for c in nb.cells if c.cell_type == "code"]
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
    NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    got = ["".join(o.text for o in c.outputs if o.output_type == "stream" and o.name == "stdout")
           for c in nb.cells if c.cell_type == "code"]
    assert got == expected, f"{page}: the notebook prints something else than the page"
