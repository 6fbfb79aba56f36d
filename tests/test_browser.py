"""The built site in a real browser: search in two languages, math, palettes, copy, download, no errors.

Chromium is Debian's (/usr/bin/chromium), driven by the Python playwright package. Without it
these tests are skipped, except under CI=true, where they must run.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import ARTIFACTS, sample
from kbsite import registry
from sitecheck import html_path, url_path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path(os.environ.get("KB_CHROMIUM", "/usr/bin/chromium"))
# Nothing outside the site can load: every host name but the test server's fails to resolve
# (the tests record any request for one; see the page fixture).
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-quic",
                 "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]
CONCEPTS = registry.load(ROOT / "docs").concepts
DESKTOP, PHONE = {"width": 1440, "height": 900}, {"width": 390, "height": 844}
CHAPTERS = sorted({c.chapter for c in CONCEPTS})

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]  # one Chromium and one search index per run


def _need_chromium():
    if CHROMIUM.exists():
        try:
            import playwright  # noqa: F401
            return
        except ImportError:
            reason = "the playwright package is not installed"
    else:
        reason = f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"browser tests must run under CI: {reason}", pytrace=False)
    pytest.skip(f"browser tests skipped: {reason}")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def handle(self):
        try:
            super().handle()
        except (BrokenPipeError, ConnectionResetError):
            pass  # the browser moved on to the next page before this answer was read


@pytest.fixture(scope="module")
def base_url(built_site):
    handler = functools.partial(_Quiet, directory=str(built_site.path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    _need_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def context(browser, base_url):
    """One browser context for the desktop tests of a run, with one tab (see page)."""
    ctx = browser.new_context(viewport=DESKTOP, accept_downloads=True)
    ctx.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    yield ctx
    ctx.close()


@pytest.fixture(scope="module")
def tab(context):
    """The desktop tab. It records console errors, failed requests and any request that is not
    for the local server (which cannot load: see CHROMIUM_ARGS). One tab for all the tests: a
    new one costs more than most of the tests that would use it."""
    pg = context.new_page()
    pg.outside_requests, pg.console_errors, pg.failed_requests = [], [], []
    pg.on("request", lambda r: urlsplit(r.url).hostname not in ("127.0.0.1", None)
          and pg.outside_requests.append(r.url))
    pg.on("console", lambda m: m.type == "error" and pg.console_errors.append(m.text))
    pg.on("pageerror", lambda e: pg.console_errors.append(str(e)))
    # a request cut off because the test moved to the next page is not a failure; a
    # missing file is an HTTP error status, and any other network error is one too
    pg.on("requestfailed", lambda r: r.failure != "net::ERR_ABORTED"
          and pg.failed_requests.append(f"{r.url} ({r.failure})"))
    pg.on("response", lambda r: r.status >= 400 and pg.failed_requests.append(f"{r.url} (HTTP {r.status})"))
    yield pg
    pg.close()


@pytest.fixture
def page(tab, base_url):
    """The desktop tab as each test finds it: nothing recorded, nothing stored (no palette
    chosen, no answers given)."""
    for found in (tab.outside_requests, tab.console_errors, tab.failed_requests):
        found.clear()
    yield tab
    if tab.url.startswith(base_url):
        tab.evaluate("localStorage.clear(); sessionStorage.clear()")


def _page_path(concept: registry.Concept) -> str:
    return url_path(concept.page)


IDLE = "document.querySelector('.md-search-result__meta').textContent.startsWith('Type')"
TOP3 = """() => [...document.querySelectorAll('.md-search-result__item')].slice(0, 3)
    .map(li => new URL(li.querySelector('a').href).pathname)"""

# Types each query into the search box as the page sees typing (the value changes, then an
# input and a key event), waits until the results for it are shown, and reads the first
# three. In the page itself: a round trip from Python per query would cost more than the
# search.
SEARCH_ALL = """async (queries) => {
  const box = document.querySelector('input.md-search__input');
  const meta = document.querySelector('.md-search-result__meta');
  const area = document.querySelector('.md-search-result');
  const idle = () => meta.textContent.startsWith('Type');
  const until = (ready) => new Promise(resolve => {
    if (ready()) return resolve(true);
    const timer = setTimeout(() => { watch.disconnect(); resolve(ready()); }, 10000);
    const watch = new MutationObserver(() => {
      if (ready()) { clearTimeout(timer); watch.disconnect(); resolve(true); }
    });
    watch.observe(area, {subtree: true, childList: true, characterData: true});
  });
  const type = (text) => {
    box.value = text;
    box.dispatchEvent(new Event('input', {bubbles: true}));
    box.dispatchEvent(new KeyboardEvent('keyup', {key: 'End', bubbles: true}));
  };
  const top3 = """ + TOP3 + """;
  const found = [];
  for (const query of queries) {
    type('');
    if (!await until(idle)) { found.push({top: null, ms: null}); continue; }
    const start = performance.now();
    type(query);
    const shown = await until(() => !idle());
    found.push({top: shown ? top3() : null, ms: performance.now() - start});
  }
  return found;
}"""


def _type(pg, text: str) -> None:
    box = pg.locator("input.md-search__input")
    box.fill(text)
    box.press("End")  # a key event, as a reader's typing makes: the search box reacts to it


def _open_search(pg, base_url: str) -> None:
    """Load the home page, focus the search box and wait until the index answers."""
    pg.goto(base_url)
    pg.click("input.md-search__input")
    for _ in range(60):  # the worker builds the index after the page loads
        _type(pg, "learning")
        try:
            pg.wait_for_function(f"!{IDLE}", timeout=1000)
            return
        except Exception:  # noqa: BLE001 - not ready yet
            _type(pg, "")
    pytest.fail("the search index never answered")


@pytest.fixture(scope="module")
def search_page(browser, base_url):
    """The home page with its search index loaded, shared by the search tests of one worker."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    _open_search(pg, base_url)
    yield pg
    context.close()


