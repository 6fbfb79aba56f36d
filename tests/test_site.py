"""The real site: it builds in strict mode, and what it builds is whole, linked and offline."""

from __future__ import annotations

import ast
import html as html_lib
import re
from pathlib import Path

import pytest

from kbsite import registry
from sitecheck import broken_links, external_resources, html_path, parse

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
INCLUDE = re.compile(r"""^\s*--8<--\s+["']([^"']+)["']\s*$|^\s*(?:`{3,}|~{3,})\s*py(?:thon)?\b.*\bfile=["']([^"']+)["']""", re.M)
EXEC_FENCE = re.compile(r"""^(\s*)(`{3,})\s*(python|py)\b([^\n]*\bexec=["']?(?:on|1|true|yes)\b[^\n]*)$""", re.M)

pytestmark = pytest.mark.xdist_group("site")


def _includes() -> dict[str, list[str]]:
    """snippet path -> pages that run it (file="...") or include it (with or without a :section)."""
    found: dict[str, list[str]] = {}
    for md in sorted(DOCS.rglob("*.md")):
        for include, run in INCLUDE.findall(md.read_text(encoding="utf-8")):
            found.setdefault((include or run).split(":", 1)[0], []).append(md.relative_to(ROOT).as_posix())
    return found


def _snippets() -> list[str]:
    return sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "snippets").rglob("*.py")
                  if p.name != "__init__.py")


def test_every_snippet_is_included_by_a_page():
    included = _includes()
    orphans = [s for s in _snippets() if s not in included]
    assert not orphans, "snippets that no page includes:\n  " + "\n  ".join(orphans)


def test_every_example_is_named_for_its_page():
    """snippets/<chapter_snake>/<page_snake>_<what>.py: a file leads to its page, a page to its files."""
    wrong = []
    for path, pages in _includes().items():
        for page in pages:
            chapter, slug = Path(page).parent.name.replace("-", "_"), Path(page).stem.replace("-", "_")
            if not path.startswith(f"snippets/{chapter}/{slug}_"):
                wrong.append(f"{page}: {path} (want snippets/{chapter}/{slug}_<what>.py)")
    assert not wrong, "\n".join(wrong)


def test_every_section_marker_is_used():
    """A `# --8<-- [start:name]` marker exists only for a page that includes that section."""
    used = set()
    for md in sorted(DOCS.rglob("*.md")):
        for include, _ in INCLUDE.findall(md.read_text(encoding="utf-8")):
            path, _, section = include.partition(":")
            used.add((path, section))
    unused = [f"{rel}: {name}" for rel in _snippets()
              for name in re.findall(r"--8<--\s*\[start:([\w-]+)\]", (ROOT / rel).read_text(encoding="utf-8"))
              if (rel, name) not in used]
    assert not unused, "section markers no page includes:\n  " + "\n  ".join(unused)


def test_every_include_resolves():
    missing = [f"{pages[0]}: {path}" for path, pages in _includes().items() if not (ROOT / path).is_file()]
    assert not missing, "includes of files that do not exist:\n  " + "\n  ".join(missing)


def test_every_executed_block_has_an_unique_id():
    ids: dict[str, str] = {}
    problems = []
    for md in sorted(DOCS.rglob("*.md")):
        rel = md.relative_to(ROOT).as_posix()
        for _, _, _, options in EXEC_FENCE.findall(md.read_text(encoding="utf-8")):
            m = re.search(r"""\bid=["']([^"']+)["']""", options)
            if not m:
                problems.append(f"{rel}: an executed block without id ({options.strip()})")
            elif m.group(1) in ids:
                problems.append(f"{rel}: block id {m.group(1)} is also used in {ids[m.group(1)]}")
            else:
                ids[m.group(1)] = rel
    assert not problems, "\n".join(problems)


def test_registry_is_consistent():
    reg = registry.load(DOCS)
    assert len(reg.concepts) >= 145, f"only {len(reg.concepts)} concept sections found"
    assert not reg.problems, "\n".join(reg.problems)


