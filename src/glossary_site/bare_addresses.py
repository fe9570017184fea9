"""Web and e-mail addresses written bare in text are links, as Hugo (goldmark's Linkify) and
GitHub make them.

Python-Markdown links only an address in angle brackets (`<https://…>`) and showed one written
bare as text for the reader to copy. As GitHub's rule has it, an address starts with
`https://`, `http://` or `www.` (then linked over https) at the start of a line, after a space
or one of `*_~(`, has a dot in its host name, and ends before a space or `<`; a `.`, `,`, `:`,
`;`, `!`, `?`, quote, `*`, `_` or `~` at its end, a `)` that closes no `(` in it, and what
reads as an entity (`&hl;`) are the sentence's. Code, HTML and a link's text are left alone:
the patterns for code spans, links and inline HTML take theirs first. An e-mail address
(`editor@example.org`) links to a mail to it.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

import markdown
from markdown import util
from markdown.inlinepatterns import InlineProcessor

#: Not after a character other than a space or `*_~(`; no placeholder (\x02, \x03) of code or
#: HTML taken out before, no space or `<`, inside it.
ADDRESS_RE = r"(?<![^\s*_~(])(?:https?://|www\.)[\w-]+(?:\.[\w-]+)+[^\s<\x02\x03]*"
_SENTENCE_END = "?!.,:;*_~'\""
_ENTITY_END_RE = re.compile(r"&[A-Za-z0-9]+;$")


def address_end(address: str) -> int:
    """How much of a bare address is the address: without what ends the sentence around it, or
    what reads as an entity at its end (`&hl;`)."""
    end = len(address)
    while end:
        last = address[end - 1]
        entity = _ENTITY_END_RE.search(address, 0, end) if last == ";" else None
        if entity:
            end = entity.start()
        elif last in _SENTENCE_END or (
            last == ")" and address.count("(", 0, end) < address.count(")", 0, end)
        ):
            end -= 1
        else:
            break
    return end


class _BareAddress(InlineProcessor):
    ANCESTOR_EXCLUDES = ("a",)

    def handleMatch(  # type: ignore[override]
        self, m: re.Match[str], data: str
    ) -> tuple[etree.Element | None, int | None, int | None]:
        address = m.group(0)[: address_end(m.group(0))]
        if "." not in address.split("//", 1)[-1].split("/", 1)[0].strip("."):  # `https://x._`
            return None, None, None
        element = etree.Element(
            "a", {"href": f"https://{address}" if address.startswith("www.") else address}
        )
        element.text = util.AtomicString(address)
        return element, m.start(0), m.start(0) + len(address)


#: An e-mail address, as GitHub's rule has it: letters, digits and `.+-_` before the `@`, and a
#: host name with a dot after it, not run on from a word, an address or a path.
EMAIL_RE = r"(?<![\w.+/:@-])[\w.+-]+@[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)+(?![\w@])"


class _BareEmail(InlineProcessor):
    ANCESTOR_EXCLUDES = ("a",)

    def handleMatch(  # type: ignore[override]
        self, m: re.Match[str], data: str
    ) -> tuple[etree.Element | None, int | None, int | None]:
        address = m.group(0)
        if address[-1] in "-_":  # GitHub links none that ends so
            return None, None, None
        element = etree.Element("a", {"href": f"mailto:{address}"})
        element.text = util.AtomicString(address)
        return element, m.start(0), m.end(0)


class BareAddressExtension(markdown.Extension):
    """After inline HTML (90) is taken out, before entities (80) and emphasis."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.inlinePatterns.register(_BareAddress(ADDRESS_RE, md), "glossary-bare-address", 85)
        md.inlinePatterns.register(_BareEmail(EMAIL_RE, md), "glossary-bare-email", 84)
