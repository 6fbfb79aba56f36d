"""The ``python exec="on"`` fence: markdown-exec's rendering, with our runner and cache.

markdown-exec's own Python formatter runs a block inside the build process. This
formatter keeps markdown-exec's validator, options and rendering (``base_format``:
source tabs, ids) and replaces the run itself:

- a block whose code is a snippet file runs that file as a script (see
  :mod:`kbsite.execute`), so a traceback names ``snippets/<chapter>/<file>.py`` and
  the line in it; the warning that fails a strict build also names the page and the
  block id;
- blocks that include a whole snippet file can run ahead of the build, several at a
  time (:class:`kbsite.execute.RunnerPool`, queued by the plugin): the formatter then
  takes the result when it reaches the block;
- every run has a time limit (``timeout="…"`` on the fence, else the plugin's
  ``exec_timeout``);
- output is escaped text; with ``html="1"``, each ``<svg>…</svg>`` printed becomes a
  figure (its ids prefixed by the block id, so two figures on a page never share one)
  and everything else is still escaped text;
- successful runs can be served from :mod:`kbsite.cache`, and so can the block's
  rendered HTML (the highlighted source and the output), keyed by the output, the
  block's options and the Markdown configuration; markdown-exec's id counter
  (``MarkdownConverter.counter``) advances exactly as a fresh rendering would advance it;
- the source tab gets a link to download the snippet file, which the site serves.
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
from kbsite.execute import DEFAULT_TIMEOUT, RunnerPool, pool

log = logging.getLogger("mkdocs.plugins.kbsite")

SECTION_MARK = re.compile(r"--8<--\s*\[\s*(start|end)\s*:\s*[a-z][-_0-9a-z]*\s*\]")
SVG = re.compile(r"<svg\b.*?</svg>", re.S)
XML_PROLOG = re.compile(r"<\?xml[^>]*\?>|<!DOCTYPE[^>]*>", re.I)
SVG_METADATA = re.compile(r"\s*<metadata>.*?</metadata>", re.S)
SVG_ID = re.compile(r'\bid="([^"]+)"')
SVG_REF = re.compile(r'(url\(#|href="#)([^")]+)')


@dataclasses.dataclass
class BlockRun:
    page: str
    block_id: str
    snippet: str | None
    seconds: float
    cached: bool  # the output came from the cache
    html_cached: bool = False  # and so did its rendered HTML
    output_sha256: str = ""  # of what the block printed
    ahead: bool = False  # it ran ahead of the build, in the runner pool
    page_cached: bool = False  # its whole page came from the cache (kbsite.pages)


@dataclasses.dataclass
class State:
    """What the plugin tells the formatter, and what the formatter reports back."""

    root: Path = Path.cwd()
    timeout: float = DEFAULT_TIMEOUT
    cache: cache_mod.ExecCache | None = None
    pool: RunnerPool | None = None  # the plugin's runners (None: one)
    page_src: str = "?"
    page_url: str = ""
    render_env: str = ""  # what a block's HTML depends on besides its own options and output
    runs: list[BlockRun] = dataclasses.field(default_factory=list)
    # runs started ahead of the build: snippet path -> [(code, timeout, future)], in page order
    ahead: dict[str, list[tuple[str, float, Future]]] = dataclasses.field(default_factory=dict)
    figures: dict[str, dict[str, str]] = dataclasses.field(default_factory=dict)  # page -> {marker: SVG}
    _snippets: dict[str, tuple[str, str]] | None = None  # normalized text -> (relpath, text)

    def reset(self) -> None:
        self.runs = []
        self.ahead = {}
        self._snippets = None

    def snippet_index(self) -> dict[str, tuple[str, str]]:
        if self._snippets is None:
            self._snippets = {}
            for path in sorted((self.root / "snippets").rglob("*.py")):
                text = path.read_text(encoding="utf-8")
                rel = path.relative_to(self.root).as_posix()
                self._snippets.setdefault(normalize(text), (rel, text))
        return self._snippets


STATE = State()


def normalize(code: str) -> str:
    """Code as pymdownx.snippets includes it: without section markers, trailing space ignored."""
    lines = [line.rstrip() for line in code.splitlines() if not SECTION_MARK.search(line)]
    return "\n".join(lines).strip()


def render_output(stdout: str, *, html: bool, prefix: str) -> str:
    """Escaped text; with ``html``, SVG figures pass through with prefixed ids."""
    parts: list[str] = []

    def text(chunk: str) -> None:
        chunk = XML_PROLOG.sub("", chunk).strip("\n")
        if chunk.strip():
            parts.append(f'<pre class="kb-output"><code>{html_lib.escape(chunk)}</code></pre>')

    pos = 0
    if html:
        for match in SVG.finditer(stdout):
            text(stdout[pos:match.start()])
            svg = SVG_METADATA.sub("", match.group(0))  # creator and format: bytes no reader sees
            svg = SVG_ID.sub(lambda m: f'id="{prefix}-{m.group(1)}"', svg)
            svg = SVG_REF.sub(lambda m: f"{m.group(1)}{prefix}-{m.group(2)}", svg)
            # The SVG joins the page only in the plugin's on_post_page: the search index
            # (built from the page content before that) then skips tick labels and the
            # thousands of tags of a plot, which would cost most of a rebuild's time.
            figures = STATE.figures.setdefault(STATE.page_src, {})
            # numbered within the block, so a block's cached HTML holds the same markers
            mine = f"<!--kb-figure:{prefix}:"
            marker = f"{mine}{sum(m.startswith(mine) for m in figures)}-->"
            figures[marker] = svg
            parts.append(f'<figure class="kb-figure">{marker}</figure>')
            pos = match.end()
    text(stdout[pos:])
    return "\n".join(parts)


def _failure(message: str, detail: str) -> Markup:
    return Markup(
        '<div class="admonition failure"><p class="admonition-title">This example failed to run</p>'
        f"<p>{html_lib.escape(message)}</p><pre><code>{html_lib.escape(detail)}</code></pre></div>"
    )


EXEC_ID = re.compile(r'((?:id|name|for|href)="#?)exec-(\d+)--')
COUNTER_SLOT = "exec-\x00--"


def _render(source: str, output: str, md, extra: dict, options: dict, *, cacheable: bool) -> tuple[str, bool]:
    """markdown-exec's rendering of a block (source tab and output), from the cache when it can be.

    Each fresh rendering advances ``MarkdownConverter.counter`` and prefixes the block's
    HTML ids with ``exec-<counter>--``. A cached rendering stores the ids with the counter
    left out, advances the counter by as much as the rendering did, and fills in the
    new value: the page comes out byte for byte as a fresh rendering makes it.
    """
    digest = ""
    if STATE.cache and cacheable:
        digest = cache_mod.key(json.dumps({"layer": "html", "source": source, "output": output,
                                           "extra": extra, "options": options, "render": STATE.render_env},
                                          sort_keys=True, default=repr))
        record = STATE.cache.get(digest)
        if record is not None and "html" in record:
            MarkdownConverter.counter += record["counters"]
            return Markup(record["html"].replace(COUNTER_SLOT, f"exec-{MarkdownConverter.counter}--")), True
    before = MarkdownConverter.counter
    rendered = base_format(language="python", run=lambda *_a, **_k: output, code=source, md=md,
                           html=True, extra=extra, **options)
    counters = MarkdownConverter.counter - before
    if digest:
        now = str(MarkdownConverter.counter)
        ids = {m.group(2) for m in EXEC_ID.finditer(rendered)}
        if ids <= {now} and COUNTER_SLOT not in rendered:
            template = EXEC_ID.sub(lambda m: f"{m.group(1)}{COUNTER_SLOT}", str(rendered))
            STATE.cache.put(digest, {"html": template, "counters": counters})
    return rendered, False


def formatter(source: str, language: str, css_class: str, options: dict[str, Any], md, **kwargs: Any) -> str:  # noqa: ARG001
    """The superfences formatter for executed ``python`` blocks (use with markdown_exec.validator)."""
    options = dict(options)
    extra = dict(options.pop("extra", {}) or {})
    timeout = float(extra.pop("timeout", STATE.timeout))
    block_id = options.get("id") or ""
    html = bool(options.pop("html", False))
    options.pop("result", None)
    where = f"block id=\"{block_id}\" on page docs/{STATE.page_src}" if block_id else f"a block without id on page docs/{STATE.page_src}"

    found = STATE.snippet_index().get(normalize(source))
    if found:
        rel, code = found
        filename = STATE.root / rel
    else:
        rel, code = None, source
        filename = STATE.root / "docs" / f"{STATE.page_src}:{block_id or 'block'}"

    digest = cache_mod.key(f"{rel}\n{code}") if STATE.cache else ""
    record = STATE.cache.get(digest) if STATE.cache else None
    if record is not None:
        stdout = record["stdout"]
        STATE.runs.append(BlockRun(STATE.page_src, block_id, rel, record.get("seconds", 0.0), True))
    else:
        result, ran_ahead = None, False
        queued = STATE.ahead.get(rel) if rel else None
        if queued:
            ahead_code, ahead_timeout, future = queued.pop(0)
            if ahead_code == code and ahead_timeout == timeout:
                result = future.result()
                ran_ahead = True
        if result is None:
            result = (STATE.pool or pool(1)).submit(code, filename, timeout).result()
        # the snippet's own time, measured in its process (not the runner's start-up)
        STATE.runs.append(BlockRun(STATE.page_src, block_id, rel, result.seconds, False, ahead=ran_ahead))
        if not result.ok:
            origin = rel or f"docs/{STATE.page_src}"
            if result.timed_out:
                message = f"{origin}: {result.error} ({where})"
            else:
                last = result.error.strip().splitlines()[-1] if result.error.strip() else "failed"
                line = f":{result.line}" if result.line else ""
                message = f"{origin}{line}: {last} ({where})"
            detail = (result.error + ("\n--- stderr ---\n" + result.stderr if result.stderr.strip() else "")).strip()
            log.warning("%s\n%s", message, detail)
            return _failure(message, detail)
        stdout = result.stdout
        if STATE.cache:
            STATE.cache.put(digest, {"stdout": stdout, "seconds": result.seconds, "snippet": rel})

    STATE.runs[-1].output_sha256 = hashlib.sha256(stdout.encode("utf-8")).hexdigest()
    output = render_output(stdout, html=html, prefix=block_id or f"fig{len(STATE.runs)}")
    rendered, STATE.runs[-1].html_cached = _render(source, output, md, extra, options, cacheable=bool(block_id))
    if rel:
        href = get_relative_url(rel, STATE.page_url)
        name = rel.rsplit("/", 1)[-1]
        rendered = Markup(
            f'{rendered}<p class="kb-download"><a href="{href}" download="{name}" '
            f'title="Download {rel}">Download <code>{name}</code></a></p>'
        )
    return rendered