def test_every_snippet_ran_in_the_build(built_site):
    assert not any(r["cached"] for r in built_site.runs), "the test build must not use the execution cache"
    ran = {r["snippet"] for r in built_site.runs if r["snippet"]}
    not_run = [s for s in _snippets() if s not in ran]
    assert not not_run, "snippets that no executed block runs:\n  " + "\n  ".join(not_run)


def test_every_concept_anchor_is_in_the_html(built_site):
    missing = []
    for c in registry.load(DOCS).concepts:
        path = html_path(built_site.path, c.page)
        if not path.exists() or c.id not in parse(path).ids:
            missing.append(f"{c.id} ({c.page})")
    assert not missing, "concept anchors missing from the built pages:\n  " + "\n  ".join(missing)


def test_glossary_lists_every_concept_with_its_link(built_site):
    text = (built_site.path / "glossary" / "index.html").read_text(encoding="utf-8")
    plain = re.sub(r"<[^>]+>", "", text)  # terms in the table carry tooltips (<abbr>)
    concepts = registry.load(DOCS).concepts
    missing = [c.id for c in concepts if f'#{c.id}"' not in text or c.zh not in plain or c.en not in plain]
    assert not missing, f"glossary rows missing for: {missing}"
    assert text.count("<tr>") == len(concepts) + 1  # header row + one per concept


def test_links_and_anchors_resolve(built_site):
    broken = broken_links(built_site.path)
    assert not broken, f"{len(broken)} broken links:\n  " + "\n  ".join(broken[:50])


def test_no_resource_is_loaded_from_outside_the_site(built_site):
    found = external_resources(built_site.path)
    assert not found, "pages load resources from outside the site:\n  " + "\n  ".join(found[:50])


def test_math_is_typeset_by_the_site_own_katex(built_site):
    assert (built_site.path / "assets/katex/katex.min.js").is_file()
    fonts = list((built_site.path / "assets/katex/fonts").glob("*.woff2"))
    assert len(fonts) >= 15
    pages_with_math = [p for p in built_site.pages() if 'class="arithmatex"' in p.read_text(encoding="utf-8")]
    assert pages_with_math, "no page has math"
    for page in pages_with_math:
        assert "assets/katex/katex.min.js" in page.read_text(encoding="utf-8"), page


def test_snippets_are_served_for_download(built_site):
    for rel in _snippets():
        served = built_site.path / rel
        assert served.is_file() and served.read_bytes() == (ROOT / rel).read_bytes(), rel


def test_pages_stay_light(built_site):
    heavy = [f"{p.relative_to(built_site.path)}: {p.stat().st_size // 1024} KiB"
             for p in built_site.pages() if p.stat().st_size > 2_500_000]
    assert not heavy, "pages over 2.5 MB:\n  " + "\n  ".join(heavy)


def test_api_reference_documents_every_documented_function(built_site):
    missing = []
    for rel in _snippets():
        tree = ast.parse((ROOT / rel).read_text(encoding="utf-8"))
        module = rel.removeprefix("snippets/").removesuffix(".py").replace("/", ".")
        chapter = rel.split("/")[1].replace("_", "-")
        page = built_site.path / "reference" / chapter / "index.html"
        html = page.read_text(encoding="utf-8") if page.exists() else ""
        for node in tree.body:
            if isinstance(node, (ast.FunctionDef, ast.ClassDef)) and ast.get_docstring(node) \
                    and not node.name.startswith("_") and f'id="{module}.{node.name}"' not in html:
                missing.append(f"{module}.{node.name}")
    assert not missing, "functions missing from the API reference:\n  " + "\n  ".join(missing)