def _rates(name: str, searches: list[tuple[str, list[str], str]], answers: list[dict]) -> tuple[list[str], list[str]]:
    """Record a set's results in the artifacts; return (missed the top 3, not first)."""
    missed, not_first, rows = [], [], []
    for (query, want, kind), answer in zip(searches, answers, strict=True):
        top = answer["top"] or []
        rank = next((i for i, path in enumerate(top) if path in want), None)
        rows.append({"query": query, "kind": kind, "want": want, "top3": top, "rank": rank, "ms": answer["ms"]})
        line = f"{query!r} ({kind}) -> {top or 'no answer'} (want {' or '.join(want)})"
        if rank is None:
            missed.append(line)
        elif rank > 0:
            not_first.append(line)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / f"search-{name}.json").write_text(json.dumps(rows, ensure_ascii=False, indent=1))
    return missed, not_first


def _check_set(name: str, searches, answers) -> None:
    missed, not_first = _rates(name, searches, answers)
    total = len(searches)
    first = (total - len(missed) - len(not_first)) / total
    assert not missed, f"{len(missed)} of {total} {name} searches missed their page in the top 3:\n  " + "\n  ".join(missed)
    assert first >= 0.95, f"{name}: only {first:.1%} first; not first:\n  " + "\n  ".join(not_first)


def test_search_finds_every_concept_by_its_heading_chinese_term_and_synonyms(search_page):
    # every heading; in `make test` a twelfth of the Chinese terms and synonyms (all under a full run)
    searches = [(c.en, [_page_path(c)], "en") for c in CONCEPTS] + sample(
        [(term, [_page_path(c)], kind) for c in CONCEPTS
         for kind, terms in (("zh", c.zh_terms), ("synonym", list(c.synonyms))) for term in terms], 12)
    _check_set("terms", searches, search_page.evaluate(SEARCH_ALL, [q for q, _, _ in searches]))


def test_search_answers_natural_questions_and_answers_fast(search_page, built_site):
    """tests/search_queries.yml: questions, phrases, symptoms, formulas, code names, Chinese in both
    scripts, misspellings, as students type them; each must find its concept (or API entry) first."""
    import statistics

    import yaml

    pages = {c.id: _page_path(c) for c in CONCEPTS}
    queries = yaml.safe_load((ROOT / "tests" / "search_queries.yml").read_text(encoding="utf-8"))
    searches = [(q["q"], [pages.get(w, w) for w in q["want"]], q["kind"]) for q in queries]
    answers = search_page.evaluate(SEARCH_ALL, [q for q, _, _ in searches])
    times = sorted(a["ms"] for a in answers if a["ms"] is not None)
    size = (built_site.path / "search" / "search_index.json").stat().st_size
    print(f"\nsearch: median {statistics.median(times):.0f} ms, worst {times[-1]:.0f} ms over {len(times)} "
          f"queries; index {size / 1e6:.2f} MB")
    assert size < 2e6, f"the search index is {size / 1e6:.2f} MB"
    _check_set("natural", searches, answers)
    assert statistics.median(times) < 100, f"median answer time {statistics.median(times):.0f} ms"


