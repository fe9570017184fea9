"""Indentation that MkDocs Material and Hugo read, which this engine reads otherwise.

Python-Markdown reads a fence only at the start of a line, and nests a list item or an
admonition's text only 4 spaces in. A fence indented under a list item or `!!! note` (or by
up to 3 spaces anywhere), as MkDocs Material and Hugo read it, came out as a paragraph of
text, fence and all: `IndentedFences` has the fence stages write it as they write one at the
start of a line (its title, fence_info, and the block kept aside) and puts what they write
where the item's or box's text is, and elsewhere writes it as a fence at the start of its line.
What it cannot write so (a fence with words after its language)
and an admonition's text indented by fewer than 4 come out garbled with no word from the
engine: each is a warning at its line, saying how to write it here. (A list nested by 2 or 3
spaces `commonmark_lists` re-indents.)
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import markdown
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from glossary_site.fence_info import FenceInfo, dropped_message, read_info
from glossary_site.fences import Closers, highlighted_lines, outside_code

#: A fence the engine reads: at the very start of a line. Code inside one is left alone.
_FENCE_AT_START_RE = re.compile(r"(`{3,}|~{3,})")
#: Whether a text may hold an indented fence: the search skips ahead to each line break at C
#: speed, and most texts, with no such line and no `!!!`, are not looked at further.
_ANY_RE = re.compile(r"\n(?=[ \t])[ \t]*+(?:```|~~~)")
_FENCE_RE = re.compile(r"[ \t]+(`{3,}|~{3,})[ ]*([^\n]*)")
ITEM_RE = re.compile(r"[ \t]*(?:[-+*]|\d{1,9}[.)])[ \t]")
_ADMONITION_RE = re.compile(r"[ \t]*(?:(?:!!!|\?\?\?\+?)[ \t]*\w|===[+!]*[ \t]+\")")
#: What may follow an indented fence that IndentedFences writes as a code block: a language and
#: hl_lines, as after a fence at the start of a line (or in braces: `{.python}`).
_READABLE_INFO_RE = re.compile(r"\.?([\w#+-][\w#.+-]*)?[ ]*(?:hl_lines=(\"|')(.*?)\2[ ]*)?")


@dataclass(frozen=True)
class IndentedFence:
    """A fence indented `indent` spaces, from line `start` to its closing line `end`, in text
    that this engine nests `level` spaces in (0 at the top, 4 in a list item or an admonition,
    8 in an item in one), where its block goes;
    `header` is its code block's first line (`:::python hl_lines="1 2"`), or "" if it has none;
    `foreign`, what another generator's attributes after it ask for (fence_info), if any."""

    start: int
    end: int
    indent: int
    level: int
    mark: str
    info: str
    header: str
    foreign: FenceInfo | None = None


def indentation_problems(text: str) -> Iterator[tuple[int, str]]:
    """(line index, message) of each indented fence that IndentedFences cannot write as a code
    block and each admonition's first line of text indented by fewer than 4, outside code."""
    for found in _walk(text):
        if not isinstance(found, IndentedFence):
            yield found
        elif not found.header:
            yield found.start, _fence_message(found.mark, found.info)
        elif found.foreign is not None:
            yield from ((found.start, dropped_message(name)) for name in found.foreign.dropped)


def indented_fences(text: str) -> list[IndentedFence]:
    """The indented fences of a text that IndentedFences writes as code blocks."""
    return [found for found in _walk(text) if isinstance(found, IndentedFence) and found.header]


def outside_all_code(lines: list[str]) -> Iterator[tuple[int, str]]:
    """fences.outside_code, passing by the fenced blocks indented in a list item, admonition or
    tab too, which are code as well: an example there of what a check reports (`??? note`, two
    `id="x"`, `<script>`) is shown as written, not read."""
    nested = {
        line for found in indented_fences("\n".join(lines)) for line in range(found.start, found.end + 1)
    }
    return ((index, line) for index, line in outside_code(lines) if index not in nested)


class MarkedLines(Preprocessor):
    """Writes each line outside code that `pattern` matches (a line holding `mark`) as `write`
    makes it: another generator's box, read as an admonition with a marker kind. `wrote` says
    whether the last text had one, so the stage that rebuilds the marked boxes looks only then."""

    def __init__(
        self,
        md: markdown.Markdown,
        mark: str,
        pattern: re.Pattern[str],
        write: Callable[[re.Match[str]], str],
    ) -> None:
        super().__init__(md)
        self.mark, self.pattern, self.write = mark, pattern, write
        self.wrote = False

    def run(self, lines: list[str]) -> list[str]:
        self.wrote = False
        if not any(self.mark in line for line in lines):
            return lines
        written = list(lines)
        for index, line in outside_all_code(lines):
            found = self.pattern.match(line) if self.mark in line else None
            if found is not None:
                written[index] = self.write(found)
                self.wrote = True
        return written


class MarkedBoxes(Treeprocessor):
    """Rebuilds the boxes its MarkedLines marked, in a text where it marked any (most have none:
    the rest of the tree is then not walked)."""

    def __init__(self, md: markdown.Markdown, lines: MarkedLines) -> None:
        super().__init__(md)
        self.lines = lines

    def run(self, root: etree.Element) -> None:
        if self.lines.wrote:
            self.rebuild(root)

    def rebuild(self, root: etree.Element) -> None:
        raise NotImplementedError


