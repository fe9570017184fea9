"""What Markdown an editor may write before Python-Markdown would take minutes over it.

Checked before converting, in every Markdown field (terms, tools' bodies, site.yml's intros),
so a problem is reported at its line instead of a build that seems to hang.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

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
#: Each '[' sends Python-Markdown's link patterns scanning for its matching ']', to the end of
#: the paragraph when there is none, at about 0.3 µs a character here: 500 unclosed '[' before
#: 20,000 characters took 3 s, well within MAX_BRACKETS. This many characters scanned is a
#: second or so, far beyond any paragraph a person writes.
MAX_BRACKET_SCAN = 3_000_000
BRACKET_RE = re.compile(r"(?<!\\)[\[\]]")
#: A line that opens or closes fenced code, which no link pattern reads.
FENCE_RE = re.compile(r"[ \t]*(`{3,}|~{3,})")
#: The first character of a heading, a quote or a list item, and a table's header separator.
BLOCK_RE = re.compile(r"[ \t]*(?:(#)|(>)|([-+*]|\d+[.)])[ \t])")
TABLE_SEPARATOR_RE = re.compile(r"[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")


def limit_problem(text: str) -> str | None:
    """Why `text` is too much for Python-Markdown, or None."""
    if text.count("[") - text.count("\\[") > MAX_BRACKETS:
        return f"more than {MAX_BRACKETS:,} '[' in one field; escape them as \\[ or split it"
    if DEEP_LINE_RE.search(text) and _list_depth(text) > MAX_LIST_DEPTH:
        return f"lists nested more than {MAX_LIST_DEPTH} levels deep; flatten them"
    if _bracket_scan(text) > MAX_BRACKET_SCAN:
        return (
            "too many '[' without a matching ']' in one paragraph; escape them as \\[ or split the paragraph"
        )
    return None


def _bracket_scan(text: str) -> int:
    """About how many characters Python-Markdown's link patterns would scan for matching
    brackets; text that holds too few '[' to matter is not looked at."""
    if text.count("[") * len(text) <= MAX_BRACKET_SCAN:
        return 0
    return sum(_run_scan("\n".join(run)) for run in _inline_runs(text.split("\n")))


def _inline_runs(lines: list[str]) -> Iterator[list[str]]:
    """The lines grouped near enough as Python-Markdown gives them to its inline patterns.

    A paragraph ends at a blank line or a heading; lines after its first starting `- ` or
    holding `|` are still the paragraph, but each item of a list, each row of a table and
    each heading is a text of its own; consecutive quoted lines are one paragraph. Fenced
    code is left out.
    """
    run: list[str] = []
    kind = fence = ""
    for number, line in enumerate(lines):
        if fence:
            fence = "" if line.lstrip(" \t").startswith(fence) else fence
            continue
        opened = FENCE_RE.match(line)
        if opened or not line.strip():
            yield run
            run, kind, fence = [], "", opened.group(1) if opened else ""
            continue
        starts = _block_kind(line, lines[number + 1] if number + 1 < len(lines) else "")
        if run and (
            kind in ("heading", "table")
            or starts == "heading"
            or starts == kind == "item"
            or (starts == "quote" and kind != "quote")
        ):
            yield run
            run = []
        if not run and kind != "table":
            kind = starts
        run.append(line)
    yield run


def _block_kind(line: str, following: str) -> str:
    block = BLOCK_RE.match(line)
    if block is not None:
        return ("heading", "quote", "item")[(block.lastindex or 1) - 1]
    return "table" if "|" in line and TABLE_SEPARATOR_RE.match(following) else ""


def _run_scan(run: str) -> int:
    """Characters from each '[' to its matching ']', or to the end of the text."""
    scanned = 0
    open_at: list[int] = []
    for bracket in BRACKET_RE.finditer(run):
        if bracket.group() == "[":
            open_at.append(bracket.start())
        elif open_at:
            scanned += bracket.start() - open_at.pop()
    return scanned + sum(len(run) - start for start in open_at)


def _list_depth(text: str) -> int:
    """How many levels a list could nest: each level needs an item indented 4 more columns."""
    levels = {len(m.group(1).expandtabs(4)) // 4 for m in LIST_ITEM_RE.finditer(text)}
    depth = 0
    while depth in levels:
        depth += 1
    return depth
