"""Python-Markdown's own stages, minus work that cannot change the result.

Most of a term's conversion time goes to regular expressions that look for syntax the text
does not contain: a table test on a block with no '|', a heading search on one with no '#',
an HTML parser over text with no '<'. Each text-gated stage here first checks for the text its
stock counterpart cannot match without and otherwise hands over to that stock stage, so the
output is the stock output (tests convert the same input both ways, `markup.Converter(fast=True)`
against `fast=False`, and compare).

Python-Markdown has no public hooks for this, so the stages lean on its internals, which a
release may change without notice. That is why they are used only with the releases in
TESTED_MARKDOWN (pyproject.toml requires the same; a test checks the installed release is one),
and any other release gets the stock stages and a warning. What they rely on, and why:

- `InlineProcessor._InlineProcessor__handleInline` (name-mangled) is overridden and
  `_InlineProcessor__applyPattern` called: the loop over inline patterns is the only place to
  choose which patterns run on a piece of text.
- `Registry._priority`: a replacement must take its stock stage's exact place, and the registry
  has no public way to ask for an item's priority.
- `Markdown.lines`, set by `convert()`: the preprocessed source, to look for a backslash or a
  table-of-contents marker once per document.
- `Markdown.is_block_level` is replaced on the instance, with `Markdown.block_level_elements`.
- `LinkInlineProcessor._findBracketEnds` (from 3.11.4) is replaced on the instances of the link
  and image patterns by `bracket_ends`, which returns the same list.
- `preprocessors.NormalizeWhitespace.run` is copied, step for step.
- `TocTreeprocessor.run` is copied minus building the table of contents: the module functions
  `toc.render_inner_html`, `toc.remove_fnrefs`, `toc.strip_tags` and `toc.unique` (whose third
  argument, the counters, first appears in 3.11.3), and the processor's `marker`, `header_rgx`,
  `set_level`, `slugify`, `sep`, `use_anchors`, `use_permalinks`, `add_anchor`, `add_permalink`.
"""

from __future__ import annotations

import functools
import html
import re
import warnings
import xml.etree.ElementTree as etree
from collections.abc import Iterator
from typing import Any

import markdown
from markdown import blockprocessors, inlinepatterns, preprocessors, treeprocessors
from markdown.extensions import toc

from glossary_site.table_pipes import EscapedPipeTable

#: The Python-Markdown releases these stages are tested with, as pyproject.toml requires them.
#: 3.11.3 is the first whose `toc.unique` takes the counters the stock `toc` stage now passes;
#: the next minor release may change any of the internals listed above.
TESTED_MARKDOWN = ">=3.11.3,<3.12"


def _release(version: str) -> tuple[int, ...]:
    """The numeric part of a version: "3.12.0rc1" is (3, 12, 0), which is not below (3, 12)."""
    found = re.match(r"\d+(?:\.\d+)*", version)
    return tuple(int(number) for number in found.group().split(".")) if found else ()


LOWEST_TESTED, FIRST_UNTESTED = (_release(bound) for bound in TESTED_MARKDOWN[2:].split(",<"))


def is_tested(version: str) -> bool:
    """Whether a Python-Markdown version is within TESTED_MARKDOWN."""
    return LOWEST_TESTED <= _release(version) < FIRST_UNTESTED


@functools.cache
def _usable_with(version: str) -> bool:
    """Cached per version, so the warning comes once per process however many engines are built."""
    if is_tested(version):
        return True
    warnings.warn(
        f"Python-Markdown {version} is not one the glossary's text-gated Markdown stages are tested "
        f"with (markdown{TESTED_MARKDOWN}); converting with its stock stages instead, which is slower",
        RuntimeWarning,
        stacklevel=2,
    )
    return False


