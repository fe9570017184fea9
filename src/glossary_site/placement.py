"""Where a front-matter table appears in the body: a `{{< table id >}}` line of its own.

Hugo users know the `{{< ... >}}` shortcode form, and ordinary prose never contains it. The
marker must be a paragraph of its own (blank lines around it), so it is a block in
Markdown's eyes and the table can be set between two blocks of the converted body. A marker
inside fenced code is text, shown as written.

Validation (content.py) and conversion (markup.py) both find markers here, so they cannot
disagree about which lines are markers.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from glossary_site.fences import outside_fences

MARKER_RE = re.compile(r"^ {0,3}\{\{<\s*table\s+([^\s>]*)\s*>\}\}[ \t]*$")
#: A line that reads as a Hugo shortcode ({{< name ... >}} or {{% name ... %}}) of any kind.
SHORTCODE_RE = re.compile(r"^ {0,3}\{\{(?:<.*>|%.*%)\}\}[ \t]*$")
#: What a marker becomes in the Markdown: a paragraph no editor writes, on the marker's line.
TOKEN = "glossary-site-table-{}"
TOKEN_HTML_RE = re.compile(r"<p>glossary-site-table-(\d+)</p>")
LEFTOVER_RE = re.compile(r"glossary-site-table-\d+")
#: The converted body keeps a comment where a table goes: comments never come from content
#: (the sanitiser drops them) and auto-linking leaves them alone.
SLOT = "<!--table {}-->"
SLOT_RE = re.compile(r"<!--table (\d+)-->")


class Marker(NamedTuple):
    #: None for a line that reads as a shortcode but not as a table marker.
    table_id: str | None
    line: int
    #: The marker's place among the body's lines, counting from 0.
    row: int
    #: Whether a blank line (or the start or end of the body) is on each side of it.
    alone: bool


def find_markers(body: str, body_line: int) -> list[Marker]:
    """Every table marker of the body outside fenced code, in order, and every other line
    that reads as a shortcode, which would otherwise be shown as written."""
    if "{{" not in body:
        return []
    lines = body.split("\n")
    markers: list[Marker] = []
    for index, line in outside_fences(lines):
        if "{{" in line and SHORTCODE_RE.match(line):
            found = MARKER_RE.match(line)
            alone = all(not lines[i].strip() for i in (index - 1, index + 1) if 0 <= i < len(lines))
            markers.append(Marker(found and found.group(1), body_line + index, index, alone))
    return markers


def mark_body(body: str, table_ids: tuple[str, ...]) -> str:
    """The body with each valid marker replaced by its table's token, line for line, so the
    line numbers of everything after a marker stay right."""
    if "{{<" not in body:
        return body
    lines = body.split("\n")
    placed: set[str] = set()
    for marker in find_markers(body, 1):
        if marker.alone and marker.table_id in table_ids and marker.table_id not in placed:
            placed.add(marker.table_id)
            lines[marker.row] = TOKEN.format(table_ids.index(marker.table_id))
    return "\n".join(lines)


def slot_tables(body_html: str) -> str:
    """Tokens that became paragraphs become slots; any other (say inside raw HTML) is dropped,
    and its table follows the body."""
    if "glossary-site-table-" not in body_html:
        return body_html
    slotted = TOKEN_HTML_RE.sub(lambda m: SLOT.format(m.group(1)), body_html)
    return LEFTOVER_RE.sub("", slotted)


def split_at_slots(body_html: str) -> tuple[list[str], list[int]]:
    """The body's pieces between slots, and the table index of each slot (one fewer)."""
    parts = SLOT_RE.split(body_html)
    return parts[0::2], [int(index) for index in parts[1::2]]
