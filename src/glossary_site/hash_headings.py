"""`## Title` headings as CommonMark reads them: a closing run of '#'s is one only after a space.

Python-Markdown drops any '#'s at a heading's end, so `## C++ and C#` came out as "C++ and C",
its id `c-and-c`, with no word; CommonMark, Hugo and MkDocs Material keep the '#'. `## Title ##`
still loses its closing '#'s, as everywhere. A trailing attribute list gives the heading its id
(`{#id}`, as in Hugo and MkDocs), classes and table-of-contents words (heading_attributes.py).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

import markdown
from markdown.blockprocessors import HashHeaderProcessor, SetextHeaderProcessor

from glossary_site.heading_attributes import CONTENTS_LABEL, trailing


class _HashHeading(HashHeaderProcessor):
    """The stock processor, with CommonMark's closing sequence: spaces, '#'s, spaces."""

    RE = re.compile(r"(?:^|\n)(?P<level>#{1,6})(?P<header>(?:\\.|[^\\])*?)(?:[ \t]+#+)?[ \t]*(?:\n|$)")

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        super().run(parent, blocks)
        _take_attributes(parent[-1])


class _SetextHeading(SetextHeaderProcessor):
    """The stock processor, reading an attribute list after the words as `#` headings do (Hugo
    reads `{#id}` there)."""

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        super().run(parent, blocks)
        _take_attributes(parent[-1])


def _take_attributes(heading: etree.Element) -> None:
    """A trailing attribute list taken off the heading's words and given to it: its id, which
    the `toc` stage keeps (and gives no other heading), classes, and its words in "On this page"."""
    taken = trailing(heading.text or "")
    if taken is None:
        return
    start, attributes = taken
    heading.text = (heading.text or "")[:start].rstrip()
    if attributes.id is not None:
        heading.set("id", attributes.id)
    if attributes.classes:
        heading.set("class", " ".join(attributes.classes))
    if attributes.label is not None:
        heading.set(CONTENTS_LABEL, attributes.label)


class HashHeadingExtension(markdown.Extension):
    """Replaces the stock heading processors, in their places, in every Markdown field."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        blocks = md.parser.blockprocessors
        blocks.register(_HashHeading(md.parser), "hashheader", 70)
        blocks.register(_SetextHeading(md.parser), "setextheader", 60)
