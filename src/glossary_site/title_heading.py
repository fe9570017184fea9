"""A body that opens with its page's title as a heading, as every MkDocs page does (`# GPU`,
or `GPU` over a line of '=').

The page shows the title as its heading already, so a copied page would show it twice, the
second time as a second-level heading (markup.demote_h1), with no word from the build. Its
line is a warning that says to delete it.
"""

from __future__ import annotations

import re

from glossary_site.model import name_key

#: A level-1 heading as the engine reads one: up to 3 spaces, '#', a space, the text, and
#: any closing '#'s.
_H1_RE = re.compile(r"[ ]{0,3}#[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*")
#: The line under a setext level-1 heading's text.
_SETEXT_RE = re.compile(r"[ ]{0,3}=+[ \t]*")
#: What makes a heading's text differ from the title without changing what it says.
_MARKS_RE = re.compile(r"[*_`\s]+")


def repeated_title(body: str, body_line: int, title: str) -> int | None:
    """The file line of the body's first line when it is a level-1 heading that says the
    title (case, Unicode form and emphasis aside), `# Title` or `Title` over a line of '=';
    else None."""
    if not title or ("#" not in body and "=" not in body):
        return None
    lines = body.split("\n")
    for index, line in enumerate(lines):
        if line.strip():
            heading = _H1_RE.fullmatch(line)
            if heading is not None:
                said = heading.group(1)
            elif index + 1 < len(lines) and _SETEXT_RE.fullmatch(lines[index + 1]) and line[:4].strip():
                said = line
            else:
                return None
            return body_line + index if _said(said) == _said(title) else None
    return None


def _said(text: str) -> str:
    return name_key(_MARKS_RE.sub(" ", text).strip())


def message(what: str) -> str:
    """The warning at the heading, for a term's or a tool's body."""
    return (
        f"this heading repeats the {what}'s title, which its page shows as its heading already; "
        "delete this line"
    )