#: Text an inline pattern's regex cannot match without, by registered name. Only these are
#: skipped when their text is absent; any other pattern (a new extension's) always runs.
PATTERN_NEEDS: dict[str, tuple[str, ...]] = {
    "backtick": ("`",),
    "escape": ("\\",),
    "footnote": ("[",),
    "reference": ("[",),
    "link": ("[",),
    "short_reference": ("[",),
    "image_link": ("![",),
    "image_reference": ("![",),
    "short_image_ref": ("![",),
    "autolink": ("<",),
    "automail": ("<",),
    "html": ("<",),
    "entity": ("&",),
    "linebreak": ("  \n",),
    "em_strong": ("*", "_"),
    "em_strong2": ("_",),
    "not_strong": ("*", "_"),
    "glossary-wikilink": ("[[",),
    "glossary-formula": ("$",),
    "glossary-backslash-break": ("\\\n",),
    "glossary-bare-address": ("://", "www."),
    "glossary-bare-email": ("@",),
    "glossary-strikethrough": ("~~",),
    "glossary-emoji": (":",),
    "glossary-hugo-shortcode": ("{{<",),
    "glossary-mark": ("==",),
    "glossary-insert": ("^^",),
    "glossary-subscript": ("~",),
    "glossary-superscript": ("^",),
    "glossary-keys": ("++",),
}

#: The same for block processors: without any of these in a block, the stock test is false
#: (or, for the footnote, reference and abbreviation processors, whose test is always true,
#: their run finds nothing and hands the block on unchanged).
BLOCK_NEEDS: dict[str, tuple[str, ...]] = {
    "table": ("|",),
    "hashheader": ("#",),
    "setextheader": ("\n=", "\n-"),  # the underline follows the first line
    # A rule is three or more of one of these, at most two spaces apart.
    "hr": ("--", "- -", "-  -", "__", "_ _", "_  _", "**", "* *", "*  *"),
    "quote": (">",),
    "footnote": ("[^",),
    "reference": ("]:",),
    "abbr": ("*[",),  # its test is always true too
    "deflist": (":",),
    # An admonition's first line, or the indented text that continues one.
    "admonition": ("!!!", "    "),
    "glossary-formula": ("$$",),
}

#: The same for preprocessors: where its pattern finds nothing, the stock stage changes nothing.
PREPROCESSOR_NEEDS: dict[str, re.Pattern[str]] = {
    "html_block": re.compile("[<&]"),  # no HTML, and no entity the HTML parser would rewrite
    # A line that is a fence alone, which ends every block the stage reads; without one, its
    # pattern searched to the end of the text from each opening fence: 25 s for 20,000.
    "fenced_code_block": re.compile(r"^(?:`{3,}|~{3,})[ ]*$", re.MULTILINE),
}


class TextGatedStages(markdown.Extension):
    """Puts the stages below in their stock counterparts' places, on a tested Python-Markdown.

    Listed after every other extension, so the stock stages it wraps are all registered. On any
    other release it leaves the stock stages in place (with a warning, once): internals it
    relies on may have changed, and a page converted differently would go unnoticed.
    """

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        if not _usable_with(markdown.__version__):
            return
        trees, blocks = md.treeprocessors, md.parser.blockprocessors
        trees.register(TextGatedInlineProcessor(md), "inline", _priority(trees, "inline"))
        pre = md.preprocessors
        pre.register(KeepWritten(md), "glossary-keep-written", 1000)
        pre.register(
            TextGatedNormalizeWhitespace(md), "normalize_whitespace", _priority(pre, "normalize_whitespace")
        )
        for name, needed in PREPROCESSOR_NEEDS.items():
            if name in pre:
                pre.register(TextGatedPreprocessor(md, pre[name], needed), name, _priority(pre, name))
        if "table" in blocks and type(blocks["table"]) is EscapedPipeTable:
            stock_table = blocks["table"]
            blocks.register(
                PlainPipeTable(md.parser, stock_table.config),  # type: ignore[attr-defined]
                "table",
                _priority(blocks, "table"),
            )
        for name, needs in BLOCK_NEEDS.items():
            if name in blocks:
                blocks.register(TextGatedBlockProcessor(blocks[name], needs), name, _priority(blocks, name))
        if "unescape" in trees:
            trees.register(TextGatedUnescape(md), "unescape", _priority(trees, "unescape"))
        stock_toc = [stage for stage in trees if isinstance(stage, toc.TocTreeprocessor)]
        if stock_toc:
            trees.register(HeadingIdsAndPermalinks(md, stock_toc[0]), "toc", _priority(trees, "toc"))
        md.is_block_level = BlockLevel(md.block_level_elements)  # type: ignore[method-assign]
        md.parser.blockprocessors = ListedRegistry(blocks)
        links = (p for p in md.inlinePatterns if isinstance(p, inlinepatterns.LinkInlineProcessor))
        for pattern in links:
            if hasattr(pattern, "_findBracketEnds"):  # from 3.11.4
                pattern._findBracketEnds = bracket_ends


