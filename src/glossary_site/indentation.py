"""Indentation that MkDocs Material and Hugo read, which this engine reads otherwise.

Python-Markdown reads a fence only at the start of a line, and nests a list item or an
admonition's text only 4 spaces in. What other generators take at 2 or 3 spaces, or a fence
indented under a list item or `!!! note`, comes out garbled with no word from the build: the
fence and its code as a paragraph, a nested list run into its parent item, an empty box with
its text below it. Each is a warning at its line, saying how to write it here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from glossary_site.fences import outside_code

#: A fence the engine reads: at the very start of a line. Code inside one is left alone.
_FENCE_AT_START_RE = re.compile(r"(`{3,}|~{3,})")
#: Whether a text may hold an indented fence or a list item indented by other than 4 spaces a
#: level: the search skips ahead to each line break at C speed, and most texts, with no such
#: line and no `!!!`, are not looked at further.
_ANY_RE = re.compile(r"\n(?=[ \t])(?:[ ]{4}|\t)*+(?:[ ]{1,3}(?:[-+*]|\d{1,9}[.)])[ \t]|[ \t]*+(?:```|~~~))")
_FENCE_RE = re.compile(r"[ \t]+(`{3,}|~{3,})[ ]*([^\n]*)")
_ITEM_RE = re.compile(r"[ \t]*(?:[-+*]|\d{1,9}[.)])[ \t]")
_ADMONITION_RE = re.compile(r"[ \t]*!!![ \t]*\w")


def indentation_problems(text: str) -> Iterator[tuple[int, str]]:
    """(line index, message) of each fence indented (under a list item or admonition, most
    often), each list item nested by fewer than 4 spaces, and each admonition's first line of
    text indented by fewer than 4, outside code."""
    if "!!!" not in text and _ANY_RE.search(text) is None and _FENCE_RE.match(text) is None:
        return
    lines = text.split("\n")
    closing = ""  # the mark that ends the indented fence being passed over
    item: int | None = None  # the indent of the list item above, while in its list
    box: int | None = None  # the indent of the `!!!` line right above its text
    blank = False
    for index, line in outside_code(lines, _FENCE_AT_START_RE):
        if not line.strip():
            blank = True
            continue
        spaced = line.expandtabs(4)
        indent = len(spaced) - len(spaced.lstrip())
        if closing:
            closing = "" if _closes(line, closing) else closing
            continue
        fence = _FENCE_RE.match(line)
        if fence and fence.group(1)[0] not in fence.group(2) and _closed(lines, index, fence.group(1)):
            closing = fence.group(1)
            yield index, _fence_message(fence.group(1), fence.group(2).strip())
        elif box is not None and box < indent < box + 4:
            yield index, _box_message(indent, box + 4)
        elif _ITEM_RE.match(line):
            if item is not None and item < indent < item + 4:
                yield index, _item_message(indent, item + 4)
            item = indent
        elif blank and indent == 0:
            item = None  # a paragraph after the list
        box = indent if _ADMONITION_RE.match(line) else None
        blank = False


def _closes(line: str, mark: str) -> bool:
    bare = line.strip()
    return len(bare) >= len(mark) and not bare.strip(mark[0])


def _closed(lines: list[str], start: int, mark: str) -> bool:
    """Whether a later line closes the fence as its editor meant it, indented or not."""
    return any(_closes(line, mark) for line in lines[start + 1 :])


def _fence_message(mark: str, info: str) -> str:
    language = info.split()[0].lstrip(".{").rstrip("}") if info.split() else ""
    highlight = f" (a first line ':::{language}' highlights it)" if language.isidentifier() else ""
    return (
        f"this code fence '{mark}{info}' is indented, and a fence is read only at the start of a "
        "line, so the page shows it and the code as text; in a list item or admonition, leave out "
        "the fences and indent the code 4 spaces more than the text around it, after a blank line, "
        f"to make it a code block{highlight}, or move the fenced block out, unindented"
    )


def _item_message(indent: int, needed: int) -> str:
    return (
        f"this list item is indented {indent} spaces, and a nested list 4 spaces a level here, so "
        f"it is run into the item above as text or made an item of that list; indent it {needed} "
        "spaces"
    )


def _box_message(indent: int, needed: int) -> str:
    return (
        f"this line is indented {indent} spaces, and an admonition's text 4 spaces here, so the box "
        f"is left empty and this is shown below it; indent the text {needed} spaces"
    )
