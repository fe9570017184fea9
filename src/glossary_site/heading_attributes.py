"""A heading's attribute list, `## Words { #id .class data-toc-label="Short" }`, as attr_list reads it.

Editors coming from MkDocs end a heading with one to fix its anchor (custom_ids.py), to give it
a class their CSS styles, or to give it fewer words in the page's table of contents. A list
that holds anything else is not read at all (attr_list would copy any key onto the page's
HTML): it stays on the page as written, and the checks say so (foreign_markdown.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: The attribute that carries a heading's own words for "On this page" (term_page.py). Not
#: attr_list's `data-toc-label`, which Python-Markdown's `toc` stage takes off every heading.
CONTENTS_LABEL = "data-contents-label"

_VALUE = r"""(?:"([^"]*)"|'([^']*)'|([^\s"'{}=]+))"""
#: One item of a list: `#id`, `.class`, `id=…` or `data-toc-label=…`, then a blank or the end.
_ITEM_RE = re.compile(
    rf"[ \t]*(?:#(\w[\w.:-]*)|\.(-?[A-Za-z_][\w-]*)|(id|data-toc-label)={_VALUE})(?![^ \t])"
)
_ID_RE = re.compile(r"\w[\w.:-]*")
#: A list at the end of a heading's words (attr_list's `{: …}` too); `(inner)`.
LIST = r"[ \t]+\{:?([^{}\n]*)\}"
_TRAILING_RE = re.compile(LIST + "$")


@dataclass(frozen=True)
class HeadingAttributes:
    id: str | None
    classes: tuple[str, ...]
    #: The heading's words in the page's table of contents, if not its own.
    label: str | None


def read(inner: str) -> HeadingAttributes | None:
    """The attributes between a list's braces, or None if any item is not one read here, or
    the id or label is given twice."""
    given_id: str | None = None
    label: str | None = None
    classes: list[str] = []
    position, end = 0, len(inner.rstrip())
    while position < end:
        item = _ITEM_RE.match(inner, position)
        if item is None:
            return None
        position = item.end()
        hashed, class_, key = item.group(1, 2, 3)
        value = next((v for v in item.group(4, 5, 6) if v is not None), "")
        if class_:
            classes.append(class_)
        elif hashed or key == "id":
            if given_id is not None or not _ID_RE.fullmatch(hashed or value):
                return None
            given_id = hashed or value
        elif label is not None:
            return None
        else:
            label = value
    if given_id is None and label is None and not classes:
        return None
    return HeadingAttributes(given_id, tuple(classes), label)


def trailing(words: str) -> tuple[int, HeadingAttributes] | None:
    """Where a list read here starts at the end of a heading's words, and what it gives; None
    when there is none, or nothing before it."""
    found = _TRAILING_RE.search(words) if words.endswith("}") else None
    if found is None or not words[: found.start()].strip():
        return None
    attributes = read(found.group(1))
    return None if attributes is None else (found.start(), attributes)
