"""The concept registry: one entry per concept, read from the pages themselves.

A concept is a ``##`` heading of the shape ``## English term (中文术语) {#concept-id}``
plus an entry under ``concepts:`` in its page's front matter (``summary``, optional
``synonyms``). The heading gives the id, the English and Chinese terms and the page;
the front matter gives the rest. The glossary, the concept index, the tooltips and
the search dictionary are generated from this registry, so no term is typed twice.
"""

from __future__ import annotations

import dataclasses
import html
import re
from pathlib import Path

from mkdocs.utils.meta import get_data

HEADING = re.compile(r"^##\s+(?P<en>.+)\s+\((?P<zh>[^()]+)\)\s*\{#(?P<id>[a-z0-9][a-z0-9-]*)\}\s*$")
ANCHORED_H2 = re.compile(r"^##\s+.*\{[^}]*#[A-Za-z0-9_-]+[^}]*\}\s*$")
FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
FILE_OPTION = re.compile(r"""\bfile=["']([^"']+)["']""")
CJK = re.compile(r"[\u3400-\u9fff]")
CJK_RUN = re.compile(r"[\u3400-\u9fff]+")


@dataclasses.dataclass(frozen=True)
class Concept:
    id: str
    en: str
    zh: str  # as written: several terms are separated by " / "
    page: str  # docs-relative path of the page, e.g. "ml-basics/gradient-descent.md"
    line: int
    summary: str = ""
    synonyms: tuple[str, ...] = ()
    examples: tuple[str, ...] = ()  # the example files its section runs

    @property
    def zh_terms(self) -> list[str]:
        return [t.strip() for t in self.zh.split("/") if t.strip()]

    @property
    def chapter(self) -> str:
        return self.page.split("/", 1)[0]


@dataclasses.dataclass
class Registry:
    concepts: list[Concept]
    problems: list[str]  # headings or front matter that do not fit the registry's rules

    def by_id(self) -> dict[str, Concept]:
        return {c.id: c for c in self.concepts}


def _sections(text: str) -> list[tuple[int, str, list[str]]]:
    """(line number, heading, the example files its fences run) for each ``## `` heading outside fences."""
    sections: list[tuple[int, str, list[str]]] = []
    fence = None
    for number, line in enumerate(text.splitlines(), 1):
        m = FENCE.match(line)
        if m:
            if fence is None:
                fence = m.group(1)
                if sections and (run := FILE_OPTION.search(line)):
                    sections[-1][2].append(run.group(1))
            elif line.strip().startswith(fence) and line.strip().strip(fence[0]) == "":
                fence = None
            continue
        if fence is None and line.startswith("## "):
            sections.append((number, line, []))
    return sections


def load(docs_dir: str | Path) -> Registry:
    """Read every page under ``docs_dir`` and return the registry with any problems found."""
    docs_dir = Path(docs_dir)
    concepts: list[Concept] = []
    problems: list[str] = []
    seen: dict[str, str] = {}
    for path in sorted(docs_dir.rglob("*.md")):
        rel = path.relative_to(docs_dir).as_posix()
        body, meta = get_data(path.read_text(encoding="utf-8"))
        offset = path.read_text(encoding="utf-8").count("\n") - body.count("\n")
        entries = meta.get("concepts") or {}
        if not isinstance(entries, dict):
            problems.append(f"{rel}: front matter 'concepts' must map concept ids to entries")
            entries = {}
        found = set()
        for number, line, files in _sections(body):
            m = HEADING.match(line)
            if not m:
                if ANCHORED_H2.match(line):
                    problems.append(f"{rel}:{number + offset}: an anchored ## heading must read "
                                    f"'## English term (中文) {{#concept-id}}': {line!r}")
                continue
            cid = m.group("id")
            if cid in seen:
                problems.append(f"{rel}:{number + offset}: concept {cid} is also defined in {seen[cid]}")
                continue
            seen[cid] = rel
            found.add(cid)
            entry = entries.get(cid) or {}
            if not CJK.search(m.group("zh")):
                problems.append(f"{rel}:{number + offset}: the Chinese term of {cid} has no Chinese characters")
            if cid not in entries:
                problems.append(f"{rel}: concept {cid} has no entry under 'concepts:' in the front matter")
            elif not str(entry.get("summary", "")).strip():
                problems.append(f"{rel}: concept {cid} has no summary")
            synonyms = entry.get("synonyms") or []
            if isinstance(synonyms, str):
                synonyms = [synonyms]
            concepts.append(Concept(cid, m.group("en").strip(), m.group("zh").strip(), rel,
                                    number + offset, str(entry.get("summary", "")).strip(),
                                    tuple(str(s) for s in synonyms), tuple(files)))
        for cid in sorted(set(entries) - found):
            problems.append(f"{rel}: front matter lists {cid}, but the page has no heading {{#{cid}}}")
    return Registry(concepts, problems)


def tooltips(concepts: list[Concept]) -> dict[str, str]:
    """term -> summary, for the English (as written and in lower case) and the Chinese terms."""
    terms: dict[str, str] = {}
    for c in concepts:
        for term in (c.en, c.en.lower(), *c.zh_terms) if c.summary else ():
            terms.setdefault(term, c.summary.replace("\n", " "))
    return terms


def add_synonyms(markdown: str, concepts: list[Concept]) -> str:
    """``markdown`` with an "Also known as" line under the heading of each concept that has synonyms."""
    synonyms = {c.id: c.synonyms for c in concepts if c.synonyms}
    out = []
    for line in markdown.splitlines():
        out.append(line)
        m = HEADING.match(line)
        if m and m.group("id") in synonyms:
            also = " · ".join(html.escape(s) for s in synonyms[m.group("id")])
            out += ["", f'<p class="kb-aka">Also known as: {also}</p>', ""]
    return "\n".join(out)
