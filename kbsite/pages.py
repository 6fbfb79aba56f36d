"""Whole pages from the cache: a page whose inputs are all unchanged is not converted again.

Converting Markdown is most of a warm rebuild: highlighting, the API reference's
templates, the tree processors of every extension. When the cache is on (see
:mod:`kbsite.cache`), each page's conversion is stored with everything it produced and
everything it read, and a later build restores it instead of converting.

**The key** of a page is its Markdown as MkDocs hands it to the converter (after every
plugin's ``on_page_markdown``), its path, URL and metadata, markdown-exec's id counter
when the page starts (the ids of its blocks depend on it), the list of the site's files
(links are checked and rewritten against it), and the build's fingerprint: the Markdown
extensions and their settings, the text of the configuration file, the source of this
package, the Python version and the version of every installed distribution.

**What a page read** is recorded while it converts: every file it opened and every
folder it listed inside the project (from Python's audit events, on the converting
thread only), the folder around each file it opened, and, for a page with
mkdocstrings' ``:::`` blocks, every file of the snippet packages it documents (the
handler keeps a package it loaded for the pages after). A stored page is used only when
all of these are as they were: editing a snippet converts again exactly the pages that
include it and the API page that documents it.

**What a page did** besides its HTML is replayed: its table of contents, title and
anchors (for MkDocs' link checks); the anchors it registered with autorefs and the
objects it added to mkdocstrings' inventory (through their public ``register_anchor``,
``register_url`` and ``register``); markdown-exec's counter; its blocks in the build's
report; its figures; and the messages MkDocs logged about its links.

**Never stored:** a page whose conversion logged a warning or an error (a failing
block, a broken link), so that it is converted, and reported, again on every build.

**The search index**'s entries for a page are stored too (:meth:`PageCache.index_from_cache`):
a build that restores every page parses no page for the index and never loads the Chinese
word segmenter's dictionary.

**Where:** ``pages/`` in the cache folder, one folder per page, holding the conversions
and index entries of that page used last (:data:`KEEP` of each): undoing an edit finds the
page again, and an editing session does not fill the disk.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import platform
import re
import sys
import threading
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any, Callable

from markdown_exec import MarkdownConverter
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, get_toc

from kbsite import cache as cache_mod
from kbsite import fences

FORMAT = 1
API_BLOCK = re.compile(r"^:::\s*([A-Za-z_][\w]*)", re.M)
REPLAYED_LOGGERS = ("mkdocs.structure",)  # what MkDocs says about a page's links while converting it
PAGE = {"$page": 1}  # stands for the page in a recorded call
KEEP = 8  # conversions stored per page; older ones are deleted


# -- what a conversion reads -------------------------------------------------------------

_recording = threading.local()
_hook_installed = False


def _audit(event: str, args: tuple) -> None:
    reads = getattr(_recording, "reads", None)
    if reads is None:
        return
    if event == "open":
        path, mode, flags = args
        if isinstance(path, int):
            return
        writes = any(c in mode for c in "wax+") if isinstance(mode, str) else \
            bool(flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT))
        if not writes:
            reads.append(("file", path))
    elif event in ("os.listdir", "os.scandir"):
        path = args[0]
        if not isinstance(path, int):
            reads.append(("dir", "." if path is None else path))


def _install_hook() -> None:
    global _hook_installed
    if not _hook_installed:
        sys.addaudithook(_audit)  # cannot be removed; it does nothing outside a recording
        _hook_installed = True


# -- fingerprints --------------------------------------------------------------------------


@cache
def _code_fingerprint() -> str:
    """This package's source as it was imported, the Python version and every installed distribution."""
    digest = hashlib.sha256(platform.python_version().encode())
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    versions = sorted(f"{d.metadata['Name']}=={d.version}" for d in metadata.distributions())
    digest.update("\n".join(versions).encode())
    return digest.hexdigest()


def _digest_file(path: Path) -> str:
    try:
        if path.is_dir():
            return "dir"
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        return "absent"
    except OSError as error:  # unreadable: never equal to what was stored
        return f"error:{error.errno}"


