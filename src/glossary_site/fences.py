"""Code fences the Markdown engine would not read as fences.

Python-Markdown's fences take a language and `hl_lines="…"`, nothing else. A fence written
for another generator (```python title="app.py"`, linenums="1") is not one: its first line
and code come out as a paragraph, and its closing fence opens a code block that swallows the
text after it, headings and all, up to the next bare fence. `FenceAttributes` writes such a
fence as the engine reads it (fence_info.read_info says what it asks for), its title above
it; one that is not attributes (words after the language) is reported at its line.

`hl_lines` takes ranges too, as MkDocs Material's fences do ("1 3-5"): Python-Markdown reads
only numbers and silently highlights nothing otherwise, so `HighlightRanges` writes the
ranges out before it sees them, and a value that is neither is reported at its line.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Iterator
from typing import Any

import markdown
from markdown.extensions.fenced_code import FencedBlockPreprocessor, FencedCodeExtension
from markdown.preprocessors import Preprocessor

from glossary_site.fence_info import FenceInfo, dropped_message, read_info
from glossary_site.model import Breaks
from glossary_site.myst import DIRECTIVE_RE, directive_message
from glossary_site.yaml_lines import lines_down

#: A fence at the start of a line (the engine reads none that is indented), and what follows it.
FENCE_RE = re.compile(r"(`{3,}|~{3,})(.*)")
#: What the engine reads after an opening fence: a language (`.python` too) and hl_lines, bare
#: or in braces, or braces holding only names (MyST's `{note}`, which myst.py reports). Any
#: other attribute is fence_info's: the engine would drop a title (`{.python title="app.py"}`,
#: as Material writes it) and the rest too (PygmentsSafeFences), with no word.
INFO_RE = re.compile(
    r"[ ]*(?:\{(?:[ ]*\.[\w#+-][\w#.+-]*[ ]*(?:hl_lines=(\"|').*?\1[ ]*)?|(?:[ ]*[A-Za-z][\w:-]*)*[ ]*)\}[ ]*"
    r"|\.?[\w#.+-]*[ ]*(?:hl_lines=(\"|').*?\2[ ]*)?)"
)
LANGUAGE_RE = re.compile(r"[ ]*\.?[\w#.+-]*[ ]*")
#: A fence's `hl_lines="…"` (or '…'), after its language or in its braces.
HL_LINES_RE = re.compile(r"""\bhl_lines=("|')(.*?)\1""")
#: A line number or a range of them; longer numbers are no line of any text.
_LINES_RE = re.compile(r"([0-9]{1,9})(?:-([0-9]{1,9}))?")
#: A fence as a reader of the text takes it: indented up to 3 spaces, whatever follows.
LOOSE_FENCE_RE = re.compile(r"[ ]{0,3}(`{3,}|~{3,})")


def outside_fences(lines: list[str], fences: re.Pattern[str] = LOOSE_FENCE_RE) -> Iterator[tuple[int, str]]:
    """(index, line) of each line that is not a fence nor inside a fenced block: shortcodes
    and other generators' syntax shown in code are examples, not mistakes. `fences`: what
    opens one (as a reader of the text takes a fence, unless told otherwise)."""
    fence = ""
    for index, line in enumerate(lines):
        opened = fences.match(line)
        if fence:
            if opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence):
                fence = ""
        elif opened:
            fence = opened.group(1)
        else:
            yield index, line


#: A line after which an indented line, even past a blank one, continues it rather than
#: starting a code block: a list item, an admonition, a footnote, a definition.
_CONTAINER_RE = re.compile(r"[ ]{0,3}(?:[-+*][ \t]|\d+[.)][ \t]|!!!|\?\?\?|===|\[\^[^\]]+\]:|:[ \t])")