def test_search_answers_keystrokes(page, base_url):
    """A reader's key presses: English one key at a time; Chinese as an input method delivers
    it, the composed text inserted at once, then a key released (the search box acts on key
    events, and an input method's commit ends with one; Shift changes no text)."""
    _open_search(page, base_url)
    english, chinese = CONCEPTS[0], CONCEPTS[-1]
    box = page.locator("input.md-search__input")
    for concept, enter in ((english, lambda: box.press_sequentially(english.en)),
                           (chinese, lambda: (page.keyboard.insert_text(chinese.zh_terms[0]), box.press("Shift")))):
        _type(page, "")
        page.wait_for_function(IDLE)
        enter()
        page.wait_for_function(f"({TOP3})().includes({json.dumps(_page_path(concept))})", timeout=10000)


def _math_page(built_site) -> str:
    for c in CONCEPTS:
        html = html_path(built_site.path, c.page)
        if html.exists() and 'class="arithmatex"' in html.read_text(encoding="utf-8"):
            return _page_path(c)
    pytest.fail("no page with math")


def test_math_is_typeset_offline(page, base_url, built_site):
    page.goto(base_url + _math_page(built_site).lstrip("/"))
    page.wait_for_selector(".arithmatex .katex")
    raw = page.evaluate("""() => [...document.querySelectorAll('.arithmatex')]
        .filter(el => !el.querySelector('.katex')).map(el => el.textContent.slice(0, 60))""")
    assert not raw, f"formulas left as raw LaTeX: {raw[:5]}"
    assert page.locator(".katex-error").count() == 0, page.locator(".katex-error").first.inner_text()
    text = page.locator("article").inner_text()
    assert "\\(" not in text and "$$" not in text
    assert not page.outside_requests, page.outside_requests


def test_palette_toggle_switches_light_and_dark(page, base_url, built_site):
    """Three pages (a concept with a figure, a page with exercises, the glossary), in both palettes,
    as screenshots in the test artifacts."""
    figure = next(p for p in _pages_with_examples() if "kb-figure" in (built_site.path / p.strip("/") / "index.html").read_text())
    exercises = _exercise(built_site, "numeric")[0]
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    scheme = lambda: page.evaluate("document.body.getAttribute('data-md-color-scheme')")  # noqa: E731
    background = lambda: page.evaluate("getComputedStyle(document.body).backgroundColor")  # noqa: E731
    for name, path in (("figure", figure), ("exercises", exercises), ("glossary", "/glossary/")):
        page.goto(base_url + path.lstrip("/"))
        first, first_bg = scheme(), background()
        page.screenshot(path=str(ARTIFACTS / f"{name}-{first}.png"))
        page.locator("form[data-md-component=palette] label:visible").first.click()
        page.wait_for_function(f"document.body.getAttribute('data-md-color-scheme') !== '{first}'")
        second = scheme()
        page.screenshot(path=str(ARTIFACTS / f"{name}-{second}.png"))
        assert {first, second} == {"default", "slate"}
        assert background() != first_bg


def test_hovering_a_term_shows_its_definition(page, base_url):
    """The term's registry summary (the abbr title, see test_site) shows as material's tooltip."""
    page.goto(base_url + "ml-basics/")
    term = page.locator("article p abbr").first
    title = term.get_attribute("title")
    term.hover()
    tooltip = page.locator(".md-tooltip2--active, .md-tooltip--active").first
    tooltip.wait_for(state="visible", timeout=5000)
    assert title and title in tooltip.inner_text()


def test_copy_button_copies_the_snippet_source(page, base_url, built_site):
    run = next(r for r in built_site.runs if r["snippet"])
    snippet = (ROOT / run["snippet"]).read_text(encoding="utf-8")
    page.goto(base_url + url_path(run["page"]).lstrip("/"))
    block = page.locator(".tabbed-set").first
    block.locator(".tabbed-labels label", has_text="Source").click()  # the example opens on its result
    source = block.locator(".tabbed-block").nth(1)
    source.hover()
    source.locator("button.md-code__button[data-md-type=copy]").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    strip = lambda s: "\n".join(line for line in s.splitlines() if "--8<--" not in line).strip()  # noqa: E731
    assert strip(copied) == strip(snippet)


