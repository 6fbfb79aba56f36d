"""Tooltips: Python-Markdown's ``abbr`` extension, with its pattern compiled once.

The ``kb`` plugin gives every page the registry's terms as an abbreviation glossary
(several hundred terms). The stock tree processor escapes, sorts and joins all of them
into a new pattern on every conversion: every page, and every docstring the API
reference converts. This one builds the same pattern once per set of terms. Markup is
unchanged; ``*[TERM]: definition`` lines in a page work as before.
"""

from __future__ import annotations

import re

from markdown.extensions.abbr import AbbrExtension, AbbrTreeprocessor

_PATTERNS: dict[tuple[str, ...], re.Pattern] = {}


class _CachedPatternTreeprocessor(AbbrTreeprocessor):
    def run(self, root):
        if not self.abbrs:
            return
        terms = tuple(self.abbrs)  # a page's own *[...] lines change the set, and the key
        pattern = _PATTERNS.get(terms)
        if pattern is None:
            if len(_PATTERNS) > 256:
                _PATTERNS.clear()
            ordered = sorted(terms, key=len, reverse=True)  # as the stock processor orders them
            pattern = _PATTERNS[terms] = re.compile(f"\\b(?:{'|'.join(re.escape(t) for t in ordered)})\\b")
        self.RE = pattern
        self.iter_element(root)


class TooltipExtension(AbbrExtension):
    def extendMarkdown(self, md):
        super().extendMarkdown(md)
        md.treeprocessors.register(_CachedPatternTreeprocessor(md, self.abbrs), "abbr", 7)


def makeExtension(**kwargs):  # noqa: N802 - the name Python-Markdown looks for
    return TooltipExtension(**kwargs)