def outside_code(lines: list[str], fences: re.Pattern[str] = LOOSE_FENCE_RE) -> Iterator[tuple[int, str]]:
    """(index, line) of each line outside fenced and indented code, blank ones included: what
    a text shows in code is an example, not Markdown to check. `fences`: as outside_fences."""
    code = False
    blank = container = True
    for index, line in outside_fences(lines, fences):
        if not line.strip():
            blank = True
            yield index, line
            continue
        spaced = line.expandtabs(4)
        indent = len(spaced) - len(spaced.lstrip())
        if indent >= 4 and (code or (blank and not container)):
            code = True
            continue
        if indent < 4:
            container = bool(_CONTAINER_RE.match(line)) or (container and not blank)
        code = blank = False
        yield index, line


def openings(text: str) -> Iterator[tuple[int, str, str, bool]]:
    """(line index, fence, what follows it, whether a later line closes it) of each opening
    fence outside fenced blocks (code that shows a fence is left alone). Only a fence that a
    later one closes opens a block, as with the engine; a line that merely starts with ``` and
    inline code such as ```x()``` are text."""
    if "```" not in text and "~~~" not in text:
        return
    lines = text.split("\n")
    closers = Closers(lines)
    open_fence = None
    for index, line in enumerate(lines):
        fence = FENCE_RE.match(line)
        if fence is None:
            continue
        mark, info = fence.groups()
        if open_fence is not None:
            if mark == open_fence and not info.strip(" "):
                open_fence = None
        elif mark[0] not in info:
            closed = closers.exact(index, mark)
            open_fence = mark if closed else None
            yield index, mark, info, closed


#: A quotation's mark at the start of its line, with the space after it; 4 spaces in or more
#: only in a box, a tab, a note or a list item (outside_code tells those from code).
QUOTE_MARK_RE = re.compile(r"[ ]*>[ ]?")
#: A fence in a quotation: what quoted_openings looks for, most texts having none.
_QUOTED_FENCE_RE = re.compile(r">[ >]*(?:```|~~~)")


def quotations(lines: list[str]) -> Iterator[tuple[int, int, list[str]]]:
    """(start, end, text without its '>'s) of each quotation outside code: a quotation shown
    in code is an example."""
    free = {index for index, _ in outside_code(lines)}
    start = 0
    while start < len(lines):
        end = start
        while end < len(lines) and end in free and QUOTE_MARK_RE.match(lines[end]):
            end += 1
        if end > start:
            yield start, end, [QUOTE_MARK_RE.sub("", line, 1) for line in lines[start:end]]
        start = max(end, start + 1)


def quoted_openings(text: str) -> Iterator[tuple[int, str, str, bool]]:
    """openings, of the fences in the text's quotations (quoted_fences reads each quotation's
    text as the top level's), quotations in quotations too; line indexes are the text's."""
    if ">" not in text or _QUOTED_FENCE_RE.search(text) is None:
        return
    for start, _, inner in quotations(text.split("\n")):
        joined = "\n".join(inner)
        for index, mark, info, closed in itertools.chain(openings(joined), quoted_openings(joined)):
            yield start + index, mark, info, closed


def highlighted_lines(value: str, most: int) -> list[int] | None:
    """The lines an `hl_lines` value names, its ranges written out ("1 3-5" is 1 3 4 5), none
    past line `most` (a block has no more lines than its text, and "1-999999999" must not
    take the memory); None if a part is neither a line number nor a range from a line to a
    later one."""
    lines: list[int] = []
    for part in value.split():
        found = _LINES_RE.fullmatch(part)
        first = int(found.group(1)) if found else 0
        last = int(found.group(2) or first) if found else 0
        if first < 1 or last < first:
            return None
        lines += range(first, min(last, max(most, first)) + 1)
    return lines


class HighlightRanges(Preprocessor):
    """Writes out the ranges of each read fence's `hl_lines`, for the fenced code stage."""

    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        if "hl_lines" not in text:
            return lines
        lines = list(lines)
        for index, _, info, closed in openings(text):
            if closed and "hl_lines" in info:
                lines[index] = HL_LINES_RE.sub(lambda found: _written_out(found, len(lines)), lines[index], 1)
        return lines


def _written_out(found: re.Match[str], most: int) -> str:
    numbers = highlighted_lines(found.group(2), most)
    if numbers is None:  # reported by fence_problems; the engine highlights nothing
        return found.group(0)
    return f"hl_lines={found.group(1)}{' '.join(map(str, numbers))}{found.group(1)}"