def test_download_link_returns_the_file_and_it_runs(page, base_url, built_site, tmp_path):
    run = next(r for r in built_site.runs if r["snippet"])
    page.goto(base_url + url_path(run["page"]).lstrip("/"))
    link = page.locator(f'.kb-download a[href$="{run["snippet"].rsplit("/", 1)[1]}"]').first
    with page.expect_download() as info:
        link.click()
    target = tmp_path / info.value.suggested_filename
    info.value.save_as(target)
    assert target.read_bytes() == (ROOT / run["snippet"]).read_bytes()
    proc = subprocess.run([sys.executable, target.name], cwd=tmp_path, capture_output=True, text=True,
                          timeout=120, env={**os.environ, "MPLBACKEND": "Agg"})
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip()


# The first example on a page (a block with a download link) shows its output, printed text or
# figure, without a click: rendered and not inside a tab that is not selected.
FIRST_OUTPUT_SHOWN = """() => {
  const link = document.querySelector('.kb-download');
  if (!link) return true;
  let block = link.previousElementSibling;
  const out = block && block.querySelector('pre.kb-output, figure.kb-figure');
  if (!out) return true;  // an example that prints nothing and draws nothing
  const box = out.getBoundingClientRect();
  return box.width > 0 && box.height > 0 && getComputedStyle(out).visibility !== 'hidden';
}"""


# the chapters' folders, one test each; "other": home, glossary, concept index, API reference
CHAPTER_DIRS = sorted(p.name for p in (ROOT / "docs").iterdir() if p.is_dir() and p.name != "assets")


@pytest.mark.parametrize("group", [*CHAPTER_DIRS, "other"])
def test_no_page_logs_an_error_or_fails_a_request(page, base_url, built_site, group):
    paths = []
    for html in built_site.pages():
        rel = html.relative_to(built_site.path).as_posix()
        top = rel.split("/", 1)[0]
        if rel != "404.html" and (top if top in CHAPTER_DIRS else "other") == group:
            paths.append("/" + rel.removesuffix("index.html"))
    assert paths, f"no built page for {group}"
    paths.sort(key=lambda p: (p.count("/") < 3, p))  # the concept pages first: a sample takes one of them
    problems = []
    for path in sample(paths, 8):
        page.console_errors.clear()
        page.failed_requests.clear()
        page.goto(base_url + path.lstrip("/"), wait_until="load")
        problems += [f"{path}: console: {e}" for e in page.console_errors]
        problems += [f"{path}: request failed: {r}" for r in page.failed_requests]
        if not page.evaluate(FIRST_OUTPUT_SHOWN):
            problems.append(f"{path}: the first example's output is not shown without a click (1440 x 900)")
    problems += [f"request outside 127.0.0.1: {u}" for u in page.outside_requests]
    assert not problems, "\n".join(problems[:40])


def _pages_with_examples() -> list[str]:
    return sorted(url_path(p.relative_to(ROOT / "docs").as_posix()) for p in (ROOT / "docs").rglob("*.md")
                  if re.search(r'exec="on"(?![^\n]*exercises=)', p.read_text(encoding="utf-8")))


def test_on_a_phone_results_are_in_view_and_nothing_runs_off_the_side(browser, base_url):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    pg = context.new_page()
    problems = []
    for path in sample(_pages_with_examples(), 16):
        pg.goto(base_url + path.lstrip("/"), wait_until="load")
        if not pg.evaluate(FIRST_OUTPUT_SHOWN):
            problems.append(f"{path}: the first example's output is not shown without a click (390 x 844)")
        wide = pg.evaluate("document.documentElement.scrollWidth")
        if wide > PHONE["width"]:
            problems.append(f"{path}: the page is {wide} px wide on a {PHONE['width']} px screen")
        overflow = pg.evaluate("[...document.querySelectorAll('.kb-exercise')].filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.id)")
        problems += [f"{path}: exercise {e} runs off the side" for e in overflow]
    context.close()
    assert not problems, "\n".join(problems)


DECODE = """(form) => JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(form.dataset.kbKey), c => c.charCodeAt(0))))"""