def _digest_listing(path: Path) -> str:
    try:
        return hashlib.sha256("\n".join(sorted(os.listdir(path))).encode()).hexdigest()
    except FileNotFoundError:
        return "absent"
    except OSError as error:
        return f"error:{error.errno}"


class PageCache:
    """Stores and restores page conversions for one build (a new one for every build)."""

    def __init__(self, store: cache_mod.ExecCache, root: Path, config, *, exclude: list[Path]) -> None:
        _install_hook()
        self.store = store
        self.root = root.resolve()
        self.exclude = [p.resolve() for p in exclude]
        self.config = config
        self._build: str | None = None
        self._digests: dict[tuple[str, str], str] = {}  # (kind, relative path) -> digest, this build
        self.restored: list[str] = []
        self.converted: list[str] = []
        self.indexed: list[str] = []  # pages whose search entries came from the cache
        autorefs = config.plugins.get("autorefs")
        mkdocstrings = config.plugins.get("mkdocstrings")
        # the public calls through which a conversion leaves state behind it
        self.targets: dict[str, tuple[Any, str]] = {}
        if autorefs is not None:
            self.targets["autorefs.register_anchor"] = (autorefs, "register_anchor")
            self.targets["autorefs.register_url"] = (autorefs, "register_url")
        if mkdocstrings is not None:
            self.targets["inventory.register"] = (mkdocstrings.handlers.inventory, "register")

    # -- the key ------------------------------------------------------------------------

    def _build_fingerprint(self, files) -> str:
        if self._build is None:
            config = self.config
            listing = sorted((f.src_uri, f.dest_uri, f.url) for f in files)
            payload = {
                "format": FORMAT,
                "render": cache_mod.render_environment(config),
                "config": Path(config.config_file_path).read_text(encoding="utf-8") if config.config_file_path else None,
                "urls": [config.use_directory_urls, config.site_url],
                "code": _code_fingerprint(),
                "files": listing,
            }
            self._build = cache_mod.key(json.dumps(payload, sort_keys=True, default=repr))
        return self._build

    def _key(self, page: Page, files) -> str:
        payload = {
            "layer": "page",
            "build": self._build_fingerprint(files),
            "src": page.file.src_uri,
            "url": page.url,
            "meta": page.meta,
            "markdown": page.markdown,
            "counter": MarkdownConverter.counter,
        }
        return cache_mod.key(json.dumps(payload, sort_keys=True, default=repr))

    # -- dependencies ---------------------------------------------------------------------

    def _relative(self, path: str | bytes | os.PathLike) -> str | None:
        """The path inside the project (through symbolic links, either way), else None."""
        name = os.fsdecode(path)
        for absolute in (Path(os.path.realpath(name)), Path(os.path.abspath(name))):
            if absolute.is_relative_to(self.root):
                if any(absolute.is_relative_to(e) for e in self.exclude):
                    return None
                return absolute.relative_to(self.root).as_posix()
        return None

    def _current(self, kind: str, rel: str) -> str:
        known = self._digests.get((kind, rel))
        if known is None:
            path = self.root / rel
            known = _digest_listing(path) if kind == "dir" else _digest_file(path)
            self._digests[(kind, rel)] = known
        return known

    def _dependencies(self, reads: list[tuple[str, Any]], markdown: str) -> list[list[str]]:
        wanted: dict[tuple[str, str], None] = {}
        for kind, path in reads:
            rel = self._relative(path)
            if rel is None:
                continue
            wanted[(kind, rel)] = None
            if kind == "file":  # a file added beside it could be read instead (search paths)
                parent = Path(rel).parent.as_posix()
                wanted[("dir", parent)] = None
        for package in dict.fromkeys(API_BLOCK.findall(markdown)):
            folder = self.root / "snippets" / package
            if folder.is_dir():
                for path in sorted(p for p in folder.rglob("*") if p.suffix in (".py", ".pyi")):
                    wanted[("file", path.relative_to(self.root).as_posix())] = None
                    wanted[("dir", path.parent.relative_to(self.root).as_posix())] = None  # modules added
        return [[kind, rel, self._current(kind, rel)] for kind, rel in wanted]

    def _unchanged(self, dependencies: list[list[str]]) -> bool:
        return all(self._current(kind, rel) == digest for kind, rel, digest in dependencies)

    # -- render -----------------------------------------------------------------------------

    def render(self, page: Page, config, files) -> None:
        """Stands in for ``page.render(config, files)``."""
        key = self._key(page, files)
        shelf = self._shelf(page, "html")
        record = shelf.get(key)
        if record is not None and self._unchanged(record["dependencies"]) and self._restore(page, files, record):
            self.restored.append(page.file.src_uri)
            shelf.touch(key)  # used last: kept longest
            return
        self._convert(page, config, files, key)
        self.converted.append(page.file.src_uri)

    def _convert(self, page: Page, config, files, key: str) -> None:
        calls: list[list] = []
        messages: list[logging.LogRecord] = []
        capture = _Capture(messages)
        wrapped = []
        for name, (target, method) in self.targets.items():
            own = vars(target).get(method)  # an instance attribute to put back, if it had one

            def recorder(*args, __name=name, __call=getattr(target, method), **kwargs):
                calls.append([__name, list(args), kwargs])
                return __call(*args, **kwargs)

            setattr(target, method, recorder)
            wrapped.append((target, method, own))
        counter = MarkdownConverter.counter
        runs = len(fences.STATE.runs)
        reads: list[tuple[str, Any]] = []
        for name in ("mkdocs", ""):
            logging.getLogger(name).addHandler(capture)
        _recording.reads = reads
        try:
            Page.render(page, config, files)
        finally:
            _recording.reads = None
            for name in ("mkdocs", ""):
                logging.getLogger(name).removeHandler(capture)
            for target, method, own in wrapped:
                if own is None:
                    delattr(target, method)
                else:
                    setattr(target, method, own)
        if any(m.levelno >= logging.WARNING for m in messages):
            return  # converted, and reported, again next time
        try:
            recorded_calls = json.loads(json.dumps([[n, [_encode(a, page) for a in args],
                                                     {k: _encode(v, page) for k, v in kwargs.items()}]
                                                    for n, args, kwargs in calls]))
        except _Unrecordable:
            return
        links = {f.src_uri: dict(anchors) for f, anchors in (page.links_to_anchors or {}).items()}
        record = {
            "content": page.content,
            "toc": [_token(item) for item in page.toc.items],
            "title": page._title_from_render,  # noqa: SLF001 -- what Page.render sets for Page.title
            "anchors": sorted(page.present_anchor_ids or ()),
            "links": links if page.links_to_anchors is not None else None,
            "counters": MarkdownConverter.counter - counter,
            "calls": recorded_calls,
            "runs": [r.__dict__ for r in fences.STATE.runs[runs:]],
            "figures": fences.STATE.figures.get(page.file.src_uri, {}),
            "messages": [[m.name, m.levelno, m.getMessage()] for m in messages
                         if m.name.startswith(REPLAYED_LOGGERS)],
            "dependencies": self._dependencies(reads, page.markdown or ""),
        }
        shelf = self._shelf(page, "html")
        shelf.put(key, record)
        _prune(shelf.folder, KEEP)

    def _shelf(self, page: Page, layer: str) -> cache_mod.ExecCache:
        """The folder of what is stored for one page: its conversions (``html``) or its search entries."""
        name = hashlib.sha256(page.file.src_uri.encode("utf-8")).hexdigest()[:16]
        return cache_mod.ExecCache(self.store.folder / "pages" / name / layer, read=self.store.read)

    # -- the search index ---------------------------------------------------------------------

    def index_from_cache(self, index, *, segmenter: list[str], teach: Callable[[], None]) -> None:
        """Serve the search index's entries for a page that did not change from the cache.

        ``index`` is mkdocs-material's ``SearchIndex``: its ``add_entry_from_context(page)``
        parses the page's HTML into sections and splits their Chinese text into words (jieba)
        before appending them to ``index.entries``. Its entries depend only on the page (its
        HTML, table of contents, URL, title and metadata), on the words the segmenter was
        taught (``segmenter``) and on the build's fingerprint; the stored ones are appended
        instead when all of these are as they were. ``teach`` teaches the segmenter its
        words and is called before the first page that is parsed: a build that finds every
        page in the cache never loads the segmenter's dictionary.
        """
        parse = index.add_entry_from_context
        taught = False
        words = hashlib.sha256("\n".join(segmenter).encode("utf-8")).hexdigest()

        def add_entry_from_context(page: Page) -> None:
            nonlocal taught
            if (page.meta.get("search") or {}).get("exclude"):
                return parse(page)  # adds nothing
            if self._build is not None:
                key = cache_mod.key(json.dumps({
                    "layer": "search", "build": self._build, "segmenter": words, "url": page.url,
                    "title": page.title, "meta": page.meta, "toc": [_token(item) for item in page.toc.items],
                    "content": page.content}, sort_keys=True, default=repr))
                shelf = self._shelf(page, "search")
                record = shelf.get(key)
                if record is not None:
                    index.entries.extend(record["entries"])
                    shelf.touch(key)
                    self.indexed.append(page.file.src_uri)
                    return
            if not taught:
                teach()
                taught = True
            before = len(index.entries)
            parse(page)
            if self._build is not None:  # else no fingerprint of the build to key the entries by
                shelf.put(key, {"entries": index.entries[before:]})
                _prune(shelf.folder, KEEP)

        index.add_entry_from_context = add_entry_from_context

    def _restore(self, page: Page, files, record: dict) -> bool:
        links = None
        if record["links"] is not None:
            links = {}
            for src, anchors in record["links"].items():
                target = files.get_file_from_path(src)
                if target is None:
                    return False
                links[target] = anchors
        for name, _args, _kwargs in record["calls"]:
            if name not in self.targets:
                return False
        page.content = record["content"]
        page.toc = get_toc(record["toc"])
        page._title_from_render = record["title"]  # noqa: SLF001
        page.present_anchor_ids = set(record["anchors"])
        page.links_to_anchors = links
        MarkdownConverter.counter += record["counters"]
        for name, args, kwargs in record["calls"]:
            target, method = self.targets[name]
            getattr(target, method)(*[_decode(a, page) for a in args], **{k: _decode(v, page) for k, v in kwargs.items()})
        for run in record["runs"]:
            fences.STATE.runs.append(fences.BlockRun(**{**run, "cached": True, "html_cached": True, "ahead": False,
                                                          "page_cached": True}))
        fences.STATE.figures[page.file.src_uri] = dict(record["figures"])
        for name, level, message in record["messages"]:
            logging.getLogger(name).log(level, "%s", message)
        return True


def _prune(folder: Path, keep: int) -> None:
    """Keep the ``keep`` conversions of a page stored or restored last."""
    stored = sorted(folder.glob("*/*.json"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
    for path in stored[keep:]:
        path.unlink(missing_ok=True)


class _Unrecordable(Exception):
    pass


def _encode(value, page: Page):
    if value is page:
        return PAGE
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise _Unrecordable(type(value).__name__)


def _decode(value, page: Page):
    return page if value == PAGE else value


def _token(item: AnchorLink) -> dict:
    """An entry of a table of contents as the token :func:`mkdocs.structure.toc.get_toc` reads."""
    return {"level": item.level, "id": item.id, "name": item.title, "children": [_token(c) for c in item.children]}


class _Capture(logging.Handler):
    """Collects what the converting thread logs (a record reaching two loggers counts once)."""

    def __init__(self, into: list[logging.LogRecord]) -> None:
        super().__init__(logging.INFO)
        self.into = into
        self.thread = threading.get_ident()

    def emit(self, record: logging.LogRecord) -> None:
        if record.thread == self.thread and not any(r is record for r in self.into):
            self.into.append(record)
