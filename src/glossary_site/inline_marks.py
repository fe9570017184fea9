"""pymdownx's inline marks, which MkDocs Material sites turn on: `==marked==`, `^^inserted^^`,
`H~2~O`, `x^2^` and `++ctrl+alt+del++`, shown as `<mark>`, `<ins>`, `<sub>`, `<sup>` and
`<kbd>` keys.

Python-Markdown showed the marks as written (a warning named the element to write). As in
pymdownx, no space stands just inside a mark, so `C++`, `~5 km` and `2^10` stay text; code,
formulas, links and `~~struck~~` text are read before the marks are.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

import markdown
from markdown.inlinepatterns import InlineProcessor

#: Each mark's pattern (the marked text in group 1) and its element.
MARKS: tuple[tuple[str, str, str], ...] = (
    ("glossary-mark", r"(?<![=\w])==(?=[^\s=])([^=\n]*?[^\s=])==(?![=\w])", "mark"),
    ("glossary-insert", r"(?<![\^\\])\^\^(?=[^\s^])([^\^\n]*?[^\s^])\^\^(?!\^)", "ins"),
    ("glossary-subscript", r"(?<![~\\])~([^\s~]++)~(?!~)", "sub"),
    ("glossary-superscript", r"(?<![\^\\\[])\^([^\s^]++)\^(?!\^)", "sup"),
)
#: Keys pressed together, `++ctrl+alt+del++`: each a `<kbd>`, joined by '+'.
KEYS_RE = r"(?<![+\w])\+\+(\w[^\s+]*(?:\+[^\s+]+)*)\+\+(?![+\w])"


class _Marked(InlineProcessor):
    def __init__(self, pattern: str, tag: str, md: markdown.Markdown) -> None:
        super().__init__(pattern, md)
        self.tag = tag

    def handleMatch(  # type: ignore[override]
        self, m: re.Match[str], data: str
    ) -> tuple[etree.Element, int, int]:
        element = etree.Element(self.tag)
        element.text = m.group(1)  # read on for the Markdown inside: ==**new**==
        return element, m.start(0), m.end(0)


class _Keys(InlineProcessor):
    def handleMatch(  # type: ignore[override]
        self, m: re.Match[str], data: str
    ) -> tuple[etree.Element, int, int]:
        keys = etree.Element("span", {"class": "keys"})
        for name in m.group(1).split("+"):
            if len(keys):
                keys[-1].tail = "+"
            etree.SubElement(keys, "kbd").text = markdown.util.AtomicString(name)
        return keys, m.start(0), m.end(0)


class InlineMarksExtension(markdown.Extension):
    """After `~~struck~~` text (75), before emphasis (60 and below), which they may hold."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        for priority, (name, pattern, tag) in zip((74, 73, 72, 71), MARKS, strict=True):
            md.inlinePatterns.register(_Marked(pattern, tag, md), name, priority)
        md.inlinePatterns.register(_Keys(KEYS_RE, md), "glossary-keys", 70)
