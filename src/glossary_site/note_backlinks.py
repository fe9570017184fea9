"""The "↩" links from a footnote's note back to where the text references it.

Python-Markdown lists every note written (`[^b]: …`), also one the text never references, each
with a link back to its reference; for such a note that link led nowhere, and the build's check
of links then named a '#fnref:b' the editor never wrote, at the file's first line. That note
stays listed (it is the editor's text) with no link back; foreign_markdown warns of it at its
line. And the links go into the note's last paragraph, which for a note that ends in a code
block is the stand-in the block is put back in: the block then sat inside a `<p>`, which no
page may hold; they get a paragraph of their own.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

import markdown
from markdown import util
from markdown.extensions.footnotes import NBSP_PLACEHOLDER
from markdown.treeprocessors import Treeprocessor

#: A paragraph that is only a stand-in for HTML kept aside (a code block), before the links.
_KEPT_ASIDE_RE = re.compile(f"\\s*{util.HTML_PLACEHOLDER % r'[0-9]+'}\\s*")


class NoteBacklinks(Treeprocessor):
    """After the footnotes' own stages (50, then 15 for repeated references)."""

    def run(self, root: etree.Element) -> None:
        for notes in (child for child in root if child.tag == "div" and child.get("class") == "footnote"):
            references = {sup.get("id") for sup in root.iter("sup")}
            for note in notes.iter("li"):
                holder = note.find("p[last()]")
                links = [] if holder is None else [a for a in holder if a.get("class") == "footnote-backref"]
                if holder is None or not links:
                    continue
                kept = [link for link in links if link.get("href", "")[1:] in references]
                text = (holder.text or "").removesuffix(NBSP_PLACEHOLDER)
                aside = len(holder) == len(links) and _KEPT_ASIDE_RE.fullmatch(text) is not None
                if len(kept) == len(links) and not aside:
                    continue  # as Python-Markdown wrote them, most notes
                for link in links:
                    _remove(holder, link)
                if kept and aside:
                    holder = etree.SubElement(note, "p")
                _append(holder, kept)


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
    link.tail = None
    holder.remove(link)


def _append(holder: etree.Element, links: list[etree.Element]) -> None:
    """The links at the paragraph's end, after a no-break space if it has text, as
    Python-Markdown put them."""
    if not links:
        return
    last = holder[-1] if len(holder) else None
    if last is not None:
        last.tail = (last.tail or "") + NBSP_PLACEHOLDER
    elif holder.text:
        holder.text += NBSP_PLACEHOLDER
    holder.extend(links)


class NoteBacklinksExtension(markdown.Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.treeprocessors.register(NoteBacklinks(md), "glossary-note-backlinks", 14)
