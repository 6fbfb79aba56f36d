"""The ``kb`` MkDocs plugin: executes snippets, serves them, and builds pages from the registry.

- Registers :func:`kbsite.fences.formatter` for executed ``python`` fences (markdown-exec
  keeps every other language), with a per-block time limit and, for ``mkdocs serve``,
  the execution cache; starts the blocks that include a whole snippet file ahead of the
  build, one runner per core (``exec_jobs``, ``KB_EXEC_JOBS``); with the cache on, restores
  whole pages whose inputs did not change (:mod:`kbsite.pages`).
- Hands the search index plain-text code blocks (the same text, far fewer tags to parse),
  and puts the highlighted ones back in the page.
- Copies ``snippets/**/*.py`` into the site, so each example can be downloaded.
- Generates the glossary, the concept index and the API reference from the concept
  registry and the snippets; adds the tooltips and search synonyms to the pages;
  teaches the Chinese segmenter of the search index every registered Chinese term.
"""

from __future__ import annotations

import ast
import json
import logging
import os
import re
import sys
from functools import partial
from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files

from kbsite import cache as cache_mod
from kbsite import execute, fences, pages, registry

log = logging.getLogger("mkdocs.plugins.kbsite")

GENERATED_GLOSSARY = "glossary.md"
GENERATED_INDEX = "concepts.md"
REFERENCE_DIR = "reference"
TOOLTIPS = "kbsite.tooltips"
EXEC_BLOCK = re.compile(r"""^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?:python|py)\b(?P<options>[^\n]*)\n"""
                        r"""(?P<body>.*?)^(?P=indent)(?P=fence)[ \t]*$""", re.M | re.S)
EXECUTED = re.compile(r"""\bexec=["']?(?:on|1|true|yes)\b""")
WHOLE_INCLUDE = re.compile(r"""\A\s*--8<--\s+["']([^"':]+)["']\s*\Z""")
FENCE_TIMEOUT = re.compile(r"""\btimeout=["']?([0-9.]+)""")
CODE_BLOCK = re.compile(r"(<pre\b[^>]*>(?:<span></span>)?<code\b[^>]*>)(.*?)(</code></pre>)", re.S)
TAG = re.compile(r"<[^>]+>")
PAGES_LOG = "kb: %d pages converted, %d restored from the cache; %d pages indexed for search from the cache"
PAGES_LOGGED = re.compile(re.escape(PAGES_LOG).replace("%d", r"(\d+)"))  # what the build says, read back


def plain_code(content: str, stash: dict[str, str]) -> str:
    """``content`` with each highlighted code block reduced to its text, behind a marker;
    ``stash`` maps each reduced block to the original, to put back with ``str.replace``."""

    def plain(match: re.Match) -> str:
        if "<" not in match.group(2):
            return match.group(0)
        simple = f"<!--kb-code:{len(stash)}-->{match.group(1)}{TAG.sub('', match.group(2))}{match.group(3)}"
        stash[simple] = match.group(0)
        return simple

    return CODE_BLOCK.sub(plain, content)


class KBConfig(Config):
    exec_timeout = config_options.Type((int, float), default=60)
    """Seconds one executed block may run before it is stopped and the build fails."""
    cache = config_options.Choice(("auto", True, False), default="auto")
    """Serve unchanged blocks from the execution cache: auto = only under ``mkdocs serve``."""
    exec_jobs = config_options.Type(int, default=0)
    """How many blocks run at once (0: one per CPU core, at most 4; 1: one after another)."""
    reference_title = config_options.Type(str, default="API reference")
    """The nav entry whose page list is generated from the snippets."""