def test_every_executed_snippet_has_a_download_link_on_its_page(built_site):
    missing = []
    for run in built_site.runs:
        if not run["snippet"]:
            continue
        html = html_path(built_site.path, run["page"]).read_text(encoding="utf-8")
        name = run["snippet"].rsplit("/", 1)[1]
        if f'download="{name}"' not in html:
            missing.append(f"{run['page']}: {run['snippet']}")
    assert not missing, "executed snippets without a download link:\n  " + "\n  ".join(missing)


def test_every_figure_is_in_its_page(built_site):
    """Figures join the page after the search index has read it; none may be left behind."""
    problems = []
    for page in built_site.pages():
        html = page.read_text(encoding="utf-8")
        rel = page.relative_to(built_site.path).as_posix()
        if "<!--kb-figure:" in html:
            problems.append(f"{rel}: a figure marker was not replaced")
        if html.count('<figure class="kb-figure">') != html.count('<figure class="kb-figure"><svg'):
            problems.append(f"{rel}: a figure without its SVG")
    assert not problems, "\n".join(problems)
    assert sum(p.read_text(encoding="utf-8").count("kb-figure\"><svg") for p in built_site.pages()) >= 30


def test_search_reads_the_same_text_from_plain_and_highlighted_code(built_site):
    """The plugin hands the search index each code block as plain text (plain_code); material's
    own parser must find the same sections, titles and text in it as in the highlighted HTML,
    and every highlighted block must be back in the page."""
    from material.plugins.search.plugin import Parser

    from kbsite.search import plain_code

    def sections(html: str) -> list[tuple[str, str]]:
        parser = Parser()
        parser.feed(html)
        parser.close()
        return [("".join(s.title), "".join(s.text)) for s in parser.data]

    reduced_blocks = 0
    for page in built_site.pages():
        html = page.read_text(encoding="utf-8")
        rel = page.relative_to(built_site.path).as_posix()
        assert "<!--kb-code:" not in html, f"{rel}: a code block was not put back"
        article = re.search(r"<article\b[^>]*>(.*)</article>", html, re.S)
        if not article:
            continue
        stash: dict[str, str] = {}
        reduced = plain_code(article.group(1), stash)
        reduced_blocks += len(stash)
        assert sections(reduced) == sections(article.group(1)), f"{rel}: the index would change"
    assert reduced_blocks > 100, f"only {reduced_blocks} highlighted code blocks on the site"


def test_a_warm_rebuild_executes_nothing_and_writes_the_same_site(built_site, tmp_path):
    """The shared build ran every example and refreshed a cache; a build from that cache must
    run no example and write the same bytes, every file.

    Together with test_snippets (each snippet, run again on its own, prints what it printed
    in the build) this is the reproducibility of the whole site: same outputs, same pages."""
    import json

    from conftest import build_site
    from sitecheck import tree

    again, report = tmp_path / "site", tmp_path / "runs.json"
    proc = build_site(ROOT, again, {"KB_EXEC_CACHE": "1", "KB_EXEC_CACHE_DIR": str(built_site.cache),
                                    "KB_EXEC_REPORT": str(report)})
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    runs = json.loads(report.read_text())
    assert len(runs) == len(built_site.runs)
    assert not [r for r in runs if not r["cached"]], "examples executed again with nothing changed"
    first, second = tree(built_site.path), tree(again)
    assert first.keys() == second.keys()
    differ = sorted(name for name in first if first[name] != second[name])
    assert not differ, f"files that differ between a cold and a warm build of the same tree: {differ[:20]}"


def test_terms_in_the_prose_carry_their_registry_definition(built_site):
    """Tooltips: a registered term in running text is an <abbr> whose title is its summary."""
    concepts = registry.load(DOCS).concepts
    summaries = {c.summary for c in concepts}
    found = 0
    for page in built_site.pages():
        for title in re.findall(r'<abbr title="([^"]*)">', page.read_text(encoding="utf-8")):
            assert html_lib.unescape(title) in summaries, f"{page}: tooltip not from the registry: {title[:80]}"
            found += 1
    assert found > len(concepts), f"only {found} tooltips on the whole site"
