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
