"""GitHub's alerts (`> [!NOTE]`, then the quotation's text) are boxes, as this site's
admonitions (`!!! note`) are, and as GitHub and Hugo show them.

Python-Markdown read one as a quotation that starts "[!NOTE]". `GitHubAlerts` writes each of
GitHub's five kinds (note, tip, important, warning, caution) as an admonition of that kind,
its text (the quotation's lines, and the lines that run on from them) indented under it, and
a title after the kind (`> [!TIP] Faster builds`, as Hugo and Obsidian write) as its title; a
quotation inside it stays one. A `[!NAME]` of another kind stays a quotation, which GitHub
shows too, and a warning says what to write.
"""

from __future__ import annotations

import re

import markdown
from markdown.preprocessors import Preprocessor

from glossary_site.fences import outside_code
from glossary_site.indentation import ITEM_RE

KINDS = ("note", "tip", "important", "warning", "caution")
#: An alert's first line: at most 3 spaces in, the kind in brackets, then the box's title if
#: it has one of its own (Hugo's and Obsidian's `> [!NOTE] Go modules`; GitHub shows none).
ALERT_RE = re.compile(
    r"[ ]{0,3}>[ \t]*\[!(" + "|".join(KINDS) + r")\](?:[ \t]+(\S.*?))?[ \t]*$", re.IGNORECASE
)
_QUOTED_RE = re.compile(r"[ ]{0,3}>[ ]?")
#: A line that starts a block of its own, so it ends the quotation rather than running on.
_BLOCK_RE = re.compile(
    r"[ ]{0,3}(?:#|```|~~~|<|\||!!!|\?\?\?|(?:[-+*]|\d{1,9}[.)])[ \t]|([-*_])(?:[ \t]*\1){2})"
)


def as_admonitions(lines: list[str]) -> list[str]:
    """The lines with each GitHub alert written as an admonition."""
    if not any("[!" in line for line in lines):
        return lines
    written: list[str] = []
    free = {index for index, _ in outside_code(lines)}
    index = 0
    while index < len(lines):
        alert = ALERT_RE.match(lines[index]) if index in free else None
        end = index + 1
        while alert and end < len(lines) and lines[end].strip():
            if not _QUOTED_RE.match(lines[end]) and _BLOCK_RE.match(lines[end]):
                break
            end += 1  # the quotation's lines, and those that run on from them
        if alert is None or (end == index + 1 and alert.group(2) is None):
            written.append(lines[index])
            index += 1
            continue
        title = f' "{alert.group(2)}"' if alert.group(2) else ""
        indent = _item_indent(lines, index)
        written.append(f"{indent}!!! {alert.group(1).lower()}{title}")
        body = []
        for line in lines[index + 1 : end]:
            quoted = _QUOTED_RE.match(line)
            body.append(line[quoted.end() :] if quoted else line.strip())
        # an alert in the alert (`> > [!TIP]`) is a box in the box
        written.extend(f"{indent}    {text}" if text.strip() else "" for text in as_admonitions(body))
        index = end
    return written


def _item_indent(lines: list[str], index: int) -> str:
    """The alert's own indent when it is in a list item (`- item`, a blank line, `  > [!NOTE]`),
    so its box is in the item too; else none, as a box's line is read only at the margin."""
    indent = len(lines[index]) - len(lines[index].lstrip(" "))
    for line in reversed(lines[:index] if indent else ()):
        if not line.strip():
            continue
        at = len(line) - len(line.lstrip(" "))
        if ITEM_RE.match(line) and at < indent:
            return " " * indent
        if at == 0:
            break
    return ""


class GitHubAlerts(Preprocessor):
    """as_admonitions, before the admonition stage reads the text."""

    def run(self, lines: list[str]) -> list[str]:
        return as_admonitions(lines)


class GitHubAlertsExtension(markdown.Extension):
    """After tabs are expanded (30), before lists (29) and fences (28 and below) are read."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.preprocessors.register(GitHubAlerts(md), "glossary-github-alerts", 29.5)
