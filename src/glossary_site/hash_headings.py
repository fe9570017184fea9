"""`## Title` headings as CommonMark reads them: a closing run of '#'s is one only after a space.

Python-Markdown drops any '#'s at a heading's end, so `## C++ and C#` came out as "C++ and C",
its id `c-and-c`, with no word; CommonMark, Hugo and MkDocs Material keep the '#'. `## Title ##`
still loses its closing '#'s, as everywhere.
"""

from __future__ import annotations

import re

import markdown
from markdown.blockprocessors import HashHeaderProcessor


class _HashHeading(HashHeaderProcessor):
    """The stock processor, with CommonMark's closing sequence: spaces, '#'s, spaces."""

    RE = re.compile(r"(?:^|\n)(?P<level>#{1,6})(?P<header>(?:\\.|[^\\])*?)(?:[ \t]+#+)?[ \t]*(?:\n|$)")


class HashHeadingExtension(markdown.Extension):
    """Replaces the stock heading processor, in its place, in every Markdown field."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.parser.blockprocessors.register(_HashHeading(md.parser), "hashheader", 70)
