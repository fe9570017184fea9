"""The tags of an HTML fragment, apart from its text.

A page's converted Markdown is searched for its links and ids with regular expressions, and
its text may say the same thing: a glossary of web terms shows `<a href="/x/">` in code,
where only '<' is escaped. A link or id is one only inside a tag; this finds the tags, with
their attribute values quoted either way or not at all, and a '>' inside a quoted value.
"""

from __future__ import annotations

import re
from collections.abc import Callable

TAG_RE = re.compile(
    r"""<[A-Za-z][^\s/>]*(?:\s+[^\s"'=<>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*/?>"""
)


def tags(fragment: str) -> list[str]:
    return TAG_RE.findall(fragment)


def in_tags(fragment: str, change: Callable[[str], str]) -> str:
    """`fragment` with `change` applied to each tag, its text left as it is."""
    return TAG_RE.sub(lambda tag: change(tag.group()), fragment)


#: An opening tag as CommonMark reads raw HTML in a line of text: names of letters, digits and
#: '-' (an attribute's of '_', ':' and '.' too), so that prose with '<' and '>' in it (`a<b, then
#: [[Term]], so c>d`, `0<n and $f(n)>0$`) is no tag.
_WRITTEN_TAG_RE = re.compile(
    r"""<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*/?>"""
)


def within_tag(text: str, at: int) -> bool:
    """Whether `at` falls inside a tag of raw HTML in `text` (`<span title="[[Term]]">`),
    where Markdown is an attribute's text, not a link or a formula to make."""
    if "<" not in text[:at]:
        return False
    for tag in _WRITTEN_TAG_RE.finditer(text):
        if tag.start() >= at:
            return False
        if at < tag.end():
            return True
    return False
