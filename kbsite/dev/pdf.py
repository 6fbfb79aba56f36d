"""The whole site as one PDF, printed by headless Chromium: ``python -m kbsite.dev.pdf [--site DIR] [-o FILE]``.

Builds the site (unless ``--site`` names a built one), joins every page's article in navigation
order into one HTML document (a table of contents first, each chapter on a new page, links
between pages turned into links inside the document), typesets its math with the site's KaTeX,
and prints it with Chromium: A4, page numbers, the headings as the PDF's outline, figures as
vector graphics, Chinese in the system's CJK font (Debian's fonts-noto-cjk), code that wraps.
The home page of the built site then links to the PDF.
"""

from __future__ import annotations

import argparse
import functools
import html as html_lib
import http.server
import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

from mkdocs.config import load_config

from kbsite.plugin import nav_pages

ROOT = Path(__file__).resolve().parents[2]
NAME = "deep-learning-notes.pdf"
CHROMIUM = os.environ.get("KB_CHROMIUM", "/usr/bin/chromium")
ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
DROP = re.compile(r'<a class="headerlink"[^>]*>.*?</a>|<p class="kb-(?:download|notebook)">.*?</p>'
                  r'|<div class="kb-exercises".*?</form></div>', re.S)
PRINT_CSS = """
@page { size: A4; margin: 16mm 14mm 18mm 14mm; }
body { margin: 0; font-size: 10pt; }
.md-typeset { font-size: 10pt; line-height: 1.5; }
.kb-chapter { break-before: page; }
.kb-page + .kb-page { margin-top: 2em; }
.md-typeset h1, .md-typeset h2, .md-typeset h3 { break-after: avoid; }
.md-typeset pre, .md-typeset pre > code { white-space: pre-wrap !important; word-break: break-word; overflow: visible !important; }
.md-typeset figure, .md-typeset .kb-figure, .md-typeset table, .katex-display { break-inside: avoid; }
.tabbed-set > input, .tabbed-labels { display: none !important; }
.tabbed-set .tabbed-content { display: block !important; }
.tabbed-set .tabbed-block { display: block !important; margin-bottom: 0.6em; }
.md-clipboard, .md-code__nav, .md-code__button { display: none !important; }
.kb-toc { columns: 2; font-size: 9pt; }
.kb-toc ul { list-style: none; padding-left: 0.8em; margin: 0; }
.kb-toc a { color: inherit; text-decoration: none; }
.kb-ex-note { font-style: italic; }
"""


def _slug(src: str) -> str:
    return "page-" + re.sub(r"[^a-z0-9]+", "-", src.removesuffix(".md").lower()).strip("-")


def _url(src: str) -> str:
    """The URL path of a docs page: ml-basics/loss.md -> /ml-basics/loss/, index.md -> /."""
    stem = src.removesuffix(".md")
    return "/" + (stem.removesuffix("index") if stem.endswith("index") else stem + "/")


def _built(site: Path, src: str) -> Path:
    return site / _url(src).lstrip("/") / "index.html"