_BRACKET_RE = re.compile(r"[\[\]]")


def bracket_ends(data: str) -> list[int | None]:
    """`LinkInlineProcessor._findBracketEnds`: for each index of `data`, the index just past the
    `]` that closes the bracket open there (the depth first falls below that index's), or None.

    The stock loop looks at every character in Python, anew whenever a pattern has changed the
    text: in 3.11.4 it took 40 % of converting text with a Markdown link every few lines (the
    benchmark's bodies with their wiki-links written as links, bench/engines.py). The depth
    changes only after a bracket, so this walks the brackets and fills the indexes between two
    at once.
    """
    ends: list[int | None] = [None] * (len(data) + 1)
    if "]" not in data:
        return ends
    runs: list[tuple[int, int, int]] = []  # runs still open: first index, last index + 1, depth
    start = depth = 0
    for bracket in _BRACKET_RE.finditer(data):
        stop = bracket.end()
        runs.append((start, stop, depth))
        depth += 1 if bracket.group() == "[" else -1
        while runs and depth < runs[-1][2]:
            first, after, _ = runs.pop()
            ends[first:after] = [stop] * (after - first)
        start = stop
    return ends


class ListedRegistry(markdown.util.Registry[Any]):
    """A registry that keeps its items listed in order until it changes: the block parser goes
    through every block processor for every block, and the stock one lists them anew each time."""

    def __init__(self, items: markdown.util.Registry[Any]) -> None:
        super().__init__()
        self.listed: list[Any] | None = None
        # A copy: looking an item up sorts the list in place, and an item sorted to a place
        # already passed (an admonition's, at 105, listed last) would be left out.
        for item in list(items._priority):  # type: ignore[attr-defined]
            self.register(items[item.name], item.name, item.priority)

    def register(self, item: Any, name: str, priority: float) -> None:
        self.listed = None
        super().register(item, name, priority)

    def deregister(self, name: str, strict: bool = True) -> None:
        self.listed = None
        super().deregister(name, strict)

    def __iter__(self) -> Iterator[Any]:
        if self.listed is None:
            self.listed = list(super().__iter__())
        return iter(self.listed)


class BlockLevel:
    """`Markdown.is_block_level` with a set: the stock one scans a list of 59 tags, and it is
    asked about every element several times. Taken when every extension has added its tags."""

    def __init__(self, elements: list[str]) -> None:
        self.elements = frozenset(elements)

    def __call__(self, tag: Any) -> bool:
        return isinstance(tag, str) and tag.lower().rstrip("/") in self.elements


def _priority(registry: markdown.util.Registry[Any], name: str) -> float:
    """A replacement takes its stock stage's place; the registry has no public way to ask it."""
    return float(next(item.priority for item in registry._priority if item.name == name))  # type: ignore[attr-defined]


