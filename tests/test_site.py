"""The real site: it builds in strict mode, and what it builds is whole, linked and offline."""

from __future__ import annotations

import ast
import html as html_lib
import json
import re
from pathlib import Path

import pytest

from kbsite import registry
from conftest import ARTIFACTS, FULL
from kbsite.generated import CHECK_SUFFIX
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


def test_a_synonym_names_one_concept():
    """A synonym leads the search to one section: it is no other concept's heading term or synonym.
    (Two headings may share a Chinese term where the syllabus gives it to both, an overview in
    the course map and the section that explains it.)"""
    concepts = registry.load(DOCS).concepts
    owners: dict[str, set[str]] = {}
    for c in concepts:
        for term in (c.en, *c.zh_terms, *c.synonyms):
            owners.setdefault(term.lower(), set()).add(c.id)
    shared = [f"{s!r}: {sorted(owners[s.lower()])}" for c in concepts for s in c.synonyms
              if len(owners[s.lower()]) > 1]
    assert not shared, "synonyms listed for two concepts:\n  " + "\n  ".join(sorted(set(shared)))


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
        if rel.endswith(f"{CHECK_SUFFIX}.py"):  # the answer keys of a page's exercises are not served
            assert not (built_site.path / rel).exists(), rel
            continue
        served = built_site.path / rel
        assert served.is_file() and served.read_bytes() == (ROOT / rel).read_bytes(), rel


def _heading(inner_html: str) -> str:
    """A heading's text, without its permalink."""
    inner_html = re.sub(r'<a class="headerlink".*?</a>', "", inner_html, flags=re.S)
    return html_lib.unescape(re.sub(r"<[^>]+>", "", inner_html)).strip()


def test_one_name_per_page(built_site):
    """A page's title (sidebar, browser tab, search result) is its heading, and a chapter's label in
    the navigation is its index page's heading: a reader never meets one page under two names."""
    import yaml

    loader = type("Loader", (yaml.SafeLoader,), {})
    loader.add_multi_constructor("!", lambda *_: None)  # mkdocs.yml's !relative and !!python tags
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=loader)
    site_name = config["site_name"]
    wrong = []
    for page in built_site.pages():
        text = page.read_text(encoding="utf-8")
        title = re.search(r"<title>(.*?)</title>", text, re.S)
        h1 = re.search(r"<h1\b[^>]*>(.*?)</h1>", text, re.S)
        if page.parent == built_site.path or not title or not h1 or 'http-equiv="refresh"' in text:
            continue  # the home page is "Home" in the navigation, and redirects have no heading
        heading = _heading(h1.group(1))
        name = html_lib.unescape(title.group(1)).removesuffix(f" - {site_name}").strip()
        if name != heading:
            wrong.append(f"{page.relative_to(built_site.path)}: titled '{name}', headed '{heading}'")
    for section in config["nav"]:
        (label, children), = section.items()
        index = next((c for c in children if isinstance(c, str) and c.endswith("/index.md")), None) \
            if isinstance(children, list) else None
        if index:
            h1 = re.search(r"<h1\b[^>]*>(.*?)</h1>", html_path(built_site.path, index).read_text(encoding="utf-8"), re.S)
            heading = _heading(h1.group(1)) if h1 else None
            if heading != label:
                wrong.append(f"navigation '{label}' opens {index}, headed '{heading}'")
    assert not wrong, "pages with two names:\n  " + "\n  ".join(wrong)


def _shown(html: str) -> str:
    """The text a reader sees: tags dropped, entities read, typeset math back in $...$, one space."""
    html = re.sub(r"<(script|style)\b.*?</\1>", "", html, flags=re.S)
    text = html_lib.unescape(re.sub(r"<[^>]+>", "", html))
    text = re.sub(r"\\\((.*?)\\\)", r"$\1$", text, flags=re.S)
    return " ".join(text.split())


def _written(markdown: str) -> str:
    """What Markdown source should show: code spans and links reduced to their text, one space."""
    text = re.sub(r"(`+)(.+?)\1", lambda m: m.group(2).strip(), markdown)
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    return " ".join(text.split())


def test_summaries_synonyms_and_docstrings_render_as_written(built_site):
    """No summary, synonym or docstring summary line loses or gains a character on the way to the
    page (a ``*`` read as emphasis, a synonym split at its comma)."""
    concepts = registry.load(DOCS).concepts
    glossary = _shown((built_site.path / "glossary" / "index.html").read_text(encoding="utf-8"))
    index = _shown((built_site.path / "concepts" / "index.html").read_text(encoding="utf-8"))
    wrong = [f"glossary: {c.id}: {c.summary!r}" for c in concepts if " ".join(c.summary.split()) not in glossary]
    wrong += [f"concept index: {c.id}: {c.en} ({c.zh})" for c in concepts if f"{c.en} ({c.zh})" not in index]
    wrong += [f"synonym of {c.id} cut at a comma? {s!r}" for c in concepts for s in c.synonyms
              if s.count("(") != s.count(")") or s.count("[") != s.count("]")]
    pages = {}
    for c in concepts:
        if c.synonyms:
            path = html_path(built_site.path, c.page)
            pages.setdefault(path, path.read_text(encoding="utf-8"))
            line = re.search(rf'id="{re.escape(c.id)}".*?<p class="kb-aka">Also known as: (.*?)</p>', pages[path], re.S)
            shown = [_shown(s) for s in line.group(1).split(" · ")] if line else []
            if shown != [" ".join(s.split()) for s in c.synonyms]:
                wrong.append(f"synonyms of {c.id}: {list(c.synonyms)} shown as {shown}")
    for rel in _snippets():
        if rel.endswith(f"{CHECK_SUFFIX}.py"):
            continue
        chapter = rel.split("/")[1].replace("_", "-")
        page = _shown((built_site.path / "reference" / chapter / "index.html").read_text(encoding="utf-8"))
        for node in ast.parse((ROOT / rel).read_text(encoding="utf-8")).body:
            doc = ast.get_docstring(node) if isinstance(node, (ast.FunctionDef, ast.ClassDef)) else None
            if doc and not node.name.startswith("_"):
                summary = _written(doc.split("\n\n", 1)[0])
                if summary not in page:
                    wrong.append(f"{rel}: {node.name}: {summary!r}")
    assert not wrong, f"{len(wrong)} texts render otherwise than written:\n  " + "\n  ".join(wrong[:40])


