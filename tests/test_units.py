"""Unit tests of the plugin's parts: the registry, the generated pages, the output renderer,
the runner's figures, and the one place that relies on another library's internals."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from kbsite import generated, registry, upstream
from kbsite.examples import render_output
from kbsite.plugin import nav_pages
from kbsite.runner import Runner
from kbsite.search import plain_code


def _docs(tmp_path: Path, pages: dict[str, str]) -> Path:
    for name, text in pages.items():
        path = tmp_path / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return tmp_path / "docs"


GOOD = """\
    ---
    concepts:
      saddle-point:
        summary: A critical point that is a minimum along some directions.
        synonyms: [saddle, 鞍點]
    ---
    # Critical points

    ## Saddle point (鞍点) {#saddle-point}

    ```python
    ## not a heading (inside a fence) {#nope}
    ```
    """


def test_the_registry_reads_a_concept_from_its_heading_and_front_matter(tmp_path):
    reg = registry.load(_docs(tmp_path, {"ch/page.md": GOOD}))
    assert not reg.problems
    (c,) = reg.concepts
    assert (c.id, c.en, c.zh, c.page, c.chapter, c.line) == ("saddle-point", "Saddle point", "鞍点", "ch/page.md", "ch", 9)
    assert c.synonyms == ("saddle", "鞍點") and c.summary.startswith("A critical point")


@pytest.mark.parametrize(("page", "problem"), [
    (GOOD.replace("## Saddle point (鞍点) {#saddle-point}", "## Saddle point {#saddle-point}"),
     "an anchored ## heading must read"),
    (GOOD.replace("(鞍点)", "(saddle)"), "the Chinese term of saddle-point has no Chinese characters"),
    (GOOD.replace("    summary: A critical point that is a minimum along some directions.\n", ""),
     "concept saddle-point has no summary"),
    (GOOD.replace("  saddle-point:", "  other-point:"), "concept saddle-point has no entry under 'concepts:'"),
    (GOOD.replace("  saddle-point:", "  other-point:"), "front matter lists other-point, but the page has no heading"),
])
def test_the_registry_reports_each_kind_of_bad_page(tmp_path, page, problem):
    reg = registry.load(_docs(tmp_path, {"ch/page.md": page}))
    assert any(problem in p for p in reg.problems), reg.problems


def test_the_registry_reports_a_concept_defined_twice(tmp_path):
    reg = registry.load(_docs(tmp_path, {"a/one.md": GOOD, "b/two.md": GOOD}))
    assert any("concept saddle-point is also defined in a/one.md" in p for p in reg.problems), reg.problems


def test_tooltips_and_synonyms_come_from_the_registry(tmp_path):
    (c,) = registry.load(_docs(tmp_path, {"ch/page.md": GOOD})).concepts
    assert registry.tooltips([c]) == {t: c.summary for t in ("Saddle point", "saddle point", "鞍点")}
    out = registry.add_synonyms("# T\n\n## Saddle point (鞍点) {#saddle-point}\n\nText.", [c])
    assert out.splitlines()[4] == '<p class="kb-aka">Also known as: saddle · 鞍點</p>'


def test_generated_pages_list_every_concept_in_reading_order(tmp_path):
    docs = _docs(tmp_path, {"b/index.md": "# Bee chapter {#top}\n", "a/index.md": "# Ay chapter\n",
                            "a/later.md": GOOD.replace("saddle-point", "zeta").replace("(鞍点)", "(泽塔)"),
                            "a/first.md": GOOD.replace("## Saddle", "\n\n\n\n\n## Saddle")})
    concepts = registry.load(docs).concepts
    nav = ["index.md", "b/index.md", "a/index.md", "a/first.md", "a/later.md"]
    index = generated.concept_index(concepts, [("b", "Bee chapter"), ("a", "Ay chapter")], nav)
    assert "## [Bee" not in index  # a chapter without concepts is left out
    assert index.index("[Saddle point](a/first.md#saddle-point)") < index.index("[Saddle point](a/later.md#zeta)")
    glossary = generated.glossary(concepts)
    assert glossary.count("| [Saddle point]") == 2 and "| 鞍点 |" in glossary and "| 泽塔 |" in glossary
    assert generated.chapter_title(docs, "b") == "Bee chapter"
    out = generated.pages(docs, tmp_path / "snippets", concepts, nav)
    assert set(out) == {"glossary.md", "concepts.md", "reference/index.md"}  # no snippets: no API pages


def test_the_api_reference_lists_documented_public_functions_only(tmp_path):
    folder = tmp_path / "snippets" / "ch_one"
    folder.mkdir(parents=True)
    (folder / "page_demo.py").write_text(textwrap.dedent('''\
        def step(x: float) -> float:
            """One step."""
            return x

        def _private(x):
            """Hidden."""

        def undocumented(x):
            return x
        '''))
    (folder / "page_plain.py").write_text("print(1)\n")
    assert generated.reference_modules(tmp_path / "snippets", "ch-one") == [("ch_one.page_demo", ["step"])]
    page = generated.reference_page("ch-one", "Chapter one", [("ch_one.page_demo", ["step"])])
    assert "::: ch_one.page_demo.step" in page and "(../snippets/ch_one/page_demo.py)" in page


def test_nav_pages_walks_the_navigation_in_order():
    nav = ["index.md", {"One": ["a/index.md", "a/x.md"]}, {"Glossary": ["glossary.md", {"Idx": "concepts.md"}]}]
    assert nav_pages(nav) == ["index.md", "a/index.md", "a/x.md", "glossary.md", "concepts.md"]


def test_the_output_renderer_escapes_text_and_places_figures_where_shown():
    kept = {}

    def keep(prefix, svg):
        kept[f"<!--{prefix}:{len(kept)}-->"] = svg
        return f"<!--{prefix}:{len(kept) - 1}-->"

    svg = '<?xml version="1.0"?>\n<svg id="a"><metadata>x</metadata><use href="#a"/></svg>'
    out = render_output("<b>before</b>\nafter\n", [(14, svg)], keep, html=False, prefix="blk")
    assert out == ('<pre class="kb-output"><code>&lt;b&gt;before&lt;/b&gt;</code></pre>\n'
                   '<figure class="kb-figure"><!--blk:0--></figure>\n<pre class="kb-output"><code>after</code></pre>')
    assert kept["<!--blk:0-->"] == '<svg id="blk-a"><use href="#blk-a"/></svg>'
    printed = render_output(f"text {svg}", [], keep, html=False, prefix="p")
    assert "<svg" not in printed and "&lt;svg" in printed  # printed SVG is text unless html=1


def test_the_runner_collects_each_figure_where_it_was_shown(tmp_path):
    code = textwrap.dedent('''\
        import matplotlib.pyplot as plt
        print("one")
        plt.plot([1, 2])
        plt.show()
        print("two")
        plt.figure()
        plt.plot([2, 1])
        ''')  # the second figure is never shown: it is collected at the end
    result = Runner(1).run(code, tmp_path / "fig.py")
    assert result.ok, result.error
    assert result.stdout == "one\ntwo\n"
    assert [offset for offset, _ in result.figures] == [4, 8]
    assert all(svg.count("<svg") == 1 and "dc:date" not in svg for _, svg in result.figures)


def test_plain_code_keeps_the_text_and_puts_the_highlighting_back():
    html = '<p>x</p><pre><span></span><code><span class="k">def</span> f(): <span class="k">pass</span></code></pre>'
    stash: dict[str, str] = {}
    plain = plain_code(html, stash)
    assert "<code>def f(): pass</code>" in plain and len(stash) == 1
    for simple, original in stash.items():
        plain = plain.replace(simple, original)
    assert plain == html


def test_the_search_worker_protocol_is_still_the_installed_materials(tmp_path):
    """kbsite/search_worker.js answers material's search box in its worker's protocol; this fails
    when a release changes the messages or where the worker is."""
    import json

    import material

    assets = Path(material.__file__).parent / "templates" / "assets" / "javascripts"
    assert len(list(assets.glob("workers/search.*.min.js"))) == 1
    bundle = next(assets.glob("bundle.*.min.js.map"))
    sources = json.loads(bundle.read_text(encoding="utf-8"))["sourcesContent"]
    enum = next(s for s in sources if s and "enum SearchMessageType" in s)
    body = enum.split("enum SearchMessageType", 1)[1].split("}", 1)[0]
    assert re.findall(r"\b([A-Z]+),?\s*/\*", body) == list(upstream.MESSAGES)
    ui = next(s for s in sources if s and "function renderSearchDocument" in s)
    for field in ("document.location", "document.title", "document.text", "document.score", "document.terms"):
        assert field in ui, f"material's search result no longer reads {field}"
    site = tmp_path / "assets/javascripts/workers"
    site.mkdir(parents=True)
    (site / "search.0000.min.js").write_text("material's worker")
    upstream.install_search_worker(tmp_path, ["glossary/"], "梯度下降 学习率")
    worker = (site / "search.0000.min.js").read_text(encoding="utf-8")
    assert '"學": "学"' in worker and worker.endswith(upstream.WORKER.read_text(encoding="utf-8"))


def test_shifting_seeds_shifts_every_seed_an_example_sets(tmp_path):
    code = textwrap.dedent('''\
        import random
        import numpy as np
        import torch
        random.seed({s}); np.random.seed({s}); torch.manual_seed({s})
        print(random.random(), np.random.rand(), torch.rand(1).item())
        print(np.random.default_rng({s}).random(), np.random.RandomState({s}).rand())
        print(torch.rand(1, generator=torch.Generator().manual_seed({s})).item())
        ''')
    runner = Runner(1)
    shifted = runner.run(code.format(s=0), tmp_path / "seeds.py", seed_shift=5)
    assert shifted.ok, shifted.error
    assert shifted.stdout == runner.run(code.format(s=5), tmp_path / "seeds.py").stdout
    assert shifted.stdout != runner.run(code.format(s=0), tmp_path / "seeds.py").stdout
