"""Small checks over a built site: its links and anchors, and what its pages load."""

from __future__ import annotations

import functools
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlsplit

# (tag, attribute) pairs through which a page loads a resource, rather than linking to one
RESOURCE_ATTRS = {
    ("script", "src"), ("img", "src"), ("img", "srcset"), ("source", "src"), ("source", "srcset"),
    ("iframe", "src"), ("video", "src"), ("video", "poster"), ("audio", "src"), ("embed", "src"),
    ("object", "data"), ("track", "src"), ("image", "href"), ("image", "xlink:href"), ("use", "href"),
}
LOADING_RELS = {"stylesheet", "icon", "shortcut", "preload", "modulepreload", "prefetch", "manifest",
                "apple-touch-icon", "mask-icon"}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]""")


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.resources: list[str] = []
        self.styles: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for key in ("id", "name"):
            if a.get(key) and (key == "id" or tag == "a"):
                self.ids.add(a[key])
        if tag == "a" and a.get("href") is not None:
            self.links.append(a["href"])
        if tag == "link" and a.get("href"):
            rels = set((a.get("rel") or "").lower().split())
            (self.resources if rels & LOADING_RELS else self.links).append(a["href"])
        for name, value in attrs:
            if (tag, name) in RESOURCE_ATTRS and value:
                if name == "srcset":
                    self.resources += [part.strip().split(" ")[0] for part in value.split(",") if part.strip()]
                else:
                    self.resources.append(value)
            if name == "style" and value:
                self.styles.append(value)
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.styles.append(data)


def parse(path: Path) -> _Page:
    """The page's ids, links and resources (parsed once per version of the file in a test run)."""
    stat = path.stat()
    return _parse(path, stat.st_mtime_ns, stat.st_size)


@functools.cache
def _parse(path: Path, mtime_ns: int, size: int) -> _Page:
    """(mtime_ns and size only make the cache's key: a rewritten file is read again.)"""
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def is_external(url: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.scheme and parts.scheme not in {"data", "blob"}) or url.startswith("//")


def css_urls(text: str) -> list[str]:
    return [a or b for a, b in CSS_URL.findall(text)]


def external_resources(site: Path) -> list[str]:
    """'page: url' for every resource a page or stylesheet would fetch from outside the site."""
    found = []
    for page_path in sorted(site.rglob("*.html")):
        page = parse(page_path)
        rel = page_path.relative_to(site).as_posix()
        urls = page.resources + [u for s in page.styles for u in css_urls(s)]
        found += [f"{rel}: {u}" for u in urls if is_external(u)]
    for css in sorted(site.rglob("*.css")):
        rel = css.relative_to(site).as_posix()
        found += [f"{rel}: {u}" for u in css_urls(css.read_text(encoding="utf-8", errors="replace"))
                  if is_external(u)]
    return found


def url_path(page_src: str) -> str:
    """The URL path of a docs-relative page (directory URLs): ml-basics/loss.md -> /ml-basics/loss/."""
    stem = page_src.removesuffix(".md")
    return "/" + (stem.removesuffix("index") if stem.endswith("index") else stem + "/")


def html_path(site: Path, page_src: str) -> Path:
    """The built file of a docs-relative page."""
    return site / url_path(page_src).strip("/") / "index.html"


def tree(site: Path) -> dict[str, bytes]:
    """Every file under ``site``, by relative path, with its bytes."""
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def _target(site: Path, page_path: Path, url: str) -> Path | None:
    path = unquote(urlsplit(url).path)
    base = site if path.startswith("/") else page_path.parent
    target = (base / path.lstrip("/")).resolve() if path else page_path
    if target.is_dir():
        target = target / "index.html"
    return target


def broken_links(site: Path) -> list[str]:
    """'page: url (why)' for every internal link or anchor that does not resolve."""
    broken = []
    for page_path in sorted(site.rglob("*.html")):
        rel = page_path.relative_to(site).as_posix()
        page = parse(page_path)
        for url in page.links + page.resources:
            if is_external(url) or url.startswith(("mailto:", "javascript:", "data:")):
                continue
            target = _target(site, page_path, url)
            if target is None or not target.exists():
                broken.append(f"{rel}: {url} (no such file)")
                continue
            _, fragment = urldefrag(url)
            if fragment and target.suffix == ".html":
                if unquote(fragment) not in parse(target).ids:
                    broken.append(f"{rel}: {url} (no element with id '{unquote(fragment)}')")
    return broken
