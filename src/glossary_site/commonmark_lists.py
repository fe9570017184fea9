"""Lists as CommonMark reads them, which this engine read otherwise: nested by 2 or 3 spaces
a level, right under a paragraph, or numbered `1)`.

In CommonMark (Hugo, Docusaurus, GitHub, and Markdown formatters such as Prettier) a line
belongs to a list item when it is indented as far as the item's text: 2 spaces under `- `,
3 under `1. `. Python-Markdown nests by 4 spaces a level, so such a list came out flat, its
nested items made items of the list above or run into it as text, and an item's second
paragraph or code block (2 spaces in) shown after the list. `CommonMarkLists` re-indents
each list that nests otherwise, items, paragraphs and code alike, as CommonMark reads it, 4
spaces a level; a list written for this engine is left as it is. In either, an item right
after an item's paragraph or nested list that a blank line sets apart was taken into that
block, a level too deep, and a list right under a paragraph's last line (`Steps:` then
`- one`), which CommonMark starts there, was run into the paragraph as text, as was a list
right under an item of a list of the other kind (`- a` then `1. b`): each such item is given a
blank line before it. A list numbered `1)`, `2)`, which this engine does not read,
was shown as text: it is written `1.`, `2.`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import markdown
from markdown.preprocessors import Preprocessor

from glossary_site.fences import Closers, outside_code
from glossary_site.markdown_limits import MAX_NESTING, RULE_RE

#: An item's line and the lines of text under it, up to the next line.
_ITEMS_TEXT = r"[^\n]*+(?:\n[ ]*+(?![-+*][ ]|\d{1,9}[.)][ ])[^\s][^\n]*+)*+\n"
#: What only a text that nests otherwise than this engine does, or that Python-Markdown would
#: misread, has; most texts have none and are not read further: a list item, or a line after a
#: blank one, not a multiple of 4 spaces in; a list item right after lines that a blank one
#: and more indentation set apart (an item's paragraph or nested list); one that may start
#: a list right under a line of text; one numbered `1)`; or an item right under an item of a
#: list of the other kind (bulleted or numbered), which starts a list of its own.
_READ_RE = re.compile(
    r"\n(?:(?=[ ])(?:[ ]{4})*+[ ]{1,3}(?:[-+*]|\d{1,9}[.)])[ ]"
    r"|\n(?=[ ])(?:(?:[ ]{4})*+[ ]{1,3}\S"
    r"|([ ]++)\S[^\n]*+\n(?:\1[^\n]*+\n)*+[ ]*(?:[-+*]|\d{1,9}[.)])[ ]))"
    r"|\n([ ]*+)(?!(?:[-+*]|\d{1,9}[.)])[ ])[^\s#|<>][^\n]*+\n\2[ ]{0,3}(?:[-+*]|1[.)])[ ]"
    r"|\n[ ]*+\d{1,9}\)[ ]"
    rf"|\n[ ]*+[-+*][ ]{_ITEMS_TEXT}[ ]*+\d{{1,9}}[.)][ ]|\n[ ]*+\d{{1,9}}[.)][ ]{_ITEMS_TEXT}[ ]*+[-+*][ ]"
)
#: A line that a list item right under it ends, as a paragraph's last line, in CommonMark: not
#: a heading, table row, HTML, quotation, fence, formula, admonition, tab, definition,
#: footnote or abbreviation.
_TEXT_RE = re.compile(r"[ ]*+(?![#|<>`~$]|!!!|\?\?\?|===|:[ ]|\[\^|\*\[)\S")
_ITEM_RE = re.compile(r"[ ]*([-+*]|\d{1,9}[.)])([ ]+)")
_FENCE_RE = re.compile(r"[ ]*(`{3,}|~{3,})([^\n]*)")
_PAREN_RE = re.compile(r"^([ ]*\d{1,9})\)")


@dataclass(frozen=True)
class _Item:
    """An open list item: the column its text starts at as written (what a line must be
    indented by to belong to it), the column it is written at for this engine, and whether
    its list is numbered."""

    text: int
    at: int
    numbered: bool = False


def as_commonmark(lines: list[str]) -> list[str]:
    """The lines with each list written so that this engine reads it as CommonMark does (tabs
    already expanded): re-indented 4 spaces a level, a blank line where one is needed before an
    item, `1)` written `1.`. A list nested more than MAX_NESTING deep, which markdown_limits
    refuses before converting, keeps its indentation."""
    if _READ_RE.search("\n" + "\n".join(lines)) is None:
        return lines
    free = {index for index, _ in outside_code(lines)}  # where a list may start
    closers = Closers(lines)
    stack: list[_Item] = []
    moves: list[tuple[int, int, int]] = []  # (first line, last line, columns moved) of lists re-indented
    listed: list[tuple[int, int, int]] = []  # the same, in this list
    gaps: list[int] = []  # where a blank line goes before an item (see below)
    numbered: list[int] = []  # the items of a list numbered `1)`
    renest = False  # whether this list nests otherwise than this engine reads it
    deepest = 0
    blank = False
    block = 0  # the column the lines since the last blank one start at, as written for this engine
    index = 0
    while index < len(lines):
        line = lines[index]
        bare = line.lstrip(" ")
        if not bare:
            blank, index = True, index + 1
            continue
        indent = len(line) - len(bare)
        depth = len(stack)
        while depth and indent < stack[depth - 1].text:
            depth -= 1
        item = _ITEM_RE.match(line)
        if item and (RULE_RE.match(line) or (depth and indent >= stack[depth - 1].text + 4)):
            item = None  # a rule, or indented code in the item
        if item and not stack and index not in free:
            item = None  # code
        fence = _FENCE_RE.match(line)
        opens = fence and fence.group(1)[0] not in fence.group(2)
        end = closers.loose(index, fence.group(1)) if fence and opens else None
        last = index if end is None else end
        if depth < len(stack) and not (item or blank or end is not None):
            index += 1  # text run on from the item above, as both engines read it
            continue
        if item and not (stack or blank) and index and _text(lines[index - 1], index - 1 in free):
            if not _starts_under_text(lines[index - 1], line, item):
                index += 1  # the paragraph's next line, as both engines read it
                continue
            gaps.append(index)
        numbers = item is not None and item.group(1)[0].isdigit()
        if item and not blank and depth < len(stack) and stack[depth].numbered != numbers:
            gaps.append(index)  # a list of the other kind, which this engine reads as the item's text
        del stack[depth:]
        if item:
            column = stack[-1].at if stack else indent
            stack.append(_Item(_text_column(line, item), column // 4 * 4 + 4, numbers))
            renest = renest or column != indent
            deepest = max(deepest, len(stack))
            listed.append((index, index, column - indent))
            if item.group(1)[-1] == ")":
                numbered.append(index)
        elif stack:
            column = indent + stack[-1].at - stack[-1].text
            listed.append((index, last, column - indent))
            if blank:  # the engines disagree on whether it is in the item, or is code there
                code, its_code = indent >= stack[-1].at + 4, indent >= stack[-1].text + 4
                renest = renest or indent < stack[-1].at or code != its_code
        else:
            moves += listed if renest and deepest <= MAX_NESTING else []
            listed, renest, deepest = [], False, 0
        if blank:
            block = column if stack else 0
        elif item and block and (column < block or _text(lines[index - 1], True)):
            # Python-Markdown puts a block that starts indented, lines and all, in the item it
            # is indented for, and reads it as the item's text: an item less indented that
            # follows, or a list that starts under the block's paragraph, needs a blank line
            gaps.append(index)
            block = column
        blank = False
        index = last + 1
    moves += listed if renest and deepest <= MAX_NESTING else []
    return _written(lines, moves, gaps, numbered)


def _text(line: str, free: bool) -> bool:
    """Whether a line may be a paragraph's, as CommonMark reads it."""
    return free and bool(_TEXT_RE.match(line)) and not _ITEM_RE.match(line) and not RULE_RE.match(line)


