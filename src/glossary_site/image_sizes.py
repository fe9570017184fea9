"""A picture's size after it, `![Chart](/images/chart.png){ width="300" }`, as MkDocs (attr_list)
writes it.

Python-Markdown without attr_list showed the braces after the picture, and a warning said to
write an `<img>` tag instead. Of all an attribute list could give a picture, the sanitiser keeps
its width and height, so those are read, in pixels as HTML's attributes take them; a list with
anything else (`align=left`, `.center`, `50%`) is still shown as written, with that warning.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

import markdown
from markdown.treeprocessors import Treeprocessor

_SIZE = r"""(?:width|height)[ \t]*=[ \t]*(?:"\d+"|'\d+'|\d+)"""
#: A size list right after a picture: width and/or height, each a number of pixels.
SIZES_RE = re.compile(rf"\{{:?[ \t]*({_SIZE}(?:[ \t]+{_SIZE})?)[ \t]*\}}")
_PAIR_RE = re.compile(r"""(width|height)[ \t]*=[ \t]*["']?(\d+)""")


class ImageSizes(Treeprocessor):
    """After the inline stage (20), which makes the pictures and leaves the list in the text
    after each."""

    def run(self, root: etree.Element) -> None:
        for image in root.iter("img"):
            tail = image.tail or ""
            found = SIZES_RE.match(tail) if tail.startswith("{") else None
            if found is not None:
                for name, value in _PAIR_RE.findall(found.group(1)):
                    image.set(name, value)
                image.tail = tail[found.end() :]


class ImageSizesExtension(markdown.Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.treeprocessors.register(ImageSizes(md), "glossary-image-sizes", 19.5)
