"""Lighter pages at no visible cost: the indentation of the theme's templates dropped, and the
highlighting spans that change nothing dropped from code (names are drawn in the code's own
colour, and whitespace has none). Code, figures and scripts are left byte for byte."""

from __future__ import annotations

import re

KEEP = re.compile(r"(<(pre|textarea|script|style|svg|code)\b.*?</\2>)", re.S)
INDENT = re.compile(r"\n[ \t\n]*")
PLAIN_SPAN = re.compile(r'<span class="(?:n|w)">([^<]*)</span>')


def lighten(html: str) -> str:
    """``html`` with each run of newlines and indentation outside code, figures and scripts
    reduced to one newline, and the spans of names and whitespace in code reduced to their text."""
    parts = KEEP.split(html)
    out = []
    for i in range(0, len(parts), 3):
        out.append(INDENT.sub("\n", parts[i]))
        if i + 1 < len(parts):
            kept = parts[i + 1]
            out.append(PLAIN_SPAN.sub(r"\1", kept) if parts[i + 2] == "pre" else kept)
    return "".join(out)
