"""Python-Markdown's own stages, minus work that cannot change the result.

Most of a term's conversion time goes to regular expressions that look for syntax the text
does not contain: a table test on a block with no '|', a heading search on one with no '#',
an HTML parser over text with no '<'. Each stage here first checks for the text its stock
counterpart cannot match without and otherwise hands over to that stock stage, so the output
is the stock output (tests convert the same input both ways and compare).
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from collections.abc import Iterator
from typing import Any

import markdown
from markdown import blockprocessors, preprocessors, treeprocessors
from markdown.extensions import toc

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
}

#: The same for block processors: without any of these in a block, the stock test is false
#: (or, for the footnote and reference processors, whose test is always true, their run finds
#: nothing and hands the block on unchanged).
BLOCK_NEEDS: dict[str, tuple[str, ...]] = {
    "table": ("|",),
    "hashheader": ("#",),
    "setextheader": ("\n=", "\n-"),  # the underline follows the first line
    # A rule is three or more of one of these, at most two spaces apart.
    "hr": ("--", "- -", "-  -", "__", "_ _", "_  _", "**", "* *", "*  *"),
    "quote": (">",),
    "footnote": ("[^",),
    "reference": ("]:",),
}

#: The same for preprocessors: without any of these in the text, the stock stage changes nothing.
PREPROCESSOR_NEEDS: dict[str, tuple[str, ...]] = {
    "html_block": ("<", "&"),  # no HTML, and no entity the HTML parser would rewrite
    "fenced_code_block": ("```", "~~~"),
}


class QuickStages(markdown.Extension):
    """Listed after every other extension, so the stock stages it wraps are all registered."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        trees, blocks = md.treeprocessors, md.parser.blockprocessors
        trees.register(QuickInlineProcessor(md), "inline", _priority(trees, "inline"))
        pre = md.preprocessors
        pre.register(
            QuickNormalizeWhitespace(md), "normalize_whitespace", _priority(pre, "normalize_whitespace")
        )
        for name, needs in PREPROCESSOR_NEEDS.items():
            if name in pre:
                pre.register(QuickPreprocessor(md, pre[name], needs), name, _priority(pre, name))
        for name, needs in BLOCK_NEEDS.items():
            if name in blocks:
                blocks.register(QuickBlockTest(blocks[name], needs), name, _priority(blocks, name))
        if "unescape" in trees:
            trees.register(QuickUnescape(md), "unescape", _priority(trees, "unescape"))
        stock_toc = [stage for stage in trees if isinstance(stage, toc.TocTreeprocessor)]
        if stock_toc:
            trees.register(LeanToc(md, stock_toc[0]), "toc", _priority(trees, "toc"))
        md.is_block_level = BlockLevel(md.block_level_elements)  # type: ignore[method-assign]
        md.parser.blockprocessors = ListedRegistry(blocks)


class ListedRegistry(markdown.util.Registry[Any]):
    """A registry that keeps its items listed in order until it changes: the block parser goes
    through every block processor for every block, and the stock one lists them anew each time."""

    def __init__(self, items: markdown.util.Registry[Any]) -> None:
        super().__init__()
        self.listed: list[Any] | None = None
        for item in items._priority:  # type: ignore[attr-defined]
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


class QuickInlineProcessor(treeprocessors.InlineProcessor):
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
            for name, needs in PATTERN_NEEDS.items():
                if name in patterns:
                    self.needs[patterns.get_index_for_name(name)] = frozenset(needs)
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
            if matched:  # the same pattern again, from where it matched, if it still can
                plan = self.plan(data)
                if plan[index] != index:
                    index, start = plan[index], 0
            else:
                index = plan[index + 1]
        return data


class QuickBlockTest(blockprocessors.BlockProcessor):
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


class QuickNormalizeWhitespace(preprocessors.NormalizeWhitespace):
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


class QuickPreprocessor(preprocessors.Preprocessor):
    """A stock preprocessor that runs only when the text holds one of the texts it needs."""

    def __init__(
        self, md: markdown.Markdown, stock: preprocessors.Preprocessor, needs: tuple[str, ...]
    ) -> None:
        super().__init__(md)
        self.stock, self.needs = stock, needs

    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        return self.stock.run(lines) if any(needed in text for needed in self.needs) else lines


def _source(md: markdown.Markdown) -> str:
    """The text the block parser was given: every text the inline stage sees comes from it."""
    lines: list[str] = md.lines  # type: ignore[attr-defined]  # set by Markdown.convert
    return "\n".join(lines)


class QuickUnescape(treeprocessors.UnescapeTreeprocessor):
    """Backslash escapes are the only source of what the stock stage restores."""

    def run(self, root: etree.Element) -> None:
        if "\\" in _source(self.md):
            super().run(root)


class LeanToc(treeprocessors.Treeprocessor):
    """Heading ids and permalinks as the stock `toc` stage gives them, without building and
    serialising a table of contents no page shows, unless the text may hold its marker."""

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