class HighlightRangesExtension(markdown.Extension):
    """Before the fenced code stage, after the one that expands tabs."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.preprocessors.register(HighlightRanges(md), "glossary-hl-lines", 27)


def foreign_fences(text: str) -> Iterator[tuple[int, str, FenceInfo]]:
    """(line index, fence, what it asks for) of each closed fence whose info string the
    engine does not read and read_info does."""
    for index, mark, info, closed in openings(text):
        if closed and not INFO_RE.fullmatch(info) and (found := read_info(info)) is not None:
            yield index, mark, found


def dropped_attributes(text: str) -> Iterator[tuple[int, str]]:
    """(line index, warning) for each foreign fence attribute the page goes without."""
    for index, _, found in foreign_fences(text):
        for name in found.dropped:
            yield index, dropped_message(name)


class FenceAttributes(Preprocessor):
    """Writes each foreign fence as the engine reads it, its title above it."""

    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        if "```" not in text and "~~~" not in text:
            return lines
        written = list(lines)
        for index, mark, found in reversed(list(foreign_fences(text))):
            written[index] = found.fence(mark)
            if found.title:
                written[index:index] = ["", self.md.htmlStash.store(found.caption()), ""]
        return written


class PygmentsSafeFences(FencedBlockPreprocessor):
    """The stock fence stage, giving Pygments no option from a fence's braces but hl_lines.

    The stock stage hands Pygments every key it finds there as an option: `{style}` or
    `{ .py lang=go }` stopped the build with a TypeError, `{ .py css_class=x }` made a block
    the theme cannot style. FenceAttributes writes a fence with other keys without them, and
    the checks say so; this keeps any the engine still sees from reaching Pygments.
    """

    def handle_attrs(self, attrs: Iterable[tuple[str, str]]) -> tuple[str, list[str], dict[str, Any]]:
        found_id, classes, options = super().handle_attrs(attrs)
        return found_id, classes, {key: value for key, value in options.items() if key == "hl_lines"}


class FenceAttributesExtension(markdown.Extension):
    """After the stage that moves indented fences, before the one that writes out hl_lines
    ranges; and the fence stage itself, in its place."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.preprocessors.register(FenceAttributes(md), "glossary-fence-attributes", 27.5)
        fenced = next(found for found in md.registeredExtensions if isinstance(found, FencedCodeExtension))
        md.preprocessors.register(PygmentsSafeFences(md, fenced.getConfigs()), "fenced_code_block", 25)


#: The fence languages GitHub, GitLab, MkDocs Material and Docusaurus draw as a diagram.
DIAGRAM_LANGUAGES = frozenset({"mermaid"})


def diagram_fences(text: str) -> Iterator[tuple[int, str]]:
    """(line index, warning) for each fence that other sites draw as a diagram: here the page
    shows its code, which an editor moving pages over would otherwise find only by reading."""
    for index, mark, info, closed in openings(text):
        language = LANGUAGE_RE.match(info)
        name = language.group(0).strip().lstrip(".").lower() if language else ""
        if closed and name in DIAGRAM_LANGUAGES:
            yield (
                index,
                (
                    f"'{mark}{name}' is drawn as a diagram on GitHub and in MkDocs Material, not here: the "
                    f"page shows its code; draw it as an image (an SVG in static/images/, shown with "
                    f"![what it shows](/images/name.svg)), or fence it as '{mark}text' to show the code"
                ),
            )


def directive_fences(text: str) -> Iterator[tuple[int, str, re.Match[str]]]:
    """(line index, fence, directive) of each MyST directive fence the engine reads, as a code
    block of the directive's text; one it cannot read (`{admonition} Title`) is fence_problems'."""
    for index, mark, info, closed in openings(text):
        found = DIRECTIVE_RE.fullmatch(info)
        if closed and found and INFO_RE.fullmatch(info):
            yield index, mark, found