def _walk(text: str) -> Iterator[tuple[int, str] | IndentedFence]:
    if (
        "!!!" not in text
        and "???" not in text
        and "===" not in text
        and _ANY_RE.search(text) is None
        and _FENCE_RE.match(text) is None
    ):
        return
    lines = text.split("\n")
    closers = Closers(lines)
    closing = ""  # the mark that ends the indented fence being passed over
    marker: int | None = None  # the indent of the last list item's marker, while its list goes on
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
        end = (
            closers.loose(index, fence.group(1))
            if fence and fence.group(1)[0] not in fence.group(2)
            else None
        )
        if fence and end is not None:
            closing = fence.group(1)
            # 4 spaces a level, as this engine nests, a fence up to 3 spaces further in than its
            # container's text, as in CommonMark: past its item's marker, in the item; else in
            # the box (or list) whose text it is indented as, which past 3 spaces only a
            # container's text is (outside_code passes over indented code)
            if marker is not None and indent > marker:
                level = marker // 4 * 4 + 4
            else:
                level = max(4, indent // 4 * 4) if indent >= 4 or box is not None else 0
                marker = None  # a block as far out as the list's marker ends it
            info = fence.group(2).strip()
            header, foreign = fence_header(info, end - index - 1)
            yield IndentedFence(index, end, indent, level, fence.group(1), info, header, foreign)
        elif box is not None and box < indent < box + 4:
            yield index, _box_message(indent, box + 4)
        elif ITEM_RE.match(line):
            marker = indent
        elif blank and marker is not None and indent <= marker:
            marker = None  # a paragraph after the list
        box = indent if _ADMONITION_RE.match(line) else None
        blank = False


def _closes(line: str, mark: str) -> bool:
    bare = line.strip()
    return len(bare) >= len(mark) and not bare.strip(mark[0])


def fence_header(info: str, lines: int) -> tuple[str, FenceInfo | None]:
    """A code block's first line for a fence's language and hl_lines (its ranges written out),
    as CodeHilite reads it, with what another generator's attributes ask for (fence_info); ""
    for anything else after the fence (words, a MyST directive)."""
    braced = info.startswith("{") and info.endswith("}")
    bare = info[1:-1].strip() if braced else info
    found = _READABLE_INFO_RE.fullmatch(bare)
    foreign = None
    if found is not None and (not braced or bare.startswith(".")):  # `{note}` is a MyST directive
        language, marked = found.group(1), found.group(3)
    elif (foreign := read_info(info)) is not None:
        language, marked = foreign.language, foreign.hl_lines or None
    else:
        return "", None
    header = f":::{language or 'text'}"
    if marked is None:
        return header, foreign
    numbers = highlighted_lines(marked, lines)
    return (f'{header} hl_lines="{" ".join(map(str, numbers))}"' if numbers else ""), foreign


#: The stages that write a fenced block at the start of its lines as the page shows it: its
#: title above it, its hl_lines ranges written out, then the block itself, kept aside.
FENCE_STAGES = ("glossary-fence-attributes", "glossary-hl-lines", "fenced_code_block")


class IndentedFences(Preprocessor):
    """Writes each indented fence (indented_fences) as this engine reads it: in a list item or
    an admonition, the fenced block as the fence stages write one at the start of a line (its
    title, then the block kept aside, each a paragraph of a stand-in), the stand-ins indented
    as the item's or box's text, with a blank line before and after; elsewhere, the fenced
    block at the start of its lines. (Written as an indented code block, as it was, it became
    text in the last item of a list above it in a box, ':::python' and all, and lost runs of
    blank lines.)"""

    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        if "```" not in text and "~~~" not in text:
            return lines
        stages = [self.md.preprocessors[name] for name in FENCE_STAGES if name in self.md.preprocessors]
        written = list(lines)
        for fence in reversed(indented_fences(text)):  # from the last, so the others stay put
            fenced = [_dedented(line, fence.indent) for line in lines[fence.start : fence.end]]
            fenced.append(lines[fence.end].strip())  # the closing fence, however indented
            if fence.level:
                for stage in stages:
                    fenced = stage.run(fenced)
                fenced = _indented("\n".join(fenced).strip("\n").split("\n"), fence.level)
                # one blank line around it, never more: a second would end a footnote's note
                before = [""] if fence.start and lines[fence.start - 1].strip() else []
                after = [""] if fence.end + 1 < len(lines) and lines[fence.end + 1].strip() else []
                fenced = [*before, *fenced, *after]
            written[fence.start : fence.end + 1] = fenced
        return written


def _indented(lines: list[str], level: int) -> list[str]:
    return [" " * level + line if line.strip() else "" for line in lines]


def _dedented(line: str, indent: int) -> str:
    """A code line without the fence's indent, or as much of it as the line has."""
    return line[min(indent, len(line) - len(line.lstrip(" "))) :]


class IndentedFencesExtension(markdown.Extension):
    """After the stage that expands tabs, before the fenced code stage."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.preprocessors.register(IndentedFences(md), "glossary-indented-fences", 28)


def _fence_message(mark: str, info: str) -> str:
    language = info.split()[0].lstrip(".{").rstrip("}") if info.split() else ""
    highlight = f" (a first line ':::{language}' highlights it)" if language.isidentifier() else ""
    return (
        f"this code fence '{mark}{info}' is indented, and a fence is read only at the start of a "
        "line, so the page shows it and the code as text; in a list item or admonition, leave out "
        "the fences and indent the code 4 spaces more than the text around it, after a blank line, "
        f"to make it a code block{highlight}, or move the fenced block out, unindented"
    )


def _box_message(indent: int, needed: int) -> str:
    return (
        f"this line is indented {indent} spaces, and an admonition's text 4 spaces here, so the box "
        f"is left empty and this is shown below it; indent the text {needed} spaces"
    )
