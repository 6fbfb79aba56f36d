"""The ``kb`` MkDocs plugin: runs the examples, serves them, and writes the generated pages.

A build, event by event:

- ``on_config``: reads the concept registry from the pages; makes the build's
  :class:`~kbsite.examples.Examples` and registers :func:`~kbsite.examples.format_block`,
  bound to it, as the superfences formatter of ``python`` fences (markdown-exec's
  validator); gives the tooltip extension every registered term.
- ``on_files``: adds every example file to the site (download links) and the generated
  pages (:mod:`kbsite.generated`); starts every example running, one process per core.
- ``on_page_markdown``: tells the formatter which page renders; adds "Also known as".
- ``on_page_context`` / ``on_post_page``: the search index reads code blocks as plain text
  and no figure; the page gets both back.
- ``on_post_build``: logs what ran, writes the report (``KB_EXEC_REPORT``).
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import tempfile
from functools import partial
from pathlib import Path

from markdown_exec import validator
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files

from kbsite import cache, exercises, generated, notebooks, registry, upstream
from kbsite.generated import CHECK_SUFFIX
from kbsite.lighten import lighten
from kbsite.search import plain_code
from kbsite.examples import Examples, format_block
from kbsite.runner import Runner, default_jobs, imported_modules

log = logging.getLogger("mkdocs.plugins.kbsite")

TOOLTIPS = "abbr"  # Python-Markdown's extension, given the registry as its glossary


def nav_pages(nav) -> list[str]:
    """Every page the navigation names, in its order."""
    if isinstance(nav, str):
        return [nav]
    values = nav.values() if isinstance(nav, dict) else nav if isinstance(nav, list) else ()
    return [page for value in values for page in nav_pages(value)]


class KBConfig(Config):
    exec_timeout = config_options.Type((int, float), default=60)
    """Seconds one example may run before it is stopped and the build fails."""
    cache = config_options.Choice(("auto", True, False), default="auto")
    """Serve unchanged examples from the execution cache: auto = only under ``mkdocs serve``."""
    exec_jobs = config_options.Type(int, default=0)
    """How many examples run at once (0: one per CPU core, at most 4)."""


class KBPlugin(BasePlugin[KBConfig]):
    def __init__(self) -> None:
        self.command, self.dirty, self.runner, self.sources = "build", False, None, None
        self.built: dict[str, set[str]] = {}  # under `serve --dirty`: page -> the files its blocks ran
        self.exercises: dict[str, list[str]] = {}  # page -> its exercises, kept between the rebuilds of `serve`

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command, self.dirty = command, dirty
        self.sources = Path(tempfile.mkdtemp(prefix="kb-generated-")) if dirty else None

    def on_shutdown(self) -> None:
        if self.sources:
            shutil.rmtree(self.sources, ignore_errors=True)

    def on_config(self, config):
        self.root = Path(config.config_file_path).resolve().parent
        jobs = int(os.environ.get("KB_EXEC_JOBS") or self.config.exec_jobs) or default_jobs()
        if self.runner is None or self.runner.jobs != jobs:  # kept between the rebuilds of `serve`
            self.runner = Runner(jobs, preload=imported_modules(self.root / "snippets"))
        self.registry = registry.load(config.docs_dir)
        self.markdowns: dict[str, str] = {}  # page rendered in this build -> its Markdown, for its notebook
        self.examples = Examples(self.root, self.runner, cache.open_cache(self.config.cache, self.command, self.root),
                                 float(os.environ.get("KB_EXEC_TIMEOUT") or self.config.exec_timeout),
                                 {c.id: c.en for c in self.registry.concepts})
        fences = config.mdx_configs.setdefault("pymdownx.superfences", {}).setdefault("custom_fences", [])
        if any(f.get("name") in {"python", "py"} for f in fences):
            raise PluginError("markdown-exec must not handle python fences: remove python and py from its languages")
        fences += [{"name": name, "class": "python", "validator": validator,
                    "format": partial(format_block, self.examples)} for name in ("python", "py")]
        for problem in self.registry.problems:
            log.warning("concept registry: %s", problem)
        if TOOLTIPS not in config.markdown_extensions:
            raise PluginError(f"The 'kb' plugin needs the markdown extension '{TOOLTIPS}' (abbr, for tooltips).")
        tooltips = config.mdx_configs.setdefault(TOOLTIPS, {})
        tooltips["glossary"] = {**registry.tooltips(self.registry.concepts), **tooltips.get("glossary", {})}
        return config

    def on_files(self, files: Files, *, config) -> Files:
        # The site carries only the theme assets its pages use: no source maps, and the search's
        # language files only for the languages it indexes (lunr.<lang>, its segmenters).
        langs = (config.plugins.get("material/search") or config.plugins.get("search")).config.lang or ["en"]
        keep = {f"lunr.{name}.min.js" for name in (*langs, "stemmer.support", "multi")}
        for file in [f for f in files if f.src_uri.startswith("assets/javascripts/")]:
            name = file.src_uri.rsplit("/", 1)[-1]
            if name.endswith(".map") or (file.src_uri.startswith("assets/javascripts/lunr/") and name not in keep):
                files.remove(file)
        snippets = sorted((self.root / "snippets").rglob("*.py"))
        for path in snippets:  # served, so each example can be downloaded (not the answer keys)
            if not path.stem.endswith(CHECK_SUFFIX):
                    files.append(File(path.relative_to(self.root).as_posix(), str(self.root), config.site_dir,
                                  config.use_directory_urls))
        pages = generated.pages(Path(config.docs_dir), self.root / "snippets", self.registry.concepts,
                                nav_pages(config.nav))
        for src, content in pages.items():
            if files.get_file_from_path(src) is not None:
                raise PluginError(f"docs/{src} is generated by the kb plugin; remove the file from docs/")
            files.append(self._generated(config, src, content))
        self.examples.start(p.relative_to(self.root).as_posix() for p in snippets)
        if self.dirty:
            self._mark_stale(files)
            # the pages not rebuilt register no anchors: tell autorefs where every concept is
            autorefs = config.plugins.get("autorefs")
            for c in self.registry.concepts if autorefs else ():
                if file := files.get_file_from_path(c.page):
                    autorefs.register_url(c.id, f"{file.url}#{c.id}")
        return files

    def _generated(self, config, src: str, content: str) -> File:
        """A generated page; under ``serve --dirty``, from a file rewritten only when its
        content changes, so that MkDocs rebuilds it only then (an API page: also when one of
        its chapter's examples changed, see _mark_stale)."""
        if not self.sources:
            return File.generated(config, src, content=content)
        path = self.sources / src
        if not path.is_file() or path.read_text(encoding="utf-8") != content:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(content, encoding="utf-8")
        if src.startswith(f"{generated.REFERENCE}/") and src != f"{generated.REFERENCE}/index.md":
            folder = self.root / "snippets" / src.split("/")[1].removesuffix(".md").replace("-", "_")
            self.built[src] = {p.relative_to(self.root).as_posix() for p in folder.glob("*.py")}
        return File.generated(config, src, abs_src_path=str(path))

    def _mark_stale(self, files: Files) -> None:
        """Under ``serve --dirty``, MkDocs rebuilds a page when its Markdown is newer than its
        HTML; a page whose example changed is made to look so by dating its HTML back."""
        for page, used in self.built.items():
            file = files.get_file_from_path(page)
            if file and os.path.exists(file.abs_dest_path) and any(
                    (self.root / rel).stat().st_mtime > os.path.getmtime(file.abs_dest_path) for rel in used):
                os.utime(file.abs_dest_path, (0, 0))

    def on_serve(self, server, *, config, builder):  # noqa: ARG002
        server.watch(str(self.root / "snippets"))  # editing an example rebuilds its page
        return server

    def on_page_markdown(self, markdown: str, *, page, config, files) -> str:  # noqa: ARG002
        self.examples.page_src, self.examples.page_url = page.file.src_uri, page.url
        self.code_stash: dict[str, str] = {}
        if page.file.generated_by:
            return markdown
        if page.file.src_uri.endswith("/index.md"):
            # A chapter index names every concept of the chapter; the page that explains one comes first.
            page.meta.setdefault("search", {}).setdefault("boost", 0.5)
            chapter = page.file.src_uri.split("/")[0]  # under its title: how many of the chapter's exercises are solved
            markdown = re.sub(r"^(# .*)$", rf'\1\n\n<p class="kb-progress" data-kb-chapter="{chapter}"></p>',
                              markdown, count=1, flags=re.M)
        markdown = registry.add_synonyms(markdown, [c for c in self.registry.concepts if c.page == page.file.src_uri])
        if notebooks.EXEC_FENCE.search(markdown.replace('exercises="1"', "")):
            self.markdowns[page.file.src_uri] = markdown  # the page's notebook is written after the build
        return markdown

    @event_priority(100)  # before the search plugin indexes the page
    def on_page_context(self, context, *, page, config, nav):  # noqa: ARG002
        """The search index keeps a code block's text; highlighting makes nine tags in ten of a
        page, which its parser pays for. It gets the text; the page gets the highlighting back."""
        if page.content and not (page.meta.get("search") or {}).get("exclude"):
            page.content = plain_code(page.content, self.code_stash)
        return context

    def on_post_page(self, output: str, *, page, config) -> str:  # noqa: ARG002
        for simple, original in self.code_stash.items():
            output = output.replace(simple, original, 1)
        for marker, svg in self.examples.figures.pop(page.file.src_uri, {}).items():
            output = output.replace(marker, svg, 1)
        self.exercises.update(self.examples.exercises)
        output = exercises.chapter_progress(output, self.exercises)
        if page.file.src_uri in self.markdowns:
            output = notebooks.add_link(output, page.file.src_uri, page.url)
        return lighten(output)

    def on_post_build(self, *, config) -> None:
        lists = [generated.GLOSSARY, generated.CONCEPT_INDEX, f"{generated.REFERENCE}/index.md",
                 *(p for p in nav_pages(config.nav) if p.endswith("/index.md"))]
        text = "".join(p.read_text(encoding="utf-8") for p in sorted(Path(config.docs_dir).rglob("*.md")))
        urls = [re.sub(r"(index)?\.md$", "", p).rstrip("/") + "/" for p in lists]
        upstream.install_search_worker(Path(config.site_dir), urls, text)
        concepts = {c.id: c.page for c in self.registry.concepts}
        files = {rel: (self.root / rel).read_text(encoding="utf-8") for rel in self.examples.outputs}
        for src, markdown in self.markdowns.items():
            nb = notebooks.notebook(markdown, src, config.site_url or "/", concepts, files, self.examples.outputs)
            path = Path(config.site_dir) / notebooks.path(src)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(notebooks.write(nb), encoding="utf-8")
        runs = self.examples.runs
        executed = {r.snippet: r.seconds for r in runs if not r.cached}  # a file runs once, shown by any blocks
        log.info("kb: %d examples executed in %.1f s, %d blocks served from the cache",
                 len(executed), sum(executed.values()), sum(r.cached for r in runs))
        self.built.update(self.examples.uses)
        if os.environ.get("KB_EXEC_REPORT"):
            Path(os.environ["KB_EXEC_REPORT"]).write_text(json.dumps([r.__dict__ for r in runs], indent=1))
