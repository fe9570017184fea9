"""Hugo's shortcodes written without a space after their '<' (`{{<figure src="a.png">}}`),
shown as written, as foreign_markdown's warning says they are.

With a space (`{{< figure >}}`) the engine reads no tag there; without one, its raw-HTML
pattern kept `<figure src="a.png">` as an element, which broke the paragraph around it, and
a `{{<ref "gpu.md">}}` was named as an HTML tag removed from the page.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

import markdown
from markdown.inlinepatterns import InlineProcessor

#: A shortcode's opening, or a closing one's (`{{</tab>}}`), right before its name.
OPENING_RE = re.compile(r"\{\{<(?=/?[A-Za-z])")


class ShortcodeOpenings(InlineProcessor):
    """The opening as text, so that no tag starts at its '<'."""

    def handleMatch(  # type: ignore[override]  # the stub's return type has no str
        self, m: re.Match[str], data: str
    ) -> tuple[str | etree.Element | None, int | None, int | None]:
        return m.group(0), m.start(0), m.end(0)


class HugoShortcodesExtension(markdown.Extension):
    """After code spans, escapes and links (a shortcode in a link's address is the link
    check's to report), before automatic links and raw HTML."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.inlinePatterns.register(ShortcodeOpenings(OPENING_RE.pattern, md), "glossary-hugo-shortcode", 125)
