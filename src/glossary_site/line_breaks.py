"""A `\\` at the end of a line is a line break, as CommonMark (Hugo, GitHub) reads it.

Python-Markdown breaks a line only after two spaces, which an editor cannot see and many trim,
and showed the backslash as written. The last line of a paragraph has no line after it to
break to, so a `\\` there stays text, as in CommonMark; one escaped (`\\\\`) is a backslash.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

import markdown
from markdown.inlinepatterns import InlineProcessor

#: After the escape pattern (180) has taken each `\\\\`, a backslash left before a line break.
BREAK_RE = r"\\\n"


class _BackslashBreak(InlineProcessor):
    def handleMatch(  # type: ignore[override]
        self, m: re.Match[str], data: str
    ) -> tuple[etree.Element, int, int]:
        return etree.Element("br"), m.start(0), m.end(0)


class LineBreakExtension(markdown.Extension):
    """Next to the stock two-space break (100), after escapes (180)."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.inlinePatterns.register(_BackslashBreak(BREAK_RE, md), "glossary-backslash-break", 101)
