"""What the plugin does for the search index: code blocks as plain text."""

from __future__ import annotations

import re

CODE_BLOCK = re.compile(r"(<pre\b[^>]*>(?:<span></span>)?<code\b[^>]*>)(.*?)(</code></pre>)", re.S)
TAG = re.compile(r"<[^>]+>")


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
