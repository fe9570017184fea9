"""Task lists, `- [ ] to do` and `- [x] done`, as GitHub, Hugo and MkDocs (pymdownx.tasklist)
show them: each item's box drawn before its text.

Python-Markdown showed the brackets as written (a warning said to write the items with a ☐ or ☑
instead). The box is that character, ☐ or ☑, in a `span.task-box` of the item, which the
theme sets where the list's bullet was: no form control, which a page that takes no input has
no use for and which needs a label of its own, and a screen reader names the character, as
it would name the one an editor typed.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

import markdown
from markdown.treeprocessors import Treeprocessor

#: An item's box: `[ ]`, `[x]` or `[X]`, then a space, at the start of its text.
BOX_RE = re.compile(r"\[([ xX])\][ \t]+")
OPEN, DONE = "\u2610", "\u2611"


class TaskBoxes(Treeprocessor):
    """Before the inline stage (20), which would read `[x]` as a link's text."""

    def run(self, root: etree.Element) -> None:
        for item in root.iter("li"):
            holder = item[0] if len(item) and not (item.text or "").strip() and item[0].tag == "p" else item
            found = BOX_RE.match(holder.text or "")
            if found is None:
                continue
            box = etree.Element("span", {"class": "task-box"})
            box.text = OPEN if found.group(1) == " " else DONE
            box.tail = " " + (holder.text or "")[found.end() :]
            holder.text = ""
            holder.insert(0, box)
            item.set("class", "task-item")


class TaskListExtension(markdown.Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.treeprocessors.register(TaskBoxes(md), "glossary-task-boxes", 21.2)
