"""`~~text~~` is struck through, as GitHub, Hugo (goldmark) and MkDocs Material's tilde
extension show it; Python-Markdown showed the tildes as written.

As in GitHub's rule, the text starts and ends with other than a space (`~~ x ~~` stays as
written), holds no run of tildes of its own, and may hold other Markdown (`~~**old**~~`). A
single `~x~`, which MkDocs Material reads as subscript, is not struck through.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

import markdown
from markdown.inlinepatterns import InlineProcessor

#: The opening tildes; _Struck finds the closing ones.
OPENING_RE = r"(?<!~)~~(?=[^\s~])"


class _Struck(InlineProcessor):
    """Each opening `~~` runs to the first closing one after it: `~~` after other than a space
    or tilde, with no tilde after it. A pattern that looked for it from each of 8,000 `~~` that
    nothing closes took 3.5 s, time that grew with the square of their number: once a search
    finds none to the end of a text, none is looked for again in it."""

    def __init__(self, md: markdown.Markdown) -> None:
        super().__init__(OPENING_RE, md)
        self.unclosed: tuple[str, int] = ("", 0)  # a text, and from where nothing closes in it

    def handleMatch(  # type: ignore[override]
        self, m: re.Match[str], data: str
    ) -> tuple[etree.Element | None, int | None, int | None]:
        text, start = self.unclosed
        if text is data and m.end() >= start:  # the stage asks again with the same text
            return None, None, None
        closing = data.find("~~", m.end() + 1)
        while closing >= 0 and (data[closing - 1] in " \t\n~" or data.startswith("~", closing + 2)):
            closing = data.find("~~", closing + 1)
        if closing < 0:
            self.unclosed = (data, m.end())
            return None, None, None
        element = etree.Element("del")
        element.text = data[m.end() : closing]
        return element, m.start(0), closing + 2


class StrikethroughExtension(markdown.Extension):
    """After code, links and HTML are taken out, before emphasis (70 and below)."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.inlinePatterns.register(_Struck(md), "glossary-strikethrough", 75)
