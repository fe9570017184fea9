"""MkDocs Material's collapsible admonitions: `??? note "Title"`, closed until the reader opens
it, and `???+ note`, open until closed, as `<details>` boxes of that kind.

Python-Markdown showed the line as written (a warning said to write `!!! note`), so a page
copied from MkDocs lost its boxes. indentation.MarkedLines writes each such line as an
admonition's first line with a marker kind, before the admonition stage reads the text, so its text, its
nesting and its title are read as every admonition's are; `CollapsibleBoxes` then makes each
marked box a `<details>` whose `<summary>` is the title.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

import markdown

from glossary_site.indentation import MarkedBoxes, MarkedLines

#: A collapsible box's first line: `???` (closed) or `???+` (open), its kinds, its title.
COLLAPSIBLE_RE = re.compile(
    r"([ ]*)\?\?\?(\+?)[ \t]+([\w-]+(?:[ \t]+[\w-]+)*)((?:[ \t]+\"[^\"\n]*\")?)[ \t]*$"
)
#: The kinds the marked boxes take until CollapsibleBoxes takes them off again.
CLOSED, OPEN = "glossary-collapsed", "glossary-expanded"


def _as_admonition(found: re.Match[str]) -> str:
    indent, opened, kinds, title = found.groups()
    return f"{indent}!!! {kinds} {OPEN if opened else CLOSED}{title}"


class CollapsibleBoxes(MarkedBoxes):
    """Each marked box as `<details>`, open if `???+`; a box with an empty title (`""`) is
    summed up by its kind, as a `<details>` must show something to click."""

    def rebuild(self, root: etree.Element) -> None:
        for box in list(root.iter("div")):
            classes = (box.get("class") or "").split()
            if CLOSED not in classes and OPEN not in classes:
                continue
            box.tag = "details"
            box.set("class", " ".join(name for name in classes if name not in (CLOSED, OPEN)))
            if OPEN in classes:
                box.set("open", "open")
            title = box[0] if len(box) and box[0].get("class") == "admonition-title" else None
            if title is None:
                title = etree.Element("summary", {"class": "admonition-title"})
                title.text = classes[1].capitalize()
                box.insert(0, title)
            title.tag = "summary"


class CollapsibleAdmonitionsExtension(markdown.Extension):
    """Lines before the GitHub alerts (29.5) and lists (29) are read; boxes before the inline
    stage (20), which reads the summary's Markdown as it read the title's."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        lines = MarkedLines(md, "???", COLLAPSIBLE_RE, _as_admonition)
        md.preprocessors.register(lines, "glossary-collapsible-lines", 29.6)
        md.treeprocessors.register(CollapsibleBoxes(md, lines), "glossary-collapsible-boxes", 21)
