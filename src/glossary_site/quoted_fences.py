"""A fenced code block inside a quotation (`> ```python`), as GitHub, Hugo and MkDocs read it.

Python-Markdown reads a fence only at the start of a line, and a quotation's lines start with
'>': its first line and code came out as one paragraph of inline code ("python y = 2"), with
no word. `QuotedFences` writes each such block as the engine's own code block inside the
quotation (indented 4 spaces, first line `:::python`, blank lines around it), as
indentation.IndentedFences does for a fence in a list item; quotations in quotations too. A
fence no line of its quotation closes, or with words after its language, is left as written,
and so is a quotation in code.
"""

from __future__ import annotations

import re

import markdown
from markdown.preprocessors import Preprocessor

from glossary_site.fences import outside_code
from glossary_site.indentation import fence_header

#: A quotation's line: its '>' (up to 3 spaces in, and the one space after it), then its text.
_QUOTED_RE = re.compile(r"[ ]{0,3}>[ ]?")
#: A fence at the start of a quotation's text (up to 3 spaces in), and what follows it.
_FENCE_RE = re.compile(r"[ ]{0,3}(`{3,}|~{3,})[ ]*(.*)")


def code_blocks_in_quotations(lines: list[str]) -> list[str]:
    """The lines, with each fenced block in a quotation written as a code block there."""
    if not any(("```" in line or "~~~" in line) and _QUOTED_RE.match(line) for line in lines):
        return lines
    free = {index for index, _ in outside_code(lines)}  # a quotation shown in code is an example
    written: list[str] = []
    start = 0
    while start < len(lines):
        end = start
        while end < len(lines) and end in free and _QUOTED_RE.match(lines[end]):
            end += 1
        if end == start:
            written.append(lines[start])
            start += 1
            continue
        quoted = lines[start:end]
        text = [_QUOTED_RE.sub("", line, 1) for line in quoted]
        nested = code_blocks_in_quotations(text)
        inner = _as_code_blocks(nested) or nested
        written.extend(quoted if inner == text else [f"> {line}" if line else ">" for line in inner])
        start = end
    return written


def _as_code_blocks(lines: list[str]) -> list[str] | None:
    """A quotation's text with its fenced blocks as code blocks, or None if it has none."""
    written: list[str] = []
    index = 0
    changed = False
    while index < len(lines):
        fence = _FENCE_RE.match(lines[index])
        mark, info = fence.groups() if fence else ("", "")
        end = _closing(lines, index, mark) if mark and mark[0] not in info else None
        header = fence_header(info.strip(), end - index - 1)[0] if end is not None else ""
        if end is None or not header:
            written.append(lines[index])
            index += 1
            continue
        before = [""] if written and written[-1].strip() else []
        code = [f"    {line}" if line.strip() else "" for line in lines[index + 1 : end]]
        after = [""] if end + 1 < len(lines) and lines[end + 1].strip() else []
        written.extend([*before, f"    {header}", *code, *after])
        index = end + 1
        changed = True
    return written if changed else None


def _closing(lines: list[str], start: int, mark: str) -> int | None:
    """The line of the quotation that closes the fence opened at `start`: as long a run of its
    character, or longer, alone on its line."""
    for index in range(start + 1, len(lines)):
        bare = lines[index].strip()
        if len(bare) >= len(mark) and not bare.strip(mark[0]) and not lines[index].startswith("    "):
            return index
    return None


class QuotedFences(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        return code_blocks_in_quotations(lines)


class QuotedFencesExtension(markdown.Extension):
    """After GitHub's alerts are admonitions (29.5), before lists are re-indented (29)."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.preprocessors.register(QuotedFences(md), "glossary-quoted-fences", 29.4)
