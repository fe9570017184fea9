"""A footnote's note that no reference in its text leads to keeps no link back.

Python-Markdown lists every note written (`[^b]: …`), also one the text never references, each
with a "↩" link back to its reference; for such a note that link led nowhere, and the build's
check of links then named a '#fnref:b' the editor never wrote, at the file's first line.
The note stays listed (it is the editor's text); foreign_markdown warns of it at its line.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

import markdown
from markdown.extensions.footnotes import NBSP_PLACEHOLDER
from markdown.treeprocessors import Treeprocessor


class UnreferencedNotes(Treeprocessor):
    """After the footnotes' own stages (50, then 15 for repeated references)."""

    def run(self, root: etree.Element) -> None:
        for notes in (child for child in root if child.tag == "div" and child.get("class") == "footnote"):
            references = {sup.get("id") for sup in root.iter("sup")}
            for holder in list(notes.iter("p")):
                for link in list(holder):
                    if link.get("class") == "footnote-backref" and link.get("href", "")[1:] not in references:
                        self._remove(holder, link)

    @staticmethod
    def _remove(holder: etree.Element, link: etree.Element) -> None:
        """The link and the no-break space Python-Markdown put right before it, keeping what
        follows it."""
        at = list(holder).index(link)
        before = holder[at - 1] if at else None
        text = (before.tail if before is not None else holder.text) or ""
        text = text.removesuffix(NBSP_PLACEHOLDER) + (link.tail or "")
        if before is not None:
            before.tail = text
        else:
            holder.text = text
        holder.remove(link)


class UnreferencedNotesExtension(markdown.Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.treeprocessors.register(UnreferencedNotes(md), "glossary-unreferenced-notes", 14)