def _exercise(built_site, kind: str) -> tuple[str, str]:
    """(the page path, the form id) of the first exercise of a kind on the site."""
    for html in sorted(built_site.pages()):
        m = re.search(rf'<form class="kb-exercise" id="([^"]+)" data-kb-exercise="[^"]+" data-kb-kind="{kind}"',
                      html.read_text(encoding="utf-8"))
        if m:
            return "/" + html.relative_to(built_site.path).as_posix().removesuffix("index.html"), m.group(1)
    pytest.fail(f"no {kind} exercise on the site")


KINDS = ("numeric", "predict", "choice")


def _exercises_of_every_kind(built_site) -> tuple[str, dict[str, str]]:
    """The smallest page with an exercise of every kind: (its path, {kind: the first such form's id})."""
    for html in sorted(built_site.pages(), key=lambda p: (p.stat().st_size, p)):
        forms = re.findall(r'<form class="kb-exercise" id="([^"]+)" data-kb-exercise="[^"]+" data-kb-kind="(\w+)"',
                           html.read_text(encoding="utf-8"))
        first = {kind: next((f for f, k in forms if k == kind), None) for kind in KINDS}
        if all(first.values()):
            return "/" + html.relative_to(built_site.path).as_posix().removesuffix("index.html"), first
    pytest.fail("no page has an exercise of every kind")


def _answer(pg, form, key, right: bool) -> None:
    if key["why"]:
        options = form.locator("input[type=radio]")
        choice = key["answer"] if right else (key["answer"] + 1) % options.count()
        options.nth(choice).check()
        form.locator("button[type=submit]").click()
        return
    answer = key["answer"]
    if isinstance(answer, str):
        text = answer if right else answer + " not"
    else:
        values = answer if isinstance(answer, list) else [answer]
        text = ", ".join(repr(v if right else v + 10 * key["tolerance"] + 1) for v in values)
    box = form.locator("input[type=text]")
    box.fill(text)
    box.press("Enter")  # the keyboard submits, as a reader would


def test_exercises_check_answers_give_a_hint_then_the_solution_and_keep_progress(page, base_url, built_site):
    """One exercise of each kind (numeric, predict the output, multiple choice) on one page."""
    path, ids = _exercises_of_every_kind(built_site)
    page.goto(base_url + path.lstrip("/"))
    page.evaluate("localStorage.clear()")
    page.reload()
    forms = {kind: page.locator(f"#{form_id}") for kind, form_id in ids.items()}
    keys = {kind: form.evaluate(DECODE) for kind, form in forms.items()}

    def feedback(kind: str) -> str:
        return page.locator(f"#{ids[kind]} .kb-ex-feedback").inner_text()

    article = page.locator("article").inner_text()
    for kind, form in forms.items():
        key = keys[kind]
        solution = re.sub(r"<[^>]+>", "", key["solution"]).strip()
        assert solution and solution[:40] not in article, f"{kind}: the solution shows before an answer"
        _answer(page, form, key, right=False)
        assert "Not yet" in feedback(kind) and "Hint." in feedback(kind), f"{kind}: {feedback(kind)!r}"
        _answer(page, form, key, right=True)
        assert "Correct." in feedback(kind) and "Solution." in feedback(kind), f"{kind}: {feedback(kind)!r}"
    page.reload()
    for kind in KINDS:
        assert "Correct." in feedback(kind), f"{kind}: progress lost on reload"
    chapter = path.strip("/").split("/")[0]
    page.goto(base_url + chapter + "/")
    assert re.search(rf"you have solved {len(KINDS)} of the \d+ exercises", page.locator(".kb-progress").inner_text())
    page.goto(base_url + path.lstrip("/"))
    page.locator(".kb-ex-reset").first.click()
    for kind in KINDS:
        assert feedback(kind).strip() == "", f"{kind}: not cleared by the reset"
    page.reload()
    for kind in KINDS:
        assert feedback(kind).strip() == "", f"{kind}: the reset did not last"
    for kind, form in forms.items():  # two wrong answers: the worked solution
        _answer(page, form, keys[kind], right=False)
        _answer(page, form, keys[kind], right=False)
        assert "worked solution" in feedback(kind), f"{kind}: {feedback(kind)!r}"
    assert not page.console_errors and not page.outside_requests, page.console_errors + page.outside_requests
