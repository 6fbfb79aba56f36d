"""The executed examples of one build: run ahead by file, looked up by file, reported.

The plugin makes one :class:`Examples` per build and hands it to :func:`format_block`,
the formatter of ``python exec="on"`` fences (through ``functools.partial``). A fence
names its example file, ``file="snippets/<chapter>/<page>_<what>.py"``; before any page
renders, :meth:`Examples.start` has every example file running, several at a time, each
as a fresh ``__main__`` (:mod:`kbsite.runner`), and :meth:`Examples.result` takes the
result by path. The rendering itself is markdown-exec's (``base_format``: source tabs,
ids), given the run's output.
"""

from __future__ import annotations

import dataclasses
import hashlib
import html as html_lib
import json
import logging
import re
from concurrent.futures import Future
from pathlib import Path
from typing import Any

from markdown_exec import MarkdownConverter, base_format
from markupsafe import Markup
from mkdocs.utils import get_relative_url

from kbsite import cache as cache_mod
from kbsite import exercises as exercises_mod
from kbsite.runner import RunResult, Runner

log = logging.getLogger("mkdocs.plugins.kbsite")

SECTION_MARK = re.compile(r"^.*--8<--\s*\[\s*(?:start|end)\s*:[^\]]*\].*\n?", re.M)
SVG = re.compile(r"<svg\b.*?</svg>", re.S)
XML_PROLOG = re.compile(r"<\?xml[^>]*\?>|<!DOCTYPE[^>]*>", re.I)
SVG_METADATA = re.compile(r"\s*<metadata>.*?</metadata>", re.S)
SVG_ID = re.compile(r'\bid="([^"]+)"')
SVG_REF = re.compile(r'(url\(#|href="#)([^")]+)')


@dataclasses.dataclass
class BlockRun:
    """One executed block, as the build report (``KB_EXEC_REPORT``) lists it."""

    page: str
    block_id: str
    snippet: str | None
    seconds: float
    cached: bool  # the output came from the execution cache
    output_sha256: str = ""  # of what the block printed
    figures_sha256: list[str] = dataclasses.field(default_factory=list)  # of each figure's SVG, as drawn
    ahead: bool = False  # it started before its page rendered


class Examples:
    """What the plugin tells the formatter (the page being rendered, the runs), and what
    the formatter leaves for the plugin (the report, the figures, which page ran which file)."""

    def __init__(self, root: Path, runner: Runner, cache: cache_mod.ExecCache | None, timeout: float,
                 concepts: dict[str, str] | None = None) -> None:
        self.root, self.runner, self.cache, self.timeout = root, runner, cache, timeout
        self.concepts = concepts or {}  # concept id -> its English term, for the exercises' links
        self.exercises: dict[str, list[str]] = {}  # page -> the ids of its exercises
        self.outputs: dict[str, tuple[str, list]] = {}  # file -> (what it printed, its figures), for notebooks
        self.env = cache_mod.environment()
        self.ahead: dict[str, Future] = {}  # file -> its run, started before the pages render
        self.runs: list[BlockRun] = []
        self.figures: dict[str, dict[str, str]] = {}  # page -> {marker: SVG}
        self.uses: dict[str, set[str]] = {}  # page -> the files its blocks ran
        self.page_src, self.page_url = "?", ""

    def _key(self, rel: str, code: str) -> str:
        return cache_mod.key(f"{rel}\n{code}", self.env)

    def start(self, rels) -> None:
        """Start running each file (project-relative paths) that the cache cannot answer."""
        for rel in rels:
            code = (self.root / rel).read_text(encoding="utf-8")
            if rel not in self.ahead and not (self.cache and self.cache.get(self._key(rel, code))):
                self.ahead[rel] = self.runner.submit(code, self.root / rel, self.timeout)

    def result(self, rel: str, code: str, timeout: float) -> tuple[RunResult, bool, bool]:
        """(the run of file ``rel``, from the cache?, started ahead?): a file runs once per build."""
        future = self.ahead.get(rel) if timeout == self.timeout else None
        digest = self._key(rel, code)
        record = self.cache.get(digest) if self.cache and future is None else None
        if record is not None:
            figures = [tuple(f) for f in record["figures"]]
            return RunResult(True, record["stdout"], seconds=record["seconds"], figures=figures), True, False
        result = future.result() if future else self.runner.run(code, self.root / rel, timeout)
        if result.ok and self.cache:
            self.cache.put(digest, {"stdout": result.stdout, "figures": result.figures,
                                    "seconds": result.seconds, "snippet": rel})
        return result, False, future is not None

    def keep_figure(self, prefix: str, svg: str) -> str:
        """Store a figure for the page; return the marker the plugin replaces with it."""
        figures = self.figures.setdefault(self.page_src, {})
        mine = f"<!--kb-figure:{prefix}:"
        marker = f"{mine}{sum(m.startswith(mine) for m in figures)}-->"
        figures[marker] = svg
        return marker