class TextGatedInlineProcessor(treeprocessors.InlineProcessor):
    """The inline stage without the patterns that cannot match.

    The stock loop runs all 16 patterns' regexes over every piece of text; most text holds no
    `*`, `[`, `<` or backtick at all. The loop otherwise mirrors the stock `__handleInline`.
    """

    needs: list[frozenset[str] | None] | None = None
    triggers = frozenset(text for needs in PATTERN_NEEDS.values() for text in needs)

    def run(self, tree: etree.Element, ancestors: list[str] | None = None) -> etree.Element:
        if self.needs is None:  # on first use: every extension has registered its patterns
            patterns = self.inlinePatterns
            self.needs = [None] * len(patterns)
            self.needed: list[re.Pattern[str] | None] = [None] * len(patterns)
            for name, needs in PATTERN_NEEDS.items():
                if name in patterns:
                    index = patterns.get_index_for_name(name)
                    self.needs[index] = frozenset(needs)
                    self.needed[index] = re.compile("|".join(map(re.escape, needs)))
            self.patterns = list(patterns)
            self.plans: dict[frozenset[str], list[int]] = {}
        return super().run(tree, ancestors)

    def plan(self, data: str) -> list[int]:
        """For each pattern index, the first pattern from there on that can match this text."""
        present = frozenset(text for text in self.triggers if text in data)
        plan = self.plans.get(present)
        if plan is None:
            assert self.needs is not None  # set by run()
            count = len(self.needs)
            plan = [count] * (count + 1)
            for index in reversed(range(count)):
                needs = self.needs[index]
                plan[index] = index if needs is None or not needs.isdisjoint(present) else plan[index + 1]
            self.plans[present] = plan
        return plan

    def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> str:
        if isinstance(data, markdown.util.AtomicString):
            return data
        patterns, plan = self.patterns, self.plan(data)
        index, start = plan[patternIndex], 0
        while index < len(patterns):
            data, matched, start = self._InlineProcessor__applyPattern(  # type: ignore[attr-defined]
                patterns[index], data, index, start
            )
            if matched:
                # The same pattern again, from where it matched, if its text is still ahead.
                # Asking the plan anew after every match, or looking behind `start`, read the
                # paragraph once per match: minutes for 50,000 tags. Asked once the pattern is
                # done, it skips the patterns whose text the matches took (a link's '[').
                needed = self.needed[index]
                if needed is not None and not needed.search(data, start):
                    plan = self.plan(data)
                    index, start = plan[index + 1], 0
            else:
                index = plan[index + 1]
        return data


class PlainPipeTable(EscapedPipeTable):
    """The site's table stage, but a row with no backtick, backslash or wiki-link is split at
    every pipe: the stock scan, a character loop in Python, looks for pipes inside code spans
    and escaped pipes, and without those two characters there are none; a wiki-link's pipe is
    its own (table_pipes). Rows are split twice for every table (test, then run), so this was
    most of a table's conversion time."""

    def _split_row(self, row: str) -> list[str]:
        if "`" in row or "\\" in row or "[[" in row:
            return super()._split_row(row)
        if self.border:  # the stock end-border pattern, with no backslash before the pipe
            row = row.removeprefix("|").removesuffix("|")
        return row.split("|")


class TextGatedBlockProcessor(blockprocessors.BlockProcessor):
    """A stock block processor whose test first checks for the text it needs."""

    def __init__(self, stock: blockprocessors.BlockProcessor, needs: tuple[str, ...]) -> None:
        super().__init__(stock.parser)
        self.stock = stock
        # One regex finds any of the texts at C speed; this runs for every block and processor.
        self.needed = re.compile("|".join(map(re.escape, needs)))

    def test(self, parent: etree.Element, block: str) -> bool:
        return bool(self.needed.search(block)) and bool(self.stock.test(parent, block))

    def run(self, parent: etree.Element, blocks: list[str]) -> bool | None:
        return self.stock.run(parent, blocks)