def compose(site: Path, config_file: Path) -> str:
    """The print document: every page's article in navigation order, links made internal."""
    config = load_config(str(config_file))
    # the notes in reading order; the API reference stays on the site (its signatures and docstrings
    # are the example files' own, which the pages show)
    pages = [src for src in nav_pages(config.nav) if _built(site, src).is_file() and not src.startswith("reference/")]
    ids = {src: _slug(src) for src in pages}
    by_url = {_url(src): src for src in pages}
    body, toc, chapter = [], [], None

    def internal(base: str):
        def fix(m: re.Match) -> str:
            target, _, anchor = m.group(2).partition("#")
            if re.match(r"[a-z]+:", target):
                return m.group(0)  # a link out of the site stays as it is
            src = by_url.get(os.path.normpath(os.path.join(base, target)).rstrip("/") + "/" if target else base)
            return f'{m.group(1)}"#{anchor or ids[src]}"' if src else f'{m.group(1)}"#"'
        return fix

    for src in pages:
        article = ARTICLE.search(_built(site, src).read_text(encoding="utf-8"))
        if not article:
            continue
        content = DROP.sub("", article.group(1))
        if 'class="kb-exercises"' in article.group(1):
            content += '<p class="kb-ex-note">The exercises of this page, checked as you answer, are on the site.</p>'
        base = _url(src)
        content = re.sub(r'(href=)"([^"]*)"', internal(base), content)
        top = src.split("/", 1)[0] if "/" in src else src
        starts = top != chapter
        chapter = top
        title = re.search(r"<h1[^>]*>(.*?)</h1>", content, re.S)
        name = re.sub(r"<[^>]+>", "", title.group(1)).strip() if title else src
        toc.append(f'{"</ul></li>" if starts and len(toc) else ""}<li{" class=chapter" if starts else ""}>'
                   f'<a href="#{ids[src]}">{html_lib.escape(name)}</a>{"<ul>" if starts else "</li>"}')
        body.append(f'<section class="kb-page{" kb-chapter" if starts else ""}" id="{ids[src]}">{content}</section>')
    head = "".join(f'<link rel="stylesheet" href="{css}">' for css in sorted(
        p.relative_to(site).as_posix() for p in (site / "assets/stylesheets").glob("main.*.min.css")))
    return ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Deep Learning Notes</title><link rel=\"icon\" href=\"data:,\">"
            f'{head}<link rel="stylesheet" href="assets/katex/katex.min.css">'
            f'<link rel="stylesheet" href="assets/stylesheets/site.css"><style>{PRINT_CSS}</style></head>'
            '<body><div class="md-typeset">'
            f'<h1>Deep Learning Notes · 深度学习笔记</h1><h2>Contents</h2><div class="kb-toc"><ul>{"".join(toc)}</ul></li></ul></div>'
            f'{"".join(body)}</div><script src="assets/katex/katex.min.js"></script>'
            '<script src="assets/javascripts/math.js"></script></body></html>')


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def print_pdf(site: Path, out: Path, config_file: Path) -> None:
    from playwright.sync_api import sync_playwright

    (site / "print.html").write_text(compose(site, config_file), encoding="utf-8")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=[
                "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"])
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/print.html", wait_until="load")
            page.wait_for_function("[...document.querySelectorAll('.arithmatex')].every(e => e.dataset.typeset)")
            page.pdf(path=str(out), format="A4", print_background=True, outline=True, tagged=True,
                     display_header_footer=True, header_template="<span></span>",
                     footer_template='<div style="font-size:8px;width:100%;text-align:center;color:#666">'
                                     '<span class="pageNumber"></span> / <span class="totalPages"></span></div>',
                     margin={"top": "16mm", "bottom": "18mm", "left": "14mm", "right": "14mm"})
            browser.close()
    finally:
        server.shutdown()
        (site / "print.html").unlink()


def link_from_home(site: Path) -> None:
    """The built home page links to the PDF, under its title."""
    home = site / "index.html"
    text = home.read_text(encoding="utf-8")
    link = f'<p class="kb-pdf"><a href="{NAME}" download>The whole book as one PDF</a></p>'
    if link not in text:
        home.write_text(re.sub(r"(<h1\b[^>]*>.*?</h1>)", lambda m: m.group(1) + link, text, count=1, flags=re.S),
                        encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", help="a built site to print (default: build site/ first)")
    parser.add_argument("-f", "--config-file", default=str(ROOT / "mkdocs.yml"))
    parser.add_argument("-o", "--output", help=f"where to write the PDF (default: <site>/{NAME})")
    args = parser.parse_args()
    start = time.perf_counter()
    site = Path(args.site or ROOT / "site").resolve()
    if not args.site:
        code = subprocess.call([sys.executable, "-m", "kbsite.dev.build", "-d", str(site), "-f", args.config_file])
        if code:
            return code
    out = Path(args.output or site / NAME).resolve()
    print_pdf(site, out, Path(args.config_file))
    if out.parent == site:
        link_from_home(site)
    print(f"Wrote {out} ({out.stat().st_size / 1e6:.1f} MB) in {time.perf_counter() - start:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
