"""A reference link whose label holds code (`` [`go.sum`][] `` with `` [`go.sum`]: https://… ``)
links, as CommonMark (Hugo, GitHub) matches labels by their text as written.

Python-Markdown looks the label up after the code in it has been taken out and replaced by a
placeholder, which no definition's label is, so the link was shown as written, brackets and
all, with no word. Each reference pattern here looks again with the code written back.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree

import markdown
from markdown import inlinepatterns, util


class _CodeLabels(inlinepatterns.ReferenceInlineProcessor):
    """Its stock pattern's label, and if no definition has it, the label with its code."""

    def evalId(self, data: str, index: int, text: str) -> tuple[str | None, int, bool]:
        label, end, handled = super().evalId(data, index, text)
        if label and util.STX in label and label not in self.md.references:
            stash = self.md.treeprocessors["inline"].stashed_nodes  # type: ignore[attr-defined]
            label = util.INLINE_PLACEHOLDER_RE.sub(lambda found: _written(found, stash), label).lower()
        return label, end, handled


def _written(placeholder: re.Match[str], stash: dict[str, object]) -> str:
    node = stash.get(placeholder.group(1))
    if isinstance(node, etree.Element) and node.tag == "code" and node.text:
        return f"`{html.unescape(node.text)}`"
    return placeholder.group(0)


class _Reference(_CodeLabels, inlinepatterns.ReferenceInlineProcessor):
    pass


class _ShortReference(_CodeLabels, inlinepatterns.ShortReferenceInlineProcessor):
    pass


class _ImageReference(_CodeLabels, inlinepatterns.ImageReferenceInlineProcessor):
    pass


class _ShortImageReference(_CodeLabels, inlinepatterns.ShortImageReferenceInlineProcessor):
    pass


#: Each stock reference pattern's name, its stand-in here, and its stock priority.
_PATTERNS = (
    ("reference", _Reference, 170),
    ("image_reference", _ImageReference, 140),
    ("short_reference", _ShortReference, 130),
    ("short_image_ref", _ShortImageReference, 125),
)


class ReferenceLabelExtension(markdown.Extension):
    """In the stock reference patterns' places, with their patterns."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        patterns = md.inlinePatterns
        for name, stand_in, priority in _PATTERNS:
            if name in patterns:
                patterns.register(stand_in(patterns[name].pattern, md), name, priority)
