"""An attribute list right after a picture or a link, as MkDocs (attr_list) writes them:
`![Chart](/images/chart.png){ width="300" }`, `[Get started](/start/){ .md-button }`.

Python-Markdown without attr_list showed the braces after the element, and a warning said to
write HTML instead. Of all a list could give, the sanitiser keeps an element's classes and a
picture's width and height, so those are read: classes for a site's own CSS (the theme styles
MkDocs Material's `.md-button` and `.md-button--primary`), sizes in pixels, as HTML's
attributes take them. A list with anything else (`#id`, `align=left`, `width="50%"`) is shown
as written, with that warning.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

import markdown
from markdown.treeprocessors import Treeprocessor

from glossary_site.model import PLACEHOLDER_HREF

_CLASS = r"\.[A-Za-z_][\w-]*"
_SIZE = r"""(?:width|height)[ \t]*=[ \t]*(?:"\d+"|'\d+'|\d+)"""
#: A list of classes and sizes only, as attr_list writes it (`{: … }` too).
LIST_RE = re.compile(rf"\{{:?[ \t]*((?:{_CLASS}|{_SIZE})(?:[ \t]+(?:{_CLASS}|{_SIZE}))*)[ \t]*\}}")
_ITEM_RE = re.compile(rf"({_CLASS})|(width|height)[ \t]*=[ \t]*[\"']?(\d+)")


def read_list(items: str, picture: bool) -> tuple[list[str], dict[str, str]] | None:
    """The classes and sizes of LIST_RE's `items`, if the element (a picture or a link) takes
    them all: a link has no size."""
    classes, sizes = [], {}
    for found in _ITEM_RE.finditer(items):
        if found.group(1):
            classes.append(found.group(1)[1:])
        elif picture:
            sizes[found.group(2)] = found.group(3)
        else:
            return None
    return classes, sizes


class LinkAttributes(Treeprocessor):
    """After the inline stage (20), which makes the pictures and links and leaves each list in
    the text after its element. A wiki-link is left alone: wikilinks.fill_links finds its
    placeholder by the bare `<a href="#wikilink-N">`, and the checks read `[[Term]]{…}` as
    shown as written."""

    def run(self, root: etree.Element) -> None:
        for element in (*root.iter("img"), *root.iter("a")):
            tail = element.tail or ""
            if not tail.startswith("{") or element.get("href", "").startswith(PLACEHOLDER_HREF):
                continue
            found = LIST_RE.match(tail)
            read = read_list(found.group(1), element.tag == "img") if found else None
            if found is None or read is None:
                continue
            classes, sizes = read
            if classes:
                element.set("class", " ".join([*element.get("class", "").split(), *classes]))
            for name, value in sizes.items():
                element.set(name, value)
            element.tail = tail[found.end() :]


class LinkAttributesExtension(markdown.Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.treeprocessors.register(LinkAttributes(md), "glossary-link-attributes", 19.5)
