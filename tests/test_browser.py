"""The built site in a real browser: search in two languages, math, palettes, copy, download, no errors.

Chromium is Debian's (/usr/bin/chromium), driven by the Python playwright package. Without it
these tests are skipped, except under CI=true, where they must run.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import ARTIFACTS
from kbsite import registry
from sitecheck import html_path, url_path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path(os.environ.get("KB_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-quic"]
CONCEPTS = registry.load(ROOT / "docs").concepts
CHAPTERS = sorted({c.chapter for c in CONCEPTS})

pytestmark = pytest.mark.browser


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


@pytest.fixture
def page(browser, base_url):
    """A page that may only talk to the local server: anything else is blocked and recorded."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    pg = context.new_page()
    pg.outside_requests = []
    pg.console_errors = []
    pg.failed_requests = []

    def route(r):
        if urlsplit(r.request.url).hostname == "127.0.0.1":
            r.continue_()
        else:
            pg.outside_requests.append(r.request.url)
            r.abort()

    pg.route("**/*", route)
    pg.on("console", lambda m: m.type == "error" and pg.console_errors.append(m.text))
    pg.on("pageerror", lambda e: pg.console_errors.append(str(e)))
    # a request cut off because the test moved to the next page is not a failure; a
    # missing file is an HTTP error status, and any other network error is one too
    pg.on("requestfailed", lambda r: r.failure != "net::ERR_ABORTED"
          and pg.failed_requests.append(f"{r.url} ({r.failure})"))
    pg.on("response", lambda r: r.status >= 400 and pg.failed_requests.append(f"{r.url} (HTTP {r.status})"))
    yield pg
    context.close()


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
    if (!await until(idle)) { found.push(null); continue; }
    type(query);
    found.push(await until(() => !idle()) ? top3() : null);
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


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_search_finds_every_concept_in_english_and_chinese(search_page, chapter):
    page = search_page
    searches = [(concept, lang, term) for concept in CONCEPTS if concept.chapter == chapter
                for lang, terms in (("en", [concept.en]), ("zh", concept.zh_terms), ("synonym", list(concept.synonyms)))
                for term in terms]
    answers = page.evaluate(SEARCH_ALL, [term for _, _, term in searches])
    misses, results = [], []
    for (concept, lang, term), top in zip(searches, answers, strict=True):
        want = _page_path(concept)
        hit = top is not None and want in top
        results.append({"id": concept.id, "lang": lang, "term": term, "hit": hit, "top3": top})
        if not hit:
            misses.append(f"{concept.id}: {lang} '{term}' -> {top if top is not None else 'no answer'} (want {want})")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / f"search-{chapter}.json").write_text(json.dumps(results, ensure_ascii=False, indent=1))
    assert not misses, f"{len(misses)} searches missed their page in the top 3:\n  " + "\n  ".join(misses)


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
    concept = CONCEPTS[0]
    page.goto(base_url + _page_path(concept).lstrip("/") + f"#{concept.id}")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    scheme = lambda: page.evaluate("document.body.getAttribute('data-md-color-scheme')")  # noqa: E731
    background = lambda: page.evaluate("getComputedStyle(document.body).backgroundColor")  # noqa: E731
    first, first_bg = scheme(), background()
    page.screenshot(path=str(ARTIFACTS / f"concept-{first}.png"))
    page.locator("form[data-md-component=palette] label:visible").first.click()
    page.wait_for_function(f"document.body.getAttribute('data-md-color-scheme') !== '{first}'")
    second = scheme()
    page.screenshot(path=str(ARTIFACTS / f"concept-{second}.png"))
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
    block.hover()
    block.locator(".tabbed-block").first.locator("button.md-code__button[data-md-type=copy]").click()
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
    problems = []
    for path in paths:
        page.console_errors.clear()
        page.failed_requests.clear()
        page.goto(base_url + path.lstrip("/"), wait_until="load")
        problems += [f"{path}: console: {e}" for e in page.console_errors]
        problems += [f"{path}: request failed: {r}" for r in page.failed_requests]
    problems += [f"request outside 127.0.0.1: {u}" for u in page.outside_requests]
    assert not problems, "\n".join(problems[:40])