MKDOCS_OWN = ("Cleaning site directory", "Building documentation to directory:", "Documentation built in")


def test_a_clean_build_says_only_what_the_reader_needs(built_site):
    """The build's log: MkDocs' start and finish lines and the kb summary, no advice or noise."""
    noise = [line for line in built_site.log.splitlines() if line.strip()
             and not any(line.startswith(f"INFO    -  {own}") for own in MKDOCS_OWN)
             and not line.startswith("INFO    -  kb: ") and not line.startswith("Built ")]
    assert not noise, "the build logged:\n  " + "\n  ".join(noise[:20])


def test_pages_stay_light(built_site):
    """Every page under 300 KB (figures kept simple), the whole site under 15 MB."""
    heavy = [f"{p.relative_to(built_site.path)}: {p.stat().st_size // 1000} KB"
             for p in built_site.pages() if p.stat().st_size > 300_000]
    assert not heavy, "pages over 300 KB:\n  " + "\n  ".join(heavy)
    total = sum(p.stat().st_size for p in built_site.path.rglob("*") if p.is_file())
    assert total < 15_000_000, f"the site weighs {total / 1e6:.1f} MB (limit 15 MB)"


def test_api_reference_documents_every_documented_function(built_site):
    missing = []
    for rel in _snippets():
        if rel.endswith(f"{CHECK_SUFFIX}.py"):
            continue  # a page's exercises, not code to reuse
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
        if not run["snippet"] or run["snippet"].endswith(f"{CHECK_SUFFIX}.py"):
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


@pytest.mark.skipif(not FULL, reason="a second build of the whole site: under CI=true or make test-full "
                    "(test_cache checks the same on a small site in every run)")
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


EXERCISE = re.compile(r'<form class="kb-exercise"[^>]*data-kb-exercise="([^"]+)" data-kb-kind="(\w+)" '
                      r'data-kb-key="([^"]+)">.*?<p class="kb-ex-meta">.*?href="([^"]*)"', re.S)


def _typed_keys(path: Path) -> list[str]:
    """The exercises of a check file whose numeric key is a number written into the exercise
    (``"answer": 0.5``) rather than a value the code computed."""
    typed = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Dict):
            continue
        fields = {k.value: v for k, v in zip(node.keys, node.values) if isinstance(k, ast.Constant)}
        answer = fields.get("answer")
        if isinstance(answer, ast.UnaryOp):
            answer = answer.operand
        if "options" not in fields and isinstance(answer, ast.Constant) and isinstance(answer.value, (int, float)) \
                and not isinstance(answer.value, bool):
            name = fields.get("id")
            typed.append(f"{path.relative_to(ROOT)}:{node.lineno}: {name.value if isinstance(name, ast.Constant) else '?'}")
    return typed


def test_every_concept_has_an_exercise_with_a_key_the_code_computed(built_site):
    """At least one exercise per concept (145 or more), at least 60 to compute or predict, each
    linked to its concept's section; no key is a number typed into an exercise of its check file."""
    concepts = {c.id: c for c in registry.load(DOCS).concepts}
    found, wrong = [], []
    for md in sorted(DOCS.rglob("*.md")):
        text = md.read_text(encoding="utf-8")
        fence = re.search(r'file="([^"]+)"[^\n]*exercises="1"|exercises="1"[^\n]*file="([^"]+)"', text)
        if not fence:
            continue
        check_file = ROOT / (fence.group(1) or fence.group(2))
        page = md.relative_to(DOCS).as_posix()
        wrong += [f"{where}: its key is typed, not computed" for where in _typed_keys(check_file)]
        for key, kind, secret, href in EXERCISE.findall(html_path(built_site.path, page).read_text(encoding="utf-8")):
            concept = href.rsplit("#", 1)[-1]
            found.append({"exercise": key, "kind": kind, "concept": concept, "chapter": page.split("/")[0]})
            if concept not in concepts:
                wrong.append(f"{key}: links to {href}, not a concept section")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "exercises.json").write_text(json.dumps(found, indent=1))
    untested = sorted(set(concepts) - {f["concept"] for f in found})
    computed = sum(f["kind"] in ("numeric", "predict") for f in found)
    by_chapter = {}
    for f in found:
        by_chapter.setdefault(f["chapter"], []).append(f["kind"])
    print("\nexercises: " + ", ".join(f"{ch} {len(k)}" for ch, k in sorted(by_chapter.items()))
          + f"; {len(found)} in all, {computed} numeric or predict")
    assert not wrong, "\n  ".join(["exercises with a problem:", *wrong[:30]])
    assert not untested, f"{len(untested)} concepts have no exercise: {untested}"
    assert len(found) >= 145 and computed >= 60, f"{len(found)} exercises, {computed} numeric or predict"