def unclosed_fences(text: str) -> Iterator[tuple[int, str]]:
    """(line index, fence) of each opening fence that no later line closes: the engine then
    reads no block, so the page shows the fence and the code as a paragraph of text, which a
    new editor who forgot the closing line would otherwise only find by reading the page."""
    for index, mark, _, closed in itertools.chain(openings(text), quoted_openings(text)):
        if not closed:
            yield index, mark


def unclosed_message(mark: str) -> str:
    return (
        f"this code fence '{mark}' is never closed, so the page shows it and the code as text; "
        f"end the code with a line of {mark}"
    )


def fence_problems(text: str, first_line: int, breaks: Breaks | None = None) -> Iterator[tuple[int, str]]:
    """(file line, message) for each fence of a Markdown text the engine would not read: a
    body, or a YAML value (a definition, an answer, site.yml's intro) whose first line is
    `first_line` of its file and whose file lines begin at `breaks` (yaml_lines.Located)."""
    starts: list[int] = []
    for index, mark, info, closed in itertools.chain(openings(text), quoted_openings(text)):
        if not closed:
            continue
        readable = INFO_RE.fullmatch(info)
        foreign = None if readable else read_info(info)
        if readable or foreign:
            marked = HL_LINES_RE.search(info) if readable else None
            lines = foreign.hl_lines if foreign else (marked.group(2) if marked else "")
            if highlighted_lines(lines, 1) is not None:
                continue
            message = hl_lines_message(lines)
        elif directive := DIRECTIVE_RE.fullmatch(info):
            message = directive_message(mark, directive.group(1), directive.group(2).strip(), GARBLED)
        else:
            message = fence_message(LANGUAGE_RE.sub("", info, count=1).strip())
        if not starts:
            starts = [0]
            for line in text.split("\n"):
                starts.append(starts[-1] + len(line) + 1)
        yield first_line + lines_down(text, starts[index], breaks), message


class Closers:
    """The lines of a text that are a fence alone, to find the one that closes an opening fence
    without reading every later line for each: a text of 20,000 fences that none closes took
    11 s to check, and 42 s indented under a list item."""

    def __init__(self, lines: list[str]) -> None:
        self.exactly: dict[str, list[int]] = {}  # a fence at the start of the line: its indexes
        self.loosely: dict[str, list[tuple[int, int]]] = {}  # indented or not: index, length
        for index, line in enumerate(lines):
            bare = line.strip()
            if len(bare) >= 3 and bare[0] in "`~" and not bare.strip(bare[0]):
                self.loosely.setdefault(bare[0], []).append((index, len(bare)))
                if line.startswith(bare):
                    self.exactly.setdefault(line.rstrip(" "), []).append(index)
        # for each of those lines, the longest fence from it on: a search that cannot succeed
        # stops at once
        self.longest = {
            char: list(itertools.accumulate((length for _, length in reversed(found)), max))[::-1]
            for char, found in self.loosely.items()
        }

    def exact(self, start: int, mark: str) -> bool:
        """Whether a later line is `mark` alone, as the engine closes a fence."""
        found = self.exactly.get(mark, [])
        return bisect.bisect_right(found, start) < len(found)

    def loose(self, start: int, mark: str) -> int | None:
        """The first later line that is a fence of `mark`'s character at least as long, at any
        indent: the line that closes an indented fence as its editor meant it."""
        found, longest = self.loosely.get(mark[0], []), self.longest.get(mark[0], [])
        at = bisect.bisect_left(found, (start + 1, 0))
        if at == len(found) or longest[at] < len(mark):
            return None
        return next(index for index, length in found[at:] if length >= len(mark))


GARBLED = (
    'a code fence takes a language, title="…" and hl_lines="…" only, so this block and the text '
    "after it come out garbled"
)


def fence_message(extra: str) -> str:
    return (
        f'a code fence takes a language, title="…" and hl_lines="…" only, not \'{extra}\', or this '
        "block and the text after it come out garbled"
    )


def hl_lines_message(value: str) -> str:
    return (
        f'hl_lines="{value}" names no lines, so none are highlighted: write line numbers and ranges '
        'of the block\'s lines, from first to last, separated by spaces: hl_lines="1 3-5"'
    )
