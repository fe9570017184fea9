"""`## Title` headings as CommonMark reads them: a closing run of '#'s is one only after a space.

Python-Markdown drops any '#'s at a heading's end, so `## C++ and C#` came out as "C++ and C",
its id `c-and-c`, with no word; CommonMark, Hugo and MkDocs Material keep the '#'. `## Title ##`
still loses its closing '#'s, as everywhere. A trailing `{#id}` is the heading's id, as in Hugo
and MkDocs (custom_ids.py).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

import markdown
from markdown.blockprocessors import HashHeaderProcessor, SetextHeaderProcessor

from glossary_site.custom_ids import TRAILING_ID_RE


class _HashHeading(HashHeaderProcessor):
    """The stock processor, with CommonMark's closing sequence: spaces, '#'s, spaces."""

    RE = re.compile(r"(?:^|\n)(?P<level>#{1,6})(?P<header>(?:\\.|[^\\])*?)(?:[ \t]+#+)?[ \t]*(?:\n|$)")

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        super().run(parent, blocks)
        _take_id(parent[-1])


class _SetextHeading(SetextHeaderProcessor):
    """The stock processor, reading `{#id}` after the words as `#` headings do (Hugo does)."""

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        super().run(parent, blocks)
        _take_id(parent[-1])


def _take_id(heading: etree.Element) -> None:
    """A trailing `{#id}` taken off the heading's words and made its id, which the `toc` stage
    keeps (and gives no other heading)."""
    words = heading.text or ""
    found = TRAILING_ID_RE.search(words) if words.endswith("}") else None
    if found is not None and words[: found.start()].strip():
        heading.text = words[: found.start()].rstrip()
        heading.set("id", found.group("id"))


class HashHeadingExtension(markdown.Extension):
    """Replaces the stock heading processors, in their places, in every Markdown field."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        blocks = md.parser.blockprocessors
        blocks.register(_HashHeading(md.parser), "hashheader", 70)
        blocks.register(_SetextHeading(md.parser), "setextheader", 60)