def _starts_under_text(above: str, line: str, item: re.Match[str]) -> bool:
    """Whether a list item starts a list right under a paragraph's last line, as CommonMark
    reads it: a bullet or 1, with text after it, indented up to 3 spaces more than the line."""
    indent = len(line) - len(line.lstrip(" "))
    return (
        item.group(1) in ("-", "+", "*", "1.", "1)")
        and item.end() < len(line)
        and 0 <= indent - (len(above) - len(above.lstrip(" "))) <= 3
    )


def _text_column(line: str, item: re.Match[str]) -> int:
    """Where an item's text starts as CommonMark reads it: after the spaces that follow its
    marker, or 1 past the marker when there are more than 4 or no text."""
    spaces = len(item.group(2))
    return item.end() - spaces + (spaces if spaces <= 4 and item.end() < len(line) else 1)


def _written(
    lines: list[str], moves: list[tuple[int, int, int]], gaps: list[int], numbered: list[int]
) -> list[str]:
    written = list(lines)
    for first, last, moved in moves:
        for index in range(first, last + 1):
            line = lines[index]
            spaces = len(line) - len(line.lstrip(" "))
            written[index] = " " * (spaces + moved) + line[spaces:] if line.strip() else line
    for index in numbered:
        written[index] = _PAREN_RE.sub(r"\1.", written[index], count=1)
    for index in sorted(gaps, reverse=True):
        written.insert(index, "")
    return written


class CommonMarkLists(Preprocessor):
    """as_commonmark, on the lines every later stage reads."""

    def run(self, lines: list[str]) -> list[str]:
        return as_commonmark(lines)


class CommonMarkListsExtension(markdown.Extension):
    """After the stage that expands tabs, before fences indented in a list item are read."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.preprocessors.register(CommonMarkLists(md), "glossary-commonmark-lists", 29)
