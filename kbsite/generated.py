"""The generated pages, as pure functions: registry (and snippet files) in, Markdown out.

The plugin writes them into the site with MkDocs' ``File.generated``: the glossary
(A to Z), the concept index (by chapter, in reading order) and the API reference (one
page per chapter, listing the functions the chapter's snippets define and document).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from kbsite.registry import Concept

GLOSSARY = "glossary.md"
CONCEPT_INDEX = "concepts.md"
REFERENCE = "reference"
CHECK_SUFFIX = "_check"  # <page>_check.py: a page's exercises and their keys, not an example to reuse


def literal(text: str) -> str:
    """``text`` as Markdown that renders as written: no emphasis from ``*``, no link from ``[``."""
    return re.sub(r"([\\`*_{}\[\]#|$])", r"\\\1", text).replace("<", "&lt;")


def _link(concept: Concept, text: str) -> str:
    return f"[{text}]({concept.page}#{concept.id})"


def chapter_title(docs: Path, chapter: str) -> str:
    """The ``# Title`` of ``docs/<chapter>/index.md`` (its attribute list dropped)."""
    index = docs / chapter / "index.md"
    for line in index.read_text(encoding="utf-8").splitlines() if index.exists() else []:
        if line.startswith("# "):
            return re.sub(r"\s*\{[^}]*\}\s*$", "", line[2:]).strip()
    return chapter.replace("-", " ").capitalize()


def glossary(concepts: list[Concept]) -> str:
    rows = sorted(concepts, key=lambda c: c.en.lower())
    lines = [
        "---", "title: Glossary (术语表)", "search:", "  boost: 0.5", "---", "",
        "# Glossary (术语表)", "",
        f"All {len(rows)} concepts of the course, English and Chinese, with a one-line summary. "
        "Each term links to the section that explains it and runs its example. "
        "The same list, grouped by chapter, is the [concept index](concepts.md).", "",
        "| English | 中文 | Summary |", "|---|---|---|",
    ]
    for c in rows:
        lines.append(f"| {_link(c, literal(c.en))} | {literal(c.zh)} | {literal(c.summary)} |")
    return "\n".join(lines) + "\n"


def concept_index(concepts: list[Concept], chapters: list[tuple[str, str]], pages: list[str]) -> str:
    """``chapters``: (chapter folder, title) and ``pages`` in reading order."""
    lines = [
        "---", "title: Concept index (概念索引)", "search:", "  boost: 0.5", "---", "",
        "# Concept index (概念索引)", "",
        "Every concept, chapter by chapter in reading order; the [glossary](glossary.md) has them A to Z.", "",
    ]
    for chapter, title in chapters:
        mine = sorted((c for c in concepts if c.chapter == chapter),
                      key=lambda c: (pages.index(c.page) if c.page in pages else len(pages), c.line))
        if mine:
            lines += [f"## [{title}]({chapter}/index.md)", ""]
            lines += [f"- {_link(c, literal(c.en))} ({literal(c.zh)})" for c in mine]
            lines.append("")
    return "\n".join(lines)


def documented_functions(path: Path) -> list[str]:
    """The public functions and classes with a docstring that a snippet file defines at top level."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [n.name for n in tree.body if isinstance(n, (ast.FunctionDef, ast.ClassDef))
            and not n.name.startswith("_") and ast.get_docstring(n)]


def reference_modules(snippets: Path, chapter: str) -> list[tuple[str, list[str]]]:
    """(module, [names]) for each snippet of ``chapter`` that documents functions."""
    folder = snippets / chapter.replace("-", "_")
    found = [(f"{folder.name}.{p.stem}", documented_functions(p)) for p in sorted(folder.glob("*.py"))
             if not p.stem.endswith(CHECK_SUFFIX)]
    return [(module, names) for module, names in found if names]


def reference_index(chapters: list[tuple[str, str, list[tuple[str, list[str]]]]]) -> str:
    """``chapters``: (chapter, title, modules) in reading order."""
    lines = [
        "---", "title: API reference", "search:", "  boost: 0.5", "---", "",
        "# API reference", "",
        "The reusable functions that the examples define, chapter by chapter: signature and "
        "docstring, and the section whose example runs it (its Source tab shows the whole file). "
        "Each lives in a snippet file that runs on its own; copy the file, or the function, "
        "into your project.", "",
    ]
    for chapter, title, modules in chapters:
        count = sum(len(names) for _, names in modules)
        lines.append(f"- [{title}]({chapter}.md): {count} functions from {len(modules)} snippets")
    return "\n".join(lines) + "\n"


def reference_page(chapter: str, title: str, modules: list[tuple[str, list[str]]],
                   used_in: dict[str, list[Concept]] | None = None) -> str:
    """``used_in``: example file -> the concept sections that run it."""
    lines = [f"# API: {title}", "",
             f"Functions defined by the snippets of [{title}](../{chapter}/index.md).", ""]
    for module, names in modules:
        path = "snippets/" + module.replace(".", "/") + ".py"
        runs = ", ".join(f"[{c.en}](../{c.page}#{c.id})" for c in (used_in or {}).get(path, []))
        lines += [f"## `{module.split('.', 1)[1]}`", "", f"From [`{path}`](../{path})"
                  + (f", run in {runs}." if runs else "."), ""]
        for name in names:
            lines += [f"::: {module}.{name}", ""]
    return "\n".join(lines)


def pages(docs: Path, snippets: Path, concepts: list[Concept], nav: list[str]) -> dict[str, str]:
    """Every generated page, by its path in the site's docs; ``nav``: the pages in reading order."""
    chapters = [c for c in dict.fromkeys(p.split("/", 1)[0] for p in nav if "/" in p) if c != REFERENCE]
    titled = [(chapter, chapter_title(docs, chapter)) for chapter in chapters]
    reference = [(chapter, title, reference_modules(snippets, chapter)) for chapter, title in titled]
    reference = [entry for entry in reference if entry[2]]
    out = {GLOSSARY: glossary(concepts), CONCEPT_INDEX: concept_index(concepts, titled, nav),
           f"{REFERENCE}/index.md": reference_index(reference)}
    used_in: dict[str, list[Concept]] = {}
    for c in concepts:
        for path in c.examples:
            used_in.setdefault(path, []).append(c)
    for chapter, title, modules in reference:
        out[f"{REFERENCE}/{chapter}.md"] = reference_page(chapter, title, modules, used_in)
    return out
