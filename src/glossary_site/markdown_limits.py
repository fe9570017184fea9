"""What Markdown an editor may write before Python-Markdown would take minutes over it.

Checked before converting, in every Markdown field (terms, tools' bodies, site.yml's intros),
so a problem is reported at its line instead of a build that seems to hang.
"""

from __future__ import annotations

import re

#: Python-Markdown scans to the end of the text for every '[' that might open a link, so
#: time grows with the square of their number: 10,000 take minutes. No glossary needs this many.
MAX_BRACKETS = 2_000
#: Python-Markdown recurses for each level of a nested list and gives up near 245 levels, after
#: time that grows with the text's size times its depth (40 s for 1,200 levels): deeper lists
#: are reported before it starts.
MAX_LIST_DEPTH = 200
#: A line that may be indented MAX_LIST_DEPTH levels deep (4 columns each, or one tab).
DEEP_LINE_RE = re.compile(rf"^[ \t]{{{MAX_LIST_DEPTH},}}", re.MULTILINE)
LIST_ITEM_RE = re.compile(r"^([ \t]*)(?:[-+*]|\d+[.)])[ \t]", re.MULTILINE)


def limit_problem(text: str) -> str | None:
    """Why `text` is too much for Python-Markdown, or None."""
    if text.count("[") - text.count("\\[") > MAX_BRACKETS:
        return f"more than {MAX_BRACKETS:,} '[' in one field; escape them as \\[ or split it"
    if DEEP_LINE_RE.search(text) and _list_depth(text) > MAX_LIST_DEPTH:
        return f"lists nested more than {MAX_LIST_DEPTH} levels deep; flatten them"
    return None


def _list_depth(text: str) -> int:
    """How many levels a list could nest: each level needs an item indented 4 more columns."""
    levels = {len(m.group(1).expandtabs(4)) // 4 for m in LIST_ITEM_RE.finditer(text)}
    depth = 0
    while depth in levels:
        depth += 1
    return depth