#: What the stock stage's `re.sub(r'(?<=\n) +\n', ...)` matches, as a compiled pattern.
SPACES_LINE_RE = re.compile(r"(?<=\n) +\n")


class TextGatedNormalizeWhitespace(preprocessors.NormalizeWhitespace):
    """The stock stage, but tabs are expanded and lines of spaces emptied only if there are any.

    Its regex alone takes longer than the rest of the stage on a term with neither.
    """

    def run(self, lines: list[str]) -> list[str]:
        source = "\n".join(lines)
        source = source.replace(markdown.util.STX, "").replace(markdown.util.ETX, "")
        source = source.replace("\r\n", "\n").replace("\r", "\n") + "\n\n"
        if "\t" in source:
            source = source.expandtabs(self.md.tab_length)
        if " \n" in source:
            source = SPACES_LINE_RE.sub("\n", source)
        return source.split("\n")


class TextGatedPreprocessor(preprocessors.Preprocessor):
    """A stock preprocessor that runs only when the text holds what it needs."""

    def __init__(
        self, md: markdown.Markdown, stock: preprocessors.Preprocessor, needed: re.Pattern[str]
    ) -> None:
        super().__init__(md)
        self.stock, self.needed = stock, needed

    def run(self, lines: list[str]) -> list[str]:
        return self.stock.run(lines) if self.needed.search("\n".join(lines)) else lines


def _source(md: markdown.Markdown) -> str:
    """The text the block parser was given, and the text as written: every text the inline
    stage sees comes from one of them (md_in_html takes the Markdown inside `<div markdown>`
    out of the first, into its stash)."""
    lines: list[str] = md.lines  # type: ignore[attr-defined]  # set by Markdown.convert
    written: str = md.glossary_written  # type: ignore[attr-defined]  # set by KeepWritten
    return written + "\n" + "\n".join(lines)


class KeepWritten(preprocessors.Preprocessor):
    """Keeps the text as written, before any preprocessor, for _source."""

    def run(self, lines: list[str]) -> list[str]:
        self.md.glossary_written = "\n".join(lines)  # type: ignore[attr-defined]
        return lines


class TextGatedUnescape(treeprocessors.UnescapeTreeprocessor):
    """Backslash escapes are the only source of what the stock stage restores."""

    def run(self, root: etree.Element) -> None:
        if "\\" in _source(self.md):
            super().run(root)


class HeadingIdsAndPermalinks(treeprocessors.Treeprocessor):
    """The `toc` stage's heading ids and permalinks, set exactly as the stock stage sets them.

    The stock stage also builds and serialises a table of contents, which no page shows unless
    the text holds its marker; where the text may hold it, the stock stage runs whole.
    """

    def __init__(self, md: markdown.Markdown, stock: toc.TocTreeprocessor) -> None:
        super().__init__(md)
        self.stock = stock
        words: list[str] = re.findall(r"\w+", stock.marker) if stock.marker else []
        self.marker_word = max(words, key=len, default="")  # escapes cannot make a letter

    def run(self, doc: etree.Element) -> None:
        stock = self.stock
        if stock.marker and self.marker_word in _source(self.md):
            stock.run(doc)
            return
        used_ids = {el.attrib["id"] for el in doc.iter() if "id" in el.attrib}
        counters: dict[str, int] = {}
        for el in doc.iter():
            if not (isinstance(el.tag, str) and stock.header_rgx.match(el.tag)):
                continue
            stock.set_level(el)
            if "id" not in el.attrib:
                name = html.unescape(toc.strip_tags(toc.render_inner_html(toc.remove_fnrefs(el), self.md)))
                el.attrib["id"] = toc.unique(stock.slugify(name, stock.sep), used_ids, counters)
            el.attrib.pop("data-toc-label", None)
            if stock.use_anchors:
                stock.add_anchor(el, el.attrib["id"])
            if stock.use_permalinks not in [False, None]:
                stock.add_permalink(el, el.attrib["id"])