def render_output(stdout: str, figures: list[tuple[int, str]], keep_figure, *, html: bool, prefix: str) -> str:
    """Printed text as escaped ``<pre>`` blocks, each figure (shown with ``plt.show()``; with
    ``html``, also printed SVG) as a ``<figure>`` holding the marker ``keep_figure`` returns.
    SVG ids get ``prefix``, so two figures on a page never share one."""
    parts: list[str] = []

    def text(chunk: str) -> None:
        chunk = XML_PROLOG.sub("", chunk).strip("\n")
        if chunk.strip():
            parts.append(f'<pre class="kb-output"><code>{html_lib.escape(chunk)}</code></pre>')

    def figure(svg: str) -> None:
        svg = SVG_METADATA.sub("", svg)  # creator and format: bytes no reader sees
        svg = SVG_ID.sub(lambda m: f'id="{prefix}-{m.group(1)}"', svg)
        svg = SVG_REF.sub(lambda m: f"{m.group(1)}{prefix}-{m.group(2)}", svg)
        # The SVG joins the page only in the plugin's on_post_page: the search index, built
        # before that, then skips the thousands of tags and tick labels of a plot.
        parts.append(f'<figure class="kb-figure">{keep_figure(prefix, svg)}</figure>')

    def printed(chunk: str) -> None:
        pos = 0
        for match in SVG.finditer(chunk) if html else ():
            text(chunk[pos:match.start()])
            figure(XML_PROLOG.sub("", match.group(0)))
            pos = match.end()
        text(chunk[pos:])

    pos = 0
    for offset, svg in figures:
        printed(stdout[pos:offset])
        figure(SVG.search(svg).group(0))
        pos = offset
    printed(stdout[pos:])
    return "\n".join(parts)


def _failure(message: str, detail: str) -> Markup:
    return Markup(
        '<div class="admonition failure"><p class="admonition-title">This example failed to run</p>'
        f"<p>{html_lib.escape(message)}</p><pre><code>{html_lib.escape(detail)}</code></pre></div>"
    )


def format_block(examples: Examples, source: str, language: str, css_class: str, options: dict[str, Any],  # noqa: ARG001
                 md, **kwargs: Any) -> str:
    """The superfences formatter of executed ``python`` fences (validator: markdown-exec's)."""
    options = dict(options)
    extra = dict(options.pop("extra", {}) or {})
    rel = extra.pop("file", None)
    exercises = bool(extra.pop("exercises", False))
    timeout = float(extra.pop("timeout", examples.timeout))
    html = bool(options.pop("html", False))
    options.pop("result", None)
    block_id = options.get("id") or ""
    page = examples.page_src
    where = f'block id="{block_id}" on page docs/{page}' if block_id else f"a block without id on page docs/{page}"
    if rel is None:
        message = f"docs/{page}: an executed block names its example file: file=\"snippets/...\" ({where})"
        log.warning(message)
        return _failure(message, "")
    path = examples.root / rel
    if not path.is_file():
        message = f"{rel}: no such example file ({where})"
        log.warning(message)
        return _failure(message, "")
    code = path.read_text(encoding="utf-8")
    result, cached, ahead = examples.result(rel, code, timeout)
    examples.uses.setdefault(page, set()).add(rel)
    examples.outputs[rel] = (result.stdout, result.figures)
    run = BlockRun(page, block_id, rel, result.seconds, cached, ahead=ahead)
    examples.runs.append(run)
    if not result.ok:
        if result.timed_out:
            message = f"{rel}: {result.error} ({where})"
        else:
            last = result.error.strip().splitlines()[-1] if result.error.strip() else "failed"
            message = f"{rel}{f':{result.line}' if result.line else ''}: {last} ({where})"
        detail = (result.error + ("\n--- stderr ---\n" + result.stderr if result.stderr.strip() else "")).strip()
        log.warning("%s\n%s", message, detail)
        return _failure(message, detail)
    run.output_sha256 = hashlib.sha256(result.stdout.encode("utf-8")).hexdigest()
    run.figures_sha256 = [hashlib.sha256(svg.encode("utf-8")).hexdigest() for _, svg in result.figures]
    if exercises:
        return _exercises(examples, result.stdout, md, rel, where)
    output = render_output(result.stdout, result.figures, examples.keep_figure, html=html,
                           prefix=block_id or f"fig{len(examples.runs)}")
    shown = SECTION_MARK.sub("", code).strip("\n")
    rendered = base_format(language="python", run=lambda *_a, **_k: output, code=shown, md=md,
                           html=True, extra=extra, **options)
    href = get_relative_url(rel, examples.page_url)
    name = rel.rsplit("/", 1)[-1]
    return Markup(f'{rendered}<p class="kb-download"><a href="{href}" download="{name}" '
                  f'title="Download {rel}">Download <code>{name}</code></a></p>')


PART = "<!-- kb-exercise-part -->"


def _exercises(examples: Examples, stdout: str, md, rel: str, where: str) -> str:
    """The exercises a check file printed (JSON), rendered; a bad list is a warning naming the file."""
    try:
        found = exercises_mod.check(json.loads(stdout), set(examples.concepts))
    except (ValueError, exercises_mod.ExerciseError) as error:
        log.warning("%s: %s (%s)", rel, error, where)
        return _failure(f"{rel}: {error} ({where})", "")
    def link(cid: str) -> str:
        return f"[{examples.concepts[cid]}][{cid}]"

    # The page's exercises hold a few hundred short Markdown texts; each conversion in its own
    # Markdown instance costs more than the text. So: a first pass collects the texts, one
    # conversion renders them all (kept apart by a comment that passes through as it is), and
    # a second pass puts each in its place.
    texts: dict[str, str] = {}
    exercises_mod.render(found, examples.page_src, lambda text, inline=False: texts.setdefault(text, ""), link)
    parts = str(MarkdownConverter(md, update_toc=False).convert(f"\n\n{PART}\n\n".join(texts))).split(PART)
    if len(parts) != len(texts):
        message = f"{rel}: an exercise's Markdown left a text open, so it ran into the next ({where})"
        log.warning(message)
        return _failure(message, "")
    texts = {text: part.strip() for text, part in zip(texts, parts, strict=True)}

    def convert(text: str, inline: bool = False) -> str:
        out = texts[text]
        return out[3:-4] if inline and out.startswith("<p>") and out.endswith("</p>") else out

    html, ids = exercises_mod.render(found, examples.page_src, convert, link)
    examples.exercises[examples.page_src] = ids
    return Markup(html)