class KBPlugin(BasePlugin[KBConfig]):
    def __init__(self) -> None:
        self.command = "build"
        self.registry: registry.Registry | None = None
        self.reference_pages: list[tuple[str, str, list[tuple[str, list[str]]]]] = []
        self._code_stash: dict[str, dict[str, str]] = {}  # page -> {plain-text block: highlighted block}
        self.pages: pages.PageCache | None = None

    # -- configuration -------------------------------------------------------------

    def on_startup(self, *, command: str, dirty: bool) -> None:  # noqa: ARG002
        self.command = command

    def on_config(self, config):
        root = Path(config.config_file_path).resolve().parent
        self.root = root
        fences.STATE.root = root
        fences.STATE.timeout = float(os.environ.get("KB_EXEC_TIMEOUT") or self.config.exec_timeout)
        mode = cache_mod.mode(self.config.cache, self.command)
        fences.STATE.cache = None if mode == "off" else \
            cache_mod.ExecCache(cache_mod.default_folder(root), read=mode == "on")
        if fences.STATE.cache:
            log.info("kb: execution cache %s, in %s", "on" if mode == "on" else "being refreshed (written, not read)",
                     fences.STATE.cache.folder)
        fences.STATE.reset()

        custom = config.mdx_configs.get("pymdownx.superfences", {}).get("custom_fences", [])
        replaced = 0
        for fence in custom:
            if fence.get("name") in {"python", "py"}:
                fence["format"] = fences.formatter
                replaced += 1
        if not replaced:
            raise PluginError("The 'kb' plugin must come after 'markdown-exec' in the plugins list.")

        self.registry = registry.load(config.docs_dir)
        for problem in self.registry.problems:
            log.warning("concept registry: %s", problem)
        if fences.STATE.cache is None:
            self._teach_segmenter()  # with the cache, only once a page must be indexed (on_pre_build)
        self.reference_pages = self._reference_modules()
        self._extend_nav(config)
        # tooltips: every registered term, on every page, through the abbr extension's glossary
        if TOOLTIPS not in config.markdown_extensions:
            raise PluginError(f"The 'kb' plugin needs the markdown extension '{TOOLTIPS}' (abbr, for tooltips).")
        if "abbr" in config.markdown_extensions:
            raise PluginError(f"List '{TOOLTIPS}' instead of 'abbr' in markdown_extensions: it is abbr.")
        abbr = config.mdx_configs.setdefault(TOOLTIPS, {})
        abbr["glossary"] = {**self._abbreviations(), **abbr.get("glossary", {})}
        return config

    def _segmenter_words(self) -> list[str]:
        """Every run of Chinese characters in a registered term (jieba only sees such runs)."""
        words = [run for concept in self.registry.concepts for term in [*concept.zh_terms, *concept.synonyms]
                 for run in registry.CJK_RUN.findall(term) if len(run) > 1]
        return list(dict.fromkeys(words))

    def _teach_segmenter(self) -> None:
        """Teach the search index's Chinese segmenter every registered term, so that it never splits one."""
        try:
            import jieba
        except ImportError:
            return
        jieba.setLogLevel(logging.WARNING)
        for word in self._segmenter_words():
            jieba.add_word(word, freq=100000)

    def _reference_modules(self):
        """(chapter, title, [(module, [function names])]) for every snippet that defines documented functions."""
        pages = []
        snippets = self.root / "snippets"
        for chapter_dir in sorted(p for p in snippets.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))):
            modules = []
            for path in sorted(chapter_dir.glob("*.py")):
                tree = ast.parse(path.read_text(encoding="utf-8"))
                names = [n.name for n in tree.body
                         if isinstance(n, (ast.FunctionDef, ast.ClassDef)) and not n.name.startswith("_")
                         and ast.get_docstring(n)]
                if names:
                    modules.append((f"{chapter_dir.name}.{path.stem}", names))
            if modules:
                chapter = chapter_dir.name.replace("_", "-")
                pages.append((chapter, self._chapter_title(chapter), modules))
        return pages

    def _chapter_title(self, chapter: str) -> str:
        index = self.root / "docs" / chapter / "index.md"
        if index.exists():
            for line in index.read_text(encoding="utf-8").splitlines():
                if line.startswith("# "):
                    return re.sub(r"\s*\{[^}]*\}\s*$", "", line[2:]).strip()
        return chapter.replace("-", " ").capitalize()

    def _chapter_order(self, config) -> list[str]:
        order: list[str] = []

        def walk(item):
            if isinstance(item, str):
                chapter = item.split("/", 1)[0] if "/" in item else None
                if chapter and chapter not in order and chapter != REFERENCE_DIR:
                    order.append(chapter)
            elif isinstance(item, dict):
                for value in item.values():
                    walk(value)
            elif isinstance(item, list):
                for value in item:
                    walk(value)

        walk(config.nav or [])
        return order

    def _expand_chapters(self, config) -> None:
        """A nav entry ``Title: <chapter>/index.md`` becomes the chapter's section, its pages in
        the order the chapter's index links them (pages it does not link follow, A to Z)."""
        docs = Path(config.docs_dir)
        for item in config.nav or []:
            if not isinstance(item, dict):
                continue
            for title, target in item.items():
                if not (isinstance(target, str) and target.endswith("/index.md")):
                    continue
                chapter = target.rsplit("/", 1)[0]
                index = docs / target
                if not index.exists():
                    continue
                linked = re.findall(r"\]\(([\w.-]+\.md)(?:#[^)]*)?\)", index.read_text(encoding="utf-8"))
                pages = [p.name for p in sorted((docs / chapter).glob("*.md")) if p.name != "index.md"]
                ordered = [n for n in dict.fromkeys(linked) if n in pages] + sorted(set(pages) - set(linked))
                if ordered:
                    item[title] = [target] + [f"{chapter}/{name}" for name in ordered]

    def _extend_nav(self, config) -> None:
        self._expand_chapters(config)
        order = self._chapter_order(config)
        self.reference_pages.sort(key=lambda p: order.index(p[0]) if p[0] in order else len(order))
        entries = [f"{REFERENCE_DIR}/index.md"] + [
            {title: f"{REFERENCE_DIR}/{chapter}.md"} for chapter, title, _ in self.reference_pages
        ]
        for item in config.nav or []:
            if isinstance(item, dict) and self.config.reference_title in item:
                item[self.config.reference_title] = entries

    def on_pre_build(self, *, config) -> None:
        self._code_stash = {}
        execute.preload(execute.imported_modules(self.root / "snippets"))
        fences.STATE.pool = execute.pool(self._jobs())
        if not (fences.STATE.cache and fences.STATE.cache.read):
            fences.STATE.pool.warm_up()  # blocks will run: let the runners' imports overlap the build's start
        # after every plugin's on_config: mkdocstrings and autorefs add their extensions there
        fences.STATE.render_env = cache_mod.render_environment(config) if fences.STATE.cache else ""
        self.pages = None
        if fences.STATE.cache is not None:
            fences.STATE.snippet_index()  # read here, not while a page converts (see kbsite.pages)
            self.pages = pages.PageCache(fences.STATE.cache, self.root, config, exclude=[
                fences.STATE.cache.folder, Path(config.site_dir), Path(sys.prefix), self.root / ".git"])
            search = config.plugins.get("material/search") or config.plugins.get("search")
            index = getattr(search, "search_index", None)
            if index is not None and hasattr(index, "add_entry_from_context"):
                self.pages.index_from_cache(index, segmenter=self._segmenter_words(), teach=self._teach_segmenter)
            else:
                self._teach_segmenter()

    def _jobs(self) -> int:
        jobs = int(os.environ.get("KB_EXEC_JOBS") or self.config.exec_jobs)
        return jobs if jobs > 0 else execute.default_jobs()

    def _run_ahead(self, files: Files) -> None:
        """Start the blocks that include a whole snippet file, in the order pages are built;
        the formatter takes their results when it reaches them. Blocks the cache will
        serve are left out."""
        runners = fences.STATE.pool
        if runners.jobs <= 1:
            return  # one runner: each block runs when its page is rendered
        cache = fences.STATE.cache
        for file in files.documentation_pages():
            if file.generated_by or not file.abs_src_path:
                continue
            text = Path(file.abs_src_path).read_text(encoding="utf-8")
            for block in EXEC_BLOCK.finditer(text):
                include = WHOLE_INCLUDE.match(block.group("body"))
                if not (include and EXECUTED.search(block.group("options"))):
                    continue
                path = (self.root / include.group(1)).resolve()
                if not (path.is_file() and path.is_relative_to(self.root)):
                    continue  # the build reports a missing file; a file outside the project runs in turn
                rel = path.relative_to(self.root).as_posix()
                code = path.read_text(encoding="utf-8")
                if cache is not None and cache.get(cache_mod.key(f"{rel}\n{code}")) is not None:
                    continue
                limit = FENCE_TIMEOUT.search(block.group("options"))
                timeout = float(limit.group(1)) if limit else fences.STATE.timeout
                fences.STATE.ahead.setdefault(rel, []).append((code, timeout, runners.submit(code, path, timeout)))

    def on_serve(self, server, *, config, builder):  # noqa: ARG002
        # a page includes its examples from snippets/: editing one must rebuild the site too
        server.watch(str(self.root / "snippets"))
        if fences.STATE.cache is not None:
            fences.STATE.pool.warm_up()  # the first build came from the cache: be ready for the first edit
        return server

    # -- files -----------------------------------------------------------------------

    def on_files(self, files: Files, *, config) -> Files:
        for path in sorted((self.root / "snippets").rglob("*.py")):
            rel = path.relative_to(self.root).as_posix()
            files.append(File(rel, str(self.root), config.site_dir, config.use_directory_urls))
        generated = {
            GENERATED_GLOSSARY: self._glossary(),
            GENERATED_INDEX: self._concept_index(config),
            f"{REFERENCE_DIR}/index.md": self._reference_index(),
        }
        for chapter, title, modules in self.reference_pages:
            generated[f"{REFERENCE_DIR}/{chapter}.md"] = self._reference_page(chapter, title, modules)
        for src, content in generated.items():
            if files.get_file_from_path(src) is not None:
                raise PluginError(f"docs/{src} is generated by the kb plugin; remove the file from docs/")
            files.append(File.generated(config, src, content=content))
        self._run_ahead(files)
        return files

    def _link(self, concept: registry.Concept, text: str) -> str:
        return f"[{text}]({concept.page}#{concept.id})"

    def _glossary(self) -> str:
        rows = sorted(self.registry.concepts, key=lambda c: c.en.lower())
        lines = [
            "---", "title: Glossary (术语表)", "search:", "  boost: 0.5", "---", "",
            "# Glossary (术语表)", "",
            f"All {len(rows)} concepts of the course, English and Chinese, with a one-line summary. "
            "Each term links to the section that explains it and runs its example. "
            "The same list, grouped by chapter, is the [concept index](concepts.md).", "",
            "| English | 中文 | Summary |", "|---|---|---|",
        ]
        for c in rows:
            summary = c.summary.replace("|", "\\|")
            lines.append(f"| {self._link(c, c.en)} | {c.zh} | {summary} |")
        return "\n".join(lines) + "\n"

    def _concept_index(self, config) -> str:
        order = self._chapter_order(config)
        chapters: dict[str, list[registry.Concept]] = {}
        for c in self.registry.concepts:
            chapters.setdefault(c.chapter, []).append(c)
        lines = [
            "---", "title: Concept index (概念索引)", "search:", "  exclude: true", "---", "",
            "# Concept index (概念索引)", "",
            "Every concept, chapter by chapter in reading order; the [glossary](glossary.md) has them A to Z.", "",
        ]
        for chapter in sorted(chapters, key=lambda ch: order.index(ch) if ch in order else len(order)):
            lines += [f"## [{self._chapter_title(chapter)}]({chapter}/index.md)", ""]
            for c in sorted(chapters[chapter], key=lambda c: (order.index(c.page) if c.page in order else 0, c.line)):
                lines.append(f"- {self._link(c, c.en)} ({c.zh})")
            lines.append("")
        return "\n".join(lines)

    def _reference_index(self) -> str:
        lines = [
            "---", "title: API reference", "search:", "  exclude: true", "---", "",
            "# API reference", "",
            "The reusable functions that the examples define, chapter by chapter: signature, "
            "docstring and source. Each lives in a snippet file that runs on its own; copy the "
            "file, or the function, into your project.", "",
        ]
        for chapter, title, modules in self.reference_pages:
            count = sum(len(names) for _, names in modules)
            lines.append(f"- [{title}]({chapter}.md): {count} functions from {len(modules)} snippets")
        return "\n".join(lines) + "\n"

    def _reference_page(self, chapter: str, title: str, modules) -> str:
        lines = ["---", f"title: 'API: {title}'", "search:", "  exclude: true", "---", "",
                 f"# API reference: {title}", "",
                 f"Functions defined by the snippets of [{title}](../{chapter}/index.md).", ""]
        for module, names in modules:
            path = "snippets/" + module.replace(".", "/") + ".py"
            lines += [f"## `{module.split('.', 1)[1]}`", "", f"From [`{path}`](../{path}).", ""]
            for name in names:
                lines += [f"::: {module}.{name}", ""]
        return "\n".join(lines)

    # -- pages -----------------------------------------------------------------------

    def on_pre_page(self, page, *, config, files):  # noqa: ARG002
        if self.pages is not None:
            page.render = partial(self.pages.render, page)  # restored from the cache, or converted and stored
        return page

    def on_page_markdown(self, markdown: str, *, page, config, files) -> str:  # noqa: ARG002
        fences.STATE.page_src = page.file.src_uri
        fences.STATE.page_url = page.url
        fences.STATE.figures[page.file.src_uri] = {}
        if page.file.generated_by:
            return markdown
        if page.file.src_uri.endswith("index.md"):
            # An index page names every concept of its chapter in its link list; in search,
            # the page that explains a concept should come before the one that lists it.
            page.meta.setdefault("search", {}).setdefault("boost", 0.5)
        on_page = {c.id: c for c in self.registry.concepts if c.page == page.file.src_uri}
        if on_page:
            out = []
            for line in markdown.splitlines():
                out.append(line)
                m = registry.HEADING.match(line)
                if m and m.group("id") in on_page and on_page[m.group("id")].synonyms:
                    also = " · ".join(on_page[m.group("id")].synonyms)
                    out += ["", f'<p class="kb-aka">Also known as: {also}</p>', ""]
            markdown = "\n".join(out)
        return markdown

    def _abbreviations(self) -> dict[str, str]:
        """term -> summary, for the English (as written and in lower case) and Chinese terms."""
        terms: dict[str, str] = {}
        for c in self.registry.concepts:
            if not c.summary:
                continue
            for term in (c.en, c.en.lower(), *c.zh_terms):
                if term and term not in terms:
                    terms[term] = c.summary.replace("\n", " ")
        return terms

    @event_priority(100)  # before the search plugin indexes the page
    def on_page_context(self, context, *, page, config, nav):  # noqa: ARG002
        """Hand the search index each highlighted code block as plain text.

        The index keeps a code block's text, not its markup; but its HTML parser pays for
        every tag, and highlighting wraps each token in a ``<span>``: on this site, nine
        tags in ten. The block's text is the same either way, so the index is the same;
        the highlighted HTML goes back in :meth:`on_post_page`.
        """
        if (page.meta.get("search") or {}).get("exclude") or not page.content:
            return context
        stash = self._code_stash.setdefault(page.file.src_uri, {})

        page.content = plain_code(page.content, stash)
        return context

    def on_post_page(self, output: str, *, page, config) -> str:  # noqa: ARG002
        for simple, original in self._code_stash.pop(page.file.src_uri, {}).items():
            output = output.replace(simple, original, 1)
        for marker, svg in fences.STATE.figures.pop(page.file.src_uri, {}).items():
            output = output.replace(marker, svg, 1)
        return output

    def on_env(self, env, *, config, files):  # noqa: ARG002
        """With the cache on, the theme's templates are compiled once, not on every build:
        Jinja's bytecode cache, which checks each template's source before it uses its code."""
        if self.pages is not None and fences.STATE.cache.read:
            import jinja2

            folder = fences.STATE.cache.folder / "templates"
            folder.mkdir(parents=True, exist_ok=True)
            env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(folder))
        return env

    # -- end of build ------------------------------------------------------------------

    # The search worker splits a Chinese query into words it finds in the index, but its
    # loop over word ends stops one character short (`o<t.length`), so a query is never
    # matched as a whole word once one of its prefixes is a word: "权重衰减" becomes just
    # "权重", which matches every heading that mentions weights. Letting the loop reach the
    # end of the query fixes that. If a new release changes the worker, the build says so.
    WORKER_BUG = "for(let o=s+1;o<t.length;o++)t.slice(s,o)in e&&(n[s]=o-s)"
    WORKER_FIX = "for(let o=s+1;o<=t.length;o++)t.slice(s,o)in e&&(n[s]=o-s)"

    def _fix_search_worker(self, site_dir: str) -> None:
        workers = sorted(Path(site_dir, "assets", "javascripts", "workers").glob("search.*.min.js"))
        if not workers:
            return
        for worker in workers:
            text = worker.read_text(encoding="utf-8")
            if self.WORKER_FIX in text:
                continue
            if text.count(self.WORKER_BUG) != 1:
                raise PluginError(f"{worker.name}: the Chinese query segmentation this plugin corrects "
                                  "was not found; check kbsite/plugin.py against this mkdocs-material release")
            worker.write_text(text.replace(self.WORKER_BUG, self.WORKER_FIX), encoding="utf-8")

    def on_post_build(self, *, config) -> None:  # noqa: ARG002
        self._fix_search_worker(config.site_dir)
        runs = fences.STATE.runs
        executed = [r for r in runs if not r.cached]
        seconds = sum(r.seconds for r in executed)
        log.info("kb: %d blocks executed in %.1f s, %d served from the cache",
                 len(executed), seconds, len(runs) - len(executed))
        if self.pages is not None:
            log.info(PAGES_LOG, len(self.pages.converted), len(self.pages.restored), len(self.pages.indexed))
        report = os.environ.get("KB_EXEC_REPORT")
        if report:
            Path(report).write_text(json.dumps([r.__dict__ for r in runs], indent=1), encoding="utf-8")
